// The normalized cache: every type the dashboard's documents reach is either keyed by `id` or
// declared embedded, and mutation payloads bring the lists up to date without a page refetching.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Client, fetchExchange } from '@urql/core';
import { buildSchema, getNamedType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode } from 'graphql';
import * as generated from '../src/gql/graphql';
import { EMBEDDED_TYPES, makeCacheExchange } from '../src/data/cache';
import { ApiKeysQuery, CreateApiKeyMutation, SetApiKeyEnabledMutation } from '../src/pages/apiKeys/operations';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const documents = Object.entries(generated)
  .filter(([name]) => name.endsWith('Document'))
  .map(([, doc]) => doc as DocumentNode);

/** Object types without an `id` field that some document selects. */
function keylessTypesSelected(): Set<string> {
  const found = new Set<string>();
  for (const doc of documents) {
    const info = new TypeInfo(schema);
    visit(
      doc,
      visitWithTypeInfo(info, {
        Field() {
          const type = getNamedType(info.getType());
          if (type && isObjectType(type) && !type.getFields().id) found.add(type.name);
        },
      }),
    );
  }
  return found;
}

// Graphcache's own rule for types it embeds without being told.
const KNOWN_TO_GRAPHCACHE = /^__|PageInfo|(Connection|Edge)$/;

describe('cache keys', () => {
  it('declares every selected type without an id as embedded', () => {
    expect(documents.length).toBeGreaterThan(30);
    const missing = [...keylessTypesSelected()].filter((t) => !KNOWN_TO_GRAPHCACHE.test(t) && !EMBEDDED_TYPES.includes(t));
    expect(missing, 'add these to EMBEDDED_TYPES in src/data/cache.ts').toEqual([]);
  });

  it('embeds only types that really have no id', () => {
    const withId = EMBEDDED_TYPES.filter((name) => {
      const type = schema.getType(name);
      return type && isObjectType(type) && type.getFields().id;
    });
    expect(withId).toEqual([]);
  });
});

const ORG = { __typename: 'Organization', id: 'org-1', apiAccessEnabled: true };
const member = { __typename: 'Member', id: 'm-1', displayName: 'Olive Owner' };
const key = (id: string, name: string, enabled = true) => ({
  __typename: 'ApiKey',
  id,
  name,
  prefix: `iq_live_${id}`,
  scopes: ['quizzes:read'],
  rateLimitPerMinute: 60,
  createdAt: '2026-11-01T00:00:00Z',
  lastUsedAt: null,
  expiresAt: null,
  enabled,
  revokedAt: null,
  createdBy: member,
  // The list's usage columns (ApiKeysQuery); mutation payloads don't select it.
  usage: { __typename: 'ApiKeyUsage', lastUsedAt: null, lastUsedIp: null, unusedFor30Days: false },
});
const page = (...keys: ReturnType<typeof key>[]) => ({
  data: {
    organization: {
      ...ORG,
      apiKeys: {
        __typename: 'ApiKeyConnection',
        totalCount: keys.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: keys.map((node) => ({ __typename: 'ApiKeyEdge', cursor: node.id, node })),
      },
    },
  },
});

/** A dashboard-like client whose server answers from `answers` in turn; returns what it was asked. */
function clientAnswering(...answers: unknown[]) {
  const asked: string[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    asked.push((JSON.parse(String(init.body)) as { operationName?: string; query: string }).query.match(/^(query|mutation) (\w+)/m)?.[2] ?? '?');
    const next = answers.shift();
    if (!next) throw new Error('asked more often than expected');
    return Response.json(next);
  });
  const client = new Client({ url: '/graphql', fetch: fetch as unknown as typeof globalThis.fetch, exchanges: [makeCacheExchange(), fetchExchange] });
  return { client, asked };
}

/** Watches a query like a mounted page does; returns the names of the keys it showed, newest last. */
function watchKeyNames(client: Client) {
  const shown: string[][] = [];
  client.query(ApiKeysQuery, { slug: 'acme', first: 25, after: null }, { requestPolicy: 'cache-and-network' }).subscribe((r) => {
    const names = r.data?.organization?.apiKeys?.edges.map((e) => `${e.node.name}${e.node.enabled ? '' : ' (disabled)'}`);
    if (names) shown.push(names);
  });
  return shown;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('mutations update what pages show', () => {
  it('a changed key is updated in the list in place, without asking for the list again', async () => {
    const { client, asked } = clientAnswering(page(key('k1', 'Sync'), key('k2', 'Export')), {
      data: { setApiKeyEnabled: { __typename: 'SetApiKeyEnabledPayload', apiKey: key('k2', 'Export', false) } },
    });
    const shown = watchKeyNames(client);
    await settle();

    await client.mutation(SetApiKeyEnabledMutation, { input: { id: 'k2', enabled: false } }).toPromise();
    await settle();

    expect(shown.at(-1)).toEqual(['Sync', 'Export (disabled)']);
    expect(asked).toEqual(['ApiKeys', 'SetApiKeyEnabled']);
  });

  it('a created key makes the list ask again by itself, and show it', async () => {
    const { client, asked } = clientAnswering(
      page(key('k1', 'Sync')),
      { data: { createApiKey: { __typename: 'CreateApiKeyPayload', secret: 'iq_live_x', apiKey: key('k3', 'Gradebook') } } },
      page(key('k3', 'Gradebook'), key('k1', 'Sync')),
    );
    const shown = watchKeyNames(client);
    await settle();

    await client.mutation(CreateApiKeyMutation, { input: { name: 'Gradebook', scopes: ['quizzes:read'] } }).toPromise();
    await settle();

    expect(shown.at(-1)).toEqual(['Gradebook', 'Sync']);
    expect(asked).toEqual(['ApiKeys', 'CreateApiKey', 'ApiKeys']);
  });
});
