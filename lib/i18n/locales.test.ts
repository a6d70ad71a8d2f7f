import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LOCALES, messageOf, shippedLocaleFor } from './locales';

describe('shipped locales', () => {
  it('lists every folder of public/_locales', () => {
    const folders = readdirSync(new URL('../../public/_locales/', import.meta.url)).sort();
    expect([...SHIPPED_LOCALES].sort()).toEqual(folders);
  });

  it('picks the exact locale, then the language, then English', () => {
    expect(shippedLocaleFor('de')).toBe('de');
    expect(shippedLocaleFor('de_AT')).toBe('de');
    expect(shippedLocaleFor('pt-BR')).toBe('pt_BR');
    expect(shippedLocaleFor('pt_PT')).toBe('en');
    expect(shippedLocaleFor('zh_CN')).toBe('zh_CN');
    expect(shippedLocaleFor('zh_TW')).toBe('en');
    expect(shippedLocaleFor('en_US')).toBe('en');
    expect(shippedLocaleFor('ar')).toBe('ar');
    expect(shippedLocaleFor('sv')).toBe('en');
  });
});

describe('messageOf', () => {
  const messages = {
    start: { message: 'Start $MINUTES$-minute roll', placeholders: { minutes: { content: '$1' } } },
    price: { message: 'Costs $$5 for $1' },
    fixed: { message: 'By $WHO$', placeholders: { who: { content: 'Rollbreak' } } },
  };
  it('fills named placeholders, numbered substitutions and dollars as the browser does', () => {
    expect(messageOf(messages, 'start', ['7'])).toBe('Start 7-minute roll');
    expect(messageOf(messages, 'start', '5')).toBe('Start 5-minute roll');
    expect(messageOf(messages, 'price', 'you')).toBe('Costs $5 for you');
    expect(messageOf(messages, 'fixed')).toBe('By Rollbreak');
    expect(messageOf(messages, 'missing')).toBe('');
  });
});
