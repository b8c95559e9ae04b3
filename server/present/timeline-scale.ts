/**
 * The timeline's one axis, from the Neolithic to today. A linear axis would give the Ming dynasty
 * 2% of its width next to eight millennia of prehistory; a log axis would make years unreadable.
 * So the axis is linear piece by piece, each piece given a share of the width: the earlier the
 * piece, the more its years are compressed (a year of the first piece is 14 times narrower than
 * a year of the last).
 */
export interface ScalePiece {
  from: number;
  to: number;
  /** Of the axis's width, 0–1; the shares add up to 1. */
  share: number;
}

export const TIMELINE_SCALE: readonly ScalePiece[] = [
  { from: -10000, to: -3000, share: 0.14 },
  { from: -3000, to: -1000, share: 0.18 },
  { from: -1000, to: 1, share: 0.17 },
  { from: 1, to: 1000, share: 0.19 },
  { from: 1000, to: 2100, share: 0.32 },
];

export const AXIS_START = TIMELINE_SCALE[0]!.from;
export const AXIS_END = TIMELINE_SCALE.at(-1)!.to;

/**
 * Years labelled under the axis, as far apart as `公元前3000年` needs on a laptop screen (the
 * first piece is too narrow for a label of its own); `narrow` ones are kept on phone screens,
 * where the others would overlap. Years are integers without a year 0 (-1 is 1 BCE): the axis
 * treats them as numbers.
 */
export const TIMELINE_TICKS: readonly { year: number; narrow: boolean }[] = [
  { year: -3000, narrow: true },
  { year: -1000, narrow: false },
  { year: 1, narrow: true },
  { year: 500, narrow: false },
  { year: 1000, narrow: true },
  { year: 1500, narrow: false },
  { year: 2000, narrow: true },
];

/** Where `year` sits on the axis, 0 (the start) to 1 (the end); years outside are clamped. */
export function axisPosition(year: number): number {
  const clamped = Math.min(AXIS_END, Math.max(AXIS_START, year));
  let start = 0;
  for (const piece of TIMELINE_SCALE) {
    if (clamped <= piece.to) return start + (piece.share * (clamped - piece.from)) / (piece.to - piece.from);
    start += piece.share;
  }
  return 1;
}

/** The years where one piece of the scale meets the next. */
export function scaleBreaks(): number[] {
  return TIMELINE_SCALE.slice(1).map((piece) => piece.from);
}

