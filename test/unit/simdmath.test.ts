// NumPy's SIMD math kernels (src/engine/numpy/simdmath.ts) against CPython 3.11 +
// NumPy 1.24.2 on the reference machine (AVX512_SKX: SVML and NumPy's AVX-512 loops).
//
// test/fixtures/simdmath/cases.json comes from `/usr/bin/python3
// test/fixtures/simdmath/generate.py`. Per ufunc and dtype it has explicit
// (input, output) bit patterns (edge cases and inputs where NumPy differs from
// glibc) and random inputs drawn from a splitmix64 stream that this test replays,
// with the low 16 bits of each of NumPy's outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as simd from '../../src/engine/numpy/simdmath';

interface Segment {
  kind: 'uniform' | 'bits' | 'int';
  lo?: number;
  hi?: number;
  n: number;
}

interface FunctionCases {
  ufunc: string;
  dtype: 'float64' | 'float32';
  fn: string;
  arity?: 2;
  /** [input, output] (or [x, y, output]) bit patterns */
  explicit: string[][];
  seed: number;
  /** segments (unary) or pairs of segments drawn alternately for x and y (binary) */
  random: (Segment | [Segment, Segment])[];
  low16: string;
}

const cases = JSON.parse(
  readFileSync(new URL('../fixtures/simdmath/cases.json', import.meta.url), 'utf8'),
) as { numpy: string; functions: FunctionCases[] };

const M64 = (1n << 64n) - 1n;

/** splitmix64, as in generate.py. */
function* splitmix64(seed: number): Generator<bigint> {
  let s = BigInt(seed) & M64;
  for (;;) {
    s = (s + 0x9e3779b97f4a7c15n) & M64;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
    yield z ^ (z >> 31n);
  }
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function fromHex(h: string): number {
  if (h.length === 16) {
    u64[0] = BigInt('0x' + h);
    return f64[0];
  }
  u32[0] = parseInt(h, 16);
  return f32[0];
}

function toHex(x: number, dtype: 'float64' | 'float32'): string {
  if (dtype === 'float64') {
    f64[0] = x;
    return u64[0].toString(16).padStart(16, '0');
  }
  f32[0] = x;
  return u32[0].toString(16).padStart(8, '0');
}

function draw(seg: Segment, u: bigint, dtype: 'float64' | 'float32'): number {
  if (seg.kind === 'uniform') {
    const x = seg.lo! + (seg.hi! - seg.lo!) * (Number(u >> 11n) * 2 ** -53);
    return dtype === 'float32' ? Math.fround(x) : x;
  }
  if (seg.kind === 'int') return seg.lo! + Number((u >> 11n) % BigInt(seg.hi! - seg.lo!));
  if (dtype === 'float64') {
    u64[0] = u;
    return f64[0];
  }
  u32[0] = Number(u >> 32n);
  return f32[0];
}

/** The random inputs of generate.py: one number (unary) or an [x, y] pair each. */
function randomInputs(c: FunctionCases): (number | [number, number])[] {
  const rng = splitmix64(c.seed);
  const next = (): bigint => rng.next().value as bigint;
  const out: (number | [number, number])[] = [];
  for (const seg of c.random) {
    if (Array.isArray(seg)) {
      for (let i = 0; i < seg[0].n; i++) {
        const x = draw(seg[0], next(), c.dtype);
        out.push([x, draw(seg[1], next(), c.dtype)]);
      }
    } else {
      for (let i = 0; i < seg.n; i++) out.push(draw(seg, next(), c.dtype));
    }
  }
  return out;
}

/** Low 16 bits of the output's bit pattern, 0 for every nan (NaN payloads are not compared). */
function lowBits(x: number, dtype: 'float64' | 'float32'): number {
  if (x !== x) return 0;
  if (dtype === 'float64') {
    f64[0] = x;
    return Number(u64[0] & 0xffffn);
  }
  f32[0] = x;
  return u32[0] & 0xffff;
}

for (const c of cases.functions) {
  test(`np.${c.ufunc} ${c.dtype} (${c.fn}) matches NumPy`, () => {
    const fn = (simd as unknown as Record<string, (x: number, y?: number) => number>)[c.fn];
    assert.equal(typeof fn, 'function', `${c.fn} is exported`);
    const show = (args: number[]): string => args.map((v) => `${v} (${toHex(v, c.dtype)})`).join(', ');
    const bad: string[] = [];
    for (const row of c.explicit) {
      const args = row.slice(0, -1).map(fromHex);
      const want = fromHex(row[row.length - 1]);
      const got = args.length === 2 ? fn(args[0], args[1]) : fn(args[0]);
      const same = want !== want ? got !== got : Object.is(c.dtype === 'float32' ? Math.fround(got) : got, want);
      if (!same) bad.push(`${c.ufunc}(${show(args)}): got ${got} (${toHex(got, c.dtype)}), NumPy ${want} (${row[row.length - 1]})`);
    }
    const xs = randomInputs(c);
    const low = Buffer.from(c.low16, 'base64');
    assert.equal(low.length, 2 * xs.length, 'random inputs and outputs line up');
    for (let i = 0; i < xs.length; i++) {
      const a = xs[i];
      const got = Array.isArray(a) ? fn(a[0], a[1]) : fn(a);
      const want = low.readUInt16LE(2 * i);
      if (lowBits(got, c.dtype) !== want) {
        bad.push(`${c.ufunc}(${show(Array.isArray(a) ? a : [a])}): got ${got} (${toHex(got, c.dtype)}), NumPy's low bits ${want.toString(16)}`);
      }
    }
    assert.deepEqual(bad.slice(0, 10), [], `${bad.length} mismatches`);
  });
}

// ------------------------------------------------------------------ fused multiply-add

/** Exact a*b + c rounded to nearest even or toward zero, with BigInt (finite, no overflow). */
function fmaReference(a: number, b: number, c: number, towardZero: boolean): number {
  const dec = (x: number): [bigint, number] => {
    f64[0] = x;
    const bits = u64[0];
    const e = Number((bits >> 52n) & 0x7ffn);
    let m = bits & ((1n << 52n) - 1n);
    if (e !== 0) m |= 1n << 52n;
    return [bits >> 63n ? -m : m, e === 0 ? -1074 : e - 1075];
  };
  const [ma, ea] = dec(a);
  const [mb, eb] = dec(b);
  const [mc, ec] = dec(c);
  const e = Math.min(ea + eb, ec);
  const sum = ((ma * mb) << BigInt(ea + eb - e)) + (mc << BigInt(ec - e));
  if (sum === 0n) return (a * b) + c === 0 && Object.is((a * b) + c, -0) ? -0 : 0;
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  const len = mag.toString(2).length;
  let lsb = e + len - 53;
  if (lsb < -1074) lsb = -1074;
  let q = mag;
  let qe = e;
  if (lsb > e) {
    const sh = BigInt(lsb - e);
    q = mag >> sh;
    const rem = mag - (q << sh);
    const half = 1n << (sh - 1n);
    if (!towardZero && (rem > half || (rem === half && (q & 1n) === 1n))) q += 1n;
    qe = lsb;
  }
  let r = Number(q);
  for (; qe > 0; qe--) r *= 2;
  for (; qe < 0; qe++) r /= 2; // exact: r stays representable until the last step
  if (r === Infinity && towardZero) r = Number.MAX_VALUE;
  return neg ? -r : r;
}

test('fmaRN and fmaRZ round a*b + c once', () => {
  const rng = splitmix64(12345);
  const rnd = (): number => {
    const u = rng.next().value as bigint;
    // doubles with exponents in [-300, 300] and random significands
    const e = Number(u % 600n) - 300;
    return (Number((u >> 11n) & ((1n << 52n) - 1n)) * 2 ** -52 + 1) * 2 ** e * (u & 1n ? -1 : 1);
  };
  const bad: string[] = [];
  for (let i = 0; i < 20000; i++) {
    let a = rnd();
    let b = rnd();
    let c = rnd();
    if (i % 4 === 1) c = -a * b; // heavy cancellation
    if (i % 4 === 2) c = (a * b) * 2 ** -(i % 60); // nearby magnitudes
    if (i % 8 === 3) { a = 1 + 2 ** -30 * (i % 7); b = 1 - 2 ** -31; c = -1; }
    for (const rz of [false, true]) {
      const got = rz ? simd.fmaRZ(a, b, c) : simd.fmaRN(a, b, c);
      const want = fmaReference(a, b, c, rz);
      if (!Object.is(got, want)) bad.push(`fma${rz ? 'RZ' : 'RN'}(${a}, ${b}, ${c}) = ${got}, exact ${want}`);
    }
  }
  // Products in the subnormal range and exact ties.
  const extra: [number, number, number][] = [
    [2 ** -540, 2 ** -540, 0], [3 * 2 ** -540, 2 ** -540, 2 ** -1074], [1 + 2 ** -52, 1 + 2 ** -52, -1],
    [2 ** -600, 1.5, -(2 ** -600)], [1e-300, 1e-300, 1e-320], [1e300, 1e10, -1e308], [5e-324, 0.5, 0],
    [-(5e-324), 0.5, 0], [1 + 2 ** -27, 1 - 2 ** -27, -1], [2 ** 1000, 2 ** 20, -(2 ** 1020)],
  ];
  for (const [a, b, c] of extra) {
    for (const rz of [false, true]) {
      const got = rz ? simd.fmaRZ(a, b, c) : simd.fmaRN(a, b, c);
      const want = fmaReference(a, b, c, rz);
      if (!Object.is(got, want)) bad.push(`fma${rz ? 'RZ' : 'RN'}(${a}, ${b}, ${c}) = ${got}, exact ${want}`);
    }
  }
  assert.deepEqual(bad.slice(0, 10), []);
});

test('fma32 rounds a*b + c once to float32', () => {
  const rng = splitmix64(999);
  const bad: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const u = rng.next().value as bigint;
    const a = Math.fround((Number(u & 0xffffffn) / 0x1000000 + 1) * 2 ** (Number((u >> 24n) % 40n) - 20));
    const b = Math.fround((Number((u >> 32n) & 0xffffffn) / 0x1000000 + 1) * 2 ** (Number((u >> 56n) % 16n) - 8));
    let c = Math.fround(-a * b * (1 + 2 ** -(Number(u % 30n))));
    if (i % 3 === 0) c = Math.fround(a * b * 2 ** -24);
    const exact = fmaReference(a, b, c, false); // a*b + c rounded to double first ...
    // ... is not the float32 answer in general: compare with the exact rational instead.
    const want = roundToFloat32Exact(a, b, c);
    const got = simd.fma32(a, b, c);
    if (!Object.is(got, want)) bad.push(`fma32(${a}, ${b}, ${c}) = ${got}, exact ${want} (double ${exact})`);
  }
  assert.deepEqual(bad.slice(0, 10), []);
});

/** a*b + c (float32 inputs) rounded once to float32, via BigInt. */
function roundToFloat32Exact(a: number, b: number, c: number): number {
  const S = 2n ** 300n; // every float32 product and sum here is an integer multiple of 2^-300
  const big = (x: number): bigint => {
    // x * 2^300 as an exact integer (float32 values have at most 24 significant bits)
    let e = 0;
    let m = x;
    while (m !== Math.trunc(m)) { m *= 2; e++; }
    return (BigInt(m) * S) >> BigInt(e);
  };
  const sum = (big(a) * big(b)) / S + big(c); // exact: a*b needs < 300 fractional bits
  if (sum === 0n) return 0;
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  const len = mag.toString(2).length; // value = mag * 2^-300
  let lsb = len - 24 - 300; // exponent of the last kept bit
  if (lsb < -149) lsb = -149;
  const sh = BigInt(lsb + 300);
  let q = mag >> sh;
  const rem = mag - (q << sh);
  const half = sh > 0n ? 1n << (sh - 1n) : 0n;
  if (sh > 0n && (rem > half || (rem === half && (q & 1n) === 1n))) q += 1n;
  const r = Number(q) * 2 ** lsb;
  return neg ? -r : r;
}
