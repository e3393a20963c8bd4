// The Graph view: the layer graph as SVG, with zoom, pan, fit, keyboard selection, layers that
// open into their elementary operations, and (in the stepper) the moment of the run it shows.

import { clear, h, s } from '../dom';
import type { PanelContext } from '../context';
import { fmtValue } from '../format';
import { layoutGraph, type GraphLayout, type VEdge, type VNode } from '../model/layout';
import type { StepMoment } from '../model/steps';

export interface GraphViewOptions {
  /** The stepper's copy: no export, no zoom saved to state. */
  stepper?: boolean;
}

type View = { k: number; x: number; y: number };

let instances = 0;

/** d3's curveBasis: a smooth path through dagre's points. */
function basisPath(pts: { x: number; y: number }[]): string {
  if (pts.length === 0) return '';
  if (pts.length < 3) return `M${pts[0].x},${pts[0].y}` + pts.slice(1).map((p) => `L${p.x},${p.y}`).join('');
  let d = `M${pts[0].x},${pts[0].y}`;
  let [x0, y0, x1, y1] = [pts[0].x, pts[0].y, pts[1].x, pts[1].y];
  d += `L${(5 * x0 + x1) / 6},${(5 * y0 + y1) / 6}`;
  for (let i = 2; i < pts.length; i++) {
    const { x, y } = pts[i];
    d += `C${(2 * x0 + x1) / 3},${(2 * y0 + y1) / 3} ${(x0 + 2 * x1) / 3},${(y0 + 2 * y1) / 3} ${(x0 + 4 * x1 + x) / 6},${(y0 + 4 * y1 + y) / 6}`;
    [x0, y0, x1, y1] = [x1, y1, x, y];
  }
  d += `C${(2 * x0 + x1) / 3},${(2 * y0 + y1) / 3} ${(x0 + 2 * x1) / 3},${(y0 + 2 * y1) / 3} ${x1},${y1}`;
  return d;
}

export class GraphView {
  readonly element: HTMLElement;
  readonly viewport: HTMLDivElement;
  private readonly svg: SVGSVGElement;
  private readonly world: SVGGElement;
  private readonly uid = `g${++instances}`;
  private layout?: GraphLayout;
  private layoutKey = '';
  private view: View = { k: 1, x: 0, y: 0 };
  private needsFit = true;
  private moment?: StepMoment;
  private ctx?: PanelContext;
  private measureCtx?: CanvasRenderingContext2D | null;

  constructor(private readonly opts: GraphViewOptions = {}) {
    this.svg = s('svg', { class: 'graph-svg', role: 'presentation' });
    this.world = s('g', { class: 'world' });
    this.svg.appendChild(this.defs());
    this.svg.appendChild(this.world);
    this.viewport = h('div', { class: 'graph-viewport', tabindex: 0, role: 'listbox', 'aria-orientation': 'horizontal' });
    this.viewport.appendChild(this.svg);
    this.element = this.viewport;
    this.wireInput();
    new ResizeObserver(() => {
      if (this.needsFit && this.viewport.clientWidth > 0) this.fit();
    }).observe(this.viewport);
  }

  private defs(): SVGDefsElement {
    const marker = (id: string, cls: string) => s('marker', {
      id: `${this.uid}-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse',
    }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
    return s('defs', {}, marker('arrow', 'arrowhead'), marker('arrow-hot', 'arrowhead hot'));
  }

  setContext(ctx: PanelContext): void {
    const fresh = this.ctx?.ix !== ctx.ix;
    this.ctx = ctx;
    this.viewport.setAttribute('aria-label', ctx.t('graph.label'));
    if (fresh) {
      this.layoutKey = '';
      const z = this.opts.stepper ? undefined : ctx.state.zoom;
      if (z) {
        this.view = { ...z };
        this.needsFit = false;
      } else {
        this.needsFit = true;
      }
    }
    this.render();
  }

  setMoment(m: StepMoment | undefined): void {
    this.moment = m;
    this.render();
  }

  private measure = (text: string, kind: 'label' | 'sub' | 'edge'): number => {
    if (this.measureCtx === undefined) this.measureCtx = document.createElement('canvas').getContext('2d');
    const c = this.measureCtx;
    const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    if (!c) return text.length * 7.2;
    c.font = kind === 'label' ? `600 13px ${family}` : kind === 'sub' ? `11px ${family}` : `12px ${family}`;
    return c.measureText(text).width;
  };

  private ensureLayout(): GraphLayout | undefined {
    const ctx = this.ctx;
    if (!ctx) return undefined;
    const expanded = [...ctx.state.expanded].sort();
    const key = expanded.join(',');
    if (!this.layout || key !== this.layoutKey) {
      this.layout = layoutGraph(ctx.ix, new Set(expanded), this.measure);
      this.layoutKey = key;
    }
    return this.layout;
  }

  /** The navigable nodes, in reading order. */
  nodes(): VNode[] {
    return (this.ensureLayout()?.nodes ?? []).slice().sort((a, b) => a.x - b.x || a.y - b.y);
  }

  render(): void {
    const ctx = this.ctx;
    clear(this.world);
    const layout = this.ensureLayout();
    if (!ctx || !layout) return;
    const selected = ctx.state.node;
    const m = this.moment;
    const hotNode = m?.node;
    const related = new Set<string>();
    for (const e of layout.edges) if (selected && (e.from === selected || e.to === selected)) related.add(e.id);

    for (const c of layout.clusters) {
      const layerNode = c.id.replace(/::cluster$/, '');
      const g = s('g', { class: `cluster${hotNode === layerNode ? ' current' : ''}` },
        s('rect', { x: c.x - c.width / 2, y: c.y - c.height / 2, width: c.width, height: c.height, rx: 8 }),
        s('text', { x: c.x - c.width / 2 + 10, y: c.y - c.height / 2 + 15, class: 'cluster-label' }, c.label));
      g.appendChild(this.toggle(layerNode, c.x + c.width / 2 - 12, c.y - c.height / 2 + 11, true));
      this.world.appendChild(g);
    }
    const labels = s('g', { class: 'edge-labels' });
    for (const e of layout.edges) {
      const hot = !!m && !!e.graphEdge && m.edges.has(e.graphEdge);
      const cls = ['edge', related.has(e.id) ? 'related' : '', hot ? 'current' : ''].filter(Boolean).join(' ');
      this.world.appendChild(s('path', {
        class: cls, d: basisPath(e.points), 'data-edge': e.graphEdge ?? e.id,
        'marker-end': `url(#${this.uid}-${hot || related.has(e.id) ? 'arrow-hot' : 'arrow'})`,
      }));
      labels.appendChild(this.edgeLabel(e, hot));
    }
    this.world.appendChild(labels);
    for (const n of layout.nodes) this.world.appendChild(this.node(n, n.id === selected, n.graphNode === hotNode && n.kind !== 'op' && n.kind !== 'param'));
    this.viewport.setAttribute('aria-activedescendant', selected && layout.nodes.some((n) => n.id === selected) ? this.domId(selected) : '');
    this.applyView();
  }

  /** Shows a new selection without redrawing (a double click must land on the same element twice). */
  markSelection(): void {
    const selected = this.ctx?.state.node;
    const layout = this.layout;
    if (!layout) return;
    for (const el of Array.from(this.world.querySelectorAll('[data-node]'))) {
      const on = el.getAttribute('data-node') === selected;
      el.classList.toggle('selected', on);
      el.setAttribute('aria-selected', on ? 'true' : 'false');
    }
    const related = new Set(layout.edges.filter((e) => selected && (e.from === selected || e.to === selected)).map((e) => e.graphEdge ?? e.id));
    for (const el of Array.from(this.world.querySelectorAll('path.edge'))) {
      const on = related.has(el.getAttribute('data-edge') ?? '');
      el.classList.toggle('related', on);
      if (!el.classList.contains('current')) el.setAttribute('marker-end', `url(#${this.uid}-${on ? 'arrow-hot' : 'arrow'})`);
    }
    this.viewport.setAttribute('aria-activedescendant', selected && layout.nodes.some((n) => n.id === selected) ? this.domId(selected) : '');
  }

  private domId(node: string): string {
    return `${this.uid}-n-${node.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  }

  private edgeLabel(e: VEdge, hot: boolean): SVGGElement {
    const m = this.moment;
    const fwdKnown = !m || !e.graphEdge || m.forwardKnown(e.graphEdge);
    const gradKnown = !m || !e.graphEdge || m.gradientKnown(e.graphEdge);
    const g = s('g', { class: `edge-label${hot ? ' current' : ''}`, 'data-edge': e.graphEdge ?? e.id });
    if (e.forward !== undefined || e.name) {
      const t = s('text', { x: e.labelX, y: e.labelY - 6, class: 'value-forward' });
      if (e.name) t.appendChild(s('tspan', { class: 'edge-name' }, `${e.name} `));
      t.appendChild(s('tspan', { class: 'fwd' }, fwdKnown ? (e.forward ?? '') : '?'));
      g.appendChild(t);
    }
    if (e.gradient !== undefined) {
      g.appendChild(s('text', { x: e.labelX, y: e.labelY + 15, class: 'value-gradient' }, gradKnown ? e.gradient : '?'));
    }
    if (this.ctx && e.forwardValue && (e.forward !== undefined)) {
      const grad = e.gradientValue && !Array.isArray(e.gradientValue) ? fmtValue(e.gradientValue) : (e.gradient ?? this.ctx.t('graph.noGradient'));
      g.appendChild(s('title', {}, this.ctx.t('graph.edge', e.name ?? '', fmtValue(e.forwardValue), grad)));
    }
    return g;
  }

  private describe(n: VNode): string {
    const t = this.ctx?.t;
    if (!t) return n.label;
    switch (n.kind) {
      case 'input': return t('graph.node.input', n.label);
      case 'output': return t('graph.node.output', n.label);
      case 'layer': return t('graph.node.layer', n.sub ?? n.label, n.label);
      case 'op': return t('graph.node.op', n.label, this.ctx?.ix.node.get(n.graphNode)?.label ?? '');
      default: return t('graph.node.param', n.label);
    }
  }

  private node(n: VNode, selected: boolean, current: boolean): SVGGElement {
    const cls = ['node', `node-${n.kind}`, selected ? 'selected' : '', current ? 'current' : ''].filter(Boolean).join(' ');
    const g = s('g', {
      class: cls, id: this.domId(n.id), 'data-node': n.id, role: 'option', 'aria-selected': selected ? 'true' : 'false',
      'aria-label': this.describe(n), transform: `translate(${n.x},${n.y})`,
    });
    const w = n.width;
    const hh = n.height;
    switch (n.kind) {
      case 'input':
      case 'output':
        g.appendChild(s('rect', { class: 'shape', x: -w / 2, y: -hh / 2, width: w, height: hh, rx: 4 }));
        g.appendChild(s('text', { class: 'label', y: 4 }, n.label));
        break;
      case 'layer': {
        const round = n.label.length <= 2;
        if (round) {
          g.appendChild(s('circle', { class: 'shape', cx: 0, cy: -7, r: 19 }));
          g.appendChild(s('text', { class: 'glyph', y: -1 }, n.label));
          g.appendChild(s('text', { class: 'sub', y: 25 }, n.sub ?? ''));
        } else {
          g.appendChild(s('rect', { class: 'shape', x: -w / 2, y: -hh / 2, width: w, height: hh, rx: 7 }));
          g.appendChild(s('text', { class: 'label', y: -2 }, n.label));
          g.appendChild(s('text', { class: 'sub', y: 15 }, n.sub ?? ''));
        }
        if (n.expandable) g.appendChild(this.toggle(n.id, round ? 17 : w / 2 - 2, round ? -23 : -hh / 2 + 2, false));
        break;
      }
      case 'op':
        g.appendChild(s('rect', { class: 'shape', x: -w / 2, y: -hh / 2, width: w, height: hh, rx: hh / 2 }));
        g.appendChild(s('text', { class: 'label', y: 4.5 }, n.label));
        break;
      default:
        g.appendChild(s('rect', { class: 'shape', x: -w / 2, y: -hh / 2, width: w, height: hh, rx: 3 }));
        g.appendChild(s('text', { class: 'sub', y: 4 }, n.label));
    }
    g.appendChild(s('title', {}, this.describe(n)));
    return g;
  }

  private toggle(layerNode: string, x: number, y: number, open: boolean): SVGGElement {
    const label = this.ctx?.t(open ? 'graph.collapse' : 'graph.expand') ?? '';
    return s('g', { class: 'toggle', 'data-toggle': layerNode, transform: `translate(${x},${y})`, 'aria-hidden': 'true' },
      s('rect', { x: -7, y: -7, width: 14, height: 14, rx: 3 }),
      open ? s('path', { d: 'M-4,0 H4' }) : s('path', { d: 'M-4.2,0 h0.01 M0,0 h0.01 M4.2,0 h0.01', class: 'dots' }),
      s('title', {}, label));
  }

  // ---- zoom, pan, fit ----

  private applyView(): void {
    this.world.setAttribute('transform', `translate(${this.view.x},${this.view.y}) scale(${this.view.k})`);
  }

  private commitView(): void {
    this.applyView();
    if (!this.opts.stepper) this.ctx?.saveZoom(this.view);
  }

  fit(): void {
    const layout = this.ensureLayout();
    const vw = this.viewport.clientWidth;
    const vh = this.viewport.clientHeight;
    if (!layout || vw === 0 || vh === 0) {
      this.needsFit = true;
      return;
    }
    this.needsFit = false;
    const k = Math.min(vw / Math.max(layout.width, 1), vh / Math.max(layout.height, 1), 1.6);
    this.view = { k, x: (vw - layout.width * k) / 2, y: (vh - layout.height * k) / 2 };
    this.commitView();
  }

  /** Fits when the view has never been placed (the panel was hidden when the report came). */
  fitIfNeeded(): void {
    if (this.needsFit) this.fit();
  }

  zoomBy(f: number, cx = this.viewport.clientWidth / 2, cy = this.viewport.clientHeight / 2): void {
    const k = Math.min(Math.max(this.view.k * f, 0.15), 6);
    const r = k / this.view.k;
    this.view = { k, x: cx - (cx - this.view.x) * r, y: cy - (cy - this.view.y) * r };
    this.commitView();
  }

  private panBy(dx: number, dy: number): void {
    this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
    this.commitView();
  }

  /** Brings a node into view when the keyboard moves onto it. */
  private reveal(n: VNode): void {
    const vw = this.viewport.clientWidth;
    const vh = this.viewport.clientHeight;
    const sx = n.x * this.view.k + this.view.x;
    const sy = n.y * this.view.k + this.view.y;
    const margin = 40;
    let dx = 0;
    let dy = 0;
    if (sx < margin) dx = margin - sx;
    else if (sx > vw - margin) dx = vw - margin - sx;
    if (sy < margin) dy = margin - sy;
    else if (sy > vh - margin) dy = vh - margin - sy;
    if (dx || dy) this.panBy(dx, dy);
  }

  private wireInput(): void {
    let drag: { id: number; x: number; y: number; moved: boolean } | undefined;
    this.viewport.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      drag = { id: ev.pointerId, x: ev.clientX, y: ev.clientY, moved: false };
    });
    this.viewport.addEventListener('pointermove', (ev) => {
      if (!drag || drag.id !== ev.pointerId) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) this.viewport.setPointerCapture(ev.pointerId);
      drag.moved = true;
      drag.x = ev.clientX;
      drag.y = ev.clientY;
      this.viewport.classList.add('panning');
      this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
      this.applyView();
    });
    const end = (ev: PointerEvent) => {
      if (!drag || drag.id !== ev.pointerId) return;
      const moved = drag.moved;
      drag = undefined;
      this.viewport.classList.remove('panning');
      if (moved) this.commitView();
    };
    this.viewport.addEventListener('pointerup', end);
    this.viewport.addEventListener('pointercancel', end);
    this.viewport.addEventListener('click', (ev) => {
      if (this.viewport.classList.contains('panning')) return;
      const target = ev.target instanceof Element ? ev.target : null;
      const toggle = target?.closest('[data-toggle]');
      if (toggle) {
        const id = toggle.getAttribute('data-toggle') ?? '';
        this.ctx?.setExpanded(id, !this.ctx.state.expanded.includes(id));
        return;
      }
      const node = target?.closest('[data-node]')?.getAttribute('data-node');
      if (node) this.ctx?.select(node);
    });
    this.viewport.addEventListener('dblclick', (ev) => {
      const target = ev.target instanceof Element ? ev.target : null;
      const node = target?.closest('[data-node]')?.getAttribute('data-node');
      if (node) this.ctx?.select(node, { openChain: true });
    });
    this.viewport.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const rect = this.viewport.getBoundingClientRect();
      if (ev.ctrlKey || !ev.shiftKey) this.zoomBy(Math.exp(-ev.deltaY * 0.0015), ev.clientX - rect.left, ev.clientY - rect.top);
      else this.panBy(-ev.deltaX || -ev.deltaY, 0);
    }, { passive: false });
    this.viewport.addEventListener('keydown', (ev) => this.onKey(ev));
  }

  private onKey(ev: KeyboardEvent): void {
    const ctx = this.ctx;
    if (!ctx || ev.altKey || ev.metaKey || (ev.ctrlKey && ev.key !== '0')) return;
    const nodes = this.nodes();
    const current = nodes.find((n) => n.id === ctx.state.node);
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    const dir = dirs[ev.key];
    if (dir) {
      ev.preventDefault();
      const next = current ? this.neighbour(nodes, current, dir) : nodes[0];
      if (next) {
        ctx.select(next.id);
        this.reveal(next);
      }
      return;
    }
    switch (ev.key) {
      case 'Home':
      case 'End': {
        ev.preventDefault();
        const n = ev.key === 'Home' ? nodes[0] : nodes[nodes.length - 1];
        if (n) {
          ctx.select(n.id);
          this.reveal(n);
        }
        return;
      }
      case 'Enter':
        if (current) {
          ev.preventDefault();
          ctx.select(current.id, { openChain: true });
        }
        return;
      case ' ':
      case 'e':
      case 'E': {
        const layer = current?.kind === 'layer' && current.expandable ? current.id : current && (current.kind === 'op' || current.kind === 'param') ? current.graphNode : undefined;
        if (layer) {
          ev.preventDefault();
          const open = !ctx.state.expanded.includes(layer);
          ctx.setExpanded(layer, open);
          if (!open) ctx.select(layer);
        }
        return;
      }
      case '+':
      case '=':
        ev.preventDefault();
        this.zoomBy(1.25);
        return;
      case '-':
        ev.preventDefault();
        this.zoomBy(0.8);
        return;
      case '0':
        ev.preventDefault();
        this.fit();
        return;
      default:
    }
  }

  /** The nearest node in a direction, favouring ones in line with the current one. */
  private neighbour(nodes: VNode[], from: VNode, [dx, dy]: [number, number]): VNode | undefined {
    let best: VNode | undefined;
    let bestScore = Infinity;
    for (const n of nodes) {
      if (n === from) continue;
      const ax = n.x - from.x;
      const ay = n.y - from.y;
      const along = ax * dx + ay * dy;
      if (along <= 4) continue;
      const across = Math.abs(dx ? ay : ax);
      const score = along + 2.5 * across;
      if (score < bestScore) {
        bestScore = score;
        best = n;
      }
    }
    return best;
  }

  // ---- export ----

  /** The whole graph as a standalone SVG document, colours resolved from the current theme. */
  exportSvg(): string {
    const layout = this.ensureLayout();
    const clone = this.svg.cloneNode(true) as SVGSVGElement;
    const origAll = [this.svg, ...Array.from(this.svg.querySelectorAll('*'))];
    const cloneAll = [clone, ...Array.from(clone.querySelectorAll('*'))];
    const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'paint-order', 'stroke-linejoin'];
    origAll.forEach((el, i) => {
      const c = cloneAll[i];
      if (!(c instanceof SVGElement) || el instanceof SVGTitleElement || el instanceof SVGDefsElement) return;
      const cs = getComputedStyle(el);
      for (const p of props) {
        const v = cs.getPropertyValue(p);
        if (v) c.setAttribute(p, v);
      }
      if (cs.display === 'none') c.setAttribute('display', 'none');
      c.removeAttribute('class');
    });
    const w = Math.ceil(layout?.width ?? 100);
    const hgt = Math.ceil(layout?.height ?? 100);
    // The class attributes are gone by now: the world group is the one after <defs>.
    clone.querySelector(':scope > defs + g')?.removeAttribute('transform');
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(hgt));
    clone.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
    clone.removeAttribute('role');
    const bg = getComputedStyle(this.viewport).backgroundColor || getComputedStyle(document.body).backgroundColor;
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', bg);
    clone.insertBefore(rect, clone.firstChild);
    for (const t of Array.from(clone.querySelectorAll('[data-toggle]'))) t.remove();
    return new XMLSerializer().serializeToString(clone);
  }

  /** What flowed back through the opened layers' tapes. */
  gradients(): GraphLayout['gradients'] | undefined {
    return this.ensureLayout()?.gradients;
  }

  size(): { width: number; height: number } {
    const l = this.ensureLayout();
    return { width: Math.ceil(l?.width ?? 0), height: Math.ceil(l?.height ?? 0) };
  }
}
