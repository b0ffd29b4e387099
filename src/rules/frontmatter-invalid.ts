import { isMap, isScalar, type YAMLError } from 'yaml';
import { ruleMeta, type Rule } from '../core/rule';
import type { FrontMatter } from '../core/sniff';
import { closestKind, FRONT_MATTER_LIMIT, KIND_SOURCE_WORDS } from '../core/sniff';
import { isDocumentKind, kindList, kindNoun } from '../core/kinds';
import { fieldsOf, innerValueRange, shapeName } from '../models';


/** A `type:` value that reads as meant for PartnerLint rather than for a site generator. */
const MEANT_FOR_PARTNERLINT = /partner|alliance|charter|strateg|tier|rollout|launch|decision|channel|reseller/i;

/** Most YAML errors one document reports; past a handful they are echoes of the first. */
const MAX_REPORTS = 10;

/** What went wrong, in words for someone who writes strategy, not YAML parsers. */
function explain(error: YAMLError, line: string): string {
  const message = error.message;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab, and front matter must be indented with spaces';
    case 'BAD_SCALAR_START':
      return 'a value cannot start with this character unless it is in quotes';
    case 'BAD_DQ_ESCAPE':
      return 'a backslash inside double quotes must be doubled (or use single quotes)';
    case 'MISSING_CHAR':
      return /quote/i.test(message) ? 'a quoted value is not closed: add the closing quotation mark' : 'a bracket opened here is not closed';
    case 'BAD_INDENT':
      if (/end with a \]/.test(message)) return 'a [ opened here is not closed with ]';
      if (/end with a \}/.test(message)) return 'a { opened here is not closed with }';
      return 'the indentation of this line does not line up with the lines around it';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (/:\s.*:(\s|$)/.test(line)) return 'a value that contains a colon must be put in quotes';
      if (!/:(\s|$)/.test(line)) return 'this line is missing the colon between field and value';
      return 'this line is indented as if it belonged to the field above it';
    case 'DUPLICATE_KEY':
      return 'the same field is written twice';
    default:
      return `YAML cannot read it (${message.split('\n')[0]!.replace(/\.$/, '')})`;
  }
}

/**
 * Where an error is shown: its own position, except for an unclosed bracket or quote, which YAML
 * only notices at the end of the block; that one is shown where it was opened. Anything else
 * reported past the last line is shown on the last line.
 */
function errorStart(error: YAMLError, raw: string): number {
  let start = Math.min(error.pos[0], raw.length);
  const bracket = /end with a ([\]}])/.exec(error.message)?.[1];
  const opener = bracket !== undefined ? (bracket === ']' ? '[' : '{')
    : error.code === 'MISSING_CHAR' ? (/"/.test(error.message) ? '"' : /'/.test(error.message) ? "'" : undefined)
    : undefined;
  if (opener !== undefined) {
    const at = raw.lastIndexOf(opener, start);
    if (at >= 0) return at;
  }
  const content = raw.replace(/\s+$/, '').length;
  if (start >= content && content > 0) start = lineAround(raw, content - 1).start;
  return start;
}

function lineAround(raw: string, offset: number): { start: number; end: number; text: string } {
  const start = Math.max(raw.lastIndexOf('\n', offset - 1), raw.lastIndexOf('\r', offset - 1)) + 1;
  const rest = /[\r\n]/.exec(raw.slice(offset));
  const end = rest ? offset + rest.index : raw.length;
  return { start, end, text: raw.slice(start, end) };
}

/** Offsets (absolute) of the `type:` value, found by the same line-wise reading `sniff` uses for broken YAML. */
function typeValueByLine(text: string, fm: FrontMatter): { start: number; end: number } | undefined {
  const raw = text.slice(fm.contentStart, fm.contentEnd);
  const match = /^type[ \t]*:[ \t]*(["']?)([\w.-]+)/m.exec(raw);
  if (!match) return undefined;
  const start = fm.contentStart + match.index + match[0].length - match[2]!.length;
  return { start, end: start + match[2]!.length };
}

/**
 * Front matter is how a document tells PartnerLint what it is and carries a decision's answers.
 * When it does not parse, or declares a type PartnerLint does not know, those checks silently
 * stop working; this rule says so, at the spot.
 */
export const frontmatterInvalid: Rule = {
  meta: ruleMeta({
    id: 'frontmatter-invalid',
    description: 'Front matter is valid YAML, a list of fields, and declares a document type PartnerLint knows.',
    defaultSeverity: 'error',
    checks: ['text'],
  }),
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm) {
      if (doc.sniffed.unclosedFrontMatter) {
        report({
          message: 'The front matter is never closed: add a line with --- after its last field. Until then it shows as text, and PartnerLint reads only its type: line.',
          range: doc.index.lineRange(0),
        });
      }
      return;
    }
    const raw = doc.text.slice(fm.contentStart, fm.contentEnd);
    const errors = fm.yaml.errors;

    const lines = new Set<number>();
    for (const error of errors) {
      if (lines.size >= MAX_REPORTS) break;
      const start = errorStart(error, raw);
      const line = lineAround(raw, start);
      const absolute = fm.contentStart + start;
      const lineNumber = doc.index.positionAt(absolute).line;
      // One problem per line: YAML often reports the same slip twice.
      if (lines.has(lineNumber)) continue;
      lines.add(lineNumber);
      // From the error to the end of its line: a one-character mark is easy to miss.
      const end = Math.max(start, line.start + line.text.trimEnd().length);
      report({
        message: `The front matter is not valid YAML here: ${explain(error, line.text)}. Until this is fixed PartnerLint cannot read the fields it holds.`,
        range: doc.index.rangeOf(absolute, fm.contentStart + end),
      });
    }

    // Front matter PartnerLint does not read in full: say so on its opening line.
    if (fm.tooLarge) {
      report({
        message: `The front matter is larger than ${FRONT_MATTER_LIMIT / 1024} KB, more than PartnerLint reads: only its type: line is used and every other field is ignored. Keep long lists and notes in the body of the document.`,
        range: doc.index.lineRange(0),
      });
    } else if (fm.readError !== undefined) {
      report({
        message: /alias/i.test(fm.readError)
          ? 'The front matter repeats values through YAML aliases (*name) so many times that PartnerLint does not expand them: only its type: line is used. Write the values out instead.'
          : `PartnerLint cannot read the fields of this front matter (${fm.readError}): only its type: line is used.`,
        range: doc.index.lineRange(0),
      });
    }

    const contents = fm.yaml.contents;
    if (errors.length === 0 && contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
      const range = contents.range;
      const end = range ? range[0] + raw.slice(range[0], Math.max(range[0], range[1])).trimEnd().length : 0;
      report({
        message: `Front matter should be a list of "field: value" lines, such as type: partnership-charter, but this is ${shapeName(contents)}.`,
        range: range ? doc.index.rangeOf(fm.contentStart + range[0], fm.contentStart + end) : doc.index.lineRange(doc.index.positionAt(fm.contentStart).line),
      });
    }

    const declared = doc.sniffed.declaredType;
    if (declared === undefined || isDocumentKind(declared)) return;
    const meant = doc.sniffed.kindGuessed ? closestKind(declared) : undefined;
    if (!meant) {
      // Another tool's `type:` (`post`, `docs`) is none of PartnerLint's business; one that reads as
      // meant for PartnerLint (`partnership-plan`) is reported with the kinds it knows.
      if (!MEANT_FOR_PARTNERLINT.test(declared)) return;
      const at = errors.length === 0 && isMap(contents) ? fieldsOf(contents, fm.contentStart).get('type') : undefined;
      const range = at && isScalar(at.value) ? innerValueRange(at) : undefined;
      report({
        message: `PartnerLint does not know the document type "${declared}". It knows ${kindList()}. Until the type is one of these, the document is checked as ${kindNoun(doc.kind)}, ${KIND_SOURCE_WORDS[doc.kindSource]}.`,
        range: range ? doc.index.rangeOf(range.start, range.end) : doc.index.lineRange(0),
      });
      return;
    }
    let at: { start: number; end: number } | undefined;
    if (errors.length === 0 && isMap(contents)) {
      const field = fieldsOf(contents, fm.contentStart).get('type');
      if (field && isScalar(field.value)) at = innerValueRange(field);
    } else {
      at = typeValueByLine(doc.text, fm);
    }
    if (!at || doc.text.slice(at.start, at.end).trim() !== declared) return;
    // Replace the word itself, never the blanks or a line break around it.
    const lead = doc.text.slice(at.start, at.end).indexOf(declared);
    at = { start: at.start + lead, end: at.start + lead + declared.length };
    report({
      message: `PartnerLint does not know the document type "${declared}"; did you mean ${meant}? Until it is corrected, the document is checked as ${kindNoun(meant)}. The types it knows are ${kindList()}.`,
      range: doc.index.rangeOf(at.start, at.end),
      // A guess at what the author meant (`decision-record-template` is not a misspelt
      // `decision-record`): offered for review, never applied by fix-all.
      suggestions: [{ title: `Change the type to ${meant}`, edits: [{ range: doc.index.rangeOf(at.start, at.end), newText: meant }] }],
    });
  },
};
