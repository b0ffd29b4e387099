/** The public surface of the pure core, used by the extension, the CLI and the tests. */
export * from './types';
export { TextIndex } from './text';
export { sniff, findFrontMatter, kindFromTitle, type SniffResult, type FrontMatter } from './sniff';
export { lintText, runRules, buildDocument, NESTING_RULE_ID, type LintResult } from './engine';
export { DEFAULT_CONFIG, type ResolvedConfig, type RuleSetting } from './config';
export type { Rule, RuleMeta, RuleContext, Report } from './rule';
export { RULES } from '../rules';
