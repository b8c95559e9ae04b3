/**
 * No dead ends: when no record matches every word, an engine answers with the best looser reading
 * (the most words matched; see looser-readings.ts) and, when a word matches nothing at all, a
 * "did you mean" built from the archive's own words (near-words.ts) that does find records. The
 * steps are the same for every engine; each engine brings its own counting and vocabulary.
 */
import { bestReading, clauseLabel, looserReadingLevels } from './looser-readings.ts';
import type { QueryClause, QueryTerm } from './tokenizer.ts';
import type { LooserReading } from './types.ts';

export interface RescueTools {
  /** How many records each reading matches, under the query's filters. */
  countReadings(readings: readonly QueryClause[][]): Promise<number[]>;
  /** The archive's words one slip away from a term that matched nothing, nearest first. */
  nearWords(term: QueryTerm): Promise<string[]>;
  /** The clauses of a query text, as the engine's tokenizer makes them. */
  clausesOf(text: string): QueryClause[];
}

export interface Rescue {
  /** The reading to answer with instead of the strict one. */
  clauses?: QueryClause[];
  looser?: LooserReading;
  /** A query one edit away per unmatched word, which finds records. */
  suggestion?: string;
}

const HAN = /\p{Script=Han}/u;

/** What to answer a query whose strict reading (`clauses`, all required) found nothing. */
export async function rescueEmptySearch(text: string, clauses: readonly QueryClause[], tools: RescueTools): Promise<Rescue> {
  const alone = clauses.length > 1 ? await tools.countReadings(clauses.map((clause) => [clause])) : [0];
  const suggestion = await didYouMean(text, clauses, new Set(clauses.filter((_, i) => alone[i] === 0)), tools);
  for (const level of looserReadingLevels(clauses)) {
    // Readings keeping a word that matches nothing on its own cannot match: skip counting them.
    const possible = level.filter((reading) => reading.every((clause) => alone[clauses.indexOf(clause)] !== 0));
    const reading = bestReading(possible, await tools.countReadings(possible));
    if (!reading) continue;
    const looser = { kept: reading.map(clauseLabel), dropped: clauses.filter((clause) => !reading.includes(clause)).map(clauseLabel) };
    return { clauses: reading, looser, ...(suggestion && { suggestion }) };
  }
  return suggestion ? { suggestion } : {};
}

/** `text` with each unmatched word replaced by its nearest archive word, when that query finds records. */
async function didYouMean(text: string, clauses: readonly QueryClause[], unmatched: ReadonlySet<QueryClause>, tools: RescueTools): Promise<string | undefined> {
  const replacements = new Map<QueryClause, string>();
  for (const clause of unmatched) {
    const [nearest] = clause[0] ? await tools.nearWords(clause[0]) : [];
    if (nearest !== undefined) replacements.set(clause, nearest);
  }
  if (replacements.size === 0) return undefined;
  const corrected = replaceInText(text, replacements) ?? composeLabels(clauses, replacements);
  const [count] = await tools.countReadings([tools.clausesOf(corrected)]);
  return count ? corrected : undefined;
}

/** The typed text with each replaced word swapped in place, or undefined when the text spells one otherwise (traditional characters, accents). */
function replaceInText(text: string, replacements: ReadonlyMap<QueryClause, string>): string | undefined {
  let corrected = text.normalize('NFKC');
  for (const [clause, replacement] of replacements) {
    const word = clauseLabel(clause);
    const pattern = new RegExp(HAN.test(word) ? escapeRegExp(word) : `(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
    const match = pattern.exec(corrected);
    if (!match) return undefined;
    corrected = corrected.slice(0, match.index) + replacement + corrected.slice(match.index + match[0].length);
  }
  return corrected;
}

/** The clauses' words in order, replacements swapped in: Chinese words side by side, others spaced. */
function composeLabels(clauses: readonly QueryClause[], replacements: ReadonlyMap<QueryClause, string>): string {
  let composed = '';
  for (const clause of clauses) {
    const word = replacements.get(clause) ?? clauseLabel(clause);
    composed += composed && !(HAN.test(composed.at(-1)!) && HAN.test(word[0]!)) ? ` ${word}` : word;
  }
  return composed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
