/**
 * GraphiQL, bundled with the dashboard so it loads with no CDN (offline machines, strict
 * Content-Security-Policy). Served by the API for GET /graphql asking for HTML.
 *
 * Before rendering it asks the API who the viewer is (the session cookie, if any, goes
 * along) and opens with an example for that role, under a note on the Authorization header.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { exampleFor, type ExampleViewer } from './examples';

const endpoint = `${window.location.origin}/graphql`;

const fetcher = createGraphiQLFetcher({
  url: endpoint,
  subscriptionUrl: `${window.location.origin.replace(/^http/, 'ws')}/graphql`,
});

async function whoAmI(): Promise<ExampleViewer | null> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: '{ viewer { kind role scopes organization { slug } } }' }),
    });
    const json = (await res.json()) as { data?: { viewer?: ExampleViewer } };
    return json.data?.viewer ?? null;
  } catch {
    return null; // the example for a key still helps
  }
}

void whoAmI().then((viewer) => {
  createRoot(document.getElementById('graphiql')!).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={exampleFor(viewer)} />
    </StrictMode>,
  );
});
