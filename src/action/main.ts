/**
 * The GitHub Action (action.yml at the repository root runs this, bundled as dist/action.js).
 *
 * Reads the event that started the workflow (GITHUB_EVENT_PATH), works out the Markdown files the
 * pull request or push changed (git diff between the event's two commits), runs the PartnerLint CLI
 * beside it (dist/cli.js) on them with `--format sarif`, writes the SARIF file for code scanning,
 * prints one workflow command (`::error file=…,line=…::…`) per problem so that GitHub annotates the
 * lines, writes the step's outputs (GITHUB_OUTPUT) and a summary (GITHUB_STEP_SUMMARY), and exits
 * by the `fail-on` policy. When the event names no commits, or they are not in the clone (a
 * shallow checkout), it checks every Markdown file matching `paths` instead, and says so.
 *
 * Inputs arrive as environment variables named in INPUTS; action.yml maps each input onto its
 * variable (a test checks both lists agree).
 *
 * Exit status: 0 when nothing reached the `fail-on` level; 1 when something did; 2 when the run
 * is incomplete or wrong (an unknown input value, a file that could not be read, the CLI failing).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { formatSarif } from '../cli/formatters';

declare const PARTNERLINT_VERSION: string;
const VERSION = typeof PARTNERLINT_VERSION === 'string' ? PARTNERLINT_VERSION : '0.0.0-dev';

/** The action's inputs that this script reads: input name -> environment variable and default. */
export const INPUTS = {
  paths: { env: 'PARTNERLINT_PATHS', default: '**' },
  'changed-only': { env: 'PARTNERLINT_CHANGED_ONLY', default: 'true' },
  config: { env: 'PARTNERLINT_CONFIG', default: '' },
  'fail-on': { env: 'PARTNERLINT_FAIL_ON', default: 'error' },
  'sarif-file': { env: 'PARTNERLINT_SARIF_FILE', default: 'partnerlint.sarif' },
} as const;
export type InputName = keyof typeof INPUTS;

/** The outputs this script writes to GITHUB_OUTPUT (action.yml declares each). */
export const OUTPUTS = ['files-checked', 'errors', 'warnings', 'info', 'sarif-file', 'scope'] as const;

export const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const NO_COMMIT = /^0+$/;

/** Where the script writes: the step's log, and the environment it reads. */
export interface ActionEnv {
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** dist/cli.js; beside this script when bundled. */
  cliPath: string;
}

function input(env: NodeJS.ProcessEnv, name: InputName): string {
  const value = env[INPUTS[name].env];
  return value === undefined || value.trim() === '' ? INPUTS[name].default : value.trim();
}

/** Globs, one a line (or separated by commas); a leading `!` excludes. */
export function parsePatterns(text: string): { include: string[]; exclude: string[] } {
  const all = text.split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  const include = all.filter((p) => !p.startsWith('!'));
  return { include: include.length > 0 ? include : ['**'], exclude: all.filter((p) => p.startsWith('!')).map((p) => p.slice(1)) };
}

// ---------------------------------------------------------------------------------------------
// Which files

/** The two commits an event compares, or why there are none. */
export type Range = { base: string; head: string; what: string } | { reason: string };

/** Reads the commits to compare from the event payload. */
export function rangeOf(eventName: string, payload: any): Range {
  const sha = (v: unknown) => (typeof v === 'string' && /^[0-9a-f]{7,64}$/i.test(v) ? v : undefined);
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review':
    case 'pull_request_review_comment': {
      const base = sha(payload?.pull_request?.base?.sha);
      const head = sha(payload?.pull_request?.head?.sha);
      if (!base || !head) return { reason: 'the event names no base and head commits' };
      return { base, head, what: `pull request #${payload.pull_request.number ?? '?'}` };
    }
    case 'merge_group': {
      const base = sha(payload?.merge_group?.base_sha);
      const head = sha(payload?.merge_group?.head_sha);
      if (!base || !head) return { reason: 'the event names no base and head commits' };
      return { base, head, what: 'the merge group' };
    }
    case 'push': {
      const before = sha(payload?.before);
      const after = sha(payload?.after);
      if (!after || NO_COMMIT.test(after)) return { reason: 'the push deleted the branch' };
      if (!before || NO_COMMIT.test(before)) return { reason: 'the push created the branch, so there is nothing to compare with' };
      return { base: before, head: after, what: 'the push' };
    }
    default:
      return { reason: `a ${eventName || 'manual'} event compares no commits` };
  }
}

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: run.status === 0, out: run.stdout ?? '' };
}

/**
 * The files added, copied, modified or renamed (under their new name) between the merge base of
 * `base` and `head`, and `head`; deleted files are left out. Undefined, with the reason, when the
 * clone lacks either commit or their history.
 */
export function changedFiles(workspace: string, range: { base: string; head: string }): { files: string[] } | { reason: string } {
  for (const commit of [range.base, range.head]) {
    if (!git(workspace, ['cat-file', '-e', `${commit}^{commit}`]).ok) {
      return { reason: `commit ${commit.slice(0, 12)} is not in the clone (check out with fetch-depth: 0 to check only the changed files)` };
    }
  }
  const mergeBase = git(workspace, ['merge-base', range.base, range.head]);
  if (!mergeBase.ok) return { reason: 'the clone lacks the history that joins the two commits (check out with fetch-depth: 0)' };
  const diff = git(workspace, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '--diff-filter=d', '--no-ext-diff', '-z', mergeBase.out.trim(), range.head, '--']);
  if (!diff.ok) return { reason: 'git diff failed' };
  return { files: diff.out.split('\0').filter(Boolean) };
}

const toPosix = (p: string) => p.split(sep).join('/');
const insideOf = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/** The Markdown files to check, relative to the workspace, sorted, each once. */
export async function selectFiles(workspace: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<{ files: string[]; scope: string }> {
  const { include, exclude } = parsePatterns(input(env, 'paths'));
  const wanted = picomatch(include, { dot: true, ignore: [...exclude, ...ALWAYS_IGNORED] });
  const keep = (file: string) => MARKDOWN.test(file) && wanted(file);
  const changedOnly = input(env, 'changed-only') !== 'false';
  let why = 'changed-only is false';
  if (changedOnly) {
    let payload: unknown;
    const eventPath = env['GITHUB_EVENT_PATH'];
    try {
      payload = eventPath ? JSON.parse(readFileSync(eventPath, 'utf8')) : undefined;
    } catch {
      payload = undefined;
    }
    const range = payload === undefined ? { reason: 'there is no event payload (GITHUB_EVENT_PATH)' } : rangeOf(env['GITHUB_EVENT_NAME'] ?? '', payload);
    const changed = 'reason' in range ? range : changedFiles(workspace, range);
    if ('files' in changed) {
      const files = [...new Set(changed.files)].filter(keep).filter((f) => isFileIn(workspace, f)).sort();
      const what = (range as { what: string }).what;
      log(`PartnerLint: ${files.length} Markdown file${files.length === 1 ? '' : 's'} to check, of ${changed.files.length} file${changed.files.length === 1 ? '' : 's'} changed by ${what}.`);
      return { files, scope: 'changed' };
    }
    why = changed.reason;
    // A missing commit is worth a notice (the checkout can be fixed); an event without commits is not.
    if (!('reason' in range)) log(`::notice title=PartnerLint checks every Markdown file::${escapeData(`Checking every Markdown file matching the paths: ${why}.`)}`);
  }
  const found = await glob(include, { cwd: workspace, ignore: [...exclude, ...ALWAYS_IGNORED], dot: false, onlyFiles: true });
  const files = [...new Set(found.map(toPosix))].filter(keep).sort();
  log(`PartnerLint: ${files.length} Markdown file${files.length === 1 ? '' : 's'} to check (all matching the paths; ${why}).`);
  return { files, scope: 'all' };
}

function isFileIn(workspace: string, file: string): boolean {
  try {
    return statSync(join(workspace, file)).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Workflow commands

/** Escapes a workflow command's message. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value. */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', note: 'notice' };

interface SarifLike {
  runs: Array<{
    results?: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number } } }>;
    }>;
    invocations?: Array<{ toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
  }>;
}

const fileOf = (uri: string) => uri.split('/').map(decodeURIComponent).join('/');

/** One workflow command per result and per file not checked. */
export function annotations(sarif: SarifLike): string[] {
  const lines: string[] = [];
  for (const run of sarif.runs) {
    for (const result of run.results ?? []) {
      const location = result.locations[0]?.physicalLocation;
      if (!location) continue;
      const region = location.region;
      const props = [`file=${escapeProperty(fileOf(location.artifactLocation.uri))}`];
      if (region) {
        props.push(`line=${region.startLine}`);
        if (region.startColumn !== undefined) props.push(`col=${region.startColumn}`);
        if (region.endLine !== undefined) props.push(`endLine=${region.endLine}`);
        // GitHub takes an end column only on a one-line range.
        if (region.endColumn !== undefined && region.endLine === region.startLine) props.push(`endColumn=${region.endColumn}`);
      }
      props.push(`title=${escapeProperty(`PartnerLint ${result.ruleId}`)}`);
      lines.push(`::${COMMAND[result.level] ?? 'warning'} ${props.join(',')}::${escapeData(result.message.text)}`);
    }
    for (const invocation of run.invocations ?? []) {
      for (const note of invocation.toolExecutionNotifications ?? []) {
        const uri = note.locations?.[0]?.physicalLocation.artifactLocation.uri;
        const file = uri === undefined ? '' : ` file=${escapeProperty(fileOf(uri))},`;
        lines.push(`::${COMMAND[note.level] ?? 'warning'}${file || ' '}title=PartnerLint::${escapeData(note.message.text)}`);
      }
    }
  }
  return lines;
}

type Counts = { errors: number; warnings: number; info: number };

/** Counts results by level, per file (as the summary lists them). */
function countByFile(sarif: SarifLike): Map<string, Counts> {
  const perFile = new Map<string, Counts>();
  for (const run of sarif.runs) {
    for (const r of run.results ?? []) {
      const file = fileOf(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '');
      const entry = perFile.get(file) ?? { errors: 0, warnings: 0, info: 0 };
      if (r.level === 'error') entry.errors++;
      else if (r.level === 'warning') entry.warnings++;
      else entry.info++;
      perFile.set(file, entry);
    }
  }
  return perFile;
}

/** Counts results by level. */
export function countLevels(sarif: SarifLike): Counts {
  const counts = { errors: 0, warnings: 0, info: 0 };
  for (const c of countByFile(sarif).values()) {
    counts.errors += c.errors;
    counts.warnings += c.warnings;
    counts.info += c.info;
  }
  return counts;
}

/** Whether the counts fail the run under the `fail-on` policy. */
export function fails(failOn: FailOn, counts: { errors: number; warnings: number; info: number }): boolean {
  switch (failOn) {
    case 'none':
      return false;
    case 'error':
      return counts.errors > 0;
    case 'warning':
      return counts.errors + counts.warnings > 0;
    case 'info':
      return counts.errors + counts.warnings + counts.info > 0;
  }
}

function appendOutputs(env: NodeJS.ProcessEnv, values: Record<(typeof OUTPUTS)[number], string | number>): void {
  const file = env['GITHUB_OUTPUT'];
  if (!file) return;
  appendFileSync(file, Object.entries(values).map(([k, v]) => `${k}=${String(v).replace(/[\r\n]+/g, ' ')}\n`).join(''), 'utf8');
}

function summary(files: string[], scope: string, sarif: SarifLike, failed: boolean, failOn: FailOn): string {
  const perFile = countByFile(sarif);
  const counts = countLevels(sarif);
  const where = scope === 'changed' ? 'changed Markdown file' : 'Markdown file';
  const lines = [
    '## PartnerLint',
    '',
    `${failed ? '❌' : '✅'} ${files.length} ${where}${files.length === 1 ? '' : 's'} checked: ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.info} info (fails on: ${failOn}).`,
  ];
  if (perFile.size > 0) {
    lines.push('', '| File | Errors | Warnings | Info |', '| --- | ---: | ---: | ---: |');
    for (const [file, c] of [...perFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(`| ${file.replace(/\|/g, '\\|')} | ${c.errors} | ${c.warnings} | ${c.info} |`);
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

export async function runAction({ env, log, cliPath }: ActionEnv): Promise<number> {
  const workspace = resolve(env['GITHUB_WORKSPACE'] || process.cwd());
  const failOn = input(env, 'fail-on') as FailOn;
  if (!FAIL_ON.includes(failOn)) {
    log(`::error title=PartnerLint::${escapeData(`fail-on must be one of ${FAIL_ON.join(', ')}; it is "${failOn}".`)}`);
    return 2;
  }
  const sarifName = input(env, 'sarif-file');
  const sarifPath = isAbsolute(sarifName) ? sarifName : join(workspace, sarifName);
  const config = input(env, 'config');

  const { files, scope } = await selectFiles(workspace, env, log);
  let sarifText: string;
  let incomplete = false;
  if (files.length === 0) {
    sarifText = formatSarif([], VERSION);
  } else {
    const args = [cliPath, '--format', 'sarif', '--no-color', ...(config ? ['--config', config] : []), '--', ...files];
    const run = spawnSync(process.execPath, args, { cwd: workspace, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    if (run.stderr) log(run.stderr.trimEnd());
    if (run.status === null || run.status > 2 || !run.stdout.trim().startsWith('{')) {
      log(`::error title=PartnerLint::${escapeData(`The PartnerLint CLI failed (${run.error?.message ?? `exit status ${run.status ?? run.signal}`}).`)}`);
      return 2;
    }
    // 2 with a report: a file could not be read, or the configuration file was refused.
    incomplete = run.status === 2;
    sarifText = run.stdout;
  }
  const sarif = JSON.parse(sarifText) as SarifLike;
  mkdirSync(dirname(sarifPath), { recursive: true });
  writeFileSync(sarifPath, sarifText, 'utf8');
  for (const line of annotations(sarif)) log(line);
  const counts = countLevels(sarif);
  const failed = fails(failOn, counts);
  appendOutputs(env, {
    'files-checked': files.length,
    errors: counts.errors,
    warnings: counts.warnings,
    info: counts.info,
    'sarif-file': insideOf(workspace, sarifPath) ? toPosix(relative(workspace, sarifPath)) : sarifPath,
    scope,
  });
  if (env['GITHUB_STEP_SUMMARY']) appendFileSync(env['GITHUB_STEP_SUMMARY'], summary(files, scope, sarif, failed || incomplete, failOn), 'utf8');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  log(`PartnerLint: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.info} info; SARIF written to ${sarifPath}.`);
  if (incomplete) return 2;
  if (failed) {
    log(`PartnerLint: failing because fail-on is "${failOn}".`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  runAction({ env: process.env, log: (line) => process.stdout.write(`${line}\n`), cliPath: join(__dirname, 'cli.js') }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stdout.write(`::error title=PartnerLint::${escapeData(`The action crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)}\n`);
      process.exitCode = 2;
    },
  );
}
