/**
 * What the charter content rules share: telling written content from template scaffolding
 * (labels, placeholders, bracketed prompts), the text items of a section with the subsection
 * titles and table headers they sit under, and who the two parties of a charter are.
 */
import type { Nodes, RootContent, TableRow } from 'mdast';
import type { StrategyDocument, Section } from '../core/document';
import { sectionItems, plain, type TextItem } from '../core/items';
import { findPhrases, hasPhrase, nonAnswersOf, type Vocabulary } from '../core/vocabulary';
import type { CharterVocabulary } from './charter-vocabulary';
import { CHARTER_SECTIONS } from './sections';
import { memoizeText } from '../core/memo';
import { sectionsHolding } from './section-lookup';

/** `[amount]`, `[the outcome we need, with a date]`, `{{partner}}`: prompts left for the author. */
const BRACKET_PROMPT = /\[[^[\]\r\n]{1,120}\]|\{\{[^{}\r\n]{0,120}\}\}/g;
/** A short label before a colon: "Decision owners:", "Success for us:". */
const LABEL = /^\s*([^:\r\n]{1,80}?)\s*:(?:\s+|$)([\s\S]*)$/;
const LABEL_MAX_WORDS = 5;
const HAS_BRACKET_PROMPT = /\[[^[\]\r\n]{1,120}\]/;
const WORD = /[\p{L}\p{N}]/u;

/** `text` with placeholders, bracketed prompts and non-answers ("N/A", "to be decided", `Vocabulary.nonAnswers`) blanked out. */
export function withoutPlaceholders(text: string, vocabulary: Vocabulary, charter: CharterVocabulary): string {
  return withoutPlaceholdersMemo(text, vocabulary, charter);
}

const withoutPlaceholdersMemo = memoizeText((text: string, vocabulary: Vocabulary, _charter: CharterVocabulary): string => {
  let out = text.replace(BRACKET_PROMPT, (m) => ' '.repeat(m.length));
  for (const list of [vocabulary.placeholders, nonAnswersOf(vocabulary)]) {
    // One pass per list (matches come left to right and never overlap): rebuilding the whole
    // string for each match made a line with thousands of "TBD"s take seconds.
    const found = findPhrases(out, list);
    if (found.length === 0) continue;
    const parts: string[] = [];
    let at = 0;
    for (const m of found) {
      parts.push(out.slice(at, m.start), ' '.repeat(m.end - m.start));
      at = m.end;
    }
    parts.push(out.slice(at));
    out = parts.join('');
  }
  return out;
});

/** Whether `text` holds a placeholder or prompt (so blank-looking text is a template, not an answer). */
export function hasPlaceholder(text: string, vocabulary: Vocabulary, _charter: CharterVocabulary): boolean {
  BRACKET_PROMPT.lastIndex = 0;
  return BRACKET_PROMPT.test(text) || hasPhrase(text, vocabulary.placeholders) || hasPhrase(text, nonAnswersOf(vocabulary));
}

/** The part of a line after a short label ("Exit criteria: …"), or the whole line. */
function afterLabel(line: string): string {
  const m = LABEL.exec(line);
  if (!m) return line;
  const words = m[1]!.trim().split(/\s+/).length;
  return words <= LABEL_MAX_WORDS ? m[2]! : line;
}

/** A line's words once placeholders are gone, lower case, punctuation dropped. */
function skeleton(line: string, vocabulary: Vocabulary, charter: CharterVocabulary): string {
  return withoutPlaceholders(line, vocabulary, charter).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const templates = new WeakMap<Vocabulary, Set<string>>();
/** Prompts that name the partner, split around "the partner": a fix writes the partner's name there. */
const namedTemplates = new WeakMap<Vocabulary, Array<[string, string]>>();

/** True when a line's skeleton reads like a prompt with a name (1 to 5 words) in place of "the partner". */
function isNamedPrompt(line: string, vocabulary: Vocabulary, charter: CharterVocabulary): boolean {
  let pairs = namedTemplates.get(vocabulary);
  if (!pairs) {
    pairs = [];
    for (const { prompts } of Object.values(CHARTER_SECTIONS)) {
      for (const prompt of prompts) {
        const sk = skeleton(prompt.replace(/^\s*[-*+]\s+/, '').replace(/\*\*/g, ''), vocabulary, charter);
        const at = ` ${sk} `.indexOf(' the partner ');
        if (at >= 0) pairs.push([` ${sk} `.slice(0, at + 1), ` ${sk} `.slice(at + ' the partner '.length - 1)]);
      }
    }
    namedTemplates.set(vocabulary, pairs);
  }
  const padded = ` ${line} `;
  return pairs.some(([before, after]) => {
    if (padded.length < before.length + after.length + 1 || !padded.startsWith(before) || !padded.endsWith(after)) return false;
    const middle = padded.slice(before.length, padded.length - after.length).trim();
    const words = middle.split(' ').length;
    return middle.length > 0 && words <= 5;
  });
}

/**
 * The prompt lines PartnerLint itself inserts for a missing section ("Decision owners: [name,
 * role] for us; [name, role] for the partner"), reduced to their words: a line that still reads
 * exactly like one of them has not been filled in.
 */
function templateLines(vocabulary: Vocabulary, charter: CharterVocabulary): Set<string> {
  let set = templates.get(vocabulary);
  if (!set) {
    set = new Set();
    for (const { prompts } of Object.values(CHARTER_SECTIONS)) {
      for (const prompt of prompts) set.add(skeleton(prompt.replace(/^\s*[-*+]\s+/, '').replace(/\*\*/g, ''), vocabulary, charter));
    }
    templates.set(vocabulary, set);
  }
  return set;
}

/** True when some line of `text` says something beyond a label, placeholders and template prompts. */
export function textHasSubstance(text: string, vocabulary: Vocabulary, charter: CharterVocabulary): boolean {
  return textHasSubstanceMemo(text, vocabulary, charter);
}

const textHasSubstanceMemo = memoizeText((text: string, vocabulary: Vocabulary, charter: CharterVocabulary): boolean => {
  const prompts = templateLines(vocabulary, charter);
  return text.split(/\r\n|\r|\n/).some((line) => {
    if (!WORD.test(withoutPlaceholders(afterLabel(line), vocabulary, charter))) return false;
    const sk = skeleton(line, vocabulary, charter);
    // A named prompt still holds its bracketed blanks; a line without one was written by someone.
    return !prompts.has(sk) && !(HAS_BRACKET_PROMPT.test(line) && isNamedPrompt(sk, vocabulary, charter));
  });
});

function rowHasSubstance(row: TableRow, vocabulary: Vocabulary, charter: CharterVocabulary): boolean {
  const cells = row.children.map((cell) => plain(cell).trim());
  const filled = (cell: string) => WORD.test(withoutPlaceholders(cell, vocabulary, charter));
  if (cells.length < 2) return cells.some(filled);
  const rest = cells.slice(1);
  if (rest.some(filled)) return true;
  // "| Joint customers | TBD |": the first column labels a row whose answers are prompts.
  return !rest.some((cell) => hasPlaceholder(cell, vocabulary, charter)) && filled(cells[0]!);
}

/** Whether one text item holds written content rather than scaffolding. Table headers never do. */
export function itemHasSubstance(item: TextItem, vocabulary: Vocabulary, charter: CharterVocabulary): boolean {
  if (item.kind === 'table-header') return false;
  if (item.kind === 'table-row') return rowHasSubstance(item.node as TableRow, vocabulary, charter);
  return textHasSubstance(item.text, vocabulary, charter);
}

/** An item of a section, read in context. */
export interface ContentItem {
  item: TextItem;
  /** The titles of the subsections it sits in and its table's header, then its own text. */
  text: string;
  /** Its own text with placeholders blanked out, in context as `text` is. */
  clean: string;
  substantive: boolean;
}

/**
 * The text items of `section`, subsections included, each with the titles of the subsections
 * that hold it ("Decision owners" for a line under `### Decision owners`) and, for table rows,
 * the table's header. Only items with written content count as `substantive`.
 */
export function contentItems(doc: StrategyDocument, section: Section, vocabulary: Vocabulary, charter: CharterVocabulary): ContentItem[] {
  // Several rules read the same sections of the same parsed document: compute them once.
  const cached = itemCache.get(section);
  if (cached && cached.vocabulary === vocabulary && cached.charter === charter) return cached.items;
  const items = computeContentItems(doc, section, vocabulary, charter);
  itemCache.set(section, { vocabulary, charter, items });
  return items;
}

const itemCache = new WeakMap<Section, { vocabulary: Vocabulary; charter: CharterVocabulary; items: ContentItem[] }>();

function computeContentItems(doc: StrategyDocument, section: Section, vocabulary: Vocabulary, charter: CharterVocabulary): ContentItem[] {
  const descendants = doc.sections.filter((s) => s !== section && s.start >= section.start && s.end <= section.end);
  const headers = new Map<Nodes, string>();
  for (const block of section.allBlocks) for (const [row, text] of tableHeaders(block)) headers.set(row, text);
  return sectionItems(doc, section).map((item) => {
    const titles = sectionsHolding(descendants, item.start).map((s) => s.title);
    const header = item.kind === 'table-row' ? headers.get(item.node) : undefined;
    const context = [...titles, ...(header ? [header] : [])].join(' / ');
    const own = item.text;
    const clean = withoutPlaceholders(own, vocabulary, charter);
    return {
      item,
      text: context ? `${context}: ${own}` : own,
      clean: context ? `${context}: ${clean}` : clean,
      substantive: itemHasSubstance(item, vocabulary, charter),
    };
  });
}

/**
 * Each table row of a block, with the plain text of its table's header row. Kept per block node
 * (a node's content never changes, and the incremental parser keeps unchanged blocks' nodes).
 */
function tableHeaders(block: Nodes): ReadonlyArray<[Nodes, string]> {
  let rows = headersOf.get(block);
  if (!rows) {
    rows = [];
    // An explicit stack, not recursion: deeply nested containers must not overflow the stack.
    // Tables are blocks: only containers of blocks are entered, never a paragraph's inline content.
    const stack: Nodes[] = [block];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'table') {
        const [head, ...body] = node.children;
        const text = head ? head.children.map((cell) => plain(cell).trim()).join(' | ') : '';
        for (const row of body) rows.push([row, text]);
      } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition') {
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      }
    }
    headersOf.set(block, rows);
  }
  return rows;
}

const headersOf = new WeakMap<Nodes, Array<[Nodes, string]>>();

/** Whether a block holds code or an image; kept per node (a node's content never changes). */
function hasMedia(root: Nodes): boolean {
  let answer = mediaOf.get(root);
  if (answer === undefined) {
    answer = computeHasMedia(root);
    mediaOf.set(root, answer);
  }
  return answer;
}

const mediaOf = new WeakMap<Nodes, boolean>();

function computeHasMedia(root: Nodes): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' || node.type === 'image' || node.type === 'imageReference') return true;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return false;
}

/** Whether a section (subsections included) has any written content: text, a table row, code, an image. */
export function sectionHasSubstance(doc: StrategyDocument, section: Section, vocabulary: Vocabulary, charter: CharterVocabulary): boolean {
  if (section.allBlocks.some((block: RootContent) => hasMedia(block))) return true;
  // `contentItems(…).some((c) => c.substantive)`, without building the items in context (when no
  // rule has yet): a content item is substantive exactly when its item is.
  const built = itemCache.get(section);
  if (built && built.vocabulary === vocabulary && built.charter === charter) return built.items.some((c) => c.substantive);
  return sectionItems(doc, section).some((item) => itemHasSubstance(item, vocabulary, charter));
}
