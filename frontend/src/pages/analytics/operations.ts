import { graphql } from '../../gql';

/** One quiz's figures and item analysis (Quiz.statistics, analytics:read). */
export const QuizStatisticsQuery = graphql(`
  query QuizStatistics($id: ID!, $firstAttemptsOnly: Boolean!, $since: Date, $until: Date) {
    node(id: $id) {
      __typename
      ... on Quiz {
        id
        title
        status
        passMarkPercent
        statistics(firstAttemptsOnly: $firstAttemptsOnly, since: $since, until: $until) {
          attempts participants completionRate maxScore mean median standardDeviation passRate averageTimeSeconds
          scoreDistribution { low high attempts }
          cronbachAlpha errorRatio standardError computedAt itemAnalysisStatus
          questions {
            questionId number prompt kind maxPoints answered facilityIndex standardDeviation
            discriminationIndex discriminativeEfficiency flags flagReasons
            options { optionId text correct picks share }
          }
        }
      }
    }
  }
`);

/** The org's activity over a period (Organization.analytics, analytics:read). */
export const OrgAnalyticsQuery = graphql(`
  query OrgAnalytics($slug: String!, $interval: AnalyticsInterval!, $since: Date, $until: Date) {
    organization(slug: $slug) {
      id
      analytics(interval: $interval, since: $since, until: $until) {
        since until interval activeMembers attempts averagePercentage
        timeline { start attempts activeMembers averagePercentage }
        topQuizzes(first: 10) { quizId title attempts averagePercentage }
        members(first: 20) {
          edges { node { memberId displayName attempts quizzesStarted averagePercentage lastActiveOn } }
        }
      }
    }
  }
`);
