import { existsSync, readFileSync } from 'node:fs';
import { parse, Kind, type DefinitionNode } from 'graphql';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// The printed backend schema lives at the repository root (`make schema` prints it).
// QG_SCHEMA points at another printed schema (e.g. a fresh `quizgraph print-schema`).
const ROOT_SCHEMA = process.env.QG_SCHEMA ?? '../schema.graphql';
// What the frontend needs and the real schema lacks yet (see the file's header).
const PENDING_SCHEMA = './schema.pending.graphql';
if (!existsSync(ROOT_SCHEMA)) {
  throw new Error(`[codegen] ${ROOT_SCHEMA} not found: print it with \`make schema\` (or set QG_SCHEMA)`);
}
const pendingSdl = existsSync(PENDING_SCHEMA) ? readFileSync(PENDING_SCHEMA, 'utf8') : '';
const hasPending = /^\s*[^#\s]/m.test(pendingSdl);
const schema = hasPending ? [ROOT_SCHEMA, PENDING_SCHEMA] : [ROOT_SCHEMA];
if (hasPending) checkPending(readFileSync(ROOT_SCHEMA, 'utf8'), pendingSdl);

/**
 * Keeps schema.pending.graphql honest: a pending type that the real schema now has must
 * match it field for field (else the frontend expects fields the backend doesn't serve:
 * fail), and should then be pruned (warn). Same for fields added to existing types.
 */
function checkPending(rootSdl: string, pendingSdl: string): void {
  const fieldsOf = (d: DefinitionNode): string[] | null =>
    'fields' in d && Array.isArray(d.fields) ? d.fields.map((f: { name: { value: string } }) => f.name.value)
    : 'values' in d && Array.isArray(d.values) ? d.values.map((v: { name: { value: string } }) => v.name.value)
    : null;
  const root = new Map<string, Set<string>>();
  for (const d of parse(rootSdl).definitions) {
    if ('name' in d && d.name) {
      const set = root.get(d.name.value) ?? new Set<string>();
      for (const f of fieldsOf(d) ?? []) set.add(f);
      root.set(d.name.value, set);
    }
  }
  const prune: string[] = [];
  const drift: string[] = [];
  for (const d of parse(pendingSdl).definitions) {
    if (!('name' in d) || !d.name) continue;
    const name = d.name.value;
    const have = root.get(name);
    if (!have) continue;
    const fields = fieldsOf(d) ?? [];
    const isExtension = d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION;
    if (isExtension) {
      for (const f of fields) if (have.has(f)) prune.push(`${name}.${f}`);
    } else {
      const missing = fields.filter((f) => !have.has(f));
      if (missing.length) drift.push(`${name}: the real schema has no ${missing.join(', ')}`);
      else prune.push(name);
    }
  }
  if (prune.length) console.warn(`[codegen] now in the real schema, remove from ${PENDING_SCHEMA}: ${prune.join(', ')}`);
  if (drift.length) {
    throw new Error(`[codegen] ${PENDING_SCHEMA} disagrees with ${ROOT_SCHEMA}:\n  ${drift.join('\n  ')}`);
  }
}

const config: CodegenConfig = {
  schema,
  documents: ['src/**/operations.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      // persistedDocuments: each document's SHA-256 in its DocumentNode (`__meta__.hash`) and
      // src/gql/persisted-documents.json, the manifest the server registers as trusted
      // (docs/persisted-queries.md). The server runs the manifest's text, so it must ask for
      // the __typename fields Graphcache would otherwise have added.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        // Every custom scalar is mapped to what crosses the wire; strictScalars makes codegen
        // fail on a new scalar left unmapped instead of typing it `any`.
        strictScalars: true,
        scalars: {
          Date: 'string', // ISO date, 2026-12-01 (Strawberry's isoformat)
          DateTime: 'string', // ISO date and time with its offset
          JSON: 'unknown',
          // Input only (the multipart request spec): the browser's File, sent by fetchExchange.
          Upload: { input: 'File', output: 'never' },
        },
      },
    },
  },
};

export default config;
