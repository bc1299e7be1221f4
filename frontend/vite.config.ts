/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// During `npm run dev`, /graphql (HTTP and websocket) is proxied to a running backend.
const api = process.env.QUIZGRAPH_DEV_API ?? 'http://127.0.0.1:8000';

/**
 * The build's copy of codegen's persisted-documents manifest (dist/persisted-documents.json):
 * `quizgraph serve` registers it as trusted at start-up, so the hashes this build sends are known
 * (docs/persisted-queries.md). Only dist/assets is served, so the file is not.
 */
function persistedDocumentsManifest(): Plugin {
  return {
    name: 'quizgraph-persisted-documents',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'persisted-documents.json',
        source: readFileSync('src/gql/persisted-documents.json', 'utf8'),
      });
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), persistedDocumentsManifest()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // GraphiQL is its own page (served for GET /graphql), so the dashboard doesn't load it.
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
    },
  },
  // GraphiQL's editor runs web workers that split into chunks.
  worker: { format: 'es' },
  server: {
    proxy: {
      '/graphql': { target: api, changeOrigin: false, ws: true },
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
