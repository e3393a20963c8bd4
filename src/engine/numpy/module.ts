// The Python face of the NumPy subset: the `numpy` module, `ndarray` methods, NumPy scalars,
// dtypes, `nditer` and `np.random`, wired into the interpreter's operators through NumpyBridge.

import type { BinOperator, CmpOperator } from '../ast';
import type { NumpyBridge } from '../builtins';
import type { Interpreter } from '../interpreter';
import { formatFloat, FormatError, formatInt } from '../pyformat';
import {
  NotImplemented, Ellipsis, PyBuiltin, PyRange, PyClass, PyGetter, PyIterator, PyList, PyModule, PyRaise, PySlice, PyTuple,
  type NativeFn, type PyValue,
} from '../values';
import {
  allclose, arrayEqual, argsort, average, binary, powerOperator, clip, concatenate, dot, isclose, matmul, NDArray, nextIndex, outer, reduce,
  round as npRound, sort, stack, unary, where, type BinaryOp, type IndexItem, type Operand, type ReduceOp, type UnaryOp,
} from './ndarray';
import { arrayRepr, arrayStr, DEFAULT_PRINT_OPTIONS, scalarRepr, scalarStr, type PrintOptions } from './printing';
import { LegacyRandom } from './random';
import { NumpyError, type DType } from './types';

/** A NumPy scalar (`np.float64(0.5)`, what `np.sum` returns): immutable, with a dtype. */
export class NPScalar {
  constructor(readonly dtype: DType, readonly value: number) {}
}

/** `np.dtype('float64')`. */
export class DTypeObj {
  constructor(readonly name: DType) {}
}

/** `np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])`. */
export class NDIter {
  readonly index: number[];
  finished: boolean;
  constructor(readonly array: NDArray) {
    this.index = array.shape.map(() => 0);
    this.finished = array.size === 0;
  }
}

const BINOPS: Partial<Record<BinOperator, BinaryOp>> = {
  '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'true_divide', '//': 'floor_divide', '%': 'remainder', '**': 'power',
  '&': 'bitwise_and', '|': 'bitwise_or', '^': 'bitwise_xor',
};
const CMPOPS: Partial<Record<CmpOperator, BinaryOp>> = {
  '==': 'equal', '!=': 'not_equal', '<': 'less', '<=': 'less_equal', '>': 'greater', '>=': 'greater_equal',
};

export function installNumpy(interp: Interpreter, stderr: (text: string) => void): void {
  const b = interp.builtins;
  const np = new PyModule('numpy');
  let printOptions: PrintOptions = { ...DEFAULT_PRINT_OPTIONS };
  const rng = new LegacyRandom();

  // ------------------------------------------------------------ classes
  const ndarrayCls = new PyClass('ndarray', [b.objectClass], 'numpy');
  const genericCls = new PyClass('generic', [b.objectClass], 'numpy');
  const scalarClasses: Record<DType, PyClass> = {
    float64: new PyClass('float64', [genericCls, b.cls('float')], 'numpy'),
    float32: new PyClass('float32', [genericCls], 'numpy'),
    int64: new PyClass('int64', [genericCls], 'numpy'),
    bool: new PyClass('bool_', [genericCls], 'numpy'),
  };
  const dtypeCls = new PyClass('dtype', [b.objectClass], 'numpy');
  const nditerCls = new PyClass('nditer', [b.objectClass], 'numpy');
  const axisError = new PyClass('AxisError', [b.cls('ValueError'), b.cls('IndexError')], 'numpy');
  b.extraExceptions.set('numpy.AxisError', axisError);
  const ufuncCastError = new PyClass('_UFuncOutputCastingError', [b.cls('TypeError')], 'numpy.core._exceptions');
  b.extraExceptions.set('numpy.core._exceptions._UFuncOutputCastingError', ufuncCastError);

  // ------------------------------------------------------------ errors and warnings
  const raised = new Set<string>();
  const warn = (category: string, message: string): void => {
    const frame = interp.frames[interp.frames.length - 1];
    const file = frame?.filename ?? '<string>';
    const line = frame?.line ?? 0;
    const key = `${file}:${line}:${category}:${message}`;
    if (raised.has(key)) return;
    raised.add(key);
    const src = interp.sources.get(file)?.[line - 1]?.trim();
    stderr(`${file}:${line}: ${category}: ${message}\n${src ? `  ${src}\n` : ''}`);
  };

  /** Records an elementary operation on the lens's tape, when a layer call is being traced. */
  const rec = <T extends PyValue>(op: string, inputs: PyValue[], output: T, params?: Record<string, unknown>): T => {
    if (interp.tracer?.recording) interp.tracer.op(op, inputs, output, params);
    return output;
  };
  const TAPE_NAMES: Partial<Record<BinaryOp, string>> = { true_divide: 'divide' };

  /** Runs NumPy code, turning its errors into Python exceptions. */
  function guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof NumpyError) {
        const qual = (e as { qualName?: string }).qualName;
        const name = qual ?? e.pyType;
        const cls = b.extraExceptions.get(name) ?? (e.pyType === 'numpy.AxisError' ? axisError : null);
        if (cls) {
          const r = interp.error('Exception', e.message);
          r.exc.cls = cls;
          throw r;
        }
        throw interp.error(e.pyType, e.message);
      }
      throw e;
    }
  }

  // ------------------------------------------------------------ conversions
  const owns = (v: PyValue): boolean => v instanceof NDArray || v instanceof NPScalar || v instanceof DTypeObj || v instanceof NDIter;

  const scalarOf = (arr: NDArray, value: number): NPScalar => new NPScalar(arr.dtype, value);

  /** A 0-d result becomes a NumPy scalar, as NumPy's ufuncs return. */
  const wrap = (a: NDArray): PyValue => (a.ndim === 0 ? new NPScalar(a.dtype, a.data[a.offset]) : a);

  function parseDtype(v: PyValue | undefined): DType | null {
    if (v === undefined || v === null) return null;
    if (v instanceof DTypeObj) return v.name;
    if (v === b.cls('float')) return 'float64';
    if (v === b.cls('int')) return 'int64';
    if (v === b.cls('bool')) return 'bool';
    for (const [k, c] of Object.entries(scalarClasses)) if (v === c) return k as DType;
    if (typeof v === 'string') {
      const map: Record<string, DType> = { float64: 'float64', float: 'float64', f8: 'float64', d: 'float64', float32: 'float32', f4: 'float32', f: 'float32', int64: 'int64', int: 'int64', i8: 'int64', l: 'int64', bool: 'bool', '?': 'bool', bool_: 'bool' };
      const d = map[v];
      if (d) return d;
      if (/^(u?int(8|16|32)|float16|complex|U|S|O)/.test(v)) throw interp.error('NotImplementedError', `dtype '${v}' is not supported by Backprop Lens (float64, float32, int64 and bool are)`);
      throw interp.error('TypeError', `data type '${v}' not understood`);
    }
    if (v instanceof PyClass && v.module === 'numpy') throw interp.error('NotImplementedError', `dtype ${v.name} is not supported by Backprop Lens (float64, float32, int64 and bool are)`);
    throw interp.error('TypeError', `Cannot interpret '${interp.repr(v)}' as a data type`);
  }

  /** Nested lists/tuples/scalars/arrays → an NDArray, inferring shape and dtype like np.array. */
  function toArray(v: PyValue, dtype: DType | null = null): NDArray {
    if (v instanceof PyRange) v = new PyList(interp.toArray(v));
    if (v instanceof NDArray) return dtype && dtype !== v.dtype ? guard(() => v.astype(dtype)) : v;
    const shape: number[] = [];
    let kind: DType = 'bool';
    let sawAny = false;
    const flat: number[] = [];
    const rank = (d: DType): number => ({ bool: 0, int64: 1, float32: 2, float64: 3 })[d];
    const note = (d: DType) => { if (!sawAny || rank(d) > rank(kind)) kind = d; sawAny = true; };
    const visit = (x: PyValue, depth: number): void => {
      if (x instanceof PyList || x instanceof PyTuple || x instanceof NDArray) {
        const items: PyValue[] = x instanceof NDArray ? [] : x.items;
        const len = x instanceof NDArray ? (x.ndim ? x.shape[0] : -1) : items.length;
        if (x instanceof NDArray) {
          if (shape.length < depth + x.ndim && depth === shape.length) shape.push(...x.shape);
          else if (shape.slice(depth).join() !== x.shape.join()) inhomogeneous(depth);
          note(x.dtype === 'float32' && kind === 'float64' ? 'float64' : x.dtype);
          for (const val of x.toFlat()) flat.push(val);
          void len;
          return;
        }
        if (depth === shape.length) shape.push(len);
        else if (shape[depth] !== len) inhomogeneous(depth);
        for (const it of items) visit(it, depth + 1);
        if (len === 0 && depth === shape.length - 1) note('float64');
        return;
      }
      if (depth !== shape.length) inhomogeneous(depth);
      if (typeof x === 'boolean') { note('bool'); flat.push(x ? 1 : 0); return; }
      if (typeof x === 'bigint') { note('int64'); flat.push(Number(x)); return; }
      if (typeof x === 'number') { note('float64'); flat.push(x); return; }
      if (x instanceof NPScalar) { note(x.dtype); flat.push(x.value); return; }
      if (typeof x === 'string') throw interp.error('NotImplementedError', 'string arrays are not supported by Backprop Lens');
      if (x === null) throw interp.error('NotImplementedError', 'object arrays (containing None) are not supported by Backprop Lens');
      throw interp.error('TypeError', `float() argument must be a string or a real number, not '${interp.typeName(x)}'`);
    };
    const inhomogeneous = (depth: number): never => {
      throw interp.error('ValueError', `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was (${shape.slice(0, depth).join(', ')}${depth === 1 ? ',' : ''}) + inhomogeneous part.`);
    };
    visit(v, 0);
    return guard(() => NDArray.fromFlat(flat, shape, dtype ?? (sawAny ? kind : 'float64')));
  }

  const operand = (v: PyValue): Operand => {
    if (v instanceof NDArray) return { array: v, weak: false };
    if (typeof v === 'number') return { array: NDArray.scalar(v, 'float64'), weak: true };
    if (typeof v === 'bigint') return { array: NDArray.scalar(Number(v), 'int64'), weak: true };
    if (typeof v === 'boolean') return { array: NDArray.scalar(v ? 1 : 0, 'bool'), weak: true };
    if (v instanceof NPScalar) return { array: NDArray.scalar(v.value, v.dtype), weak: true };
    if (v instanceof PyList || v instanceof PyTuple) return { array: toArray(v), weak: false };
    throw new NotArrayLike();
  };
  class NotArrayLike {}

  const isScalarLike = (v: PyValue): boolean => !(v instanceof NDArray) && !(v instanceof PyList) && !(v instanceof PyTuple);

  function applyBinary(op: BinaryOp, a: PyValue, c: PyValue, out?: NDArray, viaOperator = false): PyValue {
    let x: Operand;
    let y: Operand;
    try {
      x = operand(a);
      y = operand(c);
    } catch (e) {
      if (e instanceof NotArrayLike) return NotImplemented;
      throw e;
    }
    if (isScalarLike(a) && isScalarLike(c)) {
      // NumPy scalar math words its warnings "encountered in scalar divide".
      x.scalar = true;
      y.scalar = true;
    }
    // `**` takes NumPy's fast paths (x**2 is square, x**0.5 is sqrt), which round differently from np.power.
    if (out && interp.tracer?.recording) interp.tracer.beforeMutate(out);
    const r = guard(() => (op === 'power' && viaOperator ? powerOperator(x, y, out, warn) : binary(op, x, y, out, warn)));
    return rec(TAPE_NAMES[op] ?? op, [a, c], out ? out : wrap(r), out ? { inPlace: true } : undefined);
  }

  function toIndex(key: PyValue): IndexItem[] {
    const items = key instanceof PyTuple ? key.items : [key];
    return items.map((k): IndexItem => {
      if (typeof k === 'bigint') return { kind: 'int', value: Number(k) };
      if (k instanceof NPScalar && k.dtype === 'int64') return { kind: 'int', value: k.value };
      if (k instanceof PySlice) {
        const part = (p: PyValue): number | null => (p === null ? null : b.toIndex(p, 'slice indices must be integers or None or have an __index__ method'));
        return { kind: 'slice', start: part(k.start), stop: part(k.stop), step: part(k.step) };
      }
      if (k === null) return { kind: 'newaxis' };
      if (k === Ellipsis) return { kind: 'ellipsis' };
      if (k instanceof NDArray) return { kind: 'array', array: k };
      if (k instanceof PyList) return { kind: 'array', array: toArray(k) };
      if (typeof k === 'boolean' || (k instanceof NPScalar && k.dtype === 'bool')) return { kind: 'array', array: NDArray.scalar(k === true || (k instanceof NPScalar && k.value !== 0) ? 1 : 0, 'bool') };
      throw interp.error('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
    });
  }

  function valueToSet(v: PyValue): NDArray | number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof NPScalar) return v.value;
    if (v instanceof NDArray) return v;
    if (v instanceof PyList || v instanceof PyTuple) return toArray(v);
    throw interp.error('TypeError', `float() argument must be a string or a real number, not '${interp.typeName(v)}'`);
  }

  function pyNumber(dtype: DType, value: number): PyValue {
    if (dtype === 'bool') return value !== 0;
    if (dtype === 'int64') return BigInt(value);
    return value;
  }

  function toList(a: NDArray): PyValue {
    if (a.ndim === 0) return pyNumber(a.dtype, a.data[a.offset]);
    const flat = a.toFlat();
    let pos = 0;
    const build = (d: number): PyValue => {
      const n = a.shape[d];
      const items: PyValue[] = [];
      for (let i = 0; i < n; i++) items.push(d === a.ndim - 1 ? pyNumber(a.dtype, flat[pos++]) : build(d + 1));
      return new PyList(items);
    };
    return build(0);
  }

  const printable = (a: NDArray) => ({ dtype: a.dtype, shape: a.shape, data: a.isCContiguous() && a.offset === 0 && a.data.length === a.size ? a.data : a.toFlat() });

  // ------------------------------------------------------------ argument helpers
  const arg = (args: PyValue[], kw: Map<string, PyValue> | null, i: number, name: string): PyValue | undefined => {
    if (i < args.length) return args[i];
    return kw?.get(name);
  };
  const axisArg = (v: PyValue | undefined): number | number[] | null => {
    if (v === undefined || v === null) return null;
    if (v instanceof PyTuple) return v.items.map((x) => b.toIndex(x));
    return b.toIndex(v, `'${interp.typeName(v)}' object cannot be interpreted as an integer`);
  };
  const shapeArg = (v: PyValue): number[] => {
    if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => b.toIndex(x));
    return [b.toIndex(v)];
  };
  const num = (v: PyValue): number => {
    const f = b.toFloat(v);
    if (f === undefined) throw interp.error('TypeError', `must be real number, not ${interp.typeName(v)}`);
    return f;
  };
  const asArr = (v: PyValue): NDArray => (v instanceof NDArray ? v : toArray(v));

  function def(target: PyModule | PyClass, name: string, f: NativeFn, method = false): void {
    target.dict.set(name, new PyBuiltin(name, (args, kw) => guard(() => f(args, kw)), method, target instanceof PyClass ? `${target.name}.${name}` : name));
  }

  // ------------------------------------------------------------ reductions, shared by np.* and ndarray methods
  const reduction = (op: ReduceOp) => (a: PyValue, args: PyValue[], kw: Map<string, PyValue> | null): PyValue => {
    const arr = asArr(a);
    const axis = axisArg(arg(args, kw, 0, 'axis'));
    const keepdims = kw?.get('keepdims') !== undefined ? interp.truthy(kw.get('keepdims') as PyValue) : false;
    const ddof = kw?.get('ddof') !== undefined ? num(kw.get('ddof') as PyValue) : 0;
    if (kw?.get('dtype') !== undefined || kw?.get('out') !== undefined) throw interp.error('NotImplementedError', `${op}(dtype=..., out=...) is not supported by Backprop Lens`);
    return rec(op, [a], wrap(reduce(op, arr, axis, keepdims, ddof)), { axis, keepdims });
  };
  const REDUCTIONS: [string, ReduceOp][] = [['sum', 'sum'], ['prod', 'prod'], ['max', 'max'], ['min', 'min'], ['mean', 'mean'], ['argmax', 'argmax'], ['argmin', 'argmin'], ['all', 'all'], ['any', 'any'], ['std', 'std'], ['var', 'var'], ['cumsum', 'cumsum']];

  // ------------------------------------------------------------ ndarray
  const A = (v: PyValue): NDArray => v as NDArray;
  b.getter(ndarrayCls, 'shape', (s) => new PyTuple(A(s).shape.map(BigInt)));
  b.getter(ndarrayCls, 'ndim', (s) => BigInt(A(s).ndim));
  b.getter(ndarrayCls, 'size', (s) => BigInt(A(s).size));
  b.getter(ndarrayCls, 'dtype', (s) => new DTypeObj(A(s).dtype));
  b.getter(ndarrayCls, 'T', (s) => rec('transpose', [s], guard(() => A(s).transpose())));
  b.getter(ndarrayCls, 'itemsize', (s) => (A(s).dtype === 'bool' ? 1n : A(s).dtype === 'float32' ? 4n : 8n));
  b.getter(ndarrayCls, 'nbytes', (s) => BigInt(A(s).size) * (A(s).dtype === 'bool' ? 1n : A(s).dtype === 'float32' ? 4n : 8n));
  b.getter(ndarrayCls, 'flat', (s) => new PyIterator(Array.from(A(s).toFlat(), (v) => scalarOf(A(s), v) as PyValue)[Symbol.iterator](), 'numpy.flatiter'));
  ndarrayCls.dict.set('shape', new PyGetter('shape', (s) => new PyTuple(A(s).shape.map(BigInt)), (s, v) => {
    const shape = shapeArg(v);
    const r = guard(() => A(s).reshape(shape));
    if (r.data !== A(s).data) throw interp.error('AttributeError', 'Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.');
    Object.assign(A(s), { shape: r.shape, strides: r.strides });
  }));
  for (const [name, op] of REDUCTIONS) def(ndarrayCls, name, (args, kw) => reduction(op)(args[0], args.slice(1), kw), true);
  def(ndarrayCls, 'reshape', (args, kw) => {
    const dims = args.length === 2 ? shapeArg(args[1]) : args.slice(1).map((x) => b.toIndex(x));
    void kw;
    return rec('reshape', [args[0]], A(args[0]).reshape(dims), { shape: dims });
  }, true);
  def(ndarrayCls, 'transpose', (args) => {
    const axes = args.length === 1 ? undefined : args.length === 2 && args[1] !== null ? shapeArg(args[1]) : args.length > 2 ? args.slice(1).map((x) => b.toIndex(x)) : undefined;
    return rec('transpose', [args[0]], A(args[0]).transpose(axes), { axes });
  }, true);
  def(ndarrayCls, 'copy', (args) => rec('copy', [args[0]], A(args[0]).copy()), true);
  def(ndarrayCls, 'flatten', (args) => rec('reshape', [args[0]], A(args[0]).flatten(), { shape: [A(args[0]).size] }), true);
  def(ndarrayCls, 'ravel', (args) => A(args[0]).ravel(), true);
  def(ndarrayCls, 'astype', (args, kw) => rec('astype', [args[0]], A(args[0]).astype(parseDtype(arg(args, kw, 1, 'dtype')) ?? 'float64')), true);
  def(ndarrayCls, 'tolist', (args) => toList(A(args[0])), true);
  def(ndarrayCls, 'item', (args) => {
    const a = A(args[0]);
    if (args.length > 1) {
      const idx = args.slice(1).map((x) => b.toIndex(x));
      if (idx.length === 1) return pyNumber(a.dtype, a.item(idx[0] < 0 ? idx[0] + a.size : idx[0]));
      return pyNumber(a.dtype, a.getAt(idx));
    }
    if (a.size !== 1) throw interp.error('ValueError', 'can only convert an array of size 1 to a Python scalar');
    return pyNumber(a.dtype, a.item());
  }, true);
  def(ndarrayCls, 'fill', (args) => { A(args[0]).fill(num(args[1])); return null; }, true);
  def(ndarrayCls, 'dot', (args) => rec('dot', [args[0], args[1]], wrap(dot(A(args[0]), asArr(args[1])))), true);
  def(ndarrayCls, 'clip', (args, kw) => wrap(clip(A(args[0]), optNum(arg(args, kw, 1, 'min')), optNum(arg(args, kw, 2, 'max')))), true);
  def(ndarrayCls, 'round', (args, kw) => wrap(npRound(A(args[0]), b.toIndex(arg(args, kw, 1, 'decimals') ?? 0n))), true);
  def(ndarrayCls, 'argsort', (args, kw) => argsort(A(args[0]), b.toIndex(arg(args, kw, 1, 'axis') ?? -1n)), true);
  def(ndarrayCls, 'sort', (args, kw) => { const a = A(args[0]); a.assign(sort(a, b.toIndex(arg(args, kw, 1, 'axis') ?? -1n))); return null; }, true);
  def(ndarrayCls, 'squeeze', (args) => { const a = A(args[0]); return a.reshape(a.shape.filter((d) => d !== 1)); }, true);
  def(ndarrayCls, '__len__', (args) => BigInt(bridge.len(args[0])), true);
  def(ndarrayCls, '__getitem__', (args) => bridge.getItem(args[0], args[1]), true);
  def(ndarrayCls, '__setitem__', (args) => { bridge.setItem(args[0], args[1], args[2]); return null; }, true);
  def(ndarrayCls, '__iter__', (args) => new PyIterator(bridge.iterate(args[0]), 'iterator'), true);
  const optNum = (v: PyValue | undefined): number | null => (v === undefined || v === null ? null : num(v));

  // ------------------------------------------------------------ scalars and dtypes
  for (const [dtype, cls] of Object.entries(scalarClasses) as [DType, PyClass][]) {
    cls.dict.set('__new__', new PyBuiltin('__new__', (args) => {
      const v = args[1] ?? 0n;
      if (v instanceof NDArray || v instanceof PyList || v instanceof PyTuple) return guard(() => toArray(v).astype(dtype));
      if (typeof v === 'string') {
        const f = Number(v);
        if (Number.isNaN(f) && v.trim().toLowerCase() !== 'nan') throw interp.error('ValueError', `could not convert string to float: '${v}'`);
        return wrap(NDArray.scalar(f, dtype));
      }
      return wrap(NDArray.fromFlat([b.toFloat(v) ?? num(v)], [], dtype));
    }));
    def(cls, 'item', (args) => pyNumber((args[0] as NPScalar).dtype, (args[0] as NPScalar).value), true);
    def(cls, 'tolist', (args) => pyNumber((args[0] as NPScalar).dtype, (args[0] as NPScalar).value), true);
    def(cls, 'is_integer', (args) => Number.isInteger((args[0] as NPScalar).value), true);
    b.getter(cls, 'dtype', (s) => new DTypeObj((s as NPScalar).dtype));
    b.getter(cls, 'shape', () => new PyTuple([]));
    b.getter(cls, 'ndim', () => 0n);
    b.getter(cls, 'size', () => 1n);
    b.getter(cls, 'T', (s) => s);
    for (const [name, op] of REDUCTIONS) def(cls, name, (args, kw) => reduction(op)(asArr(args[0] instanceof NPScalar ? new PyList([args[0]]) : args[0]), args.slice(1), kw), true);
    def(cls, 'astype', (args) => wrap(NDArray.scalar((args[0] as NPScalar).value, parseDtype(args[1]) ?? 'float64')), true);
    def(cls, 'copy', (args) => args[0], true);
    def(cls, 'reshape', (args) => NDArray.scalar((args[0] as NPScalar).value, (args[0] as NPScalar).dtype).reshape(args.length === 2 ? shapeArg(args[1]) : args.slice(1).map((x) => b.toIndex(x))), true);
    np.dict.set(dtype === 'bool' ? 'bool_' : dtype, cls);
  }
  // Other NumPy dtypes exist as names, so that using one is a clear "not supported" error.
  for (const name of ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'complex64', 'complex128', 'str_', 'object_']) {
    np.dict.set(name, new PyClass(name, [genericCls], 'numpy'));
  }
  np.dict.set('double', scalarClasses.float64);
  np.dict.set('float_', scalarClasses.float64);
  np.dict.set('int_', scalarClasses.int64);
  np.dict.set('single', scalarClasses.float32);
  b.getter(dtypeCls, 'name', (d) => (d as DTypeObj).name);
  b.getter(dtypeCls, 'kind', (d) => ({ float64: 'f', float32: 'f', int64: 'i', bool: 'b' })[(d as DTypeObj).name]);
  b.getter(dtypeCls, 'itemsize', (d) => ({ float64: 8n, float32: 4n, int64: 8n, bool: 1n })[(d as DTypeObj).name]);
  b.getter(dtypeCls, 'type', (d) => scalarClasses[(d as DTypeObj).name]);
  dtypeCls.dict.set('__new__', new PyBuiltin('__new__', (args) => new DTypeObj(parseDtype(args[1]) ?? 'float64')));
  np.dict.set('dtype', dtypeCls);
  np.dict.set('ndarray', ndarrayCls);
  np.dict.set('generic', genericCls);
  np.dict.set('AxisError', axisError);

  // ------------------------------------------------------------ nditer
  nditerCls.dict.set('__new__', new PyBuiltin('__new__', (args, kw) => {
    const a = args[1];
    if (!(a instanceof NDArray)) throw interp.error('NotImplementedError', 'np.nditer over a non-array is not supported by Backprop Lens');
    void kw;
    return new NDIter(a);
  }));
  b.getter(nditerCls, 'finished', (it) => (it as NDIter).finished);
  b.getter(nditerCls, 'multi_index', (it) => {
    const i = it as NDIter;
    if (i.finished) throw interp.error('ValueError', 'Iterator is past the end');
    return new PyTuple(i.index.map(BigInt));
  });
  b.getter(nditerCls, 'value', (it) => { const i = it as NDIter; return wrap(i.array.getItem(i.index.map((value) => ({ kind: 'int', value }))) instanceof NDArray ? (i.array.getItem(i.index.map((value) => ({ kind: 'int' as const, value }))) as NDArray) : NDArray.scalar(i.array.getAt(i.index), i.array.dtype)); });
  def(nditerCls, 'iternext', (args) => {
    const it = args[0] as NDIter;
    if (it.finished) return false;
    if (!nextIndex(it.index, it.array.shape)) it.finished = true;
    return !it.finished;
  }, true);
  np.dict.set('nditer', nditerCls);

  // ------------------------------------------------------------ module functions
  np.dict.set('pi', Math.PI);
  np.dict.set('e', Math.E);
  np.dict.set('inf', Infinity);
  np.dict.set('nan', NaN);
  np.dict.set('newaxis', null);
  np.dict.set('__version__', '1.24.2');

  def(np, 'array', (args, kw) => {
    const v = args[0];
    const dtype = parseDtype(arg(args, kw, 1, 'dtype'));
    const copy = kw?.get('copy');
    if (v instanceof NDArray) return copy === false && (!dtype || dtype === v.dtype) ? v : (dtype ? v.astype(dtype) : v.copy());
    return toArray(v, dtype);
  });
  def(np, 'asarray', (args, kw) => toArray(args[0], parseDtype(arg(args, kw, 1, 'dtype'))));
  const filled = (name: string, value: number) => def(np, name, (args, kw) => NDArray.full(shapeArg(args[0]), value, parseDtype(arg(args, kw, 1, 'dtype')) ?? 'float64'));
  filled('zeros', 0);
  filled('ones', 1);
  filled('empty', 0);
  def(np, 'full', (args, kw) => {
    const fill = args[1];
    const dtype = parseDtype(arg(args, kw, 2, 'dtype')) ?? (typeof fill === 'bigint' ? 'int64' : typeof fill === 'boolean' ? 'bool' : fill instanceof NPScalar ? fill.dtype : 'float64');
    return NDArray.full(shapeArg(args[0]), num(fill), dtype);
  });
  const like = (name: string, value: number | null) => def(np, name, (args, kw) => {
    const src = asArr(args[0]);
    const dtype = parseDtype(kw?.get('dtype')) ?? src.dtype;
    return NDArray.full(src.shape.slice(), value ?? num(args[1]), dtype);
  });
  like('zeros_like', 0);
  like('ones_like', 1);
  like('empty_like', 0);
  like('full_like', null);
  def(np, 'arange', (args, kw) => {
    const nums = args.filter((x) => x !== undefined);
    const allInt = nums.every((x) => typeof x === 'bigint' || (x instanceof NPScalar && x.dtype === 'int64'));
    const dtype = parseDtype(kw?.get('dtype')) ?? (allInt ? 'int64' : 'float64');
    const [start, stop, step] = nums.length === 1 ? [0, num(nums[0]), 1] : [num(nums[0]), num(nums[1]), nums.length > 2 ? num(nums[2]) : 1];
    if (step === 0) throw interp.error('ZeroDivisionError', 'division by zero');
    return NDArray.arange(start, stop, step, dtype);
  });
  def(np, 'linspace', (args, kw) => {
    const start = num(args[0]);
    const stop = num(args[1]);
    const n = b.toIndex(arg(args, kw, 2, 'num') ?? 50n);
    const endpoint = kw?.get('endpoint') !== undefined ? interp.truthy(kw.get('endpoint') as PyValue) : true;
    const div = endpoint ? n - 1 : n;
    const step = div > 0 ? (stop - start) / div : NaN;
    const vals: number[] = [];
    // NumPy: arange(0, num) * step + start, and the last value set to stop exactly.
    for (let i = 0; i < n; i++) vals.push(div > 0 ? i * step + start : start);
    if (endpoint && n > 1) vals[n - 1] = stop;
    return NDArray.fromFlat(vals, [n], 'float64');
  });
  def(np, 'eye', (args, kw) => {
    const n = b.toIndex(args[0]);
    const m = arg(args, kw, 1, 'M');
    return NDArray.eye(n, m === undefined || m === null ? n : b.toIndex(m), b.toIndex(arg(args, kw, 2, 'k') ?? 0n), parseDtype(kw?.get('dtype')) ?? 'float64');
  });
  def(np, 'identity', (args) => NDArray.eye(b.toIndex(args[0]), b.toIndex(args[0]), 0, 'float64'));

  // ufuncs
  const ufunc1: [string, UnaryOp][] = [
    ['exp', 'exp'], ['log', 'log'], ['log2', 'log2'], ['log10', 'log10'], ['log1p', 'log1p'], ['expm1', 'expm1'], ['sqrt', 'sqrt'], ['square', 'square'],
    ['tanh', 'tanh'], ['sinh', 'sinh'], ['cosh', 'cosh'], ['sin', 'sin'], ['cos', 'cos'], ['tan', 'tan'], ['arcsin', 'arcsin'], ['arccos', 'arccos'], ['arctan', 'arctan'],
    ['abs', 'absolute'], ['absolute', 'absolute'], ['fabs', 'absolute'], ['negative', 'negative'], ['positive', 'positive'], ['sign', 'sign'], ['floor', 'floor'], ['ceil', 'ceil'],
    ['rint', 'rint'], ['trunc', 'trunc'], ['isnan', 'isnan'], ['isinf', 'isinf'], ['isfinite', 'isfinite'], ['logical_not', 'logical_not'], ['invert', 'invert'], ['reciprocal', 'reciprocal'],
  ];
  for (const [name, op] of ufunc1) {
    def(np, name, (args) => {
      b.arity(name, args, 1, 2);
      const x = operand(args[0]);
      const scalar = isScalarLike(args[0]);
      return rec(op, [args[0]], wrap(unary(op, x, (cat, msg) => warn(cat, scalar ? msg.replace(/encountered in (\w+)/, 'encountered in $1') : msg))));
    });
  }
  const ufunc2: [string, BinaryOp][] = [
    ['add', 'add'], ['subtract', 'subtract'], ['multiply', 'multiply'], ['divide', 'true_divide'], ['true_divide', 'true_divide'], ['floor_divide', 'floor_divide'],
    ['mod', 'remainder'], ['remainder', 'remainder'], ['power', 'power'], ['maximum', 'maximum'], ['minimum', 'minimum'], ['equal', 'equal'], ['not_equal', 'not_equal'],
    ['less', 'less'], ['less_equal', 'less_equal'], ['greater', 'greater'], ['greater_equal', 'greater_equal'], ['logical_and', 'logical_and'], ['logical_or', 'logical_or'],
    ['arctan2', 'arctan2'],
  ];
  for (const [name, op] of ufunc2) {
    def(np, name, (args, kw) => {
      const out = kw?.get('out');
      const r = applyBinary(op, args[0], args[1], out instanceof NDArray ? out : undefined);
      if (r === NotImplemented) throw interp.error('TypeError', `ufunc '${name}' not supported for the input types`);
      return r;
    });
  }
  for (const [name, op] of REDUCTIONS) def(np, name, (args, kw) => reduction(op)(args[0], args.slice(1), kw));
  np.dict.set('amax', np.dict.get('max') as PyValue);
  np.dict.set('amin', np.dict.get('min') as PyValue);
  def(np, 'average', (args, kw) => {
    const a = asArr(args[0]);
    const axis = axisArg(arg(args, kw, 1, 'axis'));
    const w = arg(args, kw, 2, 'weights');
    if (w === undefined || w === null) return wrap(average(a, axis));
    // NumPy: np.multiply(a, wgt).sum(axis) / wgt.sum(axis), with 1-D weights laid along `axis`.
    let wgt = asArr(w);
    if (wgt.ndim !== a.ndim) {
      if (typeof axis !== 'number') throw interp.error('TypeError', 'Axis must be specified when shapes of a and weights differ.');
      const ax = axis < 0 ? axis + a.ndim : axis;
      wgt = wgt.reshape(a.shape.map((d, i) => (i === ax ? d : 1)));
    }
    const total = reduce('sum', binary('multiply', { array: a, weak: false }, { array: wgt, weak: false }), axis, false);
    const scl = reduce('sum', wgt.astype(a.dtype === 'float32' ? 'float32' : 'float64').broadcastTo(a.shape), axis, false);
    if (scl.toFlat().some((x) => x === 0)) throw interp.error('ZeroDivisionError', "Weights sum to zero, can't be normalized");
    return wrap(binary('true_divide', { array: total, weak: false }, { array: scl, weak: false }));
  });
  def(np, 'dot', (args) => rec('dot', [args[0], args[1]], wrap(dot(asArr(args[0]), asArr(args[1])))));
  def(np, 'matmul', (args) => rec('matmul', [args[0], args[1]], wrap(matmul(asArr(args[0]), asArr(args[1])))));
  def(np, 'outer', (args) => outer(asArr(args[0]), asArr(args[1])));
  def(np, 'allclose', (args, kw) => allclose(operand(args[0]), operand(args[1]), num(arg(args, kw, 2, 'rtol') ?? 1e-5), num(arg(args, kw, 3, 'atol') ?? 1e-8), interp.truthy(arg(args, kw, 4, 'equal_nan') ?? false)));
  def(np, 'isclose', (args, kw) => wrap(isclose(operand(args[0]), operand(args[1]), num(arg(args, kw, 2, 'rtol') ?? 1e-5), num(arg(args, kw, 3, 'atol') ?? 1e-8), interp.truthy(arg(args, kw, 4, 'equal_nan') ?? false))));
  def(np, 'array_equal', (args) => arrayEqual(asArr(args[0]), asArr(args[1])));
  def(np, 'round', (args, kw) => {
    const a = args[0];
    const dec = b.toIndex(arg(args, kw, 1, 'decimals') ?? 0n);
    return wrap(npRound(operand(a).array, dec));
  });
  np.dict.set('around', np.dict.get('round') as PyValue);
  def(np, 'clip', (args, kw) => wrap(clip(asArr(args[0]), optNum(arg(args, kw, 1, 'a_min')), optNum(arg(args, kw, 2, 'a_max')))));
  def(np, 'where', (args) => {
    if (args.length === 1) throw interp.error('NotImplementedError', 'np.where(condition) with one argument is not supported by Backprop Lens; use np.nonzero');
    return rec('where', [args[0], args[1], args[2]], wrap(where(asArr(args[0]), operand(args[1]), operand(args[2]))));
  });
  def(np, 'concatenate', (args, kw) => {
    const axis = arg(args, kw, 1, 'axis');
    return concatenate(interp.toArray(args[0]).map(asArr), axis === null ? null : axis === undefined ? 0 : b.toIndex(axis));
  });
  def(np, 'stack', (args, kw) => stack(interp.toArray(args[0]).map(asArr), b.toIndex(arg(args, kw, 1, 'axis') ?? 0n)));
  def(np, 'vstack', (args) => concatenate(interp.toArray(args[0]).map((x) => { const a = asArr(x); return a.ndim === 1 ? a.reshape([1, a.size]) : a; }), 0));
  def(np, 'hstack', (args) => { const arrs = interp.toArray(args[0]).map(asArr); return concatenate(arrs, arrs[0]?.ndim === 1 ? 0 : 1); });
  def(np, 'reshape', (args, kw) => {
    const shape = shapeArg(arg(args, kw, 1, 'newshape') as PyValue);
    return rec('reshape', [args[0]], asArr(args[0]).reshape(shape), { shape });
  });
  def(np, 'transpose', (args, kw) => {
    const axes = arg(args, kw, 1, 'axes');
    const ax = axes === undefined || axes === null ? undefined : shapeArg(axes);
    return rec('transpose', [args[0]], asArr(args[0]).transpose(ax), { axes: ax });
  });
  def(np, 'ravel', (args) => asArr(args[0]).ravel());
  def(np, 'copy', (args) => asArr(args[0]).copy());
  def(np, 'squeeze', (args) => { const a = asArr(args[0]); return a.reshape(a.shape.filter((d) => d !== 1)); });
  def(np, 'expand_dims', (args) => {
    const a = asArr(args[0]);
    let ax = b.toIndex(args[1]);
    if (ax < 0) ax += a.ndim + 1;
    const shape = a.shape.slice();
    shape.splice(ax, 0, 1);
    return a.reshape(shape);
  });
  def(np, 'shape', (args) => new PyTuple(asArr(args[0]).shape.map(BigInt)));
  def(np, 'ndim', (args) => BigInt(asArr(args[0]).ndim));
  def(np, 'size', (args) => BigInt(asArr(args[0]).size));
  def(np, 'argsort', (args, kw) => argsort(asArr(args[0]), b.toIndex(arg(args, kw, 1, 'axis') ?? -1n)));
  def(np, 'sort', (args, kw) => sort(asArr(args[0]), b.toIndex(arg(args, kw, 1, 'axis') ?? -1n)));
  def(np, 'set_printoptions', (args, kw) => {
    const next = { ...printOptions };
    const names = ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress'] as const;
    args.forEach((v, i) => { if (v !== null) (next as Record<string, number | boolean>)[names[i]] = names[i] === 'suppress' ? interp.truthy(v) : b.toIndex(v); });
    for (const [k, v] of kw ?? []) {
      if (v === null) continue;
      if (k === 'suppress') next.suppress = interp.truthy(v);
      else if ((names as readonly string[]).includes(k)) (next as Record<string, number | boolean>)[k] = b.toIndex(v);
      else throw interp.error('NotImplementedError', `np.set_printoptions(${k}=...) is not supported by Backprop Lens`);
    }
    printOptions = next;
    return null;
  });

  // ------------------------------------------------------------ np.random
  const random = new PyModule('numpy.random');
  const sizeOf = (v: PyValue | undefined): number[] | null => (v === undefined || v === null ? null : shapeArg(v));
  const sample = (shape: number[] | null, data: Float64Array, dtype: DType): PyValue =>
    (shape === null ? (dtype === 'int64' ? BigInt(data[0]) : data[0]) : NDArray.fromFlat(data, shape, dtype));
  const count = (shape: number[] | null): number => (shape === null ? 1 : shape.reduce((x, y) => x * y, 1));
  const rerr = <T>(f: () => T): T => {
    try { return f(); } catch (e) {
      if (e instanceof Error && !(e instanceof NumpyError) && !(e instanceof PyRaise)) throw interp.error('ValueError', e.message);
      throw e;
    }
  };
  def(random, 'seed', (args) => { rerr(() => rng.seed(args[0] === undefined || args[0] === null ? Date.now() % 4294967296 : b.toIndex(args[0]))); return null; });
  def(random, 'rand', (args) => { const shape = args.length ? args.map((x) => b.toIndex(x)) : null; return sample(shape, rng.randomSample(count(shape)), 'float64'); });
  def(random, 'randn', (args) => { const shape = args.length ? args.map((x) => b.toIndex(x)) : null; return sample(shape, rng.standardNormal(count(shape)), 'float64'); });
  for (const name of ['random', 'random_sample', 'sample', 'ranf']) {
    def(random, name, (args, kw) => { const shape = sizeOf(arg(args, kw, 0, 'size')); return sample(shape, rng.randomSample(count(shape)), 'float64'); });
  }
  def(random, 'standard_normal', (args, kw) => { const shape = sizeOf(arg(args, kw, 0, 'size')); return sample(shape, rng.standardNormal(count(shape)), 'float64'); });
  def(random, 'normal', (args, kw) => {
    const shape = sizeOf(arg(args, kw, 2, 'size'));
    return sample(shape, rng.normal(num(arg(args, kw, 0, 'loc') ?? 0), num(arg(args, kw, 1, 'scale') ?? 1), count(shape)), 'float64');
  });
  def(random, 'uniform', (args, kw) => {
    const shape = sizeOf(arg(args, kw, 2, 'size'));
    return sample(shape, rng.uniform(num(arg(args, kw, 0, 'low') ?? 0), num(arg(args, kw, 1, 'high') ?? 1), count(shape)), 'float64');
  });
  def(random, 'randint', (args, kw) => {
    const low = arg(args, kw, 0, 'low') as PyValue;
    const high = arg(args, kw, 1, 'high');
    const shape = sizeOf(arg(args, kw, 2, 'size'));
    const [lo, hi] = high === undefined || high === null ? [0, b.toIndex(low)] : [b.toIndex(low), b.toIndex(high)];
    if (lo >= hi) throw interp.error('ValueError', 'high <= low');
    return sample(shape, rerr(() => rng.randint(lo, hi, count(shape))), 'int64');
  });
  def(random, 'permutation', (args) => {
    const x = args[0];
    if (typeof x === 'bigint' || (x instanceof NPScalar && x.dtype === 'int64')) return NDArray.fromFlat(rng.permutation(b.toIndex(x)), [b.toIndex(x)], 'int64');
    const arr = asArr(x);
    const perm = rng.permutation(arr.shape[0]);
    return arr.getItem([{ kind: 'array', array: NDArray.fromFlat(perm, [perm.length], 'int64') }]) as NDArray;
  });
  const shuffleOrder = (n: number): number[] => {
    const order = Array.from({ length: n }, (_, i) => i);
    rng.shuffleBy(n, (i, j) => { const t = order[i]; order[i] = order[j]; order[j] = t; });
    return order;
  };
  def(random, 'shuffle', (args) => {
    const x = args[0];
    if (x instanceof PyList) {
      const perm = shuffleOrder(x.items.length);
      x.items = Array.from(perm, (i) => x.items[i]);
      return null;
    }
    const arr = asArr(x);
    const perm = shuffleOrder(arr.shape[0]);
    arr.assign(arr.getItem([{ kind: 'array', array: NDArray.fromFlat(perm, [perm.length], 'int64') }]) as NDArray);
    return null;
  });
  def(random, 'choice', (args, kw) => {
    const a = args[0];
    const shape = sizeOf(arg(args, kw, 1, 'size'));
    const replace = interp.truthy(arg(args, kw, 2, 'replace') ?? true);
    const pv = arg(args, kw, 3, 'p');
    const p = pv === undefined || pv === null ? undefined : asArr(pv).toFlat();
    if (a instanceof PyList && a.items.some((x) => typeof x === 'string')) {
      // A list of strings (activation names): choose among the elements themselves.
      if (shape !== null) throw interp.error('NotImplementedError', 'np.random.choice over strings with size=... (a string array) is not supported by Backprop Lens');
      const i = rerr(() => rng.choice(a.items.length, 1, replace, p, { aIsArray: true }))[0];
      return a.items[i];
    }
    const pool = typeof a === 'bigint' || (a instanceof NPScalar && a.dtype === 'int64') ? null : asArr(a);
    const n = pool ? pool.shape[0] : b.toIndex(a);
    const idx = rerr(() => rng.choice(n, count(shape), replace, p, { aIsArray: pool !== null }));
    if (!pool) return sample(shape, idx, 'int64');
    const picked = pool.getItem([{ kind: 'array', array: NDArray.fromFlat(idx, [idx.length], 'int64') }]) as NDArray;
    if (shape === null) return wrap(picked.reshape([]));
    return picked.reshape(shape);
  });
  np.dict.set('random', random);

  // ------------------------------------------------------------ the bridge
  const bridge: NumpyBridge = {
    owns,
    typeOf(v) {
      if (v instanceof NDArray) return ndarrayCls;
      if (v instanceof NPScalar) return scalarClasses[v.dtype];
      if (v instanceof DTypeObj) return dtypeCls;
      return nditerCls;
    },
    binaryOp(op, a, c) {
      if (op === '@') {
        if (!(a instanceof NDArray || c instanceof NDArray)) return NotImplemented;
        return rec('matmul', [a, c], guard(() => wrap(matmul(asArr(a), asArr(c)))));
      }
      const u = BINOPS[op];
      if (!u) return NotImplemented;
      if (a instanceof DTypeObj || c instanceof DTypeObj || a instanceof NDIter || c instanceof NDIter) return NotImplemented;
      return applyBinary(u, a, c, undefined, true);
    },
    inplaceOp(op, a, c) {
      if (a instanceof NDArray) {
        const u = op === '@' ? null : BINOPS[op];
        if (!u) return bridge.binaryOp(op, a, c);
        const r = applyBinary(u, a, c, a, true);
        if (r === NotImplemented) throw interp.error('TypeError', `unsupported operand type(s) for ${op}=: 'numpy.ndarray' and '${interp.typeName(c)}'`);
        return r;
      }
      return bridge.binaryOp(op, a, c);
    },
    unaryOp(op, v) {
      if (v instanceof DTypeObj || v instanceof NDIter) return NotImplemented;
      const u: UnaryOp = op === '-' ? 'negative' : op === '+' ? 'positive' : 'invert';
      return rec(u, [v], guard(() => wrap(unary(u, operand(v), (cat, msg) => warn(cat, msg)))));
    },
    compare(op, a, c) {
      if (a instanceof DTypeObj || c instanceof DTypeObj) {
        if (op !== '==' && op !== '!=') return NotImplemented;
        let eq: boolean;
        try { eq = parseDtype(a) === parseDtype(c); } catch { eq = false; }
        return op === '==' ? eq : !eq;
      }
      const u = CMPOPS[op];
      if (!u || a instanceof NDIter || c instanceof NDIter) return NotImplemented;
      if ((op === '==' || op === '!=') && (a === null || c === null || typeof a === 'string' || typeof c === 'string')) {
        if (a instanceof NDArray || c instanceof NDArray) {
          const arr = (a instanceof NDArray ? a : c) as NDArray;
          return NDArray.full(arr.shape.slice(), op === '==' ? 0 : 1, 'bool');
        }
        return op === '!=';
      }
      return applyBinary(u, a, c);
    },
    truthy(v) {
      if (v instanceof NPScalar) return v.value !== 0;
      if (v instanceof NDArray) {
        if (v.size === 1) return v.item() !== 0;
        if (v.size === 0) return false;
        throw interp.error('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
      }
      return true;
    },
    getItem(obj, key) {
      if (obj instanceof NPScalar) throw interp.error('IndexError', 'invalid index to scalar variable.');
      if (!(obj instanceof NDArray)) throw interp.error('TypeError', `'${interp.typeName(obj)}' object is not subscriptable`);
      const r = guard(() => obj.getItem(toIndex(key)));
      return rec('getitem', [obj], typeof r === 'number' ? scalarOf(obj, r) : r, { index: key });
    },
    setItem(obj, key, value) {
      if (!(obj instanceof NDArray)) throw interp.error('TypeError', `'${interp.typeName(obj)}' object does not support item assignment`);
      const v = valueToSet(value);
      const tracing = interp.tracer?.recording === true;
      if (tracing) interp.tracer?.beforeMutate(obj);
      guard(() => obj.setItem(toIndex(key), v));
      if (tracing) rec('setitem', [obj, value], obj, { index: key });
    },
    iterate(v) {
      if (v instanceof NDArray) {
        if (v.ndim === 0) throw interp.error('TypeError', 'iteration over a 0-d array');
        const n = v.shape[0];
        let i = 0;
        return {
          next: () => {
            if (i >= n) return { done: true, value: null };
            const r = v.getItem([{ kind: 'int', value: i++ }]);
            return { done: false, value: typeof r === 'number' ? scalarOf(v, r) : r };
          },
        };
      }
      if (v instanceof NDIter) {
        return {
          next: () => {
            if (v.finished) return { done: true, value: null };
            const val = NDArray.scalar(v.array.getAt(v.index), v.array.dtype);
            if (!nextIndex(v.index, v.array.shape)) v.finished = true;
            return { done: false, value: val };
          },
        };
      }
      throw interp.error('TypeError', `'${interp.typeName(v)}' object is not iterable`);
    },
    len(v) {
      if (v instanceof NDArray) {
        if (v.ndim === 0) throw interp.error('TypeError', 'len() of unsized object');
        return v.shape[0];
      }
      throw interp.error('TypeError', `object of type '${interp.typeName(v)}' has no len()`);
    },
    repr(v) {
      if (v instanceof NDArray) return arrayRepr(printable(v), printOptions);
      if (v instanceof NPScalar) return scalarRepr(v.value, v.dtype);
      if (v instanceof DTypeObj) return `dtype('${v.name}')`;
      return `<numpy.nditer object at ${b.address(v as object)}>`;
    },
    str(v) {
      if (v instanceof NDArray) return arrayStr(printable(v), printOptions);
      if (v instanceof NPScalar) return scalarStr(v.value, v.dtype);
      if (v instanceof DTypeObj) return v.name;
      return bridge.repr(v);
    },
    format(v, spec) {
      try {
        if (v instanceof NPScalar) {
          // NumPy scalars format through Python's float/int: f'{np.float32(0.1)}' shows all float64 digits.
          if (spec === '' && v.dtype === 'float32') return formatFloat(v.value, '');
          if (spec === '') return bridge.str(v);
          if (v.dtype === 'int64') return formatInt(BigInt(v.value), spec);
          if (v.dtype === 'bool') return formatInt(v.value ? 1n : 0n, spec);
          return formatFloat(v.value, spec);
        }
      } catch (e) {
        if (e instanceof FormatError) throw interp.error(e.pyType, e.message);
        throw e;
      }
      if (spec === '') return bridge.str(v);
      throw interp.error('TypeError', `unsupported format string passed to ${interp.typeName(v)}.__format__`);
    },
    hashKey(v) {
      if (v instanceof NPScalar) return b.hashKey(pyNumber(v.dtype, v.value));
      if (v instanceof NDArray) throw interp.error('TypeError', "unhashable type: 'numpy.ndarray'");
      if (v instanceof DTypeObj) return `dtype:${v.name}`;
      return v as object;
    },
    scalarValue(v) {
      return v instanceof NPScalar ? (pyNumber(v.dtype, v.value) as number | bigint | boolean) : undefined;
    },
    toNumber(v) {
      if (v instanceof NPScalar) return pyNumber(v.dtype, v.value) as number | bigint | boolean;
      if (v instanceof NDArray) {
        if (v.size !== 1) throw interp.error('TypeError', 'only size-1 arrays can be converted to Python scalars');
        return pyNumber(v.dtype, v.item()) as number | bigint | boolean;
      }
      return undefined;
    },
    round(v, nd) {
      const decimals = nd === null ? 0 : b.toIndex(nd);
      if (v instanceof NPScalar && nd === null) {
        // round(np.float64) with no ndigits gives a Python int, like round(float).
        return interp.call(b.names.get('round') as PyValue, [v.dtype === 'int64' ? BigInt(v.value) : v.value]);
      }
      return guard(() => wrap(npRound(operand(v).array, decimals)));
    },
    abs(v) {
      return guard(() => wrap(unary('absolute', operand(v))));
    },
  };
  b.np = bridge;
  interp.nativeModules.set('numpy', () => np);
  interp.nativeModules.set('numpy.random', () => random);
}
