import type { Nodes } from 'mdast';

/**
 * Where a stretch of a literal node's `value` (text, html) sits in the source.
 *
 * A node's value and its source slice are usually the same string, and then the offset is the
 * node's start plus the index in the value. They differ when the parser removed something:
 * backslash escapes (`\[`, `\_`), the indentation of a list item's continuation lines, the `>`
 * of a block quote, an escaped pipe in a table cell. In that case the stretch is looked for in
 * the source slice, allowing a backslash before any character and quote markers and indentation
 * inside runs of white space, and the same occurrence (first, second…) is taken.
 *
 * Returns undefined when the stretch cannot be placed with certainty (a character reference
 * such as `&amp;` inside it, for instance): better no diagnostic than one on the wrong words.
 */
export function sourceOffsetsOf(
  source: string,
  node: Nodes & { value: string },
  valueStart: number,
  valueEnd: number,
): { start: number; end: number } | undefined {
  const nodeStart = node.position?.start.offset;
  const nodeEnd = node.position?.end.offset;
  if (nodeStart === undefined || nodeEnd === undefined) return undefined;
  const slice = source.slice(nodeStart, nodeEnd);
  if (slice === node.value) return { start: nodeStart + valueStart, end: nodeStart + valueEnd };

  const wanted = node.value.slice(valueStart, valueEnd);
  if (wanted.length === 0) return undefined;
  // Which occurrence of the stretch this is, counted in the value.
  let occurrence = 0;
  for (let at = node.value.indexOf(wanted); at >= 0 && at < valueStart; at = node.value.indexOf(wanted, at + 1)) occurrence++;

  const pattern = tolerantPattern(wanted);
  let seen = 0;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    if (seen === occurrence) return { start: nodeStart + m.index, end: nodeStart + m.index + m[0].length };
    seen++;
    pattern.lastIndex = m.index + 1;
  }
  return undefined;
}

function tolerantPattern(text: string): RegExp {
  let out = '';
  for (const part of text.match(/\s+|[^\s]/gu) ?? []) {
    if (/^\s/u.test(part)) out += '\\s[\\s>]*';
    else out += '\\\\?' + part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(out, 'gu');
}
