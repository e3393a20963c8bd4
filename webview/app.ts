// The panel: tabs over the views, the state VS Code keeps for it, and the messages with the host.

import { PANEL_TABS, isHostToWebview, type HostToWebview, type PanelTab, type SourceListing, type ThemeKind, type WebviewToHost } from '../src/protocol';
import type { PanelContext, PanelState } from './context';
import { clear, h } from './dom';
import { translator, type L10nKey, type Translate } from './l10n';
import { indexReport, type ReportIndex } from './model/index';
import { stepCount } from './model/steps';
import { ActivationsView } from './views/activations';
import { ChainView } from './views/chain';
import { ChecksView } from './views/checks';
import { ConsoleView } from './views/console';
import { DerivationView } from './views/derivation';
import { GraphTab } from './views/graphTab';
import { StepsView } from './views/steps';

export interface VsCodeApi {
  postMessage(msg: WebviewToHost): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

const THEMES: ThemeKind[] = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

const TAB_LABEL: Record<PanelTab, L10nKey> = {
  graph: 'tab.graph',
  chain: 'tab.chain',
  activations: 'tab.activations',
  checks: 'tab.checks',
  derivation: 'tab.derivation',
  console: 'tab.console',
  steps: 'tab.steps',
};

function restoreState(raw: unknown): PanelState {
  const state: PanelState = { tab: 'graph', step: 0, expanded: [] };
  if (typeof raw !== 'object' || raw === null) return state;
  const r = raw as Record<string, unknown>;
  if (typeof r.tab === 'string' && (PANEL_TABS as readonly string[]).includes(r.tab)) state.tab = r.tab as PanelTab;
  if (typeof r.node === 'string') state.node = r.node;
  if (typeof r.step === 'number' && Number.isInteger(r.step) && r.step >= 0) state.step = r.step;
  const z = r.zoom as Record<string, unknown> | undefined;
  if (z && typeof z.k === 'number' && typeof z.x === 'number' && typeof z.y === 'number') state.zoom = { k: z.k, x: z.x, y: z.y };
  if (Array.isArray(r.expanded)) state.expanded = r.expanded.filter((x): x is string => typeof x === 'string');
  if (typeof r.documentUri === 'string') state.documentUri = r.documentUri;
  const lines = r.lines;
  if (Array.isArray(lines) && lines.length === 2 && lines.every((n) => Number.isInteger(n) && n >= 1)) state.lines = [lines[0], lines[1]];
  if (typeof r.cell === 'number' && Number.isInteger(r.cell) && r.cell >= 1) state.cell = r.cell;
  return state;
}

export class App {
  private state: PanelState;
  private t: Translate = translator({});
  private ix?: ReportIndex;
  private documentUri = '';
  private notes: string[] = [];
  private sources: SourceListing[] = [];
  /** On a page of its own (webview/page.ts's standalonePanelHtml) rather than in VS Code. */
  private standalone = false;
  private readonly arrays = new Map<string, ((data: number[] | null) => void)[]>();
  private readonly header = h('header', { class: 'panel-header' });
  private readonly notesBox = h('div', { class: 'panel-notes muted', hidden: true });
  private readonly progress = h('vscode-progress-bar', { class: 'progress', hidden: true });
  private readonly tabs = h('vscode-tabs', { class: 'tabs', panel: true });
  private readonly announcer = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  private readonly panels = new Map<PanelTab, HTMLElement>();
  private readonly headers = new Map<PanelTab, HTMLElement>();
  private readonly graphTab = new GraphTab();
  private readonly chain = new ChainView();
  private readonly activations = new ActivationsView();
  private readonly checks = new ChecksView();
  private readonly derivation = new DerivationView();
  private readonly consoleView = new ConsoleView();
  private readonly steps = new StepsView();

  constructor(private readonly root: HTMLElement, private readonly vscode: VsCodeApi) {
    this.state = restoreState(vscode.getState());
    this.chain.element.tabIndex = -1;
    this.tabs.addEventListener('vsc-tabs-select', (ev) => {
      const i = (ev as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      const tab = PANEL_TABS[i];
      if (tab) this.showTab(tab, false);
    });
    window.addEventListener('message', (ev: MessageEvent<unknown>) => {
      if (isHostToWebview(ev.data)) this.onMessage(ev.data);
    });
    this.buildShell();
    this.renderEmpty();
    this.post({ type: 'ready' });
  }

  post(msg: WebviewToHost): void {
    // A standalone page has no editor: a line reference scrolls to the line in the Console tab's listings.
    if (this.standalone && msg.type === 'reveal' && this.consoleView.reveal(msg.file, msg.line)) this.showTab('console', true);
    this.vscode.postMessage(msg);
  }

  private save(patch: Partial<PanelState>): void {
    this.state = { ...this.state, ...patch };
    this.vscode.setState(this.state);
  }

  private buildShell(): void {
    clear(this.root);
    for (const tab of PANEL_TABS) {
      const header = h('vscode-tab-header', { slot: 'header', 'data-tab': tab });
      const panel = h('vscode-tab-panel', { 'data-tab': tab, class: `panel panel-${tab}` });
      this.headers.set(tab, header);
      this.panels.set(tab, panel);
      this.tabs.appendChild(header);
      this.tabs.appendChild(panel);
    }
    this.attachViews();
    this.tabs.setAttribute('selected-index', String(PANEL_TABS.indexOf(this.state.tab)));
    this.root.append(this.header, this.notesBox, this.progress, this.tabs, this.announcer);
    this.labelTabs();
  }

  private attachViews(): void {
    const views: Record<PanelTab, HTMLElement> = {
      graph: this.graphTab.element,
      chain: this.chain.element,
      activations: this.activations.element,
      checks: this.checks.element,
      derivation: this.derivation.element,
      console: this.consoleView.element,
      steps: this.steps.element,
    };
    for (const tab of PANEL_TABS) {
      const panel = this.panels.get(tab);
      if (panel && views[tab].parentElement !== panel) panel.replaceChildren(views[tab]);
    }
  }

  private labelTabs(): void {
    for (const tab of PANEL_TABS) {
      const header = this.headers.get(tab);
      if (!header) continue;
      clear(header);
      header.appendChild(document.createTextNode(this.t(TAB_LABEL[tab])));
      const badge = this.badgeFor(tab);
      if (badge) header.appendChild(badge);
    }
  }

  private badgeFor(tab: PanelTab): HTMLElement | undefined {
    const r = this.ix?.report;
    if (!r) return undefined;
    if (tab === 'checks') {
      const failed = r.checks.filter((c) => !c.passed).length + r.hazards.length;
      if (failed) return h('vscode-badge', { variant: 'counter', slot: 'content-after', class: 'badge-fail' }, failed);
    }
    if (tab === 'console' && r.error) return h('vscode-badge', { variant: 'counter', slot: 'content-after', class: 'badge-fail' }, '!');
    return undefined;
  }

  private renderEmpty(): void {
    clear(this.header);
    this.header.appendChild(h('span', { class: 'panel-title' }, this.t('panel.title')));
    for (const p of this.panels.values()) p.replaceChildren(h('p', { class: 'empty' }, this.t('panel.empty')));
  }

  private renderHeader(): void {
    const ix = this.ix;
    if (!ix) return;
    const r = ix.report;
    clear(this.header);
    const file = r.source.file.split(/[\\/]/).pop() ?? r.source.file;
    this.header.appendChild(h('span', { class: 'panel-title', title: this.documentUri || r.source.file }, file));
    this.header.appendChild(h('span', { class: 'muted summary' }, this.t('panel.summary', r.layers.length, r.calls.length)));
    if (r.error) {
      const err = r.error;
      const b = h('button', { type: 'button', class: 'line-ref error-ref' }, this.t('panel.error', err.type, err.line));
      b.addEventListener('click', () => this.post({ type: 'reveal', file: err.file, line: err.line }));
      this.header.appendChild(b);
    }
    this.header.appendChild(h('span', { class: 'spacer' }));
    // Nothing can run again on a page of its own.
    if (!this.standalone) {
      const rerun = h('vscode-button', { class: 'rerun', title: this.t('panel.rerun.title') }, this.t('panel.rerun'));
      rerun.addEventListener('click', () => this.post({ type: 'rerun' }));
      this.header.appendChild(rerun);
    }
    this.notesBox.replaceChildren(...this.notes.map((n) => h('p', { class: 'note' }, n)));
    this.notesBox.hidden = this.notes.length === 0;
  }

  private context(): PanelContext | undefined {
    const ix = this.ix;
    if (!ix) return undefined;
    const current = () => this.state;
    return {
      ix,
      t: this.t,
      sources: this.sources,
      standalone: this.standalone,
      // Views keep their context; the state they read is always the current one.
      get state() {
        return current();
      },
      post: (m) => this.post(m),
      select: (node, opts) => this.select(node, opts),
      setExpanded: (node, open) => {
        const set = new Set(this.state.expanded);
        if (open) set.add(node);
        else set.delete(node);
        const patch: Partial<PanelState> = { expanded: [...set] };
        if (!open && this.state.node?.startsWith(`${node}::`)) patch.node = node;
        this.save(patch);
        this.refreshGraphs();
        // The layout changed size: show all of it again.
        this.graphTab.graph.fit();
      },
      setStep: (step) => {
        this.save({ step });
        const ctx = this.context();
        if (ctx) {
          this.steps.update(ctx);
          const call = ix.calls[step];
          this.activations.highlight(call?.id);
        }
      },
      saveZoom: (zoom) => this.save({ zoom }),
      requestArray: (ref) => new Promise((resolve) => {
        const waiting = this.arrays.get(ref);
        if (waiting) waiting.push(resolve);
        else {
          this.arrays.set(ref, [resolve]);
          this.post({ type: 'requestArray', ref });
        }
      }),
      announce: (text) => {
        this.announcer.textContent = text;
      },
    };
  }

  private refreshGraphs(): void {
    const ctx = this.context();
    if (!ctx) return;
    this.graphTab.render(ctx);
    this.steps.graph.setContext(ctx);
    this.chain.render(ctx, this.gradients());
  }

  select(node: string | undefined, opts: { openChain?: boolean } = {}): void {
    this.save({ node });
    const ctx = this.context();
    if (!ctx) return;
    this.graphTab.graph.markSelection();
    this.steps.graph.markSelection();
    this.chain.render(ctx, this.gradients());
    if (node) {
      const label = this.describeNode(node);
      ctx.announce(this.t('graph.selected', label));
    }
    if (opts.openChain) {
      this.showTab('chain', true);
      // The tab panel shows itself in its next update; focus once it is visible.
      requestAnimationFrame(() => this.chain.element.focus());
    }
  }

  private gradients() {
    return this.graphTab.graph.gradients();
  }

  private describeNode(id: string): string {
    const [nodeId, op] = id.split('::');
    const n = this.ix?.node.get(nodeId);
    if (!n) return id;
    const layer = n.layer ? this.ix?.layer.get(n.layer) : undefined;
    return op ? `${layer?.label ?? n.label} ${op}` : layer?.label ?? n.label;
  }

  showTab(tab: PanelTab, updateTabs: boolean): void {
    this.save({ tab });
    if (updateTabs) this.tabs.setAttribute('selected-index', String(PANEL_TABS.indexOf(tab)));
    // A view laid out while hidden has no size yet.
    requestAnimationFrame(() => {
      if (tab === 'graph') this.graphTab.graph.fitIfNeeded();
      if (tab === 'steps') this.steps.graph.fitIfNeeded();
      if (tab === 'checks') this.checks.sizeColumns();
    });
  }

  private applyTheme(theme: ThemeKind | undefined): void {
    const body = document.body;
    if (theme) {
      for (const c of THEMES) body.classList.toggle(c, c === theme);
    }
  }

  onMessage(msg: HostToWebview): void {
    switch (msg.type) {
      case 'report': {
        this.t = translator(msg.l10n);
        this.applyTheme(msg.theme);
        const sameDocument = this.documentUri === msg.documentUri || this.documentUri === '';
        this.documentUri = msg.documentUri;
        this.notes = msg.notes ?? [];
        this.sources = msg.sources ?? [];
        this.standalone = msg.standalone === true;
        document.body.classList.toggle('bl-page', this.standalone);
        this.ix = indexReport(msg.report);
        const ix = this.ix;
        const nodeOk = (id: string | undefined) => !!id && ix.node.has(id.split('::')[0]);
        const expanded = this.state.expanded.filter((id) => ix.node.has(id));
        const patch: Partial<PanelState> = {
          expanded,
          node: nodeOk(this.state.node) ? this.state.node : undefined,
          step: Math.min(this.state.step, Math.max(stepCount(ix) - 1, 0)),
        };
        if (!sameDocument) patch.zoom = undefined;
        // What VS Code's serializer needs to inspect the same code again after a window reload.
        patch.documentUri = msg.documentUri;
        patch.lines = msg.report.source.lines;
        patch.cell = msg.report.source.cell;
        // Check My Backward opens the checks, Compare Sigmoid Derivations the derivation.
        if (msg.tab) patch.tab = msg.tab;
        this.save(patch);
        this.progress.hidden = true;
        this.renderAll();
        // Told once the browser has laid the views out: the host's tests and benchmark wait for it.
        requestAnimationFrame(() => this.post({ type: 'painted', tab: this.state.tab }));
        break;
      }
      case 'arrayData': {
        const waiting = this.arrays.get(msg.ref) ?? [];
        this.arrays.delete(msg.ref);
        for (const resolve of waiting) resolve(msg.data);
        break;
      }
      case 'exportGraph':
        void this.graphTab.export(msg.format);
        break;
      case 'focus':
        if (this.ix?.node.has(msg.node.split('::')[0])) {
          this.showTab(msg.tab ?? 'graph', true);
          this.select(msg.node);
        }
        break;
      case 'progress': {
        const running = msg.state === 'running' || msg.state === 'analysing';
        this.progress.hidden = !running;
        const key: L10nKey | undefined = msg.state === 'running' ? 'panel.running' : msg.state === 'analysing' ? 'panel.analysing'
          : msg.state === 'cancelled' ? 'panel.cancelled' : msg.state === 'failed' ? 'panel.failed' : undefined;
        this.announcer.textContent = msg.message ?? (key ? this.t(key) : '');
        break;
      }
    }
  }

  private renderAll(): void {
    const ctx = this.context();
    if (!ctx) return;
    this.attachViews();
    this.renderHeader();
    this.labelTabs();
    this.graphTab.render(ctx);
    this.chain.render(ctx, this.gradients());
    this.activations.render(ctx);
    this.checks.render(ctx);
    this.derivation.render(ctx);
    this.consoleView.render(ctx);
    this.steps.render(ctx);
    this.activations.highlight(undefined);
    this.showTab(this.state.tab, true);
  }
}
