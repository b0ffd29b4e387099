import type { SeveritySetting } from './types';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary';

/** Per-rule settings: a severity override and rule-specific options. */
export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** Configuration after defaults, `extends` and overrides have been merged. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  vocabulary: Vocabulary;
  /**
   * Deepest container nesting (lists, block quotes) that is parsed. Deeper documents are not
   * parsed at all: micromark's cost grows with the square of the depth, and remark-gfm's
   * recursive passes overflow the stack at a few thousand levels.
   */
  maxNesting: number;
  /**
   * Longest document parsed, in characters; the parse cost allowed (guard.ts) grows with it.
   * Longer documents, and documents that would cost the parser more than this many characters of
   * ordinary text, are not parsed.
   */
  maxSize: number;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  vocabulary: DEFAULT_VOCABULARY,
  maxNesting: 100,
  maxSize: 1_000_000,
};
