import type { StrategyDocument, Section } from '../core/document';
import type { CharterText, Match, Span } from './commitments';
import { sectionAtOffset } from './section-lookup';
import { findInProse } from './prose';
import { wordsPattern } from './word-pattern';

/**
 * What role a document gives its partners: a layer that sells the product, or a party that adds
 * to it. The framework's first common mistake is "treating partnerships as a sales channel, not
 * platform expansion: partnerships should expand what your product can do, not just who buys it".
 *
 * A sales framing is a statement that partners take the place of selling: "instead of direct
 * sales", "replace our sales force", "partners handle sales", "commission-only". Reselling as
 * such is not one (a reseller program is a fair part of a strategy); handing selling over to
 * partners is. A product contribution is anything a partner adds to what the product does: an
 * integration, a connector, a plugin, an API built on, a joint or co-developed solution.
 */

/** Statements that make partners the layer that sells, in place of the company's own selling. */
// vocabulary candidate
export const SALES_CHANNEL_TERMS: readonly string[] = [
  'commission-only',
  wordsPattern([
    'instead\\s+of\\s+(?:(?:our|a|an|building\\s+(?:a|an|our)|hiring\\s+(?:a|an|our))\\s+)?(?:own\\s+)?(?:direct\\s+sales|sales\\s+(?:force|team|org|organi[sz]ation))',
    'rather\\s+than\\s+(?:(?:hiring|building|scaling|growing)\\s+)?(?:(?:our|a|an)\\s+)?(?:own\\s+)?(?:direct\\s+sales|sales\\s+(?:force|team|org|organi[sz]ation))',
    'replac(?:e|es|ed|ing)\\s+(?:(?:our|the|a)\\s+)?(?:own\\s+)?(?:direct\\s+sales|sales\\s+(?:force|team|org|organi[sz]ation))',
    'partners?\\s+(?:handles?|owns?|runs?|do|does|takes?\\s+over|carry|carries)\\s+(?:(?:the|all|our)\\s+)?(?:sales|selling)',
    '(?:sales|selling|distribution)\\s+(?:is|are|will\\s+be)\\s+(?:handled|done|owned|run|carried)\\s+(?:entirely\\s+|only\\s+)?by\\s+(?:the\\s+|our\\s+)?partners',
    'partners?\\s+(?:are|is|acts?\\s+as|serves?\\s+as|becomes?)\\s+(?:our|the|a)\\s+(?:sales|distribution|resale)\\s+(?:channel|force|arm|layer|team)',
  ]),
];

/** Wording that says what a partner adds to the product or platform. */
// vocabulary candidate
export const PRODUCT_CONTRIBUTION_TERMS: readonly string[] = [
  'connector', 'connectors', 'plugin', 'plugins', 'plug-in', 'plug-ins', 'extension', 'extensions', 'add-on', 'add-ons', 'API', 'APIs',
  'SDK', 'SDKs', 'joint product', 'joint products', 'joint solution', 'joint solutions', 'joint roadmap', 'product roadmap', 'built on',
  'builds on', 'build on', 'interoperability', 'interoperable', 'technology partner', 'technology partners', 'capability', 'capabilities',
  wordsPattern([
    'integrat(?:e|es|ed|ing|ion|ions)', 'embed(?:s|ded|ding)?', 'co-?develop\\w*', 'co-?buil[dt]\\w*', 'co-?innovat\\w*',
    'extend(?:s|ed|ing)?\\s+(?:the|our)\\s+(?:product|platform)',
  ]),
];

/** A statement that hands selling to partners, and whether its passage says what they add. */
export interface SalesFraming extends Match {
  /** The innermost section holding the statement (undefined before the first heading). */
  readonly section: Section | undefined;
  /** Whether that section (subsections included) says what partners add to the product. */
  readonly namesContribution: boolean;
}

/** The sales framings of the document, in order. */
export function readSalesFramings(doc: StrategyDocument, text: CharterText): readonly SalesFraming[] {
  const all: Span = { start: 0, end: text.masked.length };
  return findInProse(text, SALES_CHANNEL_TERMS, all)
    .filter((m) => !text.negatedAt(m.start, Math.max(0, m.start - 30)))
    .map((m) => {
      const section = sectionAtOffset(doc, m.start);
      const span: Span = section && section !== doc.title ? { start: section.start, end: section.end } : all;
      return { ...m, section, namesContribution: findInProse(text, PRODUCT_CONTRIBUTION_TERMS, span).length > 0 };
    });
}
