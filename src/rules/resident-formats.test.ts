import { describe, expect, it } from 'vitest';
import { isKana, isNationalityCode, isPhoneNumber, isResidentCode, leadingPostalCode, normalizePostalCode } from './resident-formats.ts';

describe('the forms of a resident record', () => {
  it.each([
    ['132-0021', '132-0021'],
    ['1320021', '132-0021'],
    ['１３２－００２１', '132-0021'],
    ['１３２００２１', '132-0021'],
    [' 134-0091 ', '134-0091'],
    ['132-002', undefined],
    ['13-20021', undefined],
    ['132 0021', undefined],
    ['〒132-0021', undefined],
    ['132-00211', undefined],
    ['abc-defg', undefined],
    ['', undefined],
  ])('postal code %j reads as %j', (text, expected) => {
    expect(normalizePostalCode(text)).toBe(expected);
  });

  it.each([
    ['〒132-0021 東京都江戸川区中央1-4-1', { postalCode: '132-0021', address: '東京都江戸川区中央1-4-1' }],
    ['〒1320021東京都江戸川区中央1-4-1', { postalCode: '132-0021', address: '東京都江戸川区中央1-4-1' }],
    ['〒　１３４－００９１　江戸川区船堀4-1-1', { postalCode: '134-0091', address: '江戸川区船堀4-1-1' }],
    ['東京都江戸川区中央1-4-1', undefined],
    ['132-0021 東京都江戸川区中央1-4-1', undefined],
    ['〒13200211 東京都', undefined],
  ])('an address %j begins with the postal code %j', (address, expected) => {
    expect(leadingPostalCode(address)).toEqual(expected);
  });

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
