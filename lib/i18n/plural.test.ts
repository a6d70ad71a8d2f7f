import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pluralKey, tp } from './plural';
import { englishMessage, speakEnglish } from '../../tests/unit/english';

describe('pluralKey', () => {
  it("picks the language's plural category", () => {
    expect([0, 1, 2, 5].map((n) => pluralKey('doneSummary', n, 'en'))).toEqual([
      'doneSummary_other',
      'doneSummary_one',
      'doneSummary_other',
      'doneSummary_other',
    ]);
    expect([1, 2, 5, 21, 22, 25].map((n) => pluralKey('x', n, 'pl'))).toEqual([
      'x_one',
      'x_few',
      'x_many',
      'x_many',
      'x_few',
      'x_many',
    ]);
    expect([1, 2, 5, 21].map((n) => pluralKey('x', n, 'ru'))).toEqual(['x_one', 'x_few', 'x_many', 'x_one']);
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralKey('x', n, 'ar'))).toEqual([
      'x_zero',
      'x_one',
      'x_two',
      'x_few',
      'x_many',
      'x_other',
    ]);
    expect([0, 1, 2].map((n) => pluralKey('x', n, 'fr'))).toEqual(['x_one', 'x_one', 'x_other']);
    expect([1, 2].map((n) => pluralKey('x', n, 'ja'))).toEqual(['x_other', 'x_other']);
  });
});

describe('tp', () => {
  it('words a count in English: one knot hold, 3 knot holds', () => {
    speakEnglish();
    expect(tp('doneSummary', 1, ['4:32', '1'])).toBe('4:32 of rolling, 1 knot hold.');
    expect(tp('doneSummary', 3, ['4:32', '3'])).toBe('4:32 of rolling, 3 knot holds.');
    expect(tp('import_done', 0, '0')).toBe('Import done: 0 new breaks added.');
  });

  it("uses the plural rules of the messages' language and falls back to _other for a form a locale lacks", () => {
    // A Polish locale with only _one and _few written: 5 needs _many, which is missing, so _other answers.
    const polish: Record<string, string> = {
      lang: 'pl',
      doneSummary_one: 'jeden',
      doneSummary_few: 'kilka',
      doneSummary_other: 'inne',
    };
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => polish[key] ?? '');
    expect([1, 3, 5].map((n) => tp('doneSummary', n))).toEqual(['jeden', 'kilka', 'inne']);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage);
  });
});
