// The Activations view: every layer call in order, with its inputs, outputs and what it cached
// on self, arrays as heatmaps drawn when they scroll into view (large ones fetched from the host).

import type { LayerCall, ValueSummary } from '../../src/engine/lens/report';
import { lineButton, type PanelContext } from '../context';
import { clear, h } from '../dom';
import { fmtNumber, fmtShape, fmtValue } from '../format';
import { heatmap } from './heatmap';

/** Draws the heatmaps of arrays once they come near the viewport. */
export class LazyArrays {
  private readonly pending = new Map<Element, () => void>();
  private readonly observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const draw = this.pending.get(e.target);
      this.pending.delete(e.target);
      this.observer.unobserve(e.target);
      draw?.();
    }
  }, { rootMargin: '200px' });

  watch(el: Element, draw: () => void): void {
    this.pending.set(el, draw);
    this.observer.observe(el);
  }

  reset(): void {
    for (const el of this.pending.keys()) this.observer.unobserve(el);
    this.pending.clear();
  }
}

export function valueView(ctx: PanelContext, v: ValueSummary, label: string, lazy: LazyArrays): HTMLElement {
  const t = ctx.t;
  if (v.kind === 'tuple') {
    return h('div', { class: 'value tuple' }, ...(v.items ?? []).map((item, i) => valueView(ctx, item, `${label}[${i}]`, lazy)));
  }
  if (v.kind !== 'array') return h('div', { class: 'value scalar' }, h('code', {}, fmtValue(v)), v.dtype ? h('span', { class: 'muted dtype' }, ` ${v.dtype}`) : null);
  const shape = v.shape ?? [];
  const summary = v.min !== undefined && v.max !== undefined && v.mean !== undefined
    ? t('act.summary', fmtShape(shape), fmtNumber(v.min), fmtNumber(v.max), fmtNumber(v.mean))
    : t('value.shape', fmtShape(shape));
  const box = h('div', { class: 'value array' }, h('div', { class: 'array-summary' }, h('span', { class: 'shape-badge' }, fmtShape(shape)), ' ', h('span', { class: 'muted' }, `${v.dtype ?? ''} · ${summary}`)));
  const holder = h('div', { class: 'heatmap-holder' });
  const readout = (index: string, value: string) => t('act.value', index, value);
  box.appendChild(holder);
  if (v.data) {
    lazy.watch(holder, () => holder.appendChild(heatmap(v.data ?? [], shape, label, readout)));
  } else if (v.ref) {
    const ref = v.ref;
    holder.appendChild(h('pre', { class: 'array-text' }, v.text));
    lazy.watch(holder, () => {
      const status = h('p', { class: 'muted loading' }, t('act.loading'));
      holder.appendChild(status);
      void ctx.requestArray(ref).then((data) => {
        status.remove();
        if (data) holder.replaceChildren(heatmap(data, shape, label, readout));
        else holder.appendChild(h('p', { class: 'muted' }, t(ctx.standalone ? 'act.unavailableStandalone' : 'act.unavailable')));
      });
    });
  } else {
    holder.appendChild(h('pre', { class: 'array-text' }, v.text));
  }
  return box;
}

export function callCard(ctx: PanelContext, call: LayerCall, lazy: LazyArrays): HTMLElement {
  const t = ctx.t;
  const layer = ctx.ix.layer.get(call.layer);
  const body = h('div', { class: 'call-body' });
  const section = (title: string, rows: HTMLElement[]) => {
    if (!rows.length) return;
    body.appendChild(h('h4', {}, title));
    body.appendChild(h('div', { class: 'value-rows' }, ...rows));
  };
  const row = (name: string, extra: string | null, v: ValueSummary) =>
    h('div', { class: 'value-row' }, h('div', { class: 'value-name' }, h('code', {}, name), extra ? h('span', { class: 'muted' }, ` ${extra}`) : null), valueView(ctx, v, name, lazy));
  section(t('act.inputs'), call.args.map((a) => row(a.name, a.expr && a.expr !== a.name ? `= ${a.expr}` : null, a.value)));
  section(t('act.outputs'), call.outputs.map((o, i) => row(call.outputs.length > 1 ? `out[${i}]` : 'out', null, o)));
  section(t('act.cache'), call.cache.map((c) => row(`self.${c.name}`, t(c.change === 'set' ? 'act.set' : 'act.changed'), c.value)));
  if (call.error) body.appendChild(h('p', { class: 'call-error' }, t('act.error', call.error.type, call.error.message), ' ', lineButton(ctx, call.site.file, call.error.line)));
  body.appendChild(h('p', { class: 'call-site muted' }, `${t('chain.calledAt')} `, lineButton(ctx, call.site.file, call.site.line)));
  const el = h('vscode-collapsible', {
    class: `call-card call-${call.method}`, 'data-call': call.id, open: true,
    // The heading is drawn in capitals; the learner's names go in the description as written.
    heading: `#${call.seq + 1} ${t(call.method === 'forward' ? 'act.forward' : 'act.backward')}`,
    description: `${layer?.label ?? call.layer}.${call.method}() · ${layer?.className ?? ''}`,
  }, body);
  return el;
}

export class ActivationsView {
  readonly element = h('div', { class: 'activations-view' });
  private readonly lazy = new LazyArrays();

  render(ctx: PanelContext): void {
    this.lazy.reset();
    clear(this.element);
    if (!ctx.ix.calls.length) {
      this.element.appendChild(h('p', { class: 'empty' }, ctx.t('act.none')));
      return;
    }
    this.element.appendChild(this.navigator(ctx));
    for (const call of ctx.ix.calls) this.element.appendChild(callCard(ctx, call, this.lazy));
  }

  /** A tree of the calls, forward pass then backward pass: choosing one scrolls to its card. */
  private navigator(ctx: PanelContext): HTMLElement {
    const t = ctx.t;
    const leaf = (call: LayerCall) => {
      const layer = ctx.ix.layer.get(call.layer);
      return h('vscode-tree-item', { 'data-call': call.id },
        `#${call.seq + 1} ${layer?.label ?? call.layer}.${call.method}()`,
        h('span', { slot: 'description' }, layer?.className ?? ''));
    };
    const forward = ctx.ix.calls.filter((c) => c.method === 'forward');
    const backward = ctx.ix.calls.filter((c) => c.method === 'backward');
    const tree = h('vscode-tree', { class: 'call-tree', 'aria-label': t('act.calls') },
      h('vscode-tree-item', { branch: true, open: true }, t('act.forwardPass', forward.length), ...forward.map(leaf)),
      h('vscode-tree-item', { branch: true, open: true }, t('act.backwardPass', backward.length), ...backward.map(leaf)));
    tree.addEventListener('vsc-tree-select', (ev) => {
      // The element's typings say { selectedItems }, the element itself sends the array.
      const detail = (ev as CustomEvent<HTMLElement[] | { selectedItems?: HTMLElement[] }>).detail;
      const item = (Array.isArray(detail) ? detail : detail?.selectedItems ?? [])[0];
      const id = item?.getAttribute('data-call');
      const card = id ? this.element.querySelector(`.call-card[data-call="${CSS.escape(id)}"]`) : null;
      if (!card) return;
      this.highlight(id ?? undefined);
      card.scrollIntoView({ block: 'start', behavior: document.body.classList.contains('vscode-reduce-motion') ? 'auto' : 'smooth' });
    });
    return tree;
  }

  highlight(callId: string | undefined): void {
    for (const el of Array.from(this.element.querySelectorAll('.call-card'))) el.classList.toggle('current', el.getAttribute('data-call') === callId);
  }
}
