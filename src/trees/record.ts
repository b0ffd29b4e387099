import { isMap, isScalar, stringify, type Pair, type Scalar, type YAMLMap } from 'yaml';
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

/** One change to a text, by offsets into it. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap (insertions at the same point keep their order). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A recorded value that already says `wanted`, as the decision rules read it (`Yes` is `yes`, `Tier 3` is `tier-3`). */
function says(node: unknown, wanted: string): boolean {
  if (!isScalar(node)) return false;
  const text = asText(node.value);
  return text !== undefined && normalizeId(text) === normalizeId(wanted);
}

/** A value as YAML, in the quoting style of the value it replaces when that style can hold it. */
function scalarText(value: string, like: unknown): string {
  const type = isScalar(like) ? (like as Scalar).type : undefined;
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE' && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n+$/, '');
  // In a flow map (`{a: yes}`) a plain value may not hold `,`, `[`, `]`, `{` or `}`.
  return /^[^"'].*[,[\]{}]/.test(plain) ? JSON.stringify(value) : plain;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/**
 * Where a value goes in: replaces `value`'s text, or, when the value is empty (`outcome:`), is
 * inserted right after the key's colon with a space.
 */
function valueEdit(raw: string, pair: Pair, text: string): OffsetEdit | undefined {
  const value = pair.value as { range?: [number, number, number] } | null;
  const key = (pair.key as Scalar).range;
  if (value?.range && value.range[1] > value.range[0]) return { start: value.range[0], end: value.range[1], text };
  if (!key) return undefined;
  const colon = raw.indexOf(':', key[1]);
  if (colon < 0) return undefined;
  return { start: colon + 1, end: colon + 1, text: ` ${text}` };
}

function lineStartAt(raw: string, offset: number): number {
  return Math.max(raw.lastIndexOf('\n', offset - 1), raw.lastIndexOf('\r', offset - 1)) + 1;
}

/** Offset just past the line break that ends the line holding `offset` (or the end of the text). */
function nextLineStart(raw: string, offset: number): number {
  const rest = /\r\n|\r|\n/.exec(raw.slice(offset));
  return rest ? offset + rest.index + rest[0].length : raw.length;
}

/** The end of a node's text, without the line breaks the parser counts in it. */
function trimmedEnd(raw: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s]/.test(raw[e - 1]!)) e--;
  return e;
}

/**
 * The smallest edits that make a record's front matter state `answers` (question → answer id,
 * in the order asked) and `outcome`, leaving every other field, comment, quoting, flow style and
 * the body exactly as written. An answer or outcome that already says the same (`Yes` for
 * `yes`) is left alone; a recorded answer to a question no longer on the path is removed.
 * Offsets are into `text`. Undefined when the front matter is absent, does not parse, or is not
 * a list of fields.
 */
export function recordUpdateEdits(text: string, answers: Readonly<Record<string, string>>, outcome: string): OffsetEdit[] | undefined {
  let fm;
  try {
    fm = findFrontMatter(text);
  } catch {
    return undefined;
  }
  if (!fm || fm.tooLarge || fm.yaml.errors.length > 0) return undefined;
  const raw = text.slice(fm.contentStart, fm.contentEnd);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const contents = fm.yaml.contents;
  const map = isMap(contents) ? contents : undefined;
  if (!map && !(isScalar(contents) && contents.value === null) && contents !== null) return undefined;
  const edits: OffsetEdit[] = [];
  const entries = Object.entries(answers);

  // Fields that are missing altogether go at the end, a line each (or into the braces of a
  // front matter written as one `{...}`).
  const atEnd: string[] = [];
  const flowTop = map?.flow === true;

  const answersPair = map ? pairOf(map, 'answers') : undefined;
  const recorded = answersPair?.value;
  if (!answersPair) {
    if (entries.length > 0) {
      atEnd.push(flowTop
        ? `answers: {${entries.map(([q, a]) => `${q}: ${scalarText(a, undefined)}`).join(', ')}}`
        : ['answers:', ...entries.map(([q, a]) => `  ${q}: ${scalarText(a, undefined)}`)].join(eol));
    }
  } else if (isMap(recorded) && !recorded.flow) {
    const items = recorded.items as Pair[];
    const first = (items[0]?.key as Scalar | undefined)?.range;
    const indent = first ? ' '.repeat(first[0] - lineStartAt(raw, first[0])) : '  ';
    for (const item of items) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      const range = (item.key as Scalar | undefined)?.range;
      if (key === undefined || !range) continue;
      if (!Object.prototype.hasOwnProperty.call(answers, key)) {
        // Off the path now: the whole entry goes, with its line and any comment on it.
        const value = item.value as { range?: [number, number, number] } | null;
        const end = trimmedEnd(raw, range[0], value?.range ? Math.max(value.range[1], range[1]) : range[1]);
        edits.push({ start: lineStartAt(raw, range[0]), end: nextLineStart(raw, end), text: '' });
      } else if (!says(item.value, answers[key]!)) {
        const edit = valueEdit(raw, item, scalarText(answers[key]!, item.value));
        if (!edit) return undefined;
        edits.push(edit);
      }
    }
    const missing = entries.filter(([q]) => !items.some((i) => isScalar(i.key) && String(i.key.value) === q));
    if (missing.length > 0) {
      const last = items[items.length - 1];
      const lastEnd = last ? trimmedEnd(raw, 0, Math.max((last.value as { range?: number[] } | null)?.range?.[1] ?? 0, (last.key as Scalar).range?.[1] ?? 0)) : undefined;
      const at = lastEnd !== undefined ? nextLineStart(raw, lastEnd) : undefined;
      const lines = missing.map(([q, a]) => `${indent}${q}: ${scalarText(a, undefined)}`);
      if (at === undefined) return undefined;
      const needsBreak = at === raw.length && !/[\r\n]$/.test(raw);
      edits.push({ start: at, end: at, text: (needsBreak ? eol : '') + lines.join(eol) + (needsBreak ? '' : eol) });
    }
  } else if (isMap(recorded)) {
    // `answers: {a: yes, b: no}`: values changed in place; when the questions differ, the braces
    // are written again in the same spacing, keeping the text of the answers that stay.
    const items = recorded.items as Pair[];
    const sameKeys = items.length === entries.length && items.every((i) => isScalar(i.key) && Object.prototype.hasOwnProperty.call(answers, String(i.key.value)));
    if (sameKeys) {
      for (const item of items) {
        const wanted = answers[String((item.key as Scalar).value)]!;
        if (says(item.value, wanted)) continue;
        const edit = valueEdit(raw, item, scalarText(wanted, item.value));
        if (!edit) return undefined;
        edits.push(edit);
      }
    } else {
      const range = recorded.range;
      if (!range) return undefined;
      const source = raw.slice(range[0], range[1]);
      const pad = /^\{[ \t]/.test(source) ? ' ' : '';
      const body = entries.map(([q, a]) => {
        const old = items.find((i) => isScalar(i.key) && String(i.key.value) === q);
        const valueRange = (old?.value as { range?: number[] } | null)?.range;
        const keep = old && says(old.value, a) && valueRange && valueRange[1]! > valueRange[0]! ? raw.slice(valueRange[0], valueRange[1]) : scalarText(a, old?.value);
        return `${q}: ${keep}`;
      }).join(', ');
      edits.push({ start: range[0], end: range[1], text: `{${pad}${body}${pad}}` });
    }
  } else {
    // `answers:` left empty, or holding something else than fields: the fields go under it.
    const lines = entries.map(([q, a]) => `  ${q}: ${scalarText(a, undefined)}`);
    const key = (answersPair.key as Scalar).range;
    if (!key || flowTop) return undefined;
    const colon = raw.indexOf(':', key[1]);
    const value = recorded as { range?: [number, number, number] } | null;
    const end = value?.range && value.range[1] > value.range[0] ? trimmedEnd(raw, colon + 1, value.range[1]) : colon + 1;
    edits.push({ start: colon + 1, end, text: lines.length > 0 ? eol + lines.join(eol) : '' });
  }

  const outcomePair = map ? pairOf(map, 'outcome') : undefined;
  if (!outcomePair) {
    atEnd.push(`outcome: ${scalarText(outcome, undefined)}`);
  } else if (!says(outcomePair.value, outcome)) {
    const edit = valueEdit(raw, outcomePair, scalarText(outcome, outcomePair.value));
    if (!edit) return undefined;
    edits.push(edit);
  }

  if (atEnd.length > 0) {
    if (flowTop) {
      const range = map!.range;
      if (!range) return undefined;
      const close = raw.lastIndexOf('}', range[1]);
      if (close < 0) return undefined;
      const empty = map!.items.length === 0;
      edits.push({ start: close, end: close, text: (empty ? '' : ', ') + atEnd.join(', ') });
    } else {
      const at = raw.length;
      const before = at === 0 || /[\r\n]$/.test(raw) ? '' : eol;
      edits.push({ start: at, end: at, text: before + atEnd.join(eol) + eol });
    }
  }
  return edits.map((e) => ({ start: e.start + fm.contentStart, end: e.end + fm.contentStart, text: e.text }));
}

/** The record with `recordUpdateEdits` applied; undefined when they cannot be made. */
export function updateRecordFrontMatter(text: string, answers: Readonly<Record<string, string>>, outcome: string): string | undefined {
  const edits = recordUpdateEdits(text, answers, outcome);
  return edits && applyOffsetEdits(text, edits);
}
