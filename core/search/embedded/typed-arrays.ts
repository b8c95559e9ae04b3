/** Typed-array helpers: growing arrays (capacity doubles, so appending a record at a time costs amortised O(1)) and a binary search. */

type TypedArray = Int32Array | Uint32Array | Float64Array | Uint8Array;

/** `array` itself if it holds `length` elements, else a copy with room for at least that many. */
export function grown<T extends TypedArray>(array: T, length: number, fill?: number): T {
  if (array.length >= length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(length, Math.ceil(array.length * 1.5), 1024));
  if (fill !== undefined) bigger.fill(fill, array.length);
  bigger.set(array);
  return bigger;
}

/** `a` followed by `b`, in a new array. */
export function concat<T extends Int32Array | Float64Array>(Type: new (length: number) => T, a: T, b: T): T {
  const joined = new Type(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Ascending `a` and ascending `b` as one ascending array (a copy, even when one is empty). */
export function mergeAscending(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0 || a.length === 0 || a[a.length - 1]! < b[0]!) return concat(Int32Array, a, b);
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k++) merged[k] = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
  return merged;
}

/** The first position of ascending `ordinals` holding `ordinal` or more (a binary search). */
export function firstAtOrAfter(ordinals: Int32Array, ordinal: number): number {
  let low = 0;
  let high = ordinals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ordinals[middle]! < ordinal) low = middle + 1;
    else high = middle;
  }
  return low;
}
