import type { Rule } from '../core/rule';
import type { Section } from '../core/document';
import { hasNumber } from '../core/quantity';
import { findDates } from '../core/dates';
import { findPhrases, hasPhrase } from '../core/vocabulary';
import { models, type CharterVocabulary, type ContentItem, type Models } from '../models';

/** Numbers that label rather than measure: "Phase 1", "Q3", "FY27", "H2", a year. */
const LABEL_NUMBERS = /\b(?:phase|stage|tier|step|wave|level|version|v|q|h|fy|cy|sprint|section|part)\s*-?\d+\b|\b(?:19|20)\d{2}\b/gi;
/** A number written as a target: a percentage, an amount, a multiple, a bound or a range. */
const TARGET_SHAPE = /\d\s*%|[$€£¥]\s?\d|\d[\d,.]*\s*(?:k|m|mm|bn|x)\b|\b(?:from|at least|or more|up to|more than|fewer than|less than|under|over|above|below|down|up)\b[^.;\r\n]{0,30}\d|[≥≤<>]=?\s*\d|\d\s*\+/i;

function blank(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** Whether an item sets a numeric target: a number next to a metric, or a number shaped like a target. */
export function isNumericTarget(text: string, charter: CharterVocabulary): boolean {
  let rest = blank(text, findDates(text));
  rest = blank(rest, findPhrases(rest, charter.reviewCadenceTerms));
  rest = rest.replace(LABEL_NUMBERS, (m) => ' '.repeat(m.length));
  if (!hasNumber(rest)) return false;
  return hasPhrase(rest, charter.metricTerms) || TARGET_SHAPE.test(rest);
}

function substantive(m: Models, section: Section | undefined): ContentItem[] {
  return section ? m.content(section).filter((c) => c.substantive) : [];
}

export const measurementNotMeasurable: Rule = {
  meta: {
    id: 'measurement-not-measurable',
    description: 'Measurement sets numeric targets and says how often both sides review them.',
    defaultSeverity: 'warning',
    kinds: ['partnership-charter'],
  },
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const charter = m.words;
    const sections = m.charterSections();
    const measurement = sections.get('measurement');
    // A missing or empty section is reported by charter-missing-section / charter-empty-section.
    if (!measurement || !m.hasSubstance(measurement)) return;
    const items = substantive(m, measurement);

    let target = items.some((c) => isNumericTarget(c.clean, charter));
    if (!target) {
      // The targets may be set in Mutual Goals: "we track the goals above", or Measurement names
      // a metric ("joint customers") that a goal puts a number on ("40 joint customers by June").
      const goals = substantive(m, sections.get('mutual-goals')).filter((c) => isNumericTarget(c.clean, charter));
      const metricsOf = (text: string) => findPhrases(text, charter.metricTerms).map((m) => m.text.toLowerCase().replace(/[\s-]+/g, ' '));
      const goalMetrics = new Set(goals.flatMap((c) => metricsOf(c.clean)));
      target = goals.length > 0 && items.some((c) => hasPhrase(c.clean, vocabulary.sectionSynonyms['mutual-goals'])
        || metricsOf(c.clean).some((m) => goalMetrics.has(m)));
    }

    // Review meetings may be set in Governance, or in a section of their own ("Operating cadence").
    const governance = sections.get('governance');
    const cadenceItems = [...items, ...substantive(m, governance)];
    for (const s of doc.sections) {
      if (s === doc.title || s === measurement || s === governance || !hasPhrase(s.title, charter.reviewCadenceTerms)) continue;
      // The section's title says what its lines are about: "Operating cadence: first Monday of each month".
      cadenceItems.push(...substantive(m, s).map((c) => ({ item: c.item, text: c.text, clean: `${s.title}: ${c.clean}`, substantive: c.substantive })));
    }
    const cadence = cadenceItems.some((c) => hasPhrase(c.clean, charter.reviewCadenceTerms));

    if (!target) {
      report({
        message: 'Measurement names no number to hit. Give each metric a target and a date, for example joint customers from 0 to 40 by the end of the walk phase.',
        range: measurement.headingRange,
      });
    }
    if (!cadence) {
      const vague = items.find((c) => hasPhrase(c.clean, charter.vagueCadenceTerms));
      const word = vague ? findPhrases(vague.clean, charter.vagueCadenceTerms)[0]!.text : undefined;
      report({
        message: word
          ? `"${word}" is not a review cadence. Say how often both sides go over the numbers, for example a monthly review plus a quarterly business review.`
          : 'Measurement does not say how often both sides review the numbers. Set a cadence, for example a monthly review plus a quarterly business review.',
        range: vague ? vague.item.range : measurement.headingRange,
      });
    }
  },
};
