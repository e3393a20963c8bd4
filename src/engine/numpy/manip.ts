// concatenate, stack, sort, argsort.

import { DType, NumpyError } from './types';
import { NDArray, allocData, cStrides, normalizeAxis, shapeSize } from './core';
import { promote } from './ufuncs';

/** np.concatenate (axis null flattens the inputs first). */
export function concatenate(arrays: NDArray[], axis: number | null): NDArray {
  if (arrays.length === 0) throw new NumpyError('ValueError', 'need at least one array to concatenate');
  let arrs = arrays;
  let ax: number;
  if (axis === null) {
    arrs = arrays.map((a) => a.ravel());
    ax = 0;
  } else {
    const nd0 = arrays[0].ndim;
    if (nd0 === 0) throw new NumpyError('ValueError', 'zero-dimensional arrays cannot be concatenated');
    ax = normalizeAxis(axis, nd0);
  }
  const first = arrs[0];
  const nd = first.ndim;
  if (nd === 0) throw new NumpyError('ValueError', 'zero-dimensional arrays cannot be concatenated');
  const shape = first.shape.slice();
  let dtype: DType = first.dtype;
  for (let i = 1; i < arrs.length; i++) {
    const a = arrs[i];
    if (a.ndim !== nd) {
      throw new NumpyError(
        'ValueError',
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < nd; d++) {
      if (d === ax) continue;
      if (a.shape[d] !== shape[d]) {
        throw new NumpyError(
          'ValueError',
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${i} has size ${a.shape[d]}`,
        );
      }
    }
    shape[ax] += a.shape[ax];
    dtype = promote(dtype, a.dtype);
  }
  const out = NDArray.zeros(shape, dtype);
  let pos = 0;
  for (const a of arrs) {
    const n = a.shape[ax];
    if (n === 0) continue;
    const strides = out.strides.slice();
    const view = out.view(a.shape.slice(), strides, pos * out.strides[ax]);
    view.assign(a);
    pos += n;
  }
  return out;
}

/** np.stack. */
export function stack(arrays: NDArray[], axis: number): NDArray {
  if (arrays.length === 0) throw new NumpyError('ValueError', 'need at least one array to stack');
  const shape0 = arrays[0].shape;
  for (const a of arrays) {
    if (a.ndim !== shape0.length || a.shape.some((d, i) => d !== shape0[i])) {
      throw new NumpyError('ValueError', 'all input arrays must have the same shape');
    }
  }
  const ax = normalizeAxis(axis, shape0.length + 1);
  const expanded = arrays.map((a) => {
    const sh = a.shape.slice();
    sh.splice(ax, 0, 1);
    const st = a.strides.slice();
    st.splice(ax, 0, 0);
    return a.view(sh, st, a.offset);
  });
  return concatenate(expanded, ax);
}

/** Calls fn(offset) for every 1-D lane along `ax` (C order over the other axes). */
function forEachLane(a: NDArray, ax: number, fn: (off: number, laneIndex: number) => void): void {
  const other = a.shape.filter((_, i) => i !== ax);
  const ost = a.strides.filter((_, i) => i !== ax);
  const n = shapeSize(other);
  const idx = new Array<number>(other.length).fill(0);
  let off = a.offset;
  for (let k = 0; k < n; k++) {
    fn(off, k);
    for (let d = other.length - 1; d >= 0; d--) {
      idx[d]++;
      off += ost[d];
      if (idx[d] < other[d]) break;
      off -= ost[d] * other[d];
      idx[d] = 0;
    }
  }
}

/** np.sort along an axis (null: flattened). NaNs sort last. */
export function sort(a: NDArray, axis: number | null): NDArray {
  if (axis === null) return sort(a.flatten(), 0);
  if (a.ndim === 0) throw new NumpyError('numpy.AxisError', `axis ${axis} is out of bounds for array of dimension 0`);
  const ax = normalizeAxis(axis, a.ndim);
  const out = NDArray.zeros(a.shape, a.dtype);
  const n = a.shape[ax];
  const s = a.strides[ax];
  const os = out.strides[ax];
  const lane = new Float64Array(n);
  const outLanes: number[] = [];
  forEachLane(out, ax, (off) => outLanes.push(off));
  forEachLane(a, ax, (off, k) => {
    for (let i = 0; i < n; i++) lane[i] = a.data[off + i * s];
    lane.sort();
    const o = outLanes[k];
    for (let i = 0; i < n; i++) out.data[o + i * os] = lane[i];
  });
  return out;
}

function less(x: number, y: number): boolean {
  return x < y || (y !== y && x === x);
}

/** NumPy's aquicksort_ (introsort: median-of-3 quicksort, insertion sort below 16, heapsort fallback). */
function aquicksort(v: Float64Array, tosort: Int32Array, num: number): void {
  const PYA_QS_STACK = 128;
  const SMALL_QUICKSORT = 15;
  let pl = 0;
  let pr = num - 1;
  const stack = new Int32Array(PYA_QS_STACK);
  let sptr = 0;
  const depth = new Int32Array(PYA_QS_STACK);
  let psdepth = 0;
  let cdepth = 0;
  for (let u = num; (u >>= 1) > 0; ) cdepth++;
  cdepth *= 2;
  const swap = (i: number, j: number): void => {
    const t = tosort[i];
    tosort[i] = tosort[j];
    tosort[j] = t;
  };
  for (;;) {
    let popped = false;
    if (cdepth < 0) {
      aheapsort(v, tosort, pl, pr - pl + 1);
      popped = true;
    }
    if (!popped) {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (less(v[tosort[pm]], v[tosort[pl]])) swap(pm, pl);
        if (less(v[tosort[pr]], v[tosort[pm]])) swap(pr, pm);
        if (less(v[tosort[pm]], v[tosort[pl]])) swap(pm, pl);
        const vp = v[tosort[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (less(v[tosort[pi]], vp));
          do --pj;
          while (less(vp, v[tosort[pj]]));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        const pk = pr - 1;
        swap(pi, pk);
        if (pi - pl < pr - pi) {
          stack[sptr++] = pi + 1;
          stack[sptr++] = pr;
          pr = pi - 1;
        } else {
          stack[sptr++] = pl;
          stack[sptr++] = pi - 1;
          pl = pi + 1;
        }
        depth[psdepth++] = --cdepth;
      }
      // insertion sort
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = tosort[pi];
        const vp = v[vi];
        let pj = pi;
        let pk = pi - 1;
        while (pj > pl && less(vp, v[tosort[pk]])) {
          tosort[pj--] = tosort[pk--];
        }
        tosort[pj] = vi;
      }
    }
    if (sptr === 0) break;
    pr = stack[--sptr];
    pl = stack[--sptr];
    cdepth = depth[--psdepth];
  }
}

function aheapsort(v: Float64Array, tosort: Int32Array, start: number, n: number): void {
  // a[1..n] maps to tosort[start .. start+n-1]
  const a = (i: number): number => tosort[start + i - 1];
  const set = (i: number, x: number): void => {
    tosort[start + i - 1] = x;
  };
  let i: number;
  let j: number;
  let tmp: number;
  for (let l = n >> 1; l > 0; --l) {
    tmp = a(l);
    for (i = l, j = l << 1; j <= n; ) {
      if (j < n && less(v[a(j)], v[a(j + 1)])) j += 1;
      if (less(v[tmp], v[a(j)])) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
  for (; n > 1; ) {
    tmp = a(n);
    set(n, a(1));
    n -= 1;
    for (i = 1, j = 2; j <= n; ) {
      if (j < n && less(v[a(j)], v[a(j + 1)])) j++;
      if (less(v[tmp], v[a(j)])) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
}

/** np.argsort (default quicksort kind: NumPy's introsort, so ties come out as NumPy orders them). */
export function argsort(a: NDArray, axis: number | null): NDArray {
  if (axis === null) return argsort(a.flatten(), 0);
  if (a.ndim === 0) throw new NumpyError('numpy.AxisError', `axis ${axis} is out of bounds for array of dimension 0`);
  const ax = normalizeAxis(axis, a.ndim);
  const shape = a.shape.slice();
  const out = allocData(shapeSize(shape), shape, 'int64');
  const cs = cStrides(shape);
  const n = shape[ax];
  const s = a.strides[ax];
  const lane = new Float64Array(n);
  const idx = new Int32Array(n);
  const outLanes: number[] = [];
  forEachLane(NDArray.fromData(out, shape, 'int64'), ax, (off) => outLanes.push(off));
  forEachLane(a, ax, (off, k) => {
    for (let i = 0; i < n; i++) {
      lane[i] = a.data[off + i * s];
      idx[i] = i;
    }
    if (n > 1) aquicksort(lane, idx, n);
    const o = outLanes[k];
    for (let i = 0; i < n; i++) out[o + i * cs[ax]] = idx[i];
  });
  return NDArray.fromData(out, shape, 'int64');
}
