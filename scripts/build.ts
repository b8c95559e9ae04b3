/**
 * `npm run build` (and `npm start`, which builds first): the server's TypeScript (core/, server/,
 * ingest/) as JavaScript in dist/, one file per module, for `node dist/server/main.js`. Under tsx a
 * Node 20 server keeps a loader thread (its own V8 heap, tsx and esbuild) and every module's source
 * map for its whole life; the built server loads plain modules. Types are only stripped (esbuild,
 * under a second): `npm run typecheck` checks them. Views, collections, CSL styles and the public
 * assets stay where they are (`PROJECT_ROOT`).
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';

/** What the server runs: its own code and the importer it starts for web imports. */
const SOURCE_DIRS = ['core', 'server', 'ingest'];
const BUILD_DIR = path.join(PROJECT_ROOT, 'dist');

/**
 * Every import stays an import (each module is built on its own, packages are loaded from
 * node_modules); the archive's own `./x.ts` become `./x.js`, the file built beside it.
 */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, ({ kind, path: specifier }) => {
      if (kind === 'entry-point') return undefined;
      return { path: specifier.startsWith('.') ? specifier.replace(/\.ts$/, '.js') : specifier, external: true };
    });
  },
};

function sourcesIn(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(PROJECT_ROOT, dir, file));
}

/** The file's bytes, or undefined when there is none. */
function contentOf(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

const { outputFiles } = await build({
  entryPoints: SOURCE_DIRS.flatMap(sourcesIn),
  outdir: BUILD_DIR,
  outbase: PROJECT_ROOT,
  // Bundling only so that `keepImports` sees every import; nothing is bundled.
  bundle: true,
  plugins: [keepImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // For a stack trace read with `node --enable-source-maps dist/server/main.js`; not loaded otherwise.
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
});
// Only what changed is written, each file whole (renamed into place): a server already running
// from dist/ (another `npm start`) may still load a module on first use while this runs.
for (const { path: file, contents } of outputFiles) {
  if (contentOf(file)?.equals(contents)) continue;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, contents);
  renameSync(`${file}.${process.pid}`, file);
}
