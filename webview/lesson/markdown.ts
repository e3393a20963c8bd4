// A lesson's Markdown as DOM nodes: markdown-it parses it (raw HTML off), and its tokens are
// turned into elements here, never into an HTML string, so nothing is parsed as markup and the
// page's CSP needs no 'unsafe-inline'. `$…$` and `$$…$$` are maths, drawn by KaTeX (webview/tex.ts).

import MarkdownIt, { type StateInline, type Token } from 'markdown-it';
import { h } from '../dom';
import { tex } from '../tex';

function mathRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const mark = display ? '$$' : '$';
  const start = pos + mark.length;
  const end = src.indexOf(mark, start);
  if (end < 0 || end === start) return false;
  // `$5 and $6` is money, not maths: inline maths does not start or end with a space.
  if (!display && (/\s/.test(src[start]) || /\s/.test(src[end - 1]))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
    token.content = src.slice(start, end);
    token.markup = mark;
  }
  state.pos = end + mark.length;
  return true;
}

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
md.inline.ruler.after('escape', 'math', mathRule);

/** Tags a token may open; anything else is rendered as its children only. */
const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);

function inline(tokens: Token[], parent: HTMLElement): void {
  const stack: HTMLElement[] = [parent];
  const top = () => stack[stack.length - 1];
  for (const tok of tokens) {
    switch (tok.type) {
      case 'text':
        top().appendChild(document.createTextNode(tok.content));
        break;
      case 'code_inline':
        top().appendChild(h('code', {}, tok.content));
        break;
      case 'softbreak':
        top().appendChild(document.createTextNode('\n'));
        break;
      case 'hardbreak':
        top().appendChild(h('br'));
        break;
      case 'math_inline':
        top().appendChild(tex(tok.content));
        break;
      case 'math_display':
        top().appendChild(tex(tok.content, true));
        break;
      case 'image':
        top().appendChild(document.createTextNode(tok.content));
        break;
      default:
        if (tok.nesting === 1) {
          const el = TAGS.has(tok.tag) ? h(tok.tag) : h('span');
          const href = tok.attrGet('href');
          // Links leave the page through VS Code, which opens http(s) ones in the browser.
          if (tok.tag === 'a' && href && /^https?:\/\//.test(href)) el.setAttribute('href', href);
          top().appendChild(el);
          stack.push(el);
        } else if (tok.nesting === -1 && stack.length > 1) {
          stack.pop();
        }
    }
  }
}

/** Markdown text to a fragment of elements. */
export function renderMarkdown(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const stack: Node[] = [frag];
  const top = () => stack[stack.length - 1];
  for (const tok of md.parse(text, {})) {
    if (tok.type === 'inline') {
      inline(tok.children ?? [], top() as HTMLElement);
    } else if (tok.type === 'fence' || tok.type === 'code_block') {
      const lang = tok.info.trim().split(/\s+/)[0];
      top().appendChild(h('pre', {}, h('code', lang ? { class: `language-${lang.replace(/[^\w-]/g, '')}` } : {}, tok.content)));
    } else if (tok.type === 'hr') {
      top().appendChild(h('hr'));
    } else if (tok.nesting === 1) {
      const el = h(TAGS.has(tok.tag) ? tok.tag : 'div');
      const start = tok.attrGet('start');
      if (tok.tag === 'ol' && start && /^\d+$/.test(start)) el.setAttribute('start', start);
      top().appendChild(el);
      stack.push(el);
    } else if (tok.nesting === -1 && stack.length > 1) {
      stack.pop();
    }
  }
  // A paragraph that is only display maths is a block of its own.
  for (const p of Array.from((frag as unknown as ParentNode).querySelectorAll('p'))) {
    if (p.childNodes.length === 1 && p.firstElementChild?.classList.contains('tex-display')) p.classList.add('math-block');
  }
  return frag;
}

/** One line of Markdown (a hint, a check's message): code spans, emphasis and maths, no blocks. */
export function renderInline(text: string, parent: HTMLElement): HTMLElement {
  const tokens = md.parseInline(text, {});
  inline(tokens[0]?.children ?? [], parent);
  return parent;
}
