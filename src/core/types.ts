/**
 * Shared data types of the pure core. Nothing here (or anywhere under src/core, src/rules)
 * may import `vscode`: the CLI and the unit tests run in plain Node.
 */

/** How loudly a problem is reported. `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A zero-based position; `character` counts UTF-16 code units, as VS Code does. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text in `range` with `newText` (an insertion when the range is empty). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A change a rule proposes. `edits` never overlap and are all computed on the same text.
 * A rule's `fix` is safe to apply automatically; a `suggestion` may change meaning and is
 * only applied when a person picks it.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** The kinds of partnership document PartnerLint understands: one table, in kinds.ts. */
export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from './kinds';

/**
 * Another place in the same document that bears on a problem: the other statement of a figure
 * that contradicts the one reported, for example. Shown by the editor under the problem, and
 * given by the CLI's formats.
 */
export interface RelatedInformation {
  message: string;
  range: Range;
}

/** One problem found in a document. */
export interface LintDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  suggestions?: Fix[];
  /** Other places in the document the problem involves; absent when there are none. */
  relatedInformation?: RelatedInformation[];
}
