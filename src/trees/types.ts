/**
 * Decision trees as data. A tree is a set of questions, each with two or more answers; every
 * answer either leads to another question (`next`) or ends the walk (`outcome`). The same shape
 * serves the built-in trees in `trees/*.yaml`, teams' own trees in `.partnerlint/trees/*.yaml`,
 * the command-palette wizard (questions, labels and hints in order) and the rules that re-check a
 * decision record's recorded answers. Nothing here imports `vscode`.
 *
 * Key order is meaningful: questions, answers and outcomes are shown in the order written.
 * Ids are kebab-case (`core-differentiation`, `tier-3`), so JavaScript keeps that order.
 */

/** One possible answer to a question. Exactly one of `next` and `outcome` is set. */
export interface TreeAnswer {
  /** Short label for a picker: `Yes`, `No`, `Requirement`. */
  label: string;
  /** What choosing this answer means, shown next to the label ("Yes — regulated or security-critical"). */
  hint: string;
  /** The question asked next, by id. */
  next?: string;
  /** The outcome this answer reaches, by id. */
  outcome?: string;
}

export interface TreeQuestion {
  /** The question as asked, ending with `?`. */
  text: string;
  /** Help for answering it: what to count, what evidence to look at. */
  hint?: string;
  /** Answer id → answer. Yes/no questions use the ids `yes` and `no`. */
  answers: Record<string, TreeAnswer>;
}

export interface TreeOutcome {
  /** Short name of the decision: "Partner for it". */
  title: string;
  /** Why the answers lead here and what to do next. */
  rationale: string;
}

export interface DecisionTree {
  /** Kebab-case, stable: what a decision record's `tree:` names. */
  id: string;
  title: string;
  description: string;
  /** Id of the first question. */
  start: string;
  questions: Record<string, TreeQuestion>;
  outcomes: Record<string, TreeOutcome>;
}

/** The kinds of defect `validateTree` finds. */
export type TreeProblemCode =
  | 'yaml-syntax'
  | 'not-a-mapping'
  | 'missing-field'
  | 'wrong-type'
  | 'bad-id'
  | 'unknown-field'
  | 'missing-start'
  | 'unknown-start'
  | 'unknown-next'
  | 'unknown-outcome'
  | 'next-and-outcome'
  | 'no-next-or-outcome'
  | 'too-few-answers'
  | 'yes-without-no'
  | 'cycle'
  | 'unreachable-question'
  | 'unreachable-outcome'
  /** Found by `findCustomTrees`, not `validateTree`: a tree file that could not be read. */
  | 'unreadable-file'
  /** Found by `findCustomTrees`: a second tree file using an id another file already uses. */
  | 'duplicate-id';

/** A problem in a tree. `error`s make the tree unusable; `warning`s leave it usable. */
export interface TreeProblem {
  code: TreeProblemCode;
  severity: 'error' | 'warning';
  message: string;
  /** Where in the tree, as keys from the root: `['questions', 'q1', 'answers', 'yes', 'next']`. */
  path: string[];
  /**
   * Offsets in the YAML text the tree was loaded from (`end` exclusive), when it was loaded from
   * text. They cover the offending key or value.
   */
  range?: { start: number; end: number };
}
