/** The partnerlint.* settings as any editor sends them (src/core/editor-settings.ts). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS } from '../../src/core';
import { normalizeSettings, SETTING_KEYS } from '../../src/core/editor-settings';

describe('editor settings', () => {
  const defaults = { enable: true, run: 'onType', debounce: 300, rules: {}, kinds: [...DOCUMENT_KINDS], ignore: [], maxFileSize: 1_000_000, timeBudget: 5000 };

  it('are the package.json defaults when nothing (or not an object) is sent', () => {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    const declared = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([key, p]) => [key.replace(/^partnerlint\./, ''), p.default]));
    assert.deepEqual(declared, defaults, 'the same keys and defaults as package.json');
    // The keys the VS Code extension reads (src/extension/settings.ts) are the ones package.json declares.
    assert.deepEqual([...SETTING_KEYS].sort(), Object.keys(declared).sort());
    for (const raw of [undefined, null, 'on', 42, [], true]) assert.deepEqual(normalizeSettings(raw), defaults, JSON.stringify(raw));
  });

  it('keep what is valid and clamp numbers to their range', () => {
    const s = normalizeSettings({ enable: false, run: 'onSave', debounce: 9e9, rules: { 'placeholder-left': 'off', 'tiers-too-many': 'error' }, kinds: ['decision-record'], ignore: ['archive/**'], maxFileSize: -5, timeBudget: 0 });
    assert.deepEqual(s, { enable: false, run: 'onSave', debounce: 5000, rules: { 'placeholder-left': 'off', 'tiers-too-many': 'error' }, kinds: ['decision-record'], ignore: ['archive/**'], maxFileSize: 0, timeBudget: 1 });
  });

  it('drop each value of the wrong type, and keys that would reach a prototype', () => {
    const s = normalizeSettings(JSON.parse('{"enable": "no", "run": 1, "debounce": "fast", "rules": {"__proto__": "off", "constructor": "off", "a": 3, "b": "loud", "c": "info"}, "kinds": ["nope", 7, "launch-plan"], "ignore": [null, "x/**"], "maxFileSize": null, "timeBudget": NaN}'.replace('NaN', 'null')));
    assert.deepEqual(s, { ...defaults, rules: { c: 'info' }, kinds: ['launch-plan'], ignore: ['x/**'] });
    assert.equal(Object.getPrototypeOf(s.rules), Object.prototype);
  });
});
