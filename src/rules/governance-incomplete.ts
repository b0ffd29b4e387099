import { ruleMeta, type Rule, type RuleContext } from '../core/rule';
import type { StrategyDocument } from '../core/document';
import { hasPhrase } from '../core/vocabulary';
import { models, mentionsName, personNames, type ContentItem, type Models } from '../models';

/** Both sides, as one subject: "both parties", "each company", "the two companies", "jointly", "mutual". */
const BOTH = String.raw`(?:both\s+(?:parties|companies|sides|partners|teams|organi[sz]ations)|each\s+(?:party|company|side)|the\s+(?:two\s+companies|parties)|jointly|mutual(?:ly)?|joint)`;
const DECIDE = String.raw`(?:agree[sd]?|agreement|decide[ds]?|decisions?|approv(?:e[sd]?|al)|consent|sign[\s-]?off)`;
/** A decision that rests with both sides, in either order: "both parties must agree", "decided jointly". */
const JOINT_DECISION = new RegExp(String.raw`\b${BOTH}\b[^.;:\r\n]{0,40}?\b${DECIDE}\b|\b${DECIDE}\b[^.;:\r\n]{0,40}?\b${BOTH}\b`, 'i');

const SENTENCE_BREAK = /[.;!?](?:\s+|$)|\r\n|\r|\n/;

function jointDecision(text: string): boolean {
  return JOINT_DECISION.test(text);
}

export const governanceIncomplete: Rule = {
  meta: ruleMeta({
    id: 'governance-incomplete',
    description: 'Governance names a decision owner on each side, an escalation path and exit criteria.',
    defaultSeverity: 'warning',
    checks: ['governance'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const charter = m.words;
    const governance = m.charterSections().get('governance');
    if (!governance && !m.charterShaped()) {
      ownFormGovernance(doc, m, report);
      return;
    }
    // A missing or empty section is reported by charter-missing-section / charter-empty-section.
    if (!governance || !m.hasSubstance(governance)) return;
    const parties = m.parties();
    const companies = [...parties.us, ...parties.partner, ...parties.either];

    /** Governance's items, plus those of any section titled for the element ("## Exit criteria"). */
    const itemsFor = (terms: readonly string[]): ContentItem[] => {
      const others = doc.sections.filter((s) => s !== doc.title && s !== governance && hasPhrase(s.title, terms));
      const own = m.content(governance);
      // Another section's title says what its lines are about: "Exit criteria: either gate missed twice".
      const titled = others.flatMap((s) => m.content(s).map((c) => ({ item: c.item, text: c.text, clean: `${s.title}: ${c.clean}`, substantive: c.substantive })));
      return [...own, ...titled].filter((c) => c.substantive);
    };

    // (a) Decision owners on both sides: an owner word or a named person, and a word for each side.
    let us = false;
    let partner = false;
    const people = new Set<string>();
    const eitherNamed = new Set<string>();
    for (const c of itemsFor(charter.decisionOwnerTerms)) {
      // "Globex Cloud" looks like a person's name; a company is not a decision owner.
      const named = personNames(c.item.text).filter((n) => !hasPhrase(n, charter.decisionOwnerTerms) && !mentionsName(n, companies));
      if (!hasPhrase(c.clean, charter.decisionOwnerTerms) && named.length === 0) continue;
      for (const n of named) people.add(n.toLowerCase());
      if (hasPhrase(c.clean, charter.bothSidesTerms)) us = partner = true;
      us ||= hasPhrase(c.clean, charter.partyTerms.us) || mentionsName(c.clean, parties.us);
      partner ||= hasPhrase(c.clean, charter.partyTerms.partner) || mentionsName(c.clean, parties.partner);
      for (const name of parties.either) if (mentionsName(c.clean, [name])) eitherNamed.add(name);
    }
    for (let i = 0; i < eitherNamed.size; i++) {
      if (!us) us = true;
      else if (!partner) partner = true;
    }
    // "Both parties must agree", "jointly decided by both companies": when nobody is named as an
    // owner, decisions are said to rest with both sides. (It names no escalation path or exit.)
    if (!us && !partner && itemsFor(charter.decisionOwnerTerms).some((c) => c.clean.split(SENTENCE_BREAK).some((sentence) => jointDecision(sentence)
      // "Disputes both parties cannot agree on go to the CEOs", "end it by mutual agreement": an escalation or an exit.
      && !hasPhrase(sentence, charter.escalationTerms) && !hasPhrase(sentence, charter.exitTerms)))) us = partner = true;
    // Two named people ("Dana Reyes and Lee Park decide together") are one per side.
    if (people.size >= 2) us = partner = true;

    const usName = parties.usLabel;
    const partnerName = parties.partnerLabel;
    const anchor = governance.headingRange;
    if (!us && !partner) {
      report({ message: `Governance does not say who decides for either side. Name a decision owner, person and role, for ${usName} and for ${partnerName}.`, range: anchor });
    } else if (!us || !partner) {
      const [has, lacks] = us ? [usName, partnerName] : [partnerName, usName];
      report({ message: `Governance names who decides for ${has} but not for ${lacks}. Add the decision owner for ${lacks}, by name and role.`, range: anchor });
    }

    // (b) Escalation path.
    if (!itemsFor(charter.escalationTerms).some((c) => hasPhrase(c.clean, charter.escalationTerms))) {
      report({ message: 'Governance has no escalation path. Say who settles a disagreement the decision owners cannot resolve, and how quickly.', range: anchor });
    }

    // (c) Exit criteria.
    if (!itemsFor(charter.exitTerms).some((c) => hasPhrase(c.clean, charter.exitTerms))) {
      report({ message: 'Governance has no exit criteria. Write down what would end the partnership, for example a missed go/no-go gate, and how much notice either side gives.', range: anchor });
    }
  },
};

/**
 * An agreement in its own form (no Governance section, not written to the charter's outline)
 * whose text covers part of governance: people who run it, an escalation path, what ends the
 * partnership. What is missing is named in one message, on the section that names the people
 * (or the title). When none of it is there, charter-missing-section says so; standard program
 * terms, posts and announcements, and texts mostly in another script are not asked.
 */
function ownFormGovernance(doc: StrategyDocument, m: Models, report: RuleContext['report']): void {
  if (doc.kind !== 'partnership-charter' || m.publishedPost() || !m.voice().latinScript) return;
  const { standardTerms, announcement, owners, escalation, exit } = m.agreementCoverage();
  if (standardTerms || announcement || (owners.sides === 'none' && !escalation && !exit)) return;
  const gaps: string[] = [];
  const asks: string[] = [];
  if (owners.sides === 'none') {
    gaps.push('no owner or contact is named on either side');
    asks.push('Name a decision owner on each side, by name and role.');
  } else if (owners.sides === 'one-side') {
    gaps.push(`people are named for ${owners.has} only, nobody for ${owners.lacks}`);
    asks.push(`Name an owner for ${owners.lacks}.`);
  }
  if (!escalation) {
    gaps.push('nothing says how a disagreement escalates');
    asks.push('Say who settles what the owners cannot.');
  }
  if (!exit) {
    gaps.push('nothing says what would end the partnership');
    asks.push('Say what ends it, and with how much notice.');
  }
  if (gaps.length === 0) return;
  const listed = gaps.length === 1 ? gaps[0]! : `${gaps.slice(0, -1).join(', ')} and ${gaps[gaps.length - 1]}`;
  report({
    message: `Governance is incomplete: ${listed}. ${asks.join(' ')}`,
    range: owners.section?.headingRange ?? doc.title?.headingRange ?? doc.index.lineRange(0),
  });
}
