// CPython's set hash table (Objects/setobject.c, 3.11), simulated for sets of numbers so that
// printing and iterating a set gives CPython's order: {3, 1, 2} prints {1, 2, 3}, and the order
// after adds, discards and pops follows the same slots, dummies and resizes.
// Sets holding anything else (strings are hash-randomised in CPython) keep insertion order.

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MINSIZE = 8;
const U64 = (1n << 64n) - 1n;
const HASH_BITS = 61n;
const HASH_MODULUS = (1n << HASH_BITS) - 1n;

/** hash() of an int, float or bool, as CPython computes it (Objects/longobject.c, Python/pyhash.c). */
export function numericHash(v: bigint | number | boolean): bigint | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint') {
    const a = v < 0n ? -v : v;
    let h = a % HASH_MODULUS;
    if (v < 0n) h = -h;
    return h === -1n ? -2n : h;
  }
  if (Number.isNaN(v)) return null;
  if (!Number.isFinite(v)) return v > 0 ? 314159n : -314159n;
  if (Number.isInteger(v)) return numericHash(BigInt(v));
  // _Py_HashDouble: the value's binary digits folded modulo 2**61 - 1.
  let e = 0;
  let m = Math.abs(v);
  while (m >= 1) { m /= 2; e++; }
  while (m < 0.5) { m *= 2; e--; }
  const sign = v < 0 ? -1n : 1n;
  let x = 0n;
  while (m) {
    x = ((x << 28n) & HASH_MODULUS) | (x >> (HASH_BITS - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.trunc(m);
    m -= y;
    x += BigInt(y);
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  const ee = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  x = ((x << ee) & HASH_MODULUS) | (x >> (HASH_BITS - ee));
  x *= sign;
  return x === -1n ? -2n : x;
}

interface Slot {
  /** The element's key in the owning PySet's map; null for a dummy (deleted) slot. */
  key: string | null;
  hash: bigint;
}

export class SetTable {
  slots: (Slot | undefined)[] = new Array(MINSIZE);
  mask = MINSIZE - 1;
  fill = 0;
  used = 0;
  /** Where set.pop() starts looking next. */
  finger = 0;

  /** set_add_entry; the caller has checked that the key is not present. */
  add(key: string, hash: bigint): void {
    const mask = this.mask;
    let i = Number(hash & BigInt(mask));
    let perturb = hash & U64;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const s = this.slots[j];
        if (s === undefined) {
          if (freeslot >= 0) {
            this.used++;
            this.slots[freeslot] = { key, hash };
            return;
          }
          this.fill++;
          this.used++;
          this.slots[j] = { key, hash };
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        // 3.11 keeps the last dummy seen on the probe path (older versions kept the first).
        if (s.key === null) freeslot = j;
        j++;
      } while (probes--);
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  private insertClean(slots: (Slot | undefined)[], mask: number, slot: Slot): void {
    let i = Number(slot.hash & BigInt(mask));
    let perturb = slot.hash & U64;
    for (;;) {
      if (slots[i] === undefined) { slots[i] = slot; return; }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) if (slots[i + j] === undefined) { slots[i + j] = slot; return; }
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  /** set_table_resize. */
  resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size <<= 1;
    const old = this.slots;
    this.slots = new Array(size);
    this.mask = size - 1;
    this.fill = this.used;
    for (const s of old) if (s && s.key !== null) this.insertClean(this.slots, this.mask, s);
  }

  discard(key: string): void {
    const s = this.slots.find((x) => x?.key === key);
    if (!s) return;
    s.key = null;
    s.hash = -1n;
    this.used--;
  }

  /** set.pop(): the key CPython's pop takes (from the finger on), removed. */
  pop(): string | null {
    if (!this.used) return null;
    let i = this.finger & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s && s.key !== null) {
        const key = s.key;
        s.key = null;
        s.hash = -1n;
        this.used--;
        this.finger = i + 1;
        return key;
      }
      i = i + 1 > this.mask ? 0 : i + 1;
    }
  }

  clear(): void {
    this.slots = new Array(MINSIZE);
    this.mask = MINSIZE - 1;
    this.fill = this.used = this.finger = 0;
  }

  /** Keys in table order. */
  keys(): string[] {
    const out: string[] = [];
    for (const s of this.slots) if (s && s.key !== null) out.push(s.key);
    return out;
  }

  entries(): Slot[] {
    return this.slots.filter((s): s is Slot => !!s && s.key !== null);
  }

  /** set_merge: adding all of another table's entries, with its shortcuts for an empty target. */
  merge(other: SetTable, has: (key: string) => boolean): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.slots = other.slots.map((s) => (s ? { ...s } : undefined));
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = this.used = other.used;
      for (const s of other.slots) if (s && s.key !== null) this.insertClean(this.slots, this.mask, { ...s });
      return;
    }
    for (const s of other.entries()) if (!has(s.key as string)) this.add(s.key as string, s.hash);
  }
}
