import picomatch from 'picomatch';
import type { SeveritySetting } from './types';
import type { DocumentKind } from './kinds';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary';

/** Per-rule settings: a severity override and rule-specific options. */
export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** Configuration after defaults, `extends` and overrides have been merged. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  vocabulary: Vocabulary;
  /**
   * Deepest container nesting (lists, block quotes) that is parsed. Deeper documents are not
   * parsed at all: micromark's cost grows with the square of the depth, and remark-gfm's
   * recursive passes overflow the stack at a few thousand levels.
   */
  maxNesting: number;
  /**
   * Longest document parsed, in characters; the parse cost allowed (guard.ts) grows with it.
   * Longer documents, and documents that would cost the parser more than this many characters of
   * ordinary text, are not parsed.
   */
  maxSize: number;
  /**
   * `documents:` of `.partnerlint.yaml`: globs, relative to the folder of the file that set them,
   * that say what kind the documents they match are (or `off`: never checked). The last pattern
   * that matches wins; front matter `type:` wins over all of them.
   */
  documents?: readonly DocumentPattern[];
  /**
   * The kind `documents:` gives this one document (set by `configForDocument`, never in a file):
   * the engine uses it in place of a guess from the title or the body.
   */
  documentKind?: DocumentKind | 'off';
  /**
   * True when the document's file name says it is a template (`charter-template.md`,
   * `templates__charter.md`); set by `configForDocument`, never in a file.
   */
  templateFile?: boolean;
}

export interface DocumentPattern {
  glob: string;
  kind: DocumentKind | 'off';
  /** The folder the glob is relative to (the configuration file's). */
  base: string;
}

const matchers = new Map<string, (path: string) => boolean>();

function matcher(glob: string): (path: string) => boolean {
  let match = matchers.get(glob);
  if (!match) {
    match = picomatch(glob, { dot: true });
    if (matchers.size > 256) matchers.clear();
    matchers.set(glob, match);
  }
  return match;
}

/** A file name that says the file is a template: "template" as a word of it (`_`, `-`, `.` separate words). */
const TEMPLATE_NAME = /(?:^|[^\p{L}\p{N}])templates?(?![\p{L}\p{N}])/iu;

/**
 * The configuration for the document at `path` (a `/`-separated absolute path): `config` itself
 * unless a `documents:` pattern matches it, and then a copy that carries the kind it gives.
 */
export function configForDocument(config: ResolvedConfig, path: string | undefined): ResolvedConfig {
  if (path === undefined) return config;
  // Only a template's configuration is a copy: every other document keeps the one object.
  if (TEMPLATE_NAME.test(path.replace(/^.*[\\/]/, ''))) config = { ...config, templateFile: true };
  if (!config.documents || config.documents.length === 0) return config;
  let kind: DocumentKind | 'off' | undefined;
  for (const pattern of config.documents) {
    const base = pattern.base.replace(/\/+$/, '') + '/';
    const normalized = path.replace(/\\/g, '/');
    if (!normalized.startsWith(base)) continue;
    if (matcher(pattern.glob)(normalized.slice(base.length))) kind = pattern.kind;
  }
  return kind === undefined ? config : { ...config, documentKind: kind };
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  vocabulary: DEFAULT_VOCABULARY,
  maxNesting: 100,
  maxSize: 1_000_000,
};
