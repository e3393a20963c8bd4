// The command line's logic with a stand-in engine and lens: what reaches stdout/stderr, in what order, and the exit status.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { RunOptions, RunResult } from '../../src/engine/api';
import type { ProgramRequest } from '../../src/engine/lens/program';
import type { GradientCheck, LensReport } from '../../src/engine/lens/report';
import {
  EXIT_CHECKS_FAILED, EXIT_INTERNAL, EXIT_USAGE, NO_TIME_LIMIT_MS, inspectExitCode, parseArgs, runCommandLine,
  type CommandLineHost, type Engine, type InspectOutcome,
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

// ------------------------------------------------------------------ inspect, with a stand-in lens

function report(overrides: Partial<LensReport> = {}): LensReport {
  return {
    version: 1, source: { file: '/work/main.py' }, output: { stdout: '', stderr: '' },
    layers: [], calls: [], graph: { nodes: [], edges: [] }, tapes: [], checks: [], hazards: [], derivations: [],
    timings: { runMs: 1, analysisMs: 1, totalMs: 2 }, ...overrides,
  };
}

const check = (passed: boolean): GradientCheck => ({ layer: 'L1', forwardCall: 'C1', backwardCall: 'C2', target: { kind: 'input', name: 'x' }, passed });

function lensHost(outcome: InspectOutcome | (() => InspectOutcome), files?: Record<string, string>) {
  const fake = fakeHost(() => assert.fail('inspect does not use run'), files);
  const requests: { req: ProgramRequest; opts: Omit<RunOptions, 'filename'> }[] = [];
  const written: Record<string, string> = {};
  fake.host.engine.inspect = (req, opts) => {
    requests.push({ req, opts });
    return typeof outcome === 'function' ? outcome() : outcome;
  };
  fake.host.writeFile = (file, text) => {
    if (file.includes('/missing/')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    written[file] = text;
  };
  // A stand-in for the panel's build: a script, a stylesheet with one font, no translations.
  fake.host.panelAssets = () => ({ script: 'console.log("panel");\n', css: '@font-face { src: url("./fonts/F.woff2") format("woff2"); }\n', fonts: { './fonts/F.woff2': 'AAAA' } });
  return { ...fake, requests, written };
}

describe('backprop-lens inspect', () => {
  test('passes the file, the selection, the cell and the time limit to the lens', () => {
    const fake = lensHost({ kind: 'report', report: report() }, { '/work/lesson.ipynb': '{}' });
    assert.equal(runCommandLine(['inspect', 'lesson.ipynb', '--cell', '3', '--lines=2-5', '--time-limit', '1.5'], fake.host), 0);
    assert.deepEqual(fake.requests[0].req, { text: '{}', filename: '/work/lesson.ipynb', lines: [2, 5], cell: 3 });
    assert.equal(fake.requests[0].opts.budget?.timeMs, 1500);
    assert.equal(fake.requests[0].opts.fs, nodeHostFs);
  });

  test('exit status: 0 when it ran and every check passed, 3 when a check failed, 1 when the program raised', () => {
    const error = { type: 'NameError', message: "name 'x' is not defined", file: '/work/main.py', line: 3, traceback: '' };
    const cases: [Partial<LensReport>, number][] = [
      [{}, 0],
      [{ checks: [check(true), check(true)] }, 0],
      [{ checks: [check(true), check(false)] }, EXIT_CHECKS_FAILED],
      [{ error, checks: [check(false)] }, 1],
    ];
    for (const [overrides, status] of cases) {
      const r = report(overrides);
      assert.equal(inspectExitCode(r), status);
      const fake = lensHost({ kind: 'report', report: r });
      assert.equal(runCommandLine(['inspect', 'main.py'], fake.host), status);
      assert.match(fake.text('stdout'), /^Backprop Lens: main\.py\n/);
    }
  });

  test('--json prints the report with two-space indents, and never fails on a bigint', () => {
    const r = report({ calls: [] });
    (r.timings as unknown as Record<string, unknown>).runMs = 5n;
    const fake = lensHost({ kind: 'report', report: r });
    assert.equal(runCommandLine(['inspect', '--json', 'main.py'], fake.host), 0);
    const parsed = JSON.parse(fake.text('stdout')) as LensReport;
    assert.equal(parsed.version, 1);
    assert.equal(parsed.timings.runMs, 5);
    assert.match(fake.text('stdout'), /^{\n {2}"version": 1,\n/);
    assert.equal(fake.text('stderr'), '');
  });

  test('--html writes the panel as a page, and says so on stderr; a file it cannot write is exit 2', () => {
    const notes = ['main.py: lines 2-5, with the imports, functions and classes they need'];
    const sources = [{ title: 'main.py', file: '/work/main.py', text: 'program', highlight: [2, 5] as [number, number] }];
    const fake = lensHost({ kind: 'report', report: report(), notes, sources });
    assert.equal(runCommandLine(['inspect', 'main.py', '--html', 'out/r.html'], fake.host), 0);
    const page = fake.written['/work/out/r.html'];
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<title>Backprop Lens: main\.py<\/title>/);
    assert.match(page, /<script type="module" nonce="[0-9a-f]+">\nconsole\.log\("panel"\);/, 'the panel\'s own script, inlined');
    assert.match(page, /url\("data:font\/woff2;base64,AAAA"\)/, 'its fonts as data: URLs');
    const data = JSON.parse(/<script type="application\/json" id="bl-data">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}') as { message: Record<string, unknown> };
    assert.deepEqual({ ...data.message, report: undefined }, {
      type: 'report', report: undefined, documentUri: 'file:///work/main.py', l10n: {}, notes, sources, standalone: true,
    });
    assert.equal(fake.text('stderr'), 'backprop-lens: wrote out/r.html\n');
    const failing = lensHost({ kind: 'report', report: report() });
    assert.equal(runCommandLine(['inspect', 'main.py', '--html', '/missing/r.html'], failing.host), EXIT_USAGE);
    assert.match(failing.text('stderr'), /can't write '\/missing\/r\.html': \[Errno 2\] No such file or directory/);
  });

  test('--html without the panel\'s built files is a usage error (2), before anything runs', () => {
    const fake = lensHost({ kind: 'report', report: report() });
    fake.host.panelAssets = () => {
      throw new Error("the panel's files are not built: /opt/bl/dist/webview/main.js is missing (run `npm run build`)");
    };
    assert.equal(runCommandLine(['inspect', 'main.py', '--html', 'r.html'], fake.host), EXIT_USAGE);
    assert.equal(fake.text('stderr'), "backprop-lens: --html cannot write a page: the panel's files are not built: /opt/bl/dist/webview/main.js is missing (run `npm run build`)\n");
    assert.equal(fake.requests.length, 0, 'the program did not run');
    assert.deepEqual(fake.written, {});
  });

  test('a selection or cell the lens cannot run is a usage error, reported as the lens words it', () => {
    const fake = lensHost({ kind: 'input-error', message: '--cell 1 is not a code cell' });
    assert.equal(runCommandLine(['inspect', 'main.py', '--cell', '1'], fake.host), EXIT_USAGE);
    assert.equal(fake.text('stderr'), 'backprop-lens: --cell 1 is not a code cell\n');
  });

  test('an error thrown by the lens itself is an internal error', () => {
    const fake = lensHost(() => { throw new Error('tracer exploded'); });
    assert.equal(runCommandLine(['inspect', 'main.py'], fake.host), EXIT_INTERNAL);
    assert.match(fake.text('stderr'), /^backprop-lens: internal error: Error: tracer exploded/);
    const noLens = fakeHost(() => ({ exitCode: 0 }));
    assert.equal(runCommandLine(['inspect', 'main.py'], noLens.host), EXIT_INTERNAL);
  });

  test('parses its options before or after FILE, and rejects what it does not understand', () => {
    assert.deepEqual(parseArgs(['inspect', '--json', 'a.py', '--lines', '3']), { kind: 'inspect', inspect: { file: 'a.py', json: true, timeMs: NO_TIME_LIMIT_MS, lines: [3, 3] } });
    assert.deepEqual(parseArgs(['inspect', 'nb.ipynb', '--cell=2', '--html', 'r.html']), { kind: 'inspect', inspect: { file: 'nb.ipynb', json: false, timeMs: NO_TIME_LIMIT_MS, cell: 2, html: 'r.html' } });
    assert.deepEqual(parseArgs(['inspect', '--help']), { kind: 'help' });
    for (const args of [['inspect'], ['inspect', 'a.py', 'b.py'], ['inspect', 'a.py', '--lines', '0-2'], ['inspect', 'a.py', '--lines', '5-2'],
      ['inspect', 'a.py', '--lines'], ['inspect', 'a.py', '--cell', '0'], ['inspect', 'a.py', '--cell', 'x'], ['inspect', 'a.py', '--html'],
      ['inspect', 'a.py', '--html', '--json'], ['inspect', 'a.py', '--frobnicate'], ['inspect', 'a.py', '--time-limit', '0']]) {
      assert.equal(parseArgs(args).kind, 'error', args.join(' '));
    }
  });
});
