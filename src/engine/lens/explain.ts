// Why a gradient check failed, in the learner's terms: which line of `backward` produced the
// gradient, and which local derivative of `forward` it disagrees with.
//
// First the usual mistakes are tried as hypotheses, computed from the recorded values (MulLayer's
// swapped inputs, Sigmoid's derivative taken at the input, ReLU's mask inverted, a missing `.T`, a
// forgotten `/ batch_size`, a missing `* dout`, a flipped sign); the one that reproduces the
// learner's numbers names the mistake. Otherwise the explanation names the layer's (or the first
// operation's) local derivative.

import { NDArray } from '../numpy/ndarray';
import type { PyValue } from '../values';
import { localDerivative, sumTo, toFloat } from './autodiff';
import type { LensSession } from './inspect';
import type { LayerKind } from './report';
import type { RawOp, TracedCall } from './tracer';

export interface ExplainInput {
  lens: LensSession;
  forward: TracedCall;
  backward: TracedCall;
  kind: LayerKind;
  target: { kind: 'input' | 'param'; name: string };
  /** The target's values on the forward tape. */
  targetIds: number[];
  /** The target as forward saw it. */
  targetValue: NDArray;
  argIndex?: number;
  /** The forward output the gradient flows from, and the dout it was seeded with. */
  outputIndex: number;
  dout: NDArray;
  learner: NDArray | null;
  /** What the verdict compared with (the automatic gradient, or the numerical one). */
  expected: NDArray | null;
  /** The operation of backward that produced the learner's gradient, and its line. */
  learnerOp?: RawOp;
  line?: number;
  /** The tape's local derivative with respect to the target at an index where they differ, if known. */
  worst?: { index: number; learner: number; expected: number };
}

export interface Explanation {
  code: string;
  text: string;
}

const fmtShape = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;
const fmtNum = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(Number(x.toPrecision(8))));

function close(a: NDArray, b: NDArray, tol = 1e-6): boolean {
  if (a.size !== b.size) return false;
  const x = a.toFlat();
  const y = b.toFlat();
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]), Math.abs(y[i]));
  if (scale === 0) return true;
  for (let i = 0; i < x.length; i++) {
    if (Math.abs(x[i] - y[i]) > tol * Math.max(Math.abs(x[i]), Math.abs(y[i]), 1e-6 * scale)) return false;
  }
  return true;
}

/** Elementwise a op b with broadcasting, as flat float64 of `shape`. */
function ew(shape: readonly number[], f: (...v: number[]) => number, ...arrays: NDArray[]): NDArray | null {
  try {
    const flats = arrays.map((a) => (a.size === 1 ? null : a.broadcastTo(shape).toFlat()));
    const consts = arrays.map((a) => (a.size === 1 ? a.toFlat()[0] : 0));
    const n = shape.reduce((p, d) => p * d, 1);
    const out = new Float64Array(n);
    const vals = new Array<number>(arrays.length);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < arrays.length; k++) vals[k] = flats[k] ? (flats[k] as Float64Array)[i] : consts[k];
      out[i] = f(...vals);
    }
    return NDArray.fromData(out, shape.slice(), 'float64');
  } catch {
    return null;
  }
}

function source(lens: LensSession, file: string, line: number | undefined): string {
  if (!line) return '';
  return (lens.session.interp.sources.get(file)?.[line - 1] ?? '').trim();
}

/** `self.<attr>` that held `live` when backward began, or undefined. */
function cachedAs(backward: TracedCall, live: PyValue | undefined): string | undefined {
  if (live === undefined) return undefined;
  const isNum = typeof live === 'number' || typeof live === 'bigint';
  for (const [k, v] of backward.selfBeforeLive) {
    if (v === live && (isNum || (live !== null && typeof live === 'object'))) return k;
  }
  return undefined;
}

function consumer(forward: TracedCall, ids: number[], ops?: string[]): { op: RawOp; k: number } | undefined {
  for (const o of forward.tape.ops) {
    if (ops && !ops.includes(o.op)) continue;
    const k = o.inputs.findIndex((i) => ids.includes(i));
    if (k >= 0) return { op: o, k };
  }
  return undefined;
}

/** How backward refers to a forward value: `self.<attr>` when it cached it, else its name. */
function refOf(x: ExplainInput, valueId: number): string | undefined {
  const { forward, backward } = x;
  const v = forward.tape.values[valueId];
  if (v?.origin?.kind === 'attr') return `self.${v.origin.name}`;
  const c = forward.cache.find((e) => e.valueId === valueId);
  if (c) return `self.${c.name}`;
  if (v?.origin?.kind === 'arg') {
    const arg = forward.args.find((a) => a.name === (v.origin as { name: string }).name);
    const attr = cachedAs(backward, arg?.live);
    return attr ? `self.${attr}` : v.origin.name;
  }
  return undefined;
}

export function explainMismatch(x: ExplainInput): Explanation {
  const { lens, forward, backward, target, learner, expected, dout } = x;
  const cls = forward.layer.cls.name;
  const file = (backward.fn.file ?? backward.fn.module.file) ?? '';
  const stmt = source(lens, file, x.line);
  const at = x.line ? `Line ${x.line} (\`${stmt}\`): ` : '';
  const doutName = backward.fn.info.params[1]?.name ?? 'dout';
  const dname = target.kind === 'param' ? `self.d${target.name}` : `d${target.name}`;
  const learnerText = x.learnerOp ? lens.tracer.textOf(x.learnerOp.span).trim() : stmt;

  // Shapes first: a gradient has the shape of what it is the gradient of.
  if (learner && !sameShape(learner.shape, x.targetValue.shape)) {
    const sum = x.learnerOp?.op === 'sum' && (x.learnerOp.params?.axis ?? null) === null ? x.learnerOp : undefined;
    const add = consumer(forward, x.targetIds, ['add']);
    if (add && (sum || learner.ndim === 0)) {
      const axis = x.targetValue.ndim === 1 ? 'axis=0' : 'the batch axis';
      return {
        code: 'sum-axis',
        text: `\`${stmt || `${dname} = np.sum(${doutName})`}\` sums over every axis; the gradient of \`+ ${target.name}\` needs \`${axis}\`: ` +
          `dout is summed only over the axis along which ${target.name} was broadcast (the batch), so ${dname} has ${target.name}'s shape ` +
          `${fmtShape(x.targetValue.shape)}, not ${fmtShape(learner.shape)}. Write \`np.sum(${doutName}, axis=0)\`.`,
      };
    }
    const dot = consumer(forward, x.targetIds, ['dot', 'matmul']);
    const hint = dot ? ` ${capitalize(dotDerivative(x, dot.op, dot.k))}` : '';
    return {
      code: 'shape',
      text: `${at}your gradient for ${target.name} has shape ${fmtShape(learner.shape)}, but ${target.name} has shape ${fmtShape(x.targetValue.shape)}: ` +
        `a gradient always has the shape of what it is the gradient of.${hint}`,
    };
  }
  if (!learner || !expected) {
    return { code: 'mismatch', text: `${at}your gradient for ${target.name} differs from the expected one.` };
  }
  const shape = expected.shape;
  const fx = x.targetValue;

  // The stale cache: backward used values that changed after forward.
  if (backward.staleCache.length) {
    return {
      code: 'stale-cache',
      text: `${at}backward used \`self.${backward.staleCache.join('`, `self.')}\`, which forward cached by reference and the caller changed ` +
        `before backward ran: the gradient was computed from values forward never saw (see the hazard).`,
    };
  }

  // MulLayer: the gradient with respect to one factor is the other factor.
  const mulc = consumer(forward, x.targetIds, ['multiply']);
  if (x.kind === 'multiply' && mulc) {
    const otherId = mulc.op.inputs[1 - mulc.k];
    const other = refOf(x, otherId) ?? 'the other input';
    const own = ew(shape, (d, v) => d * v, dout, fx);
    if (own && close(learner, own)) {
      return {
        code: 'mul-swap',
        text: `${dname} of ${cls}: you returned \`${learnerText}\`${x.line ? ` (line ${x.line})` : ''}; the gradient with respect to ${target.name} is the other input, \`${doutName} * ${other}\`.`,
      };
    }
    return {
      code: 'mul',
      text: `${at}the local derivative of \`x * y\` with respect to ${target.name} is the other factor: ${dname} = \`${doutName} * ${other}\`.`,
    };
  }

  // Sigmoid: y(1 − y) with y the output.
  if (x.kind === 'sigmoid' || sigmoidLike(x)) {
    const inAttr = cachedAs(backward, forward.args[x.argIndex ?? 0]?.live);
    const outAttr = cachedAs(backward, forward.liveOutputs[x.outputIndex]);
    const outRef = outAttr ? `\`self.${outAttr}\`` : 'the forward output (cache it in forward, e.g. `self.out = out`)';
    const atInput = ew(shape, (d, v) => d * (1 - v) * v, dout, fx);
    const readsInput = inAttr !== undefined && backward.tape.values.some((v) => v.origin?.kind === 'attr' && v.origin.name === inAttr);
    if ((atInput && close(learner, atInput)) || readsInput) {
      return {
        code: 'sigmoid-input',
        text: `${at}the local derivative of σ is y(1−y) with y the forward output ${outRef}, not the input${inAttr ? ` \`self.${inAttr}\`` : ''}; ` +
          `write \`${dname} = ${doutName} * (1.0 - ${outAttr ? `self.${outAttr}` : 'y'}) * ${outAttr ? `self.${outAttr}` : 'y'}\`.`,
      };
    }
    const generic = hypotheses(x, shape);
    if (generic) return generic;
    return {
      code: 'sigmoid',
      text: `${at}the local derivative of σ(x) = 1/(1 + exp(−x)) is y(1−y) with y = σ(x) the forward output ${outRef}: ${dname} = dout·(1 − y)·y.`,
    };
  }

  // ReLU: the gradient passes where the input was positive.
  if (x.kind === 'relu' || reluLike(x, shape)) {
    const inverse = ew(shape, (d, e) => d - e, broadcastLike(dout, shape), expected);
    const nonzero = inverse ? inverse.toFlat().some((v) => v !== 0) : false;
    if (inverse && nonzero && close(learner, inverse)) {
      return {
        code: 'relu-side',
        text: `ReLU passes the gradient where the input was positive and blocks it (0) where the input was ≤ 0; ` +
          `${x.line ? `line ${x.line} (\`${stmt}\`)` : 'your backward'} does the opposite: your ${dname} is nonzero exactly where the input was ≤ 0.`,
      };
    }
    const generic = hypotheses(x, shape);
    if (generic) return generic;
    return {
      code: 'relu',
      text: `${at}ReLU passes the gradient where the input was positive (x > 0) and sets it to 0 where x ≤ 0: ${dname} = dout where x > 0, else 0.${worstText(x)}`,
    };
  }

  // x·W: the transposes.
  const dot = consumer(forward, x.targetIds, ['dot', 'matmul']);
  if (dot) {
    const generic = hypotheses(x, shape);
    if (generic && generic.code !== 'scale') return generic;
    return { code: 'dot-transpose', text: `${at}${dotDerivative(x, dot.op, dot.k)}` };
  }

  // softmax + cross-entropy: (y − t) / batch_size.
  if (x.kind === 'softmax-with-loss') {
    const n = fx.ndim >= 2 ? fx.shape[0] : 1;
    const timesN = ew(shape, (e) => e * n, expected);
    if (n > 1 && timesN && close(learner, timesN)) {
      return {
        code: 'batch-size',
        text: `${at}the loss is the mean over the batch, so dx = (y − t) / batch_size; your gradient is batch_size (${n}) times too large.`,
      };
    }
    const generic = hypotheses(x, shape);
    if (generic) return generic;
    return {
      code: 'softmax-with-loss',
      text: `${at}for softmax followed by the cross-entropy error, dx = (y − t) / batch_size, with y the softmax output and t the one-hot labels.${worstText(x)}`,
    };
  }

  const add = consumer(forward, x.targetIds, ['add']);
  if (add && x.target.kind === 'param' && forward.tape.values[add.op.output] && x.targetValue.size < (toFloat(forward.tape.values[add.op.output].value)?.size ?? 0)) {
    const generic = hypotheses(x, shape);
    if (generic) return generic;
    return { code: 'sum-axis', text: `${at}the gradient of \`+ ${target.name}\` is dout summed over the batch axis: \`np.sum(${doutName}, axis=0)\`.${worstText(x)}` };
  }

  const generic = hypotheses(x, shape);
  if (generic) return generic;
  const first = consumer(forward, x.targetIds);
  const local = first ? localDerivative(first.op.op) : undefined;
  const fwdText = first ? lens.tracer.textOf(first.op.span).trim() : '';
  return {
    code: 'mismatch',
    text: `${at}your gradient for ${target.name} differs from the chain rule's.${worstText(x)}` +
      (first ? ` ${target.name} enters forward at line ${first.op.span.line} in \`${fwdText}\`${local ? `; the local derivative there: ${local}` : ''}.` : ''),
  };
}

/** Does forward compute σ(x) of this input (whatever the code looks like)? */
function sigmoidLike(x: ExplainInput): boolean {
  const out = toFloat(x.forward.outputs[x.outputIndex] ?? null);
  if (!out || !sameShape(out.shape, x.targetValue.shape) || x.target.kind !== 'input') return false;
  const o = out.toFlat();
  const v = x.targetValue.toFlat();
  for (let i = 0; i < o.length; i++) if (!(Math.abs(o[i] - 1 / (1 + Math.exp(-v[i]))) <= 1e-12)) return false;
  return o.length > 0;
}

/** Is the expected gradient dout where the input is positive and 0 where it is negative (a ReLU)? */
function reluLike(x: ExplainInput, shape: number[]): boolean {
  if (!x.expected || x.target.kind !== 'input' || !sameShape(x.targetValue.shape, shape)) return false;
  const e = x.expected.toFlat();
  const d = broadcastLike(x.dout, shape).toFlat();
  const v = x.targetValue.toFlat();
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < e.length; i++) {
    const di = d.length === 1 ? d[0] : d[i];
    if (v[i] > 0) { if (e[i] !== di) return false; pos++; } else if (v[i] < 0) { if (e[i] !== 0) return false; neg++; }
  }
  return pos > 0 && neg > 0;
}

function broadcastLike(a: NDArray, shape: readonly number[]): NDArray {
  try {
    return a.size === 1 ? a : NDArray.fromFlat(a.broadcastTo(shape).toFlat(), shape.slice(), 'float64');
  } catch {
    return a;
  }
}

function worstText(x: ExplainInput): string {
  const w = x.worst;
  if (!w) return '';
  const idx = unravel(w.index, x.targetValue.shape);
  return ` At index ${idx} you gave ${fmtNum(w.learner)}, the chain rule gives ${fmtNum(w.expected)}.`;
}

function unravel(i: number, shape: readonly number[]): string {
  if (!shape.length) return '()';
  const out: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { out.unshift(i % shape[d]); i = Math.floor(i / shape[d]); }
  return `[${out.join(', ')}]`;
}

/** The usual slips that apply to any layer. */
function hypotheses(x: ExplainInput, shape: number[]): Explanation | undefined {
  const { learner, expected, dout } = x;
  if (!learner || !expected) return undefined;
  const at = x.line ? `Line ${x.line} (\`${source(x.lens, (x.backward.fn.file ?? x.backward.fn.module.file) ?? '', x.line)}\`): ` : '';
  const negated = ew(shape, (e) => -e, expected);
  if (negated && close(learner, negated)) return { code: 'sign', text: `${at}your gradient for ${x.target.name} has the opposite sign of the chain rule's.` };
  const d = broadcastLike(dout, shape);
  const dflat = d.toFlat();
  const trivial = dflat.every((v) => v === 1);
  if (!trivial && dflat.every((v) => v !== 0)) {
    const local = ew(shape, (e, g) => e / g, expected, d);
    if (local && close(learner, local)) {
      return { code: 'missing-dout', text: `${at}your gradient is the local derivative alone: multiply it by the upstream gradient \`dout\` (the chain rule).` };
    }
  }
  // A constant factor.
  const l = learner.toFlat();
  const e = expected.toFlat();
  let k = NaN;
  for (let i = 0; i < e.length; i++) if (Math.abs(e[i]) > 0) { k = l[i] / e[i]; break; }
  if (Number.isFinite(k) && k !== 0 && Math.abs(k - 1) > 1e-6) {
    const scaled = ew(shape, (v) => v * k, expected);
    if (scaled && close(learner, scaled)) return { code: 'scale', text: `${at}your gradient for ${x.target.name} is ${fmtNum(k)} times the chain rule's.` };
  }
  return undefined;
}

/** The local derivative of x·W with respect to operand k, in the learner's names. */
function dotDerivative(x: ExplainInput, dot: RawOp, k: number): string {
  const doutName = x.backward.fn.info.params[1]?.name ?? 'dout';
  const a = refOf(x, dot.inputs[0]) ?? 'x';
  const b = refOf(x, dot.inputs[1]) ?? 'W';
  const sym = dot.op === 'matmul' ? '@' : '·';
  if (k === 0) return `the local derivative of \`x${sym}W\` with respect to x is \`dout${sym}Wᵀ\`: \`np.dot(${doutName}, ${b}.T)\`.`;
  return `the local derivative of \`x${sym}W\` with respect to W is \`xᵀ${sym}dout\`: \`np.dot(${a}.T, ${doutName})\`.`;
}

const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Sums `g` to `shape` when it broadcasts to it; used to compare a learner's gradient of another shape. */
export function trySumTo(g: NDArray, shape: readonly number[]): NDArray | null {
  try {
    return sumTo(g, shape);
  } catch {
    return null;
  }
}

/** Why backward raised, for a target whose gradient it never produced. */
export function explainRaised(x: {
  lens: LensSession;
  forward: TracedCall;
  backward: TracedCall;
  target: { kind: 'input' | 'param'; name: string };
  targetIds: number[];
  line?: number;
  /** The target the failing line was computing, by its name (`dx` → x, `self.dW` → W), if known. */
  lineTarget?: string;
}): Explanation {
  const { lens, backward } = x;
  const err = backward.error;
  const interp = lens.session.interp;
  const what = err ? interp.exceptionLine(err) : 'an exception';
  const file = (backward.fn.file ?? backward.fn.module.file) ?? '';
  const stmt = source(lens, file, x.line);
  let text = `backward raised ${what}${x.line ? ` at line ${x.line} (\`${stmt}\`)` : ''}`;
  const mine = x.lineTarget === undefined || x.lineTarget === x.target.name;
  if (mine) {
    const dot = consumer(x.forward, x.targetIds, ['dot', 'matmul']);
    if (dot && /dot|@|matmul/.test(stmt)) {
      const input = { ...x, kind: 'affine' as LayerKind, targetValue: NDArray.scalar(0, 'float64'), outputIndex: 0, dout: NDArray.scalar(1, 'float64'), learner: null, expected: null };
      text += `. ${capitalize(dotDerivative(input, dot.op, dot.k))}`;
    } else text += '.';
  } else {
    text += `, before it produced the gradient for ${x.target.name}.`;
  }
  return { code: 'backward-raised', text };
}
