// Iteration order of NumPy's nditer (npyiter_find_best_axis_ordering) and K-order output layout.

/**
 * Axis order (outer -> inner) the NumPy iterator picks for operands with the given strides:
 * a stable insertion sort by |stride| where C order wins ties and conflicts, and zero strides
 * (broadcast or length-1 dimensions) do not take part.
 */
export function bestAxisOrder(shape: readonly number[], stridesList: readonly (readonly number[])[]): number[] {
  const nd = shape.length;
  // perm[k] is the axis at position k, k = 0 being the innermost (NumPy keeps axisdata reversed)
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  const st = (s: readonly number[], ax: number): number => (shape[ax] === 1 ? 0 : s[ax]);
  for (let i0 = 1; i0 < nd; i0++) {
    let ipos = i0;
    const ax0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambig = true;
      let shouldswap = false;
      const ax1 = perm[i1];
      for (const s of stridesList) {
        const s0 = st(s, ax0);
        const s1 = st(s, ax1);
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) shouldswap = false;
          else if (ambig) shouldswap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldswap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let k = i0; k > ipos; k--) perm[k] = perm[k - 1];
      perm[ipos] = ax0;
    }
  }
  perm.reverse();
  return perm;
}

export function isIdentityPerm(perm: readonly number[]): boolean {
  for (let i = 0; i < perm.length; i++) if (perm[i] !== i) return false;
  return true;
}

/** Strides (in elements) of a new array of `shape` laid out contiguously in `perm` order (outer -> inner). */
export function stridesForOrder(shape: readonly number[], perm: readonly number[]): number[] {
  const st = new Array<number>(shape.length).fill(0);
  let s = 1;
  for (let k = perm.length - 1; k >= 0; k--) {
    const ax = perm[k];
    st[ax] = s;
    s *= shape[ax] === 0 ? 1 : shape[ax];
  }
  return st;
}
