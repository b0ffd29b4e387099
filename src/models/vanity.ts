import type { CharterText, Clause, Match, Span } from './commitments';
import type { Tier, TierModel } from './tiers';
import { wordsPattern } from './word-pattern';

/**
 * The framework's sixth common mistake, "pursuing partnerships for vanity: brand name or funding
 * connections don't equal customer value", read from what a document itself gives as the reason
 * to partner. A vanity pitch is a sentence that names the partnership (partnering, sponsoring, an
 * alliance) and offers exposure as what it brings: "sponsoring us gives you exposure to our
 * users", "the partnership builds brand recognition", "to be seen alongside the leading vendors".
 *
 * Exposure as one benefit among real ones is fine. Whether anything real stands beside it is read
 * from two places: what the program's tiers give (a tier with support, discounts, training,
 * roadmap input or leads gives something real; one with only logo placements and listings does
 * not), and the rest of the text (an integration, revenue, customers, costs or a requirement named
 * anywhere outside the pitches).
 */

/** Exposure offered as a benefit: visibility, brand recognition, a logo placement, being seen with someone. */
// vocabulary candidate
export const EXPOSURE_TERMS: readonly string[] = [
  wordsPattern([
    '(?:(?:great|more|greater|broad|wide|global|maximum|high|brand|sponsor(?:ship)?|positive|public|extra|additional|increased)\\s+)?exposure(?!\\s+to\\s+(?:risks?|liabilit\\w*|loss\\w*|fraud|attacks?))',
    '(?:brand|market|public|industry|increased|more|greater|additional)\\s+visibility(?!\\s+(?:into|over|across|of\\s+(?:the\\s+)?(?:pipeline|usage|data|spend|progress)))',
    'brand\\s+(?:recognition|awareness|image|presence|association|lift|halo|credibility|prestige)',
    'name\\s+recognition',
    'logo\\s+(?:placements?|on|in)',
    '(?:be|being|get|gets)\\s+seen\\s+(?:with|alongside|next\\s+to)',
    '(?:raise|raises|raising|lift|lifts|boost|boosts)\\s+(?:our|your|its|their)\\s+(?:public\\s+)?profile',
    'big-?name\\s+(?:logos?|brands?|partners?)', 'marquee\\s+(?:logos?|names?|brands?)', 'halo\\s+effect', 'prestige', 'bragging\\s+rights',
  ]),
];

/** Words that name the partnership itself. */
// vocabulary candidate
export const PARTNERING_TERMS: readonly string[] = [
  wordsPattern(['sponsor(?:s|ing|ed|ship|ships)?', 'partner(?:s|ing|ed|ship|ships)?', 'alliances?', 'co-?branding', 'backing']),
];

/** Verbs that offer something as a benefit: "gives you", "builds", "for". */
// vocabulary candidate
export const BENEFIT_VERBS: readonly string[] = [
  wordsPattern([
    'give(?:s|n)?', 'gain(?:s|ed)?', 'get(?:s)?', 'build(?:s)?', 'improve(?:s|d)?', 'increase(?:s|d)?', 'boost(?:s|ed)?', 'raise(?:s|d)?',
    'bring(?:s)?', 'offer(?:s|ed)?', 'provide(?:s|d)?', 'earn(?:s|ed)?', 'enhance(?:s|d)?', 'grow(?:s)?', 'lend(?:s)?', 'benefit(?:s)?',
    'in\\s+exchange\\s+for', 'in\\s+return\\s+for', 'for\\s+(?:the\\s+)?(?:sake\\s+of|purpose\\s+of)', 'to\\s+(?:gain|get|build|increase|boost|raise)',
  ]),
];

/** Reasons to partner beyond exposure: money, customers, the product, a requirement. */
// vocabulary candidate
export const REAL_REASON_TERMS: readonly string[] = [
  wordsPattern([
    'integrat\\w*', 'revenue\\w*', 'customers?', 'leads', 'pipeline', 'sales', 'sell\\w*', 'resell\\w*', 'deals?', 'costs?', 'sav(?:e|es|ings?)',
    'margins?', 'discounts?', 'referral\\w*', 'commissions?', 'rebates?', 'requirements?', 'required', 'certif\\w*', 'complian\\w*',
    'roadmap', 'engineering', 'support(?:s|ed|ing)?', 'training', 'relies\\s+on', 'rel(?:y|ying)\\s+on', 'depend\\w*', 'retention', 'churn',
    'market\\s+share', 'co-?sell\\w*', 'joint\\s+(?:solution|product|offering)s?', 'API', 'APIs',
  ]),
];

/** What a tier gives that is more than a logo or a listing: help, money, access, a voice. */
// vocabulary candidate
export const REAL_BENEFIT_TERMS: readonly string[] = [
  wordsPattern([
    'support(?:s|ed|ing)?', 'discounts?', 'training', 'consult\\w*', 'priority', 'roadmap', 'access', 'credits?', 'seats?', 'licen[cs]e\\w*',
    'hours', 'engineer\\w*', 'integrat\\w*', 'certif\\w*', 'referrals?', 'revenue\\w*', 'margins?', 'MDF', 'market\\s+development',
    'deal\\s+registration', 'co-?sell\\w*', 'advis\\w*', 'dedicated', 'SLA', 'office\\s+hours', 'workshops?', 'tickets?', 'votes?', 'voting',
    'board', 'input', 'influence', 'API', 'rebates?', 'commissions?', 'leads', 'account\\s+manager', 'technical', 'sandbox', 'NFR',
    'funding', 'grants?', 'enablement', 'onboarding', 'beta', 'preview', 'demo\\w*',
  ]),
];

/** What a tier gives that only shows the partner's name: a logo, a listing, a mention. */
// vocabulary candidate
export const VISIBILITY_PERK_TERMS: readonly string[] = [
  wordsPattern([
    'logos?', 'name\\s+(?:listed|on|in)', 'listed', 'listings?', 'shout-?outs?', 'mentions?', 'mentioned', 'retweets?', 'thanks?', 'thanked',
    'acknowledg\\w*', 'badges?', 'placements?', 'recognition', 'credited', 'exposure', 'visibility',
  ]),
];

/** A sentence that offers exposure as what the partnership brings. */
export interface VanityPitch {
  /** The exposure words (the squiggle). */
  exposure: Match;
  /** The sentence. */
  clause: Clause;
}

/** Where a document offers exposure as the reason to partner, and whether its tiers give anything more. */
export interface VanityReading {
  pitches: readonly VanityPitch[];
  /** Whether the text outside the pitches names a reason beyond exposure (an integration, customers, revenue, a requirement…). */
  namesOtherReason: boolean;
  /** The tier model when every tier gives only logo placements, listings and mentions; undefined otherwise (and when there is no pitch). */
  visibilityOnlyTiers: TierModel | undefined;
}

/** The vanity reading of a document: its exposure pitches, and its tiers when they offer visibility only. */
export function readVanity(text: CharterText, tiersOf: () => TierModel | undefined): VanityReading {
  const pitches: VanityPitch[] = [];
  const whole: Span = { start: 0, end: text.masked.length };
  // Most documents never offer exposure: one scan of the whole text says so, and nothing else is read.
  if (!text.has(EXPOSURE_TERMS, whole)) return { pitches, namesOtherReason: false, visibilityOnlyTiers: undefined };
  for (const clause of text.clauses) {
    const exposure = text.find(EXPOSURE_TERMS, clause).find((m) => !text.negatedAt(m.start, clause.start) && !contrasted(text.slice({ start: clause.start, end: m.start })));
    if (!exposure) continue;
    if (!text.has(PARTNERING_TERMS, clause) || !text.has(BENEFIT_VERBS, clause)) continue;
    pitches.push({ exposure, clause });
  }
  if (pitches.length === 0) return { pitches, namesOtherReason: false, visibilityOnlyTiers: undefined };
  const inPitch = (at: number) => pitches.some((p) => p.clause.start <= at && at < p.clause.end);
  const namesOtherReason = text.find(REAL_REASON_TERMS, whole).some((m) => !inPitch(m.start) && !text.negatedAt(m.start, Math.max(0, m.start - 30)));
  const tiers = tiersOf();
  return { pitches, namesOtherReason, visibilityOnlyTiers: tiers && visibilityOnly(text, tiers) ? tiers : undefined };
}

/** "more than exposure", "not just visibility", "beyond the logo": exposure set against something else. */
function contrasted(before: string): boolean {
  return /\b(?:more\s+than|beyond|rather\s+than|instead\s+of|not\s+(?:just|only|merely|simply)|over\s+and\s+above|besides)\s+(?:\S+\s+){0,3}$/i.test(before.slice(-80));
}

/** Whether every tier gives only a logo, a listing or a mention, and at least two tiers are described. */
function visibilityOnly(text: CharterText, model: TierModel): boolean {
  if (model.tiers.length < 2) return false;
  const spans = model.tiers.map((tier) => benefitSpan(text, tier));
  if (spans.filter((span) => span.end > span.start).length < 2) return false;
  return spans.every((span) => !text.has(REAL_BENEFIT_TERMS, span) && (span.end <= span.start || text.has(VISIBILITY_PERK_TERMS, span)));
}

/** A tier's description after the words that name it (its heading, first cell or bold lead). */
function benefitSpan(text: CharterText, tier: Tier): Span {
  const named = text.doc.index.offsetAt(tier.range.end);
  return { start: named > tier.start && named <= tier.end ? named : tier.start, end: tier.end };
}
