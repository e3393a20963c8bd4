// KaTeX, rendered to DOM nodes (katex.render builds elements and sets styles through the CSSOM,
// which the panel's CSP allows; its HTML-string output would need 'unsafe-inline').

import katex from 'katex';
import { h } from './dom';

export function tex(expr: string, display = false): HTMLElement {
  const el = h('span', { class: display ? 'tex tex-display' : 'tex' });
  try {
    // throwOnError: KaTeX's own error node carries an inline style attribute.
    katex.render(expr, el, { displayMode: display, throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' });
  } catch {
    el.textContent = expr;
    el.classList.add('tex-fallback');
  }
  return el;
}
