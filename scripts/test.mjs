// `npm test`: build, typecheck, lint, then node's test runner over every test/**/*.test.ts
// (unit, diff, cli, extension and the shared acceptance cases), loaded with tsx.
// test/vscode/ is left out: those tests need a VS Code and have a launcher of their own.
// A failing typecheck or lint does not hide the test results, but the run still fails;
// a failing build stops here, since the tests run the built files.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(name, command, args) {
  console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal ?? r.error?.message})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
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

if (!step('build', npm, ['run', '--silent', 'build'])) process.exit(1);
const failedSteps = [];
if (!step('typecheck', npm, ['run', '--silent', 'typecheck'])) failedSteps.push('typecheck');
if (!step('lint', npm, ['run', '--silent', 'lint'])) failedSteps.push('lint');

const files = testFiles(join(root, 'test')).map((f) => relative(root, f)).sort();
console.log(`\n== tests: ${files.length} files${failedSteps.length ? ` (after failed: ${failedSteps.join(', ')})` : ''}\n`);
// No --test-reporter: node picks spec on a terminal and TAP otherwise; both end with its pass/fail summary.
const tests = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { cwd: root, stdio: 'inherit' });

if (failedSteps.length) console.error(`\nnpm test: ${failedSteps.join(' and ')} failed (see above)`);
process.exit(tests.status === 0 && failedSteps.length === 0 ? 0 : 1);
