// The few standard-library modules learners' layer code imports: sys, os (path helpers only),
// collections, math, time; and the built-in fallback for the book's `common` package.

import type { Interpreter } from './interpreter';
import { floatRepr } from './pyformat';
import { exp as libmExp, log as libmLog } from './numpy/libm';
import {
  PyBuiltin, PyClass, PyDict, PyInstance, PyList, PyModule, PyTuple, type NativeFn, type PyValue,
} from './values';

export interface StdlibContext {
  interp: Interpreter;
  /** Absolute path of the main script. */
  mainFile: string;
  /** The process's working directory as the program sees it (`os.getcwd()`, relative sys.path entries). */
  cwd: string;
  exists(path: string, kind: 'any' | 'file' | 'dir'): boolean;
}

function def(m: PyModule, name: string, f: NativeFn): void {
  m.dict.set(name, new PyBuiltin(name, f, false, name));
}

// ---------------------------------------------------------------- posixpath

export function normpath(p: string): string {
  if (!p) return '.';
  const abs = p.startsWith('/');
  const leadingDouble = abs && p.startsWith('//') && !p.startsWith('///');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..' && ((!abs && out.length && out[out.length - 1] !== '..') || (abs && out.length))) { out.pop(); continue; }
    if (part === '..' && abs) continue;
    out.push(part);
  }
  const body = out.join('/');
  return (abs ? (leadingDouble ? '//' : '/') : '') + body || (abs ? '/' : '.');
}

export function joinPath(...parts: string[]): string {
  let out = parts[0] ?? '';
  for (const p of parts.slice(1)) {
    if (p.startsWith('/')) out = p;
    else if (!out || out.endsWith('/')) out += p;
    else out += '/' + p;
  }
  return out;
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return head;
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function abspath(p: string, cwd: string): string {
  return normpath(p.startsWith('/') ? p : joinPath(cwd, p));
}

// ---------------------------------------------------------------- modules

export function installStdlib(ctx: StdlibContext): void {
  const { interp } = ctx;
  const b = interp.builtins;
  const str = (v: PyValue, fn: string): string => {
    if (typeof v !== 'string') throw interp.error('TypeError', `${fn}: expected str, bytes or os.PathLike object, not ${interp.typeName(v)}`);
    return v;
  };

  interp.nativeModules.set('sys', () => {
    const m = new PyModule('sys');
    m.dict.set('argv', new PyList([basename(ctx.mainFile)]));
    m.dict.set('path', new PyList([dirname(ctx.mainFile)]));
    m.dict.set('version', '3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]');
    m.dict.set('version_info', new PyTuple([3n, 11n, 2n, 'final', 0n]));
    m.dict.set('platform', 'linux');
    m.dict.set('maxsize', 9223372036854775807n);
    m.dict.set('byteorder', 'little');
    const modules = new PyDict();
    for (const [k, v] of interp.modules) b.dictSet(modules, k, v);
    interp.sysModules = modules;
    m.dict.set('modules', modules);
    const stream = (name: string, write: (t: string) => void): PyInstance => {
      const cls = new PyClass('TextIOWrapper', [b.objectClass], '_io');
      cls.dict.set('write', new PyBuiltin('write', (args) => { const t = str(args[1], 'write'); write(t); return BigInt(t.length); }, true));
      cls.dict.set('flush', new PyBuiltin('flush', () => null, true));
      cls.dict.set('__repr__', new PyBuiltin('__repr__', () => `<_io.TextIOWrapper name='<${name}>' mode='w' encoding='utf-8'>`, true));
      return new PyInstance(cls);
    };
    m.dict.set('stdout', stream('stdout', (t) => interp.hooks.stdout(t)));
    m.dict.set('stderr', stream('stderr', (t) => interp.hooks.stderr(t)));
    def(m, 'exit', (args) => { const r = interp.error('SystemExit'); r.exc.args = args.length ? [args[0]] : []; throw r; });
    def(m, 'getrecursionlimit', () => BigInt(interp.recursionLimit));
    def(m, 'setrecursionlimit', (args) => { interp.recursionLimit = Math.min(b.toIndex(args[0]), 3000); return null; });
    const floatInfo = new PyInstance(new PyClass('float_info', [b.objectClass], 'sys'));
    floatInfo.dict.set('epsilon', Number.EPSILON);
    floatInfo.dict.set('max', Number.MAX_VALUE);
    floatInfo.dict.set('min', 2.2250738585072014e-308);
    m.dict.set('float_info', floatInfo);
    return m;
  });

  interp.nativeModules.set('os.path', () => {
    const m = new PyModule('posixpath');
    m.dict.set('sep', '/');
    def(m, 'join', (args) => joinPath(...args.map((a) => str(a, 'join'))));
    def(m, 'dirname', ([p]) => dirname(str(p, 'dirname')));
    def(m, 'basename', ([p]) => basename(str(p, 'basename')));
    def(m, 'abspath', ([p]) => abspath(str(p, 'abspath'), ctx.cwd));
    def(m, 'realpath', ([p]) => abspath(str(p, 'realpath'), ctx.cwd));
    def(m, 'normpath', ([p]) => normpath(str(p, 'normpath')));
    def(m, 'relpath', (args) => {
      const target = abspath(str(args[0], 'relpath'), ctx.cwd).split('/').filter(Boolean);
      const start = abspath(args[1] === undefined || args[1] === null ? ctx.cwd : str(args[1], 'relpath'), ctx.cwd).split('/').filter(Boolean);
      let common = 0;
      while (common < target.length && common < start.length && target[common] === start[common]) common++;
      const parts = [...start.slice(common).map(() => '..'), ...target.slice(common)];
      return parts.length ? parts.join('/') : '.';
    });
    def(m, 'isabs', ([p]) => str(p, 'isabs').startsWith('/'));
    def(m, 'split', ([p]) => { const s = str(p, 'split'); return new PyTuple([dirname(s), basename(s)]); });
    def(m, 'splitext', ([p]) => {
      const s = str(p, 'splitext');
      const base = basename(s);
      const dot = base.lastIndexOf('.');
      if (dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1))) return new PyTuple([s, '']);
      const cut = s.length - (base.length - dot);
      return new PyTuple([s.slice(0, cut), s.slice(cut)]);
    });
    // Existence checks answer from the workspace the engine may read; nothing else on disk is visible.
    def(m, 'exists', ([p]) => ctx.exists(abspath(str(p, 'exists'), ctx.cwd), 'any'));
    def(m, 'isfile', ([p]) => ctx.exists(abspath(str(p, 'isfile'), ctx.cwd), 'file'));
    def(m, 'isdir', ([p]) => ctx.exists(abspath(str(p, 'isdir'), ctx.cwd), 'dir'));
    return m;
  });

  interp.nativeModules.set('os', () => {
    const m = new PyModule('os');
    // os.path is posixpath, registered under both names as CPython does.
    let path = interp.modules.get('os.path');
    if (!path) {
      path = (interp.nativeModules.get('os.path') as () => PyModule)();
      interp.registerModule('os.path', path);
    }
    m.dict.set('path', path);
    m.dict.set('pardir', '..');
    m.dict.set('curdir', '.');
    m.dict.set('sep', '/');
    m.dict.set('linesep', '\n');
    m.dict.set('name', 'posix');
    def(m, 'getcwd', () => ctx.cwd);
    const denied = (name: string): NativeFn => () => {
      throw interp.error('PermissionError', `Backprop Lens runs code without file or process access: os.${name}() is not available`);
    };
    for (const n of ['listdir', 'remove', 'unlink', 'mkdir', 'makedirs', 'rmdir', 'rename', 'system', 'chdir', 'walk', 'scandir', 'popen', 'getenv']) def(m, n, denied(n));
    return m;
  });

  interp.nativeModules.set('collections', () => {
    const m = new PyModule('collections');
    const dictCls = b.cls('dict');
    const od = new PyClass('OrderedDict', [dictCls], 'collections');
    od.dict.set('__new__', new PyBuiltin('__new__', (args, kw) => {
      const d = new PyDict();
      d.ordered = true;
      (dictCls.dict.get('update') as PyBuiltin).fn([d, ...args.slice(1)], kw);
      return d;
    }));
    b.extraClasses.set('OrderedDict', od);
    m.dict.set('OrderedDict', od);
    const dd = new PyClass('defaultdict', [dictCls], 'collections');
    dd.dict.set('__new__', new PyBuiltin('__new__', (args, kw) => {
      const d = new PyDict();
      b.defaultFactories.set(d, args[1] ?? null);
      if (args.length > 2 || kw) (dictCls.dict.get('update') as PyBuiltin).fn([d, ...args.slice(2)], kw);
      return d;
    }));
    m.dict.set('defaultdict', dd);
    return m;
  });

  interp.nativeModules.set('math', () => {
    const m = new PyModule('math');
    m.dict.set('pi', Math.PI);
    m.dict.set('e', Math.E);
    m.dict.set('tau', 2 * Math.PI);
    m.dict.set('inf', Infinity);
    m.dict.set('nan', NaN);
    const real = (v: PyValue, fn: string): number => {
      const x = b.toFloat(v);
      if (x === undefined) throw interp.error('TypeError', `must be real number, not ${interp.typeName(v)}`);
      void fn;
      return x;
    };
    const domain = (): never => { throw interp.error('ValueError', 'math domain error'); };
    const unary = (name: string, f: (x: number) => number, check?: (x: number) => boolean) => def(m, name, (args) => {
      b.arity(`math.${name}`, args, 1, 1);
      const x = real(args[0], name);
      if (check && !check(x)) domain();
      const r = f(x);
      if (!Number.isFinite(r) && Number.isFinite(x)) throw interp.error('OverflowError', 'math range error');
      return r;
    });
    unary('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
    unary('exp', libmExp);
    unary('tanh', Math.tanh);
    unary('sinh', Math.sinh);
    unary('cosh', Math.cosh);
    unary('sin', Math.sin);
    unary('cos', Math.cos);
    unary('tan', Math.tan);
    unary('atan', Math.atan);
    unary('asin', Math.asin, (x) => Math.abs(x) <= 1);
    unary('acos', Math.acos, (x) => Math.abs(x) <= 1);
    unary('fabs', Math.abs);
    unary('log10', Math.log10, (x) => x > 0);
    unary('log2', Math.log2, (x) => x > 0);
    unary('log1p', Math.log1p, (x) => x > -1);
    unary('expm1', Math.expm1);
    def(m, 'log', (args) => {
      b.arity('log', args, 1, 2);
      const x = real(args[0], 'log');
      if (x <= 0) domain();
      const r = libmLog(x);
      if (args.length === 2) {
        const base = real(args[1], 'log');
        if (base <= 0) domain();
        return r / libmLog(base);
      }
      return r;
    });
    def(m, 'pow', (args) => {
      const x = real(args[0], 'pow'); const y = real(args[1], 'pow');
      if (x === 0 && y < 0) domain();
      return b.floatPow(x, y);
    });
    def(m, 'atan2', (args) => Math.atan2(real(args[0], 'atan2'), real(args[1], 'atan2')));
    def(m, 'hypot', (args) => Math.hypot(...args.map((a) => real(a, 'hypot'))));
    const toIntResult = (name: string, f: (x: number) => number): void => def(m, name, (args) => {
      const v = args[0];
      if (typeof v === 'bigint') return v;
      return b.toInt(f(real(v, name)));
    });
    toIntResult('floor', Math.floor);
    toIntResult('ceil', Math.ceil);
    toIntResult('trunc', Math.trunc);
    def(m, 'isnan', ([x]) => Number.isNaN(real(x, 'isnan')));
    def(m, 'isinf', ([x]) => { const v = real(x, 'isinf'); return v === Infinity || v === -Infinity; });
    def(m, 'isfinite', ([x]) => Number.isFinite(real(x, 'isfinite')));
    def(m, 'isclose', (args, kw) => {
      const a = real(args[0], 'isclose'); const c = real(args[1], 'isclose');
      const rel = kw?.get('rel_tol') !== undefined ? real(kw.get('rel_tol') as PyValue, 'isclose') : 1e-9;
      const abs = kw?.get('abs_tol') !== undefined ? real(kw.get('abs_tol') as PyValue, 'isclose') : 0;
      if (a === c) return true;
      if (!Number.isFinite(a) || !Number.isFinite(c)) return false;
      const diff = Math.abs(c - a);
      return diff <= Math.abs(rel * c) || diff <= Math.abs(rel * a) || diff <= abs;
    });
    def(m, 'copysign', (args) => { const x = Math.abs(real(args[0], 'copysign')); const y = real(args[1], 'copysign'); return y < 0 || Object.is(y, -0) ? -x : x; });
    def(m, 'factorial', ([x]) => { let r = 1n; for (let i = 2n; i <= b.toBigInt(x); i++) r *= i; return r; });
    def(m, 'gcd', (args) => { let [x, y] = args.map((a) => { const v = b.toBigInt(a); return v < 0n ? -v : v; }); while (y) [x, y] = [y, x % y]; return x ?? 0n; });
    def(m, 'prod', (args) => { let acc: PyValue = 1n; for (const v of interp.toArray(args[0])) acc = interp.binaryOp('*', acc, v); return acc; });
    def(m, 'fsum', (args) => {
      // Shewchuk's exact summation, as CPython's math.fsum.
      const partials: number[] = [];
      for (const v of interp.toArray(args[0])) {
        let x = real(v, 'fsum');
        let i = 0;
        for (let y of partials) {
          if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
          const hi = x + y;
          const lo = y - (hi - x);
          if (lo) partials[i++] = lo;
          x = hi;
        }
        partials.length = i;
        partials.push(x);
      }
      return partials.reduce((s, p) => s + p, 0);
    });
    def(m, 'degrees', ([x]) => real(x, 'degrees') * (180 / Math.PI));
    def(m, 'radians', ([x]) => real(x, 'radians') * (Math.PI / 180));
    return m;
  });

  interp.nativeModules.set('time', () => {
    const m = new PyModule('time');
    const t0 = Date.now();
    def(m, 'time', () => Date.now() / 1000);
    def(m, 'perf_counter', () => performance.now() / 1000);
    def(m, 'process_time', () => (Date.now() - t0) / 1000);
    def(m, 'sleep', () => null);
    return m;
  });

  void floatRepr;
}

/**
 * The book's `common.functions` and `common.gradient`, written for Backprop Lens so that
 * `from common.functions import softmax` runs where the workspace has no `common/` folder.
 * A workspace module of the same name always wins.
 */
export const FALLBACK_MODULES: Record<string, string> = {
  common: '',
  'common.functions': `# Backprop Lens built-in fallback for the book's common/functions.py
import numpy as np


def identity_function(x):
    return x


def step_function(x):
    return np.array(x > 0, dtype=int)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_grad(x):
    return (1.0 - sigmoid(x)) * sigmoid(x)


def relu(x):
    return np.maximum(0, x)


def relu_grad(x):
    grad = np.zeros_like(x)
    grad[x >= 0] = 1
    return grad


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


def softmax_loss(X, t):
    y = softmax(X)
    return cross_entropy_error(y, t)
`,
  'common.gradient': `# Backprop Lens built-in fallback for the book's common/gradient.py
import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad
`,
};
