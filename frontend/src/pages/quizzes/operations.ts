import { graphql } from '../../gql';

export const QuizzesQuery = graphql(`
  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus, $search: String) {
    organization(slug: $slug) {
      id
      quizzes(first: $first, after: $after, status: $status, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id title status questionCount maxPoints updatedAt isOpen opensAt closesAt timeLimitSeconds }
        }
      }
    }
  }
`);

export const QuizSettingsFragment = graphql(`
  fragment QuizSettings on Quiz {
    id title description status version timeLimitSeconds attemptsAllowed passMarkPercent
    shuffleQuestions shuffleOptions revealAnswers opensAt closesAt
    questionCount maxPoints updatedAt publishedAt isOpen
  }
`);

export const QuizEditorQuery = graphql(`
  query QuizEditor($id: ID!, $slug: String!) {
    node(id: $id) {
      __typename
      ... on Quiz {
        ...QuizSettings
        questionsWithAnswers {
          id number kind prompt points explanation acceptedAnswers numericValue numericTolerance
          options { id text correct }
        }
      }
    }
    organization(slug: $slug) {
      id
      attempts(quizId: $id, first: 1) { totalCount }
    }
  }
`);

export const CreateQuizMutation = graphql(`
  mutation CreateQuiz($input: CreateQuizInput!) {
    createQuiz(input: $input) { quiz { ...QuizSettings } }
  }
`);

export const UpdateQuizMutation = graphql(`
  mutation UpdateQuiz($input: UpdateQuizInput!) {
    updateQuiz(input: $input) { quiz { ...QuizSettings } }
  }
`);

export const PublishQuizMutation = graphql(`
  mutation PublishQuiz($input: QuizIdInput!) {
    publishQuiz(input: $input) { quiz { ...QuizSettings } }
  }
`);

export const ArchiveQuizMutation = graphql(`
  mutation ArchiveQuiz($input: QuizIdInput!) {
    archiveQuiz(input: $input) { quiz { ...QuizSettings } }
  }
`);

export const DuplicateQuizMutation = graphql(`
  mutation DuplicateQuiz($input: DuplicateQuizInput!) {
    duplicateQuiz(input: $input) { quiz { ...QuizSettings } }
  }
`);

export const ImportQuizMutation = graphql(`
  mutation ImportQuiz($input: ImportQuizInput!) {
    importQuiz(input: $input) {
      format
      importedQuestions
      problems { line message }
      quiz { id title status questionCount }
    }
  }
`);
