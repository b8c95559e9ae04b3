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
  'browse.trail_label': { zh: '记录所在的检索结果', en: 'This record in its results' },
  'browse.back_to_search': { zh: '返回检索结果', en: 'Back to the search results' },
  'browse.back_to_search_text': { zh: '返回“{text}”的检索结果', en: 'Back to the results for “{text}”' },
  'browse.back_to_collection': { zh: '返回专题：{title}', en: 'Back to the collection: {title}' },
  'browse.position': { zh: '第 {position} 条，共 {total} 条', en: 'Record {position} of {total}' },
  'browse.position_inexact': { zh: '第 {position} 条，共 {total} 条以上', en: 'Record {position} of more than {total}' },
  'browse.previous': { zh: '上一条', en: 'Previous' },
  'browse.next': { zh: '下一条', en: 'Next' },
} as const satisfies MessageTable;
