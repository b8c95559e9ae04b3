/** Edit distance for typo tolerance and "did you mean", in both engines. */

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of adjacent
 * letters), giving up past `limit`. Strings compare by UTF-16 unit; pass arrays of characters to
 * compare Chinese (or any astral text) character by character.
 */
export function editDistance(a: string | readonly string[], b: string | readonly string[], limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}
