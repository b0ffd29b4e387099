import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { lintText, type LintResult } from './engine';
import { DocumentLintState, type UpdateInfo } from './incremental';
import type { Rule } from './rule';
import { RULES } from '../rules';

/** How many documents a session keeps incremental state for (least recently linted dropped first). */
const DEFAULT_MAX_DOCUMENTS = 32;
/** How many distinct configurations a session keeps canonical copies of. */
const MAX_CONFIGS = 16;

/**
 * What the thread that lints (the lint worker, or the extension host when no worker can start)
 * keeps between requests: one `DocumentLintState` per open document, so that each keystroke
 * re-parses only the blocks around the edit and rules reuse what they derived from the previous
 * version; and one canonical copy of each configuration, so that memos keyed by the identity of
 * a vocabulary or a rule's options survive the structured clone every message makes.
 *
 * `lint` returns exactly what `lintText(text, rules, config)` returns (DocumentLintState's
 * contract); a request without a document key is linted from scratch and keeps nothing.
 */
export class LintSession {
  private readonly documents = new Map<string, DocumentLintState>();
  private readonly configs = new Map<string, ResolvedConfig>();

  constructor(private readonly maxDocuments = DEFAULT_MAX_DOCUMENTS) {}

  /** Lints `text`, the current full text of `document` (any stable key, e.g. its URI). */
  lint(document: string | undefined, text: string, config: ResolvedConfig = DEFAULT_CONFIG, rules: readonly Rule[] = RULES): LintResult {
    const canonical = this.canonical(config);
    if (document === undefined) return lintText(text, rules, canonical);
    let state = this.documents.get(document);
    if (state) {
      // Most recently used last: a Map iterates in insertion order.
      this.documents.delete(document);
    } else {
      state = new DocumentLintState();
      while (this.documents.size >= this.maxDocuments) this.documents.delete(this.documents.keys().next().value!);
    }
    this.documents.set(document, state);
    return state.update(text, rules, canonical);
  }

  /** What the last lint of `document` did (how it was parsed), for logs and tests. */
  lastUpdate(document: string): UpdateInfo | undefined {
    return this.documents.get(document)?.lastUpdate;
  }

  /** Forgets `document` (it was closed). */
  close(document: string): void {
    this.documents.delete(document);
  }

  /** How many documents have state. */
  get size(): number {
    return this.documents.size;
  }

  /**
   * The one copy of a configuration equal to `config`. Configurations are plain data (they cross
   * thread boundaries as messages), so equal JSON means equal configuration.
   */
  private canonical(config: ResolvedConfig): ResolvedConfig {
    if (config === DEFAULT_CONFIG) return config;
    const key = JSON.stringify(config);
    const known = this.configs.get(key);
    if (known) return known;
    if (this.configs.size >= MAX_CONFIGS) this.configs.delete(this.configs.keys().next().value!);
    this.configs.set(key, config);
    return config;
  }
}
