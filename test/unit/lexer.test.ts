// The lexer turns source text into tokens, with INDENT/DEDENT the way CPython's tokenizer makes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PySyntaxError, tokenize } from '../../src/engine/lexer';

/** Tokens as short strings: NAME:x, OP:+, NUMBER:1, STRING:'s', NEWLINE, INDENT, DEDENT, EOF. */
function kinds(src: string): string[] {
  return tokenize(src).map((t) => (t.kind === 'NAME' || t.kind === 'OP' || t.kind === 'NUMBER' ? `${t.kind}:${t.value}` : t.kind === 'STRING' ? `STRING:${JSON.stringify(t.value)}` : t.kind));
}

function syntaxError(src: string): { type: string; message: string; line: number } {
  try {
    tokenize(src);
  } catch (e) {
    assert.ok(e instanceof PySyntaxError);
    return { type: e.pyType, message: e.message, line: e.line };
  }
  assert.fail('expected a syntax error');
}

test('a block opens with INDENT and closes with DEDENT', () => {
  assert.deepEqual(kinds('if x:\n    y = 1\nz\n'), [
    'NAME:if', 'NAME:x', 'OP::', 'NEWLINE', 'INDENT', 'NAME:y', 'OP:=', 'NUMBER:1', 'NEWLINE', 'DEDENT', 'NAME:z', 'NEWLINE', 'EOF',
  ]);
});

test('blank lines, whitespace-only lines and comment lines inside a block do not end it', () => {
  const src = 'def f():\n    a = 1\n\n        \n  # a comment at any indentation\n    return a\n';
  assert.equal(kinds(src).filter((k) => k === 'DEDENT').length, 1);
  assert.equal(kinds(src).filter((k) => k === 'INDENT').length, 1);
});

test('a missing final newline still ends the last statement and closes every block', () => {
  assert.deepEqual(kinds('class A:\n    def f(self):\n        return 1').slice(-5), ['NUMBER:1', 'NEWLINE', 'DEDENT', 'DEDENT', 'EOF']);
});

test('CRLF and CR line endings read like LF', () => {
  assert.deepEqual(kinds('x = 1\r\ny = 2\r\n'), kinds('x = 1\ny = 2\n'));
  assert.deepEqual(kinds('x = 1\ry = 2\r'), kinds('x = 1\ny = 2\n'));
});

test('inside brackets, newlines and indentation are ignored', () => {
  assert.deepEqual(kinds('w = [\n    1,\n        2,\n]\n'), ['NAME:w', 'OP:=', 'OP:[', 'NUMBER:1', 'OP:,', 'NUMBER:2', 'OP:,', 'OP:]', 'NEWLINE', 'EOF']);
});

test('a backslash joins the next line, whatever its indentation', () => {
  assert.deepEqual(kinds('total = 1 + \\\n        2 + \\\n    3\nprint(total)\n').filter((k) => k === 'INDENT' || k === 'DEDENT'), []);
});

test('comments may hold Korean and Japanese text', () => {
  assert.deepEqual(kinds('# 덧셈 계층\nx = 1  # 逆伝播\n'), ['NAME:x', 'OP:=', 'NUMBER:1', 'NEWLINE', 'EOF']);
});

test('identifiers may be non-ASCII', () => {
  assert.deepEqual(kinds('가격 = 100\n').slice(0, 3), ['NAME:가격', 'OP:=', 'NUMBER:100']);
});

test('string escapes are decoded; raw strings keep backslashes; f-strings keep their body', () => {
  const strings = tokenize(`'a\\tb' r'a\\tb' f'{x}\\n' """x\ny"""\n`).filter((t) => t.kind === 'STRING');
  assert.deepEqual(strings.map((s) => [s.prefix, s.value]), [['', 'a\tb'], ['r', 'a\\tb'], ['f', '{x}\\n'], ['', 'x\ny']]);
});

test('numbers keep their literal text for the parser', () => {
  assert.deepEqual(kinds('1 1.5 1e-5 .5 1_000 0x1f 3.\n').filter((k) => k.startsWith('NUMBER')), [
    'NUMBER:1', 'NUMBER:1.5', 'NUMBER:1e-5', 'NUMBER:.5', 'NUMBER:1_000', 'NUMBER:0x1f', 'NUMBER:3.',
  ]);
});

test('an unindent to a level that was never opened is an IndentationError at that line', () => {
  assert.deepEqual(syntaxError('class A:\n    def f(self):\n        x = 1\n      return x\n'), {
    type: 'IndentationError', message: 'unindent does not match any outer indentation level', line: 4,
  });
});

test('mixing tabs and spaces inconsistently is a TabError', () => {
  assert.equal(syntaxError('if x:\n        a = 1\n\tb = 2\n').type, 'TabError');
});

test('unclosed brackets and strings are reported where they open', () => {
  assert.deepEqual(syntaxError('x = (1,\n2\n'), { type: 'SyntaxError', message: "'(' was never closed", line: 1 });
  assert.deepEqual(syntaxError("s = 'abc\n"), { type: 'SyntaxError', message: 'unterminated string literal (detected at line 1)', line: 1 });
  assert.deepEqual(syntaxError('x = 1)\n'), { type: 'SyntaxError', message: "unmatched ')'", line: 1 });
});
