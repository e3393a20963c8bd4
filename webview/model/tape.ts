// A layer's forward tape as a graph of elementary operations, and the gradient flowing back
// through it: each operation's local derivative times the upstream gradient, as in the book's
// figures of Sigmoid opened into ×(−1) → exp → +1 → /.

import type { Tape, TapeOp, TapeValue } from '../../src/engine/lens/report';
import { fmtShort } from '../format';

export function valueMap(tape: Tape): Map<string, TapeValue> {
  return new Map(tape.values.map((v) => [v.id, v]));
}

function constOf(v: TapeValue | undefined): number | undefined {
  if (v?.origin?.kind !== 'const') return undefined;
  const d = v.value.data;
  return d && d.length === 1 ? d[0] : undefined;
}

function signed(c: number): string {
  return c < 0 ? `(${fmtShort(c).replace('-', '−')})` : fmtShort(c);
}

/** The indices of an op's inputs that are folded into its label (a constant beside a variable). */
export function foldedInputs(op: TapeOp, values: Map<string, TapeValue>): Set<number> {
  const consts = op.inputs.map((id) => constOf(values.get(id)));
  const folded = new Set<number>();
  if (op.inputs.length === 2 && (consts[0] === undefined) !== (consts[1] === undefined)) folded.add(consts[0] === undefined ? 1 : 0);
  return folded;
}

/** The node label of an op, in the book's notation: ×(−1), exp, +1, /, ×, +, **2. */
export function opLabel(op: TapeOp, values: Map<string, TapeValue>): string {
  const [a, b] = op.inputs.map((id) => constOf(values.get(id)));
  const both = op.inputs.length === 2 && (a === undefined) !== (b === undefined);
  const c = a ?? b;
  switch (op.op) {
    case 'negative': return '×(−1)';
    case 'add': return both && c !== undefined ? `+${signed(c)}` : '+';
    case 'subtract':
      if (both && b !== undefined) return `−${signed(b)}`;
      if (both && a !== undefined) return `${signed(a)}−`;
      return '−';
    case 'multiply': return both && c !== undefined ? `×${signed(c)}` : '×';
    case 'divide':
      if (both && a === 1) return '/';
      if (both && a !== undefined) return `${signed(a)}/`;
      if (both && b !== undefined) return `/${signed(b)}`;
      return '÷';
    case 'power': return both && b !== undefined ? `**${signed(b)}` : '**';
    case 'transpose': return 'T';
    case 'maximum': return both && c !== undefined ? `max(·, ${signed(c)})` : 'max';
    default: return op.op;
  }
}

/** Values the op chain ends in (produced and never consumed), in tape order. */
export function sinkValues(tape: Tape): string[] {
  const consumed = new Set(tape.ops.flatMap((o) => o.inputs));
  return tape.ops.map((o) => o.output).filter((id) => !consumed.has(id));
}

/**
 * Which tape value each output port of the call returns. The sinks in order, when there are as
 * many as outputs (the seed's Sigmoid returns out1 and out2); otherwise by equal data, else the last op.
 */
export function outputValues(tape: Tape, outputs: { data?: number[]; text: string }[]): (string | undefined)[] {
  const sinks = sinkValues(tape);
  if (sinks.length === outputs.length) return sinks;
  const values = valueMap(tape);
  const produced = tape.ops.map((o) => o.output).reverse();
  return outputs.map((out, i) => {
    const same = produced.find((id) => {
      const v = values.get(id)?.value;
      return v !== undefined && v.text === out.text;
    });
    return same ?? (i === 0 ? produced[0] : undefined);
  });
}

export interface OpGradient {
  /** The gradient arriving at the op's output. */
  upstream: number[];
  /** Per input: the local derivative (broadcast to the output's size) and the gradient passed down. */
  inputs: { value: string; local: number[]; downstream: number[] }[];
}

export interface TapeGradients {
  /** Gradient of the loss with respect to each tape value that the chain reached. */
  grad: Map<string, number[]>;
  /** Per op id, what went through it. */
  ops: Map<string, OpGradient>;
}

function at(xs: number[], i: number): number {
  return xs.length === 1 ? xs[0] : xs[i];
}

/** The local derivative of `op` with respect to input `k`, elementwise over the output, or undefined when not elementwise. */
function localDerivative(op: string, k: number, ins: number[][], out: number[], n: number): number[] | undefined {
  const x = ins[0];
  const y = ins[1];
  const each = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
  switch (op) {
    case 'negative': return each(() => -1);
    case 'positive':
    case 'copy': return each(() => 1);
    case 'exp': return each((i) => at(out, i));
    case 'log': return each((i) => 1 / at(x, i));
    case 'sqrt': return each((i) => 1 / (2 * at(out, i)));
    case 'square': return each((i) => 2 * at(x, i));
    case 'tanh': return each((i) => 1 - at(out, i) ** 2);
    case 'add': return each(() => 1);
    case 'subtract': return each(() => (k === 0 ? 1 : -1));
    case 'multiply': return each((i) => (k === 0 ? at(y, i) : at(x, i)));
    case 'divide': return each((i) => (k === 0 ? 1 / at(y, i) : -at(x, i) / at(y, i) ** 2));
    case 'power':
      if (k !== 0) return undefined;
      return each((i) => at(y, i) * at(x, i) ** (at(y, i) - 1));
    default: return undefined;
  }
}

/**
 * Reverse-mode through the elementwise part of a forward tape, from the gradients that arrived
 * at its outputs. Stops quietly at anything that is not elementwise (dot, sum, indexing).
 */
export function tapeGradients(tape: Tape, seeds: Map<string, number[]>): TapeGradients {
  const values = valueMap(tape);
  const grad = new Map<string, number[]>(seeds);
  const ops = new Map<string, OpGradient>();
  const data = (id: string) => values.get(id)?.value.data;
  for (let j = tape.ops.length - 1; j >= 0; j--) {
    const op = tape.ops[j];
    const upstream = grad.get(op.output);
    const out = data(op.output);
    const ins = op.inputs.map(data);
    if (!upstream || !out || ins.some((d) => d === undefined)) continue;
    const n = out.length;
    if (upstream.length !== n && upstream.length !== 1) continue;
    const inputs: OpGradient['inputs'] = [];
    op.inputs.forEach((id, k) => {
      const input = ins[k] as number[];
      if (values.get(id)?.origin?.kind === 'const') return;
      if (input.length !== n && input.length !== 1) return;
      const local = localDerivative(op.op, k, ins as number[][], out, n);
      if (!local) return;
      const full = local.map((l, i) => at(upstream, i) * l);
      // A broadcast scalar input collects the gradient of every element it was spread over.
      const downstream = input.length === n ? full : [full.reduce((a, b) => a + b, 0)];
      inputs.push({ value: id, local, downstream });
      const prev = grad.get(id);
      grad.set(id, prev ? prev.map((g, i) => g + downstream[i]) : downstream);
    });
    if (inputs.length) ops.set(op.id, { upstream: upstream.length === n ? upstream : Array.from({ length: n }, () => upstream[0]), inputs });
  }
  return { grad, ops };
}
