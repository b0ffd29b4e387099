import type { TreeProblem, TreeProblemCode } from './types';

/**
 * Structural validation of a decision tree given as plain data (what a YAML or JSON parser
 * returns). It never throws. Problems carry a path of keys; `loadTree` adds offsets into the YAML
 * text. A tree with any `error` must not be walked; `warning`s (unknown fields, unreachable
 * questions or outcomes) leave it usable.
 */

/** Ids of trees, questions, answers and outcomes: lower-case words joined by hyphens, starting with a letter. */
export const TREE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Fields of each level of a tree; the JSON Schema in schemas/decision-tree.schema.json says the same. */
export const TREE_FIELDS = {
  tree: { required: ['id', 'title', 'description', 'start', 'questions', 'outcomes'], optional: [] },
  question: { required: ['text', 'answers'], optional: ['hint'] },
  answer: { required: ['label', 'hint'], optional: ['next', 'outcome'] },
  outcome: { required: ['title', 'rationale'], optional: [] },
} as const;

type Level = keyof typeof TREE_FIELDS;
type Plain = Record<string, unknown>;

/** Whether a problem is best shown on the key at its path (true) or on the value (false). */
export function pointsAtKey(problem: TreeProblem): boolean {
  switch (problem.code) {
    case 'missing-field':
    case 'missing-start':
    case 'unknown-field':
    case 'next-and-outcome':
    case 'no-next-or-outcome':
    case 'too-few-answers':
    case 'yes-without-no':
    case 'unreachable-question':
    case 'unreachable-outcome':
      return true;
    case 'bad-id':
      return problem.path.length > 1;
    default:
      return false;
  }
}

function isPlainMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'text' : typeof value} (${JSON.stringify(value)})`;
}

class Collector {
  readonly problems: TreeProblem[] = [];
  add(code: TreeProblemCode, path: string[], message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ code, severity, message, path });
  }
}

/** Checks the fields of one level: required ones present, known ones only, text fields non-empty. */
function checkFields(c: Collector, value: Plain, level: Level, path: string[], what: string): void {
  const { required, optional } = TREE_FIELDS[level];
  const known = new Set<string>([...required, ...optional]);
  for (const field of required) {
    if (!Object.hasOwn(value, field) || value[field] === null || value[field] === undefined || value[field] === '') {
      c.add('missing-field', [...path, field], `${what} has no \`${field}\`.`);
    }
  }
  for (const field of Object.keys(value)) {
    if (!known.has(field)) {
      c.add('unknown-field', [...path, field], `${what} has a field \`${field}\` that decision trees do not use; the known fields are ${[...known].map((f) => `\`${f}\``).join(', ')}.`, 'warning');
      continue;
    }
    const v = value[field];
    if (v === null || v === undefined || v === '') continue;
    const wantsMap = field === 'questions' || field === 'outcomes' || field === 'answers';
    if (wantsMap ? !isPlainMap(v) : typeof v !== 'string') {
      c.add('wrong-type', [...path, field], `\`${field}\` of ${what.toLowerCase()} should be ${wantsMap ? 'a mapping of ids to entries' : 'text'}, not ${describe(v)}.`);
    }
  }
}

function checkId(c: Collector, id: string, path: string[], what: string): void {
  if (!TREE_ID_PATTERN.test(id)) {
    c.add('bad-id', path, `${what} id "${id}" should be lower-case words joined by hyphens, starting with a letter (like \`core-differentiation\`).`);
  }
}

/** Validates `value` as a decision tree. */
export function validateTree(value: unknown): TreeProblem[] {
  const c = new Collector();
  if (!isPlainMap(value)) {
    c.add('not-a-mapping', [], `A decision tree should be a mapping with id, title, description, start, questions and outcomes, not ${describe(value)}.`);
    return c.problems;
  }
  checkFields(c, value, 'tree', [], 'The tree');
  // `missing-field` for start gets its own code: the walk cannot begin.
  for (const p of c.problems) if (p.code === 'missing-field' && p.path.length === 1 && p.path[0] === 'start') p.code = 'missing-start';
  if (typeof value['id'] === 'string' && value['id'] !== '') checkId(c, value['id'], ['id'], 'The tree');

  const questions: Plain = isPlainMap(value['questions']) ? value['questions'] : {};
  const outcomes: Plain = isPlainMap(value['outcomes']) ? value['outcomes'] : {};
  if (isPlainMap(value['questions']) && Object.keys(questions).length === 0) c.add('missing-field', ['questions'], 'The tree has no questions.');
  if (isPlainMap(value['outcomes']) && Object.keys(outcomes).length === 0) c.add('missing-field', ['outcomes'], 'The tree has no outcomes.');

  const start = value['start'];
  const startValid = typeof start === 'string' && Object.hasOwn(questions, start);
  if (typeof start === 'string' && start !== '' && !startValid) {
    c.add('unknown-start', ['start'], `\`start\` names "${start}", which is not one of the tree's questions.`);
  }

  /** question id → [answer id, next question id] for references that resolve. */
  const edges = new Map<string, Array<[string, string]>>();
  const outcomeUse = new Map<string, string[]>();

  for (const [qid, question] of Object.entries(questions)) {
    const qpath = ['questions', qid];
    checkId(c, qid, qpath, 'Question');
    const out: Array<[string, string]> = [];
    edges.set(qid, out);
    if (!isPlainMap(question)) {
      c.add('wrong-type', qpath, `Question "${qid}" should be a mapping with text and answers, not ${describe(question)}.`);
      continue;
    }
    checkFields(c, question, 'question', qpath, `Question "${qid}"`);
    if (!isPlainMap(question['answers'])) continue;
    const answers = question['answers'];
    const ids = Object.keys(answers);
    if (ids.length < 2) {
      c.add('too-few-answers', [...qpath, 'answers'], `Question "${qid}" has ${ids.length === 0 ? 'no answers' : 'only one answer'}; give it at least two${ids.includes('yes') || ids.includes('no') ? ' (both yes and no)' : ''}.`);
    } else if (ids.includes('yes') !== ids.includes('no')) {
      c.add('yes-without-no', [...qpath, 'answers'], `Question "${qid}" answers ${ids.includes('yes') ? 'yes but not no' : 'no but not yes'}; a yes/no question needs both.`);
    }
    for (const [aid, answer] of Object.entries(answers)) {
      const apath = [...qpath, 'answers', aid];
      checkId(c, aid, apath, 'Answer');
      if (!isPlainMap(answer)) {
        c.add('wrong-type', apath, `Answer "${aid}" of question "${qid}" should be a mapping with label, hint and next or outcome, not ${describe(answer)}.`);
        continue;
      }
      checkFields(c, answer, 'answer', apath, `Answer "${aid}" of question "${qid}"`);
      const next = answer['next'];
      const outcome = answer['outcome'];
      const hasNext = next !== undefined && next !== null && next !== '';
      const hasOutcome = outcome !== undefined && outcome !== null && outcome !== '';
      if (hasNext && hasOutcome) {
        c.add('next-and-outcome', apath, `Answer "${aid}" of question "${qid}" has both \`next\` and \`outcome\`; an answer either asks another question or ends with an outcome.`);
      } else if (!hasNext && !hasOutcome) {
        c.add('no-next-or-outcome', apath, `Answer "${aid}" of question "${qid}" leads nowhere; give it a \`next\` question or an \`outcome\`.`);
      }
      if (typeof next === 'string' && hasNext) {
        if (Object.hasOwn(questions, next)) out.push([aid, next]);
        else c.add('unknown-next', [...apath, 'next'], `Answer "${aid}" of question "${qid}" goes to question "${next}", which the tree does not have.`);
      }
      if (typeof outcome === 'string' && hasOutcome) {
        if (Object.hasOwn(outcomes, outcome)) outcomeUse.set(qid, [...(outcomeUse.get(qid) ?? []), outcome]);
        else c.add('unknown-outcome', [...apath, 'outcome'], `Answer "${aid}" of question "${qid}" ends in outcome "${outcome}", which the tree does not have.`);
      }
    }
  }

  for (const [oid, outcome] of Object.entries(outcomes)) {
    const opath = ['outcomes', oid];
    checkId(c, oid, opath, 'Outcome');
    if (!isPlainMap(outcome)) {
      c.add('wrong-type', opath, `Outcome "${oid}" should be a mapping with title and rationale, not ${describe(outcome)}.`);
      continue;
    }
    checkFields(c, outcome, 'outcome', opath, `Outcome "${oid}"`);
  }

  findCycles(c, edges);

  // Unreachable entries are only worth a word once every answer leads somewhere real; before
  // that they are echoes of the broken reference.
  const brokenLinks = c.problems.some((p) => p.code === 'unknown-next' || p.code === 'unknown-outcome' || p.code === 'no-next-or-outcome');
  if (startValid && !brokenLinks) {
    const reached = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const [, next] of edges.get(queue.shift()!) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    const outcomesReached = new Set<string>();
    for (const qid of Object.keys(questions)) {
      if (!reached.has(qid)) {
        c.add('unreachable-question', ['questions', qid], `No path from the start question "${start}" leads to question "${qid}".`, 'warning');
      } else {
        for (const o of outcomeUse.get(qid) ?? []) outcomesReached.add(o);
      }
    }
    for (const oid of Object.keys(outcomes)) {
      if (!outcomesReached.has(oid)) c.add('unreachable-outcome', ['outcomes', oid], `No path from the start question "${start}" ends in outcome "${oid}".`, 'warning');
    }
  }
  return c.problems;
}

/**
 * Reports each `next` that leads back to a question already on the current path. Iterative, so a
 * tree with a very long chain of questions cannot overflow the stack.
 */
function findCycles(c: Collector, edges: Map<string, Array<[string, string]>>): void {
  const state = new Map<string, 'open' | 'done'>();
  /** Where each open question sits on the current path, to name a loop without searching the path. */
  const depth = new Map<string, number>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const stack: Array<{ qid: string; i: number }> = [{ qid: root, i: 0 }];
    state.set(root, 'open');
    depth.set(root, 0);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = edges.get(top.qid) ?? [];
      if (top.i >= out.length) {
        state.set(top.qid, 'done');
        depth.delete(top.qid);
        stack.pop();
        continue;
      }
      const [aid, next] = out[top.i++]!;
      const s = state.get(next);
      if (s === 'open') {
        c.add('cycle', ['questions', top.qid, 'answers', aid, 'next'], `Answer "${aid}" of question "${top.qid}" leads back to "${next}", which is already on the way here (${loopText(stack, depth.get(next)!, next)}); the questions would never end.`);
      } else if (s === undefined) {
        state.set(next, 'open');
        depth.set(next, stack.length);
        stack.push({ qid: next, i: 0 });
      }
    }
  }
}

/** A loop as `a → b → c → a`; a long one keeps its first and last steps (a tree of thousands of questions must not make megabytes of messages). */
function loopText(stack: ReadonlyArray<{ qid: string }>, from: number, next: string): string {
  const steps = stack.length - from;
  const ids = steps <= 8
    ? stack.slice(from).map((f) => f.qid)
    : [...stack.slice(from, from + 4).map((f) => f.qid), `… ${steps - 6} more …`, ...stack.slice(stack.length - 2).map((f) => f.qid)];
  return [...ids, next].join(' → ');
}

/** True when the problems leave the tree unusable. */
export function hasErrors(problems: readonly TreeProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
