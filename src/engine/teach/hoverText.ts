// Hover text for a recognised construct of layer code: what it computes in chain-rule terms (Unicode
// maths: hovers cannot render TeX), why, the shapes involved, and, after a run, the values it
// produced, the gradient check's verdict and the mistakes the lens flagged there. English and Korean.
// Pure: reads a Recognition and the last LensReport, never runs code.

import type { GradientCheck, GraphNode, Hazard, LayerCall, LayerInfo, LayerKind, LensReport, TapeOp, ValueSummary } from '../lens/report';
import { shapeText, shortNumber } from '../lens/text';
import { analyseSource, recognise, type Analysis, type Position, type Range, type Recognition, type StaticSuspect } from './recognise';

export type HoverLanguage = 'en' | 'ko';

export interface HoverOptions {
  language: HoverLanguage;
  /** The last report of this document's run, and the file name its spans use for this document (`/ws/a.py`, `/ws/n.ipynb#cell3`). */
  report?: LensReport;
  file?: string;
  /** The document's URI (as a string), for the "Open in panel" link. */
  uri?: string;
}

export interface HoverResult {
  markdown: string;
  range: Range;
  recognition: Recognition;
}

/** The command hovers link to; the only one their Markdown may run. */
export const OPEN_IN_PANEL = 'backpropLens.openInPanel';

/** Recognise the construct at `pos` and render its hover; undefined when there is nothing to say. */
export function hoverAt(source: string | Analysis, pos: Position, opts: HoverOptions): HoverResult | undefined {
  const a = typeof source === 'string' ? analyseSource(source) : source;
  const rec = recognise(a, pos);
  if (!rec) return undefined;
  return { markdown: hoverMarkdown(rec, opts), range: rec.range, recognition: rec };
}

// ------------------------------------------------------------------ wording

type Names = Record<string, string>;
interface Section { title: string; formula?: string; why: string; shapes?: string }
type Lang<T> = { en: T; ko: T };

const strip = (attr: string | undefined) => (attr ?? '').replace(/^[A-Za-z_]\w*\./, '');
const code = (t: string) => `\`${t.replace(/`/g, "'")}\``;

const KIND_NAME: Record<LayerKind, Lang<string>> = {
  add: { en: 'add layer', ko: '덧셈 계층' },
  multiply: { en: 'multiply layer', ko: '곱셈 계층' },
  relu: { en: 'ReLU layer', ko: 'ReLU 계층' },
  sigmoid: { en: 'sigmoid layer', ko: 'Sigmoid 계층' },
  tanh: { en: 'tanh layer', ko: 'tanh 계층' },
  affine: { en: 'affine layer (x·W + b)', ko: 'Affine 계층 (행렬곱 x·W + b)' },
  'softmax-with-loss': { en: 'softmax-with-loss layer', ko: 'Softmax-with-Loss 계층' },
  elementwise: { en: 'elementwise layer', ko: '원소별(elementwise) 계층' },
  other: { en: 'layer', ko: '계층' },
};

/** The whole layer: forward formula, backward formulas, shapes. */
function layerSummary(kind: LayerKind, r: Recognition): Lang<{ formula: string; why: string; shapes?: string }> {
  const [x, y] = [r.inputs[0] ?? 'x', r.inputs[1] ?? 'y'];
  switch (kind) {
    case 'add':
      return {
        en: { formula: `z = ${x} + ${y}  ⇒  ∂L/∂${x} = ∂L/∂z · 1,  ∂L/∂${y} = ∂L/∂z · 1`, why: 'The local derivative of a sum is 1 for each input, so backward passes the upstream gradient on unchanged to both.', shapes: 'every gradient has the shape of its input' },
        ko: { formula: `z = ${x} + ${y}  ⇒  ∂L/∂${x} = ∂L/∂z · 1,  ∂L/∂${y} = ∂L/∂z · 1`, why: '덧셈의 국소적 미분은 두 입력 모두 1이므로, 역전파 때 상류에서 흘러온 기울기를 그대로 양쪽에 전달합니다.', shapes: '각 기울기는 해당 입력과 같은 형상' },
      };
    case 'multiply':
      return {
        en: { formula: `z = ${x}·${y}  ⇒  ∂L/∂${x} = ∂L/∂z · ${y},  ∂L/∂${y} = ∂L/∂z · ${x}`, why: 'The local derivative of a product with respect to one factor is the other factor, so forward must cache both inputs and backward swaps them.', shapes: 'every gradient has the shape of its input' },
        ko: { formula: `z = ${x}·${y}  ⇒  ∂L/∂${x} = ∂L/∂z · ${y},  ∂L/∂${y} = ∂L/∂z · ${x}`, why: '곱셈에서 한 입력에 대한 국소적 미분은 상대편 입력이므로, 순전파 때 두 입력을 저장해 두고 역전파 때 서로 바꿔 곱합니다.', shapes: '각 기울기는 해당 입력과 같은 형상' },
      };
    case 'relu':
      return {
        en: { formula: `y = max(0, ${x})  ⇒  ∂L/∂${x} = ∂L/∂y if ${x} > 0, else 0`, why: 'Where the input was positive ReLU is the identity (derivative 1); where it was ≤ 0 the output is constant 0 (derivative 0), so the gradient is blocked there.', shapes: `(N,D) → (N,D)` },
        ko: { formula: `y = max(0, ${x})  ⇒  ∂L/∂${x} = ∂L/∂y (${x} > 0일 때), 그 외 0`, why: '입력이 양수인 곳에서 ReLU는 항등함수(미분 1)이고, 0 이하인 곳에서는 출력이 0으로 고정(미분 0)되므로 그 부분의 기울기는 0으로 막힙니다.', shapes: `(N,D) → (N,D)` },
      };
    case 'sigmoid':
      return {
        en: { formula: `y = 1/(1 + e^(−${x}))  ⇒  ∂L/∂${x} = ∂L/∂y · y(1 − y)`, why: 'Differentiating the chain −x → exp → +1 → 1/· step by step and simplifying leaves y(1 − y): backward needs only the forward output y.', shapes: `(N,D) → (N,D), elementwise` },
        ko: { formula: `y = 1/(1 + e^(−${x}))  ⇒  ∂L/∂${x} = ∂L/∂y · y(1 − y)`, why: '−x → exp → +1 → 1/· 의 각 단계를 연쇄법칙으로 미분해 정리하면 y(1 − y)만 남으므로, 역전파에는 순전파의 출력 y만 있으면 됩니다.', shapes: `(N,D) → (N,D), 원소별` },
      };
    case 'tanh':
      return {
        en: { formula: `y = tanh ${x}  ⇒  ∂L/∂${x} = ∂L/∂y · (1 − y²)`, why: 'The derivative of tanh is 1 − tanh², so backward can use the cached output y.', shapes: `(N,D) → (N,D), elementwise` },
        ko: { formula: `y = tanh ${x}  ⇒  ∂L/∂${x} = ∂L/∂y · (1 − y²)`, why: 'tanh의 미분은 1 − tanh²이므로, 역전파에서는 저장해 둔 출력 y를 쓰면 됩니다.', shapes: `(N,D) → (N,D), 원소별` },
      };
    case 'affine':
      return {
        en: { formula: `Y = ${x}·W + b  ⇒  ∂L/∂${x} = ∂L/∂Y · Wᵀ,  ∂L/∂W = ${x}ᵀ · ∂L/∂Y,  ∂L/∂b = Σₙ ∂L/∂Y`, why: 'The matrix product’s local derivatives are the other operand, transposed so the shapes fit; b was broadcast over the batch, so its gradient sums over the batch axis.', shapes: `${x}: (N,D), W: (D,M), b: (M,), Y: (N,M)` },
        ko: { formula: `Y = ${x}·W + b  ⇒  ∂L/∂${x} = ∂L/∂Y · Wᵀ,  ∂L/∂W = ${x}ᵀ · ∂L/∂Y,  ∂L/∂b = Σₙ ∂L/∂Y`, why: '행렬곱의 국소적 미분은 상대편 행렬이며, 형상이 맞도록 전치(ᵀ)합니다. b는 배치 방향으로 브로드캐스트되었으므로 기울기는 배치 축(axis=0)으로 합칩니다.', shapes: `${x}: (N,D), W: (D,M), b: (M,), Y: (N,M)` },
      };
    case 'softmax-with-loss':
      return {
        en: { formula: `y = softmax(${x}),  L = −(1/N) Σ t·log y  ⇒  ∂L/∂${x} = (y − t) / N`, why: 'Softmax followed by the cross-entropy error has a remarkably simple gradient: the prediction minus the label, divided by the batch size because the loss is the batch mean.', shapes: `${x}, y, t: (N,C) → ∂L/∂${x}: (N,C)` },
        ko: { formula: `y = softmax(${x}),  L = −(1/N) Σ t·log y  ⇒  ∂L/∂${x} = (y − t) / N`, why: '소프트맥스 뒤에 교차 엔트로피 오차를 붙이면 역전파가 (예측 − 정답)으로 깔끔하게 정리됩니다. 손실이 배치 평균이므로 batch_size로 나눕니다.', shapes: `${x}, y, t: (N,C) → ∂L/∂${x}: (N,C)` },
      };
    case 'elementwise':
      return {
        en: { formula: `y = f(${x}) elementwise  ⇒  ∂L/∂${x} = ∂L/∂y ⊙ f′(${x})`, why: 'Each output element depends only on the same input element, so the chain rule multiplies the upstream gradient elementwise by the local derivative.', shapes: `(N,D) → (N,D), elementwise` },
        ko: { formula: `y = f(${x}) (원소별)  ⇒  ∂L/∂${x} = ∂L/∂y ⊙ f′(${x})`, why: '각 출력 원소는 같은 위치의 입력 원소에만 의존하므로, 연쇄법칙에 따라 상류 기울기에 국소적 미분을 원소별로 곱합니다.', shapes: `(N,D) → (N,D), 원소별` },
      };
    default:
      return {
        en: { formula: '∂L/∂input = ∂L/∂output · ∂output/∂input', why: 'forward computes the output; backward takes the upstream gradient and returns the gradient for each forward input (the chain rule).' },
        ko: { formula: '∂L/∂입력 = ∂L/∂출력 · ∂출력/∂입력', why: 'forward는 출력을 계산하고, backward는 상류 기울기를 받아 각 입력에 대한 기울기를 돌려줍니다(연쇄법칙).' },
      };
  }
}

function section(r: Recognition, lang: HoverLanguage): Section | undefined {
  const n: Names = r.names;
  const K = KIND_NAME[r.kind][lang];
  const x = r.inputs[0] ?? 'x';
  const dout = r.dout || 'dout';
  const ko = lang === 'ko';
  const L = <T>(en: T, k: T) => (ko ? k : en);
  const summary = layerSummary(r.kind, r)[lang];
  switch (r.topic) {
    case 'layer-class':
      return { title: L(`**${r.className}**: ${/^[aeiou]/i.test(K) ? 'an' : 'a'} ${K}`, `**${r.className}**: ${K}`), formula: summary.formula,
        why: L(`A layer: the class defines \`forward\` and \`backward\`. Recognised from what forward computes, not from its name. ${summary.why}`, `forward와 backward를 모두 정의한 클래스이므로 계층입니다(이름이 아니라 forward가 계산하는 내용으로 판별). ${summary.why}`),
        shapes: summary.shapes };
    case 'forward-def':
      return { title: L(`\`forward\` of ${r.className} (${K}): the forward pass`, `${r.className}의 \`forward\` (${K}): 순전파`), formula: summary.formula.split('⇒')[0].trim(),
        why: L(`Computes the output from ${r.inputs.map(code).join(', ') || 'its inputs'} and caches on \`self\` what backward will need.`, `${r.inputs.map(code).join(', ') || '입력'}으로 출력을 계산하고, 역전파에 필요한 값을 \`self\`에 저장해 둡니다.`),
        shapes: summary.shapes };
    case 'backward-def':
      return { title: L(`\`backward\` of ${r.className} (${K}): the backward pass`, `${r.className}의 \`backward\` (${K}): 역전파`), formula: summary.formula.includes('⇒') ? summary.formula.split('⇒')[1].trim() : summary.formula,
        why: L(`Receives \`${dout}\` = ∂L/∂output, the gradient flowing back from the layers after this one, and returns ∂L/∂input for each forward input: upstream gradient × local derivative (the chain rule).`, `\`${dout}\`로 뒤쪽 계층에서 흘러온 기울기 ∂L/∂출력을 받아, 국소적 미분을 곱해(연쇄법칙) forward의 각 입력에 대한 기울기 ∂L/∂입력을 돌려줍니다.`),
        shapes: L('each gradient has the shape of what it is the gradient of', '각 기울기는 미분 대상과 같은 형상') };
    case 'cache-input':
      return { title: L(`Caching the input \`${n.param}\` for backward`, `역전파를 위해 입력 \`${n.param}\` 저장`),
        formula: r.kind === 'multiply' ? L(`used in backward: ∂L/∂(other input) = ∂L/∂z · ${n.param}`, `역전파에서 사용: ∂L/∂(상대 입력) = ∂L/∂z · ${n.param}`) : r.kind === 'affine' ? `∂L/∂W = ${n.param}ᵀ · ∂L/∂Y` : r.kind === 'softmax-with-loss' ? `∂L/∂x = (y − ${n.param}) / N` : undefined,
        why: L(`backward needs the value forward saw. \`${n.attr}\` keeps a reference to the same array: if the caller changes ${n.param} in place before backward, backward sees the change (cache \`${n.param}.copy()\` to be safe).`,
          `역전파에는 순전파 때 본 값이 필요합니다. \`${n.attr}\`는 같은 배열을 참조하므로, backward 전에 호출한 쪽에서 ${n.param}을(를) 제자리에서 바꾸면 그 변경이 보입니다(안전하게 하려면 \`${n.param}.copy()\`를 저장).`) };
    case 'cache-mask':
      return { title: L(`ReLU mask: where the input was ≤ 0`, `ReLU 마스크: 입력이 0 이하인 위치`), formula: `mask = (${n.value})  →  ∂L/∂${x} = 0 ${L('where mask is True', 'mask가 True인 곳')}`,
        why: L('A boolean array of the input’s shape: True where the output is forced to 0. backward reuses it to block the gradient at exactly those positions.', '입력과 같은 형상의 bool 배열로, 출력이 0이 되는 위치가 True입니다. 역전파에서 같은 위치의 기울기를 0으로 막는 데 다시 씁니다.'),
        shapes: `(N,D) → (N,D) bool` };
    case 'cache-output':
      return { title: L(`Caching the output \`${strip(n.attr)}\` for backward`, `역전파를 위해 출력 \`${strip(n.attr)}\` 저장`),
        formula: r.kind === 'sigmoid' ? `∂L/∂${x} = ∂L/∂y · y(1 − y),  y = ${n.attr}` : r.kind === 'tanh' ? `∂L/∂${x} = ∂L/∂y · (1 − y²),  y = ${n.attr}` : r.kind === 'softmax-with-loss' ? `∂L/∂x = (y − t) / N` : undefined,
        why: r.kind === 'sigmoid' || r.kind === 'tanh'
          ? L('The derivative is written in terms of the output, so backward needs y, not x: caching it saves recomputing exp.', '미분이 출력 y로 표현되므로 역전파에는 x가 아니라 y가 필요합니다. 저장해 두면 exp를 다시 계산하지 않아도 됩니다.')
          : r.kind === 'softmax-with-loss' ? L('The softmax output y (and the loss) are kept: backward computes (y − t) / batch_size from them.', '소프트맥스의 출력 y(와 손실)를 저장해 두었다가, 역전파에서 (y − t) / batch_size를 계산합니다.')
            : L('forward’s result, kept for backward.', '역전파에서 쓰기 위해 저장한 순전파의 결과입니다.') };
    case 'cache-intermediate':
      return { title: L(`Caching an intermediate value \`${strip(n.attr)}\``, `중간값 \`${strip(n.attr)}\` 저장`), formula: `${strip(n.attr)} = ${n.value}`,
        why: L('One step of forward’s computational graph, kept so backward can evaluate this step’s local derivative (the step-by-step chain rule).', '순전파 계산 그래프의 한 단계입니다. 역전파에서 이 단계의 국소적 미분을 계산하려고 저장합니다(단계별 연쇄법칙).') };
    case 'forward-add':
      return { title: L('Forward: the sum', '순전파: 덧셈'), formula: `z = ${n.expr}`, why: L('Nothing to cache: the local derivatives of a sum are 1 whatever the inputs.', '덧셈의 국소적 미분은 입력값과 관계없이 1이므로 저장할 것이 없습니다.'), shapes: '(N,D) + (N,D) → (N,D)' };
    case 'forward-mul':
      return { title: L('Forward: the product', '순전파: 곱셈'), formula: `z = ${n.expr}`, why: L('Each input’s local derivative is the other input, which is why forward caches both.', '각 입력의 국소적 미분은 상대편 입력이므로, 순전파에서 두 입력을 저장합니다.'), shapes: '(N,D) ⊙ (N,D) → (N,D)' };
    case 'forward-relu':
      return { title: L('Forward: ReLU zeroes the masked positions', '순전파: 마스크 위치를 0으로'), formula: `y = max(0, ${x})`,
        why: L(`Where ${n.mask ?? 'the mask'} is True the output is 0; elsewhere it is the input.`, `${n.mask ?? '마스크'}가 True인 곳은 0, 나머지는 입력 그대로 출력합니다.`), shapes: '(N,D) → (N,D)' };
    case 'forward-copy':
      return { title: L('Forward: a copy of the input', '순전파: 입력의 복사본'), formula: `${n.target} = copy(${n.value})`,
        why: L(`The masked write that follows must not change the caller’s \`${n.value}\`, so it goes into a copy.`, `이어지는 마스크 쓰기가 호출한 쪽의 \`${n.value}\`를 바꾸지 않도록 복사본에 씁니다.`) };
    case 'forward-sigmoid':
      return { title: L('Forward: the sigmoid σ(x)', '순전파: 시그모이드 σ(x)'), formula: `y = 1/(1 + e^(−${x}))`,
        why: L('Squashes every element into (0, 1). Its derivative y(1 − y) needs only this output.', '모든 원소를 (0, 1) 사이로 눌러 줍니다. 미분 y(1 − y)에는 이 출력만 필요합니다.'), shapes: '(N,D) → (N,D)' };
    case 'forward-tanh':
      return { title: L('Forward: tanh', '순전파: tanh'), formula: `y = tanh ${x}`, why: L('Its derivative 1 − y² needs only this output.', '미분 1 − y²에는 이 출력만 필요합니다.'), shapes: '(N,D) → (N,D)' };
    case 'forward-affine':
      return { title: L('Forward: the affine transform x·W + b', '순전파: Affine 변환 x·W + b'), formula: `Y = ${x}·W + b`,
        why: L('A matrix product of the batch with the weights, plus the bias broadcast over the batch (one copy of b per row).', '배치와 가중치의 행렬곱에 편향 b를 더합니다. b는 배치의 각 행에 브로드캐스트됩니다.'), shapes: '(N,D) · (D,M) + (M,) → (N,M)' };
    case 'forward-loss':
      return { title: L('Forward: softmax and cross-entropy', '순전파: 소프트맥스와 교차 엔트로피'), formula: `y = softmax(${x}),  L = −(1/N) Σ t·log y`,
        why: L('Turns scores into probabilities, then measures how far they are from the one-hot labels t.', '점수를 확률로 바꾼 뒤, 원-핫 정답 t와의 차이를 손실로 계산합니다.'), shapes: '(N,C) → scalar' };
    case 'forward-step':
      return { title: L(`Forward: one step of ${K}`, `순전파: ${K}의 한 단계`), formula: `${n.target === 'return' ? 'y' : n.target} = ${n.expr}`,
        why: L('Each elementary operation is a node of the computational graph; backward multiplies their local derivatives in reverse order.', '각 기본 연산은 계산 그래프의 노드이며, 역전파는 그 국소적 미분을 역순으로 곱합니다.') };
    case 'add-grad':
      return { title: L('Gradient of a sum: passed through', '덧셈의 기울기: 그대로 전달'), formula: `∂L/∂${inputFor(n.target, r)} = ∂L/∂z · 1`,
        why: L('∂z/∂x = 1 for z = x + y, so the upstream gradient flows on unchanged.', 'z = x + y이면 ∂z/∂x = 1이므로 상류 기울기가 그대로 흘러갑니다.'), shapes: L('same shape as dout', 'dout과 같은 형상') };
    case 'mul-grad':
      return { title: L(`Gradient of a product with respect to \`${n.wrt}\`: the other input`, `곱셈의 \`${n.wrt}\`에 대한 기울기: 상대편 입력`),
        formula: `∂L/∂${n.wrt} = ∂L/∂z · ∂z/∂${n.wrt} = ∂L/∂z · ${n.otherParam}`,
        why: L(`For z = ${r.inputs.join('·')}, ∂z/∂${n.wrt} = ${n.otherParam}: multiply the upstream gradient by the *other* cached input.`, `z = ${r.inputs.join('·')}이면 ∂z/∂${n.wrt} = ${n.otherParam}이므로, 상류 기울기에 저장해 둔 *상대편* 입력을 곱합니다.`),
        shapes: '(N,D) ⊙ (N,D) → (N,D)' };
    case 'relu-grad':
      return { title: L('ReLU backward: block the gradient where the input was ≤ 0', 'ReLU 역전파: 입력이 0 이하였던 곳의 기울기를 0으로'),
        formula: `∂L/∂${x} = ∂L/∂y ⊙ [${x} > 0]`,
        why: L(`The local derivative is 1 where the input was positive and 0 elsewhere; ${n.mask ?? 'the mask'} from forward marks the zeros.`, `국소적 미분은 입력이 양수인 곳에서 1, 그 외에는 0입니다. 순전파의 ${n.mask ?? '마스크'}가 0이 될 위치를 표시합니다.`),
        shapes: '(N,D) → (N,D)' };
    case 'sigmoid-grad':
      return { title: L('Sigmoid backward: y(1 − y)', 'Sigmoid 역전파: y(1 − y)'), formula: `∂L/∂${x} = ∂L/∂y · (1 − y) · y,  y = ${n.y}`,
        why: L('The step-by-step chain (−1 · eᵗ · −1/t²) simplifies to y(1 − y) with y the forward output, so one cached array is enough.', '단계별 연쇄 미분(−1 · eᵗ · −1/t²)을 정리하면 순전파 출력 y로 y(1 − y)가 되므로, 저장한 배열 하나로 충분합니다.'),
        shapes: '(N,D) ⊙ (N,D) → (N,D)' };
    case 'tanh-grad':
      return { title: L('tanh backward: 1 − y²', 'tanh 역전파: 1 − y²'), formula: `∂L/∂${x} = ∂L/∂y · (1 − y²),  y = ${n.y}`,
        why: L('d tanh(x)/dx = 1 − tanh²(x), written with the cached output.', 'd tanh(x)/dx = 1 − tanh²(x)를 저장한 출력으로 표현한 것입니다.'), shapes: '(N,D) ⊙ (N,D) → (N,D)' };
    case 'chain-product':
      return { title: L('The chain rule, step by step', '단계별 연쇄법칙'), formula: `∂L/∂${x} = ∂L/∂y · ${n.factors}`,
        why: L('The upstream gradient times every local derivative along the path back to the input, in reverse order of the forward steps.', '상류 기울기에, 입력까지 거슬러 가는 경로의 국소적 미분을 순전파의 역순으로 모두 곱합니다.'), shapes: '(N,D) → (N,D)' };
    case 'local-derivative': {
      const d = n.of && n.wrt ? `∂${n.of}/∂${n.wrt}` : n.target;
      return { title: L(`A local derivative: ${d}`, `국소적 미분: ${d}`), formula: `${d} = ${n.expr}`,
        why: L('The derivative of one forward step with respect to its input, evaluated at the values forward cached. The chain rule multiplies these.', '순전파 한 단계의 출력을 그 입력으로 미분한 값으로, 순전파에서 저장한 값으로 계산합니다. 연쇄법칙은 이것들을 곱합니다.') };
    }
    case 'affine-dx':
      return { title: L('Affine backward: gradient for the input', 'Affine 역전파: 입력에 대한 기울기'), formula: `∂L/∂${x} = ∂L/∂Y · Wᵀ`,
        why: L('For Y = x·W, the local derivative with respect to x is W; it is transposed so that (N,M) times (M,D) gives x’s shape (N,D).', 'Y = x·W에서 x에 대한 국소적 미분은 W이며, (N,M)·(M,D)가 x의 형상 (N,D)가 되도록 전치합니다.'),
        shapes: '(N,M) · (M,D) → (N,D)' };
    case 'affine-dW':
      return { title: L('Affine backward: gradient for the weights', 'Affine 역전파: 가중치에 대한 기울기'), formula: `∂L/∂W = ${x}ᵀ · ∂L/∂Y`,
        why: L('For Y = x·W, the local derivative with respect to W is x; transposed, (D,N) times (N,M) gives W’s shape (D,M), summing over the batch.', 'Y = x·W에서 W에 대한 국소적 미분은 x이며, 전치한 (D,N)·(N,M)이 W의 형상 (D,M)이 됩니다(배치에 대한 합이 곱 안에 들어 있음).'),
        shapes: '(D,N) · (N,M) → (D,M)' };
    case 'affine-db':
      return { title: L('Affine backward: gradient for the bias', 'Affine 역전파: 편향에 대한 기울기'), formula: `∂L/∂b = Σₙ ∂L/∂Yₙ`,
        why: L('b was added to every row of the batch (broadcast), so each row’s gradient flows into the same b: sum over the batch axis only.', 'b는 배치의 모든 행에 더해졌으므로(브로드캐스트) 각 행의 기울기가 같은 b로 모입니다. 배치 축(axis=0)으로만 합칩니다.'),
        shapes: '(N,M) → (M,)' };
    case 'softmax-grad':
      return { title: L('Softmax-with-loss backward: (y − t) / N', 'Softmax-with-Loss 역전파: (y − t) / N'), formula: `∂L/∂${x} = (y − t) / N   (y = ${n.y}, t = ${n.t}${n.n ? `, N = ${n.n}` : ''})`,
        why: L('Softmax and cross-entropy together differentiate to prediction minus label; dividing by the batch size matches the loss being the batch mean.', '소프트맥스와 교차 엔트로피를 합쳐 미분하면 (예측 − 정답)이 됩니다. 손실이 배치 평균이므로 배치 크기로 나눕니다.'),
        shapes: '(N,C) − (N,C) → (N,C)' };
    case 'batch-size':
      return { title: L('The batch size N', '배치 크기 N'), formula: `N = ${n.array}.shape[0]`,
        why: L('The number of rows (samples). The loss is averaged over them, so the gradient is divided by N.', '행(샘플)의 개수입니다. 손실을 이들의 평균으로 계산하므로 기울기도 N으로 나눕니다.'), shapes: '(N,C) → N' };
    case 'dout-alias':
      return { title: L(`\`${n.target}\` is ${n.copy ? 'a copy of' : 'the same array as'} \`${n.value}\``, `\`${n.target}\`는 \`${n.value}\`${n.copy ? '의 복사본' : '와 같은 배열'}`),
        formula: `∂L/∂${x} = ${n.value}`,
        why: n.copy ? L('Writes into it leave the caller’s gradient intact.', '여기에 써도 호출한 쪽의 기울기는 바뀌지 않습니다.')
          : L(`Assignment does not copy in Python: \`${n.target}\` and \`${n.value}\` name one array, so any write into one changes the caller’s gradient too.`, `파이썬의 대입은 복사하지 않습니다. \`${n.target}\`와 \`${n.value}\`는 같은 배열이므로, 한쪽에 쓰면 호출한 쪽의 기울기도 바뀝니다.`) };
    case 'backward-return': {
      const parts = r.inputs.map((p) => (n[`grad_${p}`] ? `∂L/∂${p} = ${n[`grad_${p}`]}` : '')).filter(Boolean);
      const extra = n.returned.split(', ').length > r.inputs.length;
      return { title: L('backward returns the gradients', 'backward가 기울기를 반환'), formula: parts.join(',  ') || n.returned,
        why: extra ? L('More values than forward has inputs: here backward returns one gradient per forward output (the seed’s Sigmoid returns both derivations).', '순전파 입력보다 많은 값을 반환합니다. 여기서는 순전파 출력마다 기울기를 하나씩 돌려줍니다(두 방식의 미분 결과).')
          : L('One gradient per forward input, in the order of forward’s parameters: the caller passes each on to the layer that produced that input.', '순전파 입력마다 기울기 하나씩, forward의 매개변수 순서대로 반환합니다. 호출한 쪽은 이를 그 입력을 만든 계층으로 전달합니다.') };
    }
    case 'gradient':
      return { title: L('A gradient: upstream × local derivative', '기울기: 상류 기울기 × 국소적 미분'), formula: `${n.target} = ${n.expr}`,
        why: L(`The chain rule: ∂L/∂input = ∂L/∂output · ∂output/∂input, with \`${dout}\` = ∂L/∂output.`, `연쇄법칙: ∂L/∂입력 = ∂L/∂출력 · ∂출력/∂입력, 여기서 \`${dout}\` = ∂L/∂출력.`) };
    case 'np-axis': case 'np-keepdims': case 'np-transpose': case 'np-broadcast': case 'np-nditer':
      return numpySection(r, lang);
    default:
      return undefined;
  }
}

function inputFor(target: string | undefined, r: Recognition): string {
  const t = (target ?? '').replace(/^d/, '');
  return r.inputs.includes(t) ? t : r.inputs[0] ?? 'x';
}

function numpySection(r: Recognition, lang: HoverLanguage): Section | undefined {
  const np = r.numpy;
  if (!np) return undefined;
  const ko = lang === 'ko';
  const L = (en: string, k: string) => (ko ? k : en);
  switch (np.topic) {
    case 'np-axis':
      return { title: `NumPy: \`axis=${np.value}\``, formula: np.value === '0' ? `Σₙ: (N,M) → (M,)` : np.value === '1' || np.value === '-1' ? `Σ over columns: (N,M) → (N,)` : undefined,
        why: L(`The axis that is summed (reduced) away: axis=0 adds the rows together (over the batch), axis=1 adds along each row. Without axis, everything is summed into one number.`, `합쳐서 없앨 축입니다. axis=0은 행들을 더하고(배치 방향), axis=1은 각 행 안에서 더합니다. axis를 빼면 모든 원소를 더해 숫자 하나가 됩니다.`),
        shapes: np.value === '0' ? '(N,M) → (M,)' : '(N,M) → (N,)' };
    case 'np-keepdims':
      return { title: `NumPy: \`keepdims=${np.value}\``, formula: '(N,M) → (N,1)',
        why: L('Keeps the reduced axis with length 1, so the result still broadcasts against the original array (x − max(x) row by row in softmax).', '줄인 축을 길이 1로 남겨 두므로, 결과를 원래 배열과 브로드캐스트할 수 있습니다(소프트맥스에서 행마다 x − max(x)).') };
    case 'np-transpose':
      return { title: L(`NumPy: \`${np.value}.T\`, the transpose`, `NumPy: \`${np.value}.T\`, 전치`), formula: `(D,M) → (M,D)`,
        why: L('Swaps rows and columns. In backward, the transposes make the shapes of the matrix products fit: dx = dout·Wᵀ, dW = xᵀ·dout.', '행과 열을 바꿉니다. 역전파에서 행렬곱의 형상을 맞추기 위해 씁니다: dx = dout·Wᵀ, dW = xᵀ·dout.') };
    case 'np-broadcast':
      return { title: L(`NumPy broadcasting: \`+ ${np.value}\``, `NumPy 브로드캐스트: \`+ ${np.value}\``), formula: '(N,M) + (M,) → (N,M)',
        why: L('The (M,) bias is stretched over the N rows, as if copied to each. That is why its gradient sums the N rows back: db = np.sum(dout, axis=0).', '(M,) 형상의 편향이 N개의 행 각각에 복사된 것처럼 늘어납니다. 그래서 역전파에서는 N개 행의 기울기를 다시 합칩니다: db = np.sum(dout, axis=0).') };
    case 'np-nditer':
      return { title: L('NumPy: `np.nditer`, visiting every element', 'NumPy: `np.nditer`, 모든 원소 순회'), formula: `∂L/∂xᵢ ≈ (L(xᵢ + h) − L(xᵢ − h)) / 2h`,
        why: L("Iterates over every index of a multi-dimensional array (`flags=['multi_index']` gives `it.multi_index`), as numerical gradients do: nudge one element, re-evaluate, restore it.", "다차원 배열의 모든 인덱스를 차례로 방문합니다(`flags=['multi_index']`이면 `it.multi_index`). 수치 미분에서 원소 하나를 조금 바꿔 다시 계산하고 되돌리는 데 씁니다.") };
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------ the report

interface LiveLayer {
  layer: LayerInfo;
  others: LayerInfo[];
  node?: GraphNode;
  call?: LayerCall;
}

function liveLayer(report: LensReport, file: string, r: Recognition): LiveLayer | undefined {
  const same = report.layers.filter((l) => l.className === r.className && l.forwardSpan?.file === file && l.forwardSpan.line === r.forwardLine);
  const layers = same.length ? same : report.layers.filter((l) => l.className === r.className && l.forwardSpan?.file === file);
  if (!layers.length) return undefined;
  const nodes = layers.map((l) => report.graph.nodes.find((n) => n.kind === 'layer' && n.layer === l.id));
  const i = Math.max(0, nodes.findIndex((n) => n !== undefined));
  const layer = layers[i];
  const node = nodes[i];
  const method = r.method ?? (r.topic === 'backward-def' ? 'backward' : 'forward');
  const wanted = method === 'backward' ? node?.backwardCall : node?.forwardCall;
  const call = report.calls.find((c) => c.id === wanted) ?? [...report.calls].reverse().find((c) => c.layer === layer.id && c.method === method);
  return { layer, others: layers.filter((l) => l !== layer), node, call };
}

/** The value the statement produced in `call`: its outermost operation, or what it cached, or what it returned. */
function lineValue(report: LensReport, file: string, r: Recognition, call: LayerCall): { value: ValueSummary; op?: TapeOp; inputs: ValueSummary[] } | undefined {
  if (r.topic === 'forward-def' || r.topic === 'backward-def') {
    if (!call.outputs.length) return undefined;
    return { value: call.outputs.length === 1 ? call.outputs[0] : { kind: 'tuple', text: '', items: call.outputs }, inputs: call.args.map((a) => a.value), op: undefined };
  }
  const tape = call.tape ? report.tapes.find((t) => t.id === call.tape) : undefined;
  const target = r.names.attr ?? r.names.target;
  const attr = target && target.includes('.') ? strip(target) : undefined;
  if (attr) {
    const c = call.cache.find((x) => x.name === attr);
    if (c) {
      const op = tape ? outermost(tape.ops, file, r) : undefined;
      const inputs = op && tape ? op.inputs.map((id) => tape.values.find((v) => v.id === id)?.value).filter((v): v is ValueSummary => !!v) : [];
      return { value: c.value, op, inputs };
    }
  }
  if (tape) {
    const op = outermost(tape.ops, file, r);
    if (op) {
      const value = tape.values.find((v) => v.id === op.output)?.value;
      const inputs = op.inputs.map((id) => tape.values.find((v) => v.id === id)?.value).filter((v): v is ValueSummary => !!v);
      if (value) return { value, op, inputs };
    }
  }
  if (r.topic === 'cache-input' && r.names.param) {
    const a = call.args.find((x) => x.name === r.names.param);
    if (a) return { value: a.value, inputs: [] };
  }
  if (r.topic === 'dout-alias' || r.topic === 'add-grad') {
    const d = call.args[0];
    if (d) return { value: d.value, inputs: [] };
  }
  if ((r.topic === 'backward-return' || r.text.startsWith('return')) && call.outputs.length) {
    return { value: call.outputs.length === 1 ? call.outputs[0] : { kind: 'tuple', text: '', items: call.outputs }, inputs: [] };
  }
  return undefined;
}

function outermost(ops: TapeOp[], file: string, r: Recognition): TapeOp | undefined {
  let best: TapeOp | undefined;
  const size = (o: TapeOp) => (o.span.endLine - o.span.line) * 10000 + (o.span.endCol - o.span.col);
  for (const o of ops) {
    if (o.span.file !== file || o.span.line < r.line || o.span.endLine > r.endLine) continue;
    if (!best || size(o) > size(best) || (size(o) === size(best) && o.id > best.id)) best = o;
  }
  return best;
}

const OP_SYMBOL: Record<string, string> = { add: '+', subtract: '−', multiply: '⊙', divide: '÷', dot: '·', matmul: '@', power: '**', maximum: 'max', setitem: '←' };

function shapeOf(v: ValueSummary | undefined): string {
  if (!v) return '?';
  if (v.kind === 'array') return shapeText(v.shape ?? []);
  if (v.kind === 'tuple' && v.items) return `(${v.items.map(shapeOf).join(', ')})`;
  return v.kind === 'int' || v.kind === 'float' || v.kind === 'bool' ? 'scalar' : v.kind;
}

function actualShapes(lv: { value: ValueSummary; op?: TapeOp; inputs: ValueSummary[] }): string {
  const out = shapeOf(lv.value);
  const op = lv.op;
  if (!op && lv.inputs.length) return `${lv.inputs.map(shapeOf).join(', ')} → ${out}`;
  if (!op || !lv.inputs.length) return out;
  const ins = lv.inputs.filter((v) => v.kind === 'array' || lv.inputs.length <= 2).map(shapeOf);
  const sym = OP_SYMBOL[op.op];
  const lhs = sym && ins.length === 2 ? `${ins[0]} ${sym} ${ins[1]}` : `${op.op}(${ins.join(', ')})`;
  const axis = op.params && 'axis' in op.params && op.params.axis !== null && op.params.axis !== undefined ? `, axis=${String(op.params.axis)}` : '';
  return `${lhs}${axis} → ${out}`;
}

function preview(v: ValueSummary): string {
  const head = v.kind === 'array' ? `${shapeText(v.shape ?? [])} ${v.dtype ?? ''}`.trim() : v.kind;
  const range = v.kind === 'array' && v.min !== undefined && v.max !== undefined && !v.data ? `, [${shortNumber(v.min)}, ${shortNumber(v.max)}]` : '';
  let text = v.kind === 'tuple' && v.items ? v.items.map((i) => i.text).join('\n\n') : v.text;
  const lines = text.split('\n');
  if (lines.length > 6) text = [...lines.slice(0, 6), '…'].join('\n');
  if (text.length > 420) text = `${text.slice(0, 420)}…`;
  return `${head}${range}\n\n\`\`\`text\n${text}\n\`\`\``;
}

function checkLine(c: GradientCheck, lang: HoverLanguage): string {
  const wrt = c.target.kind === 'param' ? `∂L/∂${c.target.name} (${lang === 'ko' ? '매개변수' : 'parameter'})` : `∂L/∂${c.target.name}`;
  const by = c.verdictBy === 'numerical' ? (lang === 'ko' ? '수치 미분 대비' : 'vs numerical') : lang === 'ko' ? '자동 미분 대비' : 'vs automatic';
  const err = c.verdictBy === 'numerical' ? c.relErrorNumerical : c.relErrorAutomatic;
  const e = err === undefined ? '' : lang === 'ko' ? `, ${by} 상대 오차 ${shortNumber(err)}` : `, relative error ${by} ${shortNumber(err)}`;
  const line = c.line ? (lang === 'ko' ? ` (${c.line}행)` : ` (line ${c.line})`) : '';
  return `${c.passed ? '✓' : '✗'} ${wrt}${line}${e}`;
}

// ------------------------------------------------------------------ mistakes

const SUSPECT: Record<StaticSuspect, (r: Recognition) => Lang<string>> = {
  'sum-no-axis': (r) => ({
    en: `\`np.sum(${r.dout})\` adds up every element into one number, but b has shape (M,): sum over the batch axis only. Fix: \`np.sum(${r.dout}, axis=0)\`.`,
    ko: `\`np.sum(${r.dout})\`은 모든 원소를 더해 숫자 하나를 만들지만, b의 형상은 (M,)입니다. 배치 축으로만 합쳐야 합니다. 수정: \`np.sum(${r.dout}, axis=0)\`.`,
  }),
  'mul-same-input': (r) => ({
    en: `This is the gradient for \`${r.names.otherParam}\` (returned in its place), but it multiplies by \`${r.names.other}\`, that same input. The local derivative of x·y with respect to one factor is the *other* one. Fix: multiply by the other cached input.`,
    ko: `\`${r.names.otherParam}\`에 대한 기울기(그 자리로 반환됨)인데 같은 입력 \`${r.names.other}\`를 곱하고 있습니다. x·y를 한 입력으로 미분하면 *상대편* 입력이 됩니다. 수정: 상대편 입력을 곱하세요.`,
  }),
  'dout-in-place': (r) => ({
    en: `This writes into \`${r.dout}\`, the caller’s array. In a plain chain nobody reads it again, so the numbers come out right; but where a gradient branches (a value used twice, a skip connection), the other branch receives it already zeroed. Fix: \`dx = ${r.dout}.copy()\`, then \`dx[${r.names.mask}] = 0\`.`,
    ko: `호출한 쪽의 배열인 \`${r.dout}\`에 직접 쓰고 있습니다. 계층이 일렬로만 이어지면 아무도 다시 읽지 않아 결과가 맞지만, 기울기가 갈라지는 곳(한 값을 두 번 쓰거나 스킵 연결)에서는 다른 쪽이 이미 0으로 바뀐 기울기를 받습니다. 수정: \`dx = ${r.dout}.copy()\` 후 \`dx[${r.names.mask}] = 0\`.`,
  }),
  'relu-inverted': () => ({
    en: 'The mask is used the other way round: ReLU blocks the gradient where the input was ≤ 0 and passes it where the input was positive.',
    ko: '마스크를 반대로 쓰고 있습니다. ReLU는 입력이 0 이하였던 곳의 기울기를 막고, 양수였던 곳은 통과시킵니다.',
  }),
  'sigmoid-at-input': (r) => ({
    en: `\`${r.names.y}\` holds forward’s *input*; the sigmoid’s derivative is y(1 − y) with y the *output*. Fix: cache the output in forward (\`self.out = out\`) and use it here.`,
    ko: `\`${r.names.y}\`는 순전파의 *입력*입니다. 시그모이드의 미분은 *출력* y로 y(1 − y)입니다. 수정: 순전파에서 출력을 저장(\`self.out = out\`)해 여기서 쓰세요.`,
  }),
  'no-batch-size': () => ({
    en: 'With a batch, the loss is the batch mean, so the gradient is (y − t) / batch_size. Fix: divide by `batch_size = t.shape[0]` (fine as is for a single sample).',
    ko: '배치를 쓰면 손실이 배치 평균이므로 기울기는 (y − t) / batch_size입니다. 수정: `batch_size = t.shape[0]`으로 나누세요(샘플 하나라면 그대로도 됩니다).',
  }),
  'missing-transpose': (r) => ({
    en: `A transpose seems to be missing: ${r.topic === 'affine-dx' ? `∂L/∂x = dout · Wᵀ, i.e. \`np.dot(${r.names.dout}, ${r.names.W}.T)\`` : `∂L/∂W = xᵀ · dout, i.e. \`np.dot(${r.names.x}.T, ${r.names.dout})\``}; without it the shapes only fit by accident (square matrices).`,
    ko: `전치가 빠진 것 같습니다: ${r.topic === 'affine-dx' ? `∂L/∂x = dout · Wᵀ, 즉 \`np.dot(${r.names.dout}, ${r.names.W}.T)\`` : `∂L/∂W = xᵀ · dout, 즉 \`np.dot(${r.names.x}.T, ${r.names.dout})\``}. 전치 없이는 (정사각 행렬처럼) 우연히만 형상이 맞습니다.`,
  }),
};

/** Korean for the lens's explanation codes (its texts are English); the English text follows for details. */
const CHECK_KO: Record<string, string> = {
  'sum-axis': '편향의 기울기는 배치 축으로만 합쳐야 합니다: `np.sum(dout, axis=0)`. 모든 축으로 합치면 형상이 b와 달라집니다.',
  shape: '기울기의 형상이 미분 대상의 형상과 다릅니다. 기울기는 항상 미분 대상과 같은 형상입니다.',
  'mul-swap': '곱셈 계층에서 한 입력에 대한 기울기는 *상대편* 입력을 곱한 것입니다. 같은 입력을 곱했습니다.',
  mul: '곱셈의 국소적 미분은 상대편 입력입니다.',
  'sigmoid-input': '시그모이드의 국소적 미분은 출력 y로 y(1−y)입니다. 입력으로 계산했습니다.',
  sigmoid: '시그모이드의 국소적 미분은 출력 y로 y(1−y)입니다.',
  'relu-side': 'ReLU는 입력이 양수인 곳의 기울기를 통과시키고 0 이하인 곳을 막는데, 반대로 되어 있습니다.',
  relu: 'ReLU는 입력이 양수인 곳만 기울기를 통과시키고, 그 외는 0입니다.',
  'dot-transpose': '행렬곱의 기울기에서 전치(ᵀ)의 위치를 확인하세요: dx = dout·Wᵀ, dW = xᵀ·dout.',
  'batch-size': '손실이 배치 평균이므로 기울기는 (y − t) / batch_size입니다. batch_size배만큼 큽니다.',
  'softmax-with-loss': '소프트맥스와 교차 엔트로피 오차의 기울기는 (y − t) / batch_size입니다.',
  sign: '기울기의 부호가 연쇄법칙의 결과와 반대입니다.',
  'missing-dout': '국소적 미분만 계산했습니다. 연쇄법칙에 따라 상류 기울기 `dout`을 곱하세요.',
  scale: '기울기가 연쇄법칙의 결과에 상수배만큼 다릅니다.',
  'stale-cache': '순전파가 참조로 저장한 값을 호출한 쪽이 backward 전에 바꿨습니다. 순전파가 본 값과 다른 값으로 계산했습니다.',
  'backward-raised': 'backward가 예외를 일으켜 기울기를 만들지 못했습니다.',
  mismatch: '기울기가 연쇄법칙의 결과와 다릅니다.',
};

const HAZARD_KO: Record<Hazard['kind'], string> = {
  'dout-mutated': 'backward가 인수로 받은 `dout` 배열에 직접 씁니다. 그 배열은 호출한 쪽의 것이므로, 기울기가 갈라지는 곳(한 값을 두 번 쓰거나 스킵 연결)에서는 다른 쪽이 이미 바뀐 기울기를 받습니다. 수정: `dx = dout.copy()` 후 dx에 쓰세요.',
  'cached-input-mutated': '순전파가 인수를 참조로 저장했는데, backward 전에 호출한 쪽이 그 배열을 바꿨습니다. 역전파가 바뀐 값으로 계산합니다. 수정: `.copy()`를 저장하세요.',
};

// ------------------------------------------------------------------ the Markdown

/** The hover's Markdown for a recognised construct (and the last run's report, if any). */
export function hoverMarkdown(r: Recognition, opts: HoverOptions): string {
  const lang = opts.language;
  const ko = lang === 'ko';
  const L = (en: string, k: string) => (ko ? k : en);
  const sec = section(r, lang);
  if (!sec) return '';
  const out: string[] = [];
  out.push(sec.title);
  // The formula, and under it the learner's own line it stands for.
  const mine = r.topic === 'layer-class' || r.topic === 'forward-def' || r.topic === 'backward-def' || r.text === sec.formula ? '' : r.text;
  if (sec.formula || mine) out.push(`\`\`\`text\n${[sec.formula, mine && `${sec.formula ? '↳ ' : ''}${mine}`].filter(Boolean).join('\n')}\n\`\`\``);
  out.push(sec.why);
  // A NumPy detail of a layer line (the cursor elsewhere on `np.sum(dout, axis=0)`).
  if (r.numpy && !r.topic.startsWith('np-')) {
    const np = numpySection(r, lang);
    if (np) out.push(`*${np.title.replace(/\*/g, '')}*: ${np.why}`);
  }

  const live = opts.report && opts.file && r.className ? liveLayer(opts.report, opts.file, r) : undefined;
  const lv = live?.call && r.method ? lineValue(opts.report as LensReport, opts.file as string, r, live.call) : undefined;
  const shapeLines: string[] = [];
  if (sec.shapes) shapeLines.push(`${L('symbolic', '기호')}: \`${sec.shapes}\``);
  if (lv) shapeLines.push(`${L('last run', '마지막 실행')}: \`${actualShapes(lv)}\``);
  if (shapeLines.length) out.push(`**${L('Shapes', '형상')}**: ${shapeLines.join(' · ')}`);

  if (live) {
    const who = live.layer.label === live.layer.className ? live.layer.className : `${live.layer.label} (${live.layer.className})`;
    const more = live.others.length ? L(` (+${live.others.length} more: ${live.others.map((l) => l.label).join(', ')})`, ` (외 ${live.others.length}개: ${live.others.map((l) => l.label).join(', ')})`) : '';
    if (lv) out.push(`**${L('Last run', '마지막 실행')}**, ${who}${more}: ${preview(lv.value)}`);
    else if (!r.method) out.push(`**${L('Last run', '마지막 실행')}**: ${who}${more}`);
    let checks = (opts.report as LensReport).checks.filter((c) => c.layer === live.layer.id);
    const bcall = live.node?.backwardCall;
    if (bcall && checks.some((c) => c.backwardCall === bcall)) checks = checks.filter((c) => c.backwardCall === bcall);
    const onLine = r.topic === 'backward-def' || r.topic === 'layer-class' ? checks : r.method === 'backward' ? checks.filter((c) => c.line !== undefined && c.line >= r.line && c.line <= r.endLine) : [];
    if (onLine.length) out.push(`**${L('Gradient check', '기울기 확인')}**:\n${onLine.map((c) => `- ${checkLine(c, lang)}`).join('\n')}`);
  } else if (opts.report && r.className && r.method) {
    out.push(L('*Not traced in the last run (this layer was not called).*', '*마지막 실행에서 추적되지 않았습니다(이 계층이 호출되지 않음).*'));
  }

  // Mistakes flagged on this line by the last run, else the ones the code shows by itself.
  const mistakes: string[] = [];
  if (opts.report && opts.file && r.className) {
    const ids = new Set(opts.report.layers.filter((l) => l.className === r.className && (l.forwardSpan?.file === opts.file)).map((l) => l.id));
    const onLine = (line?: number) => line !== undefined && line >= r.line && line <= r.endLine;
    const seen = new Set<string>();
    for (const c of opts.report.checks) {
      if (!ids.has(c.layer) || c.passed || !onLine(c.line)) continue;
      const text = c.explanation ? (ko ? `${CHECK_KO[c.explanation.code] ?? ''} ${c.explanation.text}`.trim() : c.explanation.text) : L('This gradient differs from the chain rule’s.', '이 기울기는 연쇄법칙의 결과와 다릅니다.');
      if (!seen.has(text)) { seen.add(text); mistakes.push(`✗ ${text}`); }
    }
    for (const h of opts.report.hazards) {
      if (!ids.has(h.layer) || h.span?.file !== opts.file || !onLine(h.span?.line)) continue;
      const text = ko ? HAZARD_KO[h.kind] : h.message;
      if (!seen.has(text)) { seen.add(text); mistakes.push(`⚠ ${text}`); }
    }
  }
  if (!mistakes.length && r.suspect && !live) mistakes.push(`⚠ ${SUSPECT[r.suspect](r)[lang]}`);
  if (mistakes.length) out.push(`**${L('Mistake here', '여기서의 실수')}**\n\n${mistakes.join('\n\n')}`);

  if (live?.node && opts.uri) {
    const args = encodeURIComponent(JSON.stringify([{ uri: opts.uri, node: live.node.id }]));
    out.push(`[${L('Open in panel', '패널에서 열기')}](command:${OPEN_IN_PANEL}?${args})`);
  }
  return out.join('\n\n');
}
