/**
 * The facets, declared once: both engines count them, the URL parser accepts exactly these keys,
 * and the site renders them in this order.
 */
import type { ArchiveRecord } from './record.ts';
import { PERIODS } from './periods.ts';
import { namedPeriods } from './reconcile-period.ts';
import { PROTECTION_LEVELS, RECORD_TYPES, type Vocabulary } from './vocabularies.ts';

export type FacetKind = 'list' | 'vocabulary' | 'value' | 'hierarchy' | 'boolean';

export interface FacetSpec {
  readonly key: string;
  readonly kind: FacetKind;
  readonly label: { readonly zh: string; readonly en: string };
  /** For vocabulary facets: the entries whose labels are shown. */
  readonly vocabulary?: Vocabulary;
  /** The values a record contributes to this facet. */
  readonly valuesOf: (record: ArchiveRecord) => readonly string[];
}

export const HIERARCHY_SEPARATOR = '/';

export const FACETS = [
  { key: 'collection', kind: 'list', label: { zh: '专题', en: 'Collection' }, valuesOf: (r) => r.collections ?? [] },
  { key: 'type', kind: 'vocabulary', label: { zh: '类型', en: 'Type' }, vocabulary: RECORD_TYPES, valuesOf: (r) => (r.type ? [r.type] : []) },
  { key: 'period', kind: 'vocabulary', label: { zh: '时期', en: 'Period' }, vocabulary: PERIODS, valuesOf: (r) => periodValues(r) },
  { key: 'admin_area', kind: 'hierarchy', label: { zh: '行政区划', en: 'Administrative area' }, valuesOf: (r) => hierarchyValues(r.admin_area) },
  {
    key: 'protection_level',
    kind: 'vocabulary',
    label: { zh: '保护级别', en: 'Protection level' },
    vocabulary: PROTECTION_LEVELS,
    valuesOf: (r) => (r.protection_level ? [r.protection_level] : []),
  },
  { key: 'has_image', kind: 'boolean', label: { zh: '有无图像', en: 'Has image' }, valuesOf: (r) => [r.images?.length ? 'yes' : 'no'] },
] as const satisfies readonly FacetSpec[];

export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((facet) => facet.key);

export function facetSpec(key: FacetKey): FacetSpec {
  return FACETS.find((facet) => facet.key === key)!;
}

/**
 * Periods of the vocabulary are facet values by key (明、清 gives two: `ming`, `qing`), so the
 * facet can be ordered chronologically and labelled in either language; a name outside the
 * vocabulary is its own value.
 */
function periodValues(record: ArchiveRecord): string[] {
  const periods = namedPeriods(record);
  if (periods.length > 0) return periods.map((period) => period.key);
  const name = record.period_zh ?? record.period_en;
  return name ? [name] : [];
}

/**
 * `浙江省/杭州市/临平区` contributes every level (`浙江省`, `浙江省/杭州市`, …), so filtering on a
 * level finds everything below it.
 */
export function hierarchyValues(path: string | undefined): string[] {
  if (!path) return [];
  const parts = path.split(HIERARCHY_SEPARATOR);
  return parts.map((_, depth) => parts.slice(0, depth + 1).join(HIERARCHY_SEPARATOR));
}

export function facetValuesOf(record: ArchiveRecord): Record<FacetKey, readonly string[]> {
  const values = {} as Record<FacetKey, readonly string[]>;
  for (const facet of FACETS) values[facet.key] = facet.valuesOf(record);
  return values;
}
