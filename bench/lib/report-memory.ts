/**
 * Loaded into a benchmarked server with `--import` (node built-ins only, so any checkout of the
 * archive can be measured with it): on SIGUSR2 it writes the process's memory to the file named by
 * BENCH_MEMORY_FILE, its heap measured after a full collection (what the server keeps, not what
 * it has not collected yet).
 */
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const file = process.env.BENCH_MEMORY_FILE;

if (file) {
  process.on('SIGUSR2', () => {
    const before = process.memoryUsage();
    collect();
    const after = process.memoryUsage();
    writeFileSync(file, JSON.stringify({ rss: before.rss, heapUsed: after.heapUsed, heapTotal: after.heapTotal, external: after.external, arrayBuffers: after.arrayBuffers }));
  });
}
