import type { DecisionTree } from './types';
import { loadTree } from './load';
// Bundled as text by esbuild (`loader: { '.yaml': 'text' }` in scripts/build.mjs).
import buildVsPartner from '../../trees/build-vs-partner.yaml';
import partnerTier from '../../trees/partner-tier.yaml';
import continuePartnership from '../../trees/continue-partnership.yaml';
import ecosystemModel from '../../trees/ecosystem-model.yaml';
import leverageQualification from '../../trees/leverage-qualification.yaml';
import partnershipOrHandshake from '../../trees/partnership-or-handshake.yaml';

/** The trees PartnerLint ships, in the order the wizard offers them. Ids are stable: never rename one. */
export const BUILTIN_TREE_IDS = [
  'build-vs-partner',
  'partner-tier',
  'continue-partnership',
  'ecosystem-model',
  'leverage-qualification',
  'partnership-or-handshake',
] as const;
export type BuiltinTreeId = (typeof BUILTIN_TREE_IDS)[number];

/** The YAML text of each built-in tree (trees/<id>.yaml), for parsing and for showing to users. */
export const BUILTIN_TREE_SOURCES: Readonly<Record<BuiltinTreeId, string>> = {
  'build-vs-partner': buildVsPartner,
  'partner-tier': partnerTier,
  'continue-partnership': continuePartnership,
  'ecosystem-model': ecosystemModel,
  'leverage-qualification': leverageQualification,
  'partnership-or-handshake': partnershipOrHandshake,
};

let cache: readonly DecisionTree[] | undefined;

/**
 * The built-in trees, parsed once. They are checked by the unit tests; one that does not load
 * is a packaging bug, reported by throwing (the engine turns it into a single diagnostic).
 */
export function builtinTrees(): readonly DecisionTree[] {
  if (!cache) {
    cache = BUILTIN_TREE_IDS.map((id) => {
      const { tree, problems } = loadTree(BUILTIN_TREE_SOURCES[id]);
      if (!tree || tree.id !== id) {
        throw new Error(`built-in decision tree "${id}" does not load: ${problems.map((p) => p.message).join(' ') || `its id is "${tree?.id}"`}`);
      }
      return tree;
    });
  }
  return cache;
}

export function builtinTree(id: string): DecisionTree | undefined {
  return builtinTrees().find((t) => t.id === id);
}
