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

/**
 * One gradient the learner's `backward` produced, checked three ways.
 *
 * - learner: what `backward` returned (a tuple maps by position to forward's arguments, a single
 *   value to the first) or stored on `self` for a parameter (`self.dW` for `W`: the name d+name,
 *   else the one new array of W's shape).
 * - automatic: reverse-mode differentiation of the operations `forward` recorded on its tape,
 *   seeded with the `dout` backward received (1 when backward takes none). A tiny constant added
 *   inside a log (`np.log(y + 1e-7)`) is treated as a guard against log(0), i.e. differentiated as
 *   log(y), as the learner's `(y - t) / batch_size` is.
 * - numerical: central differences (f(x+h) − f(x−h)) / 2h, h = 1e-5, of f = Σ output·dout, on
 *   replays of `forward` on a copy of the layer; at most 100 positions per array (a seeded sample
 *   spread over it, see numericalPositions).
 *
 * Relative errors, over elements i of two arrays a, b of the same shape, S = max_i max(|aᵢ|, |bᵢ|):
 * - relErrorAutomatic = max_i |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, 1e-6·S, 1e-12): elementwise, so a wrong
 *   small element counts, with a floor so that rounding noise in elements a million times smaller
 *   than the largest does not.
 * - relErrorNumerical, relErrorAutomaticNumerical = max_i |aᵢ − bᵢ| / max(S, 1e-12): relative to the
 *   largest element, since a central difference's error is absolute (ε·|f|/h + h²·f‴), not per element.
 *   Both over the sampled positions, kinks excluded. With a log guard, the learner's gradient is
 *   compared with the numerical one shifted by the guard's exact effect on the derivative (automatic
 *   as log(y) minus automatic as log(y + 1e-7)); relErrorAutomaticNumerical uses the unshifted one.
 * Verdict (verdictBy): the learner's gradient passes when relErrorAutomatic < 1e-7 (two exact
 * derivations of the same float64 computation differ by rounding only, ~1e-15). The automatic
 * gradient is trusted unless it disagrees with the numerical one (relErrorAutomaticNumerical ≥
 * 1e-4: an operation the tape missed), and a gradient of 0 for want of any path on the tape only
 * when the numerical one confirms it; otherwise, or when it is unavailable, the learner's passes
 * when relErrorNumerical < 1e-5 (well above the ~1e-9 of central differences with h = 1e-5).
 * With neither reference the check fails with verdictBy 'none' and says it could not check.
 * A report makes at most 4,000 replays of forward and spends at most 1.5 s on them; slow forwards
 * get fewer positions (numericalPositions says which).
 */
export interface GradientCheck {
  layer: string;
  forwardCall: string;
  backwardCall: string;
  /** What the gradient is taken with respect to: a forward argument or an array the forward reads from `self`. */
  target: { kind: 'input' | 'param'; name: string };
  /** Which forward output the gradient flows from, when forward returns several and backward one gradient per output (the seed's Sigmoid returns (dx1, dx2)). */
  output?: number;
  learner?: ValueSummary;
  automatic?: ValueSummary;
  /** The full numerical gradient, or (with numericalPositions) the sampled elements in that order. */
  numerical?: ValueSummary;
  /** Flat (C-order) positions of the numerical gradient when only a sample was computed. */
  numericalPositions?: number[];
  /** The step of the central differences. */
  h?: number;
  /** Flat positions where forward has a kink within h (ReLU at 0): left out of numerical comparisons. */
  kinks?: number[];
  /** Learner vs automatic, elementwise (see above). */
  relErrorAutomatic?: number;
  /** Learner vs numerical, relative to the largest element. */
  relErrorNumerical?: number;
  /** Automatic vs numerical: does the tape's automatic gradient agree with the replayed forward? */
  relErrorAutomaticNumerical?: number;
  passed: boolean;
  /** What the verdict compared the learner's gradient with ('none': there was nothing to compare, e.g. backward raised). */
  verdictBy?: 'automatic' | 'numerical' | 'none';
  /** The line of `backward` that produced the learner's gradient (or where backward raised). */
  line?: number;
  /** Why it fails, in the learner's terms. */
  explanation?: { code: string; text: string };
  /** Why the automatic or numerical gradient could not be computed. */
  unavailable?: { automatic?: string; numerical?: string };
  notes?: string[];
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
  /** The Python code the lens ran to drive those layers (reproducible: it seeds NumPy), under the file name its call sites show. */
  driver?: { file: string; source: string };
  timings: { runMs: number; analysisMs: number; totalMs: number };
}
