// The typed contract between runner.ts (extension host) and worker.ts (worker thread).
import type { Budget, RunResult } from '../engine/api';
import type { ShownSource } from '../engine/lens/program';
import type { LensReport } from '../engine/lens/report';
import type { LessonCheckResult, Localized } from '../engine/teach/lessons';
import type { StreamName } from '../host/outputBuffer';

export type SourceKind = 'py' | 'ipynb';

export interface RunRequest {
  /** A script's text, or a notebook's .ipynb JSON text when kind is 'ipynb'. */
  source: string;
  /** Absolute path: `__file__`, tracebacks, and where imported modules are looked up. */
  filename: string;
  kind: SourceKind;
  budget: Budget;
  /**
   * Answers to module reads that the host knows still hold (runs.ts's ModuleAnswers), by the
   * worker's cache keys (`read:/abs/path`, `isDirectory:/abs/path`): the worker does not ask for these.
   */
  known?: Record<string, FsAnswer>;
  /** Run under the lens (src/engine/lens/program.ts) instead of plainly; absent for "Run File". */
  inspect?: {
    /** Lines of the file, or of the cell with `cell` (1-based, inclusive). */
    lines?: [number, number];
    /** The notebook cell, 1-based, counting every cell. */
    cell?: number;
  };
  /**
   * A guided lesson (src/engine/teach/lessons.ts): 'demo' runs its demo for the figure and the
   * Markdown's numbers; 'check' runs `source` (the learner's code) under the lesson's checks.
   * `files` are media/lessons/ by path relative to it: the host reads them, since the worker
   * does not read the extension's folder itself.
   */
  lesson?: LessonRequest;
}

export interface LessonRequest {
  files: Record<string, string>;
  id: string;
  lang: 'en' | 'ko';
  mode: 'demo' | 'check';
}

/** A hint, with the line of the learner's code it is about when that code was given and the anchor found. */
export interface LessonHintText {
  text: string;
  line?: number;
}

/** What a lesson run gives back. */
export type LessonResult =
  | {
    mode: 'demo';
    /** The Markdown of both languages, with the demo's values in place of its placeholders. */
    markdown: Localized;
    /** The demo's lens report: its graph is the lesson's figure. */
    report?: LensReport;
    /** Placeholders the demo could not evaluate and the demo's own error, for the log. */
    errors: string[];
  }
  | { mode: 'check'; check: LessonCheckResult; hints: LessonHintText[] };

/**
 * What a worker is started with (`workerData`). Workers are started ahead of need (runner.ts keeps
 * one on standby, with the engine loaded) and wait, blocked on element 0 of `startSignal`, for
 * their WorkerInput, which the host posts as a StartMessage and then signals.
 */
export interface WorkerBoot {
  startSignal: SharedArrayBuffer;
}

export interface StartMessage {
  type: 'start';
  input: WorkerInput;
}

/** What a run needs: the request, and the channels back to the host. */
export interface WorkerInput {
  request: RunRequest;
  /** Four bytes viewed as Int32Array; element 0 set to 1 asks the engine to stop. */
  cancel: SharedArrayBuffer;
  /**
   * Reading the learner's modules: the worker posts an 'fs' message and waits on element 0 of
   * this Int32Array until the host has put the answer on `fsPort` (see worker.ts).
   */
  fsSignal: SharedArrayBuffer;
  fsPort: import('node:worker_threads').MessagePort;
}

/** A lens run's result: the report and what the learner pointed at. */
export interface InspectResult {
  report: LensReport;
  sources: ShownSource[];
  notes: string[];
}

/** What the worker posts, in this order: any number of 'output' and 'fs', then one 'done', 'inspected', 'lesson', 'rejected' or 'crash'; after 'inspected', 'array' answers. */
export type WorkerMessage =
  /** The worker has its run and the engine is starting it (a cancel before this terminates the worker at once). */
  | { type: 'started' }
  | { type: 'output'; stream: StreamName; text: string }
  | { type: 'fs'; op: 'read' | 'isDirectory'; path: string }
  | { type: 'done'; result: RunResult }
  /** The lens run finished; the worker stays alive to answer array queries until terminated. */
  | { type: 'inspected'; result: InspectResult }
  /** A lesson run finished. */
  | { type: 'lesson'; result: LessonResult }
  /** The selection or cell cannot run (src/engine/lens/selection.ts says why). */
  | { type: 'rejected'; message: string }
  | { type: 'array'; id: number; data: number[] | null }
  | { type: 'crash'; message: string; stack?: string };

/** The host's answer to an 'fs' message, on WorkerInput.fsPort. */
export interface FsAnswer {
  text?: string;
  isDirectory?: boolean;
}

/** What the host posts to a worker that has inspected: a request for a summarised array's full data. */
export interface ArrayQuery {
  type: 'array';
  id: number;
  ref: string;
}

/**
 * What the host posts to a worker after its first run (which it gets through WorkerBoot's signal):
 * the next run, an array query, or 'release' (forget the traced session: the worker is idle and
 * may be given another run).
 */
export type HostToWorker = StartMessage | ArrayQuery | { type: 'release' };
