// `backprop-lens run FILE`: what `python3 FILE` does, on the embedded engine.
// Kept apart from src/cli.ts so tests can drive it with a stand-in engine and captured streams.
import * as path from 'node:path';
import { version } from '../../package.json';
import type { Budget, HostFS, RunOptions, RunResult } from '../engine/api';
import { OutputBuffer, type StreamName } from './outputBuffer';

export interface Engine {
  runSource(source: string, opts: RunOptions): RunResult;
  runNotebook(json: string, opts: RunOptions): RunResult;
}

export interface CommandLineHost {
  engine: Engine;
  fs: HostFS;
  cwd: string;
  /** The file's text; throws a Node error (with `code`) when it cannot be read. */
  readFile(path: string): string;
  /** Raw writes; batching happens here, before them. */
  write(stream: StreamName, text: string): void;
  /** Send each line as it ends (a terminal is watching), rather than in blocks (a pipe or file). */
  lineBuffered?: boolean;
}

/** Exit statuses besides the program's own 0 and 1. */
export const EXIT_USAGE = 2;
/** A bug in Backprop Lens itself (an engine error that is not a Python exception), after sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

/** No `--time-limit`: run as long as the program runs, as python3 would (the largest delay timers accept). */
export const NO_TIME_LIMIT_MS = 2 ** 31 - 1;

export const USAGE = `Usage: backprop-lens run [--time-limit SECONDS] FILE
       backprop-lens --help | --version

Runs FILE, a Python script or a Jupyter notebook (.ipynb, all code cells in order),
on Backprop Lens's embedded Python and NumPy subset, the way \`python3 FILE\` would:
the program's output goes to stdout, the traceback of an uncaught exception to stderr.
Modules it imports are read from FILE's folder.

Options:
  --time-limit SECONDS   stop the program after SECONDS seconds (default: no limit)
  -h, --help             show this help and exit
  --version              show the version and exit

Exit status: 0 when the program ends normally, 1 after an uncaught exception,
2 for a usage error or a file that cannot be read, 70 for an internal error.
`;

interface RunCommand {
  file: string;
  timeMs: number;
}

type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; run: RunCommand } | { kind: 'error'; message: string };

export function parseArgs(args: readonly string[]): Parsed {
  if (args.length === 0) return { kind: 'help' };
  const [command, ...rest] = args;
  if (command === '-h' || command === '--help' || command === 'help') return { kind: 'help' };
  if (command === '--version' || command === '-V') return { kind: 'version' };
  if (command !== 'run') return { kind: 'error', message: `unknown command '${command}'` };

  let timeMs = NO_TIME_LIMIT_MS;
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (file !== undefined) {
      return { kind: 'error', message: `unexpected argument '${arg}' after FILE (arguments to the program are not supported yet)` };
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--time-limit' || arg.startsWith('--time-limit=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      const seconds = value === undefined || value.trim() === '' ? NaN : Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) {
        return { kind: 'error', message: `--time-limit needs a positive number of seconds, not '${value ?? ''}'` };
      }
      timeMs = Math.min(Math.round(seconds * 1000), NO_TIME_LIMIT_MS);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'error', message: `unknown option '${arg}'` };
    } else {
      file = arg;
    }
  }
  if (file === undefined) return { kind: 'error', message: 'run needs a FILE' };
  return { kind: 'run', run: { file, timeMs } };
}

/** Runs the command line and returns the process's exit status. */
export function runCommandLine(args: readonly string[], host: CommandLineHost): number {
  const parsed = parseArgs(args);
  switch (parsed.kind) {
    case 'help':
      host.write('stdout', USAGE);
      return 0;
    case 'version':
      host.write('stdout', `backprop-lens ${version}\n`);
      return 0;
    case 'error':
      host.write('stderr', `backprop-lens: ${parsed.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    case 'run':
      return run(parsed.run, host);
  }
}

function run({ file, timeMs }: RunCommand, host: CommandLineHost): number {
  const filename = path.resolve(host.cwd, file);
  let source: string;
  try {
    source = host.readFile(filename);
  } catch (e) {
    // Worded as python3 words it: "python3: can't open file '/x/y.py': [Errno 2] No such file or directory".
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? '[Errno 2] No such file or directory'
      : err.code === 'EISDIR' ? '[Errno 21] Is a directory'
        : err.code === 'EACCES' ? '[Errno 13] Permission denied'
          : err.message;
    host.write('stderr', `backprop-lens: can't open file '${filename}': ${reason}\n`);
    return EXIT_USAGE;
  }

  // As Python: line-buffered on a terminal, block-buffered into pipes and files.
  const out = new OutputBuffer((stream, text) => host.write(stream, text), { lineBuffered: host.lineBuffered });
  const budget: Partial<Budget> = { timeMs };
  const opts: RunOptions = {
    filename,
    fs: host.fs,
    budget,
    stdout: (text) => out.write('stdout', text),
    stderr: (text) => out.write('stderr', text),
  };
  try {
    const result = filename.toLowerCase().endsWith('.ipynb')
      ? host.engine.runNotebook(source, opts)
      : host.engine.runSource(source, opts);
    out.flush();
    return result.exitCode;
  } catch (e) {
    out.flush();
    const err = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    host.write('stderr', `backprop-lens: internal error: ${err}\n`);
    return EXIT_INTERNAL;
  }
}
