import { describe, expect, it } from 'vitest';
import { isKana, isNationalityCode, isPhoneNumber, isResidentCode } from './resident-formats.ts';

describe('the forms of a resident record', () => {
  it.each([
    ['12345678901', true],
    ['1234567890', false],
    ['123456789012', false],
    ['１２３４５６７８９０１', false],
    ['1234567890a', false],
  ])('住民票コード %s: %s', (text, expected) => {
    expect(isResidentCode(text)).toBe(expected);
  });

  it.each([
    ['VN', true],
    ['JP', true],
    ['vn', false],
    ['VNM', false],
  ])('nationality %s: %s', (text, expected) => {
    expect(isNationalityCode(text)).toBe(expected);
  });

  it.each([
    ['03-3652-1151', true],
    ['0336521151', true],
    ['03 3652 1151', false],
    ['12345', false],
  ])('phone %s: %s', (text, expected) => {
    expect(isPhoneNumber(text)).toBe(expected);
  });

  it.each([
    ['ヤマダ', true],
    ['やまだ', true],
    ['ﾔﾏﾀﾞ', true],
    ['ヤマダ　ハナコ', true],
    ['山田', false],
    ['Yamada', false],
  ])('reading %s is kana: %s', (text, expected) => {
    expect(isKana(text)).toBe(expected);
  });
});
