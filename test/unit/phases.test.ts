import * as assert from 'node:assert/strict';
import { buildDocument, sniff, DEFAULT_VOCABULARY, type Vocabulary } from '../../src/core';
import { parseLabel, findGoNoGo, PHASE_VOCABULARY } from '../../src/models/phases';
import { isPrePilotStep, models } from '../../src/models';
import { md } from './helpers';

function phasesOf(text: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY) {
  const sniffed = sniff(text);
  assert.ok(sniffed.kind, 'test document must be a strategy document');
  const doc = buildDocument(text, { ...sniffed, kind: sniffed.kind });
  return { doc, phases: models(doc, vocabulary).phases() };
}

const PLAN = ['---', 'type: rollout-plan', '---', '# Rollout', ''];

describe('phases: labels', () => {
  const pv = PHASE_VOCABULARY;
  it('reads labels as people write them', () => {
    for (const [text, kind] of [
      ['Crawl', 'crawl'], ['Crawl:', 'crawl'], ['Crawl (weeks 1-6)', 'crawl'], ['Phase 1: Crawl', 'crawl'], ['Phase 2 — Walk', 'walk'],
      ['🐛 Crawl', 'crawl'], ['1. Crawl', 'crawl'], ['Crawl phase lasts six weeks', 'crawl'], ['Walk – 10 customers', 'walk'],
      ['Run: TBD', 'run'], ['Run (ongoing)', 'run'], ['Step 3: Run', 'run'], ['Crawl | 2027-01-11 | x', 'crawl'],
    ] as const) {
      assert.equal(parseLabel(text, pv)?.kind, kind, text);
    }
  });

  it('reads numbered phases with other names', () => {
    assert.deepEqual(parseLabel('Phase 2: Integration', pv), { kind: 'other', name: 'Phase 2', key: 'phase 2' });
    assert.equal(parseLabel('Stage 3 (Q3 2027)', pv)?.name, 'Stage 3');
    assert.equal(parseLabel('Phase 2', pv)?.key, 'phase 2');
  });

  it('reads a numbered phase whose title names a framework phase', () => {
    assert.deepEqual(parseLabel('Phase 2: Regional Expansion (Months 4-6)', pv), {
      kind: 'walk', name: 'walk', key: 'walk', numbered: { name: 'Phase 2', key: 'phase 2' },
    });
    assert.equal(parseLabel('Stage 3 – Growth and Scaling', pv)?.kind, 'run');
    assert.equal(parseLabel('Phase 1: Pilot with two hospitals', pv)?.kind, 'crawl');
    // Preparing for a phase is not the phase; a hyphenated word is not a phase name.
    for (const text of ['Phase 1: Launch readiness', 'Phase 1: Prepare the launch', 'Phase 0: Pre-pilot paperwork', 'Phase 3: Run-rate review']) {
      assert.equal(parseLabel(text, pv)?.kind, 'other', text);
    }
  });

  it('reads a crawl or walk named with its length', () => {
    for (const [text, kind] of [
      ['3-week pilot outline', 'crawl'], ['A six-week beta for resellers', 'walk'], ['7) 10-day pilot plan', 'crawl'], ['Two-week-long pilot', 'crawl'],
    ] as const) {
      assert.equal(parseLabel(text, pv)?.kind, kind, text);
    }
    // Only crawl and walk names, and only a length that opens the label.
    for (const text of ['90-day launch plan', 'Within 2 weeks pilot customers get access', 'Every 2 weeks pilot review', 'Our pilot takes 2 weeks']) {
      assert.equal(parseLabel(text, pv), undefined, text);
    }
  });

  it('leaves prose alone', () => {
    for (const text of [
      'Run the integration tests weekly.', 'Crawl, walk, run is how we de-risk.', 'Crawl-Walk-Run Plan', 'Crawl → Walk: 20%',
      'Walkthrough: sales', 'Running total', 'Phase 2 will add SSO.', 'Walk-through of the integration', 'Run rate: $1M',
      'Step 2: sign the charter', 'Walking away is an option.',
    ]) {
      assert.equal(parseLabel(text, pv), undefined, text);
    }
  });
});

describe('phases: model', () => {
  it('finds phases in a charter Timeline only, with their dates and criteria', () => {
    const { doc, phases } = phasesOf(md(
      '---', 'type: partnership-charter', '---', '# Charter', '',
      '## Value Exchange', '', '- Crawl: this line is not in the timeline.', '',
      '## Timeline', '',
      '- **Crawl** (2027-01-11 to 2027-02-26, 7 weeks): 2 pilots.',
      '  Go/no-go: 20%+ faster setup.',
      '- **Walk** (8-12 weeks): ten customers.',
      '- **Run**: ongoing.',
      '',
      '## Governance', '', '- Walk: not in the timeline either.',
    ));
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'walk', 'run']);
    const [crawl, walk, run] = phases;
    assert.equal(doc.text.slice(crawl!.labelStart, crawl!.labelEnd), 'Crawl');
    assert.equal(crawl!.labelRange.start.line, 11);
    assert.deepEqual(crawl!.dates.map((d) => d.text), ['2027-01-11 to 2027-02-26']);
    assert.deepEqual(crawl!.durations.map((d) => d.text), ['7 weeks']);
    assert.match(crawl!.goNoGo!, /20%\+ faster setup/);
    assert.equal(crawl!.timing!.start!.text, '2027-01-11');
    assert.equal(crawl!.timing!.end!.text, '2027-02-26');
    assert.deepEqual(walk!.durations.map((d) => d.text), ['8-12 weeks']);
    assert.equal(walk!.goNoGo, undefined);
    assert.equal(run!.dates.length + run!.durations.length, 0);
  });

  it('reads headings (numbered, emoji, bold lines) with their section text', () => {
    const { phases } = phasesOf(md(
      ...PLAN,
      '## Phase 1: Crawl', '', '- **Dates:** 2027-01-11 to 2027-02-26', '- **Exit criteria:** 2 pilots live with 20%+ faster setup', '',
      '## 🚶 Walk (weeks 8-19)', '', 'Ten customers.', '',
      '**Run**', 'Ongoing after walk passes.', '',
      '## Phase 4: Integration', '', 'EMEA.',
    ));
    assert.deepEqual(phases.map((p) => p.name), ['crawl', 'walk', 'run', 'Phase 4']);
    assert.equal(phases[0]!.timing!.line, '**Dates:** 2027-01-11 to 2027-02-26'.replace(/\*\*/g, ''));
    assert.ok(phases[0]!.goNoGo);
    assert.equal(phases[1]!.timing!.start!.text, 'week 8');
    assert.match(phases[2]!.text, /after walk/);
  });

  it('reads table rows, with column headers as context', () => {
    const { phases } = phasesOf(md(
      ...PLAN,
      '| Phase | Dates | Go/no-go |', '| --- | --- | --- |',
      '| Crawl | 2027-01-11 – 2027-02-26 | 20% improvement in setup time |',
      '| Walk | Q2 2027 | TBD |',
      '| Run | from 2027-07-01 | — |',
    ));
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'walk', 'run']);
    assert.ok(phases[0]!.goNoGo);
    assert.equal(phases[1]!.goNoGo, undefined, 'a placeholder is not a criterion');
    assert.deepEqual(phases[1]!.dates.map((d) => d.text), ['Q2 2027']);
  });

  it('merges a phase named twice, and takes criteria from a go/no-go section', () => {
    const { phases } = phasesOf(md(
      ...PLAN,
      '- Crawl: 6 weeks', '- Walk: 10 weeks', '',
      '## Go/no-go criteria', '', '### After crawl', '', '- Did pilots see 20% faster setup?', '',
      '### Walk', '', '- 70% of invited customers live',
    ));
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'walk']);
    assert.equal(phases[1]!.mentions.length, 2);
    assert.ok(phases[0]!.goNoGo);
    assert.ok(phases[1]!.goNoGo);
  });

  it('takes a criterion from a go/no-go subheading or bold line inside a phase section', () => {
    const { phases } = phasesOf(md(
      ...PLAN,
      '## Crawl (6 weeks)', '', '- 2 pilots', '', '### Go/no-go', '', '- Both pilots renew their contracts.', '',
      '## Walk (10 weeks)', '', 'Ten customers.', '', '**Exit criteria:**', '- 7 of 10 customers active weekly', '',
      '## Run', '', '**Gate:**', '- TBD',
    ));
    assert.equal(phases[0]!.goNoGo, 'Both pilots renew their contracts.');
    assert.equal(phases[1]!.goNoGo, '7 of 10 customers active weekly');
  });

  it('does not take a lone numbered item in a plan for a phase', () => {
    const { phases } = phasesOf(md(...PLAN, '## Risks', '', '- Phase 3: not planned.', '- Budget cuts.'));
    assert.deepEqual(phases, []);
    const listed = phasesOf(md(...PLAN, '- Phase 1: pilots (6 weeks)', '- Phase 2: integration')).phases;
    assert.deepEqual(listed.map((p) => p.name), ['crawl', 'Phase 2'], 'Phase 1 names its pilots: a crawl');
  });

  it('tells two numbered phases that name the same phase apart by their numbers', () => {
    const { phases } = phasesOf(md(...PLAN, '## Phase 1: Pilot setup (2 weeks)', '', 'Contracts.', '', '## Phase 2: Pilot delivery (6 weeks)', '', 'Two customers.'));
    assert.deepEqual(phases.map((p) => p.name), ['Phase 1', 'Phase 2']);
    const named = phasesOf(md(...PLAN, '## Phase 1: Walk (10 weeks)', '', 'Eight customers.', '', '## Phase 2: Market expansion', '', 'Asia.')).phases;
    assert.deepEqual(named.map((p) => p.name), ['walk', 'Phase 2']);
  });

  it('reads a crawl written in a sentence with its length when no label names one', () => {
    const { doc, phases } = phasesOf(md(
      ...PLAN, '## Next steps', '', '1. Agree on the integration owner.', '2. Start with a 3-week pilot on two warehouses.', '',
      '## Walk (weeks 4-14)', '', 'Ten more warehouses.',
    ));
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'walk']);
    const crawl = phases[0]!;
    assert.equal(crawl.labelRange.start.line, doc.text.split('\n').findIndex((l) => l.includes('3-week pilot')));
    assert.equal(doc.text.slice(crawl.labelStart, crawl.labelEnd), 'pilot');
    assert.equal(crawl.timing?.durations[0]?.minWeeks, 3);
    for (const sentence of ['a pilot (5 weeks) with one bank', 'a pilot lasting two months with one bank']) {
      const found = phasesOf(md(...PLAN, '## Plan', '', `We begin with ${sentence}.`)).phases;
      assert.deepEqual(found.map((p) => p.kind), ['crawl'], sentence);
      assert.ok(found[0]!.timing?.durations.length, sentence);
    }
  });

  it('takes no sentence for a crawl when a label already names one, nor a pilot without a length', () => {
    const labelled = phasesOf(md(...PLAN, 'We mentioned a 2-week pilot to the partner.', '', '## Pilot (6 weeks)', '', 'Two customers.')).phases;
    assert.equal(labelled.length, 1);
    assert.equal(labelled[0]!.timing?.durations[0]?.minWeeks, 6);
    assert.deepEqual(phasesOf(md(...PLAN, '## Plan', '', 'A pilot with two customers comes first.', 'Pilot customers report within 2 weeks.')).phases, []);
    // Beside a numbered phase of another name, the sentence may describe part of it.
    const numbered = phasesOf(md(...PLAN, '## Phase 1: Validation (6 weeks)', '', 'Starts with a 1-week pilot of the sandbox.')).phases;
    assert.deepEqual(numbered.map((p) => p.name), ['Phase 1']);
  });

  it('tells steps that come before any pilot from numbered phases that may be one', () => {
    const { phases } = phasesOf(md(
      ...PLAN, '## Phase 1: Discovery (2 weeks)', '', '## Phase 2: Proposal & Negotiation', '', '## Phase 3: Validation', '', '## Phase 4: Onboarding and integration', '',
    ));
    assert.deepEqual(phases.map((p) => isPrePilotStep(p, DEFAULT_VOCABULARY)), [true, true, false, false]);
  });

  it('reads the names real plans give the phases: pilot, beta, launch, general availability, scale', () => {
    const { phases } = phasesOf(md(...PLAN, '- Pilot (6 weeks): two customers', '- Beta (10 weeks): ten customers', '- General availability: from 2027-09-01'));
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'walk', 'run']);
    const phased = phasesOf(md(...PLAN, '## Phase 1 — Proof of concept', '', 'Two customers.', '', '## Phase 2: Launch', '', 'Everyone.')).phases;
    assert.deepEqual(phased.map((p) => p.kind), ['crawl', 'run']);
  });

  it('reads a period followed by a title that names a phase: "Q2 2026: Pilot Projects", "Months 4-9 — Scale"', () => {
    const { phases } = phasesOf(md(...PLAN, '### Q2 2026: Technical alignment & pilot projects', '', '- Five pilots.', '', '### Q3 2026: Partnership launches', '', '- Marketplace listing.', '', '### 2027: Run-rate targets', '', '- Numbers.'));
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'run'], '"Run-rate" names no phase');
    assert.deepEqual(phasesOf(md(...PLAN, '### Months 4-9 — Scale', '', 'More.')).phases.map((p) => p.kind), ['run']);
    // A period whose title names no phase is not one.
    assert.deepEqual(phasesOf(md(...PLAN, '### Q4 2026: Reference customers', '', 'More.')).phases, []);
  });

  it('handles CRLF line breaks', () => {
    const { doc, phases } = phasesOf(md(...PLAN, '- **Crawl** (6 weeks): pilots', '- **Walk**: Q2').replace(/\n/g, '\r\n'));
    assert.equal(phases.length, 2);
    assert.equal(doc.text.slice(phases[1]!.labelStart, phases[1]!.labelEnd), 'Walk');
  });

  it('uses team phase names from the vocabulary', () => {
    const vocabulary = { ...DEFAULT_VOCABULARY, phaseNames: { crawl: ['crawl', 'pilot'], walk: ['walk', 'expand'], run: ['run', 'scale'] } } as Vocabulary;
    const { phases } = phasesOf(md(...PLAN, '- Pilot: 6 weeks', '- Expand: 10 weeks', '- Scale: ongoing'), vocabulary);
    assert.deepEqual(phases.map((p) => p.kind), ['crawl', 'walk', 'run']);
  });

  it('finds nothing in a charter without a Timeline section', () => {
    assert.deepEqual(phasesOf(md('---', 'type: partnership-charter', '---', '# Charter', '', '- Walk: Q2')).phases, []);
  });
});

describe('phases: go/no-go', () => {
  const g = (text: string) => findGoNoGo(text, PHASE_VOCABULARY, DEFAULT_VOCABULARY);
  it('accepts gate words with an answer, and thresholds', () => {
    for (const text of [
      'Go/no-go: pilots cut setup time by a fifth', 'go / no-go: both pilots renew', 'Exit criteria: 2 pilots live', 'Proceed if both pilots renew',
      'Success criteria - NPS above 40', '20%+ improvement in setup time', 'at least 70% of invited customers', '70% adoption', '70% of invited customers adopt',
      'Advance when the partner signs the reseller addendum', 'exit when both pilots renew',
    ]) {
      assert.ok(g(text), text);
    }
  });

  it('does not take the occasion of a go/no-go call for its bar', () => {
    for (const text of ['Week 6: produce the go/no-go summary and next steps', 'Hold a go/no-go review with both sponsors', 'Gate meeting at the end of the pilot']) {
      assert.equal(findGoNoGo(text, PHASE_VOCABULARY, DEFAULT_VOCABULARY), undefined, text);
    }
    for (const text of ['Go/no-go review: both pilots renew', 'Go/no-go decision, based on whether support tickets fall', 'Go/no-go review against a 25% faster close']) {
      assert.ok(findGoNoGo(text, PHASE_VOCABULARY, DEFAULT_VOCABULARY), text);
    }
  });

  it('rejects empty or placeholder answers and plain numbers', () => {
    for (const text of ['Go/no-go: TBD', 'Gate: [threshold]', 'Exit criteria: none', 'go/no-go: to be defined', 'No go/no-go yet.', '20% of revenue', 'Go/no-go:', 'Gate: —']) {
      assert.equal(g(text), undefined, text);
    }
  });
});
