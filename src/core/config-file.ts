import { parseDocument, isMap, isSeq, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { DEFAULT_CONFIG, type DocumentPattern, type ResolvedConfig, type RuleSetting } from './config';
import { DOCUMENT_KINDS, isDocumentKind } from './kinds';
import { CHARTER_SECTION_IDS, compileLinear, entryText, patternBody, settingsPattern, type Vocabulary } from './vocabulary';
import type { SeveritySetting } from './types';
import { SettingsFileRefused, normalized as normalize } from './settings-reader';
import { editDistance } from './sniff';

/**
 * `.partnerlint.yaml`: found nearest up the folder tree from the document, it may `extends`
 * other files (paths relative to itself), sets rules (`off | info | warning | error`, or
 * `{ severity, options }`), adds to the vocabulary lists and sets `maxNesting` and `maxSize`. A broken file
 * is reported at the error's position and the defaults (or what could be read) are used.
 *
 * Paths are `/`-separated (file paths, or URI paths for VS Code's file system); the host that
 * reads them is injected, so the same code serves the CLI (Node's fs) and the extension
 * (vscode.workspace.fs).
 */

export const CONFIG_FILE_NAMES = ['.partnerlint.yaml', '.partnerlint.yml'] as const;

export interface ConfigHost {
  /** The file's text, or undefined when there is no such file. May reject on other errors. */
  readFile(path: string): Promise<string | undefined>;
}

/** A problem in a configuration file; offsets are into that file's text. */
export interface ConfigProblem {
  file: string;
  message: string;
  start: number;
  end: number;
}

/**
 * The rules a settings file may name: a set of ids, or a map from each id to the names of the
 * options it reads, so that any other option name is reported (`maxTeirs` under tiers-too-many).
 */
export type KnownRules = ReadonlySet<string> | ReadonlyMap<string, readonly string[]>;

/** The known name `name` most likely misspells (case, a slip or two of the keyboard), if any. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (name.length > 60) return undefined;
  const lower = name.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase());
    const allowed = candidate.length <= 4 ? 1 : 2;
    if (d <= allowed && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Every file read, the nearest last. */
  files: string[];
  problems: ConfigProblem[];
}

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { warn: 'warning', information: 'info', hint: 'info', false: 'off', true: 'warning' };
const TOP_LEVEL = ['extends', 'rules', 'vocabulary', 'maxNesting', 'maxSize', 'documents', 'root'] as const;
const FLAT_LISTS = ['headingFillerWords', 'commitmentWords', 'economicTerms', 'coMarketingTerms', 'placeholders', 'nonAnswers'] as const;
const LEVERAGE_TYPES = ['requirement', 'economic', 'competitive', 'customer'] as const;
const LIST_OPERATIONS = ['add', 'remove', 'replace'] as const;

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function joinPath(dir: string, relative: string): string {
  if (relative.startsWith('/')) return normalize(relative);
  return normalize(`${dir.replace(/\/+$/, '')}/${relative}`);
}

/**
 * The nearest configuration file at or above `dir`, stopping at `stopAt` (inclusive) if given.
 * One that is there but cannot be read (permissions, a symlink loop) is still the nearest: it is
 * returned, so that loading it reports the problem, rather than a file further up taking its
 * place in silence.
 */
export async function findConfigFile(dir: string, host: ConfigHost, stopAt?: string): Promise<string | undefined> {
  for (const candidate of configFileCandidates(dir, stopAt)) {
    try {
      if ((await host.readFile(candidate)) !== undefined) return candidate;
    } catch (error) {
      // Outside an untrusted workspace's folder: as if not there. Anything else (a pipe, a file
      // too large, no permission) is the file that applies, and loading it says why it is unusable.
      if (!(error instanceof SettingsFileRefused && error.reason === 'outside')) return candidate;
    }
  }
  return undefined;
}

/**
 * Where `findConfigFile(dir, host, stopAt)` looks, in its order: each settings file name in `dir`,
 * then in each folder above it up to `stopAt` (or the root). A file that appears at any of these
 * paths can change which settings apply (the language server watches them all).
 */
export function configFileCandidates(dir: string, stopAt?: string): string[] {
  const out: string[] = [];
  let current = normalize(dir);
  const limit = stopAt ? normalize(stopAt) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) out.push(joinPath(current, name));
    if (current === '/' || current === limit) return out;
    current = dirname(current);
  }
}

/** The longest `/pattern/` a settings file may hold, in characters (compiling grows with it). */
export const MAX_PATTERN_LENGTH = 1000;
/** All the `/pattern/` entries of one settings file together, in characters. */
export const MAX_PATTERN_TOTAL = 20_000;

/**
 * Why a `/pattern/` vocabulary entry cannot be used, or undefined when it can (or is a plain
 * phrase). Patterns from settings run on a linear-time engine (see `settingsPattern`), which
 * cannot run look-aheads or back-references; entries of a list are joined into one expression,
 * so named groups would clash.
 */
export function patternProblem(entry: string): string | undefined {
  const pattern = patternBody(entry);
  if (pattern === undefined) return undefined;
  if (pattern.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'giu');
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
  }
  if (/\(\?<(?![=!])/.test(pattern)) return 'named groups are not supported';
  try {
    compileLinear([pattern]);
  } catch (error) {
    return linearProblem(pattern, error instanceof Error ? error.message : String(error));
  }
  return undefined;
}

/** An entry as a message quotes it: a long one cut short. */
function shortened(entry: string): string {
  return entry.length > 80 ? `${entry.slice(0, 60)}…` : entry;
}

/** RE2's refusal, in the terms of the JavaScript syntax the author wrote. */
function linearProblem(pattern: string, message: string): string {
  const reason = message.replace(/^error parsing regexp: /, '');
  if (/\(\?[=!]/.test(pattern)) {
    return 'look-aheads such as (?=…) and (?!…) cannot run in linear time; match the following text instead, or end the pattern with \\b';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references such as \\1 cannot run in linear time';
  if (/capture in lookbehind/.test(reason)) return 'a look-behind may not hold a capturing group; write (?:…) inside it';
  return `it cannot run in linear time: ${reason}`;
}

/** Configuration files are small; larger text is reported and not parsed (YAML's cost grows with it). */
export const MAX_CONFIG_TEXT = 512 * 1024;

/** `rules:` with nothing under it yet: an ordinary state while the file is being written. */
function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''));
}

class Reader {
  readonly problems: ConfigProblem[] = [];
  /** How many characters of `/pattern/` entries this file has held so far. */
  patternChars = 0;
  constructor(readonly file: string, readonly knownRules: KnownRules, readonly doc: Document.Parsed) {}

  /**
   * Whether `key` is an option `rule` reads; an unknown one is reported at the key, with the
   * option it most likely means. A plain set of rule ids checks no option names.
   */
  knownOption(rule: string, key: string, pair: Pair): boolean {
    if (!(this.knownRules instanceof Map)) return true;
    const names = (this.knownRules as ReadonlyMap<string, readonly string[]>).get(rule) ?? [];
    if (names.includes(key)) return true;
    const meant = closestName(key, names);
    const list = names.map((n) => `"${n}"`).join(', ');
    const message =
      names.length === 0
        ? `${rule} has no options, so "${key}" has no effect; only its severity can be set.`
        : meant
          ? `"${key}" is not an option of ${rule}; did you mean "${meant}"? As written, it has no effect.`
          : `"${key}" is not an option of ${rule}, so it has no effect. Its options: ${list}.`;
    this.problem(pair, message);
    return false;
  }

  /** A node's plain value, with aliases expanded only up to a limit (no alias bombs). */
  value(node: unknown): unknown {
    if (!isScalar(node) && !isSeq(node) && !isMap(node)) return null;
    try {
      return (node as Node).toJS(this.doc, { maxAliasCount: 100 });
    } catch (error) {
      this.problem(node as Node, `This value could not be read (${error instanceof Error ? error.message : String(error)}).`);
      return null;
    }
  }

  problem(node: Node | Pair | undefined | null, message: string): void {
    const range = (node && 'range' in node && node.range) || (node && 'key' in node && isScalar(node.key) && node.key.range) || [0, 0, 0];
    this.problems.push({ file: this.file, message, start: range[0], end: range[1] });
  }

  strings(node: unknown, where: string): string[] | undefined {
    if (!isSeq(node)) {
      this.problem(node as Node, `${where} should be a list of words or phrases.`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
        const entry = String(item.value);
        const body = patternBody(entry);
        if (body !== undefined && (this.patternChars += body.length) > MAX_PATTERN_TOTAL) {
          this.problem(item as Node, `${shortened(entry)} in ${where} is left out: this file's patterns already hold more than ${MAX_PATTERN_TOTAL.toLocaleString('en-US')} characters. Fewer, shorter patterns (or plain phrases) do the same work.`);
          continue;
        }
        const invalid = patternProblem(entry);
        if (invalid) this.problem(item as Node, `${shortened(entry)} in ${where} is not a pattern PartnerLint can use (${invalid}); it is left out.`);
        else out.push(patternBody(entry) === undefined ? entry : settingsPattern(entry));
      } else this.problem(item as Node, `Each entry of ${where} should be a word or phrase.`);
    }
    return out;
  }

  /** A list setting: a plain list adds to the defaults; `{ add, remove, replace }` says how. */
  list(node: unknown, where: string, base: readonly string[]): string[] {
    if (isSeq(node)) return [...new Set([...base, ...(this.strings(node, where) ?? [])])];
    if (!isMap(node)) {
      this.problem(node as Node, `${where} should be a list, or a mapping with add, remove or replace.`);
      return [...base];
    }
    let result = [...base];
    for (const pair of node.items) {
      const op = isScalar(pair.key) ? String(pair.key.value) : '';
      const values = this.strings(pair.value, `${where}.${op}`) ?? [];
      if (op === 'replace') result = values;
      else if (op === 'add') result = [...new Set([...result, ...values])];
      else if (op === 'remove') result = result.filter((w) => !values.some((v) => entryText(v).toLowerCase() === entryText(w).toLowerCase()));
      else this.problem(pair, `Unknown key "${op}" in ${where}: use ${LIST_OPERATIONS.join(', ')}.`);
    }
    return result;
  }

  severity(node: unknown, rule: string): SeveritySetting | undefined {
    const raw = isScalar(node) ? String(node.value).toLowerCase() : undefined;
    const value = raw === undefined ? undefined : ((SEVERITIES as readonly string[]).includes(raw) ? (raw as SeveritySetting) : SEVERITY_ALIASES[raw]);
    if (value === undefined) this.problem(node as Node, `The severity of ${rule} should be one of ${SEVERITIES.join(', ')}.`);
    return value;
  }

  rules(node: unknown, base: Record<string, RuleSetting>): Record<string, RuleSetting> {
    const out = { ...base };
    if (isEmpty(node)) return out;
    if (!isMap(node)) {
      this.problem(node as Node, 'rules should map rule ids to a severity or to { severity, options }.');
      return out;
    }
    for (const pair of node.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!this.knownRules.has(id)) {
        this.problem(pair, `"${id}" is not a PartnerLint rule; this setting has no effect. Check the spelling against the rule list.`);
        continue;
      }
      const setting: RuleSetting = { ...out[id] };
      if (isMap(pair.value)) {
        const options: Record<string, unknown> = { ...setting.options };
        for (const inner of (pair.value as YAMLMap).items) {
          const key = isScalar(inner.key) ? String(inner.key.value) : '';
          if (key === 'severity') {
            const severity = this.severity(inner.value, id);
            if (severity) setting.severity = severity;
          } else if (key === 'options') {
            if (isEmpty(inner.value)) continue;
            if (!isMap(inner.value)) {
              this.problem(inner.value as Node, `options of ${id} should be a mapping.`);
              continue;
            }
            for (const option of (inner.value as YAMLMap).items) {
              const name = isScalar(option.key) ? String(option.key.value) : '';
              if (this.knownOption(id, name, option)) options[name] = this.value(option.value);
            }
          } else if (this.knownOption(id, key, inner)) {
            options[key] = this.value(inner.value);
          }
        }
        setting.options = options;
      } else {
        const severity = this.severity(pair.value, id);
        if (severity) setting.severity = severity;
      }
      out[id] = setting;
    }
    return out;
  }

  vocabulary(node: unknown, base: Vocabulary): Vocabulary {
    const out: Vocabulary = {
      ...base,
      sectionSynonyms: { ...base.sectionSynonyms },
      leverageTerms: { ...base.leverageTerms },
    };
    if (isEmpty(node)) return out;
    if (!isMap(node)) {
      this.problem(node as Node, 'vocabulary should be a mapping of list names to lists.');
      return out;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if ((FLAT_LISTS as readonly string[]).includes(key)) {
        const k = key as (typeof FLAT_LISTS)[number];
        out[k] = this.list(pair.value, `vocabulary.${k}`, base[k]);
      } else if (key === 'sectionSynonyms' || key === 'leverageTerms') {
        const ids: readonly string[] = key === 'sectionSynonyms' ? CHARTER_SECTION_IDS : LEVERAGE_TYPES;
        if (!isMap(pair.value)) {
          this.problem(pair.value as Node, `vocabulary.${key} should map ${ids.join(', ')} to lists.`);
          continue;
        }
        for (const inner of (pair.value as YAMLMap).items) {
          const id = isScalar(inner.key) ? String(inner.key.value) : '';
          if (!ids.includes(id)) {
            this.problem(inner, `Unknown key "${id}" in vocabulary.${key}: use ${ids.join(', ')}.`);
            continue;
          }
          const target = out[key] as Record<string, string[]>;
          target[id] = this.list(inner.value, `vocabulary.${key}.${id}`, target[id]!);
        }
      } else {
        this.problem(pair, `Unknown vocabulary list "${key}". Known lists: ${[...FLAT_LISTS, 'sectionSynonyms', 'leverageTerms'].join(', ')}.`);
      }
    }
    return out;
  }
}

interface ParsedFile {
  extends: Array<{ path: string; start: number; end: number }>;
  apply(base: ResolvedConfig): ResolvedConfig;
}

/** Reads one configuration file's text; never throws. */
export function parseConfigText(text: string, file: string, knownRules: KnownRules): ParsedFile & { problems: ConfigProblem[] } {
  if (text.length > MAX_CONFIG_TEXT) {
    return {
      extends: [],
      apply: (base) => base,
      problems: [{ file, message: `This configuration file is larger than ${MAX_CONFIG_TEXT / 1024} KB, far more than any settings need, so PartnerLint does not read it and uses the defaults.`, start: 0, end: 0 }],
    };
  }
  // A lone CR is a line break to editors but not to the YAML parser; a LF in its place keeps offsets.
  const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: true });
  const reader = new Reader(file, knownRules, doc);
  for (const error of doc.errors) {
    // YAML places some errors (an unclosed bracket) one past the end of the text: keep them inside.
    const start = Math.min(error.pos[0], text.length);
    const reason = /call stack/i.test(error.message) ? 'it is nested too deeply to read' : error.message.split('\n')[0];
    reader.problems.push({ file, message: `This is not valid YAML: ${reason}`, start, end: Math.max(start, Math.min(error.pos[1], text.length)) });
  }
  const contents = doc.errors.length === 0 ? doc.contents : null;
  const parsed: ParsedFile = { extends: [], apply: (base) => base };
  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return { ...parsed, problems: reader.problems };
  if (!isMap(contents)) {
    reader.problem(contents, 'A PartnerLint configuration file should be a mapping (keys such as rules: and vocabulary:).');
    return { ...parsed, problems: reader.problems };
  }
  const steps: Array<(c: ResolvedConfig) => ResolvedConfig> = [];
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'extends': {
        const items = isSeq(value) ? value.items : [value];
        for (const item of items) {
          if (isScalar(item) && typeof item.value === 'string' && item.range) parsed.extends.push({ path: item.value, start: item.range[0], end: item.range[1] });
          else reader.problem(item as Node, 'extends should name a configuration file (or a list of them), relative to this one.');
        }
        break;
      }
      case 'rules':
        steps.push((c) => ({ ...c, rules: reader.rules(value, c.rules) }));
        break;
      case 'vocabulary':
        steps.push((c) => ({ ...c, vocabulary: reader.vocabulary(value, c.vocabulary) }));
        break;
      case 'maxNesting':
        if (isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 1 && value.value <= 1000) {
          const n = value.value;
          steps.push((c) => ({ ...c, maxNesting: n }));
        } else reader.problem(value as Node, 'maxNesting should be a whole number from 1 to 1000.');
        break;
      case 'maxSize':
        if (isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 1000 && value.value <= 100_000_000) {
          const n = value.value;
          steps.push((c) => ({ ...c, maxSize: n }));
        } else reader.problem(value as Node, 'maxSize should be a whole number of characters from 1000 to 100000000.');
        break;
      case 'documents': {
        if (!isMap(value)) {
          reader.problem(value as Node, `documents should map file patterns to kinds, for example "strategy/**/*.md": partnership-strategy. Kinds: ${DOCUMENT_KINDS.join(', ')}, or off.`);
          break;
        }
        const patterns: DocumentPattern[] = [];
        for (const item of value.items) {
          const glob = isScalar(item.key) && typeof item.key.value === 'string' ? item.key.value : undefined;
          const kind = isScalar(item.value) ? (item.value.value === false ? 'off' : item.value.value) : undefined;
          if (glob === undefined || glob.trim() === '') reader.problem(item, 'Each entry of documents is a file pattern, such as "strategy/**/*.md".');
          else if (kind !== 'off' && !isDocumentKind(kind)) reader.problem((item.value ?? item) as Node, `"${String(kind)}" is not a kind PartnerLint knows. Use ${DOCUMENT_KINDS.join(', ')}, or off.`);
          else patterns.push({ glob, kind, base: dirname(file) });
        }
        steps.push((c) => ({ ...c, documents: [...(c.documents ?? []), ...patterns] }));
        break;
      }
      case 'root':
        break;
      default:
        reader.problem(pair, `Unknown setting "${key}". PartnerLint reads ${TOP_LEVEL.join(', ')}.`);
    }
  }
  parsed.apply = (base) => steps.reduce((c, step) => step(c), base);
  // Problems found while applying are collected on the same reader, so apply once here to
  // surface them even when nobody else applies this file.
  parsed.apply(DEFAULT_CONFIG);
  const problems = reader.problems;
  const apply = parsed.apply;
  parsed.apply = (base) => {
    const before = reader.problems.length;
    const result = apply(base);
    reader.problems.length = before;
    return result;
  };
  return { ...parsed, problems };
}

/** How many files deep `extends` may go (the file a document uses is level 1). */
export const MAX_EXTENDS_DEPTH = 8;
/** How many configuration files one resolution may read in all. */
export const MAX_CONFIG_FILES = 32;

function readError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads `file` and what it extends, defaults first. Never throws. Each file is read and parsed
 * once, and applied once (a file reached twice, as in a diamond, is applied where it is first
 * reached); a file that extends one of the files that led to it is a cycle and is reported. The
 * chain may go MAX_EXTENDS_DEPTH files deep and name MAX_CONFIG_FILES files in all: what lies
 * beyond is reported and not read.
 */
export async function loadConfigFile(file: string, host: ConfigHost, knownRules: KnownRules): Promise<LoadedConfig> {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  const parsedFiles = new Map<string, ReturnType<typeof parseConfigText>>();
  const applied = new Set<string>();
  let budgetReported = false;
  /** The file's text, undefined when missing; a reason string when it could not be read. */
  const read = async (path: string): Promise<string | undefined | { error: string; refused: boolean }> => {
    try {
      return await host.readFile(path);
    } catch (error) {
      // Node's errors carry a code (EACCES, ELOOP), as do the editor's file system errors; a
      // refusal by the guarded reader says why in words.
      const code = (error as { code?: unknown } | undefined)?.code;
      const reason = typeof code === 'string' && code ? code : readError(error);
      return { error: reason, refused: error instanceof SettingsFileRefused };
    }
  };
  const load = async (path: string, chain: string[], base: ResolvedConfig, text: string): Promise<ResolvedConfig> => {
    applied.add(path);
    files.push(path);
    let parsed = parsedFiles.get(path);
    if (!parsed) {
      parsed = parseConfigText(text, path, knownRules);
      parsedFiles.set(path, parsed);
      problems.push(...parsed.problems);
    }
    let config = base;
    for (const ext of parsed.extends) {
      const target = joinPath(dirname(path), ext.path);
      const at = { file: path, start: ext.start, end: ext.end };
      if (chain.includes(target)) {
        problems.push({ ...at, message: `extends goes round in a circle back to ${ext.path}; remove one of the files from the circle.` });
        continue;
      }
      if (applied.has(target)) continue;
      if (chain.length >= MAX_EXTENDS_DEPTH) {
        problems.push({ ...at, message: `extends goes more than ${MAX_EXTENDS_DEPTH} files deep here, so ${ext.path} is not read. Extend fewer files in a row.` });
        continue;
      }
      if (applied.size >= MAX_CONFIG_FILES) {
        if (!budgetReported) problems.push({ ...at, message: `More than ${MAX_CONFIG_FILES} configuration files are extended in all, so ${ext.path} and the ones after it are not read. Merge some of them.` });
        budgetReported = true;
        continue;
      }
      const found = await read(target);
      if (found === undefined) {
        problems.push({ ...at, message: `extends names ${ext.path}, which does not exist (or is a folder).` });
        continue;
      }
      if (typeof found !== 'string') {
        problems.push({ ...at, message: `extends names ${ext.path}, which PartnerLint could not read: ${found.error}.` });
        continue;
      }
      config = await load(target, [...chain, target], config, found);
    }
    return parsed.apply(config);
  };
  const text = await read(file);
  if (text === undefined) return { config: DEFAULT_CONFIG, files, problems };
  if (typeof text !== 'string') {
    const message = text.refused
      ? `This settings file is not used: ${text.error}. None of its settings apply; make it an ordinary file of settings, or remove it.`
      : `PartnerLint could not read this settings file (${text.error}), so none of its settings apply. Make it readable (check its permissions and where it links to), or remove it.`;
    problems.push({ file, message, start: 0, end: 0 });
    return { config: DEFAULT_CONFIG, files, problems };
  }
  const config = await load(file, [file], DEFAULT_CONFIG, text);
  return { config, files, problems };
}
