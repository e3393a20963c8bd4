// Shared by the differential tests and by make-expected.mjs: where the programs are, how to run
// a program under CPython or under the engine, and how to read what a failing run printed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PROGRAMS_DIR = path.join(__dirname, 'programs');
/** The reference: Debian's CPython 3.11 with python3-numpy 1.24 (not whatever `python3` is on PATH). */
export const PYTHON = '/usr/bin/python3';
const RUN_TIMEOUT_MS = 60_000;

export interface RunOutput {
  stdout: Buffer;
  stderr: string;
  /** Exit status, or null when the process did not exit by itself (see `problem`). */
  status: number | null;
  /** Why the process could not run or was stopped: spawn error, signal, timeout. */
  problem?: string;
}

/** What a failing program must report: the line CPython names and the exception's last line. */
export interface ErrorSummary {
  line: number | null;
  last: string;
}

/** What a program should do: its stdout and, when it fails, its error. */
export interface Expectation {
  stdout: Buffer;
  status: number;
  error?: ErrorSummary;
}

/** Programs are the .py files directly in programs/; sub-folders hold the modules they import. */
export function listPrograms(): string[] {
  return fs.readdirSync(PROGRAMS_DIR, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.py'))
    .map((e) => e.name)
    .sort();
}

/** The environment CPython runs in: no user PYTHON* settings, no __pycache__ left in the tree. */
export function pythonEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PYTHON')) env[k] = v;
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONIOENCODING = 'utf-8';
  return env;
}

let pythonChecked: string | null | undefined;
/** CPython's and NumPy's versions ("3.11.2 1.24.2"), or null when the reference is not installed. */
export function pythonVersions(): string | null {
  if (pythonChecked === undefined) {
    const r = spawnSync(PYTHON, ['-c', 'import sys, numpy; print("%d.%d.%d" % sys.version_info[:3], numpy.__version__)'], {
      encoding: 'utf8', env: pythonEnv(), timeout: 30_000,
    });
    pythonChecked = r.status === 0 ? r.stdout.trim() : null;
  }
  return pythonChecked;
}

/** Splits a command line such as `node dist/cli.js run` or `"/opt/my engine/run"`; relative paths resolve from the current folder. */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3]);
  return words.map((w) => (w.startsWith('.') || w.includes('/') ? path.resolve(w) : w));
}

export interface EngineCommand {
  /** The command to which the program's file name is appended, or null when there is none. */
  argv: string[] | null;
  label: string;
  /** Why there is no command. */
  missing?: string;
}

/** The engine under test: $BACKPROP_LENS_ENGINE when set, else `node dist/cli.js run`. */
export function engineCommand(): EngineCommand {
  const custom = process.env.BACKPROP_LENS_ENGINE?.trim();
  if (custom) return { argv: splitCommand(custom), label: custom };
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    return { argv: null, label: 'node dist/cli.js run', missing: `${path.relative(ROOT, cli)} is missing: run npm run build first (or set BACKPROP_LENS_ENGINE)` };
  }
  return { argv: [process.execPath, cli, 'run'], label: 'node dist/cli.js run' };
}

/** Runs `argv... FILE` in FILE's folder with FILE given by its bare name, as `cd ch05 && python3 x.py` does. */
export function runProgram(argv: string[], file: string, env: NodeJS.ProcessEnv = process.env): Promise<RunOutput> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let problem: string | undefined;
    const child = spawn(argv[0], [...argv.slice(1), path.basename(file)], {
      cwd: path.dirname(file), env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      problem = `timed out after ${RUN_TIMEOUT_MS / 1000} s`;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => { problem = `could not start ${argv[0]}: ${e.message}`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal && !problem) problem = `killed by ${signal}`;
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), status: code, problem });
    });
  });
}

export function runPython(file: string): Promise<RunOutput> {
  return runProgram([PYTHON], file, pythonEnv());
}

/** A limit on how many programs run at once; `limit(job)` starts the job when a place is free. */
export function pool(size: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= size) await new Promise<void>((go) => waiting.push(go));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const FRAME = /^\s*File "(.*)", line (\d+)/;
const SYNTAX = /^(SyntaxError|IndentationError|TabError)\b/;

/**
 * Reads a traceback the way the .err files record it: the last non-empty line of stderr, and the
 * line of the innermost frame of the final traceback that lies in the program itself; for
 * SyntaxError and its kin, the line CPython reports, wherever that is.
 */
export function errorSummary(stderr: string, file: string): ErrorSummary {
  const lines = stderr.split('\n').map((l) => l.replace(/\r$/, ''));
  const last = lines.filter((l) => l.trim() !== '').pop() ?? '';
  const start = Math.max(0, lines.lastIndexOf('Traceback (most recent call last):'));
  const frames = lines.slice(start).map((l) => FRAME.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  let frame: RegExpExecArray | undefined;
  if (SYNTAX.test(last.trim())) frame = frames.at(-1);
  else frame = frames.filter((m) => path.resolve(path.dirname(file), m[1]) === path.resolve(file)).at(-1);
  return { line: frame ? Number(frame[2]) : null, last };
}

export function formatErr(e: ErrorSummary): string {
  return `line ${e.line ?? '?'}\n${e.last}\n`;
}

/** The expectation a run establishes, for a reference run. */
export function expectationOf(run: RunOutput, file: string): Expectation {
  return {
    stdout: run.stdout,
    status: run.status ?? -1,
    error: run.status === 0 ? undefined : errorSummary(run.stderr, file),
  };
}

/** The committed X.out / X.err beside X.py, or null when X.out is missing. */
export function committedExpectation(file: string): Expectation | null {
  const outFile = file.replace(/\.py$/, '.out');
  const errFile = file.replace(/\.py$/, '.err');
  if (!fs.existsSync(outFile)) return null;
  const stdout = fs.readFileSync(outFile);
  if (!fs.existsSync(errFile)) return { stdout, status: 0 };
  const [lineText = '', last = ''] = fs.readFileSync(errFile, 'utf8').split('\n');
  const m = /^line (\d+)$/.exec(lineText.trim());
  return { stdout, status: 1, error: { line: m ? Number(m[1]) : null, last } };
}

/** Where two texts first differ, as check-cases reports it. */
export function firstDifference(want: string, got: string): string {
  const w = want.split('\n');
  const g = got.split('\n');
  for (let i = 0; i < Math.max(w.length, g.length); i++) {
    if (w[i] !== g[i]) return `line ${i + 1}:\n    want ${JSON.stringify(w[i])}\n    got  ${JSON.stringify(g[i])}`;
  }
  return 'same lines, different bytes';
}

/** The first and the last line of stderr: an internal error's message, or a traceback's exception. */
function stderrGist(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return '';
  const gist = lines.length > 1 ? `${lines[0]} … ${lines[lines.length - 1]}` : lines[0];
  return `; stderr: ${gist.length > 300 ? `${gist.slice(0, 300)}…` : gist}`;
}

/**
 * Everything in which `got` falls short of `want`: stdout byte for byte, the exit status, and for a
 * failing program the exception's last line and the line number the traceback names.
 */
export function compareRun(want: Expectation, got: RunOutput, file: string): string[] {
  const problems: string[] = [];
  if (got.problem) problems.push(got.problem);
  if (!want.stdout.equals(got.stdout)) {
    problems.push(`stdout differs at ${firstDifference(want.stdout.toString('utf8'), got.stdout.toString('utf8'))}`);
  }
  if (got.status !== want.status) problems.push(`exit status ${got.status}, want ${want.status}${stderrGist(got.stderr)}`);
  if (want.error) {
    const gotError = errorSummary(got.stderr, file);
    if (gotError.last !== want.error.last) {
      problems.push(`last stderr line:\n    want ${JSON.stringify(want.error.last)}\n    got  ${JSON.stringify(gotError.last)}`);
    }
    if (want.error.line !== null && !new RegExp(`\\bline ${want.error.line}\\b`).test(got.stderr)) {
      problems.push(`stderr does not name line ${want.error.line}${gotError.line !== null ? ` (its traceback ends at line ${gotError.line})` : ''}`);
    }
  }
  return problems;
}
