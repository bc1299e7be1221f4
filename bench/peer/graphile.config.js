// PostGraphile 5 for make bench-peer (copied into the scratch folder next to its
// node_modules). "Production-ish": the amber preset, no GraphiQL (ruru), no watch mode,
// no explain, no websockets; started with GRAPHILE_ENV=production and NODE_ENV=production.
const { makePgService } = require("postgraphile/adaptors/pg");
const { PostGraphileAmberPreset } = require("postgraphile/presets/amber");

module.exports = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX || 10) },
    }),
  ],
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.PGL_PORT),
    graphiql: false,
    graphiqlOnGraphQLGET: false,
    watch: false,
    websockets: false,
  },
  grafast: { explain: false },
};
