import * as vscode from 'vscode';
import { normalizeSettings, type Settings } from '../core/editor-settings';

export type { Settings };

export const SECTION = 'partnerlint';

/** The `partnerlint.*` settings for one document (src/core/editor-settings.ts checks each value). */
export function settingsFor(uri: vscode.Uri | undefined): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, uri);
  const keys: (keyof Settings)[] = ['enable', 'run', 'debounce', 'rules', 'kinds', 'ignore', 'maxFileSize', 'timeBudget'];
  return normalizeSettings(Object.fromEntries(keys.map((key) => [key, c.get(key)])));
}
