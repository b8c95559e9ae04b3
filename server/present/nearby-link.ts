import { translate, type Lang } from '../../core/i18n/translate.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { DEFAULT_NEAR_KM } from '../search/parse-search-query.ts';

/** A record page's way onto the map: the records within a few kilometres of it (itself included). */
export function nearbyLinks(record: ArchiveRecord, lang: Lang): { href: string; label: string }[] | undefined {
  if (record.lat === undefined || record.lon === undefined) return undefined;
  // Five decimals (about a metre): a point derived from a line's middle has more digits than it means.
  const near = [round(record.lat), round(record.lon), DEFAULT_NEAR_KM].join(',');
  return [{ href: `/search?${new URLSearchParams({ near, view: 'map' })}`, label: translate(lang, 'site.record.nearby', { radius: DEFAULT_NEAR_KM }) }];
}

function round(degrees: number): number {
  return Number(degrees.toFixed(5));
}
