/**
 * A large archive's server takes in an import's commits at a pace (follow-pace.ts): between two
 * looks at the change log every search answers from the same state, and a commit is found at the
 * first search once the pace allows. Its own writes are found at once. The clock is turned by hand.
 */
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { FOLLOW_AT_MOST_EVERY_MS, FollowPace } from '../../core/search/embedded/follow-pace.ts';
import { addRecords, makeTempDir, openArchiveIn, query } from '../helpers/temp-archive.ts';

const EVERY_MS = 2_000;

function bridges(count: number, first = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => ({ id: `b${first + n}`, title_zh: `塘栖古桥${first + n}号`, title_en: `Tangqi bridge ${first + n}`, type: 'bridge' }));
}

/** A server engine that paces itself as a large archive's does (atOnceBelow 0), on a clock the test turns. */
function pacedServer(t: ExecutionContext, dir: string, options: { fullRankLimit?: number } = {}) {
  const clock = { ms: 1_000_000 };
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog, { ...options, follow: { everyMs: EVERY_MS, atOnceBelow: 0, now: () => clock.ms } });
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  return { catalog, engine, clock };
}

const total = async (engine: EmbeddedEngine, text = '古桥') => (await engine.search(query({ text }))).total;

test('another writer\'s commit is found at the first search once the pace allows, and searches before it answer from the same state', async (t) => {
  const dir = makeTempDir(t);
  const writer = openArchiveIn(t, dir);
  await addRecords(writer, bridges(10));
  const server = pacedServer(t, dir);
  t.is(await total(server.engine), 10);

  await addRecords(writer, bridges(5, 10));
  t.is(await total(server.engine), 10, 'a search just after the last look answers from the state it had');
  server.clock.ms += EVERY_MS - 1;
  t.is(await total(server.engine), 10, 'still within the pace');
  server.clock.ms += 1;
  t.is(await total(server.engine), 15, 'the commit is found once the pace allows');
  t.is(await total(server.engine, 'bridge'), 15, 'and by every query');
});

test('commits made between two looks are all found at the next one', async (t) => {
  const dir = makeTempDir(t);
  const writer = openArchiveIn(t, dir);
  await addRecords(writer, bridges(3));
  const server = pacedServer(t, dir);
  t.is(await total(server.engine), 3);
  for (let batch = 0; batch < 4; batch++) await addRecords(writer, bridges(2, 3 + batch * 2));
  writer.catalog.deleteRecords(['b0']);
  await addRecords(writer, []);
  t.is(await total(server.engine), 3);
  server.clock.ms += EVERY_MS;
  t.is(await total(server.engine), 10);
});

test('a term every record held is matched by its index again once the paced snapshot takes in a record without it', async (t) => {
  const dir = makeTempDir(t);
  const writer = openArchiveIn(t, dir);
  await addRecords(writer, bridges(8).map((row) => ({ ...row, admin_area: '浙江省/杭州市/临平区/塘栖镇' })));
  // Past a full-rank limit this low, a term every record holds is left out of the match (universal-clauses.ts).
  const server = pacedServer(t, dir, { fullRankLimit: 2 });
  t.is(await total(server.engine, '临平'), 8);
  await addRecords(writer, [{ id: 'west-lake', title_zh: '西湖断桥', title_en: 'Broken Bridge', type: 'bridge', admin_area: '浙江省/杭州市/西湖区' }]);
  t.is(await total(server.engine, '临平'), 8, 'the snapshot has not taken the new record in yet');
  server.clock.ms += EVERY_MS;
  const result = await server.engine.search(query({ text: '临平', pageSize: 100 }));
  t.is(result.total, 8);
  t.false(result.hits.some((hit) => hit.record.id === 'west-lake'));
  t.is(await total(server.engine, '断桥'), 1, 'the new record is found by its own words');
});

test('between two looks a term every record holds keeps matching every record of the snapshot, whatever the commits meanwhile', async (t) => {
  const dir = makeTempDir(t);
  const writer = openArchiveIn(t, dir);
  const linping = (rows: Record<string, unknown>[]) => rows.map((row) => ({ ...row, admin_area: '浙江省/杭州市/临平区/塘栖镇' }));
  await addRecords(writer, linping(bridges(6)));
  const server = pacedServer(t, dir, { fullRankLimit: 2 });
  t.is(await total(server.engine, '临平'), 6);
  // Commits between two looks: records holding the term, then one without it.
  for (let batch = 0; batch < 3; batch++) {
    await addRecords(writer, linping(bridges(2, 6 + batch * 2)));
    t.is(await total(server.engine, '临平'), 6, `commit ${batch + 1}: the snapshot's records, all holding it`);
  }
  await addRecords(writer, [{ id: 'west-lake', title_zh: '西湖断桥', title_en: 'Broken Bridge', type: 'bridge', admin_area: '浙江省/杭州市/西湖区' }]);
  t.is(await total(server.engine, '临平'), 6, 'still the snapshot as it was');
  server.clock.ms += EVERY_MS;
  const result = await server.engine.search(query({ text: '临平', pageSize: 100 }));
  t.is(result.total, 12);
  t.false(result.hits.some((hit) => hit.record.id === 'west-lake'));
  t.is(await total(server.engine), 12, 'every bridge of the Linping records, the new ones included');
});

test('the server\'s own write is found at its next search without waiting for the pace', async (t) => {
  const dir = makeTempDir(t);
  const writer = openArchiveIn(t, dir);
  await addRecords(writer, bridges(4));
  const server = pacedServer(t, dir);
  t.is(await total(server.engine), 4);
  await addRecords(server, bridges(1, 4));
  t.is(await total(server.engine), 5);
});

test('a pace below its size threshold looks at the change log at every search', (t) => {
  const clock = { ms: 0 };
  const pace = new FollowPace({ everyMs: EVERY_MS, atOnceBelow: 100, now: () => clock.ms });
  pace.looked(100);
  t.true(pace.due(99, true), 'a small snapshot');
  t.false(pace.due(100, true), 'a large one, caught up, within the pace');
  t.true(pace.due(100, false), 'a large one still catching up');
  pace.hurry();
  t.true(pace.due(100, true), 'after its own write');
});

test('a larger snapshot waits longer between two looks, up to five seconds at a million records', (t) => {
  const clock = { ms: 0 };
  const pace = new FollowPace({ everyMs: EVERY_MS, atOnceBelow: 0, now: () => clock.ms });
  const waitOf = (size: number) => {
    pace.looked(size);
    let waited = 0;
    while (!pace.due(size, true)) (clock.ms += 100), (waited += 100);
    return waited;
  };
  t.is(waitOf(100_000), EVERY_MS);
  t.is(waitOf(400_000), EVERY_MS);
  t.is(waitOf(800_000), 4_000);
  t.is(waitOf(1_000_000), FOLLOW_AT_MOST_EVERY_MS);
  t.is(waitOf(4_000_000), FOLLOW_AT_MOST_EVERY_MS);
});
