// The Graph tab: a toolbar (zoom, fit, open layers, export, legend) over the graph.

import type { ExportFormat } from '../../src/protocol';
import type { PanelContext } from '../context';
import { clear, h } from '../dom';
import { GraphView } from './graph';

function button(label: string, title: string, onClick: () => void, cls = ''): HTMLElement {
  const b = h('vscode-button', { secondary: true, title, 'aria-label': title, class: `tool ${cls}`.trim() }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A PNG data URL of an SVG document, drawn at twice its size. */
export function svgToPng(svg: string, width: number, height: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const scale = 2;
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      const c = canvas.getContext('2d');
      if (!c) {
        reject(new Error('no 2d canvas'));
        return;
      }
      c.scale(scale, scale);
      c.drawImage(img, 0, 0, width, height);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
    let bin = '';
    for (const b of new TextEncoder().encode(svg)) bin += String.fromCharCode(b);
    img.src = `data:image/svg+xml;base64,${btoa(bin)}`;
  });
}

export class GraphTab {
  readonly element = h('div', { class: 'graph-tab' });
  readonly graph = new GraphView();
  private ctx?: PanelContext;

  render(ctx: PanelContext): void {
    this.ctx = ctx;
    const t = ctx.t;
    clear(this.element);
    if (ctx.ix.report.graph.nodes.length === 0) {
      this.element.appendChild(h('p', { class: 'empty' }, t('graph.empty')));
      return;
    }
    const expandable = ctx.ix.report.graph.nodes.filter((n) => n.kind === 'layer' && n.forwardCall && ctx.ix.call.get(n.forwardCall)?.tape);
    const allOpen = expandable.length > 0 && expandable.every((n) => ctx.state.expanded.includes(n.id));
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('tab.graph') },
      h('div', { class: 'tool-group' },
        button('−', t('graph.zoomOut'), () => this.graph.zoomBy(0.8)),
        button('+', t('graph.zoomIn'), () => this.graph.zoomBy(1.25)),
        button(t('graph.fit'), t('graph.fit'), () => this.graph.fit())),
      h('div', { class: 'tool-group' },
        button(allOpen ? t('graph.collapseAll') : t('graph.expandAll'), allOpen ? t('graph.collapseAll') : t('graph.expandAll'), () => {
          for (const n of expandable) ctx.setExpanded(n.id, !allOpen);
        })),
      h('div', { class: 'tool-group export' },
        h('span', { class: 'tool-label' }, `${t('graph.export')}:`),
        button(t('graph.exportSvg'), `${t('graph.export')} SVG`, () => void this.export('svg'), 'export-svg'),
        button(t('graph.exportPng'), `${t('graph.export')} PNG`, () => void this.export('png'), 'export-png'),
        // The whole panel as a page; a standalone page is that page already.
        ctx.standalone ? null : button(t('graph.exportHtml'), t('graph.exportHtml.title'), () => this.exportPage(), 'export-html')),
      h('div', { class: 'legend', 'aria-hidden': 'true' },
        h('span', { class: 'legend-forward' }, `■ ${t('graph.legend.forward')}`),
        h('span', { class: 'legend-gradient' }, `■ ${t('graph.legend.gradient')}`)));
    this.element.appendChild(toolbar);
    this.element.appendChild(this.graph.element);
    this.graph.setContext(ctx);
  }

  private fileStem(): string {
    const file = this.ctx?.ix.report.source.file ?? 'backprop-lens';
    return file.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') || 'backprop-lens';
  }

  private baseName(): string {
    return `${this.fileStem()}-graph`;
  }

  /** The whole panel as one HTML page: the host builds it (webview/page.ts's standalonePanelHtml) from the report it holds. */
  exportPage(): void {
    this.ctx?.post({ type: 'exportPage', suggestedName: `${this.fileStem()}-lens.html` });
  }

  async export(format: ExportFormat): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const svg = this.graph.exportSvg();
    const name = this.baseName();
    if (format === 'svg') {
      ctx.post({ type: 'export', format, data: svg, suggestedName: `${name}.svg` });
    } else {
      const { width, height } = this.graph.size();
      const data = await svgToPng(svg, width, height);
      ctx.post({ type: 'export', format, data, suggestedName: `${name}.png` });
    }
  }
}
