/**
 * Who the two sides are: names from the title, from front matter and from "between X and Y".
 */
import * as assert from 'node:assert/strict';
import { buildDocument, sniff, type StrategyDocument } from '../../src/core';
import { betweenNames, charterParties, sideNames } from '../../src/models/parties';
import { md } from './helpers';

function doc(text: string): StrategyDocument {
  const sniffed = sniff(text);
  return buildDocument(text, { ...sniffed, kind: sniffed.kind ?? 'partnership-charter' });
}

const BODY = md('', '## Value Exchange', '', '- Each side funds half of the pilot.');

describe('parties: which side is ours', () => {
  it('takes the first-named party of a title as ours when nothing else says', () => {
    const d = doc(md('# Partnership Charter: Acme Analytics and Lumen Security', BODY));
    const names = sideNames(d);
    assert.equal(names.ourName, 'Acme Analytics');
    assert.equal(names.partnerName, 'Lumen Security');
    assert.deepEqual(names.partner, ['Lumen Security', 'Lumen']);
    const parties = charterParties(d);
    assert.deepEqual([parties.us, parties.partner, parties.either], [['Acme Analytics'], ['Lumen Security'], []]);
  });

  it('lets front matter say which side is the partner, whatever the order in the title', () => {
    const d = doc(md('---', 'partner: Acme Analytics', '---', '# Partnership Charter: Acme Analytics and Lumen Security', BODY));
    assert.deepEqual([sideNames(d).ourName, sideNames(d).partnerName], ['Lumen Security', 'Acme Analytics']);
    assert.deepEqual([charterParties(d).us, charterParties(d).partner], [['Lumen Security'], ['Acme Analytics']]);
  });

  it('reads `us:` front matter as our side', () => {
    const d = doc(md('---', 'us: Lumen Security', '---', '# Acme Analytics × Lumen Security Partnership Charter', BODY));
    assert.deepEqual([sideNames(d).ourName, sideNames(d).partnerName], ['Lumen Security', 'Acme Analytics']);
  });

  it('reads "the partnership between X and Y" when the title names nobody', () => {
    const d = doc(md('# Connector Partnership Charter', '', 'This charter sets out the partnership between Acme Analytics and Lumen Security, Inc.', BODY));
    assert.deepEqual(betweenNames(d), ['Acme Analytics', 'Lumen Security']);
    assert.deepEqual([sideNames(d).ourName, sideNames(d).partnerName], ['Acme Analytics', 'Lumen Security']);
  });

  it('does not take teams, pronouns or dates for parties', () => {
    for (const line of [
      'The charter splits the work between Sales and Marketing.',
      'The agreement runs between Q1 and Q3.',
      'This partnership between our team and theirs starts in May.',
      'Work is shared between Acme and Acme.',
    ]) {
      assert.equal(betweenNames(doc(md('# Connector Partnership Charter', '', line, BODY))), undefined, line);
    }
  });

  it('knows no names when neither title, front matter nor opening gives them', () => {
    const d = doc(md('# Connector Partnership Charter', BODY));
    assert.deepEqual([sideNames(d).ourName, sideNames(d).partnerName, charterParties(d).partnerLabel], [undefined, undefined, 'the partner']);
  });
});
