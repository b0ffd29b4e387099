import type { TreeFileHost } from '../../../src/trees';

/** A custom tree file with one yes/no question leading to two outcomes. */
export function treeYaml(id: string, question = 'vendor-certified', outcomes: [string, string] = ['rely', 'avoid']): string {
  return [
    `id: ${id}`,
    `title: Tree ${id}?`,
    'description: A small custom tree for tests.',
    `start: ${question}`,
    'questions:',
    `  ${question}:`,
    '    text: Does the vendor hold a current security certification?',
    '    answers:',
    `      yes: { label: "Yes", hint: "Yes — we have seen the report", outcome: ${outcomes[0]} }`,
    `      no: { label: "No", hint: "No — nothing current", outcome: ${outcomes[1]} }`,
    'outcomes:',
    `  ${outcomes[0]}: { title: Rely on them, rationale: They clear the bar we set for suppliers. }`,
    `  ${outcomes[1]}: { title: Look elsewhere, rationale: They do not clear the bar we set for suppliers. }`,
    '',
  ].join('\n');
}

/** An in-memory file system: path → text; folders are implied by the paths. */
export class MemoryHost implements TreeFileHost {
  readonly reads: string[] = [];
  constructor(readonly files: Record<string, string>, readonly failing: ReadonlySet<string> = new Set()) {}
  async readFile(path: string): Promise<string | undefined> {
    this.reads.push(path);
    if (this.failing.has(path)) throw new Error('permission denied');
    return Object.hasOwn(this.files, path) ? this.files[path] : undefined;
  }
  async listDir(path: string): Promise<string[] | undefined> {
    if (this.failing.has(path)) throw new Error('permission denied');
    const prefix = path.replace(/\/+$/, '') + '/';
    const names = new Set<string>();
    for (const file of Object.keys(this.files)) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
    return names.size > 0 ? [...names] : undefined;
  }
}
