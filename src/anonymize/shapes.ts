/**
 * Shape tokens: what stands in a copy for something removed. A token keeps the kind and the length class of
 * what it replaces (a cédula-long run of digits stays cédula-long, a masked address keeps its mask), never a
 * character of it.
 */

/** Length classes: the token is as long as the top of its class. */
function classLength(length: number, classes: readonly number[]): number {
  for (const top of classes) if (length <= top) return top;
  return classes[classes.length - 1] ?? length;
}

const DIGIT_CLASSES = [6, 10, 13, 16];

/**
 * A run of digits. One to three digits become zeros of the same length (page wording such as "entre 8 y 16
 * caracteres" or a "02:59" countdown keeps its shape); four or more become underscores (a word character, as the digits were) of their class (4–6, 7–10,
 * 11–13, 14+), so no run of four digits survives at all.
 */
export function digitShape(run: string): string {
  return run.length <= 3 ? '0'.repeat(run.length) : '_'.repeat(classLength(run.length, DIGIT_CLASSES));
}

const WORD_CLASSES = [3, 6, 9];

/** A word of a name: x's of its length class, in its case pattern (JUAN → XXXXXX, Juan → Xxxxxx). */
export function wordShape(word: string): string {
  const n = classLength([...word].length, WORD_CLASSES);
  const upper = word === word.toUpperCase() && word !== word.toLowerCase();
  const title = !upper && word[0] !== undefined && word[0] === word[0].toUpperCase() && word[0] !== word[0].toLowerCase();
  if (upper) return 'X'.repeat(n);
  return title ? `X${'x'.repeat(n - 1)}` : 'x'.repeat(n);
}

/** A name or an option: every word shaped, at most eight. */
export function nameShape(text: string): string {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 8);
  return words.map(wordShape).join(' ');
}

const MASK = /[*•·]/;
const EMAIL_CLASSES = [4, 8, 12];

/**
 * An e-mail address. A masked one keeps its mask pattern (`j***z@h******.com` → `x***x@x******.com`); a plain
 * one becomes x's of the length classes of its parts. Only the top-level domain (`.com`, `.ec`) is kept.
 */
export function emailShape(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 && /^[a-z]{2,6}$/i.test(domain.slice(dot + 1)) ? domain.slice(dot + 1).toLowerCase() : 'xx';
  if (MASK.test(address)) {
    const masked = (s: string) => s.replace(/[^*•·.@_-]/g, 'x');
    return `${masked(address.slice(0, at))}@${masked(dot >= 0 ? domain.slice(0, dot) : domain)}.${tld}`;
  }
  const local = 'x'.repeat(classLength(Math.max(1, at), EMAIL_CLASSES));
  const host = 'x'.repeat(classLength(Math.max(1, dot >= 0 ? dot : domain.length), EMAIL_CLASSES));
  return `${local}@${host}.${tld}`;
}

/** A date, in the words the portal uses for the format. */
export function dateShape(date: string): string {
  return /[a-z]{3}/i.test(date) ? 'dd de mmmm de aaaa' : 'dd/mm/aaaa';
}

export const TOKEN_SHAPE = '[token]';

/** Runs that may be a token: letters, digits and the characters of base64 and hex encodings. */
export const TOKEN_RUN = /(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/=-]{20,}(?![A-Za-z0-9_+/=-])/g;

/**
 * Session ids, ViewStates, hashes, signed links: twenty characters or more with four digits, or with digits
 * among mixed-case letters, or forty and more of any kind. Page words (`iess-gestion-desbloqueo-publico-web`,
 * `ui-icon-triangle-1-s`, `generacionClaveAfiliado`) are none of these.
 */
export function tokenLike(run: string): boolean {
  if (run.length < 20) return false;
  if (run.length >= 40 && !/^[a-z]+(?:-[a-z]+)*$/.test(run)) return true;
  const digits = run.replace(/\D/g, '').length;
  if (digits >= 4) return true;
  return digits >= 1 && (run.match(/[A-Z]/g)?.length ?? 0) >= 2 && (run.match(/[a-z]/g)?.length ?? 0) >= 2;
}

/** Letters for a per-copy identifier token (0 → a, 25 → z, 26 → ba): no digit ever appears in one. */
export function letters(index: number): string {
  let out = '';
  let n = index;
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}
