/**
 * Strength of the new clave in three plain levels. The estimate itself is zxcvbn-ts with its Spanish dictionary
 * (feature-anchors.md §2.2), bundled apart (src/estimator/) and injected into the content script's world only on
 * the new-key step; this module is the small pure part both sides share: the levels, the estimator's shape, how
 * zxcvbn's score maps to a level and which of the person's data count against a key. Advisory only: the portal's
 * own rule (new-key.ts) comes first.
 */
import { personalWords } from './new-key';

export const STRENGTH_LEVELS = ['weak', 'fair', 'strong'] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

/** userInputs: the person's own data as words (strengthUserInputs), which make a key easier to guess. */
export type StrengthEstimator = (key: string, userInputs: readonly string[]) => StrengthLevel;

/** zxcvbn's score, 0 (too guessable) to 4 (very unguessable). */
export type ZxcvbnScore = 0 | 1 | 2 | 3 | 4;

/**
 * 0–1 débil: falls to an online attack that is not throttled (under 10⁶ guesses); 2 aceptable: resists that
 * (under 10⁸); 3–4 fuerte: would hold against an offline attack on a slow hash (10⁸ and more).
 */
export function strengthLevelFromScore(score: ZxcvbnScore): StrengthLevel {
  if (score <= 1) return 'weak';
  return score === 2 ? 'fair' : 'strong';
}

/** The active person's data as the estimator's user inputs (the same words the personal-data check looks for). */
export function strengthUserInputs(person: { cedula?: string; names?: string; email?: string; birthDay?: number; birthMonth?: number } | null): string[] {
  if (!person) return [];
  const { cedula, names, email, birthDay, birthMonth } = person;
  return personalWords({ cedula, names: names ? [names] : [], email, birthDay, birthMonth });
}
