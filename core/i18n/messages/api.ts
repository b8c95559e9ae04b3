import type { MessageTable } from './message-table.ts';

/**
 * The JSON API (issue 11): its errors (problem documents) and its OpenAPI description, whose
 * texts read "English · 中文" from these pairs.
 */
export const API_MESSAGES = {
  'api.error.heading_406': { zh: '没有这种格式', en: 'That format is not available' },
  'api.error.not_acceptable': {
    zh: '此地址只提供 {types}；请在 Accept 请求头中选择其中一种。',
    en: 'This address answers only in {types}; ask for one of these in the Accept header.',
  },
  'api.error.heading_405': { zh: '不接受这种请求方法', en: 'Method not allowed' },
  'api.error.method_not_allowed': {
    zh: '此地址只供读取（{allowed}），不接受 {method} 请求；本 API 不提供写入。',
    en: 'This address is read-only ({allowed}) and does not take {method}; the API has no writes.',
  },
  'api.error.bad_cursor': {
    zh: '翻页游标（cursor）无效：它已损坏，或来自另一个版本或另一个搜索引擎。请去掉 cursor 参数，从头开始。',
    en: 'The cursor is not valid: it is damaged, or from another release or search engine. Start again without the cursor parameter.',
  },
  'api.error.cursor_of_another_search': {
    zh: '这个翻页游标属于另一个检索（检索词、筛选、排序、每页条数或语言不同）。请沿用本检索返回的 next 链接，或去掉 cursor 从头开始。',
    en: 'This cursor belongs to another search (other text, filters, sort, page size or language). Follow the next link this search returned, or start again without the cursor.',
  },
  'api.error.page_and_cursor': {
    zh: '请只用页码（page）或游标（cursor）之一，不要同时使用。',
    en: 'Ask for a page number (page) or a cursor, not both.',
  },

  // The OpenAPI description (GET /api/v1/openapi.json).
  'api.doc.title': { zh: '文化遗产档案 JSON API', en: 'Heritage Archive JSON API' },
  'api.doc.description': {
    zh: '检索与读取档案的公开记录和专题。双语字段以语言映射（zh-Hans、en）给出；所有网址都以档案的公开地址为基础。沿 Link: rel="next" 的游标可以取到任何检索的全部结果。错误为 RFC 9457 问题文档。',
    en: 'Search and read the archive’s public records and collections. Bilingual fields are language maps (zh-Hans, en); every URL is at the archive’s public origin. Following the Link: rel="next" cursor reaches every result of any search. Errors are RFC 9457 problem documents.',
  },
  'api.op.search': { zh: '检索记录', en: 'Search the records' },
  'api.op.search.description': {
    zh: '接受检索页的全部参数，解析方式与错误（400）相同。不带 page 时为游标遍历：每页的 Link: rel="next"（及 links.next）指向下一页，直到最后一条。带 page 时按页码取（最多到第 10,000 条）。',
    en: 'Takes every parameter of the search page, parsed the same way, with the same 400s. Without page it is a cursor walk: each page’s Link: rel="next" (and links.next) leads to the next, to the last result. With page it answers that page (up to the 10,000th hit).',
  },
  'api.op.record': { zh: '读取一条记录', en: 'Read a record' },
  'api.op.record.description': {
    zh: '记录的公开字段、图像、专题、相关记录、历史，以及它的 Dublin Core / schema.org 陈述。未公开或尚在禁止期的记录为 404；已删除的为 410，并给出删除时间。',
    en: 'The record’s published fields, photographs, collections, related records, history, and its Dublin Core / schema.org statements. A hidden or embargoed record is a 404; a deleted one a 410 with when it was deleted.',
  },
  'api.op.collections': { zh: '列出专题', en: 'List the collections' },
  'api.op.collection': { zh: '读取一个专题并检索其记录', en: 'Read a collection and search its records' },
  'api.op.openapi': { zh: '本 API 的 OpenAPI 3.1 描述', en: 'This API’s OpenAPI 3.1 description' },
  'api.op.suggest': { zh: '输入提示', en: 'Search-as-you-type suggestions' },
  'api.op.geojson': { zh: '检索结果的地图要素（GeoJSON）', en: 'A search’s located records as GeoJSON' },
  'api.response.ok': { zh: '成功', en: 'OK' },
  'api.response.problem': { zh: '问题文档：请求有误、找不到、已删除、格式不可用或检索暂不可用', en: 'A problem document: a bad request, not found, deleted, no such format, or search unavailable' },
  'api.header.link': { zh: '游标遍历的下一页：<…>; rel="next"', en: 'The next page of a cursor walk: <…>; rel="next"' },

  'api.param.q': { zh: '检索词：中文、英文或拼音', en: 'Text to search, in Chinese, English or pinyin' },
  'api.param.facet': { zh: '按“{label}”筛选；可重复，同一筛选内为“或”', en: 'Filter by {label}; repeat for more values (OR within one filter, AND across filters)' },
  'api.param.year': { zh: '年份：-3300、3300 BCE、公元前3300年、1990', en: 'A year: -3300, 3300 BCE, 公元前3300年, 1990' },
  'api.param.bbox': { zh: '地图范围：南,西,北,东（度）', en: 'A map box: south,west,north,east in degrees' },
  'api.param.near': { zh: '某点附近：纬度,经度,公里数', en: 'Near a point: lat,lon,km' },
  'api.param.sort': { zh: '排序', en: 'The order of the results' },
  'api.param.page': { zh: '页码（与 cursor 二选一）；超出范围的页码按第一页或最后一页处理，与检索页相同', en: 'A page number (instead of a cursor); one out of range is clamped to the first or last page, as on the search page' },
  'api.param.per_page': { zh: '每页条数：{sizes}；其他数字取能容纳它的最小选项', en: 'Records per page: {sizes}; another number becomes the smallest choice that holds it' },
  'api.param.view': { zh: '显示方式：map 只含有地点的记录，timeline 只给统计', en: 'The view: map keeps the located records, timeline gives the counts only' },
  'api.param.lang': { zh: '回答的语言（默认按 Accept-Language）', en: 'The answer’s language (by default from Accept-Language)' },
  'api.param.cursor': { zh: '上一页 next 链接中的游标', en: 'The cursor from the previous page’s next link' },
  'api.param.id': { zh: '记录或专题的标识', en: 'The record’s or collection’s id' },
  'api.param.suggest_q': { zh: '已输入的开头', en: 'What has been typed so far' },
} as const satisfies MessageTable;
