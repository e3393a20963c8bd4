// Elementwise layers' derivatives two ways (to be written: stepwise chain, simplified formula, mathjs).
import type { LensReport } from './report';
import type { LensSession } from './inspect';

/** Fills report.derivations. */
export function deriveElementwise(lens: LensSession, report: LensReport): void {
  void lens;
  void report;
}
