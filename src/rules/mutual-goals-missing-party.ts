import { ruleMeta, type Rule } from '../core/rule';
import { findPhrases, hasPhrase } from '../core/vocabulary';
import { models, mentionsName, type CharterVocabulary } from '../models';

/** Words that may sit between an acquisition verb and "customers": "reach (40 more paying) customers". */
const BETWEEN_LIMIT = 3;
const BREAKS_OBJECT = /^(?:for|to|with|by|so|that|and|or|while|because|of|in|on|helps?|help)$/i;

/**
 * Whether `text` speaks of customers as people whose situation improves, not only as the object
 * of one side's growth ("reach more customers", "access to their customers").
 */
function customersAsBeneficiaries(text: string, charter: CharterVocabulary): boolean {
  const verbs = findPhrases(text, charter.customerAcquisitionTerms);
  for (const mention of findPhrases(text, charter.partyTerms.customers)) {
    const acquired = verbs.some((verb) => {
      if (verb.end > mention.start) return false;
      const between = text.slice(verb.end, mention.start);
      if (/[.,;:!?()\r\n]/.test(between)) return false;
      const words = between.split(/\s+/).filter(Boolean);
      return words.length <= BETWEEN_LIMIT && !words.some((w) => BREAKS_OBJECT.test(w));
    });
    if (!acquired) return true;
  }
  return false;
}

export const mutualGoalsMissingParty: Rule = {
  meta: ruleMeta({
    id: 'mutual-goals-missing-party',
    description: 'Mutual Goals says what success looks like for your company, for the partner and for shared customers.',
    defaultSeverity: 'warning',
    checks: ['charter-sections'],
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const charter = m.words;
    const section = m.charterSections().get('mutual-goals');
    // A missing or empty section is reported by charter-missing-section / charter-empty-section.
    if (!section || !m.hasSubstance(section)) return;
    const parties = m.parties();
    const items = m.content(section).filter((c) => c.substantive);

    let us = false;
    let partner = false;
    let customers = false;
    const eitherNamed = new Set<string>();
    for (const { clean: text } of items) {
      const forUs = hasPhrase(text, charter.partyTerms.us) || mentionsName(text, parties.us);
      const forPartner = hasPhrase(text, charter.partyTerms.partner) || mentionsName(text, parties.partner);
      const forCustomers = customersAsBeneficiaries(text, charter);
      for (const name of parties.either) if (mentionsName(text, [name])) eitherNamed.add(name);
      if (hasPhrase(text, charter.bothSidesTerms)) us = partner = true;
      us ||= forUs;
      partner ||= forPartner;
      customers ||= forCustomers;
      // A goal that names nobody ("Grow together and reach more customers") is the author's own,
      // unless it only introduces a list ("Success looks like this:").
      const named = forUs || forPartner || forCustomers || mentionsName(text, parties.either);
      if (!named && !/:\s*$/.test(text.trim())) us = true;
    }
    // Title names with no side known ("Acme × Globex", no front matter) fill whichever side is open.
    for (let i = 0; i < eitherNamed.size; i++) {
      if (!us) us = true;
      else if (!partner) partner = true;
    }

    const partnerName = parties.partner[0];
    const missing: string[] = [];
    if (!us) {
      missing.push(parties.us[0]
        ? `Mutual Goals does not say what success looks like for ${parties.us[0]}. Add the outcome you need from this partnership, with a number and a date.`
        : 'Mutual Goals does not say what success looks like for your company. Add the outcome you need from this partnership, with a number and a date.');
    }
    if (!partner) {
      missing.push(partnerName
        ? `Mutual Goals does not say what success looks like for ${partnerName}. Add the outcome they need (revenue, retention, fewer support tickets), with a number and a date.`
        : 'Mutual Goals does not say what success looks like for the partner. Add the outcome they need (revenue, retention, fewer support tickets), with a number and a date.');
    }
    if (!customers) {
      missing.push('Mutual Goals does not say what shared customers get out of this. Add what improves for them (time saved, less integration work, one vendor) and how they would notice.');
    }
    for (const message of missing) report({ message, range: section.headingRange });
  },
};
