// Where the command's time goes, engine side: the same inspectProgram call the extension's worker
// (src/extension/worker.ts) makes, timed. Bundled by bench/editor/run.mjs to out/bench/editor/probe.js;
// the in-host bench (suite.ts) starts it as a fresh worker thread per run, as the extension does
// (each inspect runs on a newly booted worker, so the engine's code is never JIT-warm), and it also
// requires it to call probe() on the host's own thread, warm, for comparison.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { inspectProgram } from '../../src/engine/lens/program';
import { nodeHostFs } from '../../src/host/nodeHostFs';

export interface ProbeRequest {
  text: string;
  filename: string;
  lines?: [number, number];
}

export interface ProbeResult {
  /** Wall time of inspectProgram. */
  inspectMs: number;
  /** The report's own timings: the traced run and the analysis after it. */
  runMs: number;
  analysisMs: number;
  /** The message the worker posts back ({ report, sources, notes }), as JSON, in KB. */
  resultKb: number;
  /** Time to JSON-serialise that message (a stand-in for the structured clone of postMessage). */
  serialiseMs: number;
  error?: string;
}

export function probe(req: ProbeRequest): ProbeResult {
  const t0 = performance.now();
  const outcome = inspectProgram({ text: req.text, filename: req.filename, lines: req.lines }, { fs: nodeHostFs, stdout: () => {}, stderr: () => {} });
  const inspectMs = performance.now() - t0;
  if (outcome.kind !== 'report') return { inspectMs, runMs: 0, analysisMs: 0, resultKb: 0, serialiseMs: 0, error: outcome.message };
  const t1 = performance.now();
  const json = JSON.stringify({ report: outcome.report, sources: outcome.sources, notes: outcome.notes });
  const serialiseMs = performance.now() - t1;
  return {
    inspectMs,
    runMs: outcome.report.timings.runMs,
    analysisMs: outcome.report.timings.analysisMs,
    resultKb: json.length / 1024,
    serialiseMs,
    error: outcome.report.error ? `${outcome.report.error.type}: ${outcome.report.error.message}` : undefined,
  };
}

// As a worker: the time the bundle (the engine, mathjs included) took to load is the boot time; the
// starter passes the absolute time it created the worker.
if (!isMainThread && parentPort) {
  const loadedAt = performance.timeOrigin + performance.now();
  const { createdAt, req } = workerData as { createdAt: number; req: ProbeRequest };
  parentPort.postMessage({ bootMs: loadedAt - createdAt, result: probe(req) });
}
