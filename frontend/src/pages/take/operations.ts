import { graphql } from '../../gql';

export const OpenQuizzesQuery = graphql(`
  query OpenQuizzes($slug: String!, $first: Int!, $after: String, $search: String) {
    organization(slug: $slug) {
      id
      quizzes(first: $first, after: $after, status: PUBLISHED, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id title description questionCount maxPoints timeLimitSeconds attemptsAllowed
            passMarkPercent closesAt isOpen
          }
        }
      }
    }
  }
`);

export const MyAttemptsQuery = graphql(`
  query MyAttempts($slug: String!, $first: Int!, $memberId: ID) {
    organization(slug: $slug) {
      id
      attempts(first: $first, memberId: $memberId) {
        edges {
          node { id number status quizTitle startedAt closedAt score maxScore percentage passed deadline quiz { id } }
        }
      }
    }
  }
`);

export const AttemptFieldsFragment = graphql(`
  fragment AttemptFields on Attempt {
    id number status quizVersion startedAt deadline closedAt score maxScore percentage passed quizTitle
    quiz { id title passMarkPercent revealAnswers timeLimitSeconds }
    questions { id number kind prompt points options { id text } }
    results {
      answered correct pointsAwarded selectedOptionIds text number
      question { id number kind prompt points options { id text } }
      revealed { correctOptionIds acceptedAnswers numericValue numericTolerance explanation }
    }
  }
`);

export const AttemptQuery = graphql(`
  query Attempt($id: ID!) {
    node(id: $id) {
      __typename
      ... on Attempt { ...AttemptFields }
    }
  }
`);

export const StartAttemptMutation = graphql(`
  mutation StartAttempt($input: StartAttemptInput!) {
    startAttempt(input: $input) { attempt { ...AttemptFields } }
  }
`);

export const SaveAttemptAnswersMutation = graphql(`
  mutation SaveAttemptAnswers($input: AttemptAnswersInput!) {
    saveAttemptAnswers(input: $input) { attempt { id status deadline } }
  }
`);

export const SubmitAttemptMutation = graphql(`
  mutation SubmitAttempt($input: AttemptAnswersInput!) {
    submitAttempt(input: $input) { attempt { ...AttemptFields } }
  }
`);
