// Running a program: sets up an interpreter with the built-ins, NumPy and the standard-library
// subset, runs the source under a budget, and reports output and the uncaught exception.

import { DEFAULT_BUDGET, type HostFS, type PyErrorInfo, type RunOptions, type RunResult } from './api';
import { Builtins } from './builtins';
import { BudgetExceeded, Interpreter } from './interpreter';
import { installNumpy } from './numpy/module';
import { setAllocationGuard } from './numpy/core';
import { abspath, dirname, FALLBACK_MODULES, installStdlib, joinPath } from './stdlib';
import type { Stmt } from './ast';
import { PyList, PyModule, PyRaise, type PyException, type PyValue } from './values';

/** A prepared interpreter with `__main__`, ready to run code in it. */
export interface Session {
  interp: Interpreter;
  main: PyModule;
  /** Runs one source text in `__main__`; returns false when it raised (the traceback is written to stderr). */
  exec(source: string, filename: string, options?: { displayLastValue?: boolean }): boolean;
  result(): RunResult;
  /**
   * Runs `fn` with the program's output (prints, warnings) discarded and under a time limit of its
   * own instead of the program's budget; cancellation still applies. The lens replays layer calls so.
   */
  quietly<T>(fn: () => T, timeMs: number): T;
}

export function createSession(opts: RunOptions): Session {
  const budget = { ...DEFAULT_BUDGET, ...opts.budget };
  const started = Date.now();
  const fs: HostFS = opts.fs ?? { readFile: () => undefined, isDirectory: () => false };
  const stdout = opts.stdout ?? (() => undefined);
  const stderr = opts.stderr ?? (() => undefined);
  /** While the lens replays calls: output is dropped and this deadline replaces the budget. */
  let quiet: { deadline: number } | null = null;
  const mainFile = opts.filename;
  const cwd = opts.cwd ?? dirname(mainFile);
  let error: PyErrorInfo | undefined;

  const interp: Interpreter = new Interpreter({
    stdout: (t) => { if (!quiet) stdout(t); },
    stderr: (t) => { if (!quiet) stderr(t); },
    tick() {
      if (opts.cancel && Atomics.load(opts.cancel, 0) !== 0) {
        throw new BudgetExceeded('cancelled', 'the run was cancelled');
      }
      if (quiet) {
        if (Date.now() > quiet.deadline) throw new BudgetExceeded('time', 'the replay ran longer than its time budget');
      } else if (Date.now() - started > budget.timeMs) {
        throw new BudgetExceeded('time', `the program ran longer than its time budget of ${budget.timeMs / 1000} s (an infinite loop?)`);
      }
    },
    findModule(name, fromFile) {
      const rel = name.split('.');
      const sys = interp.modules.get('sys');
      const pathList = sys?.dict.get('path');
      const roots = [dirname(mainFile)];
      if (pathList instanceof PyList) {
        for (const p of pathList.items) if (typeof p === 'string') roots.push(abspath(p, cwd));
      }
      void fromFile;
      for (const root of [...new Set(roots)]) {
        const base = joinPath(root, ...rel);
        const init = fs.readFile(`${base}/__init__.py`);
        if (init !== undefined) return { path: `${base}/__init__.py`, source: init, isPackage: true };
        const file = fs.readFile(`${base}.py`);
        if (file !== undefined) return { path: `${base}.py`, source: file, isPackage: false };
        // A folder without __init__.py is a namespace package, as in CPython.
        if (fs.isDirectory(base) && !interp.nativeModules.has(name)) return { path: `${base}/`, source: '', isPackage: true };
      }
      const fallback = FALLBACK_MODULES[name];
      if (fallback !== undefined) {
        const path = `<backprop-lens>/${rel.join('/')}${fallback === '' ? '/__init__' : ''}.py`;
        return { path, source: fallback, isPackage: fallback === '' };
      }
      return null;
    },
  });
  interp.builtins = new Builtins(interp);
  installStdlib({
    interp,
    mainFile,
    cwd,
    exists: (p, kind) => (kind !== 'file' && fs.isDirectory(p)) || (kind !== 'dir' && fs.readFile(p) !== undefined),
  });
  installNumpy(interp, (text) => { if (!quiet) stderr(text); });
  setAllocationGuard((n) => {
    if (n > budget.maxArrayElements) {
      throw interp.error('MemoryError', `Unable to allocate an array with ${n} elements: Backprop Lens limits arrays to ${budget.maxArrayElements} elements`);
    }
  });

  const main = new PyModule('__main__', mainFile);
  main.dict.set('__file__', mainFile);
  main.dict.set('__builtins__', null);
  main.dict.set('__doc__', null);
  interp.registerModule('__main__', main);

  const fail = (exc: PyException, text: string): void => {
    stderr(text);
    const inMain = [...exc.traceback].reverse().find((f) => f.filename === mainFile || f.filename.startsWith(`${mainFile}#`));
    const where = exc.syntax ?? inMain ?? exc.traceback[exc.traceback.length - 1];
    error = {
      type: exc.cls.printedName,
      message: interp.exceptionLine(exc).slice(exc.cls.printedName.length + 2),
      file: where?.filename ?? mainFile,
      line: where?.line ?? 0,
      traceback: text,
    };
  };

  return {
    interp,
    main,
    exec(source, filename, options) {
      try {
        const tree = interp.parse(source, filename);
        if (options?.displayLastValue && tree.body.length && tree.body[tree.body.length - 1].kind === 'Expr') {
          // Jupyter shows the value of a cell's last expression, like `Out[n]:`.
          const last = tree.body.pop() as Extract<Stmt, { kind: 'Expr' }>;
          interp.execModule(main, tree, filename);
          const shown = interp.frames.length === 0 ? runLast(interp, main, last, filename) : null;
          if (shown !== null) stdout(`${interp.repr(shown)}\n`);
        } else {
          interp.execModule(main, tree, filename);
        }
        return true;
      } catch (e) {
        interp.frames.length = 0;
        if (e instanceof PyRaise) {
          if (e.exc.cls.name === 'SystemExit') {
            const code = e.exc.args[0];
            if (code !== undefined && code !== null && code !== 0n) {
              if (typeof code !== 'bigint') stderr(`${interp.str(code)}\n`);
              error = { type: 'SystemExit', message: interp.str(code), file: filename, line: 0, traceback: '' };
            }
            return false;
          }
          fail(e.exc, interp.formatException(e.exc));
          return false;
        }
        if (e instanceof BudgetExceeded) {
          const where = e.where;
          const text = `Backprop Lens stopped the program${where ? ` at line ${where.line}` : ''}: ${e.message}.\n`;
          stderr(text);
          error = { type: e.reason === 'cancelled' ? 'Cancelled' : 'TimeoutError', message: e.message, file: where?.filename ?? filename, line: where?.line ?? 0, traceback: text };
          return false;
        }
        if (e instanceof RangeError && /call stack/i.test(e.message)) {
          const r = interp.error('RecursionError', 'maximum recursion depth exceeded');
          fail(r.exc, interp.formatException(r.exc));
          return false;
        }
        throw e;
      }
    },
    result() {
      return error ? { exitCode: 1, error } : { exitCode: 0 };
    },
    quietly(fn, timeMs) {
      const outer = quiet;
      quiet = { deadline: Date.now() + timeMs };
      try {
        return fn();
      } finally {
        quiet = outer;
      }
    },
  };
}

/** Evaluates a cell's last expression statement in `__main__` and returns its value (bound to `_`, as IPython does). */
function runLast(interp: Interpreter, main: PyModule, last: Extract<Stmt, { kind: 'Expr' }>, filename: string): PyValue {
  const target = { kind: 'Name' as const, id: '_', line: last.line, col: last.col, endLine: last.line, endCol: last.col };
  const assign: Stmt = { kind: 'Assign', targets: [target], value: last.value, line: last.line, col: last.col, endLine: last.endLine, endCol: last.endCol };
  const fn = { name: '<module>', params: [], body: [assign], locals: new Set<string>(), globals: new Set<string>(), nonlocals: new Set<string>(), isGenerator: false, isClass: false, isModule: true, line: last.line };
  interp.execModule(main, { body: [assign], fn }, filename);
  return main.dict.get('_') ?? null;
}

/** Runs a Python program's source as `python3 FILE` would. */
export function runSource(source: string, opts: RunOptions): RunResult {
  const session = createSession(opts);
  try {
    session.exec(source, opts.filename);
  } finally {
    setAllocationGuard(null);
  }
  return session.result();
}

export interface NotebookCell {
  /** Index among all the notebook's cells. */
  index: number;
  source: string;
}

/** The code cells of a notebook (.ipynb JSON), with IPython magics and shell escapes blanked out. */
export function notebookCodeCells(json: string): NotebookCell[] {
  const nb = JSON.parse(json) as { cells?: { cell_type: string; source: string | string[] }[] };
  const cells: NotebookCell[] = [];
  (nb.cells ?? []).forEach((c, index) => {
    if (c.cell_type !== 'code') return;
    const text = Array.isArray(c.source) ? c.source.join('') : c.source;
    cells.push({ index, source: text.replace(/^[ \t]*[%!].*$/gm, '') });
  });
  return cells;
}

/** Runs a notebook's (.ipynb JSON text) code cells in order, as "Run All" would, stopping at the first error. */
export function runNotebook(json: string, opts: RunOptions): RunResult {
  let cells: NotebookCell[];
  try {
    cells = notebookCodeCells(json);
  } catch (e) {
    const message = `not a valid notebook: ${(e as Error).message}`;
    opts.stderr?.(`${message}\n`);
    return { exitCode: 1, error: { type: 'ValueError', message, file: opts.filename, line: 0, traceback: message } };
  }
  const session = createSession(opts);
  try {
    for (const cell of cells) {
      if (!session.exec(cell.source, `${opts.filename}#cell${cell.index + 1}`, { displayLastValue: true })) break;
    }
  } finally {
    setAllocationGuard(null);
  }
  return session.result();
}
