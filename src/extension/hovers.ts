// Hovers on Python layer code: what a line of forward/backward computes in chain-rule terms, and,
// after a run, the values it produced and the lens's verdict. Thin: the engine's teach/recognise
// and teach/hoverText do the work; this caches the parse per document version and never runs code.

import * as vscode from 'vscode';
import type { LensReport } from '../engine/lens/report';
import type { Analysis } from '../engine/teach/recognise';
import type { HoverLanguage } from '../engine/teach/hoverText';
import type * as HoverEngine from './hoverEngine';

export interface HoverDeps {
  /** The last report of the run that covered this document, and the file name its spans use for it. */
  report(uri: vscode.Uri): { report: LensReport; file: string } | undefined;
  language(): HoverLanguage;
  /** dist/hover-engine.js, required on the first hover. */
  enginePath: string;
}

export function registerHovers(context: vscode.ExtensionContext, deps: HoverDeps): void {
  const parses = new Map<string, { version: number; analysis: Analysis }>();
  let engine: typeof HoverEngine | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (): typeof HoverEngine => (engine ??= require(deps.enginePath) as typeof HoverEngine);
  const analysisOf = (doc: vscode.TextDocument): Analysis => {
    const { analyseSource } = load();
    const key = doc.uri.toString();
    const hit = parses.get(key);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyseSource(doc.getText());
    parses.set(key, { version: doc.version, analysis });
    return analysis;
  };
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((doc) => parses.delete(doc.uri.toString())),
    vscode.languages.registerHoverProvider({ language: 'python' }, {
      provideHover(doc, position) {
        if (!vscode.workspace.getConfiguration('backpropLens').get('hovers.enabled', true)) return undefined;
        const { hoverAt, OPEN_IN_PANEL } = load();
        const last = deps.report(doc.uri);
        const h = hoverAt(analysisOf(doc), { line: position.line, col: position.character }, {
          language: deps.language(), report: last?.report, file: last?.file, uri: doc.uri.toString(),
        });
        if (!h || !h.markdown) return undefined;
        const md = new vscode.MarkdownString(h.markdown);
        md.isTrusted = { enabledCommands: [OPEN_IN_PANEL] };
        const r = h.range;
        return new vscode.Hover(md, new vscode.Range(r.line, r.col, r.endLine, r.endCol));
      },
    }),
  );
}
