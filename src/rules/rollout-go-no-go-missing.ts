import { ruleMeta, type Rule, type RuleContext } from '../core/rule';
import type { TextEdit } from '../core/types';
import type { StrategyDocument } from '../core/document';
import type { List, TableRow } from 'mdast';
import { isPrePilotStep, models, statesGoNoGo, type Phase, type PhaseMention } from '../models';

const GATE = 'Go/no-go: [threshold]';

/**
 * Where "Go/no-go: [threshold]" goes: at the end of the phase's own line (list item, paragraph,
 * or the last cell of its table row); under a phase heading, as a last line of the section (a
 * list item when the section ends with a bulleted list).
 */
function gateInsertion(doc: StrategyDocument, mention: PhaseMention): TextEdit | undefined {
  const eol = doc.index.eol;
  if (mention.source === 'heading') {
    const section = mention.section;
    if (!section) return undefined;
    const last = section.blocks[section.blocks.length - 1];
    const lastEnd = last?.position?.end.offset;
    if (last === undefined || lastEnd === undefined || lastEnd <= section.contentStart) {
      const at = doc.index.positionAt(section.contentStart);
      return { range: { start: at, end: at }, newText: `${eol}${eol}${GATE}` };
    }
    const at = doc.index.positionAt(lastEnd);
    if (last.type === 'list' && !(last as List).ordered) {
      const lastItem = (last as List).children[(last as List).children.length - 1];
      const itemStart = lastItem?.position?.start.offset ?? lastEnd;
      const line = doc.index.lineText(doc.index.positionAt(itemStart).line);
      const marker = /^(\s*[-*+])\s/.exec(line)?.[1] ?? '-';
      return { range: { start: at, end: at }, newText: `${eol}${marker} ${GATE}` };
    }
    return { range: { start: at, end: at }, newText: `${eol}${eol}${GATE}` };
  }
  const item = mention.item;
  if (!item) return undefined;
  if (mention.source === 'table-row') {
    const row = item.node as TableRow;
    const lastCell = [...row.children].reverse().find((c) => c.position);
    const end = lastCell?.position?.end.offset;
    if (end === undefined) return undefined;
    // The cell's range may include its closing pipe; insert after its last word.
    let at = end;
    while (at > item.start && /[\s|]/.test(doc.text[at - 1]!)) at--;
    const pos = doc.index.positionAt(at);
    return { range: { start: pos, end: pos }, newText: ` ${GATE}` };
  }
  const pos = doc.index.positionAt(item.end);
  return { range: { start: pos, end: pos }, newText: ` ${GATE}` };
}

/**
 * True when the phase's own text still holds the prompt the suggestion adds ("[threshold]" not
 * yet filled in): offering it again would only stack a second prompt; placeholder-left asks for
 * it to be filled in.
 */
function promptLeft(doc: StrategyDocument, mention: PhaseMention): boolean {
  let start: number | undefined;
  let end: number | undefined;
  if (mention.source === 'heading') {
    const section = mention.section;
    const last = section?.blocks[section.blocks.length - 1];
    start = section?.contentStart;
    end = last?.position?.end.offset;
  } else if (mention.item) {
    start = mention.item.start;
    end = mention.item.end;
  }
  return start !== undefined && end !== undefined && end > start && /go\/no-go:\s*\[threshold\]/i.test(doc.text.slice(start, end));
}

function message(phase: Phase): string {
  return phase.kind === 'crawl'
    ? 'The crawl phase has no go/no-go criterion. State the bar the pilots must clear before walk begins, for example at least a 20% gain on the metric you said you would measure.'
    : 'The walk phase has no go/no-go criterion. State the bar it must clear before full rollout, for example at least 70% of the invited customers adopting the integration.';
}

/**
 * A run (launch, GA, scale) reached through numbered phases of other names ("Phase 1:
 * Integration", "Phase 2: Launch") with no go/no-go bar anywhere: reported once, on the run
 * label. Left to the rest of this rule when a crawl or walk comes before the run (their missing
 * gates are reported on them), and to rollout-skips-crawl when nothing before the run may be a
 * pilot. Silent when the document states a go/no-go criterion anywhere (a gates section, the
 * run's own entry condition), since it may be the gate under another heading.
 */
function ungatedRun(
  doc: StrategyDocument,
  phases: readonly Phase[],
  vocabulary: RuleContext['vocabulary'],
  report: RuleContext['report'],
): void {
  const run = phases.find((p) => p.kind === 'run');
  if (!run || run.goNoGo) return;
  if (phases.some((p) => p.kind === 'crawl' || (p.kind === 'walk' && p.labelStart < run.labelStart))) return;
  const before = phases.filter((p) => p.labelStart < run.labelStart);
  const last = before[before.length - 1];
  if (!last || !before.some((p) => p.kind === 'other' && !isPrePilotStep(p, vocabulary))) return;
  if (before.some((p) => p.goNoGo) || statesGoNoGo(doc.text, vocabulary)) return;
  const label = doc.text.slice(run.labelStart, run.labelEnd).replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  const edit = promptLeft(doc, last.mentions[0]!) ? undefined : gateInsertion(doc, last.mentions[0]!);
  report({
    message: `Nothing before "${label}" states a go/no-go bar, so full rollout follows whatever the earlier phases produce. Give the phase before it (${last.name}) a result it must show first, for example at least 70% of the invited customers adopting the integration, and say what happens if it falls short.`,
    range: run.labelRange,
    ...(edit ? { suggestions: [{ title: `Add a go/no-go line to ${last.name}`, edits: [edit] }] } : {}),
  });
}

export const rolloutGoNoGoMissing: Rule = {
  meta: ruleMeta({
    id: 'rollout-go-no-go-missing',
    description: 'The crawl and walk phases each need a go/no-go criterion, and full rollout needs a gate before it: the result that earns the next phase.',
    defaultSeverity: 'warning',
    checks: ['phases'],
  }),
  check({ doc, vocabulary, report }) {
    const phases = models(doc, vocabulary).phases();
    for (const phase of phases) {
      if (phase.kind !== 'crawl' && phase.kind !== 'walk') continue;
      if (phase.goNoGo) continue;
      const edit = promptLeft(doc, phase.mentions[0]!) ? undefined : gateInsertion(doc, phase.mentions[0]!);
      report({
        message: message(phase),
        range: phase.labelRange,
        ...(edit ? { suggestions: [{ title: `Add a go/no-go line to the ${phase.kind} phase`, edits: [edit] }] } : {}),
      });
    }
    ungatedRun(doc, phases, vocabulary, report);
  },
};
