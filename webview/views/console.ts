// The Console view: what the program printed, and its traceback, with `line N` as buttons.

import { linkLines, type PanelContext } from '../context';
import { clear, h } from '../dom';

export class ConsoleView {
  readonly element = h('div', { class: 'console-view' });

  render(ctx: PanelContext): void {
    clear(this.element);
    const { output, error, source } = ctx.ix.report;
    if (!output.stdout && !output.stderr && !error) {
      this.element.appendChild(h('p', { class: 'empty' }, ctx.t('console.empty')));
      return;
    }
    if (output.stdout) {
      this.element.appendChild(h('h3', { class: 'section-title' }, ctx.t('console.stdout')));
      this.element.appendChild(h('pre', { class: 'console stdout' }, linkLines(ctx, output.stdout, source.file)));
    }
    const stderr = output.stderr || error?.traceback || '';
    if (stderr) {
      this.element.appendChild(h('h3', { class: 'section-title' }, ctx.t('console.traceback')));
      this.element.appendChild(h('pre', { class: 'console stderr' }, linkLines(ctx, stderr, error?.file ?? source.file)));
    }
  }
}
