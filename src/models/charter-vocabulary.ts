/**
 * Word lists used by the charter content rules (charter-empty-section, charter-unsigned,
 * mutual-goals-missing-party, measurement-not-measurable, governance-incomplete). Each list is
 * meant to become a field of `Vocabulary` with the same name; until it is one, rules read it
 * through `charterVocabulary`, which prefers a field of that name on the configured vocabulary
 * and falls back to the default here. Entries follow the `Vocabulary` conventions: whole words,
 * case-insensitive; `/pattern/` entries are regular expressions.
 */
import type { Vocabulary } from '../core/vocabulary';

// vocabulary candidate
/**
 * Words by which a charter refers to each party whose success Mutual Goals must describe.
 * "Together" counts for the author's side: "grow together" is at least the author's own goal.
 */
export const partyTerms: { us: string[]; partner: string[]; customers: string[] } = {
  us: ['we', 'us', 'our', 'ours', 'ourselves', 'our company', 'our side', 'together'],
  partner: ['partner', 'partners', 'partner company', 'they', 'them', 'their', 'theirs'],
  customers: [
    'customer', 'customers', 'shared customers', 'joint customers', 'end customers', 'user', 'users', 'end users',
    'client', 'clients', 'buyer', 'buyers', 'admins', 'administrators',
  ],
};

// vocabulary candidate
/**
 * Words that make customers the object of one side's growth ("reach more customers", "win 40
 * new customers"): a goal about acquiring customers is not a goal for customers.
 */
export const customerAcquisitionTerms: string[] = [
  'reach', 'reaches', 'win', 'wins', 'acquire', 'acquires', 'land', 'lands', 'sign', 'sign up', 'close', 'add', 'adds',
  'gain', 'gains', 'attract', 'attracts', 'capture', 'captures', 'convert', 'converts', 'sell to', 'sells to',
  'bring in', 'access to', 'get in front of', 'upsell', 'cross-sell',
];

// vocabulary candidate
/** Words meaning both parties at once: "each side's VP Partnerships owns decisions". */
export const bothSidesTerms: string[] = [
  'both sides', 'each side', 'both parties', 'each party', 'both companies', 'each company', 'both teams', 'each team',
];

// vocabulary candidate
/** What a measurement target is about: a digit next to one of these is a numeric target. */
export const metricTerms: string[] = [
  'metric', 'metrics', 'KPI', 'KPIs', 'target', 'targets', 'goal', 'revenue', 'ARR', 'MRR', 'bookings', 'pipeline',
  'deals', 'deal', 'win rate', 'customers', 'customer', 'accounts', 'users', 'seats', 'logos', 'adoption', 'adopt',
  'activation', 'activations', 'retention', 'churn', 'NPS', 'CSAT', 'tickets', 'setup time', 'time to value',
  'conversion', 'installs', 'integrations', 'leads', 'opportunities', 'sourced', 'influenced', 'attach rate', 'usage',
  'margin', 'savings', 'cost', 'costs', 'hours', 'days', 'weeks', 'minutes', 'improvement', 'increase', 'reduction',
  'growth', 'listings', 'renewals', 'expansion', 'referrals',
];

// vocabulary candidate
/** Phrases that set how often both sides look at the numbers. */
export const reviewCadenceTerms: string[] = [
  '/\\b(?:daily|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|semi-?annually|annually|yearly)\\b(?!\\s+(?:active|recurring|revenue|spend|budget|users))/',
  '/\\b(?:every|each|per|once\\s+(?:a|per|every)|twice\\s+(?:a|per))\\s+(?:other\\s+)?(?:day|week|month|quarter|half|year|sprint)\\b/',
  '/\\bevery\\s+(?:\\d+|two|three|four|five|six|eight|ten|twelve)\\s+(?:days|weeks|months|sprints|quarters)\\b/',
  'QBR', 'QBRs', 'MBR', 'MBRs', 'business review', 'business reviews', 'operating review', 'annual review',
  'review cadence', 'cadence', 'steering meeting', 'sync cadence',
];

// vocabulary candidate
/** Words that promise a review without saying how often. */
export const vagueCadenceTerms: string[] = [
  'regularly', 'regular basis', 'regular reviews', 'periodically', 'periodic', 'from time to time', 'as needed',
  'when needed', 'as required', 'ad hoc', 'ad-hoc', 'occasionally', 'continuously', 'ongoing basis', 'frequently',
  'often', 'routinely',
];

// vocabulary candidate
/** Words that make someone a decision owner. */
export const decisionOwnerTerms: string[] = [
  'owner', 'owners', 'owns', 'ownership', 'decision owner', 'decision owners', 'decides', 'decide',
  'decision maker', 'decision makers', 'decision rights', 'sponsor', 'sponsors', 'executive sponsor', 'DRI', 'DRIs',
  'accountable', 'approver', 'approves', 'signs off', 'RACI', 'partner manager', 'account manager', 'alliance manager',
  'lead', 'responsible',
];

// vocabulary candidate
/** Words that describe an escalation path. */
export const escalationTerms: string[] = [
  '/\\bescalat\\w*/', '/\\btie[\\s-]?break\\w*/', '/\\bdeadlock\\w*/', 'dispute', 'disputes', 'disagreement',
  'disagreements', 'disagree', 'steering committee', 'steerco', 'arbitration', 'mediation',
  'cannot agree', "can't agree", 'unresolved', 'conflict resolution', 'resolve conflicts', 'final say',
];

// vocabulary candidate
/** Words that describe exit criteria. */
export const exitTerms: string[] = [
  'exit', 'exits', 'exit criteria', 'terminate', 'terminates', 'terminated', 'termination', 'wind down',
  'wind-down', 'winds down', 'sunset', 'notice', 'walk away', 'off-ramp', 'kill criteria', 'dissolve', 'unwind',
  'break clause', 'opt out',
  '/\\b(?:end|ends|ending|ended)\\s+(?:the|this|our)\\s+(?:partnership|agreement|relationship|charter)\\b/',
];

// vocabulary candidate
/** Section titles that hold the signatures (normalised: lower case, hyphens as spaces). */
export const signatureHeadings: string[] = [
  'signatures', 'signature', 'signature block', 'sign off', 'signoff', 'sign offs', 'signed', 'signed by',
  'approval', 'approvals', 'approved by', 'signatories', 'signatory', 'agreed by',
];

// vocabulary candidate
/**
 * Column titles (and line labels) of a signature block: who signed, when, and the words around
 * them that are not a signer's name.
 */
export const signatureColumns: { name: string[]; date: string[]; other: string[] } = {
  name: ['name', 'names', 'signature', 'signatures', 'signed by', 'signatory', 'signer', 'approver', 'approved by'],
  date: ['date', 'dates', 'dated', 'signed on', 'date signed', 'signed'],
  other: ['party', 'company', 'organisation', 'organization', 'role', 'title', 'position', 'on behalf of', 'for and on behalf of'],
};

/** The lists above, as one value. */
export interface CharterVocabulary {
  partyTerms: { us: string[]; partner: string[]; customers: string[] };
  customerAcquisitionTerms: string[];
  bothSidesTerms: string[];
  metricTerms: string[];
  reviewCadenceTerms: string[];
  vagueCadenceTerms: string[];
  decisionOwnerTerms: string[];
  escalationTerms: string[];
  exitTerms: string[];
  signatureHeadings: string[];
  signatureColumns: { name: string[]; date: string[]; other: string[] };
}

export const DEFAULT_CHARTER_VOCABULARY: CharterVocabulary = {
  partyTerms,
  customerAcquisitionTerms,
  bothSidesTerms,
  metricTerms,
  reviewCadenceTerms,
  vagueCadenceTerms,
  decisionOwnerTerms,
  escalationTerms,
  exitTerms,
  signatureHeadings,
  signatureColumns,
};

/**
 * The charter lists for a configured vocabulary: a field of the same name on `vocabulary`
 * (once the lists move into `Vocabulary`) wins over the default.
 */
export function charterVocabulary(vocabulary: Vocabulary): CharterVocabulary {
  let out = resolved.get(vocabulary);
  if (!out) {
    const configured = vocabulary as unknown as Partial<Record<keyof CharterVocabulary, unknown>>;
    const merged: Record<string, unknown> = { ...DEFAULT_CHARTER_VOCABULARY };
    for (const key of Object.keys(DEFAULT_CHARTER_VOCABULARY) as Array<keyof CharterVocabulary>) {
      if (configured[key] !== undefined) merged[key] = configured[key];
    }
    out = merged as unknown as CharterVocabulary;
    resolved.set(vocabulary, out);
  }
  return out;
}

/** One resolved value per configured vocabulary, so the lists keep their identity (and compiled matchers). */
const resolved = new WeakMap<Vocabulary, CharterVocabulary>();
