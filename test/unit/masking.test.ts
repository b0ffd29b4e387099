/**
 * The commitment rules read a masked copy of the charter (src/models/masking.ts). It is masked a
 * chunk at a time (chunks end at blank lines outside HTML comments), so that after an edit only
 * the chunks the edit touched are masked again. That must be invisible: the mask built from the
 * previous version's is the mask of the whole new text, after any edit.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankComments, maskDocument, maskDocumentAgain, maskMarkdown, remask } from '../../src/models/masking';
import { DEFAULT_VOCABULARY } from '../../src/core/vocabulary';
import { markdownIn } from './reference-parse';
import { bigCharter } from './big-charter';
import { randomEdit, randomFrom } from './random-edits';

const PLACEHOLDERS = DEFAULT_VOCABULARY.placeholders;
const documents: Array<[string, string]> = [...markdownIn(join(process.cwd(), 'test/fixtures')), ...markdownIn(join(process.cwd(), 'examples'))].map((f) => [f, readFileSync(f, 'utf8')]);

/** What gets typed or deleted: above all what masking reacts to, and what makes or breaks a blank line. */
const PIECES = [
  '\n', '\n\n', '\r\n', '\r', '\r\n\r\n', ' ', '\t', '  \n', '<!--', '-->', '<!-- note\n\nmore -->', '`', '``', '[', ']', '](', ')', '![', '<a ', '<b>', '>',
  '<https:', '*', '**', '_', '~', '|', '\\', '- ', '1. ', '# ', '> ', '[ ] ', 'TBD', 'TODO', '$XK', '<partner name>', 'lorem ipsum', 'x', 'we commit 2 engineers',
];

describe('masking a charter chunk by chunk', () => {
  it('keeps length and line breaks, and blanks markup, code, link targets and placeholders', () => {
    const text = '# Terms\n\n- **Acme commits:** `code` and [the deck](https://x.y/z) by <!-- hidden -->TBD.\r\n\r\nWe give ![logo](a.png) <b>3</b> engineers.\n';
    const masked = maskDocument(text, PLACEHOLDERS);
    assert.equal(masked.length, text.length);
    assert.deepEqual([...masked].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0), [...text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0));
    assert.equal(masked.replace(/\s+/g, ' ').trim(), 'Terms Acme commits: and the deck by . We give 3 engineers.');
  });

  it('masks each chunk as maskMarkdown masks it alone', () => {
    for (const [name, text] of documents) {
      // At the start of each blank line (after a \n, or a \r not followed by \n), as masking.ts cuts.
      const chunks = text.split(/(?<=\n|\r(?!\n))(?=[ \t]*(?:\r\n|\r|\n|$))/);
      // Documents without comments that span a blank line: the chunks are just the blank-line splits.
      if (/<!--(?:(?!-->)[\s\S])*\n[ \t]*\r?\n/.test(text)) continue;
      assert.equal(maskDocument(text, PLACEHOLDERS), chunks.map((c) => maskMarkdown(c, PLACEHOLDERS)).join(''), name);
    }
  });

  it('never reaches across a blank line, except inside an HTML comment', () => {
    // A `<a` with a `>` two paragraphs later is not an HTML tag: the prose between stays.
    const tag = 'Ratio <a is small\n\nWe commit 2 engineers -> done\n';
    assert.match(maskDocument(tag, PLACEHOLDERS), /We commit 2 engineers/);
    const comment = 'Before <!-- one\n\nWe commit nothing\n\n-->after\n';
    assert.equal(maskDocument(comment, PLACEHOLDERS).replace(/\s+/g, ' ').trim(), 'Before after');
  });

  it('gives the mask of the whole text after every one of many random edits, masking only the chunks around each', function () {
    this.timeout(120000);
    const random = randomFrom(7);
    let local = 0;
    let edits = 0;
    const sources: Array<[string, string]> = [...documents, ['big charter', bigCharter(300, process.cwd())]];
    for (const [name, original] of sources) {
      let text = original;
      let masked = maskDocument(text, PLACEHOLDERS);
      for (let i = 0; i < 60; i++) {
        const next = i % 25 === 24 ? original : randomEdit(text, random, PIECES);
        const got = remask({ text, masked }, next, PLACEHOLDERS);
        const want = maskDocument(next, PLACEHOLDERS);
        if (got.masked !== want) {
          let at = 0;
          while (got.masked[at] === want[at]) at++;
          assert.fail(`${name}, edit ${i}: masks differ at ${at}: ${JSON.stringify(next.slice(at - 40, at + 40))}\n got ${JSON.stringify(got.masked.slice(at - 40, at + 40))}\nwant ${JSON.stringify(want.slice(at - 40, at + 40))}`);
        }
        if (got.to - got.from < next.length / 4) local++;
        edits++;
        text = next;
        masked = got.masked;
      }
    }
    // Most edits touch one chunk of a document with blank lines in it.
    assert.ok(local > edits * 0.6, `${local} of ${edits} edits masked less than a quarter of the text`);
  });

  it('gives the mask of the whole text after random edits to small texts made of what decides chunks', () => {
    // Line breaks of each kind, blanks, comment marks and an HTML tag that may span lines: the
    // edge cases of where a chunk starts and ends, many times over.
    const atoms = ['\n', '\n', '\r\n', '\r', ' ', '\t', '<a', '>', 'x', '<!--', '-->', '`', '_', 'TBD'];
    const random = randomFrom(11);
    const pick = () => atoms[Math.floor(random() * atoms.length)]!;
    for (let round = 0; round < 400; round++) {
      let text = Array.from({ length: 4 + Math.floor(random() * 16) }, pick).join('');
      let masked = maskDocument(text, PLACEHOLDERS);
      for (let i = 0; i < 20; i++) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = random() < 0.5 ? Math.floor(random() * 3) : 0;
        const next = text.slice(0, at) + (random() < 0.7 ? pick() : '') + text.slice(at + cut);
        const got = maskDocumentAgain({ text, masked }, next, PLACEHOLDERS);
        assert.equal(got, maskDocument(next, PLACEHOLDERS), `${JSON.stringify(text)} became ${JSON.stringify(next)}`);
        text = next;
        masked = got;
      }
    }
  });

  it('masks one chunk again after a one-letter edit in a long charter', () => {
    const text = bigCharter(1000, process.cwd());
    const masked = maskDocument(text, PLACEHOLDERS);
    const at = text.indexOf('\n- ', text.length >> 1) + 4;
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const got = remask({ text, masked }, next, PLACEHOLDERS);
    assert.equal(got.masked, maskDocument(next, PLACEHOLDERS));
    assert.ok(got.from <= at && at < got.to && got.to - got.from < 2000, `masked [${got.from}, ${got.to}) of ${next.length}`);
    assert.equal(maskDocumentAgain({ text, masked }, text, PLACEHOLDERS), masked);
  });
});

describe('blanking HTML comments', () => {
  it('keeps every offset, blanks each comment, and runs an unclosed one to the end', () => {
    const cases: Array<[string, string]> = [
      ['no comment here', 'no comment here'],
      ['a <!-- b --> c', `a ${' '.repeat(10)} c`],
      ['<!--x--><td>1</td><!-- y -->', `${' '.repeat(8)}<td>1</td>${' '.repeat(10)}`],
      ['<tr><!-- open <td>lost</td>', `<tr>${' '.repeat(23)}`],
      ['<!-- a <!-- b --> c', `${' '.repeat(17)} c`],
    ];
    for (const [html, blanked] of cases) {
      assert.equal(blankComments(html), blanked, html);
      assert.equal(blankComments(html).length, html.length);
    }
  });

  it('takes linear time on many openings that are never closed', () => {
    const html = '<!--'.repeat(200_000);
    assert.equal(blankComments(html), ' '.repeat(html.length));
  });
});
