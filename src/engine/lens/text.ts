// The report as plain text, for `backprop-lens inspect` on a terminal: the layers, the layer graph
// in forward order with the values and gradients on its edges, the gradient checks, hazards,
// derivations, synthesized inputs, and the error. (The page, `inspect --html`, is the panel itself:
// webview/page.ts's standalonePanelHtml.)

import type { Derivation, GradientCheck, GraphEdge, GraphNode, LayerInfo, LensReport, ValueSummary } from './report';

export interface TextOptions {
  /** How to show a file name (the CLI shows paths relative to the working directory). */
  displayPath?: (file: string) => string;
  /** How the inspected code was chosen (from inspectProgram), shown under the title. */
  notes?: string[];
  /** Lines of the program's output shown (default 20). */
  maxOutputLines?: number;
}

export type Outcome = 'raised' | 'checks-failed' | 'passed' | 'nothing-checked';

/** What the run amounts to: it raised; it ran and a check failed; it ran and every check passed; or there was nothing to check. */
export function outcomeOf(report: LensReport): Outcome {
  if (report.error) return 'raised';
  if (report.checks.some((c) => !c.passed)) return 'checks-failed';
  return report.checks.length ? 'passed' : 'nothing-checked';
}

// ------------------------------------------------------------------ values

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').trim();

/** A number in few characters: 2.2, 110, 1.2e-16. */
export function shortNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return String(Number(x.toPrecision(4)));
  return x.toExponential(1).replace('e+', 'e');
}

export const shapeText = (shape: number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

/** A value in at most about `max` characters: scalars and small arrays as printed, larger ones as shape, dtype and range. */
export function briefValue(v: ValueSummary | undefined, max = 40, compactShape = false): string {
  if (!v) return '?';
  if (v.kind === 'array') {
    const printed = oneLine(v.text);
    if (v.data && printed.length <= max) return printed;
    const range = v.min !== undefined && v.max !== undefined ? ` in [${shortNumber(v.min)}, ${shortNumber(v.max)}]` : '';
    const shape = compactShape ? (v.shape ?? []).join('×') : shapeText(v.shape ?? []);
    return `${shape} ${v.dtype ?? ''}${range}`.replace('  ', ' ');
  }
  if (v.kind === 'tuple' && v.items) {
    const parts = `(${v.items.map((i) => briefValue(i, Math.max(12, Math.floor(max / v.items!.length)))).join(', ')}${v.items.length === 1 ? ',' : ''})`;
    return parts.length <= max * 2 ? parts : `tuple of ${v.items.length}`;
  }
  const text = oneLine(v.text);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The gradient's name for an edge label: `dx` for `x`, `d(self.W)` for an expression. */
export const gradName = (label: string) => (/^[A-Za-z_]\w*$/.test(label) ? `d${label}` : `d(${label})`);

export function layerById(report: LensReport, id: string): LayerInfo | undefined {
  return report.layers.find((l) => l.id === id);
}

/** `mul_apple_layer (MulLayer)`, or just the class when the program gave it no name. */
export function layerTitle(report: LensReport, id: string): string {
  const l = layerById(report, id);
  if (!l) return id;
  return l.label === l.className ? l.className : `${l.label} (${l.className})`;
}

export function checkTarget(c: GradientCheck): string {
  return c.target.kind === 'param' ? `${c.target.name} (parameter)` : c.target.name;
}

// ------------------------------------------------------------------ the graph in forward order

export interface GraphStep {
  node: GraphNode;
  layer?: LayerInfo;
  inputs: GraphEdge[];
  /** One edge per output port (the first, when an output feeds several layers). */
  outputs: GraphEdge[];
}

/** The graph's layer nodes in the order their forward calls ran, with their edges in and out. */
export function graphSteps(report: LensReport): GraphStep[] {
  const seq = new Map(report.calls.map((c) => [c.id, c.seq]));
  const layers = report.graph.nodes.filter((n) => n.kind === 'layer');
  layers.sort((a, b) => (seq.get(a.forwardCall ?? '') ?? 0) - (seq.get(b.forwardCall ?? '') ?? 0));
  return layers.map((node) => {
    const inputs = report.graph.edges.filter((e) => e.to === node.id).sort((a, b) => a.toPort - b.toPort);
    const byPort = new Map<number, GraphEdge>();
    for (const e of report.graph.edges) if (e.from === node.id && !byPort.has(e.fromPort)) byPort.set(e.fromPort, e);
    const outputs = [...byPort.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    return { node, layer: node.layer ? layerById(report, node.layer) : undefined, inputs, outputs };
  });
}

// ------------------------------------------------------------------ the text

const CHECK = '✓';
const CROSS = '✗';

export function renderReportText(report: LensReport, options: TextOptions = {}): string {
  const path = options.displayPath ?? ((f: string) => f);
  const out: string[] = [];
  const section = (title: string) => out.push('', title);

  const where = [path(report.source.file)];
  if (report.source.cell !== undefined) where.push(`cell ${report.source.cell}`);
  if (report.source.lines) where.push(`lines ${report.source.lines[0]}-${report.source.lines[1]}`);
  out.push(`Backprop Lens: ${where.join(', ')}`);
  for (const note of options.notes ?? []) out.push(`  note: ${note}`);
  const calls = report.calls.length;
  out.push(`  ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'}, ${calls} call${calls === 1 ? '' : 's'} traced; ran in ${report.timings.runMs} ms, analysed in ${report.timings.analysisMs} ms`);

  if (report.error) {
    section(`Error: ${report.error.type}: ${report.error.message}`);
    out.push(`  at ${path(report.error.file)}, line ${report.error.line}`);
    const tb = report.error.traceback.trimEnd();
    if (tb) for (const line of tb.split('\n')) out.push(`  | ${line}`);
  }

  section(`Layers (${report.layers.length})`);
  if (!report.layers.length) out.push('  none: no object with forward and backward methods was called');
  for (const l of report.layers) {
    const lines = [l.forwardSpan && `forward line ${l.forwardSpan.line}`, l.backwardSpan && `backward line ${l.backwardSpan.line}`].filter(Boolean).join(', ');
    out.push(`  ${l.id.padEnd(4)} ${l.label.padEnd(20)} ${l.className.padEnd(18)} ${l.kind.padEnd(18)} ${lines}`.trimEnd());
  }

  const steps = graphSteps(report);
  if (steps.length) {
    section('Graph, in forward order (forward values in parentheses; gradients that flowed back below)');
    for (const s of steps) out.push(...graphStepText(report, s));
  }

  section(checksTitle(report.checks));
  for (const group of checkGroups(report.checks)) out.push(...checkText(report, group));

  if (report.hazards.length) {
    section(`Hazards (${report.hazards.length})`);
    for (const h of report.hazards) out.push(`  ! ${layerTitle(report, h.layer)}${h.span ? `, line ${h.span.line}` : ''}: ${h.message}`);
  }

  if (report.derivations.length) {
    section(`Derivations (${report.derivations.length})`);
    for (const d of report.derivations) out.push(...derivationText(report, d));
  }

  if (report.synthesized?.length) {
    section(`Synthesized inputs (made up by the lens; the driver ran as ${path(report.driver?.file ?? '')})`);
    let last = '';
    for (const s of report.synthesized) {
      if (s.layer !== last) out.push(`  ${layerTitle(report, s.layer)}`);
      last = s.layer;
      out.push(`    ${s.name ? `${s.name} = ${briefValue(s.value, 30)}` : ''}${s.name ? ': ' : ''}${s.why}`);
    }
  }

  const stdout = report.output.stdout.replace(/\n$/, '');
  if (stdout) {
    const lines = stdout.split('\n');
    const max = options.maxOutputLines ?? 20;
    section(`Program output (${lines.length} line${lines.length === 1 ? '' : 's'}${lines.length > max ? `, the first ${max} shown` : ''})`);
    for (const line of lines.slice(0, max)) out.push(`  ${line}`);
  }

  section(verdictText(report));
  return `${out.join('\n')}\n`;
}

function graphStepText(report: LensReport, s: GraphStep): string[] {
  const name = s.layer ? (s.layer.label === s.layer.className ? s.layer.className : `${s.layer.className} ${s.layer.label}`) : s.node.label;
  const ins = s.inputs.map((e) => `${e.label} (${briefValue(e.forward, 40, true)})`);
  const outs = s.outputs.map((e) => `${e.label} (${briefValue(e.forward, 40, true)})`);
  const lines = [`  ${ins.length ? `${ins.join(', ')} ─→ ` : ''}${name}${outs.length ? ` ─→ ${outs.join(', ')}` : ''}`];
  const gradIns = s.inputs.filter((e) => e.gradient).map((e) => `${gradName(e.label)} ${briefValue(e.gradient)}`);
  const gradOuts = s.outputs.filter((e) => e.gradient).map((e) => `${gradName(e.label)} ${briefValue(e.gradient)}`);
  if (gradIns.length || gradOuts.length) {
    lines.push(`      gradients: ${gradIns.length ? gradIns.join(', ') : '(none returned)'}${gradOuts.length ? ` ←─ ${gradOuts.join(', ')}` : ''}`);
  } else if (!s.node.backwardCall) {
    lines.push('      (no backward call)');
  }
  return lines;
}

/** The gradient the verdict compared with, when it is a whole array (not a sample of elements). */
export function expectedGradient(c: GradientCheck): ValueSummary | undefined {
  if (c.verdictBy === 'numerical') return c.numericalPositions ? undefined : c.numerical;
  return c.automatic ?? (c.numericalPositions ? undefined : c.numerical);
}

export function checksTitle(checks: GradientCheck[]): string {
  if (!checks.length) return 'Gradient checks: none';
  const failed = checks.filter((c) => !c.passed).length;
  return `Gradient checks: ${checks.length - failed} passed, ${failed} failed`;
}

/**
 * Checks of the same gradient of the same layer with the same verdict, over several calls (a
 * training loop calls each layer once per step), shown once: the worst errors, and the first
 * failure's details.
 */
export function checkGroups(checks: GradientCheck[]): GradientCheck[][] {
  const groups = new Map<string, GradientCheck[]>();
  for (const c of checks) {
    const key = [c.layer, c.target.kind, c.target.name, c.output ?? '', c.passed].join('|');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

function checkText(report: LensReport, group: GradientCheck[]): string[] {
  const c = group[0];
  const worst = (pick: (x: GradientCheck) => number | undefined) => {
    const xs = group.map(pick).filter((x): x is number => x !== undefined);
    return xs.length ? Math.max(...xs) : undefined;
  };
  const auto = worst((x) => x.relErrorAutomatic);
  const numerical = worst((x) => x.relErrorNumerical);
  const errs = [auto !== undefined ? `vs automatic ${shortNumber(auto)}` : '', numerical !== undefined ? `vs numerical ${shortNumber(numerical)}` : '']
    .filter(Boolean).join(', ');
  const via = c.output !== undefined ? ` (through output ${c.output + 1})` : '';
  const calls = group.length > 1 ? ` in ${group.length} calls` : '';
  const lines = [`  ${c.passed ? CHECK : CROSS} ${layerTitle(report, c.layer)}: d/d${checkTarget(c)}${via}${calls}${errs ? `, ${group.length > 1 ? 'worst ' : ''}relative error ${errs}` : ''}${!c.passed && c.line ? `, line ${c.line}` : ''}`];
  if (c.passed) return lines;
  const expected = expectedGradient(c);
  if (group.length > 1) lines.push('      in the first of them:');
  if (c.learner) lines.push(`      your backward gave ${briefValue(c.learner, 90)}`);
  if (expected) lines.push(`      expected           ${briefValue(expected, 90)}`);
  if (c.explanation) lines.push(`      ${c.explanation.text}`);
  for (const why of [c.unavailable?.automatic, c.unavailable?.numerical]) if (why) lines.push(`      (${why})`);
  return lines;
}

function derivationText(report: LensReport, d: Derivation): string[] {
  const lines = [`  ${layerTitle(report, d.layer)}, input ${briefValue(d.input)}`];
  if (d.stepwise.steps.length) {
    lines.push(`    chain: ${d.stepwise.steps.map((s) => `${s.op}: ${s.formula}`).join('  ·  ')}`);
    lines.push(`    product of the local derivatives: ${briefValue(d.stepwise.product, 60)}`);
  }
  if (d.simplified) lines.push(`    simplified${d.simplified.line ? ` (line ${d.simplified.line})` : ''}: ${d.simplified.text} = ${briefValue(d.simplified.value, 60)}`);
  if (d.agree !== undefined) lines.push(`    ${d.agree ? `${CHECK} they agree` : `${CROSS} they differ`}${d.maxAbsDiff !== undefined ? ` (max |difference| ${shortNumber(d.maxAbsDiff)})` : ''}`);
  if (d.symbolic?.steps.length) {
    lines.push('    symbolically:');
    for (const s of d.symbolic.steps) lines.push(`      ${s.label}: ${s.expr}`);
  }
  return lines;
}

export function verdictText(report: LensReport): string {
  switch (outcomeOf(report)) {
    case 'raised': return `Result: the program raised ${report.error!.type} at line ${report.error!.line}`;
    case 'checks-failed': {
      const failed = report.checks.filter((c) => !c.passed).length;
      return `Result: ${failed} of ${report.checks.length} gradient check${report.checks.length === 1 ? '' : 's'} failed`;
    }
    case 'passed': return `Result: the program ran and all ${report.checks.length} gradient check${report.checks.length === 1 ? '' : 's'} passed`;
    case 'nothing-checked': return report.calls.length ? 'Result: the program ran; nothing was checked' : 'Result: the program ran; no layer was called';
  }
}
