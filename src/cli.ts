// Entry of dist/cli.js (`backprop-lens`); the work is in host/commandLine.ts.
//
// The engine is a tree-walking interpreter: each Python call takes several JavaScript frames, and
// the main thread's default stack holds only about 550 Python frames, short of CPython's
// recursion limit of 1000. So the command line runs on a worker thread with a large stack, and
// that thread writes straight to file descriptors 1 and 2, synchronously, so output keeps its order.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CliInput } from './host/cliWorker';

const STACK_MB = 256;

// This launcher stays small, so the engine is loaded once, by the worker (dist/cli-worker.js).
const input: CliInput = { args: process.argv.slice(2), cwd: process.cwd(), isTTY: process.stdout.isTTY === true };
const worker = new Worker(join(__dirname, 'cli-worker.js'), { workerData: input, resourceLimits: { stackSizeMb: STACK_MB }, stdout: false, stderr: false });
worker.on('message', (code: number) => {
  process.exitCode = code;
});
worker.on('error', (err) => {
  fs.writeSync(2, `backprop-lens: internal error: ${err.stack ?? err.message}\n`);
  process.exitCode = 70;
});
