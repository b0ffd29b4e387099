import type { CharterText, Match, Span } from './commitments';
import { findInProse } from './prose';
import { wordsPattern } from './word-pattern';

/**
 * What a document gives partners to sell and promote with. The framework's third common mistake
 * is expecting partners to self-promote: "you must provide co-marketing templates, resources,
 * support". Its co-marketing checklist names the pieces: a joint value proposition, sales
 * enablement (one-pager, deck, demo), trained teams, marketplace listings, launch content.
 */

/** Wording that shows partners are given something to sell or promote with. */
// vocabulary candidate
export const ENABLEMENT_TERMS: readonly string[] = [
  'enablement', 'sales enablement', 'partner enablement', 'training', 'trainings', 'trained', 'certification', 'certifications',
  'template', 'templates', 'playbook', 'playbooks', 'toolkit', 'toolkits', 'sales kit', 'marketing kit', 'launch kit', 'campaign kit',
  'one-pager', 'one-pagers', 'pitch deck', 'sales deck', 'battlecard', 'battlecards', 'demo environment', 'demo script',
  'collateral', 'assets', 'marketing materials', 'sales materials', 'enablement materials', 'marketing resources', 'sales resources',
  'co-marketing', 'comarketing', 'joint marketing', 'co-selling', 'co-sell', 'joint campaigns', 'joint campaign', 'campaign-in-a-box',
  'MDF', 'market development funds', 'marketing development funds', 'marketing funds', 'partner portal', 'sales tools',
  'partner manager', 'partner managers', 'channel manager', 'channel managers', 'channel account manager', 'partner success',
  'onboarding', 'office hours', 'lead sharing', 'lead passing', 'joint value proposition',
  wordsPattern(['(?:marketing|sales|partner|launch|go-to-market|gtm|presales|pre-sales|technical|field)\\s+support']),
];

/** Statements that partners get little or no help ("support will be inconsistent"). */
// vocabulary candidate
export const SUPPORT_DISCLAIMERS: readonly string[] = [
  wordsPattern([
    'support\\s+(?:will|may|might|could|would|is\\s+going\\s+to)\\s+(?:be\\s+)?(?:inconsistent|limited|minimal|sporadic|patchy|unavailable|best[\\s-]effort)',
    '(?:no|little|limited|minimal)\\s+(?:marketing|sales|partner|launch|enablement)\\s+(?:support|resources|assets|materials|help)',
    'partners?\\s+(?:are|is|will\\s+be)\\s+on\\s+(?:their|its)\\s+own',
  ]),
];

/** Statements that partners are to sell or promote the offer. */
// vocabulary candidate
export const PROMOTION_ASKS: readonly string[] = [
  'reseller program', 'reseller programs', 'reseller programme', 'reseller programmes',
  'partner-led marketing', 'partner-led promotion', 'partner-led demand generation',
  wordsPattern([
    '(?:partners?|resellers?|affiliates?|distributors?)\\s+(?:will|shall|must|should|are\\s+expected\\s+to|is\\s+expected\\s+to|need\\s+to|are\\s+asked\\s+to|are\\s+responsible\\s+for|is\\s+responsible\\s+for)\\s+(?:(?:actively|also|independently)\\s+)?(?:market|marketing|promote|promoting|sell|selling|resell|reselling|drive\\s+(?:demand|pipeline|awareness)|driving\\s+(?:demand|pipeline|awareness)|generate\\s+(?:leads|demand|pipeline)|generating\\s+(?:leads|demand|pipeline))',
    '(?:drives?|runs?)\\s+(?:their|its)\\s+own\\s+(?:promotion|marketing|demand\\s+generation|go-to-market)',
  ]),
];

export interface Enablement {
  /** Things partners are given to sell and promote with (templates, training, co-marketing, MDF...). */
  readonly provided: readonly Match[];
  /** Statements that partners get little or no help. */
  readonly disclaimers: readonly Match[];
  /** Statements that partners are to sell or promote. */
  readonly asks: readonly Match[];
}

/** The enablement reading of the whole document (prose only), each part read on first use. */
export function readEnablement(text: CharterText): Enablement {
  const all: Span = { start: 0, end: text.masked.length };
  let disclaimers: Match[] | undefined;
  let provided: Match[] | undefined;
  let asks: Match[] | undefined;
  return {
    get disclaimers() {
      disclaimers ??= findInProse(text, SUPPORT_DISCLAIMERS, all);
      return disclaimers;
    },
    get provided() {
      const denied = this.disclaimers;
      provided ??= findInProse(text, ENABLEMENT_TERMS, all)
        .filter((m) => !text.negatedAt(m.start, Math.max(0, m.start - 20)) && !denied.some((d) => d.start <= m.start && m.end <= d.end));
      return provided;
    },
    get asks() {
      asks ??= findInProse(text, PROMOTION_ASKS, all).filter((m) => !text.negatedAt(m.start, Math.max(0, m.start - 30)));
      return asks;
    },
  };
}
