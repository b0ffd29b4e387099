import type { Table, TableRow } from 'mdast';
import { ruleMeta, type Rule } from '../core/rule';
import type { Range, TextEdit } from '../core/types';
import { followsOutline, type StrategyDocument, type Section } from '../core/document';
import { sectionItems, plain } from '../core/items';
import { findDates } from '../core/dates';
import { findPhrases, hasPhrase, normalizeHeading, type Vocabulary } from '../core/vocabulary';
import { models, withoutPlaceholders, type CharterVocabulary } from '../models';

/** Words a signature heading may carry besides its signature phrase: "Signatures and dates". */
const HEADING_FILLER = new Set(['and', 'the', 'of', 'by', 'charter', 'partnership', 'parties', 'both', 'date', 'dates', 'final', 'page']);
/** A signer's name: two letters in a row, once labels, dates and placeholders are gone. */
const NAME = /\p{L}{2,}/u;

/** "Signatures", "Sign-off", "Approvals and sign-off", "Globex sign-off"; not "Approval process". */
export function isSignatureHeading(title: string, charter: CharterVocabulary): boolean {
  const normalized = normalizeHeading(title);
  const matches = findPhrases(normalized, charter.signatureHeadings);
  if (matches.length === 0) return false;
  let rest = normalized;
  for (const m of [...matches].reverse()) rest = rest.slice(0, m.start) + ' ' + rest.slice(m.end);
  const left = rest.split(/\s+/).filter((w) => w && !HEADING_FILLER.has(w));
  if (left.length === 0) return true;
  // "Acme sign-off", "Partner approval": a short title that ends with the phrase.
  return matches[matches.length - 1]!.end === normalized.length && normalized.split(' ').length <= 4;
}

/** What a block of signature lines holds. */
interface Tally {
  /** Signatures with a name and a date. */
  dated: number;
  /** Names without a date. */
  undated: number;
}

function labelPhrases(charter: CharterVocabulary): string[] {
  const { name, date, other } = charter.signatureColumns;
  return [...name, ...date, ...other, ...charter.signatureHeadings];
}

function blank(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** Tallies one line of free text ("Dana Reyes, VP Partnerships, Acme — 1 Dec 2026"). */
function tallyLine(line: string, vocabulary: Vocabulary, charter: CharterVocabulary, into: Tally): void {
  const clean = withoutPlaceholders(line, vocabulary, charter);
  const dates = findDates(clean);
  const rest = blank(blank(clean, dates), findPhrases(blank(clean, dates), labelPhrases(charter)));
  if (!NAME.test(rest)) return;
  if (dates.length > 0) into.dated += dates.length;
  else into.undated++;
}

function cellTexts(row: TableRow): string[] {
  return row.children.map((cell) => plain(cell).trim());
}

/** Column indexes of a signature table's header: who signed and when. */
function signatureColumnsOf(header: string[], charter: CharterVocabulary): { names: number[]; dates: number[] } {
  const names: number[] = [];
  const dates: number[] = [];
  header.forEach((cell, i) => {
    if (hasPhrase(cell, charter.signatureColumns.name)) names.push(i);
    else if (hasPhrase(cell, charter.signatureColumns.date)) dates.push(i);
  });
  return { names, dates };
}

function tallyTable(table: Table, vocabulary: Vocabulary, charter: CharterVocabulary, into: Tally): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const { names } = signatureColumnsOf(cellTexts(head), charter);
  for (const row of rows) {
    const cells = cellTexts(row).map((c) => withoutPlaceholders(c, vocabulary, charter));
    const dated = cells.some((c) => findDates(c).length > 0);
    const named = names.length > 0
      ? names.some((i) => NAME.test(blank(cells[i] ?? '', findDates(cells[i] ?? ''))))
      : NAME.test(cells.map((c) => blank(c, findDates(c))).join(' '));
    if (named && dated) into.dated++;
    else if (named) into.undated++;
  }
}

/** Tallies a signature section: its tables row by row, its other text line by line. */
function tallySection(doc: StrategyDocument, section: Section, vocabulary: Vocabulary, charter: CharterVocabulary, into: Tally): void {
  const tables: Table[] = [];
  // Depth first with an explicit stack (deeply nested inline marks must not overflow the call
  // stack), children pushed last first so tables come out in document order.
  const stack: Array<{ type: string; children?: unknown[] }> = [...section.allBlocks].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table') tables.push(node as Table);
    else if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as { type: string; children?: unknown[] });
  }
  for (const table of tables) tallyTable(table, vocabulary, charter, into);
  for (const item of sectionItems(doc, section)) {
    if (item.kind === 'table-row' || item.kind === 'table-header') continue;
    for (const line of item.text.split(/\r\n|\r|\n/)) tallyLine(line, vocabulary, charter, into);
  }
}

/** Text of a front matter value, with dates written the ISO way. */
function flatten(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(flatten).join(' ');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${flatten(v)}`).join(' ');
  return value === undefined || value === null ? '' : String(value);
}

const FRONT_MATTER_KEY = /^(?:signatures?|signed(?:[-_ ]?by)?|approved(?:[-_ ]?by)?|sign[-_ ]?offs?|approvals?|signatories)$/i;

/** Signatures recorded in front matter (`signatures:` as a list or a map), if the key is there. */
function tallyFrontMatter(doc: StrategyDocument, vocabulary: Vocabulary, charter: CharterVocabulary, into: Tally): boolean {
  const data = doc.frontMatter?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  let found = false;
  for (const [key, value] of Object.entries(data)) {
    if (!FRONT_MATTER_KEY.test(key)) continue;
    found = true;
    const entries = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.entries(value).map(([k, v]) => [k, v]) : [value];
    for (const entry of entries) tallyLine(flatten(entry), vocabulary, charter, into);
  }
  return found;
}

function isInside(section: Section, offset: number): boolean {
  return offset >= section.start && offset < section.end;
}

/** The signature table to add when there is none, at the charter's section level. */
function signatureInsertion(doc: StrategyDocument, vocabulary: Vocabulary): TextEdit {
  const eol = doc.index.eol;
  const m = models(doc, vocabulary);
  const existing = [...m.charterSections().values()].find((s) => !s.pseudo);
  const level = existing ? existing.depth : Math.min(6, (doc.title?.depth ?? 1) + 1);
  const parties = m.parties();
  const cell = (names: string[], fallback: string) => (names[0] && !/[|\r\n]/.test(names[0]) ? names[0] : fallback);
  const rows = [cell(parties.us, '[our company]'), cell(parties.partner, '[partner]')]
    .map((party) => `| ${party} | [name] | [role] | [YYYY-MM-DD] |`);
  const block = [`${'#'.repeat(level)} Signatures`, '', '| Party | Name | Role | Date |', '| --- | --- | --- | --- |', ...rows].join(eol);
  const text = doc.text;
  // A lone `\r` is a line break only when no `\n` follows it.
  const lead = /^\s*$/.test(text) || /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)\s*$/.test(text) ? '' : /(?:\r\n|\r(?!\n)|\n)[ \t]*$/.test(text) ? eol : eol + eol;
  const at = doc.index.positionAt(text.length);
  return { range: { start: at, end: at }, newText: lead + block + eol };
}

/** True when the document ends inside an unclosed fence or comment, where an addition would vanish. */
function endsInsideBlock(doc: StrategyDocument): boolean {
  const last = doc.root.children[doc.root.children.length - 1];
  if (!last?.position) return false;
  const raw = doc.text.slice(last.position.start.offset ?? 0).trimEnd();
  if (last.type === 'code') {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!open) return false;
    const lines = raw.split(/\r\n|\r|\n/);
    const close = lines.length > 1 ? lines[lines.length - 1]! : '';
    return !new RegExp(`^ {0,3}${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*$`).test(close);
  }
  return last.type === 'html' && raw.startsWith('<!--') && !raw.includes('-->');
}

export const charterUnsigned: Rule = {
  meta: ruleMeta({
    id: 'charter-unsigned',
    description: 'A partnership charter carries a signature block in which both sides sign by name, with dates.',
    defaultSeverity: 'warning',
    checks: ['signatures'],
    fixable: true,
  }),
  check({ doc, vocabulary, report }) {
    const m = models(doc, vocabulary);
    const charter = m.words;
    const tally: Tally = { dated: 0, undated: 0 };
    const blocks: Range[] = [];

    const signatureSections = doc.sections.filter((s) => s !== doc.title && isSignatureHeading(s.title, charter));
    // A signature heading under another one ("Approvals" › "Signed") is counted with its parent.
    const outer = signatureSections.filter((s) => !signatureSections.some((o) => o !== s && o.depth < s.depth && isInside(o, s.start)));
    for (const section of outer) {
      blocks.push(section.headingRange);
      tallySection(doc, section, vocabulary, charter, tally);
    }

    // A table with name and date columns outside those sections and outside the five charter
    // sections (a timeline table with "Name" and "Date" columns is not a signature block).
    const charterSections = [...m.charterSections().values()];
    for (const node of doc.root.children) {
      if (node.type !== 'table' || !node.position) continue;
      const start = node.position.start.offset ?? 0;
      if (outer.some((s) => isInside(s, start)) || charterSections.some((s) => isInside(s, start))) continue;
      const head = node.children[0];
      if (!head) continue;
      const { names, dates } = signatureColumnsOf(cellTexts(head), charter);
      if (names.length === 0 || dates.length === 0) continue;
      blocks.push(doc.index.rangeOf(start, head.position?.end.offset ?? start));
      tallyTable(node, vocabulary, charter, tally);
    }

    const inFrontMatter = tallyFrontMatter(doc, vocabulary, charter, tally);
    if (tally.dated >= 2) return;

    const title = doc.title?.headingRange ?? doc.sections[0]?.headingRange ?? doc.index.lineRange(0);
    if (blocks.length === 0 && !inFrontMatter) {
      // A document recognised by its title with no place for signatures at all (terms accepted by
      // click, an announcement) is not asked for a signature block.
      if (!followsOutline(doc)) return;
      const fix = endsInsideBlock(doc) ? undefined : { title: 'Add a signature table for both sides', edits: [signatureInsertion(doc, vocabulary)] };
      report({
        message: 'Nobody has signed this charter: there is no signature block. Add one where each side\'s decision owner signs by name, with the date.',
        range: title,
        ...(fix ? { fix } : {}),
      });
      return;
    }
    const message = tally.dated === 1
      ? 'Only one signature here has a name and a date. The charter needs the other side\'s signer too, by name, with the date they signed.'
      : tally.undated > 0
        ? 'The signers here have no dates yet. Each side\'s signer needs a name and the date they signed.'
        : 'Nobody has signed here yet. Each side\'s signer needs a name and the date they signed.';
    report({ message, range: blocks[0] ?? title });
  },
};
