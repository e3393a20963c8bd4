// The tree-walking interpreter: executes statements, evaluates expressions, and implements
// Python's object protocol (attributes, calls, operators, iteration, str/repr) for the subset.

import type { BinOperator, CmpOperator, Comprehension, Expr, FormattedValue, FunctionInfo, Module, Span, Stmt } from './ast';
import { PySyntaxError } from './lexer';
import { parseModule } from './parser';
import { floatRepr, formatFloat, formatInt, formatStr, FormatError, strRepr } from './pyformat';
import {
  Ellipsis, NotImplemented, PyBoundMethod, PyBuiltin, PyClass, PyClassMethod, PyDict, PyDictView, PyException, PyFunction,
  PyGetter, PyInstance, PyIterator, PyList, PyModule, PyProperty, PyRaise, PyRange, PySet, PySingleton, PySlice, PyStaticMethod,
  PySuper, PyTuple, Scope, type PyValue, type TracebackEntry,
} from './values';
import type { Builtins } from './builtins';

/** Completion of a statement: normal, or a jump. */
const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;
type Completion = 0 | 1 | 2 | 3;

export interface Frame {
  name: string;
  filename: string;
  line: number;
  span?: Span;
  /** The scope of a Python-level frame (null for native calls). */
  scope: Scope | null;
  func?: PyFunction;
  /** The statement running in this frame. */
  stmt?: Stmt;
  returnValue: PyValue;
}

/** Thrown to stop a run that went over its budget or was cancelled; not catchable by Python code. */
export class BudgetExceeded {
  /** Where the program was when it was stopped. */
  where?: { filename: string; line: number };
  constructor(readonly reason: 'time' | 'cancelled' | 'memory', readonly message: string) {}
}

/**
 * What the lens listens to while a program runs (src/engine/lens/tracer.ts). The interpreter calls
 * these only when a tracer is installed, so a plain run pays one null check per hook site.
 */
export interface TraceHooks {
  /** Inside a traced layer call: elementary operations are worth recording. */
  recording: boolean;
  /** A Python function is about to run; returns a token for `exitCall`, or null when it is not a layer call. */
  enterCall(f: PyFunction, args: PyValue[], kwargs: Map<string, PyValue> | null, scope: Scope): unknown;
  exitCall(token: unknown, result: PyValue | undefined, error: PyException | undefined): void;
  /**
   * An elementary operation: `op` on `inputs` gave `output` (params: axis, exponent, index, ...).
   * `exprs` are the operands' expressions when known: Python numbers have no identity, so the
   * tape tells `dout` from an equal constant by the expression that produced it.
   */
  op(op: string, inputs: PyValue[], output: PyValue, params?: Record<string, unknown>, exprs?: (Expr | null)[]): void;
  /** An array is about to be written in place (`out[mask] = 0`, `x += 1`): the tape keeps its value before. */
  beforeMutate(target: PyValue): void;
}

export interface InterpreterHooks {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Loads a module by dotted name relative to the importing file; returns null when not found. */
  findModule(name: string, fromFile: string): { path: string; source: string; isPackage: boolean } | null;
  /** Called before each statement; may throw BudgetExceeded. */
  tick(): void;
}

export class Interpreter {
  readonly frames: Frame[] = [];
  readonly modules = new Map<string, PyModule>();
  builtins!: Builtins;
  /** Source lines per file, for tracebacks. */
  readonly sources = new Map<string, string[]>();
  /** The exception being handled by the innermost `except` block, for bare `raise` and implicit chaining. */
  private handling: PyException[] = [];
  private ticks = 0;
  recursionLimit = 1000;
  /** Native modules offered to `import`, created on first import. */
  readonly nativeModules = new Map<string, () => PyModule>();
  /** The lens's listener, when the run is traced. */
  tracer: TraceHooks | null = null;
  /** The expression whose operation is being performed, for the tape's source spans. */
  opSpan: Span | null = null;

  constructor(readonly hooks: InterpreterHooks) {}

  /** The statement currently running in the innermost frame. */
  currentStatement(): Stmt | undefined {
    return this.frames[this.frames.length - 1]?.stmt;
  }

  // ---------------------------------------------------------------- errors

  /** Creates (does not throw) a Python exception of a built-in class. */
  error(type: string, message?: string, ...more: PyValue[]): PyRaise {
    const cls = this.builtins.exceptionClass(type);
    const exc = new PyException(cls);
    exc.args = message === undefined ? [] : [message, ...more];
    return new PyRaise(exc);
  }

  /** The type's name as CPython's messages print it (tp_name): `MulLayer`, `float`, `numpy.ndarray`. */
  typeName(v: PyValue): string {
    const cls = this.typeOf(v);
    return cls.module === 'numpy' ? `numpy.${cls.name}` : cls.name;
  }

  /** Stamps the traceback on an exception when it is first raised. */
  private stamp(exc: PyException): void {
    if (exc.traceback.length) return;
    exc.traceback = this.frames.map((f) => ({ filename: f.filename, line: f.line, name: f.name, span: f.span }));
  }

  // ---------------------------------------------------------------- modules

  /** Parses source text, turning syntax errors into Python SyntaxError exceptions. */
  parse(source: string, filename: string): Module {
    this.sources.set(filename, source.replace(/\r\n?/g, '\n').split('\n'));
    try {
      return parseModule(source);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        const r = this.error(e.pyType, e.message);
        const lines = this.sources.get(filename) ?? [];
        r.exc.syntax = { filename, line: e.line, col: e.col, text: lines[e.line - 1] ?? '' };
        r.exc.args = [e.message];
        throw r;
      }
      throw e;
    }
  }

  execModule(module: PyModule, tree: Module, filename: string): void {
    const scope = new Scope(module.dict, tree.fn, null, module);
    const frame: Frame = { name: '<module>', filename, line: 1, span: undefined, scope, func: undefined, stmt: undefined, returnValue: null };
    this.pushFrame(frame);
    try {
      this.execBlock(tree.body, scope);
    } catch (e) {
      this.unwinding(e);
      throw e;
    } finally {
      this.frames.pop();
    }
  }

  /** An exception leaving a frame: record the traceback while the frames are still on the stack. */
  private unwinding(e: unknown): void {
    if (e instanceof PyRaise) this.stamp(e.exc);
  }

  private pushFrame(frame: Frame): void {
    if (this.frames.length >= this.recursionLimit) {
      throw this.error('RecursionError', 'maximum recursion depth exceeded');
    }
    this.frames.push(frame);
  }

  /** sys.modules, once `sys` is imported: kept in step with the interpreter's module table. */
  sysModules: import('./values').PyDict | null = null;

  registerModule(name: string, m: PyModule): void {
    this.modules.set(name, m);
    if (this.sysModules) this.builtins.dictSet(this.sysModules, name, m);
  }

  /** `import a.b.c`: imports each package on the way, returns the last module. */
  importModule(name: string, fromFile: string): PyModule {
    const parts = name.split('.');
    let mod: PyModule | null = null;
    for (let i = 1; i <= parts.length; i++) {
      const full = parts.slice(0, i).join('.');
      let m = this.modules.get(full);
      if (!m) {
        m = this.loadModule(full, mod, fromFile);
        if (mod) mod.dict.set(parts[i - 1], m);
      }
      mod = m;
    }
    return mod as PyModule;
  }

  private loadModule(full: string, parent: PyModule | null, fromFile: string): PyModule {
    const searchFrom = parent?.file ?? fromFile;
    const found = this.hooks.findModule(full, searchFrom);
    if (found) {
      const m = new PyModule(full, found.path);
      m.dict.set('__file__', found.path);
      m.dict.set('__builtins__', null);
      if (found.isPackage) m.dict.set('__path__', new PyList([found.path.replace(/[/\\][^/\\]*$/, '')]));
      this.registerModule(full, m);
      try {
        const tree = this.parse(found.source, found.path);
        this.execModule(m, tree, found.path);
      } catch (e) {
        this.modules.delete(full);
        throw e;
      }
      return m;
    }
    const native = this.nativeModules.get(full);
    if (native) {
      const m = native();
      this.registerModule(full, m);
      return m;
    }
    const r = this.error('ModuleNotFoundError', `No module named '${full}'`);
    throw r;
  }

  // ---------------------------------------------------------------- statements

  execBlock(body: Stmt[], scope: Scope): Completion {
    for (let i = 0; i < body.length; i++) {
      const c = this.exec(body[i], scope);
      if (c !== NORMAL) return c;
    }
    return NORMAL;
  }

  private exec(s: Stmt, scope: Scope): Completion {
    const frame = this.frames[this.frames.length - 1];
    frame.line = s.line;
    frame.span = s;
    frame.stmt = s;
    if (++this.ticks >= 1024) {
      this.ticks = 0;
      try {
        this.hooks.tick();
      } catch (e) {
        if (e instanceof BudgetExceeded) e.where = { filename: frame.filename, line: s.line };
        throw e;
      }
    }
    switch (s.kind) {
      case 'Expr':
        this.eval(s.value, scope);
        return NORMAL;
      case 'Assign': {
        const value = this.eval(s.value, scope);
        for (const t of s.targets) this.assign(t, value, scope);
        return NORMAL;
      }
      case 'AugAssign':
        this.augAssign(s.target, s.op, s.value, scope);
        return NORMAL;
      case 'AnnAssign':
        if (s.value) this.assign(s.target, this.eval(s.value, scope), scope);
        return NORMAL;
      case 'If':
        if (this.truthy(this.eval(s.test, scope))) return this.execBlock(s.body, scope);
        return s.orelse.length ? this.execBlock(s.orelse, scope) : NORMAL;
      case 'While': {
        while (this.truthy(this.eval(s.test, scope))) {
          const c = this.execBlock(s.body, scope);
          if (c === BREAK) return NORMAL;
          if (c === RETURN) return c;
          frame.line = s.line;
        }
        return s.orelse.length ? this.execBlock(s.orelse, scope) : NORMAL;
      }
      case 'For': {
        const it = this.iterate(this.eval(s.iter, scope));
        for (;;) {
          const n = it.next();
          if (n.done) break;
          this.assign(s.target, n.value, scope);
          const c = this.execBlock(s.body, scope);
          if (c === BREAK) return NORMAL;
          if (c === RETURN) return c;
        }
        return s.orelse.length ? this.execBlock(s.orelse, scope) : NORMAL;
      }
      case 'Break': return BREAK;
      case 'Continue': return CONTINUE;
      case 'Pass': return NORMAL;
      case 'Return':
        frame.returnValue = s.value ? this.eval(s.value, scope) : null;
        return RETURN;
      case 'FunctionDef': {
        let f: PyValue = this.makeFunction(s.fn, scope, s.name);
        for (let i = s.decorators.length - 1; i >= 0; i--) {
          f = this.call(this.eval(s.decorators[i], scope), [f]);
        }
        this.storeName(s.name, f, scope);
        return NORMAL;
      }
      case 'ClassDef':
        this.storeName(s.name, this.makeClass(s, scope), scope);
        return NORMAL;
      case 'Try': return this.execTry(s, scope);
      case 'Raise': {
        if (!s.exc) {
          const cur = this.handling[this.handling.length - 1];
          if (!cur) throw this.error('RuntimeError', 'No active exception to reraise');
          throw new PyRaise(cur);
        }
        const exc = this.toException(this.eval(s.exc, scope));
        if (s.cause) {
          const cause = this.eval(s.cause, scope);
          exc.cause = cause === null ? null : this.toException(cause);
          exc.suppressContext = true;
        }
        this.raise(exc);
        return NORMAL;
      }
      case 'Assert':
        if (!this.truthy(this.eval(s.test, scope))) {
          const r = this.error('AssertionError');
          if (s.msg) r.exc.args = [this.eval(s.msg, scope)];
          throw r;
        }
        return NORMAL;
      case 'Import':
        for (const { name, asname } of s.names) {
          const m = this.importModule(name, frame.filename);
          if (asname) this.storeName(asname, m, scope);
          else this.storeName(name.split('.')[0], this.modules.get(name.split('.')[0]) as PyModule, scope);
        }
        return NORMAL;
      case 'ImportFrom':
        this.importFrom(s, scope, frame.filename);
        return NORMAL;
      case 'Global': case 'Nonlocal':
        return NORMAL;
      case 'Delete':
        for (const t of s.targets) this.delete(t, scope);
        return NORMAL;
      case 'With': return this.execWith(s, scope, 0);
    }
  }

  private execWith(s: Extract<Stmt, { kind: 'With' }>, scope: Scope, i: number): Completion {
    if (i === s.items.length) return this.execBlock(s.body, scope);
    const item = s.items[i];
    const mgr = this.eval(item.context, scope);
    const enter = this.getAttr(mgr, '__enter__');
    const exit = this.getAttr(mgr, '__exit__');
    const value = this.call(enter, []);
    if (item.target) this.assign(item.target, value, scope);
    let c: Completion;
    try {
      c = this.execWith(s, scope, i + 1);
    } catch (e) {
      if (e instanceof PyRaise) {
        if (this.truthy(this.call(exit, [e.exc.cls, e.exc, null]))) return NORMAL;
      }
      throw e;
    }
    this.call(exit, [null, null, null]);
    return c;
  }

  private raise(exc: PyException): never {
    const ctx = this.handling[this.handling.length - 1];
    if (ctx && ctx !== exc && !exc.context) exc.context = ctx;
    this.stamp(exc);
    throw new PyRaise(exc);
  }

  toException(v: PyValue): PyException {
    if (v instanceof PyClass) {
      if (!v.isSubclassOf(this.builtins.exceptionClass('BaseException'))) throw this.error('TypeError', 'exceptions must derive from BaseException');
      v = this.call(v, []);
    }
    if (v instanceof PyException) return v;
    throw this.error('TypeError', 'exceptions must derive from BaseException');
  }

  private execTry(s: Extract<Stmt, { kind: 'Try' }>, scope: Scope): Completion {
    let completion: Completion;
    const frame = this.frames[this.frames.length - 1];
    const savedReturn = () => frame.returnValue;
    try {
      let raised = false;
      try {
        completion = this.execBlock(s.body, scope);
      } catch (thrown) {
        let e: PyRaise;
        if (thrown instanceof PyRaise) e = thrown;
        else if (thrown instanceof RangeError && /call stack/.test(thrown.message)) {
          // The JS stack ran out before Python's recursion limit: that is Python's RecursionError.
          e = this.error('RecursionError', 'maximum recursion depth exceeded');
          this.stamp(e.exc);
        } else throw thrown;
        const exc = e.exc;
        this.stamp(exc);
        const handler = s.handlers.find((h) => !h.type || this.exceptionMatches(exc, this.eval(h.type, scope)));
        if (!handler) throw e;
        raised = true;
        // Frames above this one were unwound; keep the stack consistent.
        this.frames.length = this.frames.indexOf(frame) + 1;
        if (handler.name) this.storeName(handler.name, exc, scope);
        this.handling.push(exc);
        try {
          completion = this.execBlock(handler.body, scope);
        } finally {
          this.handling.pop();
          if (handler.name) scope.vars.delete(handler.name);
        }
      }
      if (!raised && completion === NORMAL && s.orelse.length) completion = this.execBlock(s.orelse, scope);
    } finally {
      if (s.finalbody.length) {
        const rv = savedReturn();
        const c = this.execBlock(s.finalbody, scope);
        if (c !== NORMAL) {
          // A jump in `finally` discards a pending exception or return, as in Python.
          // eslint-disable-next-line no-unsafe-finally
          return c;
        }
        frame.returnValue = rv;
      }
    }
    return completion;
  }

  exceptionMatches(exc: PyException, spec: PyValue): boolean {
    if (spec instanceof PyTuple) return spec.items.some((x) => this.exceptionMatches(exc, x));
    if (spec instanceof PyClass) return exc.cls.isSubclassOf(spec);
    throw this.error('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  }

  private importFrom(s: Extract<Stmt, { kind: 'ImportFrom' }>, scope: Scope, filename: string): void {
    let modName = s.module;
    if (s.level > 0) {
      const pkg = (scope.module.dict.get('__package__') as string | undefined) ?? scope.module.name.split('.').slice(0, scope.module.dict.has('__path__') ? undefined : -1).join('.');
      const base = pkg.split('.').filter(Boolean);
      const up = base.slice(0, base.length - (s.level - 1));
      if (s.level - 1 > base.length || !base.length) throw this.error('ImportError', 'attempted relative import with no known parent package');
      modName = [...up, ...(s.module ? [s.module] : [])].join('.');
    }
    const m = this.importModule(modName, filename);
    for (const { name, asname } of s.names) {
      if (name === '*') {
        const all = m.dict.get('__all__');
        const names = all instanceof PyList || all instanceof PyTuple ? all.items.map(String) : [...m.dict.keys()].filter((k) => !k.startsWith('_'));
        for (const n of names) this.storeName(n, m.dict.get(n) ?? null, scope);
        continue;
      }
      let v = m.dict.get(name);
      if (v === undefined) {
        try {
          v = this.importModule(`${modName}.${name}`, filename);
        } catch (e) {
          if (e instanceof PyRaise && e.exc.cls.name === 'ModuleNotFoundError') {
            throw this.error('ImportError', `cannot import name '${name}' from '${modName}' (${m.file ?? 'unknown location'})`);
          }
          throw e;
        }
      }
      this.storeName(asname ?? name, v, scope);
    }
  }

  // ---------------------------------------------------------------- names

  private resolve(e: Extract<Expr, { kind: 'Name' }>, scope: Scope): void {
    const fn = scope.fn;
    const id = e.id;
    if (fn.isModule) { e.scope = 'module'; return; }
    if (fn.isClass) { e.scope = 'class'; return; }
    if (fn.globals.has(id)) { e.scope = 'global'; return; }
    if (fn.locals.has(id) && !fn.nonlocals.has(id)) { e.scope = 'local'; return; }
    let s = scope.parent;
    let hops = 1;
    while (s && !s.fn.isModule) {
      if (s.fn.locals.has(id) && !s.fn.nonlocals.has(id) && !s.fn.globals.has(id)) { e.scope = 'free'; e.hops = hops; return; }
      if (s.fn.globals.has(id)) break;
      s = s.parent;
      hops++;
    }
    e.scope = 'global';
  }

  private loadName(e: Extract<Expr, { kind: 'Name' }>, scope: Scope): PyValue {
    if (e.scope === undefined) this.resolve(e, scope);
    let v: PyValue | undefined;
    switch (e.scope) {
      case 'local':
        v = scope.vars.get(e.id);
        if (v === undefined) throw this.error('UnboundLocalError', `cannot access local variable '${e.id}' where it is not associated with a value`);
        return v;
      case 'free': {
        let s: Scope = scope;
        for (let i = 0; i < (e.hops ?? 0); i++) s = s.parent as Scope;
        v = s.vars.get(e.id);
        if (v === undefined) throw this.error('NameError', `cannot access free variable '${e.id}' where it is not associated with a value in enclosing scope`);
        return v;
      }
      case 'class': {
        v = scope.vars.get(e.id);
        if (v !== undefined) return v;
        for (let s = scope.parent; s && !s.fn.isModule; s = s.parent) {
          v = s.vars.get(e.id);
          if (v !== undefined) return v;
        }
        break;
      }
      default:
    }
    v = scope.module.dict.get(e.id);
    if (v !== undefined) return v;
    v = this.builtins.names.get(e.id);
    if (v !== undefined) return v;
    const r = this.error('NameError', `name '${e.id}' is not defined`);
    r.exc.suggest = {
      name: e.id,
      candidates: () => [scope.fn.isModule ? [] : [...scope.vars.keys()], [...scope.module.dict.keys()], [...this.builtins.names.keys()]],
    };
    throw r;
  }

  storeName(name: string, value: PyValue, scope: Scope): void {
    const fn = scope.fn;
    if (fn.isModule || fn.isClass) {
      if (fn.globals.has(name)) scope.module.dict.set(name, value);
      else scope.vars.set(name, value);
      return;
    }
    if (fn.globals.has(name)) { scope.module.dict.set(name, value); return; }
    if (fn.nonlocals.has(name)) {
      for (let s = scope.parent; s; s = s.parent) {
        if (s.fn.locals.has(name)) { s.vars.set(name, value); return; }
      }
      throw this.error('SyntaxError', `no binding for nonlocal '${name}' found`);
    }
    scope.vars.set(name, value);
  }

  // ---------------------------------------------------------------- assignment

  assign(target: Expr, value: PyValue, scope: Scope): void {
    switch (target.kind) {
      case 'Name':
        // A function's own local (resolved once per node, as loadName does): no scope analysis.
        if (target.scope === undefined) this.resolve(target, scope);
        if (target.scope === 'local') scope.vars.set(target.id, value);
        else this.storeName(target.id, value, scope);
        return;
      case 'Attribute':
        this.setAttr(this.eval(target.value, scope), target.attr, value);
        return;
      case 'Subscript':
        this.setItem(this.eval(target.value, scope), this.evalIndex(target.index, scope), value);
        return;
      case 'Tuple': case 'List':
        this.unpack(target.elts, value, scope);
        return;
      case 'Starred':
        throw this.error('SyntaxError', 'starred assignment target must be in a list or tuple');
      default:
        throw this.error('SyntaxError', 'cannot assign to expression');
    }
  }

  private unpack(targets: Expr[], value: PyValue, scope: Scope): void {
    const starAt = targets.findIndex((t) => t.kind === 'Starred');
    let items: PyValue[];
    if (value instanceof PyTuple || value instanceof PyList) items = value.items.slice();
    else {
      if (!this.isIterable(value)) throw this.error('TypeError', `cannot unpack non-iterable ${this.typeName(value)} object`);
      items = this.toArray(value);
    }
    if (starAt < 0) {
      if (items.length > targets.length) throw this.error('ValueError', `too many values to unpack (expected ${targets.length})`);
      if (items.length < targets.length) throw this.error('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
      for (let i = 0; i < targets.length; i++) this.assign(targets[i], items[i], scope);
      return;
    }
    const after = targets.length - starAt - 1;
    if (items.length < targets.length - 1) throw this.error('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
    for (let i = 0; i < starAt; i++) this.assign(targets[i], items[i], scope);
    this.assign((targets[starAt] as Extract<Expr, { kind: 'Starred' }>).value, new PyList(items.slice(starAt, items.length - after)), scope);
    for (let i = 0; i < after; i++) this.assign(targets[starAt + 1 + i], items[items.length - after + i], scope);
  }

  private augAssign(target: Expr, op: BinOperator, valueExpr: Expr, scope: Scope): void {
    switch (target.kind) {
      case 'Name': {
        const cur = this.loadName(target, scope);
        this.storeName(target.id, this.inplaceOp(op, cur, this.eval(valueExpr, scope)), scope);
        return;
      }
      case 'Attribute': {
        const obj = this.eval(target.value, scope);
        const cur = this.getAttr(obj, target.attr);
        this.setAttr(obj, target.attr, this.inplaceOp(op, cur, this.eval(valueExpr, scope)));
        return;
      }
      case 'Subscript': {
        const obj = this.eval(target.value, scope);
        const key = this.evalIndex(target.index, scope);
        const cur = this.getItem(obj, key);
        this.setItem(obj, key, this.inplaceOp(op, cur, this.eval(valueExpr, scope)));
        return;
      }
      default:
        throw this.error('SyntaxError', "'expression' is an illegal expression for augmented assignment");
    }
  }

  private delete(target: Expr, scope: Scope): void {
    switch (target.kind) {
      case 'Name': {
        const fn = scope.fn;
        const vars = fn.globals.has(target.id) ? scope.module.dict : scope.vars;
        if (!vars.delete(target.id)) {
          if (!fn.isModule && fn.locals.has(target.id)) throw this.error('UnboundLocalError', `cannot access local variable '${target.id}' where it is not associated with a value`);
          throw this.error('NameError', `name '${target.id}' is not defined`);
        }
        return;
      }
      case 'Attribute': {
        const obj = this.eval(target.value, scope);
        const dict = this.instanceDict(obj);
        if (!dict || !dict.delete(target.attr)) throw this.attributeError(obj, target.attr);
        return;
      }
      case 'Subscript':
        this.builtins.delItem(this.eval(target.value, scope), this.evalIndex(target.index, scope));
        return;
      case 'Tuple': case 'List':
        for (const t of target.elts) this.delete(t, scope);
        return;
      default:
        throw this.error('SyntaxError', 'cannot delete expression');
    }
  }

  // ---------------------------------------------------------------- expressions

  eval(e: Expr, scope: Scope): PyValue {
    switch (e.kind) {
      case 'Name': return this.loadName(e, scope);
      case 'Constant': {
        const v = e.value;
        if (v !== null && typeof v === 'object') {
          if ('ellipsis' in v) return Ellipsis;
          throw this.error('NotImplementedError', 'complex numbers are not supported by Backprop Lens');
        }
        return v;
      }
      case 'Attribute': {
        const obj = this.eval(e.value, scope);
        if (this.tracer?.recording) this.opSpan = e;
        return this.getAttr(obj, e.attr);
      }
      case 'Call': return this.evalCall(e, scope);
      case 'BinOp': {
        const l = this.eval(e.left, scope);
        const r = this.eval(e.right, scope);
        if (this.tracer?.recording) return this.tracedBinaryOp(e, l, r);
        return this.binaryOp(e.op, l, r);
      }
      case 'Subscript': {
        const obj = this.eval(e.value, scope);
        const key = this.evalIndex(e.index, scope);
        if (this.tracer?.recording) this.opSpan = e;
        return this.getItem(obj, key);
      }
      case 'UnaryOp': {
        const v = this.eval(e.operand, scope);
        if (e.op === 'not') return !this.truthy(v);
        if (this.tracer?.recording) {
          this.opSpan = e;
          const r = this.unaryOp(e.op, v);
          // Python-number operations are recorded here; NumPy ones by the numpy module.
          if (typeof v === 'number' || typeof v === 'bigint') this.tracer.op(e.op === '-' ? 'negative' : e.op === '+' ? 'positive' : 'invert', [v], r, undefined, [e.operand]);
          return r;
        }
        return this.unaryOp(e.op, v);
      }
      case 'BoolOp': {
        let v: PyValue = null;
        for (const x of e.values) {
          v = this.eval(x, scope);
          if (e.op === 'and' ? !this.truthy(v) : this.truthy(v)) return v;
        }
        return v;
      }
      case 'Compare': {
        let left = this.eval(e.left, scope);
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.eval(e.comparators[i], scope);
          const res = this.compare(e.ops[i], left, right);
          if (i === e.ops.length - 1) return res;
          if (!this.truthy(res)) return res;
          left = right;
        }
        return true;
      }
      case 'IfExp': return this.truthy(this.eval(e.test, scope)) ? this.eval(e.body, scope) : this.eval(e.orelse, scope);
      case 'Tuple': return new PyTuple(this.evalElements(e.elts, scope));
      case 'List': return new PyList(this.evalElements(e.elts, scope));
      case 'Set': {
        const s = new PySet();
        for (const v of this.evalElements(e.elts, scope)) this.builtins.setAdd(s, v);
        return s;
      }
      case 'Dict': {
        const d = new PyDict();
        for (let i = 0; i < e.keys.length; i++) {
          const k = e.keys[i];
          if (k === null) {
            const src = this.eval(e.values[i], scope);
            for (const [kk, vv] of this.builtins.mappingItems(src)) this.builtins.dictSet(d, kk, vv);
          } else {
            const key = this.eval(k, scope);
            this.builtins.dictSet(d, key, this.eval(e.values[i], scope));
          }
        }
        return d;
      }
      case 'JoinedStr': return this.evalJoinedStr(e.parts, scope);
      case 'Lambda': return this.makeFunction(e.fn, scope, '<lambda>');
      case 'ListComp': case 'SetComp': case 'GeneratorExp': case 'DictComp': return this.evalComprehension(e, scope);
      case 'Slice':
        return new PySlice(
          e.lower ? this.eval(e.lower, scope) : null,
          e.upper ? this.eval(e.upper, scope) : null,
          e.step ? this.eval(e.step, scope) : null,
        );
      case 'Starred': throw this.error('SyntaxError', "can't use starred expression here");
      case 'NamedExpr': {
        const v = this.eval(e.value, scope);
        let s = scope;
        while (s.fn.name.startsWith('<') && !s.fn.isModule && s.fn.name !== '<lambda>' && s.parent) s = s.parent;
        this.assign(e.target, v, s);
        return v;
      }
      case 'Yield':
        throw this.error('NotImplementedError', 'generators (yield) are not supported by Backprop Lens');
    }
  }

  private evalIndex(e: Expr, scope: Scope): PyValue {
    return this.eval(e, scope);
  }

  private evalElements(elts: Expr[], scope: Scope): PyValue[] {
    const out: PyValue[] = [];
    for (const x of elts) {
      if (x.kind === 'Starred') out.push(...this.toArray(this.eval(x.value, scope)));
      else out.push(this.eval(x, scope));
    }
    return out;
  }

  private evalJoinedStr(parts: (string | FormattedValue)[], scope: Scope): string {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') { out += p; continue; }
      let v = this.eval(p.value, scope);
      if (p.selfDoc !== undefined) out += p.selfDoc;
      if (p.conversion === 'r') v = this.repr(v);
      else if (p.conversion === 's') v = this.str(v);
      else if (p.conversion === 'a') v = this.ascii(this.repr(v));
      const spec = p.spec ? this.evalJoinedStr((p.spec as Extract<Expr, { kind: 'JoinedStr' }>).parts, scope) : '';
      out += this.format(v, spec);
    }
    return out;
  }

  ascii(s: string): string {
    let out = '';
    for (const c of s) {
      const cp = c.codePointAt(0) as number;
      if (cp < 0x80) out += c;
      else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    }
    return out;
  }

  /** `format(value, spec)`. */
  format(v: PyValue, spec: string): string {
    try {
      if (typeof v === 'string') return formatStr(v, spec);
      if (typeof v === 'bigint') return formatInt(v, spec);
      if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1n : 0n, spec);
      if (typeof v === 'number') return formatFloat(v, spec);
    } catch (err) {
      if (err instanceof FormatError) throw this.error(err.pyType, err.message);
      throw err;
    }
    const custom = this.builtins.formatHook(v, spec);
    if (custom !== undefined) return custom;
    const f = this.lookupSpecial(v, '__format__');
    if (f) return this.str(this.call(f, [spec]));
    if (spec !== '') throw this.error('TypeError', `unsupported format string passed to ${this.typeName(v)}.__format__`);
    return this.str(v);
  }

  private evalComprehension(e: Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp' }>, scope: Scope): PyValue {
    const inner = new Scope(new Map(), e.fn, scope.fn.isClass ? scope.parent : scope, scope.module);
    // The class-body case: names of the class are not visible inside, as in Python 3.
    const outer = scope;
    const results: PyValue[] = [];
    const dict = e.kind === 'DictComp' ? new PyDict() : null;
    const run = (level: number, gens: Comprehension[]): void => {
      const g = gens[level];
      const iterable = this.eval(g.iter, level === 0 ? outer : inner);
      const it = this.iterate(iterable);
      for (;;) {
        const n = it.next();
        if (n.done) return;
        this.assign(g.target, n.value, inner);
        if (g.ifs.some((c) => !this.truthy(this.eval(c, inner)))) continue;
        if (level + 1 < gens.length) run(level + 1, gens);
        else if (dict) this.builtins.dictSet(dict, this.eval((e as Extract<Expr, { kind: 'DictComp' }>).key, inner), this.eval((e as Extract<Expr, { kind: 'DictComp' }>).value, inner));
        else results.push(this.eval((e as unknown as { elt: Expr }).elt, inner));
      }
    };
    run(0, e.generators);
    switch (e.kind) {
      case 'ListComp': return new PyList(results);
      case 'SetComp': { const s = new PySet(); for (const v of results) this.builtins.setAdd(s, v); return s; }
      case 'DictComp': return dict as PyDict;
      default: return new PyIterator(results[Symbol.iterator](), 'generator');
    }
  }

  private evalCall(e: Extract<Expr, { kind: 'Call' }>, scope: Scope): PyValue {
    let func: PyValue;
    let self: PyValue | undefined;
    // Method calls: look the attribute up without allocating a bound method when possible.
    if (e.func.kind === 'Attribute') {
      const obj = this.eval(e.func.value, scope);
      const m = this.lookupMethod(obj, e.func.attr);
      if (m !== undefined) { func = m; self = obj; } else func = this.getAttr(obj, e.func.attr);
    } else func = this.eval(e.func, scope);
    let args: PyValue[];
    if (e.args.length === 0) args = self === undefined ? [] : [self];
    else {
      args = self === undefined ? [] : [self];
      for (const a of e.args) {
        if (a.kind === 'Starred') args.push(...this.toArray(this.eval(a.value, scope)));
        else args.push(this.eval(a, scope));
      }
    }
    let kwargs: Map<string, PyValue> | null = null;
    if (e.keywords.length) {
      kwargs = new Map();
      for (const k of e.keywords) {
        if (k.name !== null) kwargs.set(k.name, this.eval(k.value, scope));
        else {
          for (const [kk, vv] of this.builtins.mappingItems(this.eval(k.value, scope))) {
            if (typeof kk !== 'string') throw this.error('TypeError', 'keywords must be strings');
            if (kwargs.has(kk)) throw this.error('TypeError', `${this.callableName(func)}() got multiple values for keyword argument '${kk}'`);
            kwargs.set(kk, vv);
          }
        }
      }
    }
    const frame = this.frames[this.frames.length - 1];
    frame.line = e.line;
    frame.span = e;
    if (this.tracer?.recording) this.opSpan = e;
    return this.call(func, args, kwargs);
  }

  private tracedBinaryOp(e: Extract<Expr, { kind: 'BinOp' }>, l: PyValue, r: PyValue): PyValue {
    this.opSpan = e;
    const result = this.binaryOp(e.op, l, r);
    const isNum = (v: PyValue) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
    if (isNum(l) && isNum(r)) this.tracer?.op(PY_OP_NAMES[e.op], [l, r], result, undefined, [e.left, e.right]);
    return result;
  }

  /** A plain function found on the type, to be called with the object as first argument; undefined otherwise. */
  private lookupMethod(obj: PyValue, name: string): PyValue | undefined {
    if (obj instanceof PyInstance) {
      if (obj.dict.has(name)) return undefined;
      const attr = obj.cls.lookup(name);
      if (attr instanceof PyFunction) return attr;
      return undefined;
    }
    if (obj instanceof PyModule || obj instanceof PyClass || obj instanceof PySuper) return undefined;
    const attr = this.typeOf(obj).lookup(name);
    if (attr instanceof PyBuiltin && attr.isMethod) return attr;
    return undefined;
  }

  // ---------------------------------------------------------------- functions and classes

  makeFunction(info: FunctionInfo, scope: Scope, name: string): PyFunction {
    const defaults: PyValue[] = [];
    const kwDefaults = new Map<string, PyValue>();
    for (const p of info.params) {
      if (!p.default) continue;
      const v = this.eval(p.default, scope);
      if (p.kind === 'keywordonly') kwDefaults.set(p.name, v);
      else defaults.push(v);
    }
    const closure = scope.fn.isModule ? null : scope.fn.isClass ? scope.parent : scope;
    const prefix = scope.fn.isModule ? '' : scope.fn.isClass ? `${this.classQualname(scope)}.` : `${this.scopeQualname(scope)}.<locals>.`;
    const f = new PyFunction(info, defaults, kwDefaults, closure, scope.module, prefix + name);
    f.file = this.frames[this.frames.length - 1]?.filename ?? null;
    return f;
  }

  private classQualname(scope: Scope): string {
    return (scope.vars.get('__qualname__') as string | undefined) ?? scope.fn.name;
  }

  private scopeQualname(scope: Scope): string {
    const f = this.frames[this.frames.length - 1];
    return f.scope === scope ? f.name : scope.fn.name;
  }

  private makeClass(s: Extract<Stmt, { kind: 'ClassDef' }>, scope: Scope): PyClass {
    const bases = s.bases.map((b) => this.eval(b, scope));
    for (const b of bases) if (!(b instanceof PyClass)) throw this.error('TypeError', `bases must be types`);
    const baseClasses = bases.length ? (bases as PyClass[]) : [this.builtins.objectClass];
    const qualname = scope.fn.isModule ? s.name : scope.fn.isClass ? `${this.classQualname(scope)}.${s.name}` : `${this.scopeQualname(scope)}.<locals>.${s.name}`;
    const ns = new Map<string, PyValue>();
    ns.set('__module__', scope.module.name);
    ns.set('__qualname__', qualname);
    const first = s.body[0];
    ns.set('__doc__', first?.kind === 'Expr' && first.value.kind === 'Constant' && typeof first.value.value === 'string' ? first.value.value : null);
    const bodyScope = new Scope(ns, this.classInfo(s), scope.fn.isClass ? scope.parent : scope.fn.isModule ? null : scope, scope.module);
    const frame = this.frames[this.frames.length - 1];
    const saved = { line: frame.line, span: frame.span };
    this.execBlock(s.body, bodyScope);
    frame.line = saved.line;
    frame.span = saved.span;
    let cls: PyClass;
    try {
      cls = new PyClass(s.name, baseClasses, scope.module.name, qualname);
    } catch {
      throw this.error('TypeError', 'Cannot create a consistent method resolution order (MRO) for bases ' + baseClasses.map((b) => b.name).join(', '));
    }
    for (const [k, v] of ns) {
      if (k === '__qualname__') continue;
      if (v instanceof PyFunction) v.definingClass = cls;
      else if ((v instanceof PyStaticMethod || v instanceof PyClassMethod || v instanceof PyProperty) && v instanceof Object) {
        for (const f of [(v as PyStaticMethod).func, (v as PyProperty).fget, (v as PyProperty).fset]) if (f instanceof PyFunction) f.definingClass = cls;
      }
      cls.dict.set(k, v);
    }
    let result: PyValue = cls;
    for (let i = s.decorators.length - 1; i >= 0; i--) result = this.call(this.eval(s.decorators[i], scope), [result]);
    return result as PyClass;
  }

  private classInfoCache = new WeakMap<object, FunctionInfo>();
  private classInfo(s: Extract<Stmt, { kind: 'ClassDef' }>): FunctionInfo {
    let info = this.classInfoCache.get(s);
    if (!info) {
      info = { name: s.name, params: [], body: s.body, locals: new Set(), globals: new Set(), nonlocals: new Set(), isGenerator: false, isClass: true, isModule: false, line: s.line };
      this.classInfoCache.set(s, info);
    }
    return info;
  }

  callableName(f: PyValue): string {
    if (f instanceof PyFunction) return f.qualname;
    if (f instanceof PyBuiltin) return f.qualname;
    if (f instanceof PyBoundMethod) return this.callableName(f.func);
    if (f instanceof PyClass) return f.name;
    return this.typeName(f);
  }

  /** Calls any callable with positional and keyword arguments. */
  call(f: PyValue, args: PyValue[], kwargs: Map<string, PyValue> | null = null): PyValue {
    if (f instanceof PyFunction) return this.callFunction(f, args, kwargs);
    if (f instanceof PyBuiltin) return f.fn(args, kwargs);
    if (f instanceof PyBoundMethod) return this.call(f.func, [f.self, ...args], kwargs);
    if (f instanceof PyClass) return this.instantiate(f, args, kwargs);
    const callMethod = this.lookupSpecial(f, '__call__');
    if (callMethod) return this.call(callMethod, args, kwargs);
    throw this.error('TypeError', `'${this.typeName(f)}' object is not callable`);
  }

  private instantiate(cls: PyClass, args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
    const newFn = cls.lookup('__new__');
    let obj: PyValue;
    if (newFn instanceof PyStaticMethod || newFn instanceof PyFunction) {
      const fn = newFn instanceof PyStaticMethod ? newFn.func : newFn;
      obj = this.call(fn, [cls, ...args], kwargs);
      if (!(obj instanceof PyInstance) || !obj.cls.isSubclassOf(cls)) return obj;
    } else if (newFn instanceof PyBuiltin) {
      obj = newFn.fn([cls, ...args], kwargs);
      if (!(obj instanceof PyInstance)) return obj;
    } else {
      obj = cls.isSubclassOf(this.builtins.exceptionClass('BaseException')) ? new PyException(cls) : new PyInstance(cls);
    }
    if (obj instanceof PyException) obj.args = args.slice();
    const init = cls.lookup('__init__');
    if (init instanceof PyFunction) {
      const r = this.callFunction(init, [obj, ...args], kwargs);
      if (r !== null) throw this.error('TypeError', `__init__() should return None, not '${this.typeName(r)}'`);
    } else if (init instanceof PyBuiltin) {
      init.fn([obj, ...args], kwargs);
    } else if ((args.length || kwargs?.size) && !(obj instanceof PyException) && !(newFn instanceof PyFunction)) {
      throw this.error('TypeError', `${cls.name}() takes no arguments`);
    }
    return obj;
  }

  callFunction(f: PyFunction, args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
    const info = f.info;
    const scope = new Scope(new Map(), info, f.closure, f.module);
    this.bindArguments(f, args, kwargs, scope.vars);
    if (info.isGenerator) throw this.error('NotImplementedError', `generator functions (yield, in ${f.qualname}) are not supported by Backprop Lens`);
    // All of Frame's fields from the start (in one order), so frames keep one hidden class.
    const frame: Frame = { name: info.name, filename: f.file ?? f.module.file ?? '<string>', line: info.line, span: undefined, scope, func: f, stmt: undefined, returnValue: null };
    const token = this.tracer ? this.tracer.enterCall(f, args, kwargs, scope) : null;
    this.pushFrame(frame);
    let result: PyValue | undefined;
    let error: PyException | undefined;
    try {
      if (info.expr) return (result = this.eval(info.expr, scope));
      const c = this.execBlock(info.body, scope);
      return (result = c === RETURN ? frame.returnValue : null);
    } catch (e) {
      this.unwinding(e);
      if (e instanceof PyRaise) error = e.exc;
      throw e;
    } finally {
      this.frames.pop();
      if (token !== null) this.tracer?.exitCall(token, result, error);
    }
  }

  private bindArguments(f: PyFunction, args: PyValue[], kwargs: Map<string, PyValue> | null, vars: Map<string, PyValue>): void {
    const params = f.info.params;
    // Fast path: as many positional arguments as parameters, all of them plain positional ones.
    if (!kwargs && args.length === params.length) {
      let plain = true;
      for (let i = 0; i < params.length; i++) {
        if (params[i].kind !== 'positional') {
          plain = false;
          break;
        }
      }
      if (plain) {
        for (let i = 0; i < params.length; i++) vars.set(params[i].name, args[i]);
        return;
      }
    }
    let nPositional = 0;
    let vararg: string | null = null;
    let kwarg: string | null = null;
    for (const p of params) {
      if (p.kind === 'positional') nPositional++;
      else if (p.kind === 'vararg') vararg = p.name;
      else if (p.kind === 'kwarg') kwarg = p.name;
    }
    const nDefaults = f.defaults.length;
    const name = f.qualname;
    if (args.length > nPositional && !vararg) {
      const kwOnlyGiven = kwargs ? [...kwargs.keys()].filter((k) => params.some((p) => p.kind === 'keywordonly' && p.name === k)).length : 0;
      const takes = nDefaults ? `from ${nPositional - nDefaults} to ${nPositional}` : `${nPositional}`;
      const plural = nPositional === 1 && !nDefaults ? 'argument' : 'arguments';
      const given = args.length === 1 ? 'was' : 'were';
      const kwNote = kwOnlyGiven ? ` positional argument${args.length === 1 ? '' : 's'} (and ${kwOnlyGiven} keyword-only argument${kwOnlyGiven === 1 ? '' : 's'})` : '';
      if (kwNote) throw this.error('TypeError', `${name}() takes ${takes} positional ${plural} but ${args.length}${kwNote} were given`);
      throw this.error('TypeError', `${name}() takes ${takes} positional ${plural} but ${args.length} ${given} given`);
    }
    for (let i = 0; i < Math.min(args.length, nPositional); i++) vars.set(params[i].name, args[i]);
    if (vararg) vars.set(vararg, new PyTuple(args.slice(nPositional)));
    let extra: import('./values').PyDict | null = null;
    if (kwarg) { extra = new PyDict(); vars.set(kwarg, extra); }
    if (kwargs) {
      for (const [k, v] of kwargs) {
        const p = params.find((pp) => pp.name === k && (pp.kind === 'positional' || pp.kind === 'keywordonly'));
        if (!p) {
          if (extra) { this.builtins.dictSet(extra, k, v); continue; }
          throw this.error('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
        }
        if (vars.has(k)) throw this.error('TypeError', `${name}() got multiple values for argument '${k}'`);
        vars.set(k, v);
      }
    }
    const missing: string[] = [];
    for (let i = 0; i < nPositional; i++) {
      const p = params[i];
      if (vars.has(p.name)) continue;
      const di = i - (nPositional - nDefaults);
      if (di >= 0) vars.set(p.name, f.defaults[di]);
      else missing.push(p.name);
    }
    if (missing.length) throw this.error('TypeError', `${name}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${listNames(missing)}`);
    const missingKw: string[] = [];
    for (const p of params) {
      if (p.kind !== 'keywordonly' || vars.has(p.name)) continue;
      const d = f.kwDefaults.get(p.name);
      if (d !== undefined) vars.set(p.name, d);
      else missingKw.push(p.name);
    }
    if (missingKw.length) throw this.error('TypeError', `${name}() missing ${missingKw.length} required keyword-only argument${missingKw.length > 1 ? 's' : ''}: ${listNames(missingKw)}`);
  }

  // ---------------------------------------------------------------- attributes

  typeOf(v: PyValue): PyClass {
    return this.builtins.typeOf(v);
  }

  instanceDict(obj: PyValue): Map<string, PyValue> | null {
    if (obj instanceof PyInstance || obj instanceof PyModule || obj instanceof PyFunction || obj instanceof PyClass) return obj.dict;
    return null;
  }

  attributeError(obj: PyValue, name: string): PyRaise {
    let r: PyRaise;
    if (obj instanceof PyModule) r = this.error('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
    else if (obj instanceof PyClass) r = this.error('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
    else r = this.error('AttributeError', `'${this.typeName(obj)}' object has no attribute '${name}'`);
    r.exc.suggest = { name, candidates: () => [this.builtins.dirNames(obj)] };
    return r;
  }

  getAttr(obj: PyValue, name: string): PyValue {
    const v = this.getAttrOrUndefined(obj, name);
    if (v !== undefined) return v;
    if (obj instanceof PyInstance) {
      const ga = obj.cls.lookup('__getattr__');
      if (ga) return this.call(ga, [obj, name]);
    }
    throw this.attributeError(obj, name);
  }

  getAttrOrUndefined(obj: PyValue, name: string): PyValue | undefined {
    if (obj instanceof PyInstance) {
      const own = obj.dict.get(name);
      const attr = obj.cls.lookup(name);
      if (own !== undefined && !(attr instanceof PyProperty)) return own;
      if (attr === undefined) return this.builtins.specialAttr(obj, name);
      return this.bindAttr(attr, obj, obj.cls);
    }
    if (obj instanceof PyModule) {
      const v = obj.dict.get(name);
      if (v !== undefined) return v;
      return this.builtins.specialAttr(obj, name);
    }
    if (obj instanceof PyClass) {
      for (const c of obj.mro) {
        const v = c.dict.get(name);
        if (v === undefined) continue;
        if (v instanceof PyStaticMethod) return v.func;
        if (v instanceof PyClassMethod) return new PyBoundMethod(obj, v.func);
        return v;
      }
      return this.builtins.specialAttr(obj, name);
    }
    if (obj instanceof PySuper) {
      const mro = this.typeOf(obj.self).mro.length && obj.self instanceof PyClass ? obj.self.mro : this.typeOf(obj.self).mro;
      const start = mro.indexOf(obj.cls) + 1;
      for (const c of mro.slice(start)) {
        const v = c.dict.get(name);
        if (v !== undefined) return this.bindAttr(v, obj.self, obj.self instanceof PyClass ? obj.self : this.typeOf(obj.self));
      }
      return undefined;
    }
    if (obj instanceof PyFunction) {
      const v = obj.dict.get(name);
      if (v !== undefined) return v;
    }
    const cls = this.typeOf(obj);
    const attr = cls.lookup(name);
    if (attr === undefined) return this.builtins.specialAttr(obj, name);
    return this.bindAttr(attr, obj, cls);
  }

  private bindAttr(attr: PyValue, obj: PyValue, cls: PyClass): PyValue {
    if (attr instanceof PyFunction) return new PyBoundMethod(obj, attr);
    if (attr instanceof PyBuiltin) return attr.isMethod ? new PyBoundMethod(obj, attr) : attr;
    if (attr instanceof PyGetter) return attr.get(obj);
    if (attr instanceof PyProperty) {
      if (attr.fget === null) throw this.error('AttributeError', `property of '${cls.name}' object has no getter`);
      return this.call(attr.fget, [obj]);
    }
    if (attr instanceof PyStaticMethod) return attr.func;
    if (attr instanceof PyClassMethod) return new PyBoundMethod(cls, attr.func);
    return attr;
  }

  setAttr(obj: PyValue, name: string, value: PyValue): void {
    if (obj instanceof PyInstance) {
      // obj.cls.lookup(name) and obj.cls.lookup('__setattr__') in one walk of the MRO
      const mro = obj.cls.mro;
      let attr: PyValue | undefined;
      let sa: PyValue | undefined;
      for (let i = 0; i < mro.length; i++) {
        const d = mro[i].dict;
        if (attr === undefined) attr = d.get(name);
        if (sa === undefined) sa = d.get('__setattr__');
      }
      if (attr instanceof PyProperty) {
        if (attr.fset === null) throw this.error('AttributeError', `property '${name}' of '${obj.cls.name}' object has no setter`);
        this.call(attr.fset, [obj, value]);
        return;
      }
      if (sa instanceof PyFunction) { this.call(sa, [obj, name, value]); return; }
      obj.dict.set(name, value);
      return;
    }
    if (obj instanceof PyClass || obj instanceof PyModule || obj instanceof PyFunction) {
      obj.dict.set(name, value);
      return;
    }
    const attr = this.typeOf(obj).lookup(name);
    if (attr instanceof PyGetter && attr.set) { attr.set(obj, value); return; }
    if (attr !== undefined) throw this.error('AttributeError', `'${this.typeName(obj)}' object attribute '${name}' is read-only`);
    throw this.error('AttributeError', `'${this.typeName(obj)}' object has no attribute '${name}'`);
  }

  /** A special method looked up on the type (never the instance), bound; null when absent. */
  lookupSpecial(obj: PyValue, name: string): PyValue | null {
    if (!(obj instanceof PyInstance)) return null;
    const attr = obj.cls.lookup(name);
    if (attr === undefined) return null;
    return this.bindAttr(attr, obj, obj.cls);
  }

  // ---------------------------------------------------------------- operators

  binaryOp(op: BinOperator, a: PyValue, b: PyValue): PyValue {
    // Fast paths for floats and ints.
    if (typeof a === 'number' && typeof b === 'number') return this.builtins.floatOp(op, a, b);
    if (typeof a === 'bigint' && typeof b === 'bigint') return this.builtins.intOp(op, a, b);
    const r = this.builtins.binaryOp(op, a, b);
    if (r !== NotImplemented) return r;
    return this.userBinaryOp(op, a, b);
  }

  private userBinaryOp(op: BinOperator, a: PyValue, b: PyValue): PyValue {
    const name = BINOP_DUNDER[op];
    const left = this.lookupSpecial(a, `__${name}__`);
    if (left) {
      const r = this.call(left, [b]);
      if (r !== NotImplemented) return r;
    }
    const right = this.lookupSpecial(b, `__r${name}__`);
    if (right) {
      const r = this.call(right, [a]);
      if (r !== NotImplemented) return r;
    }
    throw this.error('TypeError', binopTypeError(op, this.typeName(a), this.typeName(b)));
  }

  inplaceOp(op: BinOperator, a: PyValue, b: PyValue): PyValue {
    const r = this.builtins.inplaceOp(op, a, b);
    if (r !== NotImplemented) return r;
    const m = this.lookupSpecial(a, `__i${BINOP_DUNDER[op]}__`);
    if (m) {
      const res = this.call(m, [b]);
      if (res !== NotImplemented) return res;
    }
    try {
      return this.binaryOp(op, a, b);
    } catch (e) {
      if (e instanceof PyRaise && e.exc.cls.name === 'TypeError' && String(e.exc.args[0]).startsWith('unsupported operand type(s) for ')) {
        e.exc.args = [binopTypeError(`${op}=`, this.typeName(a), this.typeName(b))];
      }
      throw e;
    }
  }

  unaryOp(op: '-' | '+' | '~', v: PyValue): PyValue {
    const r = this.builtins.unaryOp(op, v);
    if (r !== NotImplemented) return r;
    const name = op === '-' ? '__neg__' : op === '+' ? '__pos__' : '__invert__';
    const m = this.lookupSpecial(v, name);
    if (m) return this.call(m, []);
    throw this.error('TypeError', `bad operand type for unary ${op}: '${this.typeName(v)}'`);
  }

  compare(op: CmpOperator, a: PyValue, b: PyValue): PyValue {
    switch (op) {
      // Floats are compared by value and NaN is itself: the engine keeps no identity for numbers.
      case 'is': return Object.is(a, b) || a === b;
      case 'is not': return !(Object.is(a, b) || a === b);
      case 'in': return this.contains(b, a);
      case 'not in': return !this.contains(b, a);
    }
    if (typeof a === 'number' && typeof b === 'number') {
      switch (op) {
        case '<': return a < b;
        case '<=': return a <= b;
        case '>': return a > b;
        case '>=': return a >= b;
        case '==': return a === b;
        case '!=': return a !== b;
      }
    }
    const r = this.builtins.richCompare(op, a, b);
    if (r !== NotImplemented) return r;
    const names: Record<string, [string, string]> = {
      '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'], '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'], '==': ['__eq__', '__eq__'], '!=': ['__ne__', '__ne__'],
    };
    const [fwd, rev] = names[op];
    const m = this.lookupSpecial(a, fwd);
    if (m) { const res = this.call(m, [b]); if (res !== NotImplemented) return res; }
    const rm = this.lookupSpecial(b, rev);
    if (rm) { const res = this.call(rm, [a]); if (res !== NotImplemented) return res; }
    if (op === '==') return a === b;
    if (op === '!=') {
      const eq = this.lookupSpecial(a, '__eq__');
      if (eq) { const res = this.call(eq, [b]); if (res !== NotImplemented) return !this.truthy(res); }
      return a !== b;
    }
    throw this.error('TypeError', `'${op}' not supported between instances of '${this.typeName(a)}' and '${this.typeName(b)}'`);
  }

  eq(a: PyValue, b: PyValue): boolean {
    if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
    return this.truthy(this.compare('==', a, b));
  }

  contains(container: PyValue, item: PyValue): boolean {
    const r = this.builtins.contains(container, item);
    if (r !== undefined) return r;
    const m = this.lookupSpecial(container, '__contains__');
    if (m) return this.truthy(this.call(m, [item]));
    if (this.isIterable(container)) {
      const it = this.iterate(container);
      for (let n = it.next(); !n.done; n = it.next()) if (this.eq(n.value, item)) return true;
      return false;
    }
    throw this.error('TypeError', `argument of type '${this.typeName(container)}' is not iterable`);
  }

  truthy(v: PyValue): boolean {
    if (v === true) return true;
    if (v === false || v === null) return false;
    switch (typeof v) {
      case 'number': return v !== 0;
      case 'bigint': return v !== 0n;
      case 'string': return v.length > 0;
    }
    const r = this.builtins.truthy(v);
    if (r !== undefined) return r;
    const b = this.lookupSpecial(v, '__bool__');
    if (b) {
      const res = this.call(b, []);
      if (typeof res !== 'boolean') throw this.error('TypeError', `__bool__ should return bool, returned ${this.typeName(res)}`);
      return res;
    }
    const len = this.lookupSpecial(v, '__len__');
    if (len) return this.truthy(this.call(len, []));
    return true;
  }

  // ---------------------------------------------------------------- items

  getItem(obj: PyValue, key: PyValue): PyValue {
    const r = this.builtins.getItem(obj, key);
    if (r !== undefined) return r;
    const m = this.lookupSpecial(obj, '__getitem__');
    if (m) return this.call(m, [key]);
    if (obj instanceof PyClass) {
      const cg = obj.lookup('__class_getitem__');
      if (cg) return this.call(cg instanceof PyClassMethod ? new PyBoundMethod(obj, cg.func) : cg, [key]);
      throw this.error('TypeError', `type '${obj.name}' is not subscriptable`);
    }
    throw this.error('TypeError', `'${this.typeName(obj)}' object is not subscriptable`);
  }

  setItem(obj: PyValue, key: PyValue, value: PyValue): void {
    if (this.builtins.setItem(obj, key, value)) return;
    const m = this.lookupSpecial(obj, '__setitem__');
    if (m) { this.call(m, [key, value]); return; }
    throw this.error('TypeError', `'${this.typeName(obj)}' object does not support item assignment`);
  }

  // ---------------------------------------------------------------- iteration

  isIterable(v: PyValue): boolean {
    return this.builtins.isIterable(v) || (v instanceof PyInstance && (v.cls.lookup('__iter__') !== undefined || v.cls.lookup('__getitem__') !== undefined));
  }

  iterate(v: PyValue): Iterator<PyValue> {
    const it = this.builtins.iterate(v);
    if (it) return it;
    const iterFn = this.lookupSpecial(v, '__iter__');
    if (iterFn) {
      const iterator = this.call(iterFn, []);
      if (iterator instanceof PyIterator) return iterator.it;
      const next = this.lookupSpecial(iterator, '__next__');
      if (!next) throw this.error('TypeError', `iter() returned non-iterator of type '${this.typeName(iterator)}'`);
      return this.pyIterator(next);
    }
    const gi = this.lookupSpecial(v, '__getitem__');
    if (gi) {
      let i = 0n;
      return {
        next: (): IteratorResult<PyValue> => {
          try {
            return { done: false, value: this.call(gi, [i++]) };
          } catch (e) {
            if (e instanceof PyRaise && (e.exc.cls.name === 'IndexError' || e.exc.cls.name === 'StopIteration')) return { done: true, value: null };
            throw e;
          }
        },
      };
    }
    throw this.error('TypeError', `'${this.typeName(v)}' object is not iterable`);
  }

  pyIterator(next: PyValue): Iterator<PyValue> {
    return {
      next: (): IteratorResult<PyValue> => {
        try {
          return { done: false, value: this.call(next, []) };
        } catch (e) {
          if (e instanceof PyRaise && e.exc.cls.name === 'StopIteration') return { done: true, value: null };
          throw e;
        }
      },
    };
  }

  toArray(v: PyValue): PyValue[] {
    if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
    const out: PyValue[] = [];
    const it = this.iterate(v);
    for (let n = it.next(); !n.done; n = it.next()) out.push(n.value);
    return out;
  }

  // ---------------------------------------------------------------- str and repr

  repr(v: PyValue): string {
    switch (typeof v) {
      case 'string': return strRepr(v);
      case 'number': return floatRepr(v);
      case 'bigint': return v.toString();
      case 'boolean': return v ? 'True' : 'False';
    }
    if (v === null) return 'None';
    const r = this.builtins.repr(v);
    if (r !== undefined) return r;
    const m = this.lookupSpecial(v, '__repr__');
    if (m) {
      const s = this.call(m, []);
      if (typeof s !== 'string') throw this.error('TypeError', `__repr__ returned non-string (type ${this.typeName(s)})`);
      return s;
    }
    return this.builtins.defaultRepr(v);
  }

  str(v: PyValue): string {
    if (typeof v === 'string') return v;
    if (v instanceof PyInstance) {
      const m = this.lookupSpecial(v, '__str__');
      if (m) {
        const s = this.call(m, []);
        if (typeof s !== 'string') throw this.error('TypeError', `__str__ returned non-string (type ${this.typeName(s)})`);
        return s;
      }
      if (v instanceof PyException) return this.builtins.exceptionStr(v);
    }
    const s = this.builtins.str(v);
    if (s !== undefined) return s;
    return this.repr(v);
  }

  // ---------------------------------------------------------------- tracebacks

  /** CPython's traceback text for an uncaught exception. */
  formatException(exc: PyException): string {
    let out = '';
    const ctx = exc.cause ?? (exc.suppressContext ? null : exc.context);
    if (ctx) {
      out += this.formatException(ctx);
      out += exc.cause
        ? '\nThe above exception was the direct cause of the following exception:\n\n'
        : '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
    const tb = exc.traceback;
    if (tb.length) {
      out += 'Traceback (most recent call last):\n';
      out += this.formatFrames(tb);
    }
    if (exc.syntax) {
      const { filename, line, col, text } = exc.syntax;
      out += `  File "${filename}", line ${line}\n`;
      const stripped = text.replace(/^\s+/, '');
      if (stripped) {
        out += `    ${stripped.replace(/\s+$/, '')}\n`;
        const caret = Math.max(0, col - (text.length - stripped.length));
        out += `    ${' '.repeat(caret)}^\n`;
      }
    }
    out += `${this.exceptionLine(exc)}\n`;
    return out;
  }

  /** The last line of a traceback: `NameError: name 'sefl' is not defined`, with 3.11's "Did you mean" hint. */
  exceptionLine(exc: PyException): string {
    let msg = this.builtins.exceptionStr(exc);
    if (exc.suggest) {
      const hint = suggestName(exc.suggest.name, exc.suggest.candidates());
      if (hint) msg += `. Did you mean: '${hint}'?`;
    }
    return msg ? `${exc.cls.printedName}: ${msg}` : exc.cls.printedName;
  }

  private formatFrames(tb: TracebackEntry[]): string {
    let out = '';
    let last = '';
    let repeat = 0;
    const flush = () => {
      if (repeat > 3) out += `  [Previous line repeated ${repeat - 3} more time${repeat - 3 > 1 ? 's' : ''}]\n`;
    };
    for (const f of tb) {
      const text = this.sources.get(f.filename)?.[f.line - 1]?.trim();
      const entry = `  File "${f.filename}", line ${f.line}, in ${f.name}\n${text ? `    ${text}\n` : ''}`;
      if (entry === last) {
        repeat++;
        if (repeat > 3) continue;
      } else {
        flush();
        repeat = 1;
        last = entry;
      }
      out += entry;
    }
    flush();
    return out;
  }
}

// CPython 3.11's Python/suggestions.c: Levenshtein distance with case flips costing less than moves.
const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_STRING_SIZE = 40;
const MAX_CANDIDATE_ITEMS = 750;

function substitutionCost(a: string, b: string): number {
  const ca = a.charCodeAt(0);
  const cb = b.charCodeAt(0);
  if ((ca & 31) !== (cb & 31)) return MOVE_COST;
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

function levenshtein(a0: string, b0: string, maxCost: number): number {
  if (a0 === b0) return 0;
  let a = a0;
  let b = b0;
  while (a.length && b.length && a[0] === b[0]) { a = a.slice(1); b = b.slice(1); }
  while (a.length && b.length && a[a.length - 1] === b[b.length - 1]) { a = a.slice(0, -1); b = b.slice(0, -1); }
  if (!a.length || !b.length) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0, tmp = MOVE_COST; i < a.length; i++, tmp += MOVE_COST) buffer[i] = tmp;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(b[bi], a[i]);
      distance = buffer[i];
      result = Math.min(Math.min(result, distance) + MOVE_COST, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** The closest candidate to `name` in the first list that has one, as CPython offers it. */
export function suggestName(name: string, lists: string[][]): string | null {
  for (const list of lists) {
    if (list.length >= MAX_CANDIDATE_ITEMS) continue;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const item of list) {
      if (item === name) continue;
      const maxDistance = Math.min(Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6), bestDistance - 1);
      const d = levenshtein(name, item, maxDistance);
      if (d > maxDistance) continue;
      if (best === null || d < bestDistance) { best = item; bestDistance = d; }
    }
    if (best !== null) return best;
  }
  return null;
}

/** The tape's names for Python's binary operators (NumPy's ufunc names). */
const PY_OP_NAMES: Record<BinOperator, string> = {
  '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '//': 'floor_divide', '%': 'remainder', '**': 'power', '@': 'matmul',
  '<<': 'left_shift', '>>': 'right_shift', '&': 'bitwise_and', '|': 'bitwise_or', '^': 'bitwise_xor',
};

const BINOP_DUNDER: Record<BinOperator, string> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '**': 'pow', '@': 'matmul',
  '<<': 'lshift', '>>': 'rshift', '&': 'and', '|': 'or', '^': 'xor',
};

export function binopTypeError(op: string, a: string, b: string): string {
  const shown = op === '**' ? '** or pow()' : op === '**=' ? '**=' : op;
  return `unsupported operand type(s) for ${shown}: '${a}' and '${b}'`;
}

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

export { NORMAL, BREAK, CONTINUE, RETURN, PySingleton, PyDictView, PyRange, PySet };
