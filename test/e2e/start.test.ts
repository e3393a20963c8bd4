// `npm start` without a desktop VS Code: code-server comes up on 127.0.0.1 and serves the workbench
// at the URL it prints (with the extension loaded from the repository through the URL's payload).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { e2eSkipReason, ROOT } from './harness';

const skip = e2eSkipReason();

describe('npm start', { skip, timeout: 600_000 }, () => {
  test('starts code-server on examples/ and prints a URL that serves the workbench', () => {
    // --no-build: the tests run on the dist/ that `npm test` built; a build here would delete it under them.
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--print-url', '--no-build'], {
      cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, PORT: '' },
    });
    assert.equal(r.status, 0, `exit 0\n${r.stdout}${r.stderr}`);
    const url = r.stdout.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
    assert.ok(url, `a URL in:\n${r.stdout}`);
    const params = new URL(url).searchParams;
    assert.equal(params.get('folder'), join(ROOT, 'examples'));
    const payload = JSON.parse(params.get('payload') ?? '[]') as [string, string][];
    const dev = payload.find(([k]) => k === 'extensionDevelopmentPath')?.[1];
    assert.equal(dev, `vscode-remote://${new URL(url).host}${ROOT}`);
    assert.match(r.stdout, /→ 200$/m, 'the workbench page answered 200');
  });
});
