/**
 * The words PartnerLint recognises, as data. Teams extend these lists in `.partnerlint.yaml`
 * (vocabulary section) without touching code; rules only ever read them from here.
 */

/** The five sections the framework requires of a partnership charter, in canonical order. */
export const CHARTER_SECTION_IDS = ['mutual-goals', 'value-exchange', 'timeline', 'measurement', 'governance'] as const;
export type CharterSectionId = (typeof CHARTER_SECTION_IDS)[number];

export interface Vocabulary {
  /** Heading titles (normalised: lower case, no numbering) that count as each charter section. */
  sectionSynonyms: Record<CharterSectionId, string[]>;
  /** Words dropped from a heading before it is compared with the synonyms. */
  headingFillerWords: string[];
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
