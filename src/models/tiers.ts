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
  'advance', 'advances', 'advancing', 'advancement', 'upgrade', 'upgraded', 'upgrades',
  'eligible for tier', 'eligible for level', 'eligible for promotion', 'eligible to move', 'eligibility',
  'criteria', 'requirements', 'qualify', 'qualifies', 'qualification', 'qualifying',
  'evaluate for', 'evaluated for', 'review for', 'reviewed for', 'considered for',
  '/\\bafter\\s+(?:\\d+|one|two|three|four|six|twelve)\\s+(?:months?|quarters?|weeks?|years?)\\b/',
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
}

export interface TierModel {
  source: 'headings' | 'table' | 'list';
  tiers: Tier[];
  /** The heading the tiers sit under (not the document title), if any. */
  container: Section | undefined;
  /** Offsets of everything that belongs to the tier descriptions (a table's header row included). */
  extents: Array<[number, number]>;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

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

const TIERISH = /\btier(?:s|ing|ed)?\b|\blevels\b/i;

function headingTiers(doc: StrategyDocument, names: readonly string[], region: Section | undefined): { tiers: Tier[]; container: Section | undefined } | undefined {
  // Tiers are siblings: group tier headings by parent and keep the group naming the most tiers.
  const groups = new Map<Section | undefined, Array<{ section: Section; key: string }>>();
  for (const section of doc.sections) {
    if (section === doc.title || (region && !within(region, section))) continue;
    const underTiers = TIERISH.test(section.parent?.title ?? '') || TIERISH.test(doc.title?.title ?? '') || TIERISH.test(region?.title ?? '');
    const key = tierKey(section.title, underTiers, names);
    if (!key) continue;
    const list = groups.get(section.parent) ?? [];
    list.push({ section, key });
    groups.set(section.parent, list);
  }
  let best: { tiers: Tier[]; container: Section | undefined } | undefined;
  for (const [parent, group] of groups) {
    const seen = new Set<string>();
    const tiers: Tier[] = [];
    for (const { section, key } of group) {
      if (seen.has(key)) continue;
      seen.add(key);
      const body = itemsOf(doc, section.allBlocks).map((i) => i.text).join('\n');
      tiers.push({
        label: tierHead(section.title),
        key,
        range: section.headingRange,
        start: section.start,
        end: section.end,
        text: `${section.title}\n${body}`,
      });
    }
    if (tiers.length >= 2 && (!best || tiers.length > best.tiers.length)) {
      best = { tiers, container: parent === doc.title ? undefined : parent };
    }
  }
  return best;
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

/** A row that adds the others up ("Total", "**TOTAL**", "Sum"): not a tier. */
const TOTAL_ROW = /^(?:total|totals|sum|overall|all\s+tiers|all)$/;

/**
 * `leadIn`: the paragraph right before the table, when it introduces it ("Each partnership tier
 * operates on these terms:"). A table introduced as tiers names a tier in each row.
 */
function tableTiers(doc: StrategyDocument, table: Table, names: readonly string[], graduation: readonly string[], leadIn: string | undefined): { tiers: Tier[]; extents: Array<[number, number]> } | undefined {
  const [header, ...rows] = table.children;
  if (!header || rows.length < 2) return undefined;
  const headerCells = header.children.map((c) => plain(c).trim());
  const headed = /^(?:partner\s+)?(?:tier|tiers|level|levels)(?:\s+name)?$/.test(normalizeHeading(headerCells[0] ?? ''))
    || (leadIn !== undefined && /:\s*$/.test(leadIn) && TIERISH.test(leadIn));
  const criteriaColumn = headerCells.findIndex((c, i) => i > 0 && hasPhrase(c, graduation));
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
    tiers.push({
      label: tierHead(name),
      key,
      range: doc.index.rangeOf(at.start, at.end),
      start: rowStart,
      end: rowEnd,
      text: row.children.map((c, i) => (i === criteriaColumn ? '' : plain(c).trim())).join(' | '),
      ...(criteria ? { criteriaCell: plain(criteria).trim() } : {}),
    });
  }
  if (tiers.length < 2) return undefined;
  const headerStart = header.position?.start.offset ?? 0;
  const headerEnd = header.position?.end.offset ?? 0;
  return { tiers, extents: [[headerStart, headerEnd], ...tiers.map((t): [number, number] => [t.start, t.end])] };
}

function listTiers(doc: StrategyDocument, list: List, names: readonly string[], region: Section | undefined): Tier[] | undefined {
  const tiers: Tier[] = [];
  const seen = new Set<string>();
  const underTiers = TIERISH.test(sectionAt(doc, list.position?.start.offset ?? 0)?.title ?? '') || TIERISH.test(doc.title?.title ?? '') || TIERISH.test(region?.title ?? '');
  for (const item of list.children as ListItem[]) {
    const paragraph = item.children[0];
    const lead = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    if (!lead || lead.type !== 'strong' || !lead.position) continue;
    const name = plain(lead).trim().replace(/:$/, '');
    const key = tierKey(name, underTiers, names);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const start = item.position?.start.offset ?? 0;
    const end = item.position?.end.offset ?? 0;
    tiers.push({
      label: tierHead(name),
      key,
      range: doc.index.rangeOf(lead.position.start.offset ?? start, lead.position.end.offset ?? end),
      start,
      end,
      text: plain(item),
    });
  }
  return tiers.length >= 2 ? tiers : undefined;
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

/**
 * The tier model written in `region` (a section, subsections included), or anywhere in the
 * document when no region is given. Headings win (two or more sibling tier headings), then the
 * table naming the most tiers, then the list naming the most; undefined when fewer than two
 * tiers are named.
 */
export function findTierModel(doc: StrategyDocument, vocabulary: Vocabulary, region?: Section): TierModel | undefined {
  const names = listOr(vocabulary, 'tierNames', TIER_NAMES);
  const graduation = graduationTerms(vocabulary);
  const byHeadings = headingTiers(doc, names, region);
  if (byHeadings) {
    return { source: 'headings', ...byHeadings, extents: byHeadings.tiers.map((t) => [t.start, t.end]) };
  }
  let table: { tiers: Tier[]; extents: Array<[number, number]>; at: number } | undefined;
  let list: { tiers: Tier[]; at: number } | undefined;
  for (const block of blocksOf(region ? region.allBlocks : doc.root.children)) {
    const at = (block as { position?: { start: { offset?: number } } }).position?.start.offset ?? 0;
    if (block.type === 'table') {
      const found = tableTiers(doc, block as Table, names, graduation, leadInBefore(doc, at));
      if (found && (!table || found.tiers.length > table.tiers.length)) table = { ...found, at };
    } else if (block.type === 'list') {
      const found = listTiers(doc, block as List, names, region);
      if (found && (!list || found.length > list.tiers.length)) list = { tiers: found, at };
    }
  }
  const container = (at: number) => {
    const s = sectionAt(doc, at);
    return s === doc.title ? undefined : s;
  };
  if (table) return { source: 'table', tiers: table.tiers, container: container(table.at), extents: table.extents };
  if (list) return { source: 'list', tiers: list.tiers, container: container(list.at), extents: list.tiers.map((t) => [t.start, t.end]) };
  return undefined;
}

/** Text items of the document that lie outside every tier description. */
export function itemsOutsideTiers(doc: StrategyDocument, model: TierModel): TextItem[] {
  return itemsOf(doc, doc.root.children).filter((item) => !model.extents.some(([s, e]) => item.start >= s && item.start < e));
}
