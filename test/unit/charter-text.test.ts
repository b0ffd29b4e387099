/**
 * The commitment rules' reading of a charter (CharterText) reuses what it derived from the
 * previous version of the document: clauses of items before an edit are kept as they are, and
 * must equal what a fresh reading gives.
 */
import * as assert from 'node:assert/strict';
import { sniff, reparse, parseWhole } from '../../src/core';
import { documentFromTree } from '../../src/core/engine';
import { linkVersions, type StrategyDocument } from '../../src/core/document';
import { DEFAULT_VOCABULARY } from '../../src/core/vocabulary';
import { models, type Clause } from '../../src/models';
import { bigCharter } from './big-charter';

function documentOf(text: string, root = parseWhole(text).root): StrategyDocument {
  const sniffed = sniff(text);
  assert.ok(sniffed.kind, 'a strategy document');
  return documentFromTree(text, sniffed as typeof sniffed & { kind: NonNullable<typeof sniffed.kind> }, root);
}

const shape = (c: Clause) => [c.start, c.end, c.text, c.label, c.scope, c.context, c.item.start, c.item.end, c.next?.start];

describe('the reading of a charter, version after version', () => {
  it('keeps the clauses of the items before an edit, and reads the same as from scratch', () => {
    const before = bigCharter(300, process.cwd());
    const parsed = parseWhole(before);
    const first = models(documentOf(before, parsed.root), DEFAULT_VOCABULARY).commitments();
    const kept = new Set(first.clauses);
    // An edit near the end: the blocks before it are kept by the incremental parser.
    const at = before.lastIndexOf('\n- ') + 3;
    const after = `${before.slice(0, at)}We will dedicate resources. ${before.slice(at)}`;
    const next = reparse(parsed, after);
    assert.equal(next.mode, 'incremental');
    const doc = documentOf(after, next.root);
    // The previous document must be the one `first` read: link the version the rules saw.
    linkVersions((first as unknown as { doc: StrategyDocument }).doc, doc);
    const second = models(doc, DEFAULT_VOCABULARY).commitments();
    const fresh = models(documentOf(after), DEFAULT_VOCABULARY).commitments();
    assert.deepEqual(second.clauses.map(shape), fresh.clauses.map(shape));
    const earlier = second.clauses.filter((c) => c.end < at);
    const reused = earlier.filter((c) => kept.has(c)).length;
    assert.ok(earlier.length > 100 && reused > earlier.length * 0.9, `${reused} of ${earlier.length} clauses before the edit kept`);
  });
});
