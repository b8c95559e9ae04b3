/**
 * Highlights and snippets as HTML-safe strings: the record's text is escaped first, then the
 * matched spans are wrapped in `<mark>`, so markup in a record can never become markup on a page.
 */
import escapeHtml from 'escape-html';
import { toSimplified } from './chinese-text.ts';
import { foldHanVariants } from './han-variants/fold-han-variants.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import type { QueryTerm } from './tokenizer.ts';
import type { Highlights } from './types.ts';

const SNIPPET_LENGTH = 160;
const SNIPPET_LEAD = 40;

type Span = [start: number, end: number];

/** A hit's highlighted titles and snippets, in every language the record has them. */
export function highlightsOf(record: ArchiveRecord, terms: readonly QueryTerm[]): Highlights {
  const highlights: Highlights = {};
  if (record.title_zh) highlights.title_zh = highlight(record.title_zh, terms);
  if (record.title_en) highlights.title_en = highlight(record.title_en, terms);
  if (record.description_zh) highlights.snippet_zh = snippet(record.description_zh, terms);
  if (record.description_en) highlights.snippet_en = snippet(record.description_en, terms);
  return highlights;
}

/** The whole text, escaped, with every match of `terms` marked. */
export function highlight(text: string, terms: readonly QueryTerm[]): string {
  return markSpans(text, matchSpans(text, terms), 0, text.length);
}

/**
 * About 160 characters of `text` around its first match, escaped and marked, with `…` where
 * text was cut; the opening of the text when nothing matches.
 */
export function snippet(text: string, terms: readonly QueryTerm[]): string {
  const spans = matchSpans(text, terms);
  const first = spans[0]?.[0] ?? 0;
  const start = first > SNIPPET_LEAD + 20 ? safeBoundary(text, first - SNIPPET_LEAD) : 0;
  const end = Math.min(text.length, safeBoundary(text, start + SNIPPET_LENGTH));
  return `${start > 0 ? '…' : ''}${markSpans(text, spans, start, end)}${end < text.length ? '…' : ''}`;
}

/** One pattern per list of terms: a search passes the same list for every field of every hit. */
const patterns = new WeakMap<readonly QueryTerm[], RegExp>();

function patternOf(terms: readonly QueryTerm[]): RegExp {
  let pattern = patterns.get(terms);
  if (!pattern) {
    const alternatives = terms.map((term) =>
      term.kind === 'latin' ? `(?<![\\p{L}\\p{N}])${escapeRegExp(stem(term.text))}` : escapeRegExp(term.text),
    );
    pattern = new RegExp(alternatives.join('|'), 'giu');
    patterns.set(terms, pattern);
  }
  return pattern;
}

function matchSpans(text: string, terms: readonly QueryTerm[]): Span[] {
  if (terms.length === 0) return [];
  const pattern = patternOf(terms);
  // Terms are in the search form; match against the text folded the same way when folding keeps
  // every character in place (it nearly always does), so 塘棲 and 重簷 are marked for 塘栖 and 重檐.
  const folded = foldHanVariants(toSimplified(text));
  const searchable = folded.length === text.length ? folded : text;
  const spans: Span[] = [...searchable.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
  return mergeSpans(spans);
}

/** A rough English stem, so `bridges` marks "bridge" as the stemmed index matched it. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:es|s|ing|ed)$/, '') : word;
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function markSpans(text: string, spans: readonly Span[], from: number, to: number): string {
  let html = '';
  let cursor = from;
  for (const [start, end] of spans) {
    if (end <= from || start >= to) continue;
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    html += `${escapeHtml(text.slice(cursor, markStart))}<mark>${escapeHtml(text.slice(markStart, markEnd))}</mark>`;
    cursor = markEnd;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** Never cut a surrogate pair in half. */
function safeBoundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
