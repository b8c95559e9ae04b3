/**
 * A large archive's server brings the queries it kept up to a snapshot that took in an import's
 * records a few at a time (spread-work.ts): the first one asked at once, others asked right after
 * it answer as the snapshot was before, until what the first took is a small share of the time
 * since. Its own writes are taken in at its next search. The clock is turned by hand.
 */
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { SpreadWork } from '../../core/search/embedded/spread-work.ts';
import { addRecords, makeTempDir, openArchiveIn, query } from '../helpers/temp-archive.ts';

function bridges(count: number, first = 0): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => ({ id: `b${first + n}`, title_zh: `塘栖古桥${first + n}号`, title_en: `Tangqi bridge ${first + n}`, type: 'bridge' }));
}

/** A server engine that follows every commit at once and spreads its catch-up as a large archive's does (above 0), on a clock that moves 1 ms each time it is read. */
function spreadServer(t: ExecutionContext, dir: string) {
  const clock = { ms: 0 };
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog, { follow: { everyMs: 0 }, spread: { above: 0, now: () => (clock.ms += 1) } });
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  return { catalog, engine, clock };
}

const total = async (engine: EmbeddedEngine, text: string) => (await engine.search(query({ text }))).total;

test('work runs when what the last piece took is at most its share of the time since it began', (t) => {
  const clock = { ms: 0 };
  const spread = new SpreadWork({ share: 0.25, above: 100, now: () => clock.ms });
  t.true(spread.allows(1000));
  spread.run(() => (clock.ms += 10));
  t.false(spread.allows(1000), 'right after a piece of 10 ms');
  clock.ms += 29;
  t.false(spread.allows(1000));
  clock.ms += 1;
  t.true(spread.allows(1000), '40 ms after it began');
  spread.run(() => (clock.ms += 10));
  t.true(spread.allows(99), 'a snapshot below the threshold runs it at once');
  spread.hurry();
  t.true(spread.allows(1000), 'and a hurry lets the next one run');
});

/** A spreading server that kept two queries, after another writer's commit of 5 more records, which the first of them asked again has taken in. */
async function afterFirstCatchUp(t: ExecutionContext) {
  const dir = makeTempDir(t);
  const writer = openArchiveIn(t, dir);
  await addRecords(writer, bridges(10));
  const server = spreadServer(t, dir);
  t.is(await total(server.engine, '古桥'), 10);
  t.is(await total(server.engine, 'bridge'), 10);
  await addRecords(writer, bridges(5, 10));
  t.is(await total(server.engine, '古桥'), 15, 'the first kept query asked takes in the commit');
  return server;
}

test('after a commit the first kept query asked is brought up to it, one asked right after answers as before, and later as the first', async (t) => {
  const server = await afterFirstCatchUp(t);
  t.is(await total(server.engine, 'bridge'), 10, 'one asked right after answers from what it kept');
  t.is(await total(server.engine, '塘栖'), 15, 'a query not kept is answered afresh');
  server.clock.ms += 1000;
  t.is(await total(server.engine, 'bridge'), 15, 'and once the spread allows, it is brought up to the commit too');
});

test('the server\'s own write is found by the next kept query asked, whatever the spread', async (t) => {
  const server = await afterFirstCatchUp(t);
  await addRecords(server, bridges(1, 15));
  t.is(await total(server.engine, 'bridge'), 16);
});
