import type { MessageTable } from './message-table.ts';

/** Messages of the IIIF manifests, collections and viewer (issue 11). */
export const IIIF_MESSAGES = {
  'iiif.canvas_label': { zh: '图 {n}', en: 'Image {n}' },
  'iiif.canvas_without_image': { zh: '本记录没有图像', en: 'This record has no image' },
  'iiif.archive_label': { zh: '{site}：全部记录', en: '{site}: all records' },
  'iiif.archive_summary': {
    zh: '档案中全部公开记录的 IIIF 清单，每页最多 {size} 条，按编入档案的先后排列。',
    en: 'The IIIF manifests of every public record in the archive, at most {size} a page, in the order they entered the archive.',
  },
  'iiif.page_label': { zh: '{title}，第 {n} 页', en: '{title}, page {n}' },
  'iiif.collections_label': { zh: '{site}：专题', en: '{site}: themed collections' },
  'iiif.record_not_found': { zh: '没有这条记录的 IIIF 清单：记录不存在或未公开', en: 'There is no IIIF manifest for this record: it does not exist or is not public' },
  'iiif.record_gone': { zh: '这条记录已于 {date} 从档案中删除，其 IIIF 清单不再提供', en: 'This record was deleted from the archive on {date}; its IIIF manifest is no longer served' },
  'iiif.collection_not_found': { zh: '没有这个 IIIF 集合', en: 'There is no such IIIF collection' },
  'iiif.page_not_found': { zh: '没有这一页：页码应为 1 到 {last} 之间的整数', en: 'There is no such page: pages are whole numbers from 1 to {last}' },
  'iiif.page_malformed': { zh: '没有这一页：页码应为从 1 开始的整数', en: 'There is no such page: pages are whole numbers from 1' },
  'iiif.not_acceptable': {
    zh: 'IIIF 文档只有 JSON-LD 格式（application/ld+json 或 application/json）；请在 Accept 头中接受其中之一',
    en: 'IIIF documents exist as JSON-LD only (application/ld+json or application/json); accept one of them in the Accept header',
  },
  'iiif.see_also_linked_art': { zh: '本记录的 Linked Art 描述（JSON-LD）', en: 'This record as Linked Art (JSON-LD)' },
  'iiif.see_also_citation': { zh: '本记录的引用数据（CSL-JSON）', en: 'This record’s citation data (CSL-JSON)' },
  'iiif.link_label': { zh: 'IIIF 清单', en: 'IIIF manifest' },
  'iiif.link_hint': {
    zh: '点击在本档案的 Mirador 查看器中打开；或把 IIIF 标志拖到任何 IIIF 查看器中',
    en: 'Open it in the archive’s Mirador viewer, or drag the IIIF logo into any IIIF viewer',
  },
  'iiif.logo_alt': { zh: 'IIIF 清单（可拖放）', en: 'IIIF manifest (drag and drop)' },
  'iiif.manifest_json': { zh: '清单 JSON', en: 'manifest JSON' },
  'iiif.viewer_title': { zh: 'IIIF 查看器', en: 'IIIF viewer' },
  'iiif.viewer_back': { zh: '返回档案', en: 'Back to the archive' },
  'iiif.viewer_loading': { zh: '正在载入查看器……', en: 'Loading the viewer…' },
  'iiif.viewer_needs_script': { zh: 'Mirador 查看器需要 JavaScript。', en: 'The Mirador viewer needs JavaScript.' },
  'iiif.viewer_bad_manifest': {
    zh: '此查看器只打开本档案的 IIIF 清单和集合：manifest 参数应是以 {prefix} 开头的地址',
    en: 'This viewer opens this archive’s IIIF manifests and collections only: the manifest parameter must be an address starting with {prefix}',
  },
} as const satisfies MessageTable;
