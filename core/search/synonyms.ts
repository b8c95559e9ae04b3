/**
 * Names that mean the same thing across languages and usages. A query for any member also
 * matches the others: `seawall` finds 海塘, `大运河` finds "Grand Canal".
 * Lower case; Chinese in simplified characters.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['大运河', '京杭大运河', 'grand canal'],
  ['海塘', '古海塘', 'seawall', 'sea wall'],
  ['良渚文化', 'liangzhu culture'],
  ['广济桥', 'guangji bridge'],
  ['上塘河', 'shangtang river'],
  ['塘栖', 'tangqi'],
  ['超山', 'chaoshan'],
  ['玉架山', 'yujiashan'],
  ['临平', 'linping'],
  ['钱塘江', 'qiantang river'],
  ['非物质文化遗产', '非遗', 'intangible heritage', 'intangible cultural heritage'],
  ['世界文化遗产', '世界遗产', 'world heritage'],
  ['新石器时代', 'neolithic'],
];

const groupOf = new Map<string, readonly string[]>(SYNONYM_GROUPS.flatMap((group) => group.map((name) => [name, group] as const)));

/** The other names of `name`'s group, or an empty list. */
export function synonymsOf(name: string): string[] {
  return (groupOf.get(name) ?? []).filter((other) => other !== name);
}

/** The Chinese members of every group, to keep the segmenter from cutting them apart. */
export const CHINESE_SYNONYMS: readonly string[] = SYNONYM_GROUPS.flat().filter((name) => /\p{Script=Han}/u.test(name));

/** The longest multi-word Latin synonym, in words. */
export const MAX_LATIN_SYNONYM_WORDS = Math.max(...SYNONYM_GROUPS.flat().map((name) => name.split(' ').length));
