import { createHash } from 'node:crypto';
import { parse, visit, Kind, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../src/gql/graphql';
import manifest from '../src/gql/persisted-documents.json';
import { documentHash } from '../src/data/client';

// Every operation the dashboard sends is a hash the server must find in this manifest (it is
// registered as trusted at start-up), so a document without one would fail on a trusted server.
const documents = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode] =>
    entry[0].endsWith('Document') && typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1],
);
const texts: Record<string, string> = manifest;

describe("the dashboard's persisted documents", () => {
  it('gives every generated document a hash the manifest holds', () => {
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, document] of documents) {
      const hash = documentHash(document);
      expect(hash, name).toMatch(/^[0-9a-f]{64}$/);
      expect(texts[hash], name).toBeTypeOf('string');
    }
  });

  it("hashes each text with SHA-256, as the server checks", () => {
    for (const [hash, text] of Object.entries(texts)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    }
  });

  it('asks for __typename in every selection the normalized cache reads', () => {
    // The server runs the manifest's text, not the one Graphcache would have rewritten.
    for (const text of Object.values(texts)) {
      visit(parse(text), {
        SelectionSet(node, _key, parent) {
          const subscriptionRoot =
            parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION && parent.operation === 'subscription';
          if (subscriptionRoot) return;
          const named = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename');
          expect(named, text.slice(0, 80)).toBe(true);
        },
      });
    }
  });

  it('sends a document without a build-time hash in full', () => {
    expect(documentHash(parse('{ viewer { kind } }'))).toBe('');
  });
});
