// The panel as a page of its own (webview/page.ts's standalonePanelHtml), as `backprop-lens
// inspect --html` writes it: opened from file:// in Chromium with no server, it must draw the same
// panel from its inlined bundle, under its CSP, without one network request.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { FIXTURES, ROOT, launch, skipReason } from './harness';

const CLI = join(ROOT, 'dist/cli.js');
const skip = skipReason() ?? (existsSync(CLI) ? undefined : 'dist/cli.js is missing: run npm run build first');
if (skip) console.log(`# ${skip}`);

/** Runs `backprop-lens inspect FILE --html OUT [more]` and returns the page it wrote. */
function writePage(dir: string, fixture: string, name: string, ...more: string[]): { file: string; html: string } {
  const file = join(dir, name);
  const r = spawnSync(process.execPath, [CLI, 'inspect', join(FIXTURES, fixture), '--html', file, ...more], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^backprop-lens: wrote .*\.html\n$/);
  return { file, html: readFileSync(file, 'utf8') };
}

/** The text of the one inline module script (the panel's bundle). */
function moduleScript(html: string): string {
  return /<script type="module" nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
}

describe('the panel as one HTML page (inspect --html), from file:// in Chromium', { skip, timeout: 120_000 }, () => {
  let dir: string;
  let browser: Awaited<ReturnType<typeof launch>>;
  let seed: { file: string; html: string };
  const requests: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bl-standalone-'));
    seed = writePage(dir, 'seed_layers.py', 'seed.html');
    console.log(`# the seed's page: ${(seed.html.length / 1024 / 1024).toFixed(2)} MB (${seed.html.length} characters)`);
    browser = await launch();
    browser.context.on('request', (req) => requests.push(req.url()));
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a written page; returns it with what it reported: CSP violations, page errors, requests other than the page itself. */
  async function open(file: string): Promise<{ page: Page; problems(): Promise<string[]>; requests(): string[] }> {
    const url = pathToFileURL(file).href;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const first = requests.length;
    await page.goto(url);
    await page.locator('.graph-tab .graph-viewport .node').first().waitFor();
    return {
      page,
      problems: async () => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...errors],
      requests: () => requests.slice(first).filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')),
    };
  }

  async function tab(page: Page, name: string): Promise<void> {
    await page.locator(`vscode-tab-header[data-tab="${name}"]`).click();
    await page.locator(`vscode-tab-panel[data-tab="${name}"]:not([hidden])`).waitFor();
  }

  test('one self-contained file: a strict CSP, everything inline, no external URLs, a reasonable size', () => {
    const { html } = seed;
    assert.ok(html.length < 3 * 1024 * 1024, `${html.length} characters`);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; script-src 'nonce-([0-9a-f]{32})'; style-src 'nonce-\1'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'$/);
    const bundle = moduleScript(html);
    assert.ok(bundle.length > 100_000, 'the panel\'s bundle is inlined');
    const markup = html.replace(bundle, '');
    // The page's own markup, stylesheet, data and bootstrap load nothing by reference: no src or
    // href, every url() a data: URL, no @import, no URL at all. (The bundle's text has http URLs,
    // XML namespaces and links in comments and messages, and templates of elements the panel never
    // creates; the browser test below shows it requests nothing.)
    const attrs = markup.match(/<[a-z]+\b[^>]*\s(?:src|href|srcset|data|action)\s*=/gi);
    assert.equal(attrs, null, `resources by reference: ${attrs?.join(', ')}`);
    const urls = markup.match(/url\((?!"data:font\/woff2;base64,)[^)]{0,40}/g);
    assert.equal(urls, null, `url() other than inline fonts: ${urls?.join(', ')}`);
    assert.ok((markup.match(/url\("data:font\/woff2;base64,/g) ?? []).length >= 20, 'KaTeX\'s fonts inlined');
    assert.ok(!/@import|sourceMappingURL/.test(html), 'no @import, no source maps');
    const remote = markup.match(/(?:https?|wss?|ftp):\/\/[^\s"'<>]{0,40}/g);
    assert.equal(remote, null, `URLs outside the bundle: ${remote?.join(', ')}`);
    assert.ok(!/\bimport\s*\(\s*["'`]https?:|from\s*["']https?:/.test(bundle), 'the bundle imports nothing remote');
    assert.equal((html.match(/<script\b/g) ?? []).length, 3, 'the report as JSON, the stand-in for VS Code\'s API, the panel');
    assert.equal((html.match(/<\/script>/g) ?? []).length, 3, 'nothing in the report or the bundle ends a script early');
  });

  test('the seed: the graph draws, Sigmoid two ways shows its numbers, no CSP violation, no request', async () => {
    const p = await open(seed.file);
    const { page } = p;
    assert.equal(await page.title(), 'Backprop Lens: test/fixtures/webview/seed_layers.py');
    const labels = await page.locator('.graph-tab .graph-viewport .node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const want of ['layer sigmoid (sigmoid)', 'layer affine (Affine)', 'layer loss_layer (Softmax-with-Loss)', 'input x', 'input t', 'output loss']) {
      assert.ok(labels.includes(want), `${want} in ${labels.join(', ')}`);
    }
    assert.ok(await page.locator('.graph-tab .graph-viewport .edge-label .value-gradient').count() > 0, 'gradients on the edges');
    // Nothing runs again on a page; the page is the HTML export already.
    assert.equal(await page.locator('.panel-header .rerun').count(), 0);
    assert.equal(await page.locator('vscode-button.export-html').count(), 0);
    assert.equal(await page.locator('vscode-button.export-svg').count(), 1);

    await tab(page, 'derivation');
    const view = page.locator('.derivation-view');
    assert.equal(await view.locator('.stepwise-values').textContent(), '[0.23500371 0.19661193 0.23500371]');
    assert.equal(await view.locator('.simplified-values').textContent(), '[0.23500371 0.19661193 0.23500371]');
    assert.equal(await view.locator('.allclose').textContent(), 'allclose: True');
    assert.ok(await view.locator('.symbolic .katex').count() >= 1, 'KaTeX renders');
    const katexFont = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px KaTeX_Main');
    });
    assert.ok(katexFont, 'KaTeX\'s font loaded from its data: URL');

    // The source is on the page, and a line reference scrolls to it.
    await tab(page, 'checks');
    await page.locator('.checks-view .line-ref').first().click();
    await page.locator('vscode-tab-panel[data-tab="console"]:not([hidden]) pre.listing .line.revealed').waitFor();
    assert.match(await page.locator('pre.listing').first().textContent() ?? '', /class Sigmoid:/);

    // Export downloads in the browser.
    await tab(page, 'graph');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('vscode-button.export-svg').click()]);
    assert.equal(download.suggestedFilename(), 'seed_layers-graph.svg');

    assert.deepEqual(await p.problems(), []);
    assert.deepEqual(p.requests(), []);
    await page.screenshot({ path: join(ROOT, 'test-results/webview/standalone-seed.png') });
  });

  test('a selection of layer classes: the notes, the synthesized inputs and the driver', async () => {
    const { file } = writePage(dir, 'seed_layers.py', 'add-layer.html', '--lines', '4-14');
    const p = await open(file);
    const { page } = p;
    assert.match(await page.locator('.panel-notes').textContent() ?? '', /made up inputs/);
    await tab(page, 'console');
    const console = page.locator('.console-view');
    assert.match(await console.locator('dl.synthesized').textContent() ?? '', /np\.random\.randn/);
    assert.match(await console.locator('.listing-title').first().textContent() ?? '', /^Driver \(seed_layers\.py#synthesized\)$/);
    assert.equal(await console.locator('pre.listing .line.sel').count(), 11, 'the selected lines, marked in the listing');
    assert.deepEqual(await p.problems(), []);
    assert.deepEqual(p.requests(), []);
  });
});
