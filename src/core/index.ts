/** The public surface of the pure core, used by the extension, the CLI and the tests. */
export * from './types';
export { TextIndex } from './text';
export { sniff, findFrontMatter, kindFromTitle, closestKind, type SniffResult, type FrontMatter, type KindSource, KIND_SOURCE_WORDS } from './sniff';
export { KINDS, kindsWith, kindName, kindNoun, kindList, kindInfo, type KindDefinition, type ModelId } from './kinds';
export { kindFromBody, talksAboutPartners } from './evidence';
export { lintText, runRules, buildDocument, withSettingsKind, NESTING_RULE_ID, COMPLEXITY_RULE_ID, CONFIG_RULE_ID, ENGINE_IDS, type LintResult } from './engine';
export { UNKNOWN_RULE_ID } from './directives';
export { DEFAULT_CONFIG, configForDocument, type ResolvedConfig, type RuleSetting, type DocumentPattern } from './config';
export type { Rule, RuleMeta, RuleContext, Report } from './rule';
export { ruleMeta } from './rule';
export { RULES } from '../rules';
export { forgetReadings } from '../models';
export { applyFixes, fixAll, selectFixes } from './fixes';
export { itemsOf, sectionItems, plain, type TextItem } from './items';
export { hasQuantity, hasNumber } from './quantity';
export {
  DEFAULT_VOCABULARY, CHARTER_SECTION_IDS, matchCharterSection, normalizeHeading, phraseMatcher, findPhrases, hasPhrase,
  type Vocabulary, type CharterSectionId,
} from './vocabulary';
export type { StrategyDocument, Section } from './document';
export {
  DocumentLintState, lintIncremental, reparse, parseWhole,
  type IncrementalState, type UpdateInfo, type ParsedText, type Reparse, type ReparseMode, type ReparseOptions,
} from './incremental';
