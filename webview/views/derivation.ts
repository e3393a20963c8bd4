// The "Sigmoid two ways" view: the stepwise chain of local derivatives and the simplified
// formula side by side, element by element, with the allclose verdict, the symbolic steps and
// a plot of σ and σ′ with the inspected inputs marked.

import type { Derivation } from '../../src/engine/lens/report';
import { lineButton, type PanelContext } from '../context';
import { clear, h, s } from '../dom';
import { fmtNumber, fmtValue } from '../format';
import { allclose } from '../model/chain';
import { tex } from '../tex';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

function plot(ctx: PanelContext, inputs: readonly number[]): SVGSVGElement {
  const W = 380;
  const H = 210;
  const m = { l: 34, r: 12, t: 12, b: 26 };
  const X = (x: number) => m.l + ((x + 6) / 12) * (W - m.l - m.r);
  const Y = (y: number) => H - m.b - y * (H - m.t - m.b);
  const path = (f: (x: number) => number) => {
    let d = '';
    for (let i = 0; i <= 240; i++) {
      const x = -6 + (12 * i) / 240;
      d += `${i ? 'L' : 'M'}${X(x).toFixed(2)},${Y(f(x)).toFixed(2)}`;
    }
    return d;
  };
  const svg = s('svg', { class: 'sigma-plot', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': ctx.t('deriv.plot') });
  const axes = s('g', { class: 'axes' });
  for (const x of [-6, -4, -2, 0, 2, 4, 6]) {
    axes.appendChild(s('line', { x1: X(x), x2: X(x), y1: Y(0), y2: Y(1), class: x === 0 ? 'axis' : 'grid' }));
    axes.appendChild(s('text', { x: X(x), y: H - 8, class: 'tick' }, String(x)));
  }
  for (const y of [0, 0.25, 0.5, 0.75, 1]) {
    axes.appendChild(s('line', { x1: X(-6), x2: X(6), y1: Y(y), y2: Y(y), class: y === 0 ? 'axis' : 'grid' }));
    axes.appendChild(s('text', { x: m.l - 6, y: Y(y) + 4, class: 'tick y' }, String(y)));
  }
  svg.appendChild(axes);
  svg.appendChild(s('path', { d: path(sigma), class: 'curve sigma' }));
  svg.appendChild(s('path', { d: path((x) => sigma(x) * (1 - sigma(x))), class: 'curve dsigma' }));
  for (const x of inputs) {
    if (x < -6 || x > 6) continue;
    const y = sigma(x);
    const dy = y * (1 - y);
    svg.appendChild(s('line', { x1: X(x), x2: X(x), y1: Y(0), y2: Y(y), class: 'marker-line' }));
    svg.appendChild(s('circle', { cx: X(x), cy: Y(y), r: 4, class: 'marker sigma' }, s('title', {}, `σ(${fmtNumber(x)}) = ${fmtNumber(y)}`)));
    svg.appendChild(s('circle', { cx: X(x), cy: Y(dy), r: 4, class: 'marker dsigma' }, s('title', {}, `σ′(${fmtNumber(x)}) = ${fmtNumber(dy)}`)));
  }
  const legend = s('g', { class: 'plot-legend', transform: `translate(${m.l + 8}, ${m.t + 6})` },
    s('line', { x1: 0, x2: 18, y1: 0, y2: 0, class: 'curve sigma' }), s('text', { x: 24, y: 4 }, ctx.t('deriv.sigma')),
    s('line', { x1: 0, x2: 18, y1: 16, y2: 16, class: 'curve dsigma' }), s('text', { x: 24, y: 20 }, ctx.t('deriv.sigmaPrime')));
  svg.appendChild(legend);
  return svg;
}

function numbersOf(xs: readonly number[] | undefined): string {
  if (!xs) return '—';
  return xs.length === 1 ? fmtNumber(xs[0]) : `[${xs.map(fmtNumber).join(' ')}]`;
}

export class DerivationView {
  readonly element = h('div', { class: 'derivation-view' });

  render(ctx: PanelContext): void {
    clear(this.element);
    const list = ctx.ix.report.derivations;
    if (!list.length) {
      this.element.appendChild(h('p', { class: 'empty' }, ctx.t('deriv.none')));
      return;
    }
    for (const d of list) this.element.appendChild(this.one(ctx, d));
  }

  private one(ctx: PanelContext, d: Derivation): HTMLElement {
    const t = ctx.t;
    const layer = ctx.ix.layer.get(d.layer);
    const section = h('section', { class: 'derivation', 'data-layer': d.layer });
    const head = h('div', { class: 'chain-head' }, h('h2', {}, t('deriv.layer', layer?.label ?? d.layer)));
    if (layer?.backwardSpan) head.appendChild(h('div', { class: 'where' }, `${t('chain.backwardAt')} `, lineButton(ctx, layer.backwardSpan.file, layer.backwardSpan.line)));
    section.appendChild(head);

    const stepwise = h('div', { class: 'way stepwise' }, h('h3', {}, t('deriv.stepwise')));
    const steps = h('tbody');
    for (const st of d.stepwise.steps) {
      steps.appendChild(h('tr', { class: 'step' },
        h('td', { class: 'step-op' }, st.op),
        h('td', {}, tex(st.tex)),
        h('td', {}, h('code', { class: 'step-values' }, numbersOf(st.local.data)))));
    }
    stepwise.appendChild(h('table', { class: 'steps' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, t('chain.local')), h('th', {}, ''))), steps));
    stepwise.appendChild(h('div', { class: 'product' }, h('span', { class: 'muted' }, `${t('deriv.product')}: `), h('code', { class: 'stepwise-values' }, numbersOf(d.stepwise.product.data) || fmtValue(d.stepwise.product))));

    const simplified = h('div', { class: 'way simplified' }, h('h3', {}, t('deriv.simplified')));
    if (d.simplified) {
      simplified.appendChild(h('div', { class: 'formula-text' }, h('code', {}, d.simplified.text), d.simplified.line && layer?.backwardSpan ? ' ' : '', d.simplified.line && layer?.backwardSpan ? lineButton(ctx, layer.backwardSpan.file, d.simplified.line) : null));
      simplified.appendChild(h('div', { class: 'product' }, h('code', { class: 'simplified-values' }, numbersOf(d.simplified.value.data) || fmtValue(d.simplified.value))));
    }
    section.appendChild(h('div', { class: 'two-ways' }, stepwise, simplified));

    // Per element, side by side.
    const xs = d.input.data ?? [];
    const a = d.stepwise.product.data;
    const b = d.simplified?.value.data;
    if (a) {
      const body = h('tbody');
      let maxDiff = 0;
      a.forEach((v, i) => {
        const w = b ? (b.length === 1 ? b[0] : b[i]) : undefined;
        const diff = w === undefined ? undefined : Math.abs(v - w);
        if (diff !== undefined) maxDiff = Math.max(maxDiff, diff);
        body.appendChild(h('tr', {}, h('td', {}, xs[i] !== undefined ? fmtNumber(xs[i]) : ''), h('td', { class: 'stepwise' }, fmtNumber(v)),
          h('td', { class: 'simplified' }, w === undefined ? '—' : fmtNumber(w)), h('td', { class: 'diff' }, diff === undefined ? '—' : diff === 0 ? '0' : diff.toExponential(2))));
      });
      section.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'numbers per-element' },
        h('thead', {}, h('tr', {}, h('th', {}, t('deriv.x')), h('th', {}, t('deriv.stepwise')), h('th', {}, t('deriv.simplified')), h('th', {}, t('deriv.diff')))), body)));
      const max = d.maxAbsDiff ?? maxDiff;
      const agree = d.agree ?? (b ? allclose(a, b) : undefined);
      const verdict = h('div', { class: 'verdict' }, h('span', { class: 'max-diff' }, t('deriv.maxDiff', max === 0 ? '0' : max.toExponential(2))));
      if (agree !== undefined) verdict.appendChild(h('vscode-badge', { class: `allclose ${agree ? 'badge-pass' : 'badge-fail'}` }, t('deriv.allclose', agree ? 'True' : 'False')));
      section.appendChild(verdict);
    }

    const lower = h('div', { class: 'symbolic-and-plot' });
    if (d.symbolic?.steps.length) {
      const ol = h('ol', { class: 'symbolic' });
      for (const st of d.symbolic.steps) ol.appendChild(h('li', {}, h('span', { class: 'muted sym-label' }, st.label), tex(st.tex, true)));
      lower.appendChild(h('div', {}, h('h3', {}, t('deriv.symbolic')), ol));
    }
    if (layer?.kind === 'sigmoid' || layer === undefined) {
      lower.appendChild(h('figure', { class: 'plot' }, plot(ctx, xs), h('figcaption', { class: 'muted' }, t('deriv.plot'))));
    }
    section.appendChild(lower);
    return section;
  }
}
