// The built `backprop-lens` binary (dist/cli.js), run as a user would run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { version } from '../../package.json';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('backprop-lens', () => {
  test('with no arguments, and with --help, prints usage and exits 0', () => {
    for (const args of [[], ['--help'], ['-h']]) {
      const r = run(...args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: backprop-lens run \[--time-limit SECONDS\] FILE/);
      assert.equal(r.stderr, '');
    }
  });

  test('an unknown command prints usage on stderr and exits 2', () => {
    const r = run('frobnicate');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /unknown command 'frobnicate'/);
    assert.match(r.stderr, /Usage: backprop-lens run/);
  });

  test('--version prints the package version', () => {
    assert.equal(run('--version').stdout, `backprop-lens ${version}\n`);
  });

  test('a file that does not exist is reported as python3 reports it, exit 2', () => {
    const r = run('run', 'no_such_file.py');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `backprop-lens: can't open file '${path.join(root, 'no_such_file.py')}': [Errno 2] No such file or directory\n`);
  });

  test('a bad --time-limit is a usage error', () => {
    assert.equal(run('run', '--time-limit', 'soon', 'examples/buy_apple_orange.py').status, 2);
  });

  test('npm start\'s example prints what python3 prints', () => {
    const r = run('run', 'examples/buy_apple_orange.py');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, [
      'price: 715', 'dApple: 2.2', 'dApple_num: 110', 'dOrange: 3.3000000000000003', 'dOrange_num: 165', 'dTax: 650', '',
    ].join('\n'));
    assert.equal(r.status, 0);
  });
});
