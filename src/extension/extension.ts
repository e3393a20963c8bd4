// Extension entry (dist/extension.js): commands, CodeLens, the panel and its serializer, diagnostics.
// Thin: the engine runs in a worker (dist/worker.js); this file decides what to run and shows the answer.
// Nothing heavy is imported here: the interpreter and the lens are bundled into the worker only.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PanelTab } from '../protocol';
import { LayerCodeLensProvider } from './codeLens';
import type { LensReport } from '../engine/lens/report';
import { Diagnostics } from './diagnostics';
import { registerHovers } from './hovers';
import { registerLessons, type LessonsApi } from './lessons';
import { standalonePanelHtml } from '../../webview/page';
import { loadPanelAssets } from '../host/panelAssets';
import { language, loadOverrideBundle, t, webviewStrings } from './i18n';
import { LensPanel, PANEL_VIEW_TYPE, saveExport, type PanelHost, type RestorableState } from './panel';
import { Runs } from './runs';
import { notebookOfCell, resolveTarget, targetFor, type InspectTarget } from './target';

/** What a command resolves to: tests and the UI read it; people see the panel and the messages. */
export interface CommandResult {
  status: 'report' | 'ran' | 'rejected' | 'stopped' | 'crashed' | 'no-target';
  checks?: { passed: number; failed: number };
  error?: string;
  message?: string;
  /** What the report holds, in brief. */
  report?: { file: string; lines?: [number, number]; cell?: number; layers: string[]; derivations: { agree?: boolean; maxAbsDiff?: number }[] };
  /** Where the time went, in ms: the run as the host saw it (worker included), the engine's own part, posting to the panel. */
  timings?: { runMs: number; engineMs: number; showMs: number };
}

/** For tests and benchmarks (returned by activate()): what the panels show. */
export interface BackpropLensApi {
  panels(): { documentUri: string; visible: boolean; reportFile?: string; lastPainted?: { at: number; tab?: string } }[];
  /** Resolves when the panel of `documentUri` has drawn its next report. */
  nextPaint(documentUri: string, timeoutMs?: number): Promise<boolean>;
  activationMs: number;
  lessons: LessonsApi;
}

type Purpose = 'inspect' | 'check' | 'sigmoid';
const TAB_FOR: Record<Purpose, PanelTab> = { inspect: 'graph', check: 'checks', sigmoid: 'derivation' };

export function activate(context: vscode.ExtensionContext): BackpropLensApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Backprop Lens');
  const runs = new Runs(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath, channel);
  const diagnostics = new Diagnostics();
  const lessons = registerLessons(context, { runs });
  const panels = new Map<string, LensPanel>();
  /** Each document's last lens report (hovers show its values), kept when its panel closes. */
  const lastReports = new Map<string, { report: LensReport; target: InspectTarget }>();
  let lastActive: LensPanel | undefined;

  const host: PanelHost = {
    extensionUri: context.extensionUri,
    rerun: (panel) => {
      const state: RestorableState = { documentUri: panel.documentUri.toString(), lines: panel.target?.lines, cell: panel.target?.cell };
      void targetFor(state).then((target) => (target ? inspect('inspect', target) : undefined));
    },
    exportPage: (panel, suggestedName) => exportPage(context.extensionUri, panel, suggestedName),
  };

  const adopt = (panel: LensPanel): LensPanel => {
    const key = panel.documentUri.toString();
    panels.set(key, panel);
    lastActive = panel;
    panel.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) lastActive = panel;
    });
    panel.onDidDispose(() => {
      if (panels.get(key) === panel) panels.delete(key);
      if (lastActive === panel) lastActive = undefined;
      void vscode.commands.executeCommand('setContext', 'backpropLens.panelOpen', panels.size > 0);
    });
    void vscode.commands.executeCommand('setContext', 'backpropLens.panelOpen', true);
    return panel;
  };

  const panelFor = (documentUri: vscode.Uri): LensPanel => {
    const existing = panels.get(documentUri.toString());
    if (existing) {
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      t('Backprop Lens: {0}', path.basename(documentUri.path)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true },
    );
    return adopt(new LensPanel(webviewPanel, documentUri, host));
  };

  async function inspect(purpose: Purpose, target: InspectTarget): Promise<CommandResult> {
    const panel = panelFor(target.documentUri);
    panel.progress('running');
    panel.releaseRun();
    const runStarted = performance.now();
    const { handle, outcome } = await runs.run(target, true);
    const runMs = performance.now() - runStarted;
    switch (outcome.kind) {
      case 'inspected': {
        const { report } = outcome.result;
        lastReports.set(target.documentUri.toString(), { report, target });
        diagnostics.showReport(target, report);
        if (panel.panel.visible === false) panel.reveal();
        const showStarted = performance.now();
        await panel.show(target, outcome.result, handle, TAB_FOR[purpose]);
        const timings = { runMs: Math.round(runMs), engineMs: report.timings.totalMs, showMs: Math.round(performance.now() - showStarted) };
        const failed = report.checks.filter((c) => !c.passed);
        const result: CommandResult = {
          status: 'report',
          checks: { passed: report.checks.length - failed.length, failed: failed.length },
          error: report.error ? `${report.error.type}: ${report.error.message}` : undefined,
          report: {
            file: report.source.file,
            lines: report.source.lines,
            cell: report.source.cell,
            layers: report.layers.map((l) => `${l.className}:${l.kind}`),
            derivations: report.derivations.map((d) => ({ agree: d.agree, maxAbsDiff: d.maxAbsDiff })),
          },
          timings,
        };
        if (purpose === 'check') result.message = checkSummary(report.checks.length, failed.map((c) => {
          const layer = report.layers.find((l) => l.id === c.layer);
          return `${layer?.className ?? c.layer}.backward d${c.target.name}${c.line ? ` (${t('line {0}', c.line)})` : ''}`;
        }), report.error !== undefined);
        if (purpose === 'sigmoid' && report.derivations.length === 0) {
          result.message = t('No elementwise layer such as Sigmoid ran in {0}, so there is no derivative to compare.', target.label);
        }
        if (result.message) {
          // A failing check is something to fix: a warning, not a note.
          void (purpose === 'check' && failed.length > 0 ? vscode.window.showWarningMessage(result.message) : vscode.window.showInformationMessage(result.message));
        }
        return result;
      }
      case 'rejected':
        handle.dispose();
        panel.progress('failed', outcome.message);
        diagnostics.clear(target);
        void vscode.window.showWarningMessage(t('Backprop Lens cannot inspect {0}: {1}', target.label, outcome.message));
        return { status: 'rejected', message: outcome.message };
      case 'stopped':
        panel.progress(outcome.reason === 'cancelled' ? 'cancelled' : 'failed');
        if (outcome.reason === 'timeout') {
          void vscode.window.showWarningMessage(t('{0} did not finish within its time limit of {1} s (setting backpropLens.timeLimitSeconds).',
            target.label, vscode.workspace.getConfiguration('backpropLens').get<number>('timeLimitSeconds', 10)));
        }
        return { status: 'stopped', message: outcome.reason };
      case 'crashed':
        panel.progress('failed', outcome.message);
        return { status: 'crashed', message: outcome.message };
      default:
        // 'finished' and 'lesson' are not produced for lens runs.
        handle.dispose();
        return { status: 'ran' };
    }
  }

  const inspectCommand = (purpose: Purpose) => async (arg?: unknown): Promise<CommandResult> => {
    const target = await resolveTarget(arg);
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a Python file or a notebook code cell with layer code to inspect it with Backprop Lens.'));
      return { status: 'no-target' };
    }
    return inspect(purpose, target);
  };

  async function runFile(arg?: unknown): Promise<CommandResult> {
    const target = await resolveTarget(arg, { wholeFile: true });
    if (!target) {
      void vscode.window.showInformationMessage(t('Open a Python file or a Jupyter notebook to run it with Backprop Lens.'));
      return { status: 'no-target' };
    }
    // "Run File" runs every cell of a notebook, not the cell the cursor is in.
    const whole: InspectTarget = { ...target, lines: undefined, cell: undefined, label: path.basename(target.filename) };
    channel.show(true);
    const { outcome } = await runs.run(whole, false);
    if (outcome.kind === 'finished') {
      diagnostics.showError(whole, outcome.result.error);
      const error = outcome.result.error;
      return { status: 'ran', error: error ? `${error.type}: ${error.message}` : undefined };
    }
    return { status: outcome.kind === 'stopped' ? 'stopped' : 'crashed', message: outcome.kind === 'stopped' ? outcome.reason : outcome.kind };
  }

  async function exportCommand(): Promise<void> {
    const panel = lastActive ?? [...panels.values()].find((p) => p.visible);
    if (!panel?.result) {
      void vscode.window.showInformationMessage(t('Inspect some layer code first: there is no Backprop Lens panel to export.'));
      return;
    }
    const base = path.basename(panel.documentUri.path).replace(/\.[^.]*$/, '');
    const choice = await vscode.window.showQuickPick([
      { label: t('Whole panel as an HTML page'), format: 'html' as const },
      { label: t('Graph as SVG'), format: 'svg' as const },
      { label: t('Graph as PNG'), format: 'png' as const },
    ], { placeHolder: t('Export the Backprop Lens panel of {0}', path.basename(panel.documentUri.path)) });
    if (!choice) return;
    if (choice.format === 'html') await exportPage(context.extensionUri, panel, `${base}-backprop-lens.html`);
    else panel.requestExport(choice.format);
  }

  async function openInPanel(arg?: { uri?: string; node?: string; tab?: PanelTab }): Promise<void> {
    const uri = arg?.uri ? vscode.Uri.parse(arg.uri) : undefined;
    const nbUri = uri?.scheme === 'vscode-notebook-cell'
      ? vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document.uri.toString() === uri.toString()))?.uri
      : undefined;
    const panel = panels.get((nbUri ?? uri)?.toString() ?? '');
    if (!panel) {
      await inspectCommand('inspect')(uri ? { uri } : undefined);
      return;
    }
    panel.reveal();
    if (arg?.node) panel.focus(arg.node, arg.tab);
  }

  const codeLens = new LayerCodeLensProvider();
  registerHovers(context, {
    language,
    enginePath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'hover-engine.js').fsPath,
    report(uri) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const notebook = doc && notebookOfCell(doc);
      const last = lastReports.get((notebook?.uri ?? uri).toString());
      if (!last) return undefined;
      if (!notebook) return { report: last.report, file: last.target.filename };
      const cell = notebook.getCells().find((c) => c.document.uri.toString() === uri.toString());
      return cell ? { report: last.report, file: `${last.target.filename}#cell${cell.index + 1}` } : undefined;
    },
  });
  context.subscriptions.push(
    channel,
    runs,
    diagnostics,
    codeLens,
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
    vscode.commands.registerCommand('backpropLens.inspect', inspectCommand('inspect')),
    vscode.commands.registerCommand('backpropLens.checkBackward', inspectCommand('check')),
    vscode.commands.registerCommand('backpropLens.compareSigmoid', inspectCommand('sigmoid')),
    vscode.commands.registerCommand('backpropLens.runFile', runFile),
    vscode.commands.registerCommand('backpropLens.exportPanel', exportCommand),
    vscode.commands.registerCommand('backpropLens.openInPanel', openInPanel),
    vscode.commands.registerCommand('backpropLens.cancel', () => runs.cancelActive()),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, codeLens),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state: unknown) {
        const saved = (state ?? {}) as RestorableState;
        const target = await targetFor(saved);
        if (!target) {
          // The document is gone: nothing to show, and an empty panel would only confuse.
          webviewPanel.dispose();
          return;
        }
        adopt(new LensPanel(webviewPanel, target.documentUri, host));
        void inspect('inspect', target);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('backpropLens.language') && language() === 'ko') void loadOverrideBundle(context.extensionUri);
    }),
  );
  if (language() === 'ko') void loadOverrideBundle(context.extensionUri);
  // Load the engine in a worker once the window has settled, so the first inspection starts at once.
  const warm = setTimeout(() => runs.prewarm(), 1500);
  context.subscriptions.push({ dispose: () => clearTimeout(warm) });

  const activationMs = performance.now() - started;
  return {
    activationMs,
    lessons,
    panels: () => [...panels.values()].map((p) => ({
      documentUri: p.documentUri.toString(),
      visible: p.visible,
      reportFile: p.result?.report.source.file,
      lastPainted: p.lastPainted,
    })),
    nextPaint: (documentUri, timeoutMs = 10_000) => new Promise((resolve) => {
      const panel = panels.get(documentUri);
      if (!panel) return resolve(false);
      const timer = setTimeout(() => {
        sub.dispose();
        resolve(false);
      }, timeoutMs);
      const sub = panel.onDidPaint(() => {
        clearTimeout(timer);
        sub.dispose();
        resolve(true);
      });
    }),
  };
}

export function deactivate(): void {
  // Subscriptions (runs, panels and their workers) are disposed by VS Code.
}

function checkSummary(total: number, failing: string[], raised: boolean): string {
  if (total === 0) {
    return raised
      ? t('The program raised before any backward could be checked: see the Console tab.')
      : t('No layer with forward and backward was called, so there is nothing to check.');
  }
  if (failing.length === 0) return t('All {0} gradient checks pass: your backward matches the automatic and numerical gradients.', total);
  return t('{0} of {1} gradient checks fail: {2}', failing.length, total, failing.join(', '));
}

async function exportPage(extensionUri: vscode.Uri, panel: LensPanel, suggestedName: string): Promise<void> {
  if (!panel.result) return;
  // The same page `backprop-lens inspect --html` writes (webview/page.ts), with the panel's bundle inlined.
  const lang = language();
  const assets = loadPanelAssets(vscode.Uri.joinPath(extensionUri, 'dist', 'webview').fsPath);
  const html = standalonePanelHtml(panel.result.report, assets, {
    lang,
    l10n: await webviewStrings(extensionUri, lang),
    documentUri: panel.documentUri.toString(),
    notes: panel.result.notes,
    sources: panel.result.sources,
  });
  await saveExport(panel.documentUri, suggestedName, new TextEncoder().encode(html));
}
