import type { List, ListItem, Table, TableCell } from 'mdast';
import type { Range } from '../core/types';
import type { StrategyDocument, Section } from '../core/document';
import { itemsOf, plain, type TextItem } from '../core/items';
import { normalizeHeading, hasPhrase, type Vocabulary } from '../core/vocabulary';

/**
 * Finding the tiers of a partner program, the way tier models are written: a heading per tier
 * ("Tier 1: Integration Partner", "Gold tier", "Level 3"), a table whose first column names the
 * tiers, or a list whose items open with a bold tier name.
 */

/** Names programs give their tiers. A name counts on its own only under a heading about tiers. */
// vocabulary candidate
export const TIER_NAMES: readonly string[] = [
  'diamond', 'platinum', 'titanium', 'gold', 'silver', 'bronze',
  'registered', 'authorized', 'select', 'advanced', 'premier', 'elite', 'strategic', 'preferred', 'emerging',
];

/** Phrases that say how a partner moves from one tier to the next. */
// vocabulary candidate
export const GRADUATION_TERMS: readonly string[] = [
  'graduation', 'graduate', 'graduates', 'graduated', 'graduating', 'graduation path',
  'promoted', 'promotion to', 'promotion criteria', 'promote to', 'move up', 'moves up', 'moving up', 'step up',
  'move to tier', 'moves to tier', 'move to level', 'moves to level', 'reach tier', 'reaches tier', 'reach level', 'reaches level',
  'advance to', 'advances to', 'advancing to', 'advance from', 'advancement', 'upgrade', 'upgraded', 'upgrades',
  'eligible for tier', 'eligible for level', 'eligible for promotion', 'eligible to move', 'eligibility',
  'criteria', 'requirements', 'qualify', 'qualifies', 'qualification', 'qualifying',
  'evaluate for', 'evaluated for', 'review for', 'reviewed for', 'considered for',
  '/\\bafter\\s+(?:\\d+|one|two|three|four|six|twelve)\\s+(?:months?|quarters?|weeks?|years?)\\b/',
];

/**
 * Graduation words that are just as often about something else ("legal requirements", "the
 * upgrade to v2"): outside a tier's own description they count only in a sentence that also
 * names a tier or level.
 */
// vocabulary candidate
export const GENERIC_GRADUATION_TERMS: readonly string[] = [
  'criteria', 'requirements', 'eligibility', 'qualify', 'qualifies', 'qualification', 'qualifying',
  'advancement', 'upgrade', 'upgraded', 'upgrades',
];

/**
 * Reads a vocabulary list that may not exist in `Vocabulary` yet (a team's configuration adds
 * it once the field is registered), falling back to the default here.
 */
export function listOr(vocabulary: Vocabulary, field: string, fallback: readonly string[]): readonly string[] {
  const value = (vocabulary as unknown as Record<string, unknown>)[field];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
}

/** The phrases that say how a partner moves up, as configured (`graduationTerms`) or by default. */
export function graduationTerms(vocabulary: Vocabulary): readonly string[] {
  return listOr(vocabulary, 'graduationTerms', GRADUATION_TERMS);
}

export interface Tier {
  /** The tier's name as written, without its description ("Tier 2", "Gold tier"). */
  label: string;
  /** What makes two mentions the same tier: "n:2", "name:gold". */
  key: string;
  /** Where the tier is named: its heading, its first table cell, its bold list lead. */
  range: Range;
  /** The extent of the tier's description in the text. */
  start: number;
  end: number;
  /** The tier's own text (name and description), Markdown removed. */
  text: string;
  /** Table rows: the text of the cell in the table's criteria column, if the table has one. */
  criteriaCell?: string;
  /** Whether the tier is bought at a listed price (a price per period, or a fee column with an amount). */
  priced: boolean;
}

export interface TierModel {
  /**
   * How the tiers are written: a heading each, table rows, table columns (a header row naming the
   * tiers, Markdown or HTML), a list (bold-led items, or plain items a lead-in calls tiers), or a
   * tree drawn in a code block under a "Tiers:" line, or named in one sentence ("four tiers:
   * Bronze, Silver, Gold and Platinum").
   */
  source: 'headings' | 'table' | 'columns' | 'list' | 'tree' | 'inline';
  tiers: Tier[];
  /** Where the ladder is introduced when that is not a heading (a "Levels:" line in a diagram). */
  anchor?: Range;
  /**
   * Whether the document calls this group tiers or levels where it writes it: under a heading
   * about tiers, after a "Levels:" lead-in, in a table whose first column is "Tier". A group
   * recognised only by its names ("Tier 1 integrators" as target segments) is not.
   */
  introduced: boolean;
  /** The heading the tiers sit under (not the document title), if any. */
  container: Section | undefined;
  /** Offsets of everything that belongs to the tier descriptions (a table's header row included). */
  extents: Array<[number, number]>;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** Names that only ever name a rung (metals and stones); the other tier names are also ordinary adjectives. */
const METALS: readonly string[] = ['diamond', 'platinum', 'titanium', 'gold', 'silver', 'bronze'];

/** The part of a tier title before its description: "Tier 2: Partnership Partner" → "Tier 2". */
export function tierHead(title: string): string {
  const cut = /:|—|–|\(|\||\s-\s/u.exec(title);
  return (cut ? title.slice(0, cut.index) : title).trim();
}

/**
 * The identity of a tier named by `title`, or undefined when it does not name one.
 * `underTiers` says whether the title sits under a heading about tiers, where a bare
 * name ("Gold", "Strategic partners") is enough.
 */
export function tierKey(title: string, underTiers: boolean, names: readonly string[]): string | undefined {
  const head = normalizeHeading(tierHead(title));
  const numbered = /^(?:partner\s+)?(?:tier|level)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|i{1,3}|iv|vi{0,3}|ix|x|[a-f])(?:\s|$)/u.exec(head);
  if (numbered) {
    const id = numbered[1]!;
    const n = /^\d+$/.test(id) ? Number(id) : NUMBER_WORDS[id] ?? ROMAN[id];
    return n !== undefined ? `n:${n}` : `l:${id}`;
  }
  const words = head.split(' ');
  const name = words[0];
  if (!name || !names.includes(name)) return undefined;
  const rest = words.slice(1).join(' ');
  if (/^(?:partner\s+)?(?:tier|level)$/.test(rest)) return `name:${name}`;
  if (underTiers && /^(?:|partners?|members?)$/.test(rest)) return `name:${name}`;
  return undefined;
}

/**
 * A tier name followed by the kind of member it ranks: "Gold members", "Platinum Channel
 * Partners", "Strategic Co-Selling Partners". Read only in a group of such headings (see
 * `headingLadders`), since one "Select partners" heading alone says nothing.
 */
function rankedMemberName(title: string, names: readonly string[]): { name: string; rest: string } | undefined {
  const words = normalizeHeading(tierHead(title)).split(' ');
  const name = words[0];
  if (!name || !names.includes(name) || words.length > 5) return undefined;
  const rest = words.slice(1).join(' ');
  return /^(?:[a-z]+\s+){0,3}(?:partners?|members?|sponsors?|membership|partnership)$/.test(rest) ? { name, rest } : undefined;
}

/** Words that make a heading or item a section about the tiers rather than a tier of its own. */
const NOT_A_TIER = /\b(?:overview|summary|introduction|benefits?|requirements?|criteria|eligibility|comparison|compare|faq|questions?|notes?|how|why|what|when|who|which|add ons?|addons?|options?|custom|pricing|prices?|payments?|contact|process|terms|details|matrix|table|graduation|moving|path|next|examples?|recognition|current|all|other|additional|about|apply|application|resources|structure|program|model|framework|tiers|levels)\b/;

/**
 * The identity of a tier written under a heading or lead-in that calls its contents tiers, where
 * any short name counts: known names as `tierKey` reads them, others by their words ("x:supporter";
 * a trailing "partner", "member", "sponsor", "tier" or "level" dropped so "Express Partner" and
 * "Express" are one tier).
 */
function namedKey(title: string, names: readonly string[], metalPrefix = true): string | undefined {
  const known = tierKey(title, true, names);
  if (known) return known;
  const head = normalizeHeading(tierHead(title));
  if (!head || head.split(' ').length > 5 || NOT_A_TIER.test(head) || /\d/.test(head)) return undefined;
  const ranked = rankedMemberName(title, names);
  if (ranked) return `name:${ranked.name}`;
  // A metal names a rung whatever follows it ("Gold Integrator", "Silver Reseller").
  const first = head.split(' ')[0]!;
  if (metalPrefix && METALS.includes(first) && names.includes(first)) return `name:${first}`;
  const bare = head.replace(/\s+(?:partners?|members?|sponsors?|tier|level)$/, '');
  return bare ? `x:${bare}` : undefined;
}

const TIERISH = /\btier(?:s|ing|ed)?\b|\blevels\b/i;

/** A price per period: "$500/month", "USD 2,000 per year", "€100/mo". */
const PRICED = /(?:[$€£]|\b(?:usd|eur|gbp)\s*\$?)\s?\d[\d,.]*\s*[kKmM]?\+?\s*(?:\/|per\s+|a\s+)(?:mo\b|month|yr\b|year|annum|quarter)/i;
/** An amount of money: "$100k", "USD 5,000", "€ 20". */
const MONEY = /(?:[$€£]|\b(?:usd|eur|gbp)\b\s*\$?)\s?\d/i;
/** A column or row that lists what a tier costs. */
const FEE_LABEL = /\b(?:fees?|dues|price|pricing|cost|costs|monthly|annual|annually|per\s+(?:month|year))\b/i;

/** Whether a heading's direct parent (not the document title) is about tiers. */
function parentIsAboutTiers(doc: StrategyDocument, section: Section): boolean {
  const parent = section.parent;
  return parent !== undefined && parent !== doc.title && TIERISH.test(parent.title);
}

function headingTier(doc: StrategyDocument, section: Section, key: string): Tier {
  const body = itemsOf(doc, section.allBlocks).map((i) => i.text).join('\n');
  // Sub-headings are part of the description ("**Qualification requirements:**" over a list).
  const subtitles: string[] = [];
  const stack = [...section.children];
  while (stack.length > 0) {
    const sub = stack.shift()!;
    subtitles.push(sub.title);
    stack.unshift(...sub.children);
  }
  const text = [section.title, ...subtitles, body].join('\n');
  return { label: tierHead(section.title), key, range: section.headingRange, start: section.start, end: section.end, text, priced: PRICED.test(text) };
}

/**
 * Tiers are siblings: every group of sibling headings naming two or more tiers is a ladder.
 * A bare name ("Gold") counts under a heading about tiers; a name with the kind of member it
 * ranks ("Gold members", "Platinum Channel Partners") counts when two metals, or three names
 * with the same ending naming the program ("Co-Selling Partners"), stand side by side; and under a heading about tiers, a short sibling
 * that is not a tier name ("Supporter") counts too, as long as the known names are the majority.
 */
function headingLadders(doc: StrategyDocument, names: readonly string[], region: Section | undefined): Array<{ tiers: Tier[]; container: Section | undefined }> {
  const groups = new Map<Section | undefined, Section[]>();
  for (const section of doc.sections) {
    if (section === doc.title || (region && !within(region, section))) continue;
    const list = groups.get(section.parent) ?? [];
    list.push(section);
    groups.set(section.parent, list);
  }
  const ladders: Array<{ tiers: Tier[]; container: Section | undefined }> = [];
  for (const [parent, siblings] of groups) {
    // The heading the group sits under says what it is; the document title only speaks for the
    // headings right under it ("## Strategic partners" under "## Who we work with" is not a tier
    // because the title says "Partner Tiers").
    const underTiers = TIERISH.test((parent ?? doc.title)?.title ?? '') || TIERISH.test(region?.title ?? '');
    const keys = new Map<Section, string>();
    for (const section of siblings) {
      const key = tierKey(section.title, underTiers, names);
      if (key) keys.set(section, key);
    }
    // Names with the kind of member they rank, side by side.
    const ranked = siblings
      .filter((s) => !keys.has(s))
      .map((s) => ({ section: s, read: rankedMemberName(s.title, names) }))
      .filter((r): r is { section: Section; read: { name: string; rest: string } } => r.read !== undefined);
    const metals = new Set(ranked.filter((r) => METALS.includes(r.read.name)).map((r) => r.read.name));
    const endings = new Map<string, number>();
    for (const r of ranked) endings.set(r.read.rest, (endings.get(r.read.rest) ?? 0) + 1);
    for (const r of ranked) {
      // Adjectives with a bare "partners" ("Strategic partners", "Preferred partners") are how prose
      // sorts partners; with the program in the ending ("Preferred Co-Selling Partners") they rank them.
      const programEnding = r.read.rest.includes(' ') && (endings.get(r.read.rest) ?? 0) >= 3;
      if (metals.size >= 2 || programEnding) keys.set(r.section, `name:${r.read.name}`);
    }
    const known = new Set(keys.values()).size;
    if (known < 2) continue;
    // Under a heading about tiers, other short names among the siblings are tiers too.
    const first = siblings[0];
    if (first && parentIsAboutTiers(doc, first)) {
      const others = new Map<Section, string>();
      for (const section of siblings) {
        if (keys.has(section)) continue;
        const key = namedKey(section.title, names);
        if (key) others.set(section, key);
      }
      if (others.size <= known) for (const [section, key] of others) keys.set(section, key);
    }
    const seen = new Set<string>();
    const tiers: Tier[] = [];
    for (const section of siblings) {
      const key = keys.get(section);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      tiers.push(headingTier(doc, section, key));
    }
    if (tiers.length >= 2) ladders.push({ tiers, container: parent === doc.title ? undefined : parent });
  }
  return ladders;
}

function cellRange(cell: TableCell): { start: number; end: number } | undefined {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

/** The innermost section whose own or nested content holds the block starting at `offset`. */
function sectionAt(doc: StrategyDocument, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of doc.sections) if (s.contentStart <= offset && offset < s.end) found = s;
  return found;
}

/** The paragraph that ends right before `offset` (up to a blank line), unless it is a heading or a table. */
function leadInBefore(doc: StrategyDocument, offset: number): string | undefined {
  const before = doc.text.slice(Math.max(0, offset - 400), offset).trimEnd();
  const chunk = before.split(/\r?\n[ \t]*\r?\n|\r[ \t]*\r/).pop()?.trim();
  return chunk && !/^(?:#|\||[-*+] |\d+[.)] )/.test(chunk) ? chunk : undefined;
}

/** Whether a lead-in introduces what follows as the tiers ("The levels are:", "Each partner tier works on these terms:"). */
function introducesTiers(leadIn: string | undefined): boolean {
  return leadIn !== undefined && /:\s*$/.test(leadIn) && TIERISH.test(leadIn);
}

/** A row that adds the others up ("Total", "**TOTAL**", "Sum"): not a tier. */
const TOTAL_ROW = /^(?:total|totals|sum|overall|all\s+tiers|all)$/;

/** A first header cell that says the column names tiers: "Tier", "Partner level", "Membership Level". */
const TIER_COLUMN = /^(?:(?:partner|partnership|member|membership|sponsor|sponsorship|program)\s+)?(?:tier|tiers|level|levels)(?:\s+name)?$/;

/**
 * Header cells after the first that name tiers, one per column ("| Benefit | Silver | Gold |
 * Platinum |"): at least two known tier names, and no fewer known names than others.
 */
function columnTierNames(cells: readonly string[], names: readonly string[]): string[] | undefined {
  const rest = cells.slice(1).map((c) => c.trim());
  if (rest.length < 2 || rest.some((c) => c === '')) return undefined;
  const known = rest.filter((c) => tierKey(c, true, names) !== undefined).length;
  if (known < 2 || known * 2 < rest.length) return undefined;
  return rest.every((c) => namedKey(c, names) !== undefined) ? rest : undefined;
}

/**
 * `leadIn`: the paragraph right before the table, when it introduces it ("Each partnership tier
 * operates on these terms:"). A table introduced as tiers names a tier in each row.
 */
function tableTiers(doc: StrategyDocument, table: Table, names: readonly string[], graduation: readonly string[], leadIn: string | undefined): { tiers: Tier[]; extents: Array<[number, number]>; source: 'table' | 'columns'; headed: boolean } | undefined {
  const [header, ...rows] = table.children;
  if (!header) return undefined;
  const headerCells = header.children.map((c) => plain(c).trim());
  const columns = rows.length >= 1 ? columnTierNames(headerCells, names) : undefined;
  if (columns) {
    const found = columnTiers(doc, table, columns, names);
    return found ? { ...found, headed: false } : undefined;
  }
  if (rows.length < 2) return undefined;
  const headed = TIER_COLUMN.test(normalizeHeading(headerCells[0] ?? '')) || introducesTiers(leadIn);
  const criteriaColumn = headerCells.findIndex((c, i) => i > 0 && hasPhrase(c, graduation));
  const feeColumn = headerCells.findIndex((c, i) => i > 0 && i !== criteriaColumn && FEE_LABEL.test(c));
  const tiers: Tier[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const cell = row.children[0];
    const at = cell && cellRange(cell);
    if (!cell || !at) continue;
    const name = plain(cell).trim();
    if (TOTAL_ROW.test(normalizeHeading(name))) continue;
    const key = tierKey(name, true, names) ?? (headed ? `cell:${normalizeHeading(name)}` : undefined);
    if (!key) {
      if (!headed) return undefined;
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const rowStart = row.position?.start.offset ?? at.start;
    const rowEnd = row.position?.end.offset ?? at.end;
    const criteria = criteriaColumn >= 0 ? row.children[criteriaColumn] : undefined;
    const fee = feeColumn >= 0 ? row.children[feeColumn] : undefined;
    const text = row.children.map((c, i) => (i === criteriaColumn ? '' : plain(c).trim())).join(' | ');
    tiers.push({
      label: tierHead(name),
      key,
      range: doc.index.rangeOf(at.start, at.end),
      start: rowStart,
      end: rowEnd,
      text,
      priced: PRICED.test(text) || (fee !== undefined && MONEY.test(plain(fee))),
      ...(criteria ? { criteriaCell: plain(criteria).trim() } : {}),
    });
  }
  if (tiers.length < 2) return undefined;
  const headerStart = header.position?.start.offset ?? 0;
  const headerEnd = header.position?.end.offset ?? 0;
  return { tiers, extents: [[headerStart, headerEnd], ...tiers.map((t): [number, number] => [t.start, t.end])], source: 'table', headed };
}

/** A Markdown table whose header row names the tiers, one per column. */
function columnTiers(doc: StrategyDocument, table: Table, columns: readonly string[], names: readonly string[]): { tiers: Tier[]; extents: Array<[number, number]>; source: 'columns' } | undefined {
  const [header, ...rows] = table.children;
  if (!header) return undefined;
  const tiers: Tier[] = [];
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    const cell = header.children[i + 1];
    const at = cell && cellRange(cell);
    const key = namedKey(name, names);
    if (!at || !key || seen.has(key)) return;
    seen.add(key);
    const values = rows.map((r) => `${plain(r.children[0] ?? r).trim()}: ${r.children[i + 1] ? plain(r.children[i + 1]!).trim() : ''}`);
    const text = [name, ...values].join('\n');
    tiers.push({
      label: tierHead(name), key, range: doc.index.rangeOf(at.start, at.end), start: at.start, end: at.end, text,
      priced: PRICED.test(text),
    });
  });
  if (tiers.length < 2) return undefined;
  const start = table.position?.start.offset ?? 0;
  const end = table.position?.end.offset ?? 0;
  return { tiers, extents: [[start, end]], source: 'columns' };
}

/**
 * An HTML table (`<table>` in a Markdown page, as static-site pages write them) whose header row
 * names the tiers, one per column. Cells are read only when they hold plain text.
 */
function htmlColumnTiers(doc: StrategyDocument, start: number, html: string, names: readonly string[]): { tiers: Tier[]; extents: Array<[number, number]> } | undefined {
  if (!/<table\b/i.test(html)) return undefined;
  const rows: Array<Array<{ text: string; at: number }>> = [];
  const lower = html.toLowerCase();
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<tr', from);
    if (open < 0) break;
    const close = lower.indexOf('</tr>', open);
    const stop = close < 0 ? html.length : close;
    const cells: Array<{ text: string; at: number }> = [];
    const cellPattern = /<t[hd]\b[^>]*>([^<]*)</gi;
    const body = html.slice(open, stop);
    for (let m = cellPattern.exec(body); m; m = cellPattern.exec(body)) {
      const raw = m[1] ?? '';
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text: raw.trim(), at: open + m.index + m[0].length - 1 - raw.length + lead });
    }
    rows.push(cells);
    from = stop + 1;
  }
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    const columns = columnTierNames(cells.map((c) => c.text), names);
    if (!columns) continue;
    const tiers: Tier[] = [];
    const seen = new Set<string>();
    columns.forEach((name, i) => {
      const cell = cells[i + 1]!;
      const key = namedKey(name, names);
      if (!key || seen.has(key)) return;
      seen.add(key);
      const values = rows.slice(r + 1).map((row) => `${row[0]?.text ?? ''}: ${row[i + 1]?.text ?? ''}`);
      const text = [name, ...values].join('\n');
      const at = start + cell.at;
      tiers.push({
        label: name, key, range: doc.index.rangeOf(at, at + cell.text.length), start: at, end: at + cell.text.length, text,
        priced: PRICED.test(text),
      });
    });
    if (tiers.length >= 2) return { tiers, extents: [[start, start + html.length]] };
  }
  return undefined;
}

/**
 * A list of tiers: items that open with a bold tier name ("- **Gold:** ..."), or, after a
 * lead-in that calls them tiers or levels ("The levels are:"), items that are short names. Under
 * a heading about tiers, bold leads that are not tier names ("**Founding Sponsor**") count too,
 * as long as the known names are the majority.
 */
function listTiers(doc: StrategyDocument, list: List, names: readonly string[], region: Section | undefined, leadIn: string | undefined): Tier[] | undefined {
  const at = list.position?.start.offset ?? 0;
  const section = sectionAt(doc, at);
  const underTiers = TIERISH.test((section ?? doc.title)?.title ?? '') || TIERISH.test(region?.title ?? '');
  const sectionAboutTiers = section !== undefined && section !== doc.title && TIERISH.test(section.title);
  const introduced = introducesTiers(leadIn);
  const entries: Array<{ item: ListItem; name: string; range: Range; key: string | undefined; other: string | undefined }> = [];
  for (const item of list.children as ListItem[]) {
    const paragraph = item.children[0];
    if (paragraph?.type !== 'paragraph') continue;
    const lead = paragraph.children[0];
    if (lead?.type === 'strong' && lead.position) {
      const name = plain(lead).trim().replace(/:$/, '');
      entries.push({
        item, name,
        range: doc.index.rangeOf(lead.position.start.offset ?? 0, lead.position.end.offset ?? 0),
        key: tierKey(name, underTiers, names),
        other: sectionAboutTiers || introduced ? namedKey(name, names) : undefined,
      });
    } else if (introduced && paragraph.position) {
      const name = tierHead(plain(paragraph).split(/\r?\n|\r/)[0] ?? '').replace(/[.:;,]$/, '');
      const start = paragraph.position.start.offset ?? 0;
      entries.push({ item, name, range: doc.index.rangeOf(start, start + name.length), key: tierKey(name, true, names), other: namedKey(name, names) });
    }
  }
  const known = new Set(entries.map((e) => e.key).filter(Boolean)).size;
  // A lead-in that calls the items tiers vouches for all of them when they are all short names
  // and two are known tier names ("at three levels:" before "Adoption", "Revenue" is prose);
  // otherwise other names ride on known ones.
  const takeOthers = known >= 2 && (introduced
    ? entries.length === list.children.length && entries.every((e) => e.key ?? e.other)
    : entries.filter((e) => !e.key && e.other).length <= known);
  const tiers: Tier[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.key ?? (takeOthers ? entry.other : undefined);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const start = entry.item.position?.start.offset ?? 0;
    const end = entry.item.position?.end.offset ?? 0;
    const text = plain(entry.item);
    tiers.push({ label: tierHead(entry.name), key, range: entry.range, start, end, text, priced: PRICED.test(text) });
  }
  return tiers.length >= 2 ? tiers : undefined;
}

/** A line that opens a ladder in a diagram: "Tiers:", "Partnership Levels:". */
const TREE_LEAD = /^[ \t]*((?:[\p{L}&/-]+[ \t]+){0,4}(?:tiers|levels))[ \t]*:[ \t]*$/iu;
/** A branch of a drawn tree: "├── Name", "└── Name", "|-- Name", "+-- Name". */
const TREE_BRANCH = /^([ \t│|]*)(?:├──|└──|\|--|`--|\+--)[ \t]*(.*)$/u;

/**
 * Ladders drawn as a tree in a code block, under a line that calls them tiers or levels:
 *
 *     Tiers:
 *     ├── Registered Partner (Entry level)
 *     │   └── Requirements: sign the agreement
 *     └── Premier Partner
 *
 * Each top branch is a tier; its sub-branches are its description.
 */
function treeLadders(doc: StrategyDocument, start: number, end: number, names: readonly string[]): Array<{ tiers: Tier[]; anchor: Range }> {
  const ladders: Array<{ tiers: Tier[]; anchor: Range }> = [];
  const lines: Array<{ text: string; at: number }> = [];
  let at = start;
  for (const text of doc.text.slice(start, end).split('\n')) {
    lines.push({ text: text.replace(/\r$/, ''), at });
    at += text.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const lead = TREE_LEAD.exec(lines[i]!.text);
    if (!lead) continue;
    const anchorAt = lines[i]!.at + lines[i]!.text.indexOf(lead[1]!);
    const anchor = doc.index.rangeOf(anchorAt, anchorAt + lead[1]!.length);
    let indent: number | undefined;
    const tiers: Tier[] = [];
    const seen = new Set<string>();
    let current: { tier: Tier; lines: string[] } | undefined;
    const close = () => {
      if (!current) return;
      current.tier.text = current.lines.join('\n');
      current.tier.priced = PRICED.test(current.tier.text);
      tiers.push(current.tier);
      current = undefined;
    };
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.text.trim() === '') break;
      const branch = TREE_BRANCH.exec(line.text);
      if (!branch) break;
      const depth = branch[1]!.length;
      indent ??= depth;
      if (depth < indent) break;
      if (depth === indent) {
        close();
        const raw = branch[2]!.replace(/:\s*$/, '').trim();
        const key = namedKey(raw, names);
        if (!key) { current = undefined; continue; }
        if (seen.has(key)) continue;
        seen.add(key);
        const nameAt = line.at + line.text.length - branch[2]!.length;
        const label = tierHead(raw);
        current = {
          tier: { label, key, range: doc.index.rangeOf(nameAt, nameAt + label.length), start: line.at, end: line.at + line.text.length, text: '', priced: false },
          lines: [raw],
        };
      } else if (current) {
        current.lines.push(line.text.slice(branch[1]!.length).replace(/^(?:├──|└──|\|--|`--|\+--)\s*/u, ''));
        current.tier.end = line.at + line.text.length;
      }
    }
    close();
    // "Maturity levels:" over "Initial", "Managed" is not a partner ladder: the line must speak
    // of partners (or the branches carry two known tier names).
    const aboutPartners = /\b(?:partner\w*|member\w*|sponsor\w*|alliances?|programs?|resellers?|integrators?)\b/i.test(lead[1]!);
    const known = tiers.filter((t) => /^(?:n|l|name):/.test(t.key)).length;
    if (tiers.length >= 2 && (aboutPartners || known >= 2)) ladders.push({ tiers, anchor });
    i = j - 1;
  }
  return ladders;
}

/** A delimiter row of a pipe table: "|---|:---:|". */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** An mdast position for the offsets `from`-`to`. */
function span(doc: StrategyDocument, from: number, to: number): { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } {
  const a = doc.index.positionAt(from);
  const b = doc.index.positionAt(to);
  return { start: { line: a.line + 1, column: a.character + 1, offset: from }, end: { line: b.line + 1, column: b.character + 1, offset: to } };
}

/**
 * A pipe table Markdown did not read as one because its delimiter row has a different number of
 * cells than its header (so it renders as a paragraph of pipes), read the way its author meant
 * it: one row per line, cells between the pipes. Returned in the shape of a Markdown table.
 */
function looseTable(doc: StrategyDocument, start: number, end: number): Table | undefined {
  if (doc.text[start] !== '|') return undefined;
  const rows: Table['children'] = [];
  let at = start;
  const lines = doc.text.slice(start, end).split('\n');
  if (lines.length < 3 || !DELIMITER_ROW.test(lines[1]!)) return undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    const lineStart = at;
    at += raw.length + 1;
    if (i === 1) continue;
    if (!/^\s*\|.*\|\s*$/.test(line)) return undefined;
    const cells: Table['children'][number]['children'] = [];
    let cellStart = line.indexOf('|') + 1;
    for (let bar = line.indexOf('|', cellStart); bar >= 0; bar = line.indexOf('|', cellStart)) {
      const rawCell = line.slice(cellStart, bar);
      const value = rawCell.trim();
      const from = lineStart + cellStart + (rawCell.length - rawCell.trimStart().length);
      const position = span(doc, from, from + value.length);
      cells.push({ type: 'tableCell', children: value ? [{ type: 'text', value, position }] : [], position });
      cellStart = bar + 1;
    }
    const position = span(doc, lineStart, lineStart + line.length);
    rows.push({ type: 'tableRow', children: cells, position });
  }
  return { type: 'table', children: rows };
}

/** Every block of the tree, depth first (tables and lists nested in lists or quotes included). */
function* blocksOf(nodes: readonly { type: string; children?: unknown }[]): Generator<{ type: string; children?: unknown }> {
  for (const node of nodes) {
    yield node;
    if (node.type !== 'table' && Array.isArray(node.children)) yield* blocksOf(node.children as { type: string }[]);
  }
}

/** Whether `section` lies inside the content of `region` (subsections of it). */
function within(region: Section, section: Section): boolean {
  return section !== region && section.start >= region.contentStart && section.start < region.end;
}

const PRECEDENCE: Record<TierModel['source'], number> = { headings: 0, table: 1, columns: 2, list: 3, tree: 4, inline: 5 };

/** A tier's identity across ways of writing it: "cell:gold" in a table is "name:gold" under a heading. */
function identity(key: string): string {
  return key.startsWith('cell:') ? `x:${key.slice(5).replace(/\s+(?:partners?|members?|sponsors?|tier|level)$/, '')}` : key;
}

/** The words a tier is called by: "gold" for "name:gold", "integration partner" for a table row of that name. */
function nameWords(tier: Tier): string | undefined {
  const m = /^(?:name|x|cell):(.+)$/.exec(tier.key);
  return m ? m[1] : undefined;
}

/** The whole line that names a tier, normalised: its heading, first cell, bold lead or branch. */
function fullName(tier: Tier): string {
  return ` ${normalizeHeading(tier.text.split(/\r?\n/)[0]!.split(' | ')[0]!)} `;
}

/**
 * Whether two groups of tiers are the same ladder written twice: they share a tier, or one
 * names a tier by words the other's tier title holds ("Integration Partner" in a summary
 * table, "Tier 1: Integration Partner" as the heading).
 */
function sameLadder(a: TierModel, b: TierModel): boolean {
  const ids = new Set(a.tiers.map((t) => identity(t.key)));
  if (b.tiers.some((t) => ids.has(identity(t.key)))) return true;
  // One word is too little to go on ("Strategic" in "Strategic Alliance"), unless the other
  // title is a numbered tier's description ("Tier 1: Integration").
  const within = (x: TierModel, y: TierModel) => x.tiers.some((t) => {
    const words = nameWords(t);
    if (words === undefined) return false;
    const several = words.includes(' ');
    return y.tiers.some((u) => (several || /^[nl]:/.test(u.key)) && fullName(u).includes(` ${words} `));
  });
  return within(a, b) || within(b, a);
}

/**
 * Points each tier of a ladder written as a summary (table rows or columns, a list, a diagram)
 * at its own section when the document gives it one that says more about it: "## Silver
 * Partner" after a list of levels is where the Silver tier is described.
 */
function relocateToHeadings(doc: StrategyDocument, model: TierModel, sectionsByKey: () => ReadonlyMap<string, Section>): TierModel {
  if (model.source === 'headings') return model;
  const byKey = sectionsByKey();
  const moved = model.tiers.map((tier) => {
    const section = byKey.get(identity(tier.key));
    if (!section) return undefined;
    const replacement = headingTier(doc, section, tier.key);
    return replacement.text.length > tier.text.length && !(tier.start >= section.start && tier.start < section.end) ? replacement : undefined;
  });
  if (moved.filter(Boolean).length < 2) return model;
  const tiers = model.tiers.map((tier, i) => {
    const to = moved[i];
    return to ? { ...to, label: tier.label, priced: to.priced || tier.priced, ...(tier.criteriaCell !== undefined ? { criteriaCell: tier.criteriaCell } : {}) } : tier;
  });
  return { ...model, tiers, extents: [...model.extents, ...tiers.map((t): [number, number] => [t.start, t.end])] };
}

/**
 * Every tier ladder written in `region` (a section, subsections included), or anywhere in the
 * document, in document order. The same ladder written twice (tier headings and a summary
 * table, a list of levels and a section per level) is one ladder: of the ways it is written,
 * the one naming the most tiers is kept (headings first on a tie), pointed at the tiers' own
 * sections where they have them. Ladders that share no tier are separate ladders.
 */
/**
 * A ladder named in one sentence: "There are four tiers: Bronze, Silver, Gold and Platinum",
 * "Our partner levels are Registered, Select and Premier". The sentence must call them tiers or
 * levels and then list two or more names, every one of which names a tier on its own (a known
 * tier name or "Tier 2"): one word that is not, and the sentence is prose, not a ladder.
 */
const INLINE_LADDER = /(?<![\p{L}\p{N}_])(?:tiers|levels)(?![\p{L}\p{N}_])[^.:;!?\n]{0,60}?(?::|(?<![\p{L}\p{N}_])(?:are|include|includes)(?![\p{L}\p{N}_]))[ \t]*([^.;:!?\n]{3,200})/giu;
const INLINE_SEPARATOR = /\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/giu;

function inlineTiers(doc: StrategyDocument, start: number, end: number, names: readonly string[]): Tier[] | undefined {
  const source = doc.text.slice(start, end);
  for (const m of source.matchAll(INLINE_LADDER)) {
    const listStart = start + m.index! + m[0].length - m[1]!.length;
    const list = m[1]!;
    const tiers: Tier[] = [];
    let at = 0;
    let ok = true;
    const parts: Array<[number, number]> = [];
    INLINE_SEPARATOR.lastIndex = 0;
    for (let sep = INLINE_SEPARATOR.exec(list); ; sep = INLINE_SEPARATOR.exec(list)) {
      const stop = sep ? sep.index : list.length;
      parts.push([at, stop]);
      if (!sep) break;
      at = sep.index + sep[0].length;
    }
    const seen = new Set<string>();
    for (const [from, to] of parts) {
      const raw = list.slice(from, to);
      // Emphasis around a name ("**Gold**") and the end of the sentence's own emphasis.
      const lead = /^[\s*_]*/.exec(raw)![0].length;
      const name = raw.slice(lead).replace(/[\s*_)]+$/, '');
      const key = name ? tierKey(name, true, names) : undefined;
      if (!key || seen.has(key)) {
        ok = false;
        break;
      }
      seen.add(key);
      const nameStart = listStart + from + lead;
      tiers.push({ label: name, key, range: doc.index.rangeOf(nameStart, nameStart + name.length), start: nameStart, end: nameStart + name.length, text: name, priced: false });
    }
    if (ok && tiers.length >= 2) return tiers;
  }
  return undefined;
}

export function findTierLadders(doc: StrategyDocument, vocabulary: Vocabulary, region?: Section): TierModel[] {
  const names = listOr(vocabulary, 'tierNames', TIER_NAMES);
  const graduation = graduationTerms(vocabulary);
  const container = (at: number) => {
    const s = sectionAt(doc, at);
    return s === doc.title ? undefined : s;
  };
  const candidates: TierModel[] = [];
  for (const ladder of headingLadders(doc, names, region)) {
    const introduced = TIERISH.test((ladder.container ?? doc.title)?.title ?? '') || TIERISH.test(region?.title ?? '');
    candidates.push({ source: 'headings', tiers: ladder.tiers, container: ladder.container, introduced, extents: ladder.tiers.map((t) => [t.start, t.end]) });
  }
  for (const block of blocksOf(region ? region.allBlocks : doc.root.children)) {
    const position = (block as { position?: { start: { offset?: number }; end: { offset?: number } } }).position;
    const at = position?.start.offset ?? 0;
    const end = position?.end.offset ?? at;
    const called = () => introducesTiers(leadInBefore(doc, at)) || TIERISH.test(sectionAt(doc, at)?.title ?? '') || TIERISH.test(region?.title ?? '');
    if (block.type === 'table') {
      const found = tableTiers(doc, block as Table, names, graduation, leadInBefore(doc, at));
      if (found) candidates.push({ source: found.source, tiers: found.tiers, container: container(at), introduced: found.headed || called(), extents: found.extents });
    } else if (block.type === 'paragraph') {
      const table = looseTable(doc, at, end);
      const found = table && tableTiers(doc, table, names, graduation, leadInBefore(doc, at));
      if (found) candidates.push({ source: found.source, tiers: found.tiers, container: container(at), introduced: found.headed || called(), extents: found.extents });
      const named = !found && TIERISH.test(doc.text.slice(at, end)) ? inlineTiers(doc, at, end, names) : undefined;
      if (named) candidates.push({ source: 'inline', tiers: named, container: container(at), introduced: true, extents: named.map((t) => [t.start, t.end]) });
    } else if (block.type === 'list') {
      const found = listTiers(doc, block as List, names, region, leadInBefore(doc, at));
      if (found) candidates.push({ source: 'list', tiers: found, container: container(at), introduced: called(), extents: found.map((t) => [t.start, t.end]) });
    } else if (block.type === 'html') {
      const found = htmlColumnTiers(doc, at, doc.text.slice(at, end), names);
      if (found) candidates.push({ source: 'columns', tiers: found.tiers, container: container(at), introduced: called(), extents: found.extents });
    } else if (block.type === 'code') {
      for (const ladder of treeLadders(doc, at, end, names)) {
        candidates.push({ source: 'tree', tiers: ladder.tiers, container: container(at), anchor: ladder.anchor, introduced: true, extents: ladder.tiers.map((t) => [t.start, t.end]) });
      }
    }
  }
  candidates.sort((a, b) => b.tiers.length - a.tiers.length || PRECEDENCE[a.source] - PRECEDENCE[b.source] || a.tiers[0]!.start - b.tiers[0]!.start);
  let byKey: Map<string, Section> | undefined;
  const sectionsByKey = () => {
    if (!byKey) {
      byKey = new Map();
      for (const section of doc.sections) {
        if (section === doc.title || section.pseudo || (region && !within(region, section))) continue;
        // Strictly named: "## Gold standard onboarding" is not the Gold tier's section.
        const key = namedKey(section.title, names, false);
        if (key && !byKey.has(identity(key))) byKey.set(identity(key), section);
      }
    }
    return byKey;
  };
  const kept: TierModel[] = [];
  for (const candidate of candidates) {
    if (kept.some((ladder) => sameLadder(ladder, candidate))) continue;
    kept.push(relocateToHeadings(doc, candidate, sectionsByKey));
  }
  return kept.sort((a, b) => Math.min(...a.tiers.map((t) => t.start)) - Math.min(...b.tiers.map((t) => t.start)));
}

/**
 * The tier model written in `region` (a section, subsections included), or anywhere in the
 * document when no region is given: of its ladders, the one naming the most tiers (the first on
 * a tie); undefined when no ladder names two tiers.
 */
export function findTierModel(doc: StrategyDocument, vocabulary: Vocabulary, region?: Section): TierModel | undefined {
  let best: TierModel | undefined;
  for (const ladder of findTierLadders(doc, vocabulary, region)) if (!best || ladder.tiers.length > best.tiers.length) best = ladder;
  return best;
}

/** Text items of the document that lie outside every tier description of `models`. */
export function itemsOutsideTiers(doc: StrategyDocument, ...models: TierModel[]): TextItem[] {
  const extents = models.flatMap((m) => m.extents);
  return itemsOf(doc, doc.root.children).filter((item) => !extents.some(([s, e]) => item.start >= s && item.start < e));
}
