// A partner's integration with quizgraph, in Node with graphql-request (HTTP) and
// graphql-ws (websocket). The same steps as ../python/partner.py, with one API key
// (QUIZGRAPH_API_KEY; scopes quizzes:read, analytics:read, leaderboard:read):
//
// 1. ask who it is (viewer): the key's org;
// 2. page through the org's quiz list (first/after, QUIZGRAPH_PAGE_SIZE a page);
// 3. export each quiz's results as CSV (GET /quizzes/<id>/results.csv) into
//    QUIZGRAPH_EXPORT_DIR (default ./exports);
// 4. subscribe to the org's leaderboard (graphql-transport-ws) and wait for one update
//    after the first message (QUIZGRAPH_WAIT_SECONDS, 300).
//
// Refusals as the API documents them: 401 (INVALID_API_KEY) and 403 stop with what to
// fix; 429 (RATE_LIMITED) waits Retry-After seconds and tries again, unless that is
// longer than QUIZGRAPH_MAX_RETRY_WAIT (default 120).
//
// Run:  npm ci && QUIZGRAPH_URL=https://quiz.example.org QUIZGRAPH_API_KEY=iq_live_… node partner.mjs
// Exit codes: 0 done, 2 key refused (401), 3 forbidden (403), 4 rate limited too long,
// 5 no board update in time, 1 anything else.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ClientError, GraphQLClient, gql } from "graphql-request";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const VIEWER = gql`query Viewer { viewer { kind scopes organization { slug name } } }`;
const QUIZZES = gql`query Quizzes($slug: String!, $first: Int!, $after: String) {
  organization(slug: $slug) {
    quizzes(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id title status } }
    }
  }
}`;
const BOARD = `subscription Board($slug: String!) {
  leaderboardUpdated(orgSlug: $slug) { entries { rank displayName score } }
}`;

const settings = {
  url: (process.env.QUIZGRAPH_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, ""),
  key: process.env.QUIZGRAPH_API_KEY ?? "",
  pageSize: Number(process.env.QUIZGRAPH_PAGE_SIZE ?? "20"),
  exportDir: process.env.QUIZGRAPH_EXPORT_DIR ?? "exports",
  maxRetryWait: Number(process.env.QUIZGRAPH_MAX_RETRY_WAIT ?? "120"),
  waitSeconds: Number(process.env.QUIZGRAPH_WAIT_SECONDS ?? "300"),
};
const authorization = `Bearer ${settings.key}`;

/** The API refused in a way retrying won't fix (or not soon enough). */
class Refused extends Error {
  constructor(exitCode, message) {
    super(message);
    this.exitCode = exitCode;
  }
}

function refusal(code, status, message) {
  if (code === "INVALID_API_KEY" || status === 401) {
    return new Refused(2, `the API key was refused (${message}): check it, or make a new one`);
  }
  return new Refused(3, `forbidden (${code ?? status}): ${message}`);
}

const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function waitOut(retryAfter) {
  const wait = Number(retryAfter ?? "1");
  if (wait > settings.maxRetryWait) {
    throw new Refused(4, `rate limited: retry after ${wait} s (more than we wait)`);
  }
  console.log(`rate limited: waiting ${wait} s (Retry-After)`);
  await sleep(wait);
}

/** A GraphQL request, waiting out RATE_LIMITED answers as Retry-After says. Field
 * errors (FORBIDDEN for a missing scope) and door refusals (401/403/429, answered as
 * problem details with an `errors` member) both arrive as a ClientError. */
async function request(client, document, variables) {
  for (;;) {
    try {
      return await client.request(document, variables);
    } catch (error) {
      if (!(error instanceof ClientError)) throw error;
      const { status, headers } = error.response;
      const first = graphqlErrors(error.response)[0] ?? {};
      const code = first.extensions?.code;
      if (code !== "RATE_LIMITED" && status !== 429) {
        throw refusal(code, status, first.message ?? `HTTP ${status}`);
      }
      await waitOut(headers?.get?.("retry-after"));
    }
  }
}

/** The errors of a refused request: GraphQL's, or those of the door's problem details
 * (application/problem+json, which graphql-request leaves unparsed in `body`). */
function graphqlErrors(response) {
  if (response.errors?.length) return response.errors;
  try {
    return JSON.parse(response.body ?? "").errors ?? [];
  } catch {
    return [];
  }
}

async function quizList(client, slug) {
  const quizzes = [];
  let after = null;
  for (;;) {
    const page = await request(client, QUIZZES, { slug, first: settings.pageSize, after });
    const connection = page.organization.quizzes;
    quizzes.push(...connection.edges.map((edge) => edge.node));
    console.log(`page of ${connection.edges.length} quizzes`);
    if (!connection.pageInfo.hasNextPage) return quizzes;
    after = connection.pageInfo.endCursor;
  }
}

/** One quiz's results CSV into the export directory (problem details on refusal). */
async function exportResults(quiz) {
  for (;;) {
    const response = await fetch(`${settings.url}/quizzes/${quiz.id}/results.csv`, {
      headers: { authorization },
    });
    if (response.ok) {
      const file = path.join(settings.exportDir, `${quiz.id}.csv`);
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      return file;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status !== 429) throw refusal(problem.code, response.status, problem.detail ?? "");
    await waitOut(response.headers.get("retry-after"));
  }
}

/** The org's board: the first message is the board as it is, the next the update. */
async function waitForBoardUpdate(slug) {
  const client = createClient({
    url: `${settings.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
  });
  try {
    let messages = 0;
    for await (const result of client.iterate({ query: BOARD, variables: { slug } })) {
      if (result.errors?.length) {
        const first = result.errors[0];
        throw refusal(first.extensions?.code, undefined, first.message);
      }
      messages += 1;
      if (messages === 1) {
        console.log("subscribed to the board; waiting for an update");
        continue;
      }
      return result.data.leaderboardUpdated.entries;
    }
    throw new Refused(1, "the subscription ended without an update");
  } finally {
    await client.dispose();
  }
}

async function run() {
  const client = new GraphQLClient(`${settings.url}/graphql`, { headers: { authorization } });
  const { viewer } = await request(client, VIEWER);
  const org = viewer.organization;
  console.log(`signed in as an API key of ${org.name} (${org.slug})`);
  const quizzes = await quizList(client, org.slug);
  for (const quiz of quizzes) console.log(`quiz: ${quiz.title} (${quiz.status})`);
  await mkdir(settings.exportDir, { recursive: true });
  for (const quiz of quizzes) console.log(`exported ${await exportResults(quiz)}`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Refused(5, `no board update within ${settings.waitSeconds} s`)),
      settings.waitSeconds * 1000,
    );
  });
  try {
    const entries = await Promise.race([waitForBoardUpdate(org.slug), timeout]);
    const top = entries.slice(0, 3).map((e) => `${e.rank}. ${e.displayName} (${e.score})`);
    console.log(`board update: ${top.join(", ")}`);
  } finally {
    clearTimeout(timer);
  }
}

if (!settings.key) {
  console.error("set QUIZGRAPH_API_KEY to an API key (iq_live_…)");
  process.exit(1);
}
try {
  await run();
  process.exit(0);
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exit(error instanceof Refused ? error.exitCode : 1);
}
