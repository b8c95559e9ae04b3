/**
 * The timeline of a result set: its period facet counts as bars on one axis (timeline-scale.ts),
 * drawn by the template as inline SVG whose positions are presentation attributes (x, width), so
 * the strict CSP (no style attributes) holds. A table beside it says the same in text and is the
 * part screen readers and keyboards use; the chart is hidden from them.
 */
import { formatYearSpan } from '../../core/i18n/format-year-span.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { PERIODS, periodOrder, type PeriodEntry } from '../../core/schema/periods.ts';
import { formatYear } from '../../core/schema/years.ts';
import type { SearchResult } from '../../core/search/types.ts';
import { searchHref, withOnlyValue } from '../search/search-url.ts';
import { facetValueLabel } from './facet-labels.ts';
import type { SearchContext } from './present-facets.ts';
import { AXIS_END, AXIS_START, axisPosition, scaleBreaks, TIMELINE_SCALE, TIMELINE_TICKS } from './timeline-scale.ts';

/** SVG user units (CSS pixels): one row per period, then the axis. */
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 14;
const TOP = 6;
const AXIS_HEIGHT = 44;
/** A period of a few years (秦, 15 years) still gets a bar that can be seen and clicked. */
const MIN_BAR_SHARE = 0.006;
/** Pixels between a bar and its label. */
const LABEL_GAP = 6;
/** On a phone a label longer than this is cut (`Wuyue kingdom (F… · 2`); the table has the whole name. */
const SHORT_LABEL_LENGTH = 14;

export interface TimelineRowView {
  label: string;
  years: string;
  count: number;
  selected: boolean;
  /** The list of these records: the search with this period as its only period. */
  href: string;
  /** `text` beside the bar: `明 · 15`; `shortText` instead on narrow screens. */
  text: string;
  shortText: string;
  x: string;
  width: string;
  y: number;
  textX: string;
  textY: number;
  /** Labels of bars in the left half read rightwards from the bar's end, the others leftwards from its start. */
  anchor: 'start' | 'end';
  dx: number;
}

export interface TimelineView {
  summary: string;
  scaleNote: string;
  /** No period to show, on the axis or off it. */
  empty: boolean;
  /** The SVG's height, the axis line's position, tick marks and bars, in pixels. */
  height: number;
  axisY: number;
  tickEndY: number;
  tickLabelY: number;
  barHeight: number;
  bands: { x: string; width: string; odd: boolean }[];
  ticks: { x: string; label: string; anchor: 'start' | 'middle' | 'end'; narrow: boolean }[];
  /** The year range in force, shaded behind the bars. */
  range?: { x: string; width: string; height: number };
  rows: TimelineRowView[];
  /** Periods outside the vocabulary: in the table, not on the axis. */
  others: { label: string; count: number; selected: boolean; href: string }[];
}

const VOCABULARY = new Map<string, PeriodEntry>(PERIODS.map((period) => [period.key, period]));

/** The timeline of `result`'s period counts, each bar linking to the list of its records. */
export function presentTimeline(result: SearchResult, context: SearchContext): TimelineView {
  const { path, query, lang, lookups, url } = context;
  const counts = result.facets.find((facet) => facet.key === 'period')?.values ?? [];
  const listHref = (value: string) => searchHref(path, withOnlyValue(query, 'period', value), { ...url, view: 'list' });
  const placed = counts.filter((entry) => VOCABULARY.has(entry.value)).sort((a, b) => periodOrder(a.value) - periodOrder(b.value));
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans' : 'en');
  const others = counts
    .filter((entry) => !VOCABULARY.has(entry.value))
    .map((entry) => ({ label: facetValueLabel('period', entry.value, lang, lookups), count: entry.count, selected: entry.selected, href: listHref(entry.value) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const rows = placed.map((entry, index) => presentRow(VOCABULARY.get(entry.value)!, entry, index, lang, listHref(entry.value)));
  const axisY = TOP + rows.length * ROW_HEIGHT + 4;
  const range = yearRange(query.yearFrom, query.yearTo, axisY);
  const separator = translate(lang, 'site.timeline.points_separator');
  return {
    summary: translate(lang, 'site.timeline.summary', { total: result.total }),
    scaleNote: translate(lang, 'site.timeline.scale_note', { points: scaleBreaks().map((year) => yearWithEra(year, lang)).join(separator) }),
    empty: rows.length === 0 && others.length === 0,
    height: axisY + AXIS_HEIGHT,
    axisY,
    tickEndY: axisY + 5,
    tickLabelY: axisY + 20,
    barHeight: BAR_HEIGHT,
    bands: bands(),
    ticks: TIMELINE_TICKS.map(({ year, narrow }) => {
      const at = axisPosition(year);
      return { x: percent(at), label: tickLabel(year, lang), anchor: at < 0.02 ? 'start' : at > 0.95 ? 'end' : 'middle', narrow };
    }),
    ...(range && { range }),
    rows,
    others,
  };
}

function presentRow(period: PeriodEntry, entry: { count: number; selected: boolean }, index: number, lang: Lang, href: string): TimelineRowView {
  const start = axisPosition(period.start);
  const width = Math.max(MIN_BAR_SHARE, axisPosition(period.end) - start);
  const rightward = start + width / 2 < 0.5;
  const label = period[lang];
  const y = TOP + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  return {
    label,
    years: formatYearSpan(period.start, period.end, lang)!,
    count: entry.count,
    selected: entry.selected,
    href,
    text: translate(lang, 'site.timeline.bar_label', { name: label, count: entry.count }),
    shortText: translate(lang, 'site.timeline.bar_label', { name: shorten(label), count: entry.count }),
    x: percent(start),
    width: percent(width),
    y,
    textX: percent(rightward ? start + width : start),
    textY: y + BAR_HEIGHT - 2,
    anchor: rightward ? 'start' : 'end',
    dx: rightward ? LABEL_GAP : -LABEL_GAP,
  };
}

/** The pieces of the scale, shaded alternately so the changes of scale show. */
function bands(): TimelineView['bands'] {
  let start = 0;
  return TIMELINE_SCALE.map((piece, index) => {
    const band = { x: percent(start), width: percent(piece.share), odd: index % 2 === 1 };
    start += piece.share;
    return band;
  });
}

function yearRange(from: number | undefined, to: number | undefined, height: number): TimelineView['range'] {
  if (from === undefined && to === undefined) return undefined;
  const start = axisPosition(from ?? AXIS_START);
  const end = axisPosition(to ?? AXIS_END);
  return { x: percent(start), width: percent(Math.max(MIN_BAR_SHARE, end - start)), height };
}

/** `公元前3000年` / `3000 BCE`, `1000年` / `1000`; year 1 says its era, as it is where the eras meet. */
function tickLabel(year: number, lang: Lang): string {
  return year === 1 ? yearWithEra(year, lang) : formatYear(year, lang);
}

/** `公元前3000年` / `3000 BCE`, `公元1000年` / `1000 CE`: in a sentence that names both eras, each year says its own. */
function yearWithEra(year: number, lang: Lang): string {
  return year < 0 ? formatYear(year, lang) : translate(lang, 'site.year_ce', { year: String(year) });
}

function shorten(label: string): string {
  const characters = [...label];
  return characters.length > SHORT_LABEL_LENGTH ? `${characters.slice(0, SHORT_LABEL_LENGTH - 1).join('').trimEnd()}…` : label;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(3)}%`;
}
