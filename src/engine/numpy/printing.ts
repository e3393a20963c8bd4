// str() and repr() of NumPy arrays and scalars, byte-for-byte as NumPy 1.24 prints them.
//
// This is a port of numpy/core/arrayprint.py (array2string, _formatArray, _extendLine,
// _leading_trailing, FloatingFormat, IntegerFormat, BoolFormat, array_repr, array_str)
// and of the parts of numpy/core/src/multiarray/dragon4.c that those call
// (Dragon4, FormatPositional, FormatScientific), plus the scalar repr rules from
// scalartypes.c.src. Only the default (non-legacy) print mode, the default
// floatmode 'maxprec', sign '-' and no custom formatter are supported.
//
// Digits come from an exact Dragon4 on the binary value (JS BigInt), so rounding to
// `precision` digits (round-half-even on exact ties, ties judged on the exact binary
// value) and the "shortest unique" digits match NumPy's C code, for float64 and float32.

import type { DType } from './types';

export interface PrintableArray {
  dtype: DType;
  shape: readonly number[];
  /** the elements in C order, length = product(shape); bool as 0/1, int64 as integer-valued numbers */
  data: ArrayLike<number>;
}

export interface PrintOptions {
  precision: number;
  suppress: boolean;
  threshold: number;
  edgeitems: number;
  linewidth: number;
}

/** np.get_printoptions() defaults: precision=8, suppress=False, threshold=1000, edgeitems=3, linewidth=75. */
export const DEFAULT_PRINT_OPTIONS: PrintOptions = Object.freeze({
  precision: 8,
  suppress: false,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
});

// ---------------------------------------------------------------------------------------
// Dragon4 (numpy/core/src/multiarray/dragon4.c)
// ---------------------------------------------------------------------------------------

/** 'unique': shortest digits that identify the value among its neighbours; 'exact': digits of the exact binary value up to the cutoff. */
type DigitMode = 'unique' | 'exact';

/** 'total': the cutoff counts all significant digits; 'fraction': digits past the decimal point. */
type CutoffMode = 'total' | 'fraction';

/**
 * NumPy's trim characters (TrimMode):
 * 'k' keep trailing zeros and the decimal point; '.' trim trailing zeros, keep the point;
 * '0' trim all but the zero after the point; '-' trim trailing zeros and the point.
 */
type TrimMode = 'k' | '.' | '0' | '-';

/** A finite float taken apart as Dragon4 wants it: value = mantissa * 2^exponent. */
interface FloatBits {
  negative: boolean;
  /** 'inf' / 'nan' for special values (then the other fields are unused) */
  special: 'inf' | 'nan' | null;
  mantissa: bigint;
  exponent: number;
  /** index of the highest set mantissa bit */
  mantissaBit: number;
  /** is the high margin twice as large as the low margin (at a power of two) */
  hasUnequalMargins: boolean;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** Dragon4_PrintFloat_IEEE_binary64 / _binary32: split a double or a float32 into its parts. */
function floatBits(x: number, float32: boolean): FloatBits {
  let negative: boolean;
  let floatExponent: number;
  let floatMantissa: bigint;
  let mantBits: number;
  let bias: number;
  let expMax: number;
  if (float32) {
    bitsView.setFloat32(0, x);
    const u = bitsView.getUint32(0);
    negative = u >>> 31 !== 0;
    floatExponent = (u >>> 23) & 0xff;
    floatMantissa = BigInt(u & 0x7fffff);
    mantBits = 23;
    bias = 127;
    expMax = 0xff;
  } else {
    bitsView.setFloat64(0, x);
    const hi = bitsView.getUint32(0);
    const lo = bitsView.getUint32(4);
    negative = hi >>> 31 !== 0;
    floatExponent = (hi >>> 20) & 0x7ff;
    floatMantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    mantBits = 52;
    bias = 1023;
    expMax = 0x7ff;
  }
  if (floatExponent === expMax) {
    return {
      negative,
      special: floatMantissa === 0n ? 'inf' : 'nan',
      mantissa: 0n,
      exponent: 0,
      mantissaBit: 0,
      hasUnequalMargins: false,
    };
  }
  if (floatExponent !== 0) {
    // normal: value = (2^mantBits + mantissa) * 2^(exponent - bias - mantBits)
    return {
      negative,
      special: null,
      mantissa: (1n << BigInt(mantBits)) | floatMantissa,
      exponent: floatExponent - bias - mantBits,
      mantissaBit: mantBits,
      // (sic) NumPy's test: unequal margins unless this is the smallest normal exponent
      hasUnequalMargins: floatExponent !== 1 && floatMantissa === 0n,
    };
  }
  // subnormal: value = mantissa * 2^(1 - bias - mantBits)
  return {
    negative,
    special: null,
    mantissa: floatMantissa,
    exponent: 1 - bias - mantBits,
    mantissaBit: floatMantissa === 0n ? 0 : floatMantissa.toString(2).length - 1,
    hasUnequalMargins: false,
  };
}

const pow10Cache: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache.push(pow10Cache[i - 1]! * 10n);
  return pow10Cache[n]!;
}

/** Size of NumPy's Dragon4 output buffer (Dragon4_Scratch.repr), minus the NUL. */
const DRAGON4_BUFFER = 16383;

/**
 * Dragon4(): the decimal digits of mantissa*2^exponent and the base-10 exponent of the
 * first digit. Unique mode stops at the shortest digits that identify the value (with
 * IEEE unbiased margins), but not before cutoffMin and never past cutoffMax; the last
 * digit is then rounded to nearest, ties to the even digit.
 */
function dragon4(
  bits: FloatBits,
  digitMode: DigitMode,
  cutoffMode: CutoffMode,
  cutoffMax: number,
  cutoffMin: number,
  bufferSize: number,
): { digits: number[]; exponent: number } {
  const { mantissa, exponent, mantissaBit, hasUnequalMargins } = bits;
  // if the mantissa is zero, the value is zero regardless of the exponent
  if (mantissa === 0n) return { digits: [0], exponent: 0 };

  const isEven = (mantissa & 1n) === 0n;
  // value = scaledValue / scale; margins are half the distance to the neighbouring floats
  let scale: bigint;
  let scaledValue: bigint;
  let marginLow: bigint;
  if (hasUnequalMargins) {
    if (exponent > 0) {
      scaledValue = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      scaledValue = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
  } else if (exponent > 0) {
    scaledValue = mantissa << BigInt(exponent + 1);
    scale = 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    scaledValue = mantissa << 1n;
    scale = 1n << BigInt(-exponent + 1);
    marginLow = 1n;
  }
  const marginHigh = (): bigint => (hasUnequalMargins ? marginLow * 2n : marginLow);

  // estimate of floor(log10(v)) + 1 that is correct or one too low (Burger & Dybvig, -0.69)
  const log10_2 = 0.3010299956639812; // NumPy's 0.30102999566398119521373889472449 as a double
  let digitExponent = Math.ceil((mantissaBit + exponent) * log10_2 - 0.69);

  // for fractional cutoff, pull the first digit up into the printable range
  if (cutoffMax >= 0 && cutoffMode === 'fraction' && digitExponent <= -cutoffMax) {
    digitExponent = -cutoffMax + 1;
  }

  // divide the value by 10^digitExponent
  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const p = pow10(-digitExponent);
    scaledValue *= p;
    marginLow *= p;
  }

  if (scaledValue >= scale) {
    // the estimate was one too low
    digitExponent += 1;
  } else {
    scaledValue *= 10n;
    marginLow *= 10n;
  }

  // exponent of the last digit to print
  let cutoffMaxExponent = digitExponent - bufferSize;
  if (cutoffMax >= 0) {
    const desired = cutoffMode === 'total' ? digitExponent - cutoffMax : -cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  // exponent down to which digits must be printed at least
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = cutoffMode === 'total' ? digitExponent - cutoffMin : -cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }

  let outExponent = digitExponent - 1;
  const digits: number[] = [];
  let low: boolean;
  let high: boolean;
  let outputDigit: number;

  if (digitMode === 'unique') {
    for (;;) {
      digitExponent -= 1;
      const q = scaledValue / scale;
      scaledValue -= q * scale;
      outputDigit = Number(q);
      const scaledValueHigh = scaledValue + marginHigh();
      // stop when far enough from the neighbouring values (and at least cutoffMin
      // digits were printed), or at the cutoff digit
      low = isEven ? scaledValue <= marginLow : scaledValue < marginLow;
      high = isEven ? scaledValueHigh >= scale : scaledValueHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
      digits.push(outputDigit);
      scaledValue *= 10n;
      marginLow *= 10n;
    }
  } else {
    low = false;
    high = false;
    for (;;) {
      digitExponent -= 1;
      const q = scaledValue / scale;
      scaledValue -= q * scale;
      outputDigit = Number(q);
      if (scaledValue === 0n || digitExponent === cutoffMaxExponent) break;
      digits.push(outputDigit);
      scaledValue *= 10n;
    }
  }

  // round the final digit: down if the value got too close to 0, else to nearest
  let roundDown = low;
  if (low === high) {
    const twice = scaledValue * 2n;
    roundDown = twice < scale;
    // exactly in the middle: round towards the even digit (IEEE rules)
    if (twice === scale) roundDown = (outputDigit & 1) === 0;
  }

  if (roundDown) {
    digits.push(outputDigit);
  } else if (outputDigit === 9) {
    // find the first non-nine prior digit; all 9s become 1 at the next exponent
    for (;;) {
      if (digits.length === 0) {
        digits.push(1);
        outExponent += 1;
        break;
      }
      const d = digits.pop()!;
      if (d !== 9) {
        digits.push(d + 1);
        break;
      }
    }
  } else {
    digits.push(outputDigit + 1);
  }
  return { digits, exponent: outExponent };
}

interface Dragon4Options {
  digitMode: DigitMode;
  cutoffMode: CutoffMode;
  /** -1 for no cutoff */
  precision: number;
  /** -1 for no minimum */
  minDigits: number;
  sign: boolean;
  trim: TrimMode;
  /** -1 for no padding */
  padLeft: number;
  /** -1 for no padding (positional only) */
  padRight: number;
  /** -1 for at least 2 digits (scientific only) */
  expDigits: number;
}

/** PrintInfNan: only inf carries a sign. */
function printInfNan(bits: FloatBits, sign: boolean): string {
  if (bits.special === 'inf') return (bits.negative ? '-' : sign ? '+' : '') + 'inf';
  return 'nan';
}

function signChar(bits: FloatBits, sign: boolean): string {
  return bits.negative ? '-' : sign ? '+' : '';
}

/** FormatPositional: ddddd.dddd */
function formatPositional(bits: FloatBits, opt: Dragon4Options): string {
  if (bits.special) return printInfNan(bits, opt.sign);
  const signStr = signChar(bits, opt.sign);
  const hasSign = signStr.length;
  const { digits, exponent: printExponent } = dragon4(
    bits,
    opt.digitMode,
    opt.cutoffMode,
    opt.precision,
    opt.minDigits,
    DRAGON4_BUFFER - hasSign,
  );
  const digitStr = digits.join('');
  const numDigits = digits.length;
  let body: string;
  let numWholeDigits: number;
  let numFractionDigits = 0;
  if (printExponent >= 0) {
    numWholeDigits = printExponent + 1;
    if (numDigits <= numWholeDigits) {
      // add trailing zeros up to the decimal point
      body = digitStr + '0'.repeat(numWholeDigits - numDigits);
    } else {
      numFractionDigits = numDigits - numWholeDigits;
      body = digitStr.slice(0, numWholeDigits) + '.' + digitStr.slice(numWholeDigits);
    }
  } else {
    // leading zeros of the fraction
    const numFractionZeros = -(printExponent + 1);
    body = '0.' + '0'.repeat(numFractionZeros) + digitStr;
    numFractionDigits = numDigits + numFractionZeros;
    numWholeDigits = 1;
  }

  // always add a decimal point, except in '-' mode
  if (opt.trim !== '-' && numFractionDigits === 0) body += '.';

  const addDigits = opt.digitMode === 'unique' ? opt.minDigits : opt.precision;
  let desiredFractionalDigits = addDigits < 0 ? 0 : addDigits;
  if (opt.cutoffMode === 'total') desiredFractionalDigits = addDigits - numWholeDigits;

  if (opt.trim === '0') {
    // if we didn't print any fractional digits, add a trailing 0
    if (numFractionDigits === 0) {
      body += '0';
      numFractionDigits++;
    }
  } else if (opt.trim === 'k' && desiredFractionalDigits > numFractionDigits) {
    // add trailing zeros up to add_digits length
    body += '0'.repeat(desiredFractionalDigits - numFractionDigits);
    numFractionDigits = desiredFractionalDigits;
  }

  // rounding may still leave trailing zeros: remove them according to the trim mode
  if (opt.trim !== 'k' && numFractionDigits > 0) {
    let end = body.length;
    while (body[end - 1] === '0') {
      end--;
      numFractionDigits--;
    }
    body = body.slice(0, end);
    if (body[end - 1] === '.') {
      if (opt.trim === '0') {
        body += '0';
        numFractionDigits++;
      } else if (opt.trim === '-') {
        body = body.slice(0, end - 1);
      }
    }
  }

  // whitespace padding to the right side
  if (opt.padRight >= numFractionDigits) {
    // in '-' mode, a space stands in for the trimmed decimal point
    if (opt.trim === '-' && numFractionDigits === 0) body += ' ';
    body += ' '.repeat(opt.padRight - numFractionDigits);
  }
  let out = signStr + body;
  // whitespace padding to the left side
  if (opt.padLeft > numWholeDigits + hasSign) {
    out = ' '.repeat(opt.padLeft - (numWholeDigits + hasSign)) + out;
  }
  return out;
}

/** FormatScientific: d.dddde[sign]dd */
function formatScientific(bits: FloatBits, opt: Dragon4Options): string {
  if (bits.special) return printInfNan(bits, opt.sign);
  const signStr = signChar(bits, opt.sign);
  let out = '';
  // whitespace padding to the left side
  const leftChars = 1 + signStr.length;
  if (opt.padLeft > leftChars) out += ' '.repeat(opt.padLeft - leftChars);
  out += signStr;

  const { digits, exponent: printExponent } = dragon4(
    bits,
    opt.digitMode,
    'total',
    opt.precision < 0 ? -1 : opt.precision + 1,
    opt.minDigits < 0 ? -1 : opt.minDigits + 1,
    DRAGON4_BUFFER - out.length,
  );
  let mant = String(digits[0]);
  let numFractionDigits = digits.length - 1;
  if (numFractionDigits > 0) mant += '.' + digits.slice(1).join('');

  // always add a decimal point, except in '-' mode
  if (opt.trim !== '-' && numFractionDigits === 0) mant += '.';

  let addDigits = opt.digitMode === 'unique' ? opt.minDigits : opt.precision;
  addDigits = addDigits < 0 ? 0 : addDigits;
  if (opt.trim === '0') {
    if (numFractionDigits === 0) {
      mant += '0';
      numFractionDigits++;
    }
  } else if (opt.trim === 'k') {
    // add trailing zeros up to add_digits length
    if (addDigits > numFractionDigits) {
      mant += '0'.repeat(addDigits - numFractionDigits);
      numFractionDigits = addDigits;
    }
  }

  // remove trailing zeros left by rounding (the decimal point itself stays)
  if (opt.trim !== 'k' && numFractionDigits > 0) {
    mant = mant.replace(/0+$/, '');
    if (opt.trim === '0' && mant.endsWith('.')) mant += '0';
  }

  // the exponent: at least expDigits digits (2 by default, at most 5)
  let expDigits = opt.expDigits;
  if (expDigits > 5) expDigits = 5;
  if (expDigits < 0) expDigits = 2;
  const expAbs = String(Math.abs(printExponent)).padStart(expDigits, '0');
  return out + mant + 'e' + (printExponent >= 0 ? '+' : '-') + expAbs;
}

/** np.core.multiarray.dragon4_positional(x, ...) with its defaults. */
function dragon4Positional(
  x: number,
  float32: boolean,
  o: {
    precision?: number;
    minDigits?: number;
    unique?: boolean;
    fractional?: boolean;
    trim: TrimMode;
    padLeft?: number;
    padRight?: number;
  },
): string {
  return formatPositional(floatBits(x, float32), {
    digitMode: o.unique === false ? 'exact' : 'unique',
    cutoffMode: o.fractional ? 'fraction' : 'total',
    precision: o.precision ?? -1,
    minDigits: o.minDigits ?? -1,
    sign: false,
    trim: o.trim,
    padLeft: o.padLeft ?? -1,
    padRight: o.padRight ?? -1,
    expDigits: -1,
  });
}

/** np.core.multiarray.dragon4_scientific(x, ...) with its defaults. */
function dragon4Scientific(
  x: number,
  float32: boolean,
  o: { precision?: number; minDigits?: number; unique?: boolean; trim: TrimMode; padLeft?: number; expDigits?: number },
): string {
  return formatScientific(floatBits(x, float32), {
    digitMode: o.unique === false ? 'exact' : 'unique',
    cutoffMode: 'total',
    precision: o.precision ?? -1,
    minDigits: o.minDigits ?? -1,
    sign: false,
    trim: o.trim,
    padLeft: o.padLeft ?? -1,
    padRight: -1,
    expDigits: o.expDigits ?? -1,
  });
}

// ---------------------------------------------------------------------------------------
// Scalars (scalartypes.c.src, Python's float repr)
// ---------------------------------------------------------------------------------------

/**
 * repr/str of np.float64 / np.float32 (floattype_repr / doubletype_repr): positional with
 * at least one fractional digit ('3.0') when 1e-4 <= |x| < 1e16 (or x is 0 or nan),
 * otherwise scientific without a trailing decimal point ('1e-05', '1.5e+16').
 */
function numpyFloatScalarRepr(x: number, float32: boolean): string {
  const v = float32 ? Math.fround(x) : x;
  const bits = floatBits(v, float32);
  const absval = Math.abs(v);
  const usePositional = Number.isNaN(v) || v === 0 || (absval < 1e16 && absval >= 1e-4);
  const opt: Dragon4Options = {
    digitMode: 'unique',
    cutoffMode: 'total',
    precision: -1,
    minDigits: -1,
    sign: false,
    trim: usePositional ? '0' : '-',
    padLeft: -1,
    padRight: -1,
    expDigits: -1,
  };
  return usePositional ? formatPositional(bits, opt) : formatScientific(bits, opt);
}

/** Python's int.__str__ for an integer-valued double (exact digits, no exponent). */
function intToString(x: number): string {
  if (Number.isSafeInteger(x) || !Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return BigInt(x).toString();
  return String(Math.trunc(x));
}

/** repr() of a NumPy scalar of the given dtype. */
export function scalarRepr(value: number, dtype: DType): string {
  switch (dtype) {
    case 'float64':
      return numpyFloatScalarRepr(value, false);
    case 'float32':
      return numpyFloatScalarRepr(value, true);
    case 'int64':
      return intToString(value);
    case 'bool':
      return value ? 'True' : 'False';
  }
}

/** str() of a NumPy scalar: the same text as repr() in NumPy 1.24. */
export function scalarStr(value: number, dtype: DType): string {
  return scalarRepr(value, dtype);
}

/**
 * Python's repr(float): the shortest round-trip digits, in exponent form when the
 * decimal exponent is < -4 or >= 16 ('1e-05', '1.5e+16'), else positional with at
 * least one fractional digit ('3.0', '110.00000000000001').
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  if (!m) return String(x);
  const digits = m[1]! + (m[2] ?? '');
  const exp = Number(m[3]);
  if (exp < -4 || exp >= 16) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mant + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  const decpt = exp + 1;
  if (decpt <= 0) return sign + '0.' + '0'.repeat(-decpt) + digits;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length) + '.0';
  return sign + digits.slice(0, decpt) + '.' + digits.slice(decpt);
}

// ---------------------------------------------------------------------------------------
// Element formatters (arrayprint.py: FloatingFormat, IntegerFormat, BoolFormat)
// ---------------------------------------------------------------------------------------

type FormatFunction = (x: number) => string;

/**
 * FloatingFormat with floatmode='maxprec', sign='-'. `data` holds the elements that will
 * be shown (after summarisation).
 */
function floatingFormat(data: readonly number[], float32: boolean, precision: number, suppressSmall: boolean): FormatFunction {
  // only the finite values are used to compute the number of digits
  const finiteVals = data.filter((v) => Number.isFinite(v));

  // choose exponential mode based on the non-zero finite values
  let expFormat = false;
  let maxVal = -Infinity;
  let minVal = Infinity;
  for (const v of finiteVals) {
    if (v === 0) continue;
    const a = Math.abs(v);
    if (a > maxVal) maxVal = a;
    if (a < minVal) minVal = a;
  }
  if (maxVal !== -Infinity) {
    // float32 arrays divide in float32 (which can overflow to inf)
    const ratio = float32 ? Math.fround(maxVal / minVal) : maxVal / minVal;
    if (maxVal >= 1e8 || (!suppressSmall && (minVal < 0.0001 || ratio > 1000))) expFormat = true;
  }

  let padLeft: number;
  let padRight: number;
  let expSize: number;
  let trim: TrimMode;
  let minDigits: number;
  let prec = precision;
  const unique = true;

  if (finiteVals.length === 0) {
    padLeft = 0;
    padRight = 0;
    trim = '.';
    expSize = -1;
    minDigits = -1;
  } else if (expFormat) {
    // first pass: print all the numbers to find the widths
    let maxInt = 0;
    let maxFrac = 0;
    let maxExp = 0;
    for (const x of finiteVals) {
      const s = dragon4Scientific(x, float32, { precision: prec, unique, trim: '.' });
      const e = s.indexOf('e');
      const frac = s.slice(0, e);
      const dot = frac.indexOf('.');
      maxInt = Math.max(maxInt, dot);
      maxFrac = Math.max(maxFrac, frac.length - dot - 1);
      maxExp = Math.max(maxExp, s.length - e - 1);
    }
    expSize = maxExp - 1;
    trim = 'k';
    prec = maxFrac;
    minDigits = prec;
    padLeft = maxInt;
    // pad_right is only needed for the nan/inf width
    padRight = expSize + 2 + prec;
  } else {
    let maxInt = 0;
    let maxFrac = 0;
    for (const x of finiteVals) {
      const s = dragon4Positional(x, float32, { precision: prec, fractional: true, unique, trim: '.' });
      const dot = s.indexOf('.');
      maxInt = Math.max(maxInt, dot);
      maxFrac = Math.max(maxFrac, s.length - dot - 1);
    }
    padLeft = maxInt;
    padRight = maxFrac;
    expSize = -1;
    trim = '.';
    minDigits = 0;
  }

  // non-finite values may need a wider left part: len('nan'), len('inf') (+1 for '-inf')
  if (data.length !== finiteVals.length) {
    const neginf = data.some((v) => v === -Infinity);
    const nanlen = 3;
    const inflen = 3 + (neginf ? 1 : 0);
    const offset = padRight + 1; // +1 for the decimal point
    padLeft = Math.max(padLeft, nanlen - offset, inflen - offset);
  }

  const width = padLeft + padRight + 1;
  return (value: number): string => {
    const x = float32 ? Math.fround(value) : value;
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      return ' '.repeat(Math.max(0, width - ret.length)) + ret;
    }
    if (expFormat) {
      return dragon4Scientific(x, float32, { precision: prec, minDigits, unique, trim, padLeft, expDigits: expSize });
    }
    return dragon4Positional(x, float32, {
      precision: prec,
      minDigits,
      unique,
      fractional: true,
      trim,
      padLeft,
      padRight,
    });
  };
}

/** IntegerFormat: '%{w}d' with w the longer of str(max) and str(min). */
function integerFormat(data: readonly number[]): FormatFunction {
  let maxStrLen = 0;
  if (data.length > 0) {
    let mx = -Infinity;
    let mn = Infinity;
    for (const v of data) {
      if (v > mx) mx = v;
      if (v < mn) mn = v;
    }
    maxStrLen = Math.max(intToString(mx).length, intToString(mn).length);
  }
  return (x) => intToString(x).padStart(maxStrLen, ' ');
}

/** BoolFormat: ' True' so it lines up with 'False', except in 0-d arrays. */
function boolFormat(zeroD: boolean): FormatFunction {
  const trueStr = zeroD ? 'True' : ' True';
  return (x) => (x ? trueStr : 'False');
}

// ---------------------------------------------------------------------------------------
// Array layout (arrayprint.py: _leading_trailing, _formatArray, _extendLine, array2string)
// ---------------------------------------------------------------------------------------

function product(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/**
 * _leading_trailing: the elements kept when summarising (the first and last `edgeitems`
 * along every axis longer than 2*edgeitems). Only the multiset matters here: it decides
 * the element format.
 */
function leadingTrailing(a: PrintableArray, edgeitems: number, strides: readonly number[]): number[] {
  const out: number[] = [];
  const ndim = a.shape.length;
  const walk = (axis: number, offset: number): void => {
    if (axis === ndim) {
      out.push(Number(a.data[offset]));
      return;
    }
    const n = a.shape[axis]!;
    const st = strides[axis]!;
    if (n > 2 * edgeitems) {
      // concatenate(a[:edgeitems], a[-edgeitems:]); note a[-0:] is the whole axis
      for (let i = 0; i < edgeitems; i++) walk(axis + 1, offset + i * st);
      const start = edgeitems === 0 ? 0 : n - edgeitems;
      for (let i = start; i < n; i++) walk(axis + 1, offset + i * st);
    } else {
      for (let i = 0; i < n; i++) walk(axis + 1, offset + i * st);
    }
  };
  walk(0, 0);
  return out;
}

/** _extendLine: append `word`, wrapping first if the line would get longer than lineWidth. */
function extendLine(
  s: string,
  line: string,
  word: string,
  lineWidth: number,
  nextLinePrefix: string,
): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  // don't wrap lines if it won't help
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.replace(/\s+$/, '') + '\n';
    line = nextLinePrefix;
  }
  line += word;
  return [s, line];
}

/** _formatArray: nested brackets, wrapping the last axis and separating the others by newlines. */
function formatArray(
  a: PrintableArray,
  strides: readonly number[],
  formatFunction: FormatFunction,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeItems: number,
  summaryInsert: string,
): string {
  const ndim = a.shape.length;
  const sepStripped = separator.replace(/\s+$/, '');

  const recurser = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = ndim - axis;
    if (axesLeft === 0) return formatFunction(Number(a.data[offset]));

    // when recursing, add a space to align with the '[' and reduce the width by len(']')
    const nextHangingIndent = hangingIndent + ' ';
    const nextWidth = currWidth - 1;

    const aLen = a.shape[axis]!;
    const st = strides[axis]!;
    const showSummary = summaryInsert !== '' && 2 * edgeItems < aLen;
    const leadingItems = showSummary ? edgeItems : 0;
    const trailingItems = showSummary ? edgeItems : aLen;
    const child = (i: number): string => recurser(axis + 1, offset + i * st, nextHangingIndent, nextWidth);

    let s = '';
    if (axesLeft === 1) {
      // last axis (rows): wrap elements if they would not fit on one line;
      // the width up to the beginning of the separator / bracket
      const elemWidth = currWidth - Math.max(sepStripped.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leadingItems; i++) {
        [s, line] = extendLine(s, line, child(i), elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailingItems; i > 1; i--) {
        [s, line] = extendLine(s, line, child(aLen - i), elemWidth, hangingIndent);
        line += separator;
      }
      [s, line] = extendLine(s, line, child(aLen - 1), elemWidth, hangingIndent);
      s += line;
    } else {
      // other axes: newlines between rows, one more per extra axis (blank lines in 3-D)
      const lineSep = sepStripped + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leadingItems; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailingItems; i > 1; i--) s += hangingIndent + child(aLen - i) + lineSep;
      s += hangingIndent + child(aLen - 1);
    }
    // remove the hanging indent, and wrap in []
    return '[' + s.slice(hangingIndent.length) + ']';
  };

  return recurser(0, 0, nextLinePrefix, lineWidth);
}

/** array2string(a, separator=..., prefix=..., suffix=...) for a non-empty array. */
function array2string(a: PrintableArray, opts: PrintOptions, separator: string, prefix: string, suffix: string): string {
  const lineWidth = opts.linewidth - suffix.length;
  const size = product(a.shape);
  // treat as a null array if any of the shape elements == 0
  if (size === 0) return '[]';

  const strides = cStrides(a.shape);
  let shown: number[];
  let summaryInsert: string;
  if (size > opts.threshold) {
    summaryInsert = '...';
    shown = leadingTrailing(a, opts.edgeitems, strides);
  } else {
    summaryInsert = '';
    shown = Array.from({ length: size }, (_, i) => Number(a.data[i]));
  }

  let formatFunction: FormatFunction;
  switch (a.dtype) {
    case 'bool':
      formatFunction = boolFormat(a.shape.length === 0);
      break;
    case 'int64':
      formatFunction = integerFormat(shown);
      break;
    case 'float32':
      formatFunction = floatingFormat(shown.map(Math.fround), true, opts.precision, opts.suppress);
      break;
    case 'float64':
      formatFunction = floatingFormat(shown, false, opts.precision, opts.suppress);
      break;
  }

  // skip over '[' and over the prefix ('array(')
  const nextLinePrefix = ' ' + ' '.repeat(prefix.length);
  return formatArray(a, strides, formatFunction, lineWidth, nextLinePrefix, separator, opts.edgeitems, summaryInsert);
}

/** str(a) / print(a) (array_str). */
export function arrayStr(a: PrintableArray, opts: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  // 0-d arrays print like their scalar, unaffected by precision
  if (a.shape.length === 0) return scalarStr(Number(a.data[0]), a.dtype);
  return array2string(a, opts, ' ', '', '');
}

/** Python's repr of a tuple of ints: (0, 3), (0,) */
function shapeRepr(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** repr(a) (array_repr): 'array([...])' plus ', dtype=...' unless the dtype is implied. */
export function arrayRepr(a: PrintableArray, opts: PrintOptions = DEFAULT_PRINT_OPTIONS): string {
  const size = product(a.shape);
  // float64, int64 (np.int_ here) and bool are implied by how the values print
  const skipDtype = a.dtype !== 'float32' && size > 0;
  const prefix = 'array(';
  const suffix = skipDtype ? ')' : ',';

  let lst: string;
  if (size > 0 || (a.shape.length === 1 && a.shape[0] === 0)) {
    lst = array2string(a, opts, ', ', prefix, suffix);
  } else {
    // show a zero-length shape unless it is (0,)
    lst = '[], shape=' + shapeRepr(a.shape);
  }
  const arrStr = prefix + lst + suffix;
  if (skipDtype) return arrStr;

  const dtypeStr = `dtype=${a.dtype})`;
  // put the dtype on a new line if it would extend the last line past linewidth
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + dtypeStr.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + dtypeStr;
}
