/**
 * A record's span of years as people write it. Years are integers, negative for BCE (see
 * core/schema/years.ts). The era is written once when both ends share it and at both ends when
 * the span crosses from BCE to CE:
 *
 * | span            | zh                      | en               |
 * |-----------------|-------------------------|------------------|
 * | -3300 … -2300   | 公元前3300年–前2300年   | 3300–2300 BCE    |
 * | -221 … 8        | 公元前221年–公元8年     | 221 BCE – 8 CE   |
 * | 1368 … 1644     | 1368年–1644年           | 1368–1644        |
 * | 1489 … 1489     | 1489年                  | 1489             |
 * | 1949 … 2100     | 1949年至今              | 1949 – present   |
 *
 * The last year the schema accepts (LATEST_YEAR) stands for "still going": the period vocabulary
 * ends open periods (中华人民共和国) there.
 */
import { formatYear, LATEST_YEAR } from '../schema/years.ts';
import type { Lang } from './translate.ts';

/** An en dash, as both style guides use for ranges. */
const DASH = '–';

/**
 * Formats `start`–`end` for `lang`; a single year when they are equal or one of them is missing,
 * and undefined when both are.
 */
export function formatYearSpan(start: number | undefined, end: number | undefined, lang: Lang): string | undefined {
  if (start === undefined && end === undefined) return undefined;
  if (start === undefined || end === undefined || start === end) return formatYear((start ?? end)!, lang);
  if (end === LATEST_YEAR) return lang === 'zh' ? `${formatYear(start, lang)}至今` : `${formatYear(start, lang)} ${DASH} present`;
  return lang === 'zh' ? zhSpan(start, end) : enSpan(start, end);
}

function zhSpan(start: number, end: number): string {
  if (start < 0 && end < 0) return `公元前${-start}年${DASH}前${-end}年`;
  if (start < 0) return `公元前${-start}年${DASH}公元${end}年`;
  return `${start}年${DASH}${end}年`;
}

function enSpan(start: number, end: number): string {
  if (start < 0 && end < 0) return `${-start}${DASH}${-end} BCE`;
  if (start < 0) return `${-start} BCE ${DASH} ${end} CE`;
  return `${start}${DASH}${end}`;
}
