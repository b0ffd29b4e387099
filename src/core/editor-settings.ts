import { DOCUMENT_KINDS, type DocumentKind } from './kinds';
import type { SeveritySetting } from './types';

/**
 * The `partnerlint.*` editor settings for one document, with their defaults: the same keys in VS
 * Code (package.json contributes.configuration) and in any editor through the language server
 * (`workspace/configuration`, section `partnerlint`).
 */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounce: number;
  rules: Record<string, SeveritySetting>;
  kinds: DocumentKind[];
  ignore: string[];
  maxFileSize: number;
  timeBudget: number;
}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];
/** Keys that would reach an object's prototype rather than name a rule. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function number(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.max(min, Math.min(max, n));
}

/**
 * The settings from whatever an editor sent (`raw` is the `partnerlint` section: any JSON, or
 * nothing). Each value of the wrong type, out of range or unknown falls back to its default (or,
 * in a list or a map, is left out), so that hostile or mistyped settings never reach the core.
 */
export function normalizeSettings(raw: unknown): Settings {
  const s = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, SeveritySetting> = {};
  if (s['rules'] !== null && typeof s['rules'] === 'object' && !Array.isArray(s['rules'])) {
    for (const [id, severity] of Object.entries(s['rules'] as Record<string, unknown>)) {
      if (!UNSAFE_KEYS.has(id) && typeof severity === 'string' && SEVERITIES.includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
  const kinds = strings(s['kinds'])?.filter((k): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k));
  return {
    enable: typeof s['enable'] === 'boolean' ? s['enable'] : true,
    run: s['run'] === 'onSave' ? 'onSave' : 'onType',
    debounce: number(s['debounce'], 300, 0, 5000),
    rules,
    kinds: kinds ?? [...DOCUMENT_KINDS],
    ignore: strings(s['ignore']) ?? [],
    maxFileSize: number(s['maxFileSize'], 1_000_000, 0, Number.MAX_SAFE_INTEGER),
    timeBudget: number(s['timeBudget'], 5000, 1, 60_000),
  };
}

/** The names of the settings (after `partnerlint.`), from `normalizeSettings` itself, so no editor keeps its own list. */
export const SETTING_KEYS: readonly (keyof Settings)[] = Object.keys(normalizeSettings(undefined)) as (keyof Settings)[];
