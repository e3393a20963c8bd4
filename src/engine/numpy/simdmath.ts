// Scalar, bit-exact ports of the elementwise math kernels that NumPy 1.24.2
// (Debian's python3-numpy on x86_64) runs on the reference machine, so that ufunc
// results on float arrays match CPython + NumPy byte for byte.
//
// NumPy does not call glibc for these ufuncs there. The build links Intel's SVML
// (numpy/core/src/umath/svml, the AVX-512 "la" kernels) and the CPU (AMD Zen 5) has
// AVX512_SKX, so NumPy's dispatcher picks (numpy.core._multiarray_umath
// .__cpu_dispatch__ lists AVX512_SKX ... AVX512_ICL, all available):
//
//   ufunc              float64                          float32
//   exp, log           SVML __svml_exp8 / __svml_log8   NumPy simd_exp/log_FLOAT (AVX512F)
//   tanh               NumPy simd_tanh_f64              NumPy simd_tanh_f32
//                      (loops_hyperbolic: a universal-intrinsics port of SVML's tanh)
//   sin, cos           SVML __svml_sin8 / __svml_cos8   NumPy simd_sincos_f32 (glibc
//                                                       sinf/cosf for |x| > ~7e4/1.2e5)
//   tan, arcsin, arccos, arctan, sinh, cosh, log2, log10, log1p, expm1, exp2, cbrt,
//   arcsinh, arccosh, arctanh, power, arctan2: SVML (__svml_<f>8 / __svml_<f>f16)
//   sqrt               vsqrtpd / vsqrtps: correctly rounded, so Math.sqrt (and
//                      Math.fround(Math.sqrt(x)) for float32) already match.
//
// The same kernels compute contiguous, strided and 0-d arrays and NumPy scalars
// passed to ufuncs (np.exp(np.float64(x)) equals np.exp(np.array([x]))); every lane
// is computed independently, array tails only mask loads and stores. Not covered by
// these kernels (measured): Python-level scalar arithmetic (np.float64(x) ** y uses
// scalarmath.c and glibc's pow; math.* is glibc, see ./libm); `arr ** 2`, `** 0.5`,
// `** -1`, `** 1`, `** 0` with a scalar exponent, which NumPy turns into square,
// sqrt, reciprocal, positive and ones_like; np.power.accumulate, which runs
// glibc's pow (the loop's in/out overlap check fails); float16 (NumPy computes in
// float32 through the SVML f16 kernels, not ported).
//
// Each function replays its kernel's instruction sequence for one lane: fused
// multiply-adds are computed exactly (fmaRN, fmaRZ, fma32: one rounding, to nearest
// or toward zero as the {rn-sae}/{rz-sae} of the instruction says), directed
// roundings, vscalefpd, vgetmantpd, vgetexppd, vrndscalepd, vreducepd and the
// integer tricks on bit patterns are emulated, and SVML's scalar "rare case"
// callouts are ported where inputs reach them. vrcp14pd / vrsqrt14pd, whose results
// are only specified to 2^-14, are modelled bit for bit as the reference CPU
// computes them (see rcp14 below). GCC contracts some of NumPy's intrinsic
// multiply-adds into FMAs; those are replayed as FMAs too.
//
// Checked against /usr/bin/python3 on millions of inputs per function (uniform
// ranges, near-1 and near-threshold ranges, random bit patterns): 0 differences for
// every export except the gaps below. Fixtures: test/unit/simdmath.test.ts.
//
// Gaps (not bit-exact):
// - npArctan2_64: y or x nonzero with magnitude < 2^-1020 or >= 2^993 goes to a
//   long scalar callout that is not ported (87 of 2.6 million random bit patterns).
// - npSin32 / npCos32: |x| > 117435.992 / 71476.0625 call glibc's sinf/cosf, not
//   ported (Math.sin/cos rounded to float32 stand in: ~1 in 250 such inputs differ).
// - npPower32: x <= 0, inf/nan operands and results beyond 2^+-125.5 go to SVML's
//   float32 scalar callout, not ported (the float64 callout rounded to float32
//   stands in; e.g. negative bases with integer exponents differ in ~0.05% of cases).
// - npLog1p32: 1 + x >= 2^127 goes to a callout that is approximated.
// - NaN results are NaN, but their sign and payload are not reproduced.
// - Not ported at all: float64 exp2, cbrt, arcsinh, arccosh, arctanh; float32 tan,
//   arcsin, arccos, arctan2, exp2, cbrt, arcsinh, arccosh, arctanh.
//
// Cost: no allocations except boxed doubles across calls; about 100-700 ns per
// element under V8 for float64 (each exact FMA is ~20 double operations), 30-250 ns
// for float32. Rare inputs (subnormal products, huge trig arguments) take BigInt
// slow paths of a few microseconds.

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

// ---------------------------------------------------------------------------------
// float64 log: SVML __svml_log8 (svml_z0_log_d_la.s)
// ---------------------------------------------------------------------------------

// The reduction uses DblRcp = vrndscalepd(vrcp14pd(m), 5 fractional bits, to nearest)
// for the mantissa m in [1, 2). vrcp14pd is only specified to 2^-14 relative error,
// so where DblRcp steps from k/32 to (k-1)/32 depends on the CPU. Measured on the
// reference CPU (binary search of the 16 steps, each checked 2*10^6 ulps either side,
// then 10^8 random mantissas): DblRcp = (32 - #{breakpoints <= m}) / 32. Every
// breakpoint has a zero low word, so comparing high words is enough.
const RCP32_BREAKS_HI = new Uint32Array([
  0x3ff040f0, 0x3ff0c970, 0x3ff15b40, 0x3ff1f700, 0x3ff29e60, 0x3ff35230, 0x3ff41430, 0x3ff4e5f0,
  0x3ff5c990, 0x3ff6c150, 0x3ff7d070, 0x3ff8f9c0, 0x3ffa41a0, 0x3ffbad00, 0x3ffd41c0, 0x3fff0800,
]);
// For each of the 256 buckets of the top 8 mantissa bits: the breakpoints below it
// (count), and the one breakpoint inside it if any (0xffffffff if none).
const RCP32_BUCKET_COUNT = new Uint8Array(256);
const RCP32_BUCKET_BREAK = new Uint32Array(256);
for (let b = 0; b < 256; b++) {
  const start = 0x3ff00000 + (b << 12);
  let count = 0;
  let inside = 0xffffffff;
  for (let i = 0; i < 16; i++) {
    const bp = RCP32_BREAKS_HI[i];
    if (bp <= start) count++;
    else if (bp < start + 0x1000) inside = bp;
  }
  RCP32_BUCKET_COUNT[b] = count;
  RCP32_BUCKET_BREAK[b] = inside;
}

/** 32 * DblRcp for a mantissa with high word mhi (0x3ff00000 <= mhi < 0x40000000). */
function rcp32(mhi: number): number {
  const b = (mhi >>> 12) & 0xff;
  return 32 - RCP32_BUCKET_COUNT[b] - (mhi >= RCP32_BUCKET_BREAK[b] ? 1 : 0);
}

// __svml_dlog_data_internal_avx512: -log(Rcp) for Rcp = (16 + i)/32 (i >= 8) or
// -log(2*Rcp) (i < 8), indexed by the top 4 mantissa bits of Rcp.
const LOG_T16 = hexF64(
  '0000000000000000bfaf0a30c01162a6bfbe27076e2af2e6bfc5ff3070a793d4bfcc8ff7c79a9a22bfd1675cababa60e' +
  'bfd4618bc21c5ec2bfd739d7f6bbd0073fd269621134db923fcf991c6cb3b3793fca93ed3c8ad9e33fc5bf406b543db2' +
  '3fc1178e8227e47c3fb9335e5d5949893fb08598b59e3a073fa0415d89e74444');
const LOG_C9 = hexD('3fbc81cd309d7c70');
const LOG_C8 = hexD('bfc007357e93af62');
const LOG_C7 = hexD('3fc249229cee81ef');
const LOG_C6 = hexD('bfc55553fb28db06');
const LOG_C5 = hexD('3fc9999999cc9f5c');
const LOG_C4 = hexD('bfd00000000c05bd');
const LOG_C3 = hexD('3fd5555555555466');
const LOG_C2 = hexD('bfdfffffffffffc6');
const LOG_LN2 = hexD('3fe62e42fefa39ef');
const TWO64 = 18446744073709551616;

/** np.log on float64 (SVML __svml_log8, one lane). */
export function npLog64(x: number): number {
  if (!(x > 0 && x < Infinity)) {
    // Zeros, negatives and infinities go to the scalar callout; nan stays nan.
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    return NaN;
  }
  F64[0] = x;
  let hi = U32[HI];
  let e = (hi >>> 20) - 1023;
  if (e === -1023) {
    // vgetexppd / vgetmantpd normalize subnormals.
    F64[0] = x * TWO64;
    hi = U32[HI];
    e = (hi >>> 20) - 1023 - 64;
  }
  const mhi = (hi & 0xfffff) | 0x3ff00000;
  U32[HI] = mhi;
  const m = F64[0];
  const k = rcp32(mhi);
  const rcp = k * 0.03125;
  if (k < 24) e += 1; // DblRcp < 0.75
  const t = LOG_T16[k & 15];
  const r = fmaRN(rcp, m, -1); // R = DblRcp*m - 1
  const p98 = fmaRN(LOG_C9, r, LOG_C8);
  const p76 = fmaRN(LOG_C7, r, LOG_C6);
  const p32 = fmaRN(LOG_C3, r, LOG_C2);
  const r2 = r * r;
  const p54 = fmaRN(LOG_C5, r, LOG_C4);
  const r4 = r2 * r2;
  const q1 = fmaRN(r2, p98, p76);
  const q2 = fmaRN(r2, p54, p32);
  let p = fmaRN(r4, q1, q2);
  p = fmaRN(r2, p, r);
  return fmaRN(e, LOG_LN2, t + p);
}

// ---------------------------------------------------------------------------------
// tanh: NumPy's simd_tanh_f64 / simd_tanh_f32 (loops_hyperbolic.dispatch.c.src),
// a universal-intrinsics port of SVML's tanh, built for AVX512_SKX
// ---------------------------------------------------------------------------------

// lut16x18: row 0 = b, rows 1..17 = c0..c16, 16 subintervals each.
const TANH64_LUT = hexF64(
  '00000000000000003fcc0000000000003fd40000000000003fdc0000000000003fe40000000000003fec000000000000' +
  '3ff40000000000003ffc0000000000004004000000000000400c0000000000004014000000000000401c000000000000' +
  '4024000000000000402c0000000000004034000000000000000000000000000000000000000000003fcb8fd0416a7c92' +
  '3fd35f98a0ea650e3fda5729ee4880373fe1bf47eabb8f953fe686650b8c20153feb2523bb6b2dee3fee1fbf97e33527' +
  '3fef9258260a71c23feff112c63a90773fefff419668df113feffffc832750f23feffffffdc96f353fefffffffffcf58' +
  '3ff00000000000003ff00000000000003ff00000000000003fee842ca3f085323fed11574af58f1b3fea945b9c24e4f9' +
  '3fe6284c3374f8153fe02500a09f8d6e3fd1f25131e3a8c03fbd22ca1c24a1393f9b3afe1fba5c763f6dd37d19b22b21' +
  '3f27ccec13a9ef963ecbe6c3f33250ae3e41b4865394f75f3d8853f01bda5f283c73953c0197ef580000000000000000' +
  'bbf0b3ea3fdfaa19bfca48aaeb53bc21bfd19921f4329916bfd5e0f09bef8011bfd893b59c35c882bfd6ba7cb7576538' +
  'bfce7291743d7555bfbb6d85a01efb80bf9addae58c7141abf6dc59376c7aa19bf27cc5e74677410becbe6c0e8b4cc87' +
  'be41b486526b0565bd8853f01bef63a4bc73955be519be310000000000000000bfd5555555555555bfd183afc292ba11' +
  'bfcc1a4b039c9bfabfc16e1e6d8d0be6bf92426c751e48a23fb4f152b2bad1243fbbba40cbef72be3fb01ba038be6a3d' +
  '3f916df44871efc83f63c6869dfc88703f1fb9aef915d8283ec299d1e27c6e113e379b5ddcca334c3d8037f57bc62c9a' +
  '3c6a2d4b50a2cff70000000000000000bce6863ee44ed6363fc04dcd0476c75e3fc43d3449a80f083fc5c26f3699b7e7' +
  '3fc1a686f6ab25333faf203c316ce730bf89c7a02788557cbf98157e26e0d541bf807b55c1c7d278bf53a18d5843190f' +
  'bf0fb6bbc89b1a5bbeb299c9c684a963be279b5dd4fb3d01bd7037f57ae72aa6bc5a2ca2bba78e860000000000000000' +
  '3fc1111111112ab53fb5c19efdfc08ad3fa74c98dc34fbacbf790d6a8eff0a77bfac3c021789a786bfae2196b7326859' +
  'bf93a7a011ff8c2a3f6e4709c7e8430e3f67682afa6111513f3ef2ee77717cbf3ef95a4482f180b73e9dc2c27da3b603' +
  '3e12e2afd9f7433e3d59f320348679ba3c44b61d9bbcc9400000000000000000bda1ea19ddddb3b4bfb0b8df995ce4df' +
  'bfb2955cf41e8164bfaf9d05c309f7c6bf987d27ccff42913f8b2ca62572b0983f8f1cf6c7f5b00a3f60379811e43dd5' +
  'bf4793826f78537ebf2405695e36240fbee0e08de39ce756be83d709ba5f714ebdf92e3fc5ee63e0bd414cc030f2110e' +
  'bc2ba022e8d82a870000000000000000bfaba1ba1990520bbf96e37bba52f6fc3ecff7df184553993f97362834d33a4e' +
  '3f9e7f8380184b453f869543e7c420d4bf7326bd4914222abf5fc15b0a9d98fa3f14cffcfa69fbb63f057e48e5b79d10' +
  '3ec33b66d7d772643e66ac4e578b9b103ddcc74b8d3d5c423d23c589137f92b43c107f8e2c8707a10000000000000000' +
  'be351ca7f096011f3f9eaaf3320c38513f9cf823fe761fc13f9022271754ff1fbf731fe77c9c60afbf84a6046865ec7d' +
  'bf4ca3f1f2b9192b3f4c77dee0afd2273f04055bce68597abee2bf0cb4a71647bea31eaafe73efd5be46abb02c4368ed' +
  'bdbcc749ca8079ddbd03c5883836b9d2bbf07a5416264aec00000000000000003f9664f94e6ac14ebf94d3343bae39dd' +
  'bf7bc748e60df843bf8c89372b43ba85bf8129a092de747a3f60c85b4d5387463f5be9392199ec18bf2a0c68a4489f10' +
  'bf00462601dc2faa3eb7b6a219dea9f43e80cbcc8d4c5c8a3e2425bb231a5e293d9992a4beac86623ce191ba5ed3fb67' +
  '3bc892450bad44c40000000000000000bea8c4c1fd7852febfccce16b1046f13bf81a16f224bb7b6bf62cbf00406bc09' +
  '3f75b29bb02cf69b3f607df0f9f90c17bf4b852a6e0758d5bf0078c63d1b84453eec12eadd55be7abe6fa600f593181b' +
  'be5a3c935dce3f7dbe001c6d95e3ae96bd74755a00ea1fd3bcbc1c6c063bb7acbba3be9a4460fe000000000000000000' +
  'bf822404577aa9dd403d8b07f7a82aa3bf9f44ab92fbab0a3fb2eac604473d6a3f45f87d903aaac8bf5e104671036300' +
  '3f19bc98ddf0f3403f0d4304bc9246e8bed13c415f7b9d41be722b8d9720cdb03e322666d739bec03dd76a553d7e7918' +
  '3d4de0fa59416a393c948716cf3681b43b873f9f2d2fda990000000000000000befdd99a221ed5734070593a3735bab4' +
  'bfccab654e44835e3fd13ed80037dbacbf6045b9076cc4873f2085ee7e8ac1703f23524622610430beff12a6626911b4' +
  '3eab9008bca408af3e634df71865f620be05bb1bcf83ca73bdaf2ac143fb6762bd23eae52a3dbf57bc6b5e3e9ca0955e' +
  'bb5eca68e2c1ba2e00000000000000003f6e3be689423841c0d263511f5baac140169f73b15ebe5cc025c1dd41cd6cb5' +
  'bf58fd89fe05e0d13f73f7af01d5af7abf1e40bdead17e6b3ee224cd6c4513e5be24b645e68eeaa3be4abfebfb72bc83' +
  '3dd51c38f8695ed33d8313ac38c6832b3cf77879356266853c401ffc49c6bc29babf0b21acfa52ab0000000000000000' +
  'bf2a1306713a4f3ac1045e509116b0664041fab9250984cec0458d090ec3de95bf74949d60113d633f7c9fd6200d0ade' +
  '3f02cd40e0ad0a9fbe858ab8e019f311be792fa6323b7cf83e2df04d67876402bd95c72be95e4d2cbd55a89c30203106' +
  'bccad6b3bb9eff65bc12705ccd3dd884ba8e0a4c47ae75f50000000000000000bf55d7e76dc5687141528c38809c90c7' +
  'c076d57fb5190b024085f09f888f8ada3fa246332a2fcba5bfb29d851a896fcd3ed9065ae369b212beb8e1ba4c98a030' +
  '3e6ffd0766ad4016be0c63c29f505f5bbd7fab216b9e0e493d2826b62056aa273ca313e31762f5233bea37aa21895319' +
  '3ae5c7f1fd87149600000000000000003f35e67ab76a26e741848ee0627d8206c0a216d618b489ec40a5b89107c8af4f' +
  '3fb69d8374520edabfbded519f981716bef02d288b5b33713eb290981209c1a6be567e924bf5ff6e3de3f7f7de6b0eb6' +
  '3d69ed18bae3ebbcbcf7534c4f3dfa71bc730b73f1eaff20bbba2cff8135d462bab5a71b5f7d90350000000000000000');

/** np.tanh on float64 (NumPy simd_tanh_f64, one lane). */
export function npTanh64(x: number): number {
  if (x !== x) return x;
  F64[0] = x;
  const hi = U32[HI] & 0x7ff80000; // high word of bits & 0x7ff8000000000000
  if (hi > 0x7fe00000) return x < 0 ? -1 : 1; // |x| >= 1.5*2^1023 or inf
  let d = hi - 0x3fc00000;
  if (d < 0) d = 0;
  else if (d > 0x780000) d = 0x780000;
  const idx = d >>> 19;
  const L = TANH64_LUT;
  const y = Math.abs(x) - L[idx];
  let r = fmaRN(L[17 * 16 + idx], y, L[16 * 16 + idx]);
  for (let row = 15; row >= 1; row--) r = fmaRN(r, y, L[row * 16 + idx]);
  // r is never negative; or-ing the sign bit in is a negation for x < 0 (or -0).
  return x < 0 || (x === 0 && 1 / x < 0) ? -r : r;
}

// lut32x8: row 0 = b, rows 1..7 = c0..c6, 32 subintervals each (float32 bits).
const TANH32_LUT = hexF32(
  '000000003d7000003d9000003db000003dd000003df000003e1000003e3000003e5000003e7000003e9000003eb00000' +
  '3ed000003ef000003f1000003f3000003f5000003f7000003f9000003fb000003fd000003ff000004010000040300000' +
  '40500000407000004090000040b0000040d0000040f000004110000000000000000000003d6fb9c93d8fc35f3daf9169' +
  '3dcf49ab3deee8493e0f0ee83e2e49843e4d2f8e3e6bb32e3e8c51cd3ea961633ec543f13edfd7353f0284383f18abf0' +
  '3f2bc4803f3bec1c3f4f2e5b3f613c533f6ce37d3f743c4f3f7a5feb3f7dea853f7f3b3d3f7fb78c3f7fefd43f7ffdd0' +
  '3f7fffb43f7ffff63f7fffff3f8000003f8000003f7f1f843f7ebd113f7e1e5f3f7d609f3f7c842d3f7b00e53f789580' +
  '3f75b8ad3f726fd93f6cc59b3f63fb923f59ff973f4f11d73f3d75733f24f3603f0cbfe73eec1a693eb0a8013e6753a2' +
  '3e132f1a3db7e7d33d3208453c84d3d43bc477b73b10d3da3a01601e388c1a3b3717b0da35a43bce338306c600000000' +
  'b0343c7bbd6ee69dbd8f0da7bdae477dbdcd2a1fbdeba80dbe0c443bbe293cf3be44f282be5f3651be81c7c0be96d7ca' +
  'bea7fb8ebeb50e9ebec12efebec4be92bebce070bead510ebe8ef7d6be4b8704be083237bdaf7449bd2e1ec4bc83bf06' +
  'bbc3e0b5bb10aadcba0157dbb88c18f2b717b096b5a43baeb383012c00000000beaaaaa5beab0612bea7f01fbea4e120' +
  'bea387b7bea15962be9d57f7be976b5abe90230dbe880dffbe7479b3be4c3d88be212482bdeb8cbabd5e78ad3c6b5e6e' +
  '3d8391433dc21ee13de347af3dcbec963d99ef2d3d542ea13cdde7013c2cca673b81cb273ac073a139ac3032383a94d9' +
  '36ca081d355abd4c332b3cb600000000b76dd6b9be1c276d3c1dcf2f3dc1a78d3d96f9853da2b61b3dc133973dd2f670' +
  '3df48a0a3e06c5a83e1a3aba3e27c4053e2e78d03e2c3e443e1d30973df4a8f43da385083d31416a3b562657bcaeeac9' +
  'bcce9419bcaaeac4bc49e7d0bba71dddbb003b0eba3f9a05b92c08a7b7ba9232b64a0b0fb4dac169b2ab78ac00000000' +
  '3e0910e9437611434165ecdcc190f756c08c097dc02ba813bf7f6bda3f2b1dc03ece105d3f426a94badb0dc43da43b17' +
  'bd51ab88bcaea23dbd3b6d8dbd6caaadbd795bedbd5fdddabd038f3bbc1cad633abb47663b95f10b3b8258733afaea66' +
  '3a49f87839996bf3388f3e6c371bb0e335a8a5e634369b17322487b000000000bc0e2f66460bda1243d638efc3e11c3e' +
  'c2baa4e9c249da2dc1859b8240dd5b574049464040c730a8bf0f160e3e30e76fbea81387bdb26a1cbd351e57bb4c01a0' +
  '3c1d7bfb3c722cd13c973f1c3c33a31b3b862ef43a27b3d0ba3b5907ba0efc22b97f9f0fb8c8af50b7bdddfbb64f2950' +
  'b4e085b1b3731dfab15a1f0400000000');

/**
 * fma on float32 values: a*b + c rounded once to float32. a*b is exact in double;
 * the double sum can only mislead Math.fround when it lands exactly on a float32
 * midpoint, which the sum's rounding error then decides.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const t = p + c;
  const f = Math.fround(t);
  if (f === t || f - f !== 0) return f; // exact, or overflowed to +-inf
  const w = t - p;
  const e = (p - (t - w)) + (c - w);
  if (e === 0) return f;
  const g = t + (t - f);
  if (Math.fround(g) === g && (e > 0) === (t > f)) {
    // t is the midpoint of f and g and the exact sum is beyond it, toward g.
    return g;
  }
  return f;
}

/** np.tanh on float32 (NumPy simd_tanh_f32, one lane; x and the result are float32 values). */
export function npTanh32(x: number): number {
  if (x !== x) return x;
  const bits = f32Bits(x);
  const nd = bits & 0x7fe00000;
  if (nd > 0x7f000000) return x < 0 ? -1 : 1;
  let d = nd - 0x3d400000;
  if (d < 0) d = 0;
  else if (d > 0x3e00000) d = 0x3e00000;
  const idx = d >>> 21;
  const L = TANH32_LUT;
  const y = Math.fround(Math.abs(x) - L[idx]);
  let r = fma32(L[7 * 32 + idx], y, L[6 * 32 + idx]);
  r = fma32(r, y, L[5 * 32 + idx]);
  r = fma32(r, y, L[4 * 32 + idx]);
  r = fma32(r, y, L[3 * 32 + idx]);
  r = fma32(r, y, L[2 * 32 + idx]);
  r = fma32(r, y, L[32 + idx]);
  return bits >>> 31 ? -r : r;
}

// ---------------------------------------------------------------------------------
// float32 exp and log: NumPy's simd_exp_FLOAT / simd_log_FLOAT, AVX512F build
// (loops_exponent_log.dispatch.c.src). Every float32 operation is a double
// operation rounded by Math.fround (exact for +, -, *, / of float32 values), fused
// multiply-adds go through fma32.
// ---------------------------------------------------------------------------------

const EXPF_XMAX = 88.72283935546875;
const EXPF_XMIN = -103.97208404541015625;
const EXPF_C1 = f32FromBits(0xbf317200); // -6.93145752e-1
const EXPF_C2 = f32FromBits(0xb5bfbe8e); // -1.42860677e-6
const EXPF_P0 = f32FromBits(0x3f800000); // 9.999999999980870924916e-01
const EXPF_P1 = f32FromBits(0x3f39cbd5); // 7.257664613233124478488e-01
const EXPF_P2 = f32FromBits(0x3e7d4c58); // 2.473615434895520810817e-01
const EXPF_P3 = f32FromBits(0x3d517d8c); // 5.114512081637298353406e-02
const EXPF_P4 = f32FromBits(0x3bdd7159); // 6.757896990527504603057e-03
const EXPF_P5 = f32FromBits(0x3a053dd8); // 5.082762527590693718096e-04
const EXPF_Q0 = 1;
const EXPF_Q1 = f32FromBits(0xbe8c6857); // -2.742335390411667452936e-01
const EXPF_Q2 = f32FromBits(0x3cb0e832); // 2.159509375685829852307e-02
const F32_MAGIC = 12582912; // 0x1.8p23
const F32_LOG2E = f32FromBits(0x3fb8aa3b); // 1.442695040888963407359924681001892137

/** np.exp on float32 (NumPy simd_exp_FLOAT, AVX512F; x and the result are float32 values). */
export function npExp32(x: number): number {
  if (x !== x) return x;
  if (x >= EXPF_XMAX) return Infinity;
  if (x <= EXPF_XMIN) return 0;
  // x*log2e + magic: GCC contracts the intrinsics' multiply and add into one fma.
  const q = Math.fround(fma32(x, F32_LOG2E, F32_MAGIC) - F32_MAGIC);
  let r = fma32(q, EXPF_C1, x);
  r = fma32(q, EXPF_C2, r);
  r = fma32(q, 0, r);
  let num = fma32(EXPF_P5, r, EXPF_P4);
  num = fma32(num, r, EXPF_P3);
  num = fma32(num, r, EXPF_P2);
  num = fma32(num, r, EXPF_P1);
  num = fma32(num, r, EXPF_P0);
  let den = fma32(EXPF_Q2, r, EXPF_Q1);
  den = fma32(den, r, EXPF_Q0);
  const poly = Math.fround(num / den);
  // vscalefps: poly * 2^q, one rounding to float32 (q is an integer in [-150, 128]).
  return Math.fround(poly * POW2[q + 1074]);
}

const LOGF_P0 = 0;
const LOGF_P1 = f32FromBits(0x3f800000); // 9.999999999999998702752e-01
const LOGF_P2 = f32FromBits(0x4007361c); // 2.112677543073053063722e+00
const LOGF_P3 = f32FromBits(0x3fbd70a9); // 1.480000633576506585156e+00
const LOGF_P4 = f32FromBits(0x3ec30333); // 3.808837741388407920751e-01
const LOGF_P5 = f32FromBits(0x3cd42bcd); // 2.589979117907922693523e-02
const LOGF_Q0 = 1;
const LOGF_Q1 = f32FromBits(0x4027361c); // 2.612677543073109236779e+00
const LOGF_Q2 = f32FromBits(0x401cfe0d); // 2.453006071784736363091e+00
const LOGF_Q3 = f32FromBits(0x3f7c8ae4); // 9.864942958519418960339e-01
const LOGF_Q4 = f32FromBits(0x3e1e5bf3); // 1.546476374983906719538e-01
const LOGF_Q5 = f32FromBits(0x3bc083df); // 5.875095403124574342950e-03
const LOGF_LN2 = f32FromBits(0x3f317218); // 0.693147180559945309417232121458176568
const LOGF_SQRT1_2 = f32FromBits(0x3f3504f3); // 0.707106781186547524400844362104849039

/** np.log on float32 (NumPy simd_log_FLOAT, AVX512F; x and the result are float32 values). */
export function npLog32(x: number): number {
  if (!(x > 0 && x < Infinity)) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    return NaN;
  }
  // vgetexpps + 1 and vgetmantps to [0.5, 1): x = m * 2^e.
  let bits = f32Bits(x);
  let e = (bits >>> 23) - 126;
  if (e === -126) {
    // subnormal: normalize
    bits = f32Bits(x * 16777216); // 2^24, exact
    e = (bits >>> 23) - 126 - 24;
  }
  let m = f32FromBits((bits & 0x7fffff) | 0x3f000000);
  if (m <= LOGF_SQRT1_2) {
    m = m + m;
    e -= 1;
  }
  m = Math.fround(m - 1);
  let num = fma32(LOGF_P5, m, LOGF_P4);
  num = fma32(num, m, LOGF_P3);
  num = fma32(num, m, LOGF_P2);
  num = fma32(num, m, LOGF_P1);
  num = fma32(num, m, LOGF_P0);
  let den = fma32(LOGF_Q5, m, LOGF_Q4);
  den = fma32(den, m, LOGF_Q3);
  den = fma32(den, m, LOGF_Q2);
  den = fma32(den, m, LOGF_Q1);
  den = fma32(den, m, LOGF_Q0);
  const poly = Math.fround(num / den);
  return fma32(e, LOGF_LN2, poly);
}

// ---------------------------------------------------------------------------------
// float64 sin and cos: SVML __svml_sin8 / __svml_cos8 (svml_z0_sin_d_la.s,
// svml_z0_cos_d_la.s). x = N*pi + R with a three-part pi, odd polynomial in R.
// ---------------------------------------------------------------------------------

const SC_INVPI = hexD('3fd45f306dc9c883');
const SC_SHIFT = hexD('4338000000000000'); // 1.5*2^52
const SC_PI1 = hexD('400921fb54442d18');
const SC_PI2 = hexD('3ca1a62633145c06');
const SC_PI3 = hexD('395c1cd129024e09');
const SIN_C1 = hexD('bfc55555555554a8');
const SIN_C2 = hexD('3f8111111110a573');
const SIN_C3 = hexD('bf2a01a019a659dd');
const SIN_C4 = hexD('3ec71de3806add1a');
const SIN_C5 = hexD('be5ae6355aaa4a53');
const SIN_C6 = hexD('3de60e6bee01d83e');
const SIN_C7 = hexD('bd69f1517e9f65f0');

/** np.sin on float64 (SVML __svml_sin8, one lane). */
export function npSin64(x: number): number {
  if (!(x <= 16777216 && x >= -16777216)) return sinCosLarge(x, false); // |x| > 2^24, inf, nan
  if (x < 7.450580596923828e-9 && x > -7.450580596923828e-9) return x; // |x| < 2^-27: exactly what the kernel gives
  const y = fmaRN(x, SC_INVPI, SC_SHIFT);
  const odd = loWord(y) & 1;
  const n = y - SC_SHIFT;
  let r = fmaRN(-n, SC_PI1, x);
  r = fmaRN(-n, SC_PI2, r);
  const r2 = r * r;
  r = fmaRN(-n, SC_PI3, r);
  let p = fmaRN(SIN_C7, r2, SIN_C6);
  const r3 = r * r2;
  p = fmaRN(r2, p, SIN_C5);
  p = fmaRN(r2, p, SIN_C4);
  p = fmaRN(r2, p, SIN_C3);
  p = fmaRN(r2, p, SIN_C2);
  p = fmaRN(r2, p, SIN_C1);
  p = fmaRN(r3, p, r);
  return odd ? -p : p;
}

const COS_INVPI = hexD('3fd45f306dc9c883');
const COS_2P52 = hexD('4330000000000000');
const COS_2P52M = hexD('432fffffffffffff'); // 2^52 - 0.5
const COS_LARGE = hexD('43300000007ffffe');
const COS_TINY = hexD('3e40000000000000'); // 2^-27
const COS_C1 = hexD('bfc55555555554a7');
const COS_C2 = hexD('3f8111111110a4a8');
const COS_C3 = hexD('bf2a01a019a5b87b');
const COS_C4 = hexD('3ec71de38030fea0');
const COS_C5 = hexD('be5ae63546002231');
const COS_C6 = hexD('3de60e6857a2f220');
const COS_C7 = hexD('bd69f0d60811aac8');

/** np.cos on float64 (SVML __svml_cos8, one lane). */
export function npCos64(x: number): number {
  const ax = Math.abs(x);
  // Y = 2^52 + floor(|x|/pi), the fma rounded toward zero.
  const y = fmaRZ(ax, COS_INVPI, COS_2P52);
  if (!(y <= COS_LARGE)) return sinCosLarge(x, true); // |x| > ~2.6e7, inf, nan
  if (ax < COS_TINY) return 1;
  const odd = loWord(y) & 1;
  const nh = y - COS_2P52M; // N + 0.5
  let r = fmaRN(nh, SC_PI1, -ax);
  r = fmaRN(SC_PI2, nh, r);
  const r2 = r * r;
  r = fmaRN(SC_PI3, nh, r);
  let p = fmaRN(COS_C7, r2, COS_C6);
  p = fmaRN(r2, p, COS_C5);
  p = fmaRN(r2, p, COS_C4);
  p = fmaRN(r2, p, COS_C3);
  const rs = odd ? -r : r;
  p = fmaRN(r2, p, COS_C2);
  const r3 = r2 * rs;
  p = fmaRN(r2, p, COS_C1);
  return fmaRN(r3, p, rs);
}

// Large arguments (|x| > 2^24 for sin, > ~2.6e7 for cos): the Payne-Hanek style
// reduction of the kernels' long path. x/(2*pi) mod 1 comes from a 53 x 192-bit
// integer product (with the kernel's exact truncation, in BigInt here), then
// sin/cos(2*pi*j/512 + r) from a 512-entry table and short polynomials.

// floor(2^1400 / (2*pi)): the kernels' 2048 x 192-bit table
// (__svml_dsin_reduction_data_internal) holds, for the biased exponent E,
// floor(2^(E - 883) / (2*pi)) mod 2^192.
const INV2PI_HEX =
  '28be60db9391054a7f09d5f47d4d377036d8a5664f10e4107f9458eaf7aef1586dc91b8e909374b801924bba827464873f87' +
  '7ac72c4a69cfba208d7d4baed1213a671c09ad17df904e64758e60d4ce7d272117e2ef7e4a0ec7fe25fff7816603fbcbc462' +
  'd6829b47db4d9fb3c9f2c26dd3d18fd9a797fa8b5d49eeb1faf97c5ecf41ce7de294a4ba9afed7ec47e357421580cc11bf1e' +
  'daeafc33ef0826bd0d876a78e45857b986c219666157c5281a';
let inv2pi: bigint | undefined;

/** Little-endian base64 bytes to doubles. */
function b64F64(s: string): Float64Array {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const rev = new Uint8Array(128);
  for (let i = 0; i < 64; i++) rev[A.charCodeAt(i)] = i;
  let n = (s.length * 3) >> 2;
  if (s.endsWith('==')) n -= 2;
  else if (s.endsWith('=')) n -= 1;
  const bytes = new Uint8Array(n);
  let j = 0;
  for (let i = 0; i < s.length; i += 4) {
    const v = (rev[s.charCodeAt(i)] << 18) | (rev[s.charCodeAt(i + 1)] << 12) |
      (rev[s.charCodeAt(i + 2)] << 6) | rev[s.charCodeAt(i + 3)];
    if (j < n) bytes[j++] = v >>> 16;
    if (j < n) bytes[j++] = (v >>> 8) & 0xff;
    if (j < n) bytes[j++] = v & 0xff;
  }
  const out = new Float64Array(n >> 3);
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < out.length; i++) out[i] = dv.getFloat64(8 * i, true);
  return out;
}

// __svml_dsin_data_internal_ha / __svml_dcos_data_internal_ha: 512 entries of four
// doubles each (decoded on first use).
const SIN_HA_B64 =
  'AAAAAAAAAAAAAAAAAADwPwAAAAAAAAAAAAAAAAAAAAARlaSNLL0TvwAAAAAAAPA/hMfe/NEhiT8AAACgjocpPCeal9n7vDO/AAAA' +
  'AAAA8D9+ZqP3VSGZPwAAAABjHfu7i40iBEA0Rr8AAAAAAADwP81VlHVl2KI/AAAAQPaGJjw5BCUNObxTvwAAAAAAAPA/FNgN8WUf' +
  'qT8AAAAAvRIpvH+lHOM01V6/AAAAAAAA8D/gIPh5bmWvPwAAAODr4SK868V3/lIyZr8AAAAAAADwP/YZzpIg1bI/AAAAoIigSbzm' +
  '9qRCAzVuvwAAAAAAAPA/GaSaCtD2tT8AAADAIkBPvDFtbRcuuXO/AAAAAAAA8D8stCm8phe5PwAAAMAYJz68lsIsSQH1eL8AAAAA' +
  'AADwP9XCnseFN7w/AAAA4J3zJLxcFjCPx81+vwAAAAAAAPA/DnOpVk5Wvz8AAABgBCdKPLcvipqjoYK/AAAAAAAA8D939drO8DnB' +
  'PwAAAEBDI2W8WLrWPaAqhr8AAAAAAADwPzphjm4QyMI/AAAAoAAwUTxemb3NtgGKvwAAAAAAAPA/Wj4psXZVxD8AAABAooVSvLMV' +
  'rWPBJo6/AAAAAAAA8D/GP4tEFOLFPwAAAGD/MWU8FPHbi8tMkb8AAAAAAADwPzG/UN7Zbcc/AAAA4O7VYTz7aRQBBq2TvwAAAAAA' +
  'APA/C6ZpPLj4yD8AAACgGW1ivGYamp74M5a/AAAAAAAA8D9RBLAloILKPwAAAOAFeWi8505jc4rhmL8AAAAAAADwP2NPfmqCC8w/' +
  'AAAAgEPxGrzJpDgRobWbvwAAAAAAAPA/EUNF5U+TzT8AAAAgkltnPBvluY0gsJ6/AAAAAAAA8D8bXyF7+RnPPwAAAODuLWS82sO4' +
  'wXXooL8AAAAAAADwP679Nw64T9A/AAAAoM0SBLzMaXuJ8YuivwAAAAAAAPA/d/axYtIR0T8AAAAAwiR4PLxID3JzQqS/AAAAAAAA' +
  '8D8+20w/RNPRPwAAAADUIGe8WiKdk+oLpr8AAAAAAADwPwaf1S4GlNI/AAAAoI3Sdbw07zJLReinvwAAAAAAAPA/UoHhwhBU0z8A' +
  'AAAgAMtzvOHucTtx16m/AAAAAAAA8D8BZheUXBPUPwAAAEB8yXA8GehDTVvZq78AAAAAAADwP2rneELi0dQ/AAAAAHJBYjy0kZew' +
  '7+2tvwAAAAAAAPA/3R+rdZqP1T8AAADAwP0evKsOku6MCrC/AAAAAAAA8D/GJz/dfUzWPwAAAEArDVE8He6ZSWInsb8AAAAAAADw' +
  'P59F+jCFCNc/AAAA4BlLdLwq+zrubE2yvwAAAAAAAPA/58wdManD1z8AAAAA8qMZPM+Va4ahfLO/AAAAAAAA8D9jqa6m4n3YPwAA' +
  'AMDtLGe8qsuwYfS0tL8AAAAAAADwP9eTvGMqN9k/AAAAgDGEZjwztpF1Wfa1vwAAAAAAAPA/iu2oQ3nv2T8AAAAggdpmPCBRDl7E' +
  'QLe/AAAAAAAA8D/KP20ryKbaPwAAAGAQX328aMQZXiiUuL8AAAAAAADwP8Bc4QkQXds/AAAAwGKzZTweHRhgePC5vwAAAAAAAPA/' +
  '5x4B2EkS3D8AAACgqhN4vFhwX/amVbu/AAAAAAAA8D9exDGZbsbcPwAAAEAOhVY8J2O8W6bDvL8AAAAAAADwP4njhlt3ed0/AAAA' +
  'gOxQdTx5EvpzaDq+vwAAAAAAAPA/O/YGOF0r3j8AAAAAiQ1ePLhVbczeub+/AAAAAAAA8D/WeO9SGdzePwAAAMD30H28WqtBTv2g' +
  'wL8AAAAAAADwP7qa+Nuki98/AAAAwB/sMry3vCljVmnBvwAAAAAAAPA/tz5Mh/wc4D8AAADgNUpzvApHmuvyNcK/AAAAAAAA8D/u' +
  '/yKZh3PgPwAAAEABWoq8uqMqBMsGw78AAAAAAADwP4+JXU1wyeA/AAAAwNfTiLwC+Kuf1tvDvwAAAAAAAPA/I0sbVLMe4T8AAABg' +
  'O/KOvL2reIcNtcS/AAAAAAAA8D9J295jTXPhPwAAAMDy7oe8dHnFW2eSxb8AAAAAAADwP8horjk7x+E/AAAAIN0lizx5FPST23PG' +
  'vwAAAAAAAPA/WeszmXka4j8AAABgsaeDvPlh535hWce/AAAAAAAA8D/fEt1MBW3iPwAAACB02oW8r0FZQ/BCyL8AAAAAAADwP+rz' +
  '+iXbvuI/AAAAwIFJUbz94jHgfjDJvwAAAAAAAPA/NXDh/PcP4z8AAAAgxvxuvPmi4CwEIsq/AAAAAAAA8D/zWQaxWGDjPwAAAKCz' +
  '/IG8E3C22XYXy78AAAAAAADwP7lQICn6r+M/AAAA4CU+fjzMr0FwzRDMvwAAAAAAAPA/1FZFU9n+4z8AAABgFmmDPP2iq1P+Dc2/' +
  'AAAAAAAA8D/WHQkl80zkPwAAACBqB2g8BUUXwf8Ozr8AAAAAAADwPzkJm5tEmuQ/AAAAYOF+grxJogHQxxPPvwAAAAAAAPA/6eXj' +
  'u8rm5D8AAADgk8JjPMJdXI2z488/AAAAAAAA4D+WVaOSgjLlPwAAAIDrEnq8u76qiXzXzj8AAAAAAADgP6DsjDRpfeU/AAAAgCBX' +
  'h7yFyQ18ncfNPwAAAAAAAOA/jAFlvnvH5T8AAACA6mmAPFn+v98gtMw/AAAAAAAA4D/fLB1VtxDmPwAAAECzUXK8uqKqUxGdyz8A' +
  'AAAAAADgPz148CUZWeY/AAAA4GQ9jDwy7/yZeYLKPwAAAAAAAOA/zTt/Zp6g5j8AAAAANN2LvPbgwZdkZMk/AAAAAAAA4D+vqOpU' +
  'ROfmPwAAAMADvI28e7N0VN1CyD8AAAAAAADgP5b/7zcILec/AAAAAO/UgDwxBpT57h3HPwAAAAAAAOA/YXIDX+dx5z8AAACAzs91' +
  'PH+yM9Kk9cU/AAAAAAAA4D+vr2oi37XnPwAAAKA39XC8V1aNSgrKxD8AAAAAAADgP3EXV+Ps+Oc/AAAAwNjIibykl4/vKpvDPwAA' +
  'AAAAAOA/bpf/Cw476D8AAADgIPR2vOMkbG4SacI/AAAAAAAA4D+/LroPQHzoPwAAAAC82oK8WHcklMwzwT8AAAAAAADgP0EXFWuA' +
  'vOg/AAAAIOHFgryitiqayva/PwAAAAAAAOA/DZTvo8z76D8AAACAqd9mvMqFAknRf70/AAAAAAAA4D/7Y5JJIjrpPwAAAKAZ1IM8' +
  'ls8yiMUCuz8AAAAAAADgP0LXx/R+d+k/AAAAoHlUgbyngQvnv3+4PwAAAAAAAOA/QYfzR+Cz6T8AAACA4g6DvFCf1y/Z9rU/AAAA' +
  'AAAA4D+UrynvQ+/pPwAAAKD8HXs89ZboZiposz8AAAAAAADgP4InRqCnKeo/AAAAALsocbzGWp/JzNOwPwAAAAAAAOA/4voCGwlj' +
  '6j8AAABAEZF+vIeM5pqzc6w/AAAAAAAA4D+joQ4pZpvqPwAAAOAw9jk8irTtPdY0pz8AAAAAAADgPxHVIZ680uo/AAAAAL5/hLwo' +
  'srRBNeuhPwAAAAAAAOA/AAIVWAoJ6z8AAAAg2iaJvNQxsasJLpk/AAAAAAAA4D8SV/U+TT7rPwAAAKC4to68Zvu/SObhjD8AAAAA' +
  'AADgPz5uGUWDcus/AAAAIJ/Gi7zZtj5Mh/xsPwAAAAAAAOA/0pA1Z6ql6z8AAAAgTuqHPIFR2QHJFn2/AAAAAAAA4D8qlW+swNfr' +
  'PwAAACCnJYi8p3II0Wo+kr8AAAAAAADgP0lVcibECOw/AAAAwH8VWzxOnJB/LEqdvwAAAAAAAOA/sb2A8bI47D8AAABgseB2vLXj' +
  'yCNFNKS/AAAAAAAA4D+bc4g0i2fsPwAAAMDKhm08D91xNovMqb8AAAAAAADgP/URNCFLlew/AAAAAHb7UrzLCPc/sW2vvwAAAAAA' +
  'AOA/XPz88/DB7D8AAAAgYVd+PP+Meti/i7K/AAAAAAAA4D9zxzz0eu3sPwAAAKBre1682gBLUt9ktb8AAAAAAADgP9w1PnTnF+0/' +
  'AAAAINoBUbzXSVzxGkK4vwAAAAAAAOA/OslN0TRB7T8AAACAUu+EvKOwDXFWI7u/AAAAAAAA4D+L5slzYWntPwAAAMBhjH68dVpF' +
  'ZXUIvr8AAAAAAADgP0aNMs9rkO0/AAAAAOZXdDycM3fEpA6/PwAAAAAAANA/m6A4YlK27T8AAADg5956vHsW6cMUIrw/AAAAAAAA' +
  '0D88wsy2E9vtPwAAAMA3PIg8GJ/8dPcxuT8AAAAAAADQPyu+LWKu/u0/AAAAgOoUhbx0f6zWaT62PwAAAAAAANA/5Yb2BCEh7j8A' +
  'AABgxxSAvKmd4wmJR7M/AAAAAAAA0D9+wStLakLuPwAAAIA4h4o8BZhdUHJNsD8AAAAAAADQPxLhSOyIYu4/AAAA4FZrYbyOCgwX' +
  'hqCqPwAAAAAAANA/DdFMq3uB7j8AAABg/gp9vC34rHYxoKQ/AAAAAAAA0D/aLcZWQZ/uPwAAAOCxYIc83bPN9EM0nT8AAAAAAADQ' +
  'P3QL38jYu+4/AAAAYIxsfDx2Zx8rJh2RPwAAAAAAANA/Y0lo50DX7j8AAACAx4J+PIBr/40D7nM/AAAAAAAA0D/Cc+SjePHuPwAA' +
  'AGAKMYY8qhzUm9DAfL8AAAAAAADQP9cwkvt+Cu8/AAAAwHosdTx159XVgGWTvwAAAAAAANA/2jp291Ii7z8AAAAAuAyCvOiEDazs' +
  'o5+/AAAAAAAA0D+J5WSs8zjvPwAAAKCve328vu4/aX/1pb8AAAAAAADQPy0vCztgTu8/AAAA4AHueLzVZ1kOHx2svwAAAAAAANA/' +
  'sFz3z5di7z8AAAAgF2J1PMX8Qnlnt60/AAAAAAAAwD93IKGjmXXvPwAAAMAxT4g8Gf8sElGIpz8AAAAAAADAP6lLcfpkh+8/AAAA' +
  'YFayejxn+aTE2lWhPwAAAAAAAMA/mwnJJPmX7z8AAADg4CqOvNEJc3SDQJY/AAAAAAAAwD8XpQh/VafvPwAAAMCooIe8a1ev7Qyf' +
  'gz8AAAAAAADAP0HXlXF5te8/AAAAYKy/cTw5ntEqNTZlvwAAAAAAAMA/05/hcGTC7z8AAABghuyBPFjpCcPRQ46/AAAAAAAAwD97' +
  'pm39Fc7vPwAAAIBv3XW8UC9ZD2Whm78AAAAAAADAPyYl0aON2O8/AAAAIPZ9iLxjkGoqQNuXPwAAAAAAALA/CVu9/Mrh7z8AAAAg' +
  '4yNqPK7PcJYEqYY/AAAAAAAAsD86iAGtzenvPwAAAMDsIWU8AuT7wDBSU78AAAAAAACwP61xjmWV8O8/AAAA4IwagDywn8g7aIKL' +
  'vwAAAAAAALA/fm154yH27z8AAAAgvFdsvGmuoqwrw3Y/AAAAAAAAoD9d9/7vcvrvPwAAAMDNtIi8CGZyIah6e78AAAAAAACgPw3N' +
  'hGCI/e8/AAAAQE01gbzu4YQMuHhrvwAAAAAAAJA/25KbFmL/7z8AAADAo92FPAAAAAAAAAAAAAAAAAAAAAAAAAAAAADwPwAAAAAA' +
  'AAAA7uGEDLh4az8AAAAAAACQv9uSmxZi/+8/AAAAwKPdhTwIZnIhqHp7PwAAAAAAAKC/Dc2EYIj97z8AAABATTWBvGmuoqwrw3a/' +
  'AAAAAAAAoL9d9/7vcvrvPwAAAMDNtIi8sJ/IO2iCiz8AAAAAAACwv35teeMh9u8/AAAAILxXbLwC5PvAMFJTPwAAAAAAALC/rXGO' +
  'ZZXw7z8AAADgjBqAPK7PcJYEqYa/AAAAAAAAsL86iAGtzenvPwAAAMDsIWU8Y5BqKkDbl78AAAAAAACwvwlbvfzK4e8/AAAAIOMj' +
  'ajxQL1kPZaGbPwAAAAAAAMC/JiXRo43Y7z8AAAAg9n2IvFjpCcPRQ44/AAAAAAAAwL97pm39Fc7vPwAAAIBv3XW8OZ7RKjU2ZT8A' +
  'AAAAAADAv9Of4XBkwu8/AAAAYIbsgTxrV6/tDJ+DvwAAAAAAAMC/QdeVcXm17z8AAABgrL9xPNEJc3SDQJa/AAAAAAAAwL8XpQh/' +
  'VafvPwAAAMCooIe8Z/mkxNpVob8AAAAAAADAv5sJyST5l+8/AAAA4OAqjrwZ/ywSUYinvwAAAAAAAMC/qUtx+mSH7z8AAABgVrJ6' +
  'PMX8Qnlnt62/AAAAAAAAwL93IKGjmXXvPwAAAMAxT4g81WdZDh8drD8AAAAAAADQv7Bc98+XYu8/AAAAIBdidTy+7j9pf/WlPwAA' +
  'AAAAANC/LS8LO2BO7z8AAADgAe54vOiEDazso58/AAAAAAAA0L+J5WSs8zjvPwAAAKCve328defV1YBlkz8AAAAAAADQv9o6dvdS' +
  'Iu8/AAAAALgMgryqHNSb0MB8PwAAAAAAANC/1zCS+34K7z8AAADAeix1PIBr/40D7nO/AAAAAAAA0L/Cc+SjePHuPwAAAGAKMYY8' +
  'dmcfKyYdkb8AAAAAAADQv2NJaOdA1+4/AAAAgMeCfjzds830QzSdvwAAAAAAANC/dAvfyNi77j8AAABgjGx8PC34rHYxoKS/AAAA' +
  'AAAA0L/aLcZWQZ/uPwAAAOCxYIc8jgoMF4agqr8AAAAAAADQvw3RTKt7ge4/AAAAYP4KfbwFmF1Qck2wvwAAAAAAANC/EuFI7Ihi' +
  '7j8AAADgVmthvKmd4wmJR7O/AAAAAAAA0L9+wStLakLuPwAAAIA4h4o8dH+s1mk+tr8AAAAAAADQv+WG9gQhIe4/AAAAYMcUgLwY' +
  'n/x09zG5vwAAAAAAANC/K74tYq7+7T8AAACA6hSFvHsW6cMUIry/AAAAAAAA0L88wsy2E9vtPwAAAMA3PIg8nDN3xKQOv78AAAAA' +
  'AADQv5ugOGJStu0/AAAA4Ofeerx1WkVldQi+PwAAAAAAAOC/Ro0yz2uQ7T8AAAAA5ld0PKOwDXFWI7s/AAAAAAAA4L+L5slzYWnt' +
  'PwAAAMBhjH6810lc8RpCuD8AAAAAAADgvzrJTdE0Qe0/AAAAgFLvhLzaAEtS32S1PwAAAAAAAOC/3DU+dOcX7T8AAAAg2gFRvP+M' +
  'eti/i7I/AAAAAAAA4L9zxzz0eu3sPwAAAKBre168ywj3P7Ftrz8AAAAAAADgv1z8/PPwwew/AAAAIGFXfjwP3XE2i8ypPwAAAAAA' +
  'AOC/9RE0IUuV7D8AAAAAdvtSvLXjyCNFNKQ/AAAAAAAA4L+bc4g0i2fsPwAAAMDKhm08TpyQfyxKnT8AAAAAAADgv7G9gPGyOOw/' +
  'AAAAYLHgdryncgjRaj6SPwAAAAAAAOC/SVVyJsQI7D8AAADAfxVbPIFR2QHJFn0/AAAAAAAA4L8qlW+swNfrPwAAACCnJYi82bY+' +
  'TIf8bL8AAAAAAADgv9KQNWeqpes/AAAAIE7qhzxm+79I5uGMvwAAAAAAAOC/Pm4ZRYNy6z8AAAAgn8aLvNQxsasJLpm/AAAAAAAA' +
  '4L8SV/U+TT7rPwAAAKC4to68KLK0QTXrob8AAAAAAADgvwACFVgKCes/AAAAINomibyKtO091jSnvwAAAAAAAOC/EdUhnrzS6j8A' +
  'AAAAvn+EvIeM5pqzc6y/AAAAAAAA4L+joQ4pZpvqPwAAAOAw9jk8xlqfyczTsL8AAAAAAADgv+L6AhsJY+o/AAAAQBGRfrz1luhm' +
  'KmizvwAAAAAAAOC/gidGoKcp6j8AAAAAuyhxvFCf1y/Z9rW/AAAAAAAA4L+UrynvQ+/pPwAAAKD8HXs8p4EL579/uL8AAAAAAADg' +
  'v0GH80fgs+k/AAAAgOIOg7yWzzKIxQK7vwAAAAAAAOC/QtfH9H536T8AAACgeVSBvMqFAknRf72/AAAAAAAA4L/7Y5JJIjrpPwAA' +
  'AKAZ1IM8orYqmsr2v78AAAAAAADgvw2U76PM++g/AAAAgKnfZrxYdySUzDPBvwAAAAAAAOC/QRcVa4C86D8AAAAg4cWCvOMkbG4S' +
  'acK/AAAAAAAA4L+/LroPQHzoPwAAAAC82oK8pJeP7yqbw78AAAAAAADgv26X/wsOO+g/AAAA4CD0drxXVo1KCsrEvwAAAAAAAOC/' +
  'cRdX4+z45z8AAADA2MiJvH+yM9Kk9cW/AAAAAAAA4L+vr2oi37XnPwAAAKA39XC8MQaU+e4dx78AAAAAAADgv2FyA1/ncec/AAAA' +
  'gM7PdTx7s3RU3ULIvwAAAAAAAOC/lv/vNwgt5z8AAAAA79SAPPbgwZdkZMm/AAAAAAAA4L+vqOpUROfmPwAAAMADvI28Mu/8mXmC' +
  'yr8AAAAAAADgv807f2aeoOY/AAAAADTdi7y6oqpTEZ3LvwAAAAAAAOC/PXjwJRlZ5j8AAADgZD2MPFn+v98gtMy/AAAAAAAA4L/f' +
  'LB1VtxDmPwAAAECzUXK8hckNfJ3Hzb8AAAAAAADgv4wBZb57x+U/AAAAgOppgDy7vqqJfNfOvwAAAAAAAOC/oOyMNGl95T8AAACA' +
  'IFeHvMJdXI2z48+/AAAAAAAA4L+WVaOSgjLlPwAAAIDrEnq8SaIB0McTzz8AAAAAAADwv+nl47vK5uQ/AAAA4JPCYzwFRRfB/w7O' +
  'PwAAAAAAAPC/OQmbm0Sa5D8AAABg4X6CvP2iq1P+Dc0/AAAAAAAA8L/WHQkl80zkPwAAACBqB2g8zK9BcM0QzD8AAAAAAADwv9RW' +
  'RVPZ/uM/AAAAYBZpgzwTcLbZdhfLPwAAAAAAAPC/uVAgKfqv4z8AAADgJT5+PPmi4CwEIso/AAAAAAAA8L/zWQaxWGDjPwAAAKCz' +
  '/IG8/eIx4H4wyT8AAAAAAADwvzVw4fz3D+M/AAAAIMb8bryvQVlD8ELIPwAAAAAAAPC/6vP6Jdu+4j8AAADAgUlRvPlh535hWcc/' +
  'AAAAAAAA8L/fEt1MBW3iPwAAACB02oW8eRT0k9tzxj8AAAAAAADwv1nrM5l5GuI/AAAAYLGng7x0ecVbZ5LFPwAAAAAAAPC/yGiu' +
  'OTvH4T8AAAAg3SWLPL2reIcNtcQ/AAAAAAAA8L9J295jTXPhPwAAAMDy7oe8Avirn9bbwz8AAAAAAADwvyNLG1SzHuE/AAAAYDvy' +
  'jry6oyoEywbDPwAAAAAAAPC/j4ldTXDJ4D8AAADA19OIvApHmuvyNcI/AAAAAAAA8L/u/yKZh3PgPwAAAEABWoq8t7wpY1ZpwT8A' +
  'AAAAAADwv7c+TIf8HOA/AAAA4DVKc7xaq0FO/aDAPwAAAAAAAPC/upr426SL3z8AAADAH+wyvLhVbczeub8/AAAAAAAA8L/WeO9S' +
  'GdzePwAAAMD30H28eRL6c2g6vj8AAAAAAADwvzv2BjhdK94/AAAAAIkNXjwnY7xbpsO8PwAAAAAAAPC/ieOGW3d53T8AAACA7FB1' +
  'PFhwX/amVbs/AAAAAAAA8L9exDGZbsbcPwAAAEAOhVY8Hh0YYHjwuT8AAAAAAADwv+ceAdhJEtw/AAAAoKoTeLxoxBleKJS4PwAA' +
  'AAAAAPC/wFzhCRBd2z8AAADAYrNlPCBRDl7EQLc/AAAAAAAA8L/KP20ryKbaPwAAAGAQX328M7aRdVn2tT8AAAAAAADwv4rtqEN5' +
  '79k/AAAAIIHaZjyqy7Bh9LS0PwAAAAAAAPC/15O8Yyo32T8AAACAMYRmPM+Va4ahfLM/AAAAAAAA8L9jqa6m4n3YPwAAAMDtLGe8' +
  'Kvs67mxNsj8AAAAAAADwv+fMHTGpw9c/AAAAAPKjGTwd7plJYiexPwAAAAAAAPC/n0X6MIUI1z8AAADgGUt0vKsOku6MCrA/AAAA' +
  'AAAA8L/GJz/dfUzWPwAAAEArDVE8tJGXsO/trT8AAAAAAADwv90fq3Waj9U/AAAAwMD9HrwZ6ENNW9mrPwAAAAAAAPC/aud4QuLR' +
  '1D8AAAAAckFiPOHucTtx16k/AAAAAAAA8L8BZheUXBPUPwAAAEB8yXA8NO8yS0Xopz8AAAAAAADwv1KB4cIQVNM/AAAAIADLc7xa' +
  'Ip2T6gumPwAAAAAAAPC/Bp/VLgaU0j8AAACgjdJ1vLxID3JzQqQ/AAAAAAAA8L8+20w/RNPRPwAAAADUIGe8zGl7ifGLoj8AAAAA' +
  'AADwv3f2sWLSEdE/AAAAAMIkeDzaw7jBdeigPwAAAAAAAPC/rv03DrhP0D8AAACgzRIEvBvluY0gsJ4/AAAAAAAA8L8bXyF7+RnP' +
  'PwAAAODuLWS8yaQ4EaG1mz8AAAAAAADwvxFDReVPk80/AAAAIJJbZzznTmNziuGYPwAAAAAAAPC/Y09+aoILzD8AAACAQ/EavGYa' +
  'mp74M5Y/AAAAAAAA8L9RBLAloILKPwAAAOAFeWi8+2kUAQatkz8AAAAAAADwvwumaTy4+Mg/AAAAoBltYrwU8duLy0yRPwAAAAAA' +
  'APC/Mb9Q3tltxz8AAADg7tVhPLMVrWPBJo4/AAAAAAAA8L/GP4tEFOLFPwAAAGD/MWU8Xpm9zbYBij8AAAAAAADwv1o+KbF2VcQ/' +
  'AAAAQKKFUrxYutY9oCqGPwAAAAAAAPC/OmGObhDIwj8AAACgADBRPLcvipqjoYI/AAAAAAAA8L939drO8DnBPwAAAEBDI2W8XBYw' +
  'j8fNfj8AAAAAAADwvw5zqVZOVr8/AAAAYAQnSjyWwixJAfV4PwAAAAAAAPC/1cKex4U3vD8AAADgnfMkvDFtbRcuuXM/AAAAAAAA' +
  '8L8stCm8phe5PwAAAMAYJz685vakQgM1bj8AAAAAAADwvxmkmgrQ9rU/AAAAwCJAT7zrxXf+UjJmPwAAAAAAAPC/9hnOkiDVsj8A' +
  'AACgiKBJvH+lHOM01V4/AAAAAAAA8L/gIPh5bmWvPwAAAODr4SK8OQQlDTm8Uz8AAAAAAADwvxTYDfFlH6k/AAAAAL0SKbyLjSIE' +
  'QDRGPwAAAAAAAPC/zVWUdWXYoj8AAABA9oYmPCeal9n7vDM/AAAAAAAA8L9+ZqP3VSGZPwAAAABjHfu7EZWkjSy9Ez8AAAAAAADw' +
  'v4TH3vzRIYk/AAAAoI6HKTwAAAAAAAAAAAAAAAAAAPC/AAAAAAAAAAAAAAAAAAAAABGVpI0svRM/AAAAAAAA8L+Ex9780SGJvwAA' +
  'AKCOhym8J5qX2fu8Mz8AAAAAAADwv35mo/dVIZm/AAAAAGMd+zuLjSIEQDRGPwAAAAAAAPC/zVWUdWXYor8AAABA9oYmvDkEJQ05' +
  'vFM/AAAAAAAA8L8U2A3xZR+pvwAAAAC9Eik8f6Uc4zTVXj8AAAAAAADwv+Ag+HluZa+/AAAA4OvhIjzrxXf+UjJmPwAAAAAAAPC/' +
  '9hnOkiDVsr8AAACgiKBJPOb2pEIDNW4/AAAAAAAA8L8ZpJoK0Pa1vwAAAMAiQE88MW1tFy65cz8AAAAAAADwvyy0KbymF7m/AAAA' +
  'wBgnPjyWwixJAfV4PwAAAAAAAPC/1cKex4U3vL8AAADgnfMkPFwWMI/HzX4/AAAAAAAA8L8Oc6lWTla/vwAAAGAEJ0q8ty+KmqOh' +
  'gj8AAAAAAADwv3f12s7wOcG/AAAAQEMjZTxYutY9oCqGPwAAAAAAAPC/OmGObhDIwr8AAACgADBRvF6Zvc22AYo/AAAAAAAA8L9a' +
  'PimxdlXEvwAAAECihVI8sxWtY8Emjj8AAAAAAADwv8Y/i0QU4sW/AAAAYP8xZbwU8duLy0yRPwAAAAAAAPC/Mb9Q3tltx78AAADg' +
  '7tVhvPtpFAEGrZM/AAAAAAAA8L8Lpmk8uPjIvwAAAKAZbWI8Zhqanvgzlj8AAAAAAADwv1EEsCWggsq/AAAA4AV5aDznTmNziuGY' +
  'PwAAAAAAAPC/Y09+aoILzL8AAACAQ/EaPMmkOBGhtZs/AAAAAAAA8L8RQ0XlT5PNvwAAACCSW2e8G+W5jSCwnj8AAAAAAADwvxtf' +
  'IXv5Gc+/AAAA4O4tZDzaw7jBdeigPwAAAAAAAPC/rv03DrhP0L8AAACgzRIEPMxpe4nxi6I/AAAAAAAA8L939rFi0hHRvwAAAADC' +
  'JHi8vEgPcnNCpD8AAAAAAADwvz7bTD9E09G/AAAAANQgZzxaIp2T6gumPwAAAAAAAPC/Bp/VLgaU0r8AAACgjdJ1PDTvMktF6Kc/' +
  'AAAAAAAA8L9SgeHCEFTTvwAAACAAy3M84e5xO3HXqT8AAAAAAADwvwFmF5RcE9S/AAAAQHzJcLwZ6ENNW9mrPwAAAAAAAPC/aud4' +
  'QuLR1L8AAAAAckFivLSRl7Dv7a0/AAAAAAAA8L/dH6t1mo/VvwAAAMDA/R48qw6S7owKsD8AAAAAAADwv8YnP919TNa/AAAAQCsN' +
  'Ubwd7plJYiexPwAAAAAAAPC/n0X6MIUI178AAADgGUt0PCr7Ou5sTbI/AAAAAAAA8L/nzB0xqcPXvwAAAADyoxm8z5VrhqF8sz8A' +
  'AAAAAADwv2Oprqbifdi/AAAAwO0sZzyqy7Bh9LS0PwAAAAAAAPC/15O8Yyo32b8AAACAMYRmvDO2kXVZ9rU/AAAAAAAA8L+K7ahD' +
  'ee/ZvwAAACCB2ma8IFEOXsRAtz8AAAAAAADwv8o/bSvIptq/AAAAYBBffTxoxBleKJS4PwAAAAAAAPC/wFzhCRBd278AAADAYrNl' +
  'vB4dGGB48Lk/AAAAAAAA8L/nHgHYSRLcvwAAAKCqE3g8WHBf9qZVuz8AAAAAAADwv17EMZluxty/AAAAQA6FVrwnY7xbpsO8PwAA' +
  'AAAAAPC/ieOGW3d53b8AAACA7FB1vHkS+nNoOr4/AAAAAAAA8L879gY4XSvevwAAAACJDV68uFVtzN65vz8AAAAAAADwv9Z471IZ' +
  '3N6/AAAAwPfQfTxaq0FO/aDAPwAAAAAAAPC/upr426SL378AAADAH+wyPLe8KWNWacE/AAAAAAAA8L+3PkyH/BzgvwAAAOA1SnM8' +
  'Ckea6/I1wj8AAAAAAADwv+7/IpmHc+C/AAAAQAFaijy6oyoEywbDPwAAAAAAAPC/j4ldTXDJ4L8AAADA19OIPAL4q5/W28M/AAAA' +
  'AAAA8L8jSxtUsx7hvwAAAGA78o48vat4hw21xD8AAAAAAADwv0nb3mNNc+G/AAAAwPLuhzx0ecVbZ5LFPwAAAAAAAPC/yGiuOTvH' +
  '4b8AAAAg3SWLvHkU9JPbc8Y/AAAAAAAA8L9Z6zOZeRrivwAAAGCxp4M8+WHnfmFZxz8AAAAAAADwv98S3UwFbeK/AAAAIHTahTyv' +
  'QVlD8ELIPwAAAAAAAPC/6vP6Jdu+4r8AAADAgUlRPP3iMeB+MMk/AAAAAAAA8L81cOH89w/jvwAAACDG/G48+aLgLAQiyj8AAAAA' +
  'AADwv/NZBrFYYOO/AAAAoLP8gTwTcLbZdhfLPwAAAAAAAPC/uVAgKfqv478AAADgJT5+vMyvQXDNEMw/AAAAAAAA8L/UVkVT2f7j' +
  'vwAAAGAWaYO8/aKrU/4NzT8AAAAAAADwv9YdCSXzTOS/AAAAIGoHaLwFRRfB/w7OPwAAAAAAAPC/OQmbm0Sa5L8AAABg4X6CPEmi' +
  'AdDHE88/AAAAAAAA8L/p5eO7yubkvwAAAOCTwmO8wl1cjbPjz78AAAAAAADgv5ZVo5KCMuW/AAAAgOsSejy7vqqJfNfOvwAAAAAA' +
  'AOC/oOyMNGl95b8AAACAIFeHPIXJDXydx82/AAAAAAAA4L+MAWW+e8flvwAAAIDqaYC8Wf6/3yC0zL8AAAAAAADgv98sHVW3EOa/' +
  'AAAAQLNRcjy6oqpTEZ3LvwAAAAAAAOC/PXjwJRlZ5r8AAADgZD2MvDLv/Jl5gsq/AAAAAAAA4L/NO39mnqDmvwAAAAA03Ys89uDB' +
  'l2Rkyb8AAAAAAADgv6+o6lRE5+a/AAAAwAO8jTx7s3RU3ULIvwAAAAAAAOC/lv/vNwgt578AAAAA79SAvDEGlPnuHce/AAAAAAAA' +
  '4L9hcgNf53HnvwAAAIDOz3W8f7Iz0qT1xb8AAAAAAADgv6+vaiLftee/AAAAoDf1cDxXVo1KCsrEvwAAAAAAAOC/cRdX4+z4578A' +
  'AADA2MiJPKSXj+8qm8O/AAAAAAAA4L9ul/8LDjvovwAAAOAg9HY84yRsbhJpwr8AAAAAAADgv78uug9AfOi/AAAAALzagjxYdySU' +
  'zDPBvwAAAAAAAOC/QRcVa4C86L8AAAAg4cWCPKK2KprK9r+/AAAAAAAA4L8NlO+jzPvovwAAAICp32Y8yoUCSdF/vb8AAAAAAADg' +
  'v/tjkkkiOum/AAAAoBnUg7yWzzKIxQK7vwAAAAAAAOC/QtfH9H536b8AAACgeVSBPKeBC+e/f7i/AAAAAAAA4L9Bh/NH4LPpvwAA' +
  'AIDiDoM8UJ/XL9n2tb8AAAAAAADgv5SvKe9D7+m/AAAAoPwde7z1luhmKmizvwAAAAAAAOC/gidGoKcp6r8AAAAAuyhxPMZan8nM' +
  '07C/AAAAAAAA4L/i+gIbCWPqvwAAAEARkX48h4zmmrNzrL8AAAAAAADgv6OhDilmm+q/AAAA4DD2ObyKtO091jSnvwAAAAAAAOC/' +
  'EdUhnrzS6r8AAAAAvn+EPCiytEE166G/AAAAAAAA4L8AAhVYCgnrvwAAACDaJok81DGxqwkumb8AAAAAAADgvxJX9T5NPuu/AAAA' +
  'oLi2jjxm+79I5uGMvwAAAAAAAOC/Pm4ZRYNy678AAAAgn8aLPNm2PkyH/Gy/AAAAAAAA4L/SkDVnqqXrvwAAACBO6oe8gVHZAckW' +
  'fT8AAAAAAADgvyqVb6zA1+u/AAAAIKcliDyncgjRaj6SPwAAAAAAAOC/SVVyJsQI7L8AAADAfxVbvE6ckH8sSp0/AAAAAAAA4L+x' +
  'vYDxsjjsvwAAAGCx4HY8tePII0U0pD8AAAAAAADgv5tziDSLZ+y/AAAAwMqGbbwP3XE2i8ypPwAAAAAAAOC/9RE0IUuV7L8AAAAA' +
  'dvtSPMsI9z+xba8/AAAAAAAA4L9c/Pzz8MHsvwAAACBhV368/4x62L+Lsj8AAAAAAADgv3PHPPR67ey/AAAAoGt7XjzaAEtS32S1' +
  'PwAAAAAAAOC/3DU+dOcX7b8AAAAg2gFRPNdJXPEaQrg/AAAAAAAA4L86yU3RNEHtvwAAAIBS74Q8o7ANcVYjuz8AAAAAAADgv4vm' +
  'yXNhae2/AAAAwGGMfjx1WkVldQi+PwAAAAAAAOC/Ro0yz2uQ7b8AAAAA5ld0vJwzd8SkDr+/AAAAAAAA0L+boDhiUrbtvwAAAODn' +
  '3no8exbpwxQivL8AAAAAAADQvzzCzLYT2+2/AAAAwDc8iLwYn/x09zG5vwAAAAAAANC/K74tYq7+7b8AAACA6hSFPHR/rNZpPra/' +
  'AAAAAAAA0L/lhvYEISHuvwAAAGDHFIA8qZ3jCYlHs78AAAAAAADQv37BK0tqQu6/AAAAgDiHirwFmF1Qck2wvwAAAAAAANC/EuFI' +
  '7Ihi7r8AAADgVmthPI4KDBeGoKq/AAAAAAAA0L8N0Uyre4HuvwAAAGD+Cn08LfisdjGgpL8AAAAAAADQv9otxlZBn+6/AAAA4LFg' +
  'h7zds830QzSdvwAAAAAAANC/dAvfyNi77r8AAABgjGx8vHZnHysmHZG/AAAAAAAA0L9jSWjnQNfuvwAAAIDHgn68gGv/jQPuc78A' +
  'AAAAAADQv8Jz5KN48e6/AAAAYAoxhryqHNSb0MB8PwAAAAAAANC/1zCS+34K778AAADAeix1vHXn1dWAZZM/AAAAAAAA0L/aOnb3' +
  'UiLvvwAAAAC4DII86IQNrOyjnz8AAAAAAADQv4nlZKzzOO+/AAAAoK97fTy+7j9pf/WlPwAAAAAAANC/LS8LO2BO778AAADgAe54' +
  'PNVnWQ4fHaw/AAAAAAAA0L+wXPfPl2LvvwAAACAXYnW8xfxCeWe3rb8AAAAAAADAv3cgoaOZde+/AAAAwDFPiLwZ/ywSUYinvwAA' +
  'AAAAAMC/qUtx+mSH778AAABgVrJ6vGf5pMTaVaG/AAAAAAAAwL+bCckk+ZfvvwAAAODgKo480QlzdINAlr8AAAAAAADAvxelCH9V' +
  'p++/AAAAwKighzxrV6/tDJ+DvwAAAAAAAMC/QdeVcXm1778AAABgrL9xvDme0So1NmU/AAAAAAAAwL/Tn+FwZMLvvwAAAGCG7IG8' +
  'WOkJw9FDjj8AAAAAAADAv3umbf0Vzu+/AAAAgG/ddTxQL1kPZaGbPwAAAAAAAMC/JiXRo43Y778AAAAg9n2IPGOQaipA25e/AAAA' +
  'AAAAsL8JW738yuHvvwAAACDjI2q8rs9wlgSphr8AAAAAAACwvzqIAa3N6e+/AAAAwOwhZbwC5PvAMFJTPwAAAAAAALC/rXGOZZXw' +
  '778AAADgjBqAvLCfyDtogos/AAAAAAAAsL9+bXnjIfbvvwAAACC8V2w8aa6irCvDdr8AAAAAAACgv133/u9y+u+/AAAAwM20iDwI' +
  'ZnIhqHp7PwAAAAAAAKC/Dc2EYIj9778AAABATTWBPO7hhAy4eGs/AAAAAAAAkL/bkpsWYv/vvwAAAMCj3YW8AAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAPC/AAAAAAAAAADu4YQMuHhrvwAAAAAAAJA/25KbFmL/778AAADAo92FvAhmciGoenu/AAAAAAAAoD8NzYRgiP3v' +
  'vwAAAEBNNYE8aa6irCvDdj8AAAAAAACgP133/u9y+u+/AAAAwM20iDywn8g7aIKLvwAAAAAAALA/fm154yH2778AAAAgvFdsPALk' +
  '+8AwUlO/AAAAAAAAsD+tcY5llfDvvwAAAOCMGoC8rs9wlgSphj8AAAAAAACwPzqIAa3N6e+/AAAAwOwhZbxjkGoqQNuXPwAAAAAA' +
  'ALA/CVu9/Mrh778AAAAg4yNqvFAvWQ9loZu/AAAAAAAAwD8mJdGjjdjvvwAAACD2fYg8WOkJw9FDjr8AAAAAAADAP3umbf0Vzu+/' +
  'AAAAgG/ddTw5ntEqNTZlvwAAAAAAAMA/05/hcGTC778AAABghuyBvGtXr+0Mn4M/AAAAAAAAwD9B15VxebXvvwAAAGCsv3G80Qlz' +
  'dINAlj8AAAAAAADAPxelCH9Vp++/AAAAwKighzxn+aTE2lWhPwAAAAAAAMA/mwnJJPmX778AAADg4CqOPBn/LBJRiKc/AAAAAAAA' +
  'wD+pS3H6ZIfvvwAAAGBWsnq8xfxCeWe3rT8AAAAAAADAP3cgoaOZde+/AAAAwDFPiLzVZ1kOHx2svwAAAAAAANA/sFz3z5di778A' +
  'AAAgF2J1vL7uP2l/9aW/AAAAAAAA0D8tLws7YE7vvwAAAOAB7ng86IQNrOyjn78AAAAAAADQP4nlZKzzOO+/AAAAoK97fTx159XV' +
  'gGWTvwAAAAAAANA/2jp291Ii778AAAAAuAyCPKoc1JvQwHy/AAAAAAAA0D/XMJL7fgrvvwAAAMB6LHW8gGv/jQPucz8AAAAAAADQ' +
  'P8Jz5KN48e6/AAAAYAoxhrx2Zx8rJh2RPwAAAAAAANA/Y0lo50DX7r8AAACAx4J+vN2zzfRDNJ0/AAAAAAAA0D90C9/I2LvuvwAA' +
  'AGCMbHy8LfisdjGgpD8AAAAAAADQP9otxlZBn+6/AAAA4LFgh7yOCgwXhqCqPwAAAAAAANA/DdFMq3uB7r8AAABg/gp9PAWYXVBy' +
  'TbA/AAAAAAAA0D8S4UjsiGLuvwAAAOBWa2E8qZ3jCYlHsz8AAAAAAADQP37BK0tqQu6/AAAAgDiHirx0f6zWaT62PwAAAAAAANA/' +
  '5Yb2BCEh7r8AAABgxxSAPBif/HT3Mbk/AAAAAAAA0D8rvi1irv7tvwAAAIDqFIU8exbpwxQivD8AAAAAAADQPzzCzLYT2+2/AAAA' +
  'wDc8iLycM3fEpA6/PwAAAAAAANA/m6A4YlK27b8AAADg5956PHVaRWV1CL6/AAAAAAAA4D9GjTLPa5DtvwAAAADmV3S8o7ANcVYj' +
  'u78AAAAAAADgP4vmyXNhae2/AAAAwGGMfjzXSVzxGkK4vwAAAAAAAOA/OslN0TRB7b8AAACAUu+EPNoAS1LfZLW/AAAAAAAA4D/c' +
  'NT505xftvwAAACDaAVE8/4x62L+Lsr8AAAAAAADgP3PHPPR67ey/AAAAoGt7XjzLCPc/sW2vvwAAAAAAAOA/XPz88/DB7L8AAAAg' +
  'YVd+vA/dcTaLzKm/AAAAAAAA4D/1ETQhS5XsvwAAAAB2+1I8tePII0U0pL8AAAAAAADgP5tziDSLZ+y/AAAAwMqGbbxOnJB/LEqd' +
  'vwAAAAAAAOA/sb2A8bI47L8AAABgseB2PKdyCNFqPpK/AAAAAAAA4D9JVXImxAjsvwAAAMB/FVu8gVHZAckWfb8AAAAAAADgPyqV' +
  'b6zA1+u/AAAAIKcliDzZtj5Mh/xsPwAAAAAAAOA/0pA1Z6ql678AAAAgTuqHvGb7v0jm4Yw/AAAAAAAA4D8+bhlFg3LrvwAAACCf' +
  'xos81DGxqwkumT8AAAAAAADgPxJX9T5NPuu/AAAAoLi2jjwosrRBNeuhPwAAAAAAAOA/AAIVWAoJ678AAAAg2iaJPIq07T3WNKc/' +
  'AAAAAAAA4D8R1SGevNLqvwAAAAC+f4Q8h4zmmrNzrD8AAAAAAADgP6OhDilmm+q/AAAA4DD2ObzGWp/JzNOwPwAAAAAAAOA/4voC' +
  'Gwlj6r8AAABAEZF+PPWW6GYqaLM/AAAAAAAA4D+CJ0agpynqvwAAAAC7KHE8UJ/XL9n2tT8AAAAAAADgP5SvKe9D7+m/AAAAoPwd' +
  'e7yngQvnv3+4PwAAAAAAAOA/QYfzR+Cz6b8AAACA4g6DPJbPMojFArs/AAAAAAAA4D9C18f0fnfpvwAAAKB5VIE8yoUCSdF/vT8A' +
  'AAAAAADgP/tjkkkiOum/AAAAoBnUg7yitiqayva/PwAAAAAAAOA/DZTvo8z76L8AAACAqd9mPFh3JJTMM8E/AAAAAAAA4D9BFxVr' +
  'gLzovwAAACDhxYI84yRsbhJpwj8AAAAAAADgP78uug9AfOi/AAAAALzagjykl4/vKpvDPwAAAAAAAOA/bpf/Cw476L8AAADgIPR2' +
  'PFdWjUoKysQ/AAAAAAAA4D9xF1fj7PjnvwAAAMDYyIk8f7Iz0qT1xT8AAAAAAADgP6+vaiLftee/AAAAoDf1cDwxBpT57h3HPwAA' +
  'AAAAAOA/YXIDX+dx578AAACAzs91vHuzdFTdQsg/AAAAAAAA4D+W/+83CC3nvwAAAADv1IC89uDBl2RkyT8AAAAAAADgP6+o6lRE' +
  '5+a/AAAAwAO8jTwy7/yZeYLKPwAAAAAAAOA/zTt/Zp6g5r8AAAAANN2LPLqiqlMRncs/AAAAAAAA4D89ePAlGVnmvwAAAOBkPYy8' +
  'Wf6/3yC0zD8AAAAAAADgP98sHVW3EOa/AAAAQLNRcjyFyQ18ncfNPwAAAAAAAOA/jAFlvnvH5b8AAACA6mmAvLu+qol8184/AAAA' +
  'AAAA4D+g7Iw0aX3lvwAAAIAgV4c8wl1cjbPjzz8AAAAAAADgP5ZVo5KCMuW/AAAAgOsSejxJogHQxxPPvwAAAAAAAPA/6eXju8rm' +
  '5L8AAADgk8JjvAVFF8H/Ds6/AAAAAAAA8D85CZubRJrkvwAAAGDhfoI8/aKrU/4Nzb8AAAAAAADwP9YdCSXzTOS/AAAAIGoHaLzM' +
  'r0FwzRDMvwAAAAAAAPA/1FZFU9n+478AAABgFmmDvBNwttl2F8u/AAAAAAAA8D+5UCAp+q/jvwAAAOAlPn68+aLgLAQiyr8AAAAA' +
  'AADwP/NZBrFYYOO/AAAAoLP8gTz94jHgfjDJvwAAAAAAAPA/NXDh/PcP478AAAAgxvxuPK9BWUPwQsi/AAAAAAAA8D/q8/ol277i' +
  'vwAAAMCBSVE8+WHnfmFZx78AAAAAAADwP98S3UwFbeK/AAAAIHTahTx5FPST23PGvwAAAAAAAPA/WeszmXka4r8AAABgsaeDPHR5' +
  'xVtnksW/AAAAAAAA8D/IaK45O8fhvwAAACDdJYu8vat4hw21xL8AAAAAAADwP0nb3mNNc+G/AAAAwPLuhzwC+Kuf1tvDvwAAAAAA' +
  'APA/I0sbVLMe4b8AAABgO/KOPLqjKgTLBsO/AAAAAAAA8D+PiV1NcMngvwAAAMDX04g8Ckea6/I1wr8AAAAAAADwP+7/IpmHc+C/' +
  'AAAAQAFaijy3vCljVmnBvwAAAAAAAPA/tz5Mh/wc4L8AAADgNUpzPFqrQU79oMC/AAAAAAAA8D+6mvjbpIvfvwAAAMAf7DI8uFVt' +
  'zN65v78AAAAAAADwP9Z471IZ3N6/AAAAwPfQfTx5EvpzaDq+vwAAAAAAAPA/O/YGOF0r3r8AAAAAiQ1evCdjvFumw7y/AAAAAAAA' +
  '8D+J44Zbd3ndvwAAAIDsUHW8WHBf9qZVu78AAAAAAADwP17EMZluxty/AAAAQA6FVrweHRhgePC5vwAAAAAAAPA/5x4B2EkS3L8A' +
  'AACgqhN4PGjEGV4olLi/AAAAAAAA8D/AXOEJEF3bvwAAAMBis2W8IFEOXsRAt78AAAAAAADwP8o/bSvIptq/AAAAYBBffTwztpF1' +
  'Wfa1vwAAAAAAAPA/iu2oQ3nv2b8AAAAggdpmvKrLsGH0tLS/AAAAAAAA8D/Xk7xjKjfZvwAAAIAxhGa8z5VrhqF8s78AAAAAAADw' +
  'P2Oprqbifdi/AAAAwO0sZzwq+zrubE2yvwAAAAAAAPA/58wdManD178AAAAA8qMZvB3umUliJ7G/AAAAAAAA8D+fRfowhQjXvwAA' +
  'AOAZS3Q8qw6S7owKsL8AAAAAAADwP8YnP919TNa/AAAAQCsNUby0kZew7+2tvwAAAAAAAPA/3R+rdZqP1b8AAADAwP0ePBnoQ01b' +
  '2au/AAAAAAAA8D9q53hC4tHUvwAAAAByQWK84e5xO3HXqb8AAAAAAADwPwFmF5RcE9S/AAAAQHzJcLw07zJLReinvwAAAAAAAPA/' +
  'UoHhwhBU078AAAAgAMtzPFoinZPqC6a/AAAAAAAA8D8Gn9UuBpTSvwAAAKCN0nU8vEgPcnNCpL8AAAAAAADwPz7bTD9E09G/AAAA' +
  'ANQgZzzMaXuJ8YuivwAAAAAAAPA/d/axYtIR0b8AAAAAwiR4vNrDuMF16KC/AAAAAAAA8D+u/TcOuE/QvwAAAKDNEgQ8G+W5jSCw' +
  'nr8AAAAAAADwPxtfIXv5Gc+/AAAA4O4tZDzJpDgRobWbvwAAAAAAAPA/EUNF5U+Tzb8AAAAgkltnvOdOY3OK4Zi/AAAAAAAA8D9j' +
  'T35qggvMvwAAAIBD8Ro8Zhqanvgzlr8AAAAAAADwP1EEsCWggsq/AAAA4AV5aDz7aRQBBq2TvwAAAAAAAPA/C6ZpPLj4yL8AAACg' +
  'GW1iPBTx24vLTJG/AAAAAAAA8D8xv1De2W3HvwAAAODu1WG8sxWtY8Emjr8AAAAAAADwP8Y/i0QU4sW/AAAAYP8xZbxemb3NtgGK' +
  'vwAAAAAAAPA/Wj4psXZVxL8AAABAooVSPFi61j2gKoa/AAAAAAAA8D86YY5uEMjCvwAAAKAAMFG8ty+KmqOhgr8AAAAAAADwP3f1' +
  '2s7wOcG/AAAAQEMjZTxcFjCPx81+vwAAAAAAAPA/DnOpVk5Wv78AAABgBCdKvJbCLEkB9Xi/AAAAAAAA8D/Vwp7HhTe8vwAAAOCd' +
  '8yQ8MW1tFy65c78AAAAAAADwPyy0KbymF7m/AAAAwBgnPjzm9qRCAzVuvwAAAAAAAPA/GaSaCtD2tb8AAADAIkBPPOvFd/5SMma/' +
  'AAAAAAAA8D/2Gc6SINWyvwAAAKCIoEk8f6Uc4zTVXr8AAAAAAADwP+Ag+HluZa+/AAAA4OvhIjw5BCUNObxTvwAAAAAAAPA/FNgN' +
  '8WUfqb8AAAAAvRIpPIuNIgRANEa/AAAAAAAA8D/NVZR1ZdiivwAAAED2hia8J5qX2fu8M78AAAAAAADwP35mo/dVIZm/AAAAAGMd' +
  '+zsRlaSNLL0TvwAAAAAAAPA/hMfe/NEhib8AAACgjocpvA==';
const COS_HA_B64 =
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAADu4YQMuHhrPwAAAAAAAJC/25KbFmL/7z8AAADAo92FPAhmciGoens/AAAA' +
  'AAAAoL8NzYRgiP3vPwAAAEBNNYG8aa6irCvDdr8AAAAAAACgv133/u9y+u8/AAAAwM20iLywn8g7aIKLPwAAAAAAALC/fm154yH2' +
  '7z8AAAAgvFdsvALk+8AwUlM/AAAAAAAAsL+tcY5llfDvPwAAAOCMGoA8rs9wlgSphr8AAAAAAACwvzqIAa3N6e8/AAAAwOwhZTxj' +
  'kGoqQNuXvwAAAAAAALC/CVu9/Mrh7z8AAAAg4yNqPFAvWQ9loZs/AAAAAAAAwL8mJdGjjdjvPwAAACD2fYi8WOkJw9FDjj8AAAAA' +
  'AADAv3umbf0Vzu8/AAAAgG/ddbw5ntEqNTZlPwAAAAAAAMC/05/hcGTC7z8AAABghuyBPGtXr+0Mn4O/AAAAAAAAwL9B15VxebXv' +
  'PwAAAGCsv3E80QlzdINAlr8AAAAAAADAvxelCH9Vp+8/AAAAwKigh7xn+aTE2lWhvwAAAAAAAMC/mwnJJPmX7z8AAADg4CqOvBn/' +
  'LBJRiKe/AAAAAAAAwL+pS3H6ZIfvPwAAAGBWsno8xfxCeWe3rb8AAAAAAADAv3cgoaOZde8/AAAAwDFPiDzVZ1kOHx2sPwAAAAAA' +
  'ANC/sFz3z5di7z8AAAAgF2J1PL7uP2l/9aU/AAAAAAAA0L8tLws7YE7vPwAAAOAB7ni86IQNrOyjnz8AAAAAAADQv4nlZKzzOO8/' +
  'AAAAoK97fbx159XVgGWTPwAAAAAAANC/2jp291Ii7z8AAAAAuAyCvKoc1JvQwHw/AAAAAAAA0L/XMJL7fgrvPwAAAMB6LHU8gGv/' +
  'jQPuc78AAAAAAADQv8Jz5KN48e4/AAAAYAoxhjx2Zx8rJh2RvwAAAAAAANC/Y0lo50DX7j8AAACAx4J+PN2zzfRDNJ2/AAAAAAAA' +
  '0L90C9/I2LvuPwAAAGCMbHw8LfisdjGgpL8AAAAAAADQv9otxlZBn+4/AAAA4LFghzyOCgwXhqCqvwAAAAAAANC/DdFMq3uB7j8A' +
  'AABg/gp9vAWYXVByTbC/AAAAAAAA0L8S4UjsiGLuPwAAAOBWa2G8qZ3jCYlHs78AAAAAAADQv37BK0tqQu4/AAAAgDiHijx0f6zW' +
  'aT62vwAAAAAAANC/5Yb2BCEh7j8AAABgxxSAvBif/HT3Mbm/AAAAAAAA0L8rvi1irv7tPwAAAIDqFIW8exbpwxQivL8AAAAAAADQ' +
  'vzzCzLYT2+0/AAAAwDc8iDycM3fEpA6/vwAAAAAAANC/m6A4YlK27T8AAADg5956vHVaRWV1CL4/AAAAAAAA4L9GjTLPa5DtPwAA' +
  'AADmV3Q8o7ANcVYjuz8AAAAAAADgv4vmyXNhae0/AAAAwGGMfrzXSVzxGkK4PwAAAAAAAOC/OslN0TRB7T8AAACAUu+EvNoAS1Lf' +
  'ZLU/AAAAAAAA4L/cNT505xftPwAAACDaAVG8/4x62L+Lsj8AAAAAAADgv3PHPPR67ew/AAAAoGt7XrzLCPc/sW2vPwAAAAAAAOC/' +
  'XPz88/DB7D8AAAAgYVd+PA/dcTaLzKk/AAAAAAAA4L/1ETQhS5XsPwAAAAB2+1K8tePII0U0pD8AAAAAAADgv5tziDSLZ+w/AAAA' +
  'wMqGbTxOnJB/LEqdPwAAAAAAAOC/sb2A8bI47D8AAABgseB2vKdyCNFqPpI/AAAAAAAA4L9JVXImxAjsPwAAAMB/FVs8gVHZAckW' +
  'fT8AAAAAAADgvyqVb6zA1+s/AAAAIKcliLzZtj5Mh/xsvwAAAAAAAOC/0pA1Z6ql6z8AAAAgTuqHPGb7v0jm4Yy/AAAAAAAA4L8+' +
  'bhlFg3LrPwAAACCfxou81DGxqwkumb8AAAAAAADgvxJX9T5NPus/AAAAoLi2jrwosrRBNeuhvwAAAAAAAOC/AAIVWAoJ6z8AAAAg' +
  '2iaJvIq07T3WNKe/AAAAAAAA4L8R1SGevNLqPwAAAAC+f4S8h4zmmrNzrL8AAAAAAADgv6OhDilmm+o/AAAA4DD2OTzGWp/JzNOw' +
  'vwAAAAAAAOC/4voCGwlj6j8AAABAEZF+vPWW6GYqaLO/AAAAAAAA4L+CJ0agpynqPwAAAAC7KHG8UJ/XL9n2tb8AAAAAAADgv5Sv' +
  'Ke9D7+k/AAAAoPwdezyngQvnv3+4vwAAAAAAAOC/QYfzR+Cz6T8AAACA4g6DvJbPMojFAru/AAAAAAAA4L9C18f0fnfpPwAAAKB5' +
  'VIG8yoUCSdF/vb8AAAAAAADgv/tjkkkiOuk/AAAAoBnUgzyitiqayva/vwAAAAAAAOC/DZTvo8z76D8AAACAqd9mvFh3JJTMM8G/' +
  'AAAAAAAA4L9BFxVrgLzoPwAAACDhxYK84yRsbhJpwr8AAAAAAADgv78uug9AfOg/AAAAALzagrykl4/vKpvDvwAAAAAAAOC/bpf/' +
  'Cw476D8AAADgIPR2vFdWjUoKysS/AAAAAAAA4L9xF1fj7PjnPwAAAMDYyIm8f7Iz0qT1xb8AAAAAAADgv6+vaiLftec/AAAAoDf1' +
  'cLwxBpT57h3HvwAAAAAAAOC/YXIDX+dx5z8AAACAzs91PHuzdFTdQsi/AAAAAAAA4L+W/+83CC3nPwAAAADv1IA89uDBl2Rkyb8A' +
  'AAAAAADgv6+o6lRE5+Y/AAAAwAO8jbwy7/yZeYLKvwAAAAAAAOC/zTt/Zp6g5j8AAAAANN2LvLqiqlMRncu/AAAAAAAA4L89ePAl' +
  'GVnmPwAAAOBkPYw8Wf6/3yC0zL8AAAAAAADgv98sHVW3EOY/AAAAQLNRcryFyQ18ncfNvwAAAAAAAOC/jAFlvnvH5T8AAACA6mmA' +
  'PLu+qol8186/AAAAAAAA4L+g7Iw0aX3lPwAAAIAgV4e8wl1cjbPjz78AAAAAAADgv5ZVo5KCMuU/AAAAgOsSerxJogHQxxPPPwAA' +
  'AAAAAPC/6eXju8rm5D8AAADgk8JjPAVFF8H/Ds4/AAAAAAAA8L85CZubRJrkPwAAAGDhfoK8/aKrU/4NzT8AAAAAAADwv9YdCSXz' +
  'TOQ/AAAAIGoHaDzMr0FwzRDMPwAAAAAAAPC/1FZFU9n+4z8AAABgFmmDPBNwttl2F8s/AAAAAAAA8L+5UCAp+q/jPwAAAOAlPn48' +
  '+aLgLAQiyj8AAAAAAADwv/NZBrFYYOM/AAAAoLP8gbz94jHgfjDJPwAAAAAAAPC/NXDh/PcP4z8AAAAgxvxuvK9BWUPwQsg/AAAA' +
  'AAAA8L/q8/ol277iPwAAAMCBSVG8+WHnfmFZxz8AAAAAAADwv98S3UwFbeI/AAAAIHTahbx5FPST23PGPwAAAAAAAPC/WeszmXka' +
  '4j8AAABgsaeDvHR5xVtnksU/AAAAAAAA8L/IaK45O8fhPwAAACDdJYs8vat4hw21xD8AAAAAAADwv0nb3mNNc+E/AAAAwPLuh7wC' +
  '+Kuf1tvDPwAAAAAAAPC/I0sbVLMe4T8AAABgO/KOvLqjKgTLBsM/AAAAAAAA8L+PiV1NcMngPwAAAMDX04i8Ckea6/I1wj8AAAAA' +
  'AADwv+7/IpmHc+A/AAAAQAFairy3vCljVmnBPwAAAAAAAPC/tz5Mh/wc4D8AAADgNUpzvFqrQU79oMA/AAAAAAAA8L+6mvjbpIvf' +
  'PwAAAMAf7DK8uFVtzN65vz8AAAAAAADwv9Z471IZ3N4/AAAAwPfQfbx5EvpzaDq+PwAAAAAAAPC/O/YGOF0r3j8AAAAAiQ1ePCdj' +
  'vFumw7w/AAAAAAAA8L+J44Zbd3ndPwAAAIDsUHU8WHBf9qZVuz8AAAAAAADwv17EMZluxtw/AAAAQA6FVjweHRhgePC5PwAAAAAA' +
  'APC/5x4B2EkS3D8AAACgqhN4vGjEGV4olLg/AAAAAAAA8L/AXOEJEF3bPwAAAMBis2U8IFEOXsRAtz8AAAAAAADwv8o/bSvIpto/' +
  'AAAAYBBffbwztpF1Wfa1PwAAAAAAAPC/iu2oQ3nv2T8AAAAggdpmPKrLsGH0tLQ/AAAAAAAA8L/Xk7xjKjfZPwAAAIAxhGY8z5Vr' +
  'hqF8sz8AAAAAAADwv2Oprqbifdg/AAAAwO0sZ7wq+zrubE2yPwAAAAAAAPC/58wdManD1z8AAAAA8qMZPB3umUliJ7E/AAAAAAAA' +
  '8L+fRfowhQjXPwAAAOAZS3S8qw6S7owKsD8AAAAAAADwv8YnP919TNY/AAAAQCsNUTy0kZew7+2tPwAAAAAAAPC/3R+rdZqP1T8A' +
  'AADAwP0evBnoQ01b2as/AAAAAAAA8L9q53hC4tHUPwAAAAByQWI84e5xO3HXqT8AAAAAAADwvwFmF5RcE9Q/AAAAQHzJcDw07zJL' +
  'ReinPwAAAAAAAPC/UoHhwhBU0z8AAAAgAMtzvFoinZPqC6Y/AAAAAAAA8L8Gn9UuBpTSPwAAAKCN0nW8vEgPcnNCpD8AAAAAAADw' +
  'vz7bTD9E09E/AAAAANQgZ7zMaXuJ8YuiPwAAAAAAAPC/d/axYtIR0T8AAAAAwiR4PNrDuMF16KA/AAAAAAAA8L+u/TcOuE/QPwAA' +
  'AKDNEgS8G+W5jSCwnj8AAAAAAADwvxtfIXv5Gc8/AAAA4O4tZLzJpDgRobWbPwAAAAAAAPC/EUNF5U+TzT8AAAAgkltnPOdOY3OK' +
  '4Zg/AAAAAAAA8L9jT35qggvMPwAAAIBD8Rq8Zhqanvgzlj8AAAAAAADwv1EEsCWggso/AAAA4AV5aLz7aRQBBq2TPwAAAAAAAPC/' +
  'C6ZpPLj4yD8AAACgGW1ivBTx24vLTJE/AAAAAAAA8L8xv1De2W3HPwAAAODu1WE8sxWtY8Emjj8AAAAAAADwv8Y/i0QU4sU/AAAA' +
  'YP8xZTxemb3NtgGKPwAAAAAAAPC/Wj4psXZVxD8AAABAooVSvFi61j2gKoY/AAAAAAAA8L86YY5uEMjCPwAAAKAAMFE8ty+KmqOh' +
  'gj8AAAAAAADwv3f12s7wOcE/AAAAQEMjZbxcFjCPx81+PwAAAAAAAPC/DnOpVk5Wvz8AAABgBCdKPJbCLEkB9Xg/AAAAAAAA8L/V' +
  'wp7HhTe8PwAAAOCd8yS8MW1tFy65cz8AAAAAAADwvyy0KbymF7k/AAAAwBgnPrzm9qRCAzVuPwAAAAAAAPC/GaSaCtD2tT8AAADA' +
  'IkBPvOvFd/5SMmY/AAAAAAAA8L/2Gc6SINWyPwAAAKCIoEm8f6Uc4zTVXj8AAAAAAADwv+Ag+HluZa8/AAAA4OvhIrw5BCUNObxT' +
  'PwAAAAAAAPC/FNgN8WUfqT8AAAAAvRIpvIuNIgRANEY/AAAAAAAA8L/NVZR1ZdiiPwAAAED2hiY8J5qX2fu8Mz8AAAAAAADwv35m' +
  'o/dVIZk/AAAAAGMd+7sRlaSNLL0TPwAAAAAAAPC/hMfe/NEhiT8AAACgjocpPAAAAAAAAAAAAAAAAAAA8L8AAAAAAAAAAAAAAAAA' +
  'AAAAEZWkjSy9Ez8AAAAAAADwv4TH3vzRIYm/AAAAoI6HKbwnmpfZ+7wzPwAAAAAAAPC/fmaj91Uhmb8AAAAAYx37O4uNIgRANEY/' +
  'AAAAAAAA8L/NVZR1ZdiivwAAAED2hia8OQQlDTm8Uz8AAAAAAADwvxTYDfFlH6m/AAAAAL0SKTx/pRzjNNVePwAAAAAAAPC/4CD4' +
  'eW5lr78AAADg6+EiPOvFd/5SMmY/AAAAAAAA8L/2Gc6SINWyvwAAAKCIoEk85vakQgM1bj8AAAAAAADwvxmkmgrQ9rW/AAAAwCJA' +
  'TzwxbW0XLrlzPwAAAAAAAPC/LLQpvKYXub8AAADAGCc+PJbCLEkB9Xg/AAAAAAAA8L/Vwp7HhTe8vwAAAOCd8yQ8XBYwj8fNfj8A' +
  'AAAAAADwvw5zqVZOVr+/AAAAYAQnSry3L4qao6GCPwAAAAAAAPC/d/XazvA5wb8AAABAQyNlPFi61j2gKoY/AAAAAAAA8L86YY5u' +
  'EMjCvwAAAKAAMFG8Xpm9zbYBij8AAAAAAADwv1o+KbF2VcS/AAAAQKKFUjyzFa1jwSaOPwAAAAAAAPC/xj+LRBTixb8AAABg/zFl' +
  'vBTx24vLTJE/AAAAAAAA8L8xv1De2W3HvwAAAODu1WG8+2kUAQatkz8AAAAAAADwvwumaTy4+Mi/AAAAoBltYjxmGpqe+DOWPwAA' +
  'AAAAAPC/UQSwJaCCyr8AAADgBXloPOdOY3OK4Zg/AAAAAAAA8L9jT35qggvMvwAAAIBD8Ro8yaQ4EaG1mz8AAAAAAADwvxFDReVP' +
  'k82/AAAAIJJbZ7wb5bmNILCePwAAAAAAAPC/G18he/kZz78AAADg7i1kPNrDuMF16KA/AAAAAAAA8L+u/TcOuE/QvwAAAKDNEgQ8' +
  'zGl7ifGLoj8AAAAAAADwv3f2sWLSEdG/AAAAAMIkeLy8SA9yc0KkPwAAAAAAAPC/PttMP0TT0b8AAAAA1CBnPFoinZPqC6Y/AAAA' +
  'AAAA8L8Gn9UuBpTSvwAAAKCN0nU8NO8yS0Xopz8AAAAAAADwv1KB4cIQVNO/AAAAIADLczzh7nE7cdepPwAAAAAAAPC/AWYXlFwT' +
  '1L8AAABAfMlwvBnoQ01b2as/AAAAAAAA8L9q53hC4tHUvwAAAAByQWK8tJGXsO/trT8AAAAAAADwv90fq3Waj9W/AAAAwMD9Hjyr' +
  'DpLujAqwPwAAAAAAAPC/xic/3X1M1r8AAABAKw1RvB3umUliJ7E/AAAAAAAA8L+fRfowhQjXvwAAAOAZS3Q8Kvs67mxNsj8AAAAA' +
  'AADwv+fMHTGpw9e/AAAAAPKjGbzPlWuGoXyzPwAAAAAAAPC/Y6mupuJ92L8AAADA7SxnPKrLsGH0tLQ/AAAAAAAA8L/Xk7xjKjfZ' +
  'vwAAAIAxhGa8M7aRdVn2tT8AAAAAAADwv4rtqEN579m/AAAAIIHaZrwgUQ5exEC3PwAAAAAAAPC/yj9tK8im2r8AAABgEF99PGjE' +
  'GV4olLg/AAAAAAAA8L/AXOEJEF3bvwAAAMBis2W8Hh0YYHjwuT8AAAAAAADwv+ceAdhJEty/AAAAoKoTeDxYcF/2plW7PwAAAAAA' +
  'APC/XsQxmW7G3L8AAABADoVWvCdjvFumw7w/AAAAAAAA8L+J44Zbd3ndvwAAAIDsUHW8eRL6c2g6vj8AAAAAAADwvzv2BjhdK96/' +
  'AAAAAIkNXry4VW3M3rm/PwAAAAAAAPC/1njvUhnc3r8AAADA99B9PFqrQU79oMA/AAAAAAAA8L+6mvjbpIvfvwAAAMAf7DI8t7wp' +
  'Y1ZpwT8AAAAAAADwv7c+TIf8HOC/AAAA4DVKczwKR5rr8jXCPwAAAAAAAPC/7v8imYdz4L8AAABAAVqKPLqjKgTLBsM/AAAAAAAA' +
  '8L+PiV1NcMngvwAAAMDX04g8Avirn9bbwz8AAAAAAADwvyNLG1SzHuG/AAAAYDvyjjy9q3iHDbXEPwAAAAAAAPC/SdveY01z4b8A' +
  'AADA8u6HPHR5xVtnksU/AAAAAAAA8L/IaK45O8fhvwAAACDdJYu8eRT0k9tzxj8AAAAAAADwv1nrM5l5GuK/AAAAYLGngzz5Yed+' +
  'YVnHPwAAAAAAAPC/3xLdTAVt4r8AAAAgdNqFPK9BWUPwQsg/AAAAAAAA8L/q8/ol277ivwAAAMCBSVE8/eIx4H4wyT8AAAAAAADw' +
  'vzVw4fz3D+O/AAAAIMb8bjz5ouAsBCLKPwAAAAAAAPC/81kGsVhg478AAACgs/yBPBNwttl2F8s/AAAAAAAA8L+5UCAp+q/jvwAA' +
  'AOAlPn68zK9BcM0QzD8AAAAAAADwv9RWRVPZ/uO/AAAAYBZpg7z9oqtT/g3NPwAAAAAAAPC/1h0JJfNM5L8AAAAgagdovAVFF8H/' +
  'Ds4/AAAAAAAA8L85CZubRJrkvwAAAGDhfoI8SaIB0McTzz8AAAAAAADwv+nl47vK5uS/AAAA4JPCY7zCXVyNs+PPvwAAAAAAAOC/' +
  'llWjkoIy5b8AAACA6xJ6PLu+qol8186/AAAAAAAA4L+g7Iw0aX3lvwAAAIAgV4c8hckNfJ3Hzb8AAAAAAADgv4wBZb57x+W/AAAA' +
  'gOppgLxZ/r/fILTMvwAAAAAAAOC/3ywdVbcQ5r8AAABAs1FyPLqiqlMRncu/AAAAAAAA4L89ePAlGVnmvwAAAOBkPYy8Mu/8mXmC' +
  'yr8AAAAAAADgv807f2aeoOa/AAAAADTdizz24MGXZGTJvwAAAAAAAOC/r6jqVETn5r8AAADAA7yNPHuzdFTdQsi/AAAAAAAA4L+W' +
  '/+83CC3nvwAAAADv1IC8MQaU+e4dx78AAAAAAADgv2FyA1/ncee/AAAAgM7Pdbx/sjPSpPXFvwAAAAAAAOC/r69qIt+1578AAACg' +
  'N/VwPFdWjUoKysS/AAAAAAAA4L9xF1fj7PjnvwAAAMDYyIk8pJeP7yqbw78AAAAAAADgv26X/wsOO+i/AAAA4CD0djzjJGxuEmnC' +
  'vwAAAAAAAOC/vy66D0B86L8AAAAAvNqCPFh3JJTMM8G/AAAAAAAA4L9BFxVrgLzovwAAACDhxYI8orYqmsr2v78AAAAAAADgvw2U' +
  '76PM++i/AAAAgKnfZjzKhQJJ0X+9vwAAAAAAAOC/+2OSSSI66b8AAACgGdSDvJbPMojFAru/AAAAAAAA4L9C18f0fnfpvwAAAKB5' +
  'VIE8p4EL579/uL8AAAAAAADgv0GH80fgs+m/AAAAgOIOgzxQn9cv2fa1vwAAAAAAAOC/lK8p70Pv6b8AAACg/B17vPWW6GYqaLO/' +
  'AAAAAAAA4L+CJ0agpynqvwAAAAC7KHE8xlqfyczTsL8AAAAAAADgv+L6AhsJY+q/AAAAQBGRfjyHjOaas3OsvwAAAAAAAOC/o6EO' +
  'KWab6r8AAADgMPY5vIq07T3WNKe/AAAAAAAA4L8R1SGevNLqvwAAAAC+f4Q8KLK0QTXrob8AAAAAAADgvwACFVgKCeu/AAAAINom' +
  'iTzUMbGrCS6ZvwAAAAAAAOC/Elf1Pk0+678AAACguLaOPGb7v0jm4Yy/AAAAAAAA4L8+bhlFg3LrvwAAACCfxos82bY+TIf8bL8A' +
  'AAAAAADgv9KQNWeqpeu/AAAAIE7qh7yBUdkByRZ9PwAAAAAAAOC/KpVvrMDX678AAAAgpyWIPKdyCNFqPpI/AAAAAAAA4L9JVXIm' +
  'xAjsvwAAAMB/FVu8TpyQfyxKnT8AAAAAAADgv7G9gPGyOOy/AAAAYLHgdjy148gjRTSkPwAAAAAAAOC/m3OINItn7L8AAADAyoZt' +
  'vA/dcTaLzKk/AAAAAAAA4L/1ETQhS5XsvwAAAAB2+1I8ywj3P7Ftrz8AAAAAAADgv1z8/PPwwey/AAAAIGFXfrz/jHrYv4uyPwAA' +
  'AAAAAOC/c8c89Hrt7L8AAACga3tePNoAS1LfZLU/AAAAAAAA4L/cNT505xftvwAAACDaAVE810lc8RpCuD8AAAAAAADgvzrJTdE0' +
  'Qe2/AAAAgFLvhDyjsA1xViO7PwAAAAAAAOC/i+bJc2Fp7b8AAADAYYx+PHVaRWV1CL4/AAAAAAAA4L9GjTLPa5DtvwAAAADmV3S8' +
  'nDN3xKQOv78AAAAAAADQv5ugOGJStu2/AAAA4Ofeejx7FunDFCK8vwAAAAAAANC/PMLMthPb7b8AAADANzyIvBif/HT3Mbm/AAAA' +
  'AAAA0L8rvi1irv7tvwAAAIDqFIU8dH+s1mk+tr8AAAAAAADQv+WG9gQhIe6/AAAAYMcUgDypneMJiUezvwAAAAAAANC/fsErS2pC' +
  '7r8AAACAOIeKvAWYXVByTbC/AAAAAAAA0L8S4UjsiGLuvwAAAOBWa2E8jgoMF4agqr8AAAAAAADQvw3RTKt7ge6/AAAAYP4KfTwt' +
  '+Kx2MaCkvwAAAAAAANC/2i3GVkGf7r8AAADgsWCHvN2zzfRDNJ2/AAAAAAAA0L90C9/I2LvuvwAAAGCMbHy8dmcfKyYdkb8AAAAA' +
  'AADQv2NJaOdA1+6/AAAAgMeCfryAa/+NA+5zvwAAAAAAANC/wnPko3jx7r8AAABgCjGGvKoc1JvQwHw/AAAAAAAA0L/XMJL7fgrv' +
  'vwAAAMB6LHW8defV1YBlkz8AAAAAAADQv9o6dvdSIu+/AAAAALgMgjzohA2s7KOfPwAAAAAAANC/ieVkrPM4778AAACgr3t9PL7u' +
  'P2l/9aU/AAAAAAAA0L8tLws7YE7vvwAAAOAB7ng81WdZDh8drD8AAAAAAADQv7Bc98+XYu+/AAAAIBdidbzF/EJ5Z7etvwAAAAAA' +
  'AMC/dyCho5l1778AAADAMU+IvBn/LBJRiKe/AAAAAAAAwL+pS3H6ZIfvvwAAAGBWsnq8Z/mkxNpVob8AAAAAAADAv5sJyST5l++/' +
  'AAAA4OAqjjzRCXN0g0CWvwAAAAAAAMC/F6UIf1Wn778AAADAqKCHPGtXr+0Mn4O/AAAAAAAAwL9B15VxebXvvwAAAGCsv3G8OZ7R' +
  'KjU2ZT8AAAAAAADAv9Of4XBkwu+/AAAAYIbsgbxY6QnD0UOOPwAAAAAAAMC/e6Zt/RXO778AAACAb911PFAvWQ9loZs/AAAAAAAA' +
  'wL8mJdGjjdjvvwAAACD2fYg8Y5BqKkDbl78AAAAAAACwvwlbvfzK4e+/AAAAIOMjaryuz3CWBKmGvwAAAAAAALC/OogBrc3p778A' +
  'AADA7CFlvALk+8AwUlM/AAAAAAAAsL+tcY5llfDvvwAAAOCMGoC8sJ/IO2iCiz8AAAAAAACwv35teeMh9u+/AAAAILxXbDxprqKs' +
  'K8N2vwAAAAAAAKC/Xff+73L6778AAADAzbSIPAhmciGoens/AAAAAAAAoL8NzYRgiP3vvwAAAEBNNYE87uGEDLh4az8AAAAAAACQ' +
  'v9uSmxZi/++/AAAAwKPdhbwAAAAAAAAAAAAAAAAAAAAAAAAAAAAA8L8AAAAAAAAAAO7hhAy4eGu/AAAAAAAAkD/bkpsWYv/vvwAA' +
  'AMCj3YW8CGZyIah6e78AAAAAAACgPw3NhGCI/e+/AAAAQE01gTxprqKsK8N2PwAAAAAAAKA/Xff+73L6778AAADAzbSIPLCfyDto' +
  'gou/AAAAAAAAsD9+bXnjIfbvvwAAACC8V2w8AuT7wDBSU78AAAAAAACwP61xjmWV8O+/AAAA4IwagLyuz3CWBKmGPwAAAAAAALA/' +
  'OogBrc3p778AAADA7CFlvGOQaipA25c/AAAAAAAAsD8JW738yuHvvwAAACDjI2q8UC9ZD2Whm78AAAAAAADAPyYl0aON2O+/AAAA' +
  'IPZ9iDxY6QnD0UOOvwAAAAAAAMA/e6Zt/RXO778AAACAb911PDme0So1NmW/AAAAAAAAwD/Tn+FwZMLvvwAAAGCG7IG8a1ev7Qyf' +
  'gz8AAAAAAADAP0HXlXF5te+/AAAAYKy/cbzRCXN0g0CWPwAAAAAAAMA/F6UIf1Wn778AAADAqKCHPGf5pMTaVaE/AAAAAAAAwD+b' +
  'Cckk+ZfvvwAAAODgKo48Gf8sElGIpz8AAAAAAADAP6lLcfpkh++/AAAAYFayerzF/EJ5Z7etPwAAAAAAAMA/dyCho5l1778AAADA' +
  'MU+IvNVnWQ4fHay/AAAAAAAA0D+wXPfPl2LvvwAAACAXYnW8vu4/aX/1pb8AAAAAAADQPy0vCztgTu+/AAAA4AHueDzohA2s7KOf' +
  'vwAAAAAAANA/ieVkrPM4778AAACgr3t9PHXn1dWAZZO/AAAAAAAA0D/aOnb3UiLvvwAAAAC4DII8qhzUm9DAfL8AAAAAAADQP9cw' +
  'kvt+Cu+/AAAAwHosdbyAa/+NA+5zPwAAAAAAANA/wnPko3jx7r8AAABgCjGGvHZnHysmHZE/AAAAAAAA0D9jSWjnQNfuvwAAAIDH' +
  'gn683bPN9EM0nT8AAAAAAADQP3QL38jYu+6/AAAAYIxsfLwt+Kx2MaCkPwAAAAAAANA/2i3GVkGf7r8AAADgsWCHvI4KDBeGoKo/' +
  'AAAAAAAA0D8N0Uyre4HuvwAAAGD+Cn08BZhdUHJNsD8AAAAAAADQPxLhSOyIYu6/AAAA4FZrYTypneMJiUezPwAAAAAAANA/fsEr' +
  'S2pC7r8AAACAOIeKvHR/rNZpPrY/AAAAAAAA0D/lhvYEISHuvwAAAGDHFIA8GJ/8dPcxuT8AAAAAAADQPyu+LWKu/u2/AAAAgOoU' +
  'hTx7FunDFCK8PwAAAAAAANA/PMLMthPb7b8AAADANzyIvJwzd8SkDr8/AAAAAAAA0D+boDhiUrbtvwAAAODn3no8dVpFZXUIvr8A' +
  'AAAAAADgP0aNMs9rkO2/AAAAAOZXdLyjsA1xViO7vwAAAAAAAOA/i+bJc2Fp7b8AAADAYYx+PNdJXPEaQri/AAAAAAAA4D86yU3R' +
  'NEHtvwAAAIBS74Q82gBLUt9ktb8AAAAAAADgP9w1PnTnF+2/AAAAINoBUTz/jHrYv4uyvwAAAAAAAOA/c8c89Hrt7L8AAACga3te' +
  'PMsI9z+xba+/AAAAAAAA4D9c/Pzz8MHsvwAAACBhV368D91xNovMqb8AAAAAAADgP/URNCFLley/AAAAAHb7Ujy148gjRTSkvwAA' +
  'AAAAAOA/m3OINItn7L8AAADAyoZtvE6ckH8sSp2/AAAAAAAA4D+xvYDxsjjsvwAAAGCx4HY8p3II0Wo+kr8AAAAAAADgP0lVcibE' +
  'COy/AAAAwH8VW7yBUdkByRZ9vwAAAAAAAOA/KpVvrMDX678AAAAgpyWIPNm2PkyH/Gw/AAAAAAAA4D/SkDVnqqXrvwAAACBO6oe8' +
  'Zvu/SObhjD8AAAAAAADgPz5uGUWDcuu/AAAAIJ/GizzUMbGrCS6ZPwAAAAAAAOA/Elf1Pk0+678AAACguLaOPCiytEE166E/AAAA' +
  'AAAA4D8AAhVYCgnrvwAAACDaJok8irTtPdY0pz8AAAAAAADgPxHVIZ680uq/AAAAAL5/hDyHjOaas3OsPwAAAAAAAOA/o6EOKWab' +
  '6r8AAADgMPY5vMZan8nM07A/AAAAAAAA4D/i+gIbCWPqvwAAAEARkX489ZboZiposz8AAAAAAADgP4InRqCnKeq/AAAAALsocTxQ' +
  'n9cv2fa1PwAAAAAAAOA/lK8p70Pv6b8AAACg/B17vKeBC+e/f7g/AAAAAAAA4D9Bh/NH4LPpvwAAAIDiDoM8ls8yiMUCuz8AAAAA' +
  'AADgP0LXx/R+d+m/AAAAoHlUgTzKhQJJ0X+9PwAAAAAAAOA/+2OSSSI66b8AAACgGdSDvKK2KprK9r8/AAAAAAAA4D8NlO+jzPvo' +
  'vwAAAICp32Y8WHcklMwzwT8AAAAAAADgP0EXFWuAvOi/AAAAIOHFgjzjJGxuEmnCPwAAAAAAAOA/vy66D0B86L8AAAAAvNqCPKSX' +
  'j+8qm8M/AAAAAAAA4D9ul/8LDjvovwAAAOAg9HY8V1aNSgrKxD8AAAAAAADgP3EXV+Ps+Oe/AAAAwNjIiTx/sjPSpPXFPwAAAAAA' +
  'AOA/r69qIt+1578AAACgN/VwPDEGlPnuHcc/AAAAAAAA4D9hcgNf53HnvwAAAIDOz3W8e7N0VN1CyD8AAAAAAADgP5b/7zcILee/' +
  'AAAAAO/UgLz24MGXZGTJPwAAAAAAAOA/r6jqVETn5r8AAADAA7yNPDLv/Jl5gso/AAAAAAAA4D/NO39mnqDmvwAAAAA03Ys8uqKq' +
  'UxGdyz8AAAAAAADgPz148CUZWea/AAAA4GQ9jLxZ/r/fILTMPwAAAAAAAOA/3ywdVbcQ5r8AAABAs1FyPIXJDXydx80/AAAAAAAA' +
  '4D+MAWW+e8flvwAAAIDqaYC8u76qiXzXzj8AAAAAAADgP6DsjDRpfeW/AAAAgCBXhzzCXVyNs+PPPwAAAAAAAOA/llWjkoIy5b8A' +
  'AACA6xJ6PEmiAdDHE8+/AAAAAAAA8D/p5eO7yubkvwAAAOCTwmO8BUUXwf8Ozr8AAAAAAADwPzkJm5tEmuS/AAAAYOF+gjz9oqtT' +
  '/g3NvwAAAAAAAPA/1h0JJfNM5L8AAAAgagdovMyvQXDNEMy/AAAAAAAA8D/UVkVT2f7jvwAAAGAWaYO8E3C22XYXy78AAAAAAADw' +
  'P7lQICn6r+O/AAAA4CU+frz5ouAsBCLKvwAAAAAAAPA/81kGsVhg478AAACgs/yBPP3iMeB+MMm/AAAAAAAA8D81cOH89w/jvwAA' +
  'ACDG/G48r0FZQ/BCyL8AAAAAAADwP+rz+iXbvuK/AAAAwIFJUTz5Yed+YVnHvwAAAAAAAPA/3xLdTAVt4r8AAAAgdNqFPHkU9JPb' +
  'c8a/AAAAAAAA8D9Z6zOZeRrivwAAAGCxp4M8dHnFW2eSxb8AAAAAAADwP8horjk7x+G/AAAAIN0li7y9q3iHDbXEvwAAAAAAAPA/' +
  'SdveY01z4b8AAADA8u6HPAL4q5/W28O/AAAAAAAA8D8jSxtUsx7hvwAAAGA78o48uqMqBMsGw78AAAAAAADwP4+JXU1wyeC/AAAA' +
  'wNfTiDwKR5rr8jXCvwAAAAAAAPA/7v8imYdz4L8AAABAAVqKPLe8KWNWacG/AAAAAAAA8D+3PkyH/BzgvwAAAOA1SnM8WqtBTv2g' +
  'wL8AAAAAAADwP7qa+Nuki9+/AAAAwB/sMjy4VW3M3rm/vwAAAAAAAPA/1njvUhnc3r8AAADA99B9PHkS+nNoOr6/AAAAAAAA8D87' +
  '9gY4XSvevwAAAACJDV68J2O8W6bDvL8AAAAAAADwP4njhlt3ed2/AAAAgOxQdbxYcF/2plW7vwAAAAAAAPA/XsQxmW7G3L8AAABA' +
  'DoVWvB4dGGB48Lm/AAAAAAAA8D/nHgHYSRLcvwAAAKCqE3g8aMQZXiiUuL8AAAAAAADwP8Bc4QkQXdu/AAAAwGKzZbwgUQ5exEC3' +
  'vwAAAAAAAPA/yj9tK8im2r8AAABgEF99PDO2kXVZ9rW/AAAAAAAA8D+K7ahDee/ZvwAAACCB2ma8qsuwYfS0tL8AAAAAAADwP9eT' +
  'vGMqN9m/AAAAgDGEZrzPlWuGoXyzvwAAAAAAAPA/Y6mupuJ92L8AAADA7SxnPCr7Ou5sTbK/AAAAAAAA8D/nzB0xqcPXvwAAAADy' +
  'oxm8He6ZSWInsb8AAAAAAADwP59F+jCFCNe/AAAA4BlLdDyrDpLujAqwvwAAAAAAAPA/xic/3X1M1r8AAABAKw1RvLSRl7Dv7a2/' +
  'AAAAAAAA8D/dH6t1mo/VvwAAAMDA/R48GehDTVvZq78AAAAAAADwP2rneELi0dS/AAAAAHJBYrzh7nE7cdepvwAAAAAAAPA/AWYX' +
  'lFwT1L8AAABAfMlwvDTvMktF6Ke/AAAAAAAA8D9SgeHCEFTTvwAAACAAy3M8WiKdk+oLpr8AAAAAAADwPwaf1S4GlNK/AAAAoI3S' +
  'dTy8SA9yc0KkvwAAAAAAAPA/PttMP0TT0b8AAAAA1CBnPMxpe4nxi6K/AAAAAAAA8D939rFi0hHRvwAAAADCJHi82sO4wXXooL8A' +
  'AAAAAADwP679Nw64T9C/AAAAoM0SBDwb5bmNILCevwAAAAAAAPA/G18he/kZz78AAADg7i1kPMmkOBGhtZu/AAAAAAAA8D8RQ0Xl' +
  'T5PNvwAAACCSW2e8505jc4rhmL8AAAAAAADwP2NPfmqCC8y/AAAAgEPxGjxmGpqe+DOWvwAAAAAAAPA/UQSwJaCCyr8AAADgBXlo' +
  'PPtpFAEGrZO/AAAAAAAA8D8Lpmk8uPjIvwAAAKAZbWI8FPHbi8tMkb8AAAAAAADwPzG/UN7Zbce/AAAA4O7VYbyzFa1jwSaOvwAA' +
  'AAAAAPA/xj+LRBTixb8AAABg/zFlvF6Zvc22AYq/AAAAAAAA8D9aPimxdlXEvwAAAECihVI8WLrWPaAqhr8AAAAAAADwPzphjm4Q' +
  'yMK/AAAAoAAwUby3L4qao6GCvwAAAAAAAPA/d/XazvA5wb8AAABAQyNlPFwWMI/HzX6/AAAAAAAA8D8Oc6lWTla/vwAAAGAEJ0q8' +
  'lsIsSQH1eL8AAAAAAADwP9XCnseFN7y/AAAA4J3zJDwxbW0XLrlzvwAAAAAAAPA/LLQpvKYXub8AAADAGCc+POb2pEIDNW6/AAAA' +
  'AAAA8D8ZpJoK0Pa1vwAAAMAiQE8868V3/lIyZr8AAAAAAADwP/YZzpIg1bK/AAAAoIigSTx/pRzjNNVevwAAAAAAAPA/4CD4eW5l' +
  'r78AAADg6+EiPDkEJQ05vFO/AAAAAAAA8D8U2A3xZR+pvwAAAAC9Eik8i40iBEA0Rr8AAAAAAADwP81VlHVl2KK/AAAAQPaGJrwn' +
  'mpfZ+7wzvwAAAAAAAPA/fmaj91Uhmb8AAAAAYx37OxGVpI0svRO/AAAAAAAA8D+Ex9780SGJvwAAAKCOhym8AAAAAAAAAAAAAAAA' +
  'AADwPwAAAAAAAAAAAAAAAAAAAAARlaSNLL0TvwAAAAAAAPA/hMfe/NEhiT8AAACgjocpPCeal9n7vDO/AAAAAAAA8D9+ZqP3VSGZ' +
  'PwAAAABjHfu7i40iBEA0Rr8AAAAAAADwP81VlHVl2KI/AAAAQPaGJjw5BCUNObxTvwAAAAAAAPA/FNgN8WUfqT8AAAAAvRIpvH+l' +
  'HOM01V6/AAAAAAAA8D/gIPh5bmWvPwAAAODr4SK868V3/lIyZr8AAAAAAADwP/YZzpIg1bI/AAAAoIigSbzm9qRCAzVuvwAAAAAA' +
  'APA/GaSaCtD2tT8AAADAIkBPvDFtbRcuuXO/AAAAAAAA8D8stCm8phe5PwAAAMAYJz68lsIsSQH1eL8AAAAAAADwP9XCnseFN7w/' +
  'AAAA4J3zJLxcFjCPx81+vwAAAAAAAPA/DnOpVk5Wvz8AAABgBCdKPLcvipqjoYK/AAAAAAAA8D939drO8DnBPwAAAEBDI2W8WLrW' +
  'PaAqhr8AAAAAAADwPzphjm4QyMI/AAAAoAAwUTxemb3NtgGKvwAAAAAAAPA/Wj4psXZVxD8AAABAooVSvLMVrWPBJo6/AAAAAAAA' +
  '8D/GP4tEFOLFPwAAAGD/MWU8FPHbi8tMkb8AAAAAAADwPzG/UN7Zbcc/AAAA4O7VYTz7aRQBBq2TvwAAAAAAAPA/C6ZpPLj4yD8A' +
  'AACgGW1ivGYamp74M5a/AAAAAAAA8D9RBLAloILKPwAAAOAFeWi8505jc4rhmL8AAAAAAADwP2NPfmqCC8w/AAAAgEPxGrzJpDgR' +
  'obWbvwAAAAAAAPA/EUNF5U+TzT8AAAAgkltnPBvluY0gsJ6/AAAAAAAA8D8bXyF7+RnPPwAAAODuLWS82sO4wXXooL8AAAAAAADw' +
  'P679Nw64T9A/AAAAoM0SBLzMaXuJ8YuivwAAAAAAAPA/d/axYtIR0T8AAAAAwiR4PLxID3JzQqS/AAAAAAAA8D8+20w/RNPRPwAA' +
  'AADUIGe8WiKdk+oLpr8AAAAAAADwPwaf1S4GlNI/AAAAoI3Sdbw07zJLReinvwAAAAAAAPA/UoHhwhBU0z8AAAAgAMtzvOHucTtx' +
  '16m/AAAAAAAA8D8BZheUXBPUPwAAAEB8yXA8GehDTVvZq78AAAAAAADwP2rneELi0dQ/AAAAAHJBYjy0kZew7+2tvwAAAAAAAPA/' +
  '3R+rdZqP1T8AAADAwP0evKsOku6MCrC/AAAAAAAA8D/GJz/dfUzWPwAAAEArDVE8He6ZSWInsb8AAAAAAADwP59F+jCFCNc/AAAA' +
  '4BlLdLwq+zrubE2yvwAAAAAAAPA/58wdManD1z8AAAAA8qMZPM+Va4ahfLO/AAAAAAAA8D9jqa6m4n3YPwAAAMDtLGe8qsuwYfS0' +
  'tL8AAAAAAADwP9eTvGMqN9k/AAAAgDGEZjwztpF1Wfa1vwAAAAAAAPA/iu2oQ3nv2T8AAAAggdpmPCBRDl7EQLe/AAAAAAAA8D/K' +
  'P20ryKbaPwAAAGAQX328aMQZXiiUuL8AAAAAAADwP8Bc4QkQXds/AAAAwGKzZTweHRhgePC5vwAAAAAAAPA/5x4B2EkS3D8AAACg' +
  'qhN4vFhwX/amVbu/AAAAAAAA8D9exDGZbsbcPwAAAEAOhVY8J2O8W6bDvL8AAAAAAADwP4njhlt3ed0/AAAAgOxQdTx5EvpzaDq+' +
  'vwAAAAAAAPA/O/YGOF0r3j8AAAAAiQ1ePLhVbczeub+/AAAAAAAA8D/WeO9SGdzePwAAAMD30H28WqtBTv2gwL8AAAAAAADwP7qa' +
  '+Nuki98/AAAAwB/sMry3vCljVmnBvwAAAAAAAPA/tz5Mh/wc4D8AAADgNUpzvApHmuvyNcK/AAAAAAAA8D/u/yKZh3PgPwAAAEAB' +
  'Woq8uqMqBMsGw78AAAAAAADwP4+JXU1wyeA/AAAAwNfTiLwC+Kuf1tvDvwAAAAAAAPA/I0sbVLMe4T8AAABgO/KOvL2reIcNtcS/' +
  'AAAAAAAA8D9J295jTXPhPwAAAMDy7oe8dHnFW2eSxb8AAAAAAADwP8horjk7x+E/AAAAIN0lizx5FPST23PGvwAAAAAAAPA/Wesz' +
  'mXka4j8AAABgsaeDvPlh535hWce/AAAAAAAA8D/fEt1MBW3iPwAAACB02oW8r0FZQ/BCyL8AAAAAAADwP+rz+iXbvuI/AAAAwIFJ' +
  'Ubz94jHgfjDJvwAAAAAAAPA/NXDh/PcP4z8AAAAgxvxuvPmi4CwEIsq/AAAAAAAA8D/zWQaxWGDjPwAAAKCz/IG8E3C22XYXy78A' +
  'AAAAAADwP7lQICn6r+M/AAAA4CU+fjzMr0FwzRDMvwAAAAAAAPA/1FZFU9n+4z8AAABgFmmDPP2iq1P+Dc2/AAAAAAAA8D/WHQkl' +
  '80zkPwAAACBqB2g8BUUXwf8Ozr8AAAAAAADwPzkJm5tEmuQ/AAAAYOF+grxJogHQxxPPvwAAAAAAAPA/6eXju8rm5D8AAADgk8Jj' +
  'PMJdXI2z488/AAAAAAAA4D+WVaOSgjLlPwAAAIDrEnq8u76qiXzXzj8AAAAAAADgP6DsjDRpfeU/AAAAgCBXh7yFyQ18ncfNPwAA' +
  'AAAAAOA/jAFlvnvH5T8AAACA6mmAPFn+v98gtMw/AAAAAAAA4D/fLB1VtxDmPwAAAECzUXK8uqKqUxGdyz8AAAAAAADgPz148CUZ' +
  'WeY/AAAA4GQ9jDwy7/yZeYLKPwAAAAAAAOA/zTt/Zp6g5j8AAAAANN2LvPbgwZdkZMk/AAAAAAAA4D+vqOpUROfmPwAAAMADvI28' +
  'e7N0VN1CyD8AAAAAAADgP5b/7zcILec/AAAAAO/UgDwxBpT57h3HPwAAAAAAAOA/YXIDX+dx5z8AAACAzs91PH+yM9Kk9cU/AAAA' +
  'AAAA4D+vr2oi37XnPwAAAKA39XC8V1aNSgrKxD8AAAAAAADgP3EXV+Ps+Oc/AAAAwNjIibykl4/vKpvDPwAAAAAAAOA/bpf/Cw47' +
  '6D8AAADgIPR2vOMkbG4SacI/AAAAAAAA4D+/LroPQHzoPwAAAAC82oK8WHcklMwzwT8AAAAAAADgP0EXFWuAvOg/AAAAIOHFgryi' +
  'tiqayva/PwAAAAAAAOA/DZTvo8z76D8AAACAqd9mvMqFAknRf70/AAAAAAAA4D/7Y5JJIjrpPwAAAKAZ1IM8ls8yiMUCuz8AAAAA' +
  'AADgP0LXx/R+d+k/AAAAoHlUgbyngQvnv3+4PwAAAAAAAOA/QYfzR+Cz6T8AAACA4g6DvFCf1y/Z9rU/AAAAAAAA4D+UrynvQ+/p' +
  'PwAAAKD8HXs89ZboZiposz8AAAAAAADgP4InRqCnKeo/AAAAALsocbzGWp/JzNOwPwAAAAAAAOA/4voCGwlj6j8AAABAEZF+vIeM' +
  '5pqzc6w/AAAAAAAA4D+joQ4pZpvqPwAAAOAw9jk8irTtPdY0pz8AAAAAAADgPxHVIZ680uo/AAAAAL5/hLwosrRBNeuhPwAAAAAA' +
  'AOA/AAIVWAoJ6z8AAAAg2iaJvNQxsasJLpk/AAAAAAAA4D8SV/U+TT7rPwAAAKC4to68Zvu/SObhjD8AAAAAAADgPz5uGUWDcus/' +
  'AAAAIJ/Gi7zZtj5Mh/xsPwAAAAAAAOA/0pA1Z6ql6z8AAAAgTuqHPIFR2QHJFn2/AAAAAAAA4D8qlW+swNfrPwAAACCnJYi8p3II' +
  '0Wo+kr8AAAAAAADgP0lVcibECOw/AAAAwH8VWzxOnJB/LEqdvwAAAAAAAOA/sb2A8bI47D8AAABgseB2vLXjyCNFNKS/AAAAAAAA' +
  '4D+bc4g0i2fsPwAAAMDKhm08D91xNovMqb8AAAAAAADgP/URNCFLlew/AAAAAHb7UrzLCPc/sW2vvwAAAAAAAOA/XPz88/DB7D8A' +
  'AAAgYVd+PP+Meti/i7K/AAAAAAAA4D9zxzz0eu3sPwAAAKBre1682gBLUt9ktb8AAAAAAADgP9w1PnTnF+0/AAAAINoBUbzXSVzx' +
  'GkK4vwAAAAAAAOA/OslN0TRB7T8AAACAUu+EvKOwDXFWI7u/AAAAAAAA4D+L5slzYWntPwAAAMBhjH68dVpFZXUIvr8AAAAAAADg' +
  'P0aNMs9rkO0/AAAAAOZXdDycM3fEpA6/PwAAAAAAANA/m6A4YlK27T8AAADg5956vHsW6cMUIrw/AAAAAAAA0D88wsy2E9vtPwAA' +
  'AMA3PIg8GJ/8dPcxuT8AAAAAAADQPyu+LWKu/u0/AAAAgOoUhbx0f6zWaT62PwAAAAAAANA/5Yb2BCEh7j8AAABgxxSAvKmd4wmJ' +
  'R7M/AAAAAAAA0D9+wStLakLuPwAAAIA4h4o8BZhdUHJNsD8AAAAAAADQPxLhSOyIYu4/AAAA4FZrYbyOCgwXhqCqPwAAAAAAANA/' +
  'DdFMq3uB7j8AAABg/gp9vC34rHYxoKQ/AAAAAAAA0D/aLcZWQZ/uPwAAAOCxYIc83bPN9EM0nT8AAAAAAADQP3QL38jYu+4/AAAA' +
  'YIxsfDx2Zx8rJh2RPwAAAAAAANA/Y0lo50DX7j8AAACAx4J+PIBr/40D7nM/AAAAAAAA0D/Cc+SjePHuPwAAAGAKMYY8qhzUm9DA' +
  'fL8AAAAAAADQP9cwkvt+Cu8/AAAAwHosdTx159XVgGWTvwAAAAAAANA/2jp291Ii7z8AAAAAuAyCvOiEDazso5+/AAAAAAAA0D+J' +
  '5WSs8zjvPwAAAKCve328vu4/aX/1pb8AAAAAAADQPy0vCztgTu8/AAAA4AHueLzVZ1kOHx2svwAAAAAAANA/sFz3z5di7z8AAAAg' +
  'F2J1PMX8Qnlnt60/AAAAAAAAwD93IKGjmXXvPwAAAMAxT4g8Gf8sElGIpz8AAAAAAADAP6lLcfpkh+8/AAAAYFayejxn+aTE2lWh' +
  'PwAAAAAAAMA/mwnJJPmX7z8AAADg4CqOvNEJc3SDQJY/AAAAAAAAwD8XpQh/VafvPwAAAMCooIe8a1ev7Qyfgz8AAAAAAADAP0HX' +
  'lXF5te8/AAAAYKy/cTw5ntEqNTZlvwAAAAAAAMA/05/hcGTC7z8AAABghuyBPFjpCcPRQ46/AAAAAAAAwD97pm39Fc7vPwAAAIBv' +
  '3XW8UC9ZD2Whm78AAAAAAADAPyYl0aON2O8/AAAAIPZ9iLxjkGoqQNuXPwAAAAAAALA/CVu9/Mrh7z8AAAAg4yNqPK7PcJYEqYY/' +
  'AAAAAAAAsD86iAGtzenvPwAAAMDsIWU8AuT7wDBSU78AAAAAAACwP61xjmWV8O8/AAAA4IwagDywn8g7aIKLvwAAAAAAALA/fm15' +
  '4yH27z8AAAAgvFdsvGmuoqwrw3Y/AAAAAAAAoD9d9/7vcvrvPwAAAMDNtIi8CGZyIah6e78AAAAAAACgPw3NhGCI/e8/AAAAQE01' +
  'gbzu4YQMuHhrvwAAAAAAAJA/25KbFmL/7z8AAADAo92FPA==';
let sinHa: Float64Array | undefined;
let cosHa: Float64Array | undefined;

const TRIG_SH = hexD('42a8000000000000'); // 2^43 + 2^42: rounds to multiples of 2^-9
const TRIG_2PI = hexD('401921fb54442d18');
const TRIG_2PI_LO = hexD('3cb1a62633145c07');
const TRIG_S1 = hexD('bfc5555555554448');
const TRIG_S2 = hexD('3f81110fabb3551c');
const TRIG_C0 = -0.5;
const TRIG_C1 = hexD('3fa5555555554ccf');
const TRIG_C2 = hexD('bf56c16ab163b2d7');
const M64 = (1n << 64n) - 1n;
const M32 = 0xffffffffn;

let redHi = 0n;
let redLo = 0n;

/**
 * The integer part of the long reduction (shared by sin, cos and tan): with T the
 * 192 bits of the table row for x's exponent and M x's 53-bit significand, the
 * fraction bits of M*T as the kernels compute them (the lowest partial product
 * T2lo*Mlo is never formed and the weight-1 products only contribute their high
 * halves), in redHi:redLo.
 */
function reduceBits(x: number): void {
  if (inv2pi === undefined) inv2pi = BigInt('0x' + INV2PI_HEX);
  F64[0] = x;
  const hiw = U32[HI];
  const lo32 = U32[LO];
  const e = (hiw >>> 20) & 0x7ff;
  const t = (inv2pi >> BigInt(1400 - (e - 883))) & ((1n << 192n) - 1n);
  const t0 = t >> 128n;
  const t1 = (t >> 64n) & M64;
  const t2 = t & M64;
  const m = (BigInt((hiw & 0xfffff) | 0x100000) << 32n) | BigInt(lo32);
  const mhi = m >> 32n;
  const mlo = m & M32;
  const t0hi = t0 >> 32n;
  const t0lo = t0 & M32;
  const t1hi = t1 >> 32n;
  const t1lo = t1 & M32;
  const t2hi = t2 >> 32n;
  const t2lo = t2 & M32;
  const s15 = t2hi * mhi + ((t2hi * mlo) >> 32n) + ((t1lo * mlo) & M32) + ((t2lo * mhi) >> 32n);
  const s12 = t1lo * mhi + ((t1lo * mlo) >> 32n) + ((t1hi * mlo) & M32) + (s15 >> 32n);
  const s3 = t1hi * mhi + ((t1hi * mlo) >> 32n) + ((t0lo * mlo) & M32) + (s12 >> 32n);
  const s2 = t0lo * mhi + ((t0lo * mlo) >> 32n) + ((t0hi * mlo) & M32) + (s3 >> 32n);
  redLo = ((s12 << 32n) + (s15 & M32)) & M64;
  redHi = ((s2 << 32n) + (s3 & M32)) & M64;
}

function sinCosLarge(x: number, cos: boolean): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  const ha = cos ? (cosHa ??= b64F64(COS_HA_B64)) : (sinHa ??= b64F64(SIN_HA_B64));
  reduceBits(x);
  const hi64 = redHi;
  const lo64 = redLo;
  const neg = x < 0;
  // The 128-bit fraction as three doubles (cos keeps the sign of x in them).
  const sg = cos && neg ? 0x80000000 : 0;
  const topBits = hi64 >> 12n;
  const z = fromWords((sg | 0x3ff00000 | Number(topBits >> 32n)) >>> 0, Number(topBits & M32));
  const midBits = ((hi64 & 0xfffn) << 40n) | (lo64 >> 24n);
  const mid = fromWords((sg | 0x3cb00000 | Number(midBits >> 32n)) >>> 0, Number(midBits & M32)) -
    fromWords((sg | 0x3cb00000) >>> 0, 0);
  const lowBits = (lo64 & 0xffffffn) << 28n;
  const low = fromWords((sg | 0x39700000 | Number(lowBits >> 32n)) >>> 0, Number(lowBits & M32)) -
    fromWords((sg | 0x39700000) >>> 0, 0);
  const s = z + TRIG_SH;
  const n = loWord(s) & 0x1ff;
  const rh0 = z - (s - TRIG_SH);
  const a = rh0 + mid;
  const rhi = a * TRIG_2PI;
  const b = mid + (rh0 - a);
  const c = low + b;
  let e1 = fmaRN(a, TRIG_2PI, -rhi);
  e1 = fmaRN(TRIG_2PI_LO, a, e1);
  const rlo = fmaRN(TRIG_2PI, c, e1);
  // sin/cos(2*pi*n/512 + r) from the table row and the reduced r = rhi + rlo.
  const r = rhi;
  const T0 = ha[4 * n];
  const T1 = ha[4 * n + 1];
  const T2 = ha[4 * n + 2];
  const T3 = ha[4 * n + 3];
  const r2 = r * r;
  const u = fmaRN(T1, r, T2);
  const hi = fmaRN(r, T0, u);
  let d3 = T2 - u;
  let d2 = u - hi;
  d3 = fmaRN(T1, r, d3);
  d2 = fmaRN(r, T0, d2);
  const ps = fmaRN(TRIG_S2, r2, TRIG_S1);
  const e13 = d2 + d3;
  const t01 = T0 + T1;
  const q = ps * r2 * r;
  const w = fmaRN(-T2, r, t01);
  const q2 = fmaRN(t01, q, e13);
  let pc = fmaRN(TRIG_C2, r2, TRIG_C1);
  pc = fmaRN(r2, pc, TRIG_C0);
  const pcc = fmaRN(T2, r2 * pc, q2);
  const lo = fmaRN(w, rlo, T3);
  const res = hi + (pcc + lo);
  return !cos && neg ? -res : res;
}

// ---------------------------------------------------------------------------------
// float64 log2 and log10: SVML __svml_log28 / __svml_log108, the same reduction as
// log (DblRcp from vrcp14pd, see rcp32) with their own tables and polynomials.
// ---------------------------------------------------------------------------------

const LOG2_T16 = hexF64(
  '0000000000000000bfb663f6fac91316bfc5c01a39fbd688bfcfbc16b902680abfd49a784bcd1b8bbfd91bba891f1709' +
  'bfdd6753e032ea0fbfe0c10500d63aa63fda8ff971810a5e3fd6cb0f6865c8ea3fd32bfee370ee683fcf5fd8a9063e35' +
  '3fc8a8980abfbd323fc22dadc2ab34973fb7d60496cfbb4c3fa77394c9d958d5');
// Polynomial coefficients at data offsets 256, 320, ..., 768.
const LOG2_C = hexF64(
  '3fc4904bda0e1d12bfc71fb84deb5cce3fca617351818613bfcec707e4e3144c3fd2776c5114d91a' +
  'bfd71547653d0f8d3fdec709dc3a029fbfe71547652b82d43ff71547652b82fe');
const LOG10_T16 = hexF64(
  '0000000000000000bf9af5f92b00e610bfaa30a9d609efeabfb31b3055c47118bfb8cf183886480dbfbe3bc1ab0e19fe' +
  'bfc1b3e71ec94f7bbfc42c7e7fe3fc023fbffbfc2bbc78033fbb721cd17157e33fb715d0ce367afc3fb2e3a740b7800f' +
  '3fadb11ed766abf43fa5e3966b7e92953f9cb38fccd8bfdb3f8c3d0837784c41');
const LOG10_C = hexF64(
  '3fa8c2d828480370bfabd80d960298143fafc3f6f38b58a2bfb287a63464dc803fb63c62777f27d9' +
  'bfbbcb7b153c06a33fc287a7636f428cbfcbcb7b1526e4db3fdbcb7b1526e50e');
const LOG10_LOG10_2 = hexD('3fd34413509f79ff');

function log2or10(x: number, ten: boolean): number {
  if (!(x > 0 && x < Infinity)) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    return NaN;
  }
  F64[0] = x;
  let hi = U32[HI];
  let e = (hi >>> 20) - 1023;
  if (e === -1023) {
    F64[0] = x * TWO64;
    hi = U32[HI];
    e = (hi >>> 20) - 1023 - 64;
  }
  const mhi = (hi & 0xfffff) | 0x3ff00000;
  U32[HI] = mhi;
  const m = F64[0];
  const k = rcp32(mhi);
  if (k < 24) e += 1;
  const C = ten ? LOG10_C : LOG2_C;
  const t = (ten ? LOG10_T16 : LOG2_T16)[k & 15];
  const r = fmaRN(k * 0.03125, m, -1);
  let p8 = fmaRN(C[4], r, C[5]);
  let p0 = fmaRN(C[0], r, C[1]);
  const p14 = fmaRN(C[2], r, C[3]);
  const r2 = r * r;
  const p12 = fmaRN(C[6], r, C[7]);
  const r4 = r2 * r2;
  p0 = fmaRN(r2, p0, p14);
  p8 = fmaRN(r2, p8, p12);
  p0 = fmaRN(r4, p0, p8);
  p0 = fmaRN(r, p0, C[8]);
  const v = fmaRN(p0, r, t);
  return ten ? fmaRN(LOG10_LOG10_2, e, v) : e + v;
}

/** np.log2 on float64 (SVML __svml_log28, one lane). */
export function npLog2_64(x: number): number {
  return log2or10(x, false);
}

/** np.log10 on float64 (SVML __svml_log108, one lane). */
export function npLog10_64(x: number): number {
  return log2or10(x, true);
}

// ---------------------------------------------------------------------------------
// float64 log1p: SVML __svml_log1p8. 1+x = Xh + Xl, then the reduction of log on
// Xh's mantissa with Xl*2^-E folded into R.
// ---------------------------------------------------------------------------------

const LOG1P_T16 = hexF64(
  '0000000000000000bfaf0a30c01162a6bfbe27076e2af2e6bfc5ff3070a793d4bfcc8ff7c79a9a22bfd1675cababa60e' +
  'bfd4618bc21c5ec2bfd739d7f6bbd0073fd269621134db923fcf991c6cb3b3793fca93ed3c8ad9e33fc5bf406b543db2' +
  '3fc1178e8227e47c3fb9335e5d5949893fb08598b59e3a073fa0415d89e74444');

/** np.log1p on float64 (SVML __svml_log1p8, one lane). */
export function npLog1p64(x: number): number {
  if (!(x > -1 && x < Infinity)) {
    if (x === -1) return -Infinity;
    if (x === Infinity) return x;
    return NaN;
  }
  if (x === 0) return x; // +-0 (the kernel ors the sign of x into the result)
  const xh = 1 + x;
  const mx = x > 1 ? x : 1;
  const mn = x < 1 ? x : 1;
  const xl = mn - (xh - mx);
  F64[0] = xh;
  const hi = U32[HI];
  let e = (hi >>> 20) - 1023; // 1 + x >= 2^-53 is normal
  const mhi = (hi & 0xfffff) | 0x3ff00000;
  U32[HI] = mhi;
  const m = F64[0];
  const k = rcp32(mhi);
  const rcp = k * 0.03125;
  const xls = scalef(xl, -e);
  let r = fmaRN(rcp, m, -1);
  r = fmaRN(xls, rcp, r);
  if (k < 24) e += 1;
  const t = LOG1P_T16[k & 15];
  let p1 = fmaRN(LOG_C9, r, LOG_C8);
  const p14 = fmaRN(LOG_C7, r, LOG_C6);
  const r2 = r * r;
  let p10 = fmaRN(LOG_C5, r, LOG_C4);
  const r4 = r2 * r2;
  const p12 = fmaRN(LOG_C3, r, LOG_C2);
  p1 = fmaRN(r2, p1, p14);
  p10 = fmaRN(r2, p10, p12);
  p1 = fmaRN(r4, p1, p10);
  p1 = fmaRN(r2, p1, r);
  return fmaRN(LOG_LN2, e, t + p1);
}

// ---------------------------------------------------------------------------------
// float64 expm1: SVML __svml_expm18 (x >= 707.7 goes to the same scalar callout as
// exp, whose result is exp(x)).
// ---------------------------------------------------------------------------------

// 2^(j/16) is EXP_T16; these are the low parts Tlr.
const EXPM1_TLR = hexF64(
  '00000000000000003c979aa65d837b6dbc801b15eaa593483c968efde3a8a8943c834d754db0abb63c859f48a72a4c6d' +
  '3c7690cebb7aafb03c9063e1e21c5409bc93b3efbf5e2228bc7b32dcb94da51d3c8db72fc1f0eab43c71affc2b91ce27' +
  '3c8c1a7792cb33873c736eae30af0cb33c74a385a63d07a7bc8ff7128fd391f0');
const EXPM1_C6 = hexD('3f2a020410303d8a');
const EXPM1_C5 = hexD('3f56c1c38e164a2f');
const EXPM1_C4 = hexD('3f81111110865214');
const EXPM1_C3 = hexD('3fa5555554ad3d06');
const EXPM1_C2 = hexD('3fc5555555555656');
const EXPM1_C1 = hexD('3fe00000000000a2');

/** np.expm1 on float64 (SVML __svml_expm18, one lane). */
export function npExpm1_64(x: number): number {
  if (!(x < EXP_THRESHOLD)) {
    if (x !== x) return x;
    return expRare64(x);
  }
  if (x === 0) return x;
  const s = fmaRN(x, EXP_LOG2E, EXP_SHIFTER);
  const z0 = s - EXP_SHIFTER;
  const j = loWord(s) & 15;
  let r = fmaRN(-z0, EXP_LN2HI, x);
  r = fmaRN(-EXP_LN2LO, z0, r);
  // "ensure |R| < 2 even for special cases": clear bit 62.
  F64[0] = r;
  U32[HI] &= 0xbfffffff;
  r = F64[0];
  const th = scalef(EXP_T16[j], z0 > -128 ? z0 : -128);
  const p15 = fmaRN(EXPM1_C4, r, EXPM1_C3);
  let p = fmaRN(EXPM1_C6, r, EXPM1_C5);
  const r2 = r * r;
  const p12 = fmaRN(EXPM1_C2, r, EXPM1_C1);
  p = fmaRN(r2, p, p15);
  p = fmaRN(r2, p, p12);
  p = fmaRN(r2, p, EXPM1_TLR[j]);
  return fmaRN(p + r, th, th - 1);
}

// ---------------------------------------------------------------------------------
// float64 sinh: SVML __svml_sinh8. |x| = (M + j/128)*ln2 + r with table values
// Tdif, Tn per j; exponent arithmetic on the table bits gives the 2^M and 2^-M
// scalings. |x| > 707.7 goes to the scalar callout.
// ---------------------------------------------------------------------------------

// (Tdif, Tn) pairs, j = 0..127 (__svml_dsinh_data_internal + 1600).
const SINH_T = hexF64(
  '00000000000000003fe00000000000003f762e4a19bd1e743fdfd3c22b8f71f13f862e5f6a0dfd363fdfa7c1819e90d8' +
  '3f90a2e234040f5f3fdf7bfdad9cbe143f962eb4abcc5a813fdf50765b6e45403f9bbab1c50332443fdf252b376bba97' +
  '3fa0a372144eeb453fdefa1bee615a273fa369ab3ffbf8b03fdecf482d8e67f13fa63009ba740a2a3fdea4afa2a490da' +
  '3fa8f692d8ea1b5a3fde7a51fbc74c833fabbd4bf0e31a6f3fde502ee78b3ff63fae843a5840286a3fde264614f5a129' +
  '3fb0a5b1b2a46d0a3fddfc97337b9b5f3fb20966375abcdf3fddd321f301b4603fb36d3d65dca4e83fdda9e603db3285' +
  '3fb4d139ea06642a3fdd80e316c983983fb6355e6ffbf9ba3fdd5818dcfba4873fb799ada42e47883fdd2f87080d89f2' +
  '3fb8fe2a336035bc3fdd072d4a07897c3fba62d6caabd6b63fdcdf0b555dc3fa3fbbc7b617878baf3fdcb720dcef9069' +
  '3fbd2ccac7cb2a113fdc8f6d9406e7b53fbe921789b521853fdc67f12e57d14b3fbff79f0befa2c73fdc40ab5fffd07a' +
  '3fc0aeb1fecae3a93fdc199bdd85529c3fc161b4871c5cec3fdbf2c25bd71e093fc214d876f26fd03fdbcc1e904bc1d2' +
  '3fc2c81f2693816f3fdba5b030a1064a3fc37b89ee88bef73fdb7f76f2fb5e473fc42f1a27a0b3cd3fdb59728de5593a' +
  '3fc4e2d12af1e0373fdb33a2b84f15fb3fc596b051dd508d3fdb0e07298db6663fc64ab8f61134fa3fdae89f995ad3ad' +
  '3fc6feec718b79d13fdac36bbfd3f37a3fc7b34c1e9c607f3fda9e6b5579fdbf3fc867d957e919123fda799e1330b358' +
  '3fc91c95786e5c723fda5503b23e255d3fc9d181db83072f3fda309bec4a2d333fca869fdcdab5123fda0c667b5de565' +
  '3fcb3bf0d8885d4c3fd9e86319e323233fcbf1762b00ef693fd9c49182a3f0903fcca731311df0fb3fd9a0f170ca07ba' +
  '3fcd5d2348201c093fd97d829fde4e503fce134dcdb1fe3e3fd95a44cbc8520f3fcec9b21fea98ea3fd93737b0cdc5e5' +
  '3fcf80519d5001d33fd9145b0b91ffc63fd01b96d26d026a3fd8f1ae991577363fd07723cafa63313fd8cf3216b5448c' +
  '3fd0d2d06841b3733fd8ace5422aa0db3fd12e9d5a7153813fd88ac7d98a66993fd18a8b51f5c6613fd868d99b4492ed' +
  '3fd1e69aff7b04d73fd8471a4623c7ad3fd242cd13edd0f13fd82589994cce133fd29f22407d0a0c3fd80427543e1a12' +
  '3fd2fb9b369b01533fd7e2f336cf4e623fd35838a7fecec83fd7c1ed0130c1323fd3b4fb46a5a6cc3fd7a11473eb0187' +
  '3fd411e3c4d4302f3fd780694fde5d3f3fd46ef2d517dac83fd75feb564267c93fd4cc292a48369e3fd73f9a48a58174' +
  '3fd5298777884b963fd71f75e8ec5f743fd5870e7047f1bc3fd6ff7df95194843fd5e4bec8452a1a3fd6dfb23c651a2f' +
  '3fd64299338d78273fd6c012750bdabf3fd6a09e667f3bcd3fd6a09e667f3bcd3fd6fecf15cb0c0b3fd68155d44ca973' +
  '3fd75d2bf67512393fd66238825522253fd7bbb5bdd665e83fd6434634ccc3203fd81a6d219e69633fd6247eb03a5585' +
  '3fd87952d7d426df3fd605e1b976dc093fd8d86796d7ae493fd5e76f15ad21483fd937ac156373c83fd5c9268a5946b7' +
  '3fd997210a8daee43fd5ab07dd4854293fd9f6c72dc9ba683fd58d12d497c7fd3fda569f36e974ea3fd56f4736b527da' +
  '3fdab6a9de1ea2153fd551a4ca5d920f3fdb16e7dbfc4ca33fd5342b569d4f823fdb7759e97829183fd516daa2cf6642' +
  '3fdbd800bfebf9323fd4f9b2769d2ca73fdc38dd1916f0253fd4dcb299fddd0d3fdc99efaf1f17903fd4bfdad5362a27' +
  '3fdcfb393c92b5393fd4a32af0d7d3de3fdd5cba7c69b19c3fd486a2b5c13cd03fddbe742a06ff343fd46a41ed1d0057' +
  '3fde2067013a029d3fd44e086061892d3fde8293be3ffb873fd431f5d950a8973fdee4fb1dc56e753fd4160a21f72e2a' +
  '3fdf479ddce78f583fd3fa4504ac801c3fdfaa7cb935acfe3fd3dea64c1234223fe006cc38594eb13fd3c32dc313a8e5' +
  '3fe03878e0eb15693fd3a7db34e59ff73fe06a44b5c741013fd38cae6d05d8663fe09c3016a0d0773fd371a7373aa9cb' +
  '3fe0ce3b636763603fd356c55f929ff13fe10066fc47f2403fd33c08b26416ff3fe132b341ad87613fd32170fc4cd831' +
  '3fe165209441f8233fd306fe0a31b7153fe197af54ee9ebb3fd2ecafa93e2f563fe1ca5fe4dd14753fd2d285a6e4030b' +
  '3fe1fd32a577ec723fd2b87fd0dad9903fe23027f86b6ed63fd29e9df51fdee13fe263403fa654893fd284dfe1f56381' +
  '3fe2967bdd5a83643fd26b4565e27cdd3fe2c9db33fdcae93fd251ce4fb2a63f3fe2fd5ea64aa1803fd2387a6e756238' +
  '3fe331069740e22f3fd21f49917ddc963fe364d36a268ae03fd2063b88628cd63fe398c582887b273fd1ed5022fcd91d' +
  '3fe3ccdd443b33943fd1d4873168b9aa3fe4011b135b95903fd1bbe084045cd43fe4357f544fa3c13fd1a35beb6fcb75' +
  '3fe46a0a6bc742fd3fd18af9388c8dea3fe49ebcbebcfbca3fd172b83c7d517b3fe4d396b276bc6f3fd15a98c8a58e51' +
  '3fe50898ac869b963fd1429aaea92de03fe53dc312cb9b7a3fd12abdc06c31cc3fe573164b726db63fd11301d0125b51' +
  '3fe5a892bcf6379b3fd0fb66affed31b3fe5de38ce2157253fd0e3ec32d3d1a23fe61408e60e28883fd0cc922b7247f7' +
  '3fe64a036c27cc523fd0b5586cf9890f3fe68028c82aee2f3fd09e3ecac6f3833fe6b67962268c433fd0874518759bc8' +
  '3fe6ecf5a27cbf283fd0706b29ddf6de3fe7239df1e382863fd059b0d31585743fe75a72b9657e513fd04315e86e7f85' +
  '3fe791746262d0a83fd02c9a3e7780613fe7c8a35691d8563fd0163da9fb3335');
const SINH_SHIFT = hexD('42c8000000000000'); // 1.5*2^45: rounds to multiples of 2^-7
const SINH_LOG2E = hexD('3ff71547652b82fe');
const SINH_LN2HI = hexD('3fe62e42fefa0000');
const SINH_LN2LO = hexD('3d7cf79abc9e3b3a');
const SINH_A2 = hexD('3fdffffffffffdbd');
const SINH_A3 = hexD('3fc55555555554ad');
const SINH_A4 = hexD('3fa55555cf16d299');
const SINH_A5 = hexD('3f8111115712f425');

/** Adds k to the biased exponent field of the double t (the kernel's integer add). */
function addExp(t: number, k: number): number {
  F64[0] = t;
  U32[HI] = (U32[HI] + (k << 20)) >>> 0;
  return F64[0];
}

/** np.sinh on float64 (SVML __svml_sinh8, one lane). */
export function npSinh64(x: number): number {
  const ax = Math.abs(x);
  if (!(hiWord(ax) <= 0x40861d99)) return sinhRare64(x);
  if (x === 0) return x;
  const dm = fmaRN(ax, SINH_LOG2E, SINH_SHIFT);
  const dn = dm - SINH_SHIFT;
  let r = fmaRN(-dn, SINH_LN2HI, ax);
  r = fmaRN(-dn, SINH_LN2LO, r);
  const r2 = r * r;
  let s = fmaRN(SINH_A5, r2, SINH_A3);
  const bits = loWord(dm);
  const j = bits & 127;
  const m = bits >>> 7; // fits: |x| <= 707.7
  const g1 = addExp(SINH_T[2 * j], m);
  const tp = addExp(SINH_T[2 * j + 1], m);
  const tm = addExp(SINH_T[2 * j + 1], -m);
  s = s * r2;
  const g2 = tp - tm;
  const g3 = tp + tm;
  s = fmaRN(r, s, r); // sinh(r)
  const g13 = g1 + g3;
  let o = fmaRN(SINH_A4, r2, SINH_A2);
  o = r2 * o;
  const g12 = g1 + g2;
  o = g12 * o;
  const res = fmaRN(g13, s, o) + g12;
  return x < 0 ? -res : res;
}

// __dsinh_la_CoutTab: 2^(j/64) as (hi, lo) pairs, j = 0..63.
const SINHR_T = hexF64(
  '3ff000000000000000000000000000003ff02c9a3e778061bc719083535b085d3ff059b0d31585743c8d73e2a475b465' +
  '3ff0874518759bc83c6186be4bb284ff3ff0b5586cf9890f3c98a62e4adc610b3ff0e3ec32d3d1a23c403a1727c57b53' +
  '3ff11301d0125b51bc96c51039449b3a3ff1429aaea92de0bc932fbf9af1369e3ff172b83c7d517bbc819041b9d78a76' +
  '3ff1a35beb6fcb753c8e5b4c7b4968e43ff1d4873168b9aa3c9e016e00a2643c3ff2063b88628cd63c8dc775814a8495' +
  '3ff2387a6e7562383c99b07eb6c705733ff26b4565e27cdd3c82bd339940e9d93ff29e9df51fdee13c8612e8afad1255' +
  '3ff2d285a6e4030b3c90024754db41d53ff306fe0a31b7153c86f46ad23182e43ff33c08b26416ff3c932721843659a6' +
  '3ff371a7373aa9cbbc963aeabf42eae23ff3a7db34e59ff7bc75e436d661f5e33ff3dea64c1234223c8ada0911f09ebc' +
  '3ff4160a21f72e2abc5ef3691c3092783ff44e086061892d3c489b7a04ef80d03ff486a2b5c13cd03c73c1a3b69062f0' +
  '3ff4bfdad5362a273c7d4397afec42e23ff4f9b2769d2ca7bc94b309d25957e33ff5342b569d4f82bc807abe1db13cad' +
  '3ff56f4736b527da3c99bb2c011d93ad3ff5ab07dd4854293c96324c054647ad3ff5e76f15ad21483c9ba6f93080e65e' +
  '3ff6247eb03a5585bc9383c17e40b4973ff6623882552225bc9bb60987591c343ff6a09e667f3bcdbc9bdd3413b26456' +
  '3ff6dfb23c651a2fbc6bbe3a683c88ab3ff71f75e8ec5f74bc816e4786887a993ff75feb564267c9bc90245957316dd3' +
  '3ff7a11473eb0187bc841577ee04992f3ff7e2f336cf4e623c705d02ba15797e3ff82589994cce13bc9d4c1dd41532d8' +
  '3ff868d99b4492edbc9fc6f89bd4f6ba3ff8ace5422aa0db3c96e9f156864b273ff8f1ae991577363c85cc13a2e3976c' +
  '3ff93737b0cdc5e5bc675fc781b57ebc3ff97d829fde4e50bc9d185b7c1b85d13ff9c49182a3f0903c7c7c46b071f2be' +
  '3ffa0c667b5de565bc9359495d1cd5333ffa5503b23e255dbc9d2f6edb8d41e13ffa9e6b5579fdbf3c90fac90ef7fd31' +
  '3ffae89f995ad3ad3c97a1cd345dcc813ffb33a2b84f15fbbc62805e3084d7083ffb7f76f2fb5e47bc75584f7e54ac3b' +
  '3ffbcc1e904bc1d23c823dd07a2d9e843ffc199bdd85529c3c811065895048dd3ffc67f12e57d14b3c92884dff483cad' +
  '3ffcb720dcef90693c7503cbd1e949db3ffd072d4a07897cbc9cbc3743797a9c3ffd5818dcfba4873c82ed02d75b3707' +
  '3ffda9e603db32853c9c2300696db5323ffdfc97337b9b5fbc91a5cd4f184b5c3ffe502ee78b3ff63c839e8980a9cc8f' +
  '3ffea4afa2a490dabc9e9c23179c28933ffefa1bee615a273c9dc7f486a4b6b03fff50765b6e45403c99d3e12dd8a18b' +
  '3fffa7c1819e90d83c874853f3a5931e');
const SINHR_OVF = hexD('408633ce8fb9f87e');

/** __svml_dsinh_cout_rare_internal for |x| > 707.7, inf and nan. */
function sinhRare64(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return x + x;
  const ax = Math.abs(x);
  if (!(ax < SINHR_OVF)) return EXPR_HUGE * x;
  const sh = ax * EXPR_INVL + EXPR_SHIFT;
  const k = loWord(sh);
  const j = k & 63;
  const n = sh - EXPR_SHIFT;
  let r = ax - n * EXPR_L2H;
  r = r - n * EXPR_L2L;
  let p = EXPR_C5 * r + EXPR_C4;
  p = p * r + EXPR_C3;
  p = p * r + EXPR_C2;
  p = p * r + EXPR_C1;
  p = p * r * r + r;
  const thi = SINHR_T[2 * j];
  p = p * thi + SINHR_T[2 * j + 1] + thi;
  let e = ((k >>> 6) + 1022) & 2047;
  let res: number;
  if (e > 2046) {
    e = (e - 1) & 2047;
    res = p * fromWords(e << 20, 0) * 2.0;
  } else {
    res = p * fromWords(e << 20, 0);
  }
  return x < 0 ? -res : res;
}

// ---------------------------------------------------------------------------------
// float64 cosh: SVML __svml_cosh8. |x| = (M + j/16)*ln2 + r; Gp, Gn from
// 2^(j/16)/2 * 2^M and 2^(-j/16)/2 * 2^-M (exponent arithmetic on table bits).
// ---------------------------------------------------------------------------------

const COSH_TP = hexF64(
  '3fe00000000000003fe0b5586cf9890f3fe172b83c7d517b3fe2387a6e7562383fe306fe0a31b7153fe3dea64c123422' +
  '3fe4bfdad5362a273fe5ab07dd4854293fe6a09e667f3bcd3fe7a11473eb01873fe8ace5422aa0db3fe9c49182a3f090' +
  '3feae89f995ad3ad3fec199bdd85529c3fed5818dcfba4873feea4afa2a490da');
const COSH_TN = hexF64(
  '3fe00000000000003fdea4afa2a490da3fdd5818dcfba4873fdc199bdd85529c3fdae89f995ad3ad3fd9c49182a3f090' +
  '3fd8ace5422aa0db3fd7a11473eb01873fd6a09e667f3bcd3fd5ab07dd4854293fd4bfdad5362a273fd3dea64c123422' +
  '3fd306fe0a31b7153fd2387a6e7562383fd172b83c7d517b3fd0b5586cf9890f');
const COSH_SHIFT = hexD('42f8000000000000'); // 1.5*2^48: multiples of 2^-4
const COSH_LN2HI = hexD('3fe62e42fefc0000');
const COSH_LN2LO = hexD('bdac610ca86c3899');
const COSH_A2 = hexD('3fe0000000000004');
const COSH_A3 = hexD('3fc5555555555543');
const COSH_A4 = hexD('3fa5555555484f37');
const COSH_A5 = hexD('3f81111111286a0c');
const COSH_A6 = hexD('3f56c183da08f116');
const COSH_A7 = hexD('3f2a018d76da03da');

/** np.cosh on float64 (SVML __svml_cosh8, one lane). */
export function npCosh64(x: number): number {
  const ax = Math.abs(x);
  if (!(hiWord(ax) <= 0x40861d99)) return coshRare64(ax);
  const dm = fmaRN(ax, SINH_LOG2E, COSH_SHIFT);
  const dn = dm - COSH_SHIFT;
  const bits = loWord(dm);
  const j = bits & 15;
  const m = (bits >>> 4) & 0x7ff;
  let r = fmaRN(-dn, COSH_LN2HI, ax);
  r = fmaRN(-dn, COSH_LN2LO, r);
  const r2 = r * r;
  let pn = fmaRN(COSH_A7, r2, COSH_A5);
  pn = fmaRN(r2, pn, COSH_A3);
  let pp = fmaRN(COSH_A6, r2, COSH_A4);
  pp = fmaRN(r2, pp, COSH_A2);
  pp = r2 * pp;
  const tp = addExp(COSH_TP[j], m);
  const tn = addExp(COSH_TN[j], -m);
  const gn = tp - tn;
  const gp = tp + tn;
  pn = r2 * pn;
  pp = fmaRN(gp, pp, gp);
  pn = fmaRN(r, pn, r);
  return fmaRN(gn, pn, pp);
}

/** __svml_dcosh_cout_rare_internal for |x| > 707.7, inf and nan (ax = |x|). */
function coshRare64(ax: number): number {
  if (ax !== ax || ax === Infinity) return ax * ax;
  if (!(ax < SINHR_OVF)) return EXPR_HUGE * EXPR_HUGE;
  return sinhRare64(ax);
}

// ---------------------------------------------------------------------------------
// vrcp14pd / vrsqrt14pd of the reference CPU (AMD Zen 5), bit for bit
//
// Their results are only specified to 2^-14 relative error; SVML's atan, asin, acos,
// tan ... refine them with Newton steps, so the exact values matter. Measured on
// the reference CPU: for a normal input, the result's 16 significand bits depend on
// the top 16 (rcp) or 15 (rsqrt, plus the exponent's parity) significand bits b of
// the input, as a piecewise linear function with truncation: 64 (rcp) or 32 (rsqrt)
// segments of 1024 values of b, M = (128*A[i] - B[i]*j) >> 9 with i = b >> 10 and
// j = b & 1023. Exact powers of two (and of four for rsqrt) give exact results.
// Checked against the hardware on 5*10^7 inputs with exponents in [-200, 200].
// ---------------------------------------------------------------------------------

const RCP14_A = new Int32Array([
  262130, 254060, 246244, 238656, 231286, 224142, 217190, 210444, 203876, 197496, 191280, 185236, 179352, 173622, 168034, 162584,
  157278, 152098, 147052, 142118, 137306, 132606, 128020, 123530, 119148, 114864, 110682, 106580, 102574, 98650, 94812, 91054,
  87380, 83774, 80248, 76784, 73396, 70074, 66816, 63622, 60496, 57418, 54402, 51446, 48546, 45690, 42892, 40144,
  37446, 34794, 32188, 29636, 27116, 24642, 22216, 19822, 17476, 15166, 12890, 10662, 8466, 6302, 4170, 2070,
]);
const RCP14_B = new Int32Array([
  1009, 977, 949, 921, 893, 869, 843, 821, 797, 777, 755, 735, 717, 699, 681, 663,
  647, 631, 617, 601, 587, 573, 561, 547, 535, 523, 513, 501, 491, 479, 469, 459,
  451, 441, 433, 423, 415, 407, 399, 391, 385, 377, 369, 363, 357, 349, 343, 337,
  331, 325, 319, 315, 309, 303, 299, 293, 289, 285, 279, 275, 271, 267, 263, 259,
]);
// rsqrt14 for an even exponent (significand in [1, 2)) and an odd one ([2, 4)).
const RSQRT14_A_EVEN = new Int32Array([
  262121, 254113, 246469, 239154, 232142, 225415, 218957, 212753, 206778, 201025, 195479, 190132, 184962, 179962, 175135, 170459,
  165927, 161539, 157279, 153144, 149133, 145235, 141448, 137763, 134175, 130683, 127286, 123966, 120735, 117590, 114511, 111514,
]);
const RSQRT14_B_EVEN = new Int32Array([
  1001, 955, 915, 877, 841, 807, 775, 747, 719, 693, 669, 647, 625, 603, 585, 567,
  549, 533, 517, 501, 487, 473, 461, 449, 437, 425, 415, 403, 393, 385, 375, 367,
]);
const RSQRT14_A_ODD = new Int32Array([
  108565, 102905, 97500, 92324, 87372, 82615, 78049, 73657, 69437, 65371, 61445, 57661, 54005, 50474, 47057, 43755,
  40551, 37443, 34431, 31513, 28675, 25918, 23236, 20632, 18098, 15629, 13223, 10878, 8597, 6365, 4192, 2070,
]);
const RSQRT14_B_ODD = new Int32Array([
  707, 675, 647, 619, 595, 571, 549, 527, 509, 491, 473, 457, 441, 427, 413, 401,
  389, 377, 365, 355, 345, 335, 325, 317, 309, 301, 293, 285, 279, 271, 265, 259,
]);

/**
 * vrcp14pd for a normal x whose reciprocal is normal (|x| in [2^-1021, 2^1021]);
 * other inputs fall back to 1/x rounded to 16 bits (not reached by the kernels here).
 */
function rcp14(x: number): number {
  F64[0] = x;
  const hi = U32[HI];
  const e = (hi >>> 20) & 0x7ff;
  if (e < 2 || e > 2044) return 1 / x;
  const mbits = hi & 0xfffff;
  if (mbits === 0 && U32[LO] === 0) return 1 / x; // exact power of two
  const b = mbits >>> 4; // top 16 significand bits
  const i = b >>> 10;
  const m = (128 * RCP14_A[i] - RCP14_B[i] * (b & 1023)) >>> 9;
  U32[HI] = ((hi & 0x80000000) | ((2045 - e) << 20) | (m << 4)) >>> 0;
  U32[LO] = 0;
  return F64[0];
}

/** vrsqrt14pd for a positive normal x (results are always normal then). */
function rsqrt14(x: number): number {
  F64[0] = x;
  const hi = U32[HI];
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  const mbits = hi & 0xfffff;
  const odd = e & 1;
  const k = (e - odd) / 2; // x = 4^k * s with s in [1, 4)
  const b = mbits >>> 5; // top 15 significand bits
  const i = b >>> 10;
  const j = b & 1023;
  let m: number;
  if (!odd) {
    if (mbits === 0 && U32[LO] === 0) return POW2[-k + 1074];
    m = (128 * RSQRT14_A_EVEN[i] - RSQRT14_B_EVEN[i] * j) >>> 9;
  } else {
    m = (128 * RSQRT14_A_ODD[i] - RSQRT14_B_ODD[i] * j) >>> 9;
  }
  U32[HI] = (((1022 - k) << 20) | (m << 4)) >>> 0;
  U32[LO] = 0;
  return F64[0];
}

// ---------------------------------------------------------------------------------
// float64 arctan: SVML __svml_atan8 (no scalar callout).
// atan(|x|) = atan(Xr) + atan((|x| - Xr)/(1 + Xr*|x|)), Xr = |x| rounded to 1/4;
// pi/2 - atan(1/|x|) for |x| >= 7.875. The division uses vrcp14pd and one Newton step.
// ---------------------------------------------------------------------------------

// atan(j/4), j = 0..31 (data + 448).
const ATAN_T = hexF64(
  '00000000000000003fcf5b75f92c80dd3fddac670561bb4f3fe4978fa3269ee13fe921fb54442d183fecac7c57846f9e' +
  '3fef730bd281f69b3ff0d38f2c5ba09f3ff1b6e192ebbe443ff270ef55a53a253ff30b6d796a4da83ff38d6a6ce13353' +
  '3ff3fc176b7a85603ff45b54837351a03ff4ae10fc6589a53ff4f68dea6726173ff5368c951e9cfd3ff56f6f33a3e6a7' +
  '3ff5a25052114e603ff5d013c41adabd3ff5f973152548573ff61f06c6a92b893ff6414d44094c7c3ff660b02c736a06' +
  '3ff67d8863bc99bd3ff698213a9d50533ff6b0bae830c0703ff6c78c7edeb1953ff6dcc57bb565fd3ff6f08f07435fec' +
  '3ff7030cf94031973ff7145eac2088a4');
const ATAN_SHIFT = hexD('4318000000000000'); // 1.5*2^50: multiples of 1/4
const ATAN_PIO2 = hexD('3ff921fb54442d18');
const ATAN_C1152 = hexD('3fb2e9b9f5c4fe97');
const ATAN_C1216 = hexD('bfb74257c46790cc');
const ATAN_C1280 = hexD('3fbc71bfeff916a0');
const ATAN_C1344 = hexD('bfc249248eef04da');
const ATAN_C1408 = hexD('3fc999999998741e');
const ATAN_C1472 = hexD('bfd555555555554d');
const TWO128 = 2 ** 128;

/** vgetmantpd(x, [1, 2), sign of x) for a finite nonzero x. */
function getMant(x: number): number {
  F64[0] = x;
  let hi = U32[HI];
  if ((hi & 0x7ff00000) === 0) {
    F64[0] = x * TWO64;
    hi = U32[HI];
  }
  U32[HI] = (hi & 0x800fffff) | 0x3ff00000;
  return F64[0];
}

/** a / b as SVML computes it: mantissas, vrcp14pd, one Newton step, vscalefpd. */
function svmlDiv(a: number, b: number): number {
  if (a === 0) return 0;
  const ma = getMant(a);
  const mb = getMant(b);
  const ediff = exponentOf(a) - exponentOf(b);
  const rcp = rcp14(mb);
  const q0 = ma * rcp;
  let e = fmaRN(-mb, rcp, 1);
  const res = fmaRN(-q0, mb, ma);
  e = fmaRN(e, e, e);
  const rcp2 = fmaRN(e, rcp, rcp);
  return scalef(fmaRN(rcp2, res, q0), ediff);
}

/** np.arctan on float64 (SVML __svml_atan8, one lane). */
export function npArctan64(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  let t: number;
  let r: number;
  if (ax >= 7.875) {
    t = ATAN_PIO2;
    r = svmlDiv(-1, ax < TWO128 ? ax : TWO128);
  } else {
    const s = ax + ATAN_SHIFT;
    const xr = s - ATAN_SHIFT;
    t = ATAN_T[(loWord(s) & 15) + (xr >= 4 ? 16 : 0)];
    r = svmlDiv(ax - xr, fmaRN(xr, ax, 1));
  }
  const r2 = r * r;
  const r4 = r2 * r2;
  const r3 = r * r2;
  let p = fmaRN(ATAN_C1152, r2, ATAN_C1216);
  const p12 = fmaRN(ATAN_C1280, r2, ATAN_C1344);
  const p14 = fmaRN(ATAN_C1408, r2, ATAN_C1472);
  p = fmaRN(r4, p, p12);
  p = fmaRN(r4, p, p14);
  p = fmaRN(r3, p, r);
  const res = t + p;
  return x < 0 || (x === 0 && 1 / x < 0) ? -res : res;
}

// ---------------------------------------------------------------------------------
// float64 arcsin and arccos: SVML __svml_asin8 / __svml_acos8 (same polynomials).
// |x| >= 0.5 uses asin(x) = pi/2 - 2*asin(sqrt((1 - |x|)/2)), the square root from
// vrsqrt14pd and a correction polynomial; |x| > 1 goes to the callout (nan).
// ---------------------------------------------------------------------------------

// Coefficients at data offsets 448, 512, ..., 1408 (ASC[k] = offset 448 + 64*k).
const ASC = hexF64(
  'bf918000993b24c33fa400006f70d42dbfb7fffffffffe973fcfffffffffff9d3fa07520c70eb909bf90fb17f7dbb0ed' +
  '3f943f44bfbc3bae3f7a583395d45ed53f88f8dc2afccad63f8c6dbbcb88bd573f91c6dcf538ad2e3f96e89cebdefadd' +
  '3f9f1c72e13ad8be3fa6db6db3b445f83fb333333337e0de3fc555555555529c');
const ASIN_TINY = hexD('3000000000000000'); // 2^-255
const ACOS_PI = hexD('400921fb54442d18');

// asinPoly's second result, 2*sqrt(Y) (a typed array: no boxed doubles).
const ASIN_S = new Float64Array(1);

/** The shared part: the polynomial in Z = min(x^2, Y) and S ~ 2*sqrt(Y), Y = (1 - |x|)/2. */
function asinPoly(y: number, z: number): number {
  const rs = y < ASIN_TINY ? 0 : rsqrt14(y);
  const y2 = y + y;
  const s0 = rs * y2;
  const eps = fmaRN(rs * rs, y2, -2);
  const p12 = fmaRN(ASC[6], z, ASC[7]);
  let e = fmaRN(ASC[0], eps, ASC[1]);
  const es = eps * s0;
  e = fmaRN(eps, e, ASC[2]);
  e = fmaRN(eps, e, ASC[3]);
  let p1 = fmaRN(ASC[4], z, ASC[5]);
  const z2 = z * z;
  ASIN_S[0] = fmaRN(-es, e, s0); // 2*sqrt(Y); asin negates it
  const p8 = fmaRN(ASC[12], z, ASC[13]);
  p1 = fmaRN(z2, p1, p12);
  let p7 = fmaRN(ASC[8], z, ASC[9]);
  const p10 = fmaRN(ASC[10], z, ASC[11]);
  p7 = fmaRN(z2, p7, p10);
  const p11 = fmaRN(ASC[14], z, ASC[15]);
  const z4 = z2 * z2;
  p1 = fmaRN(z4, p1, p7);
  p1 = fmaRN(z2, p1, p8);
  p1 = fmaRN(z2, p1, p11);
  return p1 * z;
}

/** np.arcsin on float64 (SVML __svml_asin8, one lane). */
export function npArcsin64(x: number): number {
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (x !== x) return x;
  const y = fmaRN(-0.5, ax, 0.5);
  const x2 = ax * ax;
  const z = x2 < y ? x2 : y;
  const q = asinPoly(y, z);
  let res: number;
  if (ax >= 0.5) {
    // vfmsub: es*e - s0 = -(2*sqrt(Y)), as computed by the kernel
    const s = -ASIN_S[0];
    res = fmaRN(s, q, s) + ATAN_PIO2;
  } else {
    res = fmaRN(ax, q, ax);
  }
  return x < 0 || (x === 0 && 1 / x < 0) ? -res : res;
}

/** np.arccos on float64 (SVML __svml_acos8, one lane). */
export function npArccos64(x: number): number {
  const ax = Math.abs(x);
  if (ax > 1) return NaN;
  if (x !== x) return x;
  const nx = -ax;
  const y = fmaRN(0.5, nx, 0.5);
  const x2 = nx * nx;
  const z = x2 < y ? x2 : y;
  const big = !(z < y); // |x| >= ~0.5
  const q = asinPoly(y, z);
  const neg = x < 0 || (x === 0 && 1 / x < 0);
  let v = big ? ASIN_S[0] : nx;
  if (neg) v = -v;
  const p = fmaRN(v, q, v);
  const c = big ? (x < z ? ACOS_PI : 0) : ATAN_PIO2;
  return c + p;
}

// ---------------------------------------------------------------------------------
// float64 arctan2: SVML __svml_atan28. R = min(|y|,|x|)/max(|y|,|x|) (one true
// division), a degree-39 odd polynomial, then quadrant fix-ups by sign bits.
// Arguments outside [2^-1020, 2^993) in magnitude, zeros, infinities and nans take
// the kernel's special branch and scalar callout.
// ---------------------------------------------------------------------------------

// Coefficients at data offsets 256, 320, ..., 1408 (AT2[k] = offset 256 + 64*k).
const AT2 = hexF64(
  'bef4fdb537abc7a33f2ced0a36665209bf52e67c93954c233f6f5a1dae82afb3bf82b2ec618e4bad3f914f4c661116a5' +
  'bf9a5e83b081f69c3fa169980cb6ad4fbfa4efa2e563c1bc3fa7ec0fbc50683bbfaad261eaa099543fae1749bd612dcf' +
  'bfb11084009435e03fb3b12a49295651bfb745d009bada943fbc71c707f7d5b5bfc2492491ee55c73fc999999997ee34' +
  'bfd55555555553c5');
const AT2_PI = hexD('400921fb54442d18');

function atan2Main(y: number, x: number): number {
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  const k1 = ay < ax;
  const r = k1 ? ay / ax : -ax / ay;
  const pio2 = k1 ? 0 : ATAN_PIO2;
  const r2 = r * r;
  const r4 = r2 * r2;
  const r8 = r4 * r4;
  let p15 = fmaRN(AT2[0], r8, AT2[4]);
  let p11 = fmaRN(AT2[1], r8, AT2[5]);
  let p9 = fmaRN(AT2[2], r8, AT2[6]);
  let p8 = fmaRN(AT2[3], r8, AT2[7]);
  p15 = fmaRN(r8, p15, AT2[8]);
  p11 = fmaRN(r8, p11, AT2[9]);
  p9 = fmaRN(r8, p9, AT2[10]);
  p8 = fmaRN(r8, p8, AT2[11]);
  p15 = fmaRN(r8, p15, AT2[12]);
  p11 = fmaRN(r8, p11, AT2[13]);
  p9 = fmaRN(r8, p9, AT2[14]);
  p8 = fmaRN(r8, p8, AT2[15]);
  p8 = r8 * p8;
  p15 = fmaRN(r8, p15, AT2[16]);
  p11 = fmaRN(r8, p11, AT2[17]);
  p15 = fmaRN(r2, p15, p11);
  p9 = fmaRN(r8, p9, AT2[18]);
  p9 = fmaRN(r2, p9, p8);
  p15 = fmaRN(r4, p15, p9);
  p15 = fmaRN(r, p15, r);
  let res = p15 + pio2;
  // or in the sign of x; add pi when x <= 0; or in the sign of y.
  if (x < 0 || (x === 0 && 1 / x < 0)) res = -Math.abs(res);
  if (x <= 0) res = res + AT2_PI;
  return y < 0 || (y === 0 && 1 / y < 0) ? -Math.abs(res) : res;
}

const AT2_LO = 2 ** -1020;
const AT2_HI = 2 ** 993;

/** np.arctan2(y, x) on float64 (SVML __svml_atan28, one lane). */
export function npArctan2_64(y: number, x: number): number {
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  if (ay >= AT2_LO && ay < AT2_HI && ax >= AT2_LO && ax < AT2_HI) return atan2Main(y, x);
  if (y !== y || x !== x) return NaN;
  const sy = y < 0 || (y === 0 && 1 / y < 0) ? -1 : 1;
  const xneg = x < 0 || (x === 0 && 1 / x < 0);
  if (y === 0) return sy * (xneg ? AT2_PI : 0);
  if (x === 0) return sy * ATAN_PIO2;
  if (ax === Infinity) {
    if (ay === Infinity) return sy * (xneg ? 2.356194490192345 : 0.7853981633974483);
    return sy * (xneg ? AT2_PI : 0);
  }
  if (ay === Infinity) return sy * ATAN_PIO2;
  // Finite, nonzero, but tiny or huge: the kernel's scalar callout. Scaling both by a
  // power of two leaves atan2 unchanged and brings them into the main path's range
  // when their ratio allows it.
  const ey = exponentOf(ay);
  const ex = exponentOf(ax);
  const shift = -Math.round((ey + ex) / 2);
  const sy2 = scalef(y, shift);
  const sx2 = scalef(x, shift);
  const a2 = Math.abs(sy2);
  const b2 = Math.abs(sx2);
  if (a2 >= AT2_LO && a2 < AT2_HI && b2 >= AT2_LO && b2 < AT2_HI) return atan2Main(sy2, sx2);
  // One argument dwarfs the other.
  if (ay > ax) return sy * ATAN_PIO2;
  return xneg ? sy * AT2_PI : y / x;
}

// ---------------------------------------------------------------------------------
// float64 power: SVML __svml_pow8. log2(x) in extra precision (table + polynomial,
// DblRcp = vrcp14pd rounded to 1/32), y*log2(x) split into high (rounded toward
// zero) and low parts, then 2^(y*log2(x)) with a 16-entry table. x <= 0, inf/nan
// operands and |y*log2(x)| > 1021.5 go to the scalar callout.
// ---------------------------------------------------------------------------------

// -log2(DblRcp) high and low parts, indexed by DblRcp's top 5 significand bits.
const POW_TH = hexF64(
  '0000000000000000bfa6bad3758e0000bfb663f6fac90000bfc08c588cda8000bfc5c01a39fc0000bfcacf5e2db50000' +
  'bfcfbc16b9028000bfd24407ab0e0000bfd49a784bcd0000bfd6e221cd9d0000bfd91bba891f0000bfdb47ebf7388000' +
  'bfdd6753e0330000bfdf7a8568cb0000bfe0c10500d64000bfe1bf311e95e0003fda8ff9718100003fd8a8980abfc000' +
  '3fd6cb0f6865c0003fd4f6fbb2cec0003fd32bfee37100003fd169c0536400003fcf5fd8a90600003fcbfc67a8000000' +
  '3fc8a8980abf80003fc563dc29ff80003fc22dadc2ab00003fbe0b1ae8f300003fb7d60496d000003fb1bb32a6000000' +
  '3fa77394c9da00003f9743ee86200000');
const POW_TL = hexF64(
  '0000000000000000bd5fb0e626c0de13bd33167ccc5382613d2871a7610e40bd3d54bc302ffa76fb3d436c101ee13440' +
  '3d47f5dc57266758bd3ce60916e52e91bd5b8afe492bf6ffbd49bcaf1aa4168abd5708b4b2b5056cbd250520a377c7ec' +
  '3d55f101c141e670bd3b3b3864c600113d45669df6a2b5923d5fe43895d8ac463d44bc302ffa76fbbd266cccab240e90' +
  '3d41d406db5024033d3661e393a16b95bd51979a5db68722bd4d4f1b95e0ff453d5f1a4847f7b278bd3667f21fa8423f' +
  '3d5e9933354dbf173d56590643906f2a3d5a4b69691d7994bd054cda62d3926ebd512ce6312ebb823d552743318a8a57' +
  'bd54e55443478fe0bd495539356f93dc');
// 2^(j/16), j = 0..15.
const POW_TE = hexF64(
  '3ff00000000000003ff0b5586cf9890f3ff172b83c7d517b3ff2387a6e7562383ff306fe0a31b7153ff3dea64c123422' +
  '3ff4bfdad5362a273ff5ab07dd4854293ff6a09e667f3bcd3ff7a11473eb01873ff8ace5422aa0db3ff9c49182a3f090' +
  '3ffae89f995ad3ad3ffc199bdd85529c3ffd5818dcfba4873ffea4afa2a490da');
const POW_C1H = hexD('3ff71547652b82fe');
const POW_C2H = hexD('bfe71547652b82fe');
const POW_P9 = hexD('3fc48799f5374b96');
const POW_P8 = hexD('bfc717e59a559f5d');
const POW_P7 = hexD('3fca6175fca19d03');
const POW_P6 = hexD('bfcec709bc8fb8df');
const POW_P5 = hexD('3fd2776c50f03272');
const POW_P4 = hexD('bfd71547652bc9ea');
const POW_P3 = hexD('3fdec709dc3a03fc');
const POW_P2 = hexD('3c636b5ddffe5b67');
const POW_C1L = hexD('3c7777f3ee5e912f');
const POW_SHIFT = hexD('42f8000000003ff0'); // 1.5*2^48 + 1023, ulp 2^-4
const POW_E5 = hexD('3f24a1d7f58c2d59');
const POW_E4 = hexD('3f55d7472783d279');
const POW_E3 = hexD('3f83b2ad1b14ebaa');
const POW_E2 = hexD('3fac6b08d4ad8eb9');
const POW_E1 = hexD('3fcebfbdff84554d');
const POW_E0 = hexD('3fe62e42fefa398b');
const POW_LIMIT = 1021.5;
const TWO52 = 4503599627370496;

/** a*b rounded toward zero (vmulpd {rz-sae}). */
function mulRZ(a: number, b: number): number {
  const p = a * b;
  if (p === 0 || p - p !== 0) return p;
  return fmaRZ(a, b, 0);
}

/** a + b rounded toward -inf (vaddpd {rd-sae}), finite operands. */
function addRD(a: number, b: number): number {
  const s = a + b;
  const w = s - a;
  const err = (a - (s - w)) + (b - w);
  if (err < 0) return s > 0 ? stepTowardZero(s) : stepAwayFromZero(s);
  if (s === 0 && err === 0 && (a !== 0 || b !== 0)) return -0;
  return s;
}

/** a - b rounded toward -inf, finite operands. */
function subRD(a: number, b: number): number {
  return addRD(a, -b);
}

/** np.power on float64 arrays (SVML __svml_pow8, one lane). */
export function npPower64(x: number, y: number): number {
  if (!(x > 0 && x < Infinity) || !(y - y === 0)) return powRare64(x, y);
  // vgetmantpd to [0.5, 1) and vgetexppd.
  const e = exponentOf(x);
  const m = getMant(x) * 0.5;
  // DblRcp = rcp14(m) rounded to 5 fractional bits (to nearest even).
  const rcp = ((rcp14(m) * 32 + TWO52) - TWO52) * 0.03125;
  const r = fmaRN(rcp, m, -1);
  F64[0] = rcp;
  const idx = (U32[HI] >>> 15) & 31;
  const ex = rcp < 1.5 ? e + 1 : e;
  let p7 = fmaRN(POW_P9, r, POW_P8);
  const r2 = r * r;
  const th = POW_TH[idx];
  const tl = POW_TL[idx];
  const p67 = fmaRN(POW_P7, r, POW_P6);
  const eth = ex + th;
  p7 = fmaRN(r2, p7, p67);
  const p45 = fmaRN(POW_P5, r, POW_P4);
  p7 = fmaRN(r2, p7, p45);
  let t5 = fmaRN(r, r, -r2); // R2l
  t5 = fmaRN(POW_C2H, t5, tl);
  const p23 = fmaRN(POW_P3, r, POW_P2);
  const hi1 = fmaRN(POW_C1H, r, eth);
  p7 = fmaRN(r2, p7, p23);
  let rc1l = hi1 - eth;
  t5 = fmaRN(p7, r2, t5);
  rc1l = fmaRN(r, POW_C1H, -rc1l);
  const hi2 = fmaRN(POW_C2H, r2, hi1);
  rc1l = fmaRN(POW_C1L, r, rc1l);
  const high = hi2 + t5;
  const c2hh = hi2 - hi1;
  const z = mulRZ(high, y);
  const c2hl = fmaRN(POW_C2H, r2, -c2hh);
  const tlh = high - hi2;
  const zl0 = fmaRZ(y, high, -z);
  const tll = t5 - tlh;
  const lo = tll + (rc1l + c2hl);
  if (!(Math.abs(z) <= POW_LIMIT)) return powRare64(x, y);
  const s = addRD(z, POW_SHIFT);
  const f = subRD(z, Math.floor(z * 16) * 0.0625); // vreducepd $65: z - floor(16 z)/16, rounded down
  const zl = fmaRZ(y, lo, zl0);
  let re = f + zl;
  F64[0] = re;
  U32[HI] &= 0xbfffffff;
  re = F64[0];
  const bits = loWord(s);
  const te = POW_TE[bits & 15];
  const scale = fromWords(((bits >>> 4) & 0x7ff) << 20, 0);
  const re2 = re * re;
  const rt = re * te;
  let q = fmaRN(POW_E5, re, POW_E4);
  const q12 = fmaRN(POW_E3, re, POW_E2);
  const q14 = fmaRN(POW_E1, re, POW_E0);
  q = fmaRN(re2, q, q12);
  q = fmaRN(re2, q, q14);
  return fmaRN(rt, q, te) * scale;
}

// __dpow_la_CoutTab of the scalar callout (860 doubles): three-stage reciprocal and
// log2 tables, 2^(j/128) pairs, polynomial coefficients and constants.
const POWR_B64 =
  'AAAAAAAA8D8AAAAAwAfvPwAAAAAAHu4/AAAAAMBB7T8AAAAAwHHsPwAAAAAAres/AAAAAIDy6j8AAAAAwEHqPwAAAACAmek/AAAA' +
  'AMD56D8AAAAAgGHoPwAAAABA0Oc/AAAAAMBF5z8AAAAAgMHmPwAAAADAQuY/AAAAAIDJ5T8AAAAAQFXlPwAAAAAA5uQ/AAAAAAB7' +
  '5D8AAAAAABTkPwAAAABAseM/AAAAAABS4z8AAAAAgPbiPwAAAABAnuI/AAAAAEBJ4j8AAAAAAPfhPwAAAADAp+E/AAAAAABb4T8A' +
  'AAAAABHhPwAAAACAyeA/AAAAAECE4D8AAAAAAEHgPwAAAAAAAOA/AAAAAAAAAAAAAAAAAAAAAAAAH6ABu6Y/cds5dF6ZPD0AAPhP' +
  'aGW2P7A/qY3yhDA9AMAOgteMwD8HArQRxUM1PQBgkGRIwMU/aDZfftTFKD0A4CsDMM/KP2aRv94zNy49AOCW40S8zz84VGYo+bNH' +
  'PQCw0pClQ9I/XdTp6HWbPD0A0Bih1JrUP6bMAnM3zUU9ABDvkifi1j85kH4OJE8xPQBQaZ7RG9k/Z8b25D67TT0A0D4nZUjbP2Ef' +
  'nglKtUo9ABAjIJln3T8EdeiWUO0YPQBwdJ40et8/IJHZgXBuSj0AAM9QFsHgP6VSEetSF0Y9AJiObkK/4T9WXwVs/2o3PQBANRyd' +
  'j9q/VJhPT/UERr0AMASKIqnYv4TYjc8gvEm9AECq55nL1r8rAKfVWitBvQAAg12f9tS/Rq5L0m3zOL0AcLX4FSzTvzKSHeDibg29' +
  'ALBP0zVp0b+lhI00xlEhvQCgcX6qX8+/wlLFIHYVPb0A4FsdXPzLvzi1Qg6QhCe9AKBICa2pyL9WWvJkuolMvQAAa/+tY8W/wyKU' +
  'BzcITb0AYHQC8y3Cvz1dUMLjSDC9AEDukpQIvr+Hf9X8iVVAvQCAoEGT1Le/Var3vPjuTr0AQFrPdbyxv5eDnhOyfU29AICCwf14' +
  'p78zU6/yijc0vQAAejF9Qpe/lLADS/EAR70AAAAAAAAAAAAAAAAAAAAAAAAAAAAA8D8AAAAAAPDvPwAAAAAA4O8/AAAAAEDQ7z8A' +
  'AAAAgMDvPwAAAADAsO8/AAAAAACh7z8AAAAAgJHvPwAAAAAAgu8/AAAAAIBy7z8AAAAAAGPvPwAAAADAU+8/AAAAAIBE7z8AAAAA' +
  'QDXvPwAAAAAAJu8/AAAAAEBF8D8AAAAAAEHwPwAAAAAAPfA/AAAAAMA48D8AAAAAwDTwPwAAAACAMPA/AAAAAIAs8D8AAAAAgCjw' +
  'PwAAAABAJPA/AAAAAEAg8D8AAAAAQBzwPwAAAABAGPA/AAAAAAAU8D8AAAAAABDwPwAAAAAADPA/AAAAAAAI8D8AAAAAAATwPwAA' +
  'AAAAAPA/AAAAAAAAAAAAAAAAAAAAAAAAKKQOG2c/R+92mGh/ST0AAGjA2SB3P8zHeDf1GkQ9AAB6isZFgT+IZMCa0b1EPQAA0mH0' +
  '/YY/9/bZRvyePD0AAFw1+biMP1m0+63JdTI9AAA17Gs7kT/bKsNPtCUPPQAAdnsWEJQ/F1PtqAyIPz0AAHoxJeaWP9sUVmQOP0U9' +
  'AAABbZm9mT+rLRo0htYsPQAA0I50lpw/BAvRZo34Tj0AACDU7WSfP9ooiILDEUU9AACSl2IaoT/WNtTXXJJNPQAA1/r9gqI/bo2L' +
  'peDuST0AAMK/SeyjP4YADi7D6k09AAAjMZPEmL/6q/xeB61JvQAAejF9Qpe/lLADS/EAR70AAJHuwNaVv6MCUlMVUUq9AAC2reZT' +
  'lL8x9wLhRFpBvQAACFdx55K/hq3pXth+TL0AABAN0mORvz/jT2a56Ea9AADMy0Xtj79WQEZDOfM3vQAA6sUyEo2/38i9sDTPF70A' +
  'AGgoqAiKv8+cK/AppTW9AADwTB8sh79z5Q9YNEkrvQAA8qbgToS/F0Mx/8vIJL0AABzc63CBvy8jxSywfUS9AADUl5/IfL97DjOQ' +
  'nKxDvQAAeG3ECXe/JenNVrpjRb0AAPTMeklxv3Dn093nCE+9AAAI/4MPZ79tZ9QxJqszvQAAQDdlEle/HcpP/aCiL70AAAAAAAAA' +
  'AAAAAAAAAAAAAAAAQEcV9z8AAAAAGRX3PwAAAADrFPc/AAAAwLwU9z8AAACAjhT3PwAAAIBgFPc/AAAAQDIU9z8AAABABBT3PwAA' +
  'AADWE/c/AAAAwKcT9z8AAADAeRP3PwAAAIBLE/c/AAAAgB0T9z8AAABA7xL3PwAAAEDBEvc/AAAAAJMS9z8AAAAAZRL3PwAAAMA2' +
  'Evc/AAAAwAgS9z8AAACA2hH3PwAAAICsEfc/AAAAgH4R9z8AAABAUBH3PwAAAEAiEfc/AAAAAPQQ9z8AAAAAxhD3PwAAAACYEPc/' +
  'AAAAwGkQ9z8AAADAOxD3PwAAAIANEPc/AAAAgN8P9z8AAACAsQ/3PwAAAECDD/c/AAAAQFUP9z8AAABAJw/3PwAAAED5Dvc/AAAA' +
  'AMsO9z8AAAAAnQ73PwAAAABvDvc/AAAAAEEO9z8AAADAEg73PwAAAMDkDfc/AAAAwLYN9z8AAADAiA33PwAAAMBaDfc/AAAAgCwN' +
  '9z8AAACA/gz3PwAAAIDQDPc/AAAAgKIM9z8AAACAdAz3PwAAAIBGDPc/AAAAgBgM9z8AAACA6gv3PwAAAIC8C/c/AAAAQI4L9z8A' +
  'AABAYAv3PwAAAEAyC/c/AAAAQAQL9z8AAABA1gr3PwAAAECoCvc/AAAAQHoK9z8AAACAUxv3PwAAAEA8G/c/AAAAQCUb9z8AAAAA' +
  'Dhv3PwAAAAD3Gvc/AAAAwN8a9z8AAADAyBr3PwAAAICxGvc/AAAAgJoa9z8AAABAgxr3PwAAAEBsGvc/AAAAAFUa9z8AAAAAPhr3' +
  'PwAAAMAmGvc/AAAAwA8a9z8AAACA+Bn3PwAAAIDhGfc/AAAAQMoZ9z8AAABAsxn3PwAAAACcGfc/AAAAAIUZ9z8AAADAbRn3PwAA' +
  'AMBWGfc/AAAAgD8Z9z8AAACAKBn3PwAAAEARGfc/AAAAQPoY9z8AAABA4xj3PwAAAADMGPc/AAAAALUY9z8AAADAnRj3PwAAAMCG' +
  'GPc/AAAAgG8Y9z8AAACAWBj3PwAAAIBBGPc/AAAAQCoY9z8AAABAExj3PwAAAAD8F/c/AAAAAOUX9z8AAADAzRf3PwAAAMC2F/c/' +
  'AAAAwJ8X9z8AAACAiBf3PwAAAIBxF/c/AAAAQFoX9z8AAABAQxf3PwAAAEAsF/c/AAAAABUX9z8AAAAA/hb3PwAAAMDmFvc/AAAA' +
  'wM8W9z8AAADAuBb3PwAAAIChFvc/AAAAgIoW9z8AAACAcxb3PwAAAEBcFvc/AAAAQEUW9z8AAAAALhb3PwAAAAAXFvc/AAAAAAAW' +
  '9z8AAADA6BX3PwAAAMDRFfc/AAAAwLoV9z8AAACAoxX3PwAAAICMFfc/AAAAgHUV9z8AAABAXhX3PwAAAEBHFfc/AAAAAAAAAAAA' +
  'AAAAAAAAAAAAAFAXIAc/Nk8fZCWZCT0AAAA7LhAXPyTRYsGCABI9AACADDRQIT/0XxIJ5x5EPQAAAJJcGCc/b/SrixzN7jwAAABd' +
  'kNgsP8/wu/Bg7js9AABA/2dQMT/dSJaK39s/PQAAQGONMDQ/cLbhrsuBNj0AAIDCuBQ3Pz4VPb/mAkE9AABA7en4OT+8Snkz8l42' +
  'PQAAQJMg2Tw/CEU4PQvfTz0AAEBNXb0/P4o0LHhmoRk9AABAuc9OQT9/4N05oKtIPQAA4N3zwEI/I9hfnYpfQz0AAGCwGjFEP+yL' +
  'RRI6lkc9AADgnESjRT/9E4wsUeFHPQAAYC9xE0c/+tQLy77QSD0AAADkoIVIP3Sk4dwh2zk9AACgNtP1ST8WCWZVZpFIPQAAgLMI' +
  'aEs/0KdiyFh5PT0AAIDGQNhMP/RwO9S6EkM9AADAt3tITj9BLF6XPzZGPQAAYN+5uk8/w8YPhWNOIj0AAKBIfZVQP6YaoheWaCU9' +
  'AADAQJ9OUT8kKFikX64yPQAAEHrCBlI/V/2whPjDRT0AAKAi575SP0kWrUpcUko9AACAcA14Uz/ecVAnGOsdPQAAkPk0MFQ/tl/X' +
  '1eTqSD0AAAAsXulUP4UbKcHFKDc9AACwlYihVT/X8OyrmmlPPQAA0G60WVY/qR8tjyXtIj0AAED34RJXP4DlMIvvRTQ9AAAQsRDL' +
  'Vz/G+nXcUh1DPQAAUNpAg1g/ab01ocv7Pz0AAABzcjtZP9vlYy0AcTg9AAAgw6X0WT9isAsc3a9FPQAAwDzarFo/rkDQ3E+RQT0A' +
  'AOAlEGVbPx9bJNuHcz49AACAfkcdXD8/az1ZGx5KPQAAwJaA1lw/JvwxzFx96jwAAIDQuo5dP2kwKna87ys9AADQefZGXj8s4CuV' +
  '/zlNPQAA0JIz/14/tBwaOzc0PT0AAHAbcrdfP3CEIVfySSo9AADYNlk4YD+1oytgtq1DPQAA0Ot5lGA/E+6RBVZgSj0AAKhYm/Bg' +
  'P0v0r0/sPjQ9AABYfb1MYT858Q0TxsQ8PQAA6FngqGE/fxCAk62gQj0AAGDuAwViPypaA7lakRI9AAC4OihhYj+jrMog7d0xPQAA' +
  '+D5NvWI/x3kQKG7vQT0AACj7chljP39JmGtrmDE9AABApRl2Yz8wtPKRlzZMPQAAUNJA0mM/YgcczqfsQD0AAFC3aC5kPy4eOweG' +
  '+kU9AABIVJGKZD/9IqYF6dlGPQAAOKm65mQ/cqBVS8wETz0AACi25EJlPw5OCRZw9Uk9AAAYew+fZT858mxhWSZDPQAAgGnVLVi/' +
  '9wjXPkG1Or0AAJCR7dBXv0aONXvGNUG9AAAwGwV1V7/eb+32wPP+vAAAQIkcGFe/f4D3WlWkRr0AAOBaM7xWvy2JnJE3JkW9AAAA' +
  'D0pfVr/Qjm6AgNNGvQAAoChgA1a/a33c/l5UTr0AANAidqZVv7wnq/1axCi9AABwhItKVb9A1fGUwO9AvQAAkMSg7VS/VX5dbqEq' +
  'Sb0AAEButZFUv5VJOq4xXAa9AABg9Mk0VL9RDLOQkbUgvQAAAObd2FO/LClkXB+OIL0AABCy8XtTv+byBvZdpku9AACw6wQgU7+g' +
  'PFka1Ss7vQAAwP0Xw1K/fQ829UYCRL0AAFB/KmdSv0fKv3uBKUK9AABg1zwKUr8j8TDPKtkKvQAA4KBOrlG/rTA4aXUqKb0AANA+' +
  'YFFRvyYUOeBuFEm9AABAUHH1UL9EIwBXSWVOvQAAMDSCmFC/CR8xj4dFPb0AAJCNkjxQv6ZO/iiWyj29AADAbkW/T79/TAoPNMRG' +
  'vQAAYLFkB0+/9ROPT0VsOL0AAOCQg01Ov2qdCU9zkCe9AABAY6GVTb+sBPgrFYY1vQAAgH6+3Uy/Ql6n7dzyQ70AAKAw2yNMv9Bi' +
  'ONL39k69AADA2/ZrS7+M9wAj0ec9vQAAoBkSskq/KFlku5k8Tb0AAIBULPpJv4WB8a3Uhzy9AAAgHkZASb+wGAYaWv5JvQAAwOhe' +
  'iEi/pvbuqqU0Kb0AACD8dtBHv2JUu+zAzzm9AABgmI4WR79rwaG/TvM2vQAAgDulXka/AcqIkBztIr0AAGBju6RFv7XpbS0gM0K9' +
  'AAAgltDsRL8ISNgQcVhIvQAAwEnlMkS/CpCSWRTGPb0AACAM+XpDv/L0EfaxKEy9AABgFwzDQr+kbUkScrRJvQAAgJ0eCUK/5WN7' +
  'sF9UIr0AAGA4MFFBvxmqTWt0/PO8AAAASkGXQL+sQ3mfrRkovQAAwOiivj+/AY8BBZLMSr0AAEDPwU4+v5yt7F0osEi9AABAl9/a' +
  'PL8HUhFj3aJMvQAAAJ37aju/Y5P8pwNANb0AAAB8Fvc5vzF4ekDgikq9AADAoC+HOL+dk6iRi91CvQAAAFdHFze/VT0kLyVJOr0A' +
  'AMDaXaM1vxtYoiLfQSe9AAAAsHIzNL/S4CI8dasMvQAAgBaGwzK/3dTBXxFuS70AAMA+mE8xvygeEpeakj+9AAAAiVG/L7/a22+A' +
  'HuoTvQAAAAdw1yy/y17pUbEON70AAABQi/cpvwd1JP9Zh0G9AAAAvKMXJ79A8cbGaw08vQAAgIK5LyS/YsHTuO/yTL0AAIAszE8h' +
  'v37pzxLjbCC9AAAA8bffHL9or1YQNHdNvQAAABDSDxe/75oyKaTKJL0AAAAk5k8RvxETtwbDhPK8AAAA+ugfB7+aVpjdDLszvQAA' +
  'AKz0//a+xwd0C9dUTb0AAAAAAAAAAAAAAAAAAAAAAAAAAAAA8D8AAAAAAAAAADUz+6k9FvA/t824milhmzxhgHc+mizwP10IW1OD' +
  'kHG8hX9u6BVD8D9uyXcZHKOQvHSFFdOwWfA/ZbR1pOJzjTze9t0pa3DwPyY8seLfkYy8yJt1GEWH8D//hLJLvoZhPIPzxso+nvA/' +
  'NWExGHhIkTwPiflsWLXwPwph3Eouppg890dyK5LM8D9xT+IW3B6QPKLR0zLs4/A/UnvFJxc6QDwb0/6vZvvwP3u9TsTtm2u8UVsS' +
  '0AET8T85m0Q5EMWWvMwxbMC9KvE/x6VssxS1UbzgLamumkLxP5428Zq/L5O8UY6lyJha8T8Jq+65akCCPHtRfTy4cvE/dYrXuUGQ' +
  'gbzqjYw4+YrxP2sPl9EjEJG8dctv61uj8T/kaEl7TFuOPNRcBITgu/E/B/YuNYZTmbyquWgxh9TxPzxkogBuAZ48Hdn8IlDt8T+L' +
  't3sCmN+RvNaMYog7BvI/lIRKgXXHjTyW3H2RSR/yP+2llJR+qYI8OGJ1bno48j9yBce2frCZPD+msk/OUfI/pPT0vlXBijzdfOJl' +
  'RWvyP9npQJkzvYI8gWP14d+E8j99DT+MOkyavOHeH/WdnvI/VRKtr+gShjyQ2drQf7jyP6MaONbcCkG8CwPkpoXS8j/UQdtURwKQ' +
  'PFYvPqmv7PI/gyPVRQ/KcTwVtzEK/gbzP+SCMdJq9IY8MdhM/HAh8z98BBiO55yKPP8WZLIIPPM/pVk2hCEnkzzxn5JfxVbzPyhG' +
  'TlzuXIu8y6k6N6dx8z/h6kK/6jqWvGbYBW2ujPM/vASZPI2Vnrz3n+U026fzP+L1YdY25HW85agTwy3D8z/DKV03+P+evCI0Ekym' +
  '3vM/u57wEQnaijwcgKwERfrzP/P5Vvkj0Je8Ki73IQoW9D94kjAcafNevJeoUNn1MfQ/mHlf493HgbwtiWFgCE70P8+A7wR6m0g8' +
  'VwAd7UFq9D92imTRS5ScPNA8wbWihvQ/8GKQtqPBczze09fwKqP0P1a+0fNiy5k8Jyo21dq/9D/iQuyvl0N9PA3d/Zmy3PQ/M3hq' +
  'vNvsmDynLJ12svn0P+NXWdIJs5S8QmbPotoW9T/uk71phXaPvIJPnVYrNPU/rDyxHb56gLwPkl3KpFH1P5rl7e+caI282ie1Nkdv' +
  '9T+skx0BLLuZPP3Hl9QSjfU/5x2aW+GVgjwpVEjdB6v1P6xHRgVMMpY8t0ZZiibJ9T+ihmmBG0s8PEghrRVv5/U/XeaAMPmmmzwJ' +
  '3Ha54QX2P0feVptC4pO8hVU6sH4k9j+WtEB+wYOTvCDDzDRGQ/Y/MomddTxIjLwlIlWCOGL2PzMcWYcJtpu8c6lM1FWB9j9kPvdE' +
  'rjhgPM07f2aeoPY/VWSyEzTdm7y/2gt1EsD2PwwL/2dWiXK8LxplPLLf9j+qiDxoOr5rvISUUfl9//Y/9g6GJQ88iLx0X+zodR/3' +
  'P5l6iIZHboG8dIGlSJo/9z871WVs2aiQvMlnQlbrX/c/020xV1kkkLw/Xd5PaYD3PywWAgq4Zpg8hwHrcxSh9z8vmQTudxWEvDLB' +
  'MAHtwfc/1U0W0UwSnzxiTs828+L3P355FboCXXA8Eho+VCcE+D8ql21ihnySvBPOTJmJJfg/1zIV1B1MnbytxyNGGkf4P/vNQaOE' +
  '1oi87ZJEm9lo+D+69tSb+MafvJlmitnHivg/OrV888KUmTzboCpC5az4PyZLhlbx6ZY8jES1FjLP+D+q4+kyXtVwvDZ3FZmu8fg/' +
  'bJfjohPMhTzG/5ELWxT5PyMlWC551p285cXNsDc3+T+7frWBx19nvA9SyMtEWvk/OfCllnxLdrxQTt6fgn35P9CFG3xbGJ28ugfK' +
  'cPGg+T8y5s6RvXORvJDwo4KRxPk/vvJxsEZ8fDwjI+MZY+j5P25M5njKJHg8ZeVde2YM+j8y1RxdSVmTvDMtSuybMPo/qzbcfVww' +
  'ljxdJT6yA1X6P+FBjdtuL528WLMwE555+j/GY8XKfsubPL/9eVVrnvo/Mf33Dsn6kDx689O/a8P6P9Bs58o0ko+8rdNamZ/o+j+B' +
  'zF00zaGXPGa2jSkHDvs/JOSATPXem7z7FU+4ojP7PwfXhDBegGK8OlnljXJZ+z/jbbq733GcvEde+/J2f/s/OqxUfk9YdbxKBqEw' +
  'sKX7Py4pVA7T/J680sFLkB7M+z+Eni160D2CPAke11vC8vs/cpxrP8r9nrycUoXdmxn8P91IUIllEIE8etD/X6tA/D8KxoPgN0Wb' +
  'PEvRVy7xZ/w/rDxI/02Ikjy15waUbY/8P0RcgEi8rHE8aZDv3CC3/D/bSenRywN1PPrDXVUL3/w/cp2CUzvYjbx8iQdKLQf9P5x6' +
  'eUM3vJy88okNCIcv/T93hZ1xe0idvIek+9wYWP0/Bjdb1wLtgjyYg8kW44D9P+jf7YvBHpG8hTLbA+ap/T8ytW1pACOcPGC0AfMh' +
  '0/0/whjweFfakjxfm3szl/z9P1tLGE/NpZG8KaH1FEYm/j+WFHqBJ7aXvPY/i+cuUP4/j8ypgImegzyDTMf7UXr+P+GNDMoi1ZI8' +
  '2pCkoq+k/j+TKJwXI5yevPFnji1Iz/4/jK0RtPOTnLwnWmHuG/r+P7C2pIb0x508l7prNysl/z9Djg2/paGTPEBFblt2UP8/iqHY' +
  'LeHTmTwUvpyt/Xv/Pwk1BtASu5282JCegcGn/z8ek6XzU0iHPPFxjyvC0/8/53lllnTrYjzoV2SWpsN5PgdBaUZDLta/4d62YtR/' +
  'xD/YEpAqR1C1v+85+v5CLuY/j8WC/72/zj/AoATXCGusP3dOum+rsoM/MWeK53/YVT8AAAAAAADgfwAAAAAAABAAAAAAAAAAAAAA' +
  'AAAAAADwPwAAAAAAAPC/AAAAAAAAyEIAAABARxX3PwAAAAIAAKBBAAAAAAAAcEwAAAAAAABwMw==';
let powr: Float64Array | undefined;

/**
 * __svml_dpow_cout_rare_internal: x <= 0, inf or nan operands, and results out of
 * the main path's range. A scalar pow computing log2|x| in double-double from three
 * reciprocal-table stages, y*log2|x| with Veltkamp splits, and 2^t from a 128-entry
 * table; sign from y's parity for x < 0.
 */
function powRare64(x: number, y: number): number {
  const T = (powr ??= b64F64(POWR_B64));
  const X = x * 1.0;
  const Y = y * 1.0;
  F64[0] = X;
  const xhi = U32[HI];
  const xlo = U32[LO];
  F64[0] = Y;
  const yhi = U32[HI];
  const ylo = U32[LO];
  const r13 = (xhi >>> 20) & 0x7ff;
  const edx = (yhi >>> 20) & 0x7ff;
  const r12 = xhi >>> 31;
  const bl = yhi >>> 31;
  const xMantZero = (xhi & 0xfffff) === 0 && xlo === 0;
  let yMantZero = (yhi & 0xfffff) === 0 && ylo === 0;
  const yFinite = edx !== 2047;
  // y's parity: 0 = not an integer, 1 = odd, 2 = even.
  let parity: number;
  let toL25 = false;
  const yhiNoSign = ((edx << 20) | (yhi & 0xfffff)) >>> 0;
  if ((yhiNoSign | ylo) === 0) {
    parity = 2; // y = +-0
    toL25 = true;
  } else if (edx < 1023 || !yFinite) {
    parity = 0;
    toL25 = true;
  } else {
    const ex = edx - 1023;
    if (ex > 20) {
      if (ex >= 53) parity = 2;
      else {
        const sh = (ylo << ((edx - 1012) & 31)) >>> 0;
        parity = (sh & 0x7fffffff) !== 0 ? 0 : ((~sh) >>> 31) + 1;
      }
    } else {
      const frac = ((yhiNoSign << ex) << 12) | ylo;
      parity = frac !== 0 ? 0 : ((~(yhiNoSign << ((edx - 1012) & 31))) >>> 31) + 1;
    }
  }
  if (toL25) {
    if (r12 === 0 && r13 === 1023) {
      // L74
      if (xMantZero) return 1.0;
      if (edx === 0 && yMantZero) return 1.0;
    } else if (edx === 0 && yMantZero) {
      return 1.0; // L27 -> L55
    }
  } else if (r12 === 0 && r13 === 1023 && xMantZero) {
    return 1.0; // L57 -> L55: x == 1
  }
  // L29 / L32
  const xNotInf = r13 !== 2047;
  if (!(xMantZero || xNotInf)) return X + Y; // x nan
  yMantZero = yMantZero || yFinite;
  if (!yMantZero) return X + Y; // y nan
  if (X === 0) {
    // L71
    const s = T[853 + (parity & r12)];
    const xx = X * X;
    return bl ? s / xx : s * xx;
  }
  if (X === -1) {
    // L68
    if (parity !== 0 || !yFinite) return T[853 + (parity & 1)];
  }
  // L36
  if (!xNotInf || !yFinite) {
    // L47: an infinite operand
    const s = T[853 + (parity & r12)];
    if (r13 < 1023) return bl ? Y * Y : 0.0;
    if (bl) return 0.0 * s;
    return X * X * Y * s;
  }
  if (!(X > 0) && parity === 0) return 0.0 / 0.0; // L46: x < 0, y not an integer
  // L40
  const sign = T[853 + (parity & r12)];
  let ax = Math.abs(X);
  let ecx = 0;
  if (r13 === 0) {
    ax = ax * T[858]; // 2^200
    ecx = -200;
  }
  // L43: log2|x| in double-double.
  F64[0] = ax;
  const hiX = U32[HI];
  const k = ((hiX - 0x3fe7c000) | 0) >> 20;
  const kk = k + ecx;
  U32[HI] = (hiX & 0x800fffff) | 0x3ff00000;
  const m = F64[0];
  const C = T[857]; // 2^27 + 1
  const i1 = (((hiX & 0xfc000) + 0x4000) >>> 15);
  const rcp1 = T[i1];
  let r = rcp1 * m;
  const cm = C * m;
  let lhi = kk + T[33 + 2 * i1];
  F64[0] = r;
  const i2 = (((U32[HI] & 0xfc00) + 0x400) >>> 11);
  const rcp2 = T[99 + i2];
  r = r * rcp2;
  lhi = lhi + T[132 + 2 * i2];
  let rcp = rcp1 * rcp2;
  const mh = cm - (cm - m);
  F64[0] = r;
  const i3 = (((U32[HI] & 0xff0) + 0x10) >>> 5);
  const rcp3 = T[198 + i3];
  rcp = rcp * rcp3;
  const ml = m - mh;
  lhi = lhi + T[327 + 2 * i3];
  r = r * rcp3;
  const u0 = r - T[856];
  const crcp = C * rcp;
  const lo1 = T[34 + 2 * i1];
  const lo2 = T[133 + 2 * i2];
  const lo3 = T[328 + 2 * i3];
  const rcph = crcp - (crcp - rcp);
  const rcpl = rcp - rcph;
  let rerr = mh * rcph - r;
  rerr = rerr + rcph * ml;
  rerr = rerr + mh * rcpl;
  rerr = rerr + ml * rcpl;
  const S = lhi + u0;
  const Slo = (lhi - S) + u0;
  const ebits = ((hiWord(S) >>> 20) & 0x7ff) + edx;
  if (ebits >= 2057) {
    // L67: |y*log2|x|| is huge
    const b = bl ^ (hiWord(S) >>> 31);
    const t = T[850 + b];
    return t * t * sign;
  }
  if (ebits <= 1984) return (1.0 + T[851]) * sign;
  // L58
  const u = u0 + rerr;
  let p = T[844] * u;
  const lsum = lo1 + (lo2 + lo3);
  const rs = rerr + Slo;
  p = p + T[843];
  const lows = lsum + rs;
  p = p * u;
  p = p + T[842];
  p = p * u;
  p = p + T[841];
  p = p * u;
  const H = S + p;
  const Hl = (S - H) + p;
  const L = lows + H;
  const Llow = (H - L) + lows;
  const cl = C * L;
  const Llo = (Llow + Hl) * Y;
  const cy = Y * C;
  const Lh = cl - (cl - L);
  const Ll = L - Lh;
  const Yh = cy - (cy - Y);
  const Yl = Y - Yh;
  const yhlh = Yh * Lh;
  const shifted = T[855] + yhlh;
  let rest = Yh * Ll + Ll * Yl;
  rest = rest + Lh * Yl;
  rest = rest + Llo;
  const N = shifted - T[855];
  const rr = (yhlh - N) + rest;
  const sb = loWord(shifted);
  const j = sb & 127;
  const M = sb >> 7;
  let q = T[849] * rr;
  const thi = T[585 + 2 * j];
  q = q + T[848];
  q = q * rr;
  q = q + T[847];
  q = q * rr;
  q = q + T[846];
  q = q * rr;
  q = q + T[845];
  q = q * rr;
  q = q * thi;
  q = q + T[586 + 2 * j];
  const res = q + thi;
  F64[0] = res;
  const rhi = U32[HI];
  const e = M + ((rhi >>> 20) & 0x7ff) - 1023;
  if (e >= 1024) return T[850] * T[850] * sign; // L66
  if (e >= -1022) {
    U32[HI] = (rhi & 0x800fffff) | (((e + 1023) & 2047) << 20);
    return F64[0] * sign;
  }
  if (e >= -1032) {
    // L61: subnormal result, rounded once
    const low = q + (thi - res);
    const cres = C * res;
    const resh = cres - (cres - res);
    const resl = res - resh;
    const scale = fromWords(((M + 1223) & 2047) << 20, 0); // 2^(M + 200)
    const v = (resl + low) * scale + resh * scale;
    return (sign * T[859]) * v + T[851] * T[851];
  }
  if (e >= -1084) {
    // L63
    const scale = fromWords(((M + 1223) & 2047) << 20, 0);
    return (sign * T[859]) * (res * scale) - T[851] * T[851];
  }
  return T[851] * T[851] * sign; // L65
}

// ---------------------------------------------------------------------------------
// float64 tan: SVML __svml_tan8. x = N*pi/16 + R, tan(x) = (Th + P)/(1 - Th*P) with
// Th = tan(N*pi/16) and P = tan(R) (odd polynomial); the division by vrcp14pd and
// Newton steps. |x| > 128000 takes the kernel's long reduction path.
// ---------------------------------------------------------------------------------

const TAN_TH = hexF64(
  '80000000000000003fc975f5e05531583fda827999fcef323fe561b82ab7f9903ff00000000000003ff7f218e25a7461' +
  '4003504f333f9de640141bfee2424771ffefffffffffffffc0141bfee2424771c003504f333f9de6bff7f218e25a7461' +
  'bff0000000000000bfe561b82ab7f990bfda827999fcef32bfc975f5e0553158');
const TAN_16OPI = hexD('40145f306dc9c883');
const TAN_PI16H = hexD('3fc921fb54442d18');
const TAN_PI16M = hexD('3c61a62633145c06');
const TAN_PI16L = hexD('391c1cd129024e09');
const TAN_C1 = hexD('3fd55555555555dc');
const TAN_C2 = hexD('3fc11111110b0802');
const TAN_C3 = hexD('3faba1ba489d25ca');
const TAN_C4 = hexD('3f9664ab664efba9');
const TAN_C5 = hexD('3f825cccc7c9fa5d');

/** np.tan on float64 (SVML __svml_tan8, one lane). */
export function npTan64(x: number): number {
  if (!(Math.abs(x) <= 128000)) return tanLarge64(x);
  if (x === 0) return x;
  const y = fmaRN(x, TAN_16OPI, SC_SHIFT);
  const n = y - SC_SHIFT;
  let r = fmaRN(-n, TAN_PI16H, x);
  r = fmaRN(-TAN_PI16M, n, r);
  r = fmaRN(-TAN_PI16L, n, r);
  return tanEval(loWord(y) & 15, r);
}

/** tan(j*pi/16 + r) = (Th + P)/(1 - Th*P), the division by vrcp14pd and Newton steps. */
function tanEval(j: number, r: number): number {
  const th = TAN_TH[j];
  const r2 = r * r;
  let p = fmaRN(TAN_C5, r2, TAN_C4);
  p = fmaRN(r2, p, TAN_C3);
  p = fmaRN(r2, p, TAN_C2);
  p = fmaRN(r2, p, TAN_C1);
  p = fmaRN(r2, p * r, r); // tan(R)
  const num = p + th;
  const den = fmaRN(-p, th, 1);
  let rcp = rcp14(den);
  const e = fmaRN(-den, rcp, 1);
  rcp = fmaRN(e, rcp, rcp);
  const q = num * rcp;
  return fmaRN(-rcp, fmaRN(q, den, -num), q);
}

const TAN_PI256 = hexD('3f8921fb54442d18'); // 2*pi/512
const TAN_PI256_LO = hexD('3c21a62633145c07');

/** The long path of __svml_tan8 (|x| > 128000): the reduction of sin/cos, then tanEval. */
function tanLarge64(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  reduceBits(x);
  const hi64 = redHi;
  const lo64 = redLo;
  const sg = x < 0 ? 0x80000000 : 0;
  const topBits = hi64 >> 12n;
  const z = fromWords((sg | 0x3ff00000 | Number(topBits >> 32n)) >>> 0, Number(topBits & M32));
  const midBits = ((hi64 & 0xfffn) << 40n) | (lo64 >> 24n);
  const mid = fromWords((sg | 0x3cb00000 | Number(midBits >> 32n)) >>> 0, Number(midBits & M32)) -
    fromWords((sg | 0x3cb00000) >>> 0, 0);
  const lowBits = (lo64 & 0xffffffn) << 28n;
  const low = fromWords((sg | 0x39700000 | Number(lowBits >> 32n)) >>> 0, Number(lowBits & M32)) -
    fromWords((sg | 0x39700000) >>> 0, 0);
  const s = z + TRIG_SH;
  const n = loWord(s) & 0x1ff;
  const rh0 = z - (s - TRIG_SH);
  const a = rh0 + mid;
  const b = mid + (rh0 - a);
  const c = low + b;
  const rhi = a * TRIG_2PI;
  let e1 = fmaRN(a, TRIG_2PI, -rhi);
  e1 = fmaRN(TRIG_2PI_LO, a, e1);
  const rlo = fmaRN(TRIG_2PI, c, e1);
  // n/512 turns = j*pi/16 + d*pi/256 with j = round(n/16) (ties by the sign of r).
  const sgnR = rhi < 0 || (rhi === 0 && 1 / rhi < 0) ? 1 : 0;
  const j = ((n + 8 - sgnR) >>> 4);
  const d = n - (j << 4);
  const r = fmaRN(TAN_PI256, d, fmaRN(TAN_PI256_LO, d, rlo) + rhi);
  return tanEval(j & 15, r);
}

// ---------------------------------------------------------------------------------
// float32 sin and cos: NumPy's simd_sincos_f32 (loops_trigonometric.dispatch.c.src,
// AVX512F): Cody-Waite reduction by pi/2 and short polynomials for |x| up to
// 117435.992 (sin) / 71476.0625 (cos); larger |x| call glibc's sinf/cosf.
// ---------------------------------------------------------------------------------

const SCF_2OPI = 0.6366197466850281; // 0x1.45f306p-1f
const SCF_PIO2H = -1.570796012878418; // -0x1.921fb0p+00f
const SCF_PIO2M = -3.1391647326017846e-7; // -0x1.5110b4p-22f
const SCF_PIO2L = -5.390302529957765e-15; // -0x1.846988p-48f
const SCF_C8 = 2.4372266125283204e-5; // 0x1.98e616p-16f
const SCF_C6 = -0.001388652017340064; // -0x1.6c06dcp-10f
const SCF_C4 = 0.04166661947965622; // 0x1.55553cp-05f
const SCF_S9 = 2.8404097065504175e-6; // 0x1.7d3bbcp-19f
const SCF_S7 = -1.9856491417158395e-4; // -0x1.a06bbap-13f
const SCF_S5 = 0.008333397097885609; // 0x1.11119ap-07f
const SCF_S3 = -0.1666666716337204; // -0x1.555556p-03f

function sinCos32(x: number, cos: boolean): number {
  if (x !== x) return x;
  if (!(Math.abs(x) <= (cos ? 71476.0625 : 117435.9921875))) {
    // glibc's sinf / cosf (a double-precision evaluation rounded to float32); V8's
    // sin/cos rounded to float32 agree except in rare last-bit cases.
    return Math.fround(cos ? Math.cos(x) : Math.sin(x));
  }
  // x*2/pi + magic: GCC contracts the multiply and add into one fma.
  const q = Math.fround(fma32(x, SCF_2OPI, F32_MAGIC) - F32_MAGIC);
  let r = fma32(q, SCF_PIO2H, x);
  r = fma32(q, SCF_PIO2M, r);
  r = fma32(q, SCF_PIO2L, r);
  const r2 = Math.fround(r * r);
  let c = fma32(SCF_C8, r2, SCF_C6);
  c = fma32(c, r2, SCF_C4);
  c = fma32(c, r2, -0.5);
  c = fma32(c, r2, 1);
  let s = fma32(SCF_S9, r2, SCF_S7);
  s = fma32(s, r2, SCF_S5);
  s = fma32(s, r2, SCF_S3);
  s = fma32(s, r2, 0);
  s = fma32(s, r, r);
  let iq = q | 0;
  if (cos) iq += 1;
  let v = (iq & 1) === 0 ? s : c;
  if ((iq & 2) === 2) v = 0 - v;
  return v;
}

/** np.sin on float32 (NumPy simd_sincos_f32; x and the result are float32 values). */
export function npSin32(x: number): number {
  return sinCos32(x, false);
}

/** np.cos on float32 (NumPy simd_sincos_f32; x and the result are float32 values). */
export function npCos32(x: number): number {
  return sinCos32(x, true);
}

// ---------------------------------------------------------------------------------
// float32 log2 and log10: SVML __svml_log2f16 / __svml_log10f16. Mantissa in
// [0.75, 1.5), a cubic per 1/16 subinterval (four 16-entry tables).
// ---------------------------------------------------------------------------------

const LOG2F_T = hexF32(
  'bea77e4abe8aae3dbe67fe32be43d1b6be26a589be0ee09bbdf6a8a1bdd63b49bf584e51bf3e80a1bf2892f0bf15d377' +
  'bf05b525beef8e30bed75c8fbec24184' +
  '3ef5910c3ef045a13ee7d87e3eddbb843ed2d6df3ec7bbd23ebcc42f3eb226163e8f33993eb1223e3ec9db4a3edb7a09' +
  '3ee79a1a3eef77cb3ef407a43ef607b4' +
  'bf38a934bf387de6bf37f6f0bf37048bbf35a88abf33ed04bf31df56bf2f8d82bf416814bf3daf58bf3b5c08bf39fa2a' +
  'bf393713bf38d7e1bf38b2cdbf38aa62' +
  '3fb8aa3b3fb8a9c03fb8a6e83fb89f4e3fb890cb3fb879b13fb858d83fb82d903fb8655e3fb8883a3fb89aea3fb8a42f' +
  '3fb8a8483fb8a9c93fb8aa2f3fb8aa3b');
const LOG10F_T = hexF32(
  'bdc9ae9bbda6fcf4bd8bac76bd6bca30bd48a99bbd2c0a9fbd1480dbbd00faf2be823aa9be656348be4afbb9be346895' +
  'be20ffffbe103a0bbe01a91cbde9e84e' +
  '3e13d8883e10a87c3e0b95c33e057f0b3dfde0383df080d93de34c1e3dd683333dac6e8e3dd54a513df30f403e04235d' +
  '3e0b70333e102c903e12ebad3e141ff8' +
  'be5e5a9bbe5e2677be5d83f5be5c6016be5abd0bbe58a6fdbe562e02be5362f8be68e27cbe646747be619a73be5ff05a' +
  'be5f0570be5e92d0be5e662bbe5e5c08' +
  '3ede5bd83ede5b453ede57d83ede4eb13ede3d373ede21663eddf9d93eddc5bb3ede08ed3ede32e73ede49673ede5490' +
  '3ede597f3ede5b503ede5bca3ede5bd9');
const LOG10F_LOG10_2 = f32FromBits(0x3e9a209b);

function log2or10f(x: number, ten: boolean): number {
  if (!(x > 0 && x < Infinity)) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    return NaN;
  }
  let bits = f32Bits(x);
  let e = (bits >>> 23) - 127;
  if (e === -127) {
    bits = f32Bits(x * 16777216);
    e = (bits >>> 23) - 127 - 24;
  }
  // vgetmantps to [0.75, 1.5): m = 1.f or 1.f/2, and E - getexp(m).
  const half = (bits >>> 22) & 1;
  const m = f32FromBits((bits & 0x7fffff) | (half ? 0x3f000000 : 0x3f800000));
  const k = e + half;
  const idx = (f32Bits(m) >>> 19) & 15;
  const r = Math.fround(m - 1);
  const T = ten ? LOG10F_T : LOG2F_T;
  let p = fma32(r, T[idx], T[16 + idx]);
  p = fma32(r, p, T[32 + idx]);
  p = fma32(r, p, T[48 + idx]);
  return fma32(r, p, ten ? Math.fround(k * LOG10F_LOG10_2) : k);
}

/** np.log2 on float32 (SVML __svml_log2f16, one lane). */
export function npLog2_32(x: number): number {
  return log2or10f(x, false);
}

/** np.log10 on float32 (SVML __svml_log10f16, one lane). */
export function npLog10_32(x: number): number {
  return log2or10f(x, true);
}

// ---------------------------------------------------------------------------------
// float32 expm1: SVML __svml_expm1f16 (x >= 86.64 goes to the scalar callout).
// ---------------------------------------------------------------------------------

// 2^(j/32) and its low parts, j = 0..31.
const EXPM1F_TH = hexF32(
  '3f8000003f82cd873f85aac33f88980f3f8b95c23f8ea43a3f91c3d33f94f4f03f9837f03f9b8d3a3f9ef5323fa27043' +
  '3fa5fed73fa9a15b3fad583f3fb123f63fb504f33fb8fbaf3fbd08a43fc12c4d3fc5672a3fc9b9be3fce248c3fd2a81e' +
  '3fd744fd3fdbfbb83fe0ccdf3fe5b9073feac0c73fefe4ba3ff5257d3ffa83b3');
const EXPM1F_TL = hexF32(
  '00000000b34a3a0a3346cb6ab36ed17eb24e0611b3517dd9334b2482b31586de33092801b2e6f467331b85f23099b6f1' +
  'b3051aa8b2e2a0dab2006c56b3365942329302ae32c595dcb302e5a2b28e10a131b3d0e5b31a472b31d1daf2b305bf64' +
  'b27ce182b2f26443b1b4b0dab1da8a8fb1d290beb2d5b89931b0a147b2156afc');
const EXPM1F_LOG2E = f32FromBits(0x3fb8aa3b);
const EXPM1F_SHIFT = f32FromBits(0x48c00000); // 1.5*2^18: multiples of 2^-5
const EXPM1F_THR = f32FromBits(0x42ad496b);
const EXPM1F_LN2H = f32FromBits(0x3f317218);
const EXPM1F_LN2L = f32FromBits(0xb102e308);
const EXPM1F_C3 = f32FromBits(0x3e2aabf3);
const EXPM1F_C2 = f32FromBits(0x3f0000f6);

/** np.expm1 on float32 (SVML __svml_expm1f16, one lane). */
export function npExpm1_32(x: number): number {
  if (x >= EXPM1F_THR) return expm1RareF(x);
  if (x !== x) return x;
  if (x === 0) return x;
  const s = fma32(x, EXPM1F_LOG2E, EXPM1F_SHIFT);
  const n = Math.fround(s - EXPM1F_SHIFT);
  const j = f32Bits(s) & 31;
  let r = fma32(-n, EXPM1F_LN2H, x);
  r = fma32(-EXPM1F_LN2L, n, r);
  r = f32FromBits(f32Bits(r) & 0xbfffffff); // |R| < 2
  const k = Math.floor(n);
  const th = k < -200 ? 0 : Math.fround(EXPM1F_TH[j] * POW2[k + 1074]); // vscalefps
  const thm1 = Math.fround(th - 1);
  const r2 = Math.fround(r * r);
  let p = fma32(EXPM1F_C3, r, EXPM1F_C2);
  p = fma32(r2, p, EXPM1F_TL[j]);
  p = Math.fround(p + r);
  return fma32(p, th, thm1);
}

/** __svml_sexpm1_cout_rare_internal for x >= 86.64 (and inf). */
function expm1RareF(x: number): number {
  if (x === Infinity) return x;
  if (x > f32FromBits(0x42b17217)) return Infinity;
  const t = Math.fround(x * EXPM1F_LOG2E);
  const s = Math.fround(t + 12582912);
  const n = Math.fround(s - 12582912);
  let r = Math.fround(x - Math.fround(n * f32FromBits(0x3f317200)));
  r = Math.fround(r - Math.fround(n * f32FromBits(0x35bfbe8e)));
  const c0 = f32FromBits(0x3f800001);
  let p = Math.fround(r * f32FromBits(0x3c0950ef));
  p = Math.fround(p + f32FromBits(0x3d2bb1b6));
  p = Math.fround(p * r);
  p = Math.fround(p + f32FromBits(0x3e2aa9c6));
  p = Math.fround(p * r);
  p = Math.fround(p + f32FromBits(0x3efffe85));
  p = Math.fround(p * r);
  p = Math.fround(p + c0);
  p = Math.fround(p * r);
  p = Math.fround(c0 + p);
  return f32FromBits((f32Bits(p) + (f32Bits(s) << 23)) >>> 0);
}

// ---------------------------------------------------------------------------------
// float32 arctan: SVML __svml_atanf16 (as the float64 kernel, in single precision,
// with one Newton step on vrcp14ps; vrcp14ps equals vrcp14pd on float32 inputs).
// ---------------------------------------------------------------------------------

const ATANF_T = hexF32(
  '000000003e7adbb03eed63383f24bc7d3f490fdb3f6563e33f7b985f3f869c793f8db70d3f93877b3f985b6c3f9c6b53' +
  '3f9fe0bb3fa2daa43fa570883fa7b46f3fa9b4653fab7b7a3fad12833fae809e3fafcb993fb0f8363fb20a6a3fb30581' +
  '3fb3ec433fb4c10a3fb585d73fb63c643fb6e62c3fb784783fb818683fb8a2f5');
const ATANF_PIO2 = f32FromBits(0x3fc90fdb);
const ATANF_C3 = f32FromBits(0xbe0fa8de);
const ATANF_C2 = f32FromBits(0x3e4cc8e2);
const ATANF_C1 = f32FromBits(0xbeaaaaaa);

/** vgetmantps([1, 2), sign of x) for a finite nonzero float32 x. */
function getMantF(x: number): number {
  let b = f32Bits(x);
  if ((b & 0x7f800000) === 0) b = f32Bits(x * 16777216);
  return f32FromBits((b & 0x807fffff) | 0x3f800000);
}

/** vgetexpps for a finite nonzero float32 x. */
function getExpF(x: number): number {
  let b = f32Bits(x);
  let e = (b >>> 23) & 0xff;
  if (e === 0) {
    b = f32Bits(x * 16777216);
    e = ((b >>> 23) & 0xff) - 24;
  }
  return e - 127;
}

/** a / b as the float32 SVML kernels compute it: mantissas, vrcp14ps, one Newton step, vscalefps. */
function svmlDivF(a: number, b: number): number {
  if (a === 0) return 0;
  const ma = getMantF(a);
  const mb = getMantF(b);
  const ediff = getExpF(a) - getExpF(b);
  const rcp = rcp14(mb);
  const q0 = Math.fround(ma * rcp);
  const res = fma32(-q0, mb, ma);
  const q = fma32(rcp, res, q0);
  return Math.fround(q * POW2[ediff + 1074]);
}

/** np.arctan on float32 (SVML __svml_atanf16; x and the result are float32 values). */
export function npArctan32(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  let t: number;
  let r: number;
  if (ax >= 7.75) {
    t = ATANF_PIO2;
    r = svmlDivF(-1, ax < 4294967296 ? ax : 4294967296);
  } else {
    const s = Math.fround(ax + 2097152);
    const xr = s - 2097152;
    t = ATANF_T[f32Bits(s) & 31];
    r = svmlDivF(ax - xr, fma32(xr, ax, 1));
  }
  const r2 = Math.fround(r * r);
  const r3 = Math.fround(r * r2);
  let p = fma32(ATANF_C3, r2, ATANF_C2);
  p = fma32(p, r2, ATANF_C1);
  p = fma32(r3, p, r);
  const res = Math.fround(t + p);
  return x < 0 || (x === 0 && 1 / x < 0) ? -res : res;
}

// ---------------------------------------------------------------------------------
// float32 sinh and cosh: SVML __svml_sinhf16 / __svml_coshf16. |x| > 87.336 goes to
// the scalar callout, which runs the float64 kernel's callout in double precision
// (overflow threshold 89.416) and rounds to float32.
// ---------------------------------------------------------------------------------

const SINHF_LOG2E = f32FromBits(0x3fb8aa3b);
const SINHF_SHIFT = f32FromBits(0x4b400000); // 1.5*2^23: integers
const SINHF_LN2H = f32FromBits(0x3f317000);
const SINHF_LN2L = f32FromBits(0x3805fdf4);
const SINHF_S5 = f32FromBits(0x3c091461);
const SINHF_S3 = f32FromBits(0x3e2aaa57);
const SINHF_C4 = f32FromBits(0x3ab6a8a3);
const SINHF_C2 = f32FromBits(0x3d2aaa72);
const HYPF_OVF = 89.4159927368164;

/** The float32 callouts of sinh and cosh: the double computation of sinhRare64, rounded. */
function sinhCoshRareF(x: number, cosh: boolean): number {
  if (x !== x || x === Infinity || x === -Infinity) return cosh ? x * x : x + x;
  const ax = Math.abs(x);
  if (!(ax < HYPF_OVF)) return Math.fround(cosh ? EXPR_HUGE * EXPR_HUGE : EXPR_HUGE * x);
  return Math.fround(sinhRare64(cosh ? ax : x));
}

/** np.sinh on float32 (SVML __svml_sinhf16; x and the result are float32 values). */
export function npSinh32(x: number): number {
  const ax = Math.abs(x);
  if (!(f32Bits(ax) <= 0x42aeac4e)) return sinhCoshRareF(x, false);
  if (x === 0) return x;
  const d = fma32(ax, SINHF_LOG2E, SINHF_SHIFT);
  const n = Math.fround(d - SINHF_SHIFT);
  const k = (f32Bits(d) << 23) | 0;
  const hp = f32FromBits((0x3f000000 + k) >>> 0); // 2^N / 2
  const hm = f32FromBits((0x3f000000 - k) >>> 0); // 2^-N / 2
  const ch = Math.fround(hp + hm);
  let r = fma32(-n, SINHF_LN2H, ax);
  const sh = Math.fround(hp - hm);
  r = fma32(-n, SINHF_LN2L, r);
  const r2 = Math.fround(r * r);
  let s = fma32(SINHF_S5, r2, SINHF_S3);
  s = Math.fround(r2 * s);
  s = fma32(r, s, r); // sinh(r)
  let c = fma32(SINHF_C4, r2, SINHF_C2);
  c = fma32(r2, c, 0.5);
  c = Math.fround(r2 * c); // (cosh(r) - 1)... scaled
  const t = Math.fround(sh * c);
  const res = Math.fround(fma32(s, ch, t) + sh);
  return x < 0 || (x === 0 && 1 / x < 0) ? -res : res;
}

const COSHF_TP = hexF32(
  '3f0000003f02cd873f05aac33f08980f3f0b95c23f0ea43a3f11c3d33f14f4f03f1837f03f1b8d3a3f1ef5323f227043' +
  '3f25fed73f29a15b3f2d583f3f3123f63f3504f33f38fbaf3f3d08a43f412c4d3f45672a3f49b9be3f4e248c3f52a81e' +
  '3f5744fd3f5bfbb83f60ccdf3f65b9073f6ac0c73f6fe4ba3f75257d3f7a83b3');
const COSHF_TN = hexF32(
  '3f0000003efa83b33ef5257d3eefe4ba3eeac0c73ee5b9073ee0ccdf3edbfbb83ed744fd3ed2a81e3ece248c3ec9b9be' +
  '3ec5672a3ec12c4d3ebd08a43eb8fbaf3eb504f33eb123f63ead583f3ea9a15b3ea5fed73ea270433e9ef5323e9b8d3a' +
  '3e9837f03e94f4f03e91c3d33e8ea43a3e8b95c23e88980f3e85aac33e82cd87');
const COSHF_SHIFT = f32FromBits(0x48c00000); // 1.5*2^18: multiples of 2^-5
const COSHF_C2 = f32FromBits(0x3f00010f);
const COSHF_S3 = f32FromBits(0x3e2aaacd);

/** np.cosh on float32 (SVML __svml_coshf16; x and the result are float32 values). */
export function npCosh32(x: number): number {
  const ax = Math.abs(x);
  if (!(f32Bits(ax) < 0x42aeac4e)) return sinhCoshRareF(x, true);
  const d = fma32(ax, SINHF_LOG2E, COSHF_SHIFT);
  const n = Math.fround(d - COSHF_SHIFT);
  const bits = f32Bits(d);
  const j = bits & 31;
  const ke = (bits << 18) & 0x7f800000;
  let r = fma32(-n, SINHF_LN2H, ax);
  r = fma32(-n, SINHF_LN2L, r);
  const r2 = Math.fround(r * r);
  let s = Math.fround(r2 * COSHF_S3);
  s = fma32(r, s, r);
  let c = Math.fround(r2 * COSHF_C2);
  const tp = f32FromBits((f32Bits(COSHF_TP[j]) + ke) >>> 0);
  const tn = f32FromBits((f32Bits(COSHF_TN[j]) - ke) >>> 0);
  const gp = Math.fround(tp + tn);
  const gn = Math.fround(tp - tn);
  c = fma32(gp, c, gp);
  return fma32(s, gn, c);
}

// ---------------------------------------------------------------------------------
// float32 log1p: SVML __svml_log1pf16. 1+x = Xh + Xl, Xh = 2^k * m with m in
// [2/3, 4/3) by integer arithmetic, R = (m - 1) + Xl*2^-k, a degree-9 polynomial.
// ---------------------------------------------------------------------------------

// Coefficients at data offsets 2496, 2432, 2368, 2304, 2240, 2176, 2112 (degree 9 .. 3).
const LOG1PF_C = hexF32('3e0d84edbe1ad9e33e0fcb12be28ad373e4ce190be80058e3eaaaa94');
const LOG1PF_LN2 = f32FromBits(0x3f317218);

/** np.log1p on float32 (SVML __svml_log1pf16; x and the result are float32 values). */
export function npLog1p32(x: number): number {
  if (!(x > -1 && x < Infinity)) {
    if (x === -1) return -Infinity;
    if (x === Infinity) return x;
    return NaN;
  }
  if (x === 0) return x;
  // 1 + x >= 2^127 goes to the kernel's scalar callout (not ported: a table-driven
  // log in single precision); V8's log1p rounded to float32 stands in for it.
  if (x >= 1.7014118346046923e38) return Math.fround(Math.log1p(x));
  const mx = x > 1 ? x : 1;
  const mn = x < 1 ? x : 1;
  const xh = Math.fround(mx + mn);
  const d = (f32Bits(xh) - 0x3f2aaaab) | 0;
  const k = d >> 23;
  const xl = Math.fround(Math.fround(mx - xh) + mn);
  const s = f32FromBits((0x3f800000 - (k << 23)) >>> 0); // 2^-k
  const xls = Math.fround(xl * s);
  const m = f32FromBits(((d & 0x007fffff) + 0x3f2aaaab) >>> 0);
  const r = Math.fround(Math.fround(m - 1) + xls);
  let p = fma32(LOG1PF_C[0], r, LOG1PF_C[1]);
  p = fma32(r, p, LOG1PF_C[2]);
  p = fma32(r, p, LOG1PF_C[3]);
  p = fma32(r, p, LOG1PF_C[4]);
  p = fma32(r, p, LOG1PF_C[5]);
  p = fma32(r, p, LOG1PF_C[6]);
  p = fma32(r, p, -0.5);
  p = Math.fround(p * r);
  p = fma32(r, p, r);
  return fma32(LOG1PF_LN2, k, p);
}

// ---------------------------------------------------------------------------------
// float32 power: SVML __svml_powf16 (the float64 kernel's scheme in single
// precision). Operands and results outside the main path (x <= 0, inf/nan,
// |y*log2(x)| > 125.5) go to a scalar callout that is approximated here by the
// float64 kernel's callout rounded to float32.
// ---------------------------------------------------------------------------------

const POWF_TH = hexF32(
  '00000000bd35d000bdb32000be046400be2e0000be567c00be7de000be922000bea4d400beb71200bec8de00beda4000' +
  'beeb3a00befbd400bf060800bf0dfa003ed480003ec544003eb658003ea7b8003e9960003e8b4e003e7b00003e5fe400' +
  '3e4544003e2b20003e116c003df058003dbeb0003d8dd8003d3ba0003cba2000');
const POWF_TL = hexF32(
  '00000000b6d3758f3510536f369dcc96b651cfdf3687492cb635c813b5f561c135f6865d36f1931835aedc1d36a0463c' +
  'b69f0197b5ad1961b6201ac736ee16a3b5d1cfdf36c055fe3676865db589a627b48e478933a6c7e3b69d5be7b642c000' +
  '364055feb68f580136b70aad35d747983492d9f7364a9801b6566c4db48bcf06');
const POWF_TE = hexF32(
  '3f8000003f85aac33f8b95c23f91c3d33f9837f03f9ef5323fa5fed73fad583f3fb504f33fbd08a43fc5672a3fce248c' +
  '3fd744fd3fe0ccdf3feac0c73ff5257d');
const POWF_C5 = f32FromBits(0x3e93c705);
const POWF_C4 = f32FromBits(0xbeb8b3ed);
const POWF_C3 = f32FromBits(0x3ef6384f);
const POWF_C2 = f32FromBits(0xbf38aa3b);
const POWF_C1L = f32FromBits(0x32a570cc);
const POWF_LOG2E = f32FromBits(0x3fb8aa3b);
const POWF_SHIFT = f32FromBits(0x494007f0); // 1.5*2^19 + 127, ulp 2^-4
const POWF_E3 = f32FromBits(0x3d6854cb);
const POWF_E2 = f32FromBits(0x3e75f16c);
const POWF_E1 = f32FromBits(0x3f317222);

/** The float32 value next to the float32 value f, toward zero (f finite, nonzero). */
function f32TowardZero(f: number): number {
  return f32FromBits(f32Bits(f) - 1);
}

/** The exact sum t + e of doubles (|e| tiny against t) rounded toward zero to float32. */
function roundF32RZ(t: number, e: number): number {
  let f = Math.fround(t);
  if (f === 0 || f - f !== 0) return f; // zero or overflow
  if (Math.abs(f) > Math.abs(t)) f = f32TowardZero(f);
  else if (f === t && e !== 0 && (e > 0) !== (t > 0)) f = f32TowardZero(f);
  return f;
}

/** a*b + c for float32 operands, rounded toward zero to float32. */
function fma32RZ(a: number, b: number, c: number): number {
  const p = a * b; // exact
  const t = p + c;
  const w = t - p;
  return roundF32RZ(t, (p - (t - w)) + (c - w));
}

/** a + b for float32 operands, rounded toward -inf to float32 (results here are finite). */
function add32RD(a: number, b: number): number {
  const t = a + b; // exact for the operands used here? keep the error anyway
  const w = t - a;
  const e = (a - (t - w)) + (b - w);
  let f = Math.fround(t);
  if (f > t || (f === t && e < 0)) f = t > 0 || (t === 0 && e < 0) ? f32FromBits(f32Bits(f) + (f > 0 ? -1 : 1)) : f32FromBits(f32Bits(f) + 1);
  return f;
}

/** np.power on float32 arrays (SVML __svml_powf16, one lane). */
export function npPower32(x: number, y: number): number {
  if (!(x > 0 && x < Infinity) || !(y - y === 0)) return Math.fround(powRare64(x, y));
  const e = getExpF(x);
  const m = getMantF(x) * 0.5; // [0.5, 1)
  const rcp = ((rcp14(m) * 32 + TWO52) - TWO52) * 0.03125;
  const r = fma32(rcp, m, -1);
  let p = fma32(POWF_C5, r, POWF_C4);
  const idx = (f32Bits(rcp) >>> 18) & 31;
  p = fma32(p, r, POWF_C3);
  const ex = rcp < 1.5 ? e + 1 : e;
  const th = POWF_TH[idx];
  const tl = POWF_TL[idx];
  const eth = Math.fround(th + ex);
  p = fma32(p, r, POWF_C2);
  p = fma32(p, r, POWF_C1L);
  const h9 = fma32(POWF_LOG2E, r, eth);
  const t3 = fma32(p, r, tl);
  const rl0 = Math.fround(h9 - eth);
  const high = Math.fround(h9 + t3);
  const rl = fma32(POWF_LOG2E, r, -rl0);
  const z0 = fma32RZ(high, y, 0);
  const tlh = Math.fround(high - h9);
  const zl0 = fma32RZ(y, high, -z0);
  const low = Math.fround(Math.fround(t3 - tlh) + rl);
  const zl = fma32RZ(y, low, zl0);
  const z = fma32RZ(1, z0, zl); // vaddps {rz-sae}
  if (!(Math.abs(z) <= 125.5)) return Math.fround(powRare64(x, y));
  const zh = Math.fround(z - z0);
  const s = add32RD(z, POWF_SHIFT);
  // vreduceps $65: z - floor(16 z)/16 (exact in double), rounded down to float32
  const fd = z - Math.floor(z * 16) * 0.0625;
  let f = Math.fround(fd);
  if (f > fd) f = f32FromBits(f32Bits(f) - 1); // fd >= 0
  const lo2 = Math.fround(zl - zh);
  const te = POWF_TE[f32Bits(s) & 15];
  let re = Math.fround(f + lo2);
  re = f32FromBits(f32Bits(re) & 0xbfffffff);
  const scale = f32FromBits((f32Bits(s) << 19) & 0x7f800000);
  const rt = Math.fround(re * te);
  let q = fma32(POWF_E3, re, POWF_E2);
  q = fma32(q, re, POWF_E1);
  q = fma32(rt, q, te);
  return Math.fround(scale * q);
}

// ---------------------------------------------------------------------------------
// Lookup by ufunc name
// ---------------------------------------------------------------------------------

/** The unary kernels by NumPy ufunc name, for float64 arrays. */
export const SIMD_UNARY_F64: Readonly<Record<string, (x: number) => number>> = {
  exp: npExp64,
  log: npLog64,
  tanh: npTanh64,
  sin: npSin64,
  cos: npCos64,
  tan: npTan64,
  arcsin: npArcsin64,
  arccos: npArccos64,
  arctan: npArctan64,
  sinh: npSinh64,
  cosh: npCosh64,
  log2: npLog2_64,
  log10: npLog10_64,
  log1p: npLog1p64,
  expm1: npExpm1_64,
};

/** The unary kernels by NumPy ufunc name, for float32 arrays (float32 values in and out). */
export const SIMD_UNARY_F32: Readonly<Record<string, (x: number) => number>> = {
  exp: npExp32,
  log: npLog32,
  tanh: npTanh32,
  sin: npSin32,
  cos: npCos32,
  arctan: npArctan32,
  sinh: npSinh32,
  cosh: npCosh32,
  log2: npLog2_32,
  log10: npLog10_32,
  log1p: npLog1p32,
  expm1: npExpm1_32,
};

/** The binary kernels by NumPy ufunc name (power(x, y), arctan2(y, x)). */
export const SIMD_BINARY_F64: Readonly<Record<string, (a: number, b: number) => number>> = {
  power: npPower64,
  arctan2: npArctan2_64,
};

/** The binary kernels for float32 arrays. */
export const SIMD_BINARY_F32: Readonly<Record<string, (a: number, b: number) => number>> = {
  power: npPower32,
};
