// The Meilisearch contract run (npm run test:meili): its own file pattern, so plain `npm test`
// never picks these tests up, and longer timeouts for a server's task queue.
export default {
  files: ['test/meili/**/*.contract.ts'],
  extensions: { ts: 'module' },
  nodeArguments: ['--import=tsx'],
  workerThreads: false,
  timeout: '5m',
  concurrency: 2,
};
