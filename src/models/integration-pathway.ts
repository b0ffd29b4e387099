import type { StrategyDocument } from '../core/document';
import type { Range } from '../core/types';
import { hasPhrase, type Vocabulary } from '../core/vocabulary';
import { itemsOf } from '../core/items';
import { listOr } from './tiers';

/**
 * A technology partnership's launch, and whether the text says how the products connect. A joint
 * technical launch is a launch, general availability or go-live of something both sides build:
 * an integration, a marketplace listing or app, a joint solution or product. Selling together
 * (co-sell, referrals, reseller programs) is not one: a document with no technical component is
 * never asked for an integration pathway.
 */

const LAUNCH = String.raw`(?:launch(?:es|ed|ing)?|general\s+availability|GA|go(?:es)?[\s-]+live|went\s+live|goes\s+GA|ship(?:s|ped|ping)?)`;
/**
 * What makes "launch" a marketing activity about launches in general ("joint product launch
 * campaigns", "launch events"), not the plan of one: a co-marketing program that offers these
 * plans no technical launch of its own.
 */
const MARKETING_AFTER = String.raw`(?!\s+(?:campaigns?|announcements?|events?|webinars?|kits?|materials?|collateral|content|press|PR|marketing|messaging|activities|promotions?|support|blockers?|readiness)\b)`;
const OFFERING = String.raw`(?:(?:joint|partner|shared|co-?(?:built|developed|engineered|branded))\s+)?(?:integrations?|marketplace\s+(?:listings?|apps?|offers?|offerings?)|joint\s+(?:solutions?|products?|offerings?|features?)|(?:on|in|to|via)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:marketplaces?|appexchange))`;

/** A launch and a joint technical offering in the same sentence, either way round, a few words apart. */
const JOINT_LAUNCH = new RegExp(
  String.raw`\b${LAUNCH}\b${MARKETING_AFTER}[^.;:|\n]{0,60}?\b${OFFERING}\b|\b${OFFERING}\b[^.;:|\n]{0,60}?\b${LAUNCH}\b${MARKETING_AFTER}`,
  'i',
);

// vocabulary candidate
/** Wording that says how the products connect: the integration pathway. */
export const INTEGRATION_PATHWAY_TERMS: readonly string[] = [
  'API', 'APIs', 'REST', 'GraphQL', 'SDK', 'SDKs', 'webhook', 'webhooks', 'OAuth', 'SSO', 'single sign-on', 'SAML', 'SCIM',
  'connector', 'connectors', 'plugin', 'plugins', 'plug-in', 'plug-ins', 'extension', 'extensions', 'add-on', 'add-ons',
  'embedded', 'embed', 'embeds', 'embedding', 'iframe', 'data sync', 'two-way sync', 'bidirectional sync', 'bi-directional sync',
  'syncs', 'synced', 'synchronization', 'synchronisation', 'ETL', 'endpoint', 'endpoints', 'CLI', 'app store',
  'marketplace app', 'native integration', 'technical integration', 'reference architecture', 'data flow', 'data flows',
  'integration architecture', 'integration design', 'integration spec', 'integration specification', 'integration guide',
  'integration documentation', 'integration docs', 'integration pathway', 'integration approach', 'integration points',
  'integration testing', 'integration requirements',
  // The framework's pre-launch item: an integration tested or validated end to end exists and works.
  '/(?:technical\\s+)?integration\\s+(?:is\\s+|was\\s+|has\\s+been\\s+)?(?:tested|validated|certified)(?![\\p{L}])/',
  '/integrat(?:e|es|ed|ing|ion|ions)\\s+(?:with|into|via|through|using)(?![\\p{L}])/',
];

export interface JointLaunch {
  /** Where the launch is written: the words of the first sentence that plans it, or its item. */
  readonly range: Range;
  /** Whether the text anywhere says how the products connect. */
  readonly pathwaySaid: boolean;
}

/** The first joint technical launch the document plans, with whether it says how the products connect; undefined when it plans none. */
export function readJointLaunch(doc: StrategyDocument, vocabulary: Vocabulary): JointLaunch | undefined {
  const items = itemsOf(doc, doc.root.children);
  const headings = doc.sections.filter((s) => s !== doc.title);
  let range: Range | undefined;
  for (const item of items) {
    if (item.kind === 'table-header' || !JOINT_LAUNCH.test(item.text)) continue;
    const raw = doc.text.slice(item.start, item.end);
    const m = JOINT_LAUNCH.exec(raw);
    range = m ? doc.index.rangeOf(item.start + m.index, item.start + m.index + m[0].length) : item.range;
    break;
  }
  if (!range) {
    const heading = headings.find((s) => JOINT_LAUNCH.test(s.title));
    if (!heading) return undefined;
    range = heading.headingRange;
  }
  const terms = listOr(vocabulary, 'integrationPathwayTerms', INTEGRATION_PATHWAY_TERMS);
  const pathwaySaid = items.some((i) => hasPhrase(i.text, terms)) || headings.some((s) => hasPhrase(s.title, terms));
  return { range, pathwaySaid };
}
