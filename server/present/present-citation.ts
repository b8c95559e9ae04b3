/** The record page's "Cite this record": the three citations shown, and the downloads. */
import { CITATION_DOWNLOADS, CITATION_STYLES, type CitationContext, type CitationDownload } from '../../core/cite/cite-record.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { formatCitations, type CitationsOf } from './citation-cache.ts';
import { itemHref } from './record-summary.ts';

export interface CitationView {
  styles: { label: string; text: string; htmlLang: string }[];
  downloads: { href: string; label: string; type: string }[];
}

const STYLE_LABELS: Record<(typeof CITATION_STYLES)[number], MessageKey> = { gbt7714: 'site.cite.gbt7714', apa: 'site.cite.apa', chicago: 'site.cite.chicago' };
const DOWNLOAD_LABELS: Record<CitationDownload, MessageKey> = { csl: 'site.cite.csl', bibtex: 'site.cite.bibtex', ris: 'site.cite.ris' };

/** The citations in the three styles (through `citationsOf`: the route passes its cache) and the download links. */
export function presentCitation(record: ArchiveRecord, lang: Lang, context: CitationContext, citationsOf: CitationsOf = formatCitations): CitationView {
  const inStyle = citationsOf(record, context);
  return {
    styles: CITATION_STYLES.map((style) => ({
      label: translate(lang, STYLE_LABELS[style]),
      text: inStyle(style),
      htmlLang: style === 'gbt7714' ? 'zh-Hans' : 'en',
    })),
    downloads: (Object.keys(CITATION_DOWNLOADS) as CitationDownload[]).map((format) => ({
      href: citationHref(record.id, format),
      label: translate(lang, DOWNLOAD_LABELS[format]),
      type: CITATION_DOWNLOADS[format].type,
    })),
  };
}

export function citationHref(id: string, format: CitationDownload): string {
  return `${itemHref(id)}/cite.${CITATION_DOWNLOADS[format].extension}`;
}
