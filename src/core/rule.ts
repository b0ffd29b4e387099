import type { DocumentKind, Fix, Range, RelatedInformation, Severity } from './types';
import { kindsWith, type ModelId } from './kinds';
import type { StrategyDocument } from './document';
import type { Vocabulary } from './vocabulary';

/** What a rule is, as data: the registry, docs pages and config schema are checked against it. */
export interface RuleMeta {
  /** Kebab-case, stable: the file name of the rule, its test and its docs page. */
  id: string;
  /** One sentence, shown in docs and settings. */
  description: string;
  defaultSeverity: Severity;
  /** The models the rule checks (kinds.ts): it runs on every kind that contains one of them. */
  checks: readonly ModelId[];
  /** The document kinds the rule checks, from `checks` and the table of kinds (see `ruleMeta`). */
  kinds: readonly DocumentKind[];
  /** True when the rule offers a `fix` that is safe to apply without review. */
  fixable?: boolean;
  /**
   * The options the rule reads, each with the JSON Schema of its value (and a description): the
   * settings file reports any other option name, and the config schema offers these.
   */
  options?: Readonly<Record<string, RuleOption>>;
}

/** One rule option: the JSON Schema of its value, with a description. */
export interface RuleOption {
  description: string;
  [schema: string]: unknown;
}

/** A rule's meta from what it checks: `kinds` follows from `checks` and the table of kinds. */
export function ruleMeta(meta: Omit<RuleMeta, 'kinds'>): RuleMeta {
  return { ...meta, kinds: kindsWith(meta.checks) };
}

/** A problem as a rule reports it; the engine adds the rule id and severity. */
export interface Report {
  message: string;
  range: Range;
  fix?: Fix;
  suggestions?: Fix[];
  /** Other places in the document the problem involves (the other statement of a figure…). */
  relatedInformation?: RelatedInformation[];
}

export interface RuleContext {
  doc: StrategyDocument;
  vocabulary: Vocabulary;
  /** The rule's options from configuration (empty when none are set). */
  options: Readonly<Record<string, unknown>>;
  report(problem: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
