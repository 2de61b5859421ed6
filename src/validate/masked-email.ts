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

/**
 * One side of a mask: the visible pieces, in order, between runs of stars. A mask side without stars is one
 * piece that must match exactly; `***.com` is ['', '.com'].
 */
export interface MaskedEmail {
  local: readonly string[];
  domain: readonly string[];
}

function sidePieces(side: string): string[] | undefined {
  if (side === '') return undefined;
  const pieces = side.split(MASK_CHARS);
  return pieces.every((piece) => VISIBLE_PART.test(piece)) ? pieces : undefined;
}

/** Parses a mask, or undefined for anything that does not look like a (masked) address. */
export function parseMaskedEmail(mask: string): MaskedEmail | undefined {
  const sides = normalizeEmail(mask).split('@');
  if (sides.length !== 2) return undefined;
  const local = sidePieces(sides[0]!);
  const domain = sidePieces(sides[1]!);
  return local && domain ? { local, domain } : undefined;
}

/**
 * Whether `text` can be the pieces with at least one hidden character between each two. Leftmost matching is
 * enough (taking a piece as early as possible leaves the most room for the rest) and stays linear: the mask is page
 * text, so no backtracking regular expression is built from it.
 */
function sideMatches(pieces: readonly string[], text: string): boolean {
  const first = pieces[0]!;
  if (pieces.length === 1) return text === first;
  if (!text.startsWith(first)) return false;
  let position = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, position + 1);
    if (found === -1) return false;
    position = found + piece.length;
  }
  const last = pieces[pieces.length - 1]!;
  return text.endsWith(last) && text.length - last.length >= position + 1;
}

export function maskedEmailCompatibility(mask: string, preparedEmail: string): MaskCompatibility {
  const parsed = parseMaskedEmail(mask);
  const prepared = normalizeEmail(preparedEmail).split('@');
  if (parsed === undefined || prepared.length !== 2 || prepared[0] === '' || prepared[1] === '') return 'unknown';
  return sideMatches(parsed.local, prepared[0]!) && sideMatches(parsed.domain, prepared[1]!) ? 'compatible' : 'incompatible';
}
