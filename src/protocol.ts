// The typed messages between the extension host and the Backprop Lens panel (webview/).
// One discriminated union per direction; both sides compile against it. postMessage carries
// structured clones, so each side checks a message's shape on receipt with the guards below.

import type { LensReport } from './engine/lens/report';

/** The report versions this panel can show; tsc stops here when the report's version changes. */
const PANEL_REPORT_VERSION: LensReport['version'] = 1;

/** The colour theme kind, as VS Code's body classes name it. */
export type ThemeKind = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light';

export const PANEL_TABS = ['graph', 'chain', 'activations', 'checks', 'derivation', 'console', 'steps'] as const;
/** The panel's views, each named for what a learner wants to see. */
export type PanelTab = (typeof PANEL_TABS)[number];

/** What the graph exports as a picture; the whole panel as a page is `exportPage`. */
export type ExportFormat = 'svg' | 'png';

/** Code the report refers to, as the learner wrote it (the same shape as lens/program.ts's ShownSource). */
export interface SourceListing {
  title: string;
  /** The file name spans and errors use for it (`lesson.ipynb#cell3` for a cell). */
  file: string;
  text: string;
  /** Selected lines (1-based, inclusive). */
  highlight?: [number, number];
}

export type ProgressState = 'running' | 'analysing' | 'done' | 'cancelled' | 'failed';

/** Messages from the extension host to the panel. */
export type HostToWebview =
  | {
    type: 'report';
    report: LensReport;
    /** The inspected document, e.g. `file:///home/me/layers.py`. */
    documentUri: string;
    /** UI strings by key (webview/l10n.ts); keys it lacks fall back to English. */
    l10n: Record<string, string>;
    /** Set when the host wants a theme other than the body classes VS Code gives the webview. */
    theme?: ThemeKind;
    /** How the inspected code was chosen (a selection, a cell, synthesized inputs), shown under the title. */
    notes?: string[];
    /** Listings of the inspected code, shown in the Console tab with selected, failing and error lines marked. */
    sources?: SourceListing[];
    /**
     * The panel is a page of its own (webview/page.ts's standalonePanelHtml), not in VS Code:
     * nothing can run again, and line references scroll to the listings instead of an editor.
     */
    standalone?: boolean;
    /** The view to open with this report (Check My Backward opens the checks); the current one otherwise. */
    tab?: PanelTab;
  }
  /** The full elements of a summarised array (ValueSummary.ref), in C order; null when the ref is gone. */
  | { type: 'arrayData'; ref: string; data: number[] | null }
  /** Select a graph node (GraphNode.id), e.g. from a hover's "Show in Backprop Lens"; `tab` defaults to the graph. */
  | { type: 'focus'; node: string; tab?: PanelTab }
  /** A run or an analysis is going on (the panel keeps showing the previous report meanwhile). */
  | { type: 'progress'; state: ProgressState; message?: string }
  /** The Export Panel command wants the graph as a picture: the panel answers with 'export'. */
  | { type: 'exportGraph'; format: ExportFormat };

/** Messages from the panel to the extension host. */
export type WebviewToHost =
  /** The panel has loaded and listens; the host answers with the latest report. */
  | { type: 'ready' }
  /** Show a line of the learner's source (1-based line, optional 0-based column). */
  | { type: 'reveal'; file: string; line: number; col?: number }
  /** Ask for the full data of a summarised array; the host answers with 'arrayData'. */
  | { type: 'requestArray'; ref: string }
  /** An exported picture of the graph: SVG text, or a PNG `data:image/png;base64,...` URL. The host offers to save it. */
  | { type: 'export'; format: ExportFormat; data: string; suggestedName: string }
  /**
   * Export the whole panel as one self-contained HTML page. The webview does not have its own
   * bundle's text, so the host builds the page, the same one `backprop-lens inspect --html` writes:
   *   standalonePanelHtml(report, loadPanelAssets(<extension>/dist/webview), { lang, l10n, documentUri, notes, sources })
   * (webview/page.ts, src/host/panelAssets.ts) from the report (and l10n, notes, sources) it last
   * sent in 'report', then offers a save dialog with `suggestedName` and writes the page there.
   */
  | { type: 'exportPage'; suggestedName: string }
  /** Run the inspected document again. */
  | { type: 'rerun' }
  /** The panel has drawn the report it was sent, showing `tab` (tests and the command → painted benchmark wait for it). */
  | { type: 'painted'; tab: PanelTab };

type Shape = Record<string, unknown>;

function isObject(x: unknown): x is Shape {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isString(x: unknown): x is string {
  return typeof x === 'string';
}

function isLine(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

function isArrayOf(x: unknown, item: (v: unknown) => boolean): boolean {
  return Array.isArray(x) && x.every(item);
}

function isStringRecord(x: unknown): x is Record<string, string> {
  return isObject(x) && Object.values(x).every(isString);
}

function isValueSummary(x: unknown): boolean {
  return isObject(x) && isString(x.kind) && isString(x.text)
    && (x.shape === undefined || isArrayOf(x.shape, (n) => typeof n === 'number'))
    && (x.data === undefined || isArrayOf(x.data, (n) => typeof n === 'number'));
}

function isSourceListing(x: unknown): boolean {
  return isObject(x) && isString(x.title) && isString(x.file) && isString(x.text)
    && (x.highlight === undefined || (isArrayOf(x.highlight, isLine) && (x.highlight as unknown[]).length === 2));
}

function hasIds(x: unknown): boolean {
  return isArrayOf(x, (v) => isObject(v) && isString(v.id));
}

/**
 * The parts of a report the panel relies on. Not a full schema check: enough that a stale or
 * foreign message is turned away instead of breaking the panel halfway through drawing it.
 */
export function isLensReport(x: unknown): x is LensReport {
  if (!isObject(x) || x.version !== PANEL_REPORT_VERSION) return false;
  const { source, output, graph } = x;
  return isObject(source) && isString(source.file)
    && isObject(output) && isString(output.stdout) && isString(output.stderr)
    && hasIds(x.layers) && hasIds(x.calls) && hasIds(x.tapes)
    && isObject(graph) && hasIds(graph.nodes)
    && isArrayOf(graph.edges, (e) => isObject(e) && isString(e.id) && isString(e.from) && isString(e.to) && isValueSummary(e.forward)
      && (e.gradient === undefined || isValueSummary(e.gradient)))
    && Array.isArray(x.checks) && Array.isArray(x.hazards) && Array.isArray(x.derivations);
}

const THEMES: readonly string[] = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];
const PROGRESS: readonly string[] = ['running', 'analysing', 'done', 'cancelled', 'failed'];
const FORMATS: readonly string[] = ['svg', 'png'];
const TABS: readonly string[] = PANEL_TABS;

export function isHostToWebview(x: unknown): x is HostToWebview {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'report':
      return isLensReport(x.report) && isString(x.documentUri) && isStringRecord(x.l10n)
        && (x.theme === undefined || (isString(x.theme) && THEMES.includes(x.theme)))
        && (x.notes === undefined || isArrayOf(x.notes, isString))
        && (x.sources === undefined || isArrayOf(x.sources, isSourceListing))
        && (x.standalone === undefined || typeof x.standalone === 'boolean')
        && (x.tab === undefined || (isString(x.tab) && TABS.includes(x.tab)));
    case 'arrayData':
      return isString(x.ref) && (x.data === null || isArrayOf(x.data, (n) => typeof n === 'number'));
    case 'focus':
      return isString(x.node) && (x.tab === undefined || (isString(x.tab) && TABS.includes(x.tab)));
    case 'progress':
      return isString(x.state) && PROGRESS.includes(x.state) && (x.message === undefined || isString(x.message));
    case 'exportGraph':
      return isString(x.format) && FORMATS.includes(x.format);
    default:
      return false;
  }
}

export function isWebviewToHost(x: unknown): x is WebviewToHost {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'ready':
    case 'rerun':
      return true;
    case 'reveal':
      return isString(x.file) && isLine(x.line)
        && (x.col === undefined || (typeof x.col === 'number' && Number.isInteger(x.col) && x.col >= 0));
    case 'requestArray':
      return isString(x.ref);
    case 'export':
      return isString(x.format) && FORMATS.includes(x.format) && isString(x.data) && isString(x.suggestedName);
    case 'exportPage':
      return isString(x.suggestedName);
    case 'painted':
      return isString(x.tab) && TABS.includes(x.tab);
    default:
      return false;
  }
}
