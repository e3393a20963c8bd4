// What a learner does and sees while learning, in a real VS Code with the packaged extension: hover
// over `np.dot(dout, self.W.T)` in the seed's Affine and read the explanation, then the last run's
// values; open lesson 2 from the Lessons view, open its starter code, replace the TODO lines by
// typing, press Check my code in the lesson page, see it pass and the ✓ in the Lessons tree; reload
// the page and find the ✓ still there.
//
// Besides the numbered screenshots of every step, it writes test-results/e2e/learn-readme-*.png:
// cropped shots of the hover and of the lesson page, the README's docs/images come from those.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator, Locator } from 'playwright-core';
import { e2eSkipReason, openWorkbench, ROOT, SHOTS, type Workbench } from './harness';

const skip = e2eSkipReason();
const SEED = readFileSync(join(ROOT, 'examples', 'seed_layers.py'), 'utf8').split('\n');
const STARTER = readFileSync(join(ROOT, 'media', 'lessons', '02-mul-add-layers', 'starter.py'), 'utf8').split('\n');
/** 1-based line of the first line of `lines` containing `text` at or after line `from`. */
const lineIn = (lines: string[], text: string, from = 1) => {
  const i = lines.findIndex((l, n) => n + 1 >= from && l.includes(text));
  if (i < 0) throw new Error(`no line with ${text}`);
  return i + 1;
};

const LESSON2_TITLE = 'The multiply and add layers: buying apples';

describe('learning in VS Code: hovers and a lesson (packaged .vsix, code-server + Chromium)', { skip, timeout: 900_000 }, () => {
  let wb: Workbench;
  /** The workbench page's console errors and warnings (the extension host's errors are logged there too). */
  const consoleErrors: string[] = [];

  before(async () => {
    wb = await openWorkbench('learn', { settings: { 'backpropLens.language': 'en' } });
    // A reload with an unsaved untitled document may ask "Leave site?": leave.
    wb.page.on('dialog', (d) => void d.accept().catch(() => {}));
    wb.page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text().slice(0, 500)}`);
    });
  });

  after(async () => {
    await wb?.close();
  });

  /** Keys go where the focus is, which may be a webview: click the editor first. */
  async function focusEditor(): Promise<void> {
    await wb.page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  }

  /** Ctrl+G to `line` in the active editor; the cursor ends on its first non-blank character. */
  async function gotoLine(line: number): Promise<void> {
    const { page } = wb;
    await page.keyboard.press('Control+G');
    const box = page.locator('.quick-input-widget input.input');
    await box.waitFor({ state: 'visible' });
    await box.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
  }

  /** The text of the active editor's visible lines, spaces as spaces. */
  async function editorText(): Promise<string> {
    const lines = wb.page.locator('.editor-group-container .editor-instance .monaco-editor .view-lines').first();
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** The webview whose page has `selector` with `text` (the workbench may hold several webviews). */
  async function frameWith(selector: string, text: string | RegExp, timeoutMs = 90_000): Promise<FrameLocator> {
    const { page } = wb;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const n = await page.locator('iframe.webview.ready').count();
      for (let i = 0; i < n; i++) {
        const frame = page.frameLocator(`iframe.webview.ready >> nth=${i}`).frameLocator('iframe#active-frame');
        if (await frame.locator(selector, { hasText: text }).count().catch(() => 0)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview shows ${selector} with ${text}`);
      await page.waitForTimeout(250);
    }
  }

  /** Hovers the token `token` in the first line of the active editor containing `line`; the hover's text. */
  async function hoverToken(line: string, token: string, expect: string | RegExp): Promise<{ text: string; hover: Locator }> {
    const { page } = wb;
    // Move away first so that a hover already open closes and the next one is fresh.
    await page.mouse.move(5, 5);
    await page.locator('.monaco-hover:visible').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    const row = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: line }).first();
    await row.waitFor({ timeout: 15_000 });
    const target = row.locator('span span', { hasText: token }).first();
    const hover = page.locator('.monaco-hover:visible', { hasText: expect }).first();
    // The editor asks for a hover once, when the mouse stops: if the extension was still activating
    // then, there was none. Move off and back on until it shows.
    for (let attempt = 1; ; attempt++) {
      await target.hover();
      if (await hover.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      if (attempt === 6) {
        const shown = await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => []);
        throw new Error(`no hover with ${expect} over ${token} in ${line}; hovers shown: ${JSON.stringify(shown)}; console errors:\n${consoleErrors.slice(-20).join('\n')}`);
      }
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
    }
    return { text: (await hover.innerText()).trim(), hover };
  }

  /** A PNG of the region `box` of the page (kept inside the window), for the README. */
  async function clipShot(name: string, box: { x: number; y: number; width: number; height: number }): Promise<string> {
    const size = wb.page.viewportSize() ?? { width: 1400, height: 900 };
    const x = Math.max(0, box.x);
    const y = Math.max(0, box.y);
    const width = Math.min(size.width, box.x + box.width) - x;
    const height = Math.min(size.height, box.y + box.height) - y;
    const path = join(SHOTS, `learn-readme-${name}.png`);
    await wb.page.screenshot({ path, clip: { x, y, width, height } });
    return path;
  }

  test('hover over np.dot(dout, self.W.T) in the seed\'s Affine: the chain rule, then the last run\'s values', { timeout: 240_000 }, async (t) => wb.step(t, async () => {
    const { page } = wb;
    await wb.openFile('seed_layers.py');
    await focusEditor();
    const dxLine = lineIn(SEED, 'dx = np.dot(dout, self.W.T)');
    await gotoLine(dxLine);

    const before = await hoverToken('np.dot(dout, self.W.T)', 'dot', 'Affine backward');
    assert.match(before.text, /Affine backward: gradient for the input/);
    assert.match(before.text, /∂L\/∂x = ∂L\/∂Y · Wᵀ/);
    assert.match(before.text, /↳ dx = np\.dot\(dout, self\.W\.T\)/);
    assert.match(before.text, /\(N,M\) · \(M,D\) → \(N,D\)/);
    assert.doesNotMatch(before.text, /Last run/);
    await wb.screenshot('hover-before-run');

    // Inspect the whole file (the cursor on a line outside any class), from the palette.
    await page.mouse.move(5, 5);
    await focusEditor();
    await gotoLine(lineIn(SEED, '# Affine과 SoftmaxWithLoss를 함께 사용'));
    await wb.runCommand('Backprop Lens: Inspect Gradients');
    const panel = await frameWith('.panel-title', 'seed_layers.py');
    await panel.locator('.graph-tab .graph-viewport .node').first().waitFor({ timeout: 60_000 });
    await wb.screenshot('inspected');

    await focusEditor();
    await gotoLine(dxLine);
    const after = await hoverToken('np.dot(dout, self.W.T)', 'dot', 'Last run');
    assert.match(after.text, /last run: \(2, 3\) · \(3, 2\) → \(2, 2\)/);
    assert.match(after.text, /Last run, affine \(Affine\): \(2, 2\) float64/);
    assert.match(after.text, /-0\.04135935/);
    assert.match(after.text, new RegExp(`✓ ∂L/∂x \\(line ${dxLine}\\)`));
    assert.match(after.text, /Open in panel/);
    await wb.screenshot('hover-after-run');

    // For the README: a hover is at most max(editor height / 4, 250 px) tall, so in a taller window
    // the whole of it shows without scrolling; the shot is the hover and the lines around it.
    await page.mouse.move(5, 5);
    await page.setViewportSize({ width: 1400, height: 1800 });
    try {
      await focusEditor();
      await gotoLine(dxLine);
      const tall = await hoverToken('np.dot(dout, self.W.T)', 'dot', 'Last run');
      const body = tall.hover.locator('.monaco-scrollable-element').first();
      const fits = await body.evaluate((el) => el.scrollHeight <= el.clientHeight + 1).catch(() => true);
      const hoverBox = await tall.hover.boundingBox();
      const row = await page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'np.dot(dout, self.W.T)' }).first().boundingBox();
      const editor = await page.locator('.editor-group-container .editor-instance').first().boundingBox();
      assert.ok(hoverBox && row && editor);
      const top = Math.min(hoverBox.y, row.y) - 60;
      const bottom = Math.max(hoverBox.y + hoverBox.height, row.y + row.height) + 60;
      await clipShot('hover', { x: editor.x, y: top, width: hoverBox.x + hoverBox.width + 16 - editor.x, height: bottom - top });
      assert.ok(fits, 'the whole hover shows in the taller window');
    } finally {
      await page.mouse.move(5, 5);
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  }));

  test('lesson 2 through the UI: open it from the Lessons view, fill in the TODOs by typing, Check my code passes, ✓ in the tree', { timeout: 300_000 }, async (t) => wb.step(t, async () => {
    const { page } = wb;
    // Close the editors: the lesson is the next thing on screen.
    await focusEditor();
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Backprop Lens: Open Lessons');
    const row = (n: number) => page.locator(`.monaco-list-row[aria-label^="Lesson ${n}:"]`).first();
    await row(2).waitFor({ timeout: 30_000 });
    assert.equal((await row(2).getAttribute('aria-label')), `Lesson 2: ${LESSON2_TITLE}`);
    await wb.screenshot('lessons-view');

    // "Open Lessons" opened the first lesson not done; lesson 2 is a click in the tree away.
    await row(2).click();
    const lesson = await frameWith('.lesson-number', 'Lesson 2 of 8');
    await lesson.locator('.lesson-figure .node').first().waitFor({ timeout: 60_000 });
    await lesson.locator('.lesson-text .katex').first().waitFor({ timeout: 15_000 });
    assert.ok(await lesson.locator('.lesson-figure .node').count() >= 2, 'the figure draws the demo\'s graph');
    assert.match(await lesson.locator('.lesson-document').innerText(), /Open the starter code to begin/);
    await wb.screenshot('lesson-2');

    // Open starter code → where? → an untitled document.
    await lesson.locator('vscode-button[data-action="openStarter"]').click();
    const quickInput = page.locator('.quick-input-widget');
    await quickInput.waitFor({ state: 'visible' });
    await quickInput.locator('input.input').fill('untitled');
    await quickInput.locator('.monaco-list-row', { hasText: 'Open as an untitled document' }).first().waitFor();
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden' });
    await page.locator('.editor-group-container .monaco-editor .view-line', { hasText: '# TODO: dx and dy of x * y' }).waitFor({ timeout: 30_000 });
    await lesson.locator('.lesson-document', { hasText: 'Your code: Untitled' }).waitFor({ timeout: 15_000 });

    // Bottom up, so that the line numbers above stay the starter's: each TODO comment and the
    // `dx = None` under it become one line of code, `dy = None` another. Only single lines are typed
    // (no Enter, no brackets): nothing for auto-indent or auto-closing to change.
    await focusEditor();
    const fill = async (todo: string, dx: string, dy: string) => {
      const at = lineIn(STARTER, todo);
      assert.equal(STARTER[at].trim(), 'dx = None');
      assert.equal(STARTER[at + 1].trim(), 'dy = None');
      await gotoLine(at + 2);
      await page.keyboard.press('Shift+End');
      await page.keyboard.type(dy);
      await gotoLine(at);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+End');
      await page.keyboard.type(dx);
    };
    await fill('# TODO: dx and dy of x + y', 'dx = dout * 1', 'dy = dout * 1');
    await fill('# TODO: dx and dy of x * y', 'dx = dout * self.y', 'dy = dout * self.x');
    await page.keyboard.press('Control+Home');
    const text = await editorText();
    assert.doesNotMatch(text, /TODO|= None\n\s+return dx, dy/);
    assert.match(text, /def backward\(self, dout\):\n {8}dx = dout \* self\.y\n {8}dy = dout \* self\.x\n {8}return dx, dy/);
    assert.match(text, /def backward\(self, dout\):\n {8}dx = dout \* 1\n {8}dy = dout \* 1\n {8}return dx, dy/);
    await wb.screenshot('code-written');

    await lesson.locator('vscode-button[data-action="check"]').click();
    const summary = lesson.locator('.result-summary');
    await summary.waitFor({ timeout: 60_000 });
    assert.equal((await summary.innerText()).trim(), '✓ All checks pass. Lesson complete!', await lesson.locator('.lesson-result').innerText());
    assert.equal(await lesson.locator('.check-item.fail').count(), 0);
    assert.ok(await lesson.locator('.check-item.pass').count() >= 4, 'gradient checks of MulLayer and AddLayer, values, output');
    await lesson.locator('.lesson-done:not([hidden])').waitFor();
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: `Lesson 2 complete: ${LESSON2_TITLE}` }).first().waitFor({ timeout: 15_000 });

    await page.locator(`.monaco-list-row[aria-label="Lesson 2: ${LESSON2_TITLE}, completed"]`).waitFor({ timeout: 15_000 });
    assert.match(await row(2).innerText(), /✓/);
    assert.doesNotMatch(await row(1).innerText(), /✓/, 'only the lesson done');
    await wb.screenshot('lesson-2-passed');

    // For the README: the lesson page alone in the editor area, at its top, in two columns (the
    // text with its figure and maths; the buttons and the result), beside the Lessons view.
    await page.locator('.tabs-container .tab', { hasText: 'Lesson 2:' }).click();
    await wb.runCommand('View: Toggle Maximize Editor Group');
    await page.waitForTimeout(500);
    await lesson.locator('body').evaluate((body) => {
      body.ownerDocument.scrollingElement?.scrollTo(0, 0);
      body.querySelectorAll('*').forEach((el) => { if (el.scrollTop > 0) el.scrollTop = 0; });
    });
    await lesson.locator('.result-summary.pass').waitFor();
    await wb.runCommand('Notifications: Clear All Notifications');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(SHOTS, 'learn-readme-lesson.png') });
    await wb.runCommand('View: Toggle Maximize Editor Group');
  }));

  test('after a page reload the ✓ of lesson 2 is still in the Lessons tree', { timeout: 240_000 }, async (t) => wb.step(t, async () => {
    const { page } = wb;
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const done = page.locator(`.monaco-list-row[aria-label="Lesson 2: ${LESSON2_TITLE}, completed"]`);
    if (!(await done.waitFor({ timeout: 30_000 }).then(() => true, () => false))) {
      // The side bar came back on another view: show the Lessons view.
      await wb.runCommand('Backprop Lens: Focus on Lessons View');
      await done.waitFor({ timeout: 30_000 });
    }
    assert.match(await done.innerText(), /✓/);
    assert.equal(await page.locator('.monaco-list-row[aria-label$=", completed"]').count(), 1, 'lesson 2 alone is done');
    await wb.screenshot('reloaded');
  }));
});
