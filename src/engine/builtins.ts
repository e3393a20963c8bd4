// Built-in types, their methods, built-in functions and exceptions: the `builtins` module.

import type { BinOperator, CmpOperator } from './ast';
import { binopTypeError, type Interpreter } from './interpreter';
import {
  floatRepr, FormatError, parseFloatLiteral, parseIntLiteral, percentFormat, roundFloat, strRepr, type PercentArg,
} from './pyformat';
import {
  Ellipsis, NotImplemented, PyBoundMethod, PyBuiltin, PyClass, PyClassMethod, PyDict, PyDictView, PyException, PyFunction,
  PyGetter, PyInstance, PyIterator, PyList, PyModule, PyProperty, PyRaise, PyRange, PySet, PySingleton, PySlice, PyStaticMethod,
  PySuper, PyTuple, type NativeFn, type PyValue,
} from './values';
import { numericHash, SetTable } from './settable';

/** What the NumPy module offers to the core: its values take part in operators, printing and iteration. */
export interface NumpyBridge {
  owns(v: PyValue): boolean;
  typeOf(v: PyValue): PyClass;
  binaryOp(op: BinOperator, a: PyValue, b: PyValue): PyValue;
  inplaceOp(op: BinOperator, a: PyValue, b: PyValue): PyValue;
  unaryOp(op: '-' | '+' | '~', v: PyValue): PyValue;
  compare(op: CmpOperator, a: PyValue, b: PyValue): PyValue;
  truthy(v: PyValue): boolean;
  getItem(obj: PyValue, key: PyValue): PyValue;
  setItem(obj: PyValue, key: PyValue, value: PyValue): void;
  iterate(v: PyValue): Iterator<PyValue>;
  len(v: PyValue): number;
  repr(v: PyValue): string;
  str(v: PyValue): string;
  format(v: PyValue, spec: string): string;
  hashKey(v: PyValue): string | object;
  /** A NumPy scalar or size-1 array as a plain Python number, for int()/float(); raises for larger arrays. */
  toNumber(v: PyValue): number | bigint | boolean | undefined;
  /** A NumPy scalar's value as a Python number; undefined for anything else (arrays included). */
  scalarValue(v: PyValue): number | bigint | boolean | undefined;
  round(v: PyValue, ndigits: PyValue): PyValue;
  abs(v: PyValue): PyValue;
}

const EXCEPTION_TREE: [string, string][] = [
  ['BaseException', ''], ['Exception', 'BaseException'], ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['ArithmeticError', 'Exception'], ['ZeroDivisionError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'], ['FloatingPointError', 'ArithmeticError'],
  ['LookupError', 'Exception'], ['IndexError', 'LookupError'], ['KeyError', 'LookupError'],
  ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'], ['TypeError', 'Exception'], ['NameError', 'Exception'], ['UnboundLocalError', 'NameError'],
  ['AttributeError', 'Exception'], ['AssertionError', 'Exception'], ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'], ['StopIteration', 'Exception'], ['ImportError', 'Exception'], ['ModuleNotFoundError', 'ImportError'],
  ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'], ['TabError', 'IndentationError'], ['MemoryError', 'Exception'],
  ['OSError', 'Exception'], ['FileNotFoundError', 'OSError'], ['PermissionError', 'OSError'], ['EOFError', 'Exception'], ['BufferError', 'Exception'],
  ['Warning', 'Exception'], ['UserWarning', 'Warning'], ['RuntimeWarning', 'Warning'], ['DeprecationWarning', 'Warning'],
];

const hasSurrogates = (s: string): boolean => /[\uD800-\uDFFF]/.test(s);
const codePoints = (s: string): string[] => (hasSurrogates(s) ? Array.from(s) : s.split(''));

export class Builtins {
  readonly names = new Map<string, PyValue>();
  private readonly classes = new Map<string, PyClass>();
  readonly objectClass: PyClass;
  readonly typeClass: PyClass;
  np: NumpyBridge | null = null;

  constructor(private readonly interp: Interpreter) {
    this.objectClass = new PyClass('object', []);
    this.typeClass = new PyClass('type', [this.objectClass]);
    this.classes.set('object', this.objectClass);
    this.classes.set('type', this.typeClass);
    const simple = ['int', 'float', 'str', 'list', 'tuple', 'dict', 'set', 'frozenset', 'NoneType', 'function', 'builtin_function_or_method',
      'method', 'module', 'range', 'slice', 'property', 'staticmethod', 'classmethod', 'super', 'NotImplementedType', 'ellipsis', 'iterator',
      'dict_keys', 'dict_values', 'dict_items', 'complex'];
    for (const n of simple) this.classes.set(n, new PyClass(n, [this.objectClass]));
    this.classes.set('bool', new PyClass('bool', [this.cls('int')]));
    for (const [name, base] of EXCEPTION_TREE) {
      this.classes.set(name, new PyClass(name, base ? [this.cls(base)] : [this.objectClass]));
    }
    this.installMethods();
    this.installFunctions();
  }

  cls(name: string): PyClass {
    const c = this.classes.get(name);
    if (!c) throw new Error(`no built-in class ${name}`);
    return c;
  }

  exceptionClass(name: string): PyClass {
    const c = this.classes.get(name);
    if (c) return c;
    // Classes offered by native modules, e.g. numpy.AxisError.
    const custom = this.extraExceptions.get(name);
    if (custom) return custom;
    throw new Error(`unknown exception class ${name}`);
  }

  readonly extraExceptions = new Map<string, PyClass>();

  private err(type: string, msg?: string): PyRaise { return this.interp.error(type, msg); }

  // ------------------------------------------------------------------ types of values

  typeOf(v: PyValue): PyClass {
    switch (typeof v) {
      case 'number': return this.cls('float');
      case 'bigint': return this.cls('int');
      case 'string': return this.cls('str');
      case 'boolean': return this.cls('bool');
    }
    if (v === null) return this.cls('NoneType');
    if (v instanceof PyInstance) return v.cls;
    // NumPy values are the most common operands after instances.
    if (this.np !== null && this.np.owns(v)) return this.np.typeOf(v);
    if (v instanceof PyList) return this.cls('list');
    if (v instanceof PyTuple) return this.cls('tuple');
    if (v instanceof PyDict) return v.ordered ? (this.extraClasses.get('OrderedDict') ?? this.cls('dict')) : this.cls('dict');
    if (v instanceof PySet) return this.cls(v.frozen ? 'frozenset' : 'set');
    if (v instanceof PyFunction) return this.cls('function');
    if (v instanceof PyBuiltin) return this.cls('builtin_function_or_method');
    if (v instanceof PyBoundMethod) return this.cls(v.func instanceof PyBuiltin ? 'builtin_function_or_method' : 'method');
    if (v instanceof PyClass) return this.typeClass;
    if (v instanceof PyModule) return this.cls('module');
    if (v instanceof PyRange) return this.cls('range');
    if (v instanceof PySlice) return this.cls('slice');
    if (v instanceof PyIterator) return this.iteratorClass(v.kind);
    if (v instanceof PyDictView) return this.cls(`dict_${v.which}`);
    if (v instanceof PyProperty) return this.cls('property');
    if (v instanceof PyStaticMethod) return this.cls('staticmethod');
    if (v instanceof PyClassMethod) return this.cls('classmethod');
    if (v instanceof PySuper) return this.cls('super');
    if (v === NotImplemented) return this.cls('NotImplementedType');
    if (v === Ellipsis) return this.cls('ellipsis');
    if (this.np?.owns(v)) return this.np.typeOf(v);
    return this.objectClass;
  }

  readonly extraClasses = new Map<string, PyClass>();

  private iteratorClass(kind: string): PyClass {
    let c = this.classes.get(kind);
    if (!c) { c = new PyClass(kind, [this.objectClass]); this.classes.set(kind, c); }
    return c;
  }

  /** Attributes every object has, not stored in any dict. */
  specialAttr(obj: PyValue, name: string): PyValue | undefined {
    switch (name) {
      case '__class__': return this.typeOf(obj);
      case '__dict__': {
        const d = this.interp.instanceDict(obj);
        if (!d) return undefined;
        const out = new PyDict();
        for (const [k, v] of d) this.dictSet(out, k, v);
        return out;
      }
      case '__doc__': return obj instanceof PyFunction ? obj.info.doc ?? null : null;
    }
    if (obj instanceof PyClass) {
      switch (name) {
        case '__name__': return obj.name;
        case '__qualname__': return obj.qualname;
        case '__module__': return obj.module;
        case '__mro__': return new PyTuple(obj.mro);
        case '__bases__': return new PyTuple(obj.bases);
        case '__base__': return obj.bases[0] ?? null;
      }
    }
    if (obj instanceof PyFunction) {
      switch (name) {
        case '__name__': return obj.name;
        case '__qualname__': return obj.qualname;
        case '__module__': return obj.module.name;
        case '__defaults__': return obj.defaults.length ? new PyTuple(obj.defaults) : null;
        case '__doc__': return obj.info.doc ?? null;
      }
    }
    if (obj instanceof PyBuiltin && name === '__name__') return obj.name;
    if (obj instanceof PyBoundMethod) {
      if (name === '__self__') return obj.self;
      if (name === '__func__') return obj.func;
      if (name === '__name__') return this.interp.getAttr(obj.func, '__name__');
    }
    if (obj instanceof PyException) {
      if (name === 'args') return new PyTuple(obj.args);
      if (name === '__cause__') return obj.cause;
      if (name === '__context__') return obj.context;
      if (name === '__traceback__') return null;
    }
    if (obj instanceof PyModule && name === '__dict__') return undefined;
    return undefined;
  }

  // ------------------------------------------------------------------ conversions

  toIndex(v: PyValue, what?: string): number {
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = this.np?.owns(v) ? this.np.toNumber(v) : undefined;
    if (typeof n === 'bigint') return Number(n);
    if (typeof n === 'boolean') return n ? 1 : 0;
    if (v instanceof PyInstance) {
      const m = this.interp.lookupSpecial(v, '__index__');
      if (m) return this.toIndex(this.interp.call(m, []));
    }
    throw this.err('TypeError', what ?? `'${this.interp.typeName(v)}' object cannot be interpreted as an integer`);
  }

  toBigInt(v: PyValue, what?: string): bigint {
    if (typeof v === 'bigint') return v;
    return BigInt(this.toIndex(v, what));
  }

  /** A real number as a JS number (int, bool, float, NumPy scalar); undefined otherwise. */
  toFloat(v: PyValue): number | undefined {
    switch (typeof v) {
      case 'number': return v;
      case 'bigint': return this.intToFloat(v);
      case 'boolean': return v ? 1 : 0;
    }
    if (this.np?.owns(v)) {
      const n = this.np.toNumber(v);
      if (n === undefined) return undefined;
      return typeof n === 'bigint' ? Number(n) : typeof n === 'boolean' ? (n ? 1 : 0) : n;
    }
    return undefined;
  }

  intToFloat(v: bigint): number {
    const n = Number(v);
    if (!Number.isFinite(n)) throw this.err('OverflowError', 'int too large to convert to float');
    return n;
  }

  // ------------------------------------------------------------------ number operators

  floatOp(op: BinOperator, a: number, b: number): PyValue {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
        if (b === 0) throw this.err('ZeroDivisionError', 'float division by zero');
        return a / b;
      case '//': {
        if (b === 0) throw this.err('ZeroDivisionError', 'float floor division by zero');
        return floatDivmod(a, b)[0];
      }
      case '%': {
        if (b === 0) throw this.err('ZeroDivisionError', 'float modulo');
        return floatDivmod(a, b)[1];
      }
      case '**': return this.floatPow(a, b);
    }
    return NotImplemented;
  }

  floatPow(a: number, b: number): number {
    if (a === 0 && b < 0) throw this.err('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) throw this.err('NotImplementedError', 'a negative number to a fractional power is a complex number, which Backprop Lens does not support');
    if (b === 2) return a * a;
    if (a === 1 || b === 0) return 1;
    const r = Math.pow(a, b);
    if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw this.err('OverflowError', '(34, \'Numerical result out of range\')');
    return r;
  }

  intOp(op: BinOperator, a: bigint, b: bigint): PyValue {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
        if (b === 0n) throw this.err('ZeroDivisionError', 'division by zero');
        return intTrueDiv(a, b);
      case '//': {
        if (b === 0n) throw this.err('ZeroDivisionError', 'integer division or modulo by zero');
        const q = a / b;
        return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
      }
      case '%': {
        if (b === 0n) throw this.err('ZeroDivisionError', 'integer modulo by zero');
        const r = a % b;
        return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
      }
      case '**':
        if (b < 0n) {
          if (a === 0n) throw this.err('ZeroDivisionError', '0.0 cannot be raised to a negative power');
          return this.floatPow(this.intToFloat(a), Number(b));
        }
        if (b > 100000n && (a > 1n || a < -1n)) throw this.err('MemoryError', 'integer power too large for Backprop Lens');
        return a ** b;
      case '<<': if (b < 0n) throw this.err('ValueError', 'negative shift count'); return a << b;
      case '>>': if (b < 0n) throw this.err('ValueError', 'negative shift count'); return a >> b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
    }
    return NotImplemented;
  }

  /** Operators on built-in values; NotImplemented when neither side is handled here. */
  binaryOp(op: BinOperator, a: PyValue, b: PyValue): PyValue {
    if (this.np && (this.np.owns(a) || this.np.owns(b))) {
      const r = this.np.binaryOp(op, a, b);
      if (r !== NotImplemented) return r;
    }
    const an = numKind(a);
    const bn = numKind(b);
    if (an && bn) {
      if (an === 'float' || bn === 'float') {
        const x = typeof a === 'number' ? a : this.toFloat(a) as number;
        const y = typeof b === 'number' ? b : this.toFloat(b) as number;
        if (op === '<<' || op === '>>' || op === '&' || op === '|' || op === '^' || op === '@') return NotImplemented;
        return this.floatOp(op, x, y);
      }
      if (typeof a === 'boolean' && typeof b === 'boolean' && (op === '&' || op === '|' || op === '^')) {
        return op === '&' ? a && b : op === '|' ? a || b : a !== b;
      }
      if (op === '@') return NotImplemented;
      return this.intOp(op, toBig(a), toBig(b));
    }
    switch (op) {
      case '+':
        if (typeof a === 'string') {
          if (typeof b === 'string') return a + b;
          throw this.err('TypeError', `can only concatenate str (not "${this.interp.typeName(b)}") to str`);
        }
        if (a instanceof PyList) {
          if (b instanceof PyList) return new PyList(a.items.concat(b.items));
          throw this.err('TypeError', `can only concatenate list (not "${this.interp.typeName(b)}") to list`);
        }
        if (a instanceof PyTuple) {
          if (b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
          throw this.err('TypeError', `can only concatenate tuple (not "${this.interp.typeName(b)}") to tuple`);
        }
        break;
      case '*': {
        const [seq, n] = isSequence(a) && numKind(b) === 'int' ? [a, b] : isSequence(b) && numKind(a) === 'int' ? [b, a] : [null, null];
        if (seq !== null) {
          const times = Math.max(0, this.toIndex(n));
          if (typeof seq === 'string') return seq.repeat(times);
          const items: PyValue[] = [];
          const src = (seq as PyList | PyTuple).items;
          for (let i = 0; i < times; i++) items.push(...src);
          return seq instanceof PyList ? new PyList(items) : new PyTuple(items);
        }
        if (isSequence(a) && b !== null && typeof b === 'object' && !(b instanceof PyInstance)) {
          throw this.err('TypeError', `can't multiply sequence by non-int of type '${this.interp.typeName(b)}'`);
        }
        if (isSequence(a) && typeof b === 'number') throw this.err('TypeError', `can't multiply sequence by non-int of type 'float'`);
        if (isSequence(b) && typeof a === 'number') throw this.err('TypeError', `can't multiply sequence by non-int of type 'float'`);
        break;
      }
      case '%':
        if (typeof a === 'string') return this.percent(a, b);
        break;
      case '|':
        if (a instanceof PyDict && b instanceof PyDict) {
          const d = this.copyDict(a);
          for (const e of b.map.values()) this.dictSet(d, e.key, e.value);
          return d;
        }
        if (a instanceof PySet && b instanceof PySet) return this.setOp('union', a, b);
        break;
      case '&': if (a instanceof PySet && b instanceof PySet) return this.setOp('intersection', a, b); break;
      case '-': if (a instanceof PySet && b instanceof PySet) return this.setOp('difference', a, b); break;
      case '^': if (a instanceof PySet && b instanceof PySet) return this.setOp('symmetric_difference', a, b); break;
    }
    if (a instanceof PyInstance || b instanceof PyInstance) return NotImplemented;
    throw this.err('TypeError', binopTypeError(op, this.interp.typeName(a), this.interp.typeName(b)));
  }

  inplaceOp(op: BinOperator, a: PyValue, b: PyValue): PyValue {
    if (this.np?.owns(a)) return this.np.inplaceOp(op, a, b);
    if (a instanceof PyList) {
      if (op === '+') { a.items.push(...this.interp.toArray(b)); return a; }
      if (op === '*') { const src = a.items.slice(); a.items.length = 0; for (let i = this.toIndex(b); i > 0; i--) a.items.push(...src); return a; }
    }
    if (a instanceof PyDict && op === '|') { for (const [k, v] of this.mappingItems(b)) this.dictSet(a, k, v); return a; }
    if (a instanceof PySet && b instanceof PySet) {
      // In place, as CPython's set_ior/set_iand/set_isub/set_ixor change the set's own table.
      switch (op) {
        case '|': this.setUpdate(a, b); return a;
        case '-': this.setDifferenceUpdate(a, b); return a;
        case '^': for (const v of this.setValues(b)) if (!this.setDiscard(a, v)) this.setAdd(a, v); return a;
        case '&': {
          const r = this.setOp('intersection', a, b);
          a.map.clear();
          for (const [k, v] of r.map) a.map.set(k, v);
          a.table = r.table;
          return a;
        }
      }
    }
    return NotImplemented;
  }

  unaryOp(op: '-' | '+' | '~', v: PyValue): PyValue {
    switch (typeof v) {
      case 'number':
        if (op === '~') break;
        return op === '-' ? -v : v;
      case 'bigint': return op === '-' ? -v : op === '+' ? v : ~v;
      case 'boolean': { const n = v ? 1n : 0n; return op === '-' ? -n : op === '+' ? n : ~n; }
    }
    if (this.np?.owns(v)) return this.np.unaryOp(op, v);
    if (v instanceof PyInstance) return NotImplemented;
    throw this.err('TypeError', `bad operand type for unary ${op}: '${this.interp.typeName(v)}'`);
  }

  richCompare(op: CmpOperator, a: PyValue, b: PyValue): PyValue {
    if (this.np && (this.np.owns(a) || this.np.owns(b))) {
      const r = this.np.compare(op, a, b);
      if (r !== NotImplemented) return r;
    }
    const an = numKind(a);
    const bn = numKind(b);
    if (an && bn) {
      let c: number;
      if (an !== 'float' && bn !== 'float') {
        const x = toBig(a); const y = toBig(b);
        c = x < y ? -1 : x > y ? 1 : 0;
      } else if (an === 'float' && bn === 'float') {
        const x = a as number; const y = b as number;
        if (Number.isNaN(x) || Number.isNaN(y)) return op === '!=';
        c = x < y ? -1 : x > y ? 1 : 0;
      } else {
        // int against float: exact, as CPython compares them (10**23 != 1e23).
        const f = (an === 'float' ? a : b) as number;
        const i = toBig(an === 'float' ? b : a);
        if (Number.isNaN(f)) return op === '!=';
        let ci: number;
        if (f === Infinity) ci = -1;
        else if (f === -Infinity) ci = 1;
        else {
          const fl = BigInt(Math.floor(f));
          ci = i < fl ? -1 : i > fl ? 1 : Number.isInteger(f) ? 0 : -1;
        }
        c = an === 'float' ? -ci : ci;
      }
      return cmpResult(op, c);
    }
    if (typeof a === 'string' && typeof b === 'string') return cmpResult(op, a < b ? -1 : a > b ? 1 : 0);
    if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) return this.compareSequences(op, a.items, b.items);
    if (op === '==' || op === '!=') {
      let eq: boolean | undefined;
      if (a instanceof PyDict && b instanceof PyDict) eq = this.dictEquals(a, b);
      else if (a instanceof PySet && b instanceof PySet) eq = a.map.size === b.map.size && [...a.map.keys()].every((k) => b.map.has(k));
      else if (a instanceof PyRange && b instanceof PyRange) eq = a.start === b.start && a.stop === b.stop && a.step === b.step;
      else if (a instanceof PyBoundMethod && b instanceof PyBoundMethod) eq = a.self === b.self && a.func === b.func;
      else if (a instanceof PyDictView && b instanceof PyDictView) eq = this.interp.eq(new PySet(), new PySet()) && a.dict === b.dict && a.which === b.which;
      else if (!(a instanceof PyInstance) && !(b instanceof PyInstance)) eq = a === b;
      if (eq !== undefined) return op === '==' ? eq : !eq;
      return NotImplemented;
    }
    if (a instanceof PySet && b instanceof PySet) {
      const sub = [...a.map.keys()].every((k) => b.map.has(k));
      const sup = [...b.map.keys()].every((k) => a.map.has(k));
      switch (op) {
        case '<=': return sub;
        case '<': return sub && a.map.size < b.map.size;
        case '>=': return sup;
        case '>': return sup && a.map.size > b.map.size;
      }
    }
    if (a instanceof PyInstance || b instanceof PyInstance) return NotImplemented;
    throw this.err('TypeError', `'${op}' not supported between instances of '${this.interp.typeName(a)}' and '${this.interp.typeName(b)}'`);
  }

  private compareSequences(op: CmpOperator, x: PyValue[], y: PyValue[]): boolean {
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) {
      if (x[i] === y[i] || this.interp.eq(x[i], y[i])) continue;
      if (op === '==') return false;
      if (op === '!=') return true;
      return this.interp.truthy(this.interp.compare(op, x[i], y[i]));
    }
    return cmpResult(op, x.length < y.length ? -1 : x.length > y.length ? 1 : 0) as boolean;
  }

  private dictEquals(a: PyDict, b: PyDict): boolean {
    if (a.map.size !== b.map.size) return false;
    for (const [k, e] of a.map) {
      const o = b.map.get(k);
      if (!o || !this.interp.eq(e.value, o.value)) return false;
    }
    return true;
  }

  contains(container: PyValue, item: PyValue): boolean | undefined {
    if (typeof container === 'string') {
      if (typeof item !== 'string') throw this.err('TypeError', `'in <string>' requires string as left operand, not ${this.interp.typeName(item)}`);
      return container.includes(item);
    }
    if (container instanceof PyList || container instanceof PyTuple) {
      for (const x of container.items) if (x === item || this.interp.eq(x, item)) return true;
      return false;
    }
    if (container instanceof PyDict) return container.map.has(this.hashKey(item));
    if (container instanceof PySet) return container.map.has(this.hashKey(item));
    if (container instanceof PyDictView) {
      if (container.which === 'keys') return container.dict.map.has(this.hashKey(item));
      return undefined;
    }
    if (container instanceof PyRange) {
      const n = numKind(item);
      if (n !== 'int' && !(typeof item === 'number' && Number.isInteger(item))) return false;
      const v = typeof item === 'number' ? BigInt(item) : toBig(item);
      const { start, stop, step } = container;
      if (step > 0n ? v < start || v >= stop : v > start || v <= stop) return false;
      return (v - start) % step === 0n;
    }
    return undefined;
  }

  truthy(v: PyValue): boolean | undefined {
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
    if (v instanceof PyDict || v instanceof PySet) return v.map.size > 0;
    if (v instanceof PyRange) return v.length > 0n;
    if (this.np?.owns(v)) return this.np.truthy(v);
    return undefined;
  }

  // ------------------------------------------------------------------ hashing, dicts and sets

  hashKey(v: PyValue): string | object {
    switch (typeof v) {
      case 'string': return 's' + v;
      case 'bigint': return 'i' + v;
      case 'boolean': return v ? 'i1' : 'i0';
      case 'number':
        if (Number.isInteger(v)) return 'i' + BigInt(v);
        return 'f' + v;
    }
    if (v === null) return 'N';
    if (v instanceof PyTuple) return 't(' + v.items.map((x) => { const k = this.hashKey(x); return typeof k === 'string' ? k.length + ':' + k : this.objectId(k); }).join(',') + ')';
    if (v instanceof PySet && v.frozen) return 'F(' + [...v.map.keys()].map((k) => (typeof k === 'string' ? k : this.objectId(k))).sort().join(',') + ')';
    if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && !v.frozen) || v instanceof PyDictView) {
      throw this.err('TypeError', `unhashable type: '${this.interp.typeName(v)}'`);
    }
    if (this.np?.owns(v)) return this.np.hashKey(v);
    if (v instanceof PyInstance) {
      const h = v.cls.lookup('__hash__');
      if (h === null) throw this.err('TypeError', `unhashable type: '${v.cls.name}'`);
      if (h instanceof PyFunction) return 'h' + this.interp.repr(this.interp.call(h, [v]));
      if (v.cls.lookup('__eq__') instanceof PyFunction && !(h instanceof PyFunction)) throw this.err('TypeError', `unhashable type: '${v.cls.name}'`);
    }
    return v as object;
  }

  private ids = new WeakMap<object, number>();
  private nextId = 1;
  objectId(o: object): string {
    let id = this.ids.get(o);
    if (!id) { id = this.nextId++; this.ids.set(o, id); }
    return '#' + id;
  }

  /** A stable fake address for default reprs (`<__main__.A object at 0x7f...>`). */
  address(o: object): string {
    let id = this.ids.get(o);
    if (!id) { id = this.nextId++; this.ids.set(o, id); }
    return '0x7f' + (0x3a2b0000 + id * 0x30).toString(16).padStart(10, '0');
  }

  dictSet(d: PyDict, key: PyValue, value: PyValue): void {
    const k = this.hashKey(key);
    const e = d.map.get(k);
    if (e) e.value = value;
    else d.map.set(k, { key, value });
  }

  dictGet(d: PyDict, key: PyValue): PyValue | undefined {
    return d.map.get(this.hashKey(key))?.value;
  }

  setAdd(s: PySet, v: PyValue): void {
    const k = this.hashKey(v);
    if (s.map.has(k)) return;
    s.map.set(k, v);
    if (!s.table) return;
    const h = typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? numericHash(v) : null;
    if (h === null || typeof k !== 'string') s.table = null;
    else s.table.add(k, h);
  }

  setDiscard(s: PySet, v: PyValue): boolean {
    const k = this.hashKey(v);
    if (!s.map.delete(k)) return false;
    s.table?.discard(k as string);
    return true;
  }

  /** A new set with another's elements, as CPython's set_merge copies them (same table order). */
  setCopy(src: PySet, frozen = src.frozen): PySet {
    const out = new PySet(frozen);
    this.setUpdate(out, src);
    return out;
  }

  /** set.update(iterable): a set merges table to table; anything else adds element by element. */
  setUpdate(s: PySet, src: PyValue): void {
    if (src instanceof PySet) {
      if (s.table && src.table) {
        s.table.merge(src.table, (k) => s.map.has(k));
        for (const [k, v] of src.map) if (!s.map.has(k)) s.map.set(k, v);
        return;
      }
      for (const v of this.setValues(src)) this.setAdd(s, v);
      return;
    }
    for (const v of this.interp.toArray(src)) this.setAdd(s, v);
  }

  copyDict(d: PyDict): PyDict {
    const out = new PyDict();
    out.ordered = d.ordered;
    for (const [k, e] of d.map) out.map.set(k, { key: e.key, value: e.value });
    return out;
  }

  *mappingItems(src: PyValue): Iterable<[PyValue, PyValue]> {
    if (src instanceof PyDict) {
      for (const e of [...src.map.values()]) yield [e.key, e.value];
      return;
    }
    const keys = this.interp.getAttrOrUndefined(src, 'keys');
    if (keys !== undefined) {
      for (const k of this.interp.toArray(this.interp.call(keys, []))) yield [k, this.interp.getItem(src, k)];
      return;
    }
    throw this.err('TypeError', `'${this.interp.typeName(src)}' object is not a mapping`);
  }

  /** set_difference_update_internal: discard other's elements, then resize away dummies past a quarter. */
  private setDifferenceUpdate(s: PySet, other: PySet): void {
    const src = other.map.size >> 3 > s.map.size ? this.setOp('intersection', s, other) : other;
    for (const v of this.setValues(src)) this.setDiscard(s, v);
    const t = s.table;
    if (t && t.fill - t.used > Math.floor(t.mask / 4)) t.resize(t.used > 50000 ? t.used * 2 : t.used * 4);
  }

  /** Set algebra in CPython's order of operations, so the result's table (and printing order) matches. */
  private setOp(op: 'union' | 'intersection' | 'difference' | 'symmetric_difference', a: PySet, b: PySet): PySet {
    switch (op) {
      case 'union': {
        const out = this.setCopy(a);
        this.setUpdate(out, b);
        return out;
      }
      case 'intersection': {
        const out = new PySet(a.frozen);
        const [big, small] = b.map.size > a.map.size ? [b, a] : [a, b];
        for (const v of this.setValues(small)) if (big.map.has(this.hashKey(v))) this.setAdd(out, v);
        return out;
      }
      case 'difference': {
        if ((a.map.size >> 2) > b.map.size) {
          const out = this.setCopy(a);
          this.setDifferenceUpdate(out, b);
          return out;
        }
        const out = new PySet(a.frozen);
        for (const v of this.setValues(a)) if (!b.map.has(this.hashKey(v))) this.setAdd(out, v);
        return out;
      }
      case 'symmetric_difference': {
        const out = this.setCopy(b, a.frozen);
        for (const v of this.setValues(a)) if (!this.setDiscard(out, v)) this.setAdd(out, v);
        return out;
      }
    }
  }

  // ------------------------------------------------------------------ items

  private seqIndex(len: number, key: PyValue, kind: string): number {
    let i: number;
    if (typeof key === 'bigint') i = Number(key);
    else if (typeof key === 'boolean') i = key ? 1 : 0;
    else i = this.toIndex(key, `${kind} indices must be integers or slices, not ${this.interp.typeName(key)}`);
    if (i < 0) i += len;
    if (i < 0 || i >= len) throw this.err('IndexError', `${kind} index out of range`);
    return i;
  }

  /** start, stop, step of a slice applied to a sequence of `len`, as slice.indices() computes them. */
  sliceIndices(s: PySlice, len: number): [number, number, number] {
    const step = s.step === null ? 1 : this.toIndex(s.step, 'slice indices must be integers or None or have an __index__ method');
    if (step === 0) throw this.err('ValueError', 'slice step cannot be zero');
    const clamp = (v: PyValue, dflt: number, lo: number, hi: number): number => {
      if (v === null) return dflt;
      let i = this.toIndex(v, 'slice indices must be integers or None or have an __index__ method');
      if (i < 0) i += len;
      return Math.min(Math.max(i, lo), hi);
    };
    if (step > 0) return [clamp(s.start, 0, 0, len), clamp(s.stop, len, 0, len), step];
    return [clamp(s.start, len - 1, -1, len - 1), clamp(s.stop, -1, -1, len - 1), step];
  }

  private sliceItems<T>(items: T[], s: PySlice): T[] {
    const [start, stop, step] = this.sliceIndices(s, items.length);
    if (step === 1) return items.slice(start, Math.max(start, stop));
    const out: T[] = [];
    if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
    else for (let i = start; i > stop; i += step) out.push(items[i]);
    return out;
  }

  getItem(obj: PyValue, key: PyValue): PyValue | undefined {
    if (obj instanceof PyList || obj instanceof PyTuple) {
      const kind = obj instanceof PyList ? 'list' : 'tuple';
      if (key instanceof PySlice) {
        const items = this.sliceItems(obj.items, key);
        return obj instanceof PyList ? new PyList(items) : new PyTuple(items);
      }
      return obj.items[this.seqIndex(obj.items.length, key, kind)];
    }
    if (obj instanceof PyDict) {
      const e = obj.map.get(this.hashKey(key));
      if (e) return e.value;
      if (obj instanceof PyDict && this.defaultFactories.has(obj)) {
        const v = this.interp.call(this.defaultFactories.get(obj) as PyValue, []);
        this.dictSet(obj, key, v);
        return v;
      }
      const r = this.err('KeyError');
      r.exc.args = [key];
      throw r;
    }
    if (typeof obj === 'string') {
      const cps = codePoints(obj);
      if (key instanceof PySlice) return this.sliceItems(cps, key).join('');
      return cps[this.seqIndex(cps.length, key, 'string')];
    }
    if (obj instanceof PyRange) {
      const len = Number(obj.length);
      if (key instanceof PySlice) {
        const [start, stop, step] = this.sliceIndices(key, len);
        const at = (i: number) => obj.start + BigInt(i) * obj.step;
        return new PyRange(at(start), at(stop), obj.step * BigInt(step));
      }
      return obj.start + BigInt(this.seqIndex(len, key, 'range object')) * obj.step;
    }
    if (this.np?.owns(obj)) return this.np.getItem(obj, key);
    return undefined;
  }

  readonly defaultFactories = new WeakMap<PyDict, PyValue>();

  setItem(obj: PyValue, key: PyValue, value: PyValue): boolean {
    if (obj instanceof PyList) {
      if (key instanceof PySlice) {
        const [start, stop, step] = this.sliceIndices(key, obj.items.length);
        const vals = this.interp.toArray(value);
        if (step === 1) { obj.items.splice(start, Math.max(0, stop - start), ...vals); return true; }
        const idx: number[] = [];
        if (step > 0) for (let i = start; i < stop; i += step) idx.push(i); else for (let i = start; i > stop; i += step) idx.push(i);
        if (idx.length !== vals.length) throw this.err('ValueError', `attempt to assign sequence of size ${vals.length} to extended slice of size ${idx.length}`);
        idx.forEach((i, j) => { obj.items[i] = vals[j]; });
        return true;
      }
      obj.items[this.seqIndex(obj.items.length, key, 'list assignment')] = value;
      return true;
    }
    if (obj instanceof PyDict) { this.dictSet(obj, key, value); return true; }
    if (this.np?.owns(obj)) { this.np.setItem(obj, key, value); return true; }
    if (obj instanceof PyTuple) throw this.err('TypeError', "'tuple' object does not support item assignment");
    if (typeof obj === 'string') throw this.err('TypeError', "'str' object does not support item assignment");
    return false;
  }

  delItem(obj: PyValue, key: PyValue): void {
    if (obj instanceof PyList) {
      if (key instanceof PySlice) {
        const [start, stop, step] = this.sliceIndices(key, obj.items.length);
        if (step === 1) { obj.items.splice(start, Math.max(0, stop - start)); return; }
        const drop = new Set<number>();
        if (step > 0) for (let i = start; i < stop; i += step) drop.add(i); else for (let i = start; i > stop; i += step) drop.add(i);
        obj.items = obj.items.filter((_, i) => !drop.has(i));
        return;
      }
      obj.items.splice(this.seqIndex(obj.items.length, key, 'list assignment'), 1);
      return;
    }
    if (obj instanceof PyDict) {
      if (!obj.map.delete(this.hashKey(key))) { const r = this.err('KeyError'); r.exc.args = [key]; throw r; }
      return;
    }
    const m = this.interp.lookupSpecial(obj, '__delitem__');
    if (m) { this.interp.call(m, [key]); return; }
    throw this.err('TypeError', `'${this.interp.typeName(obj)}' object doesn't support item deletion`);
  }

  len(v: PyValue): number {
    if (typeof v === 'string') return hasSurrogates(v) ? Array.from(v).length : v.length;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
    if (v instanceof PyDict || v instanceof PySet) return v.map.size;
    if (v instanceof PyDictView) return v.dict.map.size;
    if (v instanceof PyRange) return Number(v.length);
    if (this.np?.owns(v)) return this.np.len(v);
    const m = this.interp.lookupSpecial(v, '__len__');
    if (m) {
      const n = this.interp.call(m, []);
      const i = this.toIndex(n, `'${this.interp.typeName(n)}' object cannot be interpreted as an integer`);
      if (i < 0) throw this.err('ValueError', '__len__() should return >= 0');
      return i;
    }
    throw this.err('TypeError', `object of type '${this.interp.typeName(v)}' has no len()`);
  }

  // ------------------------------------------------------------------ iteration

  isIterable(v: PyValue): boolean {
    return typeof v === 'string' || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet
      || v instanceof PyRange || v instanceof PyIterator || v instanceof PyDictView || (this.np?.owns(v) === true && this.np.len !== undefined && this.isNumpyIterable(v));
  }

  private isNumpyIterable(v: PyValue): boolean {
    try { this.np?.len(v); return true; } catch { return false; }
  }

  iterate(v: PyValue): Iterator<PyValue> | null {
    if (v instanceof PyList) {
      // Live, like CPython's list iterator: sees appends made during the loop.
      let i = 0;
      const items = v;
      return { next: () => (i < items.items.length ? { done: false, value: items.items[i++] } : { done: true, value: null }) };
    }
    if (v instanceof PyTuple) return v.items[Symbol.iterator]();
    if (typeof v === 'string') return codePoints(v)[Symbol.iterator]();
    if (v instanceof PyRange) {
      let cur = v.start;
      const { stop, step } = v;
      return { next: () => ((step > 0n ? cur < stop : cur > stop) ? { done: false, value: (cur += step) - step } : { done: true, value: null }) };
    }
    if (v instanceof PyIterator) return v.it;
    if (v instanceof PyDict) return this.dictIterator(v, 'keys');
    if (v instanceof PyDictView) return this.dictIterator(v.dict, v.which);
    if (v instanceof PySet) return this.setValues(v)[Symbol.iterator]();
    if (this.np?.owns(v)) return this.np.iterate(v);
    return null;
  }

  private dictIterator(d: PyDict, which: 'keys' | 'values' | 'items'): Iterator<PyValue> {
    const size = d.map.size;
    const it = d.map.values();
    return {
      next: () => {
        if (d.map.size !== size) throw this.err('RuntimeError', 'dictionary changed size during iteration');
        const n = it.next();
        if (n.done) return { done: true, value: null };
        const e = n.value;
        return { done: false, value: which === 'keys' ? e.key : which === 'values' ? e.value : new PyTuple([e.key, e.value]) };
      },
    };
  }

  // ------------------------------------------------------------------ str and repr

  repr(v: object): string | undefined {
    const r = (x: PyValue) => this.interp.repr(x);
    if (v instanceof PyList) return this.guardRepr(v, '[...]', () => `[${v.items.map(r).join(', ')}]`);
    if (v instanceof PyTuple) return v.items.length === 1 ? `(${r(v.items[0])},)` : `(${v.items.map(r).join(', ')})`;
    if (v instanceof PyDict) {
      if (v.ordered) return this.guardRepr(v, '...', () => (v.map.size ? `OrderedDict([${[...v.map.values()].map((e) => `(${r(e.key)}, ${r(e.value)})`).join(', ')}])` : 'OrderedDict()'));
      if (this.defaultFactories.has(v)) return `defaultdict(${r(this.defaultFactories.get(v) as PyValue)}, {${[...v.map.values()].map((e) => `${r(e.key)}: ${r(e.value)}`).join(', ')}})`;
      return this.guardRepr(v, '{...}', () => `{${[...v.map.values()].map((e) => `${r(e.key)}: ${r(e.value)}`).join(', ')}}`);
    }
    if (v instanceof PySet) {
      if (!v.map.size) return v.frozen ? 'frozenset()' : 'set()';
      const body = `{${this.setValues(v).map(r).join(', ')}}`;
      return v.frozen ? `frozenset(${body})` : body;
    }
    if (v instanceof PyDictView) {
      const items = [...v.dict.map.values()].map((e) => (v.which === 'keys' ? r(e.key) : v.which === 'values' ? r(e.value) : `(${r(e.key)}, ${r(e.value)})`));
      return `${v.dict.ordered ? 'odict' : 'dict'}_${v.which}([${items.join(', ')}])`;
    }
    if (v instanceof PyRange) return v.step === 1n ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
    if (v instanceof PySlice) return `slice(${r(v.start)}, ${r(v.stop)}, ${r(v.step)})`;
    if (v instanceof PyClass) return `<class '${v.module === 'builtins' ? v.qualname : `${v.module}.${v.qualname}`}'>`;
    if (v instanceof PyFunction) return `<function ${v.qualname} at ${this.address(v)}>`;
    if (v instanceof PyBuiltin) return `<built-in function ${v.name}>`;
    if (v instanceof PyBoundMethod) {
      if (v.func instanceof PyBuiltin) return `<built-in method ${v.func.name} of ${this.interp.typeName(v.self)} object at ${this.address(v.self as object)}>`;
      return `<bound method ${this.interp.callableName(v.func)} of ${r(v.self)}>`;
    }
    if (v instanceof PyModule) return v.file ? `<module '${v.name}' from '${v.file}'>` : `<module '${v.name}' (built-in)>`;
    if (v instanceof PySingleton) return v.name;
    if (v instanceof PyException && !v.cls.lookup('__repr__')?.constructor.name.includes('PyFunction')) {
      if (!(v.cls.lookup('__repr__') instanceof PyFunction)) {
        const args = v.args.length === 1 ? r(v.args[0]) : v.args.map(r).join(', ');
        return `${v.cls.name}(${args})`;
      }
    }
    if (v instanceof PyIterator) return `<${v.kind} object at ${this.address(v)}>`;
    if (this.np?.owns(v)) return this.np.repr(v);
    return undefined;
  }

  private reprActive = new Set<object>();
  private guardRepr(v: object, recursive: string, f: () => string): string {
    if (this.reprActive.has(v)) return recursive;
    this.reprActive.add(v);
    try { return f(); } finally { this.reprActive.delete(v); }
  }

  str(v: PyValue): string | undefined {
    if (typeof v === 'number') return floatRepr(v);
    if (v !== null && typeof v === 'object' && this.np?.owns(v)) return this.np.str(v);
    return undefined;
  }

  defaultRepr(v: object): string {
    const cls = this.interp.typeOf(v);
    return `<${cls.module === 'builtins' ? '' : cls.module + '.'}${cls.qualname} object at ${this.address(v)}>`;
  }

  exceptionStr(e: PyException): string {
    const m = e.cls.lookup('__str__');
    if (m instanceof PyFunction) return this.interp.str(this.interp.call(m, [e]));
    if (e.args.length === 0) return '';
    if (e.args.length === 1) {
      if (e.cls.isSubclassOf(this.cls('KeyError'))) return this.interp.repr(e.args[0]);
      return this.interp.str(e.args[0]);
    }
    return this.interp.repr(new PyTuple(e.args));
  }

  formatHook(v: PyValue, spec: string): string | undefined {
    if (this.np?.owns(v)) return this.np.format(v, spec);
    return undefined;
  }

  percent(template: string, args: PyValue): string {
    const toArg = (v: PyValue): PercentArg => {
      if (typeof v === 'bigint') return { kind: 'int', value: v };
      if (typeof v === 'number') return { kind: 'float', value: v };
      if (typeof v === 'boolean') return { kind: 'bool', value: v };
      const n = this.np?.scalarValue(v);
      if (typeof n === 'number') return { kind: 'float', value: n };
      if (typeof n === 'bigint') return { kind: 'int', value: n };
      if (typeof n === 'boolean') return { kind: 'bool', value: n };
      return { kind: 'str', value: this.interp.str(v), repr: this.interp.repr(v), typeName: this.interp.typeName(v) };
    };
    let list: PercentArg[] | Map<string, PercentArg>;
    if (args instanceof PyTuple) list = args.items.map(toArg);
    else if (args instanceof PyDict) {
      const m = new Map<string, PercentArg>();
      for (const e of args.map.values()) if (typeof e.key === 'string') m.set(e.key, toArg(e.value));
      list = /%\(/.test(template) ? m : [toArg(args)];
    } else list = [toArg(args)];
    try {
      return percentFormat(template, list);
    } catch (e) {
      if (e instanceof FormatError) throw this.err(e.pyType, e.message);
      throw e;
    }
  }

  // ------------------------------------------------------------------ method tables

  /** Defines a native method on a built-in class. */
  method(clsName: string | PyClass, name: string, fn: (self: PyValue, args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue): void {
    const cls = typeof clsName === 'string' ? this.cls(clsName) : clsName;
    cls.dict.set(name, new PyBuiltin(name, (args, kwargs) => fn(args[0], args.slice(1), kwargs), true, `${cls.name}.${name}`));
  }

  getter(cls: PyClass, name: string, get: (self: PyValue) => PyValue): void {
    cls.dict.set(name, new PyGetter(name, get));
  }

  fn(name: string, f: NativeFn): PyBuiltin {
    const b = new PyBuiltin(name, f);
    this.names.set(name, b);
    return b;
  }

  /** Checks a native function's positional arity, with CPython's wording. */
  arity(name: string, args: PyValue[], min: number, max: number): void {
    if (args.length >= min && args.length <= max) return;
    if (min === max) {
      if (min === 0) throw this.err('TypeError', `${name}() takes no arguments (${args.length} given)`);
      if (min === 1) throw this.err('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
      throw this.err('TypeError', `${name} expected ${min} arguments, got ${args.length}`);
    }
    if (args.length < min) throw this.err('TypeError', `${name} expected at least ${min} argument${min > 1 ? 's' : ''}, got ${args.length}`);
    throw this.err('TypeError', `${name} expected at most ${max} argument${max > 1 ? 's' : ''}, got ${args.length}`);
  }

  noKwargs(name: string, kwargs: Map<string, PyValue> | null): void {
    if (kwargs && kwargs.size) throw this.err('TypeError', `${name}() takes no keyword arguments`);
  }

  private str_(v: PyValue, method: string): string {
    if (typeof v !== 'string') throw this.err('TypeError', `descriptor '${method}' for 'str' objects doesn't apply to a '${this.interp.typeName(v)}' object`);
    return v;
  }

  private installMethods(): void {
    const I = this.interp;
    const S = (v: PyValue, m: string) => this.str_(v, m);
    const optStr = (v: PyValue | undefined, m: string): string | null => {
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string') throw this.err('TypeError', `${m} arg must be None or str`);
      return v;
    };

    // ---- object
    const obj = this.objectClass;
    obj.dict.set('__init__', new PyBuiltin('__init__', () => null, true, 'object.__init__'));
    this.method(obj, '__repr__', (self) => this.defaultRepr(self as object));
    this.method(obj, '__str__', (self) => I.repr(self));
    this.method(obj, '__eq__', (self, [o]) => (self === o ? true : NotImplemented));
    this.method(obj, '__ne__', (self, [o]) => (self === o ? false : NotImplemented));
    this.method(obj, '__hash__', (self) => BigInt(this.objectId(self as object).slice(1)));
    this.method(obj, '__setattr__', (self, [n, v]) => { (I.instanceDict(self) as Map<string, PyValue>).set(n as string, v); return null; });
    this.method(obj, '__getattribute__', (self, [n]) => I.getAttr(self, n as string));
    obj.dict.set('__new__', new PyStaticMethod(new PyBuiltin('__new__', (args) => {
      const c = args[0];
      if (!(c instanceof PyClass)) throw this.err('TypeError', 'object.__new__(X): X is not a type object');
      return c.isSubclassOf(this.cls('BaseException')) ? new PyException(c) : new PyInstance(c);
    })));
    // Instances without their own __new__ go through Interpreter.instantiate; keep object.__new__ out of that path.
    obj.dict.delete('__new__');
    this.names.set('object', obj);

    // ---- str
    this.method('str', 'upper', (s) => S(s, 'upper').toUpperCase());
    this.method('str', 'lower', (s) => S(s, 'lower').toLowerCase());
    this.method('str', 'title', (s) => S(s, 'title').replace(/[A-Za-z\u00C0-\uFFFF]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()));
    this.method('str', 'capitalize', (s) => { const x = S(s, 'capitalize'); return x ? x[0].toUpperCase() + x.slice(1).toLowerCase() : x; });
    this.method('str', 'swapcase', (s) => [...S(s, 'swapcase')].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
    const stripChars = (chars: string | null) => (chars === null ? ' \t\n\r\x0b\x0c' : chars);
    this.method('str', 'strip', (s, [c]) => { const x = S(s, 'strip'); const ch = stripChars(optStr(c, 'strip')); let a = 0; let b = x.length; while (a < b && ch.includes(x[a])) a++; while (b > a && ch.includes(x[b - 1])) b--; return x.slice(a, b); });
    this.method('str', 'lstrip', (s, [c]) => { const x = S(s, 'lstrip'); const ch = stripChars(optStr(c, 'lstrip')); let a = 0; while (a < x.length && ch.includes(x[a])) a++; return x.slice(a); });
    this.method('str', 'rstrip', (s, [c]) => { const x = S(s, 'rstrip'); const ch = stripChars(optStr(c, 'rstrip')); let b = x.length; while (b > 0 && ch.includes(x[b - 1])) b--; return x.slice(0, b); });
    this.method('str', 'split', (s, args, kw) => {
      const x = S(s, 'split');
      const sep = optStr(args[0] ?? kw?.get('sep'), 'split');
      const maxsplit = Number(args[1] ?? kw?.get('maxsplit') ?? -1n);
      if (sep === '') throw this.err('ValueError', 'empty separator');
      return new PyList(pySplit(x, sep, maxsplit));
    });
    this.method('str', 'rsplit', (s, args, kw) => {
      const x = S(s, 'rsplit');
      const sep = optStr(args[0] ?? kw?.get('sep'), 'rsplit');
      const maxsplit = Number(args[1] ?? kw?.get('maxsplit') ?? -1n);
      if (maxsplit < 0) return new PyList(pySplit(x, sep, -1));
      const rev = pySplit([...x].reverse().join(''), sep === null ? null : [...sep].reverse().join(''), maxsplit);
      return new PyList(rev.map((p) => [...p].reverse().join('')).reverse());
    });
    this.method('str', 'splitlines', (s, [keep]) => {
      const x = S(s, 'splitlines');
      const parts = x.split(/(\r\n|\n|\r)/);
      const out: string[] = [];
      for (let i = 0; i < parts.length; i += 2) {
        if (i === parts.length - 1 && parts[i] === '') break;
        out.push(parts[i] + (keep && I.truthy(keep) ? parts[i + 1] ?? '' : ''));
      }
      return new PyList(out);
    });
    this.method('str', 'join', (s, [it]) => {
      const sep = S(s, 'join');
      const items = I.toArray(it);
      items.forEach((v, i) => { if (typeof v !== 'string') throw this.err('TypeError', `sequence item ${i}: expected str instance, ${I.typeName(v)} found`); });
      return items.join(sep);
    });
    this.method('str', 'replace', (s, [a, b, n]) => {
      const x = S(s, 'replace');
      if (typeof a !== 'string' || typeof b !== 'string') throw this.err('TypeError', `replace() argument ${typeof a !== 'string' ? 1 : 2} must be str, not ${I.typeName(typeof a !== 'string' ? a : b)}`);
      let count = n === undefined ? -1 : this.toIndex(n);
      if (count < 0) return a === '' ? x.split('').join(b).replace(/^/, b) + (x ? b : '') : x.split(a).join(b);
      let out = '';
      let rest = x;
      while (count-- > 0) {
        const i = rest.indexOf(a);
        if (i < 0) break;
        out += rest.slice(0, i) + b;
        rest = rest.slice(i + a.length);
      }
      return out + rest;
    });
    const prefixTest = (name: 'startswith' | 'endswith') => (s: PyValue, [p, start, end]: PyValue[]): PyValue => {
      let x = S(s, name);
      if (start !== undefined && start !== null) x = x.slice(this.toIndex(start));
      if (end !== undefined && end !== null) x = x.slice(0, this.toIndex(end));
      const opts = p instanceof PyTuple ? p.items : [p];
      return opts.some((o) => {
        if (typeof o !== 'string') throw this.err('TypeError', `${name} first arg must be str or a tuple of str, not ${I.typeName(o)}`);
        return name === 'startswith' ? x.startsWith(o) : x.endsWith(o);
      });
    };
    this.method('str', 'startswith', prefixTest('startswith'));
    this.method('str', 'endswith', prefixTest('endswith'));
    const finder = (name: string, fromRight: boolean, raise: boolean) => (s: PyValue, [sub, start, end]: PyValue[]): PyValue => {
      const x = S(s, name);
      if (typeof sub !== 'string') throw this.err('TypeError', `must be str, not ${I.typeName(sub)}`);
      const a = start === undefined || start === null ? 0 : normIndex(this.toIndex(start), x.length);
      const b = end === undefined || end === null ? x.length : normIndex(this.toIndex(end), x.length);
      const region = x.slice(a, b);
      const i = fromRight ? region.lastIndexOf(sub) : region.indexOf(sub);
      if (i < 0 || b - a < sub.length) {
        if (raise) throw this.err('ValueError', 'substring not found');
        return -1n;
      }
      return BigInt(i + a);
    };
    this.method('str', 'find', finder('find', false, false));
    this.method('str', 'rfind', finder('rfind', true, false));
    this.method('str', 'index', finder('index', false, true));
    this.method('str', 'rindex', finder('rindex', true, true));
    this.method('str', 'count', (s, [sub]) => {
      const x = S(s, 'count');
      if (typeof sub !== 'string') throw this.err('TypeError', `must be str, not ${I.typeName(sub)}`);
      if (sub === '') return BigInt(this.len(x) + 1);
      return BigInt(x.split(sub).length - 1);
    });
    const pad = (name: string, f: (x: string, w: number, fill: string) => string) => (s: PyValue, [w, fill]: PyValue[]): PyValue => {
      const x = S(s, name);
      const width = this.toIndex(w);
      const ch = fill === undefined ? ' ' : fill;
      if (typeof ch !== 'string' || this.len(ch) !== 1) throw this.err('TypeError', 'The fill character must be exactly one character long');
      const n = this.len(x);
      return n >= width ? x : f(x, width - n, ch);
    };
    this.method('str', 'ljust', pad('ljust', (x, n, c) => x + c.repeat(n)));
    this.method('str', 'rjust', pad('rjust', (x, n, c) => c.repeat(n) + x));
    this.method('str', 'center', pad('center', (x, n, c) => {
      // CPython: left = pad/2 + (pad & width & 1)
      const width = this.len(x) + n;
      const left = Math.floor(n / 2) + (n & width & 1);
      return c.repeat(left) + x + c.repeat(n - left);
    }));
    this.method('str', 'zfill', (s, [w]) => {
      const x = S(s, 'zfill');
      const width = this.toIndex(w);
      if (x.length >= width) return x;
      const sign = x[0] === '+' || x[0] === '-' ? x[0] : '';
      return sign + '0'.repeat(width - x.length) + x.slice(sign.length);
    });
    const charTest = (name: string, re: RegExp) => this.method('str', name, (s) => { const x = S(s, name); return x.length > 0 && re.test(x); });
    charTest('isdigit', /^\p{Nd}+$/u);
    charTest('isdecimal', /^\p{Nd}+$/u);
    charTest('isnumeric', /^[\p{Nd}\p{Nl}\p{No}]+$/u);
    charTest('isalpha', /^\p{L}+$/u);
    charTest('isalnum', /^[\p{L}\p{Nd}]+$/u);
    charTest('isspace', /^\s+$/u);
    this.method('str', 'isupper', (s) => { const x = S(s, 'isupper'); return /\p{Lu}/u.test(x) && !/\p{Ll}/u.test(x); });
    this.method('str', 'islower', (s) => { const x = S(s, 'islower'); return /\p{Ll}/u.test(x) && !/\p{Lu}/u.test(x); });
    this.method('str', 'isidentifier', (s) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(S(s, 'isidentifier')));
    this.method('str', 'partition', (s, [sep]) => {
      const x = S(s, 'partition'); const i = x.indexOf(sep as string);
      return i < 0 ? new PyTuple([x, '', '']) : new PyTuple([x.slice(0, i), sep, x.slice(i + (sep as string).length)]);
    });
    this.method('str', 'rpartition', (s, [sep]) => {
      const x = S(s, 'rpartition'); const i = x.lastIndexOf(sep as string);
      return i < 0 ? new PyTuple(['', '', x]) : new PyTuple([x.slice(0, i), sep, x.slice(i + (sep as string).length)]);
    });
    this.method('str', 'format', (s, args, kw) => this.strFormat(S(s, 'format'), args, kw));
    this.method('str', 'encode', (s) => S(s, 'encode'));
    this.method('str', 'expandtabs', (s, [n]) => S(s, 'expandtabs').replace(/\t/g, ' '.repeat(n === undefined ? 8 : this.toIndex(n))));
    this.method('str', '__len__', (s) => BigInt(this.len(s)));
    this.method('str', '__contains__', (s, [x]) => this.contains(s, x) as boolean);
    this.method('str', '__add__', (s, [x]) => this.binaryOp('+', s, x));
    this.method('str', '__getitem__', (s, [k]) => this.getItem(s, k) as PyValue);

    // ---- list
    const L = (v: PyValue, m: string): PyList => {
      if (!(v instanceof PyList)) throw this.err('TypeError', `descriptor '${m}' for 'list' objects doesn't apply to a '${I.typeName(v)}' object`);
      return v;
    };
    this.method('list', 'append', (l, [x], kw) => { this.noKwargs('list.append', kw); this.arity('list.append', [x].filter((a) => a !== undefined), 1, 1); L(l, 'append').items.push(x); return null; });
    this.method('list', 'extend', (l, [x]) => { L(l, 'extend').items.push(...I.toArray(x)); return null; });
    this.method('list', 'insert', (l, [i, x]) => {
      const items = L(l, 'insert').items;
      let idx = this.toIndex(i);
      if (idx < 0) idx = Math.max(0, idx + items.length);
      items.splice(Math.min(idx, items.length), 0, x);
      return null;
    });
    this.method('list', 'pop', (l, [i]) => {
      const items = L(l, 'pop').items;
      if (!items.length) throw this.err('IndexError', 'pop from empty list');
      let idx = i === undefined ? items.length - 1 : this.toIndex(i);
      if (idx < 0) idx += items.length;
      if (idx < 0 || idx >= items.length) throw this.err('IndexError', 'pop index out of range');
      return items.splice(idx, 1)[0];
    });
    this.method('list', 'remove', (l, [x]) => {
      const items = L(l, 'remove').items;
      const idx = items.findIndex((y) => I.eq(y, x));
      if (idx < 0) throw this.err('ValueError', 'list.remove(x): x not in list');
      items.splice(idx, 1);
      return null;
    });
    this.method('list', 'index', (l, [x, start]) => {
      const items = L(l, 'index').items;
      const from = start === undefined ? 0 : normIndex(this.toIndex(start), items.length);
      for (let i = from; i < items.length; i++) if (I.eq(items[i], x)) return BigInt(i);
      throw this.err('ValueError', `${I.repr(x)} is not in list`);
    });
    this.method('list', 'count', (l, [x]) => BigInt(L(l, 'count').items.filter((y) => I.eq(y, x)).length));
    this.method('list', 'reverse', (l) => { L(l, 'reverse').items.reverse(); return null; });
    this.method('list', 'clear', (l) => { L(l, 'clear').items.length = 0; return null; });
    this.method('list', 'copy', (l) => new PyList(L(l, 'copy').items.slice()));
    this.method('list', 'sort', (l, args, kw) => {
      if (args.length) throw this.err('TypeError', 'sort() takes no positional arguments');
      const list = L(l, 'sort');
      list.items = this.sorted(list.items, kw?.get('key') ?? null, I.truthy(kw?.get('reverse') ?? false));
      return null;
    });
    this.method('list', '__len__', (l) => BigInt(L(l, '__len__').items.length));
    this.method('list', '__getitem__', (l, [k]) => this.getItem(l, k) as PyValue);
    this.method('list', '__setitem__', (l, [k, v]) => { this.setItem(l, k, v); return null; });
    this.method('list', '__contains__', (l, [x]) => this.contains(l, x) as boolean);
    this.method('list', '__iter__', (l) => new PyIterator(this.iterate(l) as Iterator<PyValue>, 'list_iterator'));

    // ---- tuple
    this.method('tuple', 'index', (t, [x]) => {
      const idx = (t as PyTuple).items.findIndex((y) => I.eq(y, x));
      if (idx < 0) throw this.err('ValueError', 'tuple.index(x): x not in tuple');
      return BigInt(idx);
    });
    this.method('tuple', 'count', (t, [x]) => BigInt((t as PyTuple).items.filter((y) => I.eq(y, x)).length));
    this.method('tuple', '__len__', (t) => BigInt((t as PyTuple).items.length));
    this.method('tuple', '__getitem__', (t, [k]) => this.getItem(t, k) as PyValue);

    // ---- dict
    const D = (v: PyValue, m: string): PyDict => {
      if (!(v instanceof PyDict)) throw this.err('TypeError', `descriptor '${m}' for 'dict' objects doesn't apply to a '${I.typeName(v)}' object`);
      return v;
    };
    this.method('dict', 'keys', (d) => new PyDictView(D(d, 'keys'), 'keys'));
    this.method('dict', 'values', (d) => new PyDictView(D(d, 'values'), 'values'));
    this.method('dict', 'items', (d) => new PyDictView(D(d, 'items'), 'items'));
    this.method('dict', 'get', (d, [k, dflt]) => this.dictGet(D(d, 'get'), k) ?? dflt ?? null);
    this.method('dict', 'setdefault', (d, [k, dflt]) => {
      const dict = D(d, 'setdefault');
      const v = this.dictGet(dict, k);
      if (v !== undefined) return v;
      this.dictSet(dict, k, dflt ?? null);
      return dflt ?? null;
    });
    this.method('dict', 'pop', (d, [k, dflt]) => {
      const dict = D(d, 'pop');
      const key = this.hashKey(k);
      const e = dict.map.get(key);
      if (e) { dict.map.delete(key); return e.value; }
      if (dflt !== undefined) return dflt;
      const r = this.err('KeyError'); r.exc.args = [k]; throw r;
    });
    this.method('dict', 'popitem', (d, args, kw) => {
      const last = args[0] ?? kw?.get('last');
      const dict = D(d, 'popitem');
      if (!dict.map.size) throw this.err('KeyError', 'popitem(): dictionary is empty');
      const keys = [...dict.map.keys()];
      const k = last === false ? keys[0] : keys[keys.length - 1];
      const e = dict.map.get(k) as { key: PyValue; value: PyValue };
      dict.map.delete(k);
      return new PyTuple([e.key, e.value]);
    });
    this.method('dict', 'update', (d, [src], kw) => {
      const dict = D(d, 'update');
      if (src !== undefined) {
        if (src instanceof PyDict || (src instanceof PyInstance && I.getAttrOrUndefined(src, 'keys') !== undefined)) for (const [k, v] of this.mappingItems(src)) this.dictSet(dict, k, v);
        else for (const pair of I.toArray(src)) { const [k, v] = I.toArray(pair); this.dictSet(dict, k, v); }
      }
      if (kw) for (const [k, v] of kw) this.dictSet(dict, k, v);
      return null;
    });
    this.method('dict', 'copy', (d) => this.copyDict(D(d, 'copy')));
    this.method('dict', 'clear', (d) => { D(d, 'clear').map.clear(); return null; });
    this.method('dict', 'move_to_end', (d, args, kw) => {
      const [k] = args;
      const last = args[1] ?? kw?.get('last');
      const dict = D(d, 'move_to_end');
      const key = this.hashKey(k);
      const e = dict.map.get(key);
      if (!e) { const r = this.err('KeyError'); r.exc.args = [k]; throw r; }
      dict.map.delete(key);
      if (last === false) { const rest = [...dict.map]; dict.map.clear(); dict.map.set(key, e); for (const [kk, vv] of rest) dict.map.set(kk, vv); }
      else dict.map.set(key, e);
      return null;
    });
    this.method('dict', '__len__', (d) => BigInt(D(d, '__len__').map.size));
    this.method('dict', '__getitem__', (d, [k]) => this.getItem(d, k) as PyValue);
    this.method('dict', '__setitem__', (d, [k, v]) => { this.dictSet(D(d, '__setitem__'), k, v); return null; });
    this.method('dict', '__contains__', (d, [k]) => this.contains(d, k) as boolean);
    this.method('dict', '__iter__', (d) => new PyIterator(this.iterate(d) as Iterator<PyValue>, 'dict_keyiterator'));
    this.cls('dict').dict.set('fromkeys', new PyClassMethod(new PyBuiltin('fromkeys', (args) => {
      const d = new PyDict();
      for (const k of I.toArray(args[1])) this.dictSet(d, k, args[2] ?? null);
      return d;
    })));

    // ---- set
    const ST = (v: PyValue): PySet => v as PySet;
    this.method('set', 'add', (s, [x]) => { this.setAdd(ST(s), x); return null; });
    this.method('set', 'remove', (s, [x]) => { if (!this.setDiscard(ST(s), x)) { const r = this.err('KeyError'); r.exc.args = [x]; throw r; } return null; });
    this.method('set', 'discard', (s, [x]) => { this.setDiscard(ST(s), x); return null; });
    this.method('set', 'pop', (s) => {
      const set = ST(s);
      if (!set.map.size) throw this.err('KeyError', 'pop from an empty set');
      const key = set.table ? set.table.pop() as string : set.map.keys().next().value as string | object;
      const v = set.map.get(key) as PyValue;
      set.map.delete(key);
      return v;
    });
    this.method('set', 'clear', (s) => { ST(s).map.clear(); ST(s).table = new SetTable(); return null; });
    this.method('set', 'update', (s, args) => { for (const a of args) this.setUpdate(ST(s), a); return null; });
    this.method('set', 'difference_update', (s, args) => { for (const a of args) this.setDifferenceUpdate(ST(s), this.toSet(a)); return null; });
    this.method('set', 'intersection_update', (s, args) => { for (const a of args) this.inplaceOp('&', s, this.toSet(a)); return null; });
    this.method('set', 'symmetric_difference_update', (s, [a]) => { this.inplaceOp('^', s, this.toSet(a)); return null; });
    this.method('set', 'copy', (s) => this.setCopy(ST(s)));
    for (const op of ['union', 'intersection', 'difference', 'symmetric_difference'] as const) {
      const f = (s: PyValue, args: PyValue[]): PyValue => {
        let acc = ST(s);
        for (const a of args) acc = this.setOp(op, acc, this.toSet(a));
        return args.length ? acc : this.setCopy(acc);
      };
      this.method('set', op, f);
      this.method('frozenset', op, f);
    }
    this.method('set', 'issubset', (s, [o]) => [...ST(s).map.keys()].every((k) => this.toSet(o).map.has(k)));
    this.method('set', 'issuperset', (s, [o]) => [...this.toSet(o).map.keys()].every((k) => ST(s).map.has(k)));
    this.method('set', 'isdisjoint', (s, [o]) => ![...ST(s).map.keys()].some((k) => this.toSet(o).map.has(k)));
    this.method('set', '__len__', (s) => BigInt(ST(s).map.size));
    this.method('set', '__contains__', (s, [x]) => this.contains(s, x) as boolean);

    // ---- int and float
    this.method('int', 'bit_length', (v) => BigInt(toBig(v) === 0n ? 0 : (toBig(v) < 0n ? -toBig(v) : toBig(v)).toString(2).length));
    this.method('int', 'conjugate', (v) => toBig(v));
    this.method('int', '__index__', (v) => toBig(v));
    this.getter(this.cls('int'), 'real', (v) => toBig(v));
    this.getter(this.cls('int'), 'imag', () => 0n);
    this.getter(this.cls('int'), 'numerator', (v) => toBig(v));
    this.getter(this.cls('int'), 'denominator', () => 1n);
    this.method('float', 'is_integer', (v) => Number.isInteger(v as number));
    this.method('float', 'conjugate', (v) => v);
    this.method('float', 'hex', (v) => floatHex(v as number));
    this.method('float', 'as_integer_ratio', (v) => {
      const x = v as number;
      if (!Number.isFinite(x)) throw this.err(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio');
      let num = x; let den = 1n;
      while (!Number.isInteger(num)) { num *= 2; den *= 2n; }
      const n = BigInt(num);
      const g = gcd(n < 0n ? -n : n, den);
      return new PyTuple([n / g, den / g]);
    });
    this.getter(this.cls('float'), 'real', (v) => v);
    this.getter(this.cls('float'), 'imag', () => 0);
    for (const [op, name] of [['+', 'add'], ['-', 'sub'], ['*', 'mul'], ['/', 'truediv'], ['//', 'floordiv'], ['%', 'mod'], ['**', 'pow']] as const) {
      this.method('int', `__${name}__`, (a, [b]) => (numKind(b) ? this.binaryOp(op, a, b) : NotImplemented));
      this.method('float', `__${name}__`, (a, [b]) => (numKind(b) ? this.binaryOp(op, a, b) : NotImplemented));
      this.method('int', `__r${name}__`, (a, [b]) => (numKind(b) ? this.binaryOp(op, b, a) : NotImplemented));
      this.method('float', `__r${name}__`, (a, [b]) => (numKind(b) ? this.binaryOp(op, b, a) : NotImplemented));
    }

    // ---- exceptions
    const base = this.cls('BaseException');
    this.method(base, 'with_traceback', (e) => e);
    this.method(base, '__str__', (e) => this.exceptionStr(e as PyException));
    this.method(base, '__repr__', (e) => this.repr(e as object) as string);
    base.dict.set('__init__', new PyBuiltin('__init__', (args) => { (args[0] as PyException).args = args.slice(1); return null; }, true, 'BaseException.__init__'));
    // Default __str__/__repr__ are handled natively; the entries above exist for super().__str__() calls.

    // ---- range, slice, functions
    this.getter(this.cls('range'), 'start', (r) => (r as PyRange).start);
    this.getter(this.cls('range'), 'stop', (r) => (r as PyRange).stop);
    this.getter(this.cls('range'), 'step', (r) => (r as PyRange).step);
    this.method('range', 'index', (r, [x]) => {
      const rr = r as PyRange;
      if (!this.contains(rr, x)) throw this.err('ValueError', `${I.repr(x)} is not in range`);
      return (toBig(x) - rr.start) / rr.step;
    });
    this.method('range', 'count', (r, [x]) => (this.contains(r, x) ? 1n : 0n));
    this.getter(this.cls('slice'), 'start', (s) => (s as PySlice).start);
    this.getter(this.cls('slice'), 'stop', (s) => (s as PySlice).stop);
    this.getter(this.cls('slice'), 'step', (s) => (s as PySlice).step);
    this.method('slice', 'indices', (s, [n]) => new PyTuple(this.sliceIndices(s as PySlice, this.toIndex(n)).map(BigInt)));
    this.method('property', 'setter', (p, [f]) => new PyProperty((p as PyProperty).fget, f, (p as PyProperty).fdel));
    this.method('property', 'getter', (p, [f]) => new PyProperty(f, (p as PyProperty).fset, (p as PyProperty).fdel));
    this.method('property', 'deleter', (p, [f]) => new PyProperty((p as PyProperty).fget, (p as PyProperty).fset, f));
    this.method('type', 'mro', (c) => new PyList((c as PyClass).mro));
    this.method('type', '__subclasses__', () => new PyList([]));
  }

  /** A set's elements in the order CPython would iterate them. */
  setValues(s: PySet): PyValue[] {
    if (!s.table) return [...s.map.values()];
    return s.table.keys().map((k) => s.map.get(k) as PyValue);
  }

  toSet(v: PyValue): PySet {
    if (v instanceof PySet) return v;
    const s = new PySet();
    this.setUpdate(s, v);
    return s;
  }

  sorted(items: PyValue[], key: PyValue, reverse: boolean): PyValue[] {
    const I = this.interp;
    const keyed = items.map((v) => ({ v, k: key === null ? v : I.call(key, [v]) }));
    const lt = (a: PyValue, b: PyValue): boolean => {
      if (typeof a === 'number' && typeof b === 'number') return a < b;
      return I.truthy(I.compare('<', a, b));
    };
    // CPython sorts stably; reverse=True reverses, sorts, and reverses back, so equal elements keep their order.
    if (reverse) keyed.reverse();
    keyed.sort((a, b) => (lt(a.k, b.k) ? -1 : lt(b.k, a.k) ? 1 : 0));
    if (reverse) keyed.reverse();
    return keyed.map((x) => x.v);
  }

  /** str.format. */
  strFormat(template: string, args: PyValue[], kwargs: Map<string, PyValue> | null): string {
    const I = this.interp;
    let auto = 0;
    let out = '';
    let i = 0;
    while (i < template.length) {
      const c = template[i];
      if (c === '{') {
        if (template[i + 1] === '{') { out += '{'; i += 2; continue; }
        let depth = 1;
        let j = i + 1;
        while (j < template.length && depth) { if (template[j] === '{') depth++; else if (template[j] === '}') depth--; j++; }
        if (depth) throw this.err('ValueError', "expected '}' before end of string");
        const field = template.slice(i + 1, j - 1);
        i = j;
        const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
        if (!m) throw this.err('ValueError', 'Invalid format string');
        const [, name, conv, rawSpec] = m;
        const path = /^([^.[]*)(.*)$/s.exec(name) as RegExpExecArray;
        let v: PyValue;
        if (path[1] === '') {
          if (auto < 0) throw this.err('ValueError', 'cannot switch from manual field specification to automatic field numbering');
          if (auto >= args.length) throw this.err('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
          v = args[auto++];
        } else if (/^\d+$/.test(path[1])) {
          if (auto > 0) throw this.err('ValueError', 'cannot switch from automatic field numbering to manual field specification');
          auto = -1;
          const n = Number(path[1]);
          if (n >= args.length) throw this.err('IndexError', `Replacement index ${n} out of range for positional args tuple`);
          v = args[n];
        } else {
          const kv = kwargs?.get(path[1]);
          if (kv === undefined) { const r = this.err('KeyError'); r.exc.args = [path[1]]; throw r; }
          v = kv;
        }
        const rest = path[2];
        const re = /\.(\w+)|\[([^\]]*)\]/g;
        let mm: RegExpExecArray | null;
        while ((mm = re.exec(rest))) {
          if (mm[1] !== undefined) v = I.getAttr(v, mm[1]);
          else v = I.getItem(v, /^\d+$/.test(mm[2]) ? BigInt(mm[2]) : mm[2]);
        }
        if (conv === 'r') v = I.repr(v);
        else if (conv === 's') v = I.str(v);
        else if (conv === 'a') v = I.ascii(I.repr(v));
        const spec = rawSpec ? this.strFormat(rawSpec, args.slice(auto < 0 ? 0 : auto), kwargs) : '';
        out += I.format(v, spec);
        continue;
      }
      if (c === '}') {
        if (template[i + 1] === '}') { out += '}'; i += 2; continue; }
        throw this.err('ValueError', "Single '}' encountered in format string");
      }
      out += c;
      i++;
    }
    return out;
  }

  // ------------------------------------------------------------------ built-in functions

  private installFunctions(): void {
    const I = this.interp;
    for (const [name, c] of this.classes) {
      if (['NoneType', 'function', 'builtin_function_or_method', 'method', 'module', 'NotImplementedType', 'ellipsis', 'iterator', 'dict_keys', 'dict_values', 'dict_items', 'complex'].includes(name)) continue;
      this.names.set(name, c);
    }
    this.names.set('None', null);
    this.names.set('True', true);
    this.names.set('False', false);
    this.names.set('NotImplemented', NotImplemented);
    this.names.set('Ellipsis', Ellipsis);
    this.names.set('__name__', 'builtins');

    const ctor = (name: string, f: (args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue) => {
      this.cls(name).dict.set('__new__', new PyBuiltin('__new__', (args, kwargs) => {
        const cls = args[0] as PyClass;
        const v = f(args.slice(1), kwargs);
        if (cls !== this.cls(name)) {
          // A user subclass of a built-in type: not supported beyond exceptions.
          throw this.err('NotImplementedError', `subclassing '${name}' is not supported by Backprop Lens`);
        }
        return v;
      }));
    };

    ctor('int', (args, kw) => {
      const base = kw?.get('base') ?? args[1];
      const x = args[0];
      if (x === undefined) return 0n;
      if (base !== undefined) {
        if (typeof x !== 'string') throw this.err('TypeError', "int() can't convert non-string with explicit base");
        const b = this.toIndex(base);
        const v = parseIntLiteral(x, b);
        if (v === null) throw this.err('ValueError', `invalid literal for int() with base ${b}: ${strRepr(x)}`);
        return v;
      }
      return this.toInt(x);
    });
    ctor('float', ([x]) => {
      if (x === undefined) return 0.0;
      if (typeof x === 'string') {
        const v = parseFloatLiteral(x);
        if (v === null) throw this.err('ValueError', `could not convert string to float: ${strRepr(x)}`);
        return v;
      }
      const f = this.toFloat(x);
      if (f !== undefined) return f;
      const m = I.lookupSpecial(x, '__float__');
      if (m) return I.call(m, []);
      throw this.err('TypeError', `float() argument must be a string or a real number, not '${I.typeName(x)}'`);
    });
    ctor('bool', ([x]) => (x === undefined ? false : I.truthy(x)));
    ctor('str', ([x]) => (x === undefined ? '' : I.str(x)));
    ctor('list', ([x]) => new PyList(x === undefined ? [] : I.toArray(x)));
    ctor('tuple', ([x]) => (x instanceof PyTuple ? x : new PyTuple(x === undefined ? [] : I.toArray(x))));
    ctor('set', ([x]) => { const s = new PySet(); if (x !== undefined) this.setUpdate(s, x); return s; });
    ctor('frozenset', ([x]) => { const s = new PySet(true); if (x !== undefined) this.setUpdate(s, x); return s; });
    ctor('dict', (args, kw) => {
      const d = new PyDict();
      (this.cls('dict').dict.get('update') as PyBuiltin).fn([d, ...args], kw);
      return d;
    });
    ctor('range', (args) => {
      this.arity('range', args, 1, 3);
      const [a, b, c] = args.map((x) => this.toBigInt(x));
      if (args.length === 1) return new PyRange(0n, a, 1n);
      if (c === 0n) throw this.err('ValueError', 'range() arg 3 must not be zero');
      return new PyRange(a, b, c ?? 1n);
    });
    ctor('slice', (args) => {
      this.arity('slice', args, 1, 3);
      return args.length === 1 ? new PySlice(null, args[0], null) : new PySlice(args[0], args[1], args[2] ?? null);
    });
    ctor('property', (args, kw) => new PyProperty(args[0] ?? kw?.get('fget') ?? null, args[1] ?? kw?.get('fset') ?? null, args[2] ?? null, args[3] ?? null));
    ctor('staticmethod', ([f]) => new PyStaticMethod(f));
    ctor('classmethod', ([f]) => new PyClassMethod(f));
    ctor('type', (args) => {
      if (args.length === 1) return this.typeOf(args[0]);
      throw this.err('NotImplementedError', 'type() with three arguments is not supported by Backprop Lens');
    });
    ctor('super', (args) => {
      if (args.length === 2) return new PySuper(args[0] as PyClass, args[1]);
      const frame = I.frames[I.frames.length - 1];
      const scope = frame.scope;
      const fnObj = (frame as { func?: PyFunction }).func;
      const cls = fnObj?.definingClass;
      if (!scope || !cls || !scope.fn.params.length) throw this.err('RuntimeError', 'super(): no arguments');
      const self = scope.vars.get(scope.fn.params[0].name);
      if (self === undefined) throw this.err('RuntimeError', 'super(): arg[0] deleted');
      return new PySuper(cls, self);
    });

    this.fn('print', (args, kw) => {
      let sep = ' ';
      let end = '\n';
      let toErr = false;
      if (kw) {
        for (const [k, v] of kw) {
          if (k === 'sep') { if (v !== null && typeof v !== 'string') throw this.err('TypeError', `sep must be None or a string, not ${I.typeName(v)}`); sep = v ?? ' '; }
          else if (k === 'end') { if (v !== null && typeof v !== 'string') throw this.err('TypeError', `end must be None or a string, not ${I.typeName(v)}`); end = v ?? '\n'; }
          else if (k === 'file') toErr = v !== null && this.isStderr(v);
          else if (k === 'flush') continue;
          else throw this.err('TypeError', `'${k}' is an invalid keyword argument for print()`);
        }
      }
      let text = '';
      for (let i = 0; i < args.length; i++) {
        if (i) text += sep;
        text += I.str(args[i]);
      }
      text += end;
      if (toErr) I.hooks.stderr(text); else I.hooks.stdout(text);
      return null;
    });
    this.fn('len', (args) => { this.arity('len', args, 1, 1); return BigInt(this.len(args[0])); });
    this.fn('repr', (args) => { this.arity('repr', args, 1, 1); return I.repr(args[0]); });
    this.fn('ascii', (args) => I.ascii(I.repr(args[0])));
    this.fn('format', (args) => I.format(args[0], args[1] === undefined ? '' : (args[1] as string)));
    this.fn('abs', (args) => {
      this.arity('abs', args, 1, 1);
      const x = args[0];
      if (typeof x === 'number') return Math.abs(x);
      if (typeof x === 'bigint') return x < 0n ? -x : x;
      if (typeof x === 'boolean') return x ? 1n : 0n;
      if (this.np?.owns(x)) return this.np.abs(x);
      const m = I.lookupSpecial(x, '__abs__');
      if (m) return I.call(m, []);
      throw this.err('TypeError', `bad operand type for abs(): '${I.typeName(x)}'`);
    });
    this.fn('round', (args, kw) => {
      const x = args[0];
      const nd = args[1] ?? kw?.get('ndigits') ?? null;
      if (this.np?.owns(x)) return this.np.round(x, nd);
      if (typeof x === 'number') {
        if (nd === null) {
          if (!Number.isFinite(x)) throw this.err(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
          return BigInt(roundHalfEven(x));
        }
        return roundFloat(x, this.toIndex(nd));
      }
      if (typeof x === 'bigint' || typeof x === 'boolean') {
        const v = toBig(x);
        if (nd === null) return v;
        const n = this.toIndex(nd);
        if (n >= 0) return v;
        const p = 10n ** BigInt(-n);
        const q = v / p; const r = v - q * p;
        const twice = 2n * (r < 0n ? -r : r);
        let res = q;
        if (twice > p || (twice === p && q % 2n !== 0n)) res += v < 0n ? -1n : 1n;
        return res * p;
      }
      const m = I.lookupSpecial(x, '__round__');
      if (m) return I.call(m, nd === null ? [] : [nd]);
      throw this.err('TypeError', `type ${I.typeName(x)} doesn't define __round__ method`);
    });
    this.fn('isinstance', (args) => {
      this.arity('isinstance', args, 2, 2);
      return this.isInstance(args[0], args[1]);
    });
    this.fn('issubclass', (args) => {
      const [c, spec] = args;
      if (!(c instanceof PyClass)) throw this.err('TypeError', 'issubclass() arg 1 must be a class');
      const check = (s: PyValue): boolean => (s instanceof PyTuple ? s.items.some(check) : s instanceof PyClass && c.isSubclassOf(s));
      return check(spec);
    });
    this.fn('hasattr', (args) => {
      this.arity('hasattr', args, 2, 2);
      if (typeof args[1] !== 'string') throw this.err('TypeError', 'attribute name must be string');
      try { I.getAttr(args[0], args[1]); return true; } catch (e) {
        if (e instanceof PyRaise && e.exc.cls.isSubclassOf(this.cls('AttributeError'))) return false;
        throw e;
      }
    });
    this.fn('getattr', (args) => {
      this.arity('getattr', args, 2, 3);
      if (typeof args[1] !== 'string') throw this.err('TypeError', 'attribute name must be string');
      try { return I.getAttr(args[0], args[1]); } catch (e) {
        if (args.length === 3 && e instanceof PyRaise && e.exc.cls.isSubclassOf(this.cls('AttributeError'))) return args[2];
        throw e;
      }
    });
    this.fn('setattr', (args) => { this.arity('setattr', args, 3, 3); I.setAttr(args[0], args[1] as string, args[2]); return null; });
    this.fn('delattr', (args) => {
      const d = I.instanceDict(args[0]);
      if (!d || !d.delete(args[1] as string)) throw I.attributeError(args[0], args[1] as string);
      return null;
    });
    this.fn('callable', (args) => {
      const f = args[0];
      return f instanceof PyFunction || f instanceof PyBuiltin || f instanceof PyBoundMethod || f instanceof PyClass || (f instanceof PyInstance && f.cls.lookup('__call__') !== undefined);
    });
    this.fn('id', (args) => BigInt(Number.parseInt(this.address(args[0] as object), 16)));
    this.fn('hash', (args) => {
      const k = this.hashKey(args[0]);
      if (typeof args[0] === 'bigint') return args[0];
      if (typeof args[0] === 'boolean') return args[0] ? 1n : 0n;
      if (typeof args[0] === 'number' && Number.isInteger(args[0])) return BigInt(args[0]);
      let h = 0;
      const s = typeof k === 'string' ? k : this.objectId(k);
      for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
      return BigInt(h);
    });
    this.fn('iter', (args) => {
      this.arity('iter', args, 1, 1);
      const v = args[0];
      if (v instanceof PyIterator) return v;
      if (v instanceof PyInstance) {
        const m = I.lookupSpecial(v, '__iter__');
        if (m) return I.call(m, []);
      }
      return new PyIterator(I.iterate(v), this.iteratorKind(v));
    });
    this.fn('next', (args) => {
      this.arity('next', args, 1, 2);
      const v = args[0];
      if (v instanceof PyIterator) {
        const n = v.it.next();
        if (!n.done) return n.value;
        if (args.length === 2) return args[1];
        throw this.err('StopIteration');
      }
      const m = I.lookupSpecial(v, '__next__');
      if (m) {
        try { return I.call(m, []); } catch (e) {
          if (args.length === 2 && e instanceof PyRaise && e.exc.cls.name === 'StopIteration') return args[1];
          throw e;
        }
      }
      throw this.err('TypeError', `'${I.typeName(v)}' object is not an iterator`);
    });
    this.fn('enumerate', (args, kw) => {
      const it = I.iterate(args[0]);
      let i = this.toBigInt(args[1] ?? kw?.get('start') ?? 0n);
      return new PyIterator({
        next: () => { const n = it.next(); return n.done ? n : { done: false, value: new PyTuple([i++, n.value]) }; },
      }, 'enumerate');
    });
    this.fn('zip', (args, kw) => {
      const strict = kw?.get('strict') === true;
      const its = args.map((a) => I.iterate(a));
      return new PyIterator({
        next: () => {
          if (!its.length) return { done: true, value: null };
          const vals: PyValue[] = [];
          for (let k = 0; k < its.length; k++) {
            const n = its[k].next();
            if (n.done) {
              if (strict && (k > 0 || its.slice(1).some((o) => !o.next().done))) throw this.err('ValueError', `zip() argument ${k + 1} is shorter than argument${k > 1 ? 's' : ''} 1${k > 1 ? `-${k}` : ''}`);
              return { done: true, value: null };
            }
            vals.push(n.value);
          }
          return { done: false, value: new PyTuple(vals) };
        },
      }, 'zip');
    });
    this.fn('map', (args) => {
      const f = args[0];
      const its = args.slice(1).map((a) => I.iterate(a));
      return new PyIterator({
        next: () => {
          const vals: PyValue[] = [];
          for (const it of its) { const n = it.next(); if (n.done) return { done: true, value: null }; vals.push(n.value); }
          return { done: false, value: I.call(f, vals) };
        },
      }, 'map');
    });
    this.fn('filter', (args) => {
      const [f, src] = args;
      const it = I.iterate(src);
      return new PyIterator({
        next: () => {
          for (;;) {
            const n = it.next();
            if (n.done) return n;
            if (I.truthy(f === null ? n.value : I.call(f, [n.value]))) return n;
          }
        },
      }, 'filter');
    });
    this.fn('reversed', (args) => {
      const v = args[0];
      if (v instanceof PyList || v instanceof PyTuple || typeof v === 'string' || v instanceof PyRange || this.np?.owns(v)) {
        return new PyIterator(I.toArray(v).reverse()[Symbol.iterator](), v instanceof PyList ? 'list_reverseiterator' : 'reversed');
      }
      if (v instanceof PyDict || v instanceof PyDictView) return new PyIterator(I.toArray(v).reverse()[Symbol.iterator](), 'dict_reversekeyiterator');
      const m = I.lookupSpecial(v, '__reversed__');
      if (m) return I.call(m, []);
      throw this.err('TypeError', `'${I.typeName(v)}' object is not reversible`);
    });
    this.fn('sorted', (args, kw) => {
      this.arity('sorted', args, 1, 1);
      return new PyList(this.sorted(I.toArray(args[0]), kw?.get('key') ?? null, I.truthy(kw?.get('reverse') ?? false)));
    });
    const minmax = (name: 'min' | 'max') => (args: PyValue[], kw: Map<string, PyValue> | null): PyValue => {
      const key = kw?.get('key') ?? null;
      const dflt = kw?.get('default');
      if (!args.length) throw this.err('TypeError', `${name} expected at least 1 argument, got 0`);
      const items = args.length === 1 ? I.toArray(args[0]) : args;
      if (!items.length) {
        if (dflt !== undefined) return dflt;
        throw this.err('ValueError', `${name}() arg is an empty sequence`);
      }
      let best = items[0];
      let bestKey = key === null ? best : I.call(key, [best]);
      for (let i = 1; i < items.length; i++) {
        const k = key === null ? items[i] : I.call(key, [items[i]]);
        if (I.truthy(I.compare(name === 'min' ? '<' : '>', k, bestKey))) { best = items[i]; bestKey = k; }
      }
      return best;
    };
    this.fn('min', minmax('min'));
    this.fn('max', minmax('max'));
    this.fn('sum', (args, kw) => {
      this.arity('sum', args, 1, 2);
      let acc: PyValue = args[1] ?? kw?.get('start') ?? 0n;
      if (typeof acc === 'string') throw this.err('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
      const it = I.iterate(args[0]);
      for (let n = it.next(); !n.done; n = it.next()) acc = I.binaryOp('+', acc, n.value);
      return acc;
    });
    this.fn('any', (args) => { const it = I.iterate(args[0]); for (let n = it.next(); !n.done; n = it.next()) if (I.truthy(n.value)) return true; return false; });
    this.fn('all', (args) => { const it = I.iterate(args[0]); for (let n = it.next(); !n.done; n = it.next()) if (!I.truthy(n.value)) return false; return true; });
    this.fn('divmod', (args) => {
      this.arity('divmod', args, 2, 2);
      return new PyTuple([I.binaryOp('//', args[0], args[1]), I.binaryOp('%', args[0], args[1])]);
    });
    this.fn('pow', (args) => {
      if (args.length === 3) {
        const [b, e, m] = args.map((x) => this.toBigInt(x));
        if (m === 0n) throw this.err('ValueError', 'pow() 3rd argument cannot be 0');
        let r = 1n; let base = ((b % m) + m) % m; let ex = e;
        while (ex > 0n) { if (ex & 1n) r = (r * base) % m; base = (base * base) % m; ex >>= 1n; }
        return r;
      }
      return I.binaryOp('**', args[0], args[1]);
    });
    this.fn('chr', (args) => {
      const n = this.toIndex(args[0]);
      if (n < 0 || n > 0x10ffff) throw this.err('ValueError', 'chr() arg not in range(0x110000)');
      return String.fromCodePoint(n);
    });
    this.fn('ord', (args) => {
      const s = args[0];
      if (typeof s !== 'string') throw this.err('TypeError', `ord() expected string of length 1, but ${I.typeName(s)} found`);
      const cps = Array.from(s);
      if (cps.length !== 1) throw this.err('TypeError', `ord() expected a character, but string of length ${cps.length} found`);
      return BigInt(cps[0].codePointAt(0) as number);
    });
    const radix = (name: string, base: number, prefix: string) => this.fn(name, (args) => {
      const v = this.toBigInt(args[0]);
      return (v < 0n ? '-' : '') + prefix + (v < 0n ? -v : v).toString(base);
    });
    radix('hex', 16, '0x');
    radix('oct', 8, '0o');
    radix('bin', 2, '0b');
    this.fn('vars', (args) => {
      const d = I.instanceDict(args[0]);
      if (!d) throw this.err('TypeError', 'vars() argument must have __dict__ attribute');
      const out = new PyDict();
      for (const [k, v] of d) this.dictSet(out, k, v);
      return out;
    });
    this.fn('dir', (args) => new PyList(this.dirNames(args[0])));
    this.fn('globals', () => {
      const out = new PyDict();
      const frame = I.frames[I.frames.length - 1];
      for (const [k, v] of frame.scope?.module.dict ?? []) this.dictSet(out, k, v);
      return out;
    });
    this.fn('locals', () => {
      const out = new PyDict();
      const frame = I.frames[I.frames.length - 1];
      for (const [k, v] of frame.scope?.vars ?? []) this.dictSet(out, k, v);
      return out;
    });
    this.fn('input', () => { throw this.err('EOFError', 'EOF when reading a line'); });
    this.fn('open', () => { throw this.err('PermissionError', "Backprop Lens runs code without file access: open() is not available"); });
    this.fn('exec', () => { throw this.err('NotImplementedError', 'exec() is not supported by Backprop Lens'); });
    this.fn('eval', () => { throw this.err('NotImplementedError', 'eval() is not supported by Backprop Lens'); });
    this.fn('exit', (args) => { const r = this.err('SystemExit'); r.exc.args = args.length ? [args[0]] : []; throw r; });
    this.names.set('quit', this.names.get('exit') as PyValue);
  }

  /** dir(obj): the attribute names CPython would list, sorted. */
  dirNames(v: PyValue): string[] {
    const names = new Set<string>();
    const d = this.interp.instanceDict(v);
    if (d) for (const k of d.keys()) names.add(k);
    if (!(v instanceof PyModule)) for (const c of (v instanceof PyClass ? v : this.typeOf(v)).mro) for (const k of c.dict.keys()) names.add(k);
    return [...names].sort();
  }

  private iteratorKind(v: PyValue): string {
    if (v instanceof PyList) return 'list_iterator';
    if (v instanceof PyTuple) return 'tuple_iterator';
    if (typeof v === 'string') return 'str_ascii_iterator';
    if (v instanceof PyRange) return 'range_iterator';
    if (v instanceof PyDict) return 'dict_keyiterator';
    if (v instanceof PySet) return 'set_iterator';
    return 'iterator';
  }

  private isStderr(v: PyValue): boolean {
    const sys = this.interp.modules.get('sys');
    return !!sys && sys.dict.get('stderr') === v;
  }

  isInstance(v: PyValue, spec: PyValue): boolean {
    if (spec instanceof PyTuple) return spec.items.some((s) => this.isInstance(v, s));
    if (!(spec instanceof PyClass)) throw this.err('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
    return this.typeOf(v).isSubclassOf(spec);
  }

  toInt(x: PyValue): bigint {
    if (typeof x === 'bigint') return x;
    if (typeof x === 'boolean') return x ? 1n : 0n;
    if (typeof x === 'number') {
      if (Number.isNaN(x)) throw this.err('ValueError', 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) throw this.err('OverflowError', 'cannot convert float infinity to integer');
      return BigInt(Math.trunc(x));
    }
    if (typeof x === 'string') {
      const v = parseIntLiteral(x, 10);
      if (v === null) throw this.err('ValueError', `invalid literal for int() with base 10: ${strRepr(x)}`);
      return v;
    }
    if (this.np?.owns(x)) {
      const n = this.np.toNumber(x);
      if (n !== undefined) return this.toInt(n);
      throw this.err('TypeError', 'only integer scalar arrays can be converted to a scalar index');
    }
    const m = this.interp.lookupSpecial(x, '__int__') ?? this.interp.lookupSpecial(x, '__index__');
    if (m) return this.toInt(this.interp.call(m, []));
    throw this.err('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${this.interp.typeName(x)}'`);
  }
}

// ------------------------------------------------------------------ helpers

function numKind(v: PyValue): 'int' | 'float' | null {
  switch (typeof v) {
    case 'bigint': case 'boolean': return 'int';
    case 'number': return 'float';
  }
  return null;
}

function toBig(v: PyValue): bigint {
  return typeof v === 'bigint' ? v : v ? 1n : 0n;
}

function isSequence(v: PyValue): v is string | PyList | PyTuple {
  return typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;
}

function cmpResult(op: CmpOperator, c: number): boolean {
  switch (op) {
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
    case '==': return c === 0;
    case '!=': return c !== 0;
  }
  return false;
}

function normIndex(i: number, len: number): number {
  if (i < 0) return Math.max(0, i + len);
  return Math.min(i, len);
}

/** CPython's float floor division and modulo (float_divmod). */
export function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) { mod += wx; div -= 1.0; }
  } else {
    mod = wx < 0 ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 || (vx / wx === 0 && 1 / (vx / wx) < 0) ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

/** int / int, correctly rounded like CPython's long_true_divide for values within 2**53. */
function intTrueDiv(a: bigint, b: bigint): number {
  const LIMIT = 2n ** 53n;
  if ((a < 0n ? -a : a) <= LIMIT && (b < 0n ? -b : b) <= LIMIT) return Number(a) / Number(b);
  // Large values: scale to keep 64+ significant bits, then divide.
  const neg = (a < 0n) !== (b < 0n);
  let x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  let shift = 0;
  while (x / y < 2n ** 64n) { x <<= 1n; shift++; }
  const q = x / y;
  const r = Number(q) * 2 ** -shift;
  return neg ? -r : r;
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

function floatHex(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-' : '') + '0x0.0p+0';
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  let exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let lead = 1;
  if (exp === 0) { lead = 0; exp = 1; }
  return `${sign}0x${lead}.${mant.toString(16).padStart(13, '0')}p${exp - 1023 >= 0 ? '+' : ''}${exp - 1023}`;
}

/** str.split with CPython's whitespace rules when sep is None. */
function pySplit(s: string, sep: string | null, maxsplit: number): string[] {
  if (sep === null) {
    const out: string[] = [];
    let i = 0;
    const ws = /\s/;
    while (i < s.length) {
      while (i < s.length && ws.test(s[i])) i++;
      if (i >= s.length) break;
      if (maxsplit >= 0 && out.length === maxsplit) { out.push(s.slice(i).replace(/\s+$/, '')); return out; }
      let j = i;
      while (j < s.length && !ws.test(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  }
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let rest = s;
  while (out.length < maxsplit) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

