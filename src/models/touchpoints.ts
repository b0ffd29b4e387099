import type { StrategyDocument } from '../core/document';
import { hasPhrase, type Vocabulary } from '../core/vocabulary';
import { itemsOf } from '../core/items';
import { listOr } from './tiers';

/**
 * The recurring touchpoints a partnership keeps once it is live: a business review, a health
 * review, a steering group that meets on a cadence, a check-in every month. Launch plans have
 * their own post-launch follow-ups (launch-phases.ts); this is the same question asked of a
 * strategy or a rollout: after launch, when do both sides sit down again?
 */

const CADENCE = String.raw`(?:daily|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|semi-?annual(?:ly)?|annual(?:ly)?|yearly|recurring|regular)`;
const MEETING = String.raw`(?:reviews?|check-?ins?|syncs?|meetings?|calls?|touch-?points?|touch\s+base|catch-?ups?|retros?|retrospectives?|1:1s?|one-on-ones?|huddles?|cadence|office\s+hours)`;
const PERIOD = String.raw`(?:other\s+)?(?:week|month|quarter|half|year|sprint)`;

// vocabulary candidate
/** Wording that shows a recurring touchpoint with partners after launch. */
export const RECURRING_TOUCHPOINTS: readonly string[] = [
  'QBR', 'QBRs', 'MBR', 'MBRs', 'business review', 'business reviews', 'account review', 'account reviews',
  'partner review', 'partner reviews', 'partnership review', 'partnership reviews', 'health review', 'health reviews',
  'health check', 'health checks', 'health score', 'health scores', 'partner health', 'partnership health',
  'steering committee', 'steering group', 'steering meeting', 'steering meetings', 'steering cadence', 'governance cadence',
  'operating cadence', 'review cadence', 'joint review', 'joint reviews', 'annual review', 'annual reviews',
  // A cadence word before a meeting word ("monthly check-in", "quarterly partner review").
  `/\\b${CADENCE}\\b[^.\\n]{0,40}?\\b${MEETING}(?![\\p{L}])/`,
  // A meeting word before its period ("reviews every quarter", "meets each month").
  `/\\b(?:${MEETING}|meets?|meet)\\b[^.\\n]{0,40}?\\b(?:every|each|per|once\\s+(?:a|per|every)|twice\\s+(?:a|per))\\s+${PERIOD}\\b/`,
];

/** True when the text of `doc` (items and headings) names a recurring touchpoint. */
export function hasRecurringTouchpoint(doc: StrategyDocument, vocabulary: Vocabulary): boolean {
  const phrases = listOr(vocabulary, 'recurringTouchpoints', RECURRING_TOUCHPOINTS);
  return itemsOf(doc, doc.root.children).some((i) => hasPhrase(i.text, phrases))
    || doc.sections.some((s) => s !== doc.title && hasPhrase(s.title, phrases));
}
