// Entry of the panel's script (dist/webview/main.js).

import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import { App, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

const THEME_CLASSES = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

/** Outside VS Code (a browser, the tests) the theme variables are missing: use our fallbacks. */
function markStandalone(): void {
  const defined = getComputedStyle(document.documentElement).getPropertyValue('--vscode-foreground').trim() !== '';
  document.documentElement.classList.toggle('bl-standalone', !defined);
  if (!THEME_CLASSES.some((c) => document.body.classList.contains(c))) {
    document.body.classList.add(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'vscode-dark' : 'vscode-light');
  }
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) document.body.classList.add('vscode-reduce-motion');
}

markStandalone();
// VS Code sets its variables on <html style> and the theme on <body class>, and changes them live.
new MutationObserver(markStandalone).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new App(root, acquireVsCodeApi());
