// Pure scoring for the judgement benchmark (`npm run judge`): labels and CLI reports in, figures out.
// No file system, no process: `scripts/judge.mjs` runs the CLI and prints; the unit test
// `test/unit/judge-score.test.ts` checks the matching rule of `bench/judge/labels/README.md`.

/** Diagnostics the engine's guards give (size, complexity, nesting): counted, but listed apart. */
export const GUARD_RULE_IDS = ['document-too-complex', 'nesting-too-deep', 'file-too-large'];

/** A flaw's rule ids, always as a list. */
export function flawRules(flaw) {
  return Array.isArray(flaw.rule) ? flaw.rule : [flaw.rule];
}

/**
 * A flaw's line ranges as a list of `[from, to]` pairs (1-based, inclusive), or `null` when the
 * flaw is `where: document` (any line matches). Accepts `lines: [a, b]` and `lines: [[a, b], ...]`.
 */
export function flawRanges(flaw) {
  if (flaw.where === 'document') return null;
  const lines = flaw.lines;
  if (!Array.isArray(lines) || lines.length === 0) throw new Error(`flaw ${JSON.stringify(flaw)}: needs lines or where: document`);
  const pairs = Array.isArray(lines[0]) ? lines : [lines];
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every(Number.isInteger) || pair[0] > pair[1]) {
      throw new Error(`flaw ${JSON.stringify(flaw)}: bad line range ${JSON.stringify(pair)}`);
    }
  }
  return pairs;
}

/** Whether a diagnostic matches a flaw: its rule is one of the flaw's and its line is in a range. */
export function matches(diagnostic, flaw) {
  if (!flawRules(flaw).includes(diagnostic.ruleId)) return false;
  const ranges = flawRanges(flaw);
  return ranges === null || ranges.some(([from, to]) => diagnostic.line >= from && diagnostic.line <= to);
}

/** Whether a predicted kind is right for a label: its `kind`, or one of its `also` kinds. */
export function kindCorrect(label, predicted) {
  return predicted === label.kind || (label.also ?? []).includes(predicted);
}

/** Checks the shape of one label entry; throws on anything the runner could misread. */
export function validateLabel(label) {
  if (typeof label.file !== 'string' || typeof label.kind !== 'string') throw new Error(`label ${JSON.stringify(label)}: needs file and kind`);
  for (const flaw of label.flaws ?? []) {
    if (flawRules(flaw).some((r) => typeof r !== 'string' || r === '')) throw new Error(`${label.file}: flaw without a rule`);
    flawRanges(flaw);
  }
}

/**
 * Scores one labelled document against its report (`{ kind, diagnostics }`, or undefined when the
 * CLI gave none, which counts as kind `none` with no diagnostics).
 */
export function scoreDocument(label, report) {
  validateLabel(label);
  const predictedKind = report?.kind ?? 'none';
  const diagnostics = report?.diagnostics ?? [];
  const flaws = label.kind === 'none' ? [] : (label.flaws ?? []);
  const flawResults = flaws.map((flaw) => ({ flaw, rules: flawRules(flaw), ranges: flawRanges(flaw), matched: 0 }));
  const truePositives = [];
  const falsePositives = [];
  for (const diagnostic of diagnostics) {
    let matched = false;
    for (const result of flawResults) {
      if (matches(diagnostic, result.flaw)) {
        result.matched++;
        matched = true;
      }
    }
    (matched ? truePositives : falsePositives).push(diagnostic);
  }
  return {
    file: label.file,
    labelKind: label.kind,
    predictedKind,
    kindOk: kindCorrect(label, predictedKind),
    diagnostics,
    truePositives,
    falsePositives,
    flaws: flawResults.map((r) => ({ ...r, found: r.matched > 0 })),
    misses: flawResults.filter((r) => r.matched === 0),
  };
}

const ratio = (part, whole) => (whole === 0 ? null : part / whole);

function bump(map, key, field, by = 1) {
  const entry = map.get(key) ?? {};
  entry[field] = (entry[field] ?? 0) + by;
  map.set(key, entry);
}

/**
 * Scores the whole benchmark.
 * - `labels`: label entries (all three files together);
 * - `reports`: Map from label `file` to its report;
 * - `unlabelled`: reports of files that are `none` by definition (other corpus folders, node_modules).
 */
export function scoreBenchmark(labels, reports, unlabelled) {
  const documents = labels.map((label) => scoreDocument(label, reports.get(label.file)));

  const kinds = new Map(); // label kind -> { total, correct }
  const perKind = new Map(); // label kind -> { documents, diagnostics, truePositives, falsePositives, flaws, found }
  const perRule = new Map(); // rule key -> { flaws, found, truePositives, falsePositives }
  let diagnostics = 0, truePositives = 0, flaws = 0, found = 0, kindCorrectCount = 0;
  const distinct = new Map(); // `${file}\0${ruleId}\0${line}` -> matched?
  for (const doc of documents) {
    bump(kinds, doc.labelKind, 'total');
    if (doc.kindOk) { bump(kinds, doc.labelKind, 'correct'); kindCorrectCount++; }
    bump(perKind, doc.labelKind, 'documents');
    bump(perKind, doc.labelKind, 'diagnostics', doc.diagnostics.length);
    bump(perKind, doc.labelKind, 'truePositives', doc.truePositives.length);
    bump(perKind, doc.labelKind, 'falsePositives', doc.falsePositives.length);
    bump(perKind, doc.labelKind, 'flaws', doc.flaws.length);
    bump(perKind, doc.labelKind, 'found', doc.flaws.filter((f) => f.found).length);
    diagnostics += doc.diagnostics.length;
    truePositives += doc.truePositives.length;
    flaws += doc.flaws.length;
    found += doc.flaws.filter((f) => f.found).length;
    for (const f of doc.flaws) {
      const key = f.rules.join(' | ');
      bump(perRule, key, 'flaws');
      if (f.found) bump(perRule, key, 'found');
    }
    for (const d of doc.truePositives) bump(perRule, d.ruleId, 'truePositives');
    for (const d of doc.falsePositives) bump(perRule, d.ruleId, 'falsePositives');
    for (const d of doc.truePositives) distinct.set(`${doc.file}\0${d.ruleId}\0${d.line}`, true);
    for (const d of doc.falsePositives) {
      const key = `${doc.file}\0${d.ruleId}\0${d.line}`;
      if (!distinct.has(key)) distinct.set(key, false);
    }
  }
  const distinctMatched = [...distinct.values()].filter(Boolean).length;

  const silence = unlabelled.filter((r) => r.diagnostics.length > 0);
  const kinded = unlabelled.filter((r) => r.kind !== 'none');
  const guard = [];
  for (const doc of documents) for (const d of doc.diagnostics) if (GUARD_RULE_IDS.includes(d.ruleId)) guard.push({ file: doc.file, ...d });
  for (const r of unlabelled) for (const d of r.diagnostics) if (GUARD_RULE_IDS.includes(d.ruleId)) guard.push({ file: r.file, ...d });

  const finish = (map, f) => Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, f(v)]));
  return {
    documents,
    figures: {
      labelledDocuments: documents.length,
      kinds: { correct: kindCorrectCount, total: documents.length, accuracy: ratio(kindCorrectCount, documents.length) },
      kindsByLabel: finish(kinds, (v) => ({ correct: v.correct ?? 0, total: v.total, accuracy: ratio(v.correct ?? 0, v.total) })),
      precision: { matched: truePositives, diagnostics, value: ratio(truePositives, diagnostics) },
      flawLevelPrecision: { matched: distinctMatched, distinct: distinct.size, value: ratio(distinctMatched, distinct.size) },
      recall: { found, flaws, value: ratio(found, flaws) },
      byKind: finish(perKind, (v) => ({
        documents: v.documents, diagnostics: v.diagnostics ?? 0, truePositives: v.truePositives ?? 0, falsePositives: v.falsePositives ?? 0,
        flaws: v.flaws ?? 0, found: v.found ?? 0,
        precision: ratio(v.truePositives ?? 0, v.diagnostics ?? 0), recall: ratio(v.found ?? 0, v.flaws ?? 0),
      })),
      byRule: finish(perRule, (v) => ({ flaws: v.flaws ?? 0, found: v.found ?? 0, truePositives: v.truePositives ?? 0, falsePositives: v.falsePositives ?? 0 })),
      unlabelled: {
        files: unlabelled.length,
        givenAKind: kinded.length,
        diagnostics: unlabelled.reduce((n, r) => n + r.diagnostics.length, 0),
        filesWithDiagnostics: silence.length,
      },
      guardDiagnostics: guard.length,
    },
    unlabelledKinded: kinded.map((r) => ({ file: r.file, kind: r.kind })),
    unlabelledNoisy: silence.map((r) => ({ file: r.file, kind: r.kind, diagnostics: r.diagnostics })),
    guard,
  };
}

/** Which targets the figures miss (empty when all are met): kinds, precision, recall, silence. */
export function missedTargets(figures, targets = { kinds: 0.9, precision: 0.9, recall: 0.75 }) {
  const missed = [];
  const below = (value, target) => value === null || value < target;
  if (below(figures.kinds.accuracy, targets.kinds)) missed.push(`kind accuracy ${pct(figures.kinds.accuracy)} < ${pct(targets.kinds)}`);
  if (figures.precision.value !== null && figures.precision.value < targets.precision) missed.push(`precision ${pct(figures.precision.value)} < ${pct(targets.precision)}`);
  if (below(figures.recall.value, targets.recall)) missed.push(`recall ${pct(figures.recall.value)} < ${pct(targets.recall)}`);
  if (figures.unlabelled.diagnostics > 0) missed.push(`${figures.unlabelled.diagnostics} diagnostics on unlabelled none files (want 0)`);
  return missed;
}

/** A ratio as a percentage with one decimal, or "n/a". */
export function pct(value) {
  return value === null || value === undefined ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}
