import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { findFrontMatter, sniff } from '../core';
import { startWizard, answer, back, renderDecisionRecord, answersFromPath, readRecordAnswers, questionScreen, outcomeScreen, type DecisionTree, type WizardState, type WizardStep, type WizardDone, type WizardScreen } from '../trees';
import type { WorkspaceTrees } from './workspace-trees';

/** What the wizard shows right now, for the integration tests (the QuickPick itself is VS Code's). */
export interface WizardView {
  title: string;
  placeholder: string;
  items: string[];
  /** Each item's detail (an answer's hint), in the order of items. */
  details: Array<string | undefined>;
  /** The question's hint or the outcome's rationale, shown in full on the About button. */
  about: string | undefined;
  active: string | undefined;
}

type Outcome = 'inserted' | 'opened' | 'copied' | 'updated' | 'cancelled';

interface Item extends vscode.QuickPickItem {
  id: string;
}

/** The button that shows a question's hint (or an outcome's rationale) in full. */
class AboutButton implements vscode.QuickInputButton {
  readonly iconPath = new vscode.ThemeIcon('question');
  constructor(readonly tooltip: string) {}
}

type Answer = { kind: 'accept'; id: string } | { kind: 'back' } | { kind: 'hide' };

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Rewrites only `answers:` and `outcome:` in a record's front matter, keeping every other field,
 * comment and the whole body as the author wrote them.
 */
export function updateRecordFrontMatter(text: string, answers: Record<string, string>, outcome: string): string | undefined {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter || frontMatter.yaml.errors.length > 0) return undefined;
  const yaml = parseDocument(text.slice(frontMatter.contentStart, frontMatter.contentEnd));
  yaml.set('answers', yaml.createNode(answers));
  yaml.set('outcome', outcome);
  let updated = yaml.toString();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (eol === '\r\n') updated = updated.replace(/\r?\n/g, '\r\n');
  return text.slice(0, frontMatter.contentStart) + updated + text.slice(frontMatter.contentEnd);
}

/**
 * "PartnerLint: Run Decision Tree…": one question at a time in a QuickPick. The title shows the
 * tree and "step N of M"; each answer carries the framework's hint; Back returns to the previous
 * question with its answer kept; Escape cancels with nothing written. At the outcome it says why
 * and offers to insert the record at the cursor, open it as a new document, or copy it — and,
 * when re-running a recorded decision, to update that record's answers and outcome.
 */
export class DecisionWizard implements vscode.Disposable {
  private pick: vscode.QuickPick<Item> | undefined;

  constructor(private readonly trees: WorkspaceTrees) {}

  /** The wizard's current question and answers, when it is open. */
  view(): WizardView | undefined {
    const pick = this.pick;
    if (!pick) return undefined;
    const about = pick.buttons.find((b): b is AboutButton => b instanceof AboutButton);
    return {
      title: pick.title ?? '',
      placeholder: pick.placeholder ?? '',
      items: pick.items.map((i) => i.label),
      details: pick.items.map((i) => i.detail),
      about: about?.tooltip,
      active: pick.activeItems[0]?.label,
    };
  }

  private ask(screen: WizardScreen, items: Item[], active: string | undefined, canGoBack: boolean): Promise<Answer> {
    const pick = this.pick ?? vscode.window.createQuickPick<Item>();
    this.pick = pick;
    pick.title = screen.title;
    pick.placeholder = screen.placeholder;
    pick.matchOnDetail = true;
    pick.ignoreFocusOut = false;
    pick.value = '';
    pick.items = items;
    const preselected = items.find((i) => i.id === active);
    pick.activeItems = preselected ? [preselected] : items.slice(0, 1);
    const about = screen.about ? new AboutButton(screen.about) : undefined;
    pick.buttons = [...(canGoBack ? [vscode.QuickInputButtons.Back] : []), ...(about ? [about] : [])];
    return new Promise<Answer>((resolve) => {
      const subscriptions: vscode.Disposable[] = [];
      const done = (result: Answer) => {
        for (const s of subscriptions) s.dispose();
        resolve(result);
      };
      subscriptions.push(
        pick.onDidAccept(() => {
          const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
          if (chosen) done({ kind: 'accept', id: chosen.id });
        }),
        pick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) done({ kind: 'back' });
          // The tooltip shows the text in full on hover; a click shows it where it wraps.
          else if (button instanceof AboutButton) void vscode.window.showInformationMessage(button.tooltip);
        }),
        pick.onDidHide(() => done({ kind: 'hide' })),
      );
      pick.show();
    });
  }

  private close(): void {
    const pick = this.pick;
    this.pick = undefined;
    pick?.dispose();
  }

  /** Runs the wizard; resolves with what was done (`cancelled` when the user escaped). */
  async run(options: { treeId?: string; preselected?: Record<string, unknown>; record?: vscode.Uri } = {}): Promise<Outcome> {
    try {
      const tree = await this.chooseTree(options.treeId);
      if (!tree) return 'cancelled';
      let state: WizardState = startWizard(tree, options.preselected ?? {});
      for (;;) {
        if (!state.done) {
          const next = await this.askQuestion(state);
          if (next === undefined) return 'cancelled';
          state = next;
          continue;
        }
        const result = await this.finish(state, options.record);
        if (result === 'back') {
          state = back(state) ?? state;
          continue;
        }
        return result;
      }
    } finally {
      this.close();
    }
  }

  private async chooseTree(treeId: string | undefined): Promise<DecisionTree | undefined> {
    const trees = await this.trees.treesFor(vscode.window.activeTextEditor?.document.uri);
    if (treeId) {
      const tree = trees.find((t) => t.id === treeId);
      if (!tree) throw new Error(`There is no decision tree "${treeId}".`);
      return tree;
    }
    const items: Item[] = trees.map((t) => ({ id: t.id, label: t.title, description: t.id, detail: t.description }));
    const answer = await this.ask({ title: 'PartnerLint: Run Decision Tree — which decision are you making?', placeholder: 'Choose a decision tree (type to filter)' }, items, undefined, false);
    return answer.kind === 'accept' ? trees.find((t) => t.id === answer.id) : undefined;
  }

  /** Asks one question; undefined when cancelled. */
  private async askQuestion(step: WizardStep): Promise<WizardState | undefined> {
    const items: Item[] = step.choices.map((c) => ({
      id: c.id,
      label: c.label,
      description: c.preselected ? '(recorded answer)' : undefined,
      detail: c.hint,
    }));
    const reply = await this.ask(questionScreen(step), items, step.defaultAnswer, step.stepNumber > 1);
    if (reply.kind === 'hide') return undefined;
    if (reply.kind === 'back') return back(step) ?? step;
    return answer(step, reply.id);
  }

  private async finish(done: WizardDone, record: vscode.Uri | undefined): Promise<Outcome | 'back'> {
    const outcome = done.tree.outcomes[done.outcome]!;
    const answers = answersFromPath(done.path);
    const text = renderDecisionRecord({ tree: done.tree, answers, date: today() });
    const items: Item[] = [
      ...(record ? [{ id: 'update', label: '$(edit) Update this decision record', detail: 'Rewrites only its answers and outcome; everything else stays as written.' }] : []),
      { id: 'insert', label: '$(insert) Insert the decision record at the cursor', detail: 'Best in an empty Markdown file: the record starts with front matter.' },
      { id: 'open', label: '$(new-file) Open it as a new document' },
      { id: 'copy', label: '$(copy) Copy it to the clipboard' },
    ];
    const reply = await this.ask(outcomeScreen(done.tree.title, outcome), items, items[0]!.id, true);
    if (reply.kind === 'hide') return 'cancelled';
    if (reply.kind === 'back') return 'back';
    this.close();
    switch (reply.id) {
      case 'update': {
        const doc = await vscode.workspace.openTextDocument(record!);
        const updated = updateRecordFrontMatter(doc.getText(), answers, done.outcome);
        if (updated === undefined) throw new Error('This record\u2019s front matter could not be read, so it was not changed.');
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), updated);
        await vscode.workspace.applyEdit(edit);
        return 'updated';
      }
      case 'insert': {
        const editor = vscode.window.activeTextEditor;
        if (!editor) {
          await this.openAsNew(text);
          return 'opened';
        }
        await editor.edit((e) => e.insert(editor.selection.active, text));
        return 'inserted';
      }
      case 'open':
        await this.openAsNew(text);
        return 'opened';
      default:
        await vscode.env.clipboard.writeText(text);
        void vscode.window.setStatusBarMessage('PartnerLint: decision record copied', 3000);
        return 'copied';
    }
  }

  private async openAsNew(text: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc);
  }

  /** Re-runs a recorded decision with its answers preselected. */
  async rerun(uri: vscode.Uri): Promise<Outcome> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const recorded = readRecordAnswers(doc.getText());
    if (!recorded?.treeId) throw new Error('This decision record names no decision tree (tree: in its front matter).');
    return this.run({ treeId: recorded.treeId, preselected: recorded.answers, record: uri });
  }

  dispose(): void {
    this.close();
  }
}

/** "Re-run this decision" above every decision record. */
export class DecisionCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const text = doc.getText();
    if (sniff(text).kind !== 'decision-record') return [];
    const recorded = readRecordAnswers(text);
    if (!recorded?.treeId) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Re-run this decision', command: 'partnerlint.rerunDecision', arguments: [doc.uri] })];
  }
}
