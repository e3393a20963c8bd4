// The float math kernels the ufuncs use, bit-exact with NumPy 1.24.2 on the reference machine
// (AVX512_SKX: SVML for float64 exp/log, NumPy's own SIMD kernels for float32 exp/log and for
// tanh). The ports live in ./simdmath; this module is the single place ufuncs.ts takes them from.

export {
  npExp64 as npExp,
  npLog64 as npLog,
  npTanh64 as npTanh,
  npExp32,
  npLog32,
  npTanh32,
} from './simdmath';

/** The other elementwise kernels NumPy takes from SVML (float64) and from its own loops (float32). */
export { SIMD_UNARY_F64, SIMD_UNARY_F32 } from './simdmath';
