/**
 * Every manifest and collection of a real archive (the demo archive and the IIIF fixture
 * collection) checked by the field's validators: the IIIF Presentation 3 JSON Schema through ajv
 * and through the IIIF validator's own call, @iiif/parser's strict upgrader, and manifesto.js (the
 * parser Mirador and Universal Viewer use). The validator's own broken fixtures prove the checks fail.
 */
import { readdirSync } from 'node:fs';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import { normalize } from '@iiif/parser';
import anyTest, { type TestFn } from 'ava';
import * as manifesto from 'manifesto.js';
import request from 'supertest';
import { presentThemedCollection } from '../../server/iiif/present-collection.ts';
import { ids, openIiifArchive, type IiifArchive } from './helpers/iiif-archive.ts';
import { officialValidatorErrorCounts, schemaErrors, VALIDATOR_FIXTURES, validatorFixture } from './helpers/iiif-schema.ts';

interface Crawled {
  archive: IiifArchive;
  documents: Map<string, { type: string; items?: { id: string; type: string }[] }>;
}

const test = anyTest as TestFn<Crawled>;
const ORIGIN = 'https://archive.example.org';

/** Every document reachable from the two top collections, by id. */
async function crawl(archive: IiifArchive): Promise<Crawled['documents']> {
  const documents: Crawled['documents'] = new Map();
  const queue = [`${ORIGIN}/iiif/archive`, `${ORIGIN}/iiif/collections`];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (documents.has(id)) continue;
    const { body } = await request(archive.app).get(id.slice(ORIGIN.length)).expect(200);
    documents.set(id, body);
    if (body.type === 'Collection') queue.push(...body.items.map((item: { id: string }) => item.id));
  }
  return documents;
}

test.before(async (t) => {
  const archive = await openIiifArchive(ORIGIN);
  t.context = { archive, documents: await crawl(archive) };
});
test.after.always(async (t) => {
  await t.context.archive.close();
});

const ofType = (t: { context: Crawled }, type: string) => [...t.context.documents].filter(([, document]) => document.type === type);

test('the crawl reaches every public record’s manifest and every collection, and nothing hidden, embargoed or deleted', (t) => {
  const manifests = ofType(t, 'Manifest').map(([id]) => id);
  t.is(manifests.length, t.context.archive.catalog.countRecords({ publicOnly: true }));
  t.is(manifests.length, 73 + 7, 'the demo archive and the public fixture records');
  t.false(manifests.some((id) => [ids.hidden, ids.embargoed, ids.deleted].some((withheld) => id.endsWith(`/${withheld}`))));
  t.is(ofType(t, 'Collection').length, 1 + 1 + 1 + 5, 'the archive, its one page, the themed list and five themed collections');
});

test('every manifest and collection has 0 errors against the IIIF Presentation 3 JSON Schema (ajv, every format checked)', (t) => {
  for (const [id, document] of t.context.documents) t.deepEqual(schemaErrors(document), [], id);
});

test('the IIIF validator’s own check (jsonschema Draft7Validator) finds 0 errors in every document', (t) => {
  const counts = officialValidatorErrorCounts(Object.fromEntries(t.context.documents));
  t.is(Object.keys(counts).length, t.context.documents.size);
  t.deepEqual(Object.entries(counts).filter(([, errors]) => errors > 0), []);
});

test('@iiif/parser’s strict upgrader has no warning for any manifest, and normalizes every collection', (t) => {
  for (const [id, document] of ofType(t, 'Manifest')) {
    const state = { warnings: [] as string[] };
    presentation3StrictUpgrade(structuredClone(document) as never, state);
    t.deepEqual(state.warnings, [], id);
  }
  for (const [id, document] of ofType(t, 'Collection')) {
    const { resource } = normalize(structuredClone(document));
    t.like(resource, { id, type: 'Collection' });
  }
});

test('manifesto.js returns the zh-Hans and en labels of a manifest, and its canvases and image service', (t) => {
  const manifest = manifesto.parseManifest(t.context.documents.get(`${ORIGIN}/iiif/manifests/${ids.bilingual}`)) as manifesto.Manifest;
  t.is(manifest.getLabel().getValue('zh-Hans'), '广济桥');
  t.is(manifest.getLabel().getValue('en'), 'Guangji Bridge');
  const canvases = manifest.getSequences()[0]!.getCanvases();
  t.is(canvases.length, 2);
  t.is(canvases[0]!.getWidth(), 1012);
  t.regex(canvases[0]!.getContent()[0]!.getBody()[0]!.getServices()[0]!.id, /^https:\/\/archive\.example\.org\/iiif\/[0-9a-f]{64}$/);
  const metadata = manifest.getMetadata().map((pair) => [pair.getLabel('zh-Hans'), pair.getLabel('en')]);
  t.deepEqual(metadata[0], ['记录编号', 'Record ID']);
  const zhOnly = manifesto.parseManifest(t.context.documents.get(`${ORIGIN}/iiif/manifests/${ids.zhOnly}`)) as manifesto.Manifest;
  t.is(zhOnly.getLabel().getValue('zh-Hans'), '乾隆御碑');
});

test('manifesto.js reads the archive collection as a collection of page collections', (t) => {
  const collection = manifesto.parseManifest(t.context.documents.get(`${ORIGIN}/iiif/archive`)) as manifesto.Collection;
  t.true(collection.isCollection());
  t.is(collection.getLabel().getValue('en'), 'Heritage Archive: all records');
  t.is(collection.getLabel().getValue('zh-Hans'), '文化遗产档案：全部记录');
  t.is(collection.getCollections().length, 1);
});

test('a themed collection too large for one page is a valid collection of its pages', (t) => {
  const collection = t.context.archive.catalog.getCollection('iiif-fixture')!;
  const listing = { collection, total: 2500, pageCount: 3, records: [], firstImages: new Map(), lookups: { collections: [], collectionById: new Map(), periodLabels: new Map() } };
  const paged = presentThemedCollection(listing, ORIGIN);
  t.deepEqual(paged.items.map((item) => item.id), [1, 2, 3].map((page) => `${ORIGIN}/iiif/collections/iiif-fixture/pages/${page}`));
  t.deepEqual(paged.items[2]!.label, { 'zh-Hans': ['IIIF 测试专题，第 3 页'], en: ['IIIF fixture collection, page 3'] });
  t.deepEqual(schemaErrors(paged), []);
});

test('the validator’s valid fixtures pass and its broken ones fail, under both checks', (t) => {
  const names = readdirSync(VALIDATOR_FIXTURES).map((file) => file.replace(/\.json$/, ''));
  const broken = new Set(['broken_collection', 'broken_simple_image', 'rights_lang_issues', 'non_cc_license', 'old_format_label']);
  t.is(names.length, 10);
  const counts = officialValidatorErrorCounts(Object.fromEntries(names.map((name) => [name, validatorFixture(name)])));
  for (const name of names) {
    const errors = schemaErrors(validatorFixture(name)).length;
    if (broken.has(name)) {
      t.true(errors > 0, `${name} fails ajv`);
      t.true(counts[name]! > 0, `${name} fails the validator's check`);
    } else {
      t.is(errors, 0, `${name} passes ajv`);
      t.is(counts[name], 0, `${name} passes the validator's check`);
    }
  }
});

test('a manifest spoilt the ways the broken fixtures are is caught', (t) => {
  const manifest = structuredClone(t.context.documents.get(`${ORIGIN}/iiif/manifests/${ids.bilingual}`)) as Record<string, unknown>;
  t.true(schemaErrors({ ...manifest, label: 'Guangji Bridge' }).length > 0, 'a label that is not a language map');
  t.true(schemaErrors({ ...manifest, rights: 'https://example.org/my-licence' }).length > 0, 'rights that are neither CC nor RightsStatements');
  t.true(schemaErrors({ ...manifest, navDate: '1489' }).length > 0, 'a navDate that is not a dateTime');
  const state = { warnings: [] as string[] };
  presentation3StrictUpgrade({ ...manifest, rights: 'https://creativecommons.org/licenses/by/4.0/' } as never, state);
  t.true(state.warnings.length > 0, 'the strict upgrader warns about an https CC URI');
});
