// Worker-thread entry (dist/worker.js): runs one program on the engine, off the extension host's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { runNotebook, runSource, type RunOptions } from '../engine';
import { nodeHostFs } from '../host/nodeHostFs';
import { OutputBuffer } from '../host/outputBuffer';
import type { WorkerInput, WorkerMessage } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('worker.js must be started as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);

const { request, cancel } = workerData as WorkerInput;
// Lines show up as they are printed; a flood of prints travels in batches, not one message each.
const out = new OutputBuffer((stream, text) => post({ type: 'output', stream, text }), {
  maxChars: 16 * 1024,
  lineBuffered: true,
});

const opts: RunOptions = {
  filename: request.filename,
  // TODO(editor issue): read modules through vscode.workspace.fs, relayed by the host, for virtual workspaces.
  fs: nodeHostFs,
  budget: request.budget,
  cancel: new Int32Array(cancel),
  stdout: (text) => out.write('stdout', text),
  stderr: (text) => out.write('stderr', text),
};

try {
  const result = request.kind === 'ipynb' ? runNotebook(request.source, opts) : runSource(request.source, opts);
  out.flush();
  post({ type: 'done', result });
} catch (e) {
  out.flush();
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'crash', message: err.message, stack: err.stack });
}
