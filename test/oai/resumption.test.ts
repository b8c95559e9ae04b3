/**
 * Lists in pages of 100 with resumption tokens: cursor and completeListSize on every page, an
 * empty token on the last, the same page for the same token (also after a restart: tokens hold no
 * server state), sets and date windows carried in the token, and edits made during a harvest
 * coming round again at its end instead of being missed.
 */
import test, { type ExecutionContext } from 'ava';
import { childrenNamed, errorCodes, headersOf, OaiValidator, tokenOf, type OaiHeader, type OaiToken } from './helpers/oai-documents.ts';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { getOai } from './helpers/oai-requests.ts';
import { nextSecond, openSyntheticArchive, type SyntheticArchive } from './helpers/synthetic-archive.ts';

const RECORDS = 250;
const typed = test.serial as import('ava').TestFn<SyntheticArchive>;

typed.before(async (t) => {
  t.context = await openSyntheticArchive(RECORDS);
});
typed.after.always(async (t) => {
  await t.context.close();
});

interface Page {
  headers: OaiHeader[];
  token?: OaiToken;
  xml: string;
}

/** Follows the tokens from `query` to the end. */
async function walk(t: ExecutionContext<SyntheticArchive>, verb: string, query: string, validator: OaiValidator): Promise<Page[]> {
  const pages: Page[] = [];
  let next = `verb=${verb}&${query}`;
  for (;;) {
    const { doc, xml } = await getOai(t.context.app, next, validator);
    t.deepEqual(errorCodes(doc), [], next);
    const page = { headers: headersOf(doc), token: tokenOf(doc), xml };
    pages.push(page);
    if (!page.token?.value) return pages;
    next = `verb=${verb}&resumptionToken=${encodeURIComponent(page.token.value)}`;
    if (pages.length > 100) throw new Error('the list never ends');
  }
}

typed('a list of 250 comes in pages of 100, 100 and 50 with cursor, completeListSize and an empty last token', async (t) => {
  const validator = new OaiValidator();
  const pages = await walk(t, 'ListIdentifiers', 'metadataPrefix=oai_dc', validator);
  t.deepEqual(pages.map((page) => page.headers.length), [100, 100, 50]);
  t.deepEqual(pages.map((page) => page.token?.cursor), [0, 100, 200]);
  t.deepEqual(pages.map((page) => page.token?.completeListSize), [RECORDS, RECORDS, RECORDS]);
  t.is(pages.at(-1)!.token!.value, '');
  const identifiers = pages.flatMap((page) => page.headers.map((header) => header.identifier));
  t.is(new Set(identifiers).size, RECORDS, 'no record twice');
  const keys = pages.flatMap((page) => page.headers.map((header) => `${header.datestamp} ${header.identifier}`));
  t.deepEqual(keys, [...keys].sort(), 'in datestamp order across pages');
  await validator.check(t);
});

typed('a set\'s list carries the set in its tokens and holds exactly the set\'s records', async (t) => {
  const validator = new OaiValidator();
  const pages = await walk(t, 'ListIdentifiers', 'metadataPrefix=oai_dc&set=collection-3', validator);
  const expected = t.context.catalog.recordsInCollection('collection-3', RECORDS).records.map((stored) => `oai:localhost:${stored.record.id}`);
  t.deepEqual(pages.flatMap((page) => page.headers.map((header) => header.identifier)).sort(), expected.sort());
  t.true(pages.flatMap((page) => page.headers).every((header) => header.sets.includes('collection-3')));
  const small = await walk(t, 'ListRecords', 'metadataPrefix=oai_dc&set=collection-3', validator);
  t.is(small.length, 1, `${expected.length} records fit one page`);
  t.is(small[0]!.token, undefined);
  await validator.check(t);
});

typed('a date window is kept by its tokens, and completeListSize counts the window', async (t) => {
  const validator = new OaiValidator();
  const all = await walk(t, 'ListIdentifiers', 'metadataPrefix=oai_dc', validator);
  const datestamps = all.flatMap((page) => page.headers.map((header) => header.datestamp));
  const from = datestamps[0]!;
  const until = datestamps.at(-1)!;
  const windowed = await walk(t, 'ListIdentifiers', `metadataPrefix=oai_dc&from=${from}&until=${until}`, validator);
  const inWindow = datestamps.filter((datestamp) => datestamp >= from && datestamp <= until).length;
  t.is(windowed.flatMap((page) => page.headers).length, inWindow);
  if (windowed.length > 1) t.is(windowed[0]!.token!.completeListSize, inWindow);
  t.true(windowed.flatMap((page) => page.headers).every((header) => header.datestamp >= from && header.datestamp <= until));
  const day = from.slice(0, 10);
  const byDay = await walk(t, 'ListIdentifiers', `metadataPrefix=oai_dc&from=${day}&until=${day}`, validator);
  t.is(byDay.flatMap((page) => page.headers).length, datestamps.filter((datestamp) => datestamp.startsWith(day)).length, 'a day covers its every second');
  await validator.check(t);
});

typed('a record edited during a harvest comes round again at the end; none is missed', async (t) => {
  const validator = new OaiValidator();
  const first = await getOai(t.context.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc', validator);
  const seen = headersOf(first.doc);
  const editedId = seen[10]!.identifier.replace('oai:localhost:', '');
  await nextSecond();
  const stored = t.context.catalog.getRecord(editedId)!;
  t.context.catalog.writeBatch([{ ...stored.record, title_en: `${stored.record.title_en} (revised)` }]);
  let next = `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(tokenOf(first.doc)!.value)}`;
  const rest: OaiHeader[] = [];
  for (;;) {
    const { doc } = await getOai(t.context.app, next, validator);
    rest.push(...headersOf(doc));
    const token = tokenOf(doc);
    if (!token?.value) break;
    next = `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token.value)}`;
  }
  const harvested = new Set([...seen, ...rest].map((header) => header.identifier));
  t.is(harvested.size, RECORDS, 'every record harvested');
  t.is(rest.at(-1)!.identifier, `oai:localhost:${editedId}`, 'the edited record comes last, with its new datestamp');
  t.true(rest.at(-1)!.datestamp > seen[10]!.datestamp);
  await validator.check(t);
});

typed('the same token gives the same page, also after the server restarts', async (t) => {
  const validator = new OaiValidator();
  const first = await getOai(t.context.app, 'verb=ListRecords&metadataPrefix=oai_dc', validator);
  const token = encodeURIComponent(tokenOf(first.doc)!.value);
  const strip = (xml: string) => xml.replace(/<responseDate>[^<]*<\/responseDate>/, '');
  const once = await getOai(t.context.app, `verb=ListRecords&resumptionToken=${token}`, validator);
  const twice = await getOai(t.context.app, `verb=ListRecords&resumptionToken=${token}`, validator);
  t.is(strip(twice.xml), strip(once.xml));
  const restarted = await t.context.restart();
  const afterRestart = await getOai(restarted.app, `verb=ListRecords&resumptionToken=${token}`, validator);
  t.is(strip(afterRestart.xml), strip(once.xml));
  t.is(childrenNamed(afterRestart.doc, 'record').length, 100);
  await validator.check(t);
});

typed('completeListSize counts only what the public may see: hidden drafts, and their deletion, leave it as it was', async (t) => {
  const validator = new OaiValidator();
  const before = await walk(t, 'ListIdentifiers', 'metadataPrefix=oai_dc', validator);
  const { catalog } = t.context;
  catalog.writeBatch(Array.from({ length: 30 }, (_, index) => ({ record: { id: `draft-${index}`, title_zh: `草稿${index}`, title_en: `Draft ${index}` }, visibility: HIDDEN })));
  catalog.deleteRecords(['draft-0'], { actor: 'cli:curator' });
  const after = await walk(t, 'ListIdentifiers', 'metadataPrefix=oai_dc', validator);
  t.is(after[0]!.token!.completeListSize, before[0]!.token!.completeListSize, 'the first page tells nothing of the drafts');
  t.is(after.at(-1)!.token!.completeListSize, after.flatMap((page) => page.headers).length, 'the last page gives the list\'s exact size');
  t.false(after.some((page) => page.xml.includes('draft-')));
  await validator.check(t);
});
