// The Step through view: a stepper walking the run call by call (every forward, then back
// through every backward), the graph at that moment, and the call's values.

import type { PanelContext } from '../context';
import { clear, h } from '../dom';
import { momentAt, stepCount } from '../model/steps';
import { LazyArrays, callCard } from './activations';
import { GraphView } from './graph';

export class StepsView {
  readonly element = h('div', { class: 'steps-view' });
  readonly graph = new GraphView({ stepper: true });
  private readonly lazy = new LazyArrays();
  private readonly slider = h('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, class: 'step-slider' });
  private readonly position = h('div', { class: 'step-position', 'aria-live': 'polite' });
  private readonly detail = h('div', { class: 'step-detail' });
  private ctx?: PanelContext;

  constructor() {
    this.slider.addEventListener('input', () => this.ctx?.setStep(Number(this.slider.value)));
    this.element.addEventListener('keydown', (ev) => {
      if (!this.ctx || ev.target === this.slider || (ev.target instanceof Element && ev.target.closest('.graph-viewport, .heatmap'))) return;
      const n = stepCount(this.ctx.ix);
      const at = this.ctx.state.step;
      const next = ev.key === 'ArrowRight' ? at + 1 : ev.key === 'ArrowLeft' ? at - 1 : ev.key === 'Home' ? 0 : ev.key === 'End' ? n - 1 : undefined;
      if (next === undefined) return;
      ev.preventDefault();
      this.ctx.setStep(Math.min(Math.max(next, 0), n - 1));
    });
  }

  render(ctx: PanelContext): void {
    this.ctx = ctx;
    clear(this.element);
    const t = ctx.t;
    const n = stepCount(ctx.ix);
    if (!n) {
      this.element.appendChild(h('p', { class: 'empty' }, t('steps.none')));
      return;
    }
    const btn = (label: string, title: string, to: () => number, cls: string) => {
      const b = h('vscode-button', { secondary: true, title, 'aria-label': title, class: `tool ${cls}` }, label);
      b.addEventListener('click', () => ctx.setStep(Math.min(Math.max(to(), 0), n - 1)));
      return b;
    };
    this.slider.max = String(n - 1);
    this.slider.setAttribute('aria-label', t('steps.label'));
    const bar = h('div', { class: 'toolbar stepper', role: 'toolbar', 'aria-label': t('tab.steps') },
      btn('|◀', t('steps.first'), () => 0, 'step-first'),
      btn('◀', t('steps.prev'), () => ctx.state.step - 1, 'step-prev'),
      this.slider,
      btn('▶', t('steps.next'), () => ctx.state.step + 1, 'step-next'),
      btn('▶|', t('steps.last'), () => n - 1, 'step-last'),
      this.position);
    this.element.appendChild(bar);
    this.element.appendChild(h('p', { class: 'muted help' }, t('steps.help')));
    this.element.appendChild(h('div', { class: 'steps-split' }, this.graph.element, this.detail));
    this.graph.setContext(ctx);
    this.update(ctx);
  }

  /** Shows the current step without rebuilding the stepper (keeps focus on the slider). */
  update(ctx: PanelContext): void {
    this.ctx = ctx;
    const n = stepCount(ctx.ix);
    if (!n) return;
    const step = Math.min(Math.max(ctx.state.step, 0), n - 1);
    const m = momentAt(ctx.ix, step);
    if (!m) return;
    this.slider.value = String(step);
    const layer = ctx.ix.layer.get(m.call.layer);
    const phase = ctx.t(m.call.method === 'forward' ? 'steps.forwardPhase' : 'steps.backwardPhase');
    const text = ctx.t('steps.position', step + 1, n, layer?.label ?? m.call.layer, m.call.method);
    this.position.textContent = `${text} · ${phase}`;
    this.slider.setAttribute('aria-valuetext', text);
    this.graph.setMoment(m);
    this.lazy.reset();
    clear(this.detail);
    this.detail.appendChild(callCard(ctx, m.call, this.lazy));
  }
}
