import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = path.resolve(here, '../../test-results');

export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`Set ${name} for the end-to-end tests`);
  return v;
}

export const base = () => env('QUIZGRAPH_BASE_URL').replace(/\/$/, '');

export async function shot(page: Page, name: string, mask: ReturnType<Page['locator']>[] = []): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true, mask });
}

/** Adds measurements to test-results/frontend-metrics.json. */
export function recordMetric(name: string, value: number): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'frontend-metrics.json');
  const data: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  data[name] = Math.round(value);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

export async function signIn(page: Page, slug: string, portalCode: string, username: string, password: string): Promise<void> {
  await page.goto(`/org/${slug}/portal/${portalCode}/login`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signInAnswered(page);
}

/**
 * Waits for the sign-in to be answered. Checking a password is slow on purpose (argon2), and on a
 * machine shared with other test runs (load 10+ on 2 cores) it took over the 10 s of `expect`.
 */
export async function signInAnswered(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Signing in…' })).toHaveCount(0, { timeout: 45_000 });
}

/** Calls the API as a partner would: no cookies, just the bearer key. */
export async function apiViewerKind(request: APIRequestContext, secret: string): Promise<{ status: number; body: unknown }> {
  const res = await request.post(`${base()}/graphql`, {
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    data: { query: '{ viewer { kind } }' },
    failOnStatusCode: false,
  });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = await res.text();
  }
  return { status: res.status(), body };
}
