// `backprop-lens run FILE`: what `python3 FILE` does, on the embedded engine.
// `backprop-lens inspect FILE`: the same run under the lens, summarised (text, JSON, and with
// `--html` the panel as a page of its own: webview/page.ts's standalonePanelHtml).
// Kept apart from src/cli.ts so tests can drive it with a stand-in engine and captured streams.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { standalonePanelHtml, type PanelAssets } from '../../webview/page';
import type { Budget, HostFS, RunOptions, RunResult } from '../engine/api';
import type { ProgramRequest } from '../engine/lens/program';
import type { LensReport } from '../engine/lens/report';
import { parseLineRange } from '../engine/lens/selection';
import { outcomeOf, renderReportText } from '../engine/lens/text';
import type { SourceListing } from '../protocol';
import { OutputBuffer, type StreamName } from './outputBuffer';

/** What `inspect` gets back from the engine: a report, or why the request cannot run (a bad selection or cell). */
export type InspectOutcome =
  | { kind: 'report'; report: LensReport; sources?: SourceListing[]; notes?: string[] }
  | { kind: 'input-error'; message: string };

export interface Engine {
  runSource(source: string, opts: RunOptions): RunResult;
  runNotebook(json: string, opts: RunOptions): RunResult;
  /** The lens (src/engine/lens/program.ts); only `inspect` needs it. */
  inspect?(req: ProgramRequest, opts: Omit<RunOptions, 'filename'>): InspectOutcome;
}

export interface CommandLineHost {
  engine: Engine;
  fs: HostFS;
  cwd: string;
  /** The file's text; throws a Node error (with `code`) when it cannot be read. */
  readFile(path: string): string;
  /** Writes a file (`inspect --html`); throws a Node error when it cannot. */
  writeFile?(path: string, text: string): void;
  /**
   * The panel's built files for `inspect --html` (src/host/panelAssets.ts's loadPanelAssets of
   * the dist/webview folder beside the CLI); throws, with a message that says why, when they are missing.
   */
  panelAssets?(): PanelAssets;
  /** Raw writes; batching happens here, before them. */
  write(stream: StreamName, text: string): void;
  /** Send each line as it ends (a terminal is watching), rather than in blocks (a pipe or file). */
  lineBuffered?: boolean;
}

/** Exit statuses besides the program's own 0 and 1. */
export const EXIT_USAGE = 2;
/** `inspect`: the program ran, and a gradient check failed. */
export const EXIT_CHECKS_FAILED = 3;
/** A bug in Backprop Lens itself (an engine error that is not a Python exception), after sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

/** No `--time-limit`: run as long as the program runs, as python3 would (the largest delay timers accept). */
export const NO_TIME_LIMIT_MS = 2 ** 31 - 1;

export const USAGE = `Usage: backprop-lens run [--time-limit SECONDS] FILE
       backprop-lens inspect FILE [--lines A-B] [--cell N] [--json] [--html OUT.html] [--time-limit SECONDS]
       backprop-lens --help | --version

run      runs FILE, a Python script or a Jupyter notebook (.ipynb, all code cells in order),
         on Backprop Lens's embedded Python and NumPy subset, the way \`python3 FILE\` would:
         the program's output goes to stdout, the traceback of an uncaught exception to stderr.
inspect  runs FILE the same way under the lens and prints what its layers did: the layer
         graph with the value and gradient on each edge, a check of every backward's
         gradients, hazards, derivations, and the error if there is one. Code that defines
         layer classes but calls none runs on inputs the lens makes up (and shows).
Modules FILE imports are read from FILE's folder.

Options:
  --time-limit SECONDS   stop the program after SECONDS seconds (default: no limit)
  --lines A-B            inspect: only lines A to B, with the file's imports, functions and classes
  --cell N               inspect: cell N of a notebook (all cells count), after the cells before it
  --json                 inspect: print the report as JSON (report version 1) instead of a summary
  --html OUT.html        inspect: also write the Backprop Lens panel for the report as one
                         self-contained HTML page (open it in a browser; no network needed)
  -h, --help             show this help and exit
  --version              show the version and exit

Exit status: 0 when the program ends normally (inspect: and no gradient check failed),
1 after an uncaught exception, 2 for a usage error, a file that cannot be read or
written, or a selection or cell that cannot run, 3 when inspect finds a failing
gradient check, 70 for an internal error.
`;

interface RunCommand {
  file: string;
  timeMs: number;
}

export interface InspectCommand {
  file: string;
  timeMs: number;
  lines?: [number, number];
  cell?: number;
  json: boolean;
  html?: string;
}

type Parsed =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; run: RunCommand }
  | { kind: 'inspect'; inspect: InspectCommand }
  | { kind: 'error'; message: string };

/** `--name VALUE` or `--name=VALUE` at rest[i]: the value and the index of the last argument used. */
function optionValue(rest: readonly string[], i: number): { value: string | undefined; next: number } {
  const arg = rest[i];
  const eq = arg.indexOf('=');
  return eq >= 0 ? { value: arg.slice(eq + 1), next: i } : { value: rest[i + 1], next: i + 1 };
}

function parseTimeLimit(value: string | undefined): number | string {
  const seconds = value === undefined || value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return `--time-limit needs a positive number of seconds, not '${value ?? ''}'`;
  return Math.min(Math.round(seconds * 1000), NO_TIME_LIMIT_MS);
}

export function parseArgs(args: readonly string[]): Parsed {
  if (args.length === 0) return { kind: 'help' };
  const [command, ...rest] = args;
  if (command === '-h' || command === '--help' || command === 'help') return { kind: 'help' };
  if (command === '--version' || command === '-V') return { kind: 'version' };
  if (command === 'inspect') return parseInspect(rest);
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
      const { value, next } = optionValue(rest, i);
      i = next;
      const t = parseTimeLimit(value);
      if (typeof t === 'string') return { kind: 'error', message: t };
      timeMs = t;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'error', message: `unknown option '${arg}'` };
    } else {
      file = arg;
    }
  }
  if (file === undefined) return { kind: 'error', message: 'run needs a FILE' };
  return { kind: 'run', run: { file, timeMs } };
}

/** `inspect FILE [options]`: options may come before or after FILE. */
function parseInspect(rest: readonly string[]): Parsed {
  const cmd: Partial<InspectCommand> & { json: boolean; timeMs: number } = { json: false, timeMs: NO_TIME_LIMIT_MS };
  const error = (message: string): Parsed => ({ kind: 'error', message });
  const name = (arg: string) => (arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const option = name(arg);
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (option === '--time-limit' || option === '--lines' || option === '--cell' || option === '--html') {
      const { value, next } = optionValue(rest, i);
      i = next;
      if (option === '--time-limit') {
        const t = parseTimeLimit(value);
        if (typeof t === 'string') return error(t);
        cmd.timeMs = t;
      } else if (option === '--lines') {
        const range = value === undefined ? null : parseLineRange(value);
        if (!range) return error(`--lines needs A-B, line numbers with 1 <= A <= B (or one line A), not '${value ?? ''}'`);
        cmd.lines = range;
      } else if (option === '--cell') {
        if (value === undefined || !/^\s*\d+\s*$/.test(value) || Number(value) < 1) return error(`--cell needs a cell number N >= 1, not '${value ?? ''}'`);
        cmd.cell = Number(value);
      } else {
        if (value === undefined || value === '' || value.startsWith('-')) return error(`--html needs an output file name, such as report.html, not '${value ?? ''}'`);
        cmd.html = value;
      }
    } else if (arg === '--json') {
      cmd.json = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return error(`unknown option '${arg}'`);
    } else if (cmd.file !== undefined) {
      return error(`unexpected argument '${arg}': inspect takes one FILE`);
    } else {
      cmd.file = arg;
    }
  }
  if (cmd.file === undefined) return error('inspect needs a FILE');
  return { kind: 'inspect', inspect: cmd as InspectCommand };
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
    case 'inspect':
      return inspect(parsed.inspect, host);
  }
}

/** Worded as python3 words it: "python3: can't open file '/x/y.py': [Errno 2] No such file or directory". */
function fileErrorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOENT' ? '[Errno 2] No such file or directory'
    : err.code === 'EISDIR' ? '[Errno 21] Is a directory'
      : err.code === 'EACCES' ? '[Errno 13] Permission denied'
        : err.message;
}

/** The file's text, or undefined after reporting why it cannot be read. */
function readSource(filename: string, host: CommandLineHost): string | undefined {
  try {
    return host.readFile(filename);
  } catch (e) {
    host.write('stderr', `backprop-lens: can't open file '${filename}': ${fileErrorReason(e)}\n`);
    return undefined;
  }
}

function run({ file, timeMs }: RunCommand, host: CommandLineHost): number {
  const filename = path.resolve(host.cwd, file);
  const source = readSource(filename, host);
  if (source === undefined) return EXIT_USAGE;

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

/** The exit status of `inspect` for a report: 1 when the program raised, 3 when a gradient check failed, else 0. */
export function inspectExitCode(report: LensReport): number {
  const outcome = outcomeOf(report);
  return outcome === 'raised' ? 1 : outcome === 'checks-failed' ? EXIT_CHECKS_FAILED : 0;
}

/** JSON.stringify's replacer: the report holds plain data, but a bigint must never make the CLI crash. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

function inspect(cmd: InspectCommand, host: CommandLineHost): number {
  const filename = path.resolve(host.cwd, cmd.file);
  const text = readSource(filename, host);
  if (text === undefined) return EXIT_USAGE;
  const internal = (e: unknown) => {
    const err = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    host.write('stderr', `backprop-lens: internal error: ${err}\n`);
    return EXIT_INTERNAL;
  };
  if (!host.engine.inspect) return internal(new Error('this engine has no lens (inspect)'));

  // The page is the panel itself: without its built files there is nothing to write, so say so before running anything.
  let assets: PanelAssets | undefined;
  if (cmd.html !== undefined) {
    try {
      if (!host.panelAssets) throw new Error('this build of backprop-lens has no panel');
      assets = host.panelAssets();
    } catch (e) {
      host.write('stderr', `backprop-lens: --html cannot write a page: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
  }

  let outcome: InspectOutcome;
  try {
    outcome = host.engine.inspect(
      { text, filename, lines: cmd.lines, cell: cmd.cell },
      { fs: host.fs, budget: { timeMs: cmd.timeMs } },
    );
  } catch (e) {
    return internal(e);
  }
  if (outcome.kind === 'input-error') {
    host.write('stderr', `backprop-lens: ${outcome.message}\n`);
    return EXIT_USAGE;
  }

  const { report, sources, notes } = outcome;
  const displayPath = (file: string) => {
    const rel = path.relative(host.cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  };
  let html: string | undefined;
  try {
    if (assets !== undefined) {
      const where = [displayPath(report.source.file)];
      if (report.source.cell !== undefined) where.push(`cell ${report.source.cell}`);
      if (report.source.lines) where.push(`lines ${report.source.lines[0]}–${report.source.lines[1]}`);
      html = standalonePanelHtml(report, assets, {
        title: `Backprop Lens: ${where.join(', ')}`,
        documentUri: pathToFileURL(filename).href,
        notes,
        sources,
      });
    }
    host.write('stdout', cmd.json ? `${JSON.stringify(report, jsonSafe, 2)}\n` : renderReportText(report, { displayPath, notes }));
  } catch (e) {
    return internal(e);
  }
  if (html !== undefined) {
    const out = path.resolve(host.cwd, cmd.html as string);
    try {
      if (!host.writeFile) throw new Error('this host cannot write files');
      host.writeFile(out, html);
    } catch (e) {
      host.write('stderr', `backprop-lens: can't write '${out}': ${fileErrorReason(e)}\n`);
      return EXIT_USAGE;
    }
    host.write('stderr', `backprop-lens: wrote ${displayPath(out)}\n`);
  }
  return inspectExitCode(report);
}
