import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConceptId } from './safety-glossary';
import { CONCEPTS, GLOSSARY, SAFETY_KEY } from './safety-glossary';

/*
 * Every locale's safety strings say what the English says: the tools by their full names, the places to
 * keep off, the conditions and the reasons to stop, and the numbers (hold times, breathing counts, the
 * pressure scale). The glossary (safety-glossary.ts) holds each locale's words.
 */

type Messages = Record<string, { message: string }>;
const LOCALES_DIR = new URL('../../public/_locales/', import.meta.url).pathname;
const read = (locale: string) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const LOCALES = readdirSync(LOCALES_DIR)
  .filter((name) => name !== 'en')
  .sort();
const en = read('en');
const safetyKeys = Object.keys(en).filter((key) => SAFETY_KEY.test(key));
const conceptIds = Object.keys(CONCEPTS) as ConceptId[];
/** The numbers a message says: "20", "4", "5–6", "2018". */
const numbers = (text: string) => [...text.matchAll(/\d+/g)].map((m) => m[0]);

describe('the safety glossary', () => {
  it('covers every locale, and every concept in each', () => {
    expect(Object.keys(GLOSSARY).sort()).toEqual(LOCALES);
    for (const locale of LOCALES) expect(Object.keys(GLOSSARY[locale]!).sort(), locale).toEqual([...conceptIds].sort());
  });

  it('is about strings that exist: the safety keys and every concept turn up in English', () => {
    expect(safetyKeys.length).toBeGreaterThan(100);
    for (const id of conceptIds)
      expect(
        safetyKeys.some((key) => CONCEPTS[id].en.test(en[key]!.message)),
        id,
      ).toBe(true);
  });

  it('catches the drift it was written for', () => {
    const { de, ko, pl, ru, ja } = GLOSSARY as Record<string, (typeof GLOSSARY)[string]>;
    expect('Setz die Pistole leicht auf die Stelle.').toMatch(de!.gun.never!);
    expect('Setz die Massagepistole leicht auf die Stelle.').not.toMatch(de!.gun.never!);
    expect('stopp über dem unteren Rücken').toMatch(de!.stopBeforeLowBack.never!);
    expect('허리 위에서 멈추세요').toMatch(ko!.stopBeforeLowBack.never!);
    expect('zatrzymaj się nad odcinkiem lędźwiowym').toMatch(pl!.stopBeforeLowBack.never!);
    expect('Положи пистолет на точку.').toMatch(ru!.gun.never!);
    expect('Положи массажный пистолет на точку.').not.toMatch(ru!.gun.never!);
    expect('張っている所にガンを当てます。').toMatch(ja!.gun.never!);
  });
});

describe.each(LOCALES)('safety strings in %s', (locale) => {
  const messages = read(locale);
  const glossary = GLOSSARY[locale]!;

  it('use the glossary word wherever the English names the concept', () => {
    const missing: string[] = [];
    for (const key of safetyKeys) {
      const english = en[key]!.message;
      const text = messages[key]?.message ?? '';
      for (const id of conceptIds) {
        if (CONCEPTS[id].en.test(english) && !glossary[id].use.test(text)) missing.push(`${key} (${CONCEPTS[id].what}): ${text}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('never use a word the glossary rules out', () => {
    const wrong: string[] = [];
    for (const key of safetyKeys) {
      const text = messages[key]?.message ?? '';
      for (const id of conceptIds) {
        const never = glossary[id].never;
        if (never?.test(text)) wrong.push(`${key} (${CONCEPTS[id].what}): ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keep every number the English says: hold times, breaths, the pressure scale, the years of the studies', () => {
    for (const key of safetyKeys) {
      const text = messages[key]?.message ?? '';
      expect(numbers(text).sort(), `${locale} ${key}: ${text}`).toEqual(numbers(en[key]!.message).sort());
    }
  });
});
