import type { MessageTable } from './message-table.ts';

/** Messages of the public site (issue 3): navigation, pages, facets, errors, field labels. */
export const SITE_MESSAGES = {} as const satisfies MessageTable;
