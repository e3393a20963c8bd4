// A run's errors as diagnostics at the learner's lines: the traceback's exception, failed gradient
// checks (at the backward line that produced the gradient) and hazards. A new run of the same
// document replaces them, so fixing the code and re-running clears them.
import * as vscode from 'vscode';
import type { PyErrorInfo } from '../engine/api';
import type { LensReport } from '../engine/lens/report';
import { t } from './i18n';
import type { InspectTarget } from './target';

const SOURCE = 'Backprop Lens';

interface Frame {
  file: string;
  line: number;
}

/** `File "x", line N` frames of a Python traceback, outermost first. */
export function tracebackFrames(traceback: string): Frame[] {
  const frames: Frame[] = [];
  for (const m of traceback.matchAll(/File "([^"]+)", line (\d+)/g)) frames.push({ file: m[1], line: Number(m[2]) });
  return frames;
}

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('backpropLens');
  /** What each document's last run put where, so its next run clears exactly that. */
  private readonly owned = new Map<string, vscode.Uri[]>();

  /** Forgets the diagnostics of `target`'s previous run. */
  clear(target: InspectTarget): void {
    const key = target.documentUri.toString();
    for (const uri of this.owned.get(key) ?? []) this.collection.delete(uri);
    this.owned.delete(key);
  }

  /** Shows a plain run's exception. */
  showError(target: InspectTarget, error: PyErrorInfo | undefined): void {
    this.clear(target);
    if (error && error.type !== 'Cancelled') this.set(target, this.errorDiagnostics(target, error));
  }

  /** Shows a lens run's exception, failed checks and hazards. */
  showReport(target: InspectTarget, report: LensReport): void {
    this.clear(target);
    const found: [vscode.Uri, vscode.Diagnostic][] = [];
    if (report.error && report.error.type !== 'Cancelled') found.push(...this.errorDiagnostics(target, report.error));
    const layers = new Map(report.layers.map((l) => [l.id, l]));
    for (const check of report.checks) {
      if (check.passed || check.line === undefined) continue;
      const layer = layers.get(check.layer);
      const uri = this.uriOf(target, layer?.backwardSpan?.file ?? target.filename);
      if (!uri) continue;
      const what = `${layer?.className ?? '?'}.backward: d${check.target.name}`;
      const why = check.explanation?.text ?? t('does not match the automatic and numerical gradients');
      const d = new vscode.Diagnostic(this.lineRange(uri, check.line), t('Gradient check failed for {0}: {1}', what, why), vscode.DiagnosticSeverity.Error);
      d.source = SOURCE;
      d.code = check.explanation?.code ?? 'gradient-check';
      found.push([uri, d]);
    }
    for (const hazard of report.hazards) {
      if (!hazard.span) continue;
      const uri = this.uriOf(target, hazard.span.file);
      if (!uri) continue;
      const range = new vscode.Range(hazard.span.line - 1, hazard.span.col, hazard.span.endLine - 1, hazard.span.endCol);
      const d = new vscode.Diagnostic(range, hazard.message, vscode.DiagnosticSeverity.Warning);
      d.source = SOURCE;
      d.code = hazard.kind;
      found.push([uri, d]);
    }
    this.set(target, found);
  }

  private set(target: InspectTarget, found: [vscode.Uri, vscode.Diagnostic][]): void {
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const [uri, d] of found) {
      const entry = byUri.get(uri.toString()) ?? { uri, list: [] };
      entry.list.push(d);
      byUri.set(uri.toString(), entry);
    }
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
    this.owned.set(target.documentUri.toString(), [...byUri.values()].map((e) => e.uri));
  }

  /** The exception at the deepest frame in the learner's documents, and at its own frame when that is a workspace module. */
  private errorDiagnostics(target: InspectTarget, error: PyErrorInfo): [vscode.Uri, vscode.Diagnostic][] {
    const frames = tracebackFrames(error.traceback);
    if (!frames.some((f) => f.file === error.file && f.line === error.line)) frames.push({ file: error.file, line: error.line });
    const message = error.message ? `${error.type}: ${error.message}` : error.type;
    const out: [vscode.Uri, vscode.Diagnostic][] = [];
    const mine = [...frames].reverse().find((f) => target.files.has(f.file));
    const innermost = frames[frames.length - 1];
    for (const frame of new Set([mine, innermost])) {
      if (!frame) continue;
      const uri = this.uriOf(target, frame.file);
      if (!uri) continue;
      const d = new vscode.Diagnostic(this.lineRange(uri, frame.line), message, vscode.DiagnosticSeverity.Error);
      d.source = SOURCE;
      d.code = error.type;
      out.push([uri, d]);
    }
    return out;
  }

  private uriOf(target: InspectTarget, file: string): vscode.Uri | undefined {
    const known = target.files.get(file);
    if (known) return known;
    if (file.startsWith('<') || file.includes('#')) return undefined;
    return target.home.scheme === 'file' ? vscode.Uri.file(file) : target.home.with({ path: file });
  }

  /** The line's text without its indentation, or the whole line when the document is not open. */
  private lineRange(uri: vscode.Uri, line: number): vscode.Range {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const i = Math.max(0, line - 1);
    if (doc && i < doc.lineCount) {
      const text = doc.lineAt(i);
      return new vscode.Range(i, text.firstNonWhitespaceCharacterIndex, i, text.text.length);
    }
    return new vscode.Range(i, 0, i, Number.MAX_SAFE_INTEGER);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
