import type { CharterText, Match, Span } from './commitments';
import { findInProse } from './prose';
import { wordsPattern } from './word-pattern';

/**
 * What a build-or-partner decision written in its own form (no decision record front matter)
 * weighs, read against the three questions of the framework's build-vs-partner tree:
 *
 * 1. Is the capability part of what makes the product different? (core, differentiation)
 * 2. Would building it push the roadmap back by more than six months? (time to market, delay)
 * 3. Is there a credible partner who also needs something from us? (what the partner gets)
 *
 * A question counts as weighed when the text speaks of its subject anywhere, in any words a
 * reviewer would accept: the reading looks for the subject, not for an answer, so that only a
 * decision that never raises a question is told about it.
 */

export type BuildQuestion = 'core-differentiation' | 'roadmap-delay' | 'credible-partner-needs-us';

/** The subjects of each question, in the tree's order. */
// vocabulary candidate
export const BUILD_QUESTION_TERMS: Readonly<Record<BuildQuestion, readonly string[]>> = {
  'core-differentiation': [
    wordsPattern([
      'differentiat(?:e|es|ed|ing|ion|or|ors)', 'core\\s+(?:competenc(?:y|ies|e|es)|capabilit(?:y|ies)|business|product|offering|value|to\\s+(?:our|the)\\s+(?:product|business|strategy))',
      'competitive\\s+(?:advantage|edge|moat)', 'moat', 'unique\\s+selling', 'what\\s+(?:sets|makes)\\s+(?:us|our\\s+product)\\s+(?:apart|different)',
      'strategic(?:ally)?\\s+(?:fit|importance|important|critical|value)', 'commodit(?:y|ies|i[sz]ed)',
    ]),
  ],
  'roadmap-delay': [
    wordsPattern([
      '(?:time|speed)[\\s-]+to[\\s-]+(?:market|value|build|deliver|launch)', 'delay(?:s|ed|ing)?', 'roadmap',
      '(?:months?|weeks?|quarters?)\\s+to\\s+(?:build|develop|deliver|ship)', 'build\\s+time', 'opportunity\\s+cost',
      'how\\s+long\\s+(?:it|building)\\s+would\\s+take', 'timeline\\s+(?:pressure|comparison|impact)',
    ]),
  ],
  'credible-partner-needs-us': [
    wordsPattern([
      'needs?\\s+(?:something\\s+|anything\\s+)?(?:from\\s+)?us', 'what\\s+(?:the\\s+partner|the\\s+vendor|they)\\s+(?:get|gets|gain|gains|need|needs|want|wants)',
      'in\\s+it\\s+for\\s+them', '(?:their|the\\s+partner\'?s|partner)\\s+(?:incentive|incentives|motivation|stake)', 'mutual(?:ly)?\\s+(?:benefit|beneficial|value|need|dependence|interest)',
      'win[\\s-]win', 'two[\\s-]sided', 'reciproc(?:al|ity)', 'what\\s+we\\s+(?:bring|offer)\\s+(?:them|the\\s+partner|in\\s+return)',
      'our\\s+leverage', 'leverage\\s+(?:over|with)\\s+(?:the\\s+)?(?:partner|vendor|them)', 'give\\s+and\\s+get', 'value\\s+exchange',
    ]),
  ],
};

export const BUILD_QUESTIONS: readonly BuildQuestion[] = ['core-differentiation', 'roadmap-delay', 'credible-partner-needs-us'];

export interface BuildDecision {
  /** Where the text first speaks of each question's subject; absent for a question it never raises. */
  readonly weighed: Readonly<Partial<Record<BuildQuestion, Match>>>;
  /** The questions it never raises, in the tree's order. */
  readonly unasked: readonly BuildQuestion[];
}

/** The build-vs-partner questions the prose of a decision raises (code and placeholders are masked). */
export function readBuildDecision(text: CharterText): BuildDecision {
  const all: Span = { start: 0, end: text.masked.length };
  const weighed: Partial<Record<BuildQuestion, Match>> = {};
  for (const question of BUILD_QUESTIONS) {
    const [first] = findInProse(text, BUILD_QUESTION_TERMS[question], all);
    if (first) weighed[question] = first;
  }
  return { weighed, unasked: BUILD_QUESTIONS.filter((q) => !weighed[q]) };
}
