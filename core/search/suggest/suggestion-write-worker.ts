/**
 * A worker thread applying import batches to the suggestion tables (see `applySuggestions`), on
 * one connection for its whole life: a connection opened per batch started with an empty page
 * cache and read the tables' pages again every time.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { answerTasks } from '../persistent-worker.ts';
import { SuggestionIndex } from './suggestion-index.ts';

const db = new Database((workerData as { file: string }).file);
db.pragma('busy_timeout = 60000');
// As the catalog's own connection: WAL + NORMAL loses no commit to a crash of the process, and
// syncs the log at checkpoints instead of at every batch (the tables are derived: a power loss
// at worst leaves their last batches in the outbox, applied again).
db.pragma('synchronous = NORMAL');
// An import's batches: their titles' suggestions are merged at its end (mergeStagedSuggestions).
const index = new SuggestionIndex(db, { stageTitles: true });

answerTasks(({ upserts, deletedIds }: { upserts: StoredRecord[]; deletedIds: string[] }) => index.apply(upserts, deletedIds));
