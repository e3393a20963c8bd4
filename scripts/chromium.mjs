// Debian's Chromium driven by playwright-core (never `playwright install`): the flags that work
// headless on these machines, and a launch with a fresh profile that is removed on close.
// Used by test/vscode/code-server-shim.mjs and test/e2e/harness.ts; test/webview/harness.ts has
// the same flags.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Why Chromium cannot run here, or undefined when it can. */
export function chromiumSkipReason() {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install -y chromium)`;
  return undefined;
}

/**
 * Launches headless Chromium with a fresh profile and opens one page.
 * @param {{ viewport?: { width: number, height: number } }} [options]
 */
export async function launchChromium({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'bl-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport, deviceScaleFactor: 1,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.race([context.close().catch(() => {}), new Promise((done) => setTimeout(done, 10_000))]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
