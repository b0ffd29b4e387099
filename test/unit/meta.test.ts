/**
 * The registry, the rule files, their docs pages, their tests, the README and the config
 * schema must agree: a rule cannot ship without its page, its test or its schema entry.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ENGINE_IDS } from '../../src/core';
import { configSchema } from '../../src/core/schema';

const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('registry, docs, tests and schema agree', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('rule ids are unique and kebab-case', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const id of [...ids, ...ENGINE_IDS]) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it('lives in src/rules/<id>.ts', () => assert.ok(existsSync(join(ROOT, `src/rules/${id}.ts`))));
      it('has a test file test/unit/rules/<id>.test.ts', () => assert.ok(existsSync(join(ROOT, `test/unit/rules/${id}.test.ts`))));
      it('has a docs page with why, a problem and a fixed example, and the right default severity', () => {
        const page = read(`docs/rules/${id}.md`);
        assert.match(page, new RegExp(`^# ${id}\\n`));
        for (const heading of ['## Why', '## Problem', '## Fixed']) assert.ok(page.includes(heading), `${id}.md has ${heading}`);
        assert.match(page, new RegExp(`Default severity: ${rule.meta.defaultSeverity}\\b`));
      });
      it('names on its docs page exactly the options it declares (the settings file reports any other)', () => {
        const line = /^- Options: (.*)$/m.exec(read(`docs/rules/${id}.md`))?.[1] ?? '';
        const documented = [...line.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]).filter((n) => n !== 'true' && n !== 'false').sort();
        assert.deepEqual(documented, Object.keys(rule.meta.options ?? {}).sort());
      });
      it('has a description and checks at least one kind', () => {
        assert.ok(rule.meta.description.length > 20);
        assert.ok(rule.meta.kinds.length > 0);
      });
    });
  }

  it('every engine id has a docs page', () => {
    for (const id of ENGINE_IDS) assert.match(read(`docs/rules/${id}.md`), new RegExp(`^# ${id}\\n`));
  });

  it('no docs page is left without its rule', () => {
    const pages = readdirSync(join(ROOT, 'docs/rules')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.filter((p) => !ids.includes(p) && !(ENGINE_IDS as readonly string[]).includes(p)), []);
  });

  it('the README lists every rule', () => {
    const readme = read('README.md');
    for (const id of ids) assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md)`), `README links ${id}`);
  });

  it('schemas/partnerlint.schema.json is up to date with the registry (npm run schema)', () => {
    assert.deepEqual(JSON.parse(read('schemas/partnerlint.schema.json')), configSchema(RULES));
  });
});
