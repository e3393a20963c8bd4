// The typed contract between runner.ts (extension host) and worker.ts (worker thread).
import type { Budget, RunResult } from '../engine/api';
import type { StreamName } from '../host/outputBuffer';

export type SourceKind = 'py' | 'ipynb';

export interface RunRequest {
  /** A script's text, or a notebook's .ipynb JSON text when kind is 'ipynb'. */
  source: string;
  /** Absolute path: `__file__`, tracebacks, and where imported modules are looked up. */
  filename: string;
  kind: SourceKind;
  budget: Budget;
}

/** What the worker receives as `workerData`. */
export interface WorkerInput {
  request: RunRequest;
  /** Four bytes viewed as Int32Array; element 0 set to 1 asks the engine to stop. */
  cancel: SharedArrayBuffer;
}

/** What the worker posts, in this order: any number of 'output', then one 'done' or 'crash'. */
export type WorkerMessage =
  | { type: 'output'; stream: StreamName; text: string }
  | { type: 'done'; result: RunResult }
  | { type: 'crash'; message: string; stack?: string };
