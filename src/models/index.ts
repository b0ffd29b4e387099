/**
 * The models a partnership document holds, read once per lint: its charter sections, the two
 * parties, who commits what, the phases of a rollout, a tier model, a launch plan's phases. Rules
 * judge models; they import from here only (test/unit/models.test.ts holds them to it).
 *
 * `models(doc, vocabulary)` is the one entry point. Each model is read on first use and kept for
 * as long as the document object lives: a lint builds one document, so every rule of that lint
 * shares one reading, and the next version of the text (a new document) is read afresh. What the
 * incremental linter can reuse from the previous version (the commitment reading's mask, phrase
 * matches and clauses) is found here, through `previousVersion`, never by a rule.
 *
 * Models are shared between rules: never change one.
 */
import { followsOutline, previousVersion, type StrategyDocument, type Section } from '../core/document';
import type { Vocabulary } from '../core/vocabulary';
import { findCharterSections, type CharterSectionId } from './sections';
import { charterParties, type Parties } from './parties';
import { CharterText, type Span } from './commitments';
import { findPhases, type Phase, type PhaseRegion } from './phases';
import { findTierLadders, findTierModel, type TierModel } from './tiers';
import { readLaunchPlan, type LaunchPlan } from './launch-phases';
import { contentItems, sectionHasSubstance, type ContentItem } from './charter-content';
import { charterVocabulary, type CharterVocabulary } from './charter-vocabulary';
import { readDecisionRecord, type DecisionRecord } from './decision-record';
import { readExitProvisions, type ExitProvisions } from './exit-provisions';
import { readBuildDecision, type BuildDecision } from './build-decision';
import { readVoice, type DocumentVoice } from './voice';
import { readSalesFramings, type SalesFraming } from './partner-role';
import { readEnablement, type Enablement } from './enablement';
import { findReferences } from './references';
import { kindInfo } from '../core/kinds';
import { findMetricLists, findUnsetTargets, type MetricList } from './metric-lists';
import { findUnquantifiedRewards, type RewardGroup } from './rewards';
import type { TextItem } from '../core/items';
import { hasRecurringTouchpoint } from './touchpoints';
import { readJointLaunch, type JointLaunch } from './integration-pathway';
import { findFigures, findTableTotals, type StatedFigure, type TableTotal } from './targets';
import { findStatedCounts, type StatedCount } from './counts';
import { readVanity, type VanityReading } from './vanity';
import { isTemplate } from './template';
import { readAgreementCoverage, type AgreementCoverage } from './agreement-coverage';

/** The models of one document, read with one vocabulary. */
export interface Models {
  /** The five charter sections, each the first section written under one of its names (the title never is one). */
  charterSections(): ReadonlyMap<CharterSectionId, Section>;
  /** Who the two sides are: us, the partner, and title names whose side is not said. */
  parties(): Parties;
  /** The document read clause by clause: who gives what, economic terms, failure costs, side names. */
  commitments(): Commitments;
  /**
   * The phases of a rollout written in `region`: a section (subsections included), or
   * 'document' for the whole text. Without a region, the rollout the document's kind keeps: the
   * whole of a rollout plan, a charter's Timeline section, a strategy's roadmap section; none for
   * other kinds.
   */
  phases(region?: PhaseRegion): readonly Phase[];
  /** The tier model written in `region` (a section, subsections included); without one, anywhere in the document. */
  tiers(region?: Section): TierModel | undefined;
  /** Every tier ladder of the document, in document order (the same ladder written twice counts once). */
  tierLadders(): readonly TierModel[];
  /** A launch plan's pre-launch, launch-week and post-launch sections, and what it says about follow-up. */
  launchPlan(): LaunchPlan;
  /** The text items of `section` in context (subsection titles, table headers), placeholders marked. */
  content(section: Section): readonly ContentItem[];
  /** Whether `section` has anything written in it beyond headings, labels, placeholders and template prompts. */
  hasSubstance(section: Section): boolean;
  /** Sections that list what is measured ("KPIs", "Success Metrics"), outermost ones, with whether any item sets a target. */
  metricLists(): readonly MetricList[];
  /** Lines labelled as targets or quotas whose answer holds no number ("Sales targets: as agreed"). */
  unsetTargets(): readonly TextItem[];
  /** Rewards offered (commissions, bonuses, revenue shares, MDF) and funding put in with no number anywhere for them, by top-level section. */
  unquantifiedRewards(): readonly RewardGroup[];
  /** A decision record's front matter (`tree`, `answers`, `outcome`) with the offsets of each field; undefined without one. */
  decisionRecord(): DecisionRecord | undefined;
  /** What the text says about how a partnership ends: termination, demotion, renewal or re-evaluation against criteria. */
  exitProvisions(): ExitProvisions;
  /** Which of the build-vs-partner tree's questions a decision written in its own form raises (differentiation, roadmap delay, a partner who needs us). */
  buildDecision(): BuildDecision;
  /** Statements that hand selling to partners ("instead of direct sales"), each with whether its section says what partners add to the product. */
  salesFramings(): readonly SalesFraming[];
  /** What partners are given to sell and promote with, statements that they get little help, and asks that they sell or promote. */
  enablement(): Enablement;
  /** Whether the text addresses its reader ("you", "your") and is written mostly in Latin script. */
  voice(): DocumentVoice;
  /**
   * Whether the document is written as a charter, wholly or in part: it follows the framework's
   * outline (declared, or titled as one), or has at least two of the five charter sections under
   * some name. An agreement, MOU or announcement in its own form is not; whole-document verdicts
   * ("nothing here says…") are for documents that set out to cover the charter's ground.
   */
  charterShaped(): boolean;
  /**
   * Whether the document is a published post about a partnership (front matter with a date and
   * an author, as blog and news posts carry): it reports what was agreed, and is not the plan
   * itself, so verdicts on what the plan leaves out do not apply to it. Never for a document
   * declared a partnership document.
   */
  publishedPost(): boolean;
  /** Paragraphs that are only a link (`* [Press release](…)`): pointers to what was published, not commitments. */
  references(): readonly Span[];
  /** Every figure the document states (an amount, a count, a percentage) with its metric, period and scenario. */
  figures(): readonly StatedFigure[];
  /** Tables whose last row is a total, column by column, with the cells it adds up. */
  tableTotals(): readonly TableTotal[];
  /** Counts stated for the list or table that follows them ("our three partner types are:"). */
  statedCounts(): readonly StatedCount[];
  /** Sentences that offer exposure as what a partnership brings, and the tiers when they give nothing but visibility. */
  vanity(): VanityReading;
  /** Whether the text names a recurring touchpoint with partners (a business review, a monthly check-in, a steering cadence). */
  hasRecurringTouchpoint(): boolean;
  /** The first launch of a joint technical offering (integration, marketplace listing, joint solution) and whether the text says how the products connect; undefined when none is planned. */
  jointLaunch(): JointLaunch | undefined;
  /** Whether the document is a template to fill in: front matter `template: true`, or "template" in its title or file name. */
  template(): boolean;
  /**
   * What an agreement in its own form covers of the charter's ground, read from its content
   * (measurement, timeline, owners, escalation, exit, economics), whatever its headings.
   */
  agreementCoverage(): AgreementCoverage;
  /** The charter word lists (party words, metric terms, cadence, governance, signatures) as configured. */
  readonly words: CharterVocabulary;
}

/** The commitment reading of a document (see commitments.ts). */
export type Commitments = CharterText;

/** The models of `doc` read with `vocabulary`: the same object for the same document and vocabulary. */
export function models(doc: StrategyDocument, vocabulary: Vocabulary): Models {
  const byVocabulary = cache.get(doc) ?? new Map<Vocabulary, DocumentModels>();
  cache.set(doc, byVocabulary);
  let found = byVocabulary.get(vocabulary);
  if (!found) byVocabulary.set(vocabulary, (found = new DocumentModels(doc, vocabulary)));
  return found;
}

/** Headings of the part of a strategy that lays out its rollout: a roadmap, or the steps every partnership goes through. */
const ROADMAP_TITLE = /\b(?:roadmap|timeline|rollout|roll-out|phases|phased\s+(?:plan|approach)|implementation\s+(?:plan|roadmap|phases)|execution\s+plan|pipeline|milestones|partnership\s+(?:process|lifecycle|life[\s-]cycle))\b/i;

/** The outermost section of `doc` whose title says it holds the rollout. */
function roadmapSection(doc: StrategyDocument): Section | undefined {
  let found: Section | undefined;
  for (const section of doc.sections) {
    if (section === doc.title || !ROADMAP_TITLE.test(section.title)) continue;
    if (!found || section.depth < found.depth) found = section;
  }
  return found;
}

/** Per document (a lint's own), then per vocabulary (a configuration's, compared by identity). */
const cache = new WeakMap<StrategyDocument, Map<Vocabulary, DocumentModels>>();

class DocumentModels implements Models {
  private sections: ReadonlyMap<CharterSectionId, Section> | undefined;
  private sides: Parties | undefined;
  /** Read by the next version's models too (see `commitments`). */
  charterText: CharterText | undefined;
  private readonly phasesIn = new Map<PhaseRegion | undefined, readonly Phase[]>();
  private readonly tiersIn = new Map<Section | undefined, TierModel | undefined>();
  private ladders: readonly TierModel[] | undefined;
  private launch: LaunchPlan | undefined;
  private charterWords: CharterVocabulary | undefined;
  private record: { read: DecisionRecord | undefined } | undefined;
  private exits: ExitProvisions | undefined;
  private weighing: BuildDecision | undefined;
  private documentVoice: DocumentVoice | undefined;
  private framings: readonly SalesFraming[] | undefined;
  private enabling: Enablement | undefined;
  private metrics: readonly MetricList[] | undefined;
  private unset: readonly TextItem[] | undefined;
  private rewards: readonly RewardGroup[] | undefined;
  private linksOnly: readonly Span[] | undefined;
  private stated: readonly StatedFigure[] | undefined;
  private totals: readonly TableTotal[] | undefined;
  private counts: readonly StatedCount[] | undefined;
  private vanityReading: VanityReading | undefined;
  private touchpoint: boolean | undefined;
  private isTemplate: boolean | undefined;
  private joint: { read: JointLaunch | undefined } | undefined;
  private coverage: AgreementCoverage | undefined;

  constructor(private readonly doc: StrategyDocument, private readonly vocabulary: Vocabulary) {}

  get words(): CharterVocabulary {
    this.charterWords ??= charterVocabulary(this.vocabulary);
    return this.charterWords;
  }

  charterSections(): ReadonlyMap<CharterSectionId, Section> {
    this.sections ??= findCharterSections(this.doc, this.vocabulary);
    return this.sections;
  }

  parties(): Parties {
    this.sides ??= charterParties(this.doc);
    return this.sides;
  }

  commitments(): Commitments {
    if (!this.charterText) {
      const before = previousVersion(this.doc);
      const previous = before ? cache.get(before)?.get(this.vocabulary)?.charterText : undefined;
      this.charterText = new CharterText(this.doc, this.vocabulary, previous);
    }
    return this.charterText;
  }

  phases(region?: PhaseRegion): readonly Phase[] {
    let found = this.phasesIn.get(region);
    if (!found) {
      const where = region ?? this.rollout();
      found = where ? findPhases(this.doc, this.vocabulary, where) : [];
      this.phasesIn.set(region, found);
    }
    return found;
  }

  /** Where the document's kind keeps its rollout. */
  private rollout(): PhaseRegion | undefined {
    if (this.doc.kind === 'rollout-plan') return 'document';
    // A strategy keeps its rollout in a roadmap section; numbered steps elsewhere (a recruitment
    // process, an onboarding checklist) are procedures, not a rollout.
    if (this.doc.kind === 'partnership-strategy') return roadmapSection(this.doc);
    if (this.doc.kind === 'partnership-charter') return this.charterSections().get('timeline');
    return undefined;
  }

  template(): boolean {
    this.isTemplate ??= isTemplate(this.doc);
    return this.isTemplate;
  }

  hasRecurringTouchpoint(): boolean {
    this.touchpoint ??= hasRecurringTouchpoint(this.doc, this.vocabulary);
    return this.touchpoint;
  }

  jointLaunch(): JointLaunch | undefined {
    this.joint ??= { read: readJointLaunch(this.doc, this.vocabulary) };
    return this.joint.read;
  }

  tiers(region?: Section): TierModel | undefined {
    if (!this.tiersIn.has(region)) {
      // The document's model is the longest of its ladders, read once for both.
      const whole = region === undefined ? this.tierLadders().reduce<TierModel | undefined>((best, l) => (!best || l.tiers.length > best.tiers.length ? l : best), undefined) : undefined;
      this.tiersIn.set(region, region === undefined ? whole : findTierModel(this.doc, this.vocabulary, region));
    }
    return this.tiersIn.get(region);
  }

  tierLadders(): readonly TierModel[] {
    this.ladders ??= findTierLadders(this.doc, this.vocabulary);
    return this.ladders;
  }

  launchPlan(): LaunchPlan {
    this.launch ??= readLaunchPlan(this.doc, this.vocabulary);
    return this.launch;
  }

  metricLists(): readonly MetricList[] {
    this.metrics ??= findMetricLists(this.doc, this.vocabulary, this.words, (section) => this.content(section));
    return this.metrics;
  }

  unsetTargets(): readonly TextItem[] {
    this.unset ??= findUnsetTargets(this.doc, this.vocabulary, this.words);
    return this.unset;
  }

  unquantifiedRewards(): readonly RewardGroup[] {
    this.rewards ??= findUnquantifiedRewards(this.commitments(), this.vocabulary);
    return this.rewards;
  }

  charterShaped(): boolean {
    return followsOutline(this.doc) || this.charterSections().size >= 2;
  }

  publishedPost(): boolean {
    // A charter whose author declared it (`type:`, or `documents:`) is one, whatever else its front matter holds.
    if (this.doc.kindSource === 'front-matter' || this.doc.kindSource === 'settings') return false;
    const data = this.doc.frontMatter?.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
    const fields = data as Record<string, unknown>;
    const has = (...names: string[]) => names.some((n) => fields[n] !== undefined && fields[n] !== null && fields[n] !== '');
    return has('date', 'pubDate', 'published', 'publishDate') && has('author', 'authors');
  }

  references(): readonly Span[] {
    this.linksOnly ??= findReferences(this.doc);
    return this.linksOnly;
  }

  decisionRecord(): DecisionRecord | undefined {
    this.record ??= { read: readDecisionRecord(this.doc) };
    return this.record.read;
  }

  exitProvisions(): ExitProvisions {
    this.exits ??= readExitProvisions(this.commitments(), this.words);
    return this.exits;
  }

  buildDecision(): BuildDecision {
    this.weighing ??= readBuildDecision(this.commitments());
    return this.weighing;
  }

  salesFramings(): readonly SalesFraming[] {
    this.framings ??= readSalesFramings(this.doc, this.commitments());
    return this.framings;
  }

  enablement(): Enablement {
    this.enabling ??= readEnablement(this.commitments());
    return this.enabling;
  }

  voice(): DocumentVoice {
    this.documentVoice ??= readVoice(this.commitments());
    return this.documentVoice;
  }

  figures(): readonly StatedFigure[] {
    // Tier names are the tiers the document's own tier model names ("gold", "tier-2"), in a kind
    // that holds one (kinds.ts).
    if (!this.stated) {
      const tiers = kindInfo(this.doc.kind).models.includes('tiers') ? this.tiers()?.tiers ?? [] : [];
      this.stated = findFigures(this.doc, tiers.flatMap((t) => {
        const [how, id] = t.key.split(':');
        return how === 'name' ? [id!] : how === 'n' || how === 'l' ? [`tier-${id}`, `level-${id}`] : [];
      }));
    }
    return this.stated;
  }

  tableTotals(): readonly TableTotal[] {
    this.totals ??= findTableTotals(this.doc);
    return this.totals;
  }

  statedCounts(): readonly StatedCount[] {
    this.counts ??= findStatedCounts(this.doc);
    return this.counts;
  }

  vanity(): VanityReading {
    this.vanityReading ??= readVanity(this.commitments(), () => (kindInfo(this.doc.kind).models.includes('tiers') ? this.tiers() : undefined));
    return this.vanityReading;
  }

  agreementCoverage(): AgreementCoverage {
    this.coverage ??= readAgreementCoverage(this.doc, this.commitments(), this.words, this.parties(), this.exitProvisions());
    return this.coverage;
  }

  content(section: Section): readonly ContentItem[] {
    return contentItems(this.doc, section, this.vocabulary, this.words);
  }

  hasSubstance(section: Section): boolean {
    return sectionHasSubstance(this.doc, section, this.vocabulary, this.words);
  }
}

// What rules need besides the models: the types they read, the framework's names and prompts,
// and questions asked of a model (pure functions; the vocabulary says which words count).
export { CHARTER_SECTIONS, CHARTER_SECTION_IDS, FAILURE_COST_PROMPT, charterPrompts, failureCostPrompt, namedPrompt, type CharterSectionId } from './sections';
export { mentionsName, personNames, type Parties } from './parties';
export {
  EXTERNAL_TERMS_WORDS, FAILURE_COST_TERMS, LOSS_VERBS, WEAK_FAILURE_TERMS, hasCommitmentQuantity, headingSpan, inSection,
  type Clause, type Match, type Side, type Span,
} from './commitments';
export { isOngoing, isPrePilotStep, runsAlongside, saysNothing, startsAfter, statesGoNoGo, type Phase, type PhaseKind, type PhaseMention, type PhaseRegion } from './phases';
export { graduationTerms, itemsOutsideTiers, GENERIC_GRADUATION_TERMS, type Tier, type TierModel } from './tiers';
export type { LaunchPlan } from './launch-phases';
export type { ExitProvisions } from './exit-provisions';
export { BUILD_QUESTIONS, type BuildDecision, type BuildQuestion } from './build-decision';
export type { AgreementCoverage, OwnerReading } from './agreement-coverage';
export type { DocumentVoice } from './voice';
export type { SalesFraming } from './partner-role';
export type { Enablement } from './enablement';
export { isNumericTarget, type MetricList } from './metric-lists';
export { REWARD_VOCABULARY, type RewardGroup, type UnquantifiedReward } from './rewards';
/**
 * Forgets what readers keep from one lint to the next (the figures of unchanged items), so that
 * the next lint reads everything from scratch: for measuring a cold lint, and for tests.
 */
export { forgetFigures as forgetReadings } from './targets';
export { countMatches, type StatedCount } from './counts';
export type { VanityPitch, VanityReading } from './vanity';
export { comparablePeriod, sameValue, type FigureCell, type FigureValue, type StatedFigure, type TableTotal } from './targets';
export { withoutPlaceholders, type ContentItem } from './charter-content';
export type { CharterVocabulary } from './charter-vocabulary';
export {
  availableTrees, fieldsOf, findTree, innerValueRange, isEmptyValue, orList, recordedAnswers, resolveOutcome, shapeName,
  type DecisionRecord, type Field,
} from './decision-record';
export { blankComments } from './masking';
