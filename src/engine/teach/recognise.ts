// Recognising layer code by its structure, for hovers: which construct of a layer the cursor is on
// (the class, `def forward`/`def backward`, a caching line, a gradient line, a NumPy call learners
// stumble on), the layer's kind, and the names as the learner wrote them. Names are never used to
// decide: a class is a layer when it defines `forward` and `backward`; its kind comes from what
// `forward` computes (the same classifyLayer the lens applies to a run's tape, here on a tape read
// from the syntax tree, with a numerical test of elementwise forwards on sample inputs) and from the
// shape of `backward`'s formulas. Pure: no vscode, never runs the learner's code.

import type { Expr, Stmt } from '../ast';
import { parseModule } from '../parser';
import { classifyLayer } from '../lens/build';
import { statements } from '../lens/hazards';
import type { LayerKind } from '../lens/report';
import type { RawOp, RawTape, RawValue } from '../lens/tracer';

/** 0-based line and column, as editors count. */
export interface Position {
  line: number;
  col: number;
}

/** A range in the source: 0-based lines and columns, end exclusive. */
export interface Range {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type Topic =
  // the layer as a whole
  | 'layer-class' | 'forward-def' | 'backward-def'
  // forward
  | 'cache-input' | 'cache-mask' | 'cache-output' | 'cache-intermediate'
  | 'forward-add' | 'forward-mul' | 'forward-relu' | 'forward-sigmoid' | 'forward-tanh' | 'forward-affine' | 'forward-loss'
  | 'forward-step' | 'forward-copy'
  // backward
  | 'add-grad' | 'mul-grad' | 'relu-grad' | 'sigmoid-grad' | 'tanh-grad' | 'chain-product' | 'local-derivative'
  | 'affine-dx' | 'affine-dW' | 'affine-db' | 'softmax-grad' | 'batch-size' | 'dout-alias' | 'backward-return' | 'gradient'
  // NumPy
  | 'np-axis' | 'np-keepdims' | 'np-transpose' | 'np-broadcast' | 'np-nditer';

/** A mistake visible in the code itself, before any run. */
export type StaticSuspect =
  | 'sum-no-axis' // np.sum(dout) for a bias gradient
  | 'mul-same-input' // dx = dout * self.x in a multiply layer
  | 'dout-in-place' // dout[mask] = 0 writes into the caller's array
  | 'relu-inverted' // dout[~mask] = 0 / mask from x > 0 used as if x <= 0
  | 'sigmoid-at-input' // dout * (1 - self.x) * self.x with x the input
  | 'no-batch-size' // (y - t) without / batch_size
  | 'missing-transpose'; // np.dot(dout, self.W) / np.dot(self.x, dout)

export interface Recognition {
  topic: Topic;
  /** The statement (or, for NumPy topics, the expression) the hover is about: 0-based. */
  range: Range;
  /** 1-based lines of the statement, as the lens report counts. */
  line: number;
  endLine: number;
  /** The statement's source, on one line. */
  text: string;
  className: string;
  kind: LayerKind;
  method?: 'forward' | 'backward';
  /** 1-based lines of `def forward` / `def backward` (the report's LayerInfo.forwardSpan.line). */
  forwardLine: number;
  backwardLine: number;
  /** forward's parameters (without self), backward's upstream-gradient parameter. */
  inputs: string[];
  dout: string;
  /**
   * The learner's names for the roles of the construct, e.g. for `dx = np.dot(grad, self.W.T)`:
   * { target: 'dx', dout: 'grad', W: 'self.W' }; for a cache line { attr: 'self.x', value: 'x' }.
   */
  names: Record<string, string>;
  /** For NumPy topics, and a NumPy detail on a layer line (`axis=0` of `np.sum(dout, axis=0)`). */
  numpy?: { topic: 'np-axis' | 'np-keepdims' | 'np-transpose' | 'np-broadcast' | 'np-nditer'; text: string; value?: string };
  suspect?: StaticSuspect;
}

// ------------------------------------------------------------------ analysis of a source (cached per document version)

interface CacheRole {
  role: 'input' | 'mask' | 'output' | 'intermediate' | 'param';
  /** The forward parameter an input cache holds. */
  param?: string;
  /** For a mask: the comparison (`<=`, `>` ...) and whether its left side is the input. */
  cmp?: string;
}

export interface LayerModel {
  className: string;
  cls: Stmt & { kind: 'ClassDef' };
  forward: Stmt & { kind: 'FunctionDef' };
  backward: Stmt & { kind: 'FunctionDef' };
  kind: LayerKind;
  inputs: string[];
  self: string;
  bself: string;
  dout: string;
  caches: Map<string, CacheRole>;
  /** Last line (1-based) of the class body. */
  lastLine: number;
}

export interface Analysis {
  source: string;
  lines: string[];
  /** Top-level statements of each parsed piece (the module, or classes parsed alone). */
  stmts: Stmt[];
  layers: LayerModel[];
  /** Column offset of pieces parsed dedented (0 normally). */
  colOffset: Map<Stmt, number>;
}

/** Parses `source` (a file or one notebook cell) and models its layer classes. Files that do not parse fall back to their classes parsed alone. */
export function analyseSource(source: string): Analysis {
  const lines = source.split(/\r?\n/);
  let stmts: Stmt[];
  const colOffset = new Map<Stmt, number>();
  try {
    stmts = parseModule(source).body;
  } catch {
    stmts = parseClassesAlone(lines, colOffset);
  }
  const fns = new Map<string, Stmt & { kind: 'FunctionDef' }>();
  for (const s of stmts) if (s.kind === 'FunctionDef') fns.set(s.name, s);
  const layers: LayerModel[] = [];
  const visit = (body: Stmt[]) => {
    for (const s of body) {
      if (s.kind !== 'ClassDef') continue;
      const m = modelLayer(s, fns);
      if (m) layers.push(m);
      visit(s.body);
    }
  };
  visit(stmts);
  return { source, lines, stmts, layers, colOffset };
}

/** Each `class` block parsed on its own (other lines blanked, so line numbers stay the file's). */
function parseClassesAlone(lines: string[], colOffset: Map<Stmt, number>): Stmt[] {
  const out: Stmt[] = [];
  const indentOf = (l: string) => l.length - l.trimStart().length;
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)class\s+\w/.exec(lines[i]);
    if (!m) continue;
    const ind = m[1].length;
    let end = i + 1;
    while (end < lines.length && (!lines[end].trim() || lines[end].trimStart().startsWith('#') || indentOf(lines[end]) > ind)) end++;
    const piece = lines.map((l, k) => (k >= i && k < end ? l.slice(Math.min(ind, indentOf(l))) : '')).join('\n');
    try {
      for (const s of parseModule(piece).body) {
        out.push(s);
        if (ind) colOffset.set(s, ind);
      }
    } catch {
      // This class does not parse either: no hovers in it.
    }
    i = end - 1;
  }
  return out;
}

function methodOf(cls: Stmt & { kind: 'ClassDef' }, name: string): (Stmt & { kind: 'FunctionDef' }) | undefined {
  return cls.body.find((s): s is Stmt & { kind: 'FunctionDef' } => s.kind === 'FunctionDef' && s.name === name);
}

function lastLineOf(body: Stmt[], fallback: number): number {
  let last = fallback;
  for (const s of body) {
    last = Math.max(last, s.kind === 'ClassDef' ? lastLineOf(s.body, s.line) : s.kind === 'FunctionDef' ? lastLineOf(s.fn.body, s.line) : innerLast(s));
  }
  return last;
}

function innerLast(s: Stmt): number {
  switch (s.kind) {
    case 'If': case 'While': case 'For':
      return Math.max(s.line, lastLineOf(s.body, s.line), lastLineOf(s.orelse, s.line));
    case 'With':
      return lastLineOf(s.body, s.line);
    case 'Try':
      return Math.max(lastLineOf(s.body, s.line), ...s.handlers.map((h) => lastLineOf(h.body, h.line)), lastLineOf(s.orelse, s.line), lastLineOf(s.finalbody, s.line));
    default:
      return s.endLine;
  }
}

function modelLayer(cls: Stmt & { kind: 'ClassDef' }, fns: Map<string, Stmt & { kind: 'FunctionDef' }>): LayerModel | undefined {
  const forward = methodOf(cls, 'forward');
  const backward = methodOf(cls, 'backward');
  if (!forward || !backward) return undefined;
  const fparams = forward.fn.params.map((p) => p.name);
  const self = fparams[0] ?? 'self';
  const inputs = fparams.slice(1);
  const bparams = backward.fn.params.map((p) => p.name);
  const bself = bparams[0] ?? 'self';
  const dout = bparams[1] ?? 'dout';
  const init = methodOf(cls, '__init__');
  const caches = new Map<string, CacheRole>();
  if (init) {
    const initParams = new Set(init.fn.params.slice(1).map((p) => p.name));
    const iself = init.fn.params[0]?.name ?? 'self';
    for (const s of statements(init.fn.body)) {
      if (s.kind !== 'Assign') continue;
      for (const t of s.targets) {
        const a = selfAttrOf(t, iself);
        if (a && usesAnyName(s.value, initParams)) caches.set(a, { role: 'param' });
      }
    }
  }
  const sim = simulateForward(forward, self, inputs, fns);
  for (const [attr, role] of sim.caches) caches.set(attr, role);
  const kind = decideKind(sim, backward, bself, dout, caches);
  if (kind === 'softmax-with-loss') {
    // The softmax output y that backward's (y - t) reads is what forward computed, not an intermediate.
    for (const s of statements(backward.fn.body)) {
      const parts = s.kind === 'Assign' || s.kind === 'Return' ? (s.value ? softmaxParts(s.value, bself) : undefined) : undefined;
      if (parts && caches.get(parts.y)?.role === 'intermediate') caches.set(parts.y, { role: 'output' });
    }
  }
  return { className: cls.name, cls, forward, backward, kind, inputs, self, bself, dout, caches, lastLine: lastLineOf(cls.body, cls.line) };
}

// ------------------------------------------------------------------ forward, read as a tape

const SAMPLES = [
  [-1.3, -0.2, 0.4, 2.1, 0.7, -2.6],
  [0.9, -1.7, 1.1, 0.3, -0.6, 1.9],
  [0.5, 0.25, -0.8, 1.4, -1.1, 0.05],
];

interface SimValue {
  id: number;
  nums?: number[];
}

type Sim = SimValue | SimValue[];

interface ForwardSim {
  tape: RawTape;
  outputs: SimValue[];
  caches: Map<string, CacheRole>;
  /** Values cached on self, by attribute. */
  attrValue: Map<string, SimValue>;
}

const NP_UNARY: Record<string, (x: number) => number> = {
  exp: Math.exp, log: Math.log, tanh: Math.tanh, sqrt: Math.sqrt, abs: Math.abs, absolute: Math.abs, square: (x) => x * x, reciprocal: (x) => 1 / x,
  copy: (x) => x, array: (x) => x, negative: (x) => -x,
};
const NP_BINARY: Record<string, (a: number, b: number) => number> = {
  maximum: Math.max, minimum: Math.min, add: (a, b) => a + b, subtract: (a, b) => a - b, multiply: (a, b) => a * b, divide: (a, b) => a / b,
  power: (a, b) => a ** b,
};
const BINOP: Record<string, [string, (a: number, b: number) => number]> = {
  '+': ['add', (a, b) => a + b], '-': ['subtract', (a, b) => a - b], '*': ['multiply', (a, b) => a * b], '/': ['divide', (a, b) => a / b],
  '**': ['power', (a, b) => a ** b],
};
const CMP: Record<string, [string, (a: number, b: number) => boolean]> = {
  '<=': ['less_equal', (a, b) => a <= b], '<': ['less', (a, b) => a < b], '>': ['greater', (a, b) => a > b], '>=': ['greater_equal', (a, b) => a >= b],
};

function simulateForward(def: Stmt & { kind: 'FunctionDef' }, self: string, inputs: string[], fns: Map<string, Stmt & { kind: 'FunctionDef' }>): ForwardSim {
  const ops: RawOp[] = [];
  const values: RawValue[] = [];
  const attrValue = new Map<string, SimValue>();
  const attrStmt = new Map<string, { value: Expr; sim: SimValue }>();
  const span = (e: { line: number; col: number; endLine: number; endCol: number }) => ({ file: '', line: e.line, col: e.col, endLine: e.endLine, endCol: e.endCol });
  const value = (origin?: RawValue['origin'], nums?: number[]): SimValue => {
    const id = values.length;
    values.push({ id, value: null, origin });
    return { id, nums };
  };
  const op = (name: string, ins: SimValue[], e: Expr, nums?: number[]): SimValue => {
    const out = value(undefined, nums);
    ops.push({ id: ops.length, op: name, inputs: ins.map((v) => v.id), output: out.id, span: span(e) });
    return out;
  };
  const one = (s: Sim): SimValue => (Array.isArray(s) ? (s[0] ?? value()) : s);
  const map1 = (a: SimValue, f: (x: number) => number) => (a.nums ? a.nums.map(f) : undefined);
  const map2 = (a: SimValue, b: SimValue, f: (x: number, y: number) => number) => (a.nums && b.nums ? a.nums.map((x, i) => f(x, (b.nums as number[])[i])) : undefined);

  const env0 = new Map<string, Sim>();
  inputs.forEach((name, i) => env0.set(name, value({ kind: 'arg', name }, SAMPLES[i] ?? undefined)));

  const evalExpr = (e: Expr, env: Map<string, Sim>, depth: number): Sim => {
    switch (e.kind) {
      case 'Name':
        return env.get(e.id) ?? value();
      case 'Constant': {
        const v = typeof e.value === 'bigint' ? Number(e.value) : typeof e.value === 'number' ? e.value : typeof e.value === 'boolean' ? Number(e.value) : undefined;
        return value({ kind: 'const' }, v === undefined ? undefined : SAMPLES[0].map(() => v));
      }
      case 'Tuple': case 'List':
        return e.elts.map((x) => one(evalExpr(x, env, depth)));
      case 'UnaryOp': {
        const a = one(evalExpr(e.operand, env, depth));
        if (e.op === '-') return op('negative', [a], e, map1(a, (x) => -x));
        if (e.op === '~' || e.op === 'not') return op('logical_not', [a], e, map1(a, (x) => (x ? 0 : 1)));
        return a;
      }
      case 'BinOp': {
        const a = one(evalExpr(e.left, env, depth));
        const b = one(evalExpr(e.right, env, depth));
        if (e.op === '@') return op('matmul', [a, b], e);
        const f = BINOP[e.op];
        return f ? op(f[0], [a, b], e, map2(a, b, f[1])) : op(e.op, [a, b], e);
      }
      case 'Compare': {
        const a = one(evalExpr(e.left, env, depth));
        const b = one(evalExpr(e.comparators[0], env, depth));
        const f = CMP[e.ops[0]];
        return f ? op(f[0], [a, b], e, map2(a, b, (x, y) => Number(f[1](x, y)))) : op('compare', [a, b], e);
      }
      case 'Attribute': {
        if (e.value.kind === 'Name' && e.value.id === self) return attrValue.get(e.attr) ?? (() => { const v = value({ kind: 'attr', name: e.attr }); attrValue.set(e.attr, v); return v; })();
        const base = one(evalExpr(e.value, env, depth));
        if (e.attr === 'T') return op('transpose', [base], e);
        return value();
      }
      case 'Subscript': {
        const base = one(evalExpr(e.value, env, depth));
        const idx = one(evalExpr(e.index, env, depth));
        return op('getitem', [base, idx], e);
      }
      case 'Call':
        return evalCall(e, env, depth);
      default:
        return value();
    }
  };

  const evalCall = (e: Expr & { kind: 'Call' }, env: Map<string, Sim>, depth: number): Sim => {
    const f = e.func;
    const args = () => e.args.map((a) => one(evalExpr(a, env, depth)));
    // np.<name>(...)
    if (f.kind === 'Attribute' && f.value.kind === 'Name' && (env.get(f.value.id) === undefined) && f.value.id !== self) {
      const name = f.attr;
      const as = args();
      if (name === 'dot' || name === 'matmul') return op(name, as, e);
      if (name === 'sum' || name === 'max' || name === 'mean' || name === 'argmax' || name === 'min') return op(name, as, e);
      if (name === 'where' && as.length === 3) return op('where', as, e, as[0].nums && as[1].nums && as[2].nums ? as[0].nums.map((c, i) => (c ? (as[1].nums as number[])[i] : (as[2].nums as number[])[i])) : undefined);
      if (NP_UNARY[name] && as.length >= 1) return op(name === 'abs' ? 'absolute' : name === 'array' ? 'copy' : name, [as[0]], e, map1(as[0], NP_UNARY[name]));
      if (NP_BINARY[name] && as.length === 2) return op(name, as, e, map2(as[0], as[1], NP_BINARY[name]));
      return op(`np.${name}`, as, e);
    }
    // x.copy(), x.dot(W), x.reshape(...)
    if (f.kind === 'Attribute') {
      const base = one(evalExpr(f.value, env, depth));
      if (f.attr === 'copy') return op('copy', [base], e, base.nums);
      if (f.attr === 'dot') return op('dot', [base, ...args()], e);
      if (f.attr === 'sum' || f.attr === 'max' || f.attr === 'mean') return op(f.attr, [base], e);
      return op(f.attr, [base, ...args()], e);
    }
    // A function of this file: read through it (a learner's `sigmoid(x)` or `softmax(x)`).
    if (f.kind === 'Name' && fns.has(f.id) && depth < 3) {
      const fn = (fns.get(f.id) as Stmt & { kind: 'FunctionDef' }).fn;
      const inner = new Map<string, Sim>();
      const as = args();
      fn.params.forEach((p, i) => { if (as[i]) inner.set(p.name, as[i]); });
      return runBody(fn.body, inner, depth + 1).ret ?? value();
    }
    return op('call', args(), e);
  };

  const assign = (t: Expr, v: Sim, env: Map<string, Sim>, depth: number, stmtValue: Expr | null) => {
    if (t.kind === 'Name') env.set(t.id, v);
    else if ((t.kind === 'Tuple' || t.kind === 'List') && Array.isArray(v)) t.elts.forEach((x, i) => assign(x, v[i] ?? value(), env, depth, null));
    else if (t.kind === 'Attribute' && t.value.kind === 'Name' && t.value.id === self) {
      const sv = one(v);
      attrValue.set(t.attr, sv);
      if (depth === 0 && stmtValue) attrStmt.set(t.attr, { value: stmtValue, sim: sv });
    } else if (t.kind === 'Subscript') {
      const base = one(evalExpr(t.value, env, depth));
      const idx = one(evalExpr(t.index, env, depth));
      const val = one(v);
      const nums = base.nums && idx.nums && val.nums ? base.nums.map((b, i) => ((idx.nums as number[])[i] ? (val.nums as number[])[i] : b)) : undefined;
      const out = op('setitem', [base, idx, val], t, nums);
      // The array now holds the new values: rebind what named it.
      if (t.value.kind === 'Name') env.set(t.value.id, out);
      else if (t.value.kind === 'Attribute' && t.value.value.kind === 'Name' && t.value.value.id === self) attrValue.set(t.value.attr, out);
      for (const [k, x] of env) if (x === base) env.set(k, out);
    }
  };

  const runBody = (body: Stmt[], env: Map<string, Sim>, depth: number): { ret?: Sim } => {
    let ret: Sim | undefined;
    for (const s of statements(body)) {
      if (s.kind === 'Assign') {
        const v = evalExpr(s.value, env, depth);
        for (const t of s.targets) assign(t, v, env, depth, s.value);
      } else if (s.kind === 'AugAssign') {
        const cur = one(evalExpr(s.target, env, depth));
        const rhs = one(evalExpr(s.value, env, depth));
        const f = BINOP[s.op];
        assign(s.target, f ? op(f[0], [cur, rhs], s.value, map2(cur, rhs, f[1])) : op(s.op, [cur, rhs], s.value), env, depth, null);
      } else if (s.kind === 'Return' && s.value) {
        ret = evalExpr(s.value, env, depth);
      } else if (s.kind === 'Expr') {
        evalExpr(s.value, env, depth);
      }
    }
    return { ret };
  };

  const { ret } = runBody(def.fn.body, env0, 0);
  const outputs = ret === undefined ? [] : Array.isArray(ret) ? ret : [ret];
  const outIds = new Set(outputs.map((o) => o.id));
  const caches = new Map<string, CacheRole>();
  for (const [attr, { value: ex, sim }] of attrStmt) {
    if (ex.kind === 'Name' && inputs.includes(ex.id)) caches.set(attr, { role: 'input', param: ex.id });
    else if (ex.kind === 'Call' && ex.func.kind === 'Attribute' && ex.func.attr === 'copy' && ex.func.value.kind === 'Name' && inputs.includes(ex.func.value.id)) caches.set(attr, { role: 'input', param: ex.func.value.id });
    else if (ex.kind === 'Compare') caches.set(attr, { role: 'mask', cmp: ex.ops[0] });
    else if (outIds.has(sim.id) || outIds.has(attrValue.get(attr)?.id ?? -1)) caches.set(attr, { role: 'output' });
    else caches.set(attr, { role: 'intermediate' });
  }
  return { tape: { ops, values }, outputs, caches, attrValue };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) || (Number.isNaN(a) && Number.isNaN(b));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function decideKind(sim: ForwardSim, backward: Stmt & { kind: 'FunctionDef' }, bself: string, dout: string, caches: Map<string, CacheRole>): LayerKind {
  let kind = classifyLayer(sim.tape);
  const outs = sim.outputs.filter((o) => o.nums);
  const args = sim.tape.values.filter((v) => v.origin?.kind === 'arg');
  if (outs.length && outs.length === sim.outputs.length && kind !== 'affine' && kind !== 'softmax-with-loss') {
    const xs = SAMPLES[0];
    const ys = SAMPLES[1];
    const all = (f: (i: number) => number) => outs.every((o) => (o.nums as number[]).every((v, i) => near(v, f(i))));
    if (args.length === 1) {
      if (all((i) => sigmoid(xs[i]))) kind = 'sigmoid';
      else if (all((i) => Math.tanh(xs[i]))) kind = 'tanh';
      else if (all((i) => Math.max(0, xs[i]))) kind = 'relu';
      else if (sim.tape.ops.every((o) => o.op !== 'call' && !o.op.startsWith('np.'))) kind = 'elementwise';
    } else if (args.length === 2) {
      if (all((i) => xs[i] * ys[i])) kind = 'multiply';
      else if (all((i) => xs[i] + ys[i])) kind = 'add';
    }
  }
  if (kind === 'other' || kind === 'elementwise') {
    // What backward computes tells the rest: (y - t) / batch_size, dout · Wᵀ.
    for (const s of statements(backward.fn.body)) {
      const v = s.kind === 'Assign' || s.kind === 'Return' ? s.value : null;
      if (!v) continue;
      if (isSoftmaxGrad(v, bself, caches)) return 'softmax-with-loss';
      const d = dotOperands(v);
      if (d && isDoutLike(d[0], new Set([dout])) && transposedAttr(d[1], bself)) return 'affine';
    }
  }
  return kind;
}

// ------------------------------------------------------------------ syntax helpers

function selfAttrOf(e: Expr, self: string): string | undefined {
  return e.kind === 'Attribute' && e.value.kind === 'Name' && e.value.id === self ? e.attr : undefined;
}

function usesAnyName(e: Expr, names: Set<string>): boolean {
  let found = false;
  walkExpr(e, (x) => { if (x.kind === 'Name' && names.has(x.id)) found = true; });
  return found;
}

/** Every sub-expression of `e`, outermost first. */
export function walkExpr(e: Expr, f: (x: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case 'BinOp': walkExpr(e.left, f); walkExpr(e.right, f); break;
    case 'UnaryOp': walkExpr(e.operand, f); break;
    case 'BoolOp': e.values.forEach((v) => walkExpr(v, f)); break;
    case 'Compare': walkExpr(e.left, f); e.comparators.forEach((v) => walkExpr(v, f)); break;
    case 'Call': walkExpr(e.func, f); e.args.forEach((v) => walkExpr(v, f)); e.keywords.forEach((k) => walkExpr(k.value, f)); break;
    case 'Attribute': walkExpr(e.value, f); break;
    case 'Subscript': walkExpr(e.value, f); walkExpr(e.index, f); break;
    case 'Starred': walkExpr(e.value, f); break;
    case 'Tuple': case 'List': case 'Set': e.elts.forEach((v) => walkExpr(v, f)); break;
    case 'IfExp': walkExpr(e.test, f); walkExpr(e.body, f); walkExpr(e.orelse, f); break;
    case 'Dict': e.values.forEach((v) => walkExpr(v, f)); e.keys.forEach((k) => k && walkExpr(k, f)); break;
    default: break;
  }
}

/** The expressions directly in a statement (not in nested blocks). */
function exprsOf(s: Stmt): Expr[] {
  switch (s.kind) {
    case 'Expr': return [s.value];
    case 'Assign': return [...s.targets, s.value];
    case 'AugAssign': return [s.target, s.value];
    case 'AnnAssign': return s.value ? [s.target, s.value] : [s.target];
    case 'Return': return s.value ? [s.value] : [];
    case 'If': case 'While': return [s.test];
    case 'For': return [s.target, s.iter];
    case 'Assert': return [s.test];
    case 'With': return s.items.map((i) => i.context);
    default: return [];
  }
}

/** The operands of np.dot(a, b), a.dot(b), a @ b, np.matmul(a, b). */
function dotOperands(e: Expr): [Expr, Expr] | undefined {
  if (e.kind === 'BinOp' && e.op === '@') return [e.left, e.right];
  if (e.kind !== 'Call' || e.func.kind !== 'Attribute') return undefined;
  if ((e.func.attr === 'dot' || e.func.attr === 'matmul') && e.args.length === 2) return [e.args[0], e.args[1]];
  if (e.func.attr === 'dot' && e.args.length === 1) return [e.func.value, e.args[0]];
  return undefined;
}

function transposedAttr(e: Expr, self: string): string | undefined {
  if (e.kind === 'Attribute' && e.attr === 'T') return selfAttrOf(e.value, self);
  if (e.kind === 'Call' && e.func.kind === 'Attribute' && e.func.attr === 'transpose' && e.args.length === 0) return selfAttrOf(e.func.value, self);
  if (e.kind === 'Call' && e.func.kind === 'Attribute' && e.func.attr === 'transpose' && e.args.length === 1) return selfAttrOf(e.args[0], self);
  return undefined;
}

function isDoutLike(e: Expr, douts: Set<string>): boolean {
  return e.kind === 'Name' && douts.has(e.id);
}

/** The factors of a product a * b * c (parenthesised sub-products flattened). */
function factors(e: Expr): Expr[] {
  return e.kind === 'BinOp' && e.op === '*' ? [...factors(e.left), ...factors(e.right)] : [e];
}

function isNumber(e: Expr, n?: number): boolean {
  const v = e.kind === 'Constant' ? e.value : e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Constant' ? e.operand.value : undefined;
  const num = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined;
  if (num === undefined) return false;
  const signed = e.kind === 'UnaryOp' ? -num : num;
  return n === undefined || signed === n;
}

function isSoftmaxGrad(e: Expr, self: string, caches: Map<string, CacheRole>): boolean {
  const parts = softmaxParts(e, self);
  return !!parts && caches.get(parts.y)?.role !== 'param' && caches.get(parts.t)?.role === 'input';
}

function softmaxParts(e: Expr, self: string): { y: string; t: string; n?: Expr } | undefined {
  let diff = e;
  let n: Expr | undefined;
  if (e.kind === 'BinOp' && e.op === '/') { diff = e.left; n = e.right; }
  if (diff.kind !== 'BinOp' || diff.op !== '-') return undefined;
  const y = selfAttrOf(diff.left, self);
  const t = selfAttrOf(diff.right, self);
  return y && t ? { y, t, n } : undefined;
}

const contains = (r: { line: number; col: number; endLine: number; endCol: number }, line: number, col: number) =>
  (line > r.line || (line === r.line && col >= r.col)) && (line < r.endLine || (line === r.endLine && col <= r.endCol));

// ------------------------------------------------------------------ recognition at a position

/** What the construct at `pos` (0-based) is, or undefined when it is not layer code (or not a NumPy construct hovers explain). */
export function recognise(input: string | Analysis, pos: Position): Recognition | undefined {
  const a = typeof input === 'string' ? analyseSource(input) : input;
  const line = pos.line + 1;
  const layer = a.layers.find((l) => line >= l.cls.line && line <= l.lastLine);
  if (layer) {
    const off = offsetOf(a, layer.cls);
    return recogniseInLayer(a, layer, line, pos.col - off, off);
  }
  return recogniseNumpyOutside(a, line, pos.col);
}

function offsetOf(a: Analysis, s: Stmt): number {
  return a.colOffset.get(s) ?? 0;
}

/** The innermost simple statement of `body` containing (line, col), with the function it is in. */
function statementAt(body: Stmt[], line: number, col: number): Stmt | undefined {
  for (const s of body) {
    if (line < s.line) return undefined;
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') continue;
    const nested = s.kind === 'If' || s.kind === 'While' || s.kind === 'For' ? [...s.body, ...s.orelse] : s.kind === 'With' ? s.body : s.kind === 'Try' ? [...s.body, ...s.handlers.flatMap((h) => h.body), ...s.orelse, ...s.finalbody] : [];
    const inner = nested.length ? statementAt(nested, line, col) : undefined;
    if (inner) return inner;
    const head = nested.length ? { line: s.line, col: s.col, endLine: s.line, endCol: Number.MAX_SAFE_INTEGER } : s;
    if (contains(head, line, col)) return s;
  }
  return undefined;
}

function recogniseInLayer(a: Analysis, m: LayerModel, line: number, col: number, off: number): Recognition | undefined {
  const base = {
    className: m.className, kind: m.kind, forwardLine: m.forward.line, backwardLine: m.backward.line, inputs: m.inputs, dout: m.dout,
  };
  const rangeOf = (s: { line: number; col: number; endLine: number; endCol: number }): Range => ({ line: s.line - 1, col: s.col + off, endLine: s.endLine - 1, endCol: s.endCol + off });
  const textOf = (s: { line: number; col: number; endLine: number; endCol: number }) => sliceText(a.lines, s);
  const header = (l: number, kw: string, topic: Topic, method?: 'forward' | 'backward'): Recognition => {
    const src = a.lines[l - 1] ?? '';
    const c = Math.max(0, src.indexOf(kw) - off);
    return { ...base, topic, method, range: { line: l - 1, col: c + off, endLine: l - 1, endCol: src.trimEnd().length }, line: l, endLine: l, text: src.trim(), names: {} };
  };
  if (line === m.cls.line) return header(line, 'class', 'layer-class');
  if (line === m.forward.line) return col >= m.forward.col ? header(line, 'def', 'forward-def', 'forward') : undefined;
  if (line === m.backward.line) return col >= m.backward.col ? header(line, 'def', 'backward-def', 'backward') : undefined;
  const method: 'forward' | 'backward' | undefined = line > m.forward.line && line <= lastLineOf(m.forward.fn.body, m.forward.line) ? 'forward'
    : line > m.backward.line && line <= lastLineOf(m.backward.fn.body, m.backward.line) ? 'backward' : undefined;
  if (!method) return undefined;
  const def = method === 'forward' ? m.forward : m.backward;
  const s = statementAt(def.fn.body, line, col);
  if (!s) return undefined;
  const numpy = numpyAt(a, s, line, col, m, method);
  const rec = method === 'forward' ? forwardLine(m, s) : backwardLine(m, s, def);
  const common = { ...base, method, range: rangeOf(s), line: s.line, endLine: s.endLine, text: textOf(s) };
  if (numpy && (!rec || numpy.cursor)) {
    // The cursor on `axis=0`, `.T`, `keepdims`: the NumPy construct first, the line's meaning kept in names.
    return { ...common, topic: numpy.info.topic, range: rangeOf(numpy.span), names: rec?.names ?? {}, numpy: numpy.info, suspect: rec?.suspect };
  }
  if (!rec) return undefined;
  return { ...common, topic: rec.topic, names: rec.names, numpy: numpy?.info, suspect: rec.suspect };
}

function sliceText(lines: string[], s: { line: number; col: number; endLine: number; endCol: number }): string {
  if (s.line === s.endLine) return (lines[s.line - 1] ?? '').slice(s.col, s.endCol).trim();
  const out = [(lines[s.line - 1] ?? '').slice(s.col)];
  for (let l = s.line + 1; l < s.endLine; l++) out.push(lines[l - 1] ?? '');
  out.push((lines[s.endLine - 1] ?? '').slice(0, s.endCol));
  return out.map((x) => x.trim()).join(' ');
}

const src = (a: Analysis, e: { line: number; col: number; endLine: number; endCol: number }) => sliceText(a.lines, e);

type LineRec = { topic: Topic; names: Record<string, string>; suspect?: StaticSuspect } | undefined;

const PREC: Record<string, number> = { '**': 6, '*': 5, '/': 5, '//': 5, '%': 5, '@': 5, '+': 4, '-': 4, '<<': 3, '>>': 3, '&': 2, '^': 1, '|': 0 };

/** The expression as source text, with the parentheses its structure needs (for names in hovers). */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'Name': return e.id;
    case 'Attribute': return `${exprText(e.value)}.${e.attr}`;
    case 'Constant': return typeof e.value === 'bigint' ? String(e.value) : typeof e.value === 'string' ? JSON.stringify(e.value) : String(e.value);
    case 'Subscript': return `${exprText(e.value)}[${exprText(e.index)}]`;
    case 'BinOp': {
      const p = PREC[e.op] ?? 0;
      const side = (x: Expr, right: boolean) => {
        const t = exprText(x);
        if (x.kind === 'Compare' || x.kind === 'BoolOp' || x.kind === 'IfExp') return `(${t})`;
        if (x.kind !== 'BinOp') return t;
        const q = PREC[x.op] ?? 0;
        return q < p || (q === p && (right ? e.op !== '**' : e.op === '**')) ? `(${t})` : t;
      };
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`;
    }
    case 'UnaryOp': return e.op === 'not' ? `not ${exprText(e.operand)}` : `${e.op}${e.operand.kind === 'BinOp' ? `(${exprText(e.operand)})` : exprText(e.operand)}`;
    case 'Call': return `${exprText(e.func)}(${[...e.args.map(exprText), ...e.keywords.map((k) => `${k.name}=${exprText(k.value)}`)].join(', ')})`;
    case 'Compare': return `${exprText(e.left)} ${e.ops[0]} ${exprText(e.comparators[0])}`;
    case 'Tuple': return e.elts.map(exprText).join(', ');
    default: return '…';
  }
}

function forwardLine(m: LayerModel, s: Stmt): LineRec {
  const self = m.self;
  if (s.kind === 'Assign') {
    const t = s.targets[0];
    const attr = selfAttrOf(t, self);
    if (attr) {
      const role = m.caches.get(attr);
      const names = { attr: `${self}.${attr}`, value: exprText(s.value) };
      if (role?.role === 'input') return { topic: 'cache-input', names: { ...names, param: role.param ?? exprText(s.value) } };
      if (role?.role === 'mask') return { topic: 'cache-mask', names: { ...names, cmp: role.cmp ?? '<=' } };
      if (role?.role === 'output') return { topic: 'cache-output', names };
      return { topic: 'cache-intermediate', names };
    }
    if (t.kind === 'Subscript') {
      const idx = selfAttrOf(t.index, self);
      if (idx && m.caches.get(idx)?.role === 'mask') return { topic: 'forward-relu', names: { out: exprText(t.value), mask: `${self}.${idx}` } };
    }
  }
  const v = s.kind === 'Assign' || s.kind === 'Return' ? s.value : null;
  if (!v) return undefined;
  const target = s.kind === 'Assign' ? exprText(s.targets[0]) : 'return';
  if (v.kind === 'Call' && v.func.kind === 'Attribute' && v.func.attr === 'copy') return { topic: 'forward-copy', names: { target, value: exprText(v.func.value) } };
  if (v.kind === 'Name' || v.kind === 'Tuple') return undefined;
  const names = { target, expr: exprText(v) };
  let hasOp = false;
  let hasDot = false;
  walkExpr(v, (x) => {
    if (x.kind === 'BinOp' || x.kind === 'UnaryOp' || x.kind === 'Call' || x.kind === 'Compare') hasOp = true;
    if (dotOperands(x)) hasDot = true;
  });
  if (!hasOp) return undefined;
  switch (m.kind) {
    case 'add': return { topic: 'forward-add', names };
    case 'multiply': return { topic: 'forward-mul', names };
    case 'sigmoid': return { topic: isWholeSigmoid(v) ? 'forward-sigmoid' : 'forward-step', names };
    case 'tanh': return { topic: 'forward-tanh', names };
    case 'relu': return { topic: 'forward-relu', names };
    case 'affine': return hasDot ? { topic: 'forward-affine', names } : { topic: 'forward-step', names };
    case 'softmax-with-loss': return { topic: 'forward-loss', names };
    default: return { topic: 'forward-step', names };
  }
}

/** Does this expression alone compute σ of something (1/(1+exp(-x)), exp(x)/(1+exp(x)), ...)? */
function isWholeSigmoid(e: Expr): boolean {
  let exp = false;
  let div = false;
  walkExpr(e, (x) => {
    if (x.kind === 'Call' && x.func.kind === 'Attribute' && x.func.attr === 'exp') exp = true;
    if (x.kind === 'BinOp' && x.op === '/') div = true;
  });
  return exp && div;
}

function backwardLine(m: LayerModel, s: Stmt, def: Stmt & { kind: 'FunctionDef' }): LineRec {
  const self = m.bself;
  const dout = m.dout;
  // Names that hold dout itself (dx = dout) or a copy of it, up to this statement.
  const aliases = new Set([dout]);
  const copies = new Set<string>();
  const locals = new Map<string, Expr>();
  for (const x of statements(def.fn.body)) {
    if (x === s) break;
    if (x.kind === 'Assign' && x.targets[0].kind === 'Name') {
      const name = x.targets[0].id;
      const v = x.value;
      if (v.kind === 'Name' && (aliases.has(v.id) || copies.has(v.id))) (aliases.has(v.id) ? aliases : copies).add(name);
      else if (v.kind === 'Call' && v.func.kind === 'Attribute' && v.func.attr === 'copy' && v.func.value.kind === 'Name' && aliases.has(v.func.value.id)) copies.add(name);
      else locals.set(name, v);
    }
  }
  const douts = new Set([...aliases, ...copies]);
  const role = (e: Expr) => { const a = selfAttrOf(e, self); return a ? m.caches.get(a) : undefined; };

  if (s.kind === 'Return') {
    if (!s.value) return undefined;
    const elts = s.value.kind === 'Tuple' ? s.value.elts : [s.value];
    if (elts.every((e) => e.kind === 'Name')) {
      const names: Record<string, string> = { returned: elts.map(exprText).join(', ') };
      elts.forEach((e, i) => { if (m.inputs[i]) names[`grad_${m.inputs[i]}`] = exprText(e); });
      return { topic: 'backward-return', names };
    }
  }
  const target = s.kind === 'Assign' ? s.targets[0] : s.kind === 'AugAssign' ? s.target : undefined;
  const v = s.kind === 'Assign' || s.kind === 'Return' || s.kind === 'AugAssign' ? s.value : undefined;
  if (!v) return undefined;
  const targetText = target ? exprText(target) : 'return';

  // dout[self.mask] = 0
  if (target && target.kind === 'Subscript' && target.value.kind === 'Name' && douts.has(target.value.id)) {
    const idx = target.index;
    const maskAttr = selfAttrOf(idx, self) ?? (idx.kind === 'UnaryOp' ? selfAttrOf(idx.operand, self) : undefined);
    const cmp = maskAttr ? m.caches.get(maskAttr)?.cmp : undefined;
    const inverted = (idx.kind === 'UnaryOp') !== (cmp === '>' || cmp === '>=');
    const inPlace = aliases.has(target.value.id);
    return {
      topic: 'relu-grad',
      names: { target: target.value.id, mask: exprText(idx), dout },
      suspect: inverted && maskAttr ? 'relu-inverted' : inPlace ? 'dout-in-place' : undefined,
    };
  }
  // dx = dout (the same array)
  if (v.kind === 'Name' && douts.has(v.id)) {
    if (m.kind === 'add') return { topic: 'add-grad', names: { target: targetText, dout } };
    return { topic: 'dout-alias', names: { target: targetText, value: v.id, dout, copy: copies.has(v.id) ? 'yes' : '' } };
  }
  // batch_size = self.t.shape[0]
  if (v.kind === 'Subscript' && v.value.kind === 'Attribute' && v.value.attr === 'shape') {
    return { topic: 'batch-size', names: { target: targetText, array: exprText(v.value.value) } };
  }
  // np.dot(dout, self.W.T), np.dot(self.x.T, dout)
  const d = dotOperands(v);
  if (d) {
    const [l, r] = d;
    if (isDoutLike(l, douts)) {
      const w = transposedAttr(r, self) ?? selfAttrOf(r, self);
      if (w) return { topic: 'affine-dx', names: { target: targetText, dout: exprText(l), W: `${self}.${w}` }, suspect: transposedAttr(r, self) ? undefined : 'missing-transpose' };
    }
    if (isDoutLike(r, douts)) {
      const x = transposedAttr(l, self) ?? selfAttrOf(l, self);
      if (x) return { topic: 'affine-dW', names: { target: targetText, dout: exprText(r), x: `${self}.${x}` }, suspect: transposedAttr(l, self) ? undefined : 'missing-transpose' };
    }
    return { topic: 'gradient', names: { target: targetText, expr: exprText(v), dout } };
  }
  // np.sum(dout, axis=0)
  if (v.kind === 'Call' && v.func.kind === 'Attribute' && v.func.attr === 'sum' && (v.args[0] && isDoutLike(v.args[0], douts) || isDoutLike(v.func.value, douts))) {
    const axis = v.keywords.find((k) => k.name === 'axis')?.value ?? (v.args[0] && isDoutLike(v.args[0], douts) ? v.args[1] : v.args[0]);
    return { topic: 'affine-db', names: { target: targetText, dout, axis: axis ? exprText(axis) : '' }, suspect: axis ? undefined : 'sum-no-axis' };
  }
  // (self.y - self.t) / batch_size
  const sm = softmaxParts(v, self);
  if (sm && (m.kind === 'softmax-with-loss' || m.caches.get(sm.t)?.role === 'input')) {
    return { topic: 'softmax-grad', names: { target: targetText, y: `${self}.${sm.y}`, t: `${self}.${sm.t}`, n: sm.n ? exprText(sm.n) : '' }, suspect: sm.n ? undefined : 'no-batch-size' };
  }
  // Products with dout: the chain rule.
  const fs = factors(v);
  const hasDout = fs.some((f) => isDoutLike(f, douts));
  if (hasDout) {
    const rest = fs.filter((f) => !isDoutLike(f, douts));
    const names: Record<string, string> = { target: targetText, dout };
    if (rest.length === 0 || rest.every((f) => isNumber(f, 1))) return { topic: 'add-grad', names };
    if (rest.length === 1 && role(rest[0])?.role === 'input') {
      const other = role(rest[0])?.param as string;
      const mine = m.inputs.find((p) => p !== other) ?? '';
      names.other = exprText(rest[0]);
      names.otherParam = other;
      names.wrt = mine;
      // Which input this gradient is for, read from the return statement's order.
      const wrt = returnedFor(def, targetText, m.inputs);
      return { topic: 'mul-grad', names, suspect: wrt && wrt === other ? 'mul-same-input' : undefined };
    }
    const sig = sigmoidFactors(rest, self, m);
    if (sig) return { topic: sig.topic, names: { ...names, y: sig.y }, suspect: sig.atInput ? 'sigmoid-at-input' : undefined };
    if (rest.length === 1 && (role(rest[0])?.role === 'mask' || rest[0].kind === 'Compare')) return { topic: 'relu-grad', names: { ...names, mask: exprText(rest[0]) } };
    if (rest.length >= 2 && rest.every((f) => f.kind === 'Name' && locals.has(f.id) || isNumber(f))) {
      names.factors = rest.map(exprText).join(' · ');
      return { topic: 'chain-product', names };
    }
    return { topic: 'gradient', names: { ...names, expr: exprText(v) } };
  }
  // A local derivative: a name assigned here and later multiplied with dout.
  if (target && target.kind === 'Name' && !usesAnyName(v, douts) && laterChainFactor(def, target.id, douts)) {
    const mm = /^d([A-Za-z0-9]+)_d([A-Za-z0-9]+)$/.exec(target.id);
    return { topic: 'local-derivative', names: { target: target.id, expr: exprText(v), ...(mm ? { of: mm[1], wrt: mm[2] } : {}) } };
  }
  if (target && usesAnyName(v, douts)) return { topic: 'gradient', names: { target: targetText, expr: exprText(v), dout } };
  return undefined;
}

function returnedFor(def: Stmt & { kind: 'FunctionDef' }, name: string, inputs: string[]): string | undefined {
  for (const s of statements(def.fn.body)) {
    if (s.kind !== 'Return' || !s.value) continue;
    const elts = s.value.kind === 'Tuple' ? s.value.elts : [s.value];
    const i = elts.findIndex((e) => e.kind === 'Name' && e.id === name);
    if (i >= 0) return inputs[i];
  }
  return undefined;
}

function laterChainFactor(def: Stmt & { kind: 'FunctionDef' }, name: string, douts: Set<string>): boolean {
  for (const s of statements(def.fn.body)) {
    const v = s.kind === 'Assign' || s.kind === 'Return' ? s.value : undefined;
    if (!v) continue;
    const fs = factors(v);
    if (fs.some((f) => f.kind === 'Name' && douts.has(f.id)) && fs.some((f) => f.kind === 'Name' && f.id === name)) return true;
  }
  return false;
}

/** (1 - S) and S among the factors (sigmoid), or (1 - S**2) (tanh), with S a cached attribute. */
function sigmoidFactors(rest: Expr[], self: string, m: LayerModel): { topic: 'sigmoid-grad' | 'tanh-grad'; y: string; atInput: boolean } | undefined {
  const oneMinus = (e: Expr) => (e.kind === 'BinOp' && e.op === '-' && isNumber(e.left, 1) ? e.right : undefined);
  for (const f of rest) {
    const inner = oneMinus(f);
    if (!inner) continue;
    const attr = selfAttrOf(inner, self);
    if (attr && rest.length === 2 && rest.some((g) => g !== f && selfAttrOf(g, self) === attr)) {
      return { topic: 'sigmoid-grad', y: `${self}.${attr}`, atInput: m.caches.get(attr)?.role === 'input' };
    }
    if (rest.length === 1 && inner.kind === 'BinOp' && inner.op === '**' && isNumber(inner.right, 2)) {
      const a = selfAttrOf(inner.left, self);
      if (a) return { topic: 'tanh-grad', y: `${self}.${a}`, atInput: m.caches.get(a)?.role === 'input' };
    }
    if (rest.length === 1 && inner.kind === 'BinOp' && inner.op === '*') {
      const a = selfAttrOf(inner.left, self);
      if (a && selfAttrOf(inner.right, self) === a) return { topic: 'tanh-grad', y: `${self}.${a}`, atInput: m.caches.get(a)?.role === 'input' };
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ NumPy constructs

interface NumpyHit {
  info: NonNullable<Recognition['numpy']>;
  span: { line: number; col: number; endLine: number; endCol: number };
  /** The cursor is on the construct itself (not just somewhere on its line). */
  cursor: boolean;
}

/** The position of `name=` before a keyword argument's value. */
function keywordSpan(a: Analysis, name: string, value: Expr): { line: number; col: number; endLine: number; endCol: number } {
  const text = a.lines[value.line - 1] ?? '';
  const at = text.lastIndexOf(name, value.col);
  return at >= 0 ? { line: value.line, col: at, endLine: value.endLine, endCol: value.endCol } : value;
}

function numpyAt(a: Analysis, s: Stmt, line: number, col: number, m: LayerModel | undefined, method: 'forward' | 'backward' | undefined): NumpyHit | undefined {
  let best: NumpyHit | undefined;
  let lineHit: NumpyHit | undefined;
  const consider = (h: NumpyHit) => {
    if (contains(h.span, line, col)) { if (!best) best = { ...h, cursor: true }; } else if (!lineHit) lineHit = h;
  };
  for (const root of exprsOf(s)) {
    walkExpr(root, (e) => {
      if (e.kind === 'Call') {
        for (const k of e.keywords) {
          if (k.name === 'axis' || k.name === 'keepdims') {
            consider({ info: { topic: k.name === 'axis' ? 'np-axis' : 'np-keepdims', text: src(a, e), value: exprText(k.value) }, span: keywordSpan(a, k.name, k.value), cursor: false });
          }
        }
        if (e.func.kind === 'Attribute' && e.func.attr === 'nditer') consider({ info: { topic: 'np-nditer', text: src(a, e) }, span: e.func, cursor: false });
      }
      if (e.kind === 'Attribute' && e.attr === 'T') {
        consider({ info: { topic: 'np-transpose', text: src(a, e), value: exprText(e.value) }, span: { line: e.endLine, col: e.endCol - 2, endLine: e.endLine, endCol: e.endCol }, cursor: false });
      }
      // Broadcasting: `+ self.b` in an affine forward (a (N,M) array plus a (M,) one).
      if (m && method === 'forward' && m.kind === 'affine' && e.kind === 'BinOp' && e.op === '+') {
        const b = selfAttrOf(e.right, m.self) ?? selfAttrOf(e.left, m.self);
        const bexpr = selfAttrOf(e.right, m.self) ? e.right : e.left;
        if (b && m.caches.get(b)?.role === 'param') consider({ info: { topic: 'np-broadcast', text: src(a, e), value: `${m.self}.${b}` }, span: bexpr, cursor: false });
      }
    });
  }
  return best ?? lineHit;
}

function recogniseNumpyOutside(a: Analysis, line: number, col: number): Recognition | undefined {
  // Outside layers, only the NumPy constructs themselves, under the cursor.
  const findIn = (body: Stmt[]): Stmt | undefined => {
    for (const x of body) {
      if (x.kind === 'FunctionDef') { const r = x.line <= line && line <= lastLineOf(x.fn.body, x.line) ? findIn(x.fn.body) : undefined; if (r) return r; continue; }
      if (x.kind === 'ClassDef') { const r = x.line <= line && line <= lastLineOf(x.body, x.line) ? findIn(x.body) : undefined; if (r) return r; continue; }
      const r = statementAt([x], line, col);
      if (r) return r;
    }
    return undefined;
  };
  const s = findIn(a.stmts);
  if (!s) return undefined;
  const hit = numpyAt(a, s, line, col, undefined, undefined);
  if (!hit || !hit.cursor) return undefined;
  const off = 0;
  return {
    topic: hit.info.topic, numpy: hit.info, className: '', kind: 'other', forwardLine: 0, backwardLine: 0, inputs: [], dout: '',
    range: { line: hit.span.line - 1, col: hit.span.col + off, endLine: hit.span.endLine - 1, endCol: hit.span.endCol + off },
    line: s.line, endLine: s.endLine, text: sliceText(a.lines, s), names: {},
  };
}
