import type { MessageTable } from './message-table.ts';

/**
 * Messages of the public site (issue 3): navigation, pages, facets, errors, field labels. Views
 * reach them through the `t` helper (server/render/view-engine.ts), presenters through `translate`.
 * English avoids counted nouns ("1 records"): the message format has no plural forms that
 * Chinese could mirror, so counts stand after a colon or a label.
 */
export const SITE_MESSAGES = {
  // The frame of every page.
  'site.name': { zh: '文化遗产档案', en: 'Heritage Archive' },
  'site.title_with_site': { zh: '{page} · {site}', en: '{page} · {site}' },
  'site.lang.name': { zh: '中文', en: 'English' },
  'site.skip_to_content': { zh: '跳到正文', en: 'Skip to content' },
  'site.nav.label': { zh: '主导航', en: 'Main' },
  'site.nav.home': { zh: '首页', en: 'Home' },
  'site.nav.collections': { zh: '专题', en: 'Collections' },
  'site.nav.search': { zh: '检索', en: 'Search' },
  'site.nav.about': { zh: '关于', en: 'About' },
  'site.footer.about': {
    zh: '双语文化遗产档案。各条记录的文字与图像按其注明的许可发布。',
    en: 'A bilingual archive of cultural heritage. The text and images of each record are published under the rights it states.',
  },
  'site.fallback': { zh: '（仅有英文）', en: '(Chinese only)' },

  // Home.
  'site.home.title': { zh: '文化遗产档案', en: 'Heritage Archive' },
  'site.home.intro': {
    zh: '遗址、河道、桥梁、海塘、古镇、器物与文献：以中英双语记录的地方文化遗产。可按专题浏览，也可检索全部记录。',
    en: 'Sites, canals, bridges, seawalls, old towns, objects and documents: local cultural heritage recorded in Chinese and English. Browse the themed collections or search every record.',
  },
  'site.home.holdings': { zh: '馆藏记录 {records} 条 · 专题 {collections} 个', en: 'Records: {records} · Collections: {collections}' },
  'site.home.explore': { zh: '也可以在时间轴或地图上浏览全部记录：', en: 'Or explore every record on a timeline or a map:' },
  'site.home.collections': { zh: '专题', en: 'Collections' },
  'site.home.types': { zh: '按类型浏览', en: 'Browse by type' },
  'site.home.featured': { zh: '精选记录', en: 'Featured records' },
  'site.home.recent': { zh: '最新收录', en: 'Recently added' },
  'site.home.browse_all': { zh: '浏览全部记录', en: 'Browse every record' },

  // Search.
  'site.search.label': { zh: '检索档案', en: 'Search the archive' },
  'site.search.label_collection': { zh: '在本专题中检索', en: 'Search this collection' },
  'site.search.placeholder': { zh: '如：塘栖、广济桥、良渚', en: 'e.g. Tangqi, bridge, Liangzhu' },
  'site.search.hint': {
    zh: '可用中文、英文或拼音检索，例如“塘栖”“Guangji Bridge”“tangqi”。',
    en: 'Search in Chinese, English or pinyin, e.g. 塘栖, Guangji Bridge or tangqi.',
  },
  'site.search.submit': { zh: '检索', en: 'Search' },
  'site.search.apply': { zh: '应用', en: 'Apply' },
  'site.search.years': { zh: '年代范围', en: 'Years' },
  'site.search.year_from': { zh: '起始年份', en: 'From year' },
  'site.search.year_to': { zh: '截止年份', en: 'To year' },
  'site.search.year_hint': {
    zh: '公元前年份可写作 -3300、公元前3300年 或 3300 BCE。',
    en: 'Write years before the common era as -3300, 3300 BCE or 公元前3300年.',
  },
  'site.search.sort': { zh: '排序', en: 'Sort by' },
  'site.search.heading_text': { zh: '“{text}”的检索结果', en: 'Search results for “{text}”' },
  'site.search.heading_browse': { zh: '浏览全部记录', en: 'All records' },
  'site.search.results': { zh: '检索结果', en: 'Results' },
  'site.search.summary': { zh: '共 {total} 条记录，当前显示第 {from}–{to} 条', en: 'Records {from}–{to} of {total}' },
  'site.search.summary_inexact': { zh: '超过 {total} 条记录，当前显示第 {from}–{to} 条', en: 'Records {from}–{to} of more than {total}' },
  'site.search.no_results': { zh: '没有找到记录', en: 'No records found' },
  'site.search.looser': {
    zh: '没有记录同时包含全部检索词；以下是包含“{kept}”的记录，未能匹配的词：“{dropped}”。',
    en: 'No record has all of your words; these records have “{kept}”, and the words not matched are “{dropped}”.',
  },
  'site.search.looser_link': { zh: '只检索“{kept}”', en: 'Search for “{kept}” only' },
  'site.search.did_you_mean': { zh: '您要找的是不是：', en: 'Did you mean:' },
  'site.search.active_filters': { zh: '当前条件', en: 'Current filters' },
  'site.search.text_filter': { zh: '检索词', en: 'Text' },
  'site.search.remove_filter': { zh: '（点击移除此条件）', en: '(select to remove this filter)' },
  'site.search.clear_all': { zh: '清除全部条件', en: 'Clear all filters' },
  'site.year_ce': { zh: '公元{year}年', en: '{year} CE' },
  'site.search.years_between': { zh: '{from}至{to}', en: '{from} to {to}' },
  'site.search.years_from': { zh: '{from}以后', en: 'from {from}' },
  'site.search.years_to': { zh: '{to}以前', en: 'until {to}' },
  'site.search.bbox': { zh: '地图范围', en: 'Map area' },
  'site.search.bbox_value': { zh: '{from} 至 {to}', en: '{from} to {to}' },
  'site.search.near': { zh: '附近', en: 'Nearby' },
  'site.search.near_value': { zh: '{point} 周围 {radius} 公里内', en: 'within {radius} km of {point}' },
  'site.sort.relevance': { zh: '相关度', en: 'Relevance' },
  'site.sort.year_asc': { zh: '年代（由远及近）', en: 'Year (oldest first)' },
  'site.sort.year_desc': { zh: '年代（由近及远）', en: 'Year (newest first)' },
  'site.sort.title': { zh: '标题', en: 'Title' },

  // Facets.
  'site.facets.heading': { zh: '筛选', en: 'Filters' },
  'site.facets.jump': { zh: '跳到筛选条件', en: 'Jump to filters' },
  'site.facets.more': { zh: '更多（{count}）', en: 'More ({count})' },
  'site.facets.remove': { zh: '已选，点击移除：', en: 'Selected, select to remove:' },
  'site.facets.all_areas': { zh: '全部地区', en: 'All areas' },
  'site.facets.trail_label': { zh: '已选的层级', en: 'Chosen level' },
  'site.facets.level_up': { zh: '移除“{level}”，回到上一级', en: 'Remove “{level}” and go up one level' },
  'site.facet.yes': { zh: '有图像', en: 'With images' },
  'site.facet.no': { zh: '无图像', en: 'Without images' },

  // Search suggestions, shown by public/js/suggest.js under the search boxes.
  'site.suggest.label': { zh: '检索建议', en: 'Suggestions' },
  'site.suggest.count': { zh: '有 {count} 条建议，可用上下方向键选择。', en: 'Suggestions: {count}. Use the up and down arrow keys to choose one.' },
  'site.suggest.none': { zh: '没有建议。', en: 'No suggestions.' },

  // Ways to show a result set.
  'site.views.label': { zh: '结果显示方式', en: 'Show the results as' },
  'site.views.list': { zh: '列表', en: 'List' },
  'site.views.timeline': { zh: '时间轴', en: 'Timeline' },
  'site.views.map': { zh: '地图', en: 'Map' },

  // Timeline view.
  'site.timeline.heading': { zh: '时间轴', en: 'Timeline' },
  'site.timeline.summary': {
    zh: '共 {total} 条记录。跨越多个时期的记录在每个时期各计一次。',
    en: 'Records: {total}. A record spanning several periods is counted in each of them.',
  },
  'site.timeline.scale_note': {
    zh: '比例尺在{points}处变化：年代越早压缩得越多，远古文化与明清都能看清。',
    en: 'The scale changes at {points}: the earlier the years, the more they are compressed, so prehistoric cultures and recent dynasties both stay readable.',
  },
  'site.timeline.points_separator': { zh: '、', en: ', ' },
  'site.timeline.bar_label': { zh: '{name} · {count}', en: '{name} · {count}' },
  'site.timeline.table_caption': { zh: '各时期的记录数', en: 'Records per period' },
  'site.timeline.column_period': { zh: '时期', en: 'Period' },
  'site.timeline.column_years': { zh: '年代', en: 'Years' },
  'site.timeline.column_count': { zh: '记录数', en: 'Records' },
  'site.timeline.not_on_axis': { zh: '未列入时间轴', en: 'Not on the timeline' },
  'site.timeline.empty': {
    zh: '这些记录都没有可以排上时间轴的时期。',
    en: 'None of these records has a period that can be placed on the timeline.',
  },

  // Map view.
  'site.map.label': { zh: '检索结果地图', en: 'Map of the results' },
  'site.map.summary': { zh: '共 {total} 条有位置的记录，当前列出第 {from}–{to} 条', en: 'Records with a location {from}–{to} of {total}' },
  'site.map.none': { zh: '这些记录都没有位置信息。', en: 'None of these records has a location.' },
  'site.map.list_heading': { zh: '有位置的记录', en: 'Records with a location' },
  'site.map.hint': {
    zh: '拖动、缩放地图后选“在此范围内检索”；点击地图上任一点，可检索其附近的记录。',
    en: 'Pan and zoom, then choose “Search this area”; click anywhere on the map to search near that point.',
  },
  'site.map.search_area': { zh: '在此范围内检索', en: 'Search this area' },
  'site.map.near_point': { zh: '检索此处 {radius} 公里内的记录', en: 'Search within {radius} km of here' },
  'site.map.near_record': { zh: '附近 {radius} 公里内的记录', en: 'Records within {radius} km' },
  'site.map.truncated': {
    zh: '地图最多显示 {maximum} 条记录；缩小检索范围可看到其余记录。',
    en: 'The map shows at most {maximum} records; narrow the search to see the rest.',
  },
  'site.map.load_failed': { zh: '地图数据未能加载；下面的列表仍然可用。', en: 'The map data could not be loaded; the list below still works.' },
  'site.map.zoom_in': { zh: '放大', en: 'Zoom in' },
  'site.map.zoom_out': { zh: '缩小', en: 'Zoom out' },
  'site.map.close': { zh: '关闭', en: 'Close' },

  // Pagination.
  'site.pagination.label': { zh: '分页', en: 'Pages' },
  'site.pagination.previous': { zh: '上一页', en: 'Previous' },
  'site.pagination.next': { zh: '下一页', en: 'Next' },
  'site.pagination.page': { zh: '第 {number} 页', en: 'Page {number}' },

  // No results.
  'site.empty.heading': { zh: '没有符合这些条件的记录', en: 'No records match these filters' },
  'site.empty.heading_text': { zh: '没有找到与“{text}”相关的记录', en: 'Nothing was found for “{text}”' },
  'site.empty.hint_spelling': { zh: '检查一下用字或拼写。', en: 'Check the spelling.' },
  'site.empty.hint_languages': {
    zh: '换一种说法：中文、英文或拼音（如“塘栖”“Tangqi”“tangqi”）都可以检索。',
    en: 'Try another language: Chinese, English and pinyin all work (塘栖, Tangqi, tangqi).',
  },
  'site.empty.hint_fewer_words': { zh: '减少检索词，或用更宽泛的词。', en: 'Use fewer or more general words.' },
  'site.empty.remove_filters': { zh: '或者去掉一个条件再试：', en: 'Or try without one of the filters:' },
  'site.empty.without_filter': { zh: '去掉“{facet}：{value}”', en: 'Without “{facet}: {value}”' },
  'site.empty.without_all_filters': { zh: '只用检索词、不加任何筛选条件再试', en: 'Search for the text without any filter' },
  'site.empty.browse_collections': { zh: '浏览专题', en: 'Browse the collections' },

  // Record page.
  'site.record.description': { zh: '简介', en: 'Description' },
  'site.record.other_language': { zh: '英文简介', en: 'Description in Chinese' },
  'site.record.details': { zh: '著录信息', en: 'Details' },
  'site.record.images': { zh: '图像', en: 'Images' },
  'site.record.related': { zh: '相关记录', en: 'Related records' },
  'site.record.coordinates_from_photo': { zh: '{coordinates}（取自照片的 GPS 位置）', en: '{coordinates} (from the GPS position of a photograph)' },
  'site.record.geometry_line': { zh: '线（{points} 个点）', en: 'Line ({points} points)' },
  'site.record.geometry_lines': { zh: '多段线：{lines} 段，{points} 个点', en: 'Multi-part line: parts {lines}, points {points}' },
  'site.record.nearby': { zh: '{radius} 公里内的其他记录（地图）', en: 'Records within {radius} km (map)' },
  'site.record.period_with_years': { zh: '{name}（{years}）', en: '{name} ({years})' },
  'site.export.label': { zh: '导出全部结果（导入模板格式，可再导入）：', en: 'Export every result (in the import template, ready to re-import):' },
  'site.export.csv': { zh: 'CSV（Excel）', en: 'CSV (Excel)' },
  'site.export.json': { zh: 'JSON', en: 'JSON' },
  'site.export.jsonl': { zh: 'JSON Lines', en: 'JSON Lines' },
  'site.export.xlsx': { zh: 'XLSX（Excel 工作簿）', en: 'XLSX (Excel workbook)' },
  'site.cite.heading': { zh: '引用本记录', en: 'Cite this record' },
  'site.cite.gbt7714': { zh: 'GB/T 7714-2015', en: 'GB/T 7714-2015 (Chinese)' },
  'site.cite.apa': { zh: 'APA（英文）', en: 'APA' },
  'site.cite.chicago': { zh: '芝加哥格式（英文）', en: 'Chicago' },
  'site.cite.download': { zh: '下载引用：', en: 'Download the citation:' },
  'site.cite.csl': { zh: 'CSL-JSON', en: 'CSL-JSON' },
  'site.cite.bibtex': { zh: 'BibTeX', en: 'BibTeX' },
  'site.cite.ris': { zh: 'RIS（EndNote、Zotero）', en: 'RIS (EndNote, Zotero)' },
  'site.field.id': { zh: '记录编号', en: 'Record ID' },
  'site.field.title': { zh: '题名', en: 'Title' },
  'site.field.description': { zh: '描述', en: 'Description' },
  'site.field.years': { zh: '年代范围', en: 'Years' },
  'site.field.related': { zh: '相关记录', en: 'Related records' },
  'site.field.identifier': { zh: '原始编号', en: 'Original identifier' },
  'site.field.type': { zh: '类型', en: 'Type' },
  'site.field.period': { zh: '年代', en: 'Period' },
  'site.field.place': { zh: '地点', en: 'Place' },
  'site.field.admin_area': { zh: '行政区划', en: 'Administrative area' },
  'site.field.coordinates': { zh: '坐标', en: 'Coordinates' },
  'site.field.geometry': { zh: '形状', en: 'Shape' },
  'site.field.nearby': { zh: '附近', en: 'Nearby' },
  'site.field.keywords': { zh: '关键词', en: 'Keywords' },
  'site.field.protection_level': { zh: '保护级别', en: 'Protection level' },
  'site.field.collections': { zh: '所属专题', en: 'Collections' },
  'site.field.source': { zh: '来源', en: 'Source' },
  'site.field.rights': { zh: '权利', en: 'Rights' },
  'site.field.updated': { zh: '更新日期', en: 'Last updated' },
  'site.field.permalink': { zh: '永久链接', en: 'Permanent link' },
  'site.coordinates.north': { zh: '北纬{degrees}°', en: '{degrees}° N' },
  'site.coordinates.south': { zh: '南纬{degrees}°', en: '{degrees}° S' },
  'site.coordinates.east': { zh: '东经{degrees}°', en: '{degrees}° E' },
  'site.coordinates.west': { zh: '西经{degrees}°', en: '{degrees}° W' },
  'site.coordinates.pair': { zh: '{latitude}，{longitude}', en: '{latitude}, {longitude}' },

  // Collections.
  'site.collections.title': { zh: '专题', en: 'Collections' },
  'site.collections.intro': {
    zh: '每个专题以一篇导读串起一组记录；进入专题后可以在其中检索和筛选。',
    en: 'Each collection tells a story through a group of records; inside a collection you can search and filter its records.',
  },
  'site.collections.none': { zh: '档案中还没有专题。', en: 'The archive has no collections yet.' },
  'site.collections.count': { zh: '记录：{count} 条', en: 'Records: {count}' },
  'site.collections.cover': { zh: '封面记录：', en: 'Cover record:' },
  'site.collection.records': { zh: '本专题的记录', en: 'Records in this collection' },
  'site.collection.search_unavailable': {
    zh: '检索暂时不可用，下面按入藏顺序列出本专题的前几条记录（共 {total} 条）。',
    en: 'Search is unavailable for the moment; below are the first records of this collection in catalogue order ({total} in all).',
  },

  // About.
  'site.about.title': { zh: '关于本档案', en: 'About the archive' },
  'site.about.lead': {
    zh: '本档案以中英双语记录地方文化遗产：遗址、运河、桥梁、海塘、古镇、器物、文献与照片。每条记录注明年代、地点、来源与权利。',
    en: 'This archive records local cultural heritage in Chinese and English: sites, canals, bridges, seawalls, old towns, objects, documents and photographs. Every record states its period, place, source and rights.',
  },
  'site.about.search_heading': { zh: '如何检索', en: 'How to search' },
  'site.about.search_words': {
    zh: '中文可按词或任意两个字检索，例如“塘栖”“玉架山”；英文按词检索。',
    en: 'Chinese can be searched by word or by any two characters, e.g. 塘栖 or 玉架山; English by word.',
  },
  'site.about.search_pinyin': { zh: '拼音也可以检索，例如 tangqi 可以找到“塘栖”。', en: 'Pinyin works too: tangqi finds 塘栖.' },
  'site.about.search_years': {
    zh: '年代范围可包含公元前：写作 -3300、公元前3300年 或 3300 BCE。',
    en: 'Year ranges can reach before the common era: write -3300, 3300 BCE or 公元前3300年.',
  },
  'site.about.search_facets': {
    zh: '在结果页按专题、类型、年代、行政区划、保护级别和有无图像筛选；每一种检索状态都是一个可以分享的链接。',
    en: 'Filter results by collection, type, period, administrative area, protection level and images; every state of a search is a link you can share.',
  },
  'site.about.search_views': {
    zh: '结果可以按列表、时间轴或地图查看；在地图上可以检索某一范围内或某一点附近的记录。',
    en: 'Results can be shown as a list, on a timeline or on a map; on the map you can search an area or near a point.',
  },
  'site.about.languages_heading': { zh: '语言', en: 'Languages' },
  'site.about.languages': {
    zh: '界面可在中文和英文之间切换，选择会被记住。某条记录缺少当前语言的内容时，显示另一种语言并加以标注。',
    en: 'The interface switches between Chinese and English and remembers your choice. Where a record lacks text in your language, the other language is shown and marked as such.',
  },
  'site.about.sources_heading': { zh: '来源与权利', en: 'Sources and rights' },
  'site.about.sources': {
    zh: '每条记录列出其来源和权利说明；引用时请使用记录页上的永久链接。',
    en: 'Each record lists its sources and rights; to cite a record, use the permanent link on its page.',
  },
  'site.about.links_heading': { zh: '链接', en: 'Links' },
  'site.about.links': {
    zh: '记录页和检索结果的网址都可以直接收藏或分享。本站不依赖 JavaScript；有 JavaScript 时，检索框会给出建议，地图可以拖动和缩放。',
    en: 'The addresses of record pages and of search results can be bookmarked and shared as they are. Everything works without JavaScript; with it, the search boxes suggest names and the map can be panned and zoomed.',
  },

  // Errors. Headings per status; messages say what to do next.
  'site.error.heading_400': { zh: '请求有误', en: 'Something in the address is not right' },
  'site.error.heading_404': { zh: '找不到页面', en: 'Page not found' },
  'site.error.heading_410': { zh: '记录已删除', en: 'Record deleted' },
  'site.error.heading_500': { zh: '出错了', en: 'Something went wrong' },
  'site.error.heading_503': { zh: '检索暂时不可用', en: 'Search is unavailable for the moment' },
  'site.error.not_found': { zh: '这个网址没有对应的页面。', en: 'There is no page at this address.' },
  'site.error.record_gone': {
    zh: '这条记录已于 {date} 从档案中删除，不会再回到这个网址。',
    en: 'This record was deleted from the archive on {date} and will not return at this address.',
  },
  'site.error.no_linked_art': {
    zh: '非物质文化遗产记录没有 Linked Art 表示（Linked Art 的实物与地点类别都不适用）；请使用 JSON API 或记录页面。',
    en: 'Intangible heritage records have no Linked Art form (neither its object nor its place class fits); use the JSON API or the record page.',
  },
  'site.error.record_not_found': { zh: '档案中没有这条记录；它可能已被删除，或者网址有误。', en: 'The archive has no such record; it may have been removed, or the address may be mistyped.' },
  'site.error.collection_not_found': { zh: '档案中没有这个专题。', en: 'The archive has no such collection.' },
  'site.error.bad_request': { zh: '网址格式有误，请检查后再试。', en: 'The address is malformed; check it and try again.' },
  'site.error.internal': { zh: '服务器出了问题，已记录在日志中。请稍后再试。', en: 'The server ran into a problem, which has been logged. Please try again later.' },
  'site.error.search_unavailable': {
    zh: '检索服务暂时无法响应，请稍后再试。',
    en: 'The search service is not answering right now; please try again later.',
  },
  'site.error.still_working': {
    zh: '专题页和记录页仍可正常访问。',
    en: 'Collection pages and record pages still work.',
  },
  'site.error.not_filterable': { zh: '不能按“{field}”筛选；可用的筛选条件：{facets}', en: 'Records cannot be filtered by “{field}”; the filters are: {facets}' },
  'site.error.text_too_long': { zh: '检索词太长：最多 {maximum} 个字符。', en: 'The search text is too long: at most {maximum} characters.' },
  'site.error.too_many_values': { zh: '“{facet}”最多可同时选 {maximum} 项。', en: 'Choose at most {maximum} values of “{facet}” at once.' },
  'site.error.value_too_long': { zh: '“{facet}”的取值太长：最多 {maximum} 个字符。', en: 'A value of “{facet}” is too long: at most {maximum} characters.' },
  'site.error.unknown_value': { zh: '“{facet}”没有“{value}”这一项。', en: '“{facet}” has no value “{value}”.' },
  'site.error.bad_year': {
    zh: '{field}“{value}”不是年份；可写作 1990、-3300、公元前3300年 或 3300 BCE。',
    en: '{field} “{value}” is not a year; write for example 1990, -3300, 3300 BCE or 公元前3300年.',
  },
  'site.error.year_range_reversed': { zh: '起始年份晚于截止年份；请对调后再试。', en: 'The from year is later than the to year; swap them and try again.' },
  'site.error.bad_sort': { zh: '无法按“{value}”排序；可用的排序：{options}', en: 'Results cannot be sorted by “{value}”; the sort orders are: {options}' },
  'site.error.bad_bbox': {
    zh: '地图范围“{value}”有误：应为“南,西,北,东”四个数（纬度 -90 至 90，经度 -180 至 180），南小于北，西小于东。',
    en: 'The map area “{value}” is not valid: give south,west,north,east as four numbers (latitudes −90 to 90, longitudes −180 to 180), south below north and west below east.',
  },
  'site.error.bad_near': {
    zh: '附近检索“{value}”有误：应为“纬度,经度,半径公里数”，例如 30.48,120.19,5。',
    en: 'The nearby search “{value}” is not valid: give latitude,longitude,radius in km, for example 30.48,120.19,5.',
  },
  'site.error.bad_view': { zh: '没有“{value}”这种显示方式；可用的有：{options}', en: 'There is no view “{value}”; the views are: {options}' },
  'site.error.bad_page': { zh: '页码“{value}”不是数字。', en: 'The page number “{value}” is not a number.' },
  'site.error.go_home': { zh: '返回首页', en: 'Go to the home page' },
  'site.error.go_collections': { zh: '浏览专题', en: 'Browse the collections' },
  'site.error.go_search': { zh: '检索档案', en: 'Search the archive' },
} as const satisfies MessageTable;
