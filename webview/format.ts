// Numbers and values as the panel prints them: NumPy's 8 decimals where a learner compares
// with their own printout, shorter forms where space is tight (edge labels).

import type { ValueSummary } from '../src/engine/lens/report';

/** Like NumPy's default printing of a float64 element: up to 8 decimals, trailing zeros dropped. */
export function fmtNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e8) {
    const fixed = x.toFixed(8).replace(/\.?0+$/, '');
    return fixed === '-0' ? '-0.' : fixed;
  }
  return x.toExponential(8).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Four significant digits, for labels. */
export function fmtShort(x: number): string {
  if (!Number.isFinite(x)) return fmtNumber(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return x.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

/** Python's repr of a shape tuple: (3,) or (2, 3). */
export function fmtShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function size(shape: readonly number[] | undefined): number {
  return (shape ?? []).reduce((a, b) => a * b, 1);
}

function fmtElement(v: ValueSummary, x: number): string {
  if (v.dtype === 'bool' || v.kind === 'bool') return x ? 'True' : 'False';
  return fmtShort(x);
}

/** A value in a few characters: `100`, `2.2`, `(3,) [0.5 1 -0.5]`, `(2, 3) [1 1.1 …]`. */
export function preview(v: ValueSummary | undefined, maxItems = 3): string {
  if (!v) return '';
  if (v.kind === 'array') {
    const shape = fmtShape(v.shape ?? []);
    if (v.data && v.data.length) {
      const items = v.data.slice(0, maxItems).map((x) => fmtElement(v, x));
      return `${shape} [${items.join(' ')}${v.data.length > maxItems ? ' …' : ''}]`;
    }
    if (v.min !== undefined && v.max !== undefined) return `${shape} ${fmtShort(v.min)}…${fmtShort(v.max)}`;
    return shape;
  }
  if (v.kind === 'tuple') return `(${(v.items ?? []).map((i) => preview(i, 1)).join(', ')})`;
  if ((v.kind === 'float' || v.kind === 'int') && v.data && v.data.length === 1) return fmtShort(v.data[0]);
  return v.text.length > 24 ? `${v.text.slice(0, 23)}…` : v.text;
}

/** A value in full precision for the chain rule and tables (one line). */
export function fmtValue(v: ValueSummary | undefined): string {
  if (!v) return '';
  if ((v.kind === 'float' || v.kind === 'int') && v.data && v.data.length === 1) return fmtNumber(v.data[0]);
  return v.text.replace(/\s*\n\s*/g, ' ');
}

/** The numbers of a value in C order, when the report carries them (scalars and small arrays). */
export function numbers(v: ValueSummary | undefined): number[] | undefined {
  if (!v) return undefined;
  if (v.data) return v.data;
  return undefined;
}

/** A value's shape; scalars have (). */
export function shapeOf(v: ValueSummary | undefined): number[] {
  return v?.kind === 'array' ? (v.shape ?? []) : [];
}
