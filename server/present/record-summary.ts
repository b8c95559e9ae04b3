/** The short facts shown wherever a record is listed: type, period, place. */
import { formatYearSpan } from '../../core/i18n/format-year-span.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { HIERARCHY_SEPARATOR } from '../../core/schema/facets.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { RECORD_TYPES } from '../../core/schema/vocabularies.ts';
import { areaLabel } from './facet-labels.ts';
import { HTML_LANG, localText, recordTitle, type LocalText } from './localize.ts';

export interface RecordSummary {
  href: string;
  title: LocalText;
  typeLabel?: string;
  period?: LocalText;
  place?: LocalText;
}

export function itemHref(id: string): string {
  return `/items/${encodeURIComponent(id)}`;
}

export function typeLabel(record: ArchiveRecord, lang: Lang): string | undefined {
  return record.type && RECORD_TYPES.find((entry) => entry.key === record.type)?.[lang];
}

/**
 * `明（1368年–1644年）` / `Ming dynasty (1368–1644)`; the name or the years alone when only one
 * is known. The name may be in the other language (then marked by the caller).
 */
export function periodText(record: ArchiveRecord, lang: Lang): LocalText | undefined {
  const name = localText(record, 'period', lang);
  const span = formatYearSpan(record.start_year, record.end_year, lang);
  if (name && span) return { ...name, value: translate(lang, 'site.record.period_with_years', { name: name.value, years: span }) };
  if (name) return name;
  return span === undefined ? undefined : { value: span, htmlLang: lang === 'zh' ? 'zh-Hans' : 'en', fallback: false };
}

/** The place name, or the most precise level of the admin area (in English on English pages) when there is none. */
export function placeText(record: ArchiveRecord, lang: Lang): LocalText | undefined {
  const place = localText(record, 'place', lang);
  if (place) return place;
  const level = record.admin_area?.split(HIERARCHY_SEPARATOR).at(-1);
  return level === undefined ? undefined : { value: areaLabel(level, lang), htmlLang: HTML_LANG[lang], fallback: false };
}

/** The facts every listing of a record shows. */
export function summarizeRecord(record: ArchiveRecord, lang: Lang): RecordSummary {
  return {
    href: itemHref(record.id),
    title: recordTitle(record, lang),
    ...optional('typeLabel', typeLabel(record, lang)),
    ...optional('period', periodText(record, lang)),
    ...optional('place', placeText(record, lang)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
