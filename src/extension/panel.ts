// The Backprop Lens panel on the host side: one WebviewPanel per inspected document, its page under
// a strict CSP (webview/page.ts), the typed messages (src/protocol.ts) validated on receipt, and a
// serializer that brings the panel back after a window reload by inspecting the document again.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isWebviewToHost, type HostToWebview, type PanelTab, type WebviewToHost } from '../protocol';
import { panelHtml } from '../../webview/page';
import { language, t, webviewStrings } from './i18n';
import type { RunHandle } from './runner';
import type { InspectTarget } from './target';
import type { InspectResult } from './workerProtocol';

export const PANEL_VIEW_TYPE = 'backpropLens.panel';

/**
 * Gives a webview one of our pages (dist/webview/<entry>.js and .css: `main`, the panel; `lesson`,
 * the lesson page) under the strict CSP of webview/page.ts, with a fresh nonce and resources only
 * from dist/webview.
 */
export function setPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, entry: 'main' | 'lesson'): void {
  const webview = panel.webview;
  const dist = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = { enableScripts: true, localResourceRoots: [dist] };
  webview.html = panelHtml({
    cspSource: webview.cspSource,
    nonce: crypto.randomBytes(16).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${entry}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${entry}.css`)).toString(),
    lang: language(),
    title: panel.title,
  });
}

/** What the panel keeps in its webview state (besides the view's own), to come back after a reload. */
export interface RestorableState {
  documentUri?: string;
  lines?: [number, number];
  cell?: number;
}

export interface PanelHost {
  extensionUri: vscode.Uri;
  /** Inspects the document again (the panel's Rerun button, or a restored panel). */
  rerun(panel: LensPanel): void;
  /** Writes an exported file the learner chose a place for. */
  exportPage(panel: LensPanel, suggestedName: string): Promise<void>;
}

export class LensPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private queue: HostToWebview[] = [];
  private handle: RunHandle | undefined;
  /** The last report shown, with what was inspected. */
  result: InspectResult | undefined;
  target: InspectTarget | undefined;
  /** For tests and benchmarks: when the panel last drew a report. */
  lastPainted: { at: number; tab?: string } | undefined;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;
  private readonly onPaintEmitter = new vscode.EventEmitter<void>();
  /** Fires when the webview has drawn the latest report. */
  readonly onDidPaint = this.onPaintEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, readonly documentUri: vscode.Uri, private readonly host: PanelHost) {
    const webview = panel.webview;
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'icon.svg');
    setPage(panel, host.extensionUri, 'main');
    this.disposables.push(
      webview.onDidReceiveMessage((msg: unknown) => {
        // Validated on receipt: the webview is another process and its messages are only structured clones.
        if (isWebviewToHost(msg)) void this.onMessage(msg);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  /** Shows a new report; the worker that made it stays alive to answer array requests until the next one. */
  async show(target: InspectTarget, result: InspectResult, handle: RunHandle | undefined, tab?: PanelTab): Promise<void> {
    this.handle?.dispose();
    this.handle = handle;
    this.target = target;
    this.result = result;
    this.panel.title = t('Backprop Lens: {0}', path.basename(target.documentUri.path));
    const l10n = await webviewStrings(this.host.extensionUri, language());
    this.post({
      type: 'report',
      report: result.report,
      documentUri: target.documentUri.toString(),
      l10n,
      notes: result.notes,
      sources: result.sources,
      tab,
    });
  }

  /**
   * Lets the worker of the last report go (its arrays can no longer be fetched), so the next run
   * can use it: a worker that has run before is several times faster than a fresh one.
   */
  releaseRun(): void {
    this.handle?.dispose();
    this.handle = undefined;
  }

  /** Asks the panel for its graph as a picture; it answers with 'export', saved by onMessage. */
  requestExport(format: 'svg' | 'png'): void {
    this.post({ type: 'exportGraph', format });
  }

  progress(state: 'running' | 'done' | 'cancelled' | 'failed', message?: string): void {
    this.post({ type: 'progress', state, message });
  }

  focus(node: string, tab?: PanelTab): void {
    this.post({ type: 'focus', node, tab });
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  private post(message: HostToWebview): void {
    if (!this.ready) {
      // The page posts 'ready' once it listens; a report before that would be lost. Only the latest report matters.
      if (message.type === 'report') this.queue = this.queue.filter((m) => m.type !== 'report');
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(msg: WebviewToHost): Promise<void> {
    switch (msg.type) {
      case 'ready': {
        this.ready = true;
        const queued = this.queue;
        this.queue = [];
        for (const m of queued) void this.panel.webview.postMessage(m);
        break;
      }
      case 'reveal':
        await this.revealSource(msg.file, msg.line, msg.col);
        break;
      case 'requestArray': {
        const data = (await this.handle?.arrayData(msg.ref)) ?? null;
        this.post({ type: 'arrayData', ref: msg.ref, data });
        break;
      }
      case 'export':
        await saveExport(this.documentUri, msg.suggestedName, msg.format === 'png' ? pngBytes(msg.data) : new TextEncoder().encode(msg.data));
        break;
      case 'exportPage':
        await this.host.exportPage(this, msg.suggestedName);
        break;
      case 'rerun':
        this.host.rerun(this);
        break;
      case 'painted':
        this.lastPainted = { at: Date.now(), tab: msg.tab };
        this.onPaintEmitter.fire();
        break;
    }
  }

  /** Opens the learner's document at a line the panel names (a traceback, a check, a call site). */
  private async revealSource(file: string, line: number, col = 0): Promise<void> {
    const uri = this.target?.files.get(file)
      ?? (path.isAbsolute(file) ? (this.documentUri.scheme === 'file' ? vscode.Uri.file(file) : this.documentUri.with({ path: file })) : undefined);
    if (!uri) return;
    const position = new vscode.Position(Math.max(0, line - 1), col);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One;
      await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(position, position) });
    } catch (e) {
      void vscode.window.showWarningMessage(t('Cannot open {0}: {1}', file, (e as Error).message));
    }
  }

  dispose(): void {
    this.handle?.dispose();
    this.handle = undefined;
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.onPaintEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function pngBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Buffer.from(base64, 'base64');
}

/** Offers a save dialog next to the document and writes the file; nothing is written without it. */
export async function saveExport(documentUri: vscode.Uri, suggestedName: string, bytes: Uint8Array): Promise<vscode.Uri | undefined> {
  const folder = documentUri.scheme === 'untitled'
    ? vscode.workspace.workspaceFolders?.[0]?.uri
    : vscode.Uri.joinPath(documentUri, '..');
  const ext = path.extname(suggestedName).slice(1).toLowerCase();
  const filters: Record<string, string[]> = ext ? { [ext.toUpperCase()]: [ext] } : {};
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined,
    filters,
    saveLabel: t('Export'),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(t('Exported {0}', path.basename(target.path)));
  return target;
}
