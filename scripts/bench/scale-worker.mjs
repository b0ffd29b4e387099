// One size of the scaling measurement, in its own process so that its peak memory is its own
// and so that scripts/bench.mjs can stop it when it runs past its time budget. It prints one
// JSON line per measurement as soon as it has it (a stopped run still reports what it finished).
//
//   node scale-worker.mjs <core bundle> <document> <warm-up document> <repetitions> [split | lint-only]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [bundle, docPath, warmPath, repsArg, mode = 'split'] = process.argv.slice(2);
const core = createRequire(import.meta.url)(bundle);
const text = readFileSync(docPath, 'utf8');
const reps = Number(repsArg);
const emit = (record) => process.stdout.write(JSON.stringify({ ...record, maxRssKb: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed }) + '\n');
const time = (fn) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
};

// Warm the JIT on a small document of the same shape, so the first measured run is not a cold one.
const warm = readFileSync(warmPath, 'utf8');
for (let i = 0; i < 3; i++) core.lintText(warm, core.RULES, { ...core.DEFAULT_CONFIG, maxSize: Number.MAX_SAFE_INTEGER });
emit({ phase: 'ready' });

// The engine refuses documents past maxSize (1,000,000 characters by default, src/core/guard.ts);
// the scaling runs measure the parse and the rules themselves, so the limit is lifted here.
const config = { ...core.DEFAULT_CONFIG, maxSize: Number.MAX_SAFE_INTEGER };

for (let i = 0; i < reps; i++) {
  const lint = time(() => core.lintText(text, core.RULES, config));
  emit({ phase: 'lint', ms: lint.ms, cpuMs: lint.cpuMs, diagnostics: lint.value.diagnostics.length, kind: lint.value.kind, skipped: lint.value.skippedReason });
  if (mode !== 'split') continue;
  const sniffed = core.sniff(text);
  const parse = time(() => core.buildDocument(text, { ...sniffed, kind: sniffed.kind }));
  emit({ phase: 'parse', ms: parse.ms, cpuMs: parse.cpuMs });
  const rules = time(() => core.runRules(parse.value, core.RULES, config));
  emit({ phase: 'rules', ms: rules.ms, cpuMs: rules.cpuMs });
}
emit({ phase: 'done' });
