// Shapes shared by the NumPy subset: dtypes and the error type its functions throw.
// The interpreter turns a NumpyError into the Python exception named by `pyType`.

export type DType = 'float64' | 'float32' | 'int64' | 'bool';

export type NumpyErrorType = 'ValueError' | 'IndexError' | 'TypeError' | 'numpy.AxisError' | 'MemoryError' | 'OverflowError';

export class NumpyError extends Error {
  constructor(readonly pyType: NumpyErrorType, message: string) {
    super(message);
  }
}

/** Called for NumPy's RuntimeWarnings (`divide by zero encountered in divide`). */
export type WarningSink = (category: 'RuntimeWarning', message: string) => void;
