import { stringify } from 'yaml';
import type { DecisionTree } from './types';
import { evaluate, type TreeStep } from './walk';
import { findFrontMatter } from '../core/sniff';

/**
 * Decision records written from a walk through a tree (the wizard's last step), and read back
 * for "re-run this decision". A record keeps the answers in front matter, where the decision
 * rules re-check them, and repeats them in the body for people.
 */

export interface RenderRecordInput {
  tree: DecisionTree;
  /**
   * Question id → answer (its id, or anything `answerId` accepts: a label, `Yes`, `true`). Only
   * the questions on the path to the outcome are written, in the order they are asked.
   */
  answers: Readonly<Record<string, unknown>>;
  /** When it was decided: `YYYY-MM-DD`, or a Date (written as its local calendar day). */
  date: string | Date;
  /** Who decided, written as `decided-by:` when given. */
  decidedBy?: string;
  /** What the decision is about ("single sign-on"), for the title; the tree's title otherwise. */
  subject?: string;
  /** Line break to use; `\n` by default. */
  eol?: '\n' | '\r\n';
}

/** The local calendar day of a date, as `YYYY-MM-DD`. */
function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Text from a tree, made safe for one line of Markdown: one line, and no accidental emphasis, code or links. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<]/g, (c) => `\\${c}`);
}

/** "Label — hint", without repeating the label when the hint already opens with it ("Yes — …"). */
function answerPhrase(label: string, hint: string): string {
  const l = label.replace(/\s+/g, ' ').trim();
  const h = hint.replace(/\s+/g, ' ').trim();
  if (h.toLowerCase().startsWith(l.toLowerCase()) && /^(?:$|\s*[—–:-])/.test(h.slice(l.length))) return h;
  return h === '' ? l : `${l} — ${h}`;
}

/** The answers on the path from the first question to an outcome, as `question → answer id`. */
export function answersFromPath(path: readonly TreeStep[]): Record<string, string> {
  return Object.fromEntries(path.map((s) => [s.question, s.answer]));
}

/**
 * A decision record in Markdown: front matter (`type: decision-record`, `tree`, `answers`,
 * `outcome`, `date`, and `decided-by` when given) and a body with a title, the questions and
 * answers as a numbered list, and the outcome with its rationale. Throws when the answers do not
 * reach an outcome in `tree` (the caller walks the tree to the end first).
 */
export function renderDecisionRecord(input: RenderRecordInput): string {
  const { tree } = input;
  const result = evaluate(tree, input.answers);
  if (result.status !== 'outcome') {
    const why = result.status === 'incomplete' ? `question "${result.missing}" has no answer` : `"${result.answer}" is not an answer to question "${result.question}"`;
    throw new Error(`cannot write a decision record for tree "${tree.id}": ${why}`);
  }
  const outcome = tree.outcomes[result.outcome]!;
  const date = typeof input.date === 'string' ? input.date.trim() : isoDay(input.date);
  const decidedBy = input.decidedBy?.replace(/\s+/g, ' ').trim();

  const front: Record<string, unknown> = {
    type: 'decision-record',
    tree: tree.id,
    answers: answersFromPath(result.path),
    outcome: result.outcome,
    date,
  };
  if (decidedBy) front['decided-by'] = decidedBy;
  const yaml = stringify(front, { lineWidth: 0 }).replace(/\n+$/, '');

  const subject = input.subject?.replace(/\s+/g, ' ').trim();
  const byLine = decidedBy ? ` by ${inline(decidedBy)}` : '';
  const lines = [
    '---',
    ...yaml.split('\n'),
    '---',
    '',
    `# Decision: ${inline(subject || tree.title)}`,
    '',
    `Decided on ${inline(date)}${byLine}, with the \`${tree.id}\` decision tree.`,
    '',
    '## Questions and answers',
    '',
    ...result.path.map((step, i) => {
      const question = tree.questions[step.question]!;
      const answer = question.answers[step.answer]!;
      return `${i + 1}. **${inline(question.text)}** ${inline(answerPhrase(answer.label, answer.hint))}`;
    }),
    '',
    '## Outcome',
    '',
    `**${inline(outcome.title.replace(/[.!?]+$/, ''))}.** ${inline(outcome.rationale)}`,
    '',
  ];
  return lines.join(input.eol ?? '\n');
}

/** What a decision record says, read from its front matter, for re-running the decision. */
export interface RecordedDecision {
  /** The `tree:` value as an id (`Build vs Partner` → `build-vs-partner`); undefined when absent. */
  treeId: string | undefined;
  /**
   * Question id → the recorded answer as text (`true`/`false` become `yes`/`no`), for
   * `startWizard`'s preselection, which matches them to answer ids. Blank answers are left out.
   */
  answers: Record<string, string>;
  /** The `outcome:` value as written; undefined when absent or blank. */
  outcome: string | undefined;
}

/** A tree id as people mistype it (`Build vs Partner`, `build_vs_partner`), as the decision rules read it. */
function normalizeId(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/**
 * Reads `tree`, `answers` and `outcome` from a document's front matter. Undefined when the
 * document has no front matter that parses into fields. Never throws.
 */
export function readRecordAnswers(text: string): RecordedDecision | undefined {
  let data: unknown;
  try {
    const fm = findFrontMatter(text);
    if (!fm || fm.yaml.errors.length > 0) return undefined;
    data = fm.data;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const fields = data as Record<string, unknown>;
  const tree = asText(fields['tree']);
  const answers: Record<string, string> = {};
  const recorded = fields['answers'];
  if (typeof recorded === 'object' && recorded !== null && !Array.isArray(recorded)) {
    for (const [question, value] of Object.entries(recorded as Record<string, unknown>)) {
      if (question === '__proto__') continue;
      const answer = asText(value);
      if (answer !== undefined) answers[question] = answer;
    }
  }
  return {
    treeId: tree === undefined || typeof fields['tree'] === 'boolean' ? undefined : normalizeId(tree),
    answers,
    outcome: typeof fields['outcome'] === 'boolean' ? undefined : asText(fields['outcome']),
  };
}
