/**
 * The reading of an agreement in its own form (src/models/agreement-coverage.ts): what it covers
 * of the charter's ground, read from its content. The rules that report from it have their own
 * tests; these hold the reading itself.
 */
import * as assert from 'node:assert/strict';
import { buildDocument, sniff, DEFAULT_VOCABULARY } from '../../src/core';
import { models, type AgreementCoverage } from '../../src/models';
import { md } from './helpers';

function coverage(text: string): AgreementCoverage {
  const sniffed = sniff(text);
  return models(buildDocument(text, { ...sniffed, kind: sniffed.kind ?? 'partnership-charter' }), DEFAULT_VOCABULARY).agreementCoverage();
}

const mou = (...lines: string[]) => md('# Memorandum of Understanding between Harbor Robotics and Quillon Labs', '', 'The two companies intend to publish an open dataset of robot failures.', '', ...lines);

describe('agreementCoverage', () => {
  it('finds nothing in an MOU that only states an intention', () => {
    const c = coverage(mou());
    assert.equal(c.measure, undefined);
    assert.equal(c.timeline, undefined);
    assert.equal(c.owners.sides, 'none');
    assert.equal(c.escalation, undefined);
    assert.equal(c.exit, undefined);
    assert.equal(c.undertaking, true);
    assert.equal(c.standardTerms, false);
  });

  it('reads a number as measurement only beside an outcome, not a version, a date or a notice period', () => {
    assert.ok(coverage(mou('Published under licence v2.0 in March 2027, with 5 days notice to end it.')).measure === undefined);
    assert.ok(coverage(mou('The aim is 12 research groups using the data.')).measure);
    assert.ok(coverage(mou('Labelling should take 30% less time.')).measure);
  });

  it('reads a start date alone as no timeline, and a second date or an end date as one', () => {
    assert.equal(coverage(mou('Signed on 2027-02-01.')).timeline, undefined);
    assert.ok(coverage(mou('Signed on 2027-02-01; the first release ships in November 2027.')).timeline);
    assert.ok(coverage(mou('The memorandum stays in force through 2028.')).timeline);
    assert.ok(coverage(mou('## Term', '', 'Both parties may review it yearly.')).timeline);
    assert.equal(coverage(mou('## Long-term vision', '', 'Robots that fail less.')).timeline, undefined);
    assert.equal(coverage(mou('Disagreements go to the CEOs within 10 days.')).timeline, undefined);
  });

  it('tells which side named people are on, from the line or a roster\'s columns', () => {
    const oneSide = coverage(mou('## Contacts', '', '- Mara Voss - Head of Research, Harbor Robotics', '- Jon Ekberg - Data Engineer, Harbor Robotics'));
    assert.deepEqual({ sides: oneSide.owners.sides, has: oneSide.owners.has, lacks: oneSide.owners.lacks, at: oneSide.owners.section?.title }, { sides: 'one-side', has: 'Harbor Robotics', lacks: 'Quillon Labs', at: 'Contacts' });
    const both = coverage(mou('| Area | Harbor | Quillon |', '| --- | --- | --- |', '| Data | Mara Voss | Teodor Lind |'));
    assert.equal(both.owners.sides, 'both');
    // The same name in two cells is a label ("Shared Drive | the Shared Drive"), not two people.
    assert.equal(coverage(mou('| Link | Where |', '| --- | --- |', '| Shared Drive | the Shared Drive folder |')).owners.sides, 'none');
    // People named without a role or a heading that says who they are are not owners.
    assert.equal(coverage(mou('The dataset honours Ada Lovelace and Grace Hopper.')).owners.sides, 'none');
  });

  it('reads an end of the partnership, not of a package or a member, as its exit', () => {
    assert.ok(coverage(mou('Either party may end this memorandum with 30 days notice.')).exit);
    assert.equal(coverage(mou('Robot models without a maintainer are sunset from the dataset.')).exit, undefined);
  });

  it('reads own costs, payments and commitments apart', () => {
    const own = coverage(mou('Each party bears its own costs.'));
    assert.ok(own.ownCosts);
    assert.equal(own.economicMention, false);
    const paid = coverage(mou('Each party bears its own costs.', '', 'Quillon Labs pays a licence fee per robot.'));
    assert.equal(paid.paymentMention, true);
    const committed = coverage(mou('Harbor Robotics will fund two data engineers.'));
    assert.equal(committed.economicCommitment, true);
  });

  it('knows standard program terms and announcements by their titles', () => {
    assert.equal(coverage(md('# Partner Program Terms and Conditions', '', 'These terms govern your participation.')).standardTerms, true);
    assert.equal(coverage(md('# Announcing our partnership with Quillon Labs', '', 'We are glad.')).announcement, true);
    assert.equal(coverage(md('# Harbor Robotics and Quillon Labs Partnership', '', 'We are delighted to announce that Harbor and Quillon will share robot data.')).announcement, true);
    assert.equal(coverage(mou('Each party will announce the dataset on its blog.')).announcement, false);
    assert.equal(coverage(md('# Quillon Labs\' partnership with the Harbor community', '', 'We review together.')).undertaking, false);
  });
});
