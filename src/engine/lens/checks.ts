// Gradient checks and hazards (to be written: automatic and numerical gradients, verdicts).
import type { LensReport } from './report';
import type { LensSession } from './inspect';

/** Fills report.checks and report.hazards from the traced calls. */
export function analyzeChecks(lens: LensSession, report: LensReport): void {
  void lens;
  void report;
}
