/**
 * The new clave: the portal's own rule, the person's data inside it, and the confirmation field.
 * Rule (research/iess-portal.md §3.5): 6–15 characters, letters and/or numbers; configurable, soft warning only.
 * Personal data (feature-anchors.md §2.2): results name the KIND of data found, never the value, so nothing
 * sensitive is echoed on screen. Nothing here keeps the key: every function is pure and returns codes.
 */
// The project's one text normaliser (accents stripped, lower case): names compare as the detector's words do.
import { fold } from '../text/fold';

export interface KeyRules {
  minLength: number;
  maxLength: number;
}

export const DEFAULT_KEY_RULES: KeyRules = { minLength: 6, maxLength: 15 };

/**
 * not-alphanumeric: a space or symbol, which the rule does not allow.
 * non-ascii-letter: ñ or an accented letter; a letter in Spanish, but the portal's on-screen keypad may not have it.
 */
export const KEY_RULE_REASONS = ['empty', 'too-short', 'too-long', 'not-alphanumeric', 'non-ascii-letter'] as const;
export type KeyRuleReason = (typeof KEY_RULE_REASONS)[number];

/** Every rule the key breaks, in a fixed order; empty when it follows the rule. */
export function checkKeyRules(rawKey: string, rules: KeyRules = DEFAULT_KEY_RULES): KeyRuleReason[] {
  if (rawKey === '') return ['empty'];
  // Composed form, so an "é" typed as e + accent is one letter, not a letter and a symbol.
  const key = rawKey.normalize('NFC');
  const reasons: KeyRuleReason[] = [];
  const length = [...key].length;
  if (length < rules.minLength) reasons.push('too-short');
  if (length > rules.maxLength) reasons.push('too-long');
  if (/[^\p{L}\p{N}]/u.test(key)) reasons.push('not-alphanumeric');
  if (/[^a-zA-Z0-9]/.test(key.replace(/[^\p{L}\p{N}]/gu, ''))) reasons.push('non-ascii-letter');
  return reasons;
}

/** In the order results list them. */
export const PERSONAL_DATA_KINDS = ['cedula', 'birth-date', 'name', 'email'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalData {
  cedula?: string;
  birthDay?: number | string;
  birthMonth?: number | string;
  birthYear?: number | string;
  /** Given names and surnames, whole or in parts: "María José", "Zambrano Loor". */
  names?: readonly string[];
  email?: string;
}

/** Runs of the cédula this long or longer count as the cédula (issue 13 item 3). */
export const CEDULA_RUN = 6;
/** Names, surnames and email words shorter than this are too common inside ordinary keys. */
export const MIN_WORD = 3;

/** Short particles of compound surnames ("de los Ríos") that would match ordinary words. */
const SURNAME_PARTICLES = new Set(['del', 'las', 'los']);


const LEET: ReadonlyMap<string, string> = new Map(Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' }));

/** Common leetspeak undone, with 1 read as i and, separately, as l ("1uis" is "luis"). */
function deLeetVariants(folded: string): string[] {
  const undo = (one: string) => [...folded].map((ch) => (ch === '1' ? one : (LEET.get(ch) ?? ch))).join('');
  return [...new Set([undo('i'), undo('l')])];
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function toNumber(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The birth date in the forms people write it: ddmm, mmdd, dd/mm, ddmmyy, ddmmyyyy, yyyymmdd… */
function birthDateForms(data: PersonalData): string[] {
  const day = toNumber(data.birthDay);
  const month = toNumber(data.birthMonth);
  if (day === undefined || month === undefined || day > 31 || month > 12) return [];
  const dd = twoDigits(day);
  const mm = twoDigits(month);
  const forms: string[] = [];
  for (const sep of ['', '/', '-', '.']) forms.push(`${dd}${sep}${mm}`, `${mm}${sep}${dd}`);
  const year = toNumber(data.birthYear);
  if (year !== undefined && year >= 1000 && year <= 9999) {
    const yyyy = String(year);
    const yy = yyyy.slice(2);
    for (const sep of ['', '/', '-', '.']) {
      forms.push(`${dd}${sep}${mm}${sep}${yyyy}`, `${dd}${sep}${mm}${sep}${yy}`, `${mm}${sep}${dd}${sep}${yyyy}`);
      forms.push(`${mm}${sep}${dd}${sep}${yy}`, `${yyyy}${sep}${mm}${sep}${dd}`, `${yy}${sep}${mm}${sep}${dd}`);
    }
  }
  return forms;
}

function cedulaRuns(cedula: string | undefined): string[] {
  const digits = (cedula ?? '').replace(/\D/g, '');
  if (digits.length < CEDULA_RUN) return [];
  const runs: string[] = [];
  for (let i = 0; i + CEDULA_RUN <= digits.length; i++) runs.push(digits.slice(i, i + CEDULA_RUN));
  return runs;
}

/** Words of MIN_WORD or more letters, folded. */
function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z]+/)
    .filter((word) => word.length >= MIN_WORD);
}

function nameWords(names: readonly string[] | undefined): string[] {
  return (names ?? []).flatMap(words).filter((word) => !SURNAME_PARTICLES.has(word));
}

/** The local part whole (punctuation dropped, the key cannot hold it) and its words. */
function emailTokens(email: string | undefined): string[] {
  const at = (email ?? '').lastIndexOf('@');
  if (at <= 0) return [];
  const local = fold(email!.slice(0, at).trim());
  const compact = local.replace(/[^a-z0-9]/g, '');
  return [...new Set([compact, ...words(local)])].filter((token) => token.length >= MIN_WORD);
}

/**
 * The person's data as the words a guesser would try first: the cédula, name and surname words, the email's local
 * part (whole and in words) and the birth day and month in the forms people write them. Fed to the strength
 * estimator as its "user inputs" so a key built from them rates lower; never shown.
 */
export function personalWords(data: PersonalData): string[] {
  const cedula = (data.cedula ?? '').replace(/\D/g, '');
  const all = [...(cedula.length >= CEDULA_RUN ? [cedula] : []), ...nameWords(data.names), ...emailTokens(data.email), ...birthDateForms(data)];
  return [...new Set(all)];
}

/**
 * Which kinds of the person's data the key contains. Letters are compared folded (case, accents) and also with
 * leetspeak undone; digits (cédula, date) are compared as typed, since undoing leetspeak would erase them.
 */
export function findPersonalData(key: string, data: PersonalData): PersonalDataKind[] {
  if (key === '') return [];
  const folded = fold(key);
  const letterForms = [folded, ...deLeetVariants(folded)];
  const containsLetters = (tokens: readonly string[]) => tokens.some((token) => letterForms.some((form) => form.includes(token)));

  const found = new Set<PersonalDataKind>();
  if (cedulaRuns(data.cedula).some((run) => folded.includes(run))) found.add('cedula');
  if (birthDateForms(data).some((form) => folded.includes(form))) found.add('birth-date');
  if (containsLetters(nameWords(data.names))) found.add('name');
  if (containsLetters(emailTokens(data.email))) found.add('email');
  return PERSONAL_DATA_KINDS.filter((kind) => found.has(kind));
}

export const CONFIRMATION_STATES = ['pending', 'match', 'differs'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

/**
 * The confirmation field against the first one. "differs" only once the confirmation is at least as long as the
 * first key, or the person left the field: a half-typed confirmation is not a mistake yet.
 */
export function confirmationState(first: string, second: string, { left }: { left: boolean }): ConfirmationState {
  if (second === '') return 'pending';
  if (second === first) return 'match';
  return second.length >= first.length || left ? 'differs' : 'pending';
}
