/**
 * A result holding most of the snapshot is counted as the snapshot's facet totals minus the records
 * it leaves out (facet-totals.ts): these tests hold that to counting the result directly, whatever
 * share of the records it holds, whoever may see them, and after records are added, changed or removed.
 */
import test from 'ava';
import { FACETS } from '../../core/schema/facets.ts';
import type { DocRow } from '../../core/search/embedded/doc-rows.ts';
import { FacetSnapshot } from '../../core/search/embedded/facet-snapshot.ts';
import { countByComplement, countsAreCheaperByComplement, visibleTotals } from '../../core/search/embedded/facet-totals.ts';

const NOW = Date.UTC(2026, 11, 1) / 1000;
const TYPES = ['bridge', 'site', 'temple', 'well'];
const COLLECTIONS = ['c1', 'c2', 'c3'];

/** Record `seq`: public mostly, some under an embargo ended or not yet ended, some hidden; a varying number of collections. */
function row(seq: number, variant = 0): DocRow {
  const visibleFrom = seq % 11 === 0 ? NOW + 3600 : seq % 13 === 0 ? NOW - 3600 : seq % 17 === 0 ? Date.UTC(9999, 11, 31) / 1000 : 0;
  return {
    seq,
    facets: {
      type: [TYPES[(seq + variant) % TYPES.length]!],
      collection: COLLECTIONS.slice(0, (seq + variant) % 4),
      admin_area: ['浙江省', `浙江省/杭州市${seq % 3}`],
      has_image: [seq % 2 === 0 ? 'yes' : 'no'],
    },
    startYear: null,
    endYear: null,
    visibleFrom,
    place: [null, null, null, null, null, null],
  };
}

function snapshotOf(seqs: number[]): FacetSnapshot {
  const snapshot = new FacetSnapshot();
  snapshot.upsert(seqs.map((seq) => row(seq)));
  return snapshot;
}

/** The live records visible by `visibleBy` (undefined: all), ascending. */
function visible(snapshot: FacetSnapshot, visibleBy: number | undefined): number[] {
  const ordinals: number[] = [];
  for (let ordinal = 0; ordinal < snapshot.size; ordinal++) {
    if (snapshot.dead[ordinal] === 0 && snapshot.visibleFrom[ordinal]! <= (visibleBy ?? Number.POSITIVE_INFINITY)) ordinals.push(ordinal);
  }
  return ordinals;
}

/** The plain way: each match's values, counted one by one. */
function countDirectly(snapshot: FacetSnapshot, matches: readonly number[]): number[][] {
  return FACETS.map((facet) => {
    const column = snapshot.columns.get(facet.key)!;
    const counts = new Array<number>(column.values.length).fill(0);
    for (const ordinal of matches) for (let k = column.starts[ordinal]!; k < column.ends[ordinal]!; k++) counts[column.ids[k]!]!++;
    return counts;
  });
}

const plain = (counts: Int32Array[]) => counts.map((facet) => Array.from(facet));

/** Every `step`-th visible record, from `offset`: from all of them to none. */
const everyNth = (ordinals: number[], step: number, offset = 0) => ordinals.filter((_, i) => i % step !== offset);

const seqs = Array.from({ length: 300 }, (_, i) => i + 1);

test('counting a result by the records it leaves out gives the counts of counting it directly, whatever share of the records it holds', (t) => {
  const snapshot = snapshotOf(seqs);
  for (const visibleBy of [NOW, undefined]) {
    const all = visible(snapshot, visibleBy);
    for (const matches of [all, everyNth(all, 50), everyNth(all, 3), everyNth(all, 2), everyNth(all, 1), []]) {
      t.deepEqual(plain(countByComplement(snapshot, Int32Array.from(matches), visibleBy)), countDirectly(snapshot, matches), `${matches.length} of ${all.length}, visible by ${visibleBy}`);
    }
  }
});

test('the totals of the records visible now leave out those under an embargo not yet ended and hidden ones, and take in ended embargoes', (t) => {
  const snapshot = snapshotOf(seqs);
  const now = visible(snapshot, NOW);
  t.true(now.length < snapshot.size);
  const totals = visibleTotals(snapshot, NOW);
  t.is(totals.records, now.length);
  t.deepEqual(plain(totals.counts), countDirectly(snapshot, now));
  t.is(visibleTotals(snapshot, undefined).records, snapshot.size);
});

test('the totals follow records appended, changed and removed since they were counted', (t) => {
  const snapshot = snapshotOf(seqs.slice(0, 200));
  const check = (label: string) => {
    const all = visible(snapshot, NOW);
    const most = everyNth(all, 7);
    t.deepEqual(plain(countByComplement(snapshot, Int32Array.from(most), NOW)), countDirectly(snapshot, most), label);
  };
  check('as loaded');
  snapshot.upsert(seqs.slice(200).map((seq) => row(seq)));
  check('after records were appended');
  // New values too (a fifth type, a collection more): the totals have room for them.
  snapshot.upsert([{ ...row(5, 1), facets: { ...row(5, 1).facets, type: ['pavilion'], collection: ['c1', 'c2', 'c3', 'c4'] } }, row(6, 2)]);
  check('after records were changed');
  snapshot.remove([7, 8, 250]);
  check('after records were removed');
});

test('only a result holding more than half of the visible records is counted by what it leaves out', (t) => {
  const snapshot = snapshotOf(seqs);
  const visibleNow = visible(snapshot, NOW).length;
  t.true(countsAreCheaperByComplement(snapshot, Math.floor(visibleNow / 2) + 1, NOW));
  t.false(countsAreCheaperByComplement(snapshot, Math.floor(visibleNow / 2), NOW));
  t.false(countsAreCheaperByComplement(snapshot, 0, NOW));
});
