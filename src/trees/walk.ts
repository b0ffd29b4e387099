import type { DecisionTree, TreeQuestion } from './types';
import { isNonAnswer } from '../core/vocabulary';

/** One answered question on the way to an outcome. */
export interface TreeStep {
  question: string;
  answer: string;
}

/** What a set of answers gives. Questions the path never reaches need no answer. */
export type Evaluation =
  | { status: 'outcome'; outcome: string; path: TreeStep[] }
  /** `missing` is the first question on the path without an answer; `path` is what came before it. */
  | { status: 'incomplete'; missing: string; path: TreeStep[] }
  /** The answer given to `question` is not one of its answers; `answer` is that value as text. */
  | { status: 'invalid-answer'; question: string; answer: string; path: TreeStep[] };

/**
 * True for a value that counts as "not answered yet": absent, null, blank, or a non-answer such
 * as "TBD", "pending" or "to be decided" (`isNonAnswer`, the reading every rule shares). A
 * question whose own answers include such a word ("none") takes it as an answer: see `evaluate`.
 */
export function isUnanswered(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && isNonAnswer(value));
}

/**
 * The answer id a recorded value stands for, if any. Ids match exactly, then ignoring case
 * (`Yes`), then by label; YAML booleans (`true`/`false`) count as `yes`/`no` when the question has
 * those answers.
 */
export function answerId(question: TreeQuestion, value: unknown): string | undefined {
  const answers = question.answers;
  if (typeof value === 'boolean') {
    const id = value ? 'yes' : 'no';
    return Object.hasOwn(answers, id) ? id : undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (Object.hasOwn(answers, text)) return text;
  const lower = text.toLowerCase();
  for (const [id, answer] of Object.entries(answers)) {
    if (id.toLowerCase() === lower || answer.label.trim().toLowerCase() === lower) return id;
  }
  return undefined;
}

/** A recorded value as text, for messages. */
export function answerText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  return String(value);
}

function questionOf(tree: DecisionTree, id: string): TreeQuestion {
  if (!Object.hasOwn(tree.questions, id)) throw new Error(`decision tree "${tree.id}" has no question "${id}"`);
  return tree.questions[id]!;
}

/**
 * Walks `tree` from its start question with `answers` (question id → recorded value). The tree
 * must be valid (see `validateTree`); a broken tree throws.
 */
export function evaluate(tree: DecisionTree, answers: Readonly<Record<string, unknown>>): Evaluation {
  const path: TreeStep[] = [];
  const seen = new Set<string>();
  let current = tree.start;
  for (;;) {
    if (seen.has(current)) throw new Error(`decision tree "${tree.id}" loops back to question "${current}"`);
    seen.add(current);
    const question = questionOf(tree, current);
    const value = Object.hasOwn(answers, current) ? answers[current] : undefined;
    const id = value === undefined || value === null ? undefined : answerId(question, value);
    if (id === undefined && isUnanswered(value)) return { status: 'incomplete', missing: current, path };
    if (id === undefined) return { status: 'invalid-answer', question: current, answer: answerText(value), path };
    path.push({ question: current, answer: id });
    const answer = question.answers[id]!;
    if (answer.outcome !== undefined && answer.outcome !== '') return { status: 'outcome', outcome: answer.outcome, path };
    current = answer.next!;
  }
}

/** Every outcome reachable from question `from` (the start question when omitted). */
export function reachableOutcomes(tree: DecisionTree, from: string = tree.start): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const qid = queue.shift()!;
    if (seen.has(qid) || !Object.hasOwn(tree.questions, qid)) continue;
    seen.add(qid);
    for (const answer of Object.values(tree.questions[qid]!.answers)) {
      if (answer.outcome) found.add(answer.outcome);
      else if (answer.next) queue.push(answer.next);
    }
  }
  return found;
}

/** Every path from the start question to an outcome, in the order the tree lists its answers. */
export function allPaths(tree: DecisionTree): Array<{ steps: TreeStep[]; outcome: string }> {
  const out: Array<{ steps: TreeStep[]; outcome: string }> = [];
  const walk = (qid: string, steps: TreeStep[]): void => {
    if (steps.some((s) => s.question === qid)) throw new Error(`decision tree "${tree.id}" loops back to question "${qid}"`);
    for (const [aid, answer] of Object.entries(questionOf(tree, qid).answers)) {
      const next = [...steps, { question: qid, answer: aid }];
      if (answer.outcome) out.push({ steps: next, outcome: answer.outcome });
      else walk(answer.next!, next);
    }
  };
  walk(tree.start, []);
  return out;
}

/** The most questions any path asks (for a wizard's "step N of M"). */
export function maxDepth(tree: DecisionTree): number {
  return Math.max(0, ...allPaths(tree).map((p) => p.steps.length));
}
