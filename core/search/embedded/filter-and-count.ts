/**
 * One pass over the candidate records: apply the year range and facet filters, and count facet
 * values with the multi-select rule (a facet's counts ignore that facet's own filter, so choosing
 * one type still shows how many records the other types have).
 */
import { FACETS, type FacetKey } from '../../schema/facets.ts';
import type { FacetCounts, SearchQuery } from '../types.ts';
import type { FacetColumn } from './facet-column.ts';
import { countByComplement, countsAreCheaperByComplement } from './facet-totals.ts';
import { EAST, LAT, LON, NORTH, PLACE_FIELDS, SOUTH, WEST, type FacetSnapshot } from './facet-snapshot.ts';
import type { TitleSeqs } from './title-first.ts';
import { concat } from './typed-arrays.ts';

export interface FilteredCandidates {
  /** Ordinals of the records that pass every filter, in candidate order. */
  ordinals: Int32Array;
  /** Their text scores (lower is better), parallel to `ordinals`; empty when browsing or ranked title first. */
  scores: Float64Array;
  /** For a text too broad for bm25: its title matches, to rank them first (title-first.ts). */
  titleSeqs?: TitleSeqs;
  /** Per facet (in FACETS order), the count of each value id: what `facets` lists, kept to add to. */
  counts: Int32Array[];
  facets: FacetCounts[];
}

interface ActiveFilter {
  column: FacetColumn;
  /** accepted[valueId] === 1 when the value is selected. */
  accepted: Uint8Array;
  /** The facet's counts. */
  counts: Int32Array;
}

export interface Candidates {
  /** Ordinals matching the text, or undefined for every record. */
  candidates?: Int32Array;
  /** Text scores parallel to `candidates`, or empty when not ranking. */
  scores?: Float64Array;
  /** Only records the public may see by this time (seconds since the epoch); undefined: all. */
  visibleBy?: number;
  /** Without `candidates`: every record from this ordinal on (the records added since a result was counted). */
  firstOrdinal?: number;
}

export function filterAndCount(snapshot: FacetSnapshot, query: SearchQuery, candidates: Candidates = {}): FilteredCandidates {
  const columns = FACETS.map((facet) => snapshot.columns.get(facet.key)!);
  let counts: Int32Array[] = columns.map((column) => new Int32Array(column.values.length));
  const filters = activeFilters(query, columns, counts);
  const { ordinals, scores } = passFilters(snapshot, query, filters, candidates);
  // A facet filter's counts include records failing it alone (counted on the way): only without
  // one are the counts those of the matches, which the snapshot's totals can give from the rest.
  const whole = filters.length === 0 && (candidates.firstOrdinal ?? 0) === 0;
  if (whole && countsAreCheaperByComplement(snapshot, ordinals.length, candidates.visibleBy)) {
    counts = countByComplement(snapshot, ordinals, candidates.visibleBy);
  } else {
    // Counted a facet at a time, not a record at a time: each pass reads three arrays in order.
    columns.forEach((column, f) => countValues(column, counts[f]!, ordinals));
  }
  return { ordinals, scores, counts, facets: listFacets(snapshot, query, counts) };
}

/** The records passing every filter; those failing only one are counted towards that facet's other values on the way. */
function passFilters(snapshot: FacetSnapshot, query: SearchQuery, filters: ActiveFilter[], { candidates, scores, visibleBy, firstOrdinal = 0 }: Candidates): Pick<FilteredCandidates, 'ordinals' | 'scores'> {
  const { dead, visibleFrom, startYears, endYears, places } = snapshot;
  const visibleUpTo = visibleBy ?? Number.POSITIVE_INFINITY;
  const yearFrom = query.yearFrom ?? -(2 ** 31);
  const yearTo = query.yearTo ?? 2 ** 31 - 1;
  const checkYears = query.yearFrom !== undefined || query.yearTo !== undefined;
  const checkPlace = query.bbox !== undefined || query.near !== undefined;
  const total = candidates ? candidates.length : snapshot.size - firstOrdinal;
  const passed = new Int32Array(total);
  const ranked = scores !== undefined && scores.length > 0;
  const passedScores = new Float64Array(ranked ? total : 0);
  let passedCount = 0;

  for (let i = 0; i < total; i++) {
    const ordinal = candidates ? candidates[i]! : firstOrdinal + i;
    if (!candidates && dead[ordinal] === 1) continue;
    if (visibleFrom[ordinal]! > visibleUpTo) continue;
    if (checkYears && !(startYears[ordinal]! <= yearTo && endYears[ordinal]! >= yearFrom)) continue;
    if (checkPlace && !inPlace(places, ordinal, query)) continue;
    let failures = 0;
    let failed: ActiveFilter | undefined;
    for (let f = 0; f < filters.length && failures < 2; f++) {
      if (!hasAcceptedValue(filters[f]!, ordinal)) {
        failed = filters[f];
        failures++;
      }
    }
    if (failures === 0) {
      if (ranked) passedScores[passedCount] = scores[i]!;
      passed[passedCount++] = ordinal;
    } else if (failures === 1) {
      // Fails only its own facet's filter: it still counts towards that facet's other values.
      countValue(failed!, ordinal);
    }
  }

  return { ordinals: passed.subarray(0, passedCount), scores: passedScores.subarray(0, ranked ? passedCount : 0) };
}

/** `earlier` followed by `added` (counted over records added to the snapshot since): one result, as if counted at once. */
export function appendFiltered(snapshot: FacetSnapshot, query: SearchQuery, earlier: FilteredCandidates, added: FilteredCandidates): FilteredCandidates {
  const counts = added.counts.map((own, f) => {
    const sum = new Int32Array(Math.max(own.length, earlier.counts[f]!.length));
    sum.set(earlier.counts[f]!);
    own.forEach((count, id) => (sum[id]! += count));
    return sum;
  });
  return {
    ordinals: concat(Int32Array, earlier.ordinals, added.ordinals),
    scores: concat(Float64Array, earlier.scores, added.scores),
    ...(earlier.titleSeqs && { titleSeqs: earlier.titleSeqs }),
    counts,
    facets: listFacets(snapshot, query, counts),
  };
}

function listFacets(snapshot: FacetSnapshot, query: SearchQuery, counts: Int32Array[]): FacetCounts[] {
  return FACETS.map((facet, f) => facetCounts(facet.key, snapshot.columns.get(facet.key)!, counts[f]!, query.filters[facet.key] ?? []));
}

const EARTH_RADIUS_KM = 6371;

/** Inside the map box (envelopes that touch it; NaN never compares true) and near the point. */
function inPlace(places: Float64Array, ordinal: number, { bbox, near }: SearchQuery): boolean {
  const at = ordinal * PLACE_FIELDS;
  if (bbox && !(places[at + SOUTH]! <= bbox.north && places[at + NORTH]! >= bbox.south && places[at + WEST]! <= bbox.east && places[at + EAST]! >= bbox.west)) {
    return false;
  }
  return !near || haversineKm(near.lat, near.lon, places[at + LAT]!, places[at + LON]!) <= near.radiusKm;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

function activeFilters(query: SearchQuery, columns: FacetColumn[], counts: Int32Array[]): ActiveFilter[] {
  return FACETS.flatMap((facet, facetIndex) => {
    const selected = query.filters[facet.key];
    if (!selected || selected.length === 0) return [];
    const column = columns[facetIndex]!;
    const accepted = new Uint8Array(column.values.length);
    for (const value of selected) {
      const id = column.idOf(value);
      if (id !== undefined) accepted[id] = 1;
    }
    return [{ column, accepted, counts: counts[facetIndex]! }];
  });
}

function hasAcceptedValue({ column, accepted }: ActiveFilter, ordinal: number): boolean {
  for (let k = column.starts[ordinal]!; k < column.ends[ordinal]!; k++) {
    if (accepted[column.ids[k]!] === 1) return true;
  }
  return false;
}

function countValue({ column: { starts, ends, ids }, counts }: ActiveFilter, ordinal: number): void {
  for (let k = starts[ordinal]!; k < ends[ordinal]!; k++) counts[ids[k]!]!++;
}

function countValues({ starts, ends, ids }: FacetColumn, counts: Int32Array, ordinals: Int32Array): void {
  for (let i = 0; i < ordinals.length; i++) {
    const ordinal = ordinals[i]!;
    for (let k = starts[ordinal]!; k < ends[ordinal]!; k++) counts[ids[k]!]!++;
  }
}

/** The most values a facet lists (selected values are listed beyond it). */
export const MAX_FACET_VALUES = 100;

/** Values with a count, most frequent first; selected values are always listed. */
function facetCounts(key: FacetKey, column: FacetColumn, counts: Int32Array, selected: readonly string[]): FacetCounts {
  const chosen = new Set(selected);
  const values = column.values
    .map((value, id) => ({ value, count: counts[id]!, selected: chosen.has(value) }))
    .filter((entry) => entry.count > 0 || entry.selected);
  for (const value of chosen) {
    if (column.idOf(value) === undefined) values.push({ value, count: 0, selected: true });
  }
  values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const listed = values.filter((entry, rank) => rank < MAX_FACET_VALUES || entry.selected);
  return { key, values: listed };
}
