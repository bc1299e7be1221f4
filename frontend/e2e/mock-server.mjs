// A stand-in for the quizgraph backend, for running the browser tests of the frontend
// alone (`npm run e2e:mock`). It serves dist/ with single-page routes and answers
// /graphql from schema.provisional.graphql with in-memory data. It is NOT the backend
// and says nothing about it; the real e2e run is against `quizgraph serve`.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphql, GraphQLError } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../dist');
const schema = buildSchema(readFileSync(path.resolve(here, '../schema.provisional.graphql'), 'utf8'));

const ROLE_SCOPES = {
  OWNER: ['org:read', 'org:write', 'members:read', 'members:write', 'quizzes:read', 'quizzes:write', 'attempts:read', 'attempts:write',
    'leaderboard:read', 'analytics:read', 'audit:read', 'integrity:read', 'integrity:write', 'notifications:read', 'webhooks:read',
    'webhooks:write', 'api_keys:read', 'api_keys:write'],
};
ROLE_SCOPES.ADMIN = ROLE_SCOPES.OWNER.filter((s) => s !== 'org:write');
ROLE_SCOPES.TEACHER = ROLE_SCOPES.ADMIN.filter((s) => !/^(members|webhooks|api_keys):/.test(s));
ROLE_SCOPES.STUDENT = ['quizzes:read', 'attempts:read', 'attempts:write', 'leaderboard:read', 'integrity:write'];

const now = () => new Date().toISOString();
const ORG = { id: 'T3JnOjE=', slug: 'acme-academy', name: 'Acme Academy', portal: 'demo-portal', apiAccessEnabled: true,
  branding: { primaryColor: '#0b7285', logoUrl: null, tagline: 'Learning, measured.' } };
let seq = 1;
const members = [
  ['owner', 'Olivia Owner', 'OWNER'], ['admin', 'Adam Admin', 'ADMIN'], ['teacher', 'Tess Teacher', 'TEACHER'], ['student', 'Stu Student', 'STUDENT'],
].map(([username, displayName, role]) => ({ id: `M${seq++}`, username, displayName, role, disabled: false, createdAt: now(), password: 'password1234' }));
const keys = [];
const audit = [];
const sessions = new Map();
const failures = [];
const quizzes = [{ id: 'Q1', title: 'Fractions 101', status: 'PUBLISHED', createdAt: now() }, { id: 'Q2', title: 'Draft quiz', status: 'DRAFT', createdAt: now() }];

const err = (message, code, extra = {}) => new GraphQLError(message, { extensions: { code, ...extra } });
function log(action, actor, targetType, targetId, req) {
  audit.unshift({ id: `A${seq++}`, action, actorLabel: actor?.username ?? 'anonymous', targetType, targetId, ip: '127.0.0.1',
    userAgent: req.headers['user-agent'] ?? null, createdAt: now(), actorId: actor?.id ?? null });
}
function connection(items, { first = 20, after } = {}) {
  const start = after ? Number(after) : 0;
  const slice = items.slice(start, start + Math.min(first ?? 20, 100));
  return { totalCount: items.length, edges: slice.map((node, i) => ({ cursor: String(start + i + 1), node })),
    pageInfo: { hasNextPage: start + slice.length < items.length, hasPreviousPage: start > 0, startCursor: String(start), endCursor: String(start + slice.length) } };
}
function need(ctx, scope) {
  if (!ctx.member) throw err('Sign in first.', 'UNAUTHENTICATED');
  if (!ctx.scopes.includes(scope)) throw err(`Insufficient scopes. Required: ${scope}.`, 'FORBIDDEN');
}
const keyView = (k) => ({ ...k, createdBy: members.find((m) => m.id === k.createdById) ?? null });
const orgView = {
  ...ORG,
  get apiAccessEnabled() { return ORG.apiAccessEnabled; },
  members: (a, ctx) => { need(ctx, 'members:read'); const q = (a.search ?? '').toLowerCase();
    return connection(members.filter((m) => (!a.role || m.role === a.role) && (a.disabled == null || m.disabled === a.disabled)
      && (!q || m.username.includes(q) || m.displayName.toLowerCase().includes(q))), a); },
  apiKeys: (a, ctx) => { need(ctx, 'api_keys:read'); return connection(keys.map(keyView), a); },
  auditLog: (a, ctx) => { need(ctx, 'audit:read'); return connection(audit.filter((e) => (!a.action || e.action === a.action)
    && (!a.actor || e.actorLabel === a.actor) && (!a.actorId || e.actorId === a.actorId) && (!a.since || e.createdAt >= a.since) && (!a.until || e.createdAt <= a.until)), a); },
  quizzes: (a, ctx) => { need(ctx, 'quizzes:read'); return connection(quizzes.filter((q) => !a.status || q.status === a.status), a); },
};
const viewerOf = (ctx) => ctx.member
  ? { kind: ctx.key ? 'API_KEY' : 'MEMBER', member: ctx.member, organization: orgView, role: ctx.member.role, scopes: ctx.scopes }
  : { kind: 'ANONYMOUS', member: null, organization: null, role: null, scopes: [] };

const root = {
  viewer: (_a, ctx) => viewerOf(ctx),
  organization: ({ slug }) => (slug === ORG.slug ? orgView : null),
  login: ({ input }, ctx) => {
    const t = Date.now();
    while (failures.length && failures[0] < t - 60_000) failures.shift();
    if (failures.length >= 5) throw err('Too many sign-in attempts.', 'RATE_LIMITED', { retryAfterSeconds: Math.ceil((failures[0] + 60_000 - t) / 1000) });
    const m = members.find((x) => x.username === input.username);
    if (input.orgSlug !== ORG.slug || input.portalCode !== ORG.portal || !m || m.password !== input.password || m.disabled) {
      failures.push(t);
      throw err('Invalid credentials.', 'INVALID_CREDENTIALS');
    }
    const sid = randomUUID();
    sessions.set(sid, m.id);
    ctx.setCookie(`qg_session=${sid}; Path=/; HttpOnly; SameSite=Lax`);
    log('login.succeeded', m, 'Member', m.id, ctx.req);
    return { viewer: viewerOf({ member: m, scopes: ROLE_SCOPES[m.role] }) };
  },
  logout: (_a, ctx) => { ctx.setCookie('qg_session=; Path=/; Max-Age=0'); return { ok: true }; },
  addMember: ({ input }, ctx) => {
    need(ctx, 'members:write');
    if (members.some((m) => m.username === input.username)) throw err('That username is taken.', 'CONFLICT', { fields: { username: 'That username is taken.' } });
    const m = { id: `M${seq++}`, ...input, disabled: false, createdAt: now() };
    members.push(m); log('member.added', ctx.member, 'Member', m.id, ctx.req);
    return { member: m };
  },
  updateMember: ({ input }, ctx) => {
    need(ctx, 'members:write');
    const m = members.find((x) => x.id === input.id); if (!m) throw err('Not found.', 'NOT_FOUND');
    if (m.role === 'OWNER' && ctx.member.role !== 'OWNER') throw err('Only the owner can change the owner.', 'FORBIDDEN');
    if (input.role) m.role = input.role; if (input.disabled != null) m.disabled = input.disabled;
    log('member.updated', ctx.member, 'Member', m.id, ctx.req); return { member: m };
  },
  removeMember: ({ input }, ctx) => {
    need(ctx, 'members:write');
    const i = members.findIndex((x) => x.id === input.id); if (i < 0) throw err('Not found.', 'NOT_FOUND');
    if (members[i].role === 'OWNER') throw err("The owner can't be removed.", 'FORBIDDEN');
    members.splice(i, 1); log('member.removed', ctx.member, 'Member', input.id, ctx.req); return { removedId: input.id };
  },
  createApiKey: ({ input }, ctx) => {
    need(ctx, 'api_keys:write');
    const bad = input.scopes.filter((s) => !ctx.scopes.includes(s) || /^api_keys:|^org:write$/.test(s));
    if (bad.length) throw err(`Scopes not grantable: ${bad.join(', ')}`, 'BAD_USER_INPUT', { fields: { scopes: `Not grantable: ${bad.join(', ')}` } });
    const secret = `iq_live_${randomBytes(20).toString('hex')}`;
    const k = { id: `K${seq++}`, name: input.name, prefix: secret.slice(0, 16), scopes: input.scopes, rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
      createdAt: now(), createdById: ctx.member.id, lastUsedAt: null, expiresAt: input.expiresAt ?? null, enabled: true, revokedAt: null, secret };
    keys.unshift(k); log('api_key.created', ctx.member, 'ApiKey', k.id, ctx.req);
    return { apiKey: keyView(k), secret };
  },
  setApiKeyEnabled: ({ input }, ctx) => { need(ctx, 'api_keys:write'); const k = keys.find((x) => x.id === input.id); if (!k) throw err('Not found.', 'NOT_FOUND');
    k.enabled = input.enabled; log(input.enabled ? 'api_key.enabled' : 'api_key.disabled', ctx.member, 'ApiKey', k.id, ctx.req); return { apiKey: keyView(k) }; },
  revokeApiKey: ({ input }, ctx) => { need(ctx, 'api_keys:write'); const k = keys.find((x) => x.id === input.id); if (!k) throw err('Not found.', 'NOT_FOUND');
    k.revokedAt = now(); k.enabled = false; log('api_key.revoked', ctx.member, 'ApiKey', k.id, ctx.req); return { apiKey: keyView(k) }; },
  rotateApiKey: ({ input }, ctx) => { need(ctx, 'api_keys:write'); const old = keys.find((x) => x.id === input.id); if (!old) throw err('Not found.', 'NOT_FOUND');
    const secret = `iq_live_${randomBytes(20).toString('hex')}`;
    const k = { ...old, id: `K${seq++}`, prefix: secret.slice(0, 16), secret, createdAt: now(), lastUsedAt: null, enabled: true, revokedAt: null };
    old.revokedAt = new Date(Date.now() + input.gracePeriodSeconds * 1000).toISOString();
    keys.unshift(k); log('api_key.rotated', ctx.member, 'ApiKey', k.id, ctx.req); return { apiKey: keyView(k), secret }; },
  setApiAccess: ({ input }, ctx) => { need(ctx, 'org:write'); ORG.apiAccessEnabled = input.enabled; log('org.api_access_changed', ctx.member, 'Organization', ORG.id, ctx.req);
    return { organization: orgView }; },
};

function problem(res, status, code, detail) {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...(status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {}) });
  res.end(JSON.stringify({ type: `https://quizgraph.dev/problems/${code.toLowerCase()}`, title: 'Unauthorized', status, detail, code,
    errors: [{ message: detail, extensions: { code } }] }));
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/graphql' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const ctx = { req, member: null, scopes: [], key: null, cookies: [], setCookie(c) { this.cookies.push(c); } };
    const auth = req.headers.authorization;
    if (auth) {
      const k = keys.find((x) => `Bearer ${x.secret}` === auth);
      if (!k || !k.enabled || (k.revokedAt && k.revokedAt <= now())) return problem(res, 401, 'INVALID_API_KEY', 'The API key is invalid or has been revoked.');
      if (!ORG.apiAccessEnabled) return problem(res, 403, 'API_ACCESS_DISABLED', 'API access is switched off for this organization.');
      const creator = members.find((m) => m.id === k.createdById);
      ctx.member = creator; ctx.key = k; ctx.scopes = k.scopes.filter((s) => ROLE_SCOPES[creator.role].includes(s)); k.lastUsedAt = now();
    } else {
      const sid = /(?:^|;\s*)qg_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const m = sid && members.find((x) => x.id === sessions.get(sid) && !x.disabled);
      if (m) { ctx.member = m; ctx.scopes = ROLE_SCOPES[m.role]; }
    }
    let parsed; try { parsed = JSON.parse(body); } catch { parsed = {}; }
    const result = await graphql({ schema, source: parsed.query ?? '', variableValues: parsed.variables, operationName: parsed.operationName, rootValue: root, contextValue: ctx,
      fieldResolver: (src, args, c, info) => { const v = src?.[info.fieldName]; return typeof v === 'function' ? v(args, c, info) : v; } });
    res.writeHead(200, { 'content-type': 'application/json', ...(ctx.cookies.length ? { 'set-cookie': ctx.cookies } : {}) });
    return res.end(JSON.stringify(result));
  }
  let file = path.join(dist, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});

const port = Number(process.env.PORT ?? 0);
server.listen(port, '127.0.0.1', () => {
  console.log(`mock quizgraph on http://127.0.0.1:${server.address().port}`);
});
