// `backprop-lens inspect`, through the built binary (dist/cli.js), as a learner would run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { LensReport } from '../../src/engine/lens/report';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
const fixture = (name: string) => path.join('test', 'fixtures', 'lens', name);

/** `inspect --json`: the report, and the exit status. */
function inspectJson(...args: string[]): { report: LensReport; status: number | null; stdout: string } {
  const r = run('inspect', ...args, '--json');
  assert.equal(r.stderr, '', 'nothing on stderr with --json');
  return { report: JSON.parse(r.stdout) as LensReport, status: r.status, stdout: r.stdout };
}

/** The exit status the report calls for: 1 when it raised, 3 when a check failed, else 0. */
const expectedStatus = (report: LensReport) => (report.error ? 1 : report.checks.some((c) => !c.passed) ? 3 : 0);

describe('backprop-lens inspect', () => {
  test('--help shows the inspect command and its options', () => {
    const r = run('--help');
    assert.match(r.stdout, /\n {7}backprop-lens inspect FILE \[--lines A-B\] \[--cell N\] \[--json\] \[--html OUT\.html\] \[--time-limit SECONDS\]\n/);
    assert.match(r.stdout, /3 when inspect finds a failing\ngradient check/);
  });

  test('prints a summary: layers, the graph with values and gradients, checks, output', () => {
    const r = run('inspect', 'examples/buy_apple_orange.py');
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Backprop Lens: examples\/buy_apple_orange\.py\n/);
    assert.match(r.stdout, /\nLayers \(4\)\n/);
    assert.match(r.stdout, /\n {2}apple \(100\), apple_num \(2\) ─→ MulLayer apple_layer ─→ apple_cost \(200\)\n {6}gradients: dapple 2\.2, /);
    assert.match(r.stdout, /\nGradient checks: /);
    assert.match(r.stdout, /\nProgram output \(6 lines\)\n {2}price: 715\n/);
    const { report } = inspectJson('examples/buy_apple_orange.py');
    assert.equal(r.status, expectedStatus(report));
  });

  test('--json prints the report, version 1, with its exit status', () => {
    const { report, status } = inspectJson('examples/buy_apple_orange.py');
    assert.equal(report.version, 1);
    assert.equal(report.source.file, path.join(root, 'examples', 'buy_apple_orange.py'));
    assert.equal(report.layers.length, 4);
    assert.equal(report.calls.length, 8);
    for (const key of ['checks', 'hazards', 'derivations', 'tapes'] as const) assert.ok(Array.isArray(report[key]), key);
    assert.equal(report.output.stdout.split('\n')[0], 'price: 715');
    assert.equal(status, expectedStatus(report));
  });

  test('a program that raises exits 1; the summary names the error and its line', () => {
    const r = run('inspect', fixture('two_exercises.py'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /\nError: NameError: name 'outt' is not defined\. Did you mean: 'out'\?\n {2}at test\/fixtures\/lens\/two_exercises\.py, line 50\n/);
    assert.match(r.stdout, /\nResult: the program raised NameError at line 50\n$/);
  });

  test('--lines keeps the file\'s line numbers, in calls and in errors', () => {
    const first = inspectJson(fixture('two_exercises.py'), '--lines', '37-44');
    assert.equal(first.report.error, undefined);
    assert.deepEqual(first.report.source.lines, [37, 44]);
    assert.deepEqual(first.report.calls.map((c) => c.site.line), [40, 41, 42, 43]);
    assert.equal(first.status, expectedStatus(first.report));

    const second = inspectJson(fixture('two_exercises.py'), '--lines=46-51');
    assert.equal(second.status, 1);
    assert.equal(second.report.error?.line, 50);
    assert.equal(second.report.output.stdout, '', 'exercise 1 is left out');
  });

  test('a selection that cannot run, or is out of range, is a usage error (2)', () => {
    const beyond = run('inspect', fixture('two_exercises.py'), '--lines', '40-90');
    assert.equal(beyond.status, 2);
    assert.equal(beyond.stderr, 'backprop-lens: --lines 40-90: the file has only 51 lines\n');
    assert.equal(run('inspect', fixture('two_exercises.py'), '--lines', 'ten').status, 2);
    assert.equal(run('inspect', fixture('two_exercises.py'), '--lines', '29-31').status, 0, 'inside Relu: the class runs whole on made-up inputs');
  });

  test('--html writes the panel as one self-contained page: its bundle, the report, no remote URLs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-inspect-'));
    const out = path.join(dir, 'report.html');
    const r = run('inspect', 'examples/buy_apple_orange.py', '--html', out);
    assert.equal(r.stderr, `backprop-lens: wrote ${out}\n`);
    assert.match(r.stdout, /^Backprop Lens: /, 'the summary still prints');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-[0-9a-f]+'; /);
    assert.match(html, /<title>Backprop Lens: examples\/buy_apple_orange\.py<\/title>/);
    const bundle = /<script type="module" nonce="[0-9a-f]+">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.equal(bundle.trim(), fs.readFileSync(path.join(root, 'dist/webview/main.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '').trim(), 'the panel\'s own bundle');
    const data = JSON.parse(/<script type="application\/json" id="bl-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { message: { report: LensReport; sources: { file: string }[]; standalone: boolean } };
    assert.deepEqual(data.message.report.graph, inspectJson('examples/buy_apple_orange.py').report.graph, 'the report, embedded');
    assert.deepEqual(data.message.sources.map((s) => s.file), [path.join(root, 'examples/buy_apple_orange.py')]);
    assert.equal(data.message.standalone, true);
    assert.doesNotMatch(html.replace(bundle, ''), /https?:\/\//, 'no URL outside the bundle');

    const bad = run('inspect', 'examples/buy_apple_orange.py', '--html', path.join(dir, 'no', 'such', 'dir', 'r.html'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /can't write '.*r\.html': \[Errno 2\] No such file or directory/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('--cell N runs the cells before it, then inspects cell N; lines refer to the cell', () => {
    const nb = fixture('lesson.ipynb');
    const four = inspectJson(nb, '--cell', '4');
    assert.equal(four.report.source.cell, 4);
    assert.equal(four.report.error, undefined);
    assert.deepEqual(four.report.layers.map((l) => l.label), ['mul_apple_layer', 'mul_tax_layer']);
    assert.ok(four.report.calls.every((c) => c.site.file.endsWith('lesson.ipynb#cell4')));
    assert.deepEqual(four.report.calls.map((c) => c.site.line), [4, 5, 6, 7]);
    assert.equal(four.report.output.stdout, 'dApple: 2.2 dTax: 200\n220.00000000000003\n');

    const six = inspectJson(nb, '--cell', '6');
    assert.equal(six.status, 1);
    assert.equal(six.report.error?.type, 'NameError');
    assert.ok(six.report.error?.file.endsWith('lesson.ipynb#cell6'));
    assert.equal(six.report.error?.line, 3);

    const five = inspectJson(nb, '--cell', '5');
    assert.deepEqual(five.report.layers.map((l) => l.className), ['Relu'], 'cell 5 only defines Relu: it runs on made-up inputs');
    assert.ok(five.report.synthesized?.length);
  });

  test('--cell errors are usage errors (2)', () => {
    const nb = fixture('lesson.ipynb');
    const markdown = run('inspect', nb, '--cell', '1');
    assert.equal(markdown.status, 2);
    assert.equal(markdown.stderr, 'backprop-lens: --cell 1 is not a code cell; the code cells of lesson.ipynb are 2, 4, 5, 6\n');
    assert.equal(run('inspect', nb, '--cell', '7').status, 2);
    assert.equal(run('inspect', nb, '--lines', '1-2').status, 2);
    assert.equal(run('inspect', fixture('two_exercises.py'), '--cell', '1').status, 2);
    assert.equal(run('inspect', fixture('no_such_file.py')).status, 2);
    assert.equal(run('inspect').status, 2);
  });

  test('a file of layer classes only: every layer is built, run and checked on synthesized inputs', () => {
    const { report, status } = inspectJson(fixture('layers_only.py'));
    assert.equal(report.error, undefined);
    assert.deepEqual(report.layers.map((l) => l.className), ['AddLayer', 'MulLayer', 'Relu', 'Sigmoid', 'Affine', 'SoftmaxWithLoss']);
    for (const l of report.layers) {
      assert.deepEqual(report.calls.filter((c) => c.layer === l.id).map((c) => c.method), ['forward', 'backward'], l.className);
      if (report.checks.length) assert.ok(report.checks.some((c) => c.layer === l.id), `${l.className} is checked`);
    }
    assert.ok(report.synthesized?.some((s) => s.name === 'W' && s.why.includes('weight matrix')));
    assert.match(report.driver?.source ?? '', /^np\.random\.seed\(0\)$/m);
    assert.equal(status, expectedStatus(report));
  });

  test('--time-limit stops a program that does not end: exit 1, a TimeoutError in the report', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-inspect-'));
    const file = path.join(dir, 'loop.py');
    fs.writeFileSync(file, 'while True:\n    pass\n');
    const { report, status } = inspectJson(file, '--time-limit', '0.3');
    assert.equal(status, 1);
    assert.equal(report.error?.type, 'TimeoutError');
  });

  test('the report of a TwoLayerNet 784-50-10 doing five training steps is under 2 MB as JSON', () => {
    const { report, stdout } = inspectJson(path.join('bench', 'programs', 'two_layer_passes.py'));
    assert.equal(report.error, undefined);
    assert.deepEqual(report.layers.map((l) => l.label), ['Affine1', 'Relu1', 'Affine2', 'lastLayer']);
    assert.ok(Buffer.byteLength(stdout) < 2 * 1024 * 1024, `${(Buffer.byteLength(stdout) / 1e6).toFixed(2)} MB`);
  });
});
