/**
 * The six OAI-PMH verbs on the fixture archive, by GET and by POST, as a harvester sees them:
 * identifiers and the base URL from the public origin only, sets from the themed collections,
 * oai_dc generated from the record's statements with every value language-tagged. Every response
 * is checked against the OAI-PMH schema with xmllint.
 */
import test, { type ExecutionContext } from 'ava';
import { recordStatements } from '../../core/schema/record-statements.ts';
import { chineseOnlyCollectionId, fixtureRecordCount, fullRecordId, hostileRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from '../site/helpers/fixture-site.ts';
import { childrenNamed, dublinCoreOf, errorCodes, headersOf, OaiValidator, textOf, tokenOf } from './helpers/oai-documents.ts';
import { getOai, postOai } from './helpers/oai-requests.ts';

const ORIGIN = 'https://archive.example.org/heritage';
const REPOSITORY = 'oai:archive.example.org:';
const typed = test as import('ava').TestFn<FixtureSite>;

/** A record written past the importer, with characters XML 1.0 cannot carry. */
const controlRecordId = 'control-characters';

typed.before(async (t) => {
  t.context = await openFixtureSite(undefined, { ARCHIVE_PUBLIC_URL: ORIGIN, ARCHIVE_ADMIN_EMAIL: 'curator@archive.example.org', ARCHIVE_NAME_ZH: '临平文化遗产档案', ARCHIVE_NAME_EN: 'Linping Heritage Archive' });
  t.context.catalog.writeBatch([{ id: controlRecordId, title_zh: '控制\u0001字符\u0008测试', title_en: 'Bell\u0007 and \uFFFE form\u000Cfeed', description_en: 'tab\tand newline\nkept' }]);
});
typed.after.always(async (t) => {
  await t.context.close();
});

/** Runs `body` with a validator whose responses must all pass the schema. */
function checked(title: string, body: (t: ExecutionContext<FixtureSite>, validator: OaiValidator) => Promise<void>) {
  typed(title, async (t) => {
    const validator = new OaiValidator();
    await body(t, validator);
    await validator.check(t);
  });
}

checked('Identify names the archive in both languages at the public origin, whatever Host the request claims', async (t, validator) => {
  const { doc, status, contentType } = await getOai(t.context.app, 'verb=Identify', validator, { Host: 'evil.example' });
  t.is(status, 200);
  t.regex(contentType, /^text\/xml; charset=utf-8/);
  const text = (name: string) => textOf(childrenNamed(doc, name)[0]);
  t.is(text('repositoryName'), '临平文化遗产档案 / Linping Heritage Archive', 'the institution\'s own name for the archive');
  t.is(text('baseURL'), `${ORIGIN}/oai`);
  t.is(text('request'), `${ORIGIN}/oai`);
  t.is(text('protocolVersion'), '2.0');
  t.is(text('adminEmail'), 'curator@archive.example.org');
  t.is(text('deletedRecord'), 'persistent');
  t.is(text('granularity'), 'YYYY-MM-DDThh:mm:ssZ');
  t.regex(text('earliestDatestamp'), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  t.true(text('earliestDatestamp') <= text('responseDate'));
  t.false(doc.toString().includes('evil.example'));
});

checked('ListMetadataFormats offers oai_dc, for the archive and for one record', async (t, validator) => {
  for (const query of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${REPOSITORY}${fullRecordId}`]) {
    const { doc } = await getOai(t.context.app, query, validator);
    t.deepEqual(childrenNamed(doc, 'metadataPrefix').map(textOf), ['oai_dc'], query);
    t.deepEqual(childrenNamed(doc, 'metadataNamespace').map(textOf), ['http://www.openarchives.org/OAI/2.0/oai_dc/']);
  }
});

checked('ListSets lists the themed collections with ASCII setSpecs and their Chinese and English names', async (t, validator) => {
  const { doc } = await getOai(t.context.app, 'verb=ListSets', validator);
  const sets = childrenNamed(doc, 'set').map((set) => ({ spec: textOf(childrenNamed(set, 'setSpec')[0]), name: textOf(childrenNamed(set, 'setName')[0]) }));
  t.deepEqual(sets.map((set) => set.spec).sort(), t.context.catalog.listCollections().map((collection) => collection.id).sort());
  for (const set of sets) t.regex(set.spec, /^[a-z0-9-]+$/);
  t.deepEqual(sets.find((set) => set.spec === 'grand-canal')?.name, '大运河（测试） / The Grand Canal (fixture)');
  t.is(sets.find((set) => set.spec === chineseOnlyCollectionId)?.name, '塘栖古镇（测试）');
  const description = dublinCoreOf(childrenNamed(doc, 'set')[0]!);
  t.deepEqual(description.filter((value) => value.element === 'title').map((value) => value.lang), ['zh-Hans', 'en']);
});

checked('ListRecords gives every record in one page with oai identifiers at the public origin', async (t, validator) => {
  const { doc } = await getOai(t.context.app, 'verb=ListRecords&metadataPrefix=oai_dc', validator);
  const headers = headersOf(doc);
  t.is(headers.length, fixtureRecordCount + 1);
  t.is(tokenOf(doc), undefined, 'a list that fits one page carries no resumption token');
  for (const header of headers) {
    t.true(header.identifier.startsWith(REPOSITORY), header.identifier);
    t.false(header.deleted);
  }
  const datestamps = headers.map((header) => header.datestamp);
  t.deepEqual(datestamps, [...datestamps].sort(), 'records come in datestamp order');
  t.deepEqual(headers.find((header) => header.identifier === `${REPOSITORY}${fullRecordId}`)?.sets, ['grand-canal', 'tangqi-old-town']);
});

checked('a record\'s oai_dc is its statements, each value tagged zh-Hans or en where it has a language', async (t, validator) => {
  const { doc } = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}${fullRecordId}`, validator);
  const dc = dublinCoreOf(childrenNamed(doc, 'record')[0]!);
  const stored = t.context.catalog.getRecord(fullRecordId)!;
  const collectionById = new Map(t.context.catalog.listCollections().map((collection) => [collection.id, collection]));
  // The related record that is hidden or missing is never named; everything else is the declaration.
  const visibleRelated = { ...stored.record, related: stored.record.related!.filter((id) => t.context.catalog.getRecord(id)) };
  const expected = recordStatements(visibleRelated, { publicOrigin: ORIGIN, collectionById }).flatMap((statement) =>
    statement.values.map((value) => ({ element: statement.dc!, value: value.value, lang: value.lang ? { zh: 'zh-Hans', en: 'en' }[value.lang] : null })),
  );
  t.deepEqual(dc, expected);
  t.true(dc.some((value) => value.element === 'title' && value.value === '广济桥' && value.lang === 'zh-Hans'));
  t.true(dc.some((value) => value.element === 'title' && value.value === 'Guangji Bridge' && value.lang === 'en'));
  t.true(dc.some((value) => value.element === 'identifier' && value.value === `${ORIGIN}/items/${fullRecordId}` && value.lang === null));
  t.false(dc.some((value) => value.value.includes('no-such-record')), 'a related id that names no record is left out');
});

checked('markup in a record reaches the harvester as text, never as elements', async (t, validator) => {
  const { doc, xml } = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}${hostileRecordId}`, validator);
  const titles = dublinCoreOf(childrenNamed(doc, 'record')[0]!).filter((value) => value.element === 'title').map((value) => value.value);
  t.deepEqual(titles, ['脚本<script>alert(1)</script>测试', 'Markup <img src=x onerror=alert(1)> record']);
  t.false(xml.includes('<script>'));
});

checked('POST with form-encoded arguments answers exactly as GET', async (t, validator) => {
  const query = `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(REPOSITORY + fullRecordId)}`;
  const [get, post] = [await getOai(t.context.app, query, validator), await postOai(t.context.app, query, validator)];
  t.is(post.status, 200);
  const withoutDate = (xml: string) => xml.replace(/<responseDate>[^<]*<\/responseDate>/, '');
  t.is(withoutDate(post.xml), withoutDate(get.xml));
  const listed = await postOai(t.context.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=liangzhu', validator);
  t.deepEqual(errorCodes(listed.doc), []);
});

checked('a set holds exactly the records of its collection', async (t, validator) => {
  const { doc } = await getOai(t.context.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=liangzhu', validator);
  const expected = t.context.catalog.recordsInCollection('liangzhu', 1000).records.map((stored) => `${REPOSITORY}${stored.record.id}`);
  t.deepEqual(headersOf(doc).map((header) => header.identifier).sort(), expected.sort());
  t.true(headersOf(doc).every((header) => header.sets.includes('liangzhu')));
  t.is(childrenNamed(doc, 'metadata').length, 0, 'ListIdentifiers sends headers only');
});

checked('control characters in a record are dropped from the XML, Chinese text is kept whole', async (t, validator) => {
  const { doc } = await getOai(t.context.app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${REPOSITORY}${controlRecordId}`, validator);
  const dc = dublinCoreOf(childrenNamed(doc, 'record')[0]!);
  t.deepEqual(dc.filter((value) => value.element === 'title').map((value) => value.value), ['控制字符测试', 'Bell and  formfeed']);
  t.is(dc.find((value) => value.element === 'description')?.value, 'tab\tand newline\nkept');
});
