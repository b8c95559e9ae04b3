/**
 * The header names curators' spreadsheets use for the template's fields, in Chinese and English:
 * the import matches a file's columns to fields through this table (ingest/mapping/), and the
 * curator chooses the rest. A name of a bilingual field (`题名`, `title`, `name`) takes its
 * language from a marker in the header (`_en`, `(英文)`, `English` …), else from the column's
 * values (Han characters or not), else from the header's own script.
 *
 * Names are compared after NFKC, lower-casing and removing everything but letters and digits,
 * so `Start Year`, `start_year` and `START-YEAR` are one name.
 */
import type { RecordField } from './record.ts';
import { CATALOG_COLUMNS } from './record.ts';

/** What a column of an import file may fill: a record field or a catalog column (`visibility`). */
export type ImportTarget = RecordField | (typeof CATALOG_COLUMNS)[number];

/** Fields kept in two languages, by their name without the language. */
export const BILINGUAL_FIELDS = {
  title: { zh: 'title_zh', en: 'title_en' },
  description: { zh: 'description_zh', en: 'description_en' },
  period: { zh: 'period_zh', en: 'period_en' },
  place: { zh: 'place_zh', en: 'place_en' },
  keywords: { zh: 'keywords_zh', en: 'keywords_en' },
} as const satisfies Record<string, Record<'zh' | 'en', RecordField>>;

export type BilingualField = keyof typeof BILINGUAL_FIELDS;

/** Every other name a column may carry for each field. The field's own name always matches. */
export const COLUMN_NAMES: Readonly<Record<BilingualField | Exclude<ImportTarget, `${BilingualField}_${'zh' | 'en'}`>, readonly string[]>> = {
  id: ['编号', '编码', '记录编号', '档案编号', '唯一编号', 'record id', 'record no'],
  identifier: ['原编号', '原始编号', '原有编号', 'original id', 'original identifier', 'old id'],
  title: ['name', '题名', '标题', '名称', '名字', '题目'],
  description: ['desc', 'descriptions', '描述', '简介', '说明', '介绍', '概况'],
  type: ['category', 'kind', 'record type', '类型', '类别', '种类'],
  period: ['era', 'dynasty', '时期', '年代', '朝代', '时代'],
  start_year: ['start', 'from', 'year', 'year from', 'begin', 'start date', '起始年', '起始年份', '开始年份', '始年', '年份'],
  end_year: ['end', 'to', 'year to', 'end date', '结束年份', '终止年份', '止年', '终年'],
  place: ['location', 'place name', '地点', '位置', '地址', '所在地'],
  admin_area: ['administrative area', 'admin', 'region', 'area', '行政区划', '行政区', '所属地区', '政区'],
  lat: ['latitude', '纬度'],
  lon: ['lng', 'long', 'longitude', '经度'],
  collections: ['collection', 'themes', '专题', '所属专题', '收藏集'],
  keywords: ['keyword', 'tags', 'subjects', '关键词', '关键字', '标签', '主题词'],
  protection_level: ['protection', 'heritage level', 'level', '保护级别', '文保级别', '保护等级', '级别'],
  rights: ['license', 'licence', 'copyright', '版权', '权利', '许可', '版权声明'],
  source: ['sources', 'reference', 'references', '来源', '出处', '资料来源'],
  images: ['image', 'photos', 'photo', 'photographs', 'pictures', 'files', '图片', '照片', '图像', '影像'],
  related: ['see also', 'related records', '相关', '相关记录', '关联记录'],
  coordinates_source: [],
  geometry: ['geojson', 'shape', '几何', '空间范围'],
  visibility: ['公开状态', '可见性', '公开'],
};

/** Words in a header that say which language its column holds; removed before the name is matched. */
export const LANGUAGE_MARKERS: Readonly<Record<'zh' | 'en', { words: readonly string[]; han: readonly string[] }>> = {
  zh: { words: ['zh', 'cn', 'chinese', 'hans'], han: ['中文', '汉语', '汉文'] },
  en: { words: ['en', 'english', 'eng'], han: ['英文', '英语'] },
};
