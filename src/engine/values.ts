// Python values at run time.
//   None → null, bool → boolean, int → bigint, float → number, str → string;
//   everything else is an object below (NumPy arrays are NDArray, see numpy/).

import type { FunctionInfo, Span } from './ast';
import { SetTable } from './settable';

export type PyValue = null | boolean | bigint | number | string | object;

/** A Python class: user-defined, built-in (`int`, `list`), or an exception class. */
export class PyClass {
  readonly dict = new Map<string, PyValue>();
  mro: PyClass[] = [];
  constructor(
    public name: string,
    public bases: PyClass[],
    public module = 'builtins',
    public qualname = name,
  ) {
    this.mro = computeMro(this);
  }

  lookup(name: string): PyValue | undefined {
    for (const c of this.mro) {
      const v = c.dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  isSubclassOf(other: PyClass): boolean {
    return this === other || this.mro.includes(other);
  }

  /** The name used when printing an exception of this class: `NameError`, `numpy.AxisError`, `mylib.MyError`. */
  get printedName(): string {
    return this.module === 'builtins' || this.module === '__main__' ? this.qualname : `${this.module}.${this.qualname}`;
  }
}

function computeMro(cls: PyClass): PyClass[] {
  // C3 linearisation.
  const seqs = [...cls.bases.map((b) => [...b.mro]), [...cls.bases]];
  const out: PyClass[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let head: PyClass | undefined;
    for (const s of nonEmpty) {
      const cand = s[0];
      if (!nonEmpty.some((t) => t.indexOf(cand) > 0)) { head = cand; break; }
    }
    if (!head) throw new Error('Cannot create a consistent method resolution order (MRO)');
    out.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}

/** An instance of a user-defined class (and of exception classes). */
export class PyInstance {
  readonly dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) {}
}

export interface TracebackEntry {
  filename: string;
  line: number;
  name: string;
  span?: Span;
}

export class PyException extends PyInstance {
  args: PyValue[] = [];
  traceback: TracebackEntry[] = [];
  cause: PyException | null = null;
  context: PyException | null = null;
  suppressContext = false;
  /** For NameError/AttributeError: the missing name and where to look for a close match ("Did you mean"). */
  suggest?: { name: string; candidates: () => string[][] };
  /** For SyntaxError: where it is in the source. */
  syntax?: { filename: string; line: number; col: number; text: string };
}

/** The JS-level carrier of a raised Python exception. Not a JS Error: no stack capture cost. */
export class PyRaise {
  constructor(readonly exc: PyException) {}
}

export class PyFunction {
  readonly dict = new Map<string, PyValue>();
  qualname: string;
  /** The class whose body defined this function, for zero-argument super(). */
  definingClass: PyClass | null = null;
  /** The file (or notebook cell, `x.ipynb#cell3`) whose code defined it, for tracebacks. */
  file: string | null = null;
  constructor(
    readonly info: FunctionInfo,
    /** Default values of the trailing positional parameters. */
    readonly defaults: PyValue[],
    readonly kwDefaults: Map<string, PyValue>,
    readonly closure: Scope | null,
    readonly module: PyModule,
    qualname?: string,
  ) {
    this.qualname = qualname ?? info.name;
  }
  get name(): string { return this.info.name; }
}

export type NativeFn = (args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue;

export class PyBuiltin {
  constructor(
    readonly name: string,
    readonly fn: NativeFn,
    /** Bound to the object when looked up on an instance (a method of a built-in type). */
    readonly isMethod = false,
    readonly qualname = name,
  ) {}
}

export class PyBoundMethod {
  constructor(readonly self: PyValue, readonly func: PyValue) {}
}

/** A read-only attribute of a built-in type computed on access (`ndarray.shape`). */
export class PyGetter {
  constructor(readonly name: string, readonly get: (self: PyValue) => PyValue, readonly set?: (self: PyValue, v: PyValue) => void) {}
}

export class PyProperty {
  constructor(public fget: PyValue, public fset: PyValue = null, public fdel: PyValue = null, public doc: PyValue = null) {}
}
export class PyStaticMethod { constructor(readonly func: PyValue) {} }
export class PyClassMethod { constructor(readonly func: PyValue) {} }
export class PySuper { constructor(readonly cls: PyClass, readonly self: PyValue) {} }

export class PyModule {
  readonly dict = new Map<string, PyValue>();
  constructor(public name: string, public file: string | null = null) {
    this.dict.set('__name__', name);
  }
}

export class PyList { constructor(public items: PyValue[]) {} }
export class PyTuple { constructor(readonly items: PyValue[]) {} }

export interface DictEntry { key: PyValue; value: PyValue }

/** dict (and OrderedDict): insertion-ordered, keyed by a hash key string (see Interpreter.hashKey). */
export class PyDict {
  readonly map = new Map<string | object, DictEntry>();
  /** Set for collections.OrderedDict instances, which print differently. */
  ordered = false;
}

export class PySet {
  readonly map = new Map<string | object, PyValue>();
  /** CPython's table for a set of numbers, giving its iteration order; null once it holds anything else. */
  table: SetTable | null = new SetTable();
  constructor(public frozen = false) {}
}

export class PyRange {
  constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) {}
  get length(): bigint {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
    return start > stop ? (start - stop - step - 1n) / -step : 0n;
  }
}

export class PySlice { constructor(readonly start: PyValue, readonly stop: PyValue, readonly step: PyValue) {} }

/** A Python iterator over a JS iterator. `kind` is the Python type name (`list_iterator`, `enumerate`, `zip`, `generator`). */
export class PyIterator {
  constructor(readonly it: Iterator<PyValue>, readonly kind = 'iterator') {}
}

/** dict.keys()/values()/items(): live views over the dict. */
export class PyDictView { constructor(readonly dict: PyDict, readonly which: 'keys' | 'values' | 'items') {} }

export class PySingleton { constructor(readonly name: string) {} }
export const Ellipsis = new PySingleton('Ellipsis');
export const NotImplemented = new PySingleton('NotImplemented');

/** A name scope at run time: a function call's locals, a class body, or a module's globals. */
export class Scope {
  constructor(
    readonly vars: Map<string, PyValue>,
    readonly fn: FunctionInfo,
    /** Enclosing function scope, for free variables (class scopes are never parents). */
    readonly parent: Scope | null,
    readonly module: PyModule,
  ) {}
}
