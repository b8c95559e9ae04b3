/**
 * Meilisearch filter expressions. Values always travel as double-quoted strings with `\` and `"`
 * escaped, so a facet value from a URL (`a" OR type = "x`, `OR`, a backslash, a newline) is one
 * string to compare against and can never add a condition.
 *
 * Meilisearch's parser (filter-parser `value.rs`) reads a quoted value up to the first `"` not
 * preceded by `\`, turns `\"` into `"`, then unescapes the rest (`\\` → `\`). Escaping `\` first
 * and `"` second is the exact inverse.
 */

/** `bridge` → `"bridge"`; `a"b\c` → `"a\"b\\c"`. */
export function quoteFilterValue(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** `attribute = "value"` with the value quoted and escaped. */
export function equalsFilter(attribute: string, value: string): string {
  return `${attribute} = ${quoteFilterValue(value)}`;
}

/** A whole number as a filter literal; anything else is a programming error, not a query to send. */
export function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected an integer for a filter but received ${value}`);
  return String(value);
}

/** A finite decimal for a numeric filter (coordinates); never exponent notation. */
export function decimalLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`expected a finite number for a filter but received ${value}`);
  return value.toFixed(7).replace(/\.?0+$/, '');
}
