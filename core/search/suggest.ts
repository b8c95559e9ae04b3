/**
 * Search-as-you-type: the archive's names (titles, places, keywords) reachable by any prefix of
 * their Chinese (simplified or traditional), their pinyin (`tangq` → 塘栖古镇) or their English
 * words. Read from the catalog, so it is the same whichever engine searches, and rebuilt when the
 * catalog changes.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { visibleFrom } from '../catalog/visibility.ts';
import type { Lang } from '../i18n/translate.ts';
import { pinyinSyllables, stripDiacritics, toSimplified } from './chinese-text.ts';

export interface Suggestion {
  /** What to show and what to search for. */
  text: string;
  /** The record it names, when it is a title. */
  recordId?: string;
}

interface Entry {
  key: string;
  text: string;
  recordId?: string;
  /** Lower sorts first (after the reader's script): titles before other names, whole names before later words. */
  rank: number;
  /** From when the public may see the record it comes from (seconds since the epoch; 0 = public). */
  visibleFrom: number;
}

export const MAX_SUGGESTIONS = 8;
const HAN = /\p{Script=Han}/u;

export class Suggester {
  readonly #catalog: Catalog;
  #entries: Entry[] = [];
  #loadedVersion = '';

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  /** Up to `limit` names starting with `prefix` in any of their keys, for the language's reader. */
  suggest(prefix: string, lang: Lang, limit = MAX_SUGGESTIONS): Suggestion[] {
    const key = normalizeKey(prefix);
    if (key.length === 0) return [];
    const entries = this.#currentEntries();
    const found: Entry[] = [];
    const now = Date.now() / 1000;
    // `tang qi` is also looked up as `tangqi`, the form pinyin keys are stored in.
    for (const wanted of new Set([key, key.replaceAll(' ', '')])) {
      for (let i = lowerBound(entries, wanted); i < entries.length && entries[i]!.key.startsWith(wanted); i++) {
        // Names of hidden or still-embargoed records are never suggested.
        if (entries[i]!.visibleFrom <= now) found.push(entries[i]!);
      }
    }
    const wantsChinese = lang === 'zh' || HAN.test(prefix);
    const inWantedScript = (entry: Entry) => Number(HAN.test(entry.text) === wantsChinese);
    found.sort((a, b) => inWantedScript(b) - inWantedScript(a) || a.rank - b.rank || a.text.length - b.text.length);
    const byText = new Map<string, Suggestion>();
    for (const { text, recordId } of found) if (!byText.has(text)) byText.set(text, recordId ? { text, recordId } : { text });
    return [...byText.values()].slice(0, limit);
  }

  #currentEntries(): Entry[] {
    const version = this.#catalog.changeStamp();
    if (version !== this.#loadedVersion) {
      this.#entries = buildEntries(this.#catalog);
      this.#loadedVersion = version;
    }
    return this.#entries;
  }
}

function buildEntries(catalog: Catalog): Entry[] {
  const entries: Entry[] = [];
  for (const batch of catalog.iterateRecords(2000)) {
    for (const { record, visibility } of batch) {
      const from = visibleFrom(visibility);
      const add = (text: string | undefined, rank: number, recordId?: string) => {
        if (!text) return;
        for (const [key, keyRank] of keysOf(text)) entries.push({ key, text, rank: rank + keyRank, visibleFrom: from, ...(recordId && { recordId }) });
      };
      add(record.title_zh, 0, record.id);
      add(record.title_en, 0, record.id);
      for (const name of [record.place_zh, record.place_en, ...(record.keywords_zh ?? []), ...(record.keywords_en ?? [])]) add(name, 10);
    }
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.rank - b.rank));
}

/** Every key a name is found by, with a rank offset: the text itself, its pinyin, each later word. */
function keysOf(text: string): [string, number][] {
  const normalized = normalizeKey(text);
  const keys: [string, number][] = [[normalized, 0]];
  if (HAN.test(text)) keys.push([pinyinSyllables(toSimplified(text)).join(''), 1]);
  else normalized.split(' ').slice(1).forEach((_, index, words) => keys.push([words.slice(index).join(' '), 2]));
  return keys.filter(([key]) => key.length > 0);
}

function normalizeKey(text: string): string {
  return stripDiacritics(toSimplified(text.normalize('NFKC')).toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function lowerBound(entries: Entry[], key: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.key < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
