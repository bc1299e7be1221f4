import { graphql } from '../gql';

export const QuizzesQuery = graphql(`
  query Quizzes($slug: String!, $first: Int!, $after: String, $status: QuizStatus) {
    organization(slug: $slug) {
      id
      quizzes(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id title status } }
      }
    }
  }
`);
