/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// During `npm run dev`, /graphql (HTTP and websocket) is proxied to a running backend.
const api = process.env.QUIZGRAPH_DEV_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/',
  plugins: [react()],
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
