// UI end-to-end tests of the packaged extension: the .vsix that `vsce package` makes is installed into
// a fresh extensions dir of code-server (a real VS Code 1.100 workbench), which opens a temp copy of
// the fixture workspace in headless Chromium. What a person does, by keyboard: Ctrl+P to open a file,
// F1 to run a command; what a person sees: the editor, the Output panel, the webview, hovers.
//
//   const skip = e2eSkipReason();
//   describe('…', { skip, timeout: 300_000 }, () => {
//     let wb: Workbench;
//     before(async () => { wb = await openWorkbench('my-scenario'); });
//     after(async () => { await wb?.close(); });
//     test('…', async (t) => wb.step(t, async () => { await wb.openFile('buy_apple_orange.py'); … }));
//   });
//
// Screenshots go to test-results/e2e/ (CI keeps them): wb.screenshot(name) at any step, and one
// automatically when a step run through wb.step() fails.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { startCodeServer, installExtension, type CodeServer } from '../../scripts/code-server.mjs';

export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-results', 'e2e');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'vscode-workspace');
export const EXTENSION_ID = 'backprop-lens.backprop-lens';

const dpkgInstalled = (pkg: string): boolean =>
  /\binstall ok installed\b/.test(spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout ?? '');

/**
 * Why the UI tests cannot run on this machine, or undefined when they can. `npm test` installs the
 * Debian packages first (scripts/system-deps.mjs); code-server itself is installed by the first test.
 */
export function e2eSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium): UI end-to-end tests skipped`;
  const stamp = existsSync(join(ROOT, '.cache', 'code-server')) && readdirSync(join(ROOT, '.cache', 'code-server')).some((f) => f.endsWith('.stamp'));
  if (!stamp) {
    const missing = ['libkrb5-dev', 'pkg-config', 'ripgrep'].filter((p) => !dpkgInstalled(p));
    if (missing.length) return `code-server cannot be built without ${missing.join(', ')} (node scripts/system-deps.mjs): UI end-to-end tests skipped`;
  }
  return undefined;
}

export interface Vsix {
  path: string;
  bytes: number;
  /** The files inside, as `vsce ls` would list them, relative to the extension's root (extension/…). */
  files: string[];
}

let packaged: Promise<Vsix> | undefined;

/**
 * `vsce package --no-dependencies`, once per test process, in a staging copy of the repository under
 * .cache/ so that its `vscode:prepublish` (a production build, which starts by deleting dist/) does
 * not touch the dist/ that other tests are using. Sources are symlinked; scripts/, media/, l10n/ and the
 * top-level files are copied (build.mjs finds the root from its own path).
 */
export function packageVsix(): Promise<Vsix> {
  packaged ??= (async () => {
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    const staging = mkdtempSync(join(ROOT, '.cache', 'vsix-staging-'));
    const outDir = mkdtempSync(join(tmpdir(), 'bl-vsix-'));
    process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const out = join(outDir, 'backprop-lens.vsix');
    const skip = new Set(['.git', 'node_modules', 'dist', 'out', '.cache', 'test-results', '.vscode-test']);
    const copy = new Set(['scripts', 'media', 'l10n']);
    try {
      for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
        if (skip.has(entry.name) || entry.name.endsWith('.vsix')) continue;
        const from = join(ROOT, entry.name);
        const to = join(staging, entry.name);
        if (!entry.isDirectory() || copy.has(entry.name)) cpSync(from, to, { recursive: true });
        else symlinkSync(from, to, 'dir');
      }
      const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
      // The README's images are relative (docs/images/) and the repository URL is a placeholder, so
      // vsce cannot make them absolute: leave the links as they are.
      execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], {
        cwd: staging, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, env: { ...process.env, npm_config_update_notifier: 'false' },
      });
      const files = listZip(out);
      return { path: out, bytes: statSync(out).size, files };
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      throw new Error(`vsce package failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  })();
  return packaged;
}

/** The names in a zip file, read from its central directory (no unzip needed). */
export function listZip(file: string): string[] {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** A writable copy of the fixture workspace with the example beside it. */
export function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bl-e2e-ws-'));
  cpSync(FIXTURE, dir, { recursive: true });
  // The examples (the seed's layers as .py and .ipynb, apples and oranges, common/functions.py).
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

export interface Workbench {
  page: Page;
  server: CodeServer;
  /** The temp copy of the workspace that is open. */
  workspace: string;
  /** Ctrl+P, the file's name, Enter; resolves when its editor tab is active. */
  openFile(name: string): Promise<void>;
  /** F1, `>title`, Enter (the title as the palette shows it, e.g. "Backprop Lens: Run File with the Embedded Engine"). */
  runCommand(title: string): Promise<void>;
  /** The active webview's content (the panel's page). */
  webviewFrame(): FrameLocator;
  /** Moves the mouse onto the first token of the active editor with this text and returns the hover's text. */
  hover(text: string): Promise<string>;
  /** The text of the Output panel's channel `channel` (shown first), or of whatever it shows. */
  outputText(channel?: string, waitFor?: string | RegExp, timeoutMs?: number): Promise<string>;
  /** A full-page screenshot into test-results/e2e/<scenario>-<n>-<name>.png; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Runs fn; on failure takes a screenshot named after the test and rethrows. */
  step<T>(t: { name: string }, fn: () => Promise<T>): Promise<T>;
  /** Closes Chromium, stops code-server, removes the temp folders. Safe to call twice. */
  close(): Promise<void>;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/**
 * Packages and installs the extension, starts code-server on a temp copy of the fixture workspace
 * (or of `workspace`), opens it in Chromium and waits for the workbench.
 */
export async function openWorkbench(scenario: string, options: { workspace?: string; settings?: Record<string, unknown> } = {}): Promise<Workbench> {
  const vsix = await packageVsix();
  const tmp = mkdtempSync(join(tmpdir(), 'bl-e2e-'));
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  mkdirSync(extensionsDir);
  await installExtension(vsix.path, { extensionsDir, userDataDir });
  let workspace: string;
  if (options.workspace) {
    workspace = mkdtempSync(join(tmpdir(), 'bl-e2e-ws-'));
    cpSync(options.workspace, workspace, { recursive: true });
  } else {
    workspace = makeWorkspace();
  }
  mkdirSync(SHOTS, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let shots = 0;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  };

  try {
    server = await startCodeServer({ folder: workspace, extensionsDir, userDataDir, settings: options.settings });
    browser = await launchChromium();
    const { page } = browser;
    const srv = server;
    await page.goto(`${srv.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the folder once the workbench has connected to the server.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });

    const screenshot = async (name: string) => {
      const file = join(SHOTS, `${slug(scenario)}-${String(++shots).padStart(2, '0')}-${slug(name)}.png`);
      await page.screenshot({ path: file });
      return file;
    };

    const quickInput = page.locator('.quick-input-widget');
    const typeInQuickInput = async (text: string) => {
      await quickInput.waitFor({ state: 'visible' });
      const box = quickInput.locator('input.input');
      await box.fill(text);
      // The list follows the text: wait until the first row is there before Enter.
      await quickInput.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
    };

    const wb: Workbench = {
      page,
      server: srv,
      workspace,
      async openFile(name) {
        await page.keyboard.press('Control+P');
        await typeInQuickInput(name);
        // Quick Open first lists recently opened files; wait until the list is filtered to this one.
        const base = name.split('/').pop() ?? name;
        await quickInput.locator('.monaco-list-row').first().and(quickInput.locator(`.monaco-list-row[aria-label*="${base}"]`)).waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        await page.locator(`.tabs-container .tab.active[aria-label^="${name.split('/').pop()}"]`).waitFor({ timeout: 30_000 });
        await page.locator('.monaco-editor .view-line').first().waitFor();
      },
      async runCommand(title) {
        await page.keyboard.press('F1');
        await typeInQuickInput(`>${title}`);
        const first = quickInput.locator('.monaco-list-row').first();
        const label = (await first.getAttribute('aria-label')) ?? '';
        if (!label.includes(title)) throw new Error(`the palette's first entry for "${title}" is "${label}"`);
        await page.keyboard.press('Enter');
        await quickInput.waitFor({ state: 'hidden' });
      },
      webviewFrame() {
        return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      },
      async hover(text) {
        const token = page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
        await token.hover();
        const hover = page.locator('.monaco-hover:visible').first();
        await hover.waitFor({ timeout: 15_000 });
        return (await hover.innerText()).trim();
      },
      async outputText(channel, waitFor, timeoutMs = 30_000) {
        const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
        if (!(await output.isVisible())) await wb.runCommand('View: Toggle Output');
        if (channel) {
          // The channel picker of the Output view is a <select> (or a custom dropdown in newer builds).
          const select = page.locator('.part.panel select.monaco-select-box').first();
          if (await select.count()) await select.selectOption({ label: channel }).catch(() => {});
        }
        const lines = page.locator('.part.panel .monaco-editor .view-lines');
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const text = (await lines.first().innerText().catch(() => '')).replace(/\u00a0/g, ' ');
          if (!waitFor || (typeof waitFor === 'string' ? text.includes(waitFor) : waitFor.test(text))) return text;
          if (Date.now() > deadline) throw new Error(`the Output panel did not show ${waitFor} within ${timeoutMs} ms; it shows:\n${text}`);
          await page.waitForTimeout(250);
        }
      },
      screenshot,
      async step(t, fn) {
        try {
          return await fn();
        } catch (e) {
          const file = await screenshot(`FAILED-${t.name}`).catch(() => undefined);
          if (file) writeFileSync(file.replace(/\.png$/, '-code-server.log'), srv.output());
          if (file && e instanceof Error) e.message += `\n(screenshot: ${file})`;
          throw e;
        }
      },
      close,
    };
    return wb;
  } catch (e) {
    if (browser) {
      await browser.page.screenshot({ path: join(SHOTS, `${slug(scenario)}-FAILED-start.png`) }).catch(() => {});
    }
    const log = server?.output();
    await close();
    if (log && e instanceof Error) e.message += `\n--- code-server ---\n${log.slice(-3000)}`;
    throw e;
  }
}
