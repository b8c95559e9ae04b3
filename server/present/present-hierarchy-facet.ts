/**
 * A hierarchy facet (the admin area) as a drill-down: the top level to start with; once a level
 * is chosen, a trail of the levels above it (each selectable, the chosen one removable) and only
 * the next level's values, with their counts. The engine counts every level of every record's
 * path (`浙江省`, `浙江省/杭州市`, …) and a facet's counts ignore its own filter, so a child's
 * count is exactly what choosing it returns.
 */
import type { FacetCounts, FacetValueCount } from '../../core/search/types.ts';
import { HIERARCHY_SEPARATOR } from '../../core/schema/facets.ts';
import { searchHref, toggleFilter, withOnlyValue, withoutFacet } from '../search/search-url.ts';
import { areaLabel, hierarchyLevelLabel, hierarchyPath } from './facet-labels.ts';
import type { FacetValueView, SearchContext } from './present-facets.ts';

export interface TrailCrumbView {
  label: string;
  /** Selects this level (the levels above the chosen one). */
  href?: string;
  /** The chosen level: the link that goes one level up. */
  removeHref?: string;
  count?: number;
}

export interface HierarchyTrailView {
  /** Every level: the filter removed. */
  allHref: string;
  crumbs: TrailCrumbView[];
}

/** The values to list and, when one level is chosen, the trail to it. */
export function presentHierarchyFacet(counts: FacetCounts, { path, query, url, lang }: SearchContext): { values: FacetValueView[]; trail?: HierarchyTrailView } {
  const key = counts.key;
  const selected = query.filters[key] ?? [];
  const link = (value: string, count: number): FacetValueView => ({
    value,
    label: hierarchyLevelLabel(value, lang),
    title: hierarchyPath(value, lang),
    count,
    selected: false,
    href: searchHref(path, withOnlyValue(query, key, value), url),
    depth: 0,
  });
  if (selected.length === 0) {
    return { values: counts.values.filter((entry) => depthOf(entry.value) === 0).map((entry) => link(entry.value, entry.count)) };
  }
  if (selected.length > 1) {
    // Several levels at once (a hand-made URL): each is listed as chosen, removable on its own.
    return {
      values: selected.map((value) => ({
        value,
        label: hierarchyPath(value, lang),
        count: countOf(counts.values, value) ?? 0,
        selected: true,
        href: searchHref(path, toggleFilter(query, key, value), url),
        depth: 0,
      })),
    };
  }
  const chosen = selected[0]!;
  const levels = chosen.split(HIERARCHY_SEPARATOR);
  const crumbs: TrailCrumbView[] = levels.map((level, depth) => {
    const label = areaLabel(level, lang);
    const value = levels.slice(0, depth + 1).join(HIERARCHY_SEPARATOR);
    if (depth < levels.length - 1) return { label, href: searchHref(path, withOnlyValue(query, key, value), url) };
    const parent = levels.slice(0, depth).join(HIERARCHY_SEPARATOR);
    const up = parent ? withOnlyValue(query, key, parent) : withoutFacet(query, key);
    const count = countOf(counts.values, value);
    return { label, removeHref: searchHref(path, up, url), ...(count !== undefined && { count }) };
  });
  const childDepth = levels.length;
  const children = counts.values.filter((entry) => entry.value.startsWith(chosen + HIERARCHY_SEPARATOR) && depthOf(entry.value) === childDepth);
  return {
    values: children.map((entry) => link(entry.value, entry.count)),
    trail: { allHref: searchHref(path, withoutFacet(query, key), url), crumbs },
  };
}

function depthOf(value: string): number {
  return value.split(HIERARCHY_SEPARATOR).length - 1;
}


function countOf(values: readonly FacetValueCount[], value: string): number | undefined {
  return values.find((entry) => entry.value === value)?.count;
}
