import { describe, expect, it } from 'vitest';
import { OFFICES } from '../../../test/support/app.ts';
import { EXAMPLE_ANSWERS, GUIDE_TODAY } from '../../../test/support/guide.ts';
import { SITUATIONS } from '../../domain/guide/situation.ts';
import { DEFAULT_CONTEXT } from '../../rules/context.ts';
import type { LocalizedGuide } from './localized-guide.ts';
import { LANGS, type Lang } from './lang.ts';
import { plainGuide, residentGuide } from './resident-guide.ts';

const services = { rules: DEFAULT_CONTEXT, offices: OFFICES, clock: { today: () => GUIDE_TODAY } };

function guide(situation: (typeof SITUATIONS)[number], lang: Lang): LocalizedGuide {
  const outcome = residentGuide(services, { situation, lang, answers: EXAMPLE_ANSWERS[situation] });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** What does not depend on the language: ids, dates, amounts, offices. */
function shape(answer: LocalizedGuide) {
  return {
    steps: answer.steps.map((step) => [step.id, step.urgent]),
    checklist: answer.checklist.map((entry) => entry.id),
    warnings: answer.warnings.map((warning) => warning.id),
    deadlines: answer.deadlines.map(({ kind, date, wareki, daysLeft, seedAdvice }) => [kind, date, wareki, daysLeft, seedAdvice?.date]),
    fee: answer.fee && { ...answer.fee, totalText: undefined },
    offices: answer.offices.map(({ id, name, phone, handles }) => [id, name, phone, handles.map((handle) => handle.procedure)]),
    procedures: answer.procedures,
  };
}

describe.each(SITUATIONS)('the guide for %s', (situation) => {
  const japanese = guide(situation, 'ja');

  it.each(LANGS)('in %s: every text filled in, the same answer as in Japanese', (lang) => {
    const answer = guide(situation, lang);
    expect(answer.lang).toBe(lang);
    for (const text of strings(answer)) expect(text).not.toMatch(/\{[A-Za-z]+\}/);
    expect(shape(answer)).toEqual(shape(japanese));
  });

  it.each(LANGS)('in %s as JSON: plain text, no marks', (lang) => {
    for (const text of strings(plainGuide(guide(situation, lang)))) expect(text).not.toMatch(/[«»]|\[[^\]]*\|/);
  });
});

describe('localised details', () => {
  it('gives the weekday in the language and the 和暦 for every deadline', () => {
    const [en] = guide('moved-in', 'en').deadlines;
    expect(en).toMatchObject({ date: '2026-07-21', weekday: 'Tuesday', wareki: '令和8年7月21日', dateText: 'Tuesday, 21 July 2026' });
    expect(guide('moved-in', 'vi').deadlines[0]).toMatchObject({ weekday: 'Thứ Ba', seedAdvice: { date: '2026-07-20', weekday: 'Thứ Hai' } });
    expect(guide('moved-in', 'ko').deadlines[0]!.notes[0]!.text).toContain('Marine Day «海の日»');
  });

  it('keeps the Japanese beside the translation: office names, legal terms', () => {
    const en = guide('moved-in', 'en');
    expect(en.offices[4]).toMatchObject({ name: '小松川事務所戸籍住民係', nameEn: 'Komatsugawa Office, Family Register and Residents Section' });
    expect(en.steps[0]!.text).toContain('«転入届»');
    expect(plainGuide(en).steps[0]!.text).toContain('(転入届)');
  });

  it('writes やさしい日本語 with ruby for the pages and 漢字（かんじ） in JSON', () => {
    const easy = guide('lost', 'ja-easy');
    expect(easy.steps[0]!.text).toContain('[一時停止|いちじていし]');
    expect(plainGuide(easy).steps[0]!.text).toContain('一時停止（いちじていし）');
    expect(easy.fee!.totalText).toBe('1,000[円|えん]');
  });

  it('states the fee in the language', () => {
    expect(guide('lost', 'en').fee!.totalText).toBe('¥1,000');
    expect(guide('lost', 'vi').fee!.totalText).toBe('1.000 yên');
    expect(guide('lost', 'zh-Hans').steps.find((step) => step.id === 'feeTotal')!.text).toBe('手续费为1,000日元。');
  });
});
