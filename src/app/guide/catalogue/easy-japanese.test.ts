import { describe, expect, it } from 'vitest';
import { OFFICES } from '../../../../test/support/app.ts';
import { municipalityValues, wordsFor } from '../localize-guide.ts';
import { MESSAGE_KEYS } from './catalogue.ts';
import { CATALOGUES } from './catalogues.ts';
import { datesIn, easySentences, SENTENCE_LIMIT, sentenceLength, shown, unexplainedTerms } from './easy-japanese.ts';

const easy: Readonly<Record<string, string>> = CATALOGUES['ja-easy'];

/** The rules are in easy-japanese.ts: one thing per sentence, one date per instruction, hard terms explained. */
describe('やさしい日本語 (issue 13 item 4b)', () => {
  it(`keeps every sentence within ${SENTENCE_LIMIT} characters (readings and word spaces not counted)`, () => {
    const long = MESSAGE_KEYS.flatMap((key) =>
      easySentences(easy[key]!)
        .filter((sentence) => sentenceLength(sentence) > SENTENCE_LIMIT)
        .map((sentence) => `${sentenceLength(sentence)}: ${shown(sentence)}`),
    );
    expect(long).toEqual([]);
  });

  it(`keeps every sentence within ${SENTENCE_LIMIT} characters with Edogawa's name and counters filled in (its offices file)`, () => {
    const own: Readonly<Record<string, string>> = municipalityValues(wordsFor('ja-easy', OFFICES), OFFICES);
    const long = MESSAGE_KEYS.flatMap((key) =>
      easySentences(easy[key]!.replace(/\{(municipality|registrationDesk|cardDesk)\}/g, (_, name: string) => own[name]!))
        .filter((sentence) => sentenceLength(sentence) > SENTENCE_LIMIT)
        .map((sentence) => `${sentenceLength(sentence)}: ${shown(sentence)}`),
    );
    expect(long).toEqual([]);
  });

  it('gives at most one date in a sentence', () => {
    const crowded = MESSAGE_KEYS.flatMap((key) => easySentences(easy[key]!).filter((sentence) => datesIn(sentence) > 1).map(shown));
    expect(crowded).toEqual([]);
  });

  it('explains each hard term where a text first uses it in a sentence', () => {
    const unexplained = MESSAGE_KEYS.flatMap((key) => unexplainedTerms(easy[key]!).map((term) => `${term}: ${easy[key]}`));
    expect(unexplained).toEqual([]);
  });

  it('would refuse the long and crowded sentences of the older texts', () => {
    const older =
      '{date}（カードの [有効期限|ゆうこうきげん]）までに、あたらしい [在留|ざいりゅう]カードと マイナンバーカードを いっしょに もって、マイナンバーカード[専用|せんよう][窓口|まどぐち]か [事務所|じむしょ]の [戸籍住民係|こせきじゅうみんがかり]に いって ください。';
    expect(sentenceLength(easySentences(older)[0]!)).toBe(92);
    expect(datesIn(easySentences('{from}から {to}までの ひを いれて ください。')[0]!)).toBe(2);
    expect(unexplainedTerms('[窓口|まどぐち]で [暗証番号|あんしょうばんごう]を いれます。')).toEqual(['暗証番号']);
    expect(unexplainedTerms('[窓口|まどぐち]で [暗証番号|あんしょうばんごう]（パスワード）を いれます。')).toEqual([]);
    expect(unexplainedTerms('[転入届|てんにゅうとどけ]を だします。[転入届|てんにゅうとどけ]は、ひっこして きた ことを しらせる [書類|しょるい]です。')).toEqual([]);
    expect(unexplainedTerms('[暗証番号|あんしょうばんごう]を わすれた')).toEqual([]);
  });
});
