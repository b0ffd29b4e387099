import * as vscode from 'vscode';
import { normalizeSettings, SETTING_KEYS, type Settings } from '../core/editor-settings';

export type { Settings };

export const SECTION = 'partnerlint';

/** The `partnerlint.*` settings for one document (src/core/editor-settings.ts checks each value). */
export function settingsFor(uri: vscode.Uri | undefined): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, uri);
  return normalizeSettings(Object.fromEntries(SETTING_KEYS.map((key) => [key, c.get(key)])));
}
