// The lesson page (webview/lesson/) in real Chromium under the panel's strict CSP, fed a lesson as
// the extension host sends it: the Markdown filled by the engine's run of the demo, the figure from
// that run's report, hints one at a time and the items of Check my code. Also the page's message guards.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { FIGURE_MARKER, lessonMarkdown, loadLessons, runLessonDemo, checkLesson, type Lesson } from '../../src/engine/teach/lessons';
import { LESSON_UI_KEYS, isHostToLesson, isLessonToHost, type HostToLesson, type LessonStatus, type LessonToHost, type LessonUiKey } from '../../src/lessonProtocol';
import { FIGURE_MARKER_TEXT } from '../../webview/lesson/figure';
import { panelCsp, panelHtml } from '../../webview/page';
import { CHROMIUM, DIST, ROOT, SHOTS, launch } from './harness';

const LESSONS = join(ROOT, 'media', 'lessons');
const lessons = loadLessons((rel) => {
  const file = join(LESSONS, rel);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
});
const byId = (id: string): Lesson => lessons.find((l) => l.id === id) as Lesson;

/** The English strings of the page, as src/extension/lessons/index.ts sends them. */
const UI: Record<LessonUiKey, string> = Object.fromEntries(LESSON_UI_KEYS.map((k) => [k, k])) as Record<LessonUiKey, string>;
Object.assign(UI, { check: 'Check my code', nextHint: 'Show next hint', showSolution: 'Show solution', line: 'line {0}', failed: 'Not yet: {0} of {1} checks fail.', lessonOf: 'Lesson {0} of {1}' });

function lessonMessage(lesson: Lesson, status: Partial<LessonStatus> = {}, lang: 'en' | 'ko' = 'en'): HostToLesson {
  const demo = runLessonDemo(lesson);
  assert.deepEqual(demo.errors, [], `${lesson.id}: the demo runs cleanly`);
  return {
    type: 'lesson',
    lesson: { id: lesson.id, number: lesson.number, total: lessons.length, title: lesson.title[lang], ...(lesson.number < lessons.length ? { next: lessons[lesson.number].id } : {}) },
    markdown: lessonMarkdown(lesson, lang, demo.values),
    ...(demo.report ? { report: JSON.parse(JSON.stringify(demo.report)) } : {}),
    ui: UI,
    l10n: {},
    lang,
    status: { hints: [], hintCount: lesson.hints.length, completed: false, ...status },
  };
}

test('the page\'s figure marker is the engine\'s', () => {
  assert.equal(FIGURE_MARKER_TEXT, FIGURE_MARKER);
});

test('lesson messages: the guards accept what each side sends and turn away the rest', () => {
  const msg = lessonMessage(byId('02-mul-add-layers'));
  assert.ok(isHostToLesson(msg));
  assert.ok(isHostToLesson({ type: 'status', status: { hints: [{ text: 'a', line: 3 }], hintCount: 3, completed: true, document: 'x.py', busy: 'check' } }));
  const check = { passed: false, document: 'x.py', items: [{ ok: false, kind: 'gradient', message: 'dx of MulLayer', line: 13 }] };
  assert.ok(isHostToLesson({ type: 'status', status: { hints: [], hintCount: 3, completed: false, check } }));
  // More hints than the lesson has, a line 0, an unknown item kind, a missing UI string, a foreign message.
  assert.ok(!isHostToLesson({ type: 'status', status: { hints: [{ text: 'a' }, { text: 'b' }], hintCount: 1, completed: false } }));
  assert.ok(!isHostToLesson({ type: 'status', status: { hints: [{ text: 'a', line: 0 }], hintCount: 3, completed: false } }));
  assert.ok(!isHostToLesson({ type: 'status', status: { hints: [], hintCount: 3, completed: false, check: { ...check, items: [{ ...check.items[0], kind: 'guess' }] } } }));
  assert.ok(!isHostToLesson({ ...msg, ui: { ...UI, check: undefined } }));
  assert.ok(!isHostToLesson({ ...msg, lang: 'fr' }));
  assert.ok(!isHostToLesson({ type: 'report' }));

  for (const ok of [{ type: 'ready' }, { type: 'check' }, { type: 'nextHint' }, { type: 'showSolution' }, { type: 'openStarter' }, { type: 'reveal', line: 4 }, { type: 'goto', id: '03-apples-oranges' }, { type: 'painted', id: '01-chain-rule' }]) {
    assert.ok(isLessonToHost(ok), JSON.stringify(ok));
  }
  for (const bad of [{ type: 'reveal', line: 0 }, { type: 'reveal', line: '4' }, { type: 'goto', id: '../x' }, { type: 'rerun' }, null, 'check']) {
    assert.ok(!isLessonToHost(bad), JSON.stringify(bad));
  }
});

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.map': 'application/json' };

const FAKE_VSCODE = `
window.__posted = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '')));
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
  getState: () => window.__state,
  setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
});
`;

const skip = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing: lesson page tests skipped`
  : !existsSync(join(DIST, 'lesson.js')) ? 'dist/webview/lesson.js is missing: run npm run build first' : undefined;

describe('the lesson page in Chromium', { skip, timeout: 120_000 }, () => {
  let server: Server;
  let origin = '';
  let browser: Awaited<ReturnType<typeof launch>>;
  const pages: { page: Page; errors: string[] }[] = [];

  before(async () => {
    const nonce = `bl${Math.random().toString(36).slice(2)}`;
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/lesson.html') {
        const html = panelHtml({ cspSource: origin, nonce, scriptUri: `${origin}/lesson.js`, styleUri: `${origin}/lesson.css`, lang: 'en' })
          .replace('<div id="app">', `<script src="${origin}/__fake-vscode.js" nonce="${nonce}"></script>\n<div id="app">`)
          .replace('<body>', '<body class="vscode-light">');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': panelCsp(origin, nonce) });
        res.end(html);
      } else if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
      } else if (url.pathname === '/__fake-vscode.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(FAKE_VSCODE);
      } else {
        const file = normalize(join(DIST, decodeURIComponent(url.pathname)));
        if (!file.startsWith(DIST) || !existsSync(file)) {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch();
  });

  after(async () => {
    for (const p of pages) {
      const violations = await p.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      assert.deepEqual([...violations, ...p.errors], [], 'no CSP violations or page errors');
    }
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  async function open(msg: HostToLesson): Promise<Page> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    pages.push({ page, errors });
    await page.goto(`${origin}/lesson.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: LessonToHost[] }).__posted.some((m) => m.type === 'ready'));
    await send(page, msg);
    await page.waitForFunction(() => (window as unknown as { __posted: LessonToHost[] }).__posted.some((m) => m.type === 'painted'));
    return page;
  }

  const send = (page: Page, msg: HostToLesson) => page.evaluate((m) => window.postMessage(m, '*'), msg);
  const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: LessonToHost[] }).__posted);

  test('lesson 2: the maths in KaTeX, the engine\'s numbers in the text, the figure\'s layers from the demo run', async () => {
    const page = await open(lessonMessage(byId('02-mul-add-layers')));
    const text = await page.locator('.lesson-text').innerText();
    assert.match(text, /The price is 220/);
    assert.doesNotMatch(text, /\{\{/);
    assert.ok(await page.locator('.lesson-text .katex').count() >= 3, 'inline and display maths are KaTeX');
    assert.equal(await page.locator('.lesson-text .tex-fallback').count(), 0, 'every formula parses');
    assert.ok(await page.locator('.lesson-text .math-block .katex-display').count() >= 1, 'display maths is a block');
    assert.equal(await page.locator('.lesson-text h1').innerText(), 'The multiply and add layers: buying apples');
    // The figure sits where the Markdown put <!-- figure -->, drawn by GraphView.
    const labels = await page.locator('.lesson-figure .node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(labels.some((l) => /^layer .*\(×\)$/.test(l ?? '')), labels.join(', '));
    assert.ok(labels.includes('output price'), labels.join(', '));
    const gradients = await page.locator('.lesson-figure .edge-label .value-gradient').allTextContents();
    assert.ok(gradients.includes('2.2'), `dapple 2.2 among ${gradients.join(', ')}`);
    assert.equal(await page.evaluate(() => (window as unknown as { __state?: { id?: string } }).__state?.id), '02-mul-add-layers', 'the lesson id is kept for the serializer');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'lesson-02.png'), fullPage: true });
  });

  test('hints are revealed one at a time; the solution waits for the last one', async () => {
    const lesson = byId('02-mul-add-layers');
    const page = await open(lessonMessage(lesson));
    assert.equal(await page.locator('.hint').count(), 0);
    assert.equal(await page.locator('[data-action="showSolution"]').getAttribute('disabled'), '');
    await page.locator('[data-action="nextHint"]').click();
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'nextHint').length, 1);
    const hints = lesson.hints.map((h) => h.text.en);
    for (let n = 1; n <= hints.length; n++) {
      await send(page, { type: 'status', status: { hints: hints.slice(0, n).map((text) => ({ text })), hintCount: hints.length, completed: false } });
      await page.locator('.hint').nth(n - 1).waitFor();
      assert.equal(await page.locator('.hint').count(), n);
    }
    assert.match(await page.locator('.hint').first().innerText(), /∂z\/∂x = y/);
    assert.equal(await page.locator('.hint code').first().innerText(), 'self.x', 'code in a hint is code');
    assert.equal(await page.locator('[data-action="nextHint"]').getAttribute('disabled'), '');
    assert.equal(await page.locator('[data-action="showSolution"]').getAttribute('disabled'), null);
    await page.locator('[data-action="showSolution"]').click();
    assert.ok((await posted(page)).some((m) => m.type === 'showSolution'));
  });

  test('Check my code: each item with ✓ or ✗, its message, and a line that reveals it; by keyboard too', async () => {
    const lesson = byId('02-mul-add-layers');
    const buggy = lesson.files.solution.replace('dx = dout * self.y', 'dx = dout * self.x');
    const result = checkLesson(lesson, buggy, 'en', { filename: '/w/lesson-02-mul-add-layers.py' });
    assert.equal(result.passed, false);
    const items = result.items.map((i) => ({ ok: i.ok, message: i.message, kind: i.kind, ...(i.line ? { line: i.line } : {}) }));
    const page = await open(lessonMessage(lesson, { document: 'lesson-02-mul-add-layers.py', check: { passed: false, items, document: 'lesson-02-mul-add-layers.py' } }));
    const failed = page.locator('.check-item.fail[data-kind="gradient"]').first();
    assert.match(await failed.innerText(), /dx of MulLayer: you returned dout \* self\.x/);
    assert.equal(await failed.locator('.mark').innerText(), '✗');
    assert.ok(await page.locator('.check-item.pass .mark').count() >= 1, 'passing items have ✓');
    assert.match(await page.locator('.result-summary').innerText(), /Not yet: \d+ of \d+ checks fail/);
    const line = items.find((i) => !i.ok && i.kind === 'gradient')?.line;
    assert.ok(line);
    await failed.locator('.line-ref').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').pop(), { type: 'reveal', line });
    await page.locator('[data-action="check"]').click();
    assert.ok((await posted(page)).some((m) => m.type === 'check'));
  });

  test('every lesson renders in Korean too, with all its maths', async () => {
    for (const lesson of lessons) {
      const page = await open(lessonMessage(lesson, {}, 'ko'));
      assert.equal(await page.locator('.lesson-text .tex-fallback').count(), 0, `${lesson.id}: every formula parses`);
      assert.doesNotMatch(await page.locator('.lesson-text').innerText(), /\{\{/, `${lesson.id}: every number is filled`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
      const { errors } = pages.pop() as { errors: string[] };
      assert.deepEqual([...await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), ...errors], [], `${lesson.id}: no CSP violations`);
      await page.close();
    }
  });
});
