/**
 * GraphiQL, bundled with the dashboard so it loads with no CDN (offline machines, strict
 * Content-Security-Policy). Served by the API for GET /graphql asking for HTML.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({
  url: `${window.location.origin}/graphql`,
  subscriptionUrl: `${window.location.origin.replace(/^http/, 'ws')}/graphql`,
});

const EXAMPLE = `# Send an API key in the headers tab below: {"Authorization": "Bearer iq_live_…"}
# (or sign in on your organization's portal first: the session cookie is sent too).
{
  viewer { kind role scopes organization { slug name } }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE} />
  </StrictMode>,
);
