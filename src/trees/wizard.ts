import type { DecisionTree, TreeQuestion } from './types';
import { answerId, type TreeStep } from './walk';
import { hasErrors, validateTree } from './validate';

/**
 * The decision wizard as a pure step machine: the command palette's QuickPick shows the current
 * question of a state and calls `answer` or `back`; every call returns a new, frozen state and
 * leaves the old one untouched, so the UI can keep states around (for Back) without copying.
 *
 * Answers given earlier (in a recorded decision being re-run, or in this run before going back)
 * are remembered and offered as the default pick whenever their question comes up again.
 */

/** One answer as the picker offers it. */
export interface WizardChoice {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  /** True for the answer given to this question before: pick it by default. */
  readonly preselected: boolean;
  /** The question this answer leads to, when it does not end the walk. */
  readonly next?: string;
  /** The outcome this answer reaches, when it ends the walk. */
  readonly outcome?: string;
}

/** The wizard showing a question. */
export interface WizardStep {
  readonly done: false;
  readonly tree: DecisionTree;
  /** Id of the question being asked. */
  readonly questionId: string;
  readonly question: TreeQuestion;
  /** The question's answers, in the tree's order. */
  readonly choices: readonly WizardChoice[];
  /** Id of the answer to offer as the default pick, if this question was answered before. */
  readonly defaultAnswer: string | undefined;
  /** The questions answered on the way here, in order. */
  readonly path: readonly TreeStep[];
  /** 1-based number of this question on the path ("step 2 …"). */
  readonly stepNumber: number;
  /** Steps taken plus the most questions any path from here asks ("… of 3"). */
  readonly totalSteps: number;
  /** Question id → answer id given before: from the recorded decision, then from this run. */
  readonly remembered: Readonly<Record<string, string>>;
}

/** The wizard after the last answer: the outcome and the path that led to it. */
export interface WizardDone {
  readonly done: true;
  readonly tree: DecisionTree;
  readonly outcome: string;
  readonly path: readonly TreeStep[];
  readonly remembered: Readonly<Record<string, string>>;
}

export type WizardState = WizardStep | WizardDone;

/** Per tree: question id → the most questions any path starting at it asks (itself included). */
const depthCache = new WeakMap<DecisionTree, Map<string, number>>();

function remainingDepth(tree: DecisionTree, questionId: string): number {
  let memo = depthCache.get(tree);
  if (!memo) {
    memo = new Map();
    depthCache.set(tree, memo);
  }
  const known = memo.get(questionId);
  if (known !== undefined) return known;
  // Iterative post-order walk, so a long chain of questions cannot overflow the stack.
  const onPath = new Set<string>();
  const stack: Array<{ id: string; expanded: boolean }> = [{ id: questionId, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (memo.has(top.id)) {
      stack.pop();
      continue;
    }
    const question = tree.questions[top.id];
    if (!question) throw new Error(`decision tree "${tree.id}" has no question "${top.id}"`);
    const nexts = Object.values(question.answers).flatMap((a) => (a.next ? [a.next] : []));
    if (!top.expanded) {
      top.expanded = true;
      onPath.add(top.id);
      for (const next of nexts) {
        if (onPath.has(next)) throw new Error(`decision tree "${tree.id}" loops back to question "${next}"`);
        if (!memo.has(next)) stack.push({ id: next, expanded: false });
      }
      continue;
    }
    memo.set(top.id, 1 + Math.max(0, ...nexts.map((n) => memo!.get(n) ?? 0)));
    onPath.delete(top.id);
    stack.pop();
  }
  return memo.get(questionId)!;
}

function freezePath(path: readonly TreeStep[]): readonly TreeStep[] {
  return Object.freeze(path.map((s) => Object.freeze({ question: s.question, answer: s.answer })));
}

function stepAt(tree: DecisionTree, questionId: string, path: readonly TreeStep[], remembered: Readonly<Record<string, string>>): WizardStep {
  const question = tree.questions[questionId]!;
  const given = Object.hasOwn(remembered, questionId) ? remembered[questionId] : undefined;
  const defaultAnswer = given !== undefined && Object.hasOwn(question.answers, given) ? given : undefined;
  const choices = Object.entries(question.answers).map(([id, a]) => Object.freeze({
    id,
    label: a.label,
    hint: a.hint,
    preselected: id === defaultAnswer,
    ...(a.next ? { next: a.next } : {}),
    ...(a.outcome ? { outcome: a.outcome } : {}),
  }));
  return Object.freeze({
    done: false as const,
    tree,
    questionId,
    question,
    choices: Object.freeze(choices),
    defaultAnswer,
    path: freezePath(path),
    stepNumber: path.length + 1,
    totalSteps: path.length + remainingDepth(tree, questionId),
    remembered,
  });
}

/**
 * Starts the wizard at the tree's first question. `preselected` (question id → recorded answer,
 * as `readRecordAnswers` returns it) supplies default picks; values are matched to answer ids
 * the way the decision rules match them (`Yes`, labels, `true`), and ones that match nothing are
 * dropped. Throws when the tree is not usable (validate custom trees with `loadTree` first).
 */
export function startWizard(tree: DecisionTree, preselected: Readonly<Record<string, unknown>> = {}): WizardStep {
  const problems = validateTree(tree);
  if (hasErrors(problems)) {
    throw new Error(`decision tree "${String((tree as Partial<DecisionTree>)?.id)}" is not usable: ${problems.filter((p) => p.severity === 'error').map((p) => p.message).join(' ')}`);
  }
  const remembered: Record<string, string> = {};
  for (const [questionId, value] of Object.entries(preselected)) {
    if (!Object.hasOwn(tree.questions, questionId)) continue;
    const id = answerId(tree.questions[questionId]!, value);
    if (id !== undefined) remembered[questionId] = id;
  }
  return stepAt(tree, tree.start, [], Object.freeze(remembered));
}

/**
 * Answers the current question with `picked` (an answer id; a label is accepted too) and moves
 * on: to the next question, or to the end. Throws when the question has no such answer.
 */
export function answer(state: WizardStep, picked: string): WizardState {
  const { tree, question, questionId } = state;
  const id = Object.hasOwn(question.answers, picked) ? picked : answerId(question, picked);
  if (id === undefined) throw new RangeError(`question "${questionId}" has no answer "${picked}"`);
  const chosen = question.answers[id]!;
  const path = [...state.path, { question: questionId, answer: id }];
  const remembered = Object.freeze({ ...state.remembered, [questionId]: id });
  if (chosen.outcome) {
    return Object.freeze({ done: true as const, tree, outcome: chosen.outcome, path: freezePath(path), remembered });
  }
  return stepAt(tree, chosen.next!, path, remembered);
}

/**
 * Goes back one question, offering the answer given there as the default pick. From the end, goes
 * back to the last question. Undefined at the first question (nothing to go back to).
 */
export function back(state: WizardState): WizardStep | undefined {
  const last = state.path[state.path.length - 1];
  if (!last) return undefined;
  const remembered = Object.freeze({ ...state.remembered, [last.question]: last.answer });
  return stepAt(state.tree, last.question, state.path.slice(0, -1), remembered);
}

/**
 * Accepts the default pick of each question in turn, stopping at the first question without
 * one (or at the end). Re-running a recorded decision this way stops where the record has a gap.
 */
export function acceptDefaults(state: WizardState): WizardState {
  let current: WizardState = state;
  // Each step moves one question further along an acyclic tree, so this ends.
  while (!current.done && current.defaultAnswer !== undefined) current = answer(current, current.defaultAnswer);
  return current;
}

/** What one screen of the wizard asks: the question stays in the title, the long texts elsewhere. */
export interface WizardScreen {
  title: string;
  placeholder: string;
  /** Longer help (a question's hint, an outcome's rationale): the About button's tooltip. */
  about?: string;
}

/**
 * The question as the QuickPick's title (the placeholder is cut at about 80 characters, and the
 * question is what the user must read), the tree and step in front of it, and the question's hint
 * on the About button, in full. The answers' hints are the items' details.
 */
export function questionScreen(step: Pick<WizardStep, 'tree' | 'question' | 'stepNumber' | 'totalSteps'>): WizardScreen {
  return {
    title: `${step.tree.title} — step ${step.stepNumber} of ${step.totalSteps}: ${step.question.text}`,
    placeholder: 'Choose an answer (type to filter)',
    about: step.question.hint?.replace(/\s+/g, ' ').trim() || undefined,
  };
}

/** The outcome: the tree and outcome in the title, why in full on the About button. */
export function outcomeScreen(treeTitle: string, outcome: { title: string; rationale: string }): WizardScreen {
  return { title: `${treeTitle} — ${outcome.title}`, placeholder: 'What to do with the decision record', about: outcome.rationale.replace(/\s+/g, ' ').trim() || undefined };
}
