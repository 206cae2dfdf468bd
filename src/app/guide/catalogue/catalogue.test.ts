import { describe, expect, it } from 'vitest';
import { OFFICES } from '../../../../test/support/app.ts';
import { PROCEDURE_TABLE, PROCEDURES } from '../../../rules/procedures.ts';
import { DEFAULT_CONTEXT } from '../../../rules/context.ts';
import { LANGS, isJapanese } from '../lang.ts';
import { annotate, JAPANESE_MARK, parametersOf, RUBY_MARK } from '../rich-text.ts';
import { PICKUP_TEXT } from '../ui-text.ts';
import { MESSAGE_KEYS } from './catalogue.ts';
import { CATALOGUES, EASY_READINGS } from './catalogues.ts';

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const withoutRuby = (text: string) => text.replace(RUBY_MARK, '');
const withoutJapanese = (text: string) => text.replace(JAPANESE_MARK, '');

describe.each(LANGS)('the %s catalogue', (lang) => {
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[lang];

  it('has exactly the keys of the Japanese originals: none missing, none extra', () => {
    const keys = new Set(Object.keys(catalogue));
    expect(MESSAGE_KEYS.filter((key) => !keys.has(key))).toEqual([]);
    expect([...keys].filter((key) => !(MESSAGE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });

  it('translates every text, keeping exactly its {parameters}', () => {
    for (const key of MESSAGE_KEYS) {
      const text = catalogue[key]!;
      expect(text.trim(), key).not.toBe('');
      expect(parametersOf(text), `${lang}: ${key}`).toEqual(parametersOf(key));
    }
  });

  it('uses its marks well-formed: [漢字|かんじ] and «日本語», nothing stray', () => {
    for (const key of MESSAGE_KEYS) {
      const rest = withoutJapanese(withoutRuby(catalogue[key]!));
      expect(rest, `${lang}: ${catalogue[key]}`).not.toMatch(/[[\]|«»]/);
    }
  });

  if (lang === 'ja-easy') {
    it('puts ruby on every kanji left, read in kana', () => {
      for (const key of MESSAGE_KEYS) {
        const text = catalogue[key]!;
        expect(withoutRuby(text), text).not.toMatch(HAN);
        for (const [, , reading] of text.matchAll(RUBY_MARK)) expect(reading, text).toMatch(/^[\p{Script=Hiragana}\p{Script=Katakana}ー ・]+$/u);
      }
    });
  } else if (!isJapanese(lang)) {
    it('keeps Japanese only inside «…», so that it is shown as Japanese', () => {
      for (const key of MESSAGE_KEYS) {
        const rest = withoutJapanese(catalogue[key]!);
        expect(rest, catalogue[key]).not.toMatch(KANA);
        if (lang !== 'zh-Hans') expect(rest, catalogue[key]).not.toMatch(HAN);
      }
    });

    it('keeps the Japanese term of every procedure beside its translation, to show at the counter', () => {
      for (const procedure of PROCEDURES) expect(catalogue[PROCEDURE_TABLE[procedure].term]).toMatch(JAPANESE_MARK);
    });
  }
});

describe('the words of every page', () => {
  it('include the pickup booking pages’, so that every catalogue translates them and the glossary test reads them', () => {
    for (const text of Object.values(PICKUP_TEXT)) expect(MESSAGE_KEYS).toContain(text);
  });
});

describe('the Japanese catalogue', () => {
  it('is its own keys', () => {
    for (const key of MESSAGE_KEYS) expect(CATALOGUES.ja[key]).toBe(key);
  });
});

describe('readings for やさしい日本語 of data', () => {
  it('cover every office name of offices.json', () => {
    for (const office of OFFICES.offices) expect(withoutRuby(annotate(office.name, EASY_READINGS)), office.name).not.toMatch(HAN);
  });

  it('cover every holiday name of the calendar', () => {
    for (const [date, holiday] of DEFAULT_CONTEXT.calendar.holidays) {
      if (date < '2000') continue;
      expect(withoutRuby(annotate(holiday.name, EASY_READINGS)), holiday.name).not.toMatch(HAN);
    }
  });
});
