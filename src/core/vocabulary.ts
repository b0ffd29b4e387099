import { RE2JS } from 're2js';
import { TextCache } from './memo';
/**
 * The words PartnerLint recognises, as data. Teams extend these lists in `.partnerlint.yaml`
 * (vocabulary section) without touching code; rules only ever read them from here.
 */

/** The five sections the framework requires of a partnership charter, in canonical order. */
export const CHARTER_SECTION_IDS = ['mutual-goals', 'value-exchange', 'timeline', 'measurement', 'governance'] as const;
export type CharterSectionId = (typeof CHARTER_SECTION_IDS)[number];

/**
 * Phrase lists. Each entry is matched case-insensitively as whole words; an entry written as
 * `/pattern/` is a regular expression (case-insensitive, Unicode). A pattern read from a settings
 * file carries `SETTINGS_PATTERN_MARK` in front (see `settingsPattern`) and runs in linear time.
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
  /**
   * Answers that leave a question open: "to be decided", "pending", "TBA", "n/a". A value made
   * only of these and placeholders is no answer, wherever it is read (see `isNonAnswer`).
   */
  nonAnswers: string[];
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  sectionSynonyms: {
    'mutual-goals': ['mutual goals', 'shared goals', 'joint goals', 'goals', 'mutual objectives', 'objectives', 'goals and objectives', 'what success looks like', 'purpose of the partnership', 'purpose of partnership'],
    'value-exchange': ['value exchange', 'exchange of value', 'give and get', 'what each side gives', 'value', 'commitments', 'mutual commitments', 'economics', 'commercial terms',
      'revenue model', 'financial terms', 'financial arrangements', 'roles and responsibilities', 'roles & responsibilities', 'partnership benefits'],
    timeline: ['timeline', 'timeline and phases', 'phases', 'rollout', 'rollout plan', 'crawl walk run', 'schedule', 'milestones'],
    measurement: ['measurement', 'metrics', 'success metrics', 'kpis', 'measuring success', 'how we measure success', 'success measures', 'performance metrics', 'evaluation and reporting', 'evaluation & reporting'],
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
    'dedicated team', 'dedicated partner manager', 'dedicated resources',
    // "a dedicated integration team", "dedicated partner success teams"
    '/dedicated(?:\\s+[\\p{L}-]+){1,2}\\s+teams?(?![\\p{L}\\p{N}_])/', 'technical resources', 'budget', 'funding', 'fund', 'funds',
    'co-fund', 'co-funding', 'cloud spend', 'committed spend', 'minimum spend', 'marketing spend', 'annual spend', 'spend commitment',
    'revenue share', 'rev share', 'revenue sharing', 'referral fee', 'referral fees', 'sales commission', 'margin', 'discount',
    'rebate', 'rebates', 'co-investment', 'co-invest', 'invest', 'invests', 'investment', 'credits', 'credit pool', 'cloud credits',
    'MDF', 'market development funds', 'revenue guarantee', 'revenue guarantees', 'guaranteed revenue', 'minimum guarantee',
    'volume guarantee', 'minimum commit', 'dollars', 'cash', 'licenses', 'free licenses', 'sales quota', 'quota',
    // "resources" after a commitment verb. The word comes first and the look-behind re-reads it, so
    // the look-behind only runs where "resources" is (in front, it ran at every character).
    '/resources(?<=\\b(?:dedicate|dedicates|dedicated|allocate|allocates|allocated|commit|commits|committed|assign|assigns|invest|invests)\\s+(?:[\\p{L}-]+\\s+){0,2}resources)(?![\\p{L}\\p{N}_])/',
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
    // A value its author marked as a stand-in: "legal@acme.example (placeholder)".
    '/\\((?:placeholder|dummy|to\\s+be\\s+replaced|replace\\s+(?:me|this|with\\s+[^()\\r\\n]{1,40}))\\)/',
    // "未定" (undecided) as a value on its own, as in a table cell; not inside a longer word.
    '/(?<![\\p{L}\\p{N}])未定(?![\\p{L}\\p{N}])/',
  ],
  nonAnswers: [
    'TBA', 'n/a', 'n.a', 'none', 'nil', 'pending', 'later', 'coming soon', 'fill in', 'fill me in',
    'to be decided', 'to be determined', 'to be confirmed', 'to be defined', 'to be agreed', 'to be discussed', 'to be set',
    'not decided', 'not defined', 'not set', 'not agreed',
    // "not yet", "not yet decided", "not yet known".
    '/(?<![\\p{L}\\p{N}_])not\\s+yet(?:\\s+\\p{L}+)?(?![\\p{L}\\p{N}_])/',
  ],
};

/** The vocabulary's non-answers (a vocabulary built before the list existed has the defaults). */
export function nonAnswersOf(vocabulary: Vocabulary): readonly string[] {
  return vocabulary.nonAnswers ?? DEFAULT_VOCABULARY.nonAnswers;
}

/** Bracketed prompts ("[amount]"), one bracket pair at a time (no `[` inside, so no re-scans). */
const PROMPT = /\[[^[\]\r\n]*\]/g;
const ANSWER_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether `text` answers nothing: once its non-answers ("to be decided", "pending"), placeholders
 * ("TBD") and bracketed prompts are taken out, no letter or digit is left. The one reading of a
 * blank answer for every rule that asks (go/no-go gates, empty phases, empty charter sections,
 * unanswered commitments, tier criteria, decision answers).
 */
export function isNonAnswer(text: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): boolean {
  if (!ANSWER_CHARACTER.test(text)) return true;
  let rest = text.replace(PROMPT, ' ');
  for (const list of [vocabulary.placeholders, nonAnswersOf(vocabulary)]) {
    const found = findPhrases(rest, list);
    if (found.length === 0) continue;
    const parts: string[] = [];
    let at = 0;
    for (const m of found) {
      parts.push(rest.slice(at, m.start), ' ');
      at = m.end;
    }
    parts.push(rest.slice(at));
    rest = parts.join('');
  }
  return !ANSWER_CHARACTER.test(rest);
}

/**
 * Normalises a heading as authors really write it: case, numbering ("3.", "III.", "Section 3:"),
 * emoji and symbols, a trailing colon, `&` for "and", hyphens ("crawl-walk-run").
 */
export function normalizeHeading(title: string): string {
  return normalizedHeadings.get(title, () => computeNormalizedHeading(title));
}

/** Headings are normalised again and again (every rule that looks for a section asks). */
const normalizedHeadings = new TextCache<string>(4096);

function computeNormalizedHeading(title: string): string {
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

/** The lists `matchCharterSection` reads, prepared once: synonyms normalised, filler words in a set. */
interface SectionMatcher {
  /** The lists it was prepared from (compared by identity, as phrase lists are). */
  synonymLists: readonly (readonly string[])[];
  fillerList: readonly string[];
  synonyms: Array<[CharterSectionId, string[]]>;
  filler: Set<string>;
  /** Answers already given, by heading title. */
  answers: Map<string, CharterSectionId | undefined>;
}

const sectionMatchers = new WeakMap<Vocabulary, SectionMatcher>();
const SECTION_ANSWER_LIMIT = 4096;

function sectionMatcher(vocabulary: Vocabulary): SectionMatcher {
  const synonymLists = CHARTER_SECTION_IDS.map((id) => vocabulary.sectionSynonyms[id]);
  let matcher = sectionMatchers.get(vocabulary);
  if (!matcher || matcher.fillerList !== vocabulary.headingFillerWords || matcher.synonymLists.some((list, i) => list !== synonymLists[i])) {
    matcher = {
      synonymLists,
      fillerList: vocabulary.headingFillerWords,
      synonyms: CHARTER_SECTION_IDS.map((id) => [id, vocabulary.sectionSynonyms[id].map(normalizeHeading)]),
      filler: new Set(vocabulary.headingFillerWords),
      answers: new Map(),
    };
    sectionMatchers.set(vocabulary, matcher);
  }
  return matcher;
}

/** Which charter section a heading stands for, if any. */
export function matchCharterSection(title: string, vocabulary: Vocabulary): CharterSectionId | undefined {
  const matcher = sectionMatcher(vocabulary);
  if (matcher.answers.has(title)) return matcher.answers.get(title);
  const answer = matchNormalized(normalizeHeading(title), matcher);
  if (matcher.answers.size >= SECTION_ANSWER_LIMIT) matcher.answers.clear();
  matcher.answers.set(title, answer);
  return answer;
}

function matchNormalized(normalized: string, matcher: SectionMatcher): CharterSectionId | undefined {
  if (!normalized) return undefined;
  const stripped = normalized.split(' ').filter((w) => !matcher.filler.has(w)).join(' ');
  for (const [id, synonyms] of matcher.synonyms) {
    for (const syn of synonyms) {
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

/**
 * Patterns come from two places, and run on two engines:
 * - PartnerLint's own `/pattern/` entries (in this file and the models' lists) are written and
 *   measured by us, use look-arounds, and run as JavaScript regular expressions;
 * - a `/pattern/` entry from a settings file may be anything (`/(a|aa)+$/` backtracks for
 *   minutes on a short line), so the settings reader marks it (`settingsPattern`) and it runs on
 *   RE2JS, an engine without backtracking whose time grows linearly with the text.
 * The mark is a NUL character: an entry without it is only ever written in our code, because the
 * settings reader marks every `/…/` entry it reads. A settings entry that starts with the mark
 * itself can only ever reach the linear engine, so nothing from a settings file runs on the
 * backtracking one.
 */
export const SETTINGS_PATTERN_MARK = '\u0000';

/** A `/pattern/` entry read from a settings file, marked to run in linear time. */
export function settingsPattern(entry: string): string {
  return entry.startsWith(SETTINGS_PATTERN_MARK) ? entry : SETTINGS_PATTERN_MARK + entry;
}

const PATTERN_ENTRY = /^\u0000?\/(.+)\/$/s;

/** The body of a `/pattern/` entry (ours or from settings), or undefined for a plain phrase. */
export function patternBody(entry: string): string | undefined {
  return PATTERN_ENTRY.exec(entry)?.[1];
}

/** An entry as its author wrote it (without the settings mark). */
export function entryText(entry: string): string {
  return entry.startsWith(SETTINGS_PATTERN_MARK) ? entry.slice(SETTINGS_PATTERN_MARK.length) : entry;
}

/** White space as JavaScript's `\s` reads it, as the contents of an RE2 character class. */
const JS_SPACE = '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/**
 * A JavaScript pattern in RE2's syntax, reading the same where the two differ: `\s` and `.`
 * (JavaScript's are wider), `\uXXXX` and `\u{…}` (RE2 writes `\x{…}`). Everything else is left
 * to RE2, which refuses what it cannot run in linear time (look-aheads, back-references).
 */
export function toLinearSyntax(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else if (next === 'u' && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0) return source; // Invalid: RE2 reports it.
        out += `\\x{${source.slice(i + 3, close)}}`;
        i = close;
        continue;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        out += `\\x{${source.slice(i + 2, i + 6)}}`;
        i += 5;
        continue;
      } else out += c + (next ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      // `[]` and `[^]` in JavaScript: a literal `]` is not how RE2 reads it either; leave it to RE2.
    } else if (c === '.') {
      out += '[^\\n\\r\\x{2028}\\x{2029}]';
    } else {
      out += c;
    }
  }
  return out;
}

const LINEAR_FLAGS = RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS;

/** Compiles settings patterns (bodies) for the linear engine; throws RE2's error on one it cannot run. */
export function compileLinear(bodies: readonly string[]): RE2JS {
  return RE2JS.compile(bodies.map((b) => `(?:${toLinearSyntax(b)})`).join('|'), LINEAR_FLAGS);
}

/** A compiled list: one JavaScript regular expression, and the settings patterns apart. */
interface CompiledList {
  /** Plain phrases and PartnerLint's own patterns (flags `giu`). */
  regex: RegExp;
  /** Patterns from settings, on the linear engine; undefined when the list has none. */
  linear: RE2JS | undefined;
}

const compiled = new WeakMap<readonly string[], CompiledList>();
/**
 * The same regular expressions keyed by the lists' contents, for rules that build a fresh array
 * per call (`[...a, ...b]`): compiling a long list costs far more than matching it. Bounded.
 */
const compiledByContent = new Map<string, CompiledList>();
const CONTENT_CACHE_LIMIT = 256;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compilePhrases(phrases: readonly string[]): CompiledList {
  // Consecutive plain entries share one word-boundary check: `(?<!…)(?:a|b|c)(?!…)` tries the
  // same candidates in the same order as `(?<!…)a(?!…)|(?<!…)b(?!…)|…` (the checks depend on the
  // position only), so it finds the same matches, but fails at once inside a word.
  const parts: string[] = [];
  const linear: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) parts.push(`(?<![\\p{L}\\p{N}_])(?:${run.join('|')})(?![\\p{L}\\p{N}_])`);
    run = [];
  };
  for (const phrase of phrases) {
    const body = patternBody(phrase);
    if (body !== undefined && phrase.startsWith(SETTINGS_PATTERN_MARK)) {
      linear.push(body);
    } else if (body !== undefined) {
      flush();
      parts.push(`(?:${body})`);
    } else {
      run.push(phrase.trim().split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+'));
    }
  }
  flush();
  return {
    regex: parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : /(?!)/giu,
    linear: linear.length > 0 ? linearOrNone(linear) : undefined,
  };
}

/**
 * The settings patterns compiled together. The settings reader has checked each one; should one
 * still fail (a list built by other code), it is left out, and never run on the other engine.
 */
function linearOrNone(bodies: readonly string[]): RE2JS | undefined {
  try {
    return compileLinear(bodies);
  } catch {
    const usable = bodies.filter((b) => {
      try {
        compileLinear([b]);
        return true;
      } catch {
        return false;
      }
    });
    return usable.length > 0 ? compileLinear(usable) : undefined;
  }
}

function compiledList(phrases: readonly string[]): CompiledList {
  let list = compiled.get(phrases);
  if (!list) {
    const key = JSON.stringify(phrases);
    list = compiledByContent.get(key);
    if (!list) {
      list = compilePhrases(phrases);
      if (compiledByContent.size >= CONTENT_CACHE_LIMIT) compiledByContent.delete(compiledByContent.keys().next().value!);
      compiledByContent.set(key, list);
    }
    compiled.set(phrases, list);
  }
  return list;
}

/**
 * One regular expression (flags `giu`) matching any phrase of a vocabulary list: plain entries
 * as whole words, with any run of spaces or hyphens between words; PartnerLint's own `/…/`
 * entries as written. Compiled once per list (by identity, and by contents for lists built
 * afresh on each call). Patterns from settings are not in it: `findPhrases` and `hasPhrase`
 * read them too.
 */
export function phraseMatcher(phrases: readonly string[]): RegExp {
  const regex = compiledList(phrases).regex;
  regex.lastIndex = 0;
  return regex;
}

type PhraseMatch = { text: string; start: number; end: number };

/**
 * Matches already found, per compiled list, for texts up to `MEMO_TEXT_LIMIT` long: rules ask
 * about the same list items, titles and cells again and again, within one lint and from one
 * version of a document to the next (while typing, all but the edited lines are unchanged).
 * The matches depend only on the text and the list's contents, so a remembered answer is exact.
 */
const matchMemo = new WeakMap<CompiledList, Map<string, readonly PhraseMatch[]>>();
const MEMO_TEXT_LIMIT = 4096;
const MEMO_ENTRIES = 8192;

/** Every non-empty match of `regex` (flag `g`) in `text`, starting the search at `from`. */
export function scanMatches(regex: RegExp, text: string, from = 0): PhraseMatch[] {
  regex.lastIndex = from;
  const out: PhraseMatch[] = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Every non-empty match of the settings patterns in `text` (linear time). */
function scanLinear(linear: RE2JS, text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const m of linear.matchAll(text)) {
    const start = m.index ?? 0;
    if (m[0].length > 0) out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

/**
 * The matches of a whole list: its regular expression's, and its settings patterns' where they
 * overlap none of those (at the same place, a phrase or a built-in pattern comes first).
 */
function scanList(list: CompiledList, text: string): PhraseMatch[] {
  const native = scanMatches(list.regex, text);
  if (!list.linear) return native;
  const linear = scanLinear(list.linear, text);
  if (linear.length === 0) return native;
  if (native.length === 0) return linear;
  const merged: PhraseMatch[] = [];
  let i = 0;
  let j = 0;
  let end = 0;
  while (i < native.length || j < linear.length) {
    const a = native[i];
    const b = linear[j];
    const next = b === undefined || (a !== undefined && a.start <= b.start) ? a! : b;
    if (next === a) i++;
    else j++;
    if (next.start < end) continue;
    merged.push(next);
    end = next.end;
  }
  return merged;
}

function matchesOf(text: string, phrases: readonly string[]): readonly PhraseMatch[] {
  const list = compiledList(phrases);
  if (text.length > MEMO_TEXT_LIMIT) return scanList(list, text);
  let memo = matchMemo.get(list);
  if (!memo) {
    memo = new Map();
    matchMemo.set(list, memo);
  }
  let found = memo.get(text);
  if (!found) {
    found = scanList(list, text);
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(text, found);
  }
  return found;
}

/** Every match of a vocabulary list in `text`, with offsets relative to `text`. */
export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  // Fresh objects: callers may reorder or change what they get.
  return matchesOf(text, phrases).map((m) => ({ text: m.text, start: m.start, end: m.end }));
}

export function hasPhrase(text: string, phrases: readonly string[]): boolean {
  if (text.length <= MEMO_TEXT_LIMIT) return matchesOf(text, phrases).length > 0;
  const list = compiledList(phrases);
  const regex = list.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length > 0) return true;
    regex.lastIndex++;
  }
  // A settings match overlapping none of the regular expression's: there are none of those here.
  return list.linear !== undefined && scanLinear(list.linear, text).length > 0;
}

/**
 * A reader's own word lists, each from the vocabulary when it carries one under that name and
 * from the reader's defaults otherwise (readers add lists the configuration may not have yet).
 */
export function listsOrDefaults<T extends object>(vocabulary: Vocabulary, defaults: T): T {
  const own = vocabulary as unknown as Partial<T>;
  const out = {} as T;
  for (const key of Object.keys(defaults) as Array<keyof T>) out[key] = own[key] ?? defaults[key];
  return out;
}
