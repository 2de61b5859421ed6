/**
 * Strength of the new clave in three plain levels. The real estimator (zxcvbn-ts with the Spanish dictionary,
 * feature-anchors.md §2.2) will be loaded lazily on the new-key step and must fit `StrengthEstimator`.
 * `estimateStrengthHeuristic` is the small dependency-free fallback used until, or instead of, that load.
 * Advisory only: the portal's own rule (new-key.ts) comes first.
 */
import { fold } from '../detect/fold';

export const STRENGTH_LEVELS = ['weak', 'fair', 'strong'] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

/** personalTokens: the person's own data as words (names, cédula…), which make a key easier to guess. */
export type StrengthEstimator = (key: string, personalTokens?: readonly string[]) => StrengthLevel;

/** How the lazily loaded estimator is obtained (a dynamic import on the new-key step). */
export type StrengthEstimatorLoader = () => Promise<StrengthEstimator>;

/** Keys and words Ecuadorians are known or likely to pick (folded: lower case, no accents), 4+ characters. */
export const COMMON_KEY_WORDS: readonly string[] = [
  'clave', 'contrasena', 'password', 'ecuador', 'iess', 'quito', 'guayaquil', 'cuenca', 'manta', 'ambato', 'loja',
  'pichincha', 'guayas', 'manabi', 'teamo', 'tequiero', 'amor', 'dios', 'jesus', 'cristo', 'maria', 'familia', 'america',
  'barcelona', 'emelec', 'liga', 'futbol', 'mama', 'papa', 'hola', 'admin', 'secreto', 'princesa', 'bebe', 'casa',
  'hijo', 'hija', 'amigo', 'angel', 'estrella', 'iloveyou', 'qwerty', 'abc123', '123456', 'abcd', 'asdf', 'zxcv',
  'afiliado', 'jubilado', 'usuario', 'seguro', 'social',
];

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'] as const;
const MIN_KEYBOARD_RUN = 4;
const MIN_SEQUENCE = 3;

type Span = readonly [start: number, end: number];

function occurrences(text: string, token: string): Span[] {
  const spans: Span[] = [];
  if (token.length === 0) return spans;
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) spans.push([at, at + token.length]);
  return spans;
}

/** abc, 123, 987, zyx: three or more characters whose codes step by one the same way. */
function sequences(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length - 1) {
    const step = text.charCodeAt(i + 1) - text.charCodeAt(i);
    if (Math.abs(step) !== 1) {
      i++;
      continue;
    }
    let end = i + 2;
    while (end < text.length && text.charCodeAt(end) - text.charCodeAt(end - 1) === step) end++;
    if (end - i >= MIN_SEQUENCE) spans.push([i, end]);
    // The last character may start a run the other way ("1232").
    i = end - 1;
  }
  return spans;
}

/** aaa, 1111: one character three or more times; abab, 123123: a chunk said twice (the second copy is free). */
function repeats(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/(.)\1{2,}/gu)) spans.push([match.index + 1, match.index + match[0].length]);
  for (let size = 2; size * 2 <= text.length; size++) {
    for (let i = 0; i + size * 2 <= text.length; i++) {
      if (text.slice(i, i + size) === text.slice(i + size, i + size * 2)) spans.push([i + size, i + size * 2]);
    }
  }
  return spans;
}

function keyboardRuns(text: string): Span[] {
  const spans: Span[] = [];
  for (const row of KEYBOARD_ROWS) {
    for (const line of [row, [...row].reverse().join('')]) {
      for (let i = 0; i + MIN_KEYBOARD_RUN <= line.length; i++) spans.push(...occurrences(text, line.slice(i, i + MIN_KEYBOARD_RUN)));
    }
  }
  return spans;
}

/** Characters left once guessable parts count as one unit each: merged spans plus uncovered characters. */
function effectiveLength(length: number, spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let units = 0;
  let covered = 0;
  let currentEnd = -1;
  for (const [start, end] of sorted) {
    if (start >= currentEnd) {
      units += 1;
      covered += end - start;
      currentEnd = end;
    } else if (end > currentEnd) {
      covered += end - currentEnd;
      currentEnd = end;
    }
  }
  return length - covered + units;
}

function alphabetSize(key: string): number {
  let size = 0;
  if (/[a-z]/.test(key)) size += 26;
  if (/[A-Z]/.test(key)) size += 26;
  if (/\d/.test(key)) size += 10;
  if (/[^a-zA-Z\d]/.test(key)) size += 33;
  return size;
}

/** Bits below which a key is weak, and from which it is strong (a rough guess-count scale, not zxcvbn's). */
const WEAK_BELOW_BITS = 30;
const STRONG_FROM_BITS = 50;
const MIN_STRONG_LENGTH = 8;
const MIN_FAIR_LENGTH = 6;

/**
 * Only this many characters are analysed: the portal allows 15, and the repeat search is quadratic, so a long paste
 * must not stall the page.
 */
const MAX_ANALYSED = 64;

export const estimateStrengthHeuristic: StrengthEstimator = (key, personalTokens = []) => {
  const length = [...key].length;
  if (length < MIN_FAIR_LENGTH) return 'weak';
  const folded = fold(key, MAX_ANALYSED);
  // Leetspeak undone so "3cu4d0r" still reads as "ecuador"; same length, so spans line up.
  const deLeeted = folded.replace(/[0134579@$]/g, (ch) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g', '@': 'a', $: 's' })[ch] ?? ch);
  const words = [...COMMON_KEY_WORDS, ...personalTokens.map((token) => fold(token)).filter((token) => token.length >= 3)];
  const spans = [
    ...words.flatMap((word) => [...occurrences(folded, word), ...occurrences(deLeeted, word)]),
    ...sequences(folded),
    ...repeats(folded),
    ...keyboardRuns(folded),
  ];
  const bits = effectiveLength(folded.length, spans) * Math.log2(alphabetSize(key));
  if (bits < WEAK_BELOW_BITS) return 'weak';
  return bits >= STRONG_FROM_BITS && length >= MIN_STRONG_LENGTH ? 'strong' : 'fair';
};
