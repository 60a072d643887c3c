/**
 * Reuse of large Float32Array buffers between training steps. A fresh typed array of tens of MB
 * costs page faults and kernel zeroing on every step (V8 allocates big arrays straight from the
 * OS), which the profile of one GraphSAGE layer at 60K nodes showed as a large share of the
 * step; PyTorch's allocator avoids it by keeping freed blocks. Buffers return here only from
 * places that know they are dead: intermediate gradients after backward, and op outputs when
 * their `tensorScope` ends.
 */

/** Buffers shorter than this are left to the garbage collector (cheap to allocate). */
const MIN_POOLED_LENGTH = 1 << 14;
/** Upper bound on memory kept idle in the pool, in float32 elements (1 GiB). */
const MAX_IDLE_ELEMENTS = 1 << 28;

const idle = new Map<number, Float32Array[]>();
let idleElements = 0;

/** A zero-filled buffer of `length` elements, reused when one is idle. */
export function allocateFloat32(length: number): Float32Array {
  if (length >= MIN_POOLED_LENGTH) {
    const free = idle.get(length);
    const reused = free?.pop();
    if (reused) {
      idleElements -= length;
      return reused.fill(0);
    }
  }
  return new Float32Array(length);
}

/** Hands a buffer back; the caller must hold no other live reference to it. */
export function releaseFloat32(buffer: Float32Array): void {
  const length = buffer.length;
  if (length < MIN_POOLED_LENGTH || buffer.byteOffset !== 0 || buffer.buffer.byteLength !== length * 4)
    return;
  if (idleElements + length > MAX_IDLE_ELEMENTS) return;
  let free = idle.get(length);
  if (!free) {
    free = [];
    idle.set(length, free);
  }
  free.push(buffer);
  idleElements += length;
}

/** Idle buffers and their size, for tests and diagnostics. */
export function bufferPoolStats(): { buffers: number; idleBytes: number } {
  let buffers = 0;
  for (const list of idle.values()) buffers += list.length;
  return { buffers, idleBytes: idleElements * 4 };
}

/** Drops every idle buffer (e.g. after training, to return the memory). */
export function clearBufferPool(): void {
  idle.clear();
  idleElements = 0;
}
