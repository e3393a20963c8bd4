/**
 * pyformat — CPython 3.11 compatible number/string formatting, parsing and repr.
 *
 * Pure module (no imports). Ports the relevant parts of CPython's
 * Python/formatter_unicode.c, Python/pystrtod.c (format_float_short),
 * Objects/unicodeobject.c (PyUnicode_Format, unicode_repr) and
 * Objects/floatobject.c (float.__round__), so that the text produced is
 * byte-for-byte what CPython 3.11 prints.
 *
 * Representation conventions: Python int = bigint, float = number,
 * bool = boolean, str = string (UTF-16; lengths are measured in code points
 * like Python does).
 *
 * Floats are rounded on their exact binary value with round-half-even,
 * exactly like David Gay's dtoa used by CPython. The exact digits are
 * computed with bigint; V8's toFixed/toExponential are used as a fast path
 * only where it is proven that no decimal tie can occur (they are exact but
 * break ties away from zero).
 */

// ---------------------------------------------------------------------------
// Errors

export type PyErrorType = 'ValueError' | 'TypeError' | 'OverflowError' | 'KeyError';

/**
 * A Python exception raised by the formatting code. `pyType` is the Python
 * exception class; `message` is exactly str(exc) as CPython gives it, except
 * for KeyError where `message` is repr(key) (which is what str(KeyError(key))
 * prints) and `key` holds the key itself.
 */
export class FormatError extends Error {
  readonly pyType: PyErrorType;
  readonly key?: string;
  constructor(pyType: PyErrorType, message: string, key?: string) {
    super(message);
    this.pyType = pyType;
    this.name = pyType;
    if (key !== undefined) this.key = key;
  }
}

const INT_MAX = 2147483647;
const PY_SSIZE_T_MAX = 9223372036854775807n;
/** sys.get_int_max_str_digits() default */
export const INT_MAX_STR_DIGITS = 4300;

// ---------------------------------------------------------------------------
// Unicode helpers

/** Python str.isspace() (Py_UNICODE_ISSPACE) */
function isPySpace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  if (cp < 0x85) return false;
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** ASCII isspace (Py_ISSPACE) */
function isAsciiSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\x0b' || ch === '\x0c';
}

// Unicode 14.0.0 tables (the Unicode version of CPython 3.11's unicodedata),
// generated with /usr/bin/python3 so that results do not depend on the ICU
// version of the JS runtime.
// PRINTABLE: ranges of str.isprintable() code points, as base-36 pairs
// (gap since the end of the previous range, length).
const PRINTABLE_RANGES_B36 =
  'w,2n,y,c,1,ju,2,6,4,7,1,1,1,k,1,b1,1,12,2,1e,2,3,1,1j,8,r,4,6,h,m,1,5c,1,1c,2,1n,2,2t,e,1n,2,1d,' +
  '2,f,1,s,2,1,1,b,5,v,9,22,1,4h,1,8,2,2,2,m,1,7,1,1,3,4,2,9,2,2,2,4,8,1,4,2,1,5,2,p,2,3,1,6,4,2,2,' +
  'm,1,7,1,2,1,2,1,2,2,1,1,5,4,2,2,3,3,1,7,4,1,1,7,h,a,3,1,9,1,3,1,m,1,7,1,2,1,5,2,a,1,3,1,3,2,1,f,' +
  '4,2,c,7,7,1,3,1,8,2,2,2,m,1,7,1,2,1,5,2,9,2,2,2,3,7,3,4,2,1,5,2,i,a,2,1,6,3,3,1,4,3,2,1,1,1,2,3,' +
  '2,3,3,3,c,4,5,3,3,1,4,2,1,6,1,e,l,5,d,1,3,1,n,1,g,2,9,1,3,1,4,7,2,1,3,2,1,2,4,2,a,7,m,1,3,1,n,1,' +
  'a,1,5,2,9,1,3,1,4,7,2,6,2,1,4,2,a,1,2,d,d,1,3,1,1f,1,3,1,6,4,g,2,q,1,3,1,i,3,o,1,9,1,1,2,7,3,1,4' +
  ',6,1,1,1,8,6,a,2,3,c,1m,4,t,11,2,1,1,1,5,1,o,1,1,1,n,2,5,1,1,1,6,2,a,2,4,w,20,1,10,4,13,1,10,1,f' +
  ',1,d,11,5i,1,1,5,1,2,ah,1,4,2,7,1,1,1,4,2,15,1,4,2,x,1,4,2,7,1,1,1,4,2,f,1,1l,1,4,2,1v,2,w,3,q,6' +
  ',2e,2,6,2,hs,1,s,3,2h,7,m,9,o,9,k,c,d,1,3,1,2,c,2m,2,a,6,a,6,e,1,b,6,2h,7,17,5,1y,a,v,1,c,4,c,4,' +
  '1,3,16,2,5,b,18,4,q,6,b,3,1q,2,1t,1,t,2,b,6,a,6,e,2,v,1d,25,3,1b,1,38,8,1o,3,f,3,1o,7,17,2,b,8,1' +
  '7,5,eu,2,6,2,12,2,6,2,8,1,1,1,1,1,1,1,v,2,1h,1,f,1,e,2,6,1,j,2,3,1,9,h,o,8,1b,h,2,2,r,1,d,3,x,f,' +
  'x,f,3w,4,if,p,b,l,1ec,2,w,1,9p,5,19,1,1,5,1,2,1k,7,2,e,o,9,7,1,7,1,7,1,7,1,7,1,7,1,7,1,7,1,3i,y,' +
  'q,1,2h,c,5y,q,c,5,1r,1,2e,2,2v,5,17,1,2m,1,2c,c,1b,1,mlp,3,1j,9,9o,k,54,8,5n,5,2,1,1,1,5,o,1n,3,' +
  'a,6,1k,8,1y,8,c,6,38,b,u,3,26,1,b,4,x,1,1j,9,e,2,a,2,2v,o,s,a,6,2,6,2,6,9,7,1,7,1,1o,4,3i,2,a,6,' +
  '8mc,c,n,4,1d,6is,a6,2,2y,12,7,c,5,5,q,1,5,1,1,1,2,1,2,1,3h,g,cd,2,1i,7,1,w,16,6,1f,1,j,1,4,4,5,1' +
  ',3r,4,5a,3,6,2,6,2,6,2,3,3,7,1,7,d,2,2,c,1,q,1,j,1,2,1,f,2,e,y,3f,5,3,4,19,3,2g,1,d,3,1,1b,1a,3m' +
  ',t,3,1d,f,s,4,10,9,u,5,17,5,u,1,11,4,e,16,4e,2,a,6,10,4,10,4,14,8,1g,b,c,1,f,1,7,1,2,1,b,1,f,1,7' +
  ',1,2,1v,8n,9,m,a,8,o,6,1,16,1,9,1x,6,2,1,1,18,1,2,3,1,2,n,1,20,8,9,1c,j,1,2,5,x,3,r,5,1,1s,1k,4,' +
  'k,2,1e,1,2,5,8,1,3,1,t,2,3,4,a,7,9,7,1s,w,13,4,c,9,1i,3,t,2,r,5,q,7,4,c,7,28,21,1j,1f,d,1f,7,1a,' +
  '8,a,86,v,1,16,1,3,2,2,26,14,8,16,m,q,12,s,k,n,9,26,4,10,9,1q,1,5,d,p,7,a,6,1h,1,i,8,13,9,2o,1,k,' +
  'b,i,1,18,1t,7,1,1,1,4,1,f,1,b,6,1n,5,a,6,4,1,8,2,2,2,m,1,7,1,2,1,5,1,a,2,2,2,3,2,1,6,1,5,7,2,7,3' +
  ',5,3v,2k,1,5,u,20,8,a,4m,1i,2,12,y,1x,b,a,6,d,j,1m,6,a,1i,r,2,f,4,n,55,1o,2s,2b,c,8,2,1,2,8,1,2,' +
  '1,u,1,2,2,c,9,a,1y,8,2,1a,2,b,r,20,8,2b,d,21,7b,9,1,19,1,e,a,t,3,w,2,m,1,e,21,7,1,2,1,18,3,1,1,2' +
  ',1,9,8,a,6,6,1,2,1,11,1,2,1,6,7,a,8m,p,53,1,f,1e,d,pn,2u,33,1,5,b,5g,218,2r,d,tr,34h,g7,6nt,ft,7' +
  ',v,1,a,4,29,1,a,6,u,2,6,a,1y,a,a,1,7,1,l,5,j,j4,2j,2t,23,4,1l,7,h,1s,5,b,2,e,4qg,8,ye,16,9,6w7,4' +
  ',1,7,1,2,1,83,19,3,h,4,8,b0,1s4,2z,5,d,3,9,7,a,2,4,3mo,1a,2,n,9,38,1o,6u,a,13,2,22,8,34,l,1y,4a,' +
  'k,c,2f,9,p,3r,2d,1,1z,1,2,2,1,2,2,2,4,1,c,1,1,1,7,1,1t,1,4,2,8,1,7,1,s,1,4,1,5,1,1,3,7,1,9g,2,84' +
  ',2,ji,f,5,1,f,uo,v,69,7,1,h,2,7,1,2,1,5,5x,19,3,e,2,a,4,2,8w,v,h,1m,5,1,yo,7,1,4,1,2,1,f,1,5h,2,' +
  'g,15,24,4,a,4,2,lt,1w,24,1p,5e,4,1,r,1,2,1,1,2,1,1,a,1,4,1,1,1,1,6,1,4,1,1,1,1,1,1,3,1,2,1,1,2,1' +
  ',1,1,1,1,1,1,1,1,1,2,1,1,2,4,1,7,1,4,1,4,1,1,1,a,1,h,5,3,1,5,1,h,1g,2,7i,18,4,2s,c,f,2,f,1,f,1,1' +
  '1,a,4u,1k,t,d,18,4,9,7,2,e,6,4a,rc,5,g,3,d,3,38,c,2h,7,c,4,1,f,c,4,1k,8,a,6,14,8,u,2,2,26,9g,c,e' +
  ',2,5,3,5,3,7,9,t,3,b,5,6,a,a,6,8,8,7,9,43,1,1j,11,a,sm,wyo,w,37d,7,66,2,4g2,e,5rl,2e7,f2,15u,3t7' +
  ',fcmt,6o';
// DECIMAL_ZEROS: code points of the digit ZERO of every Nd block (ten digits each),
// base-36 deltas.
const DECIMAL_ZEROS_B36 =
  '1c,180,40,5s,bq,3k,3k,3k,3k,3k,3k,3k,3k,3k,2y,3k,28,80,28,1g0,1c,8m,3u,4w,g,5c,2o,40,g,r80,j4,1c' +
  ',5s,w,2o,bk,gf4,13k,1ow,mu,3u,1y,4a,80,9s,3k,ao,34,34,c0,34,lc,74,28,f5s,2o,40,lfi,a,a,a,a,1u2,c' +
  '0,19c,3og';

let printableStarts: Int32Array | null = null;
let printableEnds: Int32Array | null = null;
let decimalZeros: Int32Array | null = null;

function loadTables(): void {
  const p = PRINTABLE_RANGES_B36.split(',').map((t) => parseInt(t, 36));
  const n = p.length >> 1;
  printableStarts = new Int32Array(n);
  printableEnds = new Int32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const a = prev + p[2 * i];
    const b = a + p[2 * i + 1] - 1;
    printableStarts[i] = a;
    printableEnds[i] = b;
    prev = b + 1;
  }
  const z = DECIMAL_ZEROS_B36.split(',').map((t) => parseInt(t, 36));
  decimalZeros = new Int32Array(z.length);
  let acc = 0;
  for (let i = 0; i < z.length; i++) {
    acc += z[i];
    decimalZeros[i] = acc;
  }
}

/** index of the last element <= cp, or -1 */
function lastLE(arr: Int32Array, cp: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  let r = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= cp) {
      r = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return r;
}

/** Py_UNICODE_TODECIMAL: the decimal value of a code point, or -1. */
function unicodeDecimal(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x80) return -1;
  if (decimalZeros === null) loadTables();
  const i = lastLE(decimalZeros!, cp);
  if (i < 0) return -1;
  const d = cp - decimalZeros![i];
  return d < 10 ? d : -1;
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** len(s) as Python counts it (code points). */
export function pyLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** s[:n] by code points */
function pySlicePrefix(s: string, n: number): string {
  if (n >= s.length) return s;
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    i++;
    count++;
  }
  return s.slice(0, i);
}

/** Py_UNICODE_ISPRINTABLE: not Cc Cf Cs Co Cn Zl Zp Zs (but ' ' is printable). */
function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp === 0x7f) return false;
  if (printableStarts === null) loadTables();
  const i = lastLE(printableStarts!, cp);
  return i >= 0 && cp <= printableEnds![i];
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** repr(str) exactly as CPython 3.11 writes it. */
export function strRepr(s: string): string {
  let squote = false;
  let dquote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27) squote = true;
    else if (c === 0x22) dquote = true;
  }
  const quote = squote && !dquote ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x27 || cp === 0x22) {
      out += ch === quote ? '\\' + ch : ch;
    } else if (cp === 0x5c) out += '\\\\';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (isPrintable(cp)) out += ch;
    else if (cp < 0x100) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/** Escape every non-ASCII code point the way ascii() does (backslashreplace). */
export function asciiEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x100) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out;
}

/** ascii(str) */
export function strAscii(s: string): string {
  return asciiEscape(strRepr(s));
}

// ---------------------------------------------------------------------------
// int <-> str

const MAX_STR_TO_STR_MSG =
  'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit';

/** str(int), with CPython's 4300-digit limit. */
export function intToStr(x: bigint): string {
  const neg = x < 0n;
  const a = neg ? -x : x;
  // a >= 2**14300 has more than 4304 digits: reject without converting.
  if (a >= 1n << 14300n) throw new FormatError('ValueError', MAX_STR_TO_STR_MSG);
  const s = a.toString();
  if (s.length > INT_MAX_STR_DIGITS) throw new FormatError('ValueError', MAX_STR_TO_STR_MSG);
  return neg ? '-' + s : s;
}

/** The message of the ValueError that int(s, base) raises for a bad literal. */
export function intLiteralErrorMessage(s: string, base: number): string {
  return `invalid literal for int() with base ${base}: ${strRepr(s)}`;
}

/** The message of the ValueError that float(s) raises for a bad literal. */
export function floatLiteralErrorMessage(s: string): string {
  return `could not convert string to float: ${strRepr(s)}`;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace -> ' ',
 * non-ASCII decimal digits -> ASCII digits; anything else non-ASCII ends
 * the string with '?' (which makes it invalid).
 */
function transformDecimalAndSpace(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 127) out += ch;
    else if (isPySpace(cp)) out += ' ';
    else {
      const d = unicodeDecimal(cp);
      if (d < 0) return out + '?';
      out += String.fromCharCode(0x30 + d);
    }
  }
  return out;
}

function charAt(s: string, k: number): string {
  return k < s.length ? s[k] : '\0';
}

function digitValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/**
 * int(s, base). Returns null where CPython raises
 * "invalid literal for int() with base N: ..." (see intLiteralErrorMessage).
 * Throws FormatError for a bad base or the 4300-digit limit.
 */
export function parseIntLiteral(s: string, base: number): bigint | null {
  if ((base !== 0 && base < 2) || base > 36) {
    throw new FormatError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  }
  const str = transformDecimalAndSpace(s);
  let i = 0;
  const n = str.length;
  while (i < n && isAsciiSpace(str[i])) i++;
  let neg = false;
  if (charAt(str, i) === '+') i++;
  else if (charAt(str, i) === '-') {
    neg = true;
    i++;
  }
  let errorIfNonzero = false;
  if (base === 0) {
    const c1 = charAt(str, i + 1);
    if (charAt(str, i) !== '0') base = 10;
    else if (c1 === 'x' || c1 === 'X') base = 16;
    else if (c1 === 'o' || c1 === 'O') base = 8;
    else if (c1 === 'b' || c1 === 'B') base = 2;
    else {
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (charAt(str, i) === '0') {
    const c1 = charAt(str, i + 1);
    if (
      (base === 16 && (c1 === 'x' || c1 === 'X')) ||
      (base === 8 && (c1 === 'o' || c1 === 'O')) ||
      (base === 2 && (c1 === 'b' || c1 === 'B'))
    ) {
      i += 2;
      if (charAt(str, i) === '_') i++;
    }
  }
  if (charAt(str, i) === '_') return null;
  let digits = '';
  let prev = '\0';
  while (i < n && (digitValue(str[i]) < base || str[i] === '_')) {
    const ch = str[i];
    if (ch === '_') {
      if (prev === '_') return null;
    } else digits += ch;
    prev = ch;
    i++;
  }
  if (prev === '_') return null;
  if (digits.length === 0) return null;
  while (i < n && isAsciiSpace(str[i])) i++;
  if (i !== n) return null;
  const pow2 = (base & (base - 1)) === 0;
  if (!pow2 && digits.length > INT_MAX_STR_DIGITS) {
    throw new FormatError(
      'ValueError',
      `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let v: bigint;
  if (base === 10) v = BigInt(digits);
  else if (base === 16) v = BigInt('0x' + digits);
  else if (base === 8) v = BigInt('0o' + digits);
  else if (base === 2) v = BigInt('0b' + digits);
  else {
    v = 0n;
    const b = BigInt(base);
    // chunk to keep it reasonably fast
    const chunk = 8;
    for (let k = 0; k < digits.length; k += chunk) {
      const part = digits.slice(k, k + chunk);
      let pv = 0;
      for (const c of part) pv = pv * base + digitValue(c);
      v = v * b ** BigInt(part.length) + BigInt(pv);
    }
  }
  if (errorIfNonzero && v !== 0n) return null;
  return neg ? -v : v;
}

const FLOAT_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;
const FLOAT_SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * float(s). Returns null where CPython raises
 * "could not convert string to float: ..." (see floatLiteralErrorMessage).
 */
export function parseFloatLiteral(s: string): number | null {
  let str = transformDecimalAndSpace(s);
  // underscores: only between digits
  if (str.includes('_')) {
    let out = '';
    let prev = '\0';
    for (const ch of str) {
      const isDig = prev >= '0' && prev <= '9';
      if (ch === '_') {
        if (!isDig) return null;
      } else {
        if (prev === '_' && !(ch >= '0' && ch <= '9')) return null;
        out += ch;
      }
      prev = ch;
    }
    if (prev === '_') return null;
    str = out;
  }
  let a = 0;
  let b = str.length;
  while (a < b && isAsciiSpace(str[a])) a++;
  while (b - 1 > a && isAsciiSpace(str[b - 1])) b--;
  str = str.slice(a, b);
  if (FLOAT_RE.test(str)) return Number(str);
  const m = FLOAT_SPECIAL_RE.exec(str);
  if (m) {
    if (m[2].toLowerCase() === 'nan') return NaN; // the sign of a NaN is not kept
    return m[1] === '-' ? -Infinity : Infinity;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Exact decimal digits of doubles

const dv = new DataView(new ArrayBuffer(8));

/** |x| = m * 2**e with m odd (x finite, nonzero). */
function decompose(x: number): { m: number; e: number } {
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m += 4503599627370496; // 2**52
    e = bexp - 1075;
  }
  // make m odd
  if (m % 4294967296 === 0) {
    m /= 4294967296;
    e += 32;
  }
  if (m % 65536 === 0) {
    m /= 65536;
    e += 16;
  }
  while (m % 2 === 0) {
    m /= 2;
    e += 1;
  }
  return { m, e };
}

const pow5Cache = new Map<number, bigint>();
function pow5(k: number): bigint {
  let v = pow5Cache.get(k);
  if (v === undefined) {
    v = 5n ** BigInt(k);
    if (pow5Cache.size < 2048) pow5Cache.set(k, v);
  }
  return v;
}

/** digits (no leading/trailing zeros) and decpt with |x| = 0.DIGITS * 10**decpt */
interface Digits {
  digits: string;
  decpt: number;
}

function exactDigits(ax: number): Digits {
  const { m, e } = decompose(ax);
  if (e >= 0) {
    const s = (BigInt(m) << BigInt(e)).toString();
    let end = s.length;
    while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
    return { digits: s.slice(0, end), decpt: s.length };
  }
  const s = (BigInt(m) * pow5(-e)).toString();
  return { digits: s, decpt: s.length + e };
}

/** Round d to nsig significant digits, half-even. Result digits may be '' (zero). */
function roundDigits(d: Digits, nsig: number): Digits {
  const { digits, decpt } = d;
  if (nsig >= digits.length) return d;
  if (nsig < 0) return { digits: '', decpt };
  const c = digits.charCodeAt(nsig);
  let up: boolean;
  if (c > 53) up = true;
  else if (c < 53) up = false;
  else if (nsig + 1 < digits.length) up = true; // digits have no trailing zeros
  else up = nsig > 0 && (digits.charCodeAt(nsig - 1) - 48) % 2 === 1;
  if (!up) {
    let end = nsig;
    while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
    return { digits: digits.slice(0, end), decpt };
  }
  let end = nsig;
  while (end > 0 && digits.charCodeAt(end - 1) === 57) end--;
  if (end === 0) return { digits: '1', decpt: decpt + 1 };
  return {
    digits: digits.slice(0, end - 1) + String.fromCharCode(digits.charCodeAt(end - 1) + 1),
    decpt,
  };
}

/** parse a JS-produced decimal string (no sign) into Digits */
function parseJsDecimal(s: string): Digits {
  let exp = 0;
  const ei = s.indexOf('e');
  let mant = s;
  if (ei >= 0) {
    exp = Number(s.slice(ei + 1));
    mant = s.slice(0, ei);
  }
  const dot = mant.indexOf('.');
  let all: string;
  let decpt: number;
  if (dot >= 0) {
    all = mant.slice(0, dot) + mant.slice(dot + 1);
    decpt = dot + exp;
  } else {
    all = mant;
    decpt = mant.length + exp;
  }
  let a = 0;
  while (a < all.length && all.charCodeAt(a) === 48) a++;
  decpt -= a;
  let b = all.length;
  while (b > a && all.charCodeAt(b - 1) === 48) b--;
  return { digits: all.slice(a, b), decpt };
}

const LOG10_5 = 0.6989700043360189;

/** Gay's dtoa mode 2: max(1, nsig) significant digits, correctly rounded half-even. ax > 0 finite. */
function digitsMode2(ax: number, nsig: number): Digits {
  if (nsig < 1) nsig = 1;
  if (nsig <= 101) {
    const { e } = decompose(ax);
    // exact value has >= floor(k*log10(5))+1 significant digits when ax = m*2**-k, m odd;
    // a tie needs exactly nsig+1 of them.
    if (e < 0 && -e * LOG10_5 > nsig + 2) {
      return parseJsDecimal(ax.toExponential(nsig - 1));
    }
  }
  return roundDigits(exactDigits(ax), nsig);
}

/** Gay's dtoa mode 3: ndigits after the decimal point (may be negative), correctly rounded. */
function digitsMode3(ax: number, ndigits: number): Digits {
  if (ndigits >= 0 && ndigits <= 100 && ax < 1e21) {
    const { e } = decompose(ax);
    // a tie needs the exact expansion to end at fractional digit ndigits+1
    if (e >= 0 || -e !== ndigits + 1) {
      const r = parseJsDecimal(ax.toFixed(ndigits));
      if (r.digits === '') return { digits: '', decpt: -ndigits };
      return r;
    }
  }
  const d = exactDigits(ax);
  const r = roundDigits(d, d.decpt + ndigits);
  if (r.digits === '') return { digits: '', decpt: -ndigits };
  return r;
}

/** Gay's dtoa mode 0: shortest round-trip digits. */
function digitsMode0(ax: number): Digits {
  return parseJsDecimal(String(ax));
}

// ---------------------------------------------------------------------------
// PyOS_double_to_string / format_float_short

/**
 * code: one of e E f F g G r. precision as given by the user (for 'e' the
 * number of digits after the point). Returns the string including a leading
 * '-' for negative numbers.
 */
function doubleToString(
  x: number,
  code: string,
  precision: number,
  alt: boolean,
  addDot0: boolean,
  noNeg0: boolean,
): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  const lc = upper ? code.toLowerCase() : code;
  if (x !== x) return upper ? 'NAN' : 'nan';
  if (x === Infinity) return upper ? 'INF' : 'inf';
  if (x === -Infinity) return upper ? '-INF' : '-inf';
  let neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let d: Digits;
  if (lc === 'e') precision++;
  else if (lc === 'g' && precision === 0) precision = 1;
  if (ax === 0) d = { digits: '0', decpt: 1 };
  else if (lc === 'f') d = digitsMode3(ax, precision);
  else if (lc === 'r') d = digitsMode0(ax);
  else d = digitsMode2(ax, precision);
  if (noNeg0 && neg && (d.digits === '' || ax === 0)) neg = false;
  return formatDigits(neg, d.digits, d.decpt, lc, precision, addDot0, alt, upper);
}

function formatDigits(
  neg: boolean,
  digits: string,
  decpt: number,
  code: string,
  precision: number,
  addDot0: boolean,
  alt: boolean,
  upper: boolean,
): string {
  const dlen = digits.length;
  let vend = dlen;
  let useExp = false;
  let exp = 0;
  switch (code) {
    case 'e':
      useExp = true;
      vend = precision;
      break;
    case 'f':
      vend = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vend = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vstart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vend = vend > decpt ? vend : decpt + 1;
  else vend = vend > decpt ? vend : decpt;
  let out = neg ? '-' : '';
  if (decpt <= 0) out += '0'.repeat(decpt - vstart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vstart);
  if (0 < decpt && decpt <= dlen) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (dlen < decpt) out += '0'.repeat(decpt - dlen) + '.' + '0'.repeat(vend - decpt);
  else out += '0'.repeat(vend - dlen);
  if (!alt && out.charCodeAt(out.length - 1) === 46) out = out.slice(0, -1);
  if (useExp) {
    const ae = exp < 0 ? -exp : exp;
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
  }
  return out;
}

/** repr(float) == str(float) */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e16) {
    // Python uses fixed notation here, and so does JS (for 1e-7 <= |x| < 1e21),
    // with the same shortest round-trip digits.
    const s = String(x);
    return s.indexOf('.') >= 0 ? s : s + '.0';
  }
  return doubleToString(x, 'r', 0, false, true, false);
}

// ---------------------------------------------------------------------------
// round()

const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** round(x, ndigits) for a float x and int ndigits (CPython's double_round). */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x)) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0.0 * x;
  if (x === 0) return x;
  const neg = x < 0;
  const d = digitsMode3(Math.abs(x), ndigits);
  let r: number;
  if (d.digits === '') r = 0;
  else r = Number(d.digits + 'e' + (d.decpt - d.digits.length));
  if (r === Infinity) throw new FormatError('OverflowError', 'rounded value too large to represent');
  return neg ? -r : r;
}

/** round(x) with no ndigits: nearest int, ties to even. */
export function roundFloatToInt(x: number): bigint {
  if (x !== x) throw new FormatError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new FormatError('OverflowError', 'cannot convert float infinity to integer');
  // C round(): half away from zero, computed exactly
  const t = Math.trunc(x);
  const diff = x - t; // exact
  let r = t;
  if (Math.abs(diff) >= 0.5) r = t + (x < 0 ? -1 : 1);
  if (Math.abs(x - r) === 0.5) {
    const h = x / 2;
    const th = Math.trunc(h);
    let rh = th;
    if (Math.abs(h - th) >= 0.5) rh = th + (h < 0 ? -1 : 1);
    r = 2 * rh;
  }
  return BigInt(r);
}

/** int(x) for a float (truncation), with CPython's errors. */
export function floatToInt(x: number): bigint {
  if (x !== x) throw new FormatError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new FormatError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

/** float(int) with CPython's OverflowError. */
export function intToFloat(x: bigint): number {
  const f = Number(x);
  if (!Number.isFinite(f)) throw new FormatError('OverflowError', 'int too large to convert to float');
  return f;
}

// ---------------------------------------------------------------------------
// Format spec mini-language

export interface FormatSpec {
  /** fill character as given ([[fill]align]); ' ' when not given. The '0' flag
   *  (zero) means fill '0' and, for numbers without an explicit align, '=' */
  fill: string;
  /** '' when not given */
  align: '<' | '>' | '^' | '=' | '';
  sign: '+' | '-' | ' ' | '';
  /** 'z' option (3.11): coerce negative zero */
  noNegZero: boolean;
  alt: boolean;
  /** the '0' flag before the width */
  zero: boolean;
  /** -1 when not given */
  width: number;
  grouping: ',' | '_' | '';
  precision: number | null;
  /** '' when not given */
  type: string;
}

function isAlign(ch: string | undefined): ch is '<' | '>' | '^' | '=' {
  return ch === '<' || ch === '>' || ch === '^' || ch === '=';
}

/** get_integer(): digits (unicode decimals too); returns [value, consumed] */
function getInteger(cps: number[], pos: number): [number, number] {
  let acc = 0n;
  let n = 0;
  while (pos + n < cps.length) {
    const d = unicodeDecimal(cps[pos + n]);
    if (d < 0) break;
    const bd = BigInt(d);
    if (acc > (PY_SSIZE_T_MAX - bd) / 10n) {
      throw new FormatError('ValueError', 'Too many decimal digits in format string');
    }
    acc = acc * 10n + bd;
    n++;
  }
  return [Number(acc), n];
}

function presentationChar(cp: number): string {
  return cp > 32 && cp < 128 ? String.fromCharCode(cp) : '\\x' + cp.toString(16);
}

/**
 * Parse a format spec (the part after ':' in f'{x:spec}').
 * typeName is used in "Invalid format specifier ... for object of type '...'";
 * defaultType is the presentation type assumed when none is given ('s' for
 * str, 'd' for int, '' for float) and matters for the ',' / '_' checks.
 * Validates exactly what CPython validates at parse time.
 * In the result, type '' and align '' mean "not given", width -1 "not given".
 */
export function parseFormatSpec(spec: string, typeName = 'object', defaultType = ''): FormatSpec {
  return { ...parseSpecCached(spec, typeName, defaultType) };
}

const specCache = new Map<string, FormatSpec>();

/** parse with a small cache (format specs repeat a lot in loops); do not mutate the result */
function parseSpecCached(spec: string, typeName: string, defaultType: string): FormatSpec {
  const key = defaultType + typeName + '\u0000' + spec;
  let r = specCache.get(key);
  if (r === undefined) {
    r = parseSpecUncached(spec, typeName, defaultType);
    if (specCache.size >= 256) specCache.clear();
    specCache.set(key, r);
  }
  return r;
}

function parseSpecUncached(spec: string, typeName: string, defaultType: string): FormatSpec {
  const cps = codePoints(spec);
  const end = cps.length;
  const ch = (i: number): string | undefined => (i < end ? String.fromCodePoint(cps[i]) : undefined);
  let pos = 0;
  const r: FormatSpec = {
    fill: ' ',
    align: '',
    sign: '',
    noNegZero: false,
    alt: false,
    zero: false,
    width: -1,
    grouping: '',
    precision: null,
    type: '',
  };
  let fillSpecified = false;
  if (end - pos >= 2 && isAlign(ch(pos + 1))) {
    r.align = ch(pos + 1) as FormatSpec['align'];
    r.fill = ch(pos)!;
    fillSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(ch(pos))) {
    r.align = ch(pos) as FormatSpec['align'];
    pos++;
  }
  const s = ch(pos);
  if (s === '+' || s === '-' || s === ' ') {
    r.sign = s;
    pos++;
  }
  if (ch(pos) === 'z') {
    r.noNegZero = true;
    pos++;
  }
  if (ch(pos) === '#') {
    r.alt = true;
    pos++;
  }
  if (!fillSpecified && ch(pos) === '0') {
    r.zero = true;
    pos++;
  }
  const [w, wn] = getInteger(cps, pos);
  pos += wn;
  if (wn > 0) r.width = w;
  if (ch(pos) === ',') {
    r.grouping = ',';
    pos++;
  }
  if (ch(pos) === '_') {
    if (r.grouping !== '') throw new FormatError('ValueError', "Cannot specify both ',' and '_'.");
    r.grouping = '_';
    pos++;
  }
  if (ch(pos) === ',') {
    if (r.grouping === '_') throw new FormatError('ValueError', "Cannot specify both ',' and '_'.");
  }
  if (ch(pos) === '.') {
    pos++;
    const [p, pn] = getInteger(cps, pos);
    pos += pn;
    if (pn === 0) throw new FormatError('ValueError', 'Format specifier missing precision');
    r.precision = p;
  }
  if (end - pos > 1) {
    throw new FormatError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) r.type = ch(pos)!;
  if (r.grouping !== '') {
    const t = r.type === '' ? defaultType : r.type;
    const ok =
      t === 'd' || t === 'e' || t === 'f' || t === 'g' || t === 'E' || t === 'G' || t === '%' || t === 'F' || t === '' ||
      (r.grouping === '_' && (t === 'b' || t === 'o' || t === 'x' || t === 'X'));
    if (!ok) {
      throw new FormatError(
        'ValueError',
        `Cannot specify '${r.grouping}' with '${presentationChar(t.codePointAt(0)!)}'.`,
      );
    }
  }
  return r;
}

function unknownCode(type: string, typeName: string): FormatError {
  return new FormatError(
    'ValueError',
    `Unknown format code '${presentationChar(type.codePointAt(0)!)}' for object of type '${typeName}'`,
  );
}

/** resolved fill and alignment for a type whose default alignment is defAlign */
function resolveFillAlign(sp: FormatSpec, defAlign: '<' | '>'): { fill: string; align: string } {
  const fill = sp.zero ? '0' : sp.fill;
  let align: string = sp.align;
  if (align === '') align = sp.zero && defAlign === '>' ? '=' : defAlign;
  return { fill, align };
}

/** _PyUnicode_InsertThousandsGrouping */
function groupDigits(digits: string, minWidth: number, sep: string, group: number): string {
  let minW = Math.max(0, minWidth);
  let remaining = digits.length;
  let pos = digits.length;
  if (sep === '' || group <= 0) {
    const len = Math.max(remaining, minW, 1);
    return '0'.repeat(Math.max(0, len - remaining)) + digits;
  }
  const parts: string[] = [];
  let useSep = false;
  for (;;) {
    const len = Math.min(group, Math.max(remaining, minW, 1));
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    parts.push('0'.repeat(nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : ''));
    pos -= nChars;
    useSep = true;
    remaining -= nChars;
    minW -= len;
    if (remaining <= 0 && minW <= 0) break;
    minW -= sep.length;
  }
  parts.reverse();
  return parts.join('');
}

/**
 * calc_number_widths + fill_number.
 * digits: the integer-part digits (may be '' for 'c' and inf/nan);
 * hasDecimal: a '.' follows the digits; remainder: what follows the '.'
 * (or everything after the digits when there is no '.').
 */
function layoutNumber(
  sp: FormatSpec,
  negative: boolean,
  prefix: string,
  digits: string,
  hasDecimal: boolean,
  remainder: string,
  sep: string,
  group: number,
  toupper: boolean,
): string {
  const { fill, align } = resolveFillAlign(sp, '>');
  let sign = '';
  if (sp.sign === '+') sign = negative ? '-' : '+';
  else if (sp.sign === ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  const nNonDigit = sign.length + prefix.length + (hasDecimal ? 1 : 0) + pyLen(remainder);
  const minWidth = fill === '0' && align === '=' ? sp.width - nNonDigit : 0;
  let grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, sep, group);
  let pre = prefix;
  if (toupper) {
    grouped = grouped.toUpperCase();
    pre = pre.toUpperCase();
  }
  const nPad = sp.width - (nNonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (nPad > 0) {
    if (align === '<') rpad = nPad;
    else if (align === '^') {
      lpad = nPad >> 1;
      rpad = nPad - lpad;
    } else if (align === '=') spad = nPad;
    else lpad = nPad;
  }
  return (
    fill.repeat(lpad) + sign + pre + fill.repeat(spad) + grouped + (hasDecimal ? '.' : '') + remainder + fill.repeat(rpad)
  );
}

/** format_float_internal with an already parsed spec */
function formatFloatParsed(x: number, sp: FormatSpec): string {
  if (sp.precision !== null && sp.precision > INT_MAX) throw new FormatError('ValueError', 'precision too big');
  let type = sp.type;
  let precision = sp.precision ?? -1;
  let defaultPrecision = 6;
  let addDot0 = false;
  if (type === '') {
    addDot0 = true;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let addPct = false;
  if (type === '%') {
    type = 'f';
    x = x * 100;
    addPct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let buf = doubleToString(x, type, precision, sp.alt, addDot0, sp.noNegZero);
  if (addPct) buf += '%';
  let negative = false;
  let i = 0;
  if (buf.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let j = i;
  while (j < buf.length && buf.charCodeAt(j) >= 48 && buf.charCodeAt(j) <= 57) j++;
  const digits = buf.slice(i, j);
  const hasDecimal = buf.charCodeAt(j) === 46;
  const remainder = buf.slice(hasDecimal ? j + 1 : j);
  const sep = sp.type === 'n' ? '' : sp.grouping;
  return layoutNumber(sp, negative, '', digits, hasDecimal, remainder, sep, 3, false);
}

const FLOAT_TYPES = new Set(['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%']);

/** format(x, spec) for a float x */
export function formatFloat(x: number, spec: string): string {
  if (spec === '') return floatRepr(x);
  const sp = parseSpecCached(spec, 'float', '');
  if (!FLOAT_TYPES.has(sp.type)) throw unknownCode(sp.type, 'float');
  return formatFloatParsed(x, sp);
}

/** format(x, spec) for an int x (bool callers: pass 1n/0n for non-empty specs) */
export function formatInt(x: bigint, spec: string): string {
  if (spec === '') return intToStr(x);
  const sp = parseSpecCached(spec, 'int', 'd');
  const type = sp.type === '' ? 'd' : sp.type;
  switch (type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloatParsed(intToFloat(x), sp);
    default:
      throw unknownCode(type, 'int');
  }
  if (sp.precision !== null) throw new FormatError('ValueError', 'Precision not allowed in integer format specifier');
  if (sp.noNegZero) {
    throw new FormatError('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  }
  if (type === 'c') {
    if (sp.sign !== '') throw new FormatError('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (sp.alt) throw new FormatError('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    if (x > 9223372036854775807n || x < -9223372036854775808n) {
      throw new FormatError('OverflowError', 'Python int too large to convert to C long');
    }
    if (x < 0n || x > 0x10ffffn) throw new FormatError('OverflowError', '%c arg not in range(0x110000)');
    return layoutNumber(sp, false, '', '', false, String.fromCodePoint(Number(x)), '', 0, false);
  }
  const negative = x < 0n;
  const a = negative ? -x : x;
  let digits: string;
  let prefix = '';
  switch (type) {
    case 'b':
      digits = a.toString(2);
      prefix = '0b';
      break;
    case 'o':
      digits = a.toString(8);
      prefix = '0o';
      break;
    case 'x':
    case 'X':
      digits = a.toString(16);
      prefix = '0x';
      break;
    default:
      digits = intToStr(a);
  }
  if (!sp.alt) prefix = '';
  let sep = '';
  let group = 3;
  if (type !== 'n' && sp.grouping !== '') {
    sep = sp.grouping;
    if (type === 'b' || type === 'o' || type === 'x' || type === 'X') group = 4;
  }
  return layoutNumber(sp, negative, prefix, digits, false, '', sep, group, type === 'X');
}

/** format(s, spec) for a str s */
export function formatStr(s: string, spec: string): string {
  if (spec === '') return s;
  const sp = parseSpecCached(spec, 'str', 's');
  const type = sp.type === '' ? 's' : sp.type;
  if (type !== 's') throw unknownCode(type, 'str');
  if (sp.sign !== '') {
    throw new FormatError(
      'ValueError',
      sp.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier',
    );
  }
  if (sp.noNegZero) {
    throw new FormatError('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  }
  if (sp.alt) throw new FormatError('ValueError', 'Alternate form (#) not allowed in string format specifier');
  const { fill, align } = resolveFillAlign(sp, '<');
  if (align === '=') throw new FormatError('ValueError', "'=' alignment not allowed in string format specifier");
  let len = pyLen(s);
  if (sp.precision !== null && len > sp.precision) {
    s = pySlicePrefix(s, sp.precision);
    len = sp.precision;
  }
  const total = sp.width >= 0 && sp.width > len ? sp.width : len;
  let lpad = 0;
  if (align === '>') lpad = total - len;
  else if (align === '^') lpad = (total - len) >> 1;
  const rpad = total - len - lpad;
  return fill.repeat(lpad) + s + fill.repeat(rpad);
}

/** format(b, spec) for a bool: str(b) for '', otherwise formatted as the int 0/1. */
export function formatBool(b: boolean, spec: string): string {
  if (spec === '') return b ? 'True' : 'False';
  return formatInt(b ? 1n : 0n, spec);
}

// ---------------------------------------------------------------------------
// printf-style '%' formatting

export type PercentArg =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  /** value = str(obj), repr = repr(obj); typeName defaults to 'str' (use the
   *  real type name for other objects so that errors read e.g. "not list") */
  | { kind: 'str'; value: string; repr: string; typeName?: string }
  | { kind: 'bool'; value: boolean };

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

function argTypeName(v: PercentArg): string {
  switch (v.kind) {
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'bool':
      return 'bool';
    case 'str':
      return v.typeName ?? 'str';
  }
}

function argStr(v: PercentArg): string {
  switch (v.kind) {
    case 'int':
      return intToStr(v.value);
    case 'float':
      return floatRepr(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'str':
      return v.value;
  }
}

function argRepr(v: PercentArg): string {
  return v.kind === 'str' ? v.repr : argStr(v);
}

/** _PyUnicode_FormatLong */
function formatLongPercent(val: bigint, alt: boolean, prec: number, type: string): string {
  const neg = val < 0n;
  const a = neg ? -val : val;
  let body: string;
  let prefix = '';
  if (type === 'o') {
    body = a.toString(8);
    if (alt) prefix = '0o';
  } else if (type === 'x' || type === 'X') {
    body = a.toString(16);
    if (alt) prefix = '0x';
  } else body = intToStr(a);
  if (prec > body.length) body = '0'.repeat(prec - body.length) + body;
  let out = (neg ? '-' : '') + prefix + body;
  if (type === 'X') out = out.toUpperCase();
  return out;
}

interface PctArg {
  flags: number;
  width: number;
  prec: number;
  ch: string;
  sign: boolean;
}

/** Port of CPython's PyUnicode_Format state machine (struct unicode_formatter_t). */
class PercentFormatter {
  private readonly fmt: string | string[];
  private readonly L: number;
  private fmtpos = 0;
  private fmtcnt: number;
  private readonly dict: Map<string, PercentArg> | null;
  private cur: PercentArg | PercentArg[];
  private arglen: number;
  private argidx: number;
  private readonly out: string[] = [];

  constructor(template: string, args: PercentArg[] | Map<string, PercentArg>, mappingSelf?: PercentArg) {
    // index by code point (error messages report code point indices); plain
    // string indexing is the same when there are no surrogate pairs
    this.fmt = /[\ud800-\udfff]/.test(template) ? Array.from(template) : template;
    this.L = this.fmt.length;
    this.fmtcnt = this.L;
    if (Array.isArray(args)) {
      this.dict = null;
      this.cur = args;
      this.arglen = args.length;
      this.argidx = 0;
    } else {
      this.dict = args;
      this.cur = mappingSelf ?? { kind: 'str', value: '{...}', repr: '{...}', typeName: 'dict' };
      this.arglen = -1;
      this.argidx = -2;
    }
  }

  private read(i: number): string {
    return i < this.L ? this.fmt[i] : '\0';
  }

  private sub(a: number, b: number): string {
    const f = this.fmt;
    return typeof f === 'string' ? f.slice(a, b) : f.slice(a, b).join('');
  }

  private nextArg(): PercentArg {
    if (this.argidx < this.arglen) {
      const k = this.argidx;
      this.argidx++;
      if (this.arglen < 0) return this.cur as PercentArg;
      return (this.cur as PercentArg[])[k];
    }
    throw new FormatError('TypeError', 'not enough arguments for format string');
  }

  /** unicode_format_arg_parse */
  private parseArg(arg: PctArg): void {
    if (this.read(this.fmtpos) === '(') {
      if (this.dict === null) throw new FormatError('TypeError', 'format requires a mapping');
      this.fmtpos++;
      this.fmtcnt--;
      const keystart = this.fmtpos;
      let pcount = 1;
      while (pcount > 0 && --this.fmtcnt >= 0) {
        arg.ch = this.read(this.fmtpos);
        if (arg.ch === ')') pcount--;
        else if (arg.ch === '(') pcount++;
        this.fmtpos++;
      }
      const keylen = this.fmtpos - keystart - 1;
      if (this.fmtcnt < 0 || pcount > 0) throw new FormatError('ValueError', 'incomplete format key');
      const key = this.sub(keystart, keystart + keylen);
      const v = this.dict.get(key);
      if (v === undefined) throw new FormatError('KeyError', strRepr(key), key);
      this.cur = v;
      this.arglen = -1;
      this.argidx = -2;
    }
    while (--this.fmtcnt >= 0) {
      arg.ch = this.read(this.fmtpos);
      this.fmtpos++;
      if (arg.ch === '-') arg.flags |= F_LJUST;
      else if (arg.ch === '+') arg.flags |= F_SIGN;
      else if (arg.ch === ' ') arg.flags |= F_BLANK;
      else if (arg.ch === '#') arg.flags |= F_ALT;
      else if (arg.ch === '0') arg.flags |= F_ZERO;
      else break;
    }
    if (arg.ch === '*') {
      const v = this.nextArg();
      if (v.kind !== 'int' && v.kind !== 'bool') throw new FormatError('TypeError', '* wants int');
      const w = v.kind === 'bool' ? (v.value ? 1n : 0n) : v.value;
      if (w > PY_SSIZE_T_MAX || w < -PY_SSIZE_T_MAX - 1n) {
        throw new FormatError('OverflowError', 'Python int too large to convert to C ssize_t');
      }
      arg.width = Number(w);
      if (arg.width < 0) {
        arg.flags |= F_LJUST;
        arg.width = -arg.width;
      }
      if (--this.fmtcnt >= 0) {
        arg.ch = this.read(this.fmtpos);
        this.fmtpos++;
      }
    } else if (arg.ch >= '0' && arg.ch <= '9') {
      let w = arg.ch.charCodeAt(0) - 48;
      let big: bigint | null = null; // exact arithmetic once past 2**53
      while (--this.fmtcnt >= 0) {
        arg.ch = this.read(this.fmtpos);
        this.fmtpos++;
        if (arg.ch < '0' || arg.ch > '9') break;
        const d = arg.ch.charCodeAt(0) - 48;
        if (big === null && w < 1e14) w = w * 10 + d;
        else {
          big ??= BigInt(w);
          if (big > (PY_SSIZE_T_MAX - BigInt(d)) / 10n) throw new FormatError('ValueError', 'width too big');
          big = big * 10n + BigInt(d);
        }
      }
      arg.width = big === null ? w : Number(big);
    }
    if (arg.ch === '.') {
      arg.prec = 0;
      if (--this.fmtcnt >= 0) {
        arg.ch = this.read(this.fmtpos);
        this.fmtpos++;
      }
      if (arg.ch === '*') {
        const v = this.nextArg();
        if (v.kind !== 'int' && v.kind !== 'bool') throw new FormatError('TypeError', '* wants int');
        const p = v.kind === 'bool' ? (v.value ? 1n : 0n) : v.value;
        if (p > BigInt(INT_MAX) || p < -BigInt(INT_MAX) - 1n) {
          throw new FormatError('OverflowError', 'Python int too large to convert to C int');
        }
        arg.prec = Number(p);
        if (arg.prec < 0) arg.prec = 0;
        if (--this.fmtcnt >= 0) {
          arg.ch = this.read(this.fmtpos);
          this.fmtpos++;
        }
      } else if (arg.ch >= '0' && arg.ch <= '9') {
        let p = arg.ch.charCodeAt(0) - 48;
        while (--this.fmtcnt >= 0) {
          arg.ch = this.read(this.fmtpos);
          this.fmtpos++;
          if (arg.ch < '0' || arg.ch > '9') break;
          const d = arg.ch.charCodeAt(0) - 48;
          if (p > Math.floor((INT_MAX - d) / 10)) throw new FormatError('ValueError', 'precision too big');
          p = p * 10 + d;
        }
        arg.prec = p;
      }
    }
    if (this.fmtcnt >= 0) {
      if (arg.ch === 'h' || arg.ch === 'l' || arg.ch === 'L') {
        if (--this.fmtcnt >= 0) {
          arg.ch = this.read(this.fmtpos);
          this.fmtpos++;
        }
      }
    }
    if (this.fmtcnt < 0) throw new FormatError('ValueError', 'incomplete format');
  }

  /** unicode_format_arg_format: the text to lay out (arg.sign marks numbers) */
  private formatArg(arg: PctArg): string {
    const v = this.nextArg();
    const ch = arg.ch;
    switch (ch) {
      case 's':
        return argStr(v);
      case 'r':
        return argRepr(v);
      case 'a':
        return asciiEscape(argRepr(v));
      case 'i':
      case 'd':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        let iv: bigint;
        if (v.kind === 'int') iv = v.value;
        else if (v.kind === 'bool') iv = v.value ? 1n : 0n;
        else if (v.kind === 'float') {
          if (ch === 'o' || ch === 'x' || ch === 'X') {
            throw new FormatError('TypeError', `%${ch} format: an integer is required, not float`);
          }
          iv = floatToInt(v.value);
        } else {
          const what = ch === 'o' || ch === 'x' || ch === 'X' ? 'an integer' : 'a real number';
          throw new FormatError('TypeError', `%${ch} format: ${what} is required, not ${argTypeName(v)}`);
        }
        arg.sign = true;
        return formatLongPercent(iv, (arg.flags & F_ALT) !== 0, arg.prec, ch);
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        let fv: number;
        if (v.kind === 'float') fv = v.value;
        else if (v.kind === 'int') fv = intToFloat(v.value);
        else if (v.kind === 'bool') fv = v.value ? 1 : 0;
        else throw new FormatError('TypeError', `must be real number, not ${argTypeName(v)}`);
        arg.sign = true;
        const prec = arg.prec < 0 ? 6 : arg.prec;
        return doubleToString(fv, ch, prec, (arg.flags & F_ALT) !== 0, false, false);
      }
      case 'c': {
        if (v.kind === 'str' && (v.typeName === undefined || v.typeName === 'str')) {
          if (pyLen(v.value) === 1) return v.value;
          throw new FormatError('TypeError', '%c requires int or char');
        }
        if (v.kind === 'int' || v.kind === 'bool') {
          const iv = v.kind === 'bool' ? (v.value ? 1n : 0n) : v.value;
          if (iv < 0n || iv > 0x10ffffn) throw new FormatError('OverflowError', '%c arg not in range(0x110000)');
          return String.fromCodePoint(Number(iv));
        }
        throw new FormatError('TypeError', '%c requires int or char');
      }
      default: {
        const cp = ch.codePointAt(0) ?? 0;
        throw new FormatError(
          'ValueError',
          `unsupported format character '${cp >= 31 && cp <= 126 ? ch : '?'}' (0x${cp.toString(16)}) at index ${this.fmtpos - 1}`,
        );
      }
    }
  }

  /** unicode_format_arg_output */
  private output(arg: PctArg, str: string): void {
    const fill = arg.sign && arg.flags & F_ZERO ? '0' : ' ';
    let len = pyLen(str);
    if (
      (arg.width === -1 || arg.width <= len) &&
      (arg.prec === -1 || arg.prec >= len) &&
      !(arg.flags & (F_SIGN | F_BLANK))
    ) {
      this.out.push(str);
      return;
    }
    if (arg.ch === 's' || arg.ch === 'r' || arg.ch === 'a') {
      if (arg.prec >= 0 && len > arg.prec) {
        str = pySlicePrefix(str, arg.prec);
        len = arg.prec;
      }
    }
    let p = 0; // index into str; everything before it is ASCII
    let signchar = '';
    let sign = arg.sign;
    if (sign) {
      const c = str[0];
      if (c === '-' || c === '+') {
        signchar = c;
        len--;
        p++;
      } else if (arg.flags & F_SIGN) signchar = '+';
      else if (arg.flags & F_BLANK) signchar = ' ';
      else sign = false;
    }
    let width = arg.width;
    if (width < len) width = len;
    let res = '';
    if (sign) {
      if (fill !== ' ') res += signchar;
      if (width > len) width--;
    }
    const altPrefix = (arg.flags & F_ALT) !== 0 && (arg.ch === 'x' || arg.ch === 'X' || arg.ch === 'o');
    if (altPrefix) {
      if (fill !== ' ') {
        res += str.slice(p, p + 2);
        p += 2;
      }
      width -= 2;
      if (width < 0) width = 0;
      len -= 2;
    }
    if (width > len && !(arg.flags & F_LJUST)) {
      res += fill.repeat(width - len);
      width = len;
    }
    if (fill === ' ') {
      if (sign) res += signchar;
      if (altPrefix) {
        res += str.slice(p, p + 2);
        p += 2;
      }
    }
    if (len > 0) res += str.slice(p); // the remaining text is exactly `len` code points
    if (width > len) res += ' '.repeat(width - len);
    this.out.push(res);
  }

  run(): string {
    const L = this.L;
    while (--this.fmtcnt >= 0) {
      if (this.read(this.fmtpos) !== '%') {
        const start = this.fmtpos;
        while (this.fmtpos < L && this.fmt[this.fmtpos] !== '%') this.fmtpos++;
        this.out.push(this.sub(start, this.fmtpos));
        this.fmtcnt = L - this.fmtpos;
      } else {
        this.fmtpos++;
        // unicode_format_arg
        if (this.read(this.fmtpos) === '%') {
          this.fmtpos++;
          this.fmtcnt--;
          this.out.push('%');
          continue;
        }
        const arg: PctArg = { flags: 0, width: -1, prec: -1, ch: this.read(this.fmtpos), sign: false };
        this.parseArg(arg);
        const str = this.formatArg(arg);
        this.output(arg, str);
        if (this.dict !== null && this.argidx < this.arglen) {
          throw new FormatError('TypeError', 'not all arguments converted during string formatting');
        }
      }
    }
    if (this.argidx < this.arglen && this.dict === null) {
      throw new FormatError('TypeError', 'not all arguments converted during string formatting');
    }
    return this.out.join('');
  }
}

/**
 * template % args.
 *  - args as an array: a tuple (for a single non-tuple operand x pass [x]).
 *  - args as a Map: a dict operand, for '%(name)s'; `mappingSelf` is what an
 *    unnamed conversion such as '%s' % {...} formats (str/repr of the dict).
 * Missing keys throw FormatError('KeyError', repr(key), key).
 */
export function percentFormat(
  template: string,
  args: PercentArg[] | Map<string, PercentArg>,
  mappingSelf?: PercentArg,
): string {
  return new PercentFormatter(template, args, mappingSelf).run();
}
