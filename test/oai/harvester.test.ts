/**
 * A real harvester: Debian's libhttp-oai-perl (`oai_pmh`, .ci/debian-packages.txt) harvests an
 * archive of several thousand records through a real HTTP server, in pages of 100 with resumption
 * tokens, and gets exactly the public records plus the deletions; after an edit, an incremental
 * harvest `--from` the first harvest's time gets only what changed.
 */
import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import test from 'ava';
import { toSecondPrecision } from '../../core/catalog/datestamp.ts';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { isPublicNow } from '../../core/catalog/visibility.ts';
import { nextSecond, openSyntheticArchive, type SyntheticArchive } from './helpers/synthetic-archive.ts';

const run = promisify(execFile);
const RECORDS = 3000;
const REPOSITORY = 'oai:localhost:';
const curator = { actor: 'cli:curator' };

interface Harvested {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
  metadata: string;
}

interface Context extends SyntheticArchive {
  server: Server;
  baseUrl: string;
  /** When the first harvest began: every write before it has an earlier datestamp. */
  firstHarvestAt: string;
  withdrawn: string[];
  deleted: string[];
}

const typed = test.serial as import('ava').TestFn<Context>;

typed.before(async (t) => {
  const archive = await openSyntheticArchive(RECORDS);
  const { catalog } = archive;
  // Withdrawn after being public (reported deleted), never public (never named), deleted.
  const withdrawn = ['synthetic-10', 'synthetic-11', 'synthetic-12'];
  catalog.setVisibility(withdrawn, HIDDEN, curator);
  catalog.writeBatch([{ record: { id: 'secret-draft', title_zh: '未公开草稿', title_en: 'Unpublished draft', collections: ['collection-1'] }, visibility: HIDDEN }]);
  const deleted = ['synthetic-20', 'synthetic-21', 'synthetic-22', 'synthetic-23'];
  catalog.deleteRecords(deleted, curator);
  await nextSecond();
  const server = archive.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
  t.context = Object.assign(archive, { server, baseUrl, firstHarvestAt: toSecondPrecision(Date.now()), withdrawn, deleted });
});
typed.after.always(async (t) => {
  await new Promise((resolve) => t.context.server?.close(resolve));
  await t.context.close?.();
});

/** Runs `oai_pmh` (ListRecords in oai_dc unless told) and reads its output: records separated by form feeds. */
async function harvest(baseUrl: string, ...options: string[]): Promise<Harvested[]> {
  // PERL_UNICODE=SO: the script prints metadata as characters; this makes its stdout UTF-8 without a warning per record.
  const { stdout } = await run('oai_pmh', ['--metadataPrefix', 'oai_dc', ...options, baseUrl], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PERL_UNICODE: 'SO' } });
  return stdout
    .split('\f')
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const [head = '', ...body] = chunk.trim().split('\n\n');
      const field = (name: string) => [...head.matchAll(new RegExp(`^${name}: ?(.*)$`, 'gm'))].map((match) => match[1]!.trim());
      return { identifier: field('identifier')[0]!, datestamp: field('datestamp')[0]!, deleted: field('status')[0] === 'deleted', sets: field('setSpec'), metadata: body.join('\n\n') };
    });
}

typed('oai_pmh harvests exactly the public records and the deletions, page after page', async (t) => {
  const { catalog, baseUrl, withdrawn, deleted } = t.context;
  const records = await harvest(baseUrl);
  const publicIds = [...catalog.iterateRecords()].flat().filter((stored) => isPublicNow(stored.visibility)).map((stored) => REPOSITORY + stored.record.id);
  t.is(publicIds.length, RECORDS - withdrawn.length - deleted.length);
  t.deepEqual(records.filter((record) => !record.deleted).map((record) => record.identifier).sort(), publicIds.sort());
  t.deepEqual(records.filter((record) => record.deleted).map((record) => record.identifier).sort(), [...withdrawn, ...deleted].map((id) => REPOSITORY + id).sort());
  t.is(new Set(records.map((record) => record.identifier)).size, records.length, 'no record twice');
  t.false(records.some((record) => record.identifier.includes('secret-draft')));
  const sample = records.find((record) => record.identifier === `${REPOSITORY}synthetic-0`)!;
  t.regex(sample.metadata, /<dc:title xml:lang="zh-Hans">[^<]+0号<\/dc:title>/);
  t.regex(sample.metadata, /<dc:title xml:lang="en">[^<]+No\. 0<\/dc:title>/);
  t.true(records.filter((record) => record.deleted).every((record) => record.metadata === ''), 'deletions carry no metadata');
});

typed('oai_pmh harvests a set across several pages and its identifiers alone', async (t) => {
  const { catalog, baseUrl } = t.context;
  const members = catalog.recordsInCollection('collection-4', RECORDS, { publicOnly: true }).records.map((stored) => REPOSITORY + stored.record.id);
  t.true(members.length > 100, `the set spans pages (${members.length} records)`);
  const records = await harvest(baseUrl, '-X', 'ListIdentifiers', '--set', 'collection-4');
  t.deepEqual(records.filter((record) => !record.deleted).map((record) => record.identifier).sort(), members.sort());
  t.true(records.every((record) => record.sets.includes('collection-4') && record.metadata === ''));
});

typed('after an edit, an incremental harvest from the first harvest\'s time returns only the edited records', async (t) => {
  const { catalog, baseUrl, firstHarvestAt } = t.context;
  const edited = ['synthetic-100', 'synthetic-2000', 'synthetic-2999'];
  catalog.writeBatch(catalog.getRecords(edited).map((stored) => ({ ...stored.record, title_en: `${stored.record.title_en} (revised)` })));
  catalog.setVisibility(['synthetic-500'], HIDDEN, curator);
  catalog.deleteRecords(['synthetic-501'], curator);
  const records = await harvest(baseUrl, '--from', firstHarvestAt);
  t.deepEqual(records.filter((record) => !record.deleted).map((record) => record.identifier).sort(), edited.map((id) => REPOSITORY + id).sort());
  t.deepEqual(records.filter((record) => record.deleted).map((record) => record.identifier).sort(), [`${REPOSITORY}synthetic-500`, `${REPOSITORY}synthetic-501`]);
  for (const record of records.filter((candidate) => !candidate.deleted)) t.regex(record.metadata, /\(revised\)/);
  t.true(records.every((record) => record.datestamp >= firstHarvestAt));
});
