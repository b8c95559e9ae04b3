/**
 * The archive's code runs in one of two forms: as TypeScript through tsx (tests, the command-line
 * tools, development), or as the JavaScript `npm run build` writes to dist/ (what `npm start`
 * serves: on Node 20 tsx keeps a loader thread with esbuild and every module's source map for the
 * process's life, ~60 MB of a server's memory). Code that starts a thread or a process on one of the
 * archive's own modules asks here which file that is and what node needs to load it.
 */

/** True when this code is the build in dist/, false when it is the TypeScript sources. */
export const RUNNING_BUILT = import.meta.url.endsWith('.js');

/**
 * The archive's module `relative` (named as its `.ts` source) next to `base` (the caller's
 * `import.meta.url`): the source itself, or the `.js` built from it.
 */
export function ownModule(relative: string, base: string): URL {
  return new URL(RUNNING_BUILT ? relative.replace(/\.ts$/, '.js') : relative, base);
}

/** What node needs on its command line to load the archive's modules: tsx for the sources, nothing for the build. */
export function moduleLoaderArgs(): string[] {
  // By its full address: the process may have been started from any folder.
  return RUNNING_BUILT ? [] : ['--import', import.meta.resolve('tsx')];
}

/**
 * A line of JavaScript that loads the module at `url` in a worker thread started with `eval: true`.
 * Node 20 gives worker threads none of the main thread's loader hooks, whatever `--import` it
 * started with, so under tsx the worker registers tsx itself first; the build needs no loader.
 */
export function workerBootstrap(url: URL): string {
  const load = `import(${JSON.stringify(url.href)})`;
  if (RUNNING_BUILT) return load;
  return `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => {
    register();
    return ${load};
  })`;
}
