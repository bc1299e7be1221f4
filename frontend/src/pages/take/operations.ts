import { graphql } from '../../gql';

/** An attempt as a list shows it; AttemptFields adds its questions and results. */
export const AttemptSummaryFragment = graphql(`
  fragment AttemptSummary on Attempt {
    id number status quizVersion quizTitle startedAt deadline closedAt score maxScore percentage passed
    quiz { ...QuizFields }
  }
`);

export const OpenQuizzesQuery = graphql(`
  query OpenQuizzes($slug: String!, $first: Int!, $after: String, $search: String) {
    organization(slug: $slug) {
      id
      quizzes(first: $first, after: $after, status: PUBLISHED, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { ...QuizFields }
        }
      }
    }
  }
`);

export const MyAttemptsQuery = graphql(`
  query MyAttempts($slug: String!, $first: Int!, $after: String, $memberId: ID) {
    organization(slug: $slug) {
      id
      attempts(first: $first, after: $after, memberId: $memberId) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node { ...AttemptSummary }
        }
      }
    }
  }
`);

export const AttemptFieldsFragment = graphql(`
  fragment AttemptFields on Attempt {
    ...AttemptSummary
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
    saveAttemptAnswers(input: $input) { attempt { ...AttemptSummary } }
  }
`);

export const SubmitAttemptMutation = graphql(`
  mutation SubmitAttempt($input: AttemptAnswersInput!) {
    submitAttempt(input: $input) { attempt { ...AttemptFields } }
  }
`);
