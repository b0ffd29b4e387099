import * as vscode from 'vscode';
import { DOCUMENT_KINDS, type DocumentKind, type SeveritySetting } from '../core';

/** The `partnerlint.*` settings for one document, with their defaults (see package.json). */
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

export const SECTION = 'partnerlint';

export function settingsFor(uri: vscode.Uri | undefined): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, uri);
  const kinds = c.get<string[]>('kinds', [...DOCUMENT_KINDS]).filter((k): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k));
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    debounce: Math.max(0, Math.min(5000, c.get<number>('debounce', 300))),
    rules: c.get<Record<string, SeveritySetting>>('rules', {}),
    kinds,
    ignore: c.get<string[]>('ignore', []),
    maxFileSize: Math.max(0, c.get<number>('maxFileSize', 1_000_000)),
    timeBudget: Math.max(1, Math.min(60_000, c.get<number>('timeBudget', 5000))),
  };
}
