/** Decision trees as data and the pure logic that walks them. Nothing here imports `vscode`. */
export type { DecisionTree, TreeQuestion, TreeAnswer, TreeOutcome, TreeProblem, TreeProblemCode } from './types';
export { validateTree, hasErrors, pointsAtKey, TREE_ID_PATTERN, TREE_FIELDS } from './validate';
export { loadTree, locate, type LoadedTree } from './load';
export { evaluate, answerId, answerText, isUnanswered, reachableOutcomes, allPaths, maxDepth, type Evaluation, type TreeStep } from './walk';
export { builtinTrees, builtinTree, BUILTIN_TREE_IDS, BUILTIN_TREE_SOURCES, type BuiltinTreeId } from './builtin';
export { findCustomTrees, findWorkspaceRoot, isCustomTreePath, customTreeRoot, CUSTOM_TREES_FOLDER, MAX_TREE_FILES, type TreeFileHost, type CustomTreeFile, type CustomTrees } from './custom';
export { lintTreeFile, treeProblemsToDiagnostics, TREE_RULE_ID } from './lint-tree';
export { renderDecisionRecord, readRecordAnswers, answersFromPath, type RenderRecordInput, type RecordedDecision } from './record';
export { startWizard, answer, back, acceptDefaults, questionScreen, outcomeScreen, type WizardState, type WizardStep, type WizardDone, type WizardChoice, type WizardScreen } from './wizard';
