/**
 * The period facet's values are the records' Chinese period names (English when there is none;
 * see core/schema/facets.ts). This reads back both names for each value, so the site can label a
 * period facet in either language.
 */
import type { Catalog } from './catalog.ts';

export interface PeriodLabel {
  zh?: string;
  en?: string;
}

/**
 * Each period facet value with its Chinese and English names, the pair most records use when
 * curators spelled a period's other name in more than one way.
 */
export function readPeriodLabels(catalog: Catalog): Map<string, PeriodLabel> {
  const rows = catalog.periodNames();
  // Ascending by count: the most common spelling is set last and wins.
  return new Map(rows.map((row) => [row.value, { ...(row.zh && { zh: row.zh }), ...(row.en && { en: row.en }) }]));
}
