import * as assert from 'node:assert/strict';
import { isSpace } from '../../src/core/text';

describe('isSpace', () => {
  it('agrees with the white space of regular expressions on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    assert.deepEqual(differ, []);
    // And it does say yes for some: a function that always answers false would fail above only if \s matched nothing.
    assert.equal([0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2028, 0x3000, 0xfeff].every(isSpace), true);
    assert.equal(isSpace(Number.NaN), false);
  });
});
