/**
 * Every bad input of issue 11 for OAI-PMH, each answered with the protocol's own error code in an
 * OAI-PMH document that validates (HTTP 200, as the protocol asks), never a 500: unknown, missing
 * and repeated verbs; unknown, missing and repeated arguments; malformed dates, from after until,
 * mixed granularities; unknown formats, ids and sets; resumption tokens that are garbage, altered,
 * cut, made for another verb or by another archive; bodies that are not forms or are too large.
 */
import test, { type ExecutionContext } from 'ava';
import { encodeToken } from '../../server/oai/resumption-token.ts';
import { childrenNamed, errorCodes, headersOf, OaiValidator, textOf, tokenOf } from './helpers/oai-documents.ts';
import { getOai, postOai, type OaiReply } from './helpers/oai-requests.ts';
import { openSyntheticArchive, type SyntheticArchive } from './helpers/synthetic-archive.ts';

const typed = test as import('ava').TestFn<SyntheticArchive & { token: string }>;

typed.before(async (t) => {
  const archive = await openSyntheticArchive(150);
  const validator = new OaiValidator();
  const first = await getOai(archive.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc', validator);
  t.context = Object.assign(archive, { token: tokenOf(first.doc)!.value });
});
typed.after.always(async (t) => {
  await t.context.close();
});

type Context = ExecutionContext<SyntheticArchive & { token: string }>;

/** Asks each query and expects `code` for every one, in a valid document with status 200. */
async function expectError(t: Context, code: string, queries: readonly string[], validator = new OaiValidator()): Promise<OaiReply[]> {
  const replies: OaiReply[] = [];
  for (const query of queries) {
    const reply = await getOai(t.context.app, query, validator);
    t.is(reply.status, 200, query);
    t.deepEqual([...new Set(errorCodes(reply.doc))], [code], query);
    t.true(textOf(childrenNamed(reply.doc, 'error')[0]).includes(' / '), `${query}: the message is in both languages`);
    replies.push(reply);
  }
  await validator.check(t);
  return replies;
}

typed('a missing, empty, unknown, misspelt or repeated verb is badVerb, and the request element then holds the base URL only', async (t) => {
  const replies = await expectError(t, 'badVerb', ['', 'verb=', 'verb=Bogus', 'verb=identify', 'verb=Identify&verb=Identify', 'verb=Identify&verb=ListSets', 'verb=%ZZ', 'verb=%3Cscript%3E', 'verb=Unknown', 'verb[]=Identify', 'verb[a]=Identify']);
  for (const reply of replies) t.is(childrenNamed(reply.doc, 'request')[0]!.attributes.length, 0);
  t.regex(textOf(childrenNamed(replies[2]!.doc, 'error')[0]), /“Bogus”.*Identify, ListMetadataFormats/);
});

typed('arguments a verb does not take (a page size among them), repeated arguments and missing required ones are badArgument', async (t) => {
  await expectError(t, 'badArgument', [
    'verb=Identify&foo=bar',
    'verb=ListRecords&metadataPrefix=oai_dc&limit=100000',
    'verb=ListIdentifiers&metadataPrefix=oai_dc&pageSize=1000000000',
    'verb=Identify&metadataPrefix=oai_dc',
    '__proto__=1&verb=Identify',
    'verb=ListSets&set=collection-1',
    'verb=ListRecords',
    'verb=ListIdentifiers&from=2020-01-01',
    'verb=GetRecord&identifier=oai:localhost:synthetic-1',
    'verb=GetRecord&metadataPrefix=oai_dc',
    'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc',
    'verb=ListRecords&metadataPrefix=oai_dc&set=collection-1&set=collection-2',
    'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&from=2021-01-01',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:synthetic-1&identifier=oai:localhost:synthetic-2',
    'verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc',
    'verb=ListRecords&resumptionToken=abc&resumptionToken=abc',
    'verb=ListRecords&metadataPrefix=a%20b',
    'verb=ListRecords&metadataPrefix=%3Coai_dc%3E',
    'verb=ListRecords&metadataPrefix=',
    'verb=ListRecords&metadataPrefix=oai_dc&set=',
    'verb=ListRecords&metadataPrefix=oai_dc&set=a%20b',
    'verb=ListRecords&metadataPrefix=oai_dc&set=:collection-1',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:synthetic%201',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=%01',
  ]);
});

typed('malformed dates, from after until and mixed granularities are badArgument; both granularities are accepted', async (t) => {
  const dates = ['2026-13-01', '2026-02-30', '2026-1-1', '20261201', '2026-12-01T10:00Z', '2026-12-01T10:00:00', '2026-12-01T10:00:00+08:00', '2026-12-01T10:00:00.5Z', '2026-12-01T24:00:00Z', '2026-12-01T23:59:60Z', 'yesterday', '', '２０２６-01-01', '+02026-01-01'];
  await expectError(t, 'badArgument', [
    ...dates.map((date) => `verb=ListRecords&metadataPrefix=oai_dc&from=${encodeURIComponent(date)}`),
    ...dates.map((date) => `verb=ListIdentifiers&metadataPrefix=oai_dc&until=${encodeURIComponent(date)}`),
    'verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-02&until=2026-12-01',
    'verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-01T10:00:01Z&until=2026-12-01T10:00:00Z',
    'verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-01&until=2026-12-31T00:00:00Z',
  ]);
  const validator = new OaiValidator();
  for (const query of ['from=2000-01-01', 'until=2999-12-31', 'from=2000-01-01T00:00:00Z&until=2999-12-31T23:59:59Z', 'from=2000-01-01&until=2000-01-01']) {
    const reply = await getOai(t.context.app, `verb=ListIdentifiers&metadataPrefix=oai_dc&${query}`, validator);
    t.true(errorCodes(reply.doc).every((code) => code === 'noRecordsMatch'), query);
  }
  await validator.check(t);
});

typed('a format the archive does not have is cannotDisseminateFormat', async (t) => {
  await expectError(t, 'cannotDisseminateFormat', [
    'verb=ListRecords&metadataPrefix=marc21',
    'verb=ListIdentifiers&metadataPrefix=OAI_DC',
    'verb=GetRecord&metadataPrefix=mods&identifier=oai:localhost:synthetic-1',
  ]);
});

typed('an identifier of another archive, a malformed one or one naming no record is idDoesNotExist', async (t) => {
  await expectError(t, 'idDoesNotExist', [
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:other.example.org:synthetic-1',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=synthetic-1',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:never-was',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:../../etc/passwd',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:',
    'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:%E5%A1%98%E6%A0%96',
    'verb=ListMetadataFormats&identifier=oai:localhost:never-was',
  ]);
});

typed('a set that does not exist matches no record (noRecordsMatch); an archive without collections has no sets (noSetHierarchy)', async (t) => {
  await expectError(t, 'noRecordsMatch', ['verb=ListRecords&metadataPrefix=oai_dc&set=no-such-set', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection-1:sub']);
  const uncollected = await openSyntheticArchive(10, { collections: false });
  try {
    const validator = new OaiValidator();
    for (const query of ['verb=ListSets', 'verb=ListRecords&metadataPrefix=oai_dc&set=collection-1']) {
      const reply = await getOai(uncollected.app, query, validator);
      t.deepEqual(errorCodes(reply.doc), ['noSetHierarchy'], query);
    }
    const records = await getOai(uncollected.app, 'verb=ListIdentifiers&metadataPrefix=oai_dc', validator);
    t.true(headersOf(records.doc).every((header) => header.sets.length === 0), 'a collection that does not exist is no set of a record');
    await validator.check(t);
  } finally {
    await uncollected.close();
  }
});

typed('garbage, altered, cut and foreign resumption tokens are badResumptionToken, never a 500', async (t) => {
  const { token } = t.context;
  const flipped = (index: number) => token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);
  const [body] = token.split('.');
  const payload = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
  const forged = `${Buffer.from(JSON.stringify({ ...payload, c: 0 })).toString('base64url')}.${token.split('.')[1]}`;
  const foreign = encodeToken({ verb: 'ListIdentifiers', conditions: { metadataPrefix: 'oai_dc' }, after: { datestamp: '2000-01-01T00:00:00Z', id: 'a' }, cursor: 100 }, Buffer.alloc(32, 7));
  const tokens = [
    'garbage', '.', '..', 'a.b', 'a.b.c', '%00', '\u0000', '塘栖', 'x'.repeat(5000), body!, `${body}.`, token.slice(0, -1), token.slice(1), `${token}A`, forged, foreign,
    Buffer.from('{"v":1}').toString('base64url') + '.AAAAAAAAAAAAAAAAAAAAAA',
    ...Array.from({ length: 40 }, (_, index) => flipped(Math.floor((index * token.length) / 40))),
  ];
  await expectError(t, 'badResumptionToken', [
    ...tokens.map((value) => `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(value)}`),
    `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`,
    'verb=ListSets&resumptionToken=anything',
  ]);
  // The genuine token still works.
  const validator = new OaiValidator();
  const genuine = await getOai(t.context.app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`, validator);
  t.deepEqual(errorCodes(genuine.doc), []);
  t.is(headersOf(genuine.doc).length, 50);
  await validator.check(t);
});

typed('a POST body that is not a form, one too large, and methods other than GET and POST are refused in OAI-PMH', async (t) => {
  const validator = new OaiValidator();
  const json = await postOai(t.context.app, '{"verb":"Identify"}', validator, 'application/json');
  t.deepEqual(errorCodes(json.doc), ['badArgument']);
  const large = await postOai(t.context.app, `verb=Identify&padding=${'x'.repeat(20_000)}`, validator);
  t.is(large.status, 413);
  t.deepEqual(errorCodes(large.doc), ['badArgument']);
  const gbk = await postOai(t.context.app, 'verb=Identify', validator, 'application/x-www-form-urlencoded; charset=gbk');
  t.deepEqual(errorCodes(gbk.doc), [], 'a form in GBK is decoded');
  const unknownCharset = await postOai(t.context.app, 'verb=Identify', validator, 'application/x-www-form-urlencoded; charset=klingon');
  t.is(unknownCharset.status, 200);
  t.deepEqual(errorCodes(unknownCharset.doc), ['badArgument']);
  const empty = await postOai(t.context.app, '', validator);
  t.deepEqual(errorCodes(empty.doc), ['badVerb']);
  const both = await postOai(t.context.app, 'verb=Identify', validator, 'application/x-www-form-urlencoded', '/oai?verb=Identify');
  t.deepEqual(errorCodes(both.doc), ['badVerb'], 'a verb in the URL and in the body is a repeated verb');
  const { default: request } = await import('supertest');
  const put = await request(t.context.app).put('/oai?verb=Identify');
  t.is(put.status, 405);
  t.is(put.headers.allow, 'GET, HEAD, POST');
  validator.add(put.text);
  const head = await request(t.context.app).head('/oai?verb=Identify');
  t.is(head.status, 200);
  await validator.check(t);
});

typed('an Accept header asking for JSON, HTML or a format that does not exist still gets the OAI-PMH XML, the protocol\'s only form', async (t) => {
  const validator = new OaiValidator();
  for (const accept of ['application/json', 'text/html', 'application/x-no-such-format', 'image/png;q=1, */*;q=0']) {
    for (const query of ['verb=Identify', 'verb=ListIdentifiers&metadataPrefix=oai_dc', 'verb=Bogus']) {
      const reply = await getOai(t.context.app, query, validator, { Accept: accept });
      t.is(reply.status, 200, `${accept}: ${query}`);
      t.regex(reply.contentType, /^text\/xml; charset=utf-8/, `${accept}: ${query}`);
      t.is(childrenNamed(reply.doc, 'responseDate').length, 1, `${accept}: ${query}`);
    }
  }
  await validator.check(t);
});

typed('the schema check itself fails on a response the protocol does not allow', async (t) => {
  const validator = new OaiValidator();
  const reply = await getOai(t.context.app, 'verb=Bogus', validator);
  const broken = new OaiValidator();
  broken.add(reply.xml.replace('code="badVerb"', 'code="serviceUnavailable"'));
  broken.add(reply.xml.replace('<responseDate>', '<responseDate>not a date'));
  const outcome = await t.try(async (tt) => broken.check(tt));
  outcome.discard();
  t.false(outcome.passed, 'xmllint refuses a non-standard error code and a malformed date');
  await validator.check(t);
});
