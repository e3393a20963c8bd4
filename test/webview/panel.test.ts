// The panel in real Chromium, on its own page under the strict CSP, fed reports of the book's
// examples: what a learner sees in each view, by mouse and by keyboard.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WebviewToHost } from '../../src/protocol';
import {
  inspectFixture, launch, openPanel, reportMessage, skipReason, startServer, withAffineCheck, withSigmoidDerivation,
  type Fixture, type PanelPage, type PanelServer,
} from './harness';

const skip = skipReason();
if (skip) console.log(`# ${skip}`);

// The suite takes about 20 s on a quiet machine; the timeout leaves room for a loaded one.
describe('Backprop Lens panel in Chromium', { skip, timeout: 180_000 }, () => {
  let server: PanelServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  const pages: PanelPage[] = [];
  let apple: Fixture;
  let seed: Fixture;
  let affine: Fixture;

  before(async () => {
    apple = inspectFixture('buy_apple_orange.py');
    seed = withSigmoidDerivation(inspectFixture('seed_layers.py'));
    affine = withAffineCheck(inspectFixture('affine_bug.py'));
    for (const f of [seed, affine]) if (f.handMade.length) console.log(`# ${f.report.source.file.split('/').pop()}: hand-made ${f.handMade.join(', ')} (the analysis leaves them empty so far)`);
    server = await startServer();
    browser = await launch();
  });

  after(async () => {
    for (const p of pages) assert.deepEqual(await p.violations(), [], 'no CSP violations or page errors');
    await browser?.close();
    await server?.close();
  });

  async function panel(f: Fixture, theme: Parameters<typeof openPanel>[2] = 'vscode-light', l10n: Record<string, string> = {}): Promise<PanelPage> {
    const p = await openPanel(browser.context, server, theme);
    pages.push(p);
    await p.send(reportMessage(f, l10n));
    await p.page.locator('.graph-tab .graph-viewport .node').first().waitFor();
    return p;
  }

  async function tab(p: PanelPage, name: string): Promise<void> {
    await p.page.locator(`vscode-tab-header[data-tab="${name}"]`).click();
    await p.page.locator(`vscode-tab-panel[data-tab="${name}"]:not([hidden])`).waitFor();
  }

  const lastPosted = async (p: PanelPage, type: WebviewToHost['type']) => (await p.posted()).filter((m) => m.type === type).pop();

  test('the apples-and-oranges graph: each edge shows its forward value above and its gradient below', async () => {
    const p = await panel(apple);
    const { page } = p;
    const nodeLabels = await page.locator('.graph-tab .graph-viewport .node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    for (const want of ['input apple', 'input apple_num', 'input tax', 'output price', 'layer apple_layer (×)', 'layer sum_layer (+)', 'layer tax_layer (×)']) {
      assert.ok(nodeLabels.includes(want), `${want} in ${nodeLabels.join(', ')}`);
    }
    const edge = async (id: string) => ({
      forward: await page.locator(`.graph-tab .graph-viewport .edge-label[data-edge="${id}"] .fwd`).textContent(),
      gradient: await page.locator(`.graph-tab .graph-viewport .edge-label[data-edge="${id}"] .value-gradient`).textContent(),
    });
    const edges = apple.report.graph.edges;
    const id = (label: string) => edges.find((e) => e.label === label)?.id ?? '';
    assert.deepEqual(await edge(id('apple')), { forward: '100', gradient: '2.2' });
    assert.deepEqual(await edge(id('apple_num')), { forward: '2', gradient: '110' });
    assert.deepEqual(await edge(id('tax')), { forward: '1.1', gradient: '650' });
    assert.deepEqual(await edge(id('price')), { forward: '715', gradient: '1' });
    // Forward values and gradients in contrasting colours.
    const colours = await page.evaluate(() => {
      const fwd = document.querySelector('.graph-tab .graph-viewport .value-forward');
      const grad = document.querySelector('.graph-tab .graph-viewport .value-gradient');
      return [fwd && getComputedStyle(fwd).fill, grad && getComputedStyle(grad).fill];
    });
    assert.notEqual(colours[0], colours[1]);
    await p.shot('graph-apple-light');
  });

  test('selecting a node shows the chain rule with the run\'s numbers, and line numbers reveal the source', async () => {
    const p = await panel(apple);
    const { page } = p;
    const node = apple.report.graph.nodes.find((n) => n.layer && apple.report.layers.find((l) => l.id === n.layer)?.label === 'apple_layer');
    await page.locator(`.graph-tab .graph-viewport [data-node="${node?.id}"]`).dblclick();
    await page.locator('vscode-tab-panel[data-tab="chain"]:not([hidden])').waitFor();
    const card = (target: string) => page.locator(`.chain-card[data-target="${target}"]`);
    assert.equal(await card('apple').locator('.term-upstream .term-value').textContent(), '1.1');
    assert.equal(await card('apple').locator('.term-local .term-value').textContent(), '2');
    assert.equal(await card('apple').locator('.term-downstream .term-value').textContent(), '2.2');
    assert.equal(await card('apple_num').locator('.term-local .term-value').textContent(), '100');
    assert.equal(await card('apple_num').locator('.term-downstream .term-value').textContent(), '110');
    assert.match(await card('apple').locator('.learner').textContent() ?? '', /2\.2.*matches your backward/);
    // KaTeX rendered the formula (MathML inside for screen readers).
    assert.ok(await card('apple').locator('.katex math').count() > 0);
    assert.match(await card('apple').locator('.katex-mathml').textContent() ?? '', /1\.1.*2.*2\.2/);
    const lines = await page.locator('.chain-view .where .line-ref').allTextContents();
    assert.deepEqual(lines, ['line 23', 'line 28', 'line 54', 'line 64']);
    await page.locator('.chain-view .where .line-ref').nth(1).click();
    assert.deepEqual(await lastPosted(p, 'reveal'), { type: 'reveal', file: apple.report.source.file, line: 28 });
    await p.shot('chain-apple-light');
  });

  test('keyboard alone: Tab reaches the graph, arrows move the selection, Enter opens the chain rule', async () => {
    const p = await panel(apple);
    const { page } = p;
    let onGraph = false;
    for (let i = 0; i < 20 && !onGraph; i++) {
      await page.keyboard.press('Tab');
      onGraph = await page.evaluate(() => document.activeElement?.classList.contains('graph-viewport') ?? false);
    }
    assert.ok(onGraph, 'Tab reaches the graph');
    const selected = () => page.evaluate(() => {
      const id = document.querySelector('.graph-tab .graph-viewport')?.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.getAttribute('aria-label') : undefined;
    });
    await page.keyboard.press('ArrowRight');
    const first = await selected();
    assert.ok(first?.startsWith('input '), `first node is an input: ${first}`);
    await page.keyboard.press('ArrowRight');
    const second = await selected();
    assert.match(second ?? '', /^layer \w+_layer/);
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await selected(), second);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await selected(), second);
    await page.keyboard.press('Enter');
    await page.locator('vscode-tab-panel[data-tab="chain"]:not([hidden])').waitFor();
    assert.ok(await page.locator('.chain-card .term-downstream').count() > 0);
    await page.waitForFunction(() => document.activeElement?.classList.contains('chain-view'));
    const state = await p.state();
    assert.equal(state?.tab, 'chain');
    assert.equal(typeof state?.node, 'string');
  });

  test('the seed\'s Sigmoid opens into ×(−1) → exp → +1 → /, with gradients on the inner edges', async () => {
    const p = await panel(seed, 'vscode-dark');
    const { page } = p;
    const sigmoid = seed.report.graph.nodes.find((n) => n.label === 'Sigmoid');
    await page.locator(`.graph-tab .graph-viewport [data-node="${sigmoid?.id}"] [data-toggle]`).click();
    await page.locator('.graph-tab .graph-viewport .node-op').first().waitFor();
    const ops = await page.locator('.graph-tab .graph-viewport .node-op .label').allTextContents();
    assert.deepEqual(ops.slice(0, 4), ['×(−1)', 'exp', '+1', '/']);
    assert.ok((await page.locator('.graph-tab .graph-viewport .edge-label .value-gradient').allTextContents()).some((g) => g.includes('-0.3875')));
    assert.deepEqual((await p.state())?.expanded, [sigmoid?.id]);
    await page.locator('.graph-tab .graph-viewport .node-op').nth(1).click();
    await tab(p, 'chain');
    assert.equal(await page.locator('.chain-card .term-local .term-value').first().textContent(), '[0.60653066 0.36787944 1.64872127]');
    await tab(p, 'graph');
    await p.shot('graph-seed-sigmoid-open-dark');
  });

  test('Sigmoid two ways: both derivations give 0.23500371, allclose: True, with KaTeX steps and the σ plot', async () => {
    const p = await panel(seed);
    const { page } = p;
    await tab(p, 'derivation');
    const view = page.locator('.derivation-view');
    assert.match(await view.locator('.stepwise-values').textContent() ?? '', /^\[0\.23500371 0\.19661193 0\.23500371\]$/);
    assert.match(await view.locator('.simplified-values').textContent() ?? '', /^\[0\.23500371 0\.19661193 0\.23500371\]$/);
    assert.deepEqual(await view.locator('td.stepwise').allTextContents(), ['0.23500371', '0.19661193', '0.23500371']);
    assert.deepEqual(await view.locator('td.simplified').allTextContents(), ['0.23500371', '0.19661193', '0.23500371']);
    assert.equal(await view.locator('.allclose').textContent(), 'allclose: True');
    assert.ok(await view.locator('.symbolic .katex').count() >= 3);
    assert.equal(await view.locator('.sigma-plot .marker.sigma').count(), 3);
    await p.shot('derivation-seed-light');
  });

  test('gradient checks: the planted db bug fails with its explanation; its line reveals the source; hazards show as warnings', async () => {
    const f: Fixture = structuredClone(affine);
    // A hazard to show (the planted bug has none): the view draws whatever the analysis reports.
    const layer = f.report.layers[0];
    f.report.hazards.push({ kind: 'dout-mutated', layer: layer.id, call: f.report.calls[1].id, message: 'backward wrote into dout, which the layer after it still holds.',
      span: { file: f.report.source.file, line: 20, col: 8, endLine: 20, endCol: 30 } });
    const p = await panel(f);
    const { page } = p;
    const failed = f.report.checks.filter((c) => !c.passed).length;
    assert.equal(failed, 1);
    assert.equal(await page.locator('vscode-tab-header[data-tab="checks"] vscode-badge').textContent(), String(failed + 1));
    await tab(p, 'checks');
    assert.equal(await page.locator('.check-row').count(), f.report.checks.length);
    const fail = page.locator('.check-row.fail');
    assert.match(await fail.textContent() ?? '', /affine\.b.*fail.*np\.sum\(dout, axis=0\)/s);
    await fail.locator('.line-ref').click();
    const reveal = await lastPosted(p, 'reveal');
    assert.equal(reveal?.type === 'reveal' && reveal.line, f.report.checks.find((c) => !c.passed)?.line);
    assert.equal(await page.locator('.hazard').count(), 1);
    await page.locator('.hazard .line-ref').click();
    assert.deepEqual(await lastPosted(p, 'reveal'), { type: 'reveal', file: f.report.source.file, line: 20 });
    await p.shot('checks-affine-light');
  });

  test('the chain rule at the buggy Affine sets the expected db beside the learner\'s', async () => {
    const p = await panel(affine);
    const { page } = p;
    const node = affine.report.graph.nodes.find((n) => n.kind === 'layer');
    await page.locator(`.graph-tab .graph-viewport [data-node="${node?.id}"]`).click();
    await tab(p, 'chain');
    assert.match(await page.locator('.chain-card[data-target="b"] .learner').textContent() ?? '', /differs from your backward/);
    assert.equal(await page.locator('.chain-card[data-target="W"]').count(), 1);
  });

  test('activations: heatmaps drawn as they scroll into view; a large array is fetched with requestArray', async () => {
    const p = await panel(affine, 'vscode-dark');
    const { page } = p;
    await tab(p, 'activations');
    await page.locator('.call-card').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.heatmap').length > 0);
    const request = await (async () => {
      for (let i = 0; i < 50; i++) {
        const r = await lastPosted(p, 'requestArray');
        if (r) return r;
        await page.waitForTimeout(50);
      }
      return undefined;
    })();
    assert.ok(request?.type === 'requestArray', 'the panel asked for the full x');
    for (const m of await p.posted()) if (m.type === 'requestArray') await p.send({ type: 'arrayData', ref: m.ref, data: affine.arrays.get(m.ref) ?? null });
    await page.locator('.heatmap-grid.dense, .heatmap-canvas').first().waitFor();
    // Values on focus, by keyboard.
    const heat = page.locator('.heatmap').first();
    await heat.focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await heat.locator('.heatmap-readout').textContent() ?? '', /^\[0, 1\] = -?\d/);
    await p.shot('activations-affine-dark');
  });

  test('activations: a tree of the calls, forward pass then backward pass; choosing one brings its card', async () => {
    const p = await panel(apple);
    const { page } = p;
    await tab(p, 'activations');
    const tree = page.locator('vscode-tree.call-tree');
    await tree.waitFor();
    const branches = await tree.locator(':scope > vscode-tree-item').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim()));
    assert.deepEqual(branches, ['Forward pass (4)', 'Backward pass (4)']);
    const leaves = await tree.locator('vscode-tree-item vscode-tree-item').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim()));
    assert.equal(leaves.length, 8);
    assert.match(leaves[0] ?? '', /^#1 \w+\.forward\(\)$/);
    assert.match(leaves[7] ?? '', /^#8 \w+\.backward\(\)$/);
    const last = tree.locator('vscode-tree-item vscode-tree-item').nth(7);
    const id = await last.getAttribute('data-call');
    await last.click();
    await page.locator(`.call-card.current[data-call="${id}"]`).waitFor();
  });

  test('console: program output, and line references in a traceback are buttons', async () => {
    const f = inspectFixture('seed_layers.py');
    f.report.output.stderr = `Traceback (most recent call last):\n  File "${f.report.source.file}", line 97, in <module>\n    dx1, dx2 = sigmoid.backward(dout)\nValueError: example\n`;
    f.report.error = { type: 'ValueError', message: 'example', file: f.report.source.file, line: 97, traceback: f.report.output.stderr };
    const p = await panel(f);
    const { page } = p;
    await tab(p, 'console');
    assert.match(await page.locator('pre.stdout').textContent() ?? '', /결과가 같은가\? True/);
    await page.locator('pre.stderr .line-ref').click();
    assert.deepEqual(await lastPosted(p, 'reveal'), { type: 'reveal', file: f.report.source.file, line: 97 });
  });

  test('step through: forward then backward, the graph shows only what is known at that moment', async () => {
    const p = await panel(apple);
    const { page } = p;
    await tab(p, 'steps');
    const steps = page.locator('.steps-view');
    await steps.locator('.graph-viewport .node').first().waitFor();
    assert.match(await steps.locator('.step-position').textContent() ?? '', /^Step 1 of 8: apple_layer\.forward\(\)/);
    const priceEdge = apple.report.graph.edges.find((e) => e.label === 'price')?.id;
    const fwd = () => steps.locator(`.edge-label[data-edge="${priceEdge}"] .fwd`).textContent();
    const grad = () => steps.locator(`.edge-label[data-edge="${priceEdge}"] .value-gradient`).textContent();
    assert.equal(await fwd(), '?');
    await steps.locator('.step-slider').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.match(await steps.locator('.step-position').textContent() ?? '', /^Step 4 of 8: tax_layer\.forward\(\)/);
    assert.equal(await fwd(), '715');
    assert.equal(await grad(), '?');
    assert.equal(await steps.locator('.graph-viewport .node.current').count(), 1);
    await steps.locator('vscode-button.step-next').click();
    assert.match(await steps.locator('.step-position').textContent() ?? '', /^Step 5 of 8: tax_layer\.backward\(\)/);
    assert.equal(await grad(), '1');
    assert.equal((await p.state())?.step, 4);
    await p.shot('steps-apple-light');
  });

  test('export: the graph as SVG and PNG, posted to the host; the whole panel as a page, asked of the host', async () => {
    const p = await panel(apple);
    const { page } = p;
    await page.locator('vscode-button.export-svg').click();
    const svg = await lastPosted(p, 'export');
    assert.ok(svg?.type === 'export' && svg.format === 'svg' && svg.data.startsWith('<svg') && svg.data.includes('2.2') && svg.suggestedName === 'buy_apple_orange-graph.svg');
    await page.locator('vscode-button.export-png').click();
    await page.waitForFunction(() => (window as unknown as { __posted: WebviewToHost[] }).__posted.some((m) => m.type === 'export' && m.format === 'png'));
    const png = await lastPosted(p, 'export');
    assert.ok(png?.type === 'export' && png.data.startsWith('data:image/png;base64,') && png.data.length > 5000);
    await page.locator('vscode-button.export-html').click();
    await page.waitForFunction(() => (window as unknown as { __posted: WebviewToHost[] }).__posted.some((m) => m.type === 'exportPage'));
    assert.deepEqual(await lastPosted(p, 'exportPage'), { type: 'exportPage', suggestedName: 'buy_apple_orange-lens.html' });
  });

  test('themes, high contrast, reduced motion and the Korean bundle', async () => {
    const ko = (await import('../../webview/l10n/ko.json')).default as Record<string, string>;
    const p = await panel(seed, 'vscode-high-contrast', ko);
    const { page } = p;
    assert.equal(await page.locator('vscode-tab-header[data-tab="chain"]').textContent(), ko['tab.chain']);
    await p.shot('graph-seed-high-contrast-ko');
    const dark = await panel(apple, 'vscode-dark');
    await dark.shot('graph-apple-dark');
    await tab(dark, 'chain');
    await dark.page.locator('.graph-tab .graph-viewport').first().evaluate(() => undefined);
    const light = await panel(apple, 'vscode-high-contrast-light');
    await light.shot('graph-apple-high-contrast-light');
  });
});
