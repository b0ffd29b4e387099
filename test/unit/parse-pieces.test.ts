/**
 * parse.ts parses a long text in pieces, cut at block boundaries (`parseMarkdown`'s `pieceSize`).
 * The tree must be the one a single parse gives, positions included: checked here against remark
 * with every extension (reference-parse.ts) with pieces as small as they go, so that the text is
 * cut at every place the cutting rule accepts, on the fixtures, the examples, the public corpus,
 * every CommonMark example, a long charter and generated documents full of the constructs that
 * reach past a blank line (fences, HTML blocks, lists, block quotes, definitions, front matter).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseMarkdown, syntaxFeatures, ALL_FEATURES, PIECE_SIZE } from '../../src/core/parse';
import { markdownIn, referenceParse } from './reference-parse';
import { bigCharter } from './big-charter';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const EXAMPLES = join(process.cwd(), 'examples');
const CORPUS = join(process.cwd(), '../shared/corpus');

/** Checks the tree parsed in pieces of each size against the reference. */
function check(name: string, text: string, sizes: readonly number[] = [1, 16, 200]): void {
  const expected = referenceParse(text);
  for (const size of sizes) {
    const got = parseMarkdown(text, syntaxFeatures(text), size);
    if (!isDeepStrictEqual(got, expected)) assert.deepEqual(got, expected, `${name}, pieces of ${size}: ${JSON.stringify(text.slice(0, 300))}`);
  }
}

describe('parsing in pieces', () => {
  it('gives remark-gfm\'s tree for every fixture and example, cut everywhere it may be', () => {
    const files = [...markdownIn(FIXTURES), ...markdownIn(EXAMPLES)];
    assert.ok(files.length > 10);
    for (const file of files) check(file, readFileSync(file, 'utf8'));
  });

  it('gives remark-gfm\'s tree for a long charter, in pieces of every size', () => {
    const text = bigCharter(1000);
    check('big charter', text, [1, 64, 512, PIECE_SIZE, 10_000]);
    // Long enough to be cut into many pieces at the default size.
    assert.ok(text.length > 40 * PIECE_SIZE);
  });

  it('gives remark-gfm\'s tree for the public corpus and every CommonMark example, and parses most of them with fewer extensions', function () {
    this.timeout(180_000);
    if (!existsSync(CORPUS)) this.skip();
    const texts: Array<[string, string]> = markdownIn(CORPUS, true).map((f) => [f, readFileSync(f, 'utf8')]);
    const examples = JSON.parse(readFileSync(join(CORPUS, 'robustness/commonmark/spec.json'), 'utf8')) as Array<{ markdown: string; example: number }>;
    for (const { markdown, example } of examples) texts.push([`CommonMark example ${example}`, markdown]);
    assert.ok(texts.length > 900);
    // Only the syntax extensions a text needs (syntaxFeatures): fewer than all for most texts.
    const reduced = texts.filter(([, text]) => syntaxFeatures(text) !== ALL_FEATURES).length;
    assert.ok(reduced > texts.length / 2, `only ${reduced} texts parsed with fewer extensions`);
    // Joined, the examples run into each other: fences and HTML blocks left open, definitions.
    texts.push(['all CommonMark examples', examples.map((e) => e.markdown).join('\n')]);
    // Pieces of 1 cut at every place the cutting rule accepts; PIECE_SIZE is parseMarkdown(text) as
    // the linter calls it. Sizes in between are covered by the tests above and below, on shorter
    // texts: here each size costs as much as the reference parse itself.
    for (const [name, text] of texts) check(name, text, [1, PIECE_SIZE]);
  });

  it('gives remark-gfm\'s tree for generated documents that reach past blank lines', () => {
    const line = fc.constantFrom(
      '# Heading', '## Section', 'Setext', '===', '---', '***', 'Text with *emphasis* and `code`.', 'Owner: Dana', '**Bold:**',
      '- item', '* item', '+ item', '1. item', '2) item', '  - nested', '    indented code', '\tcode after a tab', '- [ ] task', '- [x] done',
      '> quote', '>', '> - quoted item', '```', '```js', '~~~', '````', '<!--', '-->', '<!-- comment -->', '<div>', '</div>', '<pre>', '</pre>',
      '<script>', '</script>', '<?php', '?>', '<![CDATA[', ']]>', '<!DOCTYPE x>', '| a | b |', '| - | - |', 'a | b', ':--', '--:',
      '[ref]: https://example.com', '[ref]', '[^1]: note', 'a call[^1]', '[^note]:', '    continued', 'www.example.com', 'dana@acme.com',
      '~~struck~~', '\\', '&amp;', '  ', '', '', '', '',
    );
    const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
    const doc = fc.tuple(fc.constantFrom('', '', '---\ntype: partnership-charter\n---\n', '---\n', '\uFEFF', '---\ntype: x\n\n---\n\n'), fc.array(fc.tuple(line, eol), { maxLength: 60 }))
      .map(([head, lines]) => head + lines.map(([l, e]) => l + e).join(''));
    fc.assert(fc.property(doc, (text) => {
      check('generated', text, [1, 24]);
    }), { seed: 20261121, numRuns: 600 });
  });
});
