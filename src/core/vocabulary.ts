/**
 * The words PartnerLint recognises, as data. Teams extend these lists in `.partnerlint.yaml`
 * (vocabulary section) without touching code; rules only ever read them from here.
 */

/** The five sections the framework requires of a partnership charter, in canonical order. */
export const CHARTER_SECTION_IDS = ['mutual-goals', 'value-exchange', 'timeline', 'measurement', 'governance'] as const;
export type CharterSectionId = (typeof CHARTER_SECTION_IDS)[number];

/**
 * Phrase lists. Each entry is matched case-insensitively as whole words; an entry written as
 * `/pattern/` is a regular expression (case-insensitive, Unicode).
 */
export interface Vocabulary {
  /** Heading titles (normalised: lower case, no numbering) that count as each charter section. */
  sectionSynonyms: Record<CharterSectionId, string[]>;
  /** Words dropped from a heading before it is compared with the synonyms. */
  headingFillerWords: string[];
  /** Phrases that make a sentence a commitment: "we will dedicate", "commits", "will invest". */
  commitmentWords: string[];
  /** What counts as an economic commitment: spend, engineering time, revenue share, credits… */
  economicTerms: string[];
  /** Co-marketing activities: joint webinars, logo swaps, press releases, co-branded content… */
  coMarketingTerms: string[];
  /** Evidence of real leverage, by type (the co-marketing type is coMarketingTerms). */
  leverageTerms: { requirement: string[]; economic: string[]; competitive: string[]; customer: string[] };
  /** Template placeholders that must not survive into a finished document. */
  placeholders: string[];
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  sectionSynonyms: {
    'mutual-goals': ['mutual goals', 'shared goals', 'joint goals', 'goals', 'mutual objectives', 'objectives', 'goals and objectives', 'what success looks like'],
    'value-exchange': ['value exchange', 'exchange of value', 'give and get', 'what each side gives', 'value', 'commitments', 'mutual commitments', 'economics', 'commercial terms'],
    timeline: ['timeline', 'timeline and phases', 'phases', 'rollout', 'rollout plan', 'crawl walk run', 'schedule', 'milestones'],
    measurement: ['measurement', 'metrics', 'success metrics', 'kpis', 'measuring success', 'how we measure success', 'success measures'],
    governance: ['governance', 'decision rights', 'decision making', 'ownership and escalation', 'roles and escalation'],
  },
  headingFillerWords: ['partnership', 'partner', 'the', 'our', 'and', 'of', 'section'],
  commitmentWords: [
    'commit', 'commits', 'committed', 'commitment', 'will dedicate', 'dedicate', 'dedicates', 'will invest', 'invest', 'invests',
    'will allocate', 'allocate', 'allocates', 'will provide', 'provides', 'will fund', 'funds', 'will contribute', 'contributes',
    'will assign', 'assigns', 'will staff', 'will pay', 'pays', 'will spend', 'spends', 'guarantee', 'guarantees',
    'commitments', 'provide', 'give', 'gives', 'will give', 'contribute', 'will cover', 'will put in', 'puts in', 'will set aside',
    'sets aside', 'will reserve', 'will hire', 'will co-invest', 'co-invests', 'will co-fund', 'co-funds', 'pledge', 'pledges', 'will match',
  ],
  economicTerms: [
    'engineering time', 'engineering hours', 'engineering capacity', 'engineering resources', 'engineering support',
    'engineering team', 'engineering effort', 'engineering headcount', 'engineer', 'engineers', 'developer time', 'developers',
    'headcount', 'FTE', 'FTEs', 'solution architect', 'solution architects', 'solutions architect', 'solutions architects',
    'dedicated team', 'dedicated partner manager', 'dedicated resources', 'technical resources', 'budget', 'funding', 'fund', 'funds',
    'co-fund', 'co-funding', 'cloud spend', 'committed spend', 'minimum spend', 'marketing spend', 'annual spend', 'spend commitment',
    'revenue share', 'rev share', 'revenue sharing', 'referral fee', 'referral fees', 'sales commission', 'margin', 'discount',
    'rebate', 'rebates', 'co-investment', 'co-invest', 'invest', 'invests', 'investment', 'credits', 'credit pool', 'cloud credits',
    'MDF', 'market development funds', 'revenue guarantee', 'revenue guarantees', 'guaranteed revenue', 'minimum guarantee',
    'volume guarantee', 'minimum commit', 'dollars', 'cash', 'licenses', 'free licenses', 'sales quota', 'quota',
    '/(?<=\\b(?:dedicate|dedicates|dedicated|allocate|allocates|allocated|commit|commits|committed|assign|assigns|invest|invests)\\s+(?:[\\p{L}-]+\\s+){0,2})resources(?![\\p{L}\\p{N}_])/',
    '/[$€£¥]\\s?\\d/',
  ],
  coMarketingTerms: [
    'webinar', 'webinars', 'joint webinar', 'logo swap', 'logo swaps', 'swap logos', 'logo exchange', 'logo placement',
    'press release', 'press releases', 'co-branded', 'co-branded content', 'co-branding', 'joint content', 'joint blog post',
    'blog post', 'blog posts', 'joint announcement', 'joint announcements', 'launch announcement', 'joint event', 'joint events',
    'co-hosted event', 'co-hosted events', 'field event', 'field events', 'partner event', 'partner events', 'marketing event',
    'marketing events', 'trade show', 'trade shows', 'conference', 'booth', 'meetup', 'social media', 'social campaign',
    'social posts', 'newsletter', 'co-marketing', 'joint marketing', 'case study', 'case studies', 'podcast', 'partner page',
    'partner pages', 'partner directory', 'co-promote', 'co-promotion', 'cross-promote',
    'cross-promotion', 'joint promotion',
    '/promot(?:e|es|ed|ing)\\s+(?:us|them|it|our|their|the\\s+(?:integration|connector|partnership|joint|launch|offering|product|listing|solution|app|plugin))(?![\\p{L}\\p{N}_])/',
  ],
  leverageTerms: {
    requirement: [
      'certification', 'certifications', 'certified', 'certify', 'compliance', 'requirement', 'program requirement',
      'partner program requirement', 'mandatory', 'competency', 'accreditation', 'must include', 'prerequisite', 'required for',
      'requires us', 'needs us', 'need us', 'program status', 'partner status',
    ],
    economic: [
      'save', 'saves', 'savings', 'cost reduction', 'reduce costs', 'reduces costs', 'lower costs', 'cut costs', 'support costs',
      'support cost', 'make money', 'new revenue', 'incremental revenue', 'partner revenue', 'services revenue', 'revenue share',
      'rev share', 'revenue sharing', 'referral fee', 'referral fees', 'resale', 'resell', 'margin', 'margins', 'ROI', 'P&L',
      'upsell', 'attach rate',
    ],
    competitive: [
      'exclusive', 'exclusivity', 'differentiation', 'differentiate', 'differentiator', 'competitor', 'competitors', 'competitive',
      'competitive advantage', 'edge over',
    ],
    customer: [
      'customers demand', 'customers ask', 'customers asking', 'customers are asking', 'customers have asked', 'customers asked',
      'customer requests', 'requests from customers', 'feature requests', 'support tickets', 'tickets requesting', 'customer demand',
      'requested by customers', 'churn', 'retention', 'lost deals', 'deal blocker', 'deal blockers', 'RFP', 'RFPs',
    ],
  },
  placeholders: [
    'TBD', 'TBC', 'TODO', 'FIXME', 'XXX', 'lorem ipsum',
    // Bracketed prompts such as `[amount]` are found from the Markdown structure by
    // placeholder-left (any plain-text `[…]` that is not a link, footnote or checkbox).
    '/_{3,}/',
    '/<(?:partner|company|customer|name|date|amount|owner|target|metric|number)(?:[ _-](?:name|logo|company|amount|date))?>/',
    '/[$€£]\\s?X+(?:[.,]X+)?\\s?[KMB]?(?![\\p{L}\\p{N}_])/',
  ],
};

/**
 * Normalises a heading as authors really write it: case, numbering ("3.", "III.", "Section 3:"),
 * emoji and symbols, a trailing colon, `&` for "and", hyphens ("crawl-walk-run").
 */
export function normalizeHeading(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/^\s*(?:section|part|step)?\s*(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]\s+/u, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Which charter section a heading stands for, if any. */
export function matchCharterSection(title: string, vocabulary: Vocabulary): CharterSectionId | undefined {
  const normalized = normalizeHeading(title);
  if (!normalized) return undefined;
  const filler = new Set(vocabulary.headingFillerWords);
  const stripped = normalized.split(' ').filter((w) => !filler.has(w)).join(' ');
  for (const id of CHARTER_SECTION_IDS) {
    for (const synonym of vocabulary.sectionSynonyms[id]) {
      const syn = normalizeHeading(synonym);
      if (normalized === syn || stripped === syn) return id;
      // "Governance and escalation", "Timeline (crawl, walk, run)": the synonym leads the title.
      // Single generic words ("value", "goals") must match the whole title to count.
      if (syn.includes(' ') || isDistinctive(syn)) {
        if (stripped.startsWith(syn + ' ') || stripped.endsWith(' ' + syn)) return id;
      }
    }
  }
  return undefined;
}

const GENERIC_WORDS = new Set(['value', 'goals', 'objectives', 'phases', 'rollout', 'schedule', 'milestones', 'metrics', 'commitments', 'economics']);
function isDistinctive(word: string): boolean {
  return !GENERIC_WORDS.has(word);
}

const compiled = new WeakMap<readonly string[], RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression (flags `giu`) matching any phrase of a vocabulary list: plain entries
 * as whole words, with any run of spaces or hyphens between words; `/…/` entries as written.
 * Compiled once per list.
 */
export function phraseMatcher(phrases: readonly string[]): RegExp {
  let regex = compiled.get(phrases);
  if (!regex) {
    const parts = phrases.map((phrase) => {
      const pattern = /^\/(.+)\/$/s.exec(phrase);
      if (pattern) return `(?:${pattern[1]})`;
      const words = phrase.trim().split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+');
      return `(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`;
    });
    regex = parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : /(?!)/giu;
    compiled.set(phrases, regex);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Every match of a vocabulary list in `text`, with offsets relative to `text`. */
export function findPhrases(text: string, phrases: readonly string[]): Array<{ text: string; start: number; end: number }> {
  const regex = phraseMatcher(phrases);
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function hasPhrase(text: string, phrases: readonly string[]): boolean {
  return findPhrases(text, phrases).length > 0;
}
