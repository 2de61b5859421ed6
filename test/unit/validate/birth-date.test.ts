import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBirthDayMonth, type BirthDateReason } from '../../../src/validate/birth-date';

describe('validateBirthDayMonth', () => {
  it.each<[number | string, number | string, number, number]>([
    [1, 1, 1, 1],
    [31, 1, 31, 1],
    [29, 2, 29, 2],
    ['29', '02', 29, 2],
    [28, 2, 28, 2],
    [30, 4, 30, 4],
    [31, 12, 31, 12],
    ['05', '8', 5, 8],
    [' 7 ', ' 3', 7, 3],
  ])('accepts day %j, month %j', (day, month, d, m) => {
    expect(validateBirthDayMonth(day, month)).toEqual({ ok: true, day: d, month: m });
  });

  it.each<[number | string | undefined | null, number | string | undefined | null, BirthDateReason]>([
    ['', 5, 'empty'],
    [5, '', 'empty'],
    [undefined, 5, 'empty'],
    [5, null, 'empty'],
    ['  ', '  ', 'empty'],
    ['5a', 5, 'not-number'],
    [5, 'mayo', 'not-number'],
    [5.5, 3, 'not-number'],
    [Number.NaN, 3, 'not-number'],
    ['005', 3, 'not-number'],
    ['-1', 3, 'not-number'],
    [0, 3, 'day-range'],
    [32, 3, 'day-range'],
    [-1, 3, 'day-range'],
    [15, 0, 'month-range'],
    [15, 13, 'month-range'],
    [30, 2, 'impossible-date'],
    [31, 2, 'impossible-date'],
    [31, 4, 'impossible-date'],
    [31, 6, 'impossible-date'],
    [31, 9, 'impossible-date'],
    [31, 11, 'impossible-date'],
  ])('rejects day %j, month %j with %s', (day, month, reason) => {
    expect(validateBirthDayMonth(day, month)).toEqual({ ok: false, reason });
  });

  it('agrees with the calendar of a leap year on every day and month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), (day, month) => {
        // 2024 is a leap year; Date rolls an impossible day over into the next month.
        const exists = new Date(Date.UTC(2024, month - 1, day)).getUTCMonth() === month - 1;
        expect(validateBirthDayMonth(day, month).ok).toBe(exists);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), fc.oneof(fc.string(), fc.double(), fc.integer()), (day, month) => {
        expect(() => validateBirthDayMonth(day, month)).not.toThrow();
      }),
    );
  });
});
