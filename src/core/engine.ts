import type { Root } from 'mdast';
import type { DocumentKind, LintDiagnostic, Range, Severity } from './types';
import type { Rule, Report } from './rule';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { sniff, type KindSource, type SniffResult } from './sniff';
import { kindList } from './kinds';
import { TextIndex } from './text';
import { parseMarkdown } from './parse';
import { refuse, NESTING_RULE_ID, COMPLEXITY_RULE_ID, type GuardLimits, type Refusal } from './guard';
import { buildSections, type StrategyDocument } from './document';
import { applyDirectives, UNKNOWN_RULE_ID } from './directives';

/** What linting one document produced. */
export interface LintResult {
  /** The kind PartnerLint recognised, or undefined when it is not a strategy document. */
  kind: DocumentKind | undefined;
  kindSource: KindSource;
  diagnostics: LintDiagnostic[];
  /** Why the document was not analysed, when it was not (not a strategy document, too deep…). */
  skippedReason?: string;
}

/** Ids under which the engine reports a document it refused to parse (see guard.ts). */
export { NESTING_RULE_ID, COMPLEXITY_RULE_ID };
/** Id under which problems in configuration files are reported. */
export const CONFIG_RULE_ID = 'config-invalid';
/** Ids the engine itself reports, beside the rules'. Each has a docs page like a rule. */
/** Id under which problems in decision tree files (.partnerlint/trees/*.yaml) are reported. */
export const TREE_RULE_ID = 'tree-invalid';
export const ENGINE_IDS = [NESTING_RULE_ID, COMPLEXITY_RULE_ID, UNKNOWN_RULE_ID, CONFIG_RULE_ID, TREE_RULE_ID] as const;

/** Parses a document already known to be a strategy document. */
export function buildDocument(text: string, sniffed: SniffResult & { kind: DocumentKind }): StrategyDocument {
  return documentFromTree(text, sniffed, parseMarkdown(text));
}

/** The document of `text` whose tree (`parseMarkdown(text)`, or the same tree built another way) is known. */
export function documentFromTree(text: string, sniffed: SniffResult & { kind: DocumentKind }, root: Root): StrategyDocument {
  const index = new TextIndex(text);
  const { sections, outline } = buildSections(root, index);
  const title = sections.find((s) => s.depth === 1 && !s.pseudo);
  return {
    text,
    index,
    kind: sniffed.kind,
    kindSource: sniffed.source,
    frontMatter: sniffed.frontMatter,
    sniffed,
    root,
    sections,
    outline,
    title,
  };
}

function severityFor(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
}

function clampRange(range: Range, index: TextIndex): Range {
  const start = index.positionAt(index.offsetAt(range.start));
  const end = index.positionAt(Math.max(index.offsetAt(range.start), index.offsetAt(range.end)));
  return { start, end };
}

/**
 * Runs `rules` on a parsed document. Every report is validated (its range is clamped into the
 * document); a rule that throws becomes one diagnostic naming it, and the other rules still run.
 */
export function runRules(doc: StrategyDocument, rules: readonly Rule[], config: ResolvedConfig): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  for (const rule of rules) {
    if (!rule.meta.kinds.includes(doc.kind)) continue;
    const severity = severityFor(rule, config);
    if (severity === 'off') continue;
    const found: LintDiagnostic[] = [];
    try {
      rule.check({
        doc,
        vocabulary: config.vocabulary,
        options: config.rules[rule.meta.id]?.options ?? {},
        report(problem: Report) {
          const diagnostic: LintDiagnostic = { ...problem, ruleId: rule.meta.id, severity, range: clampRange(problem.range, doc.index) };
          if (problem.relatedInformation?.length) {
            diagnostic.relatedInformation = problem.relatedInformation.map((r) => ({ message: r.message, range: clampRange(r.range, doc.index) }));
          } else delete diagnostic.relatedInformation;
          found.push(diagnostic);
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: 'warning',
        message: `The check "${rule.meta.id}" failed on this document and was skipped (${reason}). Please report this to PartnerLint.`,
        range: doc.title?.headingRange ?? doc.index.lineRange(0),
      });
      continue;
    }
    diagnostics.push(...found);
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
}

/**
 * Lints `text`. Deciding the kind costs a look at the front matter and the first heading; only
 * strategy documents are parsed. Documents nested deeper than `config.maxNesting` are not parsed.
 */
export function lintText(text: string, rules: readonly Rule[], config: ResolvedConfig = DEFAULT_CONFIG): LintResult {
  return lintWithSteps(text, rules, config, {});
}

/** How `lintWithSteps` checks nesting and parses; by default as `lintText` does. */
export interface LintSteps {
  /**
   * Why `text` is not to be parsed, or undefined when it can be: exactly what `refuse(text, limits)`
   * (guard.ts) answers (nesting beyond `maxNesting`, size beyond `maxSize`, parse cost).
   */
  tooDeep?(text: string, limits: GuardLimits): Refusal | undefined;
  /** The tree of `text`, exactly as `parseMarkdown(text)` gives it. */
  parse?(text: string): Root;
  /** Called with the document once it is built, before the rules run. */
  built?(doc: StrategyDocument): void;
}

/** The largest document parsed when a configuration does not say (`ResolvedConfig.maxSize`). */
const DEFAULT_MAX_SIZE = 1_000_000;

/**
 * The kind `.partnerlint.yaml`'s `documents:` gives a document, in place of a guess from its title
 * or body; a `type:` in front matter still wins, and `partnerlint: off` too.
 */
export function withSettingsKind(sniffed: SniffResult, documentKind: ResolvedConfig['documentKind']): SniffResult {
  if (documentKind === undefined || sniffed.source === 'front-matter' || sniffed.off) return sniffed;
  if (documentKind === 'off') return { ...sniffed, kind: undefined, source: 'none' };
  return { ...sniffed, kind: documentKind, source: 'settings' };
}

/** Why a document is not checked, in words for the status bar, with how to change it. */
function notCheckedReason(sniffed: SniffResult, config: ResolvedConfig): string {
  if (sniffed.off) return 'its front matter says partnerlint: off';
  if (config.documentKind === 'off') return 'turned off for this file by documents: in .partnerlint.yaml';
  if (sniffed.declaredType !== undefined && !sniffed.kindGuessed) {
    return `its type: "${sniffed.declaredType}" is not a kind PartnerLint knows (${kindList()})`;
  }
  return 'not recognised as a partnership document';
}

/** `lintText`, with the nesting check and the parse supplied by the caller (the incremental linter). */
export function lintWithSteps(text: string, rules: readonly Rule[], config: ResolvedConfig, steps: LintSteps): LintResult {
  const sniffed = withSettingsKind(sniff(text), config.documentKind);
  const kind = sniffed.kind;
  if (!kind) return { kind: undefined, kindSource: 'none', diagnostics: [], skippedReason: notCheckedReason(sniffed, config) };
  // Before parsing: nesting, size and parse cost the parser could not cope with (guard.ts).
  const limits: GuardLimits = { maxNesting: config.maxNesting, maxSize: config.maxSize ?? DEFAULT_MAX_SIZE, bodyStart: sniffed.frontMatter?.blockEnd ?? 0 };
  const refusal = steps.tooDeep ? steps.tooDeep(text, limits) : refuse(text, limits);
  if (refusal) {
    const index = new TextIndex(text);
    return {
      kind,
      kindSource: sniffed.source,
      skippedReason: refusal.reason,
      diagnostics: [{ ruleId: refusal.ruleId, severity: 'info', message: refusal.message, range: index.lineRange(refusal.line) }],
    };
  }
  const doc = documentFromTree(text, { ...sniffed, kind }, steps.parse ? steps.parse(text) : parseMarkdown(text));
  if (config.templateFile) doc.templateFile = true;
  steps.built?.(doc);
  const known = new Set<string>([...ENGINE_IDS, ...rules.map((r) => r.meta.id)]);
  const diagnostics = applyDirectives(doc, runRules(doc, rules, config), known);
  return { kind, kindSource: sniffed.source, diagnostics };
}
