/** Upper bound on the characters folded from any one string: page text is untrusted and may be huge. */
export const FOLD_LIMIT = 2000;

const MARKS = /[\u0300-\u036f]/g;
const SPACE = /[\s\u00a0\u200b\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/**
 * The one text normaliser: strips accents (Cédula → cedula, Ñ → n), lower-cases and collapses spacing,
 * so "RECUPERACIÓN  de Clave" and "recuperacion de clave" compare equal. Input is cut to `limit` first.
 */
export function fold(text: string | null | undefined, limit = FOLD_LIMIT): string {
  if (!text) return '';
  const cut = text.length > limit ? text.slice(0, limit) : text;
  return cut.normalize('NFD').replace(MARKS, '').toLowerCase().replace(SPACE, ' ').trim();
}

/** Shortens a folded string for a signal; signals carry page wording, never field values. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
