/**
 * Loaded into a benchmarked server with `--import` (node built-ins only, so any checkout of the
 * archive can be measured with it): on SIGUSR2 it writes the process's memory to the file named by
 * BENCH_MEMORY_FILE, its heap measured after a full collection (what the server keeps, not what
 * it has not collected yet), with where the resident memory lies (`parts`, for `--detail`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const file = process.env.BENCH_MEMORY_FILE;

/**
 * The resident memory of the process's mappings (/proc/self/smaps), summed by what they hold: the
 * catalog's file (mmap), native addons and their libraries, node's own binary and libraries,
 * other files, the main heap of malloc (`[heap]`), and anonymous mappings (V8's heaps, malloc's
 * other arenas and large blocks, thread stacks), in bytes.
 */
function residentByMapping(): Record<string, number> {
  const parts: Record<string, number> = {};
  let part = '';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      part = partOf(mapping[1]!);
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB$/.exec(line);
    if (rss) parts[part] = (parts[part] ?? 0) + Number(rss[1]) * 1024;
  }
  return parts;
}

function partOf(name: string): string {
  if (name === '') return 'anonymous';
  if (name.startsWith('[')) return name === '[heap]' ? 'malloc [heap]' : 'other [..]';
  if (/\.db(-shm|-wal)?$/.test(name)) return 'catalog file';
  if (/node_modules\/.*\.(node|so[.\d]*)$/.test(name)) return 'native addons';
  if (name === process.execPath) return 'node binary';
  if (/\.so[.\d]*$/.test(name)) return 'system libraries';
  return 'other files';
}

if (file) {
  process.on('SIGUSR2', () => {
    // Read as the RSS is, before the collection.
    const before = process.memoryUsage();
    const mappings = residentByMapping();
    const uncollected = getHeapStatistics();
    collect();
    const after = process.memoryUsage();
    const heap = getHeapStatistics();
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { used: space.space_used_size, committed: space.physical_space_size }]));
    writeFileSync(
      file,
      JSON.stringify({
        rss: before.rss,
        heapUsed: after.heapUsed,
        heapTotal: after.heapTotal,
        external: after.external,
        arrayBuffers: after.arrayBuffers,
        detail: {
          // V8's committed pages of the main thread before the collection (resident once touched), and after.
          heapCommittedBefore: uncollected.total_physical_size,
          heapCommitted: heap.total_physical_size,
          spaces,
          threads: readdirSync('/proc/self/task').length,
          mappings,
        },
      }),
    );
  });
}
