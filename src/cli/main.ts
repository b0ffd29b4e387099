/**
 * partnerlint [options] <files | folders | globs>
 *
 * Thin on purpose: arguments -> the core -> a formatter -> an exit code.
 * Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too many warnings;
 * 2 a usage error or a crash.
 */
import { parseArgs } from 'node:util';
import { writeFile, stat, realpath } from 'node:fs/promises';
import { existsSync, type Stats } from 'node:fs';
import { resolve, relative, sep, join, isAbsolute } from 'node:path';
import { availableParallelism } from 'node:os';
import { glob, isDynamicPattern } from 'tinyglobby';
import { TextIndex, RULES, sniff, DEFAULT_CONFIG, withSettingsKind, type ResolvedConfig, type Severity } from '../core';
import { configSchema } from '../core/schema';
import { ConfigResolver, lintDocument, resolveDocumentConfig } from '../core/lint-file';
import { dirname as posixDirname } from '../core/config-file';
import { CONFIG_RULE_ID } from '../core/engine';
import { customTreeRoot, findCustomTrees, findWorkspaceRoot, isCustomTreePath, type CustomTrees, type TreeFileHost } from '../trees/custom';
import { lintTreeFile, treeProblemsToDiagnostics } from '../trees/lint-tree';
import { formatJson, formatSarif, formatStylish, toReportDiagnostics, FILE_TOO_LARGE_ID, type FileReport } from './formatters';
import { DEFAULT_MAX_FILE_SIZE, readDocument, type ReadOutcome } from './read-document';
import { LintPool, type LintOutcome } from './pool';
import { SettingsReader } from '../core/settings-reader';
import { nodeSettingsFs } from './settings-fs';

declare const PARTNERLINT_VERSION: string;
const VERSION = typeof PARTNERLINT_VERSION === 'string' ? PARTNERLINT_VERSION : '0.0.0-dev';

const HELP = `Usage: partnerlint [options] <files | folders | globs>

Checks partnership strategy documents written in Markdown: charters, decision records,
partner tier models, rollout plans and launch plans. Other Markdown files are skipped.
Decision tree files in .partnerlint/trees/ (named, or found in the folders given) are
checked too, and decision records may name the trees they define.

Options:
  -f, --format <name>    stylish (default), json or sarif
      --fix              apply every safe fix and write the files back
  -c, --config <file>    use this configuration file instead of the nearest .partnerlint.yaml
      --max-warnings <n> exit with 1 when there are more than n warnings
      --max-file-size <n> skip documents longer than n characters (default 1000000)
      --no-color         plain output, even at a terminal
      --workers          lint strategy documents on every core with worker threads, when
                         there are 8 or more of them (off by default: it rarely pays, see README)
      --no-workers       lint every document on this thread (the default; wins over --workers)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage error or crash.
`;

class UsageError extends Error {}

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];
const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Fewer strategy documents than this are linted on the main thread: starting workers (each loads
 * the core, about 0.1 s of CPU) would cost more than they save.
 */
export const MIN_DOCUMENTS_FOR_WORKERS = 8;
/** The most lint workers the CLI starts. */
const MAX_WORKERS = 4;

/**
 * Files named on the command line, in a stable order, each real file once.
 *
 * An argument that names an existing file or folder is that file or folder, whatever characters
 * its name holds (`Q3 (final).md`, `[draft].md`); only an argument that names nothing is read as a
 * glob. Each real file is kept once, however it was reached (through a symlinked folder, a
 * symlink to a file, or a folder named as well as a file in it): under its real path when that is
 * inside the current folder, else under the first path it was found by. The folder walk follows
 * symlinked folders without going round a cycle.
 */
async function expand(inputs: string[], cwd: string): Promise<string[]> {
  const files = new Map<string, string>();
  // Files named one by one are checked whatever their extension.
  const named = new Set<string>();
  const realCwd = await realpath(cwd).catch(() => cwd);
  /** Adds each file, in order; returns the path each is kept under. */
  const addAll = async (list: string[]) => {
    // The real paths are looked up side by side (a folder may hold thousands of files).
    const reals = await Promise.all(list.map((f) => realpath(f).catch(() => undefined)));
    return list.map((f, i) => keep(f, reals[i]));
  };
  const add = async (file: string) => (await addAll([file]))[0]!;
  const keep = (file: string, real: string | undefined) => {
    if (real === undefined) {
      if (!files.has(file)) files.set(file, file);
      return file;
    }
    if (!files.has(real)) {
      const inside = relative(realCwd, real);
      const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
      const canonical = inside && !outside ? resolve(cwd, inside) : file;
      files.set(real, canonical);
    }
    return files.get(real)!;
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let info: Stats | undefined;
    // Something is there, but stat cannot follow it (a symlink loop, a folder without search
    // permission): it is that file, and reading it reports why it was not checked.
    let unreachable = false;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unreachable = code !== 'ENOENT' && code !== 'ENOTDIR';
    }
    if (unreachable) {
      named.add(await add(path));
      continue;
    }
    if (!info && isDynamicPattern(input)) {
      const found = await glob(input, { cwd, ignore: IGNORED, absolute: true, dot: false });
      if (found.length === 0) throw new UsageError(`No files match ${input} (and no file or folder has that name).`);
      await addAll(found.sort().map((f) => resolve(f)));
      continue;
    }
    if (!info) throw new UsageError(`No such file or folder: ${input}`);
    if (info.isDirectory()) {
      const found = await glob('**/*.{md,markdown,mdown,mkd}', { cwd: path, ignore: IGNORED, absolute: true });
      // Decision tree files live in a dot folder, which the pattern above leaves out; the folder
      // given may also be .partnerlint/ or .partnerlint/trees/ itself.
      const yaml = await glob('**/*.{yaml,yml}', { cwd: path, ignore: IGNORED, absolute: true, dot: true });
      const trees = yaml.filter((f) => isCustomTreePath(toPosix(resolve(f))));
      await addAll([...found, ...trees].sort().map((f) => resolve(f)));
    } else {
      named.add(await add(path));
    }
  }
  return [...files.values()].filter((f) => MARKDOWN.test(f) || isCustomTreePath(toPosix(f)) || named.has(f));
}

/**
 * Each document's workspace root (the nearest folder with a `.partnerlint/` folder or a
 * `.partnerlint.yaml`, else the current folder) and that root's custom decision trees, each
 * looked up once.
 */
class CustomTreeResolver {
  private readonly roots = new Map<string, Promise<string>>();
  private readonly trees = new Map<string, Promise<CustomTrees>>();
  constructor(private readonly cwd: string, private readonly host: TreeFileHost) {}

  rootFor(file: string): Promise<string> {
    const dir = posixDirname(file);
    let root = this.roots.get(dir);
    if (!root) {
      root = findWorkspaceRoot(dir, this.host, this.cwd);
      this.roots.set(dir, root);
    }
    return root;
  }

  treesIn(root: string): Promise<CustomTrees> {
    let trees = this.trees.get(root);
    if (!trees) {
      trees = findCustomTrees(root, this.host);
      this.trees.set(root, trees);
    }
    return trees;
  }

  /** The tree files of the given roots, once each. */
  async filesIn(roots: Iterable<string>): Promise<CustomTrees['files']> {
    return (await Promise.all([...new Set(roots)].map((root) => this.treesIn(root)))).flatMap((t) => t.files);
  }
}

/**
 * The report of a document that was not checked. A binary file, a pipe or an unreadable file
 * gets no diagnostic (the note says why, in every output format); a document too large to check
 * gets one information diagnostic when its beginning shows it is a strategy document, as in the
 * editor.
 */
function skippedReport(file: string, read: Exclude<ReadOutcome, { kind: 'text' }>, maxFileSize: number): FileReport {
  switch (read.kind) {
    case 'binary':
      return { file, kind: 'none', diagnostics: [], note: 'not checked: a binary file', noteLevel: 'note' };
    case 'not-a-file':
      return { file, kind: 'none', diagnostics: [], note: 'not checked: not a regular file' };
    case 'unreadable':
      return { file, kind: 'none', diagnostics: [], note: `not checked: could not be read (${read.reason})`, noteLevel: 'error' };
    case 'too-large': {
      const limit = maxFileSize.toLocaleString('en-US');
      const note = `not checked: longer than ${limit} characters (--max-file-size)`;
      const kind = sniff(read.head).kind;
      if (!kind) return { file, kind: 'none', diagnostics: [], note };
      const index = new TextIndex(read.head);
      const message = `PartnerLint did not check this document: it is longer than ${limit} characters. Split it into smaller documents, or raise --max-file-size to have it checked.`;
      const range = index.lineRange(0);
      return { file, kind, diagnostics: toReportDiagnostics([{ ruleId: FILE_TOO_LARGE_ID, severity: 'info', message, range }]), note };
    }
  }
}

/** Where the CLI writes: process.stdout and process.stderr, or a capture in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A strategy document waiting for, or given to, a lint worker. */
interface DeferredLint {
  file: string;
  name: string;
  note: string | undefined;
  /** Its place in the reports. */
  index: number;
  text: string;
  config: ResolvedConfig;
  fix: boolean;
  result?: Promise<LintOutcome>;
}

function submit(pool: LintPool, job: DeferredLint): void {
  job.result = pool.lint(job.text, job.config, job.fix);
  // Awaited in order later; until then a failure must not count as an unhandled rejection.
  job.result.catch(() => undefined);
}

/** Writes a document's fixes, if any, and returns its report. */
async function applyLint(file: string, name: string, note: string | undefined, result: LintOutcome): Promise<FileReport> {
  if (result.fixedText !== undefined) await writeFile(file, result.fixedText, 'utf8');
  return { file: name, kind: result.kind ?? 'none', diagnostics: toReportDiagnostics(result.diagnostics), ...(note ? { note } : {}) };
}

export async function main(argv: string[], cwd = process.cwd(), out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  let pool: LintPool | undefined;
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        workers: { type: 'boolean' },
        'no-workers': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'print-config-schema': { type: 'boolean' },
      },
    });
  } catch (error) {
    err.write(`partnerlint: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    out.write(HELP);
    return 0;
  }
  if (values.version) {
    out.write(`${VERSION}\n`);
    return 0;
  }
  if (values['print-config-schema']) {
    out.write(JSON.stringify(configSchema(RULES), null, 2) + '\n');
    return 0;
  }
  try {
    const format = values.format!;
    if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format "${format}": use stylish, json or sarif.`);
    let maxWarnings = Infinity;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number of 0 or more.');
    }
    let maxFileSize = DEFAULT_MAX_FILE_SIZE;
    if (values['max-file-size'] !== undefined) {
      maxFileSize = Number(values['max-file-size']);
      if (!Number.isInteger(maxFileSize) || maxFileSize < 0) throw new UsageError('--max-file-size takes a whole number of characters, 0 or more.');
    }
    if (positionals.length === 0) throw new UsageError('Name the files or folders to check.');
    // Settings and tree files are read through one guarded reader: regular files only, size
    // checked first, each file once in the run.
    const settingsReader = new SettingsReader(nodeSettingsFs);
    let explicit: string | undefined;
    if (values.config !== undefined) {
      explicit = toPosix(resolve(cwd, values.config));
      const found = await settingsReader.readFile(explicit).catch((error: unknown) => {
        const code = (error as { code?: unknown } | undefined)?.code;
        const reason = typeof code === 'string' && code ? code : error instanceof Error ? error.message : String(error);
        throw new UsageError(`Could not read the configuration file ${values.config} (${reason}): check that it is a file PartnerLint may read.`);
      });
      if (found === undefined) throw new UsageError(`No such configuration file: ${values.config}`);
    }
    const files = await expand(positionals, cwd);
    // With --workers, strategy documents go to worker threads when there are enough of them: their
    // jobs wait until the MIN_DOCUMENTS_FOR_WORKERS-th, then the pool starts and takes every one
    // (this thread lints too, once it has read everything). Their results are applied (fixes
    // written, reports filled in) in order after the loop, so the output is the sequential path's.
    // Everything else is linted here, as it comes. Off by default: measured on 2 cores, the workers'
    // own warm-up (each new thread runs the linter cold) ate the gain (docs/performance.md).
    const workerScript = join(__dirname, 'lint-worker.js');
    const cores = availableParallelism();
    const useWorkers = Boolean(values.workers) && !values['no-workers'] && cores > 1 && existsSync(workerScript);
    const deferred: DeferredLint[] = [];
    let poolTried = false;
    const resolver = new ConfigResolver(settingsReader, explicit);
    const customTrees = new CustomTreeResolver(toPosix(cwd), settingsReader);
    const reports: FileReport[] = [];
    let unreadable = 0;
    const treeFiles: string[] = [];
    const documentRoots = new Set<string>();
    for (const file of files) {
      if (isCustomTreePath(toPosix(file))) {
        treeFiles.push(toPosix(file));
        continue;
      }
      const name = toPosix(relative(cwd, file)) || file;
      const read = await readDocument(file, maxFileSize);
      if (read.kind !== 'text') {
        const skipped = skippedReport(name, read, maxFileSize);
        if (read.kind === 'unreadable') {
          unreadable++;
          err.write(`partnerlint: could not read ${name} (${read.reason}); it was not checked.\n`);
        }
        reports.push(skipped);
        continue;
      }
      const text = read.text;
      const root = await customTrees.rootFor(toPosix(file));
      documentRoots.add(root);
      // The one pipeline (src/core/lint-file.ts) the editor uses too; the CLI has no editor settings.
      const resolved = await resolveDocumentConfig(toPosix(file), { settingsFor: (path) => resolver.configFor(path), treesFor: async () => (await customTrees.treesIn(root)).trees });
      const config = resolved.ignored ? DEFAULT_CONFIG : resolved.config;
      // A file that is not valid UTF-8 is checked but never rewritten: the bytes that could not be
      // decoded would be written back as U+FFFD, and the author's text lost.
      const fix = values.fix && read.validUtf8;
      const note = values.fix && !read.validUtf8 ? 'not fixed: the file is not valid UTF-8, so PartnerLint does not rewrite it' : undefined;
      if (useWorkers && withSettingsKind(sniff(text), config.documentKind).kind !== undefined) {
        const job: DeferredLint = { file, name, note, index: reports.length, text, config, fix };
        reports.push({ file: name, kind: 'none', diagnostics: [] });
        deferred.push(job);
        if (!poolTried && deferred.length >= MIN_DOCUMENTS_FOR_WORKERS) {
          poolTried = true;
          pool = LintPool.start(workerScript, Math.min(cores - 1, MAX_WORKERS));
          if (pool) for (const waiting of deferred) submit(pool, waiting);
        } else if (pool) {
          submit(pool, job);
        }
        continue;
      }
      reports.push(await applyLint(file, name, note, lintDocument(text, config, fix)));
    }
    // This thread has read everything: it lints what the workers have not taken yet.
    await pool?.help();
    for (const job of deferred) {
      const result = job.result ? await job.result : lintDocument(job.text, job.config, job.fix);
      reports[job.index] = await applyLint(job.file, job.name, job.note, result);
    }
    await pool?.close();
    // Problems in configuration files are reported against those files.
    const byFile = new Map<string, FileReport>();
    for (const problem of await resolver.problems()) {
      const text = (await settingsReader.readFile(problem.file).catch(() => undefined)) ?? '';
      const index = new TextIndex(text);
      const range = index.rangeOf(problem.start, problem.end);
      const name = toPosix(relative(cwd, problem.file)) || problem.file;
      const report = byFile.get(name) ?? { file: name, kind: 'none' as const, diagnostics: [] };
      report.diagnostics.push(...toReportDiagnostics([{ ruleId: CONFIG_RULE_ID, severity: 'error', message: problem.message, range }]));
      byFile.set(name, report);
    }
    // Decision tree files: those named or found are always reported; those only read because a
    // document's workspace uses them are reported when they have problems.
    const treeReports = new Map<string, FileReport>();
    for (const path of treeFiles) {
      const customs = await customTrees.treesIn(customTreeRoot(path)!);
      const entry = customs.files.find((f) => f.path === path);
      const name = toPosix(relative(cwd, path)) || path;
      let diagnostics;
      if (entry) {
        diagnostics = treeProblemsToDiagnostics(entry.text, entry.problems);
      } else {
        const read = await readDocument(path);
        if (read.kind !== 'text') {
          if (read.kind === 'unreadable') {
            unreadable++;
            err.write(`partnerlint: could not read ${name} (${read.reason}); it was not checked.\n`);
          }
          // A tree file is never a strategy document: a too-large one has no head worth reading.
          treeReports.set(path, skippedReport(name, read.kind === 'too-large' ? { ...read, head: '' } : read, DEFAULT_MAX_FILE_SIZE));
          continue;
        }
        diagnostics = lintTreeFile(read.text);
      }
      treeReports.set(path, { file: name, kind: 'none', diagnostics: toReportDiagnostics(diagnostics) });
    }
    for (const entry of await customTrees.filesIn(documentRoots)) {
      if (treeReports.has(entry.path) || entry.problems.length === 0) continue;
      const diagnostics = treeProblemsToDiagnostics(entry.text, entry.problems);
      treeReports.set(entry.path, { file: toPosix(relative(cwd, entry.path)) || entry.path, kind: 'none', diagnostics: toReportDiagnostics(diagnostics) });
    }
    const sortedTreeReports = [...treeReports.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    reports.unshift(...byFile.values(), ...sortedTreeReports);

    const color = values['no-color'] ? false : values.color ?? (Boolean(out.isTTY) && !process.env['NO_COLOR']);
    out.write(format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, VERSION) : formatStylish(reports, color));
    const count = (severity: Severity) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
    // A file that could not be read was not checked: the run is incomplete, like a usage error.
    if (unreadable > 0) return 2;
    if (count('error') > 0) return 1;
    if (count('warning') > maxWarnings) {
      err.write(`partnerlint: ${count('warning')} warnings, more than --max-warnings ${maxWarnings}.\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`partnerlint: ${error.message}\n\nRun partnerlint --help for usage.\n`);
      return 2;
    }
    err.write(`partnerlint crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\nPlease report this, with the file that caused it.\n`);
    return 2;
  } finally {
    await pool?.close();
  }
}

if (require.main === module) {
  // When whatever reads the output stops early (`partnerlint . | head`), writing fails with EPIPE:
  // the rest of the output is dropped, and the CLI still finishes and exits with its real code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`partnerlint crashed: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
