// `--lines A-B`: the selected lines run with the file's imports, functions and classes, and keep their line numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspectProgram } from '../../src/engine/lens/program';
import { parseLineRange, SelectionError, selectLines } from '../../src/engine/lens/selection';

const FILE = [
  'import numpy as np', //                     1
  'import sys, os', //                         2
  'sys.path.append(os.pardir)', //             3
  '', //                                       4
  'class MulLayer:', //                        5
  '    def forward(self, x, y):', //           6
  '        self.x, self.y = x, y', //          7
  '        return x * y', //                   8
  '', //                                       9
  '    def backward(self, dout):', //         10
  '        return dout * self.y, dout * self.x', // 11
  '', //                                      12
  'apple = 100', //                           13
  'layer = MulLayer()', //                    14
  'price = layer.forward(apple, 2)', //       15
  'print(price)', //                          16
  '', //                                      17
  'def total(prices):', //                    18
  '    return sum(prices)', //                19
  '', //                                      20
  'for step in range(2):', //                 21
  '    out = layer.forward(step, 3)', //      22
  '    print(out)', //                        23
  'print("done")', //                         24
].join('\n') + '\n';

const linesOf = (text: string) => text.split('\n');

describe('selectLines', () => {
  test('keeps the file\'s imports, sys.path setup, classes and functions, and the selection exactly; blanks the rest', () => {
    const s = selectLines(FILE, [14, 16]);
    const got = linesOf(s.source);
    const want = linesOf(FILE);
    assert.equal(got.length, want.length, 'same number of lines, so line numbers stay those of the file');
    for (const n of [1, 2, 3, 5, 6, 7, 8, 10, 11, 14, 15, 16, 18, 19]) assert.equal(got[n - 1], want[n - 1], `line ${n} kept`);
    for (const n of [13, 21, 22, 23, 24]) assert.equal(got[n - 1], '', `line ${n} left out`);
    assert.deepEqual(s.notes, []);
    assert.deepEqual(s.classes, []);
  });

  test('a selection inside a class stands for the whole class, which becomes a candidate for synthesized inputs', () => {
    const s = selectLines(FILE, [10, 11]);
    assert.deepEqual(s.classes, ['MulLayer']);
    assert.match(s.notes[0], /starts inside class MulLayer \(lines 5-11\), so the whole definition runs/);
    assert.equal(linesOf(s.source)[5], '    def forward(self, x, y):');
    assert.equal(linesOf(s.source)[13], '', 'top-level code outside the selection is left out');
  });

  test('a selection inside a for loop\'s body runs dedented by its first line\'s indentation', () => {
    const s = selectLines(FILE, [22, 23]);
    const got = linesOf(s.source);
    assert.equal(got[21], 'out = layer.forward(step, 3)');
    assert.equal(got[22], 'print(out)');
    assert.equal(got[20], '', 'the loop header is not selected');
    assert.match(s.notes[0], /lines 22-23 run dedented by 4 spaces/);
  });

  test('a selection may run on past the end of the block it starts in', () => {
    const got = linesOf(selectLines(FILE, [23, 24]).source);
    assert.deepEqual(got.slice(22, 24), ['print(out)', 'print("done")']);
  });

  test('a selection that starts inside a block and takes in a less indented line of it is rejected with a clear message', () => {
    const text = 'if True:\n    a = 1\n    b = 2\nelse:\n    c = 3\n';
    assert.throws(() => selectLines(text, [3, 5]), (e: Error) => e instanceof SelectionError && /starts inside an indented block \(line 3\) and line 4 is indented less: select whole statements/.test(e.message));
  });

  test('a selection that starts in the middle of a statement is rejected', () => {
    const text = 'x = [1,\n     2]\nfor i in x:\n    y = (i +\n         1)\n';
    assert.throws(() => selectLines(text, [5, 5]), /line 5 is in the middle of a statement/);
  });

  test('out-of-range and empty selections are rejected', () => {
    assert.throws(() => selectLines(FILE, [20, 99]), /the file has only 24 lines/);
    assert.throws(() => selectLines(FILE, [17, 17]), /hold no code/);
  });

  test('a file that does not parse is cut at its unindented lines; a broken statement outside the selection is left out', () => {
    const text = 'import numpy as np\n\nx = np.array([1.0, 2.0])\nprint(x * 2)\n\nprint("unclosed"\n';
    const s = selectLines(text, [3, 4]);
    assert.deepEqual(linesOf(s.source).slice(0, 6), ['import numpy as np', '', 'x = np.array([1.0, 2.0])', 'print(x * 2)', '', '']);
  });
});

describe('parseLineRange', () => {
  test('reads A-B and a single line', () => {
    assert.deepEqual(parseLineRange('10-20'), [10, 20]);
    assert.deepEqual(parseLineRange('7'), [7, 7]);
    assert.deepEqual(parseLineRange(' 3 - 4 '), [3, 4]);
    for (const bad of ['', '0-3', '5-2', 'a-b', '1-', '-3', '1,2']) assert.equal(parseLineRange(bad), null, bad);
  });
});

describe('inspecting a selection', () => {
  test('an error in the selected lines is reported at the file\'s line number', () => {
    const text = `${FILE}x = undefined_name\n`;
    const r = inspectProgram({ text, filename: '/ws/main.py', lines: [24, 25] }, {});
    assert.equal(r.kind, 'report');
    if (r.kind !== 'report') return;
    assert.equal(r.report.error?.type, 'NameError');
    assert.equal(r.report.error?.line, 25);
    assert.deepEqual(r.report.source.lines, [24, 25]);
    assert.equal(r.report.output.stdout, 'done\n', 'top-level code outside the selection did not run');
  });

  test('only the selected calls are traced, at their lines', () => {
    const r = inspectProgram({ text: FILE, filename: '/ws/main.py', lines: [13, 16] }, {});
    assert.equal(r.kind, 'report');
    if (r.kind !== 'report') return;
    assert.equal(r.report.error, undefined);
    assert.equal(r.report.output.stdout, '200\n');
    assert.deepEqual(r.report.calls.map((c) => [c.method, c.site.line]), [['forward', 15]]);
  });

  test('a selection that cannot run is an input error, not a report', () => {
    const r = inspectProgram({ text: 'if True:\n    a = 1\n    b = 2\nelse:\n    c = 3\n', filename: '/ws/main.py', lines: [3, 5] }, {});
    assert.equal(r.kind, 'input-error');
  });
});
