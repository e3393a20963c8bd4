// Differential check of src/engine/numpy/printing.ts against NumPy 1.24.
//   /usr/bin/python3 test/tools/printing_cases.py 3000 1 > /tmp/cases.jsonl
//   node --import tsx test/tools/printing-diff.ts /tmp/cases.jsonl
// Prints the first mismatches and the agreement rate; exits 1 on any mismatch.
import { readFileSync } from 'node:fs';
import {
  arrayRepr,
  arrayStr,
  pythonFloatRepr,
  scalarRepr,
  scalarStr,
  type PrintOptions,
} from '../../src/engine/numpy/printing';
import type { DType } from '../../src/engine/numpy/types';

interface ArrayCase {
  kind: 'array';
  dtype: DType;
  shape: number[];
  data: (string | number)[];
  opts: PrintOptions;
  str: string;
  repr: string;
}
interface ScalarCase {
  kind: 'scalar';
  dtype: DType;
  value: string;
  str: string;
  repr: string;
}
interface PyFloatCase {
  kind: 'pyfloat';
  value: string;
  repr: string;
}
type Case = ArrayCase | ScalarCase | PyFloatCase;

const num = (v: string | number): number => (typeof v === 'number' ? v : Number(v === 'inf' ? 'Infinity' : v === '-inf' ? '-Infinity' : v === 'nan' ? 'NaN' : v));

const file = process.argv[2];
if (!file) throw new Error('usage: printing-diff.ts cases.jsonl');
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
let checks = 0;
let ok = 0;
let shown = 0;
const report = (what: string, c: Case, want: string, got: string): void => {
  checks++;
  if (want === got) {
    ok++;
    return;
  }
  if (shown++ < 15) {
    console.log(`--- ${what} mismatch: ${JSON.stringify(c).slice(0, 400)}`);
    console.log(`want:\n${want}\ngot:\n${got}`);
  }
};
for (const line of lines) {
  const c = JSON.parse(line) as Case;
  if (c.kind === 'array') {
    const a = { dtype: c.dtype, shape: c.shape, data: c.data.map(num) };
    report('str', c, c.str, arrayStr(a, c.opts));
    report('repr', c, c.repr, arrayRepr(a, c.opts));
  } else if (c.kind === 'scalar') {
    report('scalar str', c, c.str, scalarStr(num(c.value), c.dtype));
    report('scalar repr', c, c.repr, scalarRepr(num(c.value), c.dtype));
  } else {
    report('python repr', c, c.repr, pythonFloatRepr(num(c.value)));
  }
}
console.log(`${ok}/${checks} outputs agree (${((100 * ok) / checks).toFixed(2)}%) over ${lines.length} cases`);
process.exitCode = ok === checks ? 0 : 1;
