import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { estimateStrengthHeuristic, type StrengthEstimator, type StrengthEstimatorLoader, type StrengthLevel } from '../../../src/validate/strength';

// Property tests run thousands of cases; on a shared 2-core machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

describe('estimateStrengthHeuristic', () => {
  it.each<[string, StrengthLevel]>([
    // Too short for anything else.
    ['', 'weak'],
    ['Kq7!z', 'weak'],
    // Common keys and Ecuadorian words, with or without digits and leetspeak.
    ['123456', 'weak'],
    ['123456789', 'weak'],
    ['clave2024', 'weak'],
    ['Ecuador2024', 'weak'],
    ['3cu4d0r2024', 'weak'],
    ['teamo1234', 'weak'],
    ['barcelona10', 'weak'],
    ['qwerty123', 'weak'],
    ['password', 'weak'],
    // Sequences and repeats.
    ['abcdefgh', 'weak'],
    ['aaaaaaaaaa', 'weak'],
    ['abcabcabc', 'weak'],
    ['98765432', 'weak'],
    ['asdfghjk', 'weak'],
    // Middling.
    ['x7k2m9q4', 'fair'],
    ['Kq7mZ2pL', 'fair'],
    ['4829105736', 'fair'],
    // Long and varied.
    ['Kq7mZ2pLx9', 'strong'],
    ['perrogatocasa12', 'strong'],
    ['Tr3sTigr3sTrig0', 'strong'],
  ])('%j → %s', (key, level) => {
    expect(estimateStrengthHeuristic(key)).toBe(level);
  });

  it('the person\'s own words count as guessable', () => {
    expect(estimateStrengthHeuristic('zambranoloor85')).toBe('strong');
    expect(estimateStrengthHeuristic('zambranoloor85', ['Zambrano', 'Loor'])).toBe('weak');
  });

  it('returns one of the three levels for any key and tokens, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string()), (key, tokens) => {
        expect(['weak', 'fair', 'strong']).toContain(estimateStrengthHeuristic(key, tokens));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers at once for a very long paste', () => {
    const started = performance.now();
    expect(estimateStrengthHeuristic('Kq7mZ2pLx9'.repeat(10_000))).toBe('strong');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a key made of one repeated character is weak at any length', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', '1', 'Z', 'ñ'), fc.integer({ min: 1, max: 40 }), (ch, n) => {
        expect(estimateStrengthHeuristic(ch.repeat(n))).toBe('weak');
      }),
    );
  });

  it('fits the estimator type, so a lazily loaded estimator can replace it', async () => {
    const load: StrengthEstimatorLoader = async () => estimateStrengthHeuristic;
    const estimator: StrengthEstimator = await load();
    expect(estimator('clave2024')).toBe('weak');
  });
});
