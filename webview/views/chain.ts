// The Chain rule view: at the selected node, upstream gradient × local derivative = downstream
// gradient, with the run's numbers and the formula in KaTeX.

import type { ValueSummary } from '../../src/engine/lens/report';
import { lineButton, type PanelContext } from '../context';
import { clear, h } from '../dom';
import { fmtNumber, fmtShape } from '../format';
import { layerTitle } from '../model/index';
import { chainAtLayer, chainAtOp, type ChainRow } from '../model/chain';
import type { TapeGradients } from '../model/tape';
import { tex } from '../tex';

const MAX_ROWS = 12;

function arrayText(xs: readonly number[] | undefined): string {
  if (!xs) return '—';
  if (xs.length === 1) return fmtNumber(xs[0]);
  const shown = xs.slice(0, 6).map(fmtNumber).join(' ');
  return `[${shown}${xs.length > 6 ? ' …' : ''}]`;
}

function texNumber(xs: readonly number[] | undefined): string | undefined {
  return xs && xs.length === 1 ? fmtNumber(xs[0]).replace(/e([+-]\d+)/, '\\times 10^{$1}') : undefined;
}

function term(cls: string, label: string, value: string, shape?: string): HTMLElement {
  return h('div', { class: `term ${cls}` },
    h('span', { class: 'term-label' }, label),
    h('span', { class: 'term-value' }, value),
    shape ? h('span', { class: 'term-shape' }, shape) : null);
}

export class ChainView {
  readonly element = h('div', { class: 'chain-view' });

  render(ctx: PanelContext, gradients: Map<string, TapeGradients> | undefined): void {
    clear(this.element);
    const t = ctx.t;
    const id = ctx.state.node;
    if (!id) {
      this.element.appendChild(h('p', { class: 'empty' }, t('chain.pick')));
      return;
    }
    const [nodeId, opId] = id.split('::');
    const node = ctx.ix.node.get(nodeId);
    if (!node) {
      this.element.appendChild(h('p', { class: 'empty' }, t('chain.pick')));
      return;
    }
    if (node.kind !== 'layer') {
      this.element.appendChild(h('h2', { class: 'chain-title' }, node.label));
      this.element.appendChild(h('p', { class: 'empty' }, t('chain.notLayer')));
      return;
    }
    const { name, cls } = layerTitle(ctx.ix, node);
    const info = node.layer ? ctx.ix.layer.get(node.layer) : undefined;
    const fwd = node.forwardCall ? ctx.ix.call.get(node.forwardCall) : undefined;
    const bwd = node.backwardCall ? ctx.ix.call.get(node.backwardCall) : undefined;
    const where = h('div', { class: 'where' });
    const add = (label: string, file: string | undefined, line: number | undefined) => {
      if (!file || !line) return;
      where.appendChild(h('span', { class: 'where-item' }, `${label} `, lineButton(ctx, file, line)));
    };
    add(t('chain.forwardAt'), info?.forwardSpan?.file, info?.forwardSpan?.line);
    add(t('chain.backwardAt'), info?.backwardSpan?.file, info?.backwardSpan?.line);
    if (fwd) add(`${t('chain.calledAt')} (${t('act.forward')})`, fwd.site.file, fwd.site.line);
    if (bwd) add(`${t('chain.calledAt')} (${t('act.backward')})`, bwd.site.file, bwd.site.line);
    this.element.appendChild(h('div', { class: 'chain-head' },
      h('h2', { class: 'chain-title' }, name, ' ', h('span', { class: 'muted' }, cls)), where));

    if (opId) {
      this.renderOp(ctx, nodeId, id, gradients?.get(nodeId));
      return;
    }
    const chain = chainAtLayer(ctx.ix, node);
    if (!chain?.backward) {
      this.element.appendChild(h('p', { class: 'empty' }, t('chain.noBackward')));
      return;
    }
    const rows = chain.rows.filter((r) => r.learner || r.expected || r.local);
    for (const row of rows) this.element.appendChild(this.card(ctx, row, chain.upstreamValue));
  }

  private card(ctx: PanelContext, row: ChainRow, upstreamValue: ValueSummary | undefined): HTMLElement {
    const t = ctx.t;
    const card = h('section', { class: 'chain-card', 'data-target': row.target });
    card.appendChild(h('h3', {}, t(row.kind === 'param' ? 'chain.param' : 'chain.port', row.target)));
    let formula = row.tex;
    const up = texNumber(row.upstream);
    const loc = texNumber(row.local);
    const down = texNumber(row.expected);
    if (up && loc && down) formula += ` = ${up} \\times ${loc} = ${down}`;
    card.appendChild(h('div', { class: 'chain-formula' }, tex(formula, true)));

    const eq = h('div', { class: 'chain-equation' });
    const shape = upstreamValue?.kind === 'array' && upstreamValue.shape ? fmtShape(upstreamValue.shape) : undefined;
    eq.appendChild(term('term-upstream', t('chain.upstream'), arrayText(row.upstream), shape));
    eq.appendChild(h('span', { class: 'op', 'aria-hidden': 'true' }, row.local ? '×' : '·'));
    if (row.local) eq.appendChild(term('term-local', t('chain.local'), arrayText(row.local)));
    else eq.appendChild(h('div', { class: 'term term-local' }, h('span', { class: 'term-label' }, t('chain.local')), tex(row.tex.split('=').pop() ?? '')));
    eq.appendChild(h('span', { class: 'op', 'aria-hidden': 'true' }, '='));
    eq.appendChild(term('term-downstream', t('chain.downstream'), arrayText(row.expected ?? row.learner?.data)));
    card.appendChild(eq);

    if (row.learner) {
      const verdict = row.agrees === undefined ? undefined : row.agrees;
      card.appendChild(h('div', { class: `learner${verdict === false ? ' differs' : ''}` },
        h('span', { class: 'term-label' }, `${t('chain.learner')}: `),
        h('code', {}, row.learner.text.replace(/\s*\n\s*/g, ' ')),
        verdict === undefined ? null : h('vscode-badge', { variant: 'default', class: verdict ? 'badge-pass' : 'badge-fail' },
          verdict ? `✓ ${t('chain.matches')}` : `✗ ${t('chain.differs')}`)));
    }
    if (row.upstream && row.upstream.length > 1 && row.expected) card.appendChild(this.table(ctx, row));
    return card;
  }

  private table(ctx: PanelContext, row: ChainRow): HTMLElement {
    const t = ctx.t;
    const n = Math.max(row.upstream?.length ?? 0, row.expected?.length ?? 0);
    const learner = row.learner?.data;
    const at = (xs: readonly number[] | undefined, i: number) => (xs ? fmtNumber(xs.length === 1 ? xs[0] : xs[i]) : '');
    const head = h('tr', {}, h('th', {}, t('chain.element')), h('th', {}, t('chain.upstream')),
      row.local ? h('th', {}, t('chain.local')) : null, h('th', {}, t('chain.downstream')), learner ? h('th', {}, t('chain.learner')) : null);
    const body = h('tbody');
    for (let i = 0; i < Math.min(n, MAX_ROWS); i++) {
      body.appendChild(h('tr', {}, h('td', { class: 'idx' }, i), h('td', {}, row.upstream && row.upstream.length === n ? at(row.upstream, i) : ''),
        row.local ? h('td', {}, at(row.local, i)) : null, h('td', {}, at(row.expected, i)), learner ? h('td', {}, learner.length === n || learner.length === 1 ? at(learner, i) : '') : null));
    }
    const wrap = h('div', { class: 'table-wrap' }, h('table', { class: 'numbers' }, h('thead', {}, head), body));
    if (n > MAX_ROWS) wrap.appendChild(h('p', { class: 'muted' }, t('chain.moreElements', n - MAX_ROWS)));
    return wrap;
  }

  private renderOp(ctx: PanelContext, nodeId: string, vnodeId: string, grads: TapeGradients | undefined): void {
    const t = ctx.t;
    const node = ctx.ix.node.get(nodeId);
    const call = node?.forwardCall ? ctx.ix.call.get(node.forwardCall) : undefined;
    const tapeId = call?.tape;
    const opId = vnodeId.split('::')[1];
    const op = tapeId ? ctx.ix.tape.get(tapeId)?.ops.find((o) => o.id === opId) : undefined;
    if (!op || !tapeId) {
      this.element.appendChild(h('p', { class: 'empty' }, t('chain.pick')));
      return;
    }
    this.element.appendChild(h('p', { class: 'op-source' }, h('code', {}, op.text), ' ', lineButton(ctx, op.span.file, op.span.line)));
    const chain = chainAtOp(ctx.ix, tapeId, opId, grads);
    if (!chain) {
      this.element.appendChild(h('p', { class: 'empty' }, t('chain.opNoGradient')));
      return;
    }
    for (const r of chain.rows) {
      const card = h('section', { class: 'chain-card', 'data-target': r.input });
      card.appendChild(h('h3', {}, t('chain.port', r.input)));
      let formula = r.tex;
      const up = texNumber(chain.upstream);
      const loc = texNumber(r.local);
      const down = texNumber(r.downstream);
      if (up && loc && down) formula += ` = ${up} \\times ${loc} = ${down}`;
      card.appendChild(h('div', { class: 'chain-formula' }, tex(formula, true)));
      card.appendChild(h('div', { class: 'chain-equation' },
        term('term-upstream', t('chain.upstream'), arrayText(chain.upstream)),
        h('span', { class: 'op', 'aria-hidden': 'true' }, '×'),
        term('term-local', t('chain.local'), arrayText(r.local)),
        h('span', { class: 'op', 'aria-hidden': 'true' }, '='),
        term('term-downstream', t('chain.downstream'), arrayText(r.downstream))));
      this.element.appendChild(card);
    }
  }
}
