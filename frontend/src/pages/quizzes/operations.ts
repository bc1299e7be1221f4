import { graphql } from '../../gql';

/** A quiz as lists, the editor and mutation payloads ask for it (one copy per id in Graphcache). */
export const QuizFieldsFragment = graphql(`
  fragment QuizFields on Quiz {
    id title description status version timeLimitSeconds attemptsAllowed passMarkPercent
    shuffleQuestions shuffleOptions revealAnswers certificateOnPass opensAt closesAt
    questionCount maxPoints updatedAt publishedAt isOpen
  }
`);


export const QuizzesQuery = graphql(`
  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus, $search: String) {
    organization(slug: $slug) {
      id
      quizzes(first: $first, after: $after, status: $status, search: $search) {
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

/** A quiz as its editor needs it: with the questions and their answers (staff only). */
export const QuizEditorFieldsFragment = graphql(`
  fragment QuizEditorFields on Quiz {
    ...QuizFields
    questionsWithAnswers {
      id number kind prompt points explanation acceptedAnswers numericValue numericTolerance
      options { id text correct }
    }
  }
`);

export const QuizEditorQuery = graphql(`
  query QuizEditor($id: ID!, $slug: String!) {
    node(id: $id) {
      __typename
      ... on Quiz { ...QuizEditorFields }
    }
    organization(slug: $slug) {
      id
      attempts(quizId: $id, first: 1) { totalCount }
    }
  }
`);

export const CreateQuizMutation = graphql(`
  mutation CreateQuiz($input: CreateQuizInput!) {
    createQuiz(input: $input) { quiz { ...QuizEditorFields } }
  }
`);

export const UpdateQuizMutation = graphql(`
  mutation UpdateQuiz($input: UpdateQuizInput!) {
    updateQuiz(input: $input) { quiz { ...QuizEditorFields } }
  }
`);

export const PublishQuizMutation = graphql(`
  mutation PublishQuiz($input: QuizIdInput!) {
    publishQuiz(input: $input) { quiz { ...QuizFields } }
  }
`);

export const ArchiveQuizMutation = graphql(`
  mutation ArchiveQuiz($input: QuizIdInput!) {
    archiveQuiz(input: $input) { quiz { ...QuizFields } }
  }
`);

export const DuplicateQuizMutation = graphql(`
  mutation DuplicateQuiz($input: DuplicateQuizInput!) {
    duplicateQuiz(input: $input) { quiz { ...QuizFields } }
  }
`);

export const ImportQuizMutation = graphql(`
  mutation ImportQuiz($input: ImportQuizInput!) {
    importQuiz(input: $input) {
      format
      importedQuestions
      problems { line message }
      quiz { ...QuizFields }
    }
  }
`);
