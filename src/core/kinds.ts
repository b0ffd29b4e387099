/**
 * The kinds of partnership document PartnerLint reads, in one table. Everything that says what a
 * kind is comes from here: the `DocumentKind` type and `type:` values, recognition by title and by
 * what the body holds (sniff.ts), the names shown in the status bar, the CLI and messages, and the
 * manifest's `partnerlint.kinds` enum (a unit test holds package.json to this table).
 *
 * Adding a kind: add a row here, list the models a document of the kind contains (the rules that
 * check those models then check it), and add a snippet.
 *
 * Deliberately precise: a title pattern must be one a README, a software ADR, a sponsorship
 * thank-you page or an open-source governance charter would not have; body evidence needs several
 * signs of the same kind in a document that talks about partners throughout.
 */

/**
 * What a document of a kind is made of: the readings the rules check (src/models/). A rule says
 * which of these it checks (its `checks`, rule.ts); it runs on every kind whose row lists one.
 */
export type ModelId =
  /** The text itself: front matter, template blanks. */
  | 'text'
  /** The charter's five sections, by whatever name (Mutual Goals, Value Exchange…). */
  | 'charter-sections'
  /** A signature block naming both parties. */
  | 'signatures'
  /** A Governance section: owners on both sides, escalation, exit. */
  | 'governance'
  /** Why the partner needs us: requirement, economic, competitive, customer, co-marketing. */
  | 'leverage'
  /** What each side puts in, what it loses if the partnership fails. */
  | 'commitments'
  /** Metrics, KPIs and targets. */
  | 'metrics'
  /** Crawl, walk and run phases with their dates, lengths and go/no-go bars. */
  | 'phases'
  /** Partner tiers and how to move up them. */
  | 'tiers'
  /** A decision record's tree, answers and outcome. */
  | 'decision'
  /** A launch plan's pre-launch, launch and post-launch phases. */
  | 'launch-phases'
  /** What partners are for in a program (selling, building) and what they are given to sell with. */
  | 'partner-roles'
  /** How a partnership in a program ends: demotion, termination, renewal against criteria. */
  | 'exit-provisions'
  /** Figures stated with their metric and period. */
  | 'figures'
  /** Recurring touchpoints with partners after launch: business reviews, check-ins, health reviews. */
  | 'touchpoints'
  /** A joint technical launch (integration, marketplace listing, joint solution) and how the products connect. */
  | 'integration-pathway';

/** A test on one heading-like line: a regular expression, or a reading that needs more than one. */
export interface HeadingCue {
  test(line: string): boolean;
}

export interface KindDefinition {
  readonly id: string;
  /** In the status bar and hovers: "Partnership charter". */
  readonly name: string;
  /** Inside a sentence: "a partnership charter". */
  readonly noun: string;
  /** Titles that say what the document is outright. */
  readonly titles: readonly RegExp[];
  /**
   * True when a title alone is not enough: the body must hold at least a few headings too. A page
   * titled "Partner Program" is as often an index of links to the real pages as a strategy.
   */
  readonly titleNeedsBody?: boolean;
  /**
   * Titles that name the kind only when a heading of the body names partners too: "Build vs Buy
   * Analysis" is a partnership decision when partnering is one of the options it weighs
   * ("Buy/Partner Option"), and a software ADR otherwise.
   */
  readonly titlesWithPartnerHeading?: readonly RegExp[];
  /**
   * A title that names the framework's own document ("Partnership Charter"): its author writes to
   * the framework's outline, as one who declares `type:` does (document.ts, `followsOutline`).
   */
  readonly outlineTitle?: RegExp;
  /**
   * Headings (and table header cells) that belong to this kind: each pattern that matches at
   * least one of them counts once. `minHeadingCues` of them make the kind's case from the body.
   */
  readonly headingCues: readonly HeadingCue[];
  readonly minHeadingCues: number;
  /** The models a document of this kind contains: every rule that checks one of them checks the kind. */
  readonly models: readonly ModelId[];
}

const TIER_NAME_SOURCE = String.raw`\b(?:bronze|silver|gold|platinum|diamond|titanium|registered|authori[sz]ed|select|premier|elite|associate|strategic|founding|tier\s*(?:[1-5]|i{1,3}|iv|one|two|three|four|five)|level\s*[1-5])\b`;
const TIER_NAME = new RegExp(TIER_NAME_SOURCE, 'i');
const TIER_NAMES = new RegExp(TIER_NAME_SOURCE, 'gi');

/**
 * A ladder: one line that names three tiers or more ("Bronze, Silver, Gold and Platinum", a matrix
 * whose header row is "| Benefit | Associate | Silver | Gold |"). A heading that names one metal is
 * a sponsor list's; a line that sets several side by side compares levels.
 */
export const TIER_LADDER: HeadingCue = {
  test(line: string): boolean {
    if (line.length > 400) return false;
    // Three distinct names, counted without allocating: most lines hold none and fail at once.
    let first: string | undefined;
    let second: string | undefined;
    TIER_NAMES.lastIndex = 0;
    for (let match = TIER_NAMES.exec(line); match; match = TIER_NAMES.exec(line)) {
      const name = match[0].toLowerCase().replace(/\s+/g, '');
      if (first === undefined || name === first) first = name;
      else if (second === undefined || name === second) second = name;
      else {
        TIER_NAMES.lastIndex = 0;
        return true;
      }
    }
    return false;
  },
};

/** Who is engaged when an engagement is an audience's rather than an organisation's. */
const AUDIENCES = ['community', 'customer', 'user', 'stakeholder', 'public', 'student', 'employee', 'developer', 'civic', 'social', 'audience', 'member', 'patient', 'citizen', 'youth', 'family', 'parent'];

/**
 * "Alpha Fund Engagement: Example Foundation": capitalised names on both sides of "Engagement:".
 * Case matters here (names are capitalised), so the audiences are spelled both ways.
 */
const NAMED_ENGAGEMENT = new RegExp(
  String.raw`^(?=.{0,100}$)(?!\s*(?:${AUDIENCES.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})s?\s+[Ee]ngagement\b)` +
    String.raw`\s*(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'-]*\s+){1,4}Engagement\s*[:—–-]\s*[\p{Lu}\p{N}]`,
  'u',
);

export const KINDS = [
  {
    id: 'partnership-charter',
    name: 'Partnership charter',
    noun: 'a partnership charter',
    titles: [
      /\bpartner(?:ship)?\s+charter\b/i,
      /\bcharter\b.*\bpartnership\b/i,
      /\bpartnership\s+agreement\b/i,
      /\bmemorandum\s+of\s+understanding\b/i,
      /^\s*mou\b|\bmou\s*[:—–-]|\bmou\s+(?:between|with)\b/i,
      /\balliance\s+(?:agreement|charter)\b/i,
      /\bco-?(?:marketing|selling)\s+agreement\b/i,
      /\bstatement\s+of\s+work\b/i,
      /\b(?:fiscal\s+)?sponsorship\s+agreement\b/i,
      // One partnership, named: "Our partnership with Astropy", "Acme and Globex Partnership".
      /\bpartnership\s+(?:with|between)\s+\S/i,
      /^(?=.{0,100}$)\S.*\s(?:and|&|×|x)\s.*\bpartnership\s*$/i,
      /\bpartner(?:ship)?\s+(?:program(?:me)?\s+)?terms\s+(?:and|&)\s+conditions\b/i,
      /パートナー(?:シップ)?(?:契約|協定)/,
      // A working group that runs one partnership: "GCP Partnership Working Group".
      /\bpartnership\s+working\s+group\b|\bworking\s+group\s*[:—–-]\s*\S.*\bpartnership\s*$/i,
      /パートナーシップ\s*(?:ワーキング\s*グループ|作業部会)/,
      // One organisation's engagement with another, named: "Alpha Fund Engagement: Example
      // Foundation". Engagement of an audience ("Community Engagement: office hours") is not one.
      NAMED_ENGAGEMENT,
      // An announcement of one partnership: "Announcing a new software review collaboration".
      /^\s*announcing\s+(?:a|an|our)\s+(?:new\s+)?(?:[^\s:]+\s+){0,4}(?:partnership|collaboration)\s*$/i,
    ],
    headingCues: [
      /\b(?:mutual\s+goals|shared\s+goals|objectives|purpose(?:\s+of\s+(?:the\s+)?(?:partnership|collaboration|agreement))?|goals)\b/i,
      /\b(?:value\s+exchange|roles?\s*(?:and|&)\s*responsibilities|contributions|commitments|obligations|financial\s+(?:terms|arrangements)|resources\b.*\bprovide|partnership\s+benefits)\b/i,
      /\b(?:timeline|term\s+(?:and|&)\s+termination|duration|milestones)\b/i,
      /\b(?:measurement|success\s+metrics|performance\s+metrics|kpis?|evaluation(?:\s*(?:and|&)\s*reporting)?)\b/i,
      /\b(?:governance|termination|dispute|escalation)\b/i,
      /\b(?:signatures?|signatories|signed|sign-?off)\b/i,
      /\b(?:parties|scope\s+of\s+(?:work|collaboration|the\s+partnership)|deliverables)\b/i,
    ],
    minHeadingCues: 4,
    outlineTitle: /\bcharter\b/i,
    models: ['text', 'charter-sections', 'signatures', 'governance', 'leverage', 'commitments', 'metrics', 'phases', 'integration-pathway', 'figures'],
  },
  {
    id: 'decision-record',
    name: 'Decision record',
    noun: 'a decision record',
    titles: [
      /\bbuild\s+(?:vs\.?|versus|or)\s+(?:buy\s+(?:vs\.?|versus|or)\s+)?partner\b/i,
      /\b(?:build|buy)\s+(?:vs\.?|versus|or)\s+(?:build|buy)\b.*\bpartner/i,
      /\bpartner(?:ship)?\s+decision\b/i,
    ],
    titlesWithPartnerHeading: [/\b(?:build|buy|make)\s+(?:vs\.?|versus|or)\s+(?:build|buy)\b/i],
    headingCues: [
      /\b(?:build\s+(?:vs\.?|versus|or)|buy\s+(?:vs\.?|versus|or)|make\s+or\s+buy)\b/i,
      /\b(?:options?(?:\s+considered)?|alternatives)\b/i,
      /\b(?:recommendation|decision|outcome)\b/i,
      /\b(?:criteria|trade-?offs?|evaluation\s+matrix|scoring)\b/i,
    ],
    minHeadingCues: 3,
    models: ['text', 'decision'],
  },
  {
    id: 'partner-tiering',
    name: 'Partner tier model',
    noun: 'a partner tier model',
    titles: [
      /\bpartner(?:ship)?\s+(?:program\s+)?(?:tier(?:s|ing)?|levels)\b/i,
      /\b(?:sponsorship|membership|partner(?:ship)?)\s+(?:tiers|levels)\b/i,
      /\bpartner(?:ship)?\s+(?:program\s+)?requirements\s+(?:and|&)\s+benefits\b/i,
    ],
    headingCues: [
      // Levels, and moving up through them: "Requirements and Progression", "Path to the next tier".
      /\b(?:tiers?|levels?|membership\s+levels|sponsorship\s+tiers|partner\s+types|progression|path\s+to\s+(?:the\s+next\s+)?(?:tier|level)|graduation)\b/i,
      /\b(?:benefits|privileges|perks)\b/i,
      /\b(?:requirements|criteria|qualifications|eligibility)\b/i,
      TIER_NAME,
      TIER_LADDER,
    ],
    minHeadingCues: 3,
    models: ['text', 'tiers', 'figures'],
  },
  {
    id: 'rollout-plan',
    name: 'Rollout plan',
    noun: 'a rollout plan',
    titles: [
      /\bcrawl[\s-]+walk[\s-]+run\b/i,
      /\bpartner(?:ship)?\s+(?:rollout|roll-out|deployment)\s+plan\b/i,
      /\bpartner(?:ship)?\s+(?:program\s+)?implementation\s+(?:plan|guide|roadmap)\b/i,
      /\bpartner(?:ship)?\s+(?:integration\s+)?(?:roadmap|timeline)\b/i,
      /\bpartner\s+integration\s+(?:plan|playbook|timeline)\b/i,
      // A joint integration plan between two named parties: "Acme x Globex Integration Playbook".
      /\S\s+(?:x|×)\s+\S.*\bintegration\s+(?:playbook|plan|timeline)\b/i,
    ],
    headingCues: [
      /\b(?:phase|stage|wave|step)\s*(?:\d|i{1,3}\b|one|two|three)/i,
      /\b(?:pilot|proof\s+of\s+concept|poc|beta|crawl|walk|run)\b/i,
      /\b(?:general\s+availability|ga|launch|go-?live|scale|expansion|rollout)\b/i,
      /\b(?:q[1-4]\s*20\d\d|20\d\d\s*q[1-4]|months?\s*\d+\s*[-–]\s*\d+|weeks?\s*\d+\s*[-–]\s*\d+|days?\s*\d+\s*[-–]\s*\d+)\b/i,
      /\b(?:go\s*\/\s*no[\s-]go|exit\s+criteria|success\s+criteria|gates?)\b/i,
    ],
    minHeadingCues: 4,
    models: ['text', 'metrics', 'phases', 'touchpoints', 'integration-pathway', 'figures'],
  },
  {
    id: 'launch-plan',
    name: 'Launch plan',
    noun: 'a launch plan',
    titles: [
      /\bpartner(?:ship)?\s+launch\s+(?:plan|checklist)\b/i,
      /\blaunch\s+(?:plan|checklist)\b.*\bpartner(?:ship)?\b/i,
      /\bco-?marketing\s+launch\b/i,
    ],
    headingCues: [
      /\bpre-?\s*launch\b|\bbefore\s+(?:the\s+)?launch\b|\blaunch\s+readiness\b/i,
      /\blaunch\s+(?:day|week|date)\b|\bgo-?live\b/i,
      /\bpost-?\s*launch\b|\bafter\s+(?:the\s+)?launch\b/i,
      /\b(?:press\s+release|announcement|case\s+study|sales\s+enablement|joint\s+value\s+proposition)\b/i,
    ],
    minHeadingCues: 3,
    models: ['text', 'launch-phases', 'integration-pathway', 'figures'],
  },
  {
    id: 'partnership-strategy',
    name: 'Partnership strategy',
    noun: 'a partnership strategy',
    titles: [
      /\bpartner(?:ship)?s?\s+strategy\b/i,
      // A program of partnerships: "Partnerships with research communities", "Partnership Agreements".
      /\bpartnerships\s+with\b/i,
      /^\s*(?:\S+\s+){0,2}partnership\s+agreements\s*$/i,
      /\b(?:channel|alliance|ecosystem)\s+(?:partner\s+)?(?:strategy|plan)\b/i,
      // A program's own name: "Partner Program", "Healthcare Channel Partner Program Overview".
      /^\s*(?:\S+\s+){0,3}partner(?:ship)?\s+program(?:me)?(?:\s+(?:overview|strategy|plan|guide))?\s*$/i,
      /^\s*(?:\S+\s+){0,3}(?:channel|reseller|referral|alliance|co-?selling)\s+(?:(?:and|&)\s+\S+\s+)?(?:partner\s+)?program(?:me)?s?\b/i,
      /^\s*(?:\S+\s+){0,3}partner\s+ecosystem\b/i,
      /\balliances?\s+(?:handbook|playbook)\b|アライアンス\s*(?:ハンドブック|プログラム|戦略)/i,
      // How partners grow through a program: "Partner Capabilities Maturity Model".
      /\bpartner(?:ship)?\s+(?:\S+\s+){0,3}maturity\s+model\b/i,
    ],
    titleNeedsBody: true,
    headingCues: [
      /\b(?:partner(?:ship)?\s+(?:categories|types|segments|profiles?)|types\s+of\s+partner(?:ship)?s|target\s+partners|ideal\s+partner)\b/i,
      // Choosing partners: "Partner Evaluation Criteria", "Partnership Priorities".
      /\b(?:partner(?:ship)?\s+(?:evaluation|selection|prioriti[sz]ation|priorities|fit\s+criteria)|(?:evaluating|selecting|prioriti[sz]ing)\s+partners)\b/i,
      /\b(?:revenue\s+(?:model|share|sharing)|economics|commercial\s+terms|margins?|discounts?|incentives|mdf|market\s+development\s+funds)\b/i,
      /\b(?:tiers?|levels|partner\s+program\s+structure)\b/i,
      /\b(?:roadmap|phases?|timeline|implementation|rollout)\b/i,
      /\b(?:governance|partner\s+management|steering|operating\s+model)\b/i,
      /\b(?:targets|kpis?|success\s+metrics|financial\s+(?:impact|projections))\b/i,
      /\b(?:go-?to-?market|co-?selling|co-?marketing|enablement|partner\s+portal)\b/i,
    ],
    minHeadingCues: 4,
    models: ['text', 'commitments', 'metrics', 'phases', 'touchpoints', 'integration-pathway', 'tiers', 'partner-roles', 'exit-provisions', 'figures'],
  },
] as const satisfies readonly KindDefinition[];

export type DocumentKind = (typeof KINDS)[number]['id'];

/** Every kind's id, in the table's order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = KINDS.map((k) => k.id);

/** The kinds that contain at least one of `models`, in the table's order: the kinds a rule checking them runs on. */
export function kindsWith(models: readonly ModelId[]): DocumentKind[] {
  return KINDS.filter((k) => k.models.some((m) => models.includes(m))).map((k) => k.id);
}

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

const BY_ID = new Map<string, KindDefinition>(KINDS.map((k) => [k.id, k]));

/** The table's row for `kind`. */
export function kindInfo(kind: DocumentKind): KindDefinition {
  return BY_ID.get(kind)!;
}

/** "Partnership charter". */
export function kindName(kind: DocumentKind): string {
  return kindInfo(kind).name;
}

/** "a partnership charter". */
export function kindNoun(kind: DocumentKind): string {
  return kindInfo(kind).noun;
}

/**
 * The kind a title names outright, if any. `hasBody` answers whether the body holds a few
 * headings, for kinds whose titles are not enough alone (titleNeedsBody).
 */
export function kindFromTitle(title: string, hasBody: () => boolean = () => true): DocumentKind | undefined {
  for (const kind of KINDS as readonly KindDefinition[]) {
    if (kind.titles.some((pattern) => pattern.test(title)) && (!kind.titleNeedsBody || hasBody())) return kind.id as DocumentKind;
  }
  return undefined;
}

/** "partnership-charter, decision-record, …": the kinds, for messages that list them. */
export function kindList(): string {
  return DOCUMENT_KINDS.join(', ');
}
