/**
 * Clauses that match every indexed record: 临平 in a Linping archive, where every administrative
 * area holds 临平区. Matching one costs a scan of a million rows at a million records, and tells
 * nothing: every clause must match (AND), so such a clause can be left out of the match, and a
 * text made only of them matches every record (the snapshot's list, no scan at all).
 *
 * A Chinese term is one token of the index (a bigram) or a prefix of tokens (one character), so
 * FTS5's vocabulary says how many documents hold it; a clause is universal when one of its
 * alternatives is held by every document the index has.
 */
import type Database from 'better-sqlite3';
import type { QueryClause, QueryTerm } from '../tokenizer.ts';
import type { FacetSnapshot } from './facet-snapshot.ts';
import { readIndexState } from './index-changes.ts';
import type { PrefixTerms } from './prefix-terms.ts';

/**
 * A term held by fewer documents than this share of the snapshot's records is taken as not
 * universal without counting the index's documents (a wrong "no" only costs a scan).
 */
const SURELY_NOT_UNIVERSAL = 0.9;

export class UniversalClauses {
  readonly #db: Database.Database;
  readonly #prefixes: PrefixTerms;
  readonly #statements;
  #index = '';
  #generation = -1;
  /** Documents in the index at `#generation`, read when first needed. */
  #documents: number | undefined;
  /**
   * Terms found universal or not. A term found not universal stays so while the index is the same
   * (should a later write make it universal, it is only matched the slow way); one found universal
   * is checked again once the snapshot has taken in writes, which may have added a record without it.
   */
  readonly #universal = new Map<string, boolean>();
  #live: { snapshot: FacetSnapshot; size: number; epoch: number; records: number } | undefined;
  /** The generation the snapshot had been brought to when the universal terms were last checked. */
  #followed: number | undefined;

  /** @param prefixes the index's terms by first character (shared with the title expressions, which read the same lists) */
  constructor(db: Database.Database, prefixes: PrefixTerms) {
    this.#db = db;
    this.#prefixes = prefixes;
    this.#statements = {
      documents: db.prepare<[], number>('SELECT count(*) FROM search_docs').pluck(),
      termDocuments: db.prepare<[string], number>('SELECT doc FROM search_vocab WHERE term = ?').pluck(),
    };
  }

  /**
   * `clauses` without those that match every record, when the index holds more than `above`
   * documents (below it, bm25 ranks every match and each clause keeps its part in the score).
   * Pieces of one typed run are kept: the run's verbatim phrase ranks first (fts-query.ts).
   * @param completeAt the index generation `snapshot` holds in full, if it does (SnapshotStore.completeGeneration)
   * @param followedAt the generation `snapshot` has been brought to (SnapshotStore.followedGeneration): see `#follow`
   */
  narrow(snapshot: FacetSnapshot, clauses: readonly QueryClause[], above: number, completeAt?: number, followedAt?: number): readonly QueryClause[] {
    this.#follow(followedAt);
    const records = this.#liveRecords(snapshot);
    if (records <= above) return clauses;
    // A snapshot holding the index's state now holds its documents: no count of a million rows (66–380 ms) is needed.
    const documents = completeAt === this.#generation ? () => records : () => this.#count();
    return clauses.filter((clause) => clause.some((term) => term.run !== undefined) || !clause.some((term) => this.#matchesEverything(term, records, documents)));
  }

  /** How many records the snapshot holds (live ones), counted once per state of it. */
  #liveRecords(snapshot: FacetSnapshot): number {
    const kept = this.#live;
    if (kept?.snapshot === snapshot && kept.size === snapshot.size && kept.epoch === snapshot.epoch) return kept.records;
    let records = 0;
    for (let ordinal = 0; ordinal < snapshot.size; ordinal++) records += 1 - snapshot.dead[ordinal]!;
    this.#live = { snapshot, size: snapshot.size, epoch: snapshot.epoch, records };
    return records;
  }

  /**
   * Forgets what a write since may have changed. A term found universal at generation G (every
   * document then held it) holds for every record of a snapshot brought to a generation up to G:
   * results come from the snapshot, so the verdict is checked again only once the snapshot has
   * moved on (`followedAt`, at the follow pace: every 2–5 s during an import), not after each of an
   * import's commits — each check reads the term's whole posting list and may count the index
   * (10–380 ms at a million records). Without `followedAt`, after every write.
   */
  #follow(followedAt?: number): void {
    const { indexId, generation } = readIndexState(this.#db);
    if (indexId !== this.#index) {
      this.#index = indexId;
      this.#universal.clear();
    } else if ((followedAt ?? generation) !== (this.#followed ?? this.#generation)) {
      for (const [term, universal] of this.#universal) if (universal) this.#universal.delete(term);
    }
    this.#followed = followedAt;
    if (generation !== this.#generation) this.#documents = undefined;
    this.#generation = generation;
  }

  #count(): number {
    return (this.#documents ??= this.#statements.documents.get() ?? 0);
  }

  #matchesEverything(term: QueryTerm, records: number, documents: () => number): boolean {
    // Only Chinese terms are the index's own tokens; Latin words are stemmed by SQLite's tokenizer first.
    const length = [...term.text].length;
    if (term.kind !== 'han' || length > 2) return false;
    let universal = this.#universal.get(term.text);
    if (universal === undefined) {
      const holders = length === 2 ? this.#statements.termDocuments.get(term.text) : this.#prefixes.of(term.text).documents;
      // Exact for a "yes": every document of the index, counted (once per generation) only for a term this common.
      universal = holders != null && holders >= records * SURELY_NOT_UNIVERSAL && holders === documents();
      this.#universal.set(term.text, universal);
    }
    return universal;
  }
}
