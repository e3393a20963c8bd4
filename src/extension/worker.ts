// Worker-thread entry (dist/worker.js): runs programs on the engine, off the extension host's thread.
// "Run File" runs a program plainly; the editor's inspect commands run it under the lens and then
// keep the traced session, so the panel can fetch a large array's full data, until the host lets
// the worker go. A worker that ended a run cleanly waits for the next one: its engine code is then
// already optimised by V8, which makes a run several times faster than in a fresh worker. Each run
// has a session of its own (src/engine/run.ts), as every test of the engine does many in a process.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { runNotebook, runSource, type HostFS, type RunOptions } from '../engine';
import type { LensSession } from '../engine/lens/inspect';
import { inspectProgram } from '../engine/lens/program';
import { checkLesson, lessonHints, lessonMarkdown, loadLessons, runLessonDemo } from '../engine/teach/lessons';
import { OutputBuffer } from '../host/outputBuffer';
import type { FsAnswer, HostToWorker, LessonRequest, LessonResult, StartMessage, WorkerBoot, WorkerInput, WorkerMessage } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('worker.js must be started as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);

/** The first run: the host signals it (the worker was started ahead of need and waits blocked). */
function awaitStart(): WorkerInput {
  const signal = new Int32Array((workerData as WorkerBoot).startSignal);
  for (;;) {
    Atomics.wait(signal, 0, 0);
    const message = receiveMessageOnPort(port as unknown as MessagePort)?.message as StartMessage | undefined;
    if (message?.type === 'start') return message.input;
    Atomics.store(signal, 0, 0);
  }
}

/** How long an import waits for the host to read a module before taking it as missing. */
const FS_WAIT_MS = 10_000;

/** The traced session of the last lens run, for array queries, until the host sends 'release'. */
let kept: LensSession | undefined;

function runOne(input: WorkerInput): void {
  const { request, cancel, fsSignal, fsPort } = input;
  kept = undefined;
  post({ type: 'started' });
  // Lines show up as they are printed; a flood of prints travels in batches, not one message each.
  const out = new OutputBuffer((stream, text) => post({ type: 'output', stream, text }), {
    maxChars: 16 * 1024,
    lineBuffered: true,
  });

  /**
   * The engine reads modules synchronously; the host reads them through vscode.workspace.fs, which is
   * asynchronous (and works for virtual workspaces). So the worker asks, then blocks on a shared flag
   * until the host has put the answer on the port, and takes it with receiveMessageOnPort.
   */
  function askHost(op: 'read' | 'isDirectory', path: string): FsAnswer {
    const signal = new Int32Array(fsSignal);
    Atomics.store(signal, 0, 0);
    post({ type: 'fs', op, path });
    const deadline = Date.now() + FS_WAIT_MS;
    for (;;) {
      const message = receiveMessageOnPort(fsPort);
      if (message) return message.message as FsAnswer;
      const left = deadline - Date.now();
      if (left <= 0) return {};
      Atomics.wait(signal, 0, 0, Math.min(left, 50));
    }
  }

  const cache = new Map<string, FsAnswer>(Object.entries(request.known ?? {}));
  function cached(op: 'read' | 'isDirectory', path: string): FsAnswer {
    const key = `${op}:${path}`;
    let answer = cache.get(key);
    if (!answer) cache.set(key, (answer = askHost(op, path)));
    return answer;
  }

  const hostFs: HostFS = {
    readFile: (path) => cached('read', path).text,
    isDirectory: (path) => cached('isDirectory', path).isDirectory ?? false,
  };

  const opts: RunOptions = {
    filename: request.filename,
    fs: hostFs,
    budget: request.budget,
    cancel: new Int32Array(cancel),
    stdout: (text) => out.write('stdout', text),
    stderr: (text) => out.write('stderr', text),
  };

  /** A lesson's demo or a check of the learner's code; the lessons come from the files the host sent. */
  function runLesson(lesson: LessonRequest): LessonResult {
    const found = loadLessons((rel) => lesson.files[rel]).find((l) => l.id === lesson.id);
    if (!found) throw new Error(`no lesson ${lesson.id} in media/lessons/index.json`);
    const runOpts = { budget: request.budget, cancel: opts.cancel };
    if (lesson.mode === 'demo') {
      const demo = runLessonDemo(found, runOpts);
      return {
        mode: 'demo',
        markdown: { en: lessonMarkdown(found, 'en', demo.values), ko: lessonMarkdown(found, 'ko', demo.values) },
        report: demo.report,
        errors: demo.errors,
      };
    }
    const check = checkLesson(found, request.source, lesson.lang, { ...runOpts, filename: request.filename });
    return { mode: 'check', check, hints: lessonHints(found, lesson.lang, request.source).map((h) => (h.line ? { text: h.text, line: h.line } : { text: h.text })) };
  }

  try {
    if (request.lesson) {
      const result = runLesson(request.lesson);
      out.flush();
      post({ type: 'lesson', result });
    } else if (request.inspect) {
      const outcome = inspectProgram(
        { text: request.source, filename: request.filename, lines: request.inspect.lines, cell: request.inspect.cell },
        opts,
      );
      out.flush();
      if (outcome.kind === 'input-error') {
        post({ type: 'rejected', message: outcome.message });
      } else {
        kept = outcome.lens;
        post({ type: 'inspected', result: { report: outcome.report, sources: outcome.sources, notes: outcome.notes } });
      }
    } else {
      const result = request.kind === 'ipynb' ? runNotebook(request.source, opts) : runSource(request.source, opts);
      out.flush();
      post({ type: 'done', result });
    }
  } catch (e) {
    out.flush();
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'crash', message: err.message, stack: err.stack });
  }
}

runOne(awaitStart());

// Later runs, array queries and releases arrive as messages (the worker is idle between them).
port.on('message', (message: HostToWorker) => {
  switch (message?.type) {
    case 'start':
      runOne(message.input);
      break;
    case 'array': {
      const array = kept?.summarizer.arrays.get(message.ref);
      post({ type: 'array', id: message.id, data: array ? Array.from(array.toFlat(), Number) : null });
      break;
    }
    case 'release':
      kept = undefined;
      break;
  }
});
