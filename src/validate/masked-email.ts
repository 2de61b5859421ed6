/**
 * Could the masked address the portal shows (`m*******a@h******.com`, `ma****@gmail.com`, `***a@hotmail.com`)
 * be the address the person prepared?
 *
 * Length: research/iess-portal.md §3.1 step 4 could not find whether or how the portal masks the address, so
 * nothing says a run of `*` keeps the hidden length. A run therefore stands for one or more hidden characters;
 * counting stars would turn a harmless masking style into a false "this is not your email".
 */
import { normalizeEmail } from './email';

export const MASK_COMPATIBILITIES = ['compatible', 'incompatible', 'unknown'] as const;
export type MaskCompatibility = (typeof MASK_COMPATIBILITIES)[number];

/** Star-like characters maskers use. */
const MASK_CHARS = /[*•●∗＊]+/gu;
/** What may remain visible: letters, digits and the punctuation of an address. */
const VISIBLE_PART = /^[\p{L}\p{N}!#$%&'+/=?^_`{|}~.-]*$/u;

/** Only syntax characters: with the `u` flag any other escaped character is a syntax error. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regular expression for one side of the address, or undefined when the side cannot be read as a mask. */
function sidePattern(side: string): string | undefined {
  if (side === '') return undefined;
  const visibleParts = side.split(MASK_CHARS);
  if (!visibleParts.every((part) => VISIBLE_PART.test(part))) return undefined;
  // Hidden characters never include the @ that separates the sides.
  return visibleParts.map((part) => escapeRegExp(part)).join('[^@]+');
}

/** Parses a mask into a matcher, or undefined for anything that does not look like a (masked) address. */
export function parseMaskedEmail(mask: string): RegExp | undefined {
  const trimmed = normalizeEmail(mask);
  const sides = trimmed.split('@');
  if (sides.length !== 2) return undefined;
  const local = sidePattern(sides[0]!);
  const domain = sidePattern(sides[1]!);
  if (local === undefined || domain === undefined) return undefined;
  return new RegExp(`^${local}@${domain}$`, 'u');
}

export function maskedEmailCompatibility(mask: string, preparedEmail: string): MaskCompatibility {
  const matcher = parseMaskedEmail(mask);
  const prepared = normalizeEmail(preparedEmail);
  if (matcher === undefined || prepared === '' || !prepared.includes('@')) return 'unknown';
  return matcher.test(prepared) ? 'compatible' : 'incompatible';
}
