import { graphql } from '../../gql';

export const LeaderboardEntryFragment = graphql(`
  fragment LeaderboardEntryFields on LeaderboardEntry {
    rank memberId displayName score attempts lastActivityAt timeTakenSeconds
  }
`);

export const LeaderboardQuery = graphql(`
  query Leaderboard($slug: String!, $quizId: ID, $window: LeaderboardWindow!, $first: Int!, $after: String) {
    organization(slug: $slug) {
      id
      leaderboard(quizId: $quizId, window: $window, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...LeaderboardEntryFields } }
        myRank { ...LeaderboardEntryFields }
      }
    }
  }
`);

export const MyRankQuery = graphql(`
  query MyRank($slug: String!, $quizId: ID) {
    organization(slug: $slug) {
      id
      leaderboard(quizId: $quizId, first: 1) {
        totalCount
        myRank { ...LeaderboardEntryFields }
      }
    }
  }
`);

export const LeaderboardQuizzesQuery = graphql(`
  query LeaderboardQuizzes($slug: String!) {
    organization(slug: $slug) {
      id
      quizzes(first: 100) { edges { node { id title status } } }
    }
  }
`);

export const LeaderboardUpdatedSubscription = graphql(`
  subscription LeaderboardUpdated($slug: String!, $quizId: ID, $top: Int!) {
    leaderboardUpdated(orgSlug: $slug, quizId: $quizId, top: $top) {
      quizId
      entries { ...LeaderboardEntryFields }
      changed { ...LeaderboardEntryFields }
    }
  }
`);
