/**
 * A second process for the writer-lock tests: opens the catalog given as argv[2], takes the
 * writer lock (and, with `--import`, starts an import), prints `held`, and releases when its
 * stdin closes (or never, if it is killed first).
 */
import { Catalog } from '../../../core/catalog/catalog.ts';

const catalog = Catalog.open(process.argv[2]!);
const release = await catalog.writerLock.acquire('test holder');
if (process.argv.includes('--import')) catalog.startImport(['held.csv'], 'test');
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  release();
  catalog.close();
  process.exit(0);
});
