// One run at a time, off the extension host's thread: a new run cancels the one still going; a run
// that takes longer than 300 ms shows a progress notification with Cancel; the program's output
// and a log go to the "Backprop Lens" output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_BUDGET } from '../engine/api';
import { t } from './i18n';
import { disposeStandby, prewarm, startRun, type RunHandle, type RunnerFs, type RunOutcome } from './runner';
import type { InspectTarget } from './target';
import type { FsAnswer, LessonRequest, RunRequest } from './workerProtocol';

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

/** What a file was when the engine last read it: gone, or its modification time and size. */
type Stamp = { missing: true } | { missing: false; mtime: number; size: number; directory: boolean };

interface Remembered {
  /** The engine's key for the answer (`read:/abs/path`, `isDirectory:/abs/path`, as worker.ts caches them). */
  key: string;
  uri: vscode.Uri;
  answer: FsAnswer;
  stamp: Stamp;
}

async function stampOf(uri: vscode.Uri): Promise<Stamp> {
  try {
    const st = await vscode.workspace.fs.stat(uri);
    return { missing: false, mtime: st.mtime, size: st.size, directory: (st.type & vscode.FileType.Directory) !== 0 };
  } catch {
    return { missing: true };
  }
}

const sameStamp = (a: Stamp, b: Stamp): boolean =>
  a.missing ? b.missing : !b.missing && a.mtime === b.mtime && a.size === b.size && a.directory === b.directory;

/**
 * The answers the engine got to its module reads, kept between runs. Before a run, every answer is
 * checked against the file as it is now, all at once (a stat each, in parallel), and the ones
 * still true travel with the run: the worker then need not ask, one round trip per module (the
 * seed's `from common.functions import …` asks six). A document open in the editor is always read
 * from the editor.
 */
export class ModuleAnswers {
  private readonly remembered = new Map<string, Remembered>();
  private static readonly LIMIT = 500;

  remember(key: string, uri: vscode.Uri, answer: FsAnswer, stamp: Stamp): void {
    if (this.remembered.size >= ModuleAnswers.LIMIT) this.remembered.clear();
    this.remembered.set(`${uri.toString()} ${key}`, { key, uri, answer, stamp });
  }

  /** The remembered answers for `roots`' files that still hold. */
  async valid(fs: WorkspaceModules): Promise<Record<string, FsAnswer>> {
    const entries = [...this.remembered.values()].filter((e) => fs.owns(e.uri));
    const now = await Promise.all(entries.map((e) => stampOf(e.uri)));
    const out: Record<string, FsAnswer> = {};
    entries.forEach((e, i) => {
      if (!sameStamp(e.stamp, now[i])) {
        this.remembered.delete(`${e.uri.toString()} ${e.key}`);
        return;
      }
      // Unsaved text in the editor wins, as it does for a read (WorkspaceModules.readFile).
      const open = e.key.startsWith('read:') ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === e.uri.toString()) : undefined;
      out[e.key] = open ? { text: open.getText() } : e.answer;
    });
    return out;
  }
}

/**
 * The engine's module reads, through vscode.workspace.fs (so virtual workspaces work), limited to
 * the workspace folders and the inspected document's folder: that is all the engine offers.
 */
export class WorkspaceModules implements RunnerFs {
  private readonly roots: vscode.Uri[];

  constructor(private readonly home: vscode.Uri, private readonly answers?: ModuleAnswers) {
    this.roots = [home, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  }

  owns(uri: vscode.Uri): boolean {
    return this.roots.some((r) => r.scheme === uri.scheme && r.authority === uri.authority
      && (uri.path === r.path || uri.path.startsWith(r.path.endsWith('/') ? r.path : `${r.path}/`)));
  }

  private toUri(p: string): vscode.Uri | undefined {
    const uri = this.home.scheme === 'file' ? vscode.Uri.file(p) : this.home.with({ path: p.replace(/\\/g, '/') });
    return this.owns(uri) ? uri : undefined;
  }

  async readFile(p: string): Promise<string | undefined> {
    const uri = this.toUri(p);
    if (!uri) return undefined;
    // An open document's unsaved text is what the learner sees, so that is what is imported.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    const stamp = await stampOf(uri);
    let text: string | undefined;
    if (!stamp.missing && !stamp.directory) {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    }
    // A folder or a missing file: to an import both mean "no such module".
    this.answers?.remember(`read:${p}`, uri, { text }, stamp);
    return text;
  }

  async isDirectory(p: string): Promise<boolean> {
    const uri = this.toUri(p);
    if (!uri) return false;
    const stamp = await stampOf(uri);
    const isDirectory = !stamp.missing && stamp.directory;
    this.answers?.remember(`isDirectory:${p}`, uri, { isDirectory }, stamp);
    return isDirectory;
  }
}

/** The module reads of a run of `target` (lessons use it without remembering answers). */
export function workspaceFs(target: Pick<InspectTarget, 'home'>): WorkspaceModules {
  return new WorkspaceModules(target.home);
}

export class Runs implements vscode.Disposable {
  private active: { handle: RunHandle; finished: Promise<unknown> } | undefined;
  private readonly answers = new ModuleAnswers();

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

  /** Runs `target` plainly (inspect: false) or under the lens; resolves when it has ended. */
  async run(target: InspectTarget, inspect: boolean): Promise<Run> {
    const modules = new WorkspaceModules(target.home, this.answers);
    const request: RunRequest = {
      source: target.text,
      filename: target.filename,
      kind: target.kind,
      budget: { ...DEFAULT_BUDGET, timeMs: budgetMs() },
      inspect: inspect ? { lines: target.lines, cell: target.cell } : undefined,
      known: await this.answers.valid(modules),
    };
    const run = await this.execute(request, {
      logLine: inspect ? t('[Inspecting] {0}', target.label) : t('[Running] {0}', target.label),
      progressTitle: inspect ? t('Backprop Lens: inspecting {0}', target.label) : t('Backprop Lens: running {0}', path.basename(target.filename)),
      fs: modules,
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
