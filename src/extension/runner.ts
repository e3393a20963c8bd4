// Runs one program in a worker thread (dist/worker.js) so the extension host never blocks,
// and makes sure it ends: cancel asks the engine politely, a hard timer terminates the worker.
// Nothing here imports `vscode`, so it is tested on plain Node.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { RunResult } from '../engine/api';
import { nodeHostFs } from '../host/nodeHostFs';
import type { StreamName } from '../host/outputBuffer';
import type { FsAnswer, HostToWorker, InspectResult, LessonResult, RunRequest, StartMessage, WorkerBoot, WorkerInput, WorkerMessage } from './workerProtocol';

export type RunOutcome =
  /** The engine returned: the program ended, raised, or stopped itself on cancel or budget. */
  | { kind: 'finished'; result: RunResult }
  /** A lens run finished (the program may still have raised: see the report's `error`). */
  | { kind: 'inspected'; result: InspectResult }
  /** A lesson's demo or check finished (RunRequest.lesson). */
  | { kind: 'lesson'; result: LessonResult }
  /** The selection or cell cannot run as asked. */
  | { kind: 'rejected'; message: string }
  /** The worker was terminated because the engine did not stop by itself in time. */
  | { kind: 'stopped'; reason: 'timeout' | 'cancelled' }
  /** The engine threw (a bug of ours), or the worker died (out of memory, missing file). */
  | { kind: 'crashed'; message: string; stack?: string };

export interface RunHandle {
  readonly outcome: Promise<RunOutcome>;
  /** True once cancel() was called. */
  readonly cancelRequested: boolean;
  /** Asks the engine to stop; terminates the worker if it has not stopped graceMs later. */
  cancel(): void;
  /** Terminates the worker at once (deactivation, or a lens run whose panel no longer needs it). */
  dispose(): void;
  /** After an 'inspected' outcome: the full data of a summarised array (ValueSummary.ref); null once disposed. */
  arrayData(ref: string): Promise<number[] | null>;
}

/** How the engine's module reads reach files: vscode.workspace.fs in the editor, node:fs in tests. */
export interface RunnerFs {
  readFile(path: string): Promise<string | undefined>;
  isDirectory(path: string): Promise<boolean>;
}

export interface StartRunOptions {
  workerPath: string;
  onOutput(stream: StreamName, text: string): void;
  /** Defaults to reading from disk. */
  fs?: RunnerFs;
  /** How long past its budget (or past a cancel) the engine may take to stop by itself. */
  graceMs?: number;
}

export const DEFAULT_GRACE_MS = 2000;
// setTimeout fires at once for delays above this.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A worker started ahead of need: loading the engine (~1 s) is paid before the learner asks. */
interface Booted {
  worker: Worker;
  startSignal: Int32Array;
  /** Runs it has done: 0 for a fresh worker (waiting on startSignal), then it listens for messages. */
  runs: number;
}

/** A worker is given back after this many runs, so that whatever a long session leaks goes with it. */
const MAX_RUNS_PER_WORKER = 200;

const standby = new Map<string, Booted>();

function boot(workerPath: string): Booted {
  const startSignal = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerData: WorkerBoot = { startSignal: startSignal.buffer as SharedArrayBuffer };
  // A deep stack, so Python code can recurse to CPython's limit of 1000 frames (see src/cli.ts).
  const worker = new Worker(workerPath, { workerData, resourceLimits: { stackSizeMb: 256 } });
  return { worker, startSignal, runs: 0 };
}

/**
 * Drops the listeners of the run (or of the standby) before the worker changes hands. Only these
 * events: Worker.removeAllListeners() would also remove Node's own newListener hooks, after which a
 * new 'message' listener is never fed again.
 */
function detach(worker: Worker): void {
  for (const event of ['message', 'error', 'exit'] as const) worker.removeAllListeners(event);
}

/** Keeps `booted` as the worker for the next run; a warm one (that has run before) wins over a fresh one. */
function park(workerPath: string, booted: Booted): void {
  const waiting = standby.get(workerPath);
  if (waiting && waiting.runs >= booted.runs) {
    void booted.worker.terminate();
    return;
  }
  if (waiting) void waiting.worker.terminate();
  detach(booted.worker);
  // A waiting worker must not keep a process (the CLI's tests, node --test) alive.
  booted.worker.unref();
  booted.worker.once('error', () => standby.delete(workerPath));
  booted.worker.once('exit', () => {
    if (standby.get(workerPath) === booted) standby.delete(workerPath);
  });
  standby.set(workerPath, booted);
}

/** Starts a worker to be ready for the next run (no-op when one is waiting). */
export function prewarm(workerPath: string): void {
  if (!standby.has(workerPath)) park(workerPath, boot(workerPath));
}

/** Ends the waiting workers (deactivation). */
export function disposeStandby(): void {
  for (const { worker } of standby.values()) void worker.terminate();
  standby.clear();
}

function takeWorker(workerPath: string): Booted {
  const ready = standby.get(workerPath);
  standby.delete(workerPath);
  if (!ready) return boot(workerPath);
  detach(ready.worker);
  ready.worker.ref();
  return ready;
}

const diskFs: RunnerFs = {
  readFile: async (path) => nodeHostFs.readFile(path),
  isDirectory: async (path) => nodeHostFs.isDirectory(path),
};

export function startRun(request: RunRequest, options: StartRunOptions): RunHandle {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const fs = options.fs ?? diskFs;
  const cancelBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const cancelFlag = new Int32Array(cancelBuffer);
  const fsSignal = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const channel = new MessageChannel();
  const input: WorkerInput = { request, cancel: cancelBuffer, fsSignal: fsSignal.buffer as SharedArrayBuffer, fsPort: channel.port2 };
  const booted = takeWorker(options.workerPath);
  const { worker, startSignal } = booted;
  const start: StartMessage = { type: 'start', input };
  worker.postMessage(start, [channel.port2]);
  // A fresh worker waits blocked on the signal; one that has run before listens for the message.
  if (booted.runs++ === 0) {
    Atomics.store(startSignal, 0, 1);
    Atomics.notify(startSignal, 0);
  }
  let started = false;

  let settled = false;
  let alive = true;
  let cancelRequested = false;
  let graceTimer: NodeJS.Timeout | undefined;
  let resolveOutcome!: (outcome: RunOutcome) => void;
  const outcome = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));
  const pendingArrays = new Map<number, (data: number[] | null) => void>();
  let nextQuery = 1;

  /** Whether the engine returned by itself (not cancelled, timed out or crashed): then the worker can run again. */
  let clean = false;

  /** Lets the worker go: back on standby for the next run when it ended cleanly, else terminated. */
  const end = (): void => {
    if (!alive) return;
    alive = false;
    channel.port1.close();
    for (const resolve of pendingArrays.values()) resolve(null);
    pendingArrays.clear();
    if (clean && !cancelRequested && booted.runs < MAX_RUNS_PER_WORKER) {
      worker.postMessage({ type: 'release' } satisfies HostToWorker);
      park(options.workerPath, booted);
    } else {
      void worker.terminate();
    }
  };

  const settle = (result: RunOutcome): void => {
    if (settled) return;
    settled = true;
    clearTimeout(hardTimer);
    clearTimeout(graceTimer);
    clean = result.kind === 'finished' || result.kind === 'inspected' || result.kind === 'lesson' || result.kind === 'rejected';
    // After a timeout, ending the worker is what stops a runaway loop. After 'inspected' it stays,
    // idle, holding the traced arrays for arrayData(), until dispose().
    if (result.kind !== 'inspected') end();
    resolveOutcome(result);
  };

  const hardTimer = setTimeout(() => settle({ kind: 'stopped', reason: 'timeout' }),
    Math.min(request.budget.timeMs + graceMs, MAX_TIMER_MS));

  const answerFs = async (op: 'read' | 'isDirectory', path: string): Promise<void> => {
    let answer: FsAnswer;
    try {
      answer = op === 'read' ? { text: await fs.readFile(path) } : { isDirectory: await fs.isDirectory(path) };
    } catch {
      answer = {};
    }
    if (!alive) return;
    channel.port1.postMessage(answer);
    Atomics.store(fsSignal, 0, 1);
    Atomics.notify(fsSignal, 0);
  };

  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'array') {
      pendingArrays.get(message.id)?.(message.data);
      pendingArrays.delete(message.id);
      return;
    }
    if (settled) return;
    switch (message.type) {
      case 'started':
        started = true;
        break;
      case 'output':
        options.onOutput(message.stream, message.text);
        break;
      case 'fs':
        void answerFs(message.op, message.path);
        break;
      case 'done':
        settle({ kind: 'finished', result: message.result });
        break;
      case 'inspected':
        settle({ kind: 'inspected', result: message.result });
        break;
      case 'lesson':
        settle({ kind: 'lesson', result: message.result });
        break;
      case 'rejected':
        settle({ kind: 'rejected', message: message.message });
        break;
      case 'crash':
        settle({ kind: 'crashed', message: message.message, stack: message.stack });
        break;
    }
  });
  worker.on('error', (err) => {
    settle({ kind: 'crashed', message: err.message, stack: err.stack });
    end();
  });
  worker.on('exit', (code) => {
    settle({ kind: 'crashed', message: `the worker exited with code ${code} before the program finished` });
    clean = false;
    alive = false;
    for (const resolve of pendingArrays.values()) resolve(null);
    pendingArrays.clear();
  });

  return {
    outcome,
    get cancelRequested() {
      return cancelRequested;
    },
    cancel() {
      if (settled || cancelRequested) return;
      cancelRequested = true;
      Atomics.store(cancelFlag, 0, 1);
      // Still loading the engine: nothing has run, so there is nothing to wait for.
      if (!started) {
        settle({ kind: 'stopped', reason: 'cancelled' });
        return;
      }
      graceTimer = setTimeout(() => settle({ kind: 'stopped', reason: 'cancelled' }), graceMs);
    },
    dispose() {
      if (!settled) {
        Atomics.store(cancelFlag, 0, 1);
        settle({ kind: 'stopped', reason: 'cancelled' });
      }
      end();
    },
    arrayData(ref: string): Promise<number[] | null> {
      if (!alive || !settled) return Promise.resolve(null);
      const id = nextQuery++;
      return new Promise((resolve) => {
        pendingArrays.set(id, resolve);
        worker.postMessage({ type: 'array', id, ref });
      });
    },
  };
}
