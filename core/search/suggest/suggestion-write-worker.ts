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
const index = new SuggestionIndex(db);

answerTasks(({ upserts, deletedIds }: { upserts: StoredRecord[]; deletedIds: string[] }) => index.apply(upserts, deletedIds));
