/**
 * The archive's words one slip away from a word that matched nothing, for "did you mean": Latin
 * words within one edit (two from 8 letters), Chinese words with one character changed, added or
 * left out. Both engines pass their own vocabulary through these rules, so they suggest alike.
 */
import { editDistance } from './edit-distance.ts';

const MIN_LATIN_LENGTH = 3;
const TWO_EDITS_LENGTH = 8;
const MIN_HAN_LENGTH = 2;
export const MAX_NEAR_WORDS = 5;

/** `candidates` near `word`, nearest first, then alphabetical; never `word` itself. */
export function nearWords(word: string, candidates: Iterable<string>): string[] {
  const han = /\p{Script=Han}/u.test(word);
  const length = [...word].length;
  if (length < (han ? MIN_HAN_LENGTH : MIN_LATIN_LENGTH)) return [];
  const allowed = !han && length >= TWO_EDITS_LENGTH ? 2 : 1;
  const near: { candidate: string; edits: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word || Math.abs([...candidate].length - length) > allowed) continue;
    const edits = editDistance([...candidate], [...word], allowed);
    if (edits <= allowed) near.push({ candidate, edits });
  }
  return near
    .sort((a, b) => a.edits - b.edits || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, MAX_NEAR_WORDS)
    .map(({ candidate }) => candidate);
}
