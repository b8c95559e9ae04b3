/**
 * JSON.parse, except that a number too large for a double (`1e400`, 400 digits) keeps the text
 * it was written as. JSON.parse makes it `Infinity`, which the report would then show as `null`
 * (JSON's spelling of it) — neither what the curator wrote nor a hint of what is wrong. As text,
 * the validator refuses it as a number or a year quoting it exactly, and a text field keeps it.
 */

/** Cheap test first: a 3-digit exponent or a run of 309 digits is the only way to overflow. */
const MIGHT_OVERFLOW = /[eE]\+?\d{3}|\d{309}/;
/** A string literal (skipped, so digits inside text are not numbers) or a number literal. */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!MIGHT_OVERFLOW.test(text)) return value;
  const written = overflowingNumbers(text);
  if (written.length === 0) return value;
  // The reviver meets numbers in the order they are written, so the n-th non-finite one is the n-th overflow.
  let next = 0;
  return JSON.parse(text, (_key, parsed: unknown) => (typeof parsed === 'number' && !Number.isFinite(parsed) ? (written[next++] ?? parsed) : parsed));
}

function overflowingNumbers(text: string): string[] {
  const found: string[] = [];
  for (const [token] of text.matchAll(STRING_OR_NUMBER)) {
    if (token[0] !== '"' && !Number.isFinite(Number(token))) found.push(token);
  }
  return found;
}
