// The numerical gradient: central differences on a recorded forward call, replayed in isolation.
//
// Each replay calls the learner's `forward` on a clone of the layer as it was when the call began
// (`selfBefore`, arrays copied, nested objects cloned) with copies of the recorded arguments, one
// element nudged by ±h. The learner's objects are never touched; replays print nothing (the
// session's output is muted) and are not traced (the tracer is detached once the program ended).
// The scalar differentiated is f = Σ output·dout, whose gradient is what `backward` must return.

import { BudgetExceeded } from '../interpreter';
import { NDArray } from '../numpy/ndarray';
import { NPScalar } from '../numpy/module';
import { PyDict, PyInstance, PyList, PyModule, PyRaise, PyTuple, type PyValue } from '../values';
import { memoryRoots, toFloat } from './autodiff';
import type { LensSession } from './inspect';
import type { TracedCall } from './tracer';

export const NUMERICAL_H = 1e-5;
/** Elements checked per input or parameter at most; larger arrays are sampled. */
export const SAMPLE_LIMIT = 100;

export interface NumericalTarget {
  kind: 'arg' | 'attr';
  name: string;
  /** The flat (C-order) positions to nudge. */
  positions: number[];
}

/** One scalar to differentiate: f = Σ over seeds of sum(output[seed.output] * seed.dout). */
export interface Objective {
  seeds: { output: number; dout: NDArray }[];
}

export type NumericalTargetResult =
  | {
      /** Per objective: the central difference at each position, in `positions` order. */
      values: Float64Array[];
      /** Per objective: positions (flat) whose one-sided differences disagree: a kink within h (ReLU at 0). */
      kinks: number[][];
      /** The positions nudged: those asked for, or an evenly spread subset when replays are slow. */
      positions: number[];
    }
  | { unavailable: string };

export interface NumericalResult {
  h: number;
  targets: NumericalTargetResult[];
  replays: number;
}

/** A deterministic sample of `k` positions out of `n`, one per stratum of an even split, in increasing order. */
export function samplePositions(n: number, k: number, seed: string): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  let s = 2166136261;
  for (let i = 0; i < seed.length; i++) s = Math.imul(s ^ seed.charCodeAt(i), 16777619);
  const rand = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const lo = Math.floor((j * n) / k);
    const hi = Math.floor(((j + 1) * n) / k);
    out.push(lo + Math.floor(rand() * (hi - lo)));
  }
  return out;
}

/** A deep copy of a value as a replay may change it: arrays, lists, dicts and objects (to a depth), the rest shared. */
function cloneValue(v: PyValue, memo: Map<object, PyValue>, depth = 0): PyValue {
  if (v === null || typeof v !== 'object') return v;
  const known = memo.get(v);
  if (known !== undefined) return known;
  if (v instanceof NDArray) {
    const c = v.copy();
    memo.set(v, c);
    return c;
  }
  if (depth > 4) return v;
  if (v instanceof PyList) {
    const c = new PyList([]);
    memo.set(v, c);
    c.items = v.items.map((x) => cloneValue(x, memo, depth + 1));
    return c;
  }
  if (v instanceof PyTuple) {
    const c = new PyTuple(v.items.map((x) => cloneValue(x, memo, depth + 1)));
    memo.set(v, c);
    return c;
  }
  if (v instanceof PyDict) {
    const c = new PyDict();
    c.ordered = v.ordered;
    memo.set(v, c);
    for (const [k, e] of v.map) c.map.set(k, { key: e.key, value: cloneValue(e.value, memo, depth + 1) });
    return c;
  }
  if (v instanceof PyInstance && v.constructor === PyInstance) {
    const c = new PyInstance(v.cls);
    memo.set(v, c);
    for (const [k, x] of v.dict) c.dict.set(k, cloneValue(x, memo, depth + 1));
    return c;
  }
  return v;
}

/**
 * Saves what replays could change outside the cloned layer, and returns what puts it back: the
 * globals of the learner's modules and the lists, dicts and objects reachable from them (a few
 * levels deep; `log.append(...)` in a forward, a counter on a global object). Array contents are
 * not saved: a forward that writes into a global array in place would change it.
 */
export function preserveProgramState(lens: LensSession): () => void {
  const restore: (() => void)[] = [];
  const seen = new Set<object>();
  const visit = (v: PyValue, depth: number): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 5) return;
    seen.add(v);
    if (v instanceof PyList) {
      const items = v.items.slice();
      restore.push(() => { v.items = items; });
      for (const x of items) visit(x, depth + 1);
    } else if (v instanceof PyTuple) {
      for (const x of v.items) visit(x, depth + 1);
    } else if (v instanceof PyDict) {
      const entries = [...v.map].map(([k, e]) => [k, { key: e.key, value: e.value }] as const);
      restore.push(() => { v.map.clear(); for (const [k, e] of entries) v.map.set(k, { key: e.key, value: e.value }); });
      for (const [, e] of entries) visit(e.value, depth + 1);
    } else if (v instanceof PyInstance || v instanceof PyModule) {
      const dict = v.dict;
      const entries = [...dict];
      restore.push(() => { dict.clear(); for (const [k, x] of entries) dict.set(k, x); });
      for (const [, x] of entries) visit(x, depth + 1);
    }
  };
  for (const m of lens.session.interp.modules.values()) {
    if (m.file && !m.file.startsWith('<backprop-lens>')) visit(m, 0);
  }
  return () => { for (let i = restore.length - 1; i >= 0; i--) restore[i](); };
}

/** f = Σ sum(out * dout) and Σ |out * dout| (the scale of its rounding noise). */
function objectiveValue(outputs: PyValue[], obj: Objective): { f: number; abs: number } | null {
  let f = 0;
  let abs = 0;
  for (const s of obj.seeds) {
    const o = outputs[s.output];
    const a = o === undefined ? null : toFloat(o);
    if (!a) return null;
    const x = a.toFlat();
    let d: ArrayLike<number> | null;
    try {
      d = s.dout.size === a.size ? s.dout.toFlat() : s.dout.size === 1 ? null : s.dout.broadcastTo(a.shape).toFlat();
    } catch {
      // backward received a dout of another shape than forward's output (the layers were walked in the wrong order).
      throw new ReplayFailed(`dout has shape (${s.dout.shape.join(', ')}) but forward's output has shape (${a.shape.join(', ')})`);
    }
    const d0 = s.dout.size === 1 ? s.dout.toFlat()[0] : 0;
    for (let i = 0; i < x.length; i++) {
      const p = x[i] * (d ? d[i] : d0);
      f += p;
      abs += Math.abs(p);
    }
  }
  return { f, abs };
}

class ReplayFailed {
  constructor(readonly message: string) {}
}

/**
 * Central differences of each objective with respect to each target, on replays of `forward`.
 * `budget.replays` caps the calls of forward; `budget.deadline` (Date.now() scale) the time.
 */
export function numericalGradients(
  lens: LensSession,
  forward: TracedCall,
  objectives: Objective[],
  targets: NumericalTarget[],
  budget: { deadline: number; /** Time this call may take at most, in ms. */ allowanceMs: number },
): NumericalResult {
  const h = NUMERICAL_H;
  const interp = lens.session.interp;
  const params = forward.fn.info.params.slice(1);
  let replays = 0;
  /** The largest Σ|out·dout| seen: the scale of f's rounding noise. */
  let noise = 0;
  const unavailableAll = (why: string): NumericalResult => ({ h, replays, targets: targets.map(() => ({ unavailable: why })) });
  if (params.some((p) => p.kind === 'vararg' || p.kind === 'kwarg')) return unavailableAll('forward takes *args or **kwargs, which the lens does not replay');
  if (forward.error) return unavailableAll('forward raised');

  // Forward gets a clone of the layer and copies of its arguments. When its tape shows no write into
  // an argument or an attribute (and it calls no other layer), one clone serves every replay: each
  // replay gets a dict of its own (attribute assignments do not leak), the arrays are shared, and a
  // nudge is undone exactly after the call. Otherwise every replay clones afresh.
  const fresh = writesIntoInputs(forward) || forward.nested > 0;
  const cloneAll = () => {
    const memo = new Map<object, PyValue>();
    const dict = new Map<string, PyValue>();
    for (const [k, v] of forward.selfBefore) dict.set(k, cloneValue(v, memo));
    return { dict, args: forward.args.map((a) => cloneValue(a.value, memo)), memo };
  };
  const template = fresh ? null : cloneAll();
  /** After the replays: did forward change the shared clone after all (a write the tape does not show)? */
  const templateChanged = () => {
    if (!template) return false;
    for (const [src, c] of template.memo) {
      if (src instanceof NDArray && c instanceof NDArray && !sameData(src, c)) return true;
    }
    return false;
  };

  /** Calls forward on the clone; `nudge` changes one element of the clone's inputs first. */
  const replay = (nudge?: { target: NumericalTarget; position: number; delta: number }): number[] => {
    const state = template ? { dict: new Map(template.dict), args: template.args.slice() } : cloneAll();
    const self = new PyInstance(forward.layer.cls);
    for (const [k, v] of state.dict) self.dict.set(k, v);
    const args = state.args;
    let undo: (() => void) | null = null;
    if (nudge) {
      const { target, position, delta } = nudge;
      const apply = (v: PyValue): PyValue => {
        if (v instanceof NDArray) {
          const at = v.offset + position;
          const old = v.data[at];
          v.data[at] = old + delta;
          undo = () => { v.data[at] = old; };
          return v;
        }
        if (typeof v === 'number') return v + delta;
        if (typeof v === 'bigint') return Number(v) + delta;
        if (v instanceof NPScalar) return new NPScalar(v.dtype === 'float32' ? 'float32' : 'float64', v.value + delta);
        throw new ReplayFailed(`${target.name} is not a number or an array`);
      };
      if (target.kind === 'arg') {
        const i = forward.args.findIndex((a) => a.name === target.name);
        args[i] = apply(args[i]);
      } else {
        self.dict.set(target.name, apply(self.dict.get(target.name) ?? null));
      }
    }
    try {
      return call(self, args);
    } finally {
      if (undo) (undo as () => void)();
    }
  };

  const call = (self: PyInstance, args: PyValue[]): number[] => {
    const positional: PyValue[] = [self];
    let kwargs: Map<string, PyValue> | null = null;
    params.forEach((p, i) => {
      if (p.kind === 'keywordonly') (kwargs ??= new Map()).set(p.name, args[i]);
      else positional.push(args[i]);
    });
    const remaining = budget.deadline - Date.now();
    if (remaining <= 0) throw new ReplayFailed('the lens ran out of time for replays');
    replays++;
    let result: PyValue;
    const depth = interp.frames.length;
    try {
      result = lens.session.quietly(() => interp.call(forward.fn, positional, kwargs), remaining);
    } catch (e) {
      if (e instanceof PyRaise) throw new ReplayFailed(`replaying forward raised ${interp.exceptionLine(e.exc)}`);
      if (e instanceof BudgetExceeded) throw new ReplayFailed(e.reason === 'cancelled' ? 'cancelled' : 'the lens ran out of time for replays');
      if (e instanceof RangeError) throw new ReplayFailed('replaying forward overflowed the stack');
      throw e;
    } finally {
      interp.frames.length = depth;
    }
    const outputs = result instanceof PyTuple ? result.items : [result];
    return objectives.map((o) => {
      const v = objectiveValue(outputs, o);
      if (!v) throw new ReplayFailed('forward returned something other than numbers or arrays');
      noise = Math.max(noise, v.abs);
      return v.f;
    });
  };

  let base: number[];
  const started = Date.now();
  try {
    base = replay();
    const again = replay();
    if (again.some((f, i) => f !== base[i])) return unavailableAll('forward gives a different result each time it runs (it draws random numbers?), so it cannot be differentiated numerically');
    const shapeOk = objectives.every((o) => o.seeds.every((s) => s.output < (forward.outputs.length || 1)));
    if (!shapeOk) return unavailableAll('forward returned fewer outputs than backward expects');
  } catch (e) {
    if (e instanceof ReplayFailed) return unavailableAll(e.message);
    throw e;
  }

  // Slow forwards (Python loops over elements) get fewer positions, evenly spread over those asked for.
  const perReplay = Math.max(0.01, (Date.now() - started) / 2);
  const allowance = Math.max(0, Math.min(budget.allowanceMs, budget.deadline - Date.now()));
  const wanted = targets.reduce((n, t) => n + t.positions.length, 0);
  const affordable = Math.floor(allowance / (2 * perReplay));
  const keep = wanted > affordable ? Math.max(0, affordable / wanted) : 1;
  const chosen = targets.map((t) => (keep >= 1 ? t.positions : evenly(t.positions, Math.max(1, Math.floor(t.positions.length * keep)))));

  const results: NumericalTargetResult[] = targets.map((target0, ti) => {
    const target = { ...target0, positions: chosen[ti] };
    const sample = target.kind === 'arg' ? forward.args.find((a) => a.name === target.name)?.value : forward.selfBefore.get(target.name);
    if (sample instanceof NDArray && sample.dtype !== 'float64') return { unavailable: `${target.name} is a ${sample.dtype} array: central differences with h = ${h} need float64` };
    const values = objectives.map(() => new Float64Array(target.positions.length));
    const right = objectives.map(() => new Float64Array(target.positions.length));
    const left = objectives.map(() => new Float64Array(target.positions.length));
    try {
      target.positions.forEach((p, k) => {
        const fp = replay({ target, position: p, delta: h });
        const fm = replay({ target, position: p, delta: -h });
        objectives.forEach((_, j) => {
          values[j][k] = (fp[j] - fm[j]) / (2 * h);
          right[j][k] = (fp[j] - base[j]) / h;
          left[j][k] = (base[j] - fm[j]) / h;
        });
      });
    } catch (e) {
      if (e instanceof ReplayFailed) return { unavailable: e.message };
      throw e;
    }
    // A kink within h (ReLU at 0, a max with a tie): the one-sided slopes disagree by much more than
    // smooth curvature (≈ h·f'') or rounding (≈ ε·Σ|out·dout|/h) can explain.
    const kinks = objectives.map((_, j) => {
      let scale = 0;
      for (const v of values[j]) scale = Math.max(scale, Math.abs(v));
      const floor = Math.max(1e-3 * scale, (1e4 * 2.2e-16 * noise) / h);
      const out: number[] = [];
      target.positions.forEach((p, k) => { if (Math.abs(right[j][k] - left[j][k]) > floor) out.push(p); });
      return out;
    });
    return { values, kinks, positions: target.positions };
  });
  if (templateChanged()) return unavailableAll('forward changed its inputs in place, so its replays are not independent');
  return { h, targets: results, replays };
}

/** `k` of `items`, evenly spread. */
function evenly<T>(items: T[], k: number): T[] {
  if (k >= items.length) return items;
  const out: T[] = [];
  for (let j = 0; j < k; j++) out.push(items[Math.floor((j * items.length) / k)]);
  return out;
}

function sameData(a: NDArray, b: NDArray): boolean {
  if (a.size !== b.size) return false;
  const x = a.toFlat();
  const y = b.toFlat();
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  return true;
}

/**
 * Does forward write into an argument or an attribute, directly or through a view of one
 * (`x[x < 0] = 0`, `v = self.W[0]; v += 1`)?
 */
function writesIntoInputs(forward: TracedCall): boolean {
  const roots = memoryRoots(forward.tape);
  return forward.tape.ops.some((o) => (o.op === 'setitem' || o.params?.inPlace === true) && roots.has(o.inputs[0]));
}
