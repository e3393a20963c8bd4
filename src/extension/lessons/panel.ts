// The lesson page on the host side: one WebviewPanel at a time (viewType backpropLens.lesson), its
// page under the same strict CSP as the Backprop Lens panel (webview/page.ts), and the typed
// messages of src/lessonProtocol.ts, validated on receipt.
import * as vscode from 'vscode';
import { isLessonToHost, type HostToLesson, type LessonToHost } from '../../lessonProtocol';
import { setPage } from '../panel';

export const LESSON_VIEW_TYPE = 'backpropLens.lesson';

/** What the lesson page keeps in its webview state, to come back after a reload. */
export interface LessonPageState {
  id?: string;
}

export class LessonPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private queue: HostToLesson[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly painted = new vscode.EventEmitter<string>();
  /** Fires with the lesson id when the page has drawn a lesson. */
  readonly onDidPaint = this.painted.event;
  /** The lesson shown, or being prepared. */
  lessonId: string | undefined;

  constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly onMessage: (msg: LessonToHost) => void) {
    const webview = panel.webview;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'lessons-activity.svg');
    setPage(panel, extensionUri, 'lesson');
    this.disposables.push(
      webview.onDidReceiveMessage((msg: unknown) => {
        if (!isLessonToHost(msg)) return;
        if (msg.type === 'ready') {
          this.ready = true;
          for (const m of this.queue.splice(0)) void webview.postMessage(m);
        }
        if (msg.type === 'painted') this.painted.fire(msg.id);
        this.onMessage(msg);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  post(message: HostToLesson): void {
    if (!this.ready) {
      // Only the latest lesson matters; statuses queued before it belong to the old one.
      if (message.type === 'lesson') this.queue = [];
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.disposed.fire();
    this.disposed.dispose();
    this.painted.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
