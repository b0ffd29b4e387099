/**
 * What an agreement written in its own form covers of the charter's ground, read from its
 * content rather than its headings.
 *
 * An MOU, a partnership page or a working group's page is not written to the charter's outline,
 * so "this charter has no Measurement section" says nothing useful about it. What a reviewer
 * asks instead is whether the text addresses each concern at all, under any heading:
 *
 * - measurement: something to judge the partnership by (a metric, KPI, target or success
 *   criterion, or a figure tied to an outcome such as "40 joint customers" or "20% faster").
 *   A review of progress with nothing to review against is not measurement.
 * - timeline: where the work sits in time (two dates, a date it runs until, a term or a period
 *   of work, a phase or a milestone). A single start date says when it began, not how it runs;
 *   a notice period says how it ends.
 * - governance: people who own the partnership and which side each is on, an escalation path,
 *   and what ends the partnership itself (not a package, a member or a listing).
 * - economics: whether anything economic is named at all, and whether the text says each side
 *   bears its own costs.
 */
import type { StrategyDocument, Section } from '../core/document';
import type { CharterText, Clause, Match, Span } from './commitments';
import type { CharterVocabulary } from './charter-vocabulary';
import type { ExitProvisions } from './exit-provisions';
import type { Parties } from './parties';
import { mentionsName, personNames } from './parties';
import { findInProse, spanAt } from './prose';
import { sectionAtOffset } from './section-lookup';
import { wordsPattern } from './word-pattern';

/** Who owns the partnership, as far as the text names people. */
export interface OwnerReading {
  /**
   * 'none': nobody is named as an owner or contact; 'one-side': every person named belongs to
   * one organisation and the other organisation has nobody; 'both': people on two sides;
   * 'unclear': people are named but their sides cannot be told.
   */
  readonly sides: 'none' | 'one-side' | 'both' | 'unclear';
  /** For 'one-side': the organisation whose people are named, and the one with nobody. */
  readonly has?: string;
  readonly lacks?: string;
  /** The section that names the people (not the title), where a gap in them is shown. */
  readonly section?: Section;
}

export interface AgreementCoverage {
  /**
   * Standard terms any partner accepts to join a program ("Partner Program Terms and
   * Conditions", "Terms of Use"): the legal frame of many partnerships, not the charter of one,
   * so goals, measurement and owners are not asked of them.
   */
  readonly standardTerms: boolean;
  /**
   * Written as an announcement (titled "Announcing our partnership with…", or opening "We are
   * pleased to announce…"): it reports what was agreed, and is not the agreement.
   */
  readonly announcement: boolean;
  /**
   * Titled as something that starts and ends (an agreement, an MOU, a working group, an
   * engagement, a project): a timeline is asked of it. A page describing a standing
   * collaboration between two organisations is not asked for dates.
   */
  readonly undertaking: boolean;
  /** The first thing the partnership can be measured by, if any. */
  readonly measure: Match | undefined;
  /** A review of progress or a reporting cadence, read only when nothing is measured (for the message). */
  readonly review: Match | undefined;
  /** The first sign of a timeline, if any. */
  readonly timeline: Match | undefined;
  readonly owners: OwnerReading;
  /** The first escalation path, if any. */
  readonly escalation: Match | undefined;
  /** The first statement of what ends the partnership itself, if any. */
  readonly exit: Match | undefined;
  /** An economic term (or a fee, commission, price or payment) outside statements that each side bears its own costs. */
  readonly economicMention: boolean;
  /** A fee, commission, price or payment outside those statements: money changes hands. */
  readonly paymentMention: boolean;
  /** A clause that commits something economic ("Acme will fund two engineers"). */
  readonly economicCommitment: boolean;
  /** "Each party bears its own costs", "no funds are exchanged": the text itself says nobody puts money in. */
  readonly ownCosts: Match | undefined;
}

// vocabulary candidate
/** Words that name something to measure a partnership by. */
export const MEASURE_TERMS: readonly string[] = [
  'metric', 'metrics', 'KPI', 'KPIs', 'OKR', 'OKRs', 'key results', 'success criteria', 'success criterion', 'success measures',
  'measures of success', 'measure of success', 'measured by', 'measured against', 'measurable', 'benchmark', 'benchmarks',
  'baseline', 'baselines', 'scorecard', 'dashboard', 'dashboards', 'target', 'targets', 'quota', 'quotas', 'go/no-go', 'go-no-go',
];

// vocabulary candidate
/** Words that say where work sits in time (with or without a date beside them). */
export const TIMELINE_TERMS: readonly string[] = [
  'phase', 'phases', 'milestone', 'milestones', 'pilot', 'kickoff', 'kick-off', 'deadline', 'deadlines', 'roadmap', 'schedule',
  'timeline', 'timelines', 'crawl', 'start date', 'end date', 'launch date', 'go-live', 'initial term', 'term of', 'expires',
  'expiry', 'expiration', 'renews', 'renewal',
];

/** A date: "September 2022", "Sept. 2022", "2023-08-01", "Q3 2026", "H1 2027", "FY2026", or a year on its own. */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(String.raw`(?<![\p{L}\p{N}./-])(?:(?:${MONTHS})\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d|(?:19|20)\d\d-\d\d(?:-\d\d)?|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|[QH][1-4]\s*(?:FY)?\s*'?\d{2,4}|FY\s?'?\d{2,4}|(?:19|20)\d\d)(?![\p{L}\p{N}]|[./-]\d)`, 'giu');

/** What makes one date a timeline: the date the work runs until, or is due by. */
const UNTIL_BEFORE = /\b(?:until|through|thru|till|by|before|ends?|ending|expires?|due|deadline|to|[-–—])\s*(?:the\s+end\s+of\s+|at\s+least\s+(?:all\s+of\s+)?|mid-?|early\s+|late\s+)?$/i;

/** A stretch of time: "12 months", "two years", "a six-week pilot". */
const PERIOD = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)[\s-]+(?:days?|weeks?|months?|quarters?|years?)\b/gi;

/** What a period in a clause is about when it is not the work's: notice, payment, a reply, settling a dispute. */
const NOT_A_WORK_PERIOD = /\b(?:notice|notify|notification|terminat\w*|invoice|pay(?:s|ment)?|receiv\w*|reply|respond|confidential\w*|escalat\w*|disputes?|disagree\w*)\b/i;

/** A review of progress, or regular updates: "to review the status and progress", "monthly updates". */
const REVIEW = /\breview(?:s|ed|ing)?\b[^.;\n]{0,40}?\b(?:progress|status|results|performance|outcomes?)\b|\b(?:progress|status)\s+(?:reports?|updates?|reviews?)\b|\b(?:weekly|monthly|quarterly|annual|yearly|regular)\s+(?:updates?|reports?|reviews?|check-?ins?|calls?|meetings?|syncs?)\b/i;

/** A number, with the words that make it a version, a section or a date left to DATE. */
const NUMBER = /(?<![\p{L}\p{N}.,/-])(?<!\bv\.?\s?)\d[\d,]*(?:\.\d+)?(?![\p{L}\p{N}]|[./-]\d)/giu;

/** A percentage: "20%", "70 percent". */
const PERCENT = /\d\s?(?:%|percent\b|per\s+cent\b)/i;

/** Metric terms that are units of time or money spent: a number beside them is no outcome. */
const NOT_OUTCOMES = new Set(['hours', 'days', 'weeks', 'minutes', 'cost', 'costs']);

/** Words that make a number in their clause the bar for success: "the aim is 40 teams", "a success if 3 papers cite it". */
const SUCCESS_WORDS: readonly string[] = ['goal', 'goals', 'aim', 'aims', 'objective', 'objectives', 'success', 'successful', 'succeeds'];

// vocabulary candidate
/** Words that make a statement about an end the partnership's own (not a package's, a member's). */
const ARRANGEMENT = /\b(?:partnership|agreement|MOU|memorandum|collaboration|relationship|engagement|contract|charter|alliance|working\s+group|either\s+(?:party|side|organi[sz]ation|company)|both\s+(?:parties|sides)|each\s+party|the\s+parties)\b/i;

/** Section titles that say how long an agreement runs: "Term", "Term and Termination", "Duration". */
const TIMELINE_TITLE = /(?<![\p{L}-])(?:term|duration|timeline|schedule|milestones|phases|roadmap)(?![\p{L}-])/iu;

/** Section titles that hold what ends an agreement. */
const EXIT_TITLE = /\b(?:termination|terminating|exit|term\s+and\s+termination|ending\s+the\s+(?:partnership|agreement))\b/i;

/** Section titles that list the people who run a partnership. */
const OWNER_TITLE = /\b(?:contacts?|team|teams|owners?|ownership|leads?|leadership|people|governance|steering|sponsors?|members|representatives?|staff|roster|who\s+we\s+are)\b/i;

/** Job titles and roles: a person named beside one is named as someone who does something. */
const ROLE = /\b(?:director|manager|lead|head|chief|officer|VP|vice\s+president|president|CEO|CTO|COO|CFO|CISO|owner|sponsor|chair|chairs?person|coordinator|liaison|engineer|architect|counsel|executive|DRI|point\s+of\s+contact|contact)\b/i;

/** Words that make a capitalised pair an organisation or a thing, not a person. */
const NOT_A_PERSON = /\b(?:Foundation|Inc|Ltd|LLC|Corp|Corporation|Company|Project|Group|Software|Labs?|Cloud|Security|Systems|University|Institute|Association|Society|Council|Journal|Alliance|Initiative|Program|Programme|Team|Engineer|Manager|Director|Officer|Lead|Head|Technology|Infrastructure|Partner|Partners|Partnership|Agreement|Understanding|Information|License|Licence|Source|Open|Data|Services?|Support|Sales|Marketing)\b/;

/** Title words around the two organisations' names. */
const TITLE_SPLIT = /\s*[:|×↔⇄]\s*|\s+(?:x|X|&|\+|\/|and|with|<>|-|–|—)\s+|\b(?:engagement|partnership|collaboration|agreement|memorandum\s+of\s+understanding|charter|working\s+group)\b|'s\b/i;

/** Standard terms: "Partner Program Terms and Conditions", "Terms of Service", "Program Agreement". */
const STANDARD_TERMS_TITLE = /\bterms\b|\bprogram(?:me)?\s+(?:participation\s+)?agreement\b|\bclick-?through\b/i;

/** A title that announces a partnership. */
const ANNOUNCEMENT_TITLE = /^\s*announcing\b|\bannounces?\b|\bannounced\b|\bannouncement\b/i;

/** An opening paragraph that announces: "We are pleased to announce…", "Today we announced…". */
const ANNOUNCING_OPENING = /\b(?:pleased|excited|proud|thrilled|happy|delighted|glad)\s+to\s+(?:announce|share\s+that|welcome)\b|\btoday\s+(?:we\s+)?announced?\b|\bannounced?\s+(?:today|that)\b/i;

/** A title that names something that starts and ends. */
const UNDERTAKING_TITLE = /\b(?:memorandum|MOU|agreement|contract|working\s+group|engagement|project|initiative|pilot|statement\s+of\s+work)\b|ワーキング\s*グループ|作業部会/i;

/** "Each party bears its own costs", "costs … borne solely by the party", "no funds are exchanged". */
const OWN_COSTS = /\b(?:each|either|every)\s+(?:party|side|organi[sz]ation|company|partner)\s+(?:shall\s+|will\s+|must\s+)?(?:bears?|pays?|covers?|(?:is|remains)\s+responsible\s+for)\s+(?:its|their)\s+own\s+(?:costs?|expenses?|fees)\b|\b(?:costs?|expenses?)\b[^.;]{0,200}?\bborne\s+(?:solely\s+|exclusively\s+|entirely\s+)?by\b|\bno\s+(?:funds|money|payments?|fees|compensation)\s+(?:will\s+be\s+|shall\s+be\s+|are\s+|is\s+)?(?:exchanged|paid|owed|transferred)\b|\bwithout\s+(?:any\s+)?(?:financial\s+)?(?:compensation|payment|remuneration)\s+(?:to|between)\b/i;

/** A disclaimer of any obligation: "at the sole discretion of the party", "will not create any obligation". */
const NO_OBLIGATION = /\bsole\s+discretion\b|\b(?:not|no)\s+(?:create|impose)\s+any\b[^.;]{0,60}?\bobligations?\b|\bno\s+(?:financial\s+)?obligations?\b/i;

// vocabulary candidate
/** Money that changes hands under an agreement, beyond the commitment vocabulary's economic terms. */
export const PAYMENT_TERMS: readonly string[] = [
  wordsPattern(['fees?', 'commissions?', 'royalt(?:y|ies)', 'remuneration', 'payments?', 'invoices?', 'pric(?:e|es|ing)', 'subscriptions?', 'grants?', 'sponsorships?', 'stipends?', 'salar(?:y|ies)']),
];

/** The names of the two organisations: the parties the document names, or the two halves of its title. */
function organisations(title: string, parties: Parties): string[] {
  const named = [...parties.us, ...parties.partner, ...parties.either].map((n) => n.replace(/['’]s$/u, ''));
  if (named.length >= 2) return named;
  const parts = title
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(TITLE_SPLIT)
    .map((p) => (p ?? '').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').trim())
    .filter((p) => /^[\p{Lu}\p{N}]/u.test(p) && p.split(/\s+/).length <= 4);
  return parts.length === 2 ? parts : named;
}

/** The document's title: its first-level heading, or the title its front matter gives. */
function titleOf(doc: StrategyDocument): string {
  const data = doc.frontMatter?.data;
  const declared = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)['title'] : undefined;
  return doc.title?.title ?? doc.sniffed.title ?? (typeof declared === 'string' ? declared : '');
}

/** The first match of `pattern` (global) in the prose of the document, as a Match. */
function firstInItems(text: CharterText, pattern: RegExp, accept: (m: Match, item: Span) => boolean = () => true): Match | undefined {
  for (const item of text.items) {
    const prose = text.slice(item);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(prose); m; m = pattern.exec(prose)) {
      const found = { start: item.start + m.index, end: item.start + m.index + m[0].length, text: m[0] };
      if (accept(found, item)) return found;
      if (!pattern.global) break;
    }
  }
  return undefined;
}

/** The metric terms that name an outcome, and the success words: one list per configured list, so its scan is kept between lints. */
function outcomeTerms(words: CharterVocabulary): readonly string[] {
  let found = outcomeLists.get(words.metricTerms);
  if (!found) {
    found = [...words.metricTerms.filter((t) => !NOT_OUTCOMES.has(t)), ...SUCCESS_WORDS];
    outcomeLists.set(words.metricTerms, found);
  }
  return found;
}

const outcomeLists = new WeakMap<readonly string[], readonly string[]>();

/** Read what an agreement in its own form covers (see the file comment). */
export function readAgreementCoverage(doc: StrategyDocument, text: CharterText, words: CharterVocabulary, parties: Parties, exits: ExitProvisions): AgreementCoverage {
  const all: Span = { start: 0, end: text.masked.length };
  const title = titleOf(doc);
  const negated = (m: Match) => text.negatedAt(m.start, Math.max(0, m.start - 40));

  // Measurement: a word for it, a percentage, or a number beside an outcome in the same clause.
  const outcomes = outcomeTerms(words);
  let measure = findInProse(text, MEASURE_TERMS, all).find((m) => !negated(m));
  if (!measure) {
    for (const clause of text.clauses) {
      if (!/\d/.test(clause.text)) continue;
      const prose = text.slice(clause);
      if (PERCENT.test(prose)) {
        measure = { start: clause.start, end: clause.end, text: prose };
        break;
      }
      if (!text.has(outcomes, clause)) continue;
      NUMBER.lastIndex = 0;
      DATE.lastIndex = 0;
      const dates = [...prose.matchAll(DATE)].map((d) => ({ start: d.index, end: d.index + d[0].length }));
      const numbers = [...prose.matchAll(NUMBER)].filter((n) => !dates.some((d) => d.start <= n.index && n.index < d.end));
      if (numbers.length > 0) {
        measure = { start: clause.start, end: clause.end, text: prose };
        break;
      }
    }
  }
  // Said only when nothing is measured.
  const reviewSection = measure ? undefined : doc.sections.find((s) => s !== doc.title && REVIEW.test(s.title));
  const review = measure ? undefined : reviewSection ? { start: reviewSection.start, end: reviewSection.contentStart, text: reviewSection.title } : firstInItems(text, REVIEW);

  // Timeline: a section for it, a timeline word, a period of work, two dates, or one date the work runs until.
  const timed = doc.sections.find((s) => s !== doc.title && TIMELINE_TITLE.test(s.title));
  let timeline = timed ? { start: timed.start, end: timed.contentStart, text: timed.title } : findInProse(text, TIMELINE_TERMS, all).find((m) => !negated(m));
  timeline ??= firstInItems(text, PERIOD, (m) => !NOT_A_WORK_PERIOD.test(spanAt(text.clauses, m)?.text ?? text.slice(m)));
  if (!timeline) {
    const dates: Match[] = [];
    for (const item of text.items) {
      const prose = text.slice(item);
      DATE.lastIndex = 0;
      for (const d of prose.matchAll(DATE)) {
        const found = { start: item.start + d.index, end: item.start + d.index + d[0].length, text: d[0] };
        if (UNTIL_BEFORE.test(prose.slice(Math.max(0, d.index - 30), d.index))) {
          timeline = found;
          break;
        }
        dates.push(found);
      }
      if (timeline) break;
    }
    if (!timeline && new Set(dates.map((d) => d.text.toLowerCase())).size >= 2) timeline = dates[0];
  }

  // Governance.
  const escalation = findInProse(text, words.escalationTerms, all).find((m) => !negated(m));
  const exitSection = doc.sections.find((s) => s !== doc.title && EXIT_TITLE.test(s.title));
  const exit = exits.provisions.find((m) => {
    const clause = spanAt(text.clauses, m);
    const around = clause ? text.slice({ start: clause.label?.start ?? clause.start, end: clause.end }) : text.slice(m);
    return ARRANGEMENT.test(around) || (clause?.next !== undefined && ARRANGEMENT.test(clause.next.text));
  }) ?? (exitSection ? { start: exitSection.start, end: exitSection.contentStart, text: exitSection.title } : undefined);
  const owners = readOwners(doc, text, organisations(title, parties));

  // Economics.
  const disclaimer = (clause: Clause) => OWN_COSTS.test(clause.text) || NO_OBLIGATION.test(clause.text);
  let economicMention = false;
  let paymentMention = false;
  let economicCommitment = false;
  let ownCosts: Match | undefined;
  for (const clause of text.clauses) {
    if (disclaimer(clause)) {
      if (!ownCosts && OWN_COSTS.test(clause.text)) ownCosts = { start: clause.start, end: clause.end, text: clause.text };
      continue;
    }
    paymentMention ||= text.find(PAYMENT_TERMS, clause).some((m) => !negated(m));
    economicMention ||= paymentMention || text.economicTerms(clause).some((e) => !text.namesBeneficiary(clause, e));
    if (!economicCommitment) economicCommitment = text.economicCommitment(clause, false).length > 0;
  }

  return {
    standardTerms: STANDARD_TERMS_TITLE.test(title),
    announcement: ANNOUNCEMENT_TITLE.test(title) || ANNOUNCING_OPENING.test(text.items.find((i) => i.kind === 'paragraph')?.text ?? ''),
    undertaking: UNDERTAKING_TITLE.test(title),
    measure,
    review,
    timeline,
    owners,
    escalation,
    exit,
    economicMention,
    paymentMention,
    economicCommitment,
    ownCosts,
  };
}

/** People named as running the partnership, and which side each is on. */
function readOwners(doc: StrategyDocument, text: CharterText, orgs: readonly string[]): OwnerReading {
  const people = (s: string) => personNames(s).filter((n) => !NOT_A_PERSON.test(n) && !mentionsName(n, orgs));
  const sides = new Set<string>();
  let named = 0;
  let unattributed = 0;
  let section: Section | undefined;
  let header: string[] | undefined;
  for (const item of text.items) {
    if (item.kind === 'table-header') {
      header = item.text.split(' | ');
      continue;
    }
    const where = sectionAtOffset(doc, item.start);
    if (item.kind === 'table-row') {
      // A roster: people in two columns of one row are people on two sides ("Topic | Acme | Globex").
      // A name in more than one cell of the row ("Google Doc | the Google Doc") is a label, not people.
      const cells = item.text.split(' | ').map((cell) => people(cell));
      const columns = cells.flatMap((names, i) => (names.some((n) => !cells.some((other, j) => j !== i && other.includes(n))) ? [i] : []));
      if (columns.length === 0) continue;
      const titled = where !== undefined && where !== doc.title && OWNER_TITLE.test(where.title);
      if (columns.length < 2 && !titled && !ROLE.test(item.text)) continue;
      named++;
      section ??= where !== doc.title ? where : undefined;
      if (columns.length >= 2) {
        for (const i of columns) sides.add(`column:${header?.[i] ?? i}`);
        continue;
      }
      const org = orgs.filter((o) => mentionsName(item.text, [o]) || mentionsName(header?.[columns[0]!] ?? '', [o]));
      if (org.length === 1) sides.add(org[0]!);
      else unattributed++;
      continue;
    }
    header = undefined;
    const found = people(item.text);
    if (found.length === 0) continue;
    const titled = where !== undefined && where !== doc.title && OWNER_TITLE.test(where.title);
    if (!titled && !ROLE.test(item.text)) continue;
    named++;
    section ??= where !== doc.title ? where : undefined;
    const org = orgs.filter((o) => mentionsName(item.text, [o]));
    if (org.length === 1) sides.add(org[0]!);
    else unattributed++;
  }
  if (named === 0) return { sides: 'none' };
  if (sides.size >= 2) return { sides: 'both', section };
  const [has] = [...sides];
  const lacks = orgs.find((o) => o !== has);
  if (has !== undefined && !has.startsWith('column:') && unattributed === 0 && lacks !== undefined) return { sides: 'one-side', has, lacks, section };
  return { sides: 'unclear', section };
}

