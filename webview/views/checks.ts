// The Gradient check view: one row per check (what the gradient is of, pass or fail, the relative
// errors, the line and why), then the hazards as warnings.

import { lineButton, type PanelContext } from '../context';
import { clear, h } from '../dom';

/** Explanations mark code with backticks, as in Markdown. */
function withCode(text: string): (HTMLElement | string)[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

function relError(x: number | undefined): string {
  if (x === undefined) return '—';
  return x === 0 ? '0' : x.toExponential(2);
}

export class ChecksView {
  readonly element = h('div', { class: 'checks-view' });

  /** vscode-table sizes its columns from its own width, so only once it is shown. */
  sizeColumns(): void {
    const table = this.element.querySelector('vscode-table') as (HTMLElement & { columns?: string[] }) | null;
    if (table && table.offsetWidth > 0) table.columns = ['16%', '9%', '11%', '11%', '8%', '45%'];
  }

  render(ctx: PanelContext): void {
    clear(this.element);
    const t = ctx.t;
    const { checks, hazards } = ctx.ix.report;
    if (!checks.length) {
      this.element.appendChild(h('p', { class: 'empty' }, t('checks.none')));
    } else {
      const header = h('vscode-table-header', { slot: 'header' },
        ...[t('checks.target'), t('checks.verdict'), t('checks.relAuto'), t('checks.relNum'), t('checks.line'), t('checks.explanation')]
          .map((label) => h('vscode-table-header-cell', {}, label)));
      const body = h('vscode-table-body', { slot: 'body' });
      for (const c of checks) {
        const layer = ctx.ix.layer.get(c.layer);
        const file = layer?.backwardSpan?.file ?? ctx.ix.report.source.file;
        body.appendChild(h('vscode-table-row', { class: `check-row ${c.passed ? 'pass' : 'fail'}`, 'data-layer': c.layer },
          h('vscode-table-cell', {}, h('code', {}, `${layer?.label ?? c.layer}.${c.target.name}`), ' ',
            h('span', { class: 'muted' }, t(c.target.kind === 'param' ? 'checks.param' : 'checks.input'))),
          h('vscode-table-cell', {}, h('vscode-badge', { class: c.passed ? 'badge-pass' : 'badge-fail' }, c.passed ? `✓ ${t('checks.pass')}` : `✗ ${t('checks.fail')}`)),
          h('vscode-table-cell', { class: 'num' }, relError(c.relErrorAutomatic)),
          h('vscode-table-cell', { class: 'num' }, relError(c.relErrorNumerical)),
          h('vscode-table-cell', {}, c.line ? lineButton(ctx, file, c.line) : '—'),
          h('vscode-table-cell', { class: 'explanation' }, ...withCode(c.explanation?.text ?? ''))));
      }
      const table = h('vscode-table', { zebra: true, 'bordered-rows': true, resizable: true, class: 'checks-table' }, header, body);
      this.element.appendChild(table);
      this.sizeColumns();
    }
    this.element.appendChild(h('h3', { class: 'section-title' }, t('checks.hazards')));
    if (!hazards.length) {
      this.element.appendChild(h('p', { class: 'muted' }, t('checks.noHazards')));
      return;
    }
    for (const hz of hazards) {
      const layer = ctx.ix.layer.get(hz.layer);
      this.element.appendChild(h('div', { class: 'hazard', role: 'note', 'data-kind': hz.kind },
        h('span', { class: 'hazard-icon', 'aria-hidden': 'true' }, '⚠'),
        h('div', { class: 'hazard-body' },
          h('div', { class: 'hazard-title' }, h('code', {}, layer?.label ?? hz.layer), ` · ${hz.kind}`, hz.span ? ' · ' : '', hz.span ? lineButton(ctx, hz.span.file, hz.span.line) : null),
          h('div', {}, ...withCode(hz.message)))));
    }
  }
}
