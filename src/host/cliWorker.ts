// Entry of dist/cli-worker.js: the command line on a worker thread with a deep stack (see src/cli.ts).
// Output goes straight to file descriptors 1 and 2, synchronously, so stdout and stderr keep their order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runNotebook, runSource } from '../engine';
import type * as LensProgram from '../engine/lens/program';
import { runCommandLine } from './commandLine';
import { nodeHostFs } from './nodeHostFs';
import { loadPanelAssets } from './panelAssets';

export interface CliInput {
  args: string[];
  cwd: string;
  isTTY: boolean;
}

const { args, cwd, isTTY } = workerData as CliInput;
let pipeClosed = false;

function writeAll(fd: number, text: string): void {
  if (pipeClosed) return;
  let buf = Buffer.from(text, 'utf8');
  while (buf.length) {
    try {
      buf = buf.subarray(fs.writeSync(fd, buf));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: wait a moment and retry.
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      // `backprop-lens run x.py | head`: the reader went away, so stop writing quietly, as a filter should.
      if (code === 'EPIPE') {
        pipeClosed = true;
        return;
      }
      throw e;
    }
  }
}

const code = runCommandLine(args, {
  engine: {
    runSource,
    runNotebook,
    // The lens (with mathjs) loads only for `inspect`, so `run` starts as fast as it did without it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    inspect: (req, opts) => (require('../engine/lens/program') as typeof LensProgram).inspectProgram(req, opts),
  },
  fs: nodeHostFs,
  cwd,
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  writeFile: (file, text) => fs.writeFileSync(file, text, 'utf8'),
  // Bundled, this is dist/cli-worker.js, and the panel's build is dist/webview beside it.
  panelAssets: () => loadPanelAssets(path.join(__dirname, 'webview')),
  lineBuffered: isTTY,
  write: (stream, text) => writeAll(stream === 'stdout' ? 1 : 2, text),
});
parentPort?.postMessage(code);
