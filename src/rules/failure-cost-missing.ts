import { blankLineBefore } from '../core/text';
import type { List, RootContent } from 'mdast';
import { ruleMeta, type Rule } from '../core/rule';
import type { TextEdit } from '../core/types';
import type { StrategyDocument, Section } from '../core/document';
import { hasQuantity } from '../core/quantity';
import {
  models, failureCostPrompt, FAILURE_COST_TERMS, LOSS_VERBS, WEAK_FAILURE_TERMS, headingSpan, type Commitments, type Side, type Span,
} from '../models';

/** A section that weighs what could go wrong. */
const RISK_TITLE = /\brisks?\b|\brisk\s+(?:mitigation|management|register)\b/i;

const NOTHING_LOST = /\b(?:nothing|no cost|zero cost|no real cost|not much|little or nothing|neither side loses)\b/i;

type Finding =
  | { kind: 'both' }
  | { kind: 'unclear' }
  | { kind: 'one'; side: Side }
  | { kind: 'nothing' };

/** What one passage (an item with what is nested under it, or a section) says about failure. */
function assess(text: Commitments, passage: Span[]): Finding | undefined {
  const strong = passage.flatMap((p) => text.find(FAILURE_COST_TERMS, p)).map((m) => m.text.toLowerCase().replace(/\s+/g, ' '));
  const weak = passage.some((p) => text.has(WEAK_FAILURE_TERMS, p));
  if (strong.length === 0 && !weak) return undefined;
  const sides = new Set(passage.flatMap((p) => [...text.mentions(p)]));
  if (sides.size === 2) return { kind: 'both' };
  // A bare "lose" without "if this fails" or "at stake" may be about anything, unless a side is
  // its subject and an amount says what ("Lumen loses its $120K co-investment").
  if (!strong.some((t) => !LOSS_VERBS.includes(t))) {
    const side = lossSubject(text, passage);
    return side ? { kind: 'one', side } : undefined;
  }
  const all = passage.map((p) => text.slice(p)).join('\n');
  if (NOTHING_LOST.test(all) && !hasQuantity(all)) return { kind: 'nothing' };
  if (sides.size === 0) return { kind: 'unclear' };
  return { kind: 'one', side: [...sides][0]! };
}

/** What may stand between a side and its loss verb: "Lumen would lose", "we also stand to lose". */
const BEFORE_LOSS = /^\s*(?:(?:would|will|could|may|might|then|also|still|stands?\s+to|effectively)\s+)*$/i;

/**
 * The side a passage names as the subject of a loss verb, with an amount in the passage: "Lumen
 * loses its $120K co-investment", "we would write off 6 engineer-months". A loss with no amount
 * ("we lose deals to rivals") is too often about something else.
 */
function lossSubject(text: Commitments, passage: Span[]): Side | undefined {
  for (const p of passage) {
    if (!hasQuantity(text.slice(p))) continue;
    for (const verb of text.find(LOSS_VERBS, p)) {
      const before = text.tokens({ start: p.start, end: verb.start });
      const last = before[before.length - 1];
      if (!last || last.side === 'both' || !BEFORE_LOSS.test(text.slice({ start: last.end, end: verb.start }))) continue;
      return last.side;
    }
  }
  return undefined;
}

/** Where an item's passage ends: a list item with its nested lists, a lead-in line with its list. */
function passageEnd(doc: StrategyDocument, text: Commitments, node: RootContent | undefined, end: number): number {
  if (!node) return end;
  if (node.type === 'listItem') return node.position?.end.offset ?? end;
  if (node.type === 'paragraph' && /:\s*$/.test(text.slice({ start: node.position?.start.offset ?? 0, end }))) {
    const siblings = doc.root.children;
    const i = siblings.indexOf(node);
    const next = i >= 0 ? siblings[i + 1] : undefined;
    if (next?.type === 'list') return next.position?.end.offset ?? end;
  }
  return end;
}

/** The header row of the table a row belongs to, which usually names the sides. */
function tableHeader(text: Commitments, offset: number): Span | undefined {
  return [...text.items].reverse().find((i) => i.kind === 'table-header' && i.start < offset);
}

/** Where "If this fails" goes: after the last block of Value Exchange, continuing its list. */
function insertAtEndOf(doc: StrategyDocument, section: Section, prompt: string): TextEdit {
  const eol = doc.index.eol;
  const last = section.allBlocks[section.allBlocks.length - 1];
  const offset = last?.position?.end.offset ?? section.contentStart;
  const at = doc.index.positionAt(offset);
  let newText = eol + eol + prompt;
  if (last?.type === 'list' && !(last as List).ordered) {
    const lastItem = (last as List).children[(last as List).children.length - 1];
    const itemStart = lastItem?.position?.start.offset ?? offset;
    const lineStart = doc.index.lineStarts[doc.index.positionAt(itemStart).line] ?? itemStart;
    const indent = doc.text.slice(lineStart, itemStart);
    const bullet = doc.text[itemStart] ?? '-';
    if (/^[ \t]*$/.test(indent)) newText = eol + indent + bullet + prompt.slice(1);
  }
  return { range: { start: at, end: at }, newText };
}

function insertBefore(doc: StrategyDocument, section: Section | undefined, prompt: string): TextEdit {
  const eol = doc.index.eol;
  if (section) {
    const at = doc.index.positionAt(section.start);
    return { range: { start: at, end: at }, newText: prompt + eol + eol };
  }
  const at = doc.index.positionAt(doc.text.length);
  return { range: { start: at, end: at }, newText: blankLineBefore(doc.text, eol) + prompt + eol };
}

/**
 * The framework's test of a real partnership: if it fails, what does each side lose? A charter
 * that never says is a handshake. A statement naming both sides passes; so does one that frames
 * the loss ("If this fails: …") without naming sides, since the rule cannot tell.
 */
export const failureCostMissing: Rule = {
  meta: ruleMeta({
    id: 'failure-cost-missing',
    description: 'A charter must say what each side loses if the partnership fails.',
    defaultSeverity: 'warning',
    checks: ['commitments'],
    fixable: true,
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const sections = m.charterSections();
    const valueExchange = sections.get('value-exchange');
    const text = m.commitments();

    const findings: Finding[] = [];
    const failureWords = (span: Span) => text.has(FAILURE_COST_TERMS, span) || text.has(WEAK_FAILURE_TERMS, span);
    for (const section of doc.sections) {
      if (section === doc.title) continue;
      const heading = headingSpan(doc, section);
      if (!failureWords(heading)) continue;
      const found = assess(text, [{ start: heading.start, end: section.end }]);
      if (found) findings.push(found);
    }
    for (const item of text.items) {
      if (!failureWords(item)) continue;
      const passage: Span[] = [{ start: item.start, end: passageEnd(doc, text, item.node as RootContent, item.end) }];
      const header = item.kind === 'table-row' ? tableHeader(text, item.start) : undefined;
      if (header) passage.push(header);
      const found = assess(text, passage);
      if (found) findings.push(found);
    }
    if (findings.some((f) => f.kind === 'both' || f.kind === 'unclear')) return;
    // Each side's loss stated on its own line ("we lose …", "Lumen loses …") is both sides.
    const sidesSaid = new Set(findings.flatMap((f) => (f.kind === 'one' ? [f.side] : [])));
    if (sidesSaid.size === 2) return;
    // A post announcing a partnership tells readers what was agreed; it is not where the stakes are set.
    if (findings.length === 0 && m.publishedPost()) return;

    if (doc.kind === 'partnership-strategy') {
      // A program strategy is asked only when it weighs its risks: it plans for what could go
      // wrong for us, so what a partner stands to lose belongs beside it.
      const risks = doc.sections.find((s) => s !== doc.title && RISK_TITLE.test(s.title));
      if (!risks || findings.length > 0) return;
      report({
        message: 'This strategy weighs what could go wrong, but nothing in it says what a partner loses if its partnership fails. Name what partners put at risk (a co-investment, committed staff, a revenue guarantee); if the answer is nothing, these are handshakes, not partnerships.',
        range: risks.headingRange,
      });
      return;
    }

    const range = valueExchange?.headingRange ?? doc.title?.headingRange ?? doc.index.lineRange(0);
    const partner = text.names.partnerName ?? 'the partner';
    const one = findings.find((f): f is { kind: 'one'; side: Side } => f.kind === 'one');
    if (one) {
      const said = one.side === 'ours' ? 'what you lose' : `what ${partner} loses`;
      const missing = one.side === 'ours' ? `what ${partner} loses` : 'what you lose';
      report({
        message: `The charter says ${said} if this partnership fails, but not ${missing}. Both sides need something real at stake, or it is a handshake.`,
        range,
      });
      return;
    }
    if (findings.some((f) => f.kind === 'nothing')) {
      report({
        message: 'The charter says neither side loses anything real if this partnership fails, which makes it a handshake. Put something at stake on both sides, or reconsider the partnership.',
        range,
      });
      return;
    }
    const message = `Nothing in this charter says what each side loses if the partnership fails. Name what you and ${partner} put at risk; if the answer is nothing, it is a handshake, not a partnership.`;
    const title = 'Add an "If this fails" line to fill in';
    if (valueExchange) {
      report({ message, range, fix: { title, edits: [insertAtEndOf(doc, valueExchange, failureCostPrompt(text.names.partnerName))] } });
    } else {
      // Adding the missing Value Exchange section brings this line with it; offer it, don't force it.
      report({ message, range, suggestions: [{ title, edits: [insertBefore(doc, sections.get('timeline'), failureCostPrompt(text.names.partnerName))] }] });
    }
  },
};
