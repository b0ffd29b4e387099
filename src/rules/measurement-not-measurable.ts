import { ruleMeta, type Rule, type RuleContext } from '../core/rule';
import type { Section } from '../core/document';
import { findPhrases, hasPhrase } from '../core/vocabulary';
import { isNumericTarget, models, type ContentItem, type MetricList, type Models } from '../models';

function substantive(m: Models, section: Section | undefined): ContentItem[] {
  return section ? m.content(section).filter((c) => c.substantive) : [];
}

export const measurementNotMeasurable: Rule = {
  meta: ruleMeta({
    id: 'measurement-not-measurable',
    description: 'Measurement sets numeric targets and says how often both sides review them; a list of KPIs gives its metrics targets.',
    defaultSeverity: 'warning',
    checks: ['metrics'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const measurement = doc.kind === 'partnership-charter' ? m.charterSections().get('measurement') : undefined;
    const charter = doc.kind === 'partnership-charter';
    for (const list of m.metricLists()) {
      if (list.target) continue;
      // A charter's Measurement section is judged as a whole below, and its goals, which the
      // framework asks to say what success looks like for each side, need no number of their own.
      if (charter && (list.kind === 'goals' || (measurement && list.section.start >= measurement.start && list.section.end <= measurement.end))) continue;
      report({ message: listMessage(list), range: list.range });
    }
    if (charter) {
      checkCharter(m, doc, vocabulary, report);
      return;
    }
    // "Sales targets: achievement of agreed sales targets": once per document, on the first such line.
    const unset = m.unsetTargets();
    if (unset.length > 0) {
      const lines = unset.length === 1 ? 'This line names a target' : `This line and ${unset.length - 1} more name targets`;
      report({
        message: `${lines} without a number, so no one can tell whether it was met. Write the figure and the period, for example $250K of co-sold bookings per half-year, or say where the agreed numbers are kept.`,
        range: unset[0]!.range,
      });
    }
  },
};

function listMessage(list: MetricList): string {
  const title = list.title.replace(/^\s*(?:\d+(?:\.\d+)*|[ivx]{1,4}|[a-z])[.)]\s+/i, '').replace(/[\s:]+$/, '');
  return list.kind === 'metrics'
    ? `"${title}" names what to measure but sets no number for any of it. Give each metric a baseline, a target and a date, for example partner-sourced pipeline from $0 to $1.5M by the end of Q3, so a review can tell whether the partnership is on track.`
    : `"${title}" puts no number on any goal, so no one can tell when one is met. Give the main goals a number and a date, for example 5 reseller partners signed and $300K of partner-sourced pipeline by the end of the fiscal year.`;
}

function checkCharter(m: Models, doc: RuleContext['doc'], vocabulary: RuleContext['vocabulary'], report: RuleContext['report']): void {
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
}
