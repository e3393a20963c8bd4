#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on machines
// that cannot download VS Code: it takes the desktop's test arguments, runs them in code-server
// (a real VS Code 1.100 workbench in headless Chromium, with a Node extension host), and exits with
// the test run's exit code.
//
//   code-server-shim.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE
//                        [--extensions-dir=DIR] [--user-data-dir=DIR] [FOLDER] [other desktop flags, ignored]
//
// code-server rejects --extensionDevelopmentPath, so both paths go to the workbench through the URL's
// `payload`; the extension host then requires MODULE and calls its run(). The page reports the end
// through window.codeAutomationExit(code) and the host's console through window.codeAutomationLog(type,
// args), which are forwarded to stdout/stderr here.
//
// Environment: BL_VSCODE_TEST_TIMEOUT (ms, default 300000): on timeout a screenshot goes to
// test-results/vscode/ and the exit code is 124. BL_VSCODE_VERBOSE=1 also prints code-server's
// and the page's own output. code-server and Chromium are stopped on every way out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatWithOptions } from 'node:util';
import { launchChromium, chromiumSkipReason } from '../../scripts/chromium.mjs';
import { ROOT, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';

const TIMEOUT = Number(process.env.BL_VSCODE_TEST_TIMEOUT) || 300_000;
const VERBOSE = process.env.BL_VSCODE_VERBOSE === '1';
const SHOTS = join(ROOT, 'test-results', 'vscode');

function parseArgs(argv) {
  const o = { extensionDevelopmentPath: [], extensionTestsPath: undefined, extensionsDir: undefined, userDataDir: undefined, folder: undefined };
  const withValue = new Map([
    ['--extensionDevelopmentPath', (v) => o.extensionDevelopmentPath.push(resolve(v))],
    ['--extensionTestsPath', (v) => (o.extensionTestsPath = resolve(v))],
    ['--extensions-dir', (v) => (o.extensionsDir = resolve(v))],
    ['--user-data-dir', (v) => (o.userDataDir = resolve(v))],
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const set = withValue.get(name);
    if (set) set(eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    else if (!arg.startsWith('-') && o.folder === undefined) o.folder = resolve(arg);
    // Other desktop flags (--no-sandbox, --disable-updates, --skip-welcome …) mean nothing here.
  }
  return o;
}

const args = parseArgs(process.argv.slice(2));
if (args.extensionDevelopmentPath.length === 0 || !args.extensionTestsPath) {
  console.error('code-server-shim: needs --extensionDevelopmentPath=DIR and --extensionTestsPath=MODULE');
  process.exit(2);
}
const skip = chromiumSkipReason();
if (skip) {
  console.error(`code-server-shim: ${skip}`);
  process.exit(3);
}

let server;
let browser;
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    console.error(`code-server-shim: ${signal}, stopping code-server and Chromium`);
    await cleanup();
    process.exit(130);
  });
}

/** The host's console.log arguments arrive as an array, printf-style (mocha's reporter: '%d passing (%s)'). */
function format(args) {
  if (!Array.isArray(args)) return String(args);
  return formatWithOptions({ colors: false }, ...args);
}

// The workbench's own chatter on the way up, which says nothing about the tests.
const NOISE = [
  /^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/, /^Ignoring fetching additional builtin extensions/,
  /^\[Service Worker\]/, /^ChatSessionStore:/, /^Updating additional builtin extensions cache/, /^Creation of workbench contribution/,
  // The workbench disposing an editor model while the extension host shuts down after the run.
  /^Model is disposed!/,
];

async function main() {
  const started = Date.now();
  // The desktop's --extensionDevelopmentPath can repeat; the payload takes the first (ours).
  const [devPath, ...more] = args.extensionDevelopmentPath;
  if (more.length) console.error(`code-server-shim: only the first --extensionDevelopmentPath is loaded (${devPath})`);
  server = await startCodeServer({ folder: args.folder, extensionsDir: args.extensionsDir, userDataDir: args.userDataDir, verbose: VERBOSE });
  const url = workbenchUrl({ port: server.port, folder: args.folder, extensionDevelopmentPath: devPath, extensionTestsPath: args.extensionTestsPath });
  if (VERBOSE) console.log(`code-server-shim: ${url}`);

  browser = await launchChromium();
  const { page } = browser;
  let exit;
  const exited = new Promise((done) => (exit = done));
  let done = false;
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = format(logArgs);
    // After the exit, the workbench shutting down ("Model is disposed!") is not the tests' business.
    if (!VERBOSE && (done || NOISE.some((re) => re.test(line)))) return;
    if (type === 'error' || type === 'warn') process.stderr.write(line + '\n');
    else process.stdout.write(line + '\n');
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    done = true;
    exit(Number(code) || 0);
  });
  page.on('pageerror', (e) => VERBOSE && console.error(`[page error] ${e.message}`));
  if (VERBOSE) page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
  page.on('crash', () => exit(70));

  await page.goto(url);
  let timer;
  const timeout = new Promise((done) => (timer = setTimeout(() => done('timeout'), TIMEOUT - (Date.now() - started))));
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (code === 'timeout') {
    mkdirSync(SHOTS, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const shot = join(SHOTS, `timeout-${stamp}.png`);
    await page.screenshot({ path: shot }).catch((e) => console.error(`code-server-shim: no screenshot: ${e.message}`));
    writeFileSync(join(SHOTS, `timeout-${stamp}-code-server.log`), server.output());
    console.error(`code-server-shim: no exit from the tests after ${TIMEOUT / 1000} s; screenshot ${shot}, code-server's log beside it`);
    return 124;
  }
  return code;
}

let code;
try {
  code = await main();
} catch (e) {
  console.error(`code-server-shim: ${e.stack ?? e}`);
  if (server && !VERBOSE) console.error(`--- code-server output ---\n${server.output().slice(-4000)}`);
  code = 1;
}
await cleanup();
process.exit(code);
