// The Console view: what the program printed, and its traceback, with `line N` as buttons; then
// what the lens ran besides the learner's code (synthesized inputs and their driver) and, when the
// host sends them, listings of the inspected code with the selected, failing and error lines marked.

import type { SourceListing } from '../../src/protocol';
import { linkLines, type PanelContext } from '../context';
import { clear, h } from '../dom';
import { fmtValue } from '../format';

export class ConsoleView {
  readonly element = h('div', { class: 'console-view' });

  render(ctx: PanelContext): void {
    clear(this.element);
    const t = ctx.t;
    const { output, error, source, synthesized, driver } = ctx.ix.report;
    if (!output.stdout && !output.stderr && !error) {
      this.element.appendChild(h('p', { class: 'empty' }, t('console.empty')));
    }
    if (output.stdout) {
      this.element.appendChild(h('h3', { class: 'section-title' }, t('console.stdout')));
      this.element.appendChild(h('pre', { class: 'console stdout' }, linkLines(ctx, output.stdout, source.file)));
    }
    const stderr = output.stderr || error?.traceback || '';
    if (stderr) {
      this.element.appendChild(h('h3', { class: 'section-title' }, t('console.traceback')));
      this.element.appendChild(h('pre', { class: 'console stderr' }, linkLines(ctx, stderr, error?.file ?? source.file)));
    }
    if (synthesized?.length) {
      this.element.appendChild(h('h3', { class: 'section-title' }, t('console.synthesized')));
      this.element.appendChild(h('p', { class: 'muted help' }, t('console.synthesizedHelp')));
      const list = h('dl', { class: 'synthesized' });
      for (const s of synthesized) {
        const layer = ctx.ix.layer.get(s.layer);
        list.append(
          h('dt', {}, h('code', {}, `${layer?.label ?? s.layer}: ${s.name}`), ' = ', h('code', { class: 'term-value' }, fmtValue(s.value))),
          h('dd', { class: 'muted' }, s.why));
      }
      this.element.appendChild(list);
    }
    if (driver) this.element.appendChild(this.listing(ctx, { title: t('console.driver', baseName(driver.file)), file: driver.file, text: driver.source }));
    if (ctx.sources.length) {
      this.element.appendChild(h('h3', { class: 'section-title' }, t('console.source')));
      for (const s of ctx.sources) this.element.appendChild(this.listing(ctx, s));
    }
  }

  /** A listing with line numbers: selected lines, the error's line and failing checks' lines marked. */
  private listing(ctx: PanelContext, s: SourceListing): HTMLElement {
    const report = ctx.ix.report;
    const errorLine = report.error && report.error.file === s.file ? report.error.line : 0;
    const failing = new Set<number>();
    for (const c of report.checks) {
      if (!c.passed && c.line && ctx.ix.layer.get(c.layer)?.backwardSpan?.file === s.file) failing.add(c.line);
    }
    const lines = s.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const width = String(lines.length).length;
    const pre = h('pre', { class: 'code listing', 'data-file': s.file });
    lines.forEach((text, i) => {
      const n = i + 1;
      const cls = ['line',
        s.highlight && n >= s.highlight[0] && n <= s.highlight[1] ? 'sel' : '',
        n === errorLine ? 'err' : '',
        failing.has(n) ? 'bad' : ''].filter(Boolean).join(' ');
      pre.appendChild(h('span', { class: cls, 'data-line': n }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(n).padStart(width)), text || ' '));
    });
    return h('div', { class: 'source' }, h('h4', { class: 'listing-title' }, s.title), pre);
  }

  /** Scrolls to a line of a listing (a standalone page's answer to `reveal`); false when no listing has it. */
  reveal(file: string, line: number): boolean {
    const pre = Array.from(this.element.querySelectorAll('pre.listing')).find((p) => (p as HTMLElement).dataset.file === file);
    const el = pre?.querySelector(`.line[data-line="${line}"]`);
    if (!el) return false;
    Array.from(this.element.querySelectorAll('.line.revealed')).forEach((old) => old.classList.remove('revealed'));
    el.classList.add('revealed');
    requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
    return true;
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
