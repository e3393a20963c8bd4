// Inspecting a program: run it with the tracer installed, then turn what was recorded into a report.

import type { RunOptions } from '../api';
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

export interface InspectOptions extends RunOptions {
  /** The selected lines (1-based, inclusive), reported in `source.lines`. */
  lines?: [number, number];
  cell?: number;
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
  session.interp.tracer = tracer;
  try {
    session.exec(source, opts.filename);
  } finally {
    session.interp.tracer = null;
    setAllocationGuard(null);
  }
  const runMs = Date.now() - t0;
  const calls = tracer.finish();
  const summarizer = new Summarizer(session.interp);
  const parts = buildReportParts(session.interp, session.main, tracer, calls, summarizer);
  const result = session.result();
  const report: LensReport = {
    version: REPORT_VERSION,
    source: { file: opts.filename, lines: opts.lines, cell: opts.cell },
    output: { stdout, stderr },
    error: result.error,
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
