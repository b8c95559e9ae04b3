/**
 * What a record page adds to `<head>`: schema.org JSON-LD (one block) and OpenGraph properties,
 * so that a link shared anywhere shows the record's title, summary and picture.
 */
import type { Lang } from '../../core/i18n/translate.ts';
import { jsonLdScriptText, schemaOrgOf } from '../../core/linked-data/schema-org.ts';
import { recordUri } from '../../core/schema/record-statements.ts';
import type { RecordReading } from '../services/read-record.ts';
import { derivativeFileName } from '../../core/media/derivatives.ts';
import { mediaUrl } from '../media/media-urls.ts';
import { localText, recordTitle } from './localize.ts';

/** OpenGraph descriptions are cut to what previews show. */
const DESCRIPTION_CHARACTERS = 200;
const OG_LOCALE = { zh: 'zh_CN', en: 'en_US' } as const;

export function presentRecordHead(reading: RecordReading, lang: Lang, publicOrigin: string): { meta: { property: string; content: string }[]; jsonLd: string } {
  const { record, modified } = reading.stored;
  const first = reading.media[0];
  const image = first ? `${publicOrigin}${mediaUrl(first.hash, derivativeFileName('display', 'jpeg'))}` : undefined;
  const description = localText(record, 'description', lang)?.value;
  const url = recordUri(publicOrigin, record.id);
  const meta = [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: recordTitle(record, lang).value },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: OG_LOCALE[lang] },
    { property: 'og:locale:alternate', content: OG_LOCALE[lang === 'zh' ? 'en' : 'zh'] },
    ...(description ? [{ property: 'og:description', content: cut(description) }] : []),
    ...(image ? [{ property: 'og:image', content: image }] : []),
  ];
  const jsonLd = jsonLdScriptText(schemaOrgOf(record, { publicOrigin, collectionById: reading.lookups.collectionById, modified, ...(image && { image }) }));
  return { meta, jsonLd };
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_CHARACTERS ? `${flat.slice(0, DESCRIPTION_CHARACTERS - 1)}…` : flat;
}
