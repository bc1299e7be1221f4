/** Ready-to-paste calls with a new API key: what the one-time secret dialog shows next to it. */

export const SNIPPET_QUERY = '{ viewer { kind scopes } }';

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(endpoint: string, secret: string): string {
  const body = JSON.stringify({ query: SNIPPET_QUERY });
  return [
    `curl -sS ${shellQuote(endpoint)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${secret}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n');
}

export function pythonSnippet(endpoint: string, secret: string): string {
  return [
    'import json',
    'import urllib.request',
    '',
    'request = urllib.request.Request(',
    `    ${JSON.stringify(endpoint)},`,
    `    data=json.dumps({"query": ${JSON.stringify(SNIPPET_QUERY)}}).encode(),`,
    `    headers={"Authorization": ${JSON.stringify(`Bearer ${secret}`)}, "Content-Type": "application/json"},`,
    ')',
    'with urllib.request.urlopen(request) as response:',
    '    print(json.load(response))',
  ].join('\n');
}
