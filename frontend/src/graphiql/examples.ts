/**
 * The query GraphiQL opens with, for the viewer's role: signed in on the portal, the
 * session cookie is sent; otherwise an API key goes in the headers tab.
 */

export interface ExampleViewer {
  kind: string;
  role: string | null;
  scopes: readonly string[];
  organization: { slug: string } | null;
}

export const AUTH_NOTE = `# Calling with an API key: open the Headers tab below and paste
#   {"Authorization": "Bearer iq_live_…"}
# (the key's secret, shown once when it was created). Signed in on your organization's
# portal in this browser, the session cookie is sent instead and no header is needed.`;

const q = (s: string) => JSON.stringify(s);

function body(viewer: ExampleViewer | null): { title: string; query: string } {
  const slug = viewer?.organization?.slug ?? 'your-org';
  const role = viewer?.role ?? null;
  if (!viewer || viewer.kind === 'ANONYMOUS') {
    return {
      title: 'Who am I, and the open quizzes (works with any key holding quizzes:read)',
      query: `query Start {
  viewer { kind role scopes organization { slug name } }
}`,
    };
  }
  if (role === 'OWNER' || role === 'ADMIN') {
    return {
      title: `As ${role.toLowerCase()}: members, API keys and the newest audit events`,
      query: `query Overview {
  viewer { kind role organization { name } }
  organization(slug: ${q(slug)}) {
    members(first: 5) { totalCount edges { node { username role } } }
    apiKeys(first: 5) { edges { node { name prefix scopes enabled lastUsedAt } } }
    auditLog(first: 5, excludeActions: ["auth.login"]) {
      edges { node { createdAt actorLabel action targetLabel } }
    }
  }
}`,
    };
  }
  if (role === 'TEACHER') {
    return {
      title: 'As teacher: your quizzes and the latest attempts',
      query: `query Teaching {
  organization(slug: ${q(slug)}) {
    quizzes(first: 5) { edges { node { id title status } } }
    attempts(first: 5) { edges { node { quizTitle status score maxScore closedAt } } }
  }
}`,
    };
  }
  if (role === 'STUDENT') {
    return {
      title: 'As student: open quizzes and your attempts',
      query: `query Mine {
  organization(slug: ${q(slug)}) {
    quizzes(first: 10) { edges { node { id title } } }
    attempts(first: 10) { edges { node { quizTitle status percentage passed } } }
  }
}`,
    };
  }
  // An API key (no role): what it may do.
  return {
    title: 'As an API key: your scopes and the quizzes you can read',
    query: `query Key {
  viewer { kind scopes organization { slug name } }
  organization(slug: ${q(slug)}) {
    quizzes(first: 5) { edges { node { id title status } } }
  }
}`,
  };
}

export function exampleFor(viewer: ExampleViewer | null): string {
  const { title, query } = body(viewer);
  return `${AUTH_NOTE}\n#\n# ${title}. Press the ▶ button (Ctrl+Enter) to run it.\n${query}\n`;
}
