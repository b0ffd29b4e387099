import type { Rule } from '../core/rule';
import { charterMissingSection } from './charter-missing-section';

/** Every rule, in the order their problems are reported. Ids are stable: never rename one. */
export const RULES: readonly Rule[] = [charterMissingSection];
