// "▶ Inspect gradients · ✓ Check backward" above every layer class (any class with `forward` and
// `backward`), in .py files, untitled documents and notebook cells. Lenses are computed from the
// document's current text on every request, so they follow edits and none is left stale.
import * as vscode from 'vscode';
import { findLayerClasses } from '../engine/lens/layerClasses';
import { t } from './i18n';

export class LayerCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private cache: { uri: string; version: number; lenses: vscode.CodeLens[] } | undefined;

  constructor() {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('backpropLens.codeLens.enabled') || e.affectsConfiguration('backpropLens.language')) {
        this.cache = undefined;
        this.changed.fire();
      }
    }));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('backpropLens').get<boolean>('codeLens.enabled', true)) return [];
    const key = document.uri.toString();
    if (this.cache?.uri === key && this.cache.version === document.version) return this.cache.lenses;
    const lenses: vscode.CodeLens[] = [];
    for (const cls of findLayerClasses(document.getText())) {
      const range = new vscode.Range(cls.line, 0, cls.line, 0);
      const arg = { uri: document.uri, line: cls.line };
      lenses.push(
        new vscode.CodeLens(range, {
          title: t('▶ Inspect gradients'),
          tooltip: t('Run {0} under Backprop Lens and show its graph and gradients', cls.name),
          command: 'backpropLens.inspect',
          arguments: [arg],
        }),
        new vscode.CodeLens(range, {
          title: t('✓ Check backward'),
          tooltip: t('Check the backward of {0} against automatic and numerical gradients', cls.name),
          command: 'backpropLens.checkBackward',
          arguments: [arg],
        }),
      );
    }
    this.cache = { uri: key, version: document.version, lenses };
    return lenses;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
