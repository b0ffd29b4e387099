import { blankLineBefore } from '../core/text';
import { ruleMeta, type Rule } from '../core/rule';
import type { TextEdit } from '../core/types';
import type { StrategyDocument, Section } from '../core/document';
import { normalizeHeading } from '../core/vocabulary';
import { models, headingSpan, namedPrompt, type Clause, type Span } from '../models';

/** Title of the section the fix inserts; a section whose title says "leverage" is the assessment. */
export const LEVERAGE_HEADING = 'Leverage';

/** The body of the inserted leverage assessment: the five types, strongest first, and the qualifying question. */
export const LEVERAGE_TEMPLATE_LINES: readonly string[] = [
  'Say which of these the partner gets from us, strongest first, and delete the ones that do not apply:',
  '',
  '- **Requirement:** [the certification, compliance rule or program status they can only keep with us]',
  '- **Economic:** [the money they make or save because of us, in their own P&L terms]',
  '- **Competitive:** [the edge over their rivals this gives them, and for how long]',
  '- **Customer:** [proof their customers ask for it: tickets, lost deals, requests]',
  '- **Co-marketing:** [webinars, content, logos: pleasant to have, never the reason to sign]',
  '',
  'Then ask the partner: "If we don\'t do this partnership, what happens to you?"',
  '',
  '- "We would lose a certification or our program status": strong leverage, worth a full commitment.',
  '- "We might lose some customers": moderate leverage, test it with a small pilot first.',
  '- "Nothing really changes": no leverage, walk away.',
];
const TEMPLATE = new Set(LEVERAGE_TEMPLATE_LINES.map((l) => l.trim()).filter(Boolean));

/** The template's lines with the partner's name where the document gives one. */
export function leverageTemplateLines(partnerName: string | undefined): string[] {
  return LEVERAGE_TEMPLATE_LINES.map((l) => namedPrompt(l, partnerName));
}

function isLeverageHeading(title: string): boolean {
  return /\bleverage\b/.test(normalizeHeading(title));
}

function fromTemplate(doc: StrategyDocument, clause: Clause, named: ReadonlySet<string>): boolean {
  const line = doc.text.slice(clause.item.start, clause.item.end).trim();
  return TEMPLATE.has(line) || named.has(line);
}

function templateEdit(doc: StrategyDocument, before: Section | undefined, partnerName: string | undefined): TextEdit {
  const eol = doc.index.eol;
  const heading = before?.pseudo
    ? `**${LEVERAGE_HEADING}:**`
    : `${'#'.repeat(before && !before.pseudo ? before.depth : Math.min(6, (doc.title?.depth ?? 1) + 1))} ${LEVERAGE_HEADING}`;
  const block = [heading, '', ...leverageTemplateLines(partnerName)].join(eol);
  if (before) {
    const at = doc.index.positionAt(before.start);
    return { range: { start: at, end: at }, newText: block + eol + eol };
  }
  const at = doc.index.positionAt(doc.text.length);
  return { range: { start: at, end: at }, newText: blankLineBefore(doc.text, eol) + block + eol };
}

/**
 * Co-marketing is the weakest leverage there is: joint webinars, logo swaps and press releases
 * rarely close a deal. When a charter's only leverage is co-marketing (no requirement, economic,
 * competitive or customer leverage anywhere), it is reported on the first co-marketing mention.
 */
export const leverageCoMarketingOnly: Rule = {
  meta: ruleMeta({
    id: 'leverage-co-marketing-only',
    description: 'A charter whose only leverage is co-marketing needs a stronger reason for the partner to care.',
    defaultSeverity: 'warning',
    checks: ['leverage'],
    fixable: true,
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    // A post announcing a partnership reports it; whether the partner needs us is the plan's question.
    if (m.publishedPost()) return;
    const text = m.commitments();
    const partnerName = m.parties().partner[0];
    const named = new Set(leverageTemplateLines(partnerName).map((l) => l.trim()).filter(Boolean));
    const clauses = text.clauses.filter((c) => !fromTemplate(doc, c, named));
    // A bold lead-in is a category, not evidence: "**Requirement:** none" shows no requirement leverage.
    const content = (c: Clause): Span => (c.label ? { start: c.label.end, end: c.end } : c);

    // A leverage assessment that is still all prompts is placeholder-left's business.
    const assessment = doc.sections.find((s) => s !== doc.title && isLeverageHeading(s.title));
    if (assessment) {
      const filled = clauses.some((c) => c.start >= assessment.contentStart && c.start < assessment.end && /[\p{L}\p{N}]/u.test(text.slice(content(c))));
      if (!filled) return;
    }

    const { requirement, economic, competitive, customer } = vocabulary.leverageTerms;
    const evidence = (span: Span) => [requirement, economic, competitive, customer].some(
      (list) => text.find(list, span).some((found) => !text.negatedAt(found.start, span.start)),
    );
    const headings = doc.sections.filter((s) => s !== doc.title && !isLeverageHeading(s.title)).map((s) => headingSpan(doc, s));
    if (clauses.some((c) => evidence(content(c))) || headings.some(evidence)) return;

    // The first co-marketing mention, in prose or in a heading. A paragraph that is only a link
    // ("* [Press release](…)") points at coverage already published: not leverage either way.
    const references = m.references();
    const linkedTo = (at: number) => references.some((r) => r.start <= at && at < r.end);
    const mentions = [...clauses, ...headings]
      .flatMap((span) => text.find(vocabulary.coMarketingTerms, span).filter((found) => !text.negatedAt(found.start, span.start) && !linkedTo(found.start)))
      .sort((a, b) => a.start - b.start);
    const first = mentions[0];
    if (!first) return;

    const timeline = m.charterSections().get('timeline');
    report({
      message: `The only leverage in this charter is co-marketing, which rarely closes a deal. Say why ${partnerName ?? 'the partner'} needs you (a certification or program requirement, money they make or save, an edge over competitors, or customers asking for it), or walk away.`,
      range: doc.index.rangeOf(first.start, first.end),
      ...(assessment ? {} : { fix: { title: 'Add a leverage assessment to fill in', edits: [templateEdit(doc, timeline, partnerName)] } }),
    });
  },
};
