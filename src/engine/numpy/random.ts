// NumPy's legacy random API (np.random.seed / rand / randn / randint / choice / ...),
// i.e. numpy.random.RandomState over the MT19937 bit generator, bit for bit as in
// NumPy 1.24 (numpy/random/mtrand.pyx, _mt19937.pyx, _bounded_integers.pyx.in,
// src/mt19937/mt19937.{c,h}, src/distributions/distributions.c,
// src/legacy/legacy-distributions.c).
//
// Values are returned as flat Float64Arrays (int64 results as integer-valued doubles);
// shaping them is the caller's business. Every method consumes the generator exactly
// as the NumPy call it mirrors, so interleaved calls give NumPy's stream. The log()
// of legacy_gauss is glibc's (./libm), since V8's Math.log differs from it.

import { log } from './libm';
import { NumpyError } from './types';

const N = 624; // RK_STATE_LEN
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO32 = 4294967296;
const TWO53 = 9007199254740992;

/** What RandomState.get_state() returns: ('MT19937', key, pos, has_gauss, cached_gaussian). */
export interface LegacyRandomState {
  key: Uint32Array; // 624 words
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

/** Options of `choice` that depend on how `a` and `p` were given in Python. */
export interface ChoiceOptions {
  /** `a` was an array (its length is `popSize`), not an int: changes one error message. */
  aIsArray?: boolean;
  /** Tolerance of the sum-to-1 check: sqrt(eps) of p's dtype when p is a float ndarray
   *  with a dtype coarser than float64 (float32: 0.00034526698...). Default sqrt(2^-52). */
  atol?: number;
}

function valueError(message: string): NumpyError {
  return new NumpyError('ValueError', message);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n)) throw new NumpyError('TypeError', `'float' object cannot be interpreted as an integer`);
  if (n < 0) throw valueError('negative dimensions are not allowed');
}

/** gen_mask (distributions.c): smallest all-ones mask >= max, for max < 2^32. */
function genMask32(max: number): number {
  let mask = max >>> 0;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/** gen_mask for 64-bit ranges. */
function genMask64(max: bigint): bigint {
  let mask = max;
  mask |= mask >> 1n;
  mask |= mask >> 2n;
  mask |= mask >> 4n;
  mask |= mask >> 8n;
  mask |= mask >> 16n;
  mask |= mask >> 32n;
  return mask;
}

/** kahan_sum (numpy/random/_common.pyx), used by choice to check p. */
function kahanSum(p: ArrayLike<number>): number {
  const n = p.length;
  if (n <= 0) return 0;
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < n; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

/** cdf.searchsorted(x, side='right') on a non-decreasing cdf: the number of entries <= x. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (cdf[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** p.cumsum(); cdf /= cdf[-1] */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc = i === 0 ? p[0] : acc + p[i];
    cdf[i] = acc;
  }
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i] / last;
  return cdf;
}

export class LegacyRandom {
  private readonly key = new Uint32Array(N);
  private pos = N;
  // aug_bitgen_t's cached second value of the polar method (legacy_gauss).
  private hasGauss = false;
  private gauss = 0;

  /** Without a seed, seeded from Math.random (NumPy seeds from OS entropy at import). */
  constructor(seed?: number) {
    this.seed(seed ?? Math.floor(Math.random() * TWO32));
  }

  // ------------------------------------------------------------------ seeding

  /**
   * np.random.seed(int): _MT19937._legacy_seeding -> mt19937_seed (Knuth's
   * init_genrand), then RandomState._reset_gauss.
   */
  seed(seed: number): void {
    if (!Number.isInteger(seed)) {
      throw new NumpyError('TypeError', "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
    }
    if (seed < 0 || seed > TWO32 - 1) throw valueError('Seed must be between 0 and 2**32 - 1');
    this.initGenrand(seed);
    this.hasGauss = false;
    this.gauss = 0;
  }

  /**
   * np.random.seed(sequence of ints): mt19937_init_by_array. Note that NumPy first
   * squeezes an ndarray seed, so np.random.seed(np.array([5])) is seed(5), while
   * np.random.seed([5]) (a list) comes here.
   */
  seedArray(keys: ArrayLike<number>): void {
    if (keys.length === 0) throw valueError('Seed must be non-empty');
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!Number.isInteger(k)) {
        throw new NumpyError('TypeError', "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
      }
      if (k < 0 || k > TWO32 - 1) throw valueError('Seed must be between 0 and 2**32 - 1');
    }
    this.initByArray(keys);
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** mt19937_seed (mt19937.c), the reference init_genrand. */
  private initGenrand(s: number): void {
    const key = this.key;
    key[0] = s;
    for (let i = 1; i < N; i++) {
      const prev = key[i - 1];
      key[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.pos = N;
  }

  /** mt19937_init_by_array (mt19937.c). */
  private initByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    const len = initKey.length;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = (mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (initKey[j] >>> 0) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = (mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1; assuring non-zero initial array
    this.pos = N;
  }

  // ------------------------------------------------------------------ state

  /** RandomState.get_state() (legacy=True), as a copy. */
  getState(): LegacyRandomState {
    return { key: this.key.slice(), pos: this.pos, hasGauss: this.hasGauss, gauss: this.gauss };
  }

  /** RandomState.set_state(('MT19937', key, pos, has_gauss, cached_gaussian)). */
  setState(state: LegacyRandomState): void {
    if (state.key.length !== N) throw valueError('state must be 624 elements');
    this.key.set(state.key);
    this.pos = state.pos;
    this.hasGauss = state.hasGauss;
    this.gauss = state.gauss;
  }

  // ------------------------------------------------------------------ raw draws

  /** mt19937_gen (mt19937.c): regenerate the 624 words. */
  private generate(): void {
    const key = this.key;
    let y: number;
    let i = 0;
    for (; i < N - M; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** mt19937_next / next_uint32: one tempered 32-bit word, as a number in [0, 2^32). */
  nextUint32(): number {
    if (this.pos === N) this.generate();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** mt19937_next64 / next_uint64: high word first, then low word. */
  nextUint64(): bigint {
    const hi = this.nextUint32();
    const lo = this.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** mt19937_next_double / next_double: a 53-bit double in [0, 1). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** legacy_gauss (legacy-distributions.c): polar Box-Muller keeping the spare value. */
  nextGauss(): number {
    if (this.hasGauss) {
      const temp = this.gauss;
      this.hasGauss = false;
      this.gauss = 0;
      return temp;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.nextDouble() - 1.0;
      x2 = 2.0 * this.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    // Polar method, a more efficient version of the Box-Muller approach.
    const f = Math.sqrt((-2.0 * log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * random_interval (distributions.c): uniform integer in [0, max] by masked
   * rejection, 32-bit draws when max fits in 32 bits. Used by shuffle/permutation.
   * max must be a safe integer.
   */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      const mask = genMask32(max);
      let value: number;
      while ((value = (this.nextUint32() & mask) >>> 0) > max);
      return value;
    }
    const b = BigInt(max);
    const mask = genMask64(b);
    let value: bigint;
    while ((value = this.nextUint64() & mask) > b);
    return Number(value);
  }

  // ------------------------------------------------------------------ distributions

  /** rand / random_sample / random (random_standard_uniform_fill). */
  randomSample(n: number): Float64Array {
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.nextDouble();
    return out;
  }

  /** randn / standard_normal (legacy_gauss). */
  standardNormal(n: number): Float64Array {
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.nextGauss();
    return out;
  }

  /** normal(loc, scale, size) with scalar loc and scale: legacy_normal = loc + scale * legacy_gauss. */
  normal(loc: number, scale: number, n: number): Float64Array {
    // check_constraint(CONS_NON_NEGATIVE): signbit and not NaN, so -0.0 is refused too.
    if (!Number.isNaN(scale) && (scale < 0 || Object.is(scale, -0))) throw valueError('scale < 0');
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = loc + scale * this.nextGauss();
    return out;
  }

  /** uniform(low, high, size) with scalar bounds: random_uniform = low + (high - low) * next_double. */
  uniform(low: number, high: number, n: number): Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) throw new NumpyError('OverflowError', 'Range exceeds valid bounds');
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = low + range * this.nextDouble();
    return out;
  }

  /** standard_exponential: legacy_standard_exponential = -log(1 - U). */
  standardExponential(n: number): Float64Array {
    return this.exponential(1.0, n);
  }

  /** exponential(scale, size): legacy_exponential = scale * -log(1 - U). */
  exponential(scale: number, n: number): Float64Array {
    if (!Number.isNaN(scale) && (scale < 0 || Object.is(scale, -0))) throw valueError('scale < 0');
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = scale * -log(1.0 - this.nextDouble());
    return out;
  }

  /**
   * randint(low, high, size) for dtype int64 (the default), endpoint excluded:
   * _rand_int64 -> random_bounded_uint64_fill with masked rejection (RandomState
   * always uses the masked method), 32-bit draws when high - 1 - low < 2^32.
   * dtype=int32 draws the same values (random_bounded_uint32_fill; its bounds
   * errors say int32). The narrower dtypes (int8/16, uint8/16, bool) buffer their
   * draws differently and are not covered. low and high must be integers with
   * |x| <= 2^53; for the full int64 range use randintBig. randint(low) is (0, low).
   */
  randint(low: number, high: number, n: number): Float64Array {
    checkCount(n);
    if (n === 0) return new Float64Array(0); // _rand_int64 returns np.empty(size) before checking bounds
    if (!Number.isInteger(low) || !Number.isInteger(high)) throw new NumpyError('TypeError', 'randint bounds must be integers');
    if (Math.abs(low) > TWO53 || Math.abs(high) > TWO53) throw new RangeError('randint: bounds beyond 2**53, use randintBig');
    const highm1 = high - 1; // the generator works on the closed interval [low, high - 1]
    if (low > highm1) throw valueError(low === 0 ? 'high <= 0' : 'low >= high');
    const out = new Float64Array(n);
    const rng = highm1 - low;
    if (rng === 0) {
      out.fill(low);
    } else if (rng <= 0xffffffff) {
      // "Call 32-bit generator if range in 32-bit."
      if (rng === 0xffffffff) {
        for (let i = 0; i < n; i++) out[i] = low + this.nextUint32();
      } else {
        const mask = genMask32(rng);
        for (let i = 0; i < n; i++) {
          // buffered_bounded_masked_uint32
          let val: number;
          while ((val = (this.nextUint32() & mask) >>> 0) > rng);
          out[i] = low + val;
        }
      }
    } else {
      const big = this.randintBig(BigInt(low), BigInt(high), n);
      for (let i = 0; i < n; i++) out[i] = Number(big[i]);
    }
    return out;
  }

  /** randint over the whole int64 range, exact: same stream as `randint`. */
  randintBig(low: bigint, high: bigint, n: number): BigInt64Array {
    checkCount(n);
    if (n === 0) return new BigInt64Array(0);
    const highm1 = high - 1n;
    if (low < -(2n ** 63n)) throw valueError('low is out of bounds for int64');
    if (highm1 > 2n ** 63n - 1n) throw valueError('high is out of bounds for int64');
    if (low > highm1) throw valueError(low === 0n ? 'high <= 0' : 'low >= high');
    const out = new BigInt64Array(n);
    const rng = highm1 - low; // as uint64: fits since both bounds are int64
    if (rng === 0n) {
      out.fill(low);
    } else if (rng <= 0xffffffffn) {
      const r = Number(rng);
      if (r === 0xffffffff) {
        for (let i = 0; i < n; i++) out[i] = low + BigInt(this.nextUint32());
      } else {
        const mask = genMask32(r);
        for (let i = 0; i < n; i++) {
          let val: number;
          while ((val = (this.nextUint32() & mask) >>> 0) > r);
          out[i] = low + BigInt(val);
        }
      }
    } else if (rng === 0xffffffffffffffffn) {
      // off + next_uint64, wrapping to int64
      for (let i = 0; i < n; i++) out[i] = BigInt.asIntN(64, low + this.nextUint64());
    } else {
      // bounded_masked_uint64
      const mask = genMask64(rng);
      for (let i = 0; i < n; i++) {
        let val: bigint;
        while ((val = this.nextUint64() & mask) > rng);
        out[i] = low + val;
      }
    }
    return out;
  }

  /**
   * shuffle(x) on a 1-D array or list, in place: for i from n-1 down to 1,
   * j = random_interval(i), swap x[i] and x[j]. Works for number[], typed arrays,
   * arrays of rows (shuffling a 2-D array along axis 0 uses the same draws).
   */
  shuffle<T>(x: { length: number; [i: number]: T }): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randomInterval(i);
      const tmp = x[i];
      x[i] = x[j];
      x[j] = tmp;
    }
  }

  /**
   * The same draws as `shuffle` for a sequence of length n stored elsewhere
   * (e.g. the rows of an ndarray): calls swap(i, j) for i = n-1 .. 1, skipping i == j.
   */
  shuffleBy(n: number, swap: (i: number, j: number) => void): void {
    for (let i = n - 1; i >= 1; i--) {
      const j = this.randomInterval(i);
      if (i !== j) swap(i, j);
    }
  }

  /**
   * permutation(n) = shuffle(arange(n)); n <= 0 gives an empty array as arange does.
   * permutation(array) is array[permutation(len(array))] (NumPy shuffles an index
   * array for n-D input and copies + shuffles 1-D input: the same draws either way).
   */
  permutation(n: number): Float64Array {
    if (!Number.isInteger(n)) throw new NumpyError('TypeError', `'float' object cannot be interpreted as an integer`);
    const arr = new Float64Array(Math.max(0, n));
    for (let i = 0; i < arr.length; i++) arr[i] = i;
    this.shuffle(arr);
    return arr;
  }

  /**
   * choice(a, size, replace, p) as RandomState.choice computes it, returning the
   * indices into a (what choice returns when a is an int). popSize is a (or len(a));
   * size is the number of samples (1 for size=None).
   */
  choice(popSize: number, size: number, replace = true, p?: ArrayLike<number>, options: ChoiceOptions = {}): Float64Array {
    if (popSize <= 0 && size !== 0) {
      if (options.aIsArray) throw valueError("'a' cannot be empty unless no samples are taken");
      throw valueError('a must be greater than 0 unless no samples are taken');
    }
    let probs: Float64Array | undefined;
    if (p !== undefined) {
      probs = Float64Array.from(p);
      const atol = options.atol ?? Math.sqrt(2.220446049250313e-16);
      if (probs.length !== popSize) throw valueError("'a' and 'p' must have same size");
      const pSum = kahanSum(probs);
      if (Number.isNaN(pSum)) throw valueError('probabilities contain NaN');
      for (let i = 0; i < probs.length; i++) if (probs[i] < 0) throw valueError('probabilities are not non-negative');
      if (Math.abs(pSum - 1) > atol) throw valueError('probabilities do not sum to 1');
    }

    if (replace) {
      if (probs !== undefined) {
        const cdf = normalizedCdf(probs);
        const u = this.randomSample(size);
        const idx = new Float64Array(size);
        for (let i = 0; i < size; i++) idx[i] = searchRight(cdf, u[i]);
        return idx;
      }
      return this.randint(0, popSize, size);
    }

    if (size > popSize) throw valueError("Cannot take a larger sample than population when 'replace=False'");
    if (size < 0) throw valueError('Negative dimensions are not allowed');
    if (probs === undefined) return this.permutation(popSize).slice(0, size);

    let nonZero = 0;
    for (let i = 0; i < probs.length; i++) if (probs[i] > 0) nonZero++;
    if (nonZero < size) throw valueError('Fewer non-zero entries in p than size');
    const found = new Float64Array(size);
    let nUniq = 0;
    while (nUniq < size) {
      const x = this.randomSample(size - nUniq);
      for (let i = 0; i < nUniq; i++) probs[found[i]] = 0;
      const cdf = normalizedCdf(probs);
      // new = cdf.searchsorted(x, side='right'), then its distinct values in order
      // of first occurrence (np.unique(..., return_index=True) + sort of the indices).
      const seen = new Set<number>();
      for (let i = 0; i < x.length; i++) {
        const v = searchRight(cdf, x[i]);
        if (!seen.has(v)) {
          seen.add(v);
          found[nUniq++] = v;
        }
      }
    }
    return found;
  }
}
