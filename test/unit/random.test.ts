// np.random's legacy RandomState (src/engine/numpy/random.ts) and glibc's log
// (src/engine/numpy/libm.ts) against CPython 3.11 + NumPy 1.24, value for value.
//
// The inline expectations were printed by /usr/bin/python3 (`.tolist()` reprs). The
// fixtures under test/fixtures/random/ come from `/usr/bin/python3
// test/fixtures/random/generate.py`: cases.json replays sequences of np.random calls,
// streams.json has long streams (head, tail and SHA-256 of the bytes), log.json and
// exp.json have (x, math.log(x)) and (x, math.exp(x)) pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { exp, fma, log } from '../../src/engine/numpy/libm';
import { LegacyRandom } from '../../src/engine/numpy/random';
import { NumpyError } from '../../src/engine/numpy/types';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/random/${name}`, import.meta.url), 'utf8')) as T;

/** Exact comparison of doubles (distinguishes -0 and 0, NaN equals NaN). */
function assertSame(actual: ArrayLike<number | bigint>, expected: ArrayLike<number | bigint>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: element ${i} is ${String(actual[i])}, NumPy gives ${String(expected[i])}`);
    }
  }
}

// ------------------------------------------------------------------ inline values

test('seed(0): randn(5) and rand(3)', () => {
  const r = new LegacyRandom();
  r.seed(0);
  assertSame(r.standardNormal(5), [1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675], 'randn');
  r.seed(0);
  assertSame(r.randomSample(3), [0.5488135039273248, 0.7151893663724195, 0.6027633760716439], 'rand');
});

test('seed(7): randn(3, 4)', () => {
  const r = new LegacyRandom(7);
  // np.random.seed(7); np.random.randn(3, 4).tolist()
  assertSame(r.standardNormal(12), [
    1.690525703800356, -0.4659373705408328, 0.0328201636785844, 0.40751628299650783,
    -0.7889230286257386, 0.00206557290594813, -0.0008903858579313628, -1.7547243063454208,
    1.0176580056634932, 0.6004985159195494, -0.6254289739667597, -0.17154826119572117,
  ], 'randn(3,4)');
});

test('randint over ranges of different widths', () => {
  const r = new LegacyRandom(1);
  // np.random.seed(1); randint(0,2,10); randint(0,10,10); randint(0,1000000,5); randint(-5,5,10)
  assertSame(r.randint(0, 2, 10), [1, 1, 0, 0, 1, 1, 1, 1, 1, 0], 'randint(0,2)');
  assertSame(r.randint(0, 10, 10), [0, 1, 7, 6, 9, 2, 4, 5, 2, 4], 'randint(0,10)');
  assertSame(r.randint(0, 1000000, 5), [457611, 401660, 806378, 365212, 188317], 'randint(0,1000000)');
  assertSame(r.randint(-5, 5, 10), [-3, -1, 2, 2, 4, -4, 2, -5, 1, 4], 'randint(-5,5)');
});

test('permutation(10) and choice', () => {
  const r = new LegacyRandom(0);
  assertSame(r.permutation(10), [2, 8, 4, 9, 1, 6, 7, 3, 0, 5], 'permutation(10)');
  r.seed(3);
  // np.random.seed(3); choice(5, 3); choice(10, 4, replace=False); choice(4, 5, p=[.1,.2,.3,.4])
  assertSame(r.choice(5, 3), [2, 0, 1], 'choice(5, 3)');
  assertSame(r.choice(10, 4, false), [6, 4, 1, 2], 'choice(10, 4, replace=False)');
  assertSame(r.choice(4, 5, true, [0.1, 0.2, 0.3, 0.4]), [1, 0, 2, 0, 2], 'choice(4, 5, p=...)');
});

test('seed(2**32 - 1)', () => {
  const r = new LegacyRandom(2 ** 32 - 1);
  assertSame(r.standardNormal(3), [0.6484086742306527, 0.6693235306338161, -1.0805437227474493], 'randn');
});

// ------------------------------------------------------------------ fixture cases

type Op = [string, ...unknown[]];
interface Case { name: string; ops: Op[]; expected: unknown[] }
interface Cases { randomP50: number[]; cases: Case[]; errors: { op: Op; type: string; message: string }[] }

const CASES = fixture<Cases>('cases.json');

/** JSON has no NaN/inf: the ops spell them as strings. */
const num = (v: unknown): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));

/** Replays one op of generate.py on `r`, returning what NumPy's call returned there. */
function run(r: LegacyRandom, op: Op): unknown {
  const [name, ...a] = op;
  const n = (i: number): number => num(a[i]);
  switch (name) {
    case 'seed': r.seed(n(0)); return null;
    case 'seedArray': r.seedArray(a[0] as number[]); return null;
    case 'rand': return Array.from(r.randomSample(n(0)));
    case 'randn': return Array.from(r.standardNormal(n(0)));
    case 'normal': return Array.from(r.normal(n(0), n(1), n(2)));
    case 'uniform': return Array.from(r.uniform(n(0), n(1), n(2)));
    case 'exponential': return Array.from(r.exponential(n(0), n(1)));
    case 'standardExponential': return Array.from(r.standardExponential(n(0)));
    case 'randint': return Array.from(r.randint(n(0), n(1), n(2)));
    case 'randintBig': return Array.from(r.randintBig(BigInt(a[0] as string), BigInt(a[1] as string), n(2)), String);
    case 'permutation': return Array.from(r.permutation(n(0)));
    case 'shuffle': {
      const x = Float64Array.from(a[0] as number[]);
      r.shuffle(x);
      return Array.from(x);
    }
    case 'shuffleList': {
      const x = [...(a[0] as number[])];
      r.shuffle(x);
      return x;
    }
    case 'shuffleRows': {
      // np.random.shuffle of a (rows, cols) array: which row ends up where.
      const rows = Array.from({ length: n(0) }, (_, i) => i);
      r.shuffleBy(rows.length, (i, j) => { const t = rows[i]; rows[i] = rows[j]; rows[j] = t; });
      return rows;
    }
    case 'permutationRows': return Array.from(r.permutation(n(0)));
    case 'choice': {
      const [pop, size, replace, p] = a as [number, number | null, boolean, number[] | string | null];
      const probs = p === 'randomp50' ? CASES.randomP50 : p === null ? undefined : (p as unknown[]).map(num);
      return Array.from(r.choice(pop, size ?? 1, replace, probs));
    }
    case 'state': {
      const s = r.getState();
      return [s.pos, s.hasGauss ? 1 : 0, s.gauss];
    }
    default: throw new Error(`unknown op ${name}`);
  }
}

for (const c of CASES.cases) {
  test(`NumPy sequence: ${c.name}`, () => {
    const r = new LegacyRandom(0);
    c.ops.forEach((op, k) => {
      const got = run(r, op);
      const want = c.expected[k];
      if (want === null) assert.equal(got, null);
      else assertSame(got as number[], want as number[], JSON.stringify(op));
    });
  });
}

test('errors: the Python exception type and message NumPy gives', () => {
  for (const e of CASES.errors) {
    const r = new LegacyRandom(0);
    assert.throws(
      () => run(r, e.op),
      (err: unknown) => {
        assert.ok(err instanceof NumpyError, `${JSON.stringify(e.op)}: ${String(err)}`);
        assert.equal(err.pyType, e.type, JSON.stringify(e.op));
        assert.equal(err.message, e.message, JSON.stringify(e.op));
        return true;
      },
    );
  }
});

// ------------------------------------------------------------------ long streams

interface Stream { op: string; seed: number; n: number; head: number[]; tail: number[]; sha256: string }

for (const s of fixture<Stream[]>('streams.json')) {
  test(`long stream: ${s.op} x ${s.n} after seed(${s.seed})`, () => {
    const r = new LegacyRandom(s.seed);
    let bytes: Uint8Array;
    let values: ArrayLike<number>;
    if (s.op === 'randn' || s.op === 'rand') {
      const v = s.op === 'randn' ? r.standardNormal(s.n) : r.randomSample(s.n);
      values = v;
      bytes = new Uint8Array(v.buffer);
    } else {
      const v = s.op === 'randint' ? r.randint(-500, 1500, s.n) : r.permutation(s.n);
      values = v;
      bytes = new Uint8Array(BigInt64Array.from(v, (x) => BigInt(x)).buffer);
    }
    assertSame(Array.from(values).slice(0, s.head.length), s.head, 'head');
    assertSame(Array.from(values).slice(-s.tail.length), s.tail, 'tail');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), s.sha256, 'sha256 of all values');
  });
}

// ------------------------------------------------------------------ state

test('getState/setState replays the stream, spare gauss included', () => {
  const r = new LegacyRandom(9);
  r.standardNormal(1);
  const st = r.getState();
  assert.equal(st.hasGauss, true);
  const a = r.standardNormal(5);
  r.setState(st);
  assertSame(r.standardNormal(5), a, 'after setState');
  r.seed(9);
  assert.equal(r.getState().hasGauss, false, 'seed() drops the spare value');
});

// ------------------------------------------------------------------ libm

test('libm.log equals glibc log (math.log) on sampled and edge inputs', () => {
  const pairs = fixture<[number, number][]>('log.json');
  let differsFromMathLog = 0;
  for (const [x, y] of pairs) {
    if (!Object.is(log(x), y)) assert.fail(`log(${x}) = ${log(x)}, glibc gives ${y}`);
    if (!Object.is(Math.log(x), y)) differsFromMathLog++;
  }
  // The sample is only meaningful if V8's log gets some of it wrong.
  assert.ok(differsFromMathLog > 50, `Math.log differs on ${differsFromMathLog} inputs only`);
});

test('libm.exp equals glibc exp (math.exp) on sampled and edge inputs', () => {
  const pairs = fixture<[number, number][]>('exp.json');
  let differsFromMathExp = 0;
  for (const [x, y] of pairs) {
    if (!Object.is(exp(x), y)) assert.fail(`exp(${x}) = ${exp(x)}, glibc gives ${y}`);
    if (!Object.is(Math.exp(x), y)) differsFromMathExp++;
  }
  assert.ok(differsFromMathExp > 50, `Math.exp differs on ${differsFromMathExp} inputs only`);
});

test('libm.exp special values', () => {
  assert.equal(exp(0), 1);
  assert.equal(exp(-0), 1);
  assert.equal(exp(Infinity), Infinity);
  assert.equal(exp(-Infinity), 0);
  assert.equal(exp(710), Infinity);
  assert.equal(exp(1000), Infinity);
  assert.ok(Object.is(exp(-746), 0));
  assert.ok(Object.is(exp(-1e4), 0));
  assert.ok(Number.isNaN(exp(NaN)));
});

test('libm.log special values', () => {
  assert.equal(log(1), 0);
  assert.ok(Object.is(log(1), 0));
  assert.equal(log(0), -Infinity);
  assert.equal(log(-0), -Infinity);
  assert.equal(log(Infinity), Infinity);
  assert.ok(Number.isNaN(log(-1)));
  assert.ok(Number.isNaN(log(-Infinity)));
  assert.ok(Number.isNaN(log(NaN)));
  assert.equal(log(5e-324), -744.4400719213812);
});

test('libm.fma rounds once', () => {
  const eps = 2 ** -52;
  assert.equal(fma(1 + eps, 1 - eps, -1), -(2 ** -104));
  assert.equal(fma(0.1, 10, -1), 5.551115123125783e-17);
  assert.equal(fma(1 + eps, 1 + eps, 0), 1 + 2 * eps); // the 2^-104 term alone is lost
  assert.equal(fma(1 + 2 ** -27, 1 + 2 ** -27, -1), 2 ** -26 + 2 ** -54);
  // (1 + 2^-26)(1 + 2^-27) lies exactly halfway between two doubles: a tiny c decides.
  const a = 1 + 2 ** -26;
  const b = 1 + 2 ** -27;
  const even = 1 + 2 ** -26 + 2 ** -27;
  assert.equal(fma(a, b, 0), even);
  assert.equal(fma(a, b, 2 ** -100), even + eps);
  assert.equal(fma(a, b, -(2 ** -100)), even);
  assert.equal(fma(-a, b, -(2 ** -100)), -(even + eps));
  assert.equal(fma(2, 3, 4), 10);
  assert.equal(fma(0, 5, -0), 0);
  assert.ok(Number.isNaN(fma(Infinity, 0, 1)));
});
