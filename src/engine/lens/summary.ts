// Values as the report shows them: scalars in full, small arrays with their data, large arrays
// summarised (shape, min/max/mean, NumPy's own abbreviated printout) with the data kept aside.

import type { Interpreter } from '../interpreter';
import { NDArray } from '../numpy/ndarray';
import { NPScalar } from '../numpy/module';
import { arrayStr, DEFAULT_PRINT_OPTIONS } from '../numpy/printing';
import { PyTuple, type PyValue } from '../values';
import { PREVIEW_LIMIT, type ValueSummary } from './report';

export class Summarizer {
  /** Full data of the large arrays the report only summarises, by ref. */
  readonly arrays = new Map<string, NDArray>();
  private readonly refs = new Map<NDArray, string>();

  constructor(private readonly interp: Interpreter) {}

  summarize(v: PyValue): ValueSummary {
    if (v === null) return { kind: 'none', text: 'None' };
    if (typeof v === 'boolean') return { kind: 'bool', text: v ? 'True' : 'False', data: [v ? 1 : 0] };
    if (typeof v === 'bigint') return { kind: 'int', text: v.toString(), data: [Number(v)] };
    if (typeof v === 'number') return { kind: 'float', text: this.interp.repr(v), data: [v] };
    if (typeof v === 'string') return { kind: 'str', text: this.interp.repr(v) };
    if (v instanceof NPScalar) {
      const kind = v.dtype === 'bool' ? 'bool' : v.dtype === 'int64' ? 'int' : 'float';
      return { kind, text: this.interp.repr(v), dtype: v.dtype, data: [v.value] };
    }
    if (v instanceof NDArray) return this.array(v);
    if (v instanceof PyTuple) return { kind: 'tuple', text: this.interp.repr(v).slice(0, 200), items: v.items.map((x) => this.summarize(x)) };
    let text: string;
    try {
      text = this.interp.repr(v);
    } catch {
      text = `<${this.interp.typeName(v)}>`;
    }
    return { kind: 'other', text: text.slice(0, 200) };
  }

  private array(a: NDArray): ValueSummary {
    const flat = a.toFlat();
    // Above PREVIEW_LIMIT elements the text is NumPy's own abbreviation (`[[0.1 0.2 ... 0.9]\n ...]`),
    // as with np.set_printoptions(threshold=PREVIEW_LIMIT): a 100×10 batch prints in 500 characters, not 17,000.
    const text = a.size <= PREVIEW_LIMIT ? this.interp.str(a) : arrayStr({ dtype: a.dtype, shape: a.shape, data: flat }, { ...DEFAULT_PRINT_OPTIONS, threshold: PREVIEW_LIMIT });
    const out: ValueSummary = { kind: 'array', text, dtype: a.dtype, shape: a.shape.slice() };
    if (a.size > 0 && a.dtype !== 'bool') {
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (let i = 0; i < flat.length; i++) {
        const x = flat[i];
        if (x < min) min = x;
        if (x > max) max = x;
        sum += x;
      }
      out.min = min;
      out.max = max;
      out.mean = sum / flat.length;
    }
    if (a.size <= PREVIEW_LIMIT) out.data = Array.from(flat);
    else {
      let ref = this.refs.get(a);
      if (!ref) {
        ref = `A${this.refs.size + 1}`;
        this.refs.set(a, ref);
        this.arrays.set(ref, a);
      }
      out.ref = ref;
    }
    return out;
  }
}
