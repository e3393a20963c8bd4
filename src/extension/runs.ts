// One run at a time, off the extension host's thread: a new run cancels the one still going; a run
// that takes longer than 300 ms shows a progress notification with Cancel; the program's output
// and a log go to the "Backprop Lens" output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_BUDGET } from '../engine/api';
import { t } from './i18n';
import { disposeStandby, prewarm, startRun, type RunHandle, type RunnerFs, type RunOutcome } from './runner';
import type { InspectTarget } from './target';
import type { LessonRequest, RunRequest } from './workerProtocol';

/** Quick runs finish without a notification flashing up. */
export const PROGRESS_DELAY_MS = 300;

/** A program's run: what `run` resolves to (lesson outcomes come only from `runLesson`). */
export interface Run {
  handle: RunHandle;
  outcome: Exclude<RunOutcome, { kind: 'lesson' }>;
  seconds: number;
}

/** A lesson's run: what `runLesson` resolves to. */
export interface LessonRun {
  handle: RunHandle;
  outcome: RunOutcome;
  seconds: number;
}

/**
 * The engine's module reads, through vscode.workspace.fs (so virtual workspaces work), limited to
 * the workspace folders and the inspected document's folder: that is all the engine offers.
 */
export function workspaceFs(target: Pick<InspectTarget, 'home'>): RunnerFs {
  const roots = [target.home, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  const toUri = (p: string): vscode.Uri | undefined => {
    const uri = target.home.scheme === 'file' ? vscode.Uri.file(p) : target.home.with({ path: p.replace(/\\/g, '/') });
    const inside = roots.some((r) => r.scheme === uri.scheme && r.authority === uri.authority
      && (uri.path === r.path || uri.path.startsWith(r.path.endsWith('/') ? r.path : `${r.path}/`)));
    return inside ? uri : undefined;
  };
  return {
    async readFile(p) {
      const uri = toUri(p);
      if (!uri) return undefined;
      // An open document's unsaved text is what the learner sees, so that is what is imported.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open.getText();
      try {
        // One round trip: reading a folder or a missing file throws, and to an import both mean "no such module".
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    },
    async isDirectory(p) {
      const uri = toUri(p);
      if (!uri) return false;
      try {
        return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
      } catch {
        return false;
      }
    },
  };
}

export class Runs implements vscode.Disposable {
  private active: { handle: RunHandle; finished: Promise<unknown> } | undefined;

  constructor(private readonly workerPath: string, readonly channel: vscode.OutputChannel) {}

  /** Cancels the run in progress, if any, and waits until it has ended. */
  async cancelActive(): Promise<void> {
    while (this.active) {
      const active = this.active;
      active.handle.cancel();
      await active.finished;
      if (this.active === active) this.active = undefined;
    }
  }

  get running(): boolean {
    return this.active !== undefined;
  }

  /** Runs `target` plainly (inspect: false) or under the lens; resolves when it has ended. */
  async run(target: InspectTarget, inspect: boolean): Promise<Run> {
    const request: RunRequest = {
      source: target.text,
      filename: target.filename,
      kind: target.kind,
      budget: { ...DEFAULT_BUDGET, timeMs: budgetMs() },
      inspect: inspect ? { lines: target.lines, cell: target.cell } : undefined,
    };
    const run = await this.execute(request, {
      logLine: inspect ? t('[Inspecting] {0}', target.label) : t('[Running] {0}', target.label),
      progressTitle: inspect ? t('Backprop Lens: inspecting {0}', target.label) : t('Backprop Lens: running {0}', path.basename(target.filename)),
      fs: workspaceFs(target),
    });
    const { outcome } = run;
    // Only lesson requests end in a 'lesson' outcome.
    if (outcome.kind === 'lesson') return { ...run, outcome: { kind: 'crashed', message: 'unexpected lesson result' } };
    return { ...run, outcome };
  }

  /**
   * Runs a guided lesson's demo, or checks `source` (the learner's code, shown as `filename`)
   * against the lesson, in the worker, one run at a time like `run`. `fs` reads what the code imports.
   */
  async runLesson(lesson: LessonRequest, code: { source: string; filename: string; label: string; fs?: RunnerFs }): Promise<LessonRun> {
    const request: RunRequest = {
      source: code.source,
      filename: code.filename,
      kind: 'py',
      budget: { ...DEFAULT_BUDGET, timeMs: budgetMs() },
      lesson,
    };
    const checking = lesson.mode === 'check';
    return this.execute(request, {
      logLine: checking ? t('[Checking] {0}', code.label) : t('[Lesson] {0}', code.label),
      progressTitle: checking ? t('Backprop Lens: checking {0}', code.label) : t('Backprop Lens: preparing lesson {0}', code.label),
      fs: code.fs,
    });
  }

  /** The one place a run starts: replaces the run in progress, shows progress after a moment, logs the end. */
  private async execute(request: RunRequest, how: { logLine: string; progressTitle: string; fs?: RunnerFs }): Promise<LessonRun> {
    // One run at a time: a new run replaces the one still going.
    await this.cancelActive();

    const channel = this.channel;
    channel.appendLine(how.logLine);
    let endsWithNewline = true;
    const started = Date.now();
    const handle = startRun(request, {
      workerPath: this.workerPath,
      fs: how.fs,
      onOutput: (_stream, text) => {
        channel.append(text);
        endsWithNewline = text.endsWith('\n');
      },
    });

    const progressTimer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: how.progressTitle, cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => handle.cancel());
          return handle.outcome;
        },
      );
    }, PROGRESS_DELAY_MS);

    const finished = handle.outcome.then((outcome) => {
      clearTimeout(progressTimer);
      if (!endsWithNewline) channel.appendLine('');
      const seconds = (Date.now() - started) / 1000;
      this.log(outcome, request, seconds, handle.cancelRequested);
      // The next run should not wait for the engine to load. After a lens run the panel keeps the
      // worker (for its arrays) and gives it back before its next run, so no other is started then:
      // booting one (~0.5 s of CPU) would only compete with that run, and then be dropped for the warm one.
      if (outcome.kind !== 'inspected') this.prewarm();
      return outcome;
    });
    const active = { handle, finished };
    this.active = active;
    void vscode.commands.executeCommand('setContext', 'backpropLens.running', true);
    const outcome = await finished;
    if (this.active === active) {
      this.active = undefined;
      void vscode.commands.executeCommand('setContext', 'backpropLens.running', false);
    }
    return { handle, outcome, seconds: (Date.now() - started) / 1000 };
  }

  private log(outcome: RunOutcome, request: RunRequest, seconds: number, cancelled: boolean): void {
    const channel = this.channel;
    const elapsed = seconds.toFixed(2);
    switch (outcome.kind) {
      case 'finished':
        channel.appendLine(cancelled
          ? t('[Stopped] cancelled after {0} s', elapsed)
          : t('[Done] exited with code {0} in {1} s', outcome.result.exitCode, elapsed));
        break;
      case 'inspected': {
        const { report } = outcome.result;
        const failed = report.checks.filter((c) => !c.passed).length;
        if (report.error?.type === 'Cancelled') {
          channel.appendLine(t('[Stopped] cancelled after {0} s', elapsed));
        } else {
          channel.appendLine(t('[Inspected] {0} layer calls, {1} gradient checks ({2} failed) in {3} s',
            report.calls.length, report.checks.length, failed, elapsed));
        }
        break;
      }
      case 'lesson': {
        const { result } = outcome;
        if (result.mode === 'check') {
          const failed = result.check.items.filter((i) => !i.ok).length;
          channel.appendLine(result.check.passed
            ? t('[Checked] all {0} checks pass in {1} s', result.check.items.length, elapsed)
            : t('[Checked] {0} of {1} checks fail in {2} s', failed, result.check.items.length, elapsed));
        } else {
          for (const e of result.errors) channel.appendLine(t('[Lesson] {0}', e));
          channel.appendLine(t('[Done] in {0} s', elapsed));
        }
        break;
      }
      case 'rejected':
        channel.appendLine(t('[Not run] {0}', outcome.message));
        break;
      case 'stopped':
        channel.appendLine(outcome.reason === 'cancelled'
          ? t('[Stopped] cancelled after {0} s', elapsed)
          : t('[Stopped] the program did not stop within its time limit of {0} s', request.budget.timeMs / 1000));
        break;
      case 'crashed': {
        channel.appendLine(t('[Internal error] {0}', outcome.stack ?? outcome.message));
        const show = t('Show Output');
        void vscode.window.showErrorMessage(
          t('Backprop Lens could not run {0}: {1}', path.basename(request.filename), outcome.message), show,
        ).then((choice) => {
          if (choice === show) channel.show();
        });
        break;
      }
    }
  }

  /** Has a worker load the engine now, so the next run starts at once. */
  prewarm(): void {
    prewarm(this.workerPath);
  }

  dispose(): void {
    this.active?.handle.dispose();
    disposeStandby();
  }
}

function budgetMs(): number {
  const seconds = vscode.workspace.getConfiguration('backpropLens').get<number>('timeLimitSeconds', DEFAULT_BUDGET.timeMs / 1000);
  return Math.max(1, Math.min(600, Number.isFinite(seconds) ? seconds : 10)) * 1000;
}
