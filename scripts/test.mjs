// `npm test`: everything, from a fresh machine (`npm install && npm test`):
//   system   the Debian packages the layers need (scripts/system-deps.mjs; apt-get only when missing)
//   build, typecheck, lint
//   code-server  a real VS Code (code-server 4.100.3) into .cache/code-server/, once
//   tests    node's test runner over every test/**/*.test.ts (unit, diff, cli, extension, webview, the
//            UI end-to-end tests of test/e2e/ and the shared acceptance cases), loaded with tsx
//   vscode   the extension-host tests in the real VS Code (test/vscode/run.mjs)
// A layer whose packages cannot be installed here is skipped with a message saying why; anything
// else that fails fails the run. A failing typecheck or lint does not hide the test results, but the
// run still fails; a failing build stops here, since the tests run the built files.
// The last line counts every test of the run: `tests: N passed, N failed, N skipped`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './system-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function step(name, command, args) {
  console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal ?? r.error?.message})`} in ${seconds(started)}`);
  return r.status;
}

function testFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(dir === join(root, 'test') && entry.name === 'vscode') && entry.name !== 'fixtures') files.push(...testFiles(full));
    } else if (entry.name.endsWith('.test.ts')) {
      files.push(full);
    }
  }
  return files;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

// System packages: a missing one skips the layers that need it (they say so), it does not fail the run.
{
  console.log('\n== system: Debian packages (scripts/system-deps.mjs)');
  const started = Date.now();
  const r = ensureSystemDeps();
  console.log(`== system: ${r.message} in ${seconds(started)}`);
}

if (step('build', npm, ['run', '--silent', 'build']) !== 0) process.exit(1);
if (step('typecheck', npm, ['run', '--silent', 'typecheck']) !== 0) failedSteps.push('typecheck');
if (step('lint', npm, ['run', '--silent', 'lint']) !== 0) failedSteps.push('lint');

// code-server, before the tests that use it (test/e2e/, vscode), so its first install is a step of its own.
// Exit 3: it cannot be installed on this machine; those tests then skip themselves.
const codeServer = step('code-server', process.execPath, [join(root, 'scripts', 'code-server.mjs')]);
if (codeServer !== 0 && codeServer !== 3) failedSteps.push('code-server');

const files = testFiles(join(root, 'test')).map((f) => relative(root, f)).sort();
console.log(`\n== tests: ${files.length} files${failedSteps.length ? ` (after failed: ${failedSteps.join(', ')})` : ''}\n`);
// On the terminal node's spec reporter, TAP otherwise (CI), as node picks by itself; a second TAP
// reporter into a file gives the counts for the closing line.
const tapDir = mkdtempSync(join(tmpdir(), 'bl-test-'));
const tapFile = join(tapDir, 'tests.tap');
const testsStarted = Date.now();
const tests = spawnSync(process.execPath, [
  '--import', 'tsx', '--test',
  `--test-reporter=${process.stdout.isTTY ? 'spec' : 'tap'}`, '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
  ...files,
], { cwd: root, stdio: 'inherit' });
{
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    // no report: counted as a failure below
  }
  rmSync(tapDir, { recursive: true, force: true });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (tests.status !== 0) failedSteps.push('tests');
  console.log(`== tests: ${tests.status === 0 ? 'ok' : 'FAILED'} in ${seconds(testsStarted)}`);
}

// The extension-host tests, in a real VS Code. run.mjs skips (exit 0, with a message) when this machine
// cannot run code-server or Chromium; its `N passed, N failed` line is added to the totals.
{
  const args = [join(root, 'test', 'vscode', 'run.mjs'), '--no-build'];
  console.log(`\n== vscode: node ${relative(root, args[0])} --no-build`);
  const started = Date.now();
  const status = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      tail = (tail + d).slice(-20_000);
    });
    child.on('close', (code, signal) => {
      const m = [...tail.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].pop();
      if (m) {
        totals.passed += Number(m[1]);
        totals.failed += Number(m[2]);
        totals.skipped += Number(m[3] ?? 0);
      }
      resolve(code ?? signal);
    });
  });
  if (status !== 0) failedSteps.push('vscode');
  console.log(`== vscode: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${seconds(started)}`);
}

if (failedSteps.length) console.error(`\nnpm test: ${failedSteps.join(', ')} failed (see above)`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length === 0 ? 0 : 1);
