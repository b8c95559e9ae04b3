/**
 * Which of our settings a live index does not have. Meilisearch answers GET /settings with every
 * setting, defaults filled in and set-like lists sorted, so only the keys (and nested keys) we set
 * are compared, and lists are compared as sets unless their order is their meaning.
 */
import type { Settings } from 'meilisearch';

/** Lists whose order changes search results. */
const ORDERED_LISTS = new Set(['searchableAttributes', 'rankingRules', 'localizedAttributes']);
/** Maps compared whole: a synonym added by hand on the server is drift too. */
const WHOLE_MAPS = new Set(['synonyms']);

/** The names of the settings in `wanted` that `actual` does not match, e.g. `['rankingRules', 'faceting.maxValuesPerFacet']`. */
export function settingsDrift(wanted: Settings, actual: Settings): string[] {
  return Object.entries(wanted).flatMap(([key, value]) => {
    const current = (actual as Record<string, unknown>)[key];
    if (WHOLE_MAPS.has(key)) return canonical([value]).join() === canonical([current]).join() ? [] : [key];
    return differences(key, value, current, ORDERED_LISTS.has(key));
  });
}

function differences(path: string, wanted: unknown, actual: unknown, ordered: boolean): string[] {
  if (Array.isArray(wanted)) return Array.isArray(actual) && sameList(wanted, actual, ordered) ? [] : [path];
  if (isObject(wanted)) {
    if (!isObject(actual)) return [path];
    return Object.entries(wanted).flatMap(([key, value]) => differences(`${path}.${key}`, value, actual[key], false));
  }
  return Object.is(wanted, actual) ? [] : [path];
}

function sameList(wanted: unknown[], actual: unknown[], ordered: boolean): boolean {
  if (wanted.length !== actual.length) return false;
  const [a, b] = [canonical(wanted), canonical(actual)];
  if (!ordered) {
    a.sort();
    b.sort();
  }
  return a.every((item, i) => item === b[i]);
}

function canonical(list: unknown[]): string[] {
  return list.map((item) => JSON.stringify(item ?? null, sortedKeys));
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` compare equal; arrays inside objects are sorted too (attribute patterns, locales). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (Array.isArray(value)) return [...value].sort();
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
