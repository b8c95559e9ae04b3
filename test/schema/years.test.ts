import test from 'ava';
import { EARLIEST_YEAR, formatYear, LATEST_YEAR, parseYear } from '../../core/schema/years.ts';

const parsesAs = test.macro({
  exec(t, input: string | number, year: number) {
    t.deepEqual(parseYear(input), { ok: true, year });
  },
  title: (_, input, year) => `${JSON.stringify(input)} parses as the year ${year}`,
});

// The documented forms (years.ts): BCE years are negative, there is no year 0.
test(parsesAs, '-3300', -3300);
test(parsesAs, '3300 BCE', -3300);
test(parsesAs, '3300 BC', -3300);
test(parsesAs, '3300 bce', -3300);
test(parsesAs, '3300 B.C.', -3300);
test(parsesAs, 'BC 3300', -3300);
test(parsesAs, '公元前3300年', -3300);
test(parsesAs, '前221年', -221);
test(parsesAs, '前 221 年', -221);
test(parsesAs, '1990', 1990);
test(parsesAs, '+1990', 1990);
test(parsesAs, ' 1990 ', 1990);
test(parsesAs, '1990年', 1990);
test(parsesAs, '公元1990年', 1990);
test(parsesAs, 'AD 1990', 1990);
test(parsesAs, 'A.D. 1990', 1990);
test(parsesAs, '1990 CE', 1990);
// Full-width digits and signs, as Chinese input methods type them.
test(parsesAs, '１９９０', 1990);
test(parsesAs, '１９９０年', 1990);
test(parsesAs, '公元前２２１年', -221);
test(parsesAs, '－221', -221);
// U+2212 MINUS SIGN, as word processors print it.
test(parsesAs, '\u2212221', -221);
// Numbers from JSON are taken as they are.
test(parsesAs, -221, -221);
test(parsesAs, 1990, 1990);
test(parsesAs, EARLIEST_YEAR, EARLIEST_YEAR);
test(parsesAs, LATEST_YEAR, LATEST_YEAR);

const isRefused = test.macro({
  exec(t, input: string | number, reason: 'unrecognised' | 'zero' | 'out_of_range') {
    t.deepEqual(parseYear(input), { ok: false, reason });
  },
  title: (_, input, reason) => `${JSON.stringify(input)} is refused as ${reason}`,
});

test(isRefused, 'MCMXC', 'unrecognised');
test(isRefused, '1990s', 'unrecognised');
test(isRefused, 'c. 1990', 'unrecognised');
test(isRefused, '1,990', 'unrecognised');
test(isRefused, '1990.5', 'unrecognised');
test(isRefused, '1e9', 'unrecognised');
test(isRefused, '', 'unrecognised');
test(isRefused, '-3300 BCE', 'unrecognised');
test(isRefused, 1.5, 'unrecognised');
test(isRefused, Number.NaN, 'unrecognised');
test(isRefused, '0', 'zero');
test(isRefused, '-0', 'zero');
test(isRefused, '0 BCE', 'zero');
test(isRefused, 0, 'zero');
test(isRefused, 1e9, 'out_of_range');
test(isRefused, '1000000000', 'out_of_range');
test(isRefused, '12345 CE', 'out_of_range');
test(isRefused, '2101', 'out_of_range');
test(isRefused, String(EARLIEST_YEAR - 1), 'out_of_range');
test(isRefused, '200000 BCE', 'out_of_range');

test('formatYear writes BCE years the way each language reads them', (t) => {
  t.is(formatYear(-3300, 'zh'), '公元前3300年');
  t.is(formatYear(-3300, 'en'), '3300 BCE');
  t.is(formatYear(1990, 'zh'), '1990年');
  t.is(formatYear(1990, 'en'), '1990');
  t.is(formatYear(-1, 'en'), '1 BCE');
});

test('every year formatYear writes parses back to the same year', (t) => {
  for (const year of [-100_000, -3300, -221, -1, 1, 1489, 1990, 2100]) {
    t.deepEqual(parseYear(formatYear(year, 'zh')), { ok: true, year }, `zh ${year}`);
    t.deepEqual(parseYear(formatYear(year, 'en')), { ok: true, year }, `en ${year}`);
  }
});
