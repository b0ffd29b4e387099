/**
 * Who the two sides of a partnership are, as far as the document says: names from front matter
 * (`company:`, `partner:`) and from a title such as "Acme × Globex Partnership Charter".
 *
 * Two readings, kept apart because the rules that use them were tuned on them: `charterParties`
 * (the charter content rules: us, the partner, or names whose side is unknown) and `sideNames`
 * (the commitment rules: one name per side and the forms matched in text).
 */
import type { StrategyDocument } from '../core/document';
import { hasPhrase } from '../core/vocabulary';
import { TextCache } from '../core/memo';

const WORD = /[\p{L}\p{N}]/u;
const NAME_STOP_WORDS = new Set(['the', 'a', 'an', 'cloud', 'global', 'group', 'inc', 'labs', 'partner', 'company', 'systems', 'data']);

/** The two sides of a charter, as far as the document says. */
export interface Parties {
  /** Names that stand for us (front matter `company:` or `us:`, or the other name in the title). */
  us: string[];
  /** Names that stand for the partner (front matter `partner:`, or the other name in the title). */
  partner: string[];
  /** Names from the title when nothing says which side is which. */
  either: string[];
  /** How to call each side in a message. */
  usLabel: string;
  partnerLabel: string;
}

function frontMatterNames(doc: StrategyDocument, keys: string[]): string[] {
  const data = doc.frontMatter?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const out: string[] = [];
  for (const key of keys) {
    const value = (data as Record<string, unknown>)[key];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (typeof v === 'string' && WORD.test(v) && v.trim().length <= 80) out.push(v.trim());
  }
  return out;
}

/** "Acme × Globex Cloud Partnership Charter (draft)" → ["Acme", "Globex Cloud"]. */
export function titleNames(title: string): string[] {
  const core = title
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\b(?:strategic|partnership|partner|charter|draft|final|agreement|v\d+(?:\.\d+)*)\b/gi, ' ')
    .replace(/[:|]/g, ' ');
  const parts = core
    .split(/\s*[×↔⇄]\s*|\s+(?:x|X|&|\+|\/|and|with|<>|<->|-|–|—)\s+/)
    .map((p) => p.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').trim())
    .filter((p) => WORD.test(p));
  if (parts.length !== 2 || parts.some((p) => p.split(/\s+/).length > 4)) return [];
  return parts;
}

function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.startsWith(y + ' ') || y.startsWith(x + ' ');
}

/** A company name in running text: one to four capitalised words ("Lumen Security", "Acme"). */
const PROSE_NAME = String.raw`\p{Lu}[\p{L}\p{N}&'’.-]{1,30}(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’.-]{0,30}){0,3}`;
/** "This charter sets out the partnership between Acme Analytics and Lumen Security." */
const BETWEEN = new RegExp(
  String.raw`\b(?:[Pp]artnership|[Aa]greement|[Cc]harter|[Cc]ollaboration|[Aa]lliance|[Mm]emorandum|[Uu]nderstanding|MOU|[Rr]elationship)\b[^.;\r\n]{0,60}?\bbetween[ \t]+(?:the[ \t]+)?(${PROSE_NAME})[ \t]*,?[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?(${PROSE_NAME})`,
  'u',
);
/** Words that may start a capitalised run but are no company ("Our", "The", "We"). */
const NOT_A_NAME = /^(?:the|our|we|us|their|its|this|that|these|both|each|all|any|partner|partners|company|customers?|sales|marketing|engineering|product|legal|finance|support)$/i;

/**
 * The two parties a charter's opening says the partnership is "between": read in the first few
 * thousand characters, when the title does not name them.
 */
export function betweenNames(doc: StrategyDocument): [string, string] | undefined {
  const head = doc.text.slice(doc.frontMatter?.blockEnd ?? 0).slice(0, 3000);
  const m = BETWEEN.exec(head);
  if (!m) return undefined;
  const clean = (n: string) => n.replace(/[.’'-]+$/u, '').replace(/[ \t]+(?:Inc|Ltd|LLC|GmbH|Corp|Co)$/u, '').trim();
  const a = clean(m[1]!);
  const b = clean(m[2]!);
  if (!a || !b || a.toLowerCase() === b.toLowerCase()) return undefined;
  if ([a, b].some((n) => NOT_A_NAME.test(n.split(/\s+/)[0]!) || !/\p{Ll}/u.test(n))) return undefined;
  return [a, b];
}

export function charterParties(doc: StrategyDocument): Parties {
  const us = frontMatterNames(doc, ['company', 'us', 'our-company', 'our_company']);
  const partner = frontMatterNames(doc, ['partner', 'partners']);
  const either: string[] = [];
  let fromTitle = titleNames(doc.title?.title ?? doc.sniffed.title ?? '');
  if (fromTitle.length !== 2) fromTitle = betweenNames(doc) ?? [];
  if (fromTitle.length === 2) {
    const [a, b] = fromTitle as [string, string];
    const isPartner = (n: string) => partner.some((p) => sameName(p, n));
    const isUs = (n: string) => us.some((p) => sameName(p, n));
    if (isPartner(a) || isUs(b)) {
      if (!isUs(b) && !isPartner(b)) us.push(b);
      if (!isPartner(a)) partner.push(a);
    } else if (isPartner(b) || isUs(a)) {
      if (!isUs(a) && !isPartner(a)) us.push(a);
      if (!isPartner(b)) partner.push(b);
    } else if (us.length === 0 && partner.length === 0) {
      // Nothing says which side is which: the first-named party is the author's own.
      us.push(a);
      partner.push(b);
    } else {
      either.push(a, b);
    }
  }
  return { us, partner, either, usLabel: us[0] ?? 'your company', partnerLabel: partner[0] ?? 'the partner' };
}

/**
 * Phrases that find a name in text: the name itself and, for "Globex Cloud", its distinctive
 * first word "Globex" too.
 */
export function namePhrases(names: readonly string[]): string[] {
  const key = names.join('\u0000');
  let phrases = namePhraseCache.get(key);
  if (!phrases) {
    const out = new Set<string>();
    for (const name of names) {
      // A name written like a `/pattern/` vocabulary entry would be read as a regular expression.
      if (/^\/.*\/$/s.test(name)) continue;
      out.add(name);
      const first = name.split(/\s+/)[0]!;
      if (first !== name && first.length >= 3 && /^\p{Lu}/u.test(first)) out.add(first);
    }
    phrases = [...out];
    // The same list object each time, so its matcher is compiled once.
    if (namePhraseCache.size > 500) namePhraseCache.clear();
    namePhraseCache.set(key, phrases);
  }
  return phrases;
}

const namePhraseCache = new Map<string, string[]>();

/** Whether `text` names any of `names`. */
export function mentionsName(text: string, names: readonly string[]): boolean {
  return names.length > 0 && hasPhrase(text, namePhrases(names));
}

/** How the document names each side. */
export interface SideNames {
  /** Our company's name, from `company:` front matter or the title. */
  ourName: string | undefined;
  /** The partner's name, from `partner:` front matter or the title. */
  partnerName: string | undefined;
  /** Name forms matched in text (the full name and a distinctive first word), per side. */
  ours: string[];
  partner: string[];
}

function frontMatterString(doc: StrategyDocument, key: string): string | undefined {
  const data = doc.frontMatter?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The two company names in a title such as "Acme × Initech Partnership Charter (draft)". */
function titleParties(title: string | undefined): [string, string] | undefined {
  if (!title) return undefined;
  const core = title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:partnership|partner|charter|agreement|draft|proposal|v\d+(?:\.\d+)*)\b/gi, ' ')
    .replace(/[:—–]+/g, ' ')
    .trim();
  const parts = core.split(/\s*(?:×|✕|\+|&|<>|<->|↔|\/)\s*|\s+(?:x|X|and|with|vs\.?)\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length !== 2 || parts.some((p) => p.split(/\s+/).length > 4)) return undefined;
  return [parts[0]!, parts[1]!];
}

function sameCompany(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const first = x.split(/\s+/)[0]!;
  return first.length >= 3 && first === y.split(/\s+/)[0] && !NAME_STOP_WORDS.has(first);
}

function nameForms(name: string | undefined): string[] {
  if (!name) return [];
  const words = name.split(/\s+/);
  const first = words[0]!;
  return words.length > 1 && first.length >= 3 && !NAME_STOP_WORDS.has(first.toLowerCase()) ? [name, first] : [name];
}

/**
 * The names of both sides: `company:` and `partner:` from front matter; when only one is given,
 * the other is the remaining party of a title such as "Acme × Initech Partnership Charter".
 */
export function sideNames(doc: StrategyDocument): SideNames {
  let ourName = frontMatterString(doc, 'company') ?? frontMatterString(doc, 'us') ?? frontMatterString(doc, 'our-company') ?? frontMatterString(doc, 'our_company');
  let partnerName = frontMatterString(doc, 'partner');
  const parties = titleParties(doc.title?.title ?? doc.sniffed.title) ?? betweenNames(doc);
  if (parties) {
    const [a, b] = parties;
    if (!partnerName && !ourName) {
      // Nothing says which side is which: the first-named party is the author's own.
      ourName = a;
      partnerName = b;
    } else if (partnerName && !ourName) {
      if (sameCompany(b, partnerName) && !sameCompany(a, partnerName)) ourName = a;
      else if (sameCompany(a, partnerName) && !sameCompany(b, partnerName)) ourName = b;
    } else if (ourName && !partnerName) {
      if (sameCompany(a, ourName) && !sameCompany(b, ourName)) partnerName = b;
      else if (sameCompany(b, ourName) && !sameCompany(a, ourName)) partnerName = a;
    }
  }
  return { ourName, partnerName, ours: nameForms(ourName), partner: nameForms(partnerName) };
}

/** A person's name: "Dana Reyes", "Lee J. Park". */
const PERSON = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]*\p{Ll}(?![\p{L}\p{N}])/gu;

/**
 * The person names in an item's text, labels ("Decision owner:") left out. Kept per text: the
 * same items are read on every keystroke.
 */
export function personNames(text: string): readonly string[] {
  const find = () => Object.freeze([...text.replace(/^[^:\r\n]{1,80}:/gm, ' ').matchAll(PERSON)].map((m) => m[0]));
  return text.length > 4096 ? find() : personNamesOf.get(text, find);
}

const personNamesOf = new TextCache<readonly string[]>(4096);
