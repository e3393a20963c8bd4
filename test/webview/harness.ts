// The panel on its own page in real Chromium: a local server for dist/webview and a test page
// under the panel's strict CSP (sent as a header), a fake acquireVsCodeApi that records what the
// panel posts, and reports made at test time by running the fixtures through inspectSource.

import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { inspectSource } from '../../src/engine/lens/inspect';
import type { Derivation, GradientCheck, LensReport } from '../../src/engine/lens/report';
import type { HostToWebview, ThemeKind, WebviewToHost } from '../../src/protocol';
import { panelCsp, panelHtml } from '../../webview/page';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const FIXTURES = join(ROOT, 'test/fixtures/webview');
export const SHOTS = join(ROOT, 'test-results/webview');
export const DIST = join(ROOT, 'dist/webview');

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Why the browser tests cannot run here, or undefined when they can. */
export function skipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium): webview tests skipped`;
  if (!existsSync(join(DIST, 'main.js'))) return 'dist/webview/main.js is missing: run npm run build first';
  return undefined;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html',
};

/** Runs in the page before the panel: the fake VS Code API and the CSP-violation recorder. */
const FAKE_VSCODE = `
window.__posted = [];
window.__violations = [];
window.__state = undefined;
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
let acquired = false;
window.acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi called twice');
  acquired = true;
  return {
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => window.__state,
    setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
  };
};
`;

export interface PanelServer {
  url: string;
  close(): Promise<void>;
}

/** Serves dist/webview at / and the test page at /panel.html?theme=...&lang=... */
export async function startServer(): Promise<PanelServer> {
  const nonce = 'bl' + Math.random().toString(36).slice(2);
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/panel.html') {
      const csp = panelCsp(origin, nonce);
      let html = panelHtml({ cspSource: origin, nonce, scriptUri: `${origin}/main.js`, styleUri: `${origin}/main.css`, lang: url.searchParams.get('lang') ?? 'en' });
      // The fake API loads first, like the one VS Code injects; the body gets the theme's classes.
      html = html.replace('<div id="app">', `<script src="${origin}/__fake-vscode.js" nonce="${nonce}"></script>\n<div id="app">`);
      const theme = url.searchParams.get('theme');
      if (theme) html = html.replace('<body>', `<body class="${theme}${url.searchParams.has('reduce') ? ' vscode-reduce-motion' : ''}">`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === '/__fake-vscode.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(FAKE_VSCODE);
      return;
    }
    const file = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'bl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1200, height: 760 }, deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---- reports ----

export interface Fixture {
  report: LensReport;
  /** The full data of summarised arrays, as the host would send it. */
  arrays: Map<string, number[]>;
  /** What the test supplied by hand because the analysis had not filled it yet. */
  handMade: string[];
}

export function inspectFixture(name: string): Fixture {
  const filename = join(FIXTURES, name);
  const { report, lens } = inspectSource(readFileSync(filename, 'utf8'), { filename });
  const arrays = new Map<string, number[]>();
  for (const [ref, a] of lens.summarizer.arrays) arrays.set(ref, Array.from(a.toFlat()));
  return { report: JSON.parse(JSON.stringify(report)) as LensReport, arrays, handMade: [] };
}

/**
 * The seed's Sigmoid derivation, assembled from the run's own numbers (its backward returns both
 * dx1 and dx2) in the report model's shape, for as long as lens/derivation.ts leaves derivations empty.
 */
export function withSigmoidDerivation(f: Fixture): Fixture {
  if (f.report.derivations.length) return f;
  const r = f.report;
  const layer = r.layers.find((l) => l.kind === 'sigmoid');
  const fwd = r.calls.find((c) => c.layer === layer?.id && c.method === 'forward');
  const bwd = r.calls.find((c) => c.layer === layer?.id && c.method === 'backward');
  const tape = r.tapes.find((t) => t.call === fwd?.id);
  if (!layer || !fwd || !bwd || !tape) return f;
  const value = (op: string, nth = 0) => {
    const o = tape.ops.filter((x) => x.op === op)[nth];
    return tape.values.find((v) => v.id === o?.output)?.value.data ?? [];
  };
  const t1 = value('negative');
  const t3 = value('add');
  const arr = (data: number[]) => ({ kind: 'array' as const, text: `[${data.join(' ')}]`, dtype: 'float64', shape: [data.length], data });
  const steps = [
    { op: '/', formula: '-1/t3**2', tex: '-\\frac{1}{t_3^2}', local: arr(t3.map((v) => -1 / v ** 2)) },
    { op: '+1', formula: '1', tex: '1', local: arr(t3.map(() => 1)) },
    { op: 'exp', formula: 'exp(t1)', tex: 'e^{t_1}', local: arr(t1.map((v) => Math.exp(v))) },
    { op: '×(−1)', formula: '-1', tex: '-1', local: arr(t1.map(() => -1)) },
  ];
  const d: Derivation = {
    layer: layer.id,
    forwardCall: fwd.id,
    backwardCall: bwd.id,
    input: fwd.args[0].value,
    stepwise: { steps, product: bwd.outputs[0] },
    simplified: { text: 'dout * (1.0 - self.out) * self.out', value: bwd.outputs[1], line: (layer.backwardSpan?.line ?? 0) + 10 },
    symbolic: {
      steps: [
        { label: 'chain', expr: '-1/(1+exp(-x))**2 * exp(-x) * -1', tex: '\\frac{\\partial y}{\\partial x} = -\\frac{1}{(1+e^{-x})^2}\\cdot e^{-x}\\cdot(-1)' },
        { label: 'simplify', expr: 'exp(-x)/(1+exp(-x))**2', tex: '= \\frac{e^{-x}}{(1+e^{-x})^2} = \\frac{1}{1+e^{-x}}\\cdot\\frac{e^{-x}}{1+e^{-x}}' },
        { label: 'in terms of y', expr: 'y*(1-y)', tex: '= y\\,(1-y)' },
      ],
      endsWith: 'y*(1-y)',
    },
    pairedOutputs: [0, 1],
  };
  r.derivations.push(d);
  f.handMade.push('derivations');
  return f;
}

/** The planted bug's check (db summed over everything), for as long as lens/checks.ts leaves checks empty. */
export function withAffineCheck(f: Fixture): Fixture {
  if (f.report.checks.length) return f;
  const r = f.report;
  const layer = r.layers.find((l) => l.kind === 'affine');
  const fwd = r.calls.find((c) => c.layer === layer?.id && c.method === 'forward');
  const bwd = r.calls.find((c) => c.layer === layer?.id && c.method === 'backward');
  if (!layer || !fwd || !bwd) return f;
  const dout = bwd.args[0].value;
  const [rows, cols] = dout.shape ?? [0, 0];
  const auto = Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let i = 0; i < rows; i++) s += (dout.data ?? [])[i * cols + j];
    return s;
  });
  const learner = bwd.cache.find((c) => c.name === 'db')?.value;
  const l = learner?.data?.[0] ?? 0;
  const rel = Math.max(...auto.map((a) => Math.abs(a - l) / Math.max(Math.abs(a), Math.abs(l), 1e-12)));
  const checks: GradientCheck[] = [
    { layer: layer.id, forwardCall: fwd.id, backwardCall: bwd.id, target: { kind: 'input', name: 'x' }, passed: true, relErrorAutomatic: 1.2e-16, relErrorNumerical: 3.4e-10, line: (layer.backwardSpan?.line ?? 0) + 1 },
    { layer: layer.id, forwardCall: fwd.id, backwardCall: bwd.id, target: { kind: 'param', name: 'W' }, passed: true, relErrorAutomatic: 0, relErrorNumerical: 2.1e-10, line: (layer.backwardSpan?.line ?? 0) + 2 },
    {
      layer: layer.id, forwardCall: fwd.id, backwardCall: bwd.id, target: { kind: 'param', name: 'b' }, passed: false,
      learner, relErrorAutomatic: rel, line: (layer.backwardSpan?.line ?? 0) + 3,
      explanation: { code: 'sum-without-axis', text: 'np.sum(dout) adds up every element into one number; b has one entry per output column, so its gradient sums over the batch only: np.sum(dout, axis=0).' },
    },
  ];
  r.checks.push(...checks);
  f.handMade.push('checks');
  return f;
}

// ---- the page ----

export interface PanelPage {
  page: Page;
  posted(): Promise<WebviewToHost[]>;
  violations(): Promise<string[]>;
  send(msg: HostToWebview): Promise<void>;
  state(): Promise<Record<string, unknown> | undefined>;
  shot(name: string): Promise<string>;
}

export async function openPanel(context: BrowserContext, server: PanelServer, theme: ThemeKind = 'vscode-light', lang = 'en'): Promise<PanelPage> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/panel.html?theme=${theme}&lang=${lang}`);
  await page.waitForFunction(() => (window as unknown as { __posted: WebviewToHost[] }).__posted.some((m) => m.type === 'ready'));
  return {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewToHost[] }).__posted),
    violations: async () => [
      ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
      ...consoleErrors,
    ],
    send: (msg) => page.evaluate((m) => window.postMessage(m, '*'), msg),
    state: () => page.evaluate(() => (window as unknown as { __state?: Record<string, unknown> }).__state),
    shot: async (name) => {
      mkdirSync(SHOTS, { recursive: true });
      const path = join(SHOTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
}

export function reportMessage(f: Fixture, l10n: Record<string, string> = {}): HostToWebview {
  return { type: 'report', report: f.report, documentUri: `file://${f.report.source.file}`, l10n };
}
