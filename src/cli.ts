// Entry of dist/cli.js (`backprop-lens`); the work is in host/commandLine.ts.
//
// The engine is a tree-walking interpreter: each Python call takes several JavaScript frames, and
// the main thread's default stack holds only about 550 Python frames, short of CPython's
// recursion limit of 1000. So the command line runs on a worker thread with a large stack, and
// that thread writes straight to file descriptors 1 and 2, synchronously, so output keeps its order.
import * as fs from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runNotebook, runSource } from './engine';
import { runCommandLine } from './host/commandLine';
import { nodeHostFs } from './host/nodeHostFs';

const STACK_MB = 256;

interface CliInput {
  args: string[];
  cwd: string;
  isTTY: boolean;
}

if (isMainThread) {
  const input: CliInput = { args: process.argv.slice(2), cwd: process.cwd(), isTTY: process.stdout.isTTY === true };
  const worker = new Worker(__filename, { workerData: input, resourceLimits: { stackSizeMb: STACK_MB }, stdout: false, stderr: false });
  worker.on('message', (code: number) => {
    process.exitCode = code;
  });
  worker.on('error', (err) => {
    fs.writeSync(2, `backprop-lens: internal error: ${err.stack ?? err.message}\n`);
    process.exitCode = 70;
  });
} else {
  const { args, cwd, isTTY } = workerData as CliInput;
  let pipeClosed = false;
  const writeAll = (fd: number, text: string): void => {
    if (pipeClosed) return;
    let buf = Buffer.from(text, 'utf8');
    while (buf.length) {
      try {
        const n = fs.writeSync(fd, buf);
        buf = buf.subarray(n);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A non-blocking pipe that is full: wait a moment and retry.
        if (code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); continue; }
        // `backprop-lens run x.py | head`: the reader went away, so stop writing quietly, as a filter should.
        if (code === 'EPIPE') { pipeClosed = true; return; }
        throw e;
      }
    }
  };
  const code = runCommandLine(args, {
    engine: { runSource, runNotebook },
    fs: nodeHostFs,
    cwd,
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    lineBuffered: isTTY,
    write: (stream, text) => writeAll(stream === 'stdout' ? 1 : 2, text),
  });
  parentPort?.postMessage(code);
}
