// CPython 3.11 formatting, parsing and repr, as src/engine/pyformat.ts produces them.
//
// Each row is: the Python expression, exactly what CPython 3.11 gives for it (its str() if it
// is a str, else its repr(); a raised exception as 'Type: message'), and the TypeScript call
// that must give the same. The expected column was produced by running each expression under
// /usr/bin/python3 (3.11.7); none of it was written by hand.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  floatLiteralErrorMessage,
  floatRepr,
  formatBool,
  formatFloat,
  formatInt,
  formatStr,
  FormatError,
  intLiteralErrorMessage,
  intToStr,
  parseFloatLiteral,
  parseIntLiteral,
  percentFormat,
  roundFloat,
  roundFloatToInt,
  strAscii,
  strRepr,
  type PercentArg,
} from '../../src/engine/pyformat';

// --- helpers ----------------------------------------------------------------------------

/** a Python int / float / str / bool argument of '%' */
const I = (v: number | bigint): PercentArg => ({ kind: 'int', value: BigInt(v) });
const F = (value: number): PercentArg => ({ kind: 'float', value });
const S = (value: string): PercentArg => ({ kind: 'str', value, repr: strRepr(value) });
const B = (value: boolean): PercentArg => ({ kind: 'bool', value });
/** any other object: its str(), repr() and type name */
const O = (value: string, repr: string, typeName: string): PercentArg => ({ kind: 'str', value, repr, typeName });

/** float(s) as Python shows it: the repr of the result, or the ValueError */
function float_(s: string): string {
  const v = parseFloatLiteral(s);
  if (v === null) throw new FormatError('ValueError', floatLiteralErrorMessage(s));
  return floatRepr(v);
}

/** int(s, base) as Python shows it */
function int_(s: string, base = 10): string {
  const v = parseIntLiteral(s, base);
  if (v === null) throw new FormatError('ValueError', intLiteralErrorMessage(s, base));
  return String(v);
}

/** the result, or 'Type: message' for a Python exception */
function run(f: () => string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof FormatError) return `${e.pyType}: ${e.message}`;
    throw e;
  }
}

type Row = [python: string, cpython: string, ours: () => string];

function table(rows: Row[]): void {
  for (const [python, expected, ours] of rows) {
    test(python, () => assert.equal(run(ours), expected));
  }
}

describe("repr(float) / str(float)", () => {
  table([
    ["repr(1e-05)", "1e-05", () => floatRepr(1e-5)],
    ["repr(0.0001)", "0.0001", () => floatRepr(0.0001)],
    ["repr(0.00009999)", "9.999e-05", () => floatRepr(0.00009999)],
    ["repr(1e16)", "1e+16", () => floatRepr(1e16)],
    ["repr(1.5e16)", "1.5e+16", () => floatRepr(1.5e16)],
    ["repr(9999999999999998.0)", "9999999999999998.0", () => floatRepr(9999999999999998.0)],
    ["repr(3.0)", "3.0", () => floatRepr(3.0)],
    ["repr(110.00000000000001)", "110.00000000000001", () => floatRepr(110.00000000000001)],
    ["repr(-0.0)", "-0.0", () => floatRepr(-0.0)],
    ["repr(float('inf'))", "inf", () => floatRepr(Infinity)],
    ["repr(float('-inf'))", "-inf", () => floatRepr(-Infinity)],
    ["repr(float('nan'))", "nan", () => floatRepr(NaN)],
    ["repr(123456789012345.0)", "123456789012345.0", () => floatRepr(123456789012345.0)],
    ["repr(1234567890123456.8)", "1234567890123456.8", () => floatRepr(1234567890123456.8)],
    ["repr(0.1 + 0.2)", "0.30000000000000004", () => floatRepr(0.1 + 0.2)],
    ["repr(1/3)", "0.3333333333333333", () => floatRepr(1 / 3)],
    ["repr(5e-324)", "5e-324", () => floatRepr(5e-324)],
    ["repr(2.2250738585072014e-308)", "2.2250738585072014e-308", () => floatRepr(2.2250738585072014e-308)],
    ["repr(1.7976931348623157e308)", "1.7976931348623157e+308", () => floatRepr(1.7976931348623157e308)],
    ["repr(1e22)", "1e+22", () => floatRepr(1e22)],
    ["repr(-1.5e-7)", "-1.5e-07", () => floatRepr(-1.5e-7)],
    ["repr(2.0**53 + 2)", "9007199254740994.0", () => floatRepr(2 ** 53 + 2)],
  ]);
});

describe("format(float, spec) and f'{x:spec}'", () => {
  table([
    ["format(0.125, '.2f')", "0.12", () => formatFloat(0.125, '.2f')],
    ["format(0.375, '.2f')", "0.38", () => formatFloat(0.375, '.2f')],
    ["format(2.675, '.2f')", "2.67", () => formatFloat(2.675, '.2f')],
    ["format(0.5, '.0f')", "0", () => formatFloat(0.5, '.0f')],
    ["format(1.5, '.0f')", "2", () => formatFloat(1.5, '.0f')],
    ["format(2.5, '.0f')", "2", () => formatFloat(2.5, '.0f')],
    ["format(-0.5, '.0f')", "-0", () => formatFloat(-0.5, '.0f')],
    ["format(-0.4, '.0f')", "-0", () => formatFloat(-0.4, '.0f')],
    ["format(1.0, '.3')", "1.0", () => formatFloat(1.0, '.3')],
    ["format(12.0, '.3')", "12.0", () => formatFloat(12.0, '.3')],
    ["format(123.0, '.3')", "1.23e+02", () => formatFloat(123.0, '.3')],
    ["format(1e20, '.3')", "1e+20", () => formatFloat(1e20, '.3')],
    ["format(1.5, '.0')", "2e+00", () => formatFloat(1.5, '.0')],
    ["format(0.1, '.20f')", "0.10000000000000000555", () => formatFloat(0.1, '.20f')],
    ["format(3.14159265, 'f')", "3.141593", () => formatFloat(3.14159265, 'f')],
    ["format(1e300, '.3e')", "1.000e+300", () => formatFloat(1e300, '.3e')],
    ["format(1e-320, 'e')", "9.999889e-321", () => formatFloat(1e-320, 'e')],
    ["format(12345.678, '.3e')", "1.235e+04", () => formatFloat(12345.678, '.3e')],
    ["format(12345.678, 'E')", "1.234568E+04", () => formatFloat(12345.678, 'E')],
    ["format(0.0, 'e')", "0.000000e+00", () => formatFloat(0.0, 'e')],
    ["format(1.0, '.0e')", "1e+00", () => formatFloat(1.0, '.0e')],
    ["format(1.0, '#.0e')", "1.e+00", () => formatFloat(1.0, '#.0e')],
    ["format(0.00001, 'g')", "1e-05", () => formatFloat(0.00001, 'g')],
    ["format(0.0001, 'g')", "0.0001", () => formatFloat(0.0001, 'g')],
    ["format(123456789.0, 'g')", "1.23457e+08", () => formatFloat(123456789.0, 'g')],
    ["format(123456789.0, 'G')", "1.23457E+08", () => formatFloat(123456789.0, 'G')],
    ["format(1.0, '#g')", "1.00000", () => formatFloat(1.0, '#g')],
    ["format(2.5, '.1g')", "2", () => formatFloat(2.5, '.1g')],
    ["format(1234.5, 'n')", "1234.5", () => formatFloat(1234.5, 'n')],
    ["format(0.25, '%')", "25.000000%", () => formatFloat(0.25, '%')],
    ["format(0.98765, '.1%')", "98.8%", () => formatFloat(0.98765, '.1%')],
    ["format(1234567.891, ',.2f')", "1,234,567.89", () => formatFloat(1234567.891, ',.2f')],
    ["format(1234567.891, '_.1f')", "1_234_567.9", () => formatFloat(1234567.891, '_.1f')],
    ["format(1234567.891, ',')", "1,234,567.891", () => formatFloat(1234567.891, ',')],
    ["format(1234.5, '012,.1f')", "00,001,234.5", () => formatFloat(1234.5, '012,.1f')],
    ["format(-3.14159, '010.3f')", "-00003.142", () => formatFloat(-3.14159, '010.3f')],
    ["format(3.14159, '>10.3f')", "     3.142", () => formatFloat(3.14159, '>10.3f')],
    ["format(3.14159, '<10.2f') + '|'", "3.14      |", () => formatFloat(3.14159, '<10.2f') + '|'],
    ["format(3.14159, '^11.1f')", "    3.1    ", () => formatFloat(3.14159, '^11.1f')],
    ["format(-1234.5, '*^14.3e')", "**-1.234e+03**", () => formatFloat(-1234.5, '*^14.3e')],
    ["format(-2.5, '=+10.2f')", "-     2.50", () => formatFloat(-2.5, '=+10.2f')],
    ["format(2.5, '+.2f')", "+2.50", () => formatFloat(2.5, '+.2f')],
    ["format(2.5, ' .2f')", " 2.50", () => formatFloat(2.5, ' .2f')],
    ["format(-0.04, 'z.1f')", "0.0", () => formatFloat(-0.04, 'z.1f')],
    ["format(-0.0, '.1f')", "-0.0", () => formatFloat(-0.0, '.1f')],
    ["format(-0.0, '')", "-0.0", () => formatFloat(-0.0, '')],
    ["format(0.5, '한^9.2f')", "한한0.50한한한", () => formatFloat(0.5, '한^9.2f')],
    ["format(float('inf'), 'f')", "inf", () => formatFloat(Infinity, 'f')],
    ["format(float('inf'), 'F')", "INF", () => formatFloat(Infinity, 'F')],
    ["format(float('-inf'), 'e')", "-inf", () => formatFloat(-Infinity, 'e')],
    ["format(float('inf'), 'E')", "INF", () => formatFloat(Infinity, 'E')],
    ["format(float('-inf'), 'g')", "-inf", () => formatFloat(-Infinity, 'g')],
    ["format(float('inf'), '%')", "inf%", () => formatFloat(Infinity, '%')],
    ["format(float('inf'), '010')", "0000000inf", () => formatFloat(Infinity, '010')],
    ["format(float('-inf'), '+010,.2f')", "-000000inf", () => formatFloat(-Infinity, '+010,.2f')],
    ["format(float('inf'), '+')", "+inf", () => formatFloat(Infinity, '+')],
    ["format(float('nan'), 'f')", "nan", () => formatFloat(NaN, 'f')],
    ["format(float('nan'), 'G')", "NAN", () => formatFloat(NaN, 'G')],
    ["format(float('nan'), '+.3e')", "+nan", () => formatFloat(NaN, '+.3e')],
    ["format(float('nan'), '>6')", "   nan", () => formatFloat(NaN, '>6')],
    ["format(float('nan'), '%')", "nan%", () => formatFloat(NaN, '%')],
    ["format(1.5, 'd')", "ValueError: Unknown format code 'd' for object of type 'float'", () => formatFloat(1.5, 'd')],
    ["format(1.5, '.')", "ValueError: Format specifier missing precision", () => formatFloat(1.5, '.')],
    ["format(1.5, 'abc')", "ValueError: Invalid format specifier 'abc' for object of type 'float'", () => formatFloat(1.5, 'abc')],
    ["format(1.5, ',n')", "ValueError: Cannot specify ',' with 'n'.", () => formatFloat(1.5, ',n')],
    ["format(1.5, ',_f')", "ValueError: Cannot specify both ',' and '_'.", () => formatFloat(1.5, ',_f')],
    ["format(1.5, '.2147483648f')", "ValueError: precision too big", () => formatFloat(1.5, '.2147483648f')],
  ]);
});

describe("format(int, spec)", () => {
  table([
    ["format(1234567, '')", "1234567", () => formatInt(1234567n, '')],
    ["format(1234567, 'd')", "1234567", () => formatInt(1234567n, 'd')],
    ["format(1234567, ',')", "1,234,567", () => formatInt(1234567n, ',')],
    ["format(-1234567, '_')", "-1_234_567", () => formatInt(-1234567n, '_')],
    ["format(12345678901234567890, '_x')", "ab54_a98c_eb1f_0ad2", () => formatInt(12345678901234567890n, '_x')],
    ["format(255, '#x')", "0xff", () => formatInt(255n, '#x')],
    ["format(255, '#X')", "0XFF", () => formatInt(255n, '#X')],
    ["format(-8, '#o')", "-0o10", () => formatInt(-8n, '#o')],
    ["format(5, '#010b')", "0b00000101", () => formatInt(5n, '#010b')],
    ["format(255, '#_b')", "0b1111_1111", () => formatInt(255n, '#_b')],
    ["format(42, '08')", "00000042", () => formatInt(42n, '08')],
    ["format(-42, '08')", "-0000042", () => formatInt(-42n, '08')],
    ["format(42, '+d')", "+42", () => formatInt(42n, '+d')],
    ["format(42, ' d')", " 42", () => formatInt(42n, ' d')],
    ["format(-42, '*=8')", "-*****42", () => formatInt(-42n, '*=8')],
    ["format(42, '<6') + '|'", "42    |", () => formatInt(42n, '<6') + '|'],
    ["format(42, '^7')", "  42   ", () => formatInt(42n, '^7')],
    ["format(1234, '010,')", "00,001,234", () => formatInt(1234n, '010,')],
    ["format(1234, '08,')", "0,001,234", () => formatInt(1234n, '08,')],
    ["format(65, 'c')", "A", () => formatInt(65n, 'c')],
    ["format(0xD55C, '>3c')", "  한", () => formatInt(0xd55cn, '>3c')],
    ["format(65, '05c')", "0000A", () => formatInt(65n, '05c')],
    ["format(1234, 'n')", "1234", () => formatInt(1234n, 'n')],
    ["format(3, 'e')", "3.000000e+00", () => formatInt(3n, 'e')],
    ["format(3, '.2f')", "3.00", () => formatInt(3n, '.2f')],
    ["format(1, '%')", "100.000000%", () => formatInt(1n, '%')],
    ["format(2**60, 'g')", "1.15292e+18", () => formatInt(2n ** 60n, 'g')],
    ["format(True, '>5')", "    1", () => formatBool(true, '>5')],
    ["format(True, '')", "True", () => formatBool(true, '')],
    ["format(10**400, 'e')", "OverflowError: int too large to convert to float", () => formatInt(10n ** 400n, 'e')],
    ["format(1, '.2')", "ValueError: Precision not allowed in integer format specifier", () => formatInt(1n, '.2')],
    ["format(1, '+c')", "ValueError: Sign not allowed with integer format specifier 'c'", () => formatInt(1n, '+c')],
    ["format(-1, 'c')", "OverflowError: %c arg not in range(0x110000)", () => formatInt(-1n, 'c')],
    ["format(1, 'z')", "ValueError: Negative zero coercion (z) not allowed in integer format specifier", () => formatInt(1n, 'z')],
    ["format(1, ',x')", "ValueError: Cannot specify ',' with 'x'.", () => formatInt(1n, ',x')],
    ["format(1, 's')", "ValueError: Unknown format code 's' for object of type 'int'", () => formatInt(1n, 's')],
    ["format(1, 'abc')", "ValueError: Invalid format specifier 'abc' for object of type 'int'", () => formatInt(1n, 'abc')],
  ]);
});

describe("format(str, spec)", () => {
  table([
    ["format('abc', '>8')", "     abc", () => formatStr('abc', '>8')],
    ["format('abc', '8') + '|'", "abc     |", () => formatStr('abc', '8') + '|'],
    ["format('한국어', '^9')", "   한국어   ", () => formatStr('한국어', '^9')],
    ["format('한국어', '*<7.2')", "한국*****", () => formatStr('한국어', '*<7.2')],
    ["format('日本語', '>6')", "   日本語", () => formatStr('日本語', '>6')],
    ["format('😀ab', '>5')", "  😀ab", () => formatStr('😀ab', '>5')],
    ["format('x', '😀^5')", "😀😀x😀😀", () => formatStr('x', '😀^5')],
    ["format('héllo', '.3')", "hél", () => formatStr('héllo', '.3')],
    ["format('ab', '05')", "ab000", () => formatStr('ab', '05')],
    ["format('ab', '=5')", "ValueError: '=' alignment not allowed in string format specifier", () => formatStr('ab', '=5')],
    ["format('ab', '+')", "ValueError: Sign not allowed in string format specifier", () => formatStr('ab', '+')],
    ["format('ab', ' ')", "ValueError: Space not allowed in string format specifier", () => formatStr('ab', ' ')],
    ["format('ab', '#')", "ValueError: Alternate form (#) not allowed in string format specifier", () => formatStr('ab', '#')],
    ["format('ab', 'd')", "ValueError: Unknown format code 'd' for object of type 'str'", () => formatStr('ab', 'd')],
    ["format('ab', ',')", "ValueError: Cannot specify ',' with 's'.", () => formatStr('ab', ',')],
  ]);
});

describe("round()", () => {
  table([
    ["round(2.675, 2)", "2.67", () => floatRepr(roundFloat(2.675, 2))],
    ["round(0.125, 2)", "0.12", () => floatRepr(roundFloat(0.125, 2))],
    ["round(0.375, 2)", "0.38", () => floatRepr(roundFloat(0.375, 2))],
    ["round(2.5, 0)", "2.0", () => floatRepr(roundFloat(2.5, 0))],
    ["round(-2.5, 0)", "-2.0", () => floatRepr(roundFloat(-2.5, 0))],
    ["round(-0.001, 2)", "-0.0", () => floatRepr(roundFloat(-0.001, 2))],
    ["round(1234.5678, -2)", "1200.0", () => floatRepr(roundFloat(1234.5678, -2))],
    ["round(1250.0, -2)", "1200.0", () => floatRepr(roundFloat(1250.0, -2))],
    ["round(0.1 + 0.2, 10)", "0.3", () => floatRepr(roundFloat(0.1 + 0.2, 10))],
    ["round(5e-324, 400)", "5e-324", () => floatRepr(roundFloat(5e-324, 400))],
    ["round(1e300, -400)", "0.0", () => floatRepr(roundFloat(1e300, -400))],
    ["round(float('inf'), 2)", "inf", () => floatRepr(roundFloat(Infinity, 2))],
    ["round(1.7976931348623157e308, -308)", "OverflowError: rounded value too large to represent", () => floatRepr(roundFloat(1.7976931348623157e308, -308))],
    ["round(0.5)", "0", () => String(roundFloatToInt(0.5))],
    ["round(1.5)", "2", () => String(roundFloatToInt(1.5))],
    ["round(2.5)", "2", () => String(roundFloatToInt(2.5))],
    ["round(-2.5)", "-2", () => String(roundFloatToInt(-2.5))],
    ["round(0.49999999999999994)", "0", () => String(roundFloatToInt(0.49999999999999994))],
    ["round(1e20)", "100000000000000000000", () => String(roundFloatToInt(1e20))],
    ["round(float('inf'))", "OverflowError: cannot convert float infinity to integer", () => String(roundFloatToInt(Infinity))],
    ["round(float('nan'))", "ValueError: cannot convert float NaN to integer", () => String(roundFloatToInt(NaN))],
  ]);
});

describe("float(str)", () => {
  table([
    ["float('1e-5')", "1e-05", () => float_('1e-5')],
    ["float(' 3.5 ')", "3.5", () => float_(' 3.5 ')],
    ["float('inf')", "inf", () => float_('inf')],
    ["float('-Infinity')", "-inf", () => float_('-Infinity')],
    ["float('nan')", "nan", () => float_('nan')],
    ["float('1_000.5')", "1000.5", () => float_('1_000.5')],
    ["float('5.')", "5.0", () => float_('5.')],
    ["float('-.5e-3')", "-0.0005", () => float_('-.5e-3')],
    ["float('1e400')", "inf", () => float_('1e400')],
    ["float('\\u0663.\\u0665')", "3.5", () => float_('\u0663.\u0665')],
    ["float('\\u3000 2.5\\n')", "2.5", () => float_('\u3000 2.5\n')],
    ["float('1__0')", "ValueError: could not convert string to float: '1__0'", () => float_('1__0')],
    ["float('_1')", "ValueError: could not convert string to float: '_1'", () => float_('_1')],
    ["float('abc')", "ValueError: could not convert string to float: 'abc'", () => float_('abc')],
    ["float('')", "ValueError: could not convert string to float: ''", () => float_('')],
    ["float('0x10')", "ValueError: could not convert string to float: '0x10'", () => float_('0x10')],
    ["float('infinit')", "ValueError: could not convert string to float: 'infinit'", () => float_('infinit')],
  ]);
});

describe("int(str, base)", () => {
  table([
    ["int('12')", "12", () => int_('12')],
    ["int(' -7 ')", "-7", () => int_(' -7 ')],
    ["int('1_000')", "1000", () => int_('1_000')],
    ["int('0x1f', 16)", "31", () => int_('0x1f', 16)],
    ["int('0x_1f', 0)", "31", () => int_('0x_1f', 0)],
    ["int('0b101', 0)", "5", () => int_('0b101', 0)],
    ["int('0o17', 0)", "15", () => int_('0o17', 0)],
    ["int('000', 0)", "0", () => int_('000', 0)],
    ["int('010', 0)", "ValueError: invalid literal for int() with base 0: '010'", () => int_('010', 0)],
    ["int('Z', 36)", "35", () => int_('Z', 36)],
    ["int('\\u0663\\u0664')", "34", () => int_('\u0663\u0664')],
    ["int('12a')", "ValueError: invalid literal for int() with base 10: '12a'", () => int_('12a')],
    ["int('+_1')", "ValueError: invalid literal for int() with base 10: '+_1'", () => int_('+_1')],
    ["int('1__0')", "ValueError: invalid literal for int() with base 10: '1__0'", () => int_('1__0')],
    ["int('0x', 16)", "ValueError: invalid literal for int() with base 16: '0x'", () => int_('0x', 16)],
    ["int('1', 37)", "ValueError: int() base must be >= 2 and <= 36, or 0", () => int_('1', 37)],
    ["int('1' * 4301)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit", () => int_('1'.repeat(4301))],
  ]);
});

describe("str(int)", () => {
  table([
    ["str(-12345678901234567890)", "-12345678901234567890", () => intToStr(-12345678901234567890n)],
    ["len(str(10**4299))", "4300", () => String(intToStr(10n ** 4299n).length)],
    ["str(10**4300)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", () => intToStr(10n ** 4300n)],
  ]);
});

describe("printf-style: template % args", () => {
  table([
    ["'loss %.6f' % 0.1234567", "loss 0.123457", () => percentFormat('loss %.6f', [F(0.1234567)])],
    ["'%d/%d' % (3, 10)", "3/10", () => percentFormat('%d/%d', [I(3), I(10)])],
    ["'%5.2f%%' % 12.345", "12.35%", () => percentFormat('%5.2f%%', [F(12.345)])],
    ["'%s' % 'hi'", "hi", () => percentFormat('%s', [S('hi')])],
    ["'%r' % 'hi'", "'hi'", () => percentFormat('%r', [S('hi')])],
    ["'%s' % 1.0", "1.0", () => percentFormat('%s', [F(1.0)])],
    ["'%s %s' % (True, None)", "True None", () => percentFormat('%s %s', [B(true), O('None', 'None', 'NoneType')])],
    ["'%-10s|' % 'ab'", "ab        |", () => percentFormat('%-10s|', [S('ab')])],
    ["'%6s|' % '한국어'", "   한국어|", () => percentFormat('%6s|', [S('한국어')])],
    ["'%.3s' % 'héllo'", "hél", () => percentFormat('%.3s', [S('héllo')])],
    ["'%+.3e' % -1234.5", "-1.234e+03", () => percentFormat('%+.3e', [F(-1234.5)])],
    ["'%e' % 1e-10", "1.000000e-10", () => percentFormat('%e', [F(1e-10)])],
    ["'%g' % 1e-5", "1e-05", () => percentFormat('%g', [F(1e-5)])],
    ["'%G' % 1e20", "1E+20", () => percentFormat('%G', [F(1e20)])],
    ["'%10.4f|' % 3.14159", "    3.1416|", () => percentFormat('%10.4f|', [F(3.14159)])],
    ["'%010.3e' % -1234.5", "-1.234e+03", () => percentFormat('%010.3e', [F(-1234.5)])],
    ["'%.0f %.0f %.0f' % (0.5, 1.5, 2.5)", "0 2 2", () => percentFormat('%.0f %.0f %.0f', [F(0.5), F(1.5), F(2.5)])],
    ["'%.2f' % 2.675", "2.67", () => percentFormat('%.2f', [F(2.675)])],
    ["'%f %F' % (float('inf'), float('nan'))", "inf NAN", () => percentFormat('%f %F', [F(Infinity), F(NaN)])],
    ["'%05f' % float('-inf')", "-0inf", () => percentFormat('%05f', [F(-Infinity)])],
    ["'%x' % 255", "ff", () => percentFormat('%x', [I(255)])],
    ["'%#x %#X %#o' % (255, 255, 8)", "0xff 0XFF 0o10", () => percentFormat('%#x %#X %#o', [I(255), I(255), I(8)])],
    ["'%#010x' % 255", "0x000000ff", () => percentFormat('%#010x', [I(255)])],
    ["'%05d' % -42", "-0042", () => percentFormat('%05d', [I(-42)])],
    ["'%+d % d' % (5, 5)", "+5  5", () => percentFormat('%+d % d', [I(5), I(5)])],
    ["'%-8d|' % 42", "42      |", () => percentFormat('%-8d|', [I(42)])],
    ["'%.5d' % -42", "-00042", () => percentFormat('%.5d', [I(-42)])],
    ["'%i %u' % (1, 2)", "1 2", () => percentFormat('%i %u', [I(1), I(2)])],
    ["'%d' % 3.99", "3", () => percentFormat('%d', [F(3.99)])],
    ["'%d' % True", "1", () => percentFormat('%d', [B(true)])],
    ["'%f' % 3", "3.000000", () => percentFormat('%f', [I(3)])],
    ["'%c%c' % (65, '한')", "A한", () => percentFormat('%c%c', [I(65), S('한')])],
    ["'%*d|' % (5, 42)", "   42|", () => percentFormat('%*d|', [I(5), I(42)])],
    ["'%-*d|' % (5, 42)", "42   |", () => percentFormat('%-*d|', [I(5), I(42)])],
    ["'%.*f' % (2, 1.5)", "1.50", () => percentFormat('%.*f', [I(2), F(1.5)])],
    ["'%(name)s has %(n)d' % {'name': 'x', 'n': 3}", "x has 3", () => percentFormat('%(name)s has %(n)d', new Map([['name', S('x')], ['n', I(3)]]))],
    ["'%a' % 'é'", "'\\xe9'", () => percentFormat('%a', [S('é')])],
    ["'100%%' % ()", "100%", () => percentFormat('100%%', [])],
    ["'%ld' % 5", "5", () => percentFormat('%ld', [I(5)])],
    ["'%d' % 'a'", "TypeError: %d format: a real number is required, not str", () => percentFormat('%d', [S('a')])],
    ["'%x' % 3.0", "TypeError: %x format: an integer is required, not float", () => percentFormat('%x', [F(3.0)])],
    ["'%f' % 'a'", "TypeError: must be real number, not str", () => percentFormat('%f', [S('a')])],
    ["'%d' % [1]", "TypeError: %d format: a real number is required, not list", () => percentFormat('%d', [O('[1]', '[1]', 'list')])],
    ["'%d' % float('inf')", "OverflowError: cannot convert float infinity to integer", () => percentFormat('%d', [F(Infinity)])],
    ["'%d %d' % (1,)", "TypeError: not enough arguments for format string", () => percentFormat('%d %d', [I(1)])],
    ["'%d' % (1, 2)", "TypeError: not all arguments converted during string formatting", () => percentFormat('%d', [I(1), I(2)])],
    ["'%y' % 1", "ValueError: unsupported format character 'y' (0x79) at index 1", () => percentFormat('%y', [I(1)])],
    ["'abc%' % ()", "ValueError: incomplete format", () => percentFormat('abc%', [])],
    ["'%c' % -1", "OverflowError: %c arg not in range(0x110000)", () => percentFormat('%c', [I(-1)])],
    ["'%c' % 'ab'", "TypeError: %c requires int or char", () => percentFormat('%c', [S('ab')])],
    ["'%*d' % ('a', 1)", "TypeError: * wants int", () => percentFormat('%*d', [S('a'), I(1)])],
    ["'%(a)s' % (1,)", "TypeError: format requires a mapping", () => percentFormat('%(a)s', [I(1)])],
    ["'%(a' % {'a': 1}", "ValueError: incomplete format key", () => percentFormat('%(a', new Map([['a', I(1)]]))],
    ["'%(b)s' % {'a': 1}", "KeyError: 'b'", () => percentFormat('%(b)s', new Map([['a', I(1)]]))],
  ]);
});

describe("repr(str)", () => {
  table([
    ["repr('a')", "'a'", () => strRepr('a')],
    ["repr(\"it's\")", "\"it's\"", () => strRepr("it's")],
    ["repr('say \"hi\"')", "'say \"hi\"'", () => strRepr('say "hi"')],
    ["repr('\\'\"')", "'\\'\"'", () => strRepr('\'"')],
    ["repr('a\\nb\\tc\\\\d\\r')", "'a\\nb\\tc\\\\d\\r'", () => strRepr('a\nb\tc\\d\r')],
    ["repr('\\x00\\x1b\\x7f')", "'\\x00\\x1b\\x7f'", () => strRepr('\x00\x1b\x7f')],
    ["repr('한국어 日本語')", "'한국어 日本語'", () => strRepr('한국어 日本語')],
    ["repr('é\\xa0\\u200b\\u2028')", "'é\\xa0\\u200b\\u2028'", () => strRepr('é\xa0\u200b\u2028')],
    ["repr('\\x85\\xad')", "'\\x85\\xad'", () => strRepr('\x85\xad')],
    ["repr('\\ud800')", "'\\ud800'", () => strRepr('\ud800')],
    ["repr('😀\\U000e0001')", "'😀\\U000e0001'", () => strRepr('😀\u{e0001}')],
    ["ascii('é😀')", "'\\xe9\\U0001f600'", () => strAscii('é😀')],
  ]);
});
