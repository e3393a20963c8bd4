// Entry of the lesson page's script (dist/webview/lesson.js, with lesson.css): a lesson's
// explanation with its maths, the figure drawn by the panel's GraphView from the demo's run, and
// the workbench: Open starter code, Check my code with its items, hints one at a time, the solution.

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import './lesson.css';
import { FIGURE_MARKER_TEXT } from './figure';
import { isHostToLesson, type HostToLesson, type LessonStatus, type LessonToHost, type LessonUiKey } from '../../src/lessonProtocol';
import type { LensReport } from '../../src/engine/lens/report';
import type { PanelContext, PanelState } from '../context';
import { clear, h } from '../dom';
import { translator } from '../l10n';
import { indexReport } from '../model/index';
import { GraphView } from '../views/graph';
import { renderInline, renderMarkdown } from './markdown';
import { followTheme } from '../standalone';

interface VsCodeApi {
  postMessage(msg: LessonToHost): void;
  getState(): unknown;
  setState(state: { id?: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Lesson = Extract<HostToLesson, { type: 'lesson' }>;


function fill(text: string, ...args: (string | number)[]): string {
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

function button(label: string, title: string, action: string, onClick: () => void, secondary = true): HTMLElement {
  const b = h('vscode-button', { title, 'data-action': action, ...(secondary ? { secondary: true } : {}) }, label);
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) onClick();
  });
  return b;
}

class LessonPage {
  private lesson?: Lesson;
  private ui!: Record<LessonUiKey, string>;
  private readonly header = h('header', { class: 'lesson-header' });
  private readonly progress = h('vscode-progress-bar', { class: 'progress', hidden: true });
  private readonly article = h('article', { class: 'lesson-text' });
  private readonly bench = h('aside', { class: 'lesson-bench' });
  private readonly actions = h('div', { class: 'lesson-actions', role: 'toolbar' });
  private readonly docLine = h('p', { class: 'lesson-document muted' });
  private readonly failure = h('p', { class: 'lesson-failure', role: 'alert', hidden: true });
  private readonly result = h('section', { class: 'lesson-result', 'aria-live': 'polite' });
  private readonly hints = h('section', { class: 'lesson-hints', 'aria-live': 'polite' });
  private graph?: GraphView;
  private graphState: PanelState = { tab: 'graph', step: 0, expanded: [] };

  constructor(private readonly root: HTMLElement, private readonly vscode: VsCodeApi) {
    this.bench.append(this.actions, this.docLine, this.failure, this.result, this.hints);
    root.append(this.progress, this.header, h('div', { class: 'lesson-columns' }, this.article, this.bench));
    window.addEventListener('message', (ev: MessageEvent<unknown>) => {
      if (isHostToLesson(ev.data)) this.onMessage(ev.data);
    });
    this.post({ type: 'ready' });
  }

  private post(msg: LessonToHost): void {
    this.vscode.postMessage(msg);
  }

  private onMessage(msg: HostToLesson): void {
    if (msg.type === 'lesson') {
      const same = this.lesson?.lesson.id === msg.lesson.id && this.lesson.markdown === msg.markdown && this.lesson.lang === msg.lang;
      this.lesson = msg;
      this.ui = msg.ui;
      this.vscode.setState({ id: msg.lesson.id });
      document.documentElement.lang = msg.lang;
      if (!same) this.renderLesson(msg);
      this.renderStatus(msg.status);
      if (msg.markdown) this.post({ type: 'painted', id: msg.lesson.id });
    } else if (this.lesson) {
      this.renderStatus(msg.status);
    }
  }

  private renderLesson(msg: Lesson): void {
    const { lesson, ui } = msg;
    clear(this.header);
    const nav = h('nav', { class: 'lesson-nav', 'aria-label': fill(ui.lessonOf, lesson.number, lesson.total) });
    if (lesson.previous) nav.appendChild(button(`← ${ui.previous}`, ui.previous, 'previous', () => this.post({ type: 'goto', id: lesson.previous as string })));
    if (lesson.next) nav.appendChild(button(`${ui.next} →`, ui.next, 'next', () => this.post({ type: 'goto', id: lesson.next as string })));
    this.header.append(
      h('span', { class: 'lesson-number muted' }, fill(ui.lessonOf, lesson.number, lesson.total)),
      h('span', { class: 'lesson-done', hidden: true }, `✓ ${ui.completed}`),
      h('span', { class: 'spacer' }),
      nav,
    );

    clear(this.actions);
    this.actions.setAttribute('aria-label', lesson.title);
    this.actions.append(
      button(ui.openStarter, ui['openStarter.title'], 'openStarter', () => this.post({ type: 'openStarter' })),
      button(ui.check, ui['check.title'], 'check', () => this.post({ type: 'check' }), false),
      button(ui.nextHint, ui['nextHint.title'], 'nextHint', () => this.post({ type: 'nextHint' })),
      button(ui.showSolution, ui['showSolution.title'], 'showSolution', () => this.post({ type: 'showSolution' })),
    );

    clear(this.article);
    this.graph = undefined;
    if (!msg.markdown) {
      this.article.appendChild(h('h1', {}, lesson.title));
      return;
    }
    const [before, ...after] = msg.markdown.split(FIGURE_MARKER_TEXT);
    this.article.appendChild(renderMarkdown(before));
    if (after.length) {
      this.article.appendChild(this.figure(msg.report, msg.l10n));
      this.article.appendChild(renderMarkdown(after.join('\n')));
    }
  }

  /** The demo's layer graph, drawn by the panel's GraphView with the lesson page as its context. */
  private figure(report: LensReport | undefined, l10n: Record<string, string>): HTMLElement {
    const ui = this.ui;
    const fig = h('figure', { class: 'lesson-figure', 'aria-label': ui.figure });
    if (!report || report.graph.nodes.length === 0) return fig;
    const graph = new GraphView();
    this.graph = graph;
    this.graphState = { tab: 'graph', step: 0, expanded: [] };
    const t = translator(l10n);
    const current = () => this.graphState;
    const ctx: PanelContext = {
      ix: indexReport(report),
      t,
      sources: [],
      standalone: false,
      get state() {
        return current();
      },
      // The figure is an illustration of the demo run: nothing in it refers to the learner's code.
      post: () => {},
      select: (node) => {
        this.graphState = { ...this.graphState, node };
        graph.markSelection();
      },
      setExpanded: (node, open) => {
        const expanded = this.graphState.expanded.filter((n) => n !== node);
        this.graphState = { ...this.graphState, expanded: open ? [...expanded, node] : expanded };
        graph.render();
      },
      setStep: () => {},
      saveZoom: () => {},
      requestArray: async () => null,
      announce: () => {},
    };
    fig.append(graph.element, h('figcaption', { class: 'muted' }, ui['figure.caption']));
    graph.setContext(ctx);
    // The page shares the window with the learner's code: keep the whole figure in view as it narrows or widens.
    let width = 0;
    new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== width) {
        width = w;
        graph.fit();
      }
    }).observe(fig);
    return fig;
  }

  private renderStatus(status: LessonStatus): void {
    const ui = this.ui;
    this.progress.hidden = !status.busy;
    this.header.querySelector('.lesson-done')?.toggleAttribute('hidden', !status.completed);
    const action = (name: string) => this.actions.querySelector(`[data-action="${name}"]`);
    action('check')?.toggleAttribute('disabled', status.busy === 'check');
    action('nextHint')?.toggleAttribute('disabled', status.hints.length >= status.hintCount);
    // Hints first, one at a time; then the solution.
    action('showSolution')?.toggleAttribute('disabled', status.hints.length < status.hintCount && !status.completed);

    this.docLine.textContent = status.document ? fill(ui.document, status.document) : ui.noDocument;
    this.failure.hidden = !status.failure;
    this.failure.textContent = status.failure ?? '';

    clear(this.result);
    if (status.busy === 'check') {
      this.result.appendChild(h('p', { class: 'muted' }, ui.checking));
    } else if (status.busy === 'demo') {
      this.result.appendChild(h('p', { class: 'muted' }, ui.preparing));
    }
    const check = status.check;
    if (check && status.busy !== 'check') {
      const failed = check.items.filter((i) => !i.ok).length;
      this.result.append(
        h('h2', {}, `${ui.result}: ${check.document}`),
        h('p', { class: `result-summary ${check.passed ? 'pass' : 'fail'}` }, check.passed ? `✓ ${ui.passed}` : `✗ ${fill(ui.failed, failed, check.items.length)}`),
      );
      const list = h('ul', { class: 'check-items' });
      for (const item of check.items) {
        const mark = item.ok ? (item.warning ? '⚠' : '✓') : '✗';
        const li = h('li', { class: `check-item ${item.ok ? (item.warning ? 'warn' : 'pass') : 'fail'}`, 'data-kind': item.kind });
        li.appendChild(h('span', { class: 'mark', 'aria-label': item.ok ? (item.warning ? ui.warning : ui.passed) : ui.result }, mark));
        const text = renderInline(item.message, h('span', { class: 'message' }));
        li.appendChild(text);
        if (item.line) li.appendChild(this.lineButton(item.line));
        list.appendChild(li);
      }
      this.result.appendChild(list);
    }

    clear(this.hints);
    if (status.hints.length) {
      this.hints.appendChild(h('h2', {}, ui.hints));
      const ol = h('ol', { class: 'hint-list' });
      for (const hint of status.hints) {
        const li = renderInline(hint.text, h('li', { class: 'hint' }));
        if (hint.line) li.appendChild(this.lineButton(hint.line));
        ol.appendChild(li);
      }
      this.hints.append(ol, h('p', { class: 'muted hint-count' },
        status.hints.length < status.hintCount ? fill(ui.hintsLeft, status.hints.length, status.hintCount) : ui.noHintsLeft));
    }
  }

  private lineButton(line: number): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'line-ref', 'data-line': line }, fill(this.ui.line, line));
    b.addEventListener('click', () => this.post({ type: 'reveal', line }));
    return b;
  }
}

followTheme();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
root.classList.add('lesson-page');
new LessonPage(root, acquireVsCodeApi());
