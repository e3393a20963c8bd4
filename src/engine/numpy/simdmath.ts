// Scalar, bit-exact ports of the elementwise math kernels that NumPy 1.24.2
// (Debian's python3-numpy on x86_64) runs on the reference machine, whose CPU has
// AVX512_SKX, so that array results match CPython + NumPy byte for byte.
//
// NumPy does not call glibc for these ufuncs on float arrays there:
//
// - float64 exp, log, and every float64 ufunc of loops_umath_fp.dispatch.c.src
//   (exp2, log2, log10, expm1, log1p, cbrt, sin, cos, tan, arcsin, arccos, arctan,
//   sinh, cosh, arcsinh, arccosh, arctanh, power, arctan2) go to Intel's SVML
//   (numpy/core/src/umath/svml, the "la" = low-accuracy AVX-512 kernels such as
//   __svml_exp8), because the build links SVML and the CPU has AVX512_SKX.
// - float32 exp and log run NumPy's own AVX512F kernels simd_exp_FLOAT and
//   simd_log_FLOAT (loops_exponent_log.dispatch.c.src).
// - float64 and float32 tanh run NumPy's universal-intrinsics port of SVML's tanh
//   (loops_hyperbolic.dispatch.c.src).
//
// The same kernels compute 0-d arrays and NumPy scalars passed to ufuncs
// (np.exp(np.float64(x))), strided views and array tails (masked loads; each lane
// is computed independently). Python-level scalar arithmetic does not use them:
// np.float64(x) ** y goes through scalarmath.c and glibc's pow, and math.exp is
// glibc's exp (see ./libm).
//
// Each function below replays the instruction sequence of its kernel lane by lane:
// fused multiply-adds are computed exactly (fmaRN / fmaRZ below, rounding once),
// AVX-512 helpers such as vscalefpd, vgetmantpd, vgetexppd and vrndscalepd are
// emulated, and the scalar "rare case" callouts of SVML are ported where inputs can
// reach them. Where SVML uses the hardware's approximate reciprocal (vrcp14pd),
// whose exact output is CPU-specific, the only thing that matters is how it rounds
// to a few bits afterwards; those step functions were measured on the reference
// CPU (AMD Zen 5) and are stored as breakpoint tables.
//
// Everything is allocation-free: the only state is a few module-level scratch
// buffers used to move between doubles and their bit patterns.

// ---------------------------------------------------------------------------------
// Bit access
// ---------------------------------------------------------------------------------

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const U32F = new Uint32Array(F32.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/** High 32 bits of the IEEE-754 double x. */
function hiWord(x: number): number {
  F64[0] = x;
  return U32[HI];
}

/** Low 32 bits of the IEEE-754 double x. */
function loWord(x: number): number {
  F64[0] = x;
  return U32[LO];
}

/** The double with the given 32-bit halves. */
function fromWords(hi: number, lo: number): number {
  U32[HI] = hi;
  U32[LO] = lo;
  return F64[0];
}

/** Bit pattern of a float32 value. */
function f32Bits(x: number): number {
  F32[0] = x;
  return U32F[0];
}

/** float32 value of a bit pattern. */
function f32FromBits(b: number): number {
  U32F[0] = b;
  return F32[0];
}

/** Decodes a string of 16-hex-digit words into doubles. */
function hexF64(s: string): Float64Array {
  const n = s.length >> 4;
  const out = new Float64Array(n);
  const w = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    w[2 * i + HI] = parseInt(s.slice(16 * i, 16 * i + 8), 16);
    w[2 * i + LO] = parseInt(s.slice(16 * i + 8, 16 * i + 16), 16);
  }
  return out;
}

/** Decodes a string of 8-hex-digit words into float32 values (as doubles). */
function hexF32(s: string): Float64Array {
  const n = s.length >> 3;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f32FromBits(parseInt(s.slice(8 * i, 8 * i + 8), 16));
  return out;
}

/** The double d given by its bit pattern as 16 hex digits. */
function hexD(s: string): number {
  return fromWords(parseInt(s.slice(0, 8), 16), parseInt(s.slice(8), 16));
}

/** The next double toward zero from a finite nonzero x. */
function stepTowardZero(x: number): number {
  F64[0] = x;
  if (U32[LO] === 0) {
    U32[LO] = 0xffffffff;
    U32[HI] = U32[HI] - 1;
  } else {
    U32[LO] = U32[LO] - 1;
  }
  return F64[0];
}

/** The next double away from zero from a finite x (x = 0 gives the smallest subnormal of x's sign). */
function stepAwayFromZero(x: number): number {
  F64[0] = x;
  if (U32[LO] === 0xffffffff) {
    U32[LO] = 0;
    U32[HI] = U32[HI] + 1;
  } else {
    U32[LO] = U32[LO] + 1;
  }
  return F64[0];
}

// 2^k for integer -1074 <= k <= 1023 (exact).
const POW2 = new Float64Array(2098);
for (let k = -1074; k <= 1023; k++) POW2[k + 1074] = 2 ** k;

// ---------------------------------------------------------------------------------
// Fused multiply-add, rounded once (to nearest even, or toward zero)
// ---------------------------------------------------------------------------------

const SPLITTER = 134217729; // 2^27 + 1
const TWO_M960 = 2 ** -960;
const TWO_960 = 2 ** 960;
const TWO_995 = 2 ** 995;

/**
 * fma(a, b, c) rounded to nearest even, as vfmadd*pd {rn-sae} computes it.
 *
 * The method of ./libm's fma: TwoProduct (Dekker, Veltkamp splitting) gives
 * uh + ul == a*b, TwoSum gives th + tl == c + uh, then z = RN(th + RN(tl + ul)) is
 * the correctly rounded result except when th + v is an exact midpoint that the
 * rounding error of tl + ul decides. Operands for which a step could under- or
 * overflow go to the exact BigInt fallback.
 */
export function fmaRN(a: number, b: number, c: number): number {
  const uh = a * b;
  const au = uh < 0 ? -uh : uh;
  if (!(au > TWO_M960 && au < TWO_960 && c < TWO_960 && c > -TWO_960 &&
        a < TWO_995 && a > -TWO_995 && b < TWO_995 && b > -TWO_995)) return fmaSlow(a, b, c, false);
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl;
  const th = c + uh;
  let w = th - c;
  const tl = (c - (th - w)) + (uh - w);
  const v = tl + ul;
  w = v - tl;
  const err = (tl - (v - w)) + (ul - w);
  const z = th + v;
  if (err === 0) return z;
  w = z - th;
  const e2 = (th - (z - w)) + (v - w);
  if (e2 !== 0 && (e2 > 0) === (err > 0)) {
    const d = 2 * e2;
    if ((z + d) - z === d) return z + d;
  }
  return z;
}

/** fma(a, b, c) rounded toward zero, as vfmadd*pd {rz-sae} computes it. */
export function fmaRZ(a: number, b: number, c: number): number {
  const uh = a * b;
  const au = uh < 0 ? -uh : uh;
  if (!(au > TWO_M960 && au < TWO_960 && c < TWO_960 && c > -TWO_960 &&
        a < TWO_995 && a > -TWO_995 && b < TWO_995 && b > -TWO_995)) return fmaSlow(a, b, c, true);
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl;
  const th = c + uh;
  let w = th - c;
  const tl = (c - (th - w)) + (uh - w);
  const v = tl + ul;
  w = v - tl;
  const err = (tl - (v - w)) + (ul - w);
  const z = th + v;
  w = z - th;
  const r = ((th - (z - w)) + (v - w)) + err; // sign of a*b + c - z, exactly
  if (r === 0) return z;
  if (z === 0) return fmaSlow(a, b, c, true);
  return r > 0 !== z > 0 ? stepTowardZero(z) : z;
}

// Exact fallback with BigInt arithmetic for the cases the fast path excludes
// (products near the subnormal range or near overflow, huge operands).

const BIG_53 = 1n << 52n;

/** Writes x = m * 2^e (m an integer, |m| < 2^53) into decM / decE. */
let decM = 0n;
let decE = 0;
function decompose(x: number): void {
  F64[0] = x;
  const hi = U32[HI];
  const lo = U32[LO];
  const ex = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (ex === 0) {
    decE = -1074;
  } else {
    m |= BIG_53;
    decE = ex - 1075;
  }
  decM = hi >>> 31 ? -m : m;
}

/** Rounds the exact value m * 2^e to a double (to nearest even, or toward zero). */
function roundBig(m: bigint, e: number, towardZero: boolean): number {
  if (m === 0n) return 0;
  const neg = m < 0n;
  const a = neg ? -m : m;
  const len = a.toString(2).length;
  // The result's least significant bit position: keep 53 bits, but not below 2^-1074.
  let lsb = e + len - 53;
  if (lsb < -1074) lsb = -1074;
  let q: bigint;
  if (lsb > e) {
    const sh = BigInt(lsb - e);
    q = a >> sh;
    const rem = a - (q << sh);
    if (!towardZero && rem !== 0n) {
      const half = 1n << (sh - 1n);
      if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    }
    e = lsb;
  } else {
    q = a;
  }
  // q * 2^e with q < 2^54: Number(q) is exact and so is each power-of-two product
  // until the result overflows.
  const qn = Number(q);
  let r = e <= 1023 ? qn * POW2[e + 1074] : qn * POW2[1023 + 1074] * POW2[Math.min(e - 1023, 1023) + 1074];
  if (r === Infinity) r = towardZero ? Number.MAX_VALUE : Infinity;
  return neg ? -r : r;
}

function fmaSlow(a: number, b: number, c: number, towardZero: boolean): number {
  const p = a * b;
  if (p - p !== 0 && a - a === 0 && b - b === 0) {
    // finite operands whose product overflows: fall through to the exact path
  } else if (a - a !== 0 || b - b !== 0 || c - c !== 0) {
    return p + c; // inf or nan operands
  }
  if (a === 0 || b === 0) return p + c; // exact zero product (signs as IEEE addition)
  decompose(a);
  const ma = decM;
  const ea = decE;
  decompose(b);
  const pm = ma * decM;
  const pe = ea + decE;
  if (c === 0) {
    const r = roundBig(pm, pe, towardZero);
    return r === 0 ? ((a < 0) !== (b < 0) ? -0 : 0) : r;
  }
  decompose(c);
  const cm = decM;
  const ce = decE;
  const e = Math.min(pe, ce);
  const sum = (pm << BigInt(pe - e)) + (cm << BigInt(ce - e));
  if (sum === 0n) return 0; // exact cancellation: +0 in round-to-nearest and toward zero
  const r = roundBig(sum, e, towardZero);
  return r === 0 ? (sum < 0n ? -0 : 0) : r;
}

/** Unbiased binary exponent of a finite nonzero double (subnormals included). */
function exponentOf(x: number): number {
  F64[0] = x;
  const e = (U32[HI] >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  F64[0] = x * 18446744073709551616; // 2^64
  return ((U32[HI] >>> 20) & 0x7ff) - 1023 - 64;
}

/**
 * vscalefpd / vscalefps arithmetic for finite a and finite n: a * 2^floor(n),
 * rounded once to nearest even.
 */
function scalef(a: number, n: number): number {
  let k = Math.floor(n);
  if (k >= -1074 && k <= 1023) return a * POW2[k + 1074]; // one correctly rounded product
  if (a === 0) return a;
  if (k > 1023) {
    if (k > 2200) k = 2200;
    let r = a * POW2[1023 + 1074]; // exact, or inf when the result overflows anyway
    k -= 1023;
    if (k > 1023) {
      r *= POW2[1023 + 1074];
      k -= 1023;
    }
    return r * POW2[k + 1074];
  }
  // k < -1074: only a >= 2 can give a nonzero result. Normalize a into [1, 2)
  // exactly and apply the whole scale in one rounding.
  const e = exponentOf(a);
  const j = e + k;
  if (j < -1076) return a < 0 ? -0 : 0;
  const a0 = a * POW2[-e + 1074];
  if (j >= -1074) return a0 * POW2[j + 1074];
  return (a0 * POW2[-1000 + 1074]) * POW2[j + 1000 + 1074];
}

// ---------------------------------------------------------------------------------
// float64 exp: SVML __svml_exp8 (svml_z0_exp_d_la.s)
// ---------------------------------------------------------------------------------

// __svml_dexp_data_internal_avx512: 2^(j/16), j = 0..15.
const EXP_T16 = hexF64(
  '3ff00000000000003ff0b5586cf9890f3ff172b83c7d517b3ff2387a6e7562383ff306fe0a31b7153ff3dea64c123422' +
  '3ff4bfdad5362a273ff5ab07dd4854293ff6a09e667f3bcd3ff7a11473eb01873ff8ace5422aa0db3ff9c49182a3f090' +
  '3ffae89f995ad3ad3ffc199bdd85529c3ffd5818dcfba4873ffea4afa2a490da');
const EXP_LOG2E = hexD('3ff71547652b82fe');
const EXP_SHIFTER = hexD('42f8000000003ff0'); // 1.5*2^48 + 1023, ulp 2^-4
const EXP_LN2HI = hexD('3fe62e42fefa39ef');
const EXP_LN2LO = hexD('3c7abc9e3b39803f');
const EXP_C6 = hexD('3f572eb5ef0d213d');
const EXP_C5 = hexD('3f81106603d97c00');
const EXP_C4 = hexD('3fa555564bb4f5f0');
const EXP_C3 = hexD('3fc5555554b508a2');
const EXP_C2 = hexD('3fe0000000002622');
const EXP_THRESHOLD = hexD('40861da04cbafe44'); // |x| >= this (or inf) goes to the callout

/** np.exp on float64 (SVML __svml_exp8, one lane). */
export function npExp64(x: number): number {
  if (!(x < EXP_THRESHOLD && x > -EXP_THRESHOLD)) {
    if (x !== x) return x;
    return expRare64(x);
  }
  // N = x*log2(e) truncated to 4 fractional bits (fma in round-to-zero mode).
  const s = fmaRZ(x, EXP_LOG2E, EXP_SHIFTER);
  const n = s - EXP_SHIFTER;
  const th = EXP_T16[loWord(s) & 15];
  // r = x - N*ln2 in two fused steps.
  let r = fmaRN(-n, EXP_LN2HI, x);
  r = fmaRN(-n, EXP_LN2LO, r);
  const r2 = r * r;
  const p56 = fmaRN(EXP_C6, r, EXP_C5);
  const p34 = fmaRN(EXP_C4, r, EXP_C3);
  const r3 = r2 * r;
  const p12 = fmaRN(r2, EXP_C2, r);
  let p = fmaRN(r2, p56, p34);
  p = fmaRN(r3, p, p12); // exp(r) - 1
  p = fmaRN(th, p, th); // Th*exp(r)
  return p * POW2[Math.floor(n) + 1074]; // vscalefpd, exact here
}

// _imldExpHATab: 2^(j/64) as (hi, lo) pairs, j = 0..63, then constants.
const EXPR_T = hexF64(
  '3ff000000000000000000000000000003ff02c9a3e778061bc7160139cd8dc5d3ff059b0d31585743c8cd2523567f613' +
  '3ff0874518759bc83c60f74e61e6c8613ff0b5586cf9890f3c979aa65d837b6d3ff0e3ec32d3d1a23c3ebe3d702f9cd1' +
  '3ff11301d0125b51bc9556522a2fbd0e3ff1429aaea92de0bc91c923b9d5f4163ff172b83c7d517bbc801b15eaa59348' +
  '3ff1a35beb6fcb753c8b898c3f1353bf3ff1d4873168b9aa3c9aecf73e3a2f603ff2063b88628cd63c8a6f4144a6c38d' +
  '3ff2387a6e7562383c968efde3a8a8943ff26b4565e27cdd3c80472b981fe7f23ff29e9df51fdee13c82f7e16d09ab31' +
  '3ff2d285a6e4030b3c8b3782720c0ab43ff306fe0a31b7153c834d754db0abb63ff33c08b26416ff3c8fdd395dd3f84a' +
  '3ff371a7373aa9cbbc924aedcc4b50683ff3a7db34e59ff7bc71d1e83e9436d23ff3dea64c1234223c859f48a72a4c6d' +
  '3ff4160a21f72e2abc58a78f4817895b3ff44e086061892d3c4363ed60c2ac113ff486a2b5c13cd03c6ecce1daa10379' +
  '3ff4bfdad5362a273c7690cebb7aafb03ff4f9b2769d2ca7bc8f94340071a38e3ff5342b569d4f82bc78dec6bd0f385f' +
  '3ff56f4736b527da3c93350518fdd78e3ff5ab07dd4854293c9063e1e21c54093ff5e76f15ad21483c9432e62b64c035' +
  '3ff6247eb03a5585bc8c33c53bef4da83ff6623882552225bc93cedd785658583ff6a09e667f3bcdbc93b3efbf5e2228' +
  '3ff6dfb23c651a2fbc6367efb86da9ee3ff71f75e8ec5f74bc781f647e5a3ecf3ff75feb564267c9bc8619321e55e68a' +
  '3ff7a11473eb0187bc7b32dcb94da51d3ff7e2f336cf4e623c65ebe1abd66c553ff82589994cce13bc9369b6f13b3734' +
  '3ff868d99b4492edbc94d450d872576e3ff8ace5422aa0db3c8db72fc1f0eab43ff8f1ae991577363c7bf68359f35f44' +
  '3ff93737b0cdc5e5bc5da9b88b6c1e293ff97d829fde4e50bc92434322f4f9aa3ff9c49182a3f0903c71affc2b91ce27' +
  '3ffa0c667b5de565bc87c504226222633ffa5503b23e255dbc91bbd1d3bcbb153ffa9e6b5579fdbf3c8469846e735ab3' +
  '3ffae89f995ad3ad3c8c1a7792cb33873ffb33a2b84f15fbbc55c3d956dcaeba3ffb7f76f2fb5e47bc68d6f438ad9334' +
  '3ffbcc1e904bc1d23c74ffd70a5fddcd3ffc199bdd85529c3c736eae30af0cb33ffc67f12e57d14b3c84e08fd10959ac' +
  '3ffcb720dcef90693c676b2c6c9219683ffd072d4a07897cbc8fad5d3ffffa6f3ffd5818dcfba4873c74a385a63d07a7' +
  '3ffda9e603db32853c8e5a50d5c192ac3ffdfc97337b9b5fbc82d52107b43e1f3ffe502ee78b3ff63c74b604603a88d3' +
  '3ffea4afa2a490dabc8ff7128fd391f03ffefa1bee615a273c8ec3bc41aa20083fff50765b6e45403c8a64a931d185ee' +
  '3fffa7c1819e90d83c77893b4d91cd9d');
const EXPR_INVL = hexD('40571547652b82fe'); // 64/ln2
const EXPR_SHIFT = hexD('4338000000000000'); // 1.5*2^52
const EXPR_C1 = 0.5;
const EXPR_C2 = hexD('3fc55555555548f8');
const EXPR_C3 = hexD('3fa5555555558fcc');
const EXPR_C4 = hexD('3f8111123aaf20d3');
const EXPR_C5 = hexD('3f56c16a1c2a3ffd');
const EXPR_OVF = hexD('40862e42fefa39ef');
const EXPR_SUBN = hexD('c086232bdd7abcd2');
const EXPR_UNF = hexD('c0874910d52d3051');
const EXPR_L2H = hexD('3f862e42fefa0000');
const EXPR_L2L = hexD('3d1cf79abc9e3b3a');
const EXPR_TINY = hexD('0010000000000001');
const EXPR_HUGE = hexD('7fefffffffffffff');
const EXPR_2M60 = hexD('3c30000000000000');
const EXPR_SPLIT = hexD('41f8000000000000');

/** __svml_dexp_cout_rare_internal: the scalar path for |x| >= 707.7, inf (not nan). */
function expRare64(x: number): number {
  const ex = (hiWord(x) >>> 20) & 0x7ff;
  if (ex === 0x7ff) return x < 0 ? 0 : x * x; // -inf -> 0, +inf -> inf
  if (ex <= 970) return x + 1.0;
  if (x > EXPR_OVF) return EXPR_HUGE * EXPR_HUGE;
  if (x < EXPR_UNF) return EXPR_TINY * EXPR_TINY;
  const sh = x * EXPR_INVL + EXPR_SHIFT;
  const k = loWord(sh);
  const n = sh - EXPR_SHIFT;
  const j = k & 63;
  const m = k >>> 6;
  const r = (x - n * EXPR_L2H) - n * EXPR_L2L;
  let q = EXPR_C5 * r + EXPR_C4;
  q = q * r + EXPR_C3;
  q = q * r + EXPR_C2;
  q = q * r + EXPR_C1;
  q = q * r * r + r;
  q = q + EXPR_T[2 * j + 1];
  const thi = EXPR_T[2 * j];
  q = q * thi;
  if (x < EXPR_SUBN) {
    // Subnormal results: scale by 2^(m + 60) first, then by 2^-60 once.
    const e = (m + 1083) & 2047;
    const scale = fromWords(e << 20, 0);
    const lo = q * scale;
    const hi = scale * thi;
    const sum = hi + lo;
    if (e <= 50) return sum * EXPR_2M60;
    const err = (hi - sum) + lo;
    const b = sum * EXPR_SPLIT;
    const c = sum + b;
    const d = c - b;
    const t = (sum - d) + err;
    return d * EXPR_2M60 + t * EXPR_2M60;
  }
  let e = (m + 1023) & 2047;
  q = q + thi;
  if (e > 2046) {
    e = (e - 1) & 2047;
    return q * fromWords(e << 20, 0) * 2.0;
  }
  return q * fromWords(e << 20, 0);
}

// NEXT_PLACEHOLDER
