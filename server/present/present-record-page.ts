/**
 * The record page: every field of the record, labelled in the visitor's language. Bilingual
 * fields show the visitor's language and fall back to the other (marked); the other language's
 * title and description are shown as well, so nothing a curator wrote is hidden.
 */
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { hierarchyValues } from '../../core/schema/facets.ts';
import type { Geometry } from '../../core/schema/geometry.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { PROTECTION_LEVELS } from '../../core/schema/vocabularies.ts';
import type { Lookups } from '../catalog-lookups.ts';
import { presentIiifLink, type IiifLinkView } from '../iiif/present-iiif-link.ts';
import type { RecordReading } from '../services/read-record.ts';
import { collectionHref, collectionTitle } from './collection-text.ts';
import { formatCoordinates } from './format-coordinates.ts';
import { nearbyLinks } from './nearby-link.ts';
import { hierarchyLevelLabel } from './facet-labels.ts';
import { HTML_LANG, localList, localText, otherLang, recordTitle, type LocalText } from './localize.ts';
import { itemHref, periodText, summarizeRecord, typeLabel, type RecordSummary } from './record-summary.ts';

export interface LinkView {
  href: string;
  label: string;
  htmlLang?: string;
}

export interface FieldRow {
  label: string;
  text?: string;
  links?: LinkView[];
  /** Links that read as a path (浙江省 › 杭州市 › 临平区) rather than a list. */
  trail?: boolean;
  /** The language of the value, when it is not the page's. */
  htmlLang?: string;
  /** The value is in the other language because the record lacks the visitor's. */
  fallback?: boolean;
}

export interface RecordPageView {
  title: LocalText;
  /** The title in the other language, when the record has both. */
  otherTitle?: LocalText;
  description?: LocalText;
  /** The description in the other language, when the record has both. */
  otherDescription?: LocalText;
  rows: FieldRow[];
  related: RecordSummary[];
  permalink: string;
  /** The record's IIIF manifest, linked by the drag-and-drop convention. */
  iiif: IiifLinkView;
  /**
   * Images slot: undefined until the media work (server/media, views/partials/media) fills it;
   * the record template renders it only when set.
   */
  media?: unknown;
}

/**
 * @param reading what `readRecord` found: the record, the related records it may show, lookups
 * @param publicOrigin the archive's public origin (`Config.publicOrigin`), for the permanent URL
 */
export function presentRecordPage(reading: Pick<RecordReading, 'stored' | 'related' | 'lookups'>, lang: Lang, publicOrigin: string): RecordPageView {
  const { stored, related, lookups } = reading;
  const { record } = stored;
  const title = recordTitle(record, lang);
  const description = localText(record, 'description', lang);
  const otherTitle = inOtherLanguage(record, 'title', lang, title);
  const otherDescription = inOtherLanguage(record, 'description', lang, description);
  const permalink = `${publicOrigin}${itemHref(record.id)}`;
  return {
    title,
    ...(otherTitle && { otherTitle }),
    ...(description && { description }),
    ...(otherDescription && { otherDescription }),
    rows: fieldRows(stored, lang, lookups, permalink),
    related: related.map((entry) => summarizeRecord(entry.record, lang)),
    permalink,
    iiif: presentIiifLink(record.id, lang, publicOrigin),
    media: undefined,
  };
}

/** The other language's text, unless it is already what the page shows as a fallback. */
function inOtherLanguage(record: ArchiveRecord, stem: 'title' | 'description', lang: Lang, shown: LocalText | undefined): LocalText | undefined {
  const other = otherLang(lang);
  const value = record[`${stem}_${other}`];
  return value === undefined || shown?.fallback ? undefined : { value, htmlLang: HTML_LANG[other], fallback: false };
}

/** The field list, in a fixed order; fields the record lacks are left out. */
function fieldRows({ record, modified }: StoredRecord, lang: Lang, lookups: Lookups, permalink: string): FieldRow[] {
  const row = (key: MessageKey, value: string | LocalText | undefined): FieldRow | undefined => {
    if (value === undefined) return undefined;
    const label = translate(lang, key);
    if (typeof value === 'string') return { label, text: value };
    return { label, text: value.value, ...(value.fallback && { htmlLang: value.htmlLang, fallback: true }) };
  };
  const links = (key: MessageKey, items: LinkView[] | undefined, extra: Partial<FieldRow> = {}): FieldRow | undefined =>
    items && items.length > 0 ? { label: translate(lang, key), links: items, ...extra } : undefined;
  const keywords = localList(record, lang);
  const rows = [
    row('site.field.id', record.id),
    row('site.field.identifier', record.identifier),
    row('site.field.type', typeLabel(record, lang)),
    row('site.field.period', periodText(record, lang)),
    row('site.field.place', localText(record, 'place', lang)),
    links('site.field.admin_area', adminAreaLinks(record, lang), { trail: true }),
    row('site.field.coordinates', coordinatesText(record, lang)),
    links('site.field.nearby', nearbyLinks(record, lang)),
    row('site.field.geometry', record.geometry && geometryText(record.geometry, lang)),
    links(
      'site.field.keywords',
      keywords?.value.map((word) => ({ href: `/search?q=${encodeURIComponent(word)}`, label: word, htmlLang: keywords.htmlLang })),
      keywords?.fallback ? { fallback: true } : {},
    ),
    row('site.field.protection_level', PROTECTION_LEVELS.find((entry) => entry.key === record.protection_level)?.[lang]),
    links('site.field.collections', record.collections?.map((id) => collectionLink(id, lang, lookups))),
    row('site.field.source', record.source),
    row('site.field.rights', record.rights),
    row('site.field.updated', modified.slice(0, 10)),
    links('site.field.permalink', [{ href: permalink, label: permalink }]),
  ];
  return rows.filter((entry) => entry !== undefined);
}

/** `30.48° N, 120.19° E`, saying so when the position was read from a photograph's GPS data. */
function coordinatesText(record: ArchiveRecord, lang: Lang): string | undefined {
  if (record.lat === undefined || record.lon === undefined) return undefined;
  const coordinates = formatCoordinates(record.lat, record.lon, lang);
  return record.coordinates_source === 'photograph' ? translate(lang, 'site.record.coordinates_from_photo', { coordinates }) : coordinates;
}

/** What the shape is, until maps draw it (a later issue): `Line (12 points)`. */
function geometryText(geometry: Geometry, lang: Lang): string {
  switch (geometry.type) {
    case 'Point':
      return formatCoordinates(geometry.coordinates[1], geometry.coordinates[0], lang);
    case 'LineString':
      return translate(lang, 'site.record.geometry_line', { points: geometry.coordinates.length });
    case 'MultiLineString':
      return translate(lang, 'site.record.geometry_lines', { lines: geometry.coordinates.length, points: geometry.coordinates.flat().length });
  }
}

/** Each level of the admin area (in English on English pages), linking to the records at and below it. */
function adminAreaLinks(record: ArchiveRecord, lang: Lang): LinkView[] | undefined {
  return hierarchyValues(record.admin_area).map((level) => ({
    href: `/search?admin_area=${encodeURIComponent(level)}`,
    label: hierarchyLevelLabel(level, lang),
    htmlLang: HTML_LANG[lang],
  }));
}

function collectionLink(id: string, lang: Lang, lookups: Lookups): LinkView {
  const collection = lookups.collectionById.get(id);
  const title = collection ? collectionTitle(collection, lang) : { value: id, htmlLang: HTML_LANG[lang] };
  return { href: collectionHref(id), label: title.value, htmlLang: title.htmlLang };
}
