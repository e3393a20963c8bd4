// Extension entry (dist/extension.js): the "Run File with the Embedded Engine" command.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
// Only the API module: the interpreter itself is bundled into dist/worker.js, not here.
import { DEFAULT_BUDGET } from '../engine/api';
import { startRun, type RunHandle, type RunOutcome } from './runner';
import type { RunRequest } from './workerProtocol';

/** Quick runs finish without a notification flashing up. */
const PROGRESS_DELAY_MS = 300;

interface ActiveRun {
  handle: RunHandle;
  finished: Promise<void>;
}

let activeRun: ActiveRun | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const channel = vscode.window.createOutputChannel('Backprop Lens');
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand('backpropLens.runFile', () => runActiveFile(workerPath, channel)),
    { dispose: () => activeRun?.handle.dispose() },
  );
}

export function deactivate(): void {
  activeRun?.handle.dispose();
}

async function runActiveFile(workerPath: string, channel: vscode.OutputChannel): Promise<void> {
  const request = requestForActiveEditor();
  if (!request) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a Python file or a Jupyter notebook to run it with Backprop Lens.'));
    return;
  }
  // One run at a time: a new run replaces the one still going (a loop, as several may be waiting).
  while (activeRun) {
    activeRun.handle.cancel();
    await activeRun.finished;
  }

  channel.clear();
  channel.show(true);
  channel.appendLine(vscode.l10n.t('[Running] {0}', request.filename));
  let endsWithNewline = true;
  const started = Date.now();
  const handle = startRun(request, {
    workerPath,
    onOutput: (_stream, text) => {
      channel.append(text);
      endsWithNewline = text.endsWith('\n');
    },
  });

  const progressTimer = setTimeout(() => {
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Backprop Lens: running {0}', path.basename(request.filename)),
        cancellable: true,
      },
      (_progress, token) => {
        token.onCancellationRequested(() => handle.cancel());
        return handle.outcome;
      },
    );
  }, PROGRESS_DELAY_MS);

  const run: ActiveRun = {
    handle,
    finished: handle.outcome.then((outcome) => {
      clearTimeout(progressTimer);
      if (!endsWithNewline) channel.appendLine('');
      report(outcome, request, (Date.now() - started) / 1000, handle.cancelRequested, channel);
    }),
  };
  activeRun = run;
  await run.finished;
  if (activeRun === run) activeRun = undefined;
}

function report(outcome: RunOutcome, request: RunRequest, seconds: number, cancelled: boolean,
  channel: vscode.OutputChannel): void {
  const elapsed = seconds.toFixed(2);
  switch (outcome.kind) {
    case 'finished':
      channel.appendLine(cancelled
        ? vscode.l10n.t('[Stopped] cancelled after {0} s', elapsed)
        : vscode.l10n.t('[Done] exited with code {0} in {1} s', outcome.result.exitCode, elapsed));
      break;
    case 'stopped':
      channel.appendLine(outcome.reason === 'cancelled'
        ? vscode.l10n.t('[Stopped] cancelled after {0} s', elapsed)
        : vscode.l10n.t('[Stopped] the program did not stop within its time limit of {0} s',
          request.budget.timeMs / 1000));
      break;
    case 'crashed': {
      channel.appendLine(vscode.l10n.t('[Internal error] {0}', outcome.stack ?? outcome.message));
      const show = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Backprop Lens could not run {0}: {1}', path.basename(request.filename), outcome.message),
        show,
      ).then((choice) => {
        if (choice === show) channel.show();
      });
      break;
    }
  }
}

function requestForActiveEditor(): RunRequest | undefined {
  const budget = { ...DEFAULT_BUDGET };
  const editor = vscode.window.activeTextEditor;
  const notebook = editor ? notebookOfCell(editor.document) : vscode.window.activeNotebookEditor?.notebook;
  if (notebook) {
    if (!notebook.uri.path.toLowerCase().endsWith('.ipynb')) return undefined;
    return { kind: 'ipynb', source: notebookJson(notebook), filename: scriptPath(notebook.uri), budget };
  }
  if (editor?.document.languageId === 'python') {
    // getText(), not the file on disk: unsaved edits and untitled documents run as shown.
    return { kind: 'py', source: editor.document.getText(), filename: scriptPath(editor.document.uri), budget };
  }
  return undefined;
}

function notebookOfCell(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((cell) => cell.document === document));
}

/** The notebook as the editor holds it now, in .ipynb (nbformat 4) form. */
function notebookJson(notebook: vscode.NotebookDocument): string {
  const cells = notebook.getCells().map((cell) => {
    const source = cell.document.getText().split(/(?<=\n)/);
    return cell.kind === vscode.NotebookCellKind.Code
      ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source }
      : { cell_type: 'markdown', metadata: {}, source };
  });
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });
}

/** The absolute path the program sees as `__file__`; imports are looked up beside it. */
function scriptPath(uri: vscode.Uri): string {
  if (uri.scheme === 'file') return uri.fsPath;
  if (uri.scheme === 'untitled') {
    // An unsaved buffer imports from the workspace, as if saved at its root.
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    return path.join(folder ?? os.homedir(), path.basename(uri.path));
  }
  // A virtual workspace: a readable path; its modules are not on disk (yet: see worker.ts).
  return uri.path;
}
