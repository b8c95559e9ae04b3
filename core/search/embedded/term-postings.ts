/**
 * The documents of the index's most common terms, read out of FTS5 once per state of the index
 * (in a worker, kept in a file beside the snapshot): at a million records a term such as 保存 is in
 * a third of them, and FTS5 answers it, or an AND of two such terms, by walking every document
 * list from the start (40–200 ms). From these lists the same records are a few word-wise ANDs and
 * ORs of bitsets (posting-matches.ts).
 *
 * Only terms in at least `above` documents are listed, and the phrases of such terms that the
 * archive names as words (see `candidates`), the most common first, while their lists fit in
 * `budgetBytes`; rarer terms FTS5 reads quickly. A Chinese key is listed for all columns, which is
 * how queries name it; a Latin one per group of columns, as a query may ask for it outside pinyin
 * (a Latin synonym, a whole word) or in pinyin only (typed pinyin): see fts-query.ts.
 */
import type Database from 'better-sqlite3';
import type { IndexState } from './index-changes.ts';
import { SYNONYM_GROUPS } from '../synonyms.ts';
import { bigrams } from '../tokenizer.ts';
import { phraseExpression } from './fts-query.ts';
import { LatinPrefixTerms } from './latin-prefix-terms.ts';
import { bytesOf, parseSeqList, postingListOf, wordsFor, type PostingList } from './posting-list.ts';

/** The columns a list covers: every column, those outside pinyin (title, names, body), or pinyin alone. */
export type ColumnGroup = 'all' | 'text' | 'pinyin';

/** What a worker hands over and the postings file stores. */
export interface TermPostingsParts {
  state: IndexState;
  /** The largest seq in the index when the lists were read: later records are in none of them. */
  lastSeq: number;
  /** Terms in `above` documents or more that did not fit the budget: as slow to match as ever. */
  unlisted: string[];
  terms: string[];
  groups: ColumnGroup[];
  lists: PostingList[];
}

/** FTS5 walks a term this common in well under 5 ms at a million records. */
export const LIST_ABOVE = 20_000;
/**
 * At a million synthetic records, whose vocabulary is a few hundred words, 48 MB held the lists of
 * 384 keys and left out 179 rarer ones (pinyin of period names among them, which liang's prefix
 * covers); a real archive has far fewer terms that common.
 */
export const POSTINGS_BUDGET_BYTES = 64 * 1024 * 1024;

const HAN = /\p{Script=Han}/u;

export class TermPostings {
  readonly state: IndexState;
  readonly lastSeq: number;
  readonly #lists = new Map<string, PostingList>();
  readonly #unlisted: ReadonlySet<string>;

  constructor(parts: TermPostingsParts) {
    this.state = parts.state;
    this.lastSeq = parts.lastSeq;
    this.#unlisted = new Set(parts.unlisted);
    parts.terms.forEach((term, i) => this.#lists.set(`${parts.groups[i]}:${term}`, parts.lists[i]!));
  }

  /**
   * The lists whose union is the documents holding `key` (a term, or a listed phrase) in `group`'s
   * columns, or undefined when it is not listed. A Latin key has a list per group: all is both.
   */
  listsOf(key: string, group: ColumnGroup): PostingList[] | undefined {
    const one = this.#lists.get(`${group}:${key}`);
    if (one) return [one];
    if (group !== 'all') return undefined;
    const text = this.#lists.get(`text:${key}`);
    const pinyin = this.#lists.get(`pinyin:${key}`);
    return text && pinyin ? [text, pinyin] : undefined;
  }

  /** Whether FTS5 reads `term` quickly: it is in fewer than `above` documents (neither listed nor left out of the budget). */
  isRare(term: string): boolean {
    return !this.#unlisted.has(term) && !this.#lists.has(`all:${term}`) && !this.#lists.has(`text:${term}`);
  }
}

/** What to read for one key: its documents per group of columns, each an FTS5 expression. */
interface Candidate {
  key: string;
  /** How many documents it is in (for a phrase, the fewest of its terms'): the most common are listed first. */
  documents: number;
  reads: [ColumnGroup, string][];
}

/**
 * The lists of the index's terms in `above` documents or more, read in one read transaction (the
 * caller's) at the index state `state`.
 */
export function readTermPostings(db: Database.Database, state: IndexState, above = LIST_ABOVE, budgetBytes = POSTINGS_BUDGET_BYTES): TermPostingsParts {
  const lastSeq = db.prepare<[], number | null>('SELECT max(seq) FROM search_docs').pluck().get() ?? 0;
  const parts: TermPostingsParts = { state, lastSeq, unlisted: [], terms: [], groups: [], lists: [] };
  if (lastSeq < above || budgetBytes <= 0) return parts;
  // fts5vocab counts every term's documents as it goes: one walk of the whole index (seconds at a million records).
  const common = new Map(db.prepare<[number], [string, number]>('SELECT term, doc FROM search_vocab WHERE doc >= ?').raw().all(above));
  const latin = new LatinPrefixTerms(db);
  const seqList = db.prepare<[string], string | null>("SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH ?").pluck();
  const largest = wordsFor(lastSeq) * 4;
  let spent = 0;
  for (const { key, documents, reads } of candidates(db, common, latin)) {
    // A Latin key's lists split its documents between two groups (most in one): what they take is known once read.
    const lists = spent + Math.min(documents * 4, largest) <= budgetBytes ? reads.map(([, expression]) => postingListOf(parseSeqList(seqList.get(expression) ?? ''), lastSeq)) : [];
    const bytes = lists.reduce((sum, list) => sum + bytesOf(list), 0);
    if (lists.length === 0 || spent + bytes > budgetBytes) {
      parts.unlisted.push(key);
      continue;
    }
    spent += bytes;
    lists.forEach((list, i) => {
      parts.terms.push(key);
      parts.groups.push(reads[i]![0]);
      parts.lists.push(list);
    });
  }
  return parts;
}

/**
 * What is worth a list, most common first: the common terms, as queries name them, and the
 * phrases of common terms that the archive names. A query reads a Chinese word of three characters
 * or more as the phrase of its bigrams (fts-query.ts), so each of the archive's Chinese names
 * (`search_words`: its titles', places', periods' runs) and Chinese synonyms whose bigrams are all
 * common is listed as that phrase (良渚文化, 大运河), and each Latin synonym of several words whose
 * terms are (grand canal): what visitors type, and what FTS5 reads slowest.
 */
function candidates(db: Database.Database, common: ReadonlyMap<string, number>, latin: LatinPrefixTerms): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const [term, documents] of common) {
    // A term the query tokenizer would read as another (a stem it stems further) cannot be named in a MATCH.
    if (sameTokens(latin.tokens(term), [term])) byKey.set(term, { key: term, documents, reads: HAN.test(term) ? [['all', phraseExpression(term)]] : perGroup(term) });
  }
  // Chinese names only: the Latin words there are single words, already terms.
  const names = db.prepare<[], string>('SELECT word FROM search_words').pluck().all().filter((word) => HAN.test(word));
  for (const name of new Set([...names, ...SYNONYM_GROUPS.flat()])) {
    const han = HAN.test(name);
    const tokens = han ? ([...name].length > 2 && !/\s/.test(name) ? bigrams(name) : []) : latin.tokens(name);
    const documents = Math.min(...tokens.map((token) => common.get(token) ?? 0));
    if (tokens.length < 2 || documents === 0) continue;
    const key = tokens.join(' ');
    byKey.set(key, { key, documents, reads: han ? [['all', phraseExpression(key)]] : perGroup(name) });
  }
  return [...byKey.values()].sort((a, b) => b.documents - a.documents || (a.key < b.key ? -1 : 1));
}

/** A Latin key's reads: outside pinyin, and in pinyin (typed pinyin asks for that alone). */
function perGroup(text: string): [ColumnGroup, string][] {
  return [
    ['text', phraseExpression(text, 'text')],
    ['pinyin', phraseExpression(text, 'pinyin')],
  ];
}

function sameTokens(read: readonly string[], wanted: readonly string[]): boolean {
  return read.length === wanted.length && read.every((token, i) => token === wanted[i]);
}
