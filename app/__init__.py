"""quizgraph: a multi-tenant quiz platform served as one GraphQL API."""
