import { describe, expect, it } from 'vitest';
import { STRENGTH_LEVELS, strengthLevelFromScore, strengthUserInputs, type StrengthLevel, type ZxcvbnScore } from '../../../src/validate/strength';

describe('strengthLevelFromScore', () => {
  it.each<[ZxcvbnScore, StrengthLevel]>([
    [0, 'weak'],
    [1, 'weak'],
    [2, 'fair'],
    [3, 'strong'],
    [4, 'strong'],
  ])('zxcvbn %i → %s', (score, level) => {
    expect(strengthLevelFromScore(score)).toBe(level);
  });

  it('has three plain levels', () => {
    expect(STRENGTH_LEVELS).toEqual(['weak', 'fair', 'strong']);
  });
});

describe('strengthUserInputs', () => {
  it('turns the person’s data into the words a guesser would try: cédula, names, email, birth day and month', () => {
    const words = strengthUserInputs({ cedula: '1104567837', names: 'María José Zambrano de los Ríos', email: 'mama.loor@example.com', birthDay: 2, birthMonth: 7 });
    expect(words).toEqual(expect.arrayContaining(['1104567837', 'maria', 'jose', 'zambrano', 'rios', 'mamaloor', 'mama', 'loor', '0207', '02/07']));
    // Particles of compound surnames and the email's domain are not the person's words.
    expect(words).not.toContain('los');
    expect(words.some((w) => w.includes('example'))).toBe(false);
  });

  it('is empty without a person, and skips what the person did not give', () => {
    expect(strengthUserInputs(null)).toEqual([]);
    expect(strengthUserInputs({ names: 'Rosa' })).toEqual(['rosa']);
  });
});
