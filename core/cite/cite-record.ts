/**
 * "Cite this record": a record as CSL-JSON (a web resource of the archive, `[EB/OL]` in GB/T 7714),
 * rendered in GB/T 7714-2015 for Chinese scholarship and APA and Chicago in English, and as
 * CSL-JSON, BibTeX and RIS downloads that keep the Chinese text.
 */
import type { Lang } from '../i18n/translate.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import { recordUri } from '../schema/record-statements.ts';
import { CITED_TYPE, citationJs, type CslItem } from './citation-js.ts';

export const CITATION_STYLES = ['gbt7714', 'apa', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const CITATION_DOWNLOADS = { csl: { type: 'application/vnd.citationstyles.csl+json', extension: 'json' }, bibtex: { type: 'application/x-bibtex', extension: 'bib' }, ris: { type: 'application/x-research-info-systems', extension: 'ris' } } as const;
export type CitationDownload = keyof typeof CITATION_DOWNLOADS;

/** GB/T 7714 cites in Chinese, APA and Chicago in English. */
const STYLE_LANG: Record<CitationStyle, Lang> = { gbt7714: 'zh', apa: 'en', chicago: 'en' };
const CSL_LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
/** The CSL style each is rendered with: APA narrowed to web pages renders them as APA does, for a fraction of its engine's memory. */
const CSL_TEMPLATE: Record<CitationStyle, string> = { gbt7714: 'gbt7714', apa: 'apa-webpage', chicago: 'chicago' };

export interface CitationContext {
  publicOrigin: string;
  archiveName: { zh: string; en: string };
  /** The record's datestamp (`YYYY-MM-DDTHH:MM:SSZ`): its last change, the "updated" date of an online resource. */
  modified: string;
  /** The day the citation is made (defaults to today). */
  accessed?: Date;
}

/** The record as a CSL-JSON item in `lang` (its title falls back to the other language). */
export function cslOfRecord(record: ArchiveRecord, lang: Lang, context: CitationContext): CslItem {
  const title = lang === 'zh' ? (record.title_zh ?? record.title_en) : (record.title_en ?? record.title_zh);
  const archive = context.archiveName[lang];
  return {
    id: record.id,
    'citation-key': record.id,
    'citation-label': record.id,
    type: CITED_TYPE,
    title,
    // The archive is the responsible body of its online records ("主要责任者" in GB/T 7714).
    author: [{ literal: archive }],
    issued: { 'date-parts': [dateParts(new Date(context.modified))] },
    accessed: { 'date-parts': [dateParts(context.accessed ?? new Date())] },
    URL: recordUri(context.publicOrigin, record.id),
    language: CSL_LOCALE[lang],
  };
}

/** The bibliography entry in `style`, as plain text (GB/T 7714's `[1] ` numbering removed: a single entry). */
export function formatCitation(record: ArchiveRecord, style: CitationStyle, context: CitationContext): string {
  const lang = STYLE_LANG[style];
  const { Cite } = citationJs();
  const text = new Cite(cslOfRecord(record, lang, context)).format('bibliography', { format: 'text', template: CSL_TEMPLATE[style], lang: CSL_LOCALE[lang] });
  return text.trim().replace(/^\[1\]\s*/, '');
}

/** A download of the citation, in both languages where the format allows one entry per language. */
export function citationFile(record: ArchiveRecord, format: CitationDownload, context: CitationContext): string {
  const { Cite } = citationJs();
  const items = languagesOf(record).map((lang) => {
    const key = `${record.id}-${lang}`;
    return { ...cslOfRecord(record, lang, context), id: key, 'citation-key': key, 'citation-label': key };
  });
  if (format === 'csl') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'ris') return new Cite(items).format('ris', { format: 'text' });
  // BibTeX's month field takes a month, not a day in it.
  const monthly = items.map((item) => ({ ...item, issued: { 'date-parts': [item.issued!['date-parts'][0]!.slice(0, 2)] } }));
  return new Cite(monthly).format('bibtex', { format: 'text' });
}

/** The languages the record has a title in, Chinese first. */
function languagesOf(record: ArchiveRecord): Lang[] {
  return [...(record.title_zh ? (['zh'] as const) : []), ...(record.title_en ? (['en'] as const) : [])];
}

function dateParts(date: Date): number[] {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}
