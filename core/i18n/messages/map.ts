import type { MessageTable } from './message-table.ts';

/**
 * The maps (issue 13): the offline base map, clusters of records, the map on a record page.
 * The search map's own controls are in site.ts (`site.map.*`).
 */
export const MAP_MESSAGES = {
  'map.base_map_credit': { zh: '底图数据：Natural Earth（公有领域）', en: 'Base map: Natural Earth (public domain)' },
  'map.base_map_note': {
    zh: '底图为离线绘制的海岸线、河流、湖泊与省界（Natural Earth），不含地级市界线，亦非经审核的标准地图。',
    en: 'The base map is drawn offline from Natural Earth: coastlines, rivers, lakes and provincial borders. It has no prefecture borders and is not an officially reviewed map.',
  },
  // The title of Leaflet's link in the credits, which Leaflet itself writes in English only.
  'map.library_title': { zh: '用于交互式地图的 JavaScript 库', en: 'A JavaScript library for interactive maps' },
  'map.cluster': { zh: '此处有 {count} 条记录，选择可放大', en: 'Records here: {count}. Select to zoom in' },
  'map.record_heading': { zh: '位置', en: 'Location' },
  'map.record_label': { zh: '{title}的位置地图', en: 'Map of where {title} is' },
} as const satisfies MessageTable;
