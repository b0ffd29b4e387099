import type { StrategyDocument, Section } from '../core/document';
import { normalizeHeading, hasPhrase, type Vocabulary } from '../core/vocabulary';
import { itemsOf, sectionItems } from '../core/items';
import { listOr } from './tiers';

/**
 * The phases of a partner launch plan, found from its headings: the weeks before launch, the
 * launch week itself, and the follow-up after it.
 */

/** Headings (normalised) that open the weeks before launch. */
// vocabulary candidate
export const PRE_LAUNCH_HEADINGS: readonly string[] = ['pre launch', 'prelaunch', 'before launch', 'before the launch', 'launch readiness', 'readiness'];

/** Headings (normalised) that open the launch week. */
// vocabulary candidate
export const LAUNCH_WEEK_HEADINGS: readonly string[] = ['launch week', 'launch day', 'week of launch', 'launch date', 'go live', 'golive'];

/** Headings (normalised) that open the follow-up after launch. */
// vocabulary candidate
export const POST_LAUNCH_HEADINGS: readonly string[] = [
  'post launch', 'postlaunch', 'after launch', 'after the launch', 'follow up', 'followup', 'follow ups',
  'weeks 2', 'week 2', 'ongoing', 'sustain', 'measurement', 'metrics', 'results', 'retrospective', 'adoption',
];

/** The framework's post-launch follow-ups, and wording that shows a plan already has each. */
// vocabulary candidate
export const POST_LAUNCH_FOLLOW_UPS: Readonly<Record<string, readonly string[]>> = {
  adoption: ['track adoption', 'tracks adoption', 'adoption tracked', 'adoption tracking', 'adoption dashboard', 'adoption rate', 'adoption metrics', 'weekly dashboard', 'active customers', 'usage dashboard'],
  support: ['triage', 'triaged', 'triaging', 'support issues', 'support escalations', 'support tickets'],
  review: ['business review', 'business reviews', 'QBR', 'QBRs', 'quarterly review', 'quarterly reviews'],
  caseStudy: ['/case stud(?:y|ies)[^.\\n]{0,40}\\b(?:publish|result|quantif|metric|numbers)/', '/publish\\w*[^.\\n]{0,30}case stud(?:y|ies)/'],
  pipeline: ['pipeline impact', 'influenced pipeline', 'influenced deals', 'influenced revenue', 'sourced deals', 'sourced pipeline', 'pipeline generated', 'pipeline created'],
};

/**
 * The framework's pre-launch checklist (co-marketing execution checklist, 4-6 weeks before), and
 * wording that shows a plan already has each. Marketplace listings are "if applicable" there, so
 * they are not asked for.
 */
// vocabulary candidate
export const PRE_LAUNCH_ITEMS: Readonly<Record<string, readonly string[]>> = {
  valueProp: ['value prop', 'value props', 'value proposition', 'value propositions', 'joint messaging', 'messaging', 'positioning', 'joint pitch'],
  caseStudy: ['case study', 'case studies', 'customer story', 'customer stories', 'reference customer', 'reference customers', 'customer reference', 'customer references', 'testimonial', 'testimonials'],
  integration: [
    '/integrat\\w*[^.\\n]{0,40}?\\b(?:validat|test|certif|ready|readiness|complete|QA\\b|sign[\\s-]?off|verified|verify)/',
    '/\\b(?:validat|test|certif|QA\\b|verify|verified)\\w*[^.\\n]{0,40}?\\bintegrat/',
    'end-to-end test', 'end to end test', 'smoke test', 'bug bash', 'launch-day bugs', 'launch day bugs',
  ],
  salesEnablement: ['sales enablement', 'enablement', 'one-pager', 'one pager', 'battlecard', 'battlecards', 'battle card', 'battle cards', 'sales deck', 'pitch deck', 'demo script', 'sales training', 'sales playbook', 'sales kit'],
  support: [
    '/\\bsupport\\w*[^.\\n]{0,40}?\\b(?:train|brief|ready|readiness|runbook|playbook|escalat|faq|enabl)/',
    '/\\b(?:train|brief|enabl)\\w*[^.\\n]{0,40}?\\bsupport/',
  ],
};

/** Wording that shows a document's body is about a launch, not an empty skeleton. */
// vocabulary candidate
export const LAUNCH_WORDS: readonly string[] = ['launch', 'launches', 'launching', 'launched', 'go live', 'goes live', 'go-live', 'release date', 'announcement'];

export interface LaunchPhases {
  preLaunch: Section | undefined;
  launchWeek: Section | undefined;
  postLaunch: Section | undefined;
}

/** A launch plan as the framework reads it: its phases, and what it says about the weeks after launch. */
export interface LaunchPlan extends Readonly<LaunchPhases> {
  /** Whether the plan has something to follow up on (see `describesLaunch`): a bare skeleton does not. */
  readonly describesLaunch: boolean;
  /** Whether the post-launch section has anything written under its heading. */
  readonly postLaunchWritten: boolean;
  /** Which of the post-launch follow-ups (adoption, support, review, case study, pipeline) the text mentions anywhere. */
  readonly followUps: ReadonlySet<string>;
  /**
   * Which pre-launch checklist items (`PRE_LAUNCH_ITEMS` keys, in checklist order) the plan has
   * nowhere before launch: not in its pre-launch section, nor anywhere outside its launch-week and
   * post-launch sections. Empty when there is no pre-launch section with something written in it.
   */
  readonly preLaunchMissing: readonly string[];
}

/** The launch plan of `doc`. */
export function readLaunchPlan(doc: StrategyDocument, vocabulary: Vocabulary): LaunchPlan {
  const phases = findLaunchPhases(doc, vocabulary);
  let described: boolean | undefined;
  let written: boolean | undefined;
  let followUps: Set<string> | undefined;
  let missing: string[] | undefined;
  // Each answer is read when first asked: a rule that settles early never pays for the rest.
  return {
    ...phases,
    get describesLaunch() {
      described ??= describesLaunch(doc, phases, vocabulary);
      return described;
    },
    get postLaunchWritten() {
      written ??= phases.postLaunch !== undefined && hasContent(doc, phases.postLaunch);
      return written;
    },
    get followUps() {
      followUps ??= followUpsMentioned(doc, vocabulary);
      return followUps;
    },
    get preLaunchMissing() {
      missing ??= preLaunchMissing(doc, phases, vocabulary);
      return missing;
    },
  };
}

export function launchPhaseOf(title: string, vocabulary: Vocabulary): keyof LaunchPhases | undefined {
  const normalized = normalizeHeading(title);
  if (hasPhrase(normalized, listOr(vocabulary, 'preLaunchHeadings', PRE_LAUNCH_HEADINGS))) return 'preLaunch';
  if (hasPhrase(normalized, listOr(vocabulary, 'postLaunchHeadings', POST_LAUNCH_HEADINGS))) return 'postLaunch';
  if (hasPhrase(normalized, listOr(vocabulary, 'launchWeekHeadings', LAUNCH_WEEK_HEADINGS))) return 'launchWeek';
  return undefined;
}

/** The first section of each phase (the title never counts). */
export function findLaunchPhases(doc: StrategyDocument, vocabulary: Vocabulary): LaunchPhases {
  const phases: LaunchPhases = { preLaunch: undefined, launchWeek: undefined, postLaunch: undefined };
  for (const section of doc.sections) {
    if (section === doc.title) continue;
    const phase = launchPhaseOf(section.title, vocabulary);
    if (phase && !phases[phase]) phases[phase] = section;
  }
  return phases;
}

/** True when a section has any written content under its heading. */
export function hasContent(doc: StrategyDocument, section: Section): boolean {
  return sectionItems(doc, section).some((item) => item.text.trim().length > 0);
}

/** Which of the post-launch follow-ups the document's text mentions anywhere. */
export function followUpsMentioned(doc: StrategyDocument, vocabulary: Vocabulary): Set<string> {
  const lists = (vocabulary as unknown as Record<string, unknown>)['postLaunchFollowUps'];
  const followUps = lists && typeof lists === 'object' ? (lists as Record<string, readonly string[]>) : POST_LAUNCH_FOLLOW_UPS;
  const texts = [
    ...itemsOf(doc, doc.root.children).map((i) => i.text),
    ...doc.sections.filter((s) => s !== doc.title).map((s) => s.title),
  ];
  const found = new Set<string>();
  for (const [id, phrases] of Object.entries(followUps)) {
    if (Array.isArray(phrases) && texts.some((t) => hasPhrase(t, phrases))) found.add(id);
  }
  return found;
}

/**
 * True when the plan has something to follow up on: a pre-launch or launch-week section, or
 * launch wording under the title. A bare skeleton (a title and nothing else) is not judged.
 */
export function describesLaunch(doc: StrategyDocument, phases: LaunchPhases, vocabulary: Vocabulary): boolean {
  if (phases.preLaunch || phases.launchWeek) return true;
  const words = listOr(vocabulary, 'launchWords', LAUNCH_WORDS);
  return itemsOf(doc, doc.root.children).some((i) => hasPhrase(i.text, words))
    || doc.sections.some((s) => s !== doc.title && hasPhrase(s.title, words));
}

/** The pre-launch checklist items a plan with a written pre-launch section has nowhere before launch. */
export function preLaunchMissing(doc: StrategyDocument, phases: LaunchPhases, vocabulary: Vocabulary): string[] {
  const pre = phases.preLaunch;
  if (!pre || !hasContent(doc, pre)) return [];
  const lists = (vocabulary as unknown as Record<string, unknown>)['preLaunchItems'];
  const items = lists && typeof lists === 'object' ? (lists as Record<string, readonly string[]>) : PRE_LAUNCH_ITEMS;
  // Everything but what is planned for launch week or after it.
  const later = [phases.launchWeek, phases.postLaunch].filter((s): s is Section => s !== undefined && s !== pre && !(s.start >= pre.start && s.start < pre.end));
  const outside = (offset: number) => !later.some((s) => offset >= s.start && offset < s.end);
  const texts = [
    ...itemsOf(doc, doc.root.children).filter((i) => outside(i.start)).map((i) => i.text),
    ...doc.sections.filter((s) => s !== doc.title && outside(s.start)).map((s) => s.title),
  ];
  const out: string[] = [];
  for (const [id, phrases] of Object.entries(items)) {
    if (Array.isArray(phrases) && !texts.some((t) => hasPhrase(t, phrases))) out.push(id);
  }
  return out;
}
