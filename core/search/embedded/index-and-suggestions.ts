/**
 * The embedded index and the suggestion tables of one batch of changes, written in one
 * transaction on one connection. Both live in the catalog file: written apart (two threads, two
 * connections) they took turns at its lock, each with its own commit, and the import's batch
 * waited for the slower of the two. Everything is prepared (tokenized, the titles' keys found)
 * before the transaction opens, so it holds the file for the writes alone.
 */
import type Database from 'better-sqlite3';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { inWriteTurn } from '../../catalog/write-turns.ts';
import { SuggestionIndex } from '../suggest/suggestion-index.ts';
import type { IndexWriter } from './index-writer.ts';

export class IndexAndSuggestionsWriter {
  readonly #db: Database.Database;
  readonly #index: IndexWriter;
  readonly #suggestions: SuggestionIndex;

  /**
   * `index`: the writer of the index on `db` (one writer per connection keeps its words-stored cache right).
   * `stageTitles`: an import's worker thread, whose titles' suggestions wait for the import's end (suggestion-index.ts).
   */
  constructor(db: Database.Database, index: IndexWriter, options: { stageTitles?: boolean } = {}) {
    this.#db = db;
    this.#index = index;
    this.#suggestions = new SuggestionIndex(db, options);
  }

  /** Records added or replaced, ids removed: into the index and the suggestions at once. */
  apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): void {
    const index = this.#index.prepare(upserts, deletedIds);
    const suggestions = this.#suggestions.prepare(upserts, deletedIds);
    const write = this.#db.transaction(() => {
      this.#index.write(index);
      this.#suggestions.write(suggestions);
    });
    inWriteTurn(() => write.immediate());
  }
}
