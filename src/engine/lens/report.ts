// The lens report: one typed, versioned JSON model of a traced run. The engine builds it; the
// panel, hovers, lessons and the CLI (`backprop-lens inspect`) all read it. Plain data only.

export const REPORT_VERSION = 1;

/** A place in the learner's source. Lines are 1-based, columns 0-based. */
export interface SourceSpan {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A value as the report shows it. Arrays above PREVIEW_LIMIT elements are summarised. */
export interface ValueSummary {
  kind: 'int' | 'float' | 'bool' | 'none' | 'str' | 'array' | 'tuple' | 'other';
  /** Python's repr for scalars and small values; NumPy's str for arrays (truncated for large ones). */
  text: string;
  dtype?: string;
  shape?: number[];
  /** The elements in C order, for arrays up to PREVIEW_LIMIT elements and for scalars. */
  data?: number[];
  min?: number;
  max?: number;
  mean?: number;
  /** For large arrays: a key to ask the engine for the full data (LensSession.arrayData). */
  ref?: string;
  /** Tuple members. */
  items?: ValueSummary[];
}

export const PREVIEW_LIMIT = 64;

/** How the lens classifies a layer by the structure of its code, whatever its name. */
export type LayerKind = 'add' | 'multiply' | 'relu' | 'sigmoid' | 'tanh' | 'affine' | 'softmax-with-loss' | 'elementwise' | 'other';

export interface LayerInfo {
  id: string;
  className: string;
  kind: LayerKind;
  /** What the program calls it: the variable or dict key it was found under (`mul_apple_layer`, `Affine1`). */
  label: string;
  classSpan?: SourceSpan;
  forwardSpan?: SourceSpan;
  backwardSpan?: SourceSpan;
}

export interface NamedValue {
  name: string;
  value: ValueSummary;
  /** The argument's source text at the call site (`apple`, `self.params['W1']`). */
  expr?: string;
}

/** An attribute of `self` that a call set or changed: the layer's cache (`self.x`, `self.mask`, `self.dW`). */
export interface CacheChange {
  name: string;
  value: ValueSummary;
  change: 'set' | 'changed';
  span?: SourceSpan;
}

export interface LayerCall {
  id: string;
  layer: string;
  method: 'forward' | 'backward';
  /** Order among all layer calls of the run, from 0. */
  seq: number;
  args: NamedValue[];
  /** The return value; a tuple return is one entry per member. */
  outputs: ValueSummary[];
  cache: CacheChange[];
  site: SourceSpan;
  /** The exception that ended the call, if it raised. */
  error?: { type: string; message: string; line: number };
  tape?: string;
  /** For a backward call: the forward call it undoes (the layer's latest forward before it). */
  forward?: string;
}

/** One elementary operation recorded inside a layer call. */
export interface TapeOp {
  id: string;
  /** negative, add, subtract, multiply, divide, power, exp, log, tanh, sqrt, dot, sum, max, mean, maximum, mask-write, getitem, transpose, reshape, copy, ... */
  op: string;
  inputs: string[];
  output: string;
  /** axis, keepdims, the constant exponent, the index, ... */
  params?: Record<string, unknown>;
  span: SourceSpan;
  /** The source text of the operation (`np.exp(self.t1)`). */
  text: string;
}

export interface TapeValue {
  id: string;
  value: ValueSummary;
  /** Where the value comes from when it is not an op's output. */
  origin?: { kind: 'arg'; name: string } | { kind: 'attr'; name: string } | { kind: 'const' };
}

export interface Tape {
  id: string;
  call: string;
  ops: TapeOp[];
  values: TapeValue[];
}

export interface GraphNode {
  id: string;
  kind: 'input' | 'layer' | 'output';
  label: string;
  layer?: string;
  forwardCall?: string;
  backwardCall?: string;
}

export interface GraphEdge {
  id: string;
  from: string;
  /** Which output of `from` (a tuple return has several). */
  fromPort: number;
  to: string;
  /** Which argument of `to`'s forward. */
  toPort: number;
  label: string;
  forward: ValueSummary;
  /** The gradient that flowed back along this edge, when a backward pass ran. */
  gradient?: ValueSummary;
}

export interface LayerGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GradientCheck {
  layer: string;
  forwardCall: string;
  backwardCall: string;
  /** What the gradient is taken with respect to: a forward argument or an array the forward reads from `self`. */
  target: { kind: 'input' | 'param'; name: string };
  learner?: ValueSummary;
  automatic?: ValueSummary;
  numerical?: ValueSummary;
  /** max |a − b| / max(|a|, |b|, tiny), elementwise. */
  relErrorAutomatic?: number;
  relErrorNumerical?: number;
  passed: boolean;
  /** The line of `backward` that produced the learner's gradient. */
  line?: number;
  /** Why it fails, in the learner's terms. */
  explanation?: { code: string; text: string };
}

export interface Hazard {
  kind: 'dout-mutated' | 'cached-input-mutated';
  layer: string;
  call: string;
  span?: SourceSpan;
  message: string;
}

export interface DerivationStep {
  /** The local operation, e.g. `×(−1)`, `exp`, `+1`, `1/·`. */
  op: string;
  /** Its local derivative as text (`-1`, `exp(t1)`, `-1/t3²`) and as TeX. */
  formula: string;
  tex: string;
  /** The local derivative's value per element. */
  local: ValueSummary;
}

export interface SymbolicStep {
  label: string;
  expr: string;
  tex: string;
}

/** An elementwise layer's derivative two ways: the stepwise chain and the learner's simplified formula. */
export interface Derivation {
  layer: string;
  forwardCall: string;
  backwardCall?: string;
  input: ValueSummary;
  stepwise: { steps: DerivationStep[]; product: ValueSummary };
  simplified?: { text: string; value: ValueSummary; line?: number };
  agree?: boolean;
  maxAbsDiff?: number;
  symbolic?: { steps: SymbolicStep[]; endsWith?: string };
  /** When the layer itself returns both derivations (the seed's Sigmoid returns (dx1, dx2)). */
  pairedOutputs?: [number, number];
}

export interface SynthesizedInput {
  layer: string;
  name: string;
  value: ValueSummary;
  why: string;
}

export interface LensReport {
  version: typeof REPORT_VERSION;
  source: { file: string; lines?: [number, number]; cell?: number };
  output: { stdout: string; stderr: string };
  error?: { type: string; message: string; file: string; line: number; traceback: string };
  layers: LayerInfo[];
  calls: LayerCall[];
  graph: LayerGraph;
  tapes: Tape[];
  checks: GradientCheck[];
  hazards: Hazard[];
  derivations: Derivation[];
  /** For a selection of bare class definitions: the inputs the lens made up, and why. */
  synthesized?: SynthesizedInput[];
  timings: { runMs: number; analysisMs: number; totalMs: number };
}
