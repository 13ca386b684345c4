/**
 * The reply templates offered by "Insert a reply template": the snippets file, read as data. No
 * vscode import; the extension inserts the chosen body as a snippet.
 */

export interface SnippetDefinition {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description?: string;
}

export interface Template {
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly description: string;
  readonly body: string;
}

/** Parses a `.code-snippets` file (JSON; comments are not used in ours). */
export function parseSnippets(text: string): Template[] {
  const data = JSON.parse(text) as Record<string, SnippetDefinition>;
  return Object.entries(data).map(([name, s]) => ({
    name,
    prefixes: typeof s.prefix === 'string' ? [s.prefix] : [...s.prefix],
    description: s.description ?? '',
    body: typeof s.body === 'string' ? s.body : s.body.join('\n'),
  }));
}
