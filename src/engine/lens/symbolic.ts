// The symbolic side of an elementwise layer's derivation, with mathjs: the forward rebuilt as an
// expression in x, its derivative as mathjs computes it, and, for the sigmoid and tanh families,
// the rewriting of that derivative into the forward's own output y (y(1−y), 1−y²).
//
// Nothing here is written out by hand: every step is built from the expression mathjs returns,
// and every step is checked numerically against the derivative before it is shown, so a step
// that does not hold is left out rather than displayed.

import { ConstantNode, derivative, FunctionNode, OperatorNode, ParenthesisNode, parse, simplify, SymbolNode, type MathNode } from 'mathjs';
import type { SymbolicStep } from './report';

/** The variable the forward is written in. */
export const X = 'x';

// ---------------------------------------------------------------- building expressions

/** A number as an expression; negative numbers as a unary minus, so they print as `-2`, `x - 2`. */
export function numberNode(v: number): MathNode {
  if (v < 0 || Object.is(v, -0)) return new OperatorNode('-', 'unaryMinus', [new ConstantNode(-v)]);
  return new ConstantNode(v);
}

const constantValue = (n: MathNode): number | undefined => {
  if (n.type === 'ConstantNode') return typeof (n as ConstantNode).value === 'number' ? ((n as ConstantNode).value as number) : undefined;
  if (n.type === 'OperatorNode' && (n as OperatorNode).fn === 'unaryMinus') {
    const inner = constantValue((n as OperatorNode).args[0]);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
};

const op = (o: string, fn: string, args: MathNode[]): MathNode => new OperatorNode(o as never, fn as never, args);
const fn = (name: string, args: MathNode[]): MathNode => new FunctionNode(new SymbolNode(name), args);

/**
 * The expression a NumPy operation computes from its operands' expressions, or null for an
 * operation that has no elementwise formula. Identity operations (copy, positive) return their operand.
 */
export function opNode(name: string, args: MathNode[]): MathNode | null {
  const [a] = args;
  // x * (1 / t) prints as x * 1 / t without its parentheses: keep them, for the reader.
  const b = args[1] && (name === 'multiply' || name === 'divide') && isProductOrQuotient(args[1]) ? new ParenthesisNode(args[1]) : args[1];
  const cb = b ? constantValue(b) : undefined;
  switch (name) {
    case 'copy':
    case 'positive':
    case 'astype':
      return a;
    case 'negative':
      return op('-', 'unaryMinus', [a]);
    case 'add':
      if (cb !== undefined && cb < 0) return op('-', 'subtract', [a, new ConstantNode(-cb)]);
      return op('+', 'add', [a, b]);
    case 'subtract':
      if (cb !== undefined && cb < 0) return op('+', 'add', [a, new ConstantNode(-cb)]);
      return op('-', 'subtract', [a, b]);
    case 'multiply':
      if (cb === -1) return op('-', 'unaryMinus', [a]);
      return op('*', 'multiply', [a, b]);
    case 'divide':
      return op('/', 'divide', [a, b]);
    case 'power':
      return op('^', 'pow', [a, b]);
    case 'square':
      return op('^', 'pow', [a, new ConstantNode(2)]);
    case 'reciprocal':
      return op('/', 'divide', [new ConstantNode(1), a]);
    case 'exp': case 'log': case 'sqrt': case 'tanh': case 'sinh': case 'cosh': case 'sin': case 'cos': case 'tan': case 'log10':
      return fn(name, [a]);
    case 'arcsin': case 'arccos': case 'arctan':
      return fn(name.replace('arc', 'a'), [a]);
    case 'log2':
      return fn('log', [a, new ConstantNode(2)]);
    case 'log1p':
      return fn('log', [op('+', 'add', [new ConstantNode(1), a])]);
    case 'expm1':
      return op('-', 'subtract', [fn('exp', [a]), new ConstantNode(1)]);
    case 'absolute':
      return fn('abs', [a]);
    case 'maximum':
      return fn('max', [a, b]);
    case 'minimum':
      return fn('min', [a, b]);
    default:
      return null;
  }
}

const isProductOrQuotient = (n: MathNode) => n.type === 'OperatorNode' && ['multiply', 'divide'].includes((n as OperatorNode).fn);

/** mathjs's constants and the functions opNode writes: an array constant must not be named so. */
const RESERVED = new Set([
  'e', 'E', 'i', 'pi', 'PI', 'tau', 'phi', 'Infinity', 'NaN', 'null', 'true', 'false', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT1_2', 'SQRT2', 'version',
  'exp', 'log', 'log10', 'sqrt', 'tanh', 'sinh', 'cosh', 'sech', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'abs', 'max', 'min',
]);

/** A name usable as a mathjs symbol for an array constant (`mask`, `W`), not clashing with x, y or mathjs's own names. */
export function symbolName(wanted: string, taken: Set<string>): string {
  let base = /^[A-Za-z][A-Za-z0-9]*$/.test(wanted) ? wanted : 'c';
  if (base === X || base === 'y' || RESERVED.has(base)) base = `${base}_c`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

// ---------------------------------------------------------------- printing

/** Plain text, as mathjs prints it: `exp(-x) / (exp(-x) + 1) ^ 2`. */
export function toText(node: MathNode): string {
  return node.toString({ parenthesis: 'keep', implicit: 'show' });
}

/** TeX, as mathjs writes it, with exp(u) as e^{u}. */
export function toTex(node: MathNode): string {
  const handler = (n: MathNode, options: object): string | undefined => {
    if (n.type === 'FunctionNode') {
      const f = n as FunctionNode;
      if (f.fn.name === 'exp' && f.args.length === 1) return `e^{${f.args[0].toTex(options)}}`;
    }
    return undefined;
  };
  // mathjs puts a space before every symbol (for `\cdot x`); drop the ones after a bracket or an operator.
  return node.toTex({ parenthesis: 'auto', implicit: 'show', handler } as object).replace(/(^|[{([=+\-,]) +(?=[A-Za-z])/g, '$1').trim();
}

// ---------------------------------------------------------------- numerical checks

/** Where rewriting steps are checked, besides the learner's own inputs. */
const SAMPLE_POINTS = [-2.3, -1.4, -0.65, -0.2, 0.15, 0.45, 0.9, 1.6, 2.5];

export interface CheckPoints {
  xs: number[];
  /** Values for the array constants' symbols. */
  scope: Record<string, number>;
}

function evaluator(node: MathNode): (scope: Record<string, number>) => number {
  const code = node.compile();
  return (scope) => {
    try {
      const v: unknown = code.evaluate({ ...scope });
      return typeof v === 'number' ? v : NaN;
    } catch {
      return NaN;
    }
  };
}

/** Do `a` and `b` (in x, and y standing for `forward`) agree wherever both are finite, at 3 points at least? */
export function sameFunction(a: MathNode, b: MathNode, points: CheckPoints, forward?: MathNode): boolean {
  const fa = evaluator(a);
  const fb = evaluator(b);
  const fy = forward ? evaluator(forward) : null;
  let compared = 0;
  for (const x of points.xs) {
    const scope: Record<string, number> = { ...points.scope, [X]: x };
    if (fy) {
      const y = fy(scope);
      if (!Number.isFinite(y)) continue;
      scope.y = y;
    }
    const va = fa(scope);
    const vb = fb(scope);
    if (!Number.isFinite(va) || !Number.isFinite(vb)) continue;
    if (Math.abs(va - vb) > 1e-9 * Math.max(1, Math.abs(va), Math.abs(vb))) return false;
    compared++;
  }
  return compared >= 3;
}

// ---------------------------------------------------------------- the derivation

export interface SymbolicDerivation {
  steps: SymbolicStep[];
  endsWith?: string;
  /** The derivative, for checking it against the tape. */
  derivative: MathNode;
}

/** The largest forward expression (in mathjs nodes) the lens differentiates. */
const MAX_NODES = 80;

/** Forms of the derivative in the forward's output y that the lens knows how to reach. */
const Y_FORMS: { name: string; form: string; endsWith: string }[] = [
  { name: 'sigmoid', form: 'y * (1 - y)', endsWith: 'y(1-y)' },
  { name: 'tanh', form: '1 - y ^ 2', endsWith: '1-y^2' },
];

const paren = (n: MathNode): MathNode => (n.type === 'SymbolNode' || n.type === 'ConstantNode' || n.type === 'FunctionNode' || n.type === 'ParenthesisNode' ? n : new ParenthesisNode(n));

function substitute(form: MathNode, y: MathNode): MathNode {
  return form.transform((n) => (n.type === 'SymbolNode' && (n as SymbolNode).name === 'y' ? paren(y) : n));
}

/**
 * The forward `y = f(x)`, its derivative as mathjs gives it, and, when the derivative can be
 * written in y alone as y(1−y) or 1−y², the steps that get there. Null when mathjs cannot
 * differentiate the expression.
 */
export function deriveSymbolic(forward: MathNode, extra: CheckPoints = { xs: [], scope: {} }): SymbolicDerivation | null {
  // mathjs's simplify takes time that grows fast with the expression: layers this big are beyond a lesson.
  let size = 0;
  forward.traverse(() => { size++; });
  if (size > MAX_NODES) return null;
  let d: MathNode;
  try {
    // Decimals stay decimals (0.044715, not 8943 / 2e+5).
    d = simplify(derivative(forward, X, { simplify: false }), {}, { exactFractions: false });
  } catch {
    return null;
  }
  const points: CheckPoints = { xs: [...SAMPLE_POINTS, ...extra.xs], scope: extra.scope };
  const steps: SymbolicStep[] = [
    { label: 'forward', expr: `y = ${toText(forward)}`, tex: `y = ${toTex(forward)}` },
    { label: 'derivative', expr: `dy/dx = ${toText(d)}`, tex: `\\frac{dy}{dx} = ${toTex(d)}` },
  ];
  const push = (label: string, node: MathNode) => steps.push({ label, expr: `= ${toText(node)}`, tex: `= ${toTex(node)}` });

  for (const candidate of Y_FORMS) {
    const form = parse(candidate.form);
    if (!sameFunction(d, form, points, forward)) continue;
    // The derivative is this form of y. Get there from mathjs's expression when its shape allows.
    let reached = false;
    if (candidate.name === 'sigmoid') {
      const parts = quotientOfSquare(d);
      if (parts) {
        const { num, base } = parts;
        const one = new ConstantNode(1);
        const inv = op('/', 'divide', [one, paren(base)]);
        const factored = op('*', 'multiply', [new ParenthesisNode(inv), new ParenthesisNode(op('/', 'divide', [paren(num), paren(base)]))]);
        if (sameFunction(factored, d, points)) {
          push('factor', factored);
          const rewritten = op('*', 'multiply', [new ParenthesisNode(inv), new ParenthesisNode(op('-', 'subtract', [new ConstantNode(1), inv]))]);
          const complement = op('-', 'subtract', [new ConstantNode(1), inv]);
          const identity = sameFunction(op('/', 'divide', [paren(num), paren(base)]), complement, points);
          if (identity && sameFunction(rewritten, d, points) && sameFunction(inv, forward, points)) {
            push(`rewrite ${toText(num)} / ${toText(paren(base))} = 1 - 1 / ${toText(paren(base))}`, rewritten);
            reached = true;
          }
        }
      }
    }
    if (!reached) {
      const inForward = substitute(form, forward);
      if (!sameFunction(inForward, d, points)) continue;
      push('in terms of the forward', inForward);
    }
    push(`substitute y = ${toText(forward)}`, form);
    return { steps, endsWith: candidate.endsWith, derivative: d };
  }
  return { steps, derivative: d };
}

/** `n / b ^ 2` → { num: n, base: b }. */
function quotientOfSquare(d: MathNode): { num: MathNode; base: MathNode } | null {
  if (d.type !== 'OperatorNode') return null;
  const o = d as OperatorNode;
  if (o.fn !== 'divide' || o.args.length !== 2) return null;
  let den = o.args[1];
  if (den.type === 'ParenthesisNode') den = (den as ParenthesisNode).content;
  if (den.type !== 'OperatorNode') return null;
  const p = den as OperatorNode;
  if (p.fn !== 'pow' || constantValue(p.args[1]) !== 2) return null;
  let base = p.args[0];
  if (base.type === 'ParenthesisNode') base = (base as ParenthesisNode).content;
  return { num: o.args[0], base };
}

/** `node` as a function of x (and the array constants' symbols): NaN where it cannot be evaluated. */
export function compileNode(node: MathNode): (scope: Record<string, number>) => number {
  return evaluator(node);
}
