// The parser builds the syntax tree and records which names each function binds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Expr, Stmt } from '../../src/engine/ast';
import { PySyntaxError } from '../../src/engine/lexer';
import { parseModule } from '../../src/engine/parser';

function first(src: string): Stmt {
  return parseModule(src).body[0];
}

function syntaxError(src: string): { type: string; message: string; line: number } {
  try {
    parseModule(src);
  } catch (e) {
    assert.ok(e instanceof PySyntaxError);
    return { type: e.pyType, message: e.message, line: e.line };
  }
  assert.fail('expected a syntax error');
}

test('a layer class: methods are FunctionDefs with their parameters and locals', () => {
  const cls = first('class MulLayer:\n    def forward(self, x, y):\n        self.x = x\n        out = x * y\n        return out\n');
  assert.equal(cls.kind, 'ClassDef');
  if (cls.kind !== 'ClassDef') return;
  const fwd = cls.body[0];
  assert.equal(fwd.kind, 'FunctionDef');
  if (fwd.kind !== 'FunctionDef') return;
  assert.deepEqual(fwd.fn.params.map((p) => p.name), ['self', 'x', 'y']);
  assert.deepEqual([...fwd.fn.locals].sort(), ['out', 'self', 'x', 'y']);
});

test('operator precedence follows Python: ** binds tighter than unary minus, which binds tighter than *', () => {
  const s = first('y = -x ** 2 * 3\n');
  assert.equal(s.kind, 'Assign');
  if (s.kind !== 'Assign') return;
  const v = s.value as Extract<Expr, { kind: 'BinOp' }>;
  assert.equal(v.op, '*');
  const left = v.left as Extract<Expr, { kind: 'UnaryOp' }>;
  assert.equal(left.op, '-');
  assert.equal((left.operand as Extract<Expr, { kind: 'BinOp' }>).op, '**');
});

test('tuple targets, subscripts and attributes can be assigned together', () => {
  const s = first("grads['W1'], self.b = dW, db\n");
  assert.equal(s.kind, 'Assign');
  if (s.kind !== 'Assign') return;
  const t = s.targets[0] as Extract<Expr, { kind: 'Tuple' }>;
  assert.deepEqual(t.elts.map((e) => e.kind), ['Subscript', 'Attribute']);
});

test('augmented assignment on an advanced index', () => {
  const s = first('dx[np.arange(n), t] -= 1\n');
  assert.equal(s.kind, 'AugAssign');
  if (s.kind !== 'AugAssign') return;
  assert.equal(s.op, '-');
  assert.equal((s.target as Extract<Expr, { kind: 'Subscript' }>).index.kind, 'Tuple');
});

test('slices keep their three parts', () => {
  const s = first('y = x[::-1, 1:]\n');
  if (s.kind !== 'Assign') return assert.fail();
  const idx = (s.value as Extract<Expr, { kind: 'Subscript' }>).index as Extract<Expr, { kind: 'Tuple' }>;
  const [a, b] = idx.elts as Extract<Expr, { kind: 'Slice' }>[];
  assert.equal(a.lower, null);
  assert.equal(a.step?.kind, 'Constant');
  assert.equal(b.upper, null);
});

test('f-strings become JoinedStr with their format specs', () => {
  const s = first("print(f'loss {loss:.4f} {name!r}')\n");
  if (s.kind !== 'Expr') return assert.fail();
  const js = (s.value as Extract<Expr, { kind: 'Call' }>).args[0] as Extract<Expr, { kind: 'JoinedStr' }>;
  assert.equal(js.kind, 'JoinedStr');
  assert.equal(js.parts[0], 'loss ');
  const field = js.parts[1];
  assert.ok(typeof field !== 'string');
  assert.equal(field.value.kind, 'Name');
  assert.ok(field.spec);
  const named = js.parts[3];
  assert.ok(typeof named !== 'string' && named.conversion === 'r');
});

test('integers are bigints and floats are numbers, so 200 and 2.2 stay distinct', () => {
  const s = first('a = (200, 2.2, 1e-05)\n');
  if (s.kind !== 'Assign') return assert.fail();
  const values = (s.value as Extract<Expr, { kind: 'Tuple' }>).elts.map((e) => (e as Extract<Expr, { kind: 'Constant' }>).value);
  assert.deepEqual(values, [200n, 2.2, 1e-5]);
});

test('global and nonlocal declarations move a name out of the locals', () => {
  const s = first('def f():\n    global count\n    count = 1\n    total = 2\n');
  if (s.kind !== 'FunctionDef') return assert.fail();
  assert.deepEqual([...s.fn.locals], ['total']);
  assert.deepEqual([...s.fn.globals], ['count']);
});

test("a missing ':' is CPython 3.11's \"expected ':'\"", () => {
  assert.deepEqual(syntaxError('def f(x)\n    return x\n'), { type: 'SyntaxError', message: "expected ':'", line: 1 });
});

test('a block header with no indented body names the statement and its line', () => {
  assert.deepEqual(syntaxError('for i in range(3):\nprint(i)\n'), {
    type: 'IndentationError', message: "expected an indented block after 'for' statement on line 1", line: 2,
  });
  assert.equal(syntaxError('class A:\n\ndef f(): pass\n').message, 'expected an indented block after class definition on line 1');
});

test('an indented line where none is expected is "unexpected indent"', () => {
  assert.deepEqual(syntaxError('x = 1\n    y = 2\n'), { type: 'IndentationError', message: 'unexpected indent', line: 2 });
});

test('assigning to a call is explained', () => {
  assert.equal(syntaxError('f(x) = 1\n').message, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
});
