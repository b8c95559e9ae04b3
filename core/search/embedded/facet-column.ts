/**
 * One facet's values per record: a dictionary of distinct values, and per ordinal the range
 * `ids[starts[o] .. ends[o])` of value ids. A record that changes gets its new values appended at
 * the end of `ids` (the old ones stay, unused, until the next full load), so records are updated
 * in place without moving anyone else, and counting stays one tight loop.
 */
import { grown } from './typed-arrays.ts';

export interface FacetColumnParts {
  values: string[];
  starts: Uint32Array;
  ends: Uint32Array;
  ids: Int32Array;
}

export class FacetColumn {
  readonly values: string[];
  readonly #idOf: Map<string, number>;
  starts: Uint32Array;
  ends: Uint32Array;
  ids: Int32Array;
  #idCount: number;

  constructor(parts: FacetColumnParts = { values: [], starts: new Uint32Array(0), ends: new Uint32Array(0), ids: new Int32Array(0) }) {
    this.values = parts.values;
    this.#idOf = new Map(parts.values.map((value, id) => [value, id]));
    this.starts = parts.starts;
    this.ends = parts.ends;
    this.ids = parts.ids;
    this.#idCount = parts.ids.length;
  }

  idOf(value: string): number | undefined {
    return this.#idOf.get(value);
  }

  /** Makes room for `ordinals` records. */
  reserve(ordinals: number): void {
    this.starts = grown(this.starts, ordinals);
    this.ends = grown(this.ends, ordinals);
  }

  /** Sets the values of `ordinal` (within the reserved room): in place when their number is unchanged. */
  set(ordinal: number, values: readonly string[]): void {
    const start = this.starts[ordinal]!;
    if (this.ends[ordinal]! - start === values.length) {
      values.forEach((value, i) => (this.ids[start + i] = this.#idFor(value)));
      return;
    }
    this.ids = grown(this.ids, this.#idCount + values.length);
    this.starts[ordinal] = this.#idCount;
    for (const value of values) this.ids[this.#idCount++] = this.#idFor(value);
    this.ends[ordinal] = this.#idCount;
  }

  #idFor(value: string): number {
    let id = this.#idOf.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.#idOf.set(value, id);
    }
    return id;
  }

  /** The column as plain arrays, cut to `ordinals` records (for a worker's transfer or the snapshot file). */
  parts(ordinals: number): FacetColumnParts {
    return { values: this.values, starts: this.starts.subarray(0, ordinals), ends: this.ends.subarray(0, ordinals), ids: this.ids.subarray(0, this.#idCount) };
  }
}
