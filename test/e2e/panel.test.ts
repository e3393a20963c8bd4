// What a learner does and sees, in a real VS Code with the packaged extension: select the seed's
// Sigmoid test code, run Inspect Gradients from F1, read both derivations in the panel; click a
// CodeLens; inspect a notebook cell; reload the window and find the panel back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { e2eSkipReason, openWorkbench, ROOT, type Workbench } from './harness';

const skip = e2eSkipReason();
const SEED = readFileSync(join(ROOT, 'examples', 'seed_layers.py'), 'utf8').split('\n');
/** 1-based line of the first line containing `text`. */
const lineOf = (text: string) => SEED.findIndex((l) => l.includes(text)) + 1;

describe('the panel in VS Code (packaged .vsix, code-server + Chromium)', { skip, timeout: 900_000 }, () => {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench('panel');
  });

  after(async () => {
    await wb?.close();
  });

  /** Ctrl+G to `first`, then Shift+Down over the lines through `last`. */
  async function selectLines(first: number, last: number): Promise<void> {
    const { page } = wb;
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(first));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Home');
    for (let i = first; i <= last; i++) await page.keyboard.press('Shift+ArrowDown');
  }

  /** Keys go where the focus is: after clicking in the panel they would go to the webview, so click the editor first. */
  async function focusEditor(): Promise<void> {
    await wb.page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  }

  /**
   * The Backprop Lens panel's page, among the workbench's webviews (a notebook has its own, for
   * outputs): the one whose page shows the panel's title for `file`.
   */
  async function panelFrame(file: string, timeoutMs = 90_000): Promise<FrameLocator> {
    const { page } = wb;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const n = await page.locator('iframe.webview.ready').count();
      for (let i = 0; i < n; i++) {
        const frame = page.frameLocator(`iframe.webview.ready >> nth=${i}`).frameLocator('iframe#active-frame');
        if (await frame.locator('.panel-title', { hasText: file }).count()) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no Backprop Lens panel shows ${file}`);
      await page.waitForTimeout(250);
    }
  }

  const tab = (name: string) => wb.webviewFrame().locator(`vscode-tab-header[data-tab="${name}"]`);

  test('F1 → Inspect Gradients on the selected Sigmoid test code; the Sigmoid view shows both derivations', { timeout: 240_000 }, async (t) => wb.step(t, async () => {
    await wb.openFile('seed_layers.py');
    await selectLines(lineOf('# 테스트'), lineOf('np.allclose(dx1, dx2)'));
    await wb.screenshot('selected');
    await wb.runCommand('Backprop Lens: Inspect Gradients');
    const frame = wb.webviewFrame();
    await frame.locator('.graph-tab .graph-viewport .node').first().waitFor({ timeout: 60_000 });
    const nodes = await frame.locator('.graph-tab .graph-viewport .node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(nodes.includes('layer sigmoid (sigmoid)'), nodes.join(', '));
    await wb.screenshot('graph');

    await tab('derivation').click();
    const view = frame.locator('.derivation-view');
    await view.locator('.allclose').waitFor({ timeout: 15_000 });
    assert.equal((await view.locator('.stepwise-values').textContent())?.trim(), '[0.23500371 0.19661193 0.23500371]');
    assert.equal((await view.locator('.simplified-values').textContent())?.trim(), '[0.23500371 0.19661193 0.23500371]');
    assert.equal((await view.locator('.allclose').textContent())?.trim(), 'allclose: True');
    assert.ok(await view.locator('.katex').count() > 0, 'the symbolic derivation is typeset by KaTeX');
    await wb.screenshot('sigmoid-two-ways');
  }));

  test('clicking "✓ Check backward" above a layer class opens its gradient check', { timeout: 240_000 }, async (t) => wb.step(t, async () => {
    const { page } = wb;
    await focusEditor();
    await page.keyboard.press('Control+Home');
    const lens = page.locator('.codelens-decoration a:visible', { hasText: 'Check backward' }).first();
    await lens.waitFor({ timeout: 30_000 });
    await wb.screenshot('codelens');
    const frame = wb.webviewFrame();
    const checks = frame.locator('vscode-tab-panel[data-tab="checks"]:not([hidden]) .check-row').first();
    // A lens is redrawn when the editor scrolls or the lenses are asked again, and a click on one
    // being replaced is lost: click again if the checks have not opened.
    for (let attempt = 1; ; attempt++) {
      await lens.click();
      try {
        await checks.waitFor({ timeout: 20_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    const rows = frame.locator('.check-row');
    assert.ok(await rows.count() >= 2, 'AddLayer has two inputs to check');
    assert.equal(await frame.locator('.check-row.fail').count(), 0);
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'gradient checks pass' });
    await toast.first().waitFor({ timeout: 15_000 });
    await wb.screenshot('check-backward');
  }));

  test('Inspect Gradients in a notebook cell runs it after the cells before it', { timeout: 240_000 }, async (t) => wb.step(t, async () => {
    const { page } = wb;
    await focusEditor();
    await wb.openFile('seed_layers.ipynb');
    const notebook = page.locator('.notebookOverlay.notebook-editor');
    await notebook.waitFor({ timeout: 30_000 });
    // The notebook renders only the cells in view: scroll until the Sigmoid test cell is there.
    const cell = notebook.locator('.monaco-list-row.code-cell-row', { hasText: '# 테스트' }).first();
    await notebook.hover();
    for (let i = 0; i < 40 && !(await cell.count()); i++) await page.mouse.wheel(0, 400);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.view-lines').first().click();
    await wb.screenshot('notebook-cell-focused');
    // With the cell's editor focused, the palette's command inspects that cell.
    await wb.runCommand('Backprop Lens: Inspect Gradients');
    const frame = await panelFrame('seed_layers.ipynb');
    await frame.locator('.graph-tab .graph-viewport .node').first().waitFor({ timeout: 60_000 });
    const nodes = await frame.locator('.graph-tab .graph-viewport .node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(nodes.includes('layer sigmoid (sigmoid)'), nodes.join(', '));
    await wb.screenshot('notebook-inspected');
  }));

  test('after a window reload the panel comes back with its report', { timeout: 240_000 }, async (t) => wb.step(t, async () => {
    const { page } = wb;
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The restored panel inspects its code again and shows the view it showed before the reload.
    const frame = await panelFrame('seed_layers');
    await frame.locator('.graph-tab .graph-viewport .node').first().waitFor({ state: 'attached', timeout: 60_000 });
    assert.ok(await frame.locator('.graph-tab .graph-viewport .node').count() > 0);
    await wb.screenshot('restored');
  }));
});
