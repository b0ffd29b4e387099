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

/** Words that name co-marketing or ask for promotion without saying what is done: not the activities themselves. */
const UMBRELLA = /^(?:co-?marketing|joint\s+marketing|co-?promot|cross-?promot|joint\s+promotion|promot)/i;

/** A channel of one's own, which a document may name without any partner in view: a blog, social media, an event. */
const OWN_CHANNEL = /^(?:blog\s+posts?|social\s+(?:media|posts)|newsletters?|podcasts?|conferences?|meetups?|booths?|trade\s+shows?)$/i;

/** Sentences with co-marketing given as related information, at most. */
const MAX_RELATED = 5;

/**
 * The end of the last of `mentions` that starts on the first one's line, cut at the line's end: a
 * squiggle does not run on over a line break ("issue a press⏎release" ends at "press").
 */
function sameLineEnd(text: string, mentions: readonly Span[]): number {
  const first = mentions[0]!;
  const lineBreak = text.slice(first.start, mentions[mentions.length - 1]!.end).search(/[\r\n]/);
  const limit = lineBreak < 0 ? Infinity : first.start + lineBreak;
  let end = Math.min(first.end, limit);
  for (const m of mentions) if (m.start < limit) end = Math.max(end, Math.min(m.end, limit));
  return end;
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
 * competitive or customer leverage anywhere), it is reported on the co-marketing activities
 * themselves: the first sentence that names one, with the other such sentences as related information.
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

    // Co-marketing mentions, in prose and in headings. A paragraph that is only a link
    // ("* [Press release](…)") points at coverage already published: not leverage either way.
    const references = m.references();
    const linkedTo = (at: number) => references.some((r) => r.start <= at && at < r.end);
    const found = (span: Span) => text.find(vocabulary.coMarketingTerms, span).filter((f) => !text.negatedAt(f.start, span.start) && !linkedTo(f.start));
    const inProse = clauses.map((clause) => ({ clause, mentions: found(clause) })).filter((c) => c.mentions.length > 0);
    const inHeadings = headings.flatMap(found);
    // Co-marketing is done with the partner: a charter that only mentions its own blog, newsletter
    // or social media in passing has not offered co-marketing as the reason to partner.
    const all = [...inProse.flatMap((c) => c.mentions), ...inHeadings];
    if (!all.some((f) => !OWN_CHANNEL.test(f.text))) return;

    // The squiggle goes on the activities (the webinar, the logo swap), not on the words that
    // only name co-marketing ("promote us", "co-marketing") nor on a heading: on the first
    // sentence that names one, from its first activity to its last; other sentences that name
    // activities are related information. Without any activity, the first mention is used.
    const activities = inProse
      .map((c) => ({ clause: c.clause, mentions: c.mentions.filter((f) => !UMBRELLA.test(f.text)) }))
      .filter((c) => c.mentions.length > 0);
    const place = (mentions: readonly Span[]) => doc.index.rangeOf(mentions[0]!.start, sameLineEnd(doc.text, mentions));
    let range;
    let related: { message: string; range: ReturnType<typeof place> }[] = [];
    if (activities.length > 0) {
      range = place(activities[0]!.mentions);
      related = activities.slice(1, 1 + MAX_RELATED).map((c) => ({ message: 'More co-marketing, and no stronger reason beside it', range: place(c.mentions) }));
    } else {
      const first = [...inProse.flatMap((c) => c.mentions), ...inHeadings].sort((a, b) => a.start - b.start)[0]!;
      range = doc.index.rangeOf(first.start, first.end);
    }

    const timeline = m.charterSections().get('timeline');
    report({
      message: `The only leverage in this charter is co-marketing, which rarely closes a deal. Say why ${partnerName ?? 'the partner'} needs you (a certification or program requirement, money they make or save, an edge over competitors, or customers asking for it), or walk away.`,
      range,
      ...(related.length > 0 ? { relatedInformation: related } : {}),
      ...(assessment ? {} : { fix: { title: 'Add a leverage assessment to fill in', edits: [templateEdit(doc, timeline, partnerName)] } }),
    });
  },
};
