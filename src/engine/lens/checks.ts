// Gradient checks and hazards. For every backward call the tracer kept, with the forward call it
// undoes: for each argument of forward that is a number or a float array, and each float array
// forward read from `self` (Affine's W and b), the learner's gradient is compared with the
// automatic one (autodiff.ts, over forward's tape) and the numerical one (numerical.ts, on
// replays of forward). Definitions and thresholds are documented on GradientCheck in report.ts.

import { NDArray } from '../numpy/ndarray';
import { NPScalar } from '../numpy/module';
import { PyTuple, type PyValue } from '../values';
import { backprop, producer, toFloat, type AutodiffTarget, type TargetGradient } from './autodiff';
import { classifyLayer } from './build';
import { explainMismatch, explainRaised, sameShape, type Explanation } from './explain';
import { analyzeHazards, attrAssignment, statements } from './hazards';
import type { LensSession } from './inspect';
import { numericalGradients, preserveProgramState, samplePositions, SAMPLE_LIMIT, type Objective } from './numerical';
import type { GradientCheck, LensReport, ValueSummary } from './report';
import type { RawOp, TracedCall } from './tracer';

/** Learner vs automatic: passes below this (elementwise relative error). */
export const TOL_AUTOMATIC = 1e-7;
/** Learner vs numerical, when the verdict rests on the numerical gradient (relative to the largest element). */
export const TOL_NUMERICAL = 1e-5;
/** Automatic vs numerical above this: the automatic gradient is not trusted (the tape missed something). */
export const TOL_TRUST = 1e-4;
/** Calls of forward the numerical gradients of one report may make, and the time they may take. */
export const REPLAY_LIMIT = 4000;
export const REPLAY_TIME_MS = 1500;

/**
 * Relative error of b against a. `floor` is a fraction of the largest element S: 1e-6 gives the
 * elementwise error max |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, 1e-6·S, 1e-12); 1 gives max |aᵢ − bᵢ| / max(S, 1e-12).
 * `only` restricts it to some positions (and gives the position of the largest).
 */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>, floor: number, only?: (i: number) => boolean): { value: number; at: number } {
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    if (only && !only(i)) continue;
    scale = Math.max(scale, Math.abs(a[i]), Math.abs(b[i]));
  }
  let worst = 0;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (only && !only(i)) continue;
    const d = Math.abs(a[i] - b[i]);
    const r = a[i] === b[i] ? 0 : Number.isNaN(d) ? Infinity : d / Math.max(Math.abs(a[i]), Math.abs(b[i]), floor * scale, 1e-12);
    if (r > worst || at < 0) {
      if (r > worst) worst = r;
      at = i;
    }
  }
  return { value: worst, at };
}

const SHAPE_ONLY = new Set(['reshape', 'copy', 'astype']);

/** Can a gradient be taken with respect to this argument value? Floats and Python ints (MulLayer's apple = 100). */
function differentiable(v: PyValue): boolean {
  if (v instanceof NDArray) return v.dtype === 'float64' || v.dtype === 'float32';
  if (v instanceof NPScalar) return v.dtype === 'float64' || v.dtype === 'float32';
  return typeof v === 'number' || typeof v === 'bigint';
}

interface Target {
  kind: 'input' | 'param';
  name: string;
  argIndex?: number;
  /** Paired outputs: which forward output this check goes through. */
  output?: number;
  objective: number;
  ids: number[];
  value: NDArray;
  /** The target as a Python number (for showing gradients of Python numbers as numbers). */
  scalar: boolean;
  learner?: PyValue;
  learnerFound: boolean;
  learnerId?: number;
  /** For params: the name of the attribute holding the learner's gradient. */
  learnerAttr?: string;
  auto?: TargetGradient;
  exact?: TargetGradient;
  positions?: number[];
  numerical?: { values: Float64Array; kinks: number[] } | { unavailable: string };
}

interface Pair {
  forward: TracedCall;
  backward: TracedCall;
  objectives: Objective[];
  /** One seed list per objective, as tape values of forward. */
  seeds: { id: number; grad: NDArray }[][];
  targets: Target[];
  autoUnavailable?: string;
  notes: string[];
  guardLines: number[];
}

/** Fills report.checks and report.hazards from the traced calls. */
export function analyzeChecks(lens: LensSession, report: LensReport): void {
  const pairs: Pair[] = [];
  for (const b of lens.calls) {
    if (b.method !== 'backward' || !b.forward || b.forward.error || b.forward.result === undefined) continue;
    const pair = planPair(lens, b.forward, b);
    if (pair && pair.targets.length) pairs.push(pair);
  }
  planNumerical(pairs);
  const deadline = Date.now() + REPLAY_TIME_MS;
  const restore = preserveProgramState(lens);
  try {
    pairs.forEach((p, done) => replayPair(lens, p, deadline, REPLAY_TIME_MS / pairs.length, (deadline - Date.now()) / (pairs.length - done)));
  } finally {
    restore();
  }
  for (const p of pairs) for (const t of p.targets) report.checks.push(verdict(lens, p, t));
  analyzeHazards(lens, report);
}

/** The numerical gradients of one pair's targets. */
function replayPair(lens: LensSession, p: Pair, deadline: number, fairShare: number, share: number): void {
  // One replay serves every objective, so a target checked through several outputs is nudged once.
  const unique = new Map<string, Target[]>();
  for (const t of p.targets) {
    if (!t.positions?.length) continue;
    const key = `${t.kind}:${t.name}`;
    unique.set(key, [...(unique.get(key) ?? []), t]);
  }
  if (!unique.size) return;
  const groups = [...unique.values()];
  // Each pair may use its share of the time left, but at least a fair share of the whole budget.
  const allowanceMs = Math.max(share, fairShare);
  const r = numericalGradients(lens, p.forward, p.objectives, groups.map((g) => ({ kind: g[0].kind === 'input' ? 'arg' : 'attr', name: g[0].name, positions: g[0].positions as number[] })), { deadline, allowanceMs });
  groups.forEach((g, i) => {
    const n = r.targets[i];
    for (const t of g) {
      if ('unavailable' in n) t.numerical = n;
      else {
        t.numerical = { values: n.values[t.objective], kinks: n.kinks[t.objective] };
        t.positions = n.positions;
      }
    }
  });
}

// ------------------------------------------------------------------ planning

function planPair(lens: LensSession, f: TracedCall, b: TracedCall): Pair | null {
  const outputs = f.outputs;
  const outIds = f.tape.outputs ?? [];
  const douts = b.args.map((a) => a.value);
  if (!douts.length) douts.push(1n);
  const diffArgs = f.args.map((a, i) => ({ a, i })).filter(({ a }) => differentiable(a.value));
  const learnerItems = b.error || b.result === undefined ? [] : b.result instanceof PyTuple ? b.result.items : [b.result];
  const learnerIds = b.tape.outputs ?? [];
  const notes: string[] = [];

  // Which outputs get which dout.
  let objectives: { output: number; dout: PyValue }[][];
  let paired = false;
  if (outputs.length <= 1) objectives = [[{ output: 0, dout: douts[0] }]];
  else if (douts.length === outputs.length) objectives = [outputs.map((_, i) => ({ output: i, dout: douts[i] }))];
  else if (diffArgs.length === 1 && b.result instanceof PyTuple && b.result.items.length === outputs.length) {
    // The seed's Sigmoid: forward returns (out1, out2), backward (dx1, dx2), one per output.
    paired = true;
    objectives = outputs.map((_, i) => [{ output: i, dout: douts[0] }]);
  } else {
    objectives = [[{ output: 0, dout: douts[0] }]];
    notes.push(`forward returns ${outputs.length} values and backward takes one gradient: checked through the first output only`);
  }

  const pairObjectives: Objective[] = [];
  const seeds: { id: number; grad: NDArray }[][] = [];
  let autoUnavailable: string | undefined;
  for (const obj of objectives) {
    const o: Objective = { seeds: [] };
    const s: { id: number; grad: NDArray }[] = [];
    for (const { output, dout } of obj) {
      const d = toFloat(dout === null ? 1n : dout);
      const out = toFloat(outputs[output] ?? null);
      if (!d || !out) return null;
      let g: NDArray;
      try {
        g = NDArray.fromFlat(d.broadcastTo(out.shape).toFlat(), out.shape.slice(), 'float64');
      } catch {
        autoUnavailable = `dout has shape (${d.shape}) but forward's output has shape (${out.shape})`;
        g = d;
      }
      o.seeds.push({ output, dout: d });
      if (outIds[output] !== undefined) s.push({ id: outIds[output], grad: g });
    }
    pairObjectives.push(o);
    seeds.push(s);
  }
  if (f.nested > 0) autoUnavailable = `forward calls other layers (${f.nested} call${f.nested > 1 ? 's' : ''}), whose operations are on their own tapes`;

  const targets: Target[] = [];
  const idsOf = (kind: 'arg' | 'attr', name: string) => f.tape.values.filter((v) => v.origin?.kind === kind && v.origin.name === name).map((v) => v.id);
  // Arguments.
  for (const { a, i } of diffArgs) {
    const value = toFloat(a.value) as NDArray;
    const scalar = !(a.value instanceof NDArray);
    if (paired) {
      outputs.forEach((_, k) => {
        const found = k < learnerItems.length;
        targets.push({ kind: 'input', name: a.name, argIndex: i, output: k, objective: k, ids: idsOf('arg', a.name), value, scalar, learner: learnerItems[k], learnerFound: found, learnerId: learnerIds[k] });
      });
    } else {
      const found = i < learnerItems.length;
      targets.push({ kind: 'input', name: a.name, argIndex: i, objective: 0, ids: idsOf('arg', a.name), value, scalar, learner: learnerItems[i], learnerFound: found, learnerId: learnerIds[i] });
    }
  }
  // Arrays forward read from self.
  const seen = new Set<string>();
  for (const v of f.tape.values) {
    if (v.origin?.kind !== 'attr' || seen.has(v.origin.name)) continue;
    const name = v.origin.name;
    if (!(v.value instanceof NDArray) || !differentiable(v.value)) continue;
    seen.add(name);
    const value = toFloat(v.value) as NDArray;
    const match = learnerParam(b, name, value.shape, targets);
    targets.push({ kind: 'param', name, objective: 0, ids: idsOf('attr', name), value, scalar: false, learner: match?.value, learnerFound: !!match, learnerId: match?.valueId, learnerAttr: match?.name });
  }

  // The automatic gradient, with and without the log guard.
  const guardLines: number[] = [];
  if (!autoUnavailable) {
    objectives.forEach((_, j) => {
      const mine = targets.filter((t) => t.objective === j);
      const at: AutodiffTarget[] = mine.map((t) => ({ ids: t.ids, shape: t.value.shape }));
      const r = backprop(f.tape, seeds[j], at, { guards: true });
      mine.forEach((t, k) => { t.auto = r.grads[k]; t.exact = r.grads[k]; });
      if (r.guards.length) {
        for (const g of r.guards) if (!guardLines.includes(g.span.line)) guardLines.push(g.span.line);
        const exact = backprop(f.tape, seeds[j], at, { guards: false });
        mine.forEach((t, k) => { t.exact = exact.grads[k]; });
      }
    });
  }

  // Which targets to report: those the learner gave a gradient for; those it should have.
  const kept = targets.filter((t) => {
    const connected = !t.auto || 'unavailable' in t.auto || t.auto.connected;
    if (t.kind === 'input') {
      if (b.error) return connected;
      return t.learnerFound && (t.learner !== null || connected);
    }
    if (t.learnerFound) return true;
    if (!connected) return false;
    // A parameter without a gradient: report it when backward stores parameter gradients at all.
    return !!b.error || b.cache.some((c) => /^d|grad/i.test(c.name));
  });
  return { forward: f, backward: b, objectives: pairObjectives, seeds, targets: kept, autoUnavailable, notes, guardLines };
}

/** The attribute backward set that holds the gradient of parameter `name`: `d<name>`, else the one new array of its shape. */
function learnerParam(b: TracedCall, name: string, shape: number[], taken: Target[]): { name: string; value: PyValue; valueId?: number } | undefined {
  const names = [`d${name}`, `d_${name}`, `grad_${name}`, `${name}_grad`, `d${name}`.toLowerCase()];
  const byName = b.cache.find((c) => names.includes(c.name));
  if (byName) return { name: byName.name, value: byName.value, valueId: byName.valueId };
  const candidates = b.cache.filter((c) => {
    const v = c.value;
    return v instanceof NDArray && sameShape(v.shape, shape) && !taken.some((t) => t.learnerAttr === c.name);
  });
  if (candidates.length === 1) return { name: candidates[0].name, value: candidates[0].value, valueId: candidates[0].valueId };
  return undefined;
}

/** Spreads the replay budget over the targets: ≤ 100 positions each, ≤ REPLAY_LIMIT calls in all. */
function planNumerical(pairs: Pair[]): void {
  // Two replays per position (f(x+h), f(x−h)), two per pair (f(x), twice, to see that forward is deterministic).
  const keyOf = (p: Pair, t: Target) => `${p.backward.id}:${t.kind}:${t.name}`;
  const sizes = new Map<string, number>();
  for (const p of pairs) for (const t of p.targets) sizes.set(keyOf(p, t), Math.min(t.value.size, SAMPLE_LIMIT));
  let total = 0;
  for (const n of sizes.values()) total += 2 * n;
  const base = pairs.length * 2;
  const factor = total + base > REPLAY_LIMIT ? Math.max(0, (REPLAY_LIMIT - base) / total) : 1;
  const shared = new Map<string, number[]>();
  for (const p of pairs) {
    for (const t of p.targets) {
      const k = keyOf(p, t);
      let positions = shared.get(k);
      if (!positions) {
        const n = sizes.get(k) as number;
        const take = factor >= 1 ? n : Math.max(1, Math.floor(n * factor));
        positions = samplePositions(t.value.size, take, `${p.forward.layer.cls.name}.${t.name}`);
        shared.set(k, positions);
      }
      t.positions = positions;
    }
  }
}

// ------------------------------------------------------------------ verdicts

function lineOfLearner(b: TracedCall, t: Target): { line?: number; op?: RawOp } {
  if (t.learnerId !== undefined) {
    let o = producer(b.tape, t.learnerId);
    while (o && SHAPE_ONLY.has(o.op)) {
      const p = producer(b.tape, o.inputs[0]);
      if (!p) break;
      o = p;
    }
    if (o) return { line: o.span.line, op: o };
  }
  // No operation made it (`self.dW = dout` or `return dout`): the statement that stored or returned it.
  if (t.kind === 'param' && t.learnerAttr) {
    const s = attrAssignment(b.fn, t.learnerAttr);
    if (s) return { line: s.line };
  }
  let ret: number | undefined;
  for (const s of statements(b.fn.info.body)) if (s.kind === 'Return') ret = s.line;
  return { line: ret };
}

/** The line of backward where it raised, and what that line assigns (`dx` → x, `self.dW` → W). */
function raisedAt(b: TracedCall): { line?: number; target?: string } {
  const err = b.error;
  if (!err) return {};
  const file = (b.fn.file ?? b.fn.module.file);
  const info = b.fn.info;
  const last = info.body[info.body.length - 1];
  const inFn = err.traceback.filter((e) => e.filename === file && e.name === info.name && e.line >= info.line && e.line <= (last?.endLine ?? info.line));
  const line = inFn[inFn.length - 1]?.line;
  if (!line) return {};
  let target: string | undefined;
  for (const s of statements(info.body)) {
    if (s.line !== line || s.kind !== 'Assign') continue;
    const t = s.targets[0];
    const name = t.kind === 'Name' ? t.id : t.kind === 'Attribute' ? t.attr : undefined;
    if (name) target = name.replace(/^d_?/, '').replace(/^grad_/, '');
  }
  return { line, target };
}

function summarizeGrad(lens: LensSession, g: NDArray, scalar: boolean): ValueSummary {
  return lens.summarizer.summarize(scalar && g.size === 1 ? g.toFlat()[0] : g);
}

function verdict(lens: LensSession, p: Pair, t: Target): GradientCheck {
  const { forward: f, backward: b } = p;
  const check: GradientCheck = {
    layer: f.layer.id,
    forwardCall: f.id,
    backwardCall: b.id,
    target: { kind: t.kind, name: t.name },
    passed: false,
  };
  if (t.output !== undefined) check.output = t.output;
  const notes = [...p.notes];
  const unavailable: { automatic?: string; numerical?: string } = {};

  // The automatic gradient (idealized: log guards at 0) and the exact one (for the numerical witness).
  let auto: NDArray | null = null;
  let exact: NDArray | null = null;
  if (p.autoUnavailable) unavailable.automatic = p.autoUnavailable;
  else if (t.auto && 'unavailable' in t.auto) unavailable.automatic = t.auto.unavailable;
  else if (t.auto) {
    auto = t.auto.grad;
    exact = t.exact && 'grad' in t.exact ? t.exact.grad : auto;
    check.automatic = summarizeGrad(lens, auto, t.scalar);
    if (!t.auto.connected) notes.push(`forward's tape shows no path from ${t.name} to the output: its automatic gradient is 0`);
  }
  if (p.guardLines.length && auto) {
    notes.push(`the small constant added inside the log at line ${p.guardLines.join(', ')} is treated as a guard against log(0): the automatic gradient is that of log(y), as (y − t) / batch_size is`);
  }

  // The numerical gradient at the sampled positions.
  let num: { values: Float64Array; kinks: Set<number>; positions: number[] } | null = null;
  if (t.numerical && 'unavailable' in t.numerical) unavailable.numerical = t.numerical.unavailable;
  else if (t.numerical && t.positions) {
    num = { values: t.numerical.values, kinks: new Set(t.numerical.kinks), positions: t.positions };
    check.h = 1e-5;
    const full = t.positions.length === t.value.size;
    if (full) check.numerical = summarizeGrad(lens, NDArray.fromData(Float64Array.from(t.numerical.values), t.value.shape.slice(), 'float64'), t.scalar);
    else {
      check.numerical = lens.summarizer.summarize(NDArray.fromData(Float64Array.from(t.numerical.values), [t.positions.length], 'float64'));
      check.numericalPositions = t.positions.slice();
    }
    if (t.numerical.kinks.length) check.kinks = t.numerical.kinks.slice();
  }
  const numOk = (k: number) => !!num && !num.kinks.has(num.positions[k]);
  const atPositions = (g: NDArray) => {
    const flat = g.toFlat();
    return (num as { positions: number[] }).positions.map((i) => flat[i]);
  };
  if (num && exact) check.relErrorAutomaticNumerical = relError(atPositions(exact), num.values, 1, numOk).value;
  // The numerical gradient the learner's is compared with: with a log guard (`+ 1e-7`), shifted by
  // the guard's own effect on the derivative (automatic as log(y) minus automatic as log(y + 1e-7)),
  // which the tape gives exactly; the learner's formula has no guard.
  let numRef: Float64Array | null = num ? num.values : null;
  if (num && auto && exact && auto !== exact) {
    const a = atPositions(auto);
    const e = atPositions(exact);
    numRef = num.values.map((v, k) => v + (a[k] - e[k]));
    notes.push('against the numerical gradient, yours is compared after removing the log guard\'s effect (computed on the tape)');
  }
  // The automatic gradient is trusted unless the numerical one contradicts it; a gradient of 0 for
  // lack of any path on the tape only when the numerical one confirms it (math.exp, for one, is not
  // recorded: the tape would show no path).
  const connected = !!t.auto && 'grad' in t.auto && t.auto.connected;
  const autoTrusted = !!auto && (check.relErrorAutomaticNumerical === undefined ? connected : check.relErrorAutomaticNumerical < TOL_TRUST);
  if (auto && !autoTrusted) {
    notes.push(check.relErrorAutomaticNumerical === undefined
      ? `the tape shows no path from ${t.name} to the output, and without a numerical gradient the lens cannot tell whether ${t.name} is unused or used through an operation it does not record`
      : `the automatic gradient disagrees with the numerical one (relative error ${check.relErrorAutomaticNumerical.toExponential(1)}): forward may use an operation the lens does not record`);
  }

  // The learner's gradient.
  const { line, op } = b.error && !t.learnerFound ? { line: undefined, op: undefined } : lineOfLearner(b, t);
  const learnerRaw = t.learner;
  const learner = learnerRaw === undefined || learnerRaw === null ? null : toFloat(learnerRaw);
  if (learnerRaw !== undefined) check.learner = lens.summarizer.summarize(learnerRaw);

  const finish = (passed: boolean, by: GradientCheck['verdictBy'], explanation?: Explanation, at?: number) => {
    check.passed = passed;
    check.verdictBy = by;
    if (at !== undefined) check.line = at;
    if (!passed && explanation) check.explanation = explanation;
    if (unavailable.automatic || unavailable.numerical) check.unavailable = unavailable;
    if (notes.length) check.notes = notes;
    return check;
  };

  // backward raised before producing this gradient.
  if (b.error && (!t.learnerFound || learnerRaw === undefined)) {
    const r = raisedAt(b);
    return finish(false, 'none', explainRaised({ lens, forward: f, backward: b, target: check.target, targetIds: t.ids, line: r.line, lineTarget: r.target }), r.line);
  }
  if (!t.learnerFound || learner === null) {
    const what = t.kind === 'param'
      ? `backward does not set \`self.d${t.name}\`: the gradient of ${t.name} is missing (store it as \`self.d${t.name}\`).`
      : learnerRaw === null ? `backward returned None as the gradient of ${t.name}.` : `backward returned no gradient for ${t.name}.`;
    return finish(false, 'none', { code: learnerRaw === null || learnerRaw === undefined ? 'no-gradient' : 'not-numeric', text: learnerRaw === undefined || learnerRaw === null ? what : `the gradient backward gave for ${t.name} is not a number or an array.` }, line);
  }

  const dout = p.objectives[t.objective].seeds[0]?.dout ?? NDArray.scalar(1, 'float64');
  const baseInput = {
    lens, forward: f, backward: b, kind: classifyLayer(f.tape), target: check.target, targetIds: t.ids, targetValue: t.value,
    argIndex: t.argIndex, outputIndex: t.output ?? 0, dout, learner, learnerOp: op, line,
  };
  if (!sameShape(learner.shape, t.value.shape)) {
    return finish(false, auto ? 'automatic' : num ? 'numerical' : 'none', explainMismatch({ ...baseInput, expected: auto }), line);
  }

  const lflat = learner.toFlat();
  let worst: { index: number; learner: number; expected: number } | undefined;
  if (auto) {
    const r = relError(lflat, auto.toFlat(), 1e-6);
    check.relErrorAutomatic = r.value;
    if (r.value > 0 && r.at >= 0) worst = { index: r.at, learner: lflat[r.at], expected: auto.toFlat()[r.at] };
  }
  if (num) {
    const r = relError(atPositions(learner), numRef as Float64Array, 1, numOk);
    check.relErrorNumerical = r.value;
  }

  const passAuto = check.relErrorAutomatic !== undefined && check.relErrorAutomatic < TOL_AUTOMATIC;
  const passNum = check.relErrorNumerical !== undefined && check.relErrorNumerical < TOL_NUMERICAL;
  if (passAuto) {
    if (!autoTrusted) notes.push('your gradient agrees with the automatic one; both may miss what the numerical one sees');
    return finish(true, 'automatic', undefined, line);
  }
  if (auto && autoTrusted) {
    return finish(false, 'automatic', explainMismatch({ ...baseInput, expected: auto, worst }), line);
  }
  if (num) {
    if (passNum) return finish(true, 'numerical', undefined, line);
    // Judged by the numerical gradient: compare where it was computed.
    const ref = numRef as Float64Array;
    const r = relError(atPositions(learner), ref, 1, numOk);
    const k = r.at;
    const w = k >= 0 ? { index: num.positions[k], learner: atPositions(learner)[k], expected: ref[k] } : undefined;
    const full = num.positions.length === t.value.size ? NDArray.fromData(Float64Array.from(ref), t.value.shape.slice(), 'float64') : null;
    return finish(false, 'numerical', explainMismatch({ ...baseInput, expected: full, worst: w }), line);
  }
  const why = auto ? 'the automatic gradient could not be confirmed' : unavailable.automatic ?? 'no automatic gradient';
  return finish(false, 'none', {
    code: 'unchecked',
    text: `the lens has no reference gradient for ${t.name} to compare yours with (${why}; numerical: ${unavailable.numerical ?? 'not computed'}), so it is not checked.`,
  }, line);
}
