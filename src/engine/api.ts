// The engine's public face: run a Python program, get its output and its error.
// Nothing here imports `vscode`; the CLI, the worker thread and the browser all call this.

/** Synchronous read-only file access, used only to import workspace modules. */
export interface HostFS {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  isDirectory(path: string): boolean;
}

export interface Budget {
  /** Wall-clock limit for the whole run, in milliseconds. */
  timeMs: number;
  /** Largest number of elements one array may have. */
  maxArrayElements: number;
}

export const DEFAULT_BUDGET: Budget = { timeMs: 10_000, maxArrayElements: 50_000_000 };

export interface RunOptions {
  /** Absolute path of the script, as `__file__` and in tracebacks. */
  filename: string;
  fs?: HostFS;
  /** The working directory the program sees (`os.getcwd()`, relative `sys.path` entries); defaults to the script's folder. */
  cwd?: string;
  budget?: Partial<Budget>;
  /** Set element 0 to 1 (from any thread) to cancel the run. */
  cancel?: Int32Array;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export interface PyErrorInfo {
  /** The exception's class name as Python prints it: `NameError`, `numpy.AxisError`. */
  type: string;
  message: string;
  /** Innermost frame in the learner's code, 1-based. */
  file: string;
  line: number;
  /** The full traceback text, as CPython prints it to stderr. */
  traceback: string;
}

export interface RunResult {
  exitCode: 0 | 1;
  error?: PyErrorInfo;
}
