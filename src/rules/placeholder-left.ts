import type { Nodes, Parents } from 'mdast';
import { ruleMeta, type Report, type Rule } from '../core/rule';
import type { Vocabulary } from '../core/vocabulary';
import { findPhrases } from '../core/vocabulary';
import { sourceOffsetsOf } from '../core/node-text';
import type { StrategyDocument } from '../core/document';
import { blankComments, models } from '../models';

/**
 * Bracketed words that are editorial marks rather than prompts to fill in.
 * Compared with the bracket's content, trimmed and in lower case.
 */
// vocabulary candidate
export const BRACKET_EXCEPTIONS: readonly string[] = ['sic', 'draft', 'wip', 'emphasis added', 'emphasis mine'];

/** One placeholder found in a literal node's value, with offsets into that value. */
export interface ValuePlaceholder {
  text: string;
  start: number;
  end: number;
  bracket: boolean;
}

/** Units that make the `[X]` before them a number: "[X] months", "[X] engineers". */
const UNIT_AFTER = /^\s?(?:%|[KMB](?![\p{L}\p{N}_])|(?:days?|weeks?|months?|quarters?|years?|hours?|people|engineers?|FTEs?|partners?|customers?|users?|deals?|points?)(?![\p{L}\p{N}_]))/u;

/** Whether the `[X]` at `start`..`end` of `value` stands for a number rather than a ticked box. */
function isQuantity(value: string, start: number, end: number): boolean {
  return /[$€£¥]\s?$/.test(value.slice(Math.max(0, start - 2), start)) || UNIT_AFTER.test(value.slice(end, end + 12));
}

/**
 * A bracket that speaks to the reader about what could be: "[Your logo could be here]", "[This
 * spot can be yours]", "[Become a sponsor]". A prompt to the author names a value to put in
 * ("[Your company name]", "[Insert date]", "[Logo will go here]"); an offer says what the reader
 * might do or have: it addresses them and speaks of a possibility.
 */
function isOffer(inner: string): boolean {
  if (/^(?:become|be)\s+(?:a|an|our)\s+(?:sponsor|partner|member|backer)\b/i.test(inner)) return true;
  return /\b(?:you|your|yours)\b/i.test(inner) && /\b(?:could|can|might)\b/i.test(inner);
}

/**
 * The name of a directive or admonition just before its label: `:::tip[`, `::: note[`,
 * `::warning[`, `:abbr[` (remark-directive, Docusaurus, MkDocs). A one-colon name must start
 * a word, so "Owner:[name]" and "Contact: Dana[name]" are not read as one.
 */
const DIRECTIVE_BEFORE = /(?:(?<![\p{L}\p{N}_:]):|:{2,}[ \t]?)[A-Za-z][\w-]{0,40}$/u;

/** What follows a link reference definition's label when the parser did not read it as one: `[label]: https://…`. */
const DEFINITION_AFTER = /^:[ \t]*<?(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|mailto:|www\.|\/|#|\.{1,2}\/)/;

/** Whether only spaces stand between the start of `value`'s line (or of `value`) and `at`. */
function startsLine(value: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = value[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/**
 * `[…]` in plain text is a prompt left by a template unless it is something else Markdown or
 * writers use brackets for: a checkbox (`[ ]`, `[x]`) or a task state (`[/]`, `[-]`, `[?]`), a
 * footnote mark (`[^1]`), a numeric citation (`[3]`, `[2, 5]`), part of a link that did not
 * resolve (`[a][b]`, `[a](…`, `![…]`) or a link reference definition (`[label]: https://…`), the
 * label of a directive or admonition (`:::tip[…]`, `> [!NOTE]`), a span with attributes
 * (`[text]{.note}`), code typed outside a code span, an elision inside a quotation (`[…]`), or
 * an editorial mark such as `[sic]`.
 */
function bracketPrompts(value: string, inQuote: boolean, beforeLink: boolean, exceptions: readonly string[]): ValuePlaceholder[] {
  const out: ValuePlaceholder[] = [];
  const pattern = /\[([^[\]]{0,200})\]/g;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    const inner = m[1]!.trim();
    const before = value[m.index - 1];
    const after = value[m.index + m[0].length];
    if (inner === '') continue;
    // `[x]` is a checkbox, unless it stands for a number: "$[X]K", "[X]%", "[X] months".
    if (/^x$/i.test(inner) && !isQuantity(value, m.index, m.index + m[0].length)) continue;
    // Words to the reader rather than to the author: a sponsor page's "[Your logo could be here]"
    // offers a place, it does not ask for a value.
    if (isOffer(inner)) continue;
    if (inner.startsWith('^')) continue;
    // A task state other than done or open (`[/]`, `[-]`, `[?]`, `[>]`): one mark, no words.
    if (/^[^\p{L}\p{N}_.…]$/u.test(inner)) continue;
    // An alert or callout's kind: GitHub's `> [!NOTE]`, Obsidian's `> [!tip] Title`.
    if (/^![A-Za-z][\w-]*$/.test(inner)) continue;
    // A directive's label (`:::tip[Before you sign]`), a span with attributes (`[text]{.note}`).
    if (after === '{' || DIRECTIVE_BEFORE.test(value.slice(Math.max(0, m.index - 48), m.index))) continue;
    // A link reference definition written where the parser could not take it as one (straight
    // after a paragraph's line, for instance): `[roadmap]: https://example.com/roadmap`.
    // The address may be a link of its own (a bare URL), right after the text node.
    const rest = value.slice(m.index + m[0].length);
    if ((DEFINITION_AFTER.test(rest.slice(0, 16)) || (beforeLink && /^:[ \t]*$/.test(rest))) && startsLine(value, m.index)) continue;
    if (/^[\d\s,;.–-]+$/.test(inner)) continue;
    if (inQuote && /^(?:\.{3}|…)$/.test(inner)) continue;
    if (exceptions.includes(inner.toLowerCase())) continue;
    // Pieces of link syntax that did not resolve: `![…]`, `[a][b]`, `(text)[…]`, `[…](`.
    if (before === '!' || before === ']' || before === ')' || after === '(' || after === '[') continue;
    // Code or patterns written outside code spans: `[a=b]`, `[\w-]`, `[{x}]`.
    if (/[=\\{}]/.test(inner)) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, bracket: true });
  }
  return out;
}

/**
 * A value announced by a colon and left as an ellipsis: "available at the following link: ...".
 * The ellipsis must end the line or the sentence; inside a quotation it is an elision.
 */
const ELIDED_VALUE = /(?<=[\p{L}\p{N})][ \t]*:[ \t]*)(?:\.{3,}|…)(?=[ \t]*(?:[.;,][ \t]*)?(?:\r?\n|$))/gu;

function elidedValues(value: string): ValuePlaceholder[] {
  if (!value.includes('...') && !value.includes('…')) return [];
  return [...value.matchAll(ELIDED_VALUE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, bracket: false }));
}

/** The marks of an address its author left to fill: a path segment such as `PLACEHOLDER` or `CHANGE_ME`. */
const URL_PLACEHOLDER = /(?<=[/=#?&:])(?:PLACEHOLDER|CHANGE_?ME|REPLACE_?ME|YOUR[_-](?:ORG|ORGANI[SZ]ATION|USERNAME|USER|HANDLE|ACCOUNT|COMPANY|PROJECT|SLUG|ID))(?=$|[/?#&.])/;

/**
 * The placeholders in a text node's value: vocabulary matches and (unless turned off) bracketed
 * prompts. Where two overlap, the longer one is kept (`[TBD]` is one placeholder, not two).
 */
export function placeholdersInValue(
  value: string,
  vocabulary: Vocabulary,
  options: { brackets: boolean; inQuote: boolean; beforeLink?: boolean },
): ValuePlaceholder[] {
  const found: ValuePlaceholder[] = [
    ...(options.brackets ? bracketPrompts(value, options.inQuote, options.beforeLink ?? false, BRACKET_EXCEPTIONS) : []),
    ...(options.inQuote ? [] : elidedValues(value)),
    ...findPhrases(value, vocabulary.placeholders).map((p) => ({ text: p.text, start: p.start, end: p.end, bracket: false })),
  ];
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: ValuePlaceholder[] = [];
  for (const p of found) {
    const last = kept[kept.length - 1];
    if (last && p.start < last.end) continue;
    kept.push(p);
  }
  return kept;
}

/** Node types whose text is not prose a placeholder could hide in. */
const SKIPPED = new Set(['code', 'inlineCode', 'yaml', 'toml', 'definition', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference']);

export const placeholderLeft: Rule = {
  meta: ruleMeta({
    id: 'placeholder-left',
    description: 'Template placeholders such as TBD, TODO, [amount] or <PARTNER> must be replaced with real values before a strategy document is shared.',
    defaultSeverity: 'warning',
    checks: ['text'],
    options: { brackets: { type: 'boolean', default: true, description: 'false stops reporting bracketed prompts such as [amount] and <PARTNER>.' } },
  }),
  check({ doc, vocabulary, options, report }) {
    const brackets = options['brackets'] !== false;
    // Each top-level block is read on its own (a placeholder never spans two), and what it gave
    // is kept with its node: the incremental parser reuses the nodes of unchanged blocks, so on
    // the next keystroke only the edited block is read again; a block that moved keeps its
    // reports, moved by as many lines (blocks start at the start of a line, so columns hold).
    const byBlock: Array<{ start: number; blanks: Blank[] }> = [];
    for (const block of doc.root.children) {
      const start = block.position?.start;
      const end = block.position?.end.offset;
      const text = start?.offset !== undefined && end !== undefined ? doc.text.slice(start.offset, end) : undefined;
      const cached = blockReports.get(block);
      let blanks: Blank[];
      if (cached && start && text !== undefined && cached.vocabulary === vocabulary && cached.brackets === brackets && cached.text === text) {
        blanks = cached.line === start.line ? cached.blanks : cached.blanks.map((r) => movedBy(r, start.line - cached.line));
        if (blanks !== cached.blanks) blockReports.set(block, { vocabulary, brackets, line: start.line, text, blanks });
      } else {
        blanks = [];
        checkBlock(block, (r) => blanks.push(r));
        if (start && text !== undefined) blockReports.set(block, { vocabulary, brackets, line: start.line, text, blanks });
      }
      if (blanks.length > 0) byBlock.push({ start: start?.offset ?? 0, blanks });
    }
    if (!models(doc, vocabulary).template()) {
      for (const { blanks } of byBlock) for (const b of blanks) report({ message: b.message, range: b.range });
      return;
    }
    // A template is made of blanks: one summary per top-level section, on its first blank.
    const starts = sectionStarts(doc);
    let region = 0;
    let group: Blank[] = [];
    for (const { start, blanks } of byBlock) {
      let next = region;
      while (next + 1 < starts.length && starts[next + 1]! <= start) next++;
      if (next !== region) {
        summarize(group, report);
        group = [];
        region = next;
      }
      group.push(...blanks);
    }
    summarize(group, report);

    function checkBlock(block: Nodes, report: (r: Blank) => void): void {

    /**
     * `afterLink`: the node directly follows a link, so its first word may be the URL's tail;
     * `beforeLink`: a link directly follows it (the address of `[label]: https://…`).
     */
    const visit = (node: Nodes, inQuote: boolean, afterLink: boolean, beforeLink: boolean): void => {
      if (node.type === 'link' || node.type === 'definition') checkAddress(node.url, node);
      if (SKIPPED.has(node.type)) return;
      if (node.type === 'text' || node.type === 'html') {
        const isHtml = node.type === 'html';
        const value = isHtml ? blankComments(node.value) : node.value;
        // A bare URL's trailing `_` or `*` is left out of the link by GFM; it is still the URL.
        const urlTail = afterLink ? /^\S*/.exec(value)![0].length : 0;
        const found = placeholdersInValue(value, vocabulary, { brackets: brackets && !isHtml, inQuote, beforeLink })
          .filter((p) => p.start >= urlTail)
          // In HTML only a whole `<PARTNER>`-style tag is a placeholder; words inside real markup are not prose.
          .filter((p) => !isHtml || (p.text.startsWith('<') && p.text.endsWith('>')));
        for (const p of found) {
          const at = sourceOffsetsOf(doc.text, node, p.start, p.end);
          if (!at) continue;
          const shown = doc.text.slice(at.start, at.end).replace(/\s+/g, ' ');
          report({
            shown,
            message: p.bracket
              ? `"${shown}" is a template prompt that was never filled in. Replace it with the real name, number or date before the partner reads this.`
              : shown.startsWith('(')
                ? `The value before "${shown}" is marked as a stand-in. Put in the real one and drop the mark before this document is shared or signed.`
                : `"${shown}" is a placeholder, not an answer. Write the actual decision, owner, amount or date before this document is shared or signed.`,
            range: doc.index.rangeOf(at.start, at.end),
          });
        }
        return;
      }
      if ('children' in node) {
        const quoted = inQuote || node.type === 'blockquote';
        const children = (node as Parents).children;
        // Last child first, so the stack hands them out in document order.
        for (let i = children.length - 1; i >= 0; i--) pending.push([children[i] as Nodes, quoted, children[i - 1]?.type === 'link', children[i + 1]?.type === 'link']);
      }
    };
    /** A link or link definition whose address still holds a stand-in segment (`…/sponsors/PLACEHOLDER`). */
    function checkAddress(url: string, node: Nodes): void {
      const mark = URL_PLACEHOLDER.exec(url);
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (!mark || from === undefined || to === undefined) return;
      // On the mark itself when the source shows it as written; on the whole link otherwise.
      const at = doc.text.slice(from, to).indexOf(mark[0]);
      const start = at >= 0 ? from + at : from;
      const end = at >= 0 ? start + mark[0].length : to;
      report({
        shown: mark[0],
        message: `This link still points at "${mark[0]}", a stand-in for an address nobody filled in. Put in the real address, or remove the link, before the document is shared.`,
        range: doc.index.rangeOf(start, end),
      });
    }
    // An explicit stack rather than recursion: thousands of nested emphasis marks must not
    // overflow the call stack.
    const pending: Array<[Nodes, boolean, boolean, boolean]> = [[block, false, false, false]];
    while (pending.length > 0) visit(...pending.pop()!);
    }
  },
};

/** One placeholder as reported on its own, with its text as written. */
type Blank = Report & { shown: string };

/** What a block gave, with where it was and what it said then (see `check`). */
const blockReports = new WeakMap<Nodes, { vocabulary: Vocabulary; brackets: boolean; line: number; text: string; blanks: Blank[] }>();

function movedBy(r: Blank, lines: number): Blank {
  const range = { start: { line: r.range.start.line + lines, character: r.range.start.character }, end: { line: r.range.end.line + lines, character: r.range.end.character } };
  return { message: r.message, range, shown: r.shown };
}

/**
 * Where each top-level section of `doc` starts, in order, from 0 (the text before the first
 * heading): the sections under the document's title are its top level, and the title's own
 * introduction is one more.
 */
function sectionStarts(doc: StrategyDocument): number[] {
  const starts = [0];
  for (const section of doc.outline) {
    starts.push(section.start);
    if (section === doc.title) for (const child of section.children) starts.push(child.start);
  }
  return starts;
}

/** How many blank texts a summary names before it says "and N more". */
const NAMED_IN_SUMMARY = 5;

/**
 * One report for the blanks of one section of a template: on the first blank (where the author
 * starts filling in), naming what is left, with every blank in the related information. A lone
 * blank is reported as it is anywhere else.
 */
function summarize(blanks: readonly Blank[], report: (r: Report) => void): void {
  const first = blanks[0];
  if (!first) return;
  if (blanks.length === 1) {
    report({ message: first.message, range: first.range });
    return;
  }
  const counts = new Map<string, number>();
  for (const b of blanks) counts.set(b.shown, (counts.get(b.shown) ?? 0) + 1);
  const shownFirst = [...counts].slice(0, NAMED_IN_SUMMARY);
  const named = shownFirst.map(([text, n]) => (n > 1 ? `"${text}" (${n} times)` : `"${text}"`));
  const others = blanks.length - shownFirst.reduce((sum, [, n]) => sum + n, 0);
  const list = others > 0 ? `${named.join(', ')} and ${others} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0]!;
  report({
    message: `This section of the template still has ${blanks.length} blanks to fill: ${list}. They are listed with this warning; fill each one in with the real name, number or date before the document is shared.`,
    range: first.range,
    relatedInformation: blanks.map((b, i) => ({ message: `Blank ${i + 1} of ${blanks.length}: "${b.shown}"`, range: b.range })),
  });
}
