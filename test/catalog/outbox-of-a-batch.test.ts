/**
 * A batch's outbox entries are written in one statement at the end of its transaction: they must
 * be what one insert per record gave — in the order of the writes, once per record with its
 * latest change, nothing for a record left unchanged.
 */
import test from 'ava';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { openTempArchive } from '../helpers/temp-archive.ts';

const record = (id: string, title_en = `Bridge ${id}`) => ({ id, title_zh: '广济桥', title_en, type: 'bridge' as const });
const queue = (archive: ReturnType<typeof openTempArchive>) => catalogRows(archive.catalog, 'SELECT record_id, op FROM index_queue ORDER BY change_no');

test("a batch's records are queued in the order written, and a record queued before moves to its latest change", (t) => {
  const archive = openTempArchive(t);
  archive.catalog.writeBatch([record('c'), record('a'), record('b')]);
  t.deepEqual(queue(archive).map((row) => row.record_id), ['c', 'a', 'b']);
  // a changes, c does not: a goes behind b (its new change is the latest), c stays where it was.
  t.deepEqual(archive.catalog.writeBatch([record('c'), record('a', 'Bridge a, rebuilt'), record('d')]), ['unchanged', 'updated', 'created']);
  t.deepEqual(queue(archive), [
    { record_id: 'c', op: 'upsert' },
    { record_id: 'b', op: 'upsert' },
    { record_id: 'a', op: 'upsert' },
    { record_id: 'd', op: 'upsert' },
  ]);
});
