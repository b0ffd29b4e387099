import type { Rule } from '../core/rule';
import { frontmatterInvalid } from './frontmatter-invalid';
import { charterMissingSection } from './charter-missing-section';
import { charterEmptySection } from './charter-empty-section';
import { mutualGoalsMissingParty } from './mutual-goals-missing-party';
import { economicCommitmentMissing } from './economic-commitment-missing';
import { commitmentUnquantified } from './commitment-unquantified';
import { failureCostMissing } from './failure-cost-missing';
import { leverageCoMarketingOnly } from './leverage-co-marketing-only';
import { partnershipAsSalesChannel } from './partnership-as-sales-channel';
import { partnersExpectedToSelfPromote } from './partners-expected-to-self-promote';
import { partnershipForVanity } from './partnership-for-vanity';
import { measurementNotMeasurable } from './measurement-not-measurable';
import { governanceIncomplete } from './governance-incomplete';
import { exitCriteriaMissing } from './exit-criteria-missing';
import { charterUnsigned } from './charter-unsigned';
import { timelineUndated } from './timeline-undated';
import { rolloutGoNoGoMissing } from './rollout-go-no-go-missing';
import { rolloutSkipsCrawl } from './rollout-skips-crawl';
import { rolloutSkipsWalk } from './rollout-skips-walk';
import { rolloutPhaseDuration } from './rollout-phase-duration';
import { tiersTooMany } from './tiers-too-many';
import { tiersNoGraduationPath } from './tiers-no-graduation-path';
import { decisionAnswersMissing } from './decision-answers-missing';
import { decisionContradictsTree } from './decision-contradicts-tree';
import { launchNoFollowUp } from './launch-no-follow-up';
import { launchPrelaunchIncomplete } from './launch-prelaunch-incomplete';
import { postLaunchTouchpointsMissing } from './post-launch-touchpoints-missing';
import { integrationPathwayMissing } from './integration-pathway-missing';
import { numbersInconsistent } from './numbers-inconsistent';
import { placeholderLeft } from './placeholder-left';

/**
 * Every rule, in the order their checks run: the document's front matter first, then the
 * charter from its structure to its signatures, rollouts, tiers, decisions, launches, and
 * leftover placeholders last. Ids are stable: never rename one.
 */
export const RULES: readonly Rule[] = [
  frontmatterInvalid,
  charterMissingSection,
  charterEmptySection,
  mutualGoalsMissingParty,
  economicCommitmentMissing,
  commitmentUnquantified,
  failureCostMissing,
  leverageCoMarketingOnly,
  partnershipAsSalesChannel,
  partnersExpectedToSelfPromote,
  partnershipForVanity,
  measurementNotMeasurable,
  governanceIncomplete,
  exitCriteriaMissing,
  // After charter-missing-section: when both append at the end, Governance lands before Signatures.
  charterUnsigned,
  timelineUndated,
  rolloutGoNoGoMissing,
  rolloutSkipsCrawl,
  rolloutSkipsWalk,
  rolloutPhaseDuration,
  postLaunchTouchpointsMissing,
  tiersTooMany,
  tiersNoGraduationPath,
  decisionAnswersMissing,
  decisionContradictsTree,
  launchNoFollowUp,
  launchPrelaunchIncomplete,
  integrationPathwayMissing,
  numbersInconsistent,
  placeholderLeft,
];
