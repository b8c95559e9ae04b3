import type { MessageTable } from './message-table.ts';

/**
 * Moving around the public site (issue 13): how many records a page shows, the way back from a
 * record to the search or collection it was found in, and the records before and after it there.
 */
export const BROWSE_MESSAGES = {
  'browse.per_page': { zh: '每页显示', en: 'Per page' },
  'browse.per_page_option': { zh: '{size} 条', en: '{size}' },
  'browse.error.bad_per_page': {
    zh: '每页条数“{value}”不是数字；可选：{options}。',
    en: 'The page size “{value}” is not a number; the choices are {options}.',
  },
} as const satisfies MessageTable;
