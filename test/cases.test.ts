// The shared acceptance corpus: each case program must print, through `backprop-lens run`,
// exactly what CPython + NumPy printed. The runner lives in ../shared beside the repo.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..');
const checkCases = path.resolve(root, '..', 'shared', 'bin', 'check-cases');
const found = fs.existsSync(checkCases);

test('acceptance cases print what CPython + NumPy print', {
  skip: !found && 'shared acceptance cases not found at ../shared; skipped',
  timeout: 60 * 60_000,
}, (t) => {
  // check-cases runs `node dist/cli.js run FILE.py` in each case's folder.
  const run = spawnSync(process.execPath, [checkCases, '--', process.execPath, path.join(root, 'dist', 'cli.js'), 'run'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.error) throw run.error;
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(run.stdout);
  assert.ok(summary, `check-cases printed no summary (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  t.diagnostic(`check-cases: ${summary[0]}`);
  const [passed, failed] = [Number(summary[1]), Number(summary[2])];
  if (failed > 0) assert.fail(`${failed} of ${passed + failed} cases failed:\n${run.stdout}`);
  assert.ok(passed > 0, 'no case ran');
  assert.equal(run.status, 0, run.stderr);
});
