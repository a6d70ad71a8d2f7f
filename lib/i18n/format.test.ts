import { describe, expect, it } from 'vitest';
import { formatClock, formatNumber } from './index';
import { formatDuration, formatKilobytes, formatList, formatMinutes, formatSeconds } from './format';
import { speakEnglish } from '../../tests/unit/english';

describe('formats in the UI language', () => {
  it('writes English numbers, durations, sizes and lists', () => {
    speakEnglish('en-US');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(1, 'long')).toBe('1 minute');
    expect(formatSeconds(25, 'long')).toBe('25 seconds');
    expect([45, 59.4, 60, 150].map(formatDuration)).toEqual(['45 sec', '59 sec', '1 min', '3 min']);
    expect(formatKilobytes(4300)).toBe('4.2 kB');
    expect(formatKilobytes(102_400)).toBe('100 kB');
    expect(formatList(['Quads', 'Calves', 'Feet'])).toBe('Quads, Calves, and Feet');
    expect(formatList(['"pre"', '"post"'], 'disjunction')).toBe('"pre" or "post"');
  });

  it('writes numbers the way the UI language does', () => {
    speakEnglish('de');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatMinutes(5)).toBe('5 Min.');
    expect(formatKilobytes(4300)).toBe('4,2 kB');
    speakEnglish('ar-EG');
    expect(formatClock(65_000)).toBe('١:٠٥');
    speakEnglish('en-US');
  });
});
