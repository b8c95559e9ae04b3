import test from 'ava';
import { bestReading, looserReadingLevels, MAX_READINGS_PER_LEVEL } from '../../core/search/looser-readings.ts';
import { nearWords } from '../../core/search/near-words.ts';
import type { QueryClause } from '../../core/search/tokenizer.ts';

const clause = (text: string): QueryClause => [{ kind: 'latin', text }];
const words = (reading: QueryClause[]) => reading.map(([term]) => term!.text).join(' ');

test('looser readings keep the most words first, dropping later words before earlier ones', (t) => {
  const levels = looserReadingLevels(['mogao', 'caves', 'murals', 'restoration'].map(clause));
  t.deepEqual(levels[0]!.map(words), ['mogao caves murals', 'mogao caves restoration', 'mogao murals restoration', 'caves murals restoration']);
  t.deepEqual(levels.at(-1)!.map(words), ['mogao', 'caves', 'murals', 'restoration']);
  t.deepEqual(looserReadingLevels([clause('one')]), [], 'a single word has no looser reading');
});

test('a long query tries a bounded number of readings per level', (t) => {
  const levels = looserReadingLevels(Array.from({ length: 10 }, (_, i) => clause(`w${i}`)));
  for (const level of levels) t.true(level.length <= MAX_READINGS_PER_LEVEL);
  t.is(levels.length, 9);
});

test('the reading with the most hits wins, the earlier of equals, and none when nothing matches', (t) => {
  const readings = [[clause('a')], [clause('b')], [clause('c')]];
  t.is(bestReading(readings, [2, 5, 5]), readings[1]);
  t.is(bestReading(readings, [0, 0, 0]), undefined);
});

test('near words: one edit for short Latin words, two from eight letters, one character for Chinese', (t) => {
  t.deepEqual(nearWords('rocj', ['rock', 'rocks', 'dazu']), ['rock']);
  t.deepEqual(nearWords('inscriptoins', ['inscriptions', 'inscription']), ['inscriptions', 'inscription']);
  t.deepEqual(nearWords('安积桥', ['安济桥', '安济', '赵州桥', '安积桥']), ['安济桥']);
  t.deepEqual(nearWords('ab', ['abc']), [], 'too short to guess');
  t.deepEqual(nearWords('塔', ['塔林']), [], 'a single character is too short to guess');
});
