/**
 * The records matching an FTS5 expression, as snapshot ordinals with bm25 scores, kept by
 * expression: paging and facet clicks repeat the same text. A kept match stays valid while records
 * are only added (an import): it is extended by reading the new rows alone, newest first down to
 * the last one seen, so a live import never sends every search back to scanning a million rows.
 * Newest first, because FTS5 reads a rowid lower bound (`rowid > ?`) by walking the term's whole
 * doclist from its start: at 100k records, the 241 new matches of 塘栖 among the last 1,000 rows
 * took 12 ms that way and 0.09 ms read from the newest back (and 临平's 1,000, 54 against 0.4 ms).
 */
import type Database from 'better-sqlite3';
import type { FacetSnapshot } from './facet-snapshot.ts';
import { BM25_WEIGHTS } from './search-tables.ts';
import { DEFAULT_RESULT_CACHE_LIMITS, SnapshotResultCache, type ResultCacheLimits } from './snapshot-result-cache.ts';
import type { TitleSeqs } from './title-first.ts';
import { concat, firstAtOrAfter } from './typed-arrays.ts';

export interface TextMatches {
  ordinals: Int32Array;
  /** Parallel to `ordinals` when ranked by bm25 (lower is better), else empty. */
  scores: Float64Array;
  /** Ranked past `fullRankLimit` matches: the title matches, read as a page needs them (title-first.ts). */
  titleSeqs?: TitleSeqs;
}

/** One query text as FTS5 expressions (fts-query.ts): what finds its records, what scores them, what their titles must match. */
export interface TextExpressions {
  matching: string;
  scoring: string;
  title: TitleExpression;
  /** The records `matching` finds, from posting lists (posting-matches.ts), or undefined where FTS5 is to read them. */
  fromPostings?: () => Int32Array | undefined;
}

/**
 * What titles must match: `text` names it (it keys kept matches); `now()` gives the expression to run
 * at the moment of a read, which may be written for the index as it is then (prefix-terms.ts), or
 * undefined when no title in the index as it is then can match (title-terms.ts).
 */
export interface TitleExpression {
  text: string;
  now: () => string | undefined;
}

interface Kept extends TextMatches {
  snapshot: FacetSnapshot;
  epoch: number;
  /** The snapshot size and last seq they were computed up to. */
  size: number;
  lastSeq: number;
  /** How the matches are ranked: bm25, or past the full-rank limit title matches first. */
  scoring: 'bm25' | 'title' | undefined;
}

/** Matches up to this many are scored with bm25 (see `#scores`). */
export const FULL_RANK_LIMIT = 20_000;
/**
 * Kept scores are not recomputed when records are added, though bm25's statistics move with the
 * index: past this growth the whole match is computed afresh, so ranks never drift far.
 */
export const RANKED_GROWTH_LIMIT = 0.1;

export class TextMatcher {
  readonly #cache: SnapshotResultCache<Kept> | undefined;
  readonly #fullRankLimit: number;
  readonly #db: Database.Database;
  readonly #statements;

  /**
   * @param cached false keeps nothing (benchmarks measure cold queries)
   * @param fullRankLimit matches up to this many are scored with bm25, more are ranked title first
   * @param limits how much the kept matches may hold
   */
  constructor(db: Database.Database, cached: boolean, fullRankLimit = FULL_RANK_LIMIT, limits: ResultCacheLimits = DEFAULT_RESULT_CACHE_LIMITS) {
    this.#fullRankLimit = fullRankLimit;
    this.#db = db;
    this.#cache = cached ? new SnapshotResultCache(limits, (kept) => kept.ordinals.byteLength + kept.scores.byteLength + 256) : undefined;
    const { title, names, body, pinyin } = BM25_WEIGHTS;
    this.#statements = {
      // One comma-separated string rather than a row per match: a million rows cost half as much to read.
      seqList: db.prepare<[string], string | null>("SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH ?").pluck(),
      scores: db.prepare<[string], [number, number]>(`SELECT rowid, bm25(search_fts, ${title}, ${names}, ${body}, ${pinyin}) FROM search_fts WHERE search_fts MATCH ?`).raw(),
      seqsNewestFirst: db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC').pluck(),
      newestSeq: db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1').pluck(),
      // bm25 still reads every match of each phrase once per run (its document frequencies), but no longer walks to the bound too.
      scoresNewestFirst: db
        .prepare<[string], [number, number]>(`SELECT rowid, bm25(search_fts, ${title}, ${names}, ${body}, ${pinyin}) FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC`)
        .raw(),
      titleSeqsAfter: db.prepare<[string, number, number], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?').pluck(),
    };
  }

  /**
   * Ordinals of the records matching `expressions.matching`, with bm25 scores of
   * `expressions.scoring` (the same records, with what ranks them) when `ranked`; past the
   * full-rank limit, ranked by whether the title matches `expressions.title` (the query's whole
   * text, of which the others may have left out clauses that match every record).
   */
  match(snapshot: FacetSnapshot, expressions: TextExpressions, ranked: boolean): TextMatches {
    const key = `${ranked ? 'ranked' : 'plain'} ${expressions.matching} ${expressions.scoring} ${expressions.title.text}`;
    const kept = this.#cache?.get(key, snapshot);
    // The cache answers only results of this snapshot at its epoch (it drops the rest): what is left to check is growth.
    const usable = kept && (!ranked || snapshot.size <= kept.size * (1 + RANKED_GROWTH_LIMIT));
    if (usable && kept.size === snapshot.size) return kept;
    const fresh = usable ? this.#extend(kept, snapshot, expressions) : this.#compute(snapshot, expressions, ranked);
    this.#cache?.set(key, fresh);
    return fresh;
  }

  clear(): void {
    this.#cache?.clear();
  }

  /** The records whose title matches `expression`, read as a page needs them (title-first.ts). */
  titleSeqs(expression: TitleExpression): TitleSeqs {
    // One read transaction: the expression written for the index's state now is run in that state.
    return (afterSeq, limit) =>
      this.#db.transaction(() => {
        const now = expression.now();
        return now === undefined ? [] : this.#statements.titleSeqsAfter.all(`{title} : (${now})`, afterSeq, limit);
      })();
  }

  #compute(snapshot: FacetSnapshot, { matching, scoring: scored, title, fromPostings }: TextExpressions, ranked: boolean): Kept {
    const ordinals = fromPostings?.() ?? ordinalsOf(snapshot, this.#statements.seqList.get(matching) ?? '');
    const scoring = !ranked ? undefined : ordinals.length <= this.#fullRankLimit ? 'bm25' : 'title';
    const scores = scoring === 'bm25' ? this.#scores(snapshot, scored, ordinals) : new Float64Array(0);
    return {
      ordinals,
      scores,
      ...(scoring === 'title' && { titleSeqs: this.titleSeqs(title) }),
      snapshot,
      epoch: snapshot.epoch,
      size: snapshot.size,
      lastSeq: snapshot.lastSeq(),
      scoring,
    };
  }

  #extend(kept: Kept, snapshot: FacetSnapshot, { matching, scoring }: TextExpressions): Kept {
    // Scored by bm25: one read gives the new matches and their scores (the scoring expression finds the same records).
    // No new match (its newest is one seen): no bm25 statement either, which reads every match first.
    const anyAdded = (this.#statements.newestSeq.get(matching) ?? 0) > kept.lastSeq;
    const none = { ordinals: new Int32Array(0), scores: new Float64Array(0) };
    const added = !anyAdded ? none : kept.scoring === 'bm25' ? this.#addedScored(snapshot, scoring, kept.lastSeq) : { ...none, ordinals: this.#addedOrdinals(snapshot, matching, kept.lastSeq) };
    const ordinals = concat(Int32Array, kept.ordinals, added.ordinals);
    const scores = kept.scoring === 'bm25' ? concat(Float64Array, kept.scores, added.scores) : kept.scores;
    return { ...kept, ordinals, scores, size: snapshot.size, lastSeq: snapshot.lastSeq() };
  }

  /** Ordinals of the matches past `lastSeq` that the snapshot holds, ascending, read newest first (see the top of this file). */
  #addedOrdinals(snapshot: FacetSnapshot, expression: string, lastSeq: number): Int32Array {
    return Int32Array.from(ordinalsPast(this.#statements.seqsNewestFirst, snapshot, expression, lastSeq)).sort();
  }

  /**
   * The matches past `lastSeq` that the snapshot holds with their bm25 scores, ascending, read
   * newest first. bm25 reads every match of each phrase once per statement (its document
   * frequencies): one statement for both, not one for the matches and another for their scores.
   */
  #addedScored(snapshot: FacetSnapshot, expression: string, lastSeq: number): { ordinals: Int32Array; scores: Float64Array } {
    const found: [ordinal: number, score: number][] = [];
    for (const [seq, score] of this.#statements.scoresNewestFirst.iterate(expression)) {
      if (seq <= lastSeq) break;
      const ordinal = snapshot.ordinalOf(seq);
      if (ordinal !== undefined) found.push([ordinal, score]);
    }
    found.sort((a, b) => a[0] - b[0]);
    return { ordinals: Int32Array.from(found, ([ordinal]) => ordinal), scores: Float64Array.from(found, ([, score]) => score) };
  }

  /**
   * bm25 scores parallel to `ordinals` (lower is better). bm25 costs microseconds per match (more
   * with a column filter), so past the full-rank limit matches are ranked title first instead
   * (title-first.ts), which reads only the title matches a page needs. Such broad queries (临平 in a
   * Linping archive) are refined with facets long before anyone pages past the title matches.
   */
  #scores(snapshot: FacetSnapshot, expression: string, ordinals: Int32Array): Float64Array {
    const scores = new Float64Array(ordinals.length);
    // Both lists are in catalog order (rowid order, as FTS5 returns matches): one merge, no lookup table.
    let position = 0;
    for (const [seq, score] of this.#statements.scores.all(expression)) {
      const ordinal = snapshot.ordinalOf(seq);
      if (ordinal === undefined) continue;
      if (position > 0 && ordinal < ordinals[position - 1]!) position = firstAtOrAfter(ordinals, ordinal);
      while (position < ordinals.length && ordinals[position]! < ordinal) position++;
      if (ordinals[position] === ordinal) scores[position++] = score;
    }
    return scores;
  }
}

const COMMA = 44;
const ZERO = 48;

/** The snapshot ordinals of a comma-separated list of seqs (those the snapshot holds), ascending. */
export function ordinalsOf(snapshot: FacetSnapshot, seqList: string): Int32Array {
  // A seq is a digit at least and a comma (so at most half the length, plus one), and each holds an ordinal of its own.
  const ordinals = new Int32Array(Math.min((seqList.length >> 1) + 1, snapshot.size));
  let count = 0;
  let ascending = true;
  for (let at = 0; at < seqList.length; at++) {
    let seq = 0;
    for (let code = seqList.charCodeAt(at); code !== COMMA && at < seqList.length; code = seqList.charCodeAt(++at)) seq = seq * 10 + code - ZERO;
    const ordinal = snapshot.ordinalOf(seq);
    if (ordinal === undefined) continue;
    if (count > 0 && ordinal < ordinals[count - 1]!) ascending = false;
    ordinals[count++] = ordinal;
  }
  // FTS5 returns matches in rowid order; should a plan ever not, the list is put in order here.
  // A copy of the part used: a kept match holds no room beyond it.
  const used = ordinals.slice(0, count);
  return ascending ? used : used.sort();
}

/**
 * The snapshot's ordinals of the matches of `expression` past `lastSeq`, newest first, from
 * `newestFirst` (its matches' seqs in descending order): FTS5 reads a lower bound on rowid by
 * walking the term's document list from its start, so the read stops at `lastSeq` instead.
 */
export function* ordinalsPast(newestFirst: Database.Statement<[string], number>, snapshot: FacetSnapshot, expression: string, lastSeq: number): Generator<number> {
  for (const seq of newestFirst.iterate(expression)) {
    if (seq <= lastSeq) return;
    const ordinal = snapshot.ordinalOf(seq);
    if (ordinal !== undefined) yield ordinal;
  }
}
