import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZxcvbnEstimator } from '../../../src/estimator/zxcvbn';
import { strengthUserInputs, type StrengthLevel } from '../../../src/validate/strength';

// One estimator for the file: building it decompresses the dictionaries.
const estimate = createZxcvbnEstimator();

describe('the zxcvbn-ts estimator (common + Spanish dictionaries)', () => {
  it.each<[string, StrengthLevel]>([
    // Common keys, Ecuadorian and Spanish words, with digits or leetspeak.
    ['123456', 'weak'],
    ['qwerty123', 'weak'],
    ['password', 'weak'],
    ['tequiero1', 'weak'],
    ['barcelona10', 'weak'],
    ['Ecuador2024', 'weak'],
    ['mariposa2020', 'weak'],
    ['contrasena1', 'weak'],
    ['abcdefgh', 'weak'],
    ['aaaaaaaaaa', 'weak'],
    // Short and random; and two guessable parts, which zxcvbn's sequence penalty lifts to the middle.
    ['x7k2m9q4', 'fair'],
    ['teamo1234', 'fair'],
    // Long and random.
    ['Kq7mZ2pLx9Wd', 'strong'],
    ['x7Rk2mQ9q4Tz', 'strong'],
  ])('%j → %s', (key, level) => {
    expect(estimate(key, [])).toBe(level);
  });

  it('knows Spanish and Ecuadorian words the common dictionaries alone do not', () => {
    // With only @zxcvbn-ts/language-common both rate 'strong'.
    expect(estimate('guayaquil2020', [])).toBe('weak');
    expect(estimate('hormiga77', [])).toBe('weak');
  });

  it('counts the person’s own data against the key', () => {
    const person = strengthUserInputs({ names: 'Lucía Torres Quishpe', cedula: '1104567837' });
    expect(estimate('ab1104567837', [])).toBe('strong');
    expect(estimate('ab1104567837', person)).toBe('weak');
    expect(estimate('lucia1104567837', [])).toBe('strong');
    expect(estimate('lucia1104567837', person)).toBe('weak');
  });

  it('returns one of the three levels for any key and inputs, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), (key, inputs) => {
        expect(['weak', 'fair', 'strong']).toContain(estimate(key, inputs));
      }),
      { numRuns: 200 },
    );
  });

  it('estimates a very long paste (cut to 64 characters) without stalling', () => {
    expect(estimate('Kq7mZ2pLx9'.repeat(10_000), [])).toBe('strong');
  });
});
