/** Column kinds of the grid model's struct-of-arrays tables, and growable builders for them. */

export type ColumnKind = 'f64' | 'f32' | 'i32' | 'u8' | 'text';

export type ArrayOf<K extends ColumnKind> = K extends 'f64'
  ? Float64Array
  : K extends 'f32'
    ? Float32Array
    : K extends 'i32'
      ? Int32Array
      : K extends 'u8'
        ? Uint8Array
        : string[];

export type ValueOf<K extends ColumnKind> = K extends 'text' ? string : number;

export type ColumnArray = Float64Array | Float32Array | Int32Array | Uint8Array | string[];

/** Allocates an empty column of `size` rows for `kind`. */
export function allocColumn(kind: ColumnKind, size: number): ColumnArray {
  switch (kind) {
    case 'f64':
      return new Float64Array(size);
    case 'f32':
      return new Float32Array(size);
    case 'i32':
      return new Int32Array(size);
    case 'u8':
      return new Uint8Array(size);
    case 'text':
      return new Array<string>(size).fill('');
  }
}

type NumericArray = Float64Array | Float32Array | Int32Array | Uint8Array;
type NumericCtor = { new (n: number): NumericArray };

/** A typed array that doubles its capacity as rows are pushed. */
export class GrowableColumn {
  private data: NumericArray | string[];
  length = 0;

  constructor(
    readonly kind: ColumnKind,
    initialCapacity = 1024,
  ) {
    this.data = allocColumn(kind, Math.max(16, initialCapacity));
  }

  push(value: number | string): void {
    if (this.length === this.data.length) this.grow();
    (this.data as unknown as (number | string)[])[this.length++] = value;
  }

  private grow(): void {
    const capacity = this.data.length * 2;
    if (Array.isArray(this.data)) {
      this.data.length = capacity;
      return;
    }
    const next = new (this.data.constructor as NumericCtor)(capacity);
    next.set(this.data);
    this.data = next;
  }

  /** The filled part, trimmed to `length` (a copy for typed arrays). */
  finish(): ColumnArray {
    if (Array.isArray(this.data)) return this.data.slice(0, this.length);
    return this.data.slice(0, this.length);
  }
}

/** Growable Float64 buffer for flat [lon, lat, lon, lat, ...] coordinates. */
export class GrowableCoords {
  private data = new Float64Array(4096);
  length = 0;

  push(lon: number, lat: number): void {
    if (this.length + 2 > this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = lon;
    this.data[this.length++] = lat;
  }

  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
