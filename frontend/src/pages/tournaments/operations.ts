import { graphql } from '../../gql';

export const TournamentFieldsFragment = graphql(`
  fragment TournamentFields on Tournament {
    id name status startsAt endsAt startedAt endedAt entryRule entryRoles
    entryFee { amount currency }
    maxEntrants winnersCount certificatesForWinners entrantCount
    viewerHasEntered viewerCanRegister registrationOpen
    rounds { position quizId quiz { id title } }
  }
`);

export const TournamentStandingFragment = graphql(`
  fragment TournamentStandingFields on TournamentStanding {
    rank memberId displayName totalScore totalTimeSeconds roundsPlayed winner
  }
`);

export const TournamentsQuery = graphql(`
  query Tournaments($slug: String!, $status: TournamentStatus, $first: Int!, $after: String) {
    organization(slug: $slug) {
      id
      tournaments(status: $status, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...TournamentFields } }
      }
    }
  }
`);

export const TournamentQuery = graphql(`
  query Tournament($id: ID!, $first: Int!) {
    node(id: $id) {
      id
      ... on Tournament {
        ...TournamentFields
        leaderboard(first: $first) { totalCount edges { cursor node { ...TournamentStandingFields } } }
        winners { ...TournamentStandingFields }
      }
    }
  }
`);

/** Published quizzes to pick rounds from. */
export const RoundChoicesQuery = graphql(`
  query TournamentRoundChoices($slug: String!) {
    organization(slug: $slug) {
      id
      quizzes(status: PUBLISHED, first: 100) { edges { node { id title status } } }
    }
  }
`);

export const CreateTournamentMutation = graphql(`
  mutation CreateTournament($input: CreateTournamentInput!) {
    createTournament(input: $input) { tournament { ...TournamentFields } }
  }
`);

export const UpdateTournamentMutation = graphql(`
  mutation UpdateTournament($input: UpdateTournamentInput!) {
    updateTournament(input: $input) { tournament { ...TournamentFields } }
  }
`);

export const RegisterForTournamentMutation = graphql(`
  mutation RegisterForTournament($input: TournamentIdInput!) {
    registerForTournament(input: $input) { tournament { ...TournamentFields } }
  }
`);

export const WithdrawFromTournamentMutation = graphql(`
  mutation WithdrawFromTournament($input: TournamentIdInput!) {
    withdrawFromTournament(input: $input) {
      withdrawn entryWasPaid message
      tournament { ...TournamentFields }
    }
  }
`);

export const StartTournamentMutation = graphql(`
  mutation StartTournament($input: TournamentIdInput!) {
    startTournament(input: $input) { tournament { ...TournamentFields } }
  }
`);

export const EndTournamentMutation = graphql(`
  mutation EndTournament($input: TournamentIdInput!) {
    endTournament(input: $input) {
      tournament { ...TournamentFields winners { ...TournamentStandingFields } }
    }
  }
`);

export const TournamentBoardSubscription = graphql(`
  subscription TournamentBoard($id: ID!, $top: Int!) {
    tournamentLeaderboardUpdated(tournamentId: $id, top: $top) {
      tournamentId status entries { ...TournamentStandingFields }
    }
  }
`);
