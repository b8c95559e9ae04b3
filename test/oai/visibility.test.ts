/**
 * Hidden, embargoed and deleted records as harvesters see them. A record the public could see and
 * that was then withdrawn, embargoed again or deleted is reported deleted (status="deleted") at its
 * datestamp, so harvesters drop their copy; one the public never saw is absent, exactly as on the
 * site (reporting it would publish its id); an embargo that ends brings its record in by itself at
 * the embargo's end; relations never name a record the public cannot see.
 */
import test from 'ava';
import { toSecondPrecision } from '../../core/catalog/datestamp.ts';
import type { RecordVersion } from '../../core/catalog/record-history.ts';
import { HIDDEN, PUBLIC, type Visibility } from '../../core/catalog/visibility.ts';
import { wasEverPublic } from '../../server/oai/ever-public.ts';
import { childrenNamed, dublinCoreOf, errorCodes, headersOf, OaiValidator } from './helpers/oai-documents.ts';
import { getOai } from './helpers/oai-requests.ts';
import { openSyntheticArchive, type SyntheticArchive } from './helpers/synthetic-archive.ts';

const REPOSITORY = 'oai:localhost:';
const FAR_EMBARGO = '2099-01-01T00:00:00Z';
const curator = { actor: 'cli:curator' };
const LIVE = ['public-plain', 'public-names-withheld', 'hidden-then-public'];
const DELETED = ['public-then-hidden', 'public-then-embargoed', 'public-then-deleted'];
const ABSENT = ['born-hidden', 'born-embargoed', 'born-embargoed-far', 'hidden-then-deleted'];

const typed = test.serial as import('ava').TestFn<SyntheticArchive & { embargoEnds: string }>;

typed.before(async (t) => {
  const archive = await openSyntheticArchive(0);
  const { catalog } = archive;
  const record = (id: string) => ({ id, title_zh: `记录${id}`, title_en: `Record ${id}`, collections: ['collection-1'] });
  const embargoEnds = toSecondPrecision(Date.now() + 2500);
  const embargoed = (until: string): Visibility => ({ state: 'embargoed', until });
  catalog.writeBatch([
    record('public-plain'),
    record('public-then-hidden'),
    record('public-then-embargoed'),
    record('public-then-deleted'),
    { ...record('public-names-withheld'), related: ['born-hidden', 'public-then-hidden', 'public-plain', 'never-existed'] },
    { record: record('born-hidden'), visibility: HIDDEN },
    { record: record('hidden-then-deleted'), visibility: HIDDEN },
    { record: record('hidden-then-public'), visibility: HIDDEN },
    { record: record('born-embargoed'), visibility: embargoed(embargoEnds) },
    { record: record('born-embargoed-far'), visibility: embargoed(FAR_EMBARGO) },
  ]);
  catalog.setVisibility(['public-then-hidden'], HIDDEN, curator);
  catalog.setVisibility(['public-then-embargoed'], embargoed(FAR_EMBARGO), curator);
  catalog.setVisibility(['hidden-then-public'], PUBLIC, curator);
  catalog.deleteRecords(['public-then-deleted', 'hidden-then-deleted'], curator);
  t.context = Object.assign(archive, { embargoEnds });
});
typed.after.always(async (t) => {
  await t.context.close();
});

typed('a harvest lists the public records, reports the once-public withdrawn and deleted ones as deleted, and never names the rest', async (t) => {
  const validator = new OaiValidator();
  for (const verb of ['ListIdentifiers', 'ListRecords']) {
    const { doc } = await getOai(t.context.app, `verb=${verb}&metadataPrefix=oai_dc`, validator);
    const headers = headersOf(doc);
    t.deepEqual(headers.filter((header) => !header.deleted).map((header) => header.identifier).sort(), LIVE.map((id) => REPOSITORY + id).sort(), verb);
    t.deepEqual(headers.filter((header) => header.deleted).map((header) => header.identifier).sort(), DELETED.map((id) => REPOSITORY + id).sort(), verb);
    for (const id of ABSENT) t.false(doc.toString().includes(id), `${verb}: ${id}`);
    if (verb === 'ListRecords') {
      const records = childrenNamed(doc, 'record');
      t.is(records.filter((record) => childrenNamed(record, 'metadata').length > 0).length, LIVE.length, 'deletions carry no metadata');
    }
  }
  await validator.check(t);
});

typed('GetRecord answers a deletion for a once-public record and idDoesNotExist for one the public never saw', async (t) => {
  const validator = new OaiValidator();
  const get = (id: string) => getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}${id}`, validator);
  for (const id of LIVE) t.false(headersOf((await get(id)).doc)[0]!.deleted, id);
  for (const id of DELETED) {
    const { doc } = await get(id);
    t.true(headersOf(doc)[0]!.deleted, id);
    t.is(childrenNamed(doc, 'metadata').length, 0);
  }
  const unknown = await get('never-existed');
  for (const id of ABSENT) {
    const reply = await get(id);
    t.deepEqual(errorCodes(reply.doc), ['idDoesNotExist'], id);
    // The same answer as for an id that never existed, but for the id the harvester typed.
    t.is(strip(reply.xml).replaceAll(id, 'ID'), strip(unknown.xml).replaceAll('never-existed', 'ID'));
    t.deepEqual(errorCodes((await getOai(t.context.app, `verb=ListMetadataFormats&identifier=${REPOSITORY}${id}`, validator)).doc), ['idDoesNotExist'], id);
  }
  await validator.check(t);
});

typed('a record embargoed again after being public is a deletion dated when it was embargoed, and stands at the embargo\'s end once that has passed', async (t) => {
  const validator = new OaiValidator();
  const { catalog } = t.context;
  const embargoedAt = catalog.getRecord('public-then-embargoed')!.modified;
  const { doc } = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}public-then-embargoed`, validator);
  t.deepEqual(headersOf(doc)[0], { identifier: `${REPOSITORY}public-then-embargoed`, datestamp: embargoedAt, deleted: true, sets: ['collection-1'] });
  // A harvest of a window that ends now holds the deletion: its date is not the embargo's end, years ahead.
  const window = await getOai(t.context.app, `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${embargoedAt}&until=${toSecondPrecision(Date.now())}`, validator);
  t.true(headersOf(window.doc).some((header) => header.deleted && header.identifier === `${REPOSITORY}public-then-embargoed`));
  t.false(headersOf(window.doc).some((header) => header.datestamp > toSecondPrecision(Date.now())), 'no datestamp later than now');
  const afterEmbargo = catalog.changes.page({}, 100, undefined, Date.parse(FAR_EMBARGO)).filter((entry) => entry.id === 'public-then-embargoed' || entry.id === 'born-embargoed-far');
  t.deepEqual(afterEmbargo.map((entry) => [entry.id, entry.datestamp]), [['born-embargoed-far', FAR_EMBARGO], ['public-then-embargoed', FAR_EMBARGO]]);
  t.is(catalog.changes.count({ from: FAR_EMBARGO }, Date.parse(FAR_EMBARGO)), 2);
  t.is(catalog.changes.count({ from: FAR_EMBARGO }), 0, 'before the embargo ends, nothing stands at its end');
  const hidden = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}public-then-hidden`, validator);
  t.is(headersOf(hidden.doc)[0]!.datestamp, t.context.catalog.getRecord('public-then-hidden')!.modified, 'a withdrawal is dated when it happened');
  const deleted = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}public-then-deleted`, validator);
  t.deepEqual(headersOf(deleted.doc)[0]!.sets, ['collection-1'], 'a deletion keeps the sets the record was in');
  const inSet = await getOai(t.context.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection-1', validator);
  t.true(headersOf(inSet.doc).some((header) => header.deleted && header.identifier.endsWith('public-then-deleted')));
  await validator.check(t);
});

typed('relations name only records the public may see', async (t) => {
  const validator = new OaiValidator();
  const { doc } = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}public-names-withheld`, validator);
  const relations = dublinCoreOf(childrenNamed(doc, 'record')[0]!).filter((value) => value.element === 'relation' && value.value.startsWith('http'));
  t.deepEqual(relations.map((value) => value.value), ['http://localhost:3000/items/public-plain']);
  const listed = await getOai(t.context.app, 'verb=ListRecords&metadataPrefix=oai_dc', validator);
  const named = childrenNamed(listed.doc, 'record').flatMap((record) => dublinCoreOf(record).filter((value) => value.element === 'relation').map((value) => value.value));
  t.deepEqual(named.filter((value) => value.startsWith('http')), ['http://localhost:3000/items/public-plain']);
  await validator.check(t);
});

typed('an embargo that ends brings its record into the harvest by itself, dated at the embargo\'s end', async (t) => {
  const { embargoEnds } = t.context;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(embargoEnds) - Date.now() + 50)));
  const validator = new OaiValidator();
  const since = await getOai(t.context.app, `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${embargoEnds}`, validator);
  const lifted = headersOf(since.doc).find((header) => header.identifier === `${REPOSITORY}born-embargoed`);
  t.deepEqual(lifted, { identifier: `${REPOSITORY}born-embargoed`, datestamp: embargoEnds, deleted: false, sets: ['collection-1'] });
  const before = await getOai(t.context.app, `verb=ListIdentifiers&metadataPrefix=oai_dc&until=${toSecondPrecision(Date.parse(embargoEnds) - 1000)}`, validator);
  t.false(before.xml.includes('born-embargoed'), 'a harvest of the time before the embargo ended does not hold it');
  await validator.check(t);
});

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString().replace('.000Z', 'Z');
const version = (seconds: number, visibility?: Visibility): Pick<RecordVersion, 'at' | 'after'> => ({ at: at(seconds), ...(visibility && { after: { record: { id: 'r', title_en: 'r' }, visibility, media: [] } }) });
const NOW = Date.parse(at(100));

test('wasEverPublic reads the public\'s view from a record\'s history', (t) => {
  t.true(wasEverPublic([version(0, PUBLIC)], NOW));
  t.true(wasEverPublic([version(0, PUBLIC), version(10, HIDDEN)], NOW));
  t.true(wasEverPublic([version(0, PUBLIC), version(10)], NOW), 'public, then deleted');
  t.false(wasEverPublic([version(0, HIDDEN)], NOW));
  t.false(wasEverPublic([version(0, HIDDEN), version(10)], NOW), 'hidden, then deleted');
  t.false(wasEverPublic([], NOW));
  t.true(wasEverPublic([version(0, { state: 'embargoed', until: at(5) }), version(10, HIDDEN)], NOW), 'the embargo ended before it was hidden');
  t.false(wasEverPublic([version(0, { state: 'embargoed', until: at(50) }), version(10, HIDDEN)], NOW), 'hidden before the embargo ended');
  t.false(wasEverPublic([version(0, { state: 'embargoed', until: at(500) })], NOW), 'still under embargo');
  t.true(wasEverPublic([version(0, { state: 'embargoed', until: at(50) })], NOW), 'the embargo has ended');
});

function strip(xml: string): string {
  return xml.replace(/<responseDate>[^<]*<\/responseDate>/, '');
}
