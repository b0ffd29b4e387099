import type { List, ListItem } from 'mdast';
import type { Section } from '../core/document';
import { hasNumber } from '../core/quantity';
import { plain } from '../core/items';
import { findPhrases, listsOrDefaults, type Vocabulary } from '../core/vocabulary';
import { negated, type CharterText, type Clause, type Match, type Span } from './commitments';
import { sectionAtOffset } from './section-lookup';

/**
 * Rewards a program or a partnership offers (commissions, bonuses, incentives, rebates, revenue
 * shares, market development funds, grants) and funding a party puts in ("funded by Initech"),
 * each with whether the text puts a number on it. A reward is a rate or an amount: "annual
 * bonuses" says when, not how much, so only a number quantifies one (a period does not).
 *
 * A reward is offered where a list item or a table cell is about it: its bold label names it
 * ("**Base commission:** paid on every deal"), or its first words do ("Annual bonuses for top
 * performers"). A reward named only as a modifier ("commission disputes", "budget planning",
 * "MDF guidelines") is not one.
 */

/** Word lists of the reading: defaults, or the configured vocabulary's lists of the same name. */
export interface RewardVocabulary {
  /** Rewards offered to partners or put into a partnership, which need a rate or an amount. */
  rewardTerms: string[];
  /** Words of a heading or lead-in over what is offered ("Benefits", "What partners earn"); a reward term there counts too. */
  offerContextTerms: string[];
}

// vocabulary candidate
export const REWARD_VOCABULARY: RewardVocabulary = {
  rewardTerms: [
    'commission', 'commissions', 'bonus', 'bonuses', 'incentive', 'incentives', 'spiff', 'spiffs', 'rebate', 'rebates',
    'revenue share', 'revenue shares', 'revenue sharing', 'rev share', 'referral fee', 'referral fees', "finder's fee", 'finder’s fee',
    "finder's fees", 'finder’s fees', 'market development funds', 'market development fund', 'marketing development funds', 'MDF',
    'co-op funds', 'co-op fund', 'grant', 'grants', 'stipend', 'stipends', 'payout', 'payouts', 'margin', 'margins',
    'discount', 'discounts',
  ],
  offerContextTerms: [
    'benefit', 'benefits', 'reward', 'rewards', 'compensation', 'remuneration', 'economics', 'commercial terms', 'financial terms',
    'financial arrangements', 'earnings', 'earn', 'earns', 'perks', 'value exchange', 'what partners get', 'what you get',
    'what we give', 'what we offer', 'we offer', 'we provide', 'pricing', 'rates', 'payment terms', 'funding',
  ],
};

/** Words after a reward term that leave it the head of its phrase ("bonuses for top performers", "commission, paid monthly"). */
const HEAD_FOLLOWERS = new Set([
  'for', 'on', 'of', 'to', 'from', 'based', 'tied', 'linked', 'paid', 'payable', 'per', 'at', 'with', 'and', 'or', 'up', 'available',
  'eligible', 'when', 'if', 'as', 'in', 'by', 'upon', 'earned', 'offered', 'provided', 'given', 'granted', 'are', 'is', 'will', 'may',
  'can', 'through', 'via', 'under', 'above', 'over', 'after', 'once', 'that', 'which', 'where', 'depending', 'subject',
]);

/** The reward is set elsewhere: another document, a price list, an appendix. */
const POINTS_ELSEWHERE = /\b(?:see|appendix|annex|exhibit|schedule|attached|price\s*(?:list|book|sheet)|pricing\s+page|rate\s*card|agreement|contract|order\s+form|statement\s+of\s+work|sow|portal|handbook|guide|policy|program\s+terms)\b/i;
/** A link in the source: the details are on the page it points to. */
const LINK = /\]\(|\]\[|https?:\/\//;
/** An answer that says the reward is not given: "**MDF:** not available", "**Rebate:** none", "**SPIFF:** —". */
const NOT_GIVEN = /^[\s:]*(?:not\b|none\b|no\b|n\/a\b|[—–✗✘×-]\s*$)/i;

/** A bracketed prompt still to fill in: "[rate]", "[X]%". */
const BRACKET_PROMPT = /\[[^\]\r\n]{1,80}\](?![([])/;

/** Funding put in by a named party, in the passive: "funded by Initech", "co-funded and staffed by both foundations". */
/** A word FUNDED_BY needs: where none is, nothing is funded by anyone. */
const FUNDING_WORD = /(?:funded|financed|underwritten|bankrolled)\s/i;
const FUNDED_BY = /\b(?:funded|co-funded|financed|co-financed|underwritten|bankrolled)\s+(?:(?:and|&)\s+[\p{L}-]+\s+)?(?:jointly\s+)?by\b/iu;

/**
 * A unit of the work said to carry money of its own: "Each project has a goal, a budget and a
 * timeline", "every phase will get its own funding". What a party has ("Initech has a large
 * marketing budget") is its capacity, not a promise.
 */
const WORK_HAS = /\b(?:each|every|the|this|that|our|its)\s+(?:[\p{L}-]+\s+)?(?:projects?|phases?|workstreams?|work\s+streams?|initiatives?|pilots?|milestones?|deliverables?|engagements?|campaigns?|stages?|work\s+packages?)\s+(?:has|have|will\s+have|gets?|will\s+get|receives?|will\s+receive|comes?\s+with|carries|includes?|is\s+given|are\s+given)\b/iu;
/** The money it carries. */
const WORK_MONEY = /\b(?:budgets?|funding)\b/i;
/** What ends a clause's reach before the money ("…, which…", a full stop). */
const REACH_BREAK = /[;!?]|\.(?:\s|$)|—|\b(?:which|who|where|while|because|although|unless|whereas|but)\b/i;
/** A line that sets a budget or funding with money: what quantifies a budget promised for the work. */
const BUDGET_SET = /\b(?:budget|budgets|budgeted|funding|funded|fund|grant|grants)\b/i;

/** A money amount: what quantifies funding ("$200K", "EUR 50,000", "1.5 million dollars"). */
const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:k|m|mm|bn|million|billion|thousand)?\s*(?:usd|eur|gbp|dollars|euros|pounds)\b|\b(?:usd|eur|gbp)\s?\d/i;

/** One reward offered without a number. */
export interface UnquantifiedReward {
  /** The clause that offers it: a list item's first sentence, a table cell, a sentence saying who funds what. */
  clause: Clause;
  /** The reward as named: the item's label when it names it, else the term; for funding, the words that say it ("funded by"). */
  name: string;
  /**
   * `reward`: a rate or an amount offered ("Performance bonuses"); `funding`: money a named party
   * puts in ("funded by Initech"); `budget`: money a unit of the work is said to have ("each
   * project has a budget").
   */
  kind: 'reward' | 'funding' | 'budget';
}

/** The unquantified rewards of one top-level section (or of the text before any). */
export interface RewardGroup {
  section: Section | undefined;
  rewards: UnquantifiedReward[];
}

function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(?:ss|us)$/.test(w)) return w;
  if (/ses$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A pattern for `phrase` with any plural of its last word: "base commission" matches "Base Commissions". */
function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/[\s-]+/).filter((w) => w.length > 0);
  const last = words.pop()!;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = [...words.map(escape), `${escape(singular(last))}(?:es|s)?`].join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/** True when the word after `term` leaves it the head of its phrase, not a modifier ("commission disputes"). */
function isHead(masked: string, term: Match, end: number): boolean {
  const rest = masked.slice(term.end, Math.min(end, term.end + 40));
  if (/^[\p{L}\p{N}]/u.test(rest)) return false;
  if (/^-[\p{L}\p{N}]/u.test(rest)) return false; // "commission-free"
  const next = /^\s*([\p{L}]+)/u.exec(rest);
  if (!next) return true;
  // Punctuation first ("Bonuses: …", "commission (10%)") ends the phrase.
  if (!/^\s+[\p{L}]/u.test(rest)) return true;
  return HEAD_FOLLOWERS.has(next[1]!.toLowerCase());
}

/** How many words start in [from, to) of `text`. */
function wordsBefore(text: string, from: number, to: number): number {
  return text.slice(from, to).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * The unquantified rewards of the document, grouped by top-level section, in document order.
 * `vocabulary.placeholders` marks template blanks: an item with one is left to placeholder-left.
 */
export function findUnquantifiedRewards(text: CharterText, vocabulary: Vocabulary): RewardGroup[] {
  const { rewardTerms, offerContextTerms } = listsOrDefaults(vocabulary, REWARD_VOCABULARY);
  const doc = text.doc;
  const whole: Span = { start: 0, end: text.masked.length };
  const terms = text.find(rewardTerms, whole);
  // One look at the whole text before any clause is read: most documents name no funder and no
  // budget, and then neither pattern is tried clause by clause (this runs on every keystroke).
  const mayBeFunded = FUNDING_WORD.test(text.masked);
  const mayHaveBudget = WORK_MONEY.test(text.masked);
  if (terms.length === 0 && !mayBeFunded && !mayHaveBudget) return [];
  const funded: Clause[] = [];
  const budgeted: Array<{ clause: Clause; name: string }> = [];
  const offers: Array<{ clause: Clause; term: Match; name: string }> = [];
  let lastItem: unknown;
  for (const clause of text.clauses) {
    const first = clause.item !== lastItem;
    lastItem = clause.item;
    // Questions, what is lost on failure and unanswered labels promise nothing (asked only of
    // the few clauses that name a reward or a funder).
    const promises = () => !(text.isQuestion(clause) || text.isFailureCost(clause) || text.unanswered(clause));
    const funder = mayBeFunded ? FUNDED_BY.exec(clause.text) : null;
    if (funder && !negated(text.masked, funder.index + clause.start, clause.start) && promises()) funded.push(clause);
    const work = mayHaveBudget ? WORK_HAS.exec(clause.text) : null;
    if (work) {
      const after = clause.text.slice(work.index + work[0].length);
      const money = WORK_MONEY.exec(after);
      const gap = money ? after.slice(0, money.index) : '';
      if (money && !REACH_BREAK.test(gap) && wordsBefore(gap, 0, gap.length) <= 14 && !negated(text.masked, clause.start + work.index + work[0].length + money.index, clause.start) && promises()) {
        budgeted.push({ clause, name: money[0] });
      }
    }
    if (terms.length === 0) continue;
    const isCell = clause.item.kind === 'table-row';
    if (!isCell && !(clause.item.kind === 'list-item' && first)) continue;
    const own = text.find(rewardTerms, clause).filter((t) => !negated(text.masked, t.start, clause.start));
    if (own.length === 0) continue;
    let offered: Match | undefined;
    let name: string | undefined;
    const label = clause.label;
    if (label) {
      // The label's last words: "**Performance Bonuses:**".
      const labelEnd = label.end - (/[\s:()]*$/.exec(text.masked.slice(label.start, label.end))?.[0].length ?? 0);
      offered = own.find((t) => t.start >= label.start && t.end === labelEnd);
      if (offered) name = text.masked.slice(label.start, labelEnd).trim();
      if (offered && NOT_GIVEN.test(text.masked.slice(label.end, clause.end))) continue;
    }
    if (!offered) {
      // The first words of the answer: "Annual performance bonuses for top performers".
      let from = label ? label.end : clause.start;
      while (from < clause.end && /[\s:.)*_-]/.test(text.masked[from]!)) from++;
      // Only the item's own opening phrase: not a reward further down a list of things ("discounts, referral fees and other incentives").
      const opening = own.find((t) => t.start >= from);
      const before = opening ? text.masked.slice(from, opening.start) : '';
      if (opening && wordsBefore(text.masked, from, opening.start) <= 2 && !/[,;:]|\b(?:and|or|plus)\b/i.test(before) && isHead(text.masked, opening, clause.end)) offered = opening;
      if (offered && isCell && wordsBefore(text.masked, clause.start, clause.end) > 12) offered = undefined;
      if (offered) name = offered.text;
    }
    if (!offered || !name) continue;
    // Offered: under a heading, lead-in or column about rewards or what partners get ("Incentives",
    // "Benefits", "Commission"); "Marketing development funds are approved by channel marketing"
    // under Governance says how they are run.
    if (!clause.context.some((c) => text.has(rewardTerms, c) || text.has(offerContextTerms, c)) || !promises()) continue;
    offers.push({ clause, term: offered, name });
  }
  if (offers.length === 0 && funded.length === 0 && budgeted.length === 0) return [];

  const out: UnquantifiedReward[] = [];
  const elsewhere = new RewardsSetElsewhere(text, offers.length > 0 ? text.clauses.filter((c) => hasNumber(c.text) && text.has(rewardTerms, c)) : []);
  for (const offer of offers) {
    if (quantified(text, vocabulary, offer.clause)) continue;
    if (elsewhere.has(offer.clause, offer.name, offer.term.text)) continue;
    out.push({ clause: offer.clause, name: offer.name, kind: 'reward' });
  }
  if (funded.length > 0 && !MONEY.test(text.masked)) {
    for (const clause of funded) {
      // The amount may follow: "It is funded by Initech. The grant is $120K over two years."
      if (quantified(text, vocabulary, clause) || (clause.next && MONEY.test(clause.next.text))) continue;
      if (out.some((r) => r.clause === clause)) continue;
      out.push({ clause, name: FUNDED_BY.exec(clause.text)![0], kind: 'funding' });
    }
  }
  // A budget promised for the work is set by any line that gives a budget or funding an amount.
  if (budgeted.length > 0 && !text.clauses.some((c) => MONEY.test(c.text) && BUDGET_SET.test(c.text))) {
    for (const { clause, name } of budgeted) {
      if (quantified(text, vocabulary, clause) || (clause.next && MONEY.test(clause.next.text)) || out.some((r) => r.clause === clause)) continue;
      out.push({ clause, name, kind: 'budget' });
    }
  }
  out.sort((a, b) => a.clause.start - b.clause.start);

  const groups: RewardGroup[] = [];
  for (const reward of out) {
    const section = topSection(doc.title, sectionAtOffset(doc, reward.clause.start));
    const last = groups[groups.length - 1];
    if (last && last.section === section) last.rewards.push(reward);
    else groups.push({ section, rewards: [reward] });
  }
  return groups;
}

/** The outermost section holding `section` below the document's title. */
function topSection(title: Section | undefined, section: Section | undefined): Section | undefined {
  let s = section;
  while (s && s.parent && s.parent !== title) s = s.parent;
  return s === title ? undefined : s;
}

/**
 * True when the clause's own item settles the amount, or leaves it to something else: a number in
 * it (a list item with its nested items, or the whole table row), a pointer or a link to where the
 * rate is written, or a template blank (placeholder-left's to report).
 */
function quantified(text: CharterText, vocabulary: Vocabulary, clause: Clause): boolean {
  const item = clause.item;
  const source = text.doc.text.slice(item.start, item.end);
  if (BRACKET_PROMPT.test(source) || findPhrases(source, vocabulary.placeholders).length > 0) return true;
  // A link points elsewhere from the sentence, list item or cell that holds it.
  const linked = item.kind === 'list-item' ? source : text.doc.text.slice(item.kind === 'paragraph' ? clause.scope.start : clause.start, item.kind === 'paragraph' ? clause.scope.end : clause.end);
  if (LINK.test(linked)) return true;
  const own = item.kind === 'paragraph' ? clause.scope : { start: item.start, end: item.end };
  const words = text.slice(own);
  if (hasNumber(words) || POINTS_ELSEWHERE.test(words)) return true;
  if (item.kind === 'list-item') {
    for (const child of (item.node as ListItem).children) {
      if (child.type === 'list' && hasNumber(plain(child as List))) return true;
    }
  }
  return false;
}

/**
 * Where a reward listed without a number may be set: lines that name a reward with a number, and
 * sections titled for a reward ("## Commission rates") with a number in them. Built once per
 * reading; each name's answer is kept, so many items naming the same reward cost one search.
 */
class RewardsSetElsewhere {
  /** The numbered lines, one per line of one string: a name is searched once, not line by line. */
  private readonly lines: string;
  private sections: Array<{ section: Section; title: string }> | undefined;
  private readonly byName = new Map<string, boolean>();
  private readonly sectionsFor = new Map<string, Section[]>();

  constructor(private readonly text: CharterText, numbered: readonly Clause[]) {
    this.lines = numbered.map((c) => c.text.replace(/[\r\n]+/g, ' ')).join('\n');
  }

  /**
   * True when the reward `name` (whose reward term is `term`) is given a number elsewhere: on
   * another line that names it by its full name ("annual revenue share" is not the per-deal
   * "revenue share"), or in a section titled for the reward in general ("Commission rates", "3.
   * Revenue share") or for this one by name, outside the section the clause sits in.
   */
  has(clause: Clause, name: string, term: string): boolean {
    const key = name.toLowerCase();
    let named = this.byName.get(key);
    if (named === undefined) {
      named = phrasePattern(name).test(this.lines);
      this.byName.set(key, named);
    }
    if (named) return true;
    const sectionKey = `${key}\u0000${term.toLowerCase()}`;
    let sections = this.sectionsFor.get(sectionKey);
    if (!sections) {
      const byName = phrasePattern(name);
      const general = new RegExp(`^[\\s\\d.)]*${phrasePattern(term).source}`, 'iu');
      sections = this.numberedSections().filter((s) => general.test(s.title) || byName.test(s.title)).map((s) => s.section);
      this.sectionsFor.set(sectionKey, sections);
    }
    return sections.some((s) => !(clause.start >= s.start && clause.start < s.end));
  }

  /** Sections (not the title) whose content holds a number. */
  private numberedSections(): Array<{ section: Section; title: string }> {
    this.sections ??= this.text.doc.sections
      .filter((s) => s !== this.text.doc.title && hasNumber(this.text.slice({ start: s.contentStart, end: s.end })))
      .map((section) => ({ section, title: section.title }));
    return this.sections;
  }
}
