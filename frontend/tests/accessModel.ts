// The access model as `Query.accessModel` serves it, built from the server's own table
// (server-scopes.json, which tests/access/test_scope_table.py keeps equal to app/access/scopes.py).
import type { AccessModel, Role } from '../src/lib/access';
import server from './server-scopes.json';

const LABELS: Record<string, string> = { api_keys: 'API keys', org: 'Organization' };

export const MODEL: AccessModel = {
  __typename: 'AccessModel',
  roles: server.roles.map((role) => ({
    __typename: 'RoleDefinition' as const,
    role: role as Role,
    scopes: server.scopes.filter((s) => s.roles.includes(role)).map((s) => s.scope),
    ownRecordsOnly: role === 'STUDENT' ? ['attempts:read'] : [],
  })),
  scopes: server.scopes.map((s) => {
    const resource = s.scope.split(':')[0]!;
    return {
      __typename: 'ScopeDefinition' as const,
      name: s.scope,
      description: `What ${s.scope} allows`,
      resource,
      resourceLabel: LABELS[resource] ?? resource.charAt(0).toUpperCase() + resource.slice(1),
      roles: s.roles as Role[],
      grantableToKeys: s.grantableToKeys,
    };
  }),
};

export const ROLES: Role[] = MODEL.roles.map((r) => r.role);

export const scopesOf = (role: Role): string[] => MODEL.roles.find((r) => r.role === role)!.scopes;
