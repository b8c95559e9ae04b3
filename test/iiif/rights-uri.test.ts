import test from 'ava';
import { rightsUri } from '../../core/schema/rights-uri.ts';

const CC = 'http://creativecommons.org/licenses';

const cases: [text: string, uri: string | undefined][] = [
  ['CC BY 4.0', `${CC}/by/4.0/`],
  ['CC-BY-4.0', `${CC}/by/4.0/`],
  ['cc by 4.0 international', `${CC}/by/4.0/`],
  ['CC BY 4.0 (record text)', `${CC}/by/4.0/`],
  ['CC-BY-SA', `${CC}/by-sa/4.0/`],
  ['CC BY-NC-ND 4.0', `${CC}/by-nc-nd/4.0/`],
  ['CC BY-SA 3.0 CN', `${CC}/by-sa/3.0/cn/`],
  ['ＣＣ ＢＹ－ＮＣ ２．５', `${CC}/by-nc/2.5/`],
  ['知识共享 署名-非商业性使用-相同方式共享 4.0 国际', `${CC}/by-nc-sa/4.0/`],
  ['署名 4.0 国际', `${CC}/by/4.0/`],
  ['https://creativecommons.org/licenses/by-sa/4.0/deed.zh', `${CC}/by-sa/4.0/`],
  ['CC0', 'http://creativecommons.org/publicdomain/zero/1.0/'],
  ['CC0 1.0 Universal Public Domain Dedication', 'http://creativecommons.org/publicdomain/zero/1.0/'],
  ['公有领域', 'http://creativecommons.org/publicdomain/mark/1.0/'],
  ['Public domain', 'http://creativecommons.org/publicdomain/mark/1.0/'],
  ['In Copyright', 'http://rightsstatements.org/vocab/InC/1.0/'],
  ['版权所有', 'http://rightsstatements.org/vocab/InC/1.0/'],
  ['© 2020 临平区文物局。All rights reserved.', 'http://rightsstatements.org/vocab/InC/1.0/'],
  ['In Copyright - Educational Use Permitted', 'http://rightsstatements.org/vocab/InC-EDU/1.0/'],
  ['Copyright Not Evaluated', 'http://rightsstatements.org/vocab/CNE/1.0/'],
  ['https://rightsstatements.org/page/NoC-US/1.0/?language=en', 'http://rightsstatements.org/vocab/NoC-US/1.0/'],
];

for (const [text, uri] of cases) {
  test(`"${text}" maps to ${uri}`, (t) => {
    t.is(rightsUri(text), uri);
  });
}

test('text that names no licence or statement maps to nothing', (t) => {
  for (const text of [undefined, '', '临平区文物局提供', 'Courtesy of the Linping museum', '署名：张三', '<a href="javascript:alert(1)">rights</a>']) {
    t.is(rightsUri(text), undefined, String(text));
  }
});

test('licences that do not exist map to nothing', (t) => {
  for (const text of ['CC BY 5.0', 'CC BY-ND-SA 4.0', 'https://creativecommons.org/licenses/by-xx/4.0/']) t.is(rightsUri(text), undefined, text);
});

test('text naming two different licences is ambiguous and maps to nothing', (t) => {
  t.is(rightsUri('Text CC BY 4.0; photographs all rights reserved'), undefined);
  t.is(rightsUri('CC BY 4.0 / CC BY-SA 4.0'), undefined);
});

test('the same licence named twice (in English and Chinese, or as text and address) is one licence', (t) => {
  t.is(rightsUri('CC BY 4.0（知识共享 署名 4.0 国际）'), `${CC}/by/4.0/`);
  t.is(rightsUri('CC BY 4.0 https://creativecommons.org/licenses/by/4.0/'), `${CC}/by/4.0/`);
});
