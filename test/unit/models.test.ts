import { ruleMeta } from '../../src/core/rule';
/**
 * The model layer (src/models/): one reading per lint, readable from a region, and the only
 * thing rules read models through.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument, sniff, DocumentLintState, DEFAULT_CONFIG, DEFAULT_VOCABULARY, type Rule, type StrategyDocument } from '../../src/core';
import { models, type Models } from '../../src/models';
import { bigCharter } from './big-charter';
import { md } from './helpers';
import { randomEdit, randomFrom } from './random-edits';
import { forgetFigures, type StatedFigure } from '../../src/models/targets';

function documentOf(text: string): StrategyDocument {
  const sniffed = sniff(text);
  assert.ok(sniffed.kind, 'test document must be a strategy document');
  return buildDocument(text, { ...sniffed, kind: sniffed.kind });
}

/** A rule that only records the models each lint gives it. */
function recorder(id: string, seen: Models[]): Rule {
  return {
    meta: ruleMeta({ id, description: 'records models', defaultSeverity: 'info', checks: ['charter-sections'] }),
    check({ doc, vocabulary }) {
      seen.push(models(doc, vocabulary));
    },
  };
}

describe('models: one reading per lint', () => {
  const charter = bigCharter(120, process.cwd());

  it('gives the same models, and the same model objects, for the same document and vocabulary', () => {
    const doc = documentOf(charter);
    const m = models(doc, DEFAULT_VOCABULARY);
    assert.equal(models(doc, DEFAULT_VOCABULARY), m);
    assert.equal(m.charterSections(), m.charterSections());
    assert.equal(m.parties(), m.parties());
    assert.equal(m.commitments(), m.commitments());
    assert.equal(m.phases(), m.phases());
    assert.equal(m.tiers(), m.tiers());
    assert.ok(m.phases().length >= 3, 'the charter has a rollout in its Timeline');
    const timeline = m.charterSections().get('timeline')!;
    assert.equal(m.content(timeline), m.content(timeline));
  });

  it('reads a new version of the text afresh, and another vocabulary apart', () => {
    const first = documentOf(charter);
    const second = documentOf(`${charter}\nOne more line.\n`);
    assert.notEqual(models(second, DEFAULT_VOCABULARY), models(first, DEFAULT_VOCABULARY));
    assert.notEqual(models(second, DEFAULT_VOCABULARY).commitments(), models(first, DEFAULT_VOCABULARY).commitments());
    assert.notEqual(models(second, DEFAULT_VOCABULARY).phases(), models(first, DEFAULT_VOCABULARY).phases());
    const other = { ...DEFAULT_VOCABULARY };
    assert.notEqual(models(first, other), models(first, DEFAULT_VOCABULARY));
  });

  it('is shared by the rules of one lint and new for the next, as the incremental linter runs them', () => {
    const seen: Models[] = [];
    const rules = [recorder('first', seen), recorder('second', seen)];
    const state = new DocumentLintState();
    state.update(charter, rules, DEFAULT_CONFIG);
    state.update(charter.replace('Crawl', 'Crawl '), rules, DEFAULT_CONFIG);
    state.update(charter.replace('Crawl', 'Crawl '), rules, DEFAULT_CONFIG);
    assert.equal(seen.length, 6);
    for (let lint = 0; lint < 3; lint++) assert.equal(seen[2 * lint], seen[2 * lint + 1], `both rules of lint ${lint + 1} share one`);
    assert.equal(new Set(seen).size, 3, 'each lint has its own, even of the same text');
  });
});

describe('models: read from a region', () => {
  const strategy = md(
    '# Acme Partner Strategy',
    '',
    '## Partner types',
    '',
    'Resellers, referral partners and technology partners.',
    '',
    '## Partner tiers',
    '',
    '| Tier | Benefits | Requirements |',
    '| --- | --- | --- |',
    '| Tier 1 | Listing | None |',
    '| Tier 2 | Co-selling | 5 joint customers |',
    '| Tier 3 | MDF | 20 joint customers |',
    '',
    '## Roadmap',
    '',
    '- **Crawl** (weeks 1-6): two pilot partners; go/no-go: 20%+ faster onboarding',
    '- **Walk** (weeks 7-18): ten partners',
    '- **Run** (from week 19): open the program',
    '',
    '## Governance',
    '',
    'A monthly steering meeting.',
  );

  it('reads the phases of a roadmap section, and by default where the kind keeps its rollout (a strategy: its roadmap section)', () => {
    const doc = documentOf(`---\ntype: partnership-strategy\n---\n${strategy}`);
    const m = models(doc, DEFAULT_VOCABULARY);
    const roadmap = doc.sections.find((s) => s.title === 'Roadmap')!;
    assert.deepEqual(m.phases(), m.phases(roadmap), 'a strategy keeps its rollout in its roadmap section');
    // Without a roadmap section, numbered steps elsewhere are not a rollout.
    const noRoadmap = documentOf(`---\ntype: partnership-strategy\n---\n${strategy.replace('## Roadmap', '## Recruitment process')}`);
    assert.deepEqual(models(noRoadmap, DEFAULT_VOCABULARY).phases(), []);
    assert.deepEqual(m.phases(roadmap).map((p) => p.kind), ['crawl', 'walk', 'run']);
    assert.ok(m.phases(roadmap)[0]!.goNoGo);
    assert.deepEqual(m.phases('document').map((p) => p.kind), ['crawl', 'walk', 'run']);
    const governance = doc.sections.find((s) => s.title === 'Governance')!;
    assert.deepEqual(m.phases(governance), []);
  });

  it('reads the tier model of one section, or of the whole document', () => {
    const doc = documentOf(`---\ntype: partnership-strategy\n---\n${strategy}`);
    const m = models(doc, DEFAULT_VOCABULARY);
    const tiers = doc.sections.find((s) => s.title === 'Partner tiers')!;
    const roadmap = doc.sections.find((s) => s.title === 'Roadmap')!;
    assert.deepEqual(m.tiers(tiers)?.tiers.map((t) => t.label), ['Tier 1', 'Tier 2', 'Tier 3']);
    assert.equal(m.tiers(roadmap), undefined);
    assert.deepEqual(m.tiers()?.tiers.map((t) => t.label), ['Tier 1', 'Tier 2', 'Tier 3']);
    assert.equal(m.tiers(tiers)?.container, tiers);
  });
});

/**
 * Rules read models through src/models/index.ts and nothing else of the layer: not its files
 * (masking, the commitment reading's class, section lookup), and none of the machinery that
 * makes re-linting cheap (memo tables, versions of a document, the incremental linter, phrase
 * scans carried from one version to the next). What rules may import besides: the core's types
 * and plain helpers (text, dates, quantities, vocabulary matching, items), the decision trees,
 * other rules (the registry, shared field readers), and the Markdown and YAML types.
 */
describe('models: the only way rules read them', () => {
  const rulesDir = join(process.cwd(), 'src', 'rules');
  const FORBIDDEN_CORE = ['../core/memo', '../core/incremental', '../core/lint-session', '../core/phrase-scan', '../core/guard'];
  const FORBIDDEN_NAMES = /\b(?:previousVersion|linkVersions|memoizeText|TextCache)\b/;

  for (const file of readdirSync(rulesDir).filter((f) => f.endsWith('.ts'))) {
    it(`src/rules/${file} imports models from '../models' only`, () => {
      const source = readFileSync(join(rulesDir, file), 'utf8');
      for (const m of source.matchAll(/^import\s+([\s\S]*?)\s+from\s+'([^']+)';/gm)) {
        const [, what, from] = m as unknown as [string, string, string];
        const allowed = from === '../models'
          || (from.startsWith('../core/') && !FORBIDDEN_CORE.includes(from))
          || from.startsWith('../trees/')
          || /^\.\/[a-z-]+$/.test(from)
          || from === 'mdast' || from === 'yaml';
        assert.ok(allowed, `${file} imports '${from}'`);
        assert.ok(!FORBIDDEN_NAMES.test(what), `${file} imports ${what.trim()} from '${from}'`);
      }
      assert.ok(!/\bmasked\b|\bmaskDocument\b/.test(source), `${file} reads the mask`);
    });
  }

  it('has no readers left in src/rules/: every file there is a rule or the registry', () => {
    const ids = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    const registry = readFileSync(join(rulesDir, 'index.ts'), 'utf8');
    for (const id of ids) assert.ok(registry.includes(`'./${id}'`), `src/rules/${id}.ts is not a registered rule`);
  });
});

describe('figures read again after an edit', () => {
  it('are what a reading from scratch gives, after random edits to documents full of figures', function () {
    this.timeout(60_000);
    const plainFigure = (f: StatedFigure) => ({ ...f, path: f.path.map((s) => s.title), periodSection: f.periodSection?.title, tierSection: f.tierSection?.title });
    const read = (text: string) => {
      const sniffed = sniff(text);
      const doc = buildDocument(text, { ...sniffed, kind: sniffed.kind ?? 'partnership-strategy' });
      return models(doc, DEFAULT_VOCABULARY).figures().map(plainFigure);
    };
    const texts = [
      ...['strategy-pilot-straight-to-launch.md', 'tiering-five-tiers.md', 'clean-tier-model.md'].map((f) => readFileSync(join('test/fixtures', f), 'utf8')),
      bigCharter(60),
    ];
    const random = randomFrom(11);
    let figures = 0;
    let kept = 0;
    for (const original of texts) {
      let text = original;
      read(text);
      for (let i = 0; i < 40; i++) {
        text = randomEdit(text, random, ['\n', '## Targets 2027\n', '- 10,000+ customers by 2027\n', '$4.5M', '25%', ' in 2026', '| Gold | $5,000 |\n', 'x', ' ']);
        const warm = read(text);
        forgetFigures();
        const fresh = read(text);
        assert.deepEqual(warm, fresh, `after edit ${i}: ${JSON.stringify(text.slice(0, 200))}`);
        figures += fresh.length;
        kept++;
      }
    }
    assert.ok(figures > 500, `${figures} figures compared over ${kept} edits`);
  });
});
