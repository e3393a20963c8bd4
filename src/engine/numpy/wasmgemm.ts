// float64 matrix products on a WebAssembly SIMD kernel.
//
// The reference NumPy links the netlib BLAS, whose dgemm computes every output element as
// ((0 + a0*b0) + a1*b1) + ... in k order, each product and each sum rounded on its own. The
// kernel below does exactly that, two adjacent columns at a time: lane j of an f64x2 accumulator
// is C[i,j] and only ever sees f64x2.mul then f64x2.add, each rounded on its own (WebAssembly's
// semantics do not let an engine fuse them), so its results are bit-identical to the scalar loop's
// at about five times its speed (a 3-row by 4-column block of products per k step: some 12 G
// multiply-adds per second on the CI machine against 2.3).
//
// The module is assembled here, at first use, by a small encoder (under 2 KB of bytes, compiled
// synchronously): there is no separate .wasm file to ship or fetch. Operands are copied into the
// module's memory: A row-major, B in chunks of rows (about 32 KB each, copied right before the
// kernel call that reads them, so both stay in the L1 cache; the calls after the first continue
// the sums in C), C copied out at the end. For the (3,784)·(784,50) product of a book-size network
// the copies cost a few microseconds against about 35 saved. When WebAssembly or its SIMD
// extension is missing, `gemmF64Wasm` returns false and the caller runs its scalar kernel.

// ---------------------------------------------------------------------------
// A minimal WebAssembly encoder: just what the kernel needs.

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

function uleb(n: number, out: number[]): void {
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
}

function sleb(n: number, out: number[]): void {
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

// opcodes
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const ELSE = 0x05;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const EMPTY = 0x40;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const F64_CONST = 0x44;
const F64_LOAD = 0x2b;
const F64_STORE = 0x39;
const I32_EQZ = 0x45;
const I32_LT_S = 0x48;
const I32_GT_S = 0x4a;
const I32_GE_S = 0x4e;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const F64_ADD = 0xa0;
const F64_MUL = 0xa2;
const SIMD = 0xfd;
const V128_LOAD = 0;
const V128_LOAD64_SPLAT = 10;
const V128_STORE = 11;
const V128_CONST = 12;
const F64X2_ADD = 240;
const F64X2_MUL = 242;

/** One function body being assembled. */
class FunctionBuilder {
  readonly code: number[] = [];
  private readonly localTypes: number[] = [];

  constructor(readonly params: number[]) {}

  local(type: number): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  emit(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }

  get(l: number): this {
    this.code.push(LOCAL_GET);
    uleb(l, this.code);
    return this;
  }

  set(l: number): this {
    this.code.push(LOCAL_SET);
    uleb(l, this.code);
    return this;
  }

  i32(n: number): this {
    this.code.push(I32_CONST);
    sleb(n, this.code);
    return this;
  }

  /** A load or store with its memarg (log2 alignment, constant offset). */
  mem(op: number, align: number, offset: number): this {
    this.code.push(op);
    uleb(align, this.code);
    uleb(offset, this.code);
    return this;
  }

  simd(op: number): this {
    this.code.push(SIMD);
    uleb(op, this.code);
    return this;
  }

  simdMem(op: number, align: number, offset: number): this {
    this.simd(op);
    uleb(align, this.code);
    uleb(offset, this.code);
    return this;
  }

  /** `block { loop { <exit test>; br_if 1; <body>; br 0 } }`: `exit` pushes the i32 condition to stop. */
  whileLoop(exit: () => void, body: () => void): void {
    this.emit(BLOCK, EMPTY, LOOP, EMPTY);
    exit();
    this.emit(BR_IF, 1);
    body();
    this.emit(BR, 0, END, END);
  }

  /** The body as the code section holds it: size, locals, instructions, end. */
  encode(): number[] {
    const body: number[] = [];
    const groups: [number, number][] = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    uleb(groups.length, body);
    for (const [n, t] of groups) {
      uleb(n, body);
      body.push(t);
    }
    for (const b of this.code) body.push(b);
    body.push(END);
    const out: number[] = [];
    uleb(body.length, out);
    for (const b of body) out.push(b);
    return out;
  }
}

/** Rows and f64x2 column pairs of the register block (3x2 pairs: 6 accumulators, fits 16 xmm registers). */
const RM = 3;
const RV = 2;

/**
 * The module: imports memory `e.m`, exports `gemm(M, N, K, a, lda, b, c, acc)` with byte
 * addresses and strides: C[M,N] (row-major) = A[M,K] (rows lda bytes apart) · B[K,N]
 * (row-major), or C += A·B when acc is nonzero. Each C[i,j] starts from +0 (or its value in C)
 * and adds A[i,k]*B[k,j] for k = 0..K-1 in order, so a product computed in chunks of k gives
 * the bits of the whole one.
 */
export function buildGemmModule(): Uint8Array<ArrayBuffer> {
  const f = new FunctionBuilder([I32, I32, I32, I32, I32, I32, I32, I32]);
  const M = 0;
  const N = 1;
  const K = 2;
  const A = 3;
  const LDA = 4;
  const B = 5;
  const C = 6;
  const ACC = 7;
  const i = f.local(I32);
  const j = f.local(I32);
  const k = f.local(I32);
  const bp = f.local(I32);
  const cp = f.local(I32);
  const ldb = f.local(I32); // N*8: the byte stride of B's and C's rows
  const arow = f.local(I32); // address of A[i, 0]
  const ap: number[] = [];
  for (let r = 0; r < RM; r++) ap.push(f.local(I32));
  const acc: number[] = [];
  for (let x = 0; x < RM * RV; x++) acc.push(f.local(V128));
  const bv: number[] = [];
  for (let x = 0; x < RV; x++) bv.push(f.local(V128));
  const av = f.local(V128);
  const sacc: number[] = [];
  for (let r = 0; r < RM; r++) sacc.push(f.local(F64));
  const sb = f.local(F64);

  f.get(N).i32(3).emit(I32_SHL).set(ldb);

  /** ap[r] = arow + r*lda; bp = B + j*8; k = K. */
  const startK = (rm: number): void => {
    for (let r = 0; r < rm; r++) {
      f.get(arow);
      if (r > 0) f.get(LDA).i32(r).emit(I32_MUL, I32_ADD);
      f.set(ap[r]);
    }
    f.get(B).get(j).i32(3).emit(I32_SHL, I32_ADD).set(bp);
    f.get(K).set(k);
  };
  /** bp += ldb; ap[r] += 8; k -= 1. */
  const stepK = (rm: number): void => {
    f.get(bp).get(ldb).emit(I32_ADD).set(bp);
    for (let r = 0; r < rm; r++) f.get(ap[r]).i32(8).emit(I32_ADD).set(ap[r]);
    f.get(k).i32(1).emit(I32_SUB).set(k);
  };
  /** cp = C + (i*N + j)*8. */
  const startC = (): void => {
    f.get(C).get(i).get(N).emit(I32_MUL).get(j).emit(I32_ADD).i32(3).emit(I32_SHL, I32_ADD).set(cp);
  };
  /** For each of rm rows of the tile at cp: body(r), then cp moves to the next row. */
  const eachRow = (rm: number, body: (r: number) => void): void => {
    startC();
    for (let r = 0; r < rm; r++) {
      body(r);
      if (r + 1 < rm) f.get(cp).get(ldb).emit(I32_ADD).set(cp);
    }
  };

  /** rm rows x rv column pairs at (i, j). */
  const tile = (rm: number, rv: number): void => {
    f.get(ACC).emit(IF, EMPTY);
    eachRow(rm, (r) => {
      for (let w = 0; w < rv; w++) f.get(cp).simdMem(V128_LOAD, 3, 16 * w).set(acc[r * RV + w]);
    });
    f.emit(ELSE);
    for (let r = 0; r < rm; r++) {
      for (let w = 0; w < rv; w++) {
        f.simd(V128_CONST).emit(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).set(acc[r * RV + w]);
      }
    }
    f.emit(END);
    startK(rm);
    f.whileLoop(
      () => f.get(k).emit(I32_EQZ),
      () => {
        for (let w = 0; w < rv; w++) f.get(bp).simdMem(V128_LOAD, 3, 16 * w).set(bv[w]);
        for (let r = 0; r < rm; r++) {
          f.get(ap[r]).simdMem(V128_LOAD64_SPLAT, 3, 0).set(av);
          for (let w = 0; w < rv; w++) {
            const s = acc[r * RV + w];
            f.get(s).get(av).get(bv[w]).simd(F64X2_MUL).simd(F64X2_ADD).set(s);
          }
        }
        stepK(rm);
      },
    );
    eachRow(rm, (r) => {
      for (let w = 0; w < rv; w++) f.get(cp).get(acc[r * RV + w]).simdMem(V128_STORE, 3, 16 * w);
    });
  };

  /** rm rows x the single last column j, in scalar f64. */
  const column = (rm: number): void => {
    f.get(ACC).emit(IF, EMPTY);
    eachRow(rm, (r) => f.get(cp).mem(F64_LOAD, 3, 0).set(sacc[r]));
    f.emit(ELSE);
    for (let r = 0; r < rm; r++) f.emit(F64_CONST, 0, 0, 0, 0, 0, 0, 0, 0).set(sacc[r]);
    f.emit(END);
    startK(rm);
    f.whileLoop(
      () => f.get(k).emit(I32_EQZ),
      () => {
        f.get(bp).mem(F64_LOAD, 3, 0).set(sb);
        for (let r = 0; r < rm; r++) {
          f.get(sacc[r]).get(ap[r]).mem(F64_LOAD, 3, 0).get(sb).emit(F64_MUL, F64_ADD).set(sacc[r]);
        }
        stepK(rm);
      },
    );
    eachRow(rm, (r) => f.get(cp).get(sacc[r]).mem(F64_STORE, 3, 0));
  };

  /** Rows i..i+rm-1, all columns. */
  const rows = (rm: number): void => {
    f.get(A).get(i).get(LDA).emit(I32_MUL, I32_ADD).set(arow);
    f.i32(0).set(j);
    f.whileLoop(
      () => f.get(j).i32(2 * RV).emit(I32_ADD).get(N).emit(I32_GT_S),
      () => {
        tile(rm, RV);
        f.get(j).i32(2 * RV).emit(I32_ADD).set(j);
      },
    );
    f.whileLoop(
      () => f.get(j).i32(2).emit(I32_ADD).get(N).emit(I32_GT_S),
      () => {
        tile(rm, 1);
        f.get(j).i32(2).emit(I32_ADD).set(j);
      },
    );
    f.get(j).get(N).emit(I32_LT_S, IF, EMPTY);
    column(rm);
    f.emit(END);
  };

  f.i32(0).set(i);
  f.whileLoop(
    () => f.get(i).i32(RM).emit(I32_ADD).get(M).emit(I32_GT_S),
    () => {
      rows(RM);
      f.get(i).i32(RM).emit(I32_ADD).set(i);
    },
  );
  f.whileLoop(
    () => f.get(i).get(M).emit(I32_GE_S),
    () => {
      rows(1);
      f.get(i).i32(1).emit(I32_ADD).set(i);
    },
  );

  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, content: number[]): void => {
    out.push(id);
    uleb(content.length, out);
    for (const b of content) out.push(b);
  };
  const name = (s: string, o: number[]): void => {
    uleb(s.length, o);
    for (let x = 0; x < s.length; x++) o.push(s.charCodeAt(x));
  };
  section(1, [1, 0x60, f.params.length, ...f.params, 0]); // type 0: (i32 x8) -> ()
  const imports = [1];
  name('e', imports);
  name('m', imports);
  imports.push(0x02, 0x00, 0x01); // memory, min 1 page, no max
  section(2, imports);
  section(3, [1, 0]); // function 0 has type 0
  const exports = [1];
  name('gemm', exports);
  exports.push(0x00, 0x00);
  section(7, exports);
  section(10, [1, ...f.encode()]);
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------
// The kernel instance and its memory.

interface Kernel {
  gemm: (M: number, N: number, K: number, a: number, lda: number, b: number, c: number, acc: number) => void;
  memory: WebAssembly.Memory;
  /** A view of the whole memory (renewed when it grows). */
  heap: Float64Array;
}

/** undefined: not tried yet; null: WebAssembly SIMD is not available here. */
let kernel: Kernel | null | undefined;
let disabled = false;

const PAGE = 65536;
/** The memory grows up to this many bytes (it never shrinks); larger products are cut into row bands. */
let maxBytes = 16 * 1024 * 1024;

function instantiate(): Kernel | null {
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = buildGemmModule();
    if (!WebAssembly.validate(bytes)) return null;
    const memory = new WebAssembly.Memory({ initial: 16 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory } });
    const gemm = instance.exports.gemm as Kernel['gemm'];
    return { gemm, memory, heap: new Float64Array(memory.buffer) };
  } catch {
    return null;
  }
}

function getKernel(): Kernel | null {
  if (kernel === undefined) kernel = disabled ? null : instantiate();
  return kernel;
}

/**
 * For tests: turns the WebAssembly kernel off (to compare it with the scalar one) or back on, and
 * sets the memory limit (small limits exercise the row bands).
 */
export function setWasmGemmOptions(options: { enabled?: boolean; maxBytes?: number }): void {
  if (options.enabled !== undefined) {
    disabled = !options.enabled;
    kernel = undefined;
  }
  if (options.maxBytes !== undefined) maxBytes = options.maxBytes;
}

/** Whether the WebAssembly SIMD kernel is in use. */
export function wasmGemmAvailable(): boolean {
  return getKernel() !== null;
}

/** Grows the memory to at least `bytes`; false when the engine refuses. */
function ensureBytes(kn: Kernel, bytes: number): boolean {
  const have = kn.memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    kn.memory.grow(Math.ceil((bytes - have) / PAGE));
  } catch {
    return false;
  }
  kn.heap = new Float64Array(kn.memory.buffer);
  return true;
}

/** Copies the rows r0..r0+rows-1 of the strided matrix src into dst[di..] row-major. */
function packRows(
  dst: Float64Array,
  di: number,
  src: Float64Array,
  so: number,
  s0: number,
  s1: number,
  r0: number,
  rows: number,
  cols: number,
): void {
  if (s1 === 1 && s0 === cols) {
    const start = so + r0 * s0;
    dst.set(src.subarray(start, start + rows * cols), di);
    return;
  }
  for (let r = 0; r < rows; r++) {
    let p = so + (r0 + r) * s0;
    if (s1 === 1) {
      dst.set(src.subarray(p, p + cols), di);
      di += cols;
      continue;
    }
    for (let x = 0; x < cols; x++, p += s1) dst[di++] = src[p];
  }
}

/** Rows of B copied for one kernel call: about 32 KB, which stay in the L1 cache while the kernel reads them. */
const B_CHUNK_ELEMS = 4096;

/**
 * C[M,N] (contiguous at c[co..]) = A[M,K]·B[K,N] for strided A and B, on the SIMD kernel.
 * Returns false, having done nothing, when the kernel is not available or the operands do not fit.
 */
export function gemmF64Wasm(
  M: number,
  N: number,
  K: number,
  a: Float64Array,
  ao: number,
  as0: number,
  as1: number,
  b: Float64Array,
  bo: number,
  bs0: number,
  bs1: number,
  c: Float64Array,
  co: number,
): boolean {
  const kn = getKernel();
  if (kn === null) return false;
  // B goes through in chunks of kc rows, each copied right before the kernel call that reads it
  // (the calls after the first add to C: the same sums, continued); A and C in bands of rows.
  const kc = Math.min(K, Math.max(8, Math.floor(B_CHUNK_ELEMS / Math.max(N, 1))));
  const chunkElems = kc * N;
  const rowElems = K + N;
  const maxElems = Math.floor(maxBytes / 8);
  if (chunkElems + rowElems > maxElems) return false;
  const band = Math.min(M, Math.floor((maxElems - chunkElems) / rowElems));
  if (!ensureBytes(kn, (chunkElems + band * rowElems) * 8)) return false;
  const heap = kn.heap;
  // layout (in doubles): the B chunk at 0, the A band after it, the C band after that
  const aAt = chunkElems;
  const cAt = aAt + band * K;
  for (let r0 = 0; r0 < M; r0 += band) {
    const rows = Math.min(band, M - r0);
    packRows(heap, aAt, a, ao, as0, as1, r0, rows, K);
    if (K === 0) kn.gemm(rows, N, 0, aAt * 8, 0, 0, cAt * 8, 0);
    for (let k0 = 0; k0 < K; k0 += kc) {
      const kRows = Math.min(kc, K - k0);
      packRows(heap, 0, b, bo, bs0, bs1, k0, kRows, N);
      kn.gemm(rows, N, kRows, (aAt + k0) * 8, K * 8, 0, cAt * 8, k0 > 0 ? 1 : 0);
    }
    c.set(heap.subarray(cAt, cAt + rows * N), co + r0 * N);
  }
  return true;
}
