// What every view is given: the report's index, the translator, and the panel's actions.

import type { PanelTab, SourceListing, WebviewToHost } from '../src/protocol';
import { h } from './dom';
import type { Translate } from './l10n';
import type { ReportIndex } from './model/index';

export interface PanelState {
  tab: PanelTab;
  /** The selected graph node: a report node id (`nL1`) or an opened layer's op (`nL1::TC1.0`). */
  node?: string;
  /** Index into the run's calls for the stepper. */
  step: number;
  zoom?: { k: number; x: number; y: number };
  /** Layer nodes opened into their elementary operations. */
  expanded: string[];
  /** What was inspected, so the host can inspect it again when VS Code restores the panel. */
  documentUri?: string;
  lines?: [number, number];
  cell?: number;
}

export interface PanelContext {
  ix: ReportIndex;
  t: Translate;
  /** Listings of the inspected code, when the host sent them. */
  sources: readonly SourceListing[];
  /** A page of its own (no VS Code): nothing runs again, and there is no page to export but this one. */
  standalone: boolean;
  state: Readonly<PanelState>;
  post(msg: WebviewToHost): void;
  select(node: string | undefined, opts?: { openChain?: boolean }): void;
  setExpanded(node: string, open: boolean): void;
  setStep(step: number): void;
  saveZoom(zoom: { k: number; x: number; y: number }): void;
  requestArray(ref: string): Promise<number[] | null>;
  announce(text: string): void;
}

/** A line number that reveals the line in the editor. */
export function lineButton(ctx: PanelContext, file: string, line: number, text?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'line-ref', title: `${file}:${line}`, 'data-line': line }, text ?? ctx.t('chain.line', line));
  b.addEventListener('click', () => ctx.post({ type: 'reveal', file, line }));
  return b;
}

/** Turns `line N` in program output into buttons (tracebacks name `File "x.py", line N`). */
export function linkLines(ctx: PanelContext, text: string, defaultFile: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const re = /(?:File "([^"]+)", )?line (\d+)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    frag.appendChild(document.createTextNode(text.slice(last, m.index)));
    const file = m[1] ?? defaultFile;
    if (m[1]) frag.appendChild(document.createTextNode(`File "${m[1]}", `));
    frag.appendChild(lineButton(ctx, file, Number(m[2]), `line ${m[2]}`));
    last = m.index + m[0].length;
  }
  frag.appendChild(document.createTextNode(text.slice(last)));
  return frag;
}
