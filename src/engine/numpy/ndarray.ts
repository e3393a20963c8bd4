// The NumPy subset's public API: NDArray and the array functions (see the individual modules).
//
//   core.ts     NDArray (strided views over a Float64Array), indexing, casting, allocation guard
//   ufuncs.ts   binary/unary ufuncs, type promotion, round, clip, where, isclose
//   reduce.ts   sum/prod/max/min/mean/var/std/argmax/argmin/all/any/cumsum
//   linalg.ts   dot, matmul, outer
//   manip.ts    concatenate, stack, sort, argsort
//   mathfns.ts  exp/log reproducing NumPy's float64 loops bit for bit

export {
  NDArray,
  QualifiedNumpyError,
  UFuncTypeError,
  adjustSlice,
  allocData,
  allocFor,
  broadcastShapes,
  broadcastShapesUfunc,
  castValue,
  compactShapeStr,
  cStrides,
  maxElementsGuard,
  multiIndices,
  newaxisShapeStr,
  nextIndex,
  normalizeAxis,
  pyTupleStr,
  setAllocationGuard,
  shapeSize,
  type IndexItem,
} from './core';
export {
  allclose,
  arrayEqual,
  binary,
  clip,
  isclose,
  powerOperator,
  promote,
  resultType,
  rint,
  round,
  unary,
  where,
  type BinaryOp,
  type Operand,
  type UnaryOp,
} from './ufuncs';
export { average, pairwiseSum, reduce, type ReduceOp } from './reduce';
export { dot, matmul, outer } from './linalg';
export { argsort, concatenate, sort, stack } from './manip';
