/** One search hit: highlighted title and snippet (already escaped by the engine), short facts, a thumbnail slot. */
import escapeHtml from 'escape-html';
import type { Lang } from '../../core/i18n/translate.ts';
import type { SearchHit } from '../../core/search/types.ts';
import type { ThumbnailView } from '../media/present-thumbnail.ts';
import { HTML_LANG, localValue, otherLang, type LocalText } from './localize.ts';
import { summarizeRecord, type RecordSummary } from './record-summary.ts';

export interface HitView extends RecordSummary {
  /** HTML with `<mark>`: the engine escaped the record's text before marking it. */
  titleHtml: LocalText;
  snippetHtml?: LocalText;
  /** The first photograph's thumbnail; the hit template renders it only when set. */
  media?: ThumbnailView;
}

/** A hit in the visitor's language, its title and snippet falling back to the other language. */
export function presentHit(hit: SearchHit, lang: Lang, thumbnail?: ThumbnailView): HitView {
  const summary = summarizeRecord(hit.record, lang);
  const { highlights } = hit;
  const titleHtml = localValue(highlights[`title_${lang}`], highlights[`title_${otherLang(lang)}`], lang) ?? {
    // A record with neither title is listed by its id; the engine only marks titles it has.
    value: escapeHtml(summary.title.value),
    htmlLang: HTML_LANG[lang],
    fallback: false,
  };
  const snippetHtml = localValue(highlights[`snippet_${lang}`], highlights[`snippet_${otherLang(lang)}`], lang);
  return { ...summary, titleHtml, ...(snippetHtml && { snippetHtml }), ...(thumbnail && { media: thumbnail }) };
}
