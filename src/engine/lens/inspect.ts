// Inspecting a program: run it with the tracer installed, then turn what was recorded into a report.

import type { PyErrorInfo, RunOptions } from '../api';
import { createSession, type Session } from '../run';
import { setAllocationGuard } from '../numpy/core';
import { buildReportParts } from './build';
import { REPORT_VERSION, type LensReport } from './report';
import { Summarizer } from './summary';
import { Tracer, type TracedCall } from './tracer';
import { analyzeChecks } from './checks';
import { deriveElementwise } from './derivation';

/** What a traced run leaves behind, for analysis and for fetching full array data later. */
export interface LensSession {
  session: Session;
  tracer: Tracer;
  calls: TracedCall[];
  summarizer: Summarizer;
}

/** A piece of code run in the session's `__main__`. */
export interface CodeUnit {
  source: string;
  /** The name it runs under in tracebacks and spans (a notebook cell: `lesson.ipynb#cell3`). */
  filename: string;
  /** Show the value of a last expression statement, as a notebook cell does. */
  displayLastValue?: boolean;
}

export interface InspectOptions extends RunOptions {
  /** The selected lines (1-based, inclusive), reported in `source.lines`. */
  lines?: [number, number];
  cell?: number;
  /** The name `source` runs under when it is not `filename` (a notebook cell). */
  sourceFilename?: string;
  displayLastValue?: boolean;
  /** Code run first, untraced, in the same `__main__` (a notebook's earlier cells); the first unit that raises ends the run. */
  before?: CodeUnit[];
  /**
   * More code to run traced after `source`: asked once `source` ran without raising, then after each
   * unit it returned (`ok` says whether that one raised), until it returns nothing. The report's
   * error is the first raised. Used for a notebook's later cells and the lens's synthesized driver.
   */
  next?: (ctx: { session: Session; tracer: Tracer; ok: boolean }) => CodeUnit | undefined;
}

/** Runs `source` traced and returns the report's run-time parts (checks, hazards and derivations come from analysis). */
export function traceSource(source: string, opts: InspectOptions): { report: LensReport; lens: LensSession } {
  const t0 = Date.now();
  let stdout = '';
  let stderr = '';
  const session = createSession({
    ...opts,
    stdout: (t) => { stdout += t; opts.stdout?.(t); },
    stderr: (t) => { stderr += t; opts.stderr?.(t); },
  });
  const tracer = new Tracer(session.interp);
  let error: PyErrorInfo | undefined;
  const run = (unit: CodeUnit): boolean => {
    const ok = session.exec(unit.source, unit.filename, { displayLastValue: unit.displayLastValue });
    if (!ok) error ??= session.result().error;
    return ok;
  };
  try {
    if ((opts.before ?? []).every(run)) {
      session.interp.tracer = tracer;
      let ok = run({ source, filename: opts.sourceFilename ?? opts.filename, displayLastValue: opts.displayLastValue });
      if (ok && opts.next) {
        for (let unit = opts.next({ session, tracer, ok }); unit; unit = opts.next({ session, tracer, ok })) ok = run(unit);
      }
    }
  } finally {
    session.interp.tracer = null;
    setAllocationGuard(null);
  }
  const runMs = Date.now() - t0;
  const calls = tracer.finish();
  const summarizer = new Summarizer(session.interp);
  const parts = buildReportParts(session.interp, session.main, tracer, calls, summarizer);
  const report: LensReport = {
    version: REPORT_VERSION,
    source: { file: opts.filename, lines: opts.lines, cell: opts.cell },
    output: { stdout, stderr },
    error,
    ...parts,
    checks: [],
    hazards: [],
    derivations: [],
    timings: { runMs, analysisMs: 0, totalMs: Date.now() - t0 },
  };
  return { report, lens: { session, tracer, calls, summarizer } };
}

/** Runs `source` traced and analyses it: the full report (checks, hazards, derivations included). */
export function inspectSource(source: string, opts: InspectOptions): { report: LensReport; lens: LensSession } {
  const t0 = Date.now();
  const { report, lens } = traceSource(source, opts);
  const a0 = Date.now();
  analyzeChecks(lens, report);
  deriveElementwise(lens, report);
  report.timings.analysisMs = Date.now() - a0;
  report.timings.totalMs = Date.now() - t0;
  return { report, lens };
}
