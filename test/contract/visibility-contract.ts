/**
 * Hidden and embargoed records in every engine: absent from public hits, totals and facet counts,
 * present for curators, and an embargo lifts by itself when its time comes (no reindex, no restart).
 */
import test, { type ExecutionContext } from 'ava';
import { HIDDEN, PUBLIC } from '../../core/catalog/visibility.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import type { SearchResult } from '../../core/search/types.ts';
import { afterEmbargo, observeWhileEmbargoed } from '../helpers/embargo-window.ts';
import { query } from '../helpers/temp-archive.ts';
import { CONTRACT_RECORDS } from './contract-records.ts';
import { archiveWith, type EngineFactory } from './engine-contract.ts';

const ids = (result: SearchResult) => result.hits.map((hit) => hit.record.id).sort();
const counts = (result: SearchResult, key: string) => Object.fromEntries(result.facets.find((f) => f.key === key)!.values.map((v) => [v.value, v.count]));
const curator = { actor: 'cli:test' };

export function visibilityContract(engineName: string, makeEngine: EngineFactory): void {
  const name = (title: string) => `[${engineName}] ${title}`;
  const setup = (t: ExecutionContext) => archiveWith(t, makeEngine, CONTRACT_RECORDS);

  test(name('a hidden record is absent from public hits, totals and facet counts, and present for curators'), async (t) => {
    const { catalog, engine } = await setup(t);
    catalog.setVisibility(['guangji-bridge'], HIDDEN, curator);
    await syncIndex(catalog, engine);
    t.deepEqual(ids(await engine.search(query({ text: '广济' }))), []);
    const browse = await engine.search(query({ pageSize: 100 }));
    t.is(browse.total, CONTRACT_RECORDS.length - 1);
    t.false(ids(browse).includes('guangji-bridge'));
    t.is(counts(browse, 'type')['bridge'], undefined, 'its type is not counted');
    t.is(counts(browse, 'collection')['tangqi-old-town'], 1, 'nor counted in its collections');
    const asCurator = await engine.search(query({ text: '广济', includeHidden: true }));
    t.deepEqual(ids(asCurator), ['guangji-bridge']);
    const all = await engine.search(query({ includeHidden: true }));
    t.is(counts(all, 'type')['bridge'], 1);
    t.is(counts(all, 'collection')['tangqi-old-town'], 2);
  });

  test(name('publishing a hidden record again brings it back to public searches'), async (t) => {
    const { catalog, engine } = await setup(t);
    catalog.setVisibility(['guangji-bridge'], HIDDEN, curator);
    await syncIndex(catalog, engine);
    catalog.setVisibility(['guangji-bridge'], PUBLIC, curator);
    await syncIndex(catalog, engine);
    t.deepEqual(ids(await engine.search(query({ text: '广济' }))), ['guangji-bridge']);
  });

  test(name('an embargoed record stays out of public searches until its date, then appears by itself'), async (t) => {
    const { catalog, engine } = await setup(t);
    const { observed, until } = await observeWhileEmbargoed(
      async (until) => {
        catalog.setVisibility(['guangji-bridge'], { state: 'embargoed', until }, curator);
        await syncIndex(catalog, engine);
      },
      async () => ({ hits: ids(await engine.search(query({ text: '广济' }))), bridges: counts(await engine.search(query()), 'type')['bridge'] }),
    );
    t.deepEqual(observed, { hits: [], bridges: undefined });
    // The same search again once the embargo has ended: no write, no reindex in between.
    await afterEmbargo(until);
    t.deepEqual(ids(await engine.search(query({ text: '广济' }))), ['guangji-bridge']);
    t.is(counts(await engine.search(query()), 'type')['bridge'], 1);
  });

  test(name('a rebuild keeps hidden records hidden'), async (t) => {
    const { catalog, engine } = await setup(t);
    catalog.setVisibility(['guangji-bridge'], HIDDEN, curator);
    await syncIndex(catalog, engine);
    await engine.rebuild(catalog.iterateRecords(2));
    t.deepEqual(ids(await engine.search(query({ text: '广济' }))), []);
    t.deepEqual(ids(await engine.search(query({ text: '广济', includeHidden: true }))), ['guangji-bridge']);
  });
}
