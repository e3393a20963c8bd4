// The panel's HTML pages, as strings (no DOM, no Node: the extension host, the CLI and the tests
// import this). `panelHtml`: what the extension host sets as `webview.html`, and what the webview
// tests serve; no inline script or style: the one script and the stylesheets come from the
// extension's dist/webview folder, allowed by a CSP that starts from default-src 'none'.
// `standalonePanelHtml`: the same panel as one self-contained file for a report, with everything
// inlined (`backprop-lens inspect --html`, and the extension's "Export panel as HTML").

import type { LensReport } from '../src/engine/lens/report';
import type { HostToWebview, SourceListing, ThemeKind } from '../src/protocol';

export interface PanelPageOptions {
  /** `webview.cspSource`: where the webview may load resources from. */
  cspSource: string;
  /** A fresh random value per page load. */
  nonce: string;
  /** URIs of dist/webview/main.js and dist/webview/main.css, as the webview sees them. */
  scriptUri: string;
  styleUri: string;
  /** The display language, for `<html lang>` (`en`, `ko`). */
  lang?: string;
  title?: string;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function panelHtml(o: PanelPageOptions): string {
  return `<!DOCTYPE html>
<html lang="${attr(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}" nonce="${attr(o.nonce)}">
<title>${attr(o.title ?? 'Backprop Lens')}</title>
</head>
<body>
<div id="app"></div>
<script type="module" src="${attr(o.scriptUri)}" nonce="${attr(o.nonce)}"></script>
</body>
</html>
`;
}

// ---------------------------------------------------------------- the panel as a page of its own

/**
 * The panel's built files, as text: what `standalonePanelHtml` inlines. src/host/panelAssets.ts
 * reads them from dist/webview (`loadPanelAssets`).
 */
export interface PanelAssets {
  /** dist/webview/main.js, the panel's ES module. */
  script: string;
  /** dist/webview/main.css, with its font URLs as the build wrote them (`./fonts/KaTeX_Main-Regular.woff2`). */
  css: string;
  /** The woff2 fonts main.css refers to, base64, by the URL it uses for them. */
  fonts: Record<string, string>;
  /** UI string bundles by language (`ko`: dist/webview/l10n/ko.json), for pages in another language than English. */
  l10n?: Record<string, Record<string, string>>;
}

export interface StandalonePageOptions {
  /** The display language, for `<html lang>`; with no `l10n`, picks the bundle of that language from the assets. */
  lang?: string;
  /** UI strings by key (webview/l10n.ts); keys it lacks fall back to English. */
  l10n?: Record<string, string>;
  /** The page's title; by default `Backprop Lens: <file>`. */
  title?: string;
  /** A fixed theme; by default the page follows the browser's light or dark preference. */
  theme?: ThemeKind;
  /** The inspected document, as the panel's header shows it on hover. */
  documentUri?: string;
  /** How the inspected code was chosen, shown under the title. */
  notes?: string[];
  /** Listings of the inspected code, shown in the Console tab. */
  sources?: SourceListing[];
  /** Full data of summarised arrays (ValueSummary.ref → elements in C order), for "Show all values"; none by default. */
  arrays?: Record<string, number[]>;
  /** The nonce of the page's CSP; a fresh random one by default (tests pass a fixed one). */
  nonce?: string;
}

/** The standalone page's CSP: no network, scripts and styles only with the page's nonce, fonts and images only from data: URLs. */
export function standaloneCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Text that goes inside `<script>` or `<style>`: nothing in it may end the element early or open
 * a comment the HTML parser honours. `<` before `/script`, `/style` or `!--` becomes `\x3C`,
 * which means `<` in JavaScript strings, templates and regular expressions alike (and in comments
 * it does no harm); CSS has no such sequences outside strings, where `\3C ` escapes it.
 */
function scriptText(js: string): string {
  return js.replace(/<(?=\/script|!--)/gi, '\\x3C');
}

function styleText(css: string): string {
  return css.replace(/<(?=\/style)/gi, '\\3C ');
}

/** JSON for a `<script type="application/json">`: every `<` escaped, so `</script>` in a program's output cannot break out. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))
    .replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The build's `//# sourceMappingURL=` comments point at files the page does not have. */
function withoutSourceMap(text: string): string {
  return text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n').replace(/\n?\/\*# sourceMappingURL=\S+ \*\/\s*$/, '\n');
}

/** main.css with each font it names inlined as a data: URL; a font missing from the assets is an error, not a request. */
function inlineFonts(css: string, fonts: Record<string, string>): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _q: string, url: string) => {
    if (url.startsWith('data:')) return whole;
    const b64 = fonts[url] ?? fonts[url.replace(/^\.\//, '')];
    if (b64 === undefined) throw new Error(`standalonePanelHtml: main.css refers to ${url}, which the panel assets do not have`);
    const type = /\.woff2$/i.test(url) ? 'font/woff2' : /\.woff$/i.test(url) ? 'font/woff' : /\.ttf$/i.test(url) ? 'font/ttf' : 'application/octet-stream';
    return `url("data:${type};base64,${b64}")`;
  });
}

/**
 * Stands in for VS Code's `acquireVsCodeApi()` on the standalone page: state in memory; `ready`
 * is answered with the report message embedded in the page, `requestArray` with the array's data
 * when the page carries it (else null), `export` with a download; `reveal` (handled by the panel
 * itself on this page), `rerun` and `exportPage` have nothing to do here.
 */
const BOOTSTRAP = `(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('bl-data').textContent);
  let state;
  let acquired = false;
  const reply = (m) => window.postMessage(m, '*');
  const download = (name, blob) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  };
  const fromDataUrl = (url) => {
    const comma = url.indexOf(',');
    const type = url.slice(5, comma).replace(/;base64$/, '');
    const bin = atob(url.slice(comma + 1));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  };
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi can only be called once');
    acquired = true;
    return {
      getState: () => state,
      setState: (s) => { state = s; },
      postMessage: (m) => {
        switch (m && m.type) {
          case 'ready':
            reply(data.message);
            break;
          case 'requestArray': {
            const arrays = data.arrays || {};
            reply({ type: 'arrayData', ref: m.ref, data: Object.prototype.hasOwnProperty.call(arrays, m.ref) ? arrays[m.ref] : null });
            break;
          }
          case 'export':
            download(m.suggestedName, m.format === 'png' ? fromDataUrl(m.data) : new Blob([m.data], { type: 'image/svg+xml' }));
            break;
          default:
            break;
        }
      },
    };
  };
})();
`;

const THEME_KINDS: readonly string[] = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

/**
 * The whole panel as one self-contained HTML file, for a report: the panel's own bundle and
 * stylesheet inlined (KaTeX's fonts as data: URLs), the report as JSON, and a small stand-in for
 * VS Code's API that hands the report to the panel. Opened from disk in a browser it shows what
 * the panel in VS Code shows, with no network and under a CSP that allows nothing remote.
 * `backprop-lens inspect --html` writes it, and the extension's "Export panel as HTML" (the
 * panel's `exportPage` message) saves it.
 */
export function standalonePanelHtml(report: LensReport, assets: PanelAssets, opts: StandalonePageOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const nonce = opts.nonce ?? randomNonce();
  const l10n = opts.l10n ?? assets.l10n?.[lang] ?? assets.l10n?.[lang.split('-')[0]] ?? {};
  const theme = opts.theme && THEME_KINDS.includes(opts.theme) ? opts.theme : undefined;
  const message: HostToWebview = {
    type: 'report',
    report,
    documentUri: opts.documentUri ?? report.source.file,
    l10n,
    ...(theme ? { theme } : {}),
    ...(opts.notes?.length ? { notes: opts.notes } : {}),
    ...(opts.sources?.length ? { sources: opts.sources } : {}),
    standalone: true,
  };
  const file = report.source.file.split(/[\\/]/).pop() ?? report.source.file;
  const title = opts.title ?? `Backprop Lens: ${file}`;
  const css = inlineFonts(withoutSourceMap(assets.css), assets.fonts);
  return `<!DOCTYPE html>
<html lang="${attr(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(standaloneCsp(nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Backprop Lens">
<title>${attr(title)}</title>
<style nonce="${attr(nonce)}">
${styleText(css)}</style>
</head>
<body class="bl-page${theme ? ` ${theme}` : ''}">
<div id="app"></div>
<script type="application/json" id="bl-data">${jsonText({ message, arrays: opts.arrays ?? {} })}</script>
<script nonce="${attr(nonce)}">
${BOOTSTRAP}</script>
<script type="module" nonce="${attr(nonce)}">
${scriptText(withoutSourceMap(assets.script))}</script>
</body>
</html>
`;
}
