/** Orders filtered matches by the query's sort and returns the ordinals of the requested page. */
import type { SearchQuery } from '../types.ts';
import type { FacetSnapshot } from './facet-snapshot.ts';
import type { FilteredCandidates } from './filter-and-count.ts';

export function pageOfMatches(snapshot: FacetSnapshot, matches: FilteredCandidates, query: SearchQuery): number[] {
  const { ordinals } = matches;
  const positions = Array.from(ordinals.keys());
  const compare = comparator(snapshot, matches, query);
  if (compare) positions.sort(compare);
  const offset = (query.page - 1) * query.pageSize;
  return positions.slice(offset, offset + query.pageSize).map((position) => ordinals[position]!);
}

type PositionComparator = (a: number, b: number) => number;

/** Undefined means "keep candidate order" (catalog order when browsing). */
function comparator(snapshot: FacetSnapshot, { ordinals, scores }: FilteredCandidates, query: SearchQuery): PositionComparator | undefined {
  const titles = () => snapshot.titleRanks(query.lang);
  switch (query.sort) {
    case 'relevance':
      return scores.length > 0 ? (a, b) => scores[a]! - scores[b]! || ordinals[a]! - ordinals[b]! : undefined;
    case 'title': {
      const ranks = titles();
      return (a, b) => ranks[ordinals[a]!]! - ranks[ordinals[b]!]!;
    }
    case 'year_asc':
    case 'year_desc': {
      const ranks = titles();
      const ascending = query.sort === 'year_asc';
      const years = ascending ? snapshot.startYears : snapshot.endYears;
      return (a, b) => {
        const oa = ordinals[a]!;
        const ob = ordinals[b]!;
        const dated = Number(snapshot.hasYears(ob)) - Number(snapshot.hasYears(oa));
        if (dated !== 0) return dated; // undated records last, either way
        const byYear = ascending ? years[oa]! - years[ob]! : years[ob]! - years[oa]!;
        return byYear || ranks[oa]! - ranks[ob]!;
      };
    }
  }
}
