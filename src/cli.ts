// Entry of dist/cli.js (`backprop-lens`); the work is in host/commandLine.ts.
import * as fs from 'node:fs';
import { runNotebook, runSource } from './engine';
import { runCommandLine } from './host/commandLine';
import { nodeHostFs } from './host/nodeHostFs';

// `backprop-lens run x.py | head`: the reader went away, so stop quietly as a filter should.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Writes to files and pipes are synchronous on Linux, so output is complete and in order at exit;
// setting exitCode instead of calling process.exit() lets anything still queued drain elsewhere.
process.exitCode = runCommandLine(process.argv.slice(2), {
  engine: { runSource, runNotebook },
  fs: nodeHostFs,
  cwd: process.cwd(),
  readFile: (path) => fs.readFileSync(path, 'utf8'),
  lineBuffered: process.stdout.isTTY === true,
  write: (stream, text) => {
    (stream === 'stdout' ? process.stdout : process.stderr).write(text);
  },
});
