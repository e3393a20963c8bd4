// The command line's logic with a stand-in engine: what reaches stdout/stderr, in what order, and the exit status.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { RunOptions, RunResult } from '../../src/engine/api';
import {
  EXIT_INTERNAL, EXIT_USAGE, NO_TIME_LIMIT_MS, parseArgs, runCommandLine, type CommandLineHost, type Engine,
} from '../../src/host/commandLine';
import { nodeHostFs } from '../../src/host/nodeHostFs';

type Program = (opts: RunOptions) => RunResult;

function fakeHost(program: Program, files: Record<string, string> = { '/work/main.py': 'program' }) {
  const writes: { stream: string; text: string }[] = [];
  const calls: { entry: string; source: string; opts: RunOptions }[] = [];
  const engine: Engine = {
    runSource: (source, opts) => (calls.push({ entry: 'runSource', source, opts }), program(opts)),
    runNotebook: (source, opts) => (calls.push({ entry: 'runNotebook', source, opts }), program(opts)),
  };
  const host: CommandLineHost = {
    engine,
    fs: nodeHostFs,
    cwd: '/work',
    readFile: (file) => {
      if (file in files) return files[file];
      throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    },
    write: (stream, text) => writes.push({ stream, text }),
  };
  const text = (stream: string) => writes.filter((w) => w.stream === stream).map((w) => w.text).join('');
  return { host, writes, calls, text };
}

describe('backprop-lens run', () => {
  test('runs the file with its absolute path, the host fs, and stdout then stderr in order', () => {
    const fake = fakeHost((opts) => {
      opts.stdout!('price: 715');
      opts.stdout!('\n');
      opts.stderr!('Traceback (most recent call last):\n');
      opts.stdout!('never mixed up\n');
      return { exitCode: 1 };
    });
    assert.equal(runCommandLine(['run', 'main.py'], fake.host), 1);
    assert.equal(fake.calls[0].entry, 'runSource');
    assert.equal(fake.calls[0].source, 'program');
    assert.equal(fake.calls[0].opts.filename, path.resolve('/work', 'main.py'));
    assert.equal(fake.calls[0].opts.fs, nodeHostFs);
    assert.deepEqual(fake.writes, [
      { stream: 'stdout', text: 'price: 715\n' },
      { stream: 'stderr', text: 'Traceback (most recent call last):\n' },
      { stream: 'stdout', text: 'never mixed up\n' },
    ]);
  });

  test('100k printed lines reach stdout in a few large writes, quickly', () => {
    const fake = fakeHost((opts) => {
      for (let i = 0; i < 100_000; i++) {
        opts.stdout!(String(i));
        opts.stdout!('\n');
      }
      return { exitCode: 0 };
    });
    const started = Date.now();
    assert.equal(runCommandLine(['run', 'main.py'], fake.host), 0);
    const ms = Date.now() - started;
    const out = fake.text('stdout');
    assert.equal(out.split('\n').length, 100_001);
    assert.ok(out.startsWith('0\n1\n2\n') && out.endsWith('99998\n99999\n'));
    assert.ok(fake.writes.length < 100, `${fake.writes.length} writes`);
    assert.ok(ms < 2000, `${ms} ms`);
  });

  test('an .ipynb file runs as a notebook', () => {
    const fake = fakeHost(() => ({ exitCode: 0 }), { '/work/nb/lesson.IPYNB': '{"cells": []}' });
    assert.equal(runCommandLine(['run', 'nb/lesson.IPYNB'], fake.host), 0);
    assert.equal(fake.calls[0].entry, 'runNotebook');
    assert.equal(fake.calls[0].source, '{"cells": []}');
  });

  test('--time-limit sets the budget; without it there is no limit', () => {
    const fake = fakeHost(() => ({ exitCode: 0 }));
    runCommandLine(['run', '--time-limit', '2.5', 'main.py'], fake.host);
    runCommandLine(['run', '--time-limit=0.01', 'main.py'], fake.host);
    runCommandLine(['run', 'main.py'], fake.host);
    assert.deepEqual(fake.calls.map((c) => c.opts.budget?.timeMs), [2500, 10, NO_TIME_LIMIT_MS]);
  });

  test('an error thrown by the engine itself is an internal error, after the output so far', () => {
    const fake = fakeHost((opts) => {
      opts.stdout!('partial');
      throw new Error('interpreter not yet wired');
    });
    assert.equal(runCommandLine(['run', 'main.py'], fake.host), EXIT_INTERNAL);
    assert.equal(fake.writes[0].text, 'partial');
    assert.match(fake.text('stderr'), /^backprop-lens: internal error: Error: interpreter not yet wired/);
  });

  test('a missing file is reported without running anything', () => {
    const fake = fakeHost(() => assert.fail('should not run'));
    assert.equal(runCommandLine(['run', 'gone.py'], fake.host), EXIT_USAGE);
    assert.equal(fake.text('stderr'), `backprop-lens: can't open file '${path.resolve('/work', 'gone.py')}': [Errno 2] No such file or directory\n`);
  });
});

describe('parseArgs', () => {
  test('reads the run command and its options', () => {
    assert.deepEqual(parseArgs(['run', 'a.py']), { kind: 'run', run: { file: 'a.py', timeMs: NO_TIME_LIMIT_MS } });
    assert.deepEqual(parseArgs([]), { kind: 'help' });
    assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
    assert.deepEqual(parseArgs(['run', '--help']), { kind: 'help' });
  });

  test('rejects what it does not understand', () => {
    for (const args of [['walk'], ['run'], ['run', '-x', 'a.py'], ['run', 'a.py', 'extra'],
      ['run', '--time-limit', 'a.py'], ['run', '--time-limit', '-1', 'a.py'], ['run', '--time-limit=', 'a.py']]) {
      assert.equal(parseArgs(args).kind, 'error', args.join(' '));
    }
  });
});
