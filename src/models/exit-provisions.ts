import type { CharterText, Match, Span } from './commitments';
import type { CharterVocabulary } from './charter-vocabulary';
import { findInProse, itemAt } from './prose';
import { wordsPattern } from './word-pattern';

/**
 * What a document says about how a partnership ends: the framework's seventh common mistake is
 * "no clear exit criteria: define upfront what failure looks like and when to deprioritize".
 *
 * An exit provision is anything a careful reviewer would accept as saying when a partnership is
 * ended, downgraded or not renewed: a termination clause or notice period (the charter's exit
 * words), a tier demotion or removal from the program, a consequence for a partner who misses its
 * minimums, a renewal or re-evaluation made against criteria, a go/no-go decision. A re-evaluation
 * with no criteria ("pricing will be re-evaluated after 9 months") is not one: it is where the
 * decision would be taken, with nothing to take it by.
 */

/** Wording beyond the charter's exit words that says when a partnership is ended or downgraded. */
// vocabulary candidate
export const EXIT_PROVISION_TERMS: readonly string[] = [
  'probation', 'probationary', 'non-renewal', 'nonrenewal', 'revoke', 'revokes', 'revoked', 'revocation', 'offboard', 'offboarded',
  'offboarding', 'off-boarding', 'discontinue the partnership', 'discontinue a partnership', 'discontinued partnerships',
  'kill criteria', 'stop criteria', 'no-go', 'phase out the partnership',
  wordsPattern([
    'demot(?:e|es|ed|ing|ion|ions)', 'downgrad(?:e|es|ed|ing)', 'relegat(?:e|es|ed|ion)', 'not\\s+(?:be\\s+)?renewed',
    'deprioriti[sz]e\\s+(?:the|a|this|that|underperforming)\\s+partner(?:s|ships?)?',
    'remov(?:e|es|ed|al)\\s+(?:\\w+\\s+)?from\\s+(?:the\\s+)?(?:program|programme|partner\\s+(?:program|programme|directory|list|network)|tier|marketplace)',
    'los(?:e|es|ing)\\s+(?:their\\s+|its\\s+|the\\s+)?(?:tier|partner\\s+status|program\\s+status|status|membership|benefits)',
    'move[sd]?\\s+down\\s+(?:a|one)\\s+(?:tier|level)',
    // A consequence for a partner who falls short: "partners who fail to meet the minimum ...".
    '(?:fail(?:s|ing)?\\s+to\\s+(?:meet|maintain|reach|achieve)|fall(?:s|ing)?\\s+below|do(?:es)?\\s+not\\s+(?:meet|maintain))\\s+(?:the\\s+|its\\s+|their\\s+|a\\s+|these\\s+)?(?:minimums?|requirements?|targets?|thresholds?|commitments?|criteria|quotas?)',
    // A renewal decided on something: "renewal is subject to meeting the targets".
    'renew(?:al|als|ed|s)?(?![\\p{L}\\p{N}_])[^.;\\n]{0,60}?(?<![\\p{L}\\p{N}_])(?:subject\\s+to|contingent\\s+on|conditional\\s+on|based\\s+on|provided\\s+that|only\\s+if|if\\s+(?:the\\s+)?partners?)',
    '(?:tiers?|status|membership|levels?)\\s+(?:(?:is|are|will\\s+be)\\s+)?(?:re-?)?(?:reviewed|evaluated|assessed|validated|certified)\\s+(?:annually|yearly|quarterly|every|each|against)',
  ]),
];

/** A re-evaluation: where a partnership is weighed again. With criteria it is an exit provision. */
// vocabulary candidate
export const REEVALUATION_TERMS: readonly string[] = [
  wordsPattern(['re-?(?:evaluat|assess|consider)\\w*', 'revisit(?:s|ed|ing)?']),
];

/** A time the re-evaluation is set for: "after 9 months", "every quarter", "annually", "in Q3". */
const SCHEDULED = /\b(?:(?:after|in|within|every|each|at\s+the\s+end\s+of|by)\s+(?:the\s+first\s+)?(?:\d+|one|two|three|four|six|nine|twelve|eighteen)?\s*(?:days?|weeks?|months?|quarters?|years?)\b|annually|quarterly|yearly|monthly|q[1-4]\b)/i;

/** Words that give a re-evaluation something to decide by. */
const CRITERIA = /\b(?:against|criteria|criterion|based\s+on|if|whether|unless|threshold|target|targets|metric|metrics)\b/i;

export interface ExitProvisions {
  /** Wording that says when a partnership ends, is downgraded or is not renewed (first few, in order). */
  readonly provisions: readonly Match[];
  /** Re-evaluations the text schedules for a time with nothing to decide by ("re-evaluated after 9 months"). */
  readonly openReviews: readonly Match[];
}

/** The exit provisions of the whole document (prose only: code and placeholders are masked). */
export function readExitProvisions(text: CharterText, words: CharterVocabulary): ExitProvisions {
  const all: Span = { start: 0, end: text.masked.length };
  const provisions = [...findInProse(text, words.exitTerms, all), ...findInProse(text, EXIT_PROVISION_TERMS, all)]
    .filter((m) => !text.negatedAt(m.start, Math.max(0, m.start - 40)) || /^no[\s-]go$/i.test(m.text));
  const openReviews: Match[] = [];
  for (const m of text.find(REEVALUATION_TERMS, all)) {
    const item = itemAt(text.items, m);
    if (!item) continue;
    const rest = text.slice({ start: m.end, end: item.end });
    if (CRITERIA.test(rest)) provisions.push(m);
    // Only a scheduled one is where the decision would be taken ("re-evaluated after 9 months").
    else if (SCHEDULED.test(text.slice(item))) openReviews.push(m);
  }
  provisions.sort((a, b) => a.start - b.start);
  return { provisions, openReviews };
}
