import test from 'ava';
import { matchVocabulary, PROTECTION_LEVELS, RECORD_TYPES } from '../../core/schema/vocabularies.ts';

const typeKeyOf = (term: string) => matchVocabulary(RECORD_TYPES, term)?.key;
const levelKeyOf = (term: string) => matchVocabulary(PROTECTION_LEVELS, term)?.key;

test('a record type is found by its key, its Chinese label and its English label', (t) => {
  t.is(typeKeyOf('canal-section'), 'canal-section');
  t.is(typeKeyOf('运河河段'), 'canal-section');
  t.is(typeKeyOf('Canal section'), 'canal-section');
  t.is(typeKeyOf('桥梁'), 'bridge');
  t.is(typeKeyOf('Bridge'), 'bridge');
});

test('case and the choice of space, hyphen or underscore do not matter', (t) => {
  for (const term of ['Canal Section', 'canal_section', 'CANAL-SECTION', 'canal section', ' canal  section ', 'Canal__Section']) {
    t.is(typeKeyOf(term), 'canal-section', term);
  }
});

test('aliases curators use are accepted for types and protection levels', (t) => {
  t.is(typeKeyOf('object'), 'artifact');
  t.is(typeKeyOf('文物'), 'artifact');
  t.is(typeKeyOf('Artefact'), 'artifact');
  t.is(typeKeyOf('photo'), 'photograph');
  t.is(typeKeyOf('非遗'), 'intangible');
  t.is(typeKeyOf('Intangible Cultural Heritage'), 'intangible');
  t.is(levelKeyOf('国保'), 'national');
  t.is(levelKeyOf('全国重点文物保护单位'), 'national');
  t.is(levelKeyOf('UNESCO'), 'world-heritage');
  t.is(levelKeyOf('World Heritage Site'), 'world-heritage');
  t.is(levelKeyOf('县级'), 'district');
  t.is(levelKeyOf('none'), 'unlisted');
});

test('a term in no entry matches nothing, and a term of one vocabulary does not match another', (t) => {
  t.is(typeKeyOf('castle'), undefined);
  t.is(typeKeyOf(''), undefined);
  t.is(typeKeyOf('canal'), undefined);
  t.is(typeKeyOf('national'), undefined);
  t.is(levelKeyOf('bridge'), undefined);
});

test('every key, label and alias leads back to its own entry', (t) => {
  for (const vocabulary of [RECORD_TYPES, PROTECTION_LEVELS]) {
    for (const entry of vocabulary) {
      const aliases: readonly string[] = 'aliases' in entry ? entry.aliases : [];
      for (const name of [entry.key, entry.zh, entry.en, ...aliases]) {
        t.is(matchVocabulary(vocabulary, name)?.key, entry.key, name);
      }
    }
  }
});
