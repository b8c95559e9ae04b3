/**
 * Controlled vocabularies. A vocabulary entry is a stable key (stored, filtered, used in URLs)
 * with zh/en labels (shown). Importers accept the key or either label, see `matchVocabulary`.
 */
export interface VocabularyEntry {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Other spellings curators use for the same entry. */
  readonly aliases?: readonly string[];
}

export type Vocabulary = readonly VocabularyEntry[];

export const RECORD_TYPES = [
  { key: 'site', zh: '遗址', en: 'Site' },
  { key: 'canal-section', zh: '运河河段', en: 'Canal section' },
  { key: 'bridge', zh: '桥梁', en: 'Bridge' },
  { key: 'seawall', zh: '海塘', en: 'Seawall' },
  { key: 'building', zh: '建筑', en: 'Building' },
  { key: 'temple', zh: '寺庙', en: 'Temple' },
  { key: 'tomb', zh: '墓葬', en: 'Tomb' },
  { key: 'stele', zh: '碑刻', en: 'Stele' },
  { key: 'artifact', zh: '器物', en: 'Artefact', aliases: ['artifact', 'object', '文物'] },
  { key: 'document', zh: '文献', en: 'Document' },
  { key: 'photograph', zh: '照片', en: 'Photograph', aliases: ['photo', '图片'] },
  { key: 'landscape', zh: '景观', en: 'Landscape' },
  { key: 'intangible', zh: '非物质文化遗产', en: 'Intangible heritage', aliases: ['非遗', 'intangible cultural heritage'] },
] as const satisfies Vocabulary;

export const PROTECTION_LEVELS = [
  { key: 'world-heritage', zh: '世界文化遗产', en: 'World Heritage', aliases: ['世界遗产', 'world heritage site', 'unesco'] },
  { key: 'national', zh: '全国重点文物保护单位', en: 'National', aliases: ['国保', '国家级', 'national key'] },
  { key: 'provincial', zh: '省级文物保护单位', en: 'Provincial', aliases: ['省保', '省级'] },
  { key: 'municipal', zh: '市级文物保护单位', en: 'Municipal', aliases: ['市保', '市级'] },
  { key: 'district', zh: '区级文物保护单位', en: 'District', aliases: ['区保', '区级', '县级', 'county'] },
  { key: 'unlisted', zh: '未定级', en: 'Not listed', aliases: ['unlisted', '无', 'none'] },
] as const satisfies Vocabulary;

export type RecordType = (typeof RECORD_TYPES)[number]['key'];
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number]['key'];

/** Case-insensitive, and spaces, hyphens and underscores count as the same separator. */
function normalizeTerm(term: string): string {
  return term.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

/** Each vocabulary's names, normalized once: an import matches two vocabulary cells in every row. */
const NAMES = new WeakMap<Vocabulary, Map<string, VocabularyEntry>>();

/** The entry whose key, label or alias matches `term`, or undefined. */
export function matchVocabulary(vocabulary: Vocabulary, term: string): VocabularyEntry | undefined {
  return namesOf(vocabulary).get(normalizeTerm(term));
}

/** Normalized name → entry; a name two entries share is the earlier entry's. */
function namesOf(vocabulary: Vocabulary): Map<string, VocabularyEntry> {
  let names = NAMES.get(vocabulary);
  if (!names) {
    names = new Map();
    for (const entry of vocabulary) {
      for (const name of [entry.key, entry.zh, entry.en, ...(entry.aliases ?? [])]) {
        const normalized = normalizeTerm(name);
        if (!names.has(normalized)) names.set(normalized, entry);
      }
    }
    NAMES.set(vocabulary, names);
  }
  return names;
}

export function vocabularyKeys<V extends Vocabulary>(vocabulary: V): [V[number]['key'], ...V[number]['key'][]] {
  return vocabulary.map((entry) => entry.key) as [V[number]['key'], ...V[number]['key'][]];
}
