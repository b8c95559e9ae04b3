import type { MessageTable } from './message-table.ts';

/** Messages of search engines (issue 5/6): engine health, Meilisearch configuration and reindex messages. */
export const SEARCH_MESSAGES = {} as const satisfies MessageTable;
