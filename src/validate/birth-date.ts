/**
 * Day and month of birth, as the portal asks for them (numbers, no year: iess-portal.md §3.1 step 2).
 * Without a year, 29 February is possible; 30 and 31 February never are.
 */
import { fold } from '../text/fold';

export const BIRTH_DATE_REASONS = ['empty', 'not-number', 'day-range', 'month-range', 'impossible-date'] as const;
export type BirthDateReason = (typeof BIRTH_DATE_REASONS)[number];

export type BirthDateResult = { ok: true; day: number; month: number } | { ok: false; reason: BirthDateReason };

/** Longest month lengths in any year (February 29 in leap years). */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A day or month as typed: "5", "05", 5. Returns undefined for empty, NaN for anything else. */
function parsePart(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number.NaN;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  // Two digits at most with optional leading zeros: "5", "05", "005" would be a typing slip, not a date.
  return /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function validateBirthDayMonth(
  day: number | string | null | undefined,
  month: number | string | null | undefined,
): BirthDateResult {
  const d = parsePart(day);
  const m = parsePart(month);
  if (d === undefined || m === undefined) return { ok: false, reason: 'empty' };
  if (Number.isNaN(d) || Number.isNaN(m)) return { ok: false, reason: 'not-number' };
  if (m < 1 || m > 12) return { ok: false, reason: 'month-range' };
  if (d < 1 || d > 31) return { ok: false, reason: 'day-range' };
  if (d > MAX_DAYS_IN_MONTH[m - 1]!) return { ok: false, reason: 'impossible-date' };
  return { ok: true, day: d, month: m };
}

/** Month names as a select may show them, folded; index + 1 is the month. Spanish first, then English. */
const MONTH_NAMES = [
  ['enero', 'january'],
  ['febrero', 'february'],
  ['marzo', 'march'],
  ['abril', 'april'],
  ['mayo', 'may'],
  ['junio', 'june'],
  ['julio', 'july'],
  ['agosto', 'august'],
  ['septiembre', 'setiembre', 'september'],
  ['octubre', 'october'],
  ['noviembre', 'november'],
  ['diciembre', 'december'],
] as const;

/**
 * The month a name says ("Marzo", "march", "mar.", "Sept"), or undefined. Only for a month CHOSEN from a list
 * (a `<select>`): a typed month is a number (validateBirthDayMonth says so). A name or its first three or four
 * letters count; anything else (a placeholder "--", "Seleccione") is no month.
 */
export function monthFromName(text: string): number | undefined {
  const word = fold(text, 40).replace(/\.$/, '');
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name === word || (word.length <= 4 && name.startsWith(word))));
  return index < 0 ? undefined : index + 1;
}
