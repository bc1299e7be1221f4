import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Screenshots and Playwright's own artifacts go under test-results/ at the repo root. */
export const RESULTS_DIR = path.resolve(here, '../../test-results');

const baseURL = process.env.QUIZGRAPH_BASE_URL;
if (!baseURL) {
  throw new Error('Set QUIZGRAPH_BASE_URL to the running server, e.g. http://127.0.0.1:8765');
}

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  outputDir: path.join(RESULTS_DIR, 'playwright'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky test must show up as a failure, not hide behind a second run.
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
