// Synthesized inputs: when the code only defines layer classes and calls none of them (a cell of
// layer classes, a selection of one class), the lens writes a small Python driver that builds each
// layer, runs forward on seeded random inputs and backward with `dout` = ones shaped like the output,
// and runs it through the engine like the learner's own code. The driver is part of the report, so
// what ran is visible and runs the same under CPython; report.synthesized says what was chosen and why.

import type { Param } from '../ast';
import type { Session } from '../run';
import { NDArray } from '../numpy/ndarray';
import { PyClass, PyFunction, PyModule, PyTuple, type PyValue } from '../values';
import type { CodeUnit, LensSession } from './inspect';
import type { LensReport, SynthesizedInput, ValueSummary } from './report';
import { snapshot, type Tracer } from './tracer';

/** Batch rows, input width and output width of the made-up data. */
export const SYNTH_N = 2;
export const SYNTH_D = 3;
export const SYNTH_M = 4;
export const SYNTH_SEED = 0;

const WEIGHT = /^(W\d*|w\d*|weights?|kernel)$/;
const BIAS = /^(b\d*|bias|biases)$/;
const LABELS = /^(t|T|labels?|targets?|y_true|t_true|answers?)$/;
const IN_SIZE = /^(input_size|input_dim|in_features|in_size|n_in|in_dim)$/;
const OUT_SIZE = /^(output_size|output_dim|hidden_size|hidden_dim|out_features|out_size|n_out|out_dim)$/;

type Made = 'weight' | 'bias' | 'gamma' | 'beta' | 'in-size' | 'out-size' | 'labels' | 'array';

interface PlannedValue {
  /** The parameter's name. */
  name: string;
  /** The driver variable holding it. */
  variable: string;
  made: Made;
  /** The driver expression. */
  code: string;
  why: string;
}

interface PlannedDefault {
  name: string;
  value: PyValue;
  why: string;
}

interface PlannedLayer {
  className: string;
  variable: string;
  /** Why it was not run, naming the parameter the lens could not make up. */
  skipped?: { name: string; why: string };
  ctor: PlannedValue[];
  inputs: PlannedValue[];
  defaults: PlannedDefault[];
  /** The driver's line ranges (1-based, inclusive) of its three steps. */
  steps?: { setup: [number, number]; forward: [number, number]; backward: [number, number] };
  outVar: string;
  doutVar: string;
  gradVar: string;
  passesDout: boolean;
  /** Filled as the driver runs: snapshots of the variables after each step. */
  values: Map<string, PyValue>;
  out?: PyValue;
  dout?: PyValue;
  failed?: boolean;
}

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();

function signature(fn: PyFunction, describe: (v: PyValue) => string): string {
  const positional = fn.info.params.filter((p) => p.kind === 'positional');
  const firstDefault = positional.length - fn.defaults.length;
  const parts = fn.info.params.map((p) => {
    if (p.kind === 'vararg') return `*${p.name}`;
    if (p.kind === 'kwarg') return `**${p.name}`;
    const d = defaultOf(fn, p, positional.indexOf(p), firstDefault);
    return d === undefined ? p.name : `${p.name}=${describe(d)}`;
  });
  return `${fn.info.name}(${parts.join(', ')})`;
}

function defaultOf(fn: PyFunction, p: Param, index: number, firstDefault: number): PyValue | undefined {
  if (p.kind === 'keywordonly') return fn.kwDefaults.get(p.name);
  if (p.kind === 'positional' && index >= firstDefault) return fn.defaults[index - firstDefault];
  return undefined;
}

/** The parameters after `self`, with their defaults. */
function paramsOf(fn: PyFunction): { p: Param; def: PyValue | undefined }[] {
  const positional = fn.info.params.filter((p) => p.kind === 'positional');
  const firstDefault = positional.length - fn.defaults.length;
  return fn.info.params.slice(1).map((p) => ({ p, def: defaultOf(fn, p, positional.indexOf(p), firstDefault) }));
}

const shapeText = (shape: number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

/**
 * Plans and then drives the synthesized run. `plan` is called once the program has run and called
 * no layer; `next` hands out the driver's pieces one by one (inspect's `next` hook), so the values
 * can be snapshotted between them; `finish` writes report.synthesized and report.driver.
 */
export class Synthesizer {
  private layers: PlannedLayer[] = [];
  private source = '';
  private units: { layer?: PlannedLayer; step: 'preamble' | 'setup' | 'forward' | 'backward'; range: [number, number] }[] = [];
  private cursor = -1;

  constructor(
    /** The file name the driver runs under (`lesson.py#synthesized`). */
    readonly driverFile: string,
    /** Top-level classes of the inspected code, in order: those that are layers get a driver. */
    private readonly candidates: string[],
    /** The file, for the driver's header comment. */
    private readonly shownFile: string,
  ) {}

  get planned(): boolean {
    return this.source !== '';
  }

  /** Writes the driver for the candidate classes that are layers; false when there is none. */
  plan(session: Session, tracer: Tracer): boolean {
    const main = session.main;
    const taken = new Set([...main.dict.keys()]);
    const describe = (v: PyValue) => {
      try {
        return session.interp.repr(v);
      } catch {
        return '...';
      }
    };
    const classes: PyClass[] = [];
    for (const name of this.candidates) {
      const cls = main.dict.get(name);
      if (cls instanceof PyClass && tracer.layerMethods(cls) && !classes.includes(cls)) classes.push(cls);
    }
    // A base class that other layers extend is not a layer of its own (its forward is often abstract).
    const concrete = classes.filter((c) => !classes.some((o) => o !== c && o.mro.includes(c)));
    if (!concrete.length) return false;

    const npModule = main.dict.get('np');
    const np = npModule === undefined || (npModule instanceof PyModule && npModule.name === 'numpy') ? 'np' : fresh('np', taken);
    const helper = fresh('ones_like_output', taken);
    const lines: string[] = [
      `# Inputs made up by Backprop Lens for the layer classes of ${this.shownFile}, which it defines but does not call.`,
      `# Each layer runs forward on seeded random inputs (batch N=${SYNTH_N}, D=${SYNTH_D} inputs, M=${SYNTH_M} outputs),`,
      '# then backward with dout = ones shaped like its output. Run after the file, it gives the same under python3.',
      `import numpy as ${np}`,
      '',
      '',
      `def ${helper}(out):`,
      '    """dout for backward: ones shaped like forward\'s output (its first, for a tuple); 1 for a scalar loss."""',
      '    if isinstance(out, tuple):',
      '        out = out[0]',
      `    if isinstance(out, ${np}.ndarray) and out.ndim > 0:`,
      `        return ${np}.ones(out.shape)`,
      '    return 1',
    ];
    this.units.push({ step: 'preamble', range: [1, lines.length] });

    for (const cls of concrete) {
      const layer = this.planLayer(cls, tracer, taken, describe, np);
      this.layers.push(layer);
      lines.push('', '');
      if (layer.skipped) {
        lines.push(`# ${cls.name}: not run, ${layer.skipped.why}`);
        continue;
      }
      const m = tracer.layerMethods(cls) as { forward: PyFunction; backward: PyFunction };
      const init = cls.lookup('__init__');
      const ctorSig = init instanceof PyFunction ? signature(init, describe).replace(/^__init__\(self(, )?/, `${cls.name}(`) : `${cls.name}()`;
      lines.push(`# ${ctorSig}: ${signature(m.forward, describe)}, then ${signature(m.backward, describe)}`);
      const setupStart = lines.length + 1;
      lines.push(`${np}.random.seed(${SYNTH_SEED})`);
      for (const v of layer.ctor) lines.push(`${v.variable} = ${v.code}`);
      const ctorArgs = layer.ctor.map((v) => (v.variable === v.name ? v.variable : `${v.name}=${v.variable}`));
      lines.push(`${layer.variable} = ${cls.name}(${ctorArgs.join(', ')})`);
      for (const v of layer.inputs) lines.push(`${v.variable} = ${v.code}${v.made === 'labels' ? '  # one-hot labels' : ''}`);
      const setupEnd = lines.length;
      lines.push(`${layer.outVar} = ${layer.variable}.forward(${layer.inputs.map((v) => v.variable).join(', ')})`);
      lines.push(`${layer.doutVar} = ${helper}(${layer.outVar})`);
      const forwardEnd = lines.length;
      lines.push(`${layer.gradVar} = ${layer.variable}.backward(${layer.passesDout ? layer.doutVar : ''})`);
      layer.steps = { setup: [setupStart, setupEnd], forward: [setupEnd + 1, forwardEnd], backward: [forwardEnd + 1, lines.length] };
      this.units.push({ layer, step: 'setup', range: layer.steps.setup });
      this.units.push({ layer, step: 'forward', range: layer.steps.forward });
      this.units.push({ layer, step: 'backward', range: layer.steps.backward });
    }
    this.source = `${lines.join('\n')}\n`;
    return true;
  }

  private planLayer(cls: PyClass, tracer: Tracer, taken: Set<string>, describe: (v: PyValue) => string, np: string): PlannedLayer {
    const m = tracer.layerMethods(cls) as { forward: PyFunction; backward: PyFunction };
    const local = new Set<string>();
    const variable = (name: string) => {
      const v = fresh(name, new Set([...taken, ...local]), true);
      local.add(v);
      return v;
    };
    const layer: PlannedLayer = {
      className: cls.name, variable: '', ctor: [], inputs: [], defaults: [], outVar: '', doutVar: '', gradVar: '', passesDout: false, values: new Map(),
    };
    const skip = (name: string, why: string): PlannedLayer => ({ ...layer, skipped: { name, why } });
    const init = cls.lookup('__init__');
    const initSig = init instanceof PyFunction ? signature(init, describe) : '';
    let hasWeight = false;
    const d = SYNTH_D;

    if (init instanceof PyFunction) {
      for (const { p, def } of paramsOf(init)) {
        if (p.kind === 'vararg' || p.kind === 'kwarg') continue;
        if (def !== undefined) {
          layer.defaults.push({ name: p.name, value: def, why: `not passed: the default of ${cls.name}.${initSig}` });
          continue;
        }
        const because = `because ${cls.name}.${initSig}`;
        if (WEIGHT.test(p.name)) {
          hasWeight = true;
          layer.ctor.push({ name: p.name, variable: variable(p.name), made: 'weight', code: `${np}.random.randn(${SYNTH_D}, ${SYNTH_M})`,
            why: `(${SYNTH_D}, ${SYNTH_M}) float64 from np.random.randn, ${because} takes a weight matrix ${p.name}: D=${SYNTH_D} inputs by M=${SYNTH_M} outputs` });
        } else if (BIAS.test(p.name)) {
          layer.ctor.push({ name: p.name, variable: variable(p.name), made: 'bias', code: `${np}.random.randn(${SYNTH_M}) * 0.1`,
            why: `(${SYNTH_M},) float64 from np.random.randn × 0.1, ${because} takes a bias ${p.name}, one per output (M=${SYNTH_M})` });
        } else if (p.name === 'gamma') {
          layer.ctor.push({ name: p.name, variable: variable(p.name), made: 'gamma', code: `${np}.ones(${SYNTH_D})`, why: `ones (${SYNTH_D},), ${because} takes a scale gamma, one per input feature` });
        } else if (p.name === 'beta') {
          layer.ctor.push({ name: p.name, variable: variable(p.name), made: 'beta', code: `${np}.zeros(${SYNTH_D})`, why: `zeros (${SYNTH_D},), ${because} takes a shift beta, one per input feature` });
        } else if (IN_SIZE.test(p.name)) {
          layer.ctor.push({ name: p.name, variable: variable(p.name), made: 'in-size', code: String(SYNTH_D), why: `${SYNTH_D}, ${because} takes an input size` });
        } else if (OUT_SIZE.test(p.name)) {
          layer.ctor.push({ name: p.name, variable: variable(p.name), made: 'out-size', code: String(SYNTH_M), why: `${SYNTH_M}, ${because} takes an output size` });
        } else {
          return skip(p.name, `${cls.name}.${initSig} needs ${p.name}, which the lens cannot make up (it knows W, b, gamma, beta and sizes)`);
        }
      }
    }

    const fwdSig = signature(m.forward, describe);
    const xShape = [SYNTH_N, d];
    let first: string | undefined;
    const classes = hasWeight ? SYNTH_M : d;
    for (const { p, def } of paramsOf(m.forward)) {
      if (p.kind === 'vararg' || p.kind === 'kwarg') continue;
      if (def !== undefined) {
        layer.defaults.push({ name: p.name, value: def, why: `not passed: the default of ${cls.name}.${fwdSig}` });
        continue;
      }
      if (LABELS.test(p.name) && first !== undefined) {
        const labels = Array.from({ length: SYNTH_N }, (_, i) => (i % 2 === 0 ? classes - 1 : (i - 1) % classes));
        const rows = labels.map((c) => `[${Array.from({ length: classes }, (_, k) => (k === c ? '1.' : '0.')).join(', ')}]`);
        layer.inputs.push({ name: p.name, variable: variable(p.name), made: 'labels', code: `${np}.array([${rows.join(', ')}])`,
          why: `one-hot labels (${SYNTH_N}, ${classes}) for classes ${labels.join(', ')}, because ${fwdSig} names ${p.name} the correct labels, as a loss layer does` });
        continue;
      }
      const because = first === undefined
        ? (hasWeight ? `because ${fwdSig} and ${layer.ctor.find((c) => c.made === 'weight')?.name} is (${SYNTH_D}, ${SYNTH_M})` : `because ${fwdSig}: a batch of N=${SYNTH_N} rows of D=${d} values`)
        : `the same shape as ${first}, because ${fwdSig} takes ${paramsOf(m.forward).filter((x) => x.def === undefined).length} inputs`;
      layer.inputs.push({ name: p.name, variable: variable(p.name), made: 'array', code: `${np}.random.randn(${xShape.join(', ')})`, why: `${shapeText(xShape)} float64 from np.random.randn, ${because}` });
      first ??= p.name;
    }

    const backParams = paramsOf(m.backward).filter(({ p }) => p.kind === 'positional' || p.kind === 'keywordonly');
    const required = backParams.filter(({ def }) => def === undefined);
    if (required.length > 1) return skip(required[1].p.name, `${cls.name}.${signature(m.backward, describe)} needs more than the upstream gradient dout`);
    layer.passesDout = backParams.length > 0 && backParams[0].p.kind === 'positional';
    layer.variable = fresh(snake(cls.name), taken);
    taken.add(layer.variable);
    layer.outVar = variable('out');
    layer.doutVar = variable(backParams[0]?.p.name ?? 'dout');
    const differentiable = layer.inputs.filter((v) => v.made !== 'labels');
    layer.gradVar = variable(differentiable.length === 1 ? `d${differentiable[0].name}` : 'grads');
    return layer;
  }

  /** The next piece of the driver to run, after the previous one ran (`ok`: without raising). */
  next(session: Session, ok: boolean): CodeUnit | undefined {
    const previous = this.units[this.cursor];
    if (previous?.layer) this.record(previous.layer, previous.step, session, ok);
    for (this.cursor++; this.cursor < this.units.length; this.cursor++) {
      const unit = this.units[this.cursor];
      if (unit.layer?.failed) continue;
      return { source: this.slice(unit.range), filename: this.driverFile };
    }
    return undefined;
  }

  private record(layer: PlannedLayer, step: string, session: Session, ok: boolean): void {
    if (!ok) {
      layer.failed = true;
      return;
    }
    const get = (v: string) => snapshot(session.main.dict.get(v) ?? null);
    if (step === 'setup') for (const v of [...layer.ctor, ...layer.inputs]) layer.values.set(v.name, get(v.variable));
    if (step === 'forward') {
      layer.out = get(layer.outVar);
      layer.dout = get(layer.doutVar);
    }
  }

  /** The driver with every line outside `range` blank, so each piece keeps the driver's line numbers. */
  private slice([from, to]: [number, number]): string {
    return this.source.split('\n').map((line, i) => (i + 1 >= from && i + 1 <= to ? line : '')).join('\n');
  }

  /** Writes what was made up, and the driver, into the report. */
  finish(report: LensReport, lens: LensSession): void {
    if (!this.planned) return;
    const entries: SynthesizedInput[] = [];
    const summarize = (v: PyValue): ValueSummary => lens.summarizer.summarize(v);
    for (const layer of this.layers) {
      const info = report.layers.find((l) => l.label === layer.variable) ?? report.layers.find((l) => l.className === layer.className);
      const id = info?.id ?? layer.className;
      if (layer.skipped) {
        entries.push({ layer: id, name: layer.skipped.name, value: { kind: 'none', text: 'None' }, why: `not run: ${layer.skipped.why}` });
        continue;
      }
      for (const v of [...layer.ctor, ...layer.inputs]) {
        const value = layer.values.get(v.name);
        entries.push({ layer: id, name: v.name, value: value === undefined ? { kind: 'none', text: 'None' } : summarize(value), why: v.why });
      }
      for (const d of layer.defaults) entries.push({ layer: id, name: d.name, value: summarize(d.value), why: d.why });
      if (layer.passesDout && layer.dout !== undefined) entries.push({ layer: id, name: layer.doutVar, value: summarize(layer.dout), why: doutWhy(layer.out, layer.dout) });
    }
    report.synthesized = entries;
    report.driver = { file: this.driverFile, source: this.source };
  }
}

function doutWhy(out: PyValue | undefined, dout: PyValue): string {
  if (dout instanceof NDArray) {
    const like = out instanceof PyTuple ? `the first of forward's ${out.items.length} outputs` : "forward's output";
    return `ones ${shapeText(dout.shape)} ${dout.dtype}, shaped like ${like}, as if the loss were the sum of its elements`;
  }
  return '1, because forward returned a scalar (a loss): dL/dL = 1';
}

/** `name`, or `name_1`, `name_2` ... when the program already uses it. */
function fresh(name: string, taken: Set<string>, keep = false): string {
  let v = name;
  for (let i = 1; taken.has(v); i++) v = `${name}_${i}`;
  if (!keep) taken.add(v);
  return v;
}
