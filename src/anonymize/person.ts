/**
 * The prepared person's data, turned into patterns that find it wherever a page shows it: with or without
 * separators between digits, in any case, with or without accents. Compared here, in memory; the data itself
 * never reaches the copy, the preview or the counts.
 */
import { dateShape, digitShape, emailShape, wordShape } from './shapes';

/** What a copy may be told about the person (the extension's prepared person, or a maintainer's person.json). */
export interface CopyPerson {
  cedula?: string;
  /** Given names and surnames, as one string. */
  names?: string;
  email?: string;
  birthDay?: number;
  birthMonth?: number;
  birthYear?: number;
  phone?: string;
}

export interface PersonPattern {
  re: RegExp;
  shape: (match: string) => string;
}

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Words of a name too common to remove everywhere ("de", "los"); the rest of the name still goes. */
const NAME_STOPWORDS = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'do', 'dos', 'van', 'von', 'mc']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Digits with optional spaces, dots or dashes between them: 1710034065 finds "171 003 4065" and "1710-034-065". */
function spacedDigits(digits: string): string {
  return [...digits].join('[\\s.\\-]?');
}

const ACCENTS: Record<string, string> = { a: 'aáàäâã', e: 'eéèëê', i: 'iíìïî', o: 'oóòöôõ', u: 'uúùüû', n: 'nñ', c: 'cç' };

/** A word matched in any case and with or without accents ("Pérez" finds "PEREZ" and "perez"). */
function looseWord(word: string): string {
  const base = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return [...base].map((ch) => (ACCENTS[ch] ? `[${ACCENTS[ch]}]` : escape(ch))).join('');
}

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

function digitsOf(value: string | undefined, min: number): string | null {
  const digits = (value ?? '').replace(/\D/g, '');
  return digits.length >= min ? digits.slice(0, 20) : null;
}

function birthPatterns(person: CopyPerson): PersonPattern[] {
  const { birthDay: d, birthMonth: m, birthYear: y } = person;
  if (!d || !m || d < 1 || d > 31 || m < 1 || m > 12) return [];
  const year = y && y > 1800 && y < 2200 ? String(y) : null;
  const yearPart = year ? `(?:\\s*[/.\\-]\\s*(?:${year}|${year.slice(2)}))?` : '(?:\\s*[/.\\-]\\s*\\d{2,4})?';
  const months = `(?:${MONTHS_ES[m - 1]}|${MONTHS_EN[m - 1]}|${MONTHS_ES[m - 1]?.slice(0, 3)}|${MONTHS_EN[m - 1]?.slice(0, 3)})`;
  const longYear = year ? `(?:,?\\s+(?:de\\s+|del\\s+)?${year})?` : '(?:,?\\s+(?:de\\s+|del\\s+)?\\d{4})?';
  const sources = [
    `(?<!\\d)0?${d}\\s*[/.\\-]\\s*0?${m}${yearPart}(?!\\d)`,
    `(?<!\\d)0?${d}\\s+(?:de\\s+)?${months}\\.?${longYear}`,
    `${months}\\.?\\s+0?${d}(?:st|nd|rd|th)?${longYear}`,
  ];
  if (year) sources.push(`(?<!\\d)${year}\\s*[/.\\-]\\s*0?${m}\\s*[/.\\-]\\s*0?${d}(?!\\d)`);
  return sources.map((source) => ({ re: new RegExp(source, 'giu'), shape: dateShape }));
}

/** The patterns for one person, most specific first (the whole name before its words). */
export function personPatterns(person: CopyPerson | null | undefined): PersonPattern[] {
  if (!person) return [];
  const out: PersonPattern[] = [];
  const email = person.email?.trim();
  if (email && email.includes('@') && email.length <= 254) {
    out.push({ re: new RegExp(escape(email), 'giu'), shape: emailShape });
    const local = email.slice(0, email.indexOf('@'));
    if (local.length >= 3) out.push({ re: new RegExp(`${WORD_EDGE_BEFORE}${escape(local)}${WORD_EDGE_AFTER}`, 'giu'), shape: (s) => 'x'.repeat(Math.min(12, s.length)) });
  }
  const names = (person.names ?? '').split(/[\s,]+/).filter((w) => w.length >= 3 && !NAME_STOPWORDS.has(w.toLowerCase()) && /\p{L}/u.test(w));
  if (names.length > 1) {
    const whole = names.map(looseWord).join('(?:[\\s,]+(?:de|del|la|las|los|y)?[\\s,]*)');
    out.push({ re: new RegExp(`${WORD_EDGE_BEFORE}${whole}${WORD_EDGE_AFTER}`, 'giu'), shape: (s) => s.split(/\s+/).map(wordShape).join(' ') });
  }
  for (const word of names.slice(0, 12)) out.push({ re: new RegExp(`${WORD_EDGE_BEFORE}${looseWord(word)}${WORD_EDGE_AFTER}`, 'giu'), shape: wordShape });
  const cedula = digitsOf(person.cedula, 6);
  if (cedula) out.push({ re: new RegExp(spacedDigits(cedula), 'g'), shape: (s) => digitShape(s.replace(/\D/g, '')) });
  const phone = digitsOf(person.phone, 6);
  if (phone) {
    const national = phone.startsWith('593') ? phone.slice(3) : phone.replace(/^0/, '');
    out.push({ re: new RegExp(`(?:\\+?593[\\s.\\-]?|0)?${spacedDigits(national)}`, 'g'), shape: (s) => digitShape(s.replace(/\D/g, '')) });
  }
  out.push(...birthPatterns(person));
  return out;
}

/** Reads a maintainer's person.json ({ cedula, names, email, birthDate: "dd/mm/yyyy", phone }); unknown keys are ignored. */
export function parseCopyPerson(raw: unknown): CopyPerson {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 254) : undefined);
  const person: CopyPerson = {};
  const cedula = str(r.cedula);
  if (cedula) person.cedula = cedula;
  const names = str(r.names);
  if (names) person.names = names;
  const email = str(r.email);
  if (email) person.email = email;
  const phone = str(r.phone);
  if (phone) person.phone = phone;
  const birth = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(str(r.birthDate) ?? '');
  if (birth) Object.assign(person, { birthDay: Number(birth[1]), birthMonth: Number(birth[2]), birthYear: Number(birth[3]) });
  return person;
}
