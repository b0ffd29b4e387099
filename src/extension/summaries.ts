/**
 * The pure parts of the editor commands' feedback (no `vscode` import, so they are unit-tested):
 * the templates "Insert Template…" offers, and what Lint Workspace and Fix All say at the end.
 */

/** One template of snippets/markdown.json, as "Insert Template…" offers it. */
export interface TemplateChoice {
  /** The snippet's name ("Partnership charter"). */
  label: string;
  /** The prefix that expands it with Ctrl+Space ("charter"). */
  prefix: string;
  /** What it contains, without the "PartnerLint: " the completion list needs. */
  detail: string;
  /** The snippet body, in snippet syntax (tab stops and placeholders). */
  body: string;
}

interface SnippetEntry {
  prefix?: unknown;
  body?: unknown;
  description?: unknown;
}

/** Every usable snippet of snippets/markdown.json, in file order; anything malformed is skipped. */
export function templateChoices(json: string): TemplateChoice[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
  const out: TemplateChoice[] = [];
  for (const [label, value] of Object.entries(parsed as Record<string, SnippetEntry>)) {
    if (!value || typeof value !== 'object') continue;
    const prefixes = Array.isArray(value.prefix) ? value.prefix : [value.prefix];
    const prefix = prefixes.find((p): p is string => typeof p === 'string');
    const body = typeof value.body === 'string' ? value.body : Array.isArray(value.body) && value.body.every((l) => typeof l === 'string') ? value.body.join('\n') : undefined;
    if (prefix === undefined || body === undefined) continue;
    const detail = typeof value.description === 'string' ? value.description.replace(/^PartnerLint:\s*/, '') : '';
    out.push({ label, prefix, detail, body });
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What Lint Workspace found, for the message at the end of the run. */
export interface WorkspaceRun {
  /** Strategy documents checked. */
  checked: number;
  problems: number;
  /** Markdown files left alone: too large, unreadable, switched off, or not a partnership document. */
  skipped: number;
  /** Of the skipped files, those that could not be read or checked (details in the output). */
  failed: number;
  cancelled: boolean;
}

export function workspaceSummary(run: WorkspaceRun): string {
  const what = `${plural(run.checked, 'partnership document')} checked, ${plural(run.problems, 'problem')} found, ${plural(run.skipped, 'other Markdown file')} skipped`;
  const failed = run.failed > 0 ? ` (${plural(run.failed, 'file')} could not be checked: see the PartnerLint output)` : '';
  return `PartnerLint${run.cancelled ? ' (cancelled)' : ''}: ${what}${failed}.`;
}

/** A problem as Fix All compares them before and after: which rule, and what it says. */
export interface ProblemKey {
  ruleId: string;
  message: string;
}

/**
 * What Fix All did: how many fixes went in, and the problems that were not there before (a fix
 * that inserts a section with blanks to fill in makes placeholder-left report them), so a count
 * that goes up is explained.
 */
export function fixAllSummary(applied: number, before: readonly ProblemKey[], after: readonly ProblemKey[]): string {
  const seen = new Map<string, number>();
  const key = (p: ProblemKey) => `${p.ruleId}\u0000${p.message}`;
  for (const p of before) seen.set(key(p), (seen.get(key(p)) ?? 0) + 1);
  const added = new Map<string, number>();
  for (const p of after) {
    const left = seen.get(key(p)) ?? 0;
    if (left > 0) seen.set(key(p), left - 1);
    else added.set(p.ruleId, (added.get(p.ruleId) ?? 0) + 1);
  }
  const newCount = [...added.values()].reduce((a, b) => a + b, 0);
  const remaining = after.length - newCount;
  if (applied === 0) {
    return after.length === 0
      ? 'PartnerLint: no problems here.'
      : `PartnerLint: nothing here can be fixed automatically; ${plural(after.length, 'problem needs', 'problems need')} your judgement (see the Problems panel).`;
  }
  let text = `PartnerLint applied ${plural(applied, 'fix', 'fixes')}.`;
  if (newCount > 0) {
    const rules = [...added.entries()].map(([rule, n]) => `${rule} ×${n}`).join(', ');
    text += ` ${plural(newCount, 'new problem')} came with the text the fixes added (${rules}): fill in what they point at.`;
  }
  if (remaining > 0) text += ` ${plural(remaining, 'problem')} ${remaining === 1 ? 'needs' : 'need'} your judgement.`;
  else if (newCount === 0) text += ' No problems are left.';
  return text;
}
