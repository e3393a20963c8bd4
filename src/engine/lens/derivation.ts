// An elementwise layer's derivative two ways, as the book's Sigmoid section teaches it:
//
// - stepwise: the chain of elementary operations the forward performed on its input (read from
//   the forward's tape: ×(−1) → exp → +1 → 1/·), each with its local derivative, multiplied
//   together with dout the way backpropagation does;
// - simplified: the formula the learner's backward returns (`dout * (1.0 - self.out) * self.out`);
//
// whether the two agree (NumPy's allclose), and the symbolic derivation with mathjs
// (symbolic.ts), which rewrites the derivative into y(1−y) for a sigmoid and 1−y² for a tanh.
// A layer qualifies by what its forward does, not by its name.

import type { Expr, FunctionInfo, Span, Stmt } from '../ast';
import { NDArray } from '../numpy/ndarray';
import { NPScalar } from '../numpy/module';
import { PyTuple, type PyValue } from '../values';
import type { LensSession } from './inspect';
import type { Derivation, DerivationStep, LensReport, SourceSpan } from './report';
import { compileNode, deriveSymbolic, numberNode, opNode, symbolName, toTex, toText, X, type SymbolicDerivation } from './symbolic';
import type { RawOp, RawTape, TracedCall } from './tracer';
import { SymbolNode, type MathNode } from 'mathjs';

/** Operations that pass their operand through unchanged: on the path, but not a step. */
const IDENTITY = new Set(['copy', 'positive', 'astype']);
const UNARY = new Set([
  'negative', 'exp', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'square', 'reciprocal', 'absolute',
  'tanh', 'sinh', 'cosh', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan',
]);
const BINARY = new Set(['add', 'subtract', 'multiply', 'divide', 'power', 'maximum', 'minimum']);

/** Fills report.derivations: one per kept forward call of an elementwise layer that a backward undid. */
export function deriveElementwise(lens: LensSession, report: LensReport): void {
  const symbolic = new Map<string, SymbolicDerivation | null>();
  const done = new Set<TracedCall>();
  for (const b of lens.calls) {
    if (b.method !== 'backward' || b.error || b.result === undefined) continue;
    const f = b.forward;
    if (!f || !f.kept || f.error || done.has(f)) continue;
    done.add(f);
    try {
      const d = deriveCall(lens, f, b, symbolic);
      if (d) report.derivations.push(d);
    } catch {
      // The analysis explains; it must never take the report down with it.
    }
  }
}

// ---------------------------------------------------------------- numbers

interface Num {
  shape: number[];
  data: Float64Array;
  dtype: string;
}

function toNum(v: PyValue): Num | null {
  if (typeof v === 'number') return { shape: [], data: Float64Array.of(v), dtype: 'float64' };
  if (typeof v === 'bigint') return { shape: [], data: Float64Array.of(Number(v)), dtype: 'int64' };
  if (typeof v === 'boolean') return { shape: [], data: Float64Array.of(v ? 1 : 0), dtype: 'bool' };
  if (v instanceof NPScalar) return { shape: [], data: Float64Array.of(v.value), dtype: v.dtype };
  if (v instanceof NDArray) return { shape: v.shape.slice(), data: v.toFlat(), dtype: v.dtype };
  return null;
}

/** `v`'s elements broadcast to `shape`, or null when they do not broadcast. */
function broadcast(v: PyValue, shape: number[]): Float64Array | null {
  const n = toNum(v);
  if (!n) return null;
  const size = shape.reduce((a, b) => a * b, 1);
  if (n.data.length === 1) return new Float64Array(size).fill(n.data[0]);
  if (sameShape(n.shape, shape)) return n.data;
  if (!(v instanceof NDArray)) return null;
  try {
    return v.broadcastTo(shape).toFlat();
  } catch {
    return null;
  }
}

const sameShape = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** A per-element result as a Python value of the input's kind: an array for an array input, a float for a number. */
function asValue(data: Float64Array, shape: number[], scalarInput: boolean): PyValue {
  return scalarInput && shape.length === 0 ? data[0] : NDArray.fromFlat(data, shape, 'float64');
}

/** NumPy's allclose(a, b) with rtol 1e-5, atol 1e-8, and the largest |a − b|. */
function allclose(a: Float64Array, b: Float64Array): { agree: boolean; maxAbsDiff: number } {
  let agree = a.length === b.length;
  let max = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const diff = Math.abs(x - y);
    if (Number.isNaN(diff)) {
      agree = false;
      max = NaN;
      continue;
    }
    if (!(diff <= 1e-8 + 1e-5 * Math.abs(y))) agree = false;
    if (diff > max) max = diff;
  }
  return { agree, maxAbsDiff: max };
}

/** ∂ op / ∂ input `pos`, at one element: `a`, `b` the operands, `y` the result. */
function partial(op: string, pos: number, a: number, b: number, y: number): number {
  switch (op) {
    case 'copy': case 'positive': case 'astype': case 'add': return 1;
    case 'negative': return -1;
    case 'subtract': return pos === 0 ? 1 : -1;
    case 'multiply': return pos === 0 ? b : a;
    case 'divide': return pos === 0 ? 1 / b : -a / (b * b);
    case 'power': return pos === 0 ? b * Math.pow(a, b - 1) : y * Math.log(a);
    case 'square': return 2 * a;
    case 'reciprocal': return -1 / (a * a);
    case 'exp': return y;
    case 'expm1': return y + 1;
    case 'log': return 1 / a;
    case 'log2': return 1 / (a * Math.LN2);
    case 'log10': return 1 / (a * Math.LN10);
    case 'log1p': return 1 / (1 + a);
    case 'sqrt': return 0.5 / y;
    case 'tanh': return 1 - y * y;
    case 'sinh': return Math.cosh(a);
    case 'cosh': return Math.sinh(a);
    case 'sin': return Math.cos(a);
    case 'cos': return -Math.sin(a);
    case 'tan': return 1 + y * y;
    case 'arcsin': return 1 / Math.sqrt(1 - a * a);
    case 'arccos': return -1 / Math.sqrt(1 - a * a);
    case 'arctan': return 1 / (1 + a * a);
    case 'absolute': return Math.sign(a);
    // The book's ReLU convention: no gradient where the two are equal.
    case 'maximum': return pos === 0 ? (a > b ? 1 : 0) : (b > a ? 1 : 0);
    case 'minimum': return pos === 0 ? (a < b ? 1 : 0) : (b < a ? 1 : 0);
    default: return NaN;
  }
}

// ---------------------------------------------------------------- the source

const spanEq = (op: RawOp, s: Span) => op.span.line === s.line && op.span.col === s.col && op.span.endLine === s.endLine && op.span.endCol === s.endCol;

/** The function's statements in source order, blocks included, nested definitions not. */
function statements(body: Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of body) {
    out.push(s);
    switch (s.kind) {
      case 'If': case 'While': case 'For': out.push(...statements(s.body), ...statements(s.orelse)); break;
      case 'With': out.push(...statements(s.body)); break;
      case 'Try': out.push(...statements(s.body), ...s.handlers.flatMap((h) => statements(h.body)), ...statements(s.orelse), ...statements(s.finalbody)); break;
      default: break;
    }
  }
  return out;
}

/** `name` for `name` and `self.name`. */
function targetName(e: Expr): string | null {
  if (e.kind === 'Name') return e.id;
  if (e.kind === 'Attribute' && e.value.kind === 'Name' && e.value.id === 'self') return e.attr;
  return null;
}
const sameTarget = (a: Expr, b: Expr) => a.kind === b.kind && targetName(a) !== null && targetName(a) === targetName(b);

interface Resolved {
  /** The expression that computed the value: the returned one, or what the returned name was last assigned. */
  expr: Expr;
  stmt: Stmt;
  /** The value was last changed in place (`out *= 2`): the statement is the op's span. */
  inPlace: boolean;
}

/** What member `index` of `count` of the function's last `return` is, followed through `name = expr` assignments. */
function returned(info: FunctionInfo, index: number, count: number): Resolved | null {
  const stmts = statements(info.body);
  let at = -1;
  for (let i = stmts.length - 1; i >= 0; i--) {
    const s = stmts[i];
    if (s.kind === 'Return' && s.value) { at = i; break; }
  }
  if (at < 0) return null;
  const ret = stmts[at] as Extract<Stmt, { kind: 'Return' }>;
  const value = ret.value as Expr;
  const members = value.kind === 'Tuple' ? value.elts : [value];
  let expr: Expr | undefined = members.length === count ? members[index] : count === 1 ? value : undefined;
  if (!expr) return null;
  let stmt: Stmt = ret;
  for (let depth = 0; depth < 6 && targetName(expr) !== null; depth++) {
    let found: Resolved | null = null;
    for (let i = at - 1; i >= 0 && !found; i--) {
      const s = stmts[i];
      if (s.kind === 'Assign' && s.targets.length === 1 && sameTarget(s.targets[0], expr)) {
        found = { expr: s.value, stmt: s, inPlace: false };
        at = i;
      } else if ((s.kind === 'AugAssign' && sameTarget(s.target, expr)) || (s.kind === 'Assign' && s.targets.some((t) => t.kind === 'Subscript' && sameTarget(t.value, expr as Expr)))) {
        // Changed in place after it was computed (`out *= 2`, `out[mask] = 0`): that statement made the value.
        return { expr, stmt: s, inPlace: true };
      }
    }
    if (!found) break;
    expr = found.expr;
    stmt = found.stmt;
  }
  return { expr, stmt, inPlace: false };
}

/**
 * The names the function gives the values its operations compute (`self.t1 = -x` names the
 * result of `-x` t1), by op id: the op that computed an assignment's whole right-hand side, or,
 * when no op's span is exactly that (a comparison is recorded with its operand's span), the last
 * op of each run of ops inside it.
 */
function valueNames(info: FunctionInfo, tape: RawTape, file: string): Map<number, string> {
  const names = new Map<number, string>();
  const within = (op: RawOp, s: Span) =>
    (!file || !op.span.file || op.span.file === file) &&
    (op.span.line > s.line || (op.span.line === s.line && op.span.col >= s.col)) &&
    (op.span.endLine < s.endLine || (op.span.endLine === s.endLine && op.span.endCol <= s.endCol));
  for (const s of statements(info.body)) {
    if (s.kind === 'AugAssign') {
      const name = targetName(s.target);
      if (name) for (const op of tape.ops) if (op.params?.inPlace === true && spanEq(op, s)) names.set(op.id, name);
      continue;
    }
    if (s.kind !== 'Assign' || s.targets.length !== 1) continue;
    const name = targetName(s.targets[0]);
    if (!name) continue;
    const exact = tape.ops.filter((op) => spanEq(op, s.value));
    if (exact.length) {
      for (const op of exact) names.set(op.id, name);
      continue;
    }
    tape.ops.forEach((op, i) => {
      const next = tape.ops[i + 1];
      if (within(op, s.value) && !(next && within(next, s.value))) names.set(op.id, name);
    });
  }
  return names;
}

function sameContent(a: PyValue, b: PyValue): boolean {
  const x = toNum(a);
  const y = toNum(b);
  if (!x || !y || !sameShape(x.shape, y.shape)) return false;
  for (let i = 0; i < x.data.length; i++) if (!Object.is(x.data[i], y.data[i])) return false;
  return true;
}

/**
 * The tape value a forward call returned as output `index`: as the tracer recorded it (by object
 * identity, when it records result ids), else through the source (`return out1, out2` → `out1 = 1 / self.t3`),
 * else by content.
 */
function outputValue(f: TracedCall, index: number, count: number): number | null {
  const tape = f.tape;
  const out = f.outputs[index];
  const recorded = (tape as { outputs?: number[] }).outputs?.[index];
  if (recorded !== undefined && tape.values[recorded] && sameContent(tape.values[recorded].value, out)) return recorded;
  const r = returned(f.fn.info, index, count);
  if (r) {
    const span: Span = r.inPlace ? r.stmt : r.expr;
    for (let i = tape.ops.length - 1; i >= 0; i--) {
      const op = tape.ops[i];
      if (spanEq(op, span) && sameContent(tape.values[op.output].value, out)) return op.output;
    }
  }
  // Computed elsewhere (a helper function) or mutated after: the latest value with the same content.
  for (let i = tape.ops.length - 1; i >= 0; i--) {
    const op = tape.ops[i];
    if (sameContent(tape.values[op.output].value, out)) return op.output;
  }
  return null;
}

// ---------------------------------------------------------------- terms: how a value is written in a formula

interface Term {
  text: string;
  tex: string;
  /** Needs no parentheses as an operand. */
  atomic: boolean;
  /** For a scalar constant. */
  value?: number;
}

const pText = (t: Term) => (t.atomic ? t.text : `(${t.text})`);
const pTex = (t: Term) => (t.atomic ? t.tex : `\\left(${t.tex}\\right)`);
const sqText = (t: Term) => `${pText(t)}²`;
const sqTex = (t: Term) => `${pTex(t)}^{2}`;

function texName(n: string): string {
  const word = (s: string) => (s.length === 1 ? s : `\\mathrm{${s.replace(/_/g, '\\_')}}`);
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(n);
  return m ? `${word(m[1])}_{${m[2]}}` : word(n);
}

function nodeTerm(node: MathNode): Term {
  const atomic = node.type === 'SymbolNode' || node.type === 'FunctionNode' || (node.type === 'ConstantNode' && !toText(node).startsWith('-'));
  return { text: toText(node), tex: toTex(node), atomic };
}

/** A constant in a step's label: `1`, `(−2)`, `W`. */
const labelOf = (t: Term) => (t.value !== undefined && t.value < 0 ? `(−${t.text.replace(/^-/, '')})` : t.text);

/** The book-style label of an operation whose operand `pos` depends on x; `other` is the constant operand. */
function stepLabel(op: string, pos: number, other: Term | null, both: boolean): string {
  if (both) return ({ add: '+', subtract: '−', multiply: '×', divide: '/', power: '^', maximum: 'max', minimum: 'min' } as Record<string, string>)[op] ?? op;
  const c = other ? labelOf(other) : '';
  switch (op) {
    case 'negative': return '×(−1)';
    case 'add': return `+${c}`;
    case 'subtract': return pos === 0 ? `−${c}` : `${c}−·`;
    case 'multiply': return `×${c}`;
    case 'divide': return pos === 0 ? `/${c}` : `${c}/·`;
    case 'power': return pos === 0 ? `^${c}` : `${c}^·`;
    case 'maximum': return `max(·, ${c})`;
    case 'minimum': return `min(·, ${c})`;
    case 'reciprocal': return '1/·';
    case 'square': return '^2';
    case 'absolute': return 'abs';
    default: return op;
  }
}

/** The local derivative of an operation with respect to its operand `a` (the other operand `c`). */
function localFormula(op: string, pos: number, a: Term, c: Term | null): { text: string; tex: string } {
  const C = c ?? { text: '?', tex: '?', atomic: true };
  const f = (text: string, tex: string) => ({ text, tex });
  switch (op) {
    case 'copy': case 'positive': case 'astype': case 'add': return f('1', '1');
    case 'negative': return f('-1', '-1');
    case 'subtract': return pos === 0 ? f('1', '1') : f('-1', '-1');
    case 'multiply': return f(C.text, C.tex);
    case 'divide':
      if (pos === 0) return f(`1/${pText(C)}`, `\\frac{1}{${C.tex}}`);
      return f(`-${C.value === 1 ? '1' : pText(C)}/${sqText(a)}`, `-\\frac{${C.tex}}{${sqTex(a)}}`);
    case 'power': {
      if (pos === 1) return f(`ln(${C.text})·${pText(C)}^${pText(a)}`, `\\ln\\left(${C.tex}\\right)\\,${pTex(C)}^{${a.tex}}`);
      if (C.value === 2) return f(`2·${pText(a)}`, `2${pTex(a)}`);
      if (C.value !== undefined) {
        const e = C.value - 1;
        const et = Number.isInteger(e) ? String(e) : String(Number(e.toPrecision(12)));
        if (e === 1) return f(`${C.text}·${pText(a)}`, `${C.tex}${pTex(a)}`);
        return f(`${C.text}·${pText(a)}^${e < 0 || !Number.isInteger(e) ? `(${et})` : et}`, `${C.tex}${pTex(a)}^{${et}}`);
      }
      return f(`${pText(C)}·${pText(a)}^(${C.text} - 1)`, `${pTex(C)}${pTex(a)}^{${C.tex}-1}`);
    }
    case 'square': return f(`2·${pText(a)}`, `2${pTex(a)}`);
    case 'reciprocal': return f(`-1/${sqText(a)}`, `-\\frac{1}{${sqTex(a)}}`);
    case 'exp': case 'expm1': return f(`exp(${a.text})`, `e^{${a.tex}}`);
    case 'log': return f(`1/${pText(a)}`, `\\frac{1}{${a.tex}}`);
    case 'log2': return f(`1/(${pText(a)}·ln 2)`, `\\frac{1}{${pTex(a)}\\ln 2}`);
    case 'log10': return f(`1/(${pText(a)}·ln 10)`, `\\frac{1}{${pTex(a)}\\ln 10}`);
    case 'log1p': return f(`1/(1 + ${a.text})`, `\\frac{1}{1+${a.tex}}`);
    case 'sqrt': return f(`1/(2·sqrt(${a.text}))`, `\\frac{1}{2\\sqrt{${a.tex}}}`);
    case 'tanh': return f(`1 - tanh(${a.text})²`, `1-\\tanh^{2}\\left(${a.tex}\\right)`);
    case 'sinh': return f(`cosh(${a.text})`, `\\cosh\\left(${a.tex}\\right)`);
    case 'cosh': return f(`sinh(${a.text})`, `\\sinh\\left(${a.tex}\\right)`);
    case 'sin': return f(`cos(${a.text})`, `\\cos\\left(${a.tex}\\right)`);
    case 'cos': return f(`-sin(${a.text})`, `-\\sin\\left(${a.tex}\\right)`);
    case 'tan': return f(`1 + tan(${a.text})²`, `1+\\tan^{2}\\left(${a.tex}\\right)`);
    case 'arcsin': return f(`1/sqrt(1 - ${sqText(a)})`, `\\frac{1}{\\sqrt{1-${sqTex(a)}}}`);
    case 'arccos': return f(`-1/sqrt(1 - ${sqText(a)})`, `-\\frac{1}{\\sqrt{1-${sqTex(a)}}}`);
    case 'arctan': return f(`1/(1 + ${sqText(a)})`, `\\frac{1}{1+${sqTex(a)}}`);
    case 'absolute': return f(`sign(${a.text})`, `\\operatorname{sign}\\left(${a.tex}\\right)`);
    case 'maximum': return f(`[${a.text} > ${C.text}]`, `[${a.tex}>${C.tex}]`);
    case 'minimum': return f(`[${a.text} < ${C.text}]`, `[${a.tex}<${C.tex}]`);
    default: return f('?', '?');
  }
}

// ---------------------------------------------------------------- one layer call

interface PathOp {
  op: RawOp;
  /** Which operands depend on x. */
  dep: boolean[];
  /** Operands and result, broadcast to x's shape. */
  ins: Float64Array[];
  out: Float64Array;
}

function deriveCall(lens: LensSession, f: TracedCall, b: TracedCall, symbolicCache: Map<string, SymbolicDerivation | null>): Derivation | null {
  // A function of one input (further arguments may be flags or numbers, `train_flg`, not arrays),
  // returning one output (or the same function two ways), undone by a backward that returns one
  // gradient per output.
  if (f.args.length < 1 || f.args.slice(1).some((a) => a.value instanceof NDArray)) return null;
  // A layer built from layers: the inner layers' operations are on their own tapes, not on this one.
  if (((f as { nested?: number }).nested ?? 0) > 0) return null;
  const xArg = f.args[0];
  const xNum = toNum(xArg.value);
  if (!xNum || xNum.data.length === 0) return null;
  const shape = xNum.shape;
  const scalarInput = !(xArg.value instanceof NDArray);
  const bOutputs = b.result instanceof PyTuple ? b.result.items : [b.result as PyValue];
  const nF = f.outputs.length;
  if (bOutputs.length !== nF || nF < 1 || nF > 2) return null;
  let paired: [number, number] | undefined;
  if (nF === 2) {
    // Two outputs and two gradients: the same function computed two ways (the seed's Sigmoid).
    const o0 = broadcast(f.outputs[0], shape);
    const o1 = broadcast(f.outputs[1], shape);
    if (!o0 || !o1 || !allclose(o0, o1).agree) return null;
    paired = [0, 1];
  }
  const chainOut = 0;
  const simplifiedOut = paired ? paired[1] : 0;

  const tape = f.tape;
  const outId = outputValue(f, chainOut, nF);
  if (outId === null) return null;
  const isX = (id: number) => {
    const o = tape.values[id]?.origin;
    return o?.kind === 'arg' && o.name === xArg.name;
  };

  // The minimal chain: the ops that depend on x and that the output depends on.
  const dependsOnX = new Set<number>();
  tape.values.forEach((v) => { if (isX(v.id)) dependsOnX.add(v.id); });
  for (const op of tape.ops) if (op.inputs.some((i) => dependsOnX.has(i))) dependsOnX.add(op.output);
  if (!dependsOnX.has(outId) || isX(outId)) return null;
  const needed = new Set<number>([outId]);
  for (let i = tape.ops.length - 1; i >= 0; i--) {
    const op = tape.ops[i];
    if (needed.has(op.output)) op.inputs.forEach((v) => needed.add(v));
  }
  const path: PathOp[] = [];
  for (const op of tape.ops) {
    if (!needed.has(op.output) || !dependsOnX.has(op.output)) continue;
    const arity = UNARY.has(op.op) || IDENTITY.has(op.op) ? 1 : BINARY.has(op.op) ? 2 : 0;
    if (!arity || op.inputs.length !== arity) return null; // not elementwise: no derivation
    const outNum = toNum(tape.values[op.output].value);
    if (!outNum || !sameShape(outNum.shape, shape) || outNum.dtype === 'int64' || outNum.dtype === 'bool') return null;
    // Another argument of forward on the path makes it a function of two inputs (MulLayer with numbers).
    if (op.inputs.some((i) => { const o = tape.values[i].origin; return o?.kind === 'arg' && o.name !== xArg.name; })) return null;
    const ins: Float64Array[] = [];
    for (const i of op.inputs) {
      const data = broadcast(tape.values[i].value, shape);
      if (!data) return null;
      ins.push(data);
    }
    path.push({ op, dep: op.inputs.map((i) => dependsOnX.has(i)), ins, out: outNum.data });
  }
  if (!path.some((p) => !IDENTITY.has(p.op.op))) return null;

  const n = xNum.data.length;
  const partials = (p: PathOp, pos: number): Float64Array => {
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = partial(p.op.op, pos, p.ins[0][i], p.ins[1]?.[i] ?? NaN, p.out[i]);
    return r;
  };
  const locals = path.map((p) => p.dep.map((d, pos) => (d ? partials(p, pos) : null)));

  // Backpropagation through the chain: the gradient arriving at the output, times each local
  // derivative from the output back to the input (summed over paths when x reaches an op twice).
  const backprop = (seed: Float64Array): Float64Array => {
    const adj = new Map<number, Float64Array>([[outId, seed]]);
    for (let k = path.length - 1; k >= 0; k--) {
      const p = path[k];
      const g = adj.get(p.op.output);
      if (!g) continue;
      p.op.inputs.forEach((id, pos) => {
        const l = locals[k][pos];
        if (!l) return;
        const prev = adj.get(id);
        const r = new Float64Array(n);
        for (let i = 0; i < n; i++) r[i] = prev ? prev[i] + g[i] * l[i] : g[i] * l[i];
        adj.set(id, r);
      });
    }
    const total = new Float64Array(n);
    let found = false;
    for (const [id, g] of adj) if (isX(id)) { found = true; for (let i = 0; i < n; i++) total[i] += g[i]; }
    return found ? total : new Float64Array(n).fill(NaN);
  };
  const dout = b.args.length ? broadcast(b.args[0].value, shape) : new Float64Array(n).fill(1);
  if (!dout) return null;
  const product = backprop(dout);
  const dydx = backprop(new Float64Array(n).fill(1));

  // How each value is written: its name in the forward (t1, t3), else its expression in x.
  const names = valueNames(f.fn.info, tape, (f.fn.file ?? f.fn.module.file) ?? '');
  const valueName = new Map<number, string>();
  for (const op of tape.ops) { const nm = names.get(op.id); if (nm) valueName.set(op.output, nm); }
  const nodes = new Map<number, MathNode>();
  const terms = new Map<number, Term>();
  const taken = new Set<string>([xArg.name]);
  const symbolScope: Record<string, Float64Array> = {};
  const constTerm = (id: number): { node: MathNode; term: Term } => {
    const v = tape.values[id];
    const data = broadcast(v.value, shape) ?? new Float64Array(n).fill(NaN);
    if (data.every((e) => Object.is(e, data[0]))) {
      const node = numberNode(data[0]);
      return { node, term: { ...nodeTerm(node), value: data[0] } };
    }
    const name = symbolName(v.origin?.kind === 'attr' || v.origin?.kind === 'arg' ? v.origin.name : valueName.get(id) ?? 'c', taken);
    symbolScope[name] = data;
    return { node: new SymbolNode(name), term: { text: name, tex: texName(name), atomic: true } };
  };
  tape.values.forEach((v) => {
    if (isX(v.id)) {
      nodes.set(v.id, new SymbolNode(xArg.name));
      terms.set(v.id, { text: xArg.name, tex: texName(xArg.name), atomic: true });
    }
  });

  const steps: DerivationStep[] = [];
  let buildable = true;
  path.forEach((p, k) => {
    const operands = p.op.inputs.map((id, pos) => {
      if (p.dep[pos]) return { node: nodes.get(id) as MathNode, term: terms.get(id) as Term };
      return constTerm(id);
    });
    const node = buildable ? opNode(p.op.op, operands.map((o) => o.node)) : null;
    if (!node) buildable = false;
    else nodes.set(p.op.output, node);
    const name = valueName.get(p.op.output);
    terms.set(p.op.output, name ? { text: name, tex: texName(name), atomic: true } : node ? nodeTerm(node) : { text: `v${p.op.output}`, tex: `v_{${p.op.output}}`, atomic: true });
    if (IDENTITY.has(p.op.op)) return;
    const both = p.dep.filter(Boolean).length > 1;
    const pos = p.dep.indexOf(true);
    const other = p.op.inputs.length > 1 ? operands[1 - pos].term : null;
    let formula: { text: string; tex: string };
    if (both) {
      const [a, c] = operands.map((o) => o.term);
      const fa = localFormula(p.op.op, 0, a, c);
      const fc = localFormula(p.op.op, 1, c, a);
      formula = { text: `∂/∂${pText(a)}: ${fa.text}; ∂/∂${pText(c)}: ${fc.text}`, tex: `\\frac{\\partial}{\\partial ${pTex(a)}}: ${fa.tex};\\ \\frac{\\partial}{\\partial ${pTex(c)}}: ${fc.tex}` };
    } else {
      formula = localFormula(p.op.op, pos, operands[pos].term, other);
    }
    steps.push({
      op: stepLabel(p.op.op, pos, other, both),
      formula: formula.text,
      tex: formula.tex,
      local: lens.summarizer.summarize(asValue(locals[k][pos] as Float64Array, shape, scalarInput)),
    });
  });

  // The learner's simplified formula: what the backward returns.
  const simplifiedValue = bOutputs[simplifiedOut];
  const simplifiedData = broadcast(simplifiedValue, shape);
  const r = returned(b.fn.info, simplifiedOut, bOutputs.length);
  const file = (b.fn.file ?? b.fn.module.file) ?? b.site.file;
  const span = r ? (r.inPlace ? r.stmt : r.expr) : null;
  const text = span ? lens.tracer.textOf({ file, line: span.line, col: span.col, endLine: span.endLine, endCol: span.endCol } satisfies SourceSpan).replace(/\s+/g, ' ').trim() : '';
  const simplified = { text: text || (b.targets[simplifiedOut] ?? 'dx'), value: lens.summarizer.summarize(simplifiedValue), line: r?.stmt.line };
  const cmp = simplifiedData ? allclose(product, simplifiedData) : { agree: false, maxAbsDiff: undefined };

  const derivation: Derivation = {
    layer: f.layer.id,
    forwardCall: f.id,
    backwardCall: b.id,
    input: lens.summarizer.summarize(xArg.value),
    stepwise: { steps, product: lens.summarizer.summarize(asValue(product, shape, scalarInput)) },
    simplified,
    agree: cmp.agree,
    maxAbsDiff: cmp.maxAbsDiff,
  };
  if (paired) derivation.pairedOutputs = paired;

  const forwardNode = nodes.get(outId);
  if (buildable && forwardNode) {
    const sym = symbolicFor(forwardNode, xArg.name, xNum.data, symbolScope, tape.values[outId].value, dydx, symbolicCache);
    if (sym) derivation.symbolic = { steps: sym.steps, endsWith: sym.endsWith };
  }
  return derivation;
}

/**
 * The symbolic derivation of the forward, in x: only when the rebuilt expression reproduces the
 * forward's output and mathjs's derivative reproduces the chain's, at the learner's own inputs.
 */
function symbolicFor(
  forward: MathNode, param: string, xs: Float64Array, symbols: Record<string, Float64Array>, output: PyValue, dydx: Float64Array,
  cache: Map<string, SymbolicDerivation | null>,
): SymbolicDerivation | null {
  const inX = param === X ? forward : forward.transform((nd) => (nd.type === 'SymbolNode' && (nd as SymbolNode).name === param ? new SymbolNode(X) : nd));
  const sampleScope: Record<string, number> = {};
  Object.keys(symbols).forEach((s, i) => { sampleScope[s] = 0.6 + 0.35 * i; });
  const key = `${toText(inX)}|${Object.keys(symbols).join(',')}`;
  let sym = cache.get(key);
  if (sym === undefined) {
    sym = deriveSymbolic(inX, { xs: Array.from(xs.slice(0, 8)).filter(Number.isFinite), scope: sampleScope });
    cache.set(key, sym);
  }
  if (!sym) return null;
  const out = toNum(output);
  if (!out) return null;
  const fy = compileNode(inX);
  const fd = compileNode(sym.derivative);
  const limit = Math.min(xs.length, 256);
  for (let i = 0; i < limit; i++) {
    const scope: Record<string, number> = { [X]: xs[i] };
    for (const [s, data] of Object.entries(symbols)) scope[s] = data[i];
    const y = fy(scope);
    const d = fd(scope);
    if (Number.isFinite(y) && Number.isFinite(out.data[i]) && !(Math.abs(y - out.data[i]) <= 1e-8 + 1e-6 * Math.abs(out.data[i]))) return null;
    if (Number.isFinite(d) && Number.isFinite(dydx[i]) && !(Math.abs(d - dydx[i]) <= 1e-8 + 1e-6 * Math.abs(dydx[i]))) return null;
  }
  return sym;
}
