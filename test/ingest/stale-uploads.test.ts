/**
 * Uploads a curator never imported: their folders are removed once they are older than the
 * cut-off, unless a job is still queued for them; an imported upload is never touched.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { removeStaleUploads } from '../../ingest/uploads/remove-stale-uploads.ts';
import { openTempArchive } from '../helpers/temp-archive.ts';

test('uploads never imported are removed after the cut-off, folder and all; one with a queued job and an imported one stay', async (t) => {
  const archive = openTempArchive(t);
  const uploadsDir = path.join(archive.dir, 'uploads');
  const upload = (folder: string) => {
    mkdirSync(path.join(uploadsDir, folder), { recursive: true });
    writeFileSync(path.join(uploadsDir, folder, 'records.csv'), 'id,title_zh\nstale,久置\n');
    const id = archive.catalog.uploads.add({ createdBy: 'user:editor', folder, files: [{ name: 'records.csv', bytes: 24, sha256: '' }] });
    archive.catalog.uploads.setAnalysis(id, {});
    return id;
  };
  const left = upload('left-alone');
  const queued = upload('queued');
  archive.catalog.jobs.enqueue({ kind: 'dry_run', uploadId: queued, createdBy: 'user:editor', spec: {} });
  const imported = upload('imported');
  archive.catalog.uploads.setStatus(imported, 'imported');

  t.is(await removeStaleUploads(archive.catalog, uploadsDir, new Date(Date.now() - 3600_000)), 0, 'nothing is older than an hour ago');
  t.is(await removeStaleUploads(archive.catalog, uploadsDir, new Date(Date.now() + 1000)), 1);
  t.is(archive.catalog.uploads.get(left)?.status, 'removed');
  t.false(existsSync(path.join(uploadsDir, 'left-alone')));
  t.true(existsSync(path.join(uploadsDir, 'queued')));
  t.is(archive.catalog.uploads.get(queued)?.status, 'ready');
  t.true(existsSync(path.join(uploadsDir, 'imported')));
});
