/**
 * How a typed run of Chinese characters becomes query terms. Segmentation decides where a run may
 * be split, but a split must never make a query looser than what was typed:
 * - a run of two characters is one term, matched as that substring (于谦 must not become 谦
 *   anywhere once 于 is dropped as a function word);
 * - characters segmentation leaves on their own next to each other are joined again (李|春 → 李春),
 *   function words excepted;
 * - a lone function word (的, 于 …) between words is dropped, unless nothing else is left;
 * - a run cut into several terms keeps the whole run on each of them (`run`), so an engine can rank
 *   records holding the run verbatim above those holding its words apart.
 */

/** Single characters too common to be worth requiring when a run has other terms. */
const HAN_STOP_CHARACTERS = new Set('的了和与及在是之或等也于其'.split(''));

/** True for a function word that a query need not require (的, 于 …). */
export function isStopCharacter(text: string): boolean {
  return HAN_STOP_CHARACTERS.has(text);
}

export interface HanPiece {
  text: string;
  /** The whole typed run, when it was cut into more than one piece. */
  run?: string;
}

/** The query pieces of one Han run, given how the segmenter cuts it. */
export function hanQueryPieces(run: string, cut: (run: string) => string[]): HanPiece[] {
  if ([...run].length <= 2) return [{ text: run }];
  const pieces: string[] = [];
  let singles = '';
  for (const word of cut(run)) {
    // A function word is not joined to its neighbours: 临平区的桥 must not require 的桥.
    if ([...word].length === 1 && !HAN_STOP_CHARACTERS.has(word)) {
      singles += word;
      continue;
    }
    if (singles) pieces.push(singles);
    singles = '';
    pieces.push(word);
  }
  if (singles) pieces.push(singles);
  const meaningful = pieces.filter((piece) => !HAN_STOP_CHARACTERS.has(piece));
  const kept = meaningful.length > 0 ? meaningful : pieces;
  return kept.length === 1 ? [{ text: kept[0]! }] : kept.map((text) => ({ text, run }));
}
