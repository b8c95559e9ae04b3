/**
 * The records matching a query's clauses from the common terms' posting lists (term-postings.ts):
 * the same records as FTS5's matching expression (`toFtsMatch(clauses, false, …)`, an AND of
 * clauses, each an OR of its terms' phrases), without FTS5 walking the lists of the common terms.
 *
 * A phrase of one term is its list. A phrase of several terms needs their positions, which only
 * FTS5 has: unless it is one of the phrases listed for the archive's common words, it is read from
 * FTS5 when one of its terms is rare (FTS5 then steps through the rare term's few documents), and
 * the whole query is left to FTS5 otherwise, as is a prefix FTS5 keeps as a prefix and a common
 * term without a list. Records the lists do not know as they are now — added
 * since, or changed or removed since at a seq they hold — are read from FTS5 one by one.
 */
import type Database from 'better-sqlite3';
import type { QueryClause } from '../tokenizer.ts';
import type { FacetSnapshot } from './facet-snapshot.ts';
import { phraseExpression, termAlternatives, type Lookups } from './fts-query.ts';
import { parseSeqList, SeqBits } from './posting-list.ts';
import { ordinalsPast } from './text-matches.ts';
import { mergeAscending } from './typed-arrays.ts';
import type { TermPostings } from './term-postings.ts';

/** The lists, with what has changed since they were read. */
export interface PostingsView {
  postings: TermPostings;
  /** Seqs up to `postings.lastSeq` written or removed since the lists were read. */
  changed: ReadonlySet<number>;
}

export interface PostingQuery {
  clauses: readonly QueryClause[];
  lookups: Lookups;
  /** FTS5's expression for the same records: what reads the records the lists do not know. */
  matching: string;
}

export class PostingMatcher {
  readonly #statements;
  readonly #tokens: (text: string) => string[];

  /** @param tokens how the index's tokenizer cuts a text (LatinPrefixTerms.tokens) */
  constructor(db: Database.Database, tokens: (text: string) => string[]) {
    this.#tokens = tokens;
    this.#statements = {
      seqList: db.prepare<[string], string | null>("SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH ?").pluck(),
      newestFirst: db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC').pluck(),
      // A range, not \`rowid = ?\`: FTS5 (SQLite 3.53) takes that for a MATCH of its own and returns every match.
      atSeq: db.prepare<[string, number, number], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid >= ? AND rowid <= ?').pluck(),
    };
  }

  /**
   * Ordinals of the snapshot's records matching the query, ascending; undefined when the lists
   * cannot answer it without FTS5 walking a common term (call in the read transaction FTS5 is read in).
   */
  match(snapshot: FacetSnapshot, view: PostingsView, query: PostingQuery): Int32Array | undefined {
    const { postings, changed } = view;
    let matched: SeqBits | undefined;
    let listed = false;
    for (const clause of query.clauses) {
      const found = this.#clauseSeqs(postings, clause, query.lookups);
      if (!found) return undefined;
      listed ||= found.listed;
      matched = matched ? matched.keepShared(found.seqs) : found.seqs;
    }
    // Rare terms alone: one FTS5 AND reads them faster than a read of each.
    if (!matched || !listed) return undefined;
    for (const seq of changed) matched.delete(seq);
    const ordinals = new Int32Array(matched.count() + changed.size + Math.max(0, snapshot.lastSeq() - postings.lastSeq));
    let count = 0;
    const add = (seq: number) => {
      const ordinal = snapshot.ordinalOf(seq);
      if (ordinal !== undefined) ordinals[count++] = ordinal;
    };
    matched.forEach(add);
    const known = count;
    // Records the snapshot has past the lists' last seq. None there: no read, which could walk far
    // for an expression whose last match is long before.
    if (snapshot.lastSeq() > postings.lastSeq) {
      for (const ordinal of ordinalsPast(this.#statements.newestFirst, snapshot, query.matching, postings.lastSeq)) ordinals[count++] = ordinal;
    }
    for (const seq of changed) if (this.#statements.atSeq.get(query.matching, seq, seq) === seq) add(seq);
    // The lists' records come in seq order, which is ordinal order; the others follow, in any order.
    return mergeAscending(ordinals.subarray(0, known), ordinals.subarray(known, count).sort());
  }

  /** The seqs up to the lists' last one matching one clause, and whether a list gave any of them. */
  #clauseSeqs(postings: TermPostings, clause: QueryClause, lookups: Lookups): { seqs: SeqBits; listed: boolean } | undefined {
    const seqs = new SeqBits(postings.lastSeq);
    const fromFts: string[] = [];
    let listed = false;
    for (const term of clause) {
      const { columns, phrases, form, terms } = termAlternatives(term, lookups);
      if (form === 'prefix') return undefined;
      for (const phrase of phrases) {
        if (terms && coveredByItsBigram(phrase, phrases)) continue;
        const tokens = terms ? phrase.split(' ') : this.#tokens(phrase);
        // A phrase of several terms has a list of its own only if the archive names it (term-postings.ts).
        const lists = tokens.length > 0 ? postings.listsOf(tokens.join(' '), columns ?? 'all') : undefined;
        if (lists) {
          for (const list of lists) seqs.add(list);
          listed = true;
        } else if (tokens.some((token) => postings.isRare(token))) {
          fromFts.push(phraseExpression(phrase, columns));
        } else {
          return undefined;
        }
      }
    }
    if (fromFts.length > 0) seqs.addSeqs(parseSeqList(this.#statements.seqList.get(fromFts.join(' OR ')) ?? ''));
    return { seqs, listed };
  }
}

/**
 * Whether `term`, a Chinese word of three characters or more among a prefix's terms, is redundant
 * there: the index writes a word with its run's bigrams (tokenizer.ts), so the word's first bigram,
 * also among them, is in every record the word is in. Common words have no list of their own (a
 * query names them as their bigrams' phrase), so reading one would be FTS5 walking it.
 */
function coveredByItsBigram(term: string, alternatives: readonly string[]): boolean {
  const characters = [...term];
  return characters.length > 2 && HAN.test(term) && alternatives.includes(characters[0]! + characters[1]!);
}

const HAN = /^\p{Script=Han}+$/u;
