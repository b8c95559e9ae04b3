import type { MessageTable } from './message-table.ts';

/** Messages of search engines (issue 5/6): engine health, Meilisearch configuration and reindex messages. */
export const SEARCH_MESSAGES = {
  // What a visitor sees when the engine cannot answer (the page answers 503).
  'search.unavailable': {
    zh: '搜索暂时不可用，请稍后再试。记录页与专题页仍可正常浏览。',
    en: 'Search is temporarily unavailable; please try again in a moment. Record and collection pages still work.',
  },

  // Why Meilisearch cannot answer: logs, the health endpoint and command-line tools.
  'search.meili.unreachable': { zh: '无法连接 Meilisearch（{host}）：{detail}', en: 'cannot reach Meilisearch at {host}: {detail}' },
  'search.meili.timeout': { zh: 'Meilisearch（{host}）在 {ms} 毫秒内没有响应', en: 'Meilisearch at {host} did not answer within {ms} ms' },
  'search.meili.index_missing': {
    zh: 'Meilisearch 中还没有索引 “{index}”；请运行 npm run reindex -- --engine meilisearch',
    en: 'the Meilisearch index "{index}" does not exist yet: run npm run reindex -- --engine meilisearch',
  },
  'search.meili.key_rejected': {
    zh: 'Meilisearch 拒绝了 API 密钥（{code}）；请检查 MEILI_SEARCH_KEY 与 MEILI_API_KEY',
    en: 'Meilisearch refused the API key ({code}): check MEILI_SEARCH_KEY and MEILI_API_KEY',
  },
  'search.meili.server_error': { zh: 'Meilisearch 返回错误：{detail}', en: 'Meilisearch answered with an error: {detail}' },

  // Writes: a failed task fails the import or the reindex; nothing is marked indexed.
  'search.meili.task_failed': {
    zh: 'Meilisearch 任务 {task}（{type}）失败：{detail}',
    en: 'Meilisearch task {task} ({type}) failed: {detail}',
  },
  'search.meili.task_timeout': {
    zh: 'Meilisearch 任务 {task} 在 {seconds} 秒内没有完成；这些更改仍在队列中，下次同步时会再次提交',
    en: 'Meilisearch task {task} did not finish within {seconds} s; the changes stay queued and are sent again at the next sync',
  },
  'search.meili.rebuild_failed': {
    zh: '重建索引 {index} 失败，正在使用的索引没有改动：{detail}',
    en: 'rebuilding the index {index} failed and the live index was left unchanged: {detail}',
  },

  // Configuration problems found before the server or a command starts.
  'search.config.host_missing': {
    zh: '已选择 Meilisearch 引擎，但没有设置 MEILI_HOST（例如 http://127.0.0.1:7700）',
    en: 'the Meilisearch engine is selected but MEILI_HOST is not set (e.g. http://127.0.0.1:7700)',
  },
  'search.config.same_key': {
    zh: 'MEILI_SEARCH_KEY 与 MEILI_API_KEY 相同；网站应使用只能搜索的密钥（POST /keys，actions: ["search"]）',
    en: 'MEILI_SEARCH_KEY is the same as MEILI_API_KEY; the site must use a search-only key (POST /keys with actions ["search"])',
  },
  'search.config.search_key_missing': {
    zh: '网站会用管理密钥 MEILI_API_KEY 搜索；请创建只能搜索的密钥并设置 MEILI_SEARCH_KEY',
    en: 'the web server would search with the admin key MEILI_API_KEY: create a search-only key and set MEILI_SEARCH_KEY',
  },
  'search.config.server_has_admin_key': {
    zh: '网站进程也持有管理密钥 MEILI_API_KEY；搜索只需要 MEILI_SEARCH_KEY，除非馆员通过网站导入',
    en: 'the web server also holds the admin key MEILI_API_KEY; searching needs only MEILI_SEARCH_KEY unless curators import through the site',
  },
  'search.config.admin_key_missing': {
    zh: '导入与重建索引需要管理密钥 MEILI_API_KEY 才能写入 {host}',
    en: 'ingest and reindex need an admin key in MEILI_API_KEY to write to {host}',
  },
  'search.config.no_key_remote': {
    zh: '{host} 不在本机，却没有设置任何密钥：请用 --master-key 启动 Meilisearch 并设置 MEILI_API_KEY / MEILI_SEARCH_KEY',
    en: '{host} is not on this machine and no key is set: start Meilisearch with --master-key and set MEILI_API_KEY / MEILI_SEARCH_KEY',
  },
  'search.config.no_key_local': {
    zh: '没有设置 Meilisearch 密钥：仅适用于本机的开发服务器，生产环境必须使用密钥',
    en: 'no Meilisearch key is set: acceptable for a development server on this machine, never in production',
  },
  'search.config.plain_http_remote': {
    zh: '密钥将通过未加密的 http:// 发送到 {host}；请使用 https:// 或仅在私有网络中使用',
    en: 'keys are sent unencrypted over http:// to {host}; use https:// or keep it on a private network',
  },

  // npm run test:meili
  'search.test_meili.needs_host': {
    zh: [
      'npm run test:meili 需要一个正在运行的 Meilisearch 服务器，本次没有运行任何测试。',
      '启动一个（任选其一）：',
      '  docker run --rm -p 7700:7700 -e MEILI_MASTER_KEY={key} getmeili/meilisearch:v1.53',
      '  ./meilisearch --master-key {key}',
      '然后：',
      '  MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY={key} npm run test:meili',
      '测试会为每个用例创建并删除名为 contract_* 的索引；MEILI_API_KEY 须能创建、交换和删除这些索引。',
    ].join('\n'),
    en: [
      'npm run test:meili needs a running Meilisearch server; no test was run.',
      'Start one (either):',
      '  docker run --rm -p 7700:7700 -e MEILI_MASTER_KEY={key} getmeili/meilisearch:v1.53',
      '  ./meilisearch --master-key {key}',
      'then:',
      '  MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY={key} npm run test:meili',
      'Every test creates and deletes its own contract_* index; MEILI_API_KEY must be allowed to create, swap and delete them.',
    ].join('\n'),
  },
  'search.test_meili.not_ready': {
    zh: 'Meilisearch 尚未就绪，没有运行任何测试：{detail}',
    en: 'Meilisearch is not ready, so no test was run: {detail}',
  },
} as const satisfies MessageTable;
