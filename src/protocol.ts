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

export type ExportFormat = 'svg' | 'png' | 'html';

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
  }
  /** The full elements of a summarised array (ValueSummary.ref), in C order; null when the ref is gone. */
  | { type: 'arrayData'; ref: string; data: number[] | null }
  /** Select a graph node (GraphNode.id), e.g. from a hover's "Show in Backprop Lens"; `tab` defaults to the graph. */
  | { type: 'focus'; node: string; tab?: PanelTab }
  /** A run or an analysis is going on (the panel keeps showing the previous report meanwhile). */
  | { type: 'progress'; state: ProgressState; message?: string };

/** Messages from the panel to the extension host. */
export type WebviewToHost =
  /** The panel has loaded and listens; the host answers with the latest report. */
  | { type: 'ready' }
  /** Show a line of the learner's source (1-based line, optional 0-based column). */
  | { type: 'reveal'; file: string; line: number; col?: number }
  /** Ask for the full data of a summarised array; the host answers with 'arrayData'. */
  | { type: 'requestArray'; ref: string }
  /** An exported picture or page: SVG text, a PNG `data:image/png;base64,...` URL, or HTML text. */
  | { type: 'export'; format: ExportFormat; data: string; suggestedName: string }
  /** Run the inspected document again. */
  | { type: 'rerun' };

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
const FORMATS: readonly string[] = ['svg', 'png', 'html'];
const TABS: readonly string[] = PANEL_TABS;

export function isHostToWebview(x: unknown): x is HostToWebview {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'report':
      return isLensReport(x.report) && isString(x.documentUri) && isStringRecord(x.l10n)
        && (x.theme === undefined || (isString(x.theme) && THEMES.includes(x.theme)));
    case 'arrayData':
      return isString(x.ref) && (x.data === null || isArrayOf(x.data, (n) => typeof n === 'number'));
    case 'focus':
      return isString(x.node) && (x.tab === undefined || (isString(x.tab) && TABS.includes(x.tab)));
    case 'progress':
      return isString(x.state) && PROGRESS.includes(x.state) && (x.message === undefined || isString(x.message));
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
    default:
      return false;
  }
}
