import * as vscode from 'vscode';
import { RULES, DEFAULT_VOCABULARY, CHARTER_SECTION_IDS } from '../core';

/**
 * Completion while editing `.partnerlint.yaml`, without depending on a YAML extension: setting
 * names at the top, rule ids under `rules:`, severities after a rule id, list names under
 * `vocabulary:`. (Red Hat's YAML extension, when installed, also validates against the shipped
 * JSON Schema through the yamlValidation contribution.)
 */
export class ConfigCompletion implements vscode.CompletionItemProvider {
  static readonly selector: vscode.DocumentSelector = [{ pattern: '**/.partnerlint.{yaml,yml}' }];

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const line = doc.lineAt(position.line).text.slice(0, position.character);
    const indent = /^\s*/.exec(line)![0].length;
    const parent = this.parentKey(doc, position.line, indent);
    const item = (label: string, detail: string, kind = vscode.CompletionItemKind.Property, insert?: string) => {
      const completion = new vscode.CompletionItem(label, kind);
      completion.detail = detail;
      if (insert) completion.insertText = new vscode.SnippetString(insert);
      return completion;
    };
    const afterKey = /^\s*([\w-]+):\s*\S*$/.exec(line);
    if (afterKey && parent === 'rules') {
      return ['off', 'info', 'warning', 'error'].map((s) => item(s, `Severity for ${afterKey[1]}`, vscode.CompletionItemKind.EnumMember));
    }
    if (/:\s/.test(line)) return [];
    if (indent === 0) {
      return [
        item('rules', 'Switch rules off or change their severity', undefined, 'rules:\n  $0'),
        item('vocabulary', 'Add words PartnerLint looks for', undefined, 'vocabulary:\n  $0'),
        item('extends', 'Start from another configuration file', undefined, 'extends: ${1:../.partnerlint.yaml}'),
        item('maxNesting', 'Deepest nesting analysed (default 100)', undefined, 'maxNesting: ${1:100}'),
        item('maxSize', 'Longest document analysed, in characters (default 1000000)', undefined, 'maxSize: ${1:1000000}'),
      ];
    }
    if (parent === 'rules') {
      return RULES.map((r) => {
        const c = item(r.meta.id, `${r.meta.description} (default: ${r.meta.defaultSeverity})`, vscode.CompletionItemKind.Property, `${r.meta.id}: \${1|off,info,warning,error|}`);
        return c;
      });
    }
    if (parent === 'vocabulary') {
      return Object.keys(DEFAULT_VOCABULARY).map((name) => item(name, `Add to PartnerLint's ${name} list`, vscode.CompletionItemKind.Property, `${name}:\n  - \${1}`));
    }
    if (parent === 'sectionSynonyms') return CHARTER_SECTION_IDS.map((id) => item(id, `Headings that count as ${id}`));
    return [];
  }

  /** The key of the nearest line above with less indentation. */
  private parentKey(doc: vscode.TextDocument, line: number, indent: number): string | undefined {
    for (let l = line - 1; l >= 0; l--) {
      const text = doc.lineAt(l).text;
      if (text.trim() === '' || text.trim().startsWith('#')) continue;
      const own = /^\s*/.exec(text)![0].length;
      if (own < indent) return /^\s*([\w-]+):/.exec(text)?.[1];
    }
    return undefined;
  }
}
