import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { cedulaCheckDigit, cedulaProgress, isValidCedula, validateCedula, type CedulaReason } from '../../../src/validate/cedula';

// Property tests run thousands of cases; on a shared 2-core machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

/**
 * A deliberately different formulation, for cross-checking: the doubled digits are written out as a string
 * and every character of that string is summed (the Luhn way), instead of "products of 10 or more lose 9";
 * provinces come from an explicit list of strings instead of a numeric range.
 */
const PROVINCES = [...Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')), '30'];
function independentIsCedula(text: string): boolean {
  if (!/^[0-9]{10}$/.test(text)) return false;
  if (!PROVINCES.includes(text.substring(0, 2))) return false;
  if (text.substring(0, 2) !== '30' && '789'.includes(text.charAt(2))) return false;
  let written = '';
  for (let position = 1; position <= 9; position++) {
    const digit = text.charCodeAt(position - 1) - 48;
    written += String(position % 2 === 1 ? digit * 2 : digit);
  }
  const total = [...written].reduce((sum, ch) => sum + (ch.charCodeAt(0) - 48), 0);
  const expected = total % 10 === 0 ? 0 : 10 - (total % 10);
  return text.charCodeAt(9) - 48 === expected;
}

/** Deterministic PRNG so the cross-check looks at the same numbers on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const withCheckDigit = (firstNine: string) => firstNine + String(cedulaCheckDigit(firstNine));

describe('validateCedula', () => {
  it.each([
    // Synthetic values from research/iess-portal.md §5.
    ['1700000001'],
    ['0912345675'],
    ['1234567897'],
    // Third digit 6 exists (python-stdnum#267 via feature-anchors.md §3.2).
    ['0962467429'],
    // Province 30 (registered abroad) and the first and last provinces.
    [withCheckDigit('300000000')],
    [withCheckDigit('010000000')],
    [withCheckDigit('240000000')],
    // Separators people copy along.
    ['171234567-8'.replace('8', String(cedulaCheckDigit('171234567')))],
    [' 0912 345 675 '],
  ])('accepts %s', (cedula) => {
    expect(validateCedula(cedula)).toEqual({ ok: true });
  });

  it.each<[string, CedulaReason]>([
    ['', 'empty'],
    ['   ', 'empty'],
    [' - ', 'empty'],
    ['17000O0001', 'not-digits'],
    ['1700.000001', 'not-digits'],
    ['１７００００００01', 'not-digits'],
    ['170000001', 'length'],
    ['17000000010', 'length'],
    ['0000000000', 'province'],
    [withCheckDigit('250000000'), 'province'],
    [withCheckDigit('290000000'), 'province'],
    [withCheckDigit('310000000'), 'province'],
    [withCheckDigit('177000000'), 'third-digit'],
    [withCheckDigit('178000000'), 'third-digit'],
    [withCheckDigit('099000000'), 'third-digit'],
    ['1700000002', 'check-digit'],
    ['0962467428', 'check-digit'],
    ['1234567890', 'check-digit'],
  ])('rejects %j with %s', (cedula, reason) => {
    expect(validateCedula(cedula)).toEqual({ ok: false, reason });
  });

  it('does not hold province 30 to the third-digit rule (foreign residents)', () => {
    expect(validateCedula(withCheckDigit('309000000'))).toEqual({ ok: true });
  });

  it('check digit 0 when the sum is a multiple of ten', () => {
    // 2·2 + 3 = 7 → 10 − 7 = 3.
    expect(cedulaCheckDigit('230000000')).toBe(3);
    // 2·1 + 7 + 0 + 1 = 10 → 0, not 10.
    expect(cedulaCheckDigit('170100000')).toBe(0);
    // 2·9 = 18 loses 9 → 9, + 1 = 10 → 0.
    expect(cedulaCheckDigit('910000000')).toBe(0);
  });
});

describe('validateCedula, cross-checked against an independent implementation', () => {
  it('agrees on 10,000 random 10-digit strings and 10,000 well-structured ones', () => {
    const random = mulberry32(20261130);
    const digit = () => String(Math.floor(random() * 10));
    const disagreements: string[] = [];
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const structured = i >= 10_000;
      const head = structured ? PROVINCES[Math.floor(random() * PROVINCES.length)]! + String(Math.floor(random() * 7)) : digit() + digit() + digit();
      const text = head + Array.from({ length: 7 }, digit).join('');
      const ours = isValidCedula(text);
      if (ours !== independentIsCedula(text)) disagreements.push(text);
      if (ours) valid++;
    }
    expect(disagreements).toEqual([]);
    // The comparison means something only if both branches are exercised: about a tenth of the structured ones.
    expect(valid).toBeGreaterThan(800);
  });
});

const validCedula = fc
  .tuple(fc.constantFrom(...PROVINCES), fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }))
  .map(([province, third, rest]) => withCheckDigit(province + String(third) + rest.join('')));

describe('validateCedula, properties', () => {
  it('never throws on any string and always returns a known reason', () => {
    const reasons = new Set(['empty', 'not-digits', 'length', 'province', 'third-digit', 'check-digit']);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9 -]{0,14}$/)), (text) => {
        const result = validateCedula(text);
        if (!result.ok) expect(reasons.has(result.reason)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every generated valid cédula passes, and the independent implementation agrees', () => {
    fc.assert(
      fc.property(validCedula, (cedula) => {
        expect(validateCedula(cedula)).toEqual({ ok: true });
        expect(independentIsCedula(cedula)).toBe(true);
      }),
    );
  });

  it('changing any one digit of a valid cédula makes it fail', () => {
    fc.assert(
      fc.property(validCedula, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (cedula, position, delta) => {
        const changed = (Number(cedula[position]) + delta) % 10;
        const mutated = cedula.slice(0, position) + String(changed) + cedula.slice(position + 1);
        expect(validateCedula(mutated).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('swapping two different adjacent digits is caught unless it swaps 0 and 9 (a known blind spot of módulo 10)', () => {
    fc.assert(
      fc.property(validCedula, fc.integer({ min: 2, max: 8 }), (cedula, position) => {
        const a = cedula[position]!;
        const b = cedula[position + 1]!;
        fc.pre(a !== b && !(a + b === '09' || a + b === '90'));
        const swapped = cedula.slice(0, position) + b + a + cedula.slice(position + 2);
        expect(isValidCedula(swapped)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('cedulaProgress', () => {
  it.each([
    ['', { state: 'empty' }],
    ['1', { state: 'incomplete' }],
    ['0', { state: 'incomplete' }],
    ['3', { state: 'incomplete' }],
    ['4', { state: 'invalid', reason: 'province' }],
    ['17', { state: 'incomplete' }],
    ['25', { state: 'invalid', reason: 'province' }],
    ['00', { state: 'invalid', reason: 'province' }],
    ['096', { state: 'incomplete' }],
    ['097', { state: 'invalid', reason: 'third-digit' }],
    ['307', { state: 'incomplete' }],
    ['171234567', { state: 'incomplete' }],
    ['1700000001', { state: 'valid' }],
    ['1700000002', { state: 'invalid', reason: 'check-digit' }],
    ['17000000011', { state: 'invalid', reason: 'length' }],
    ['17a', { state: 'invalid', reason: 'not-digits' }],
  ])('%j → %j', (input, expected) => {
    expect(cedulaProgress(input)).toEqual(expected);
  });

  it('every prefix of a valid cédula is incomplete: no warning while typing', () => {
    fc.assert(
      fc.property(validCedula, (cedula) => {
        for (let length = 1; length < 10; length++) expect(cedulaProgress(cedula.slice(0, length))).toEqual({ state: 'incomplete' });
        expect(cedulaProgress(cedula)).toEqual({ state: 'valid' });
      }),
    );
  });

  it('"invalid" on a prefix means no completion is valid; "incomplete" means one is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,9}$/), (prefix) => {
        const progress = cedulaProgress(prefix);
        // Complete the prefix in every way the check digit allows, then fix the check digit.
        const completions = Array.from({ length: 10 }, (_, d) => (prefix + String(d).repeat(9)).slice(0, 9)).map(withCheckDigit);
        const anyValid = completions.some(isValidCedula);
        if (progress.state === 'invalid') expect(anyValid).toBe(false);
        else expect(progress.state).toBe('incomplete');
        if (progress.state === 'incomplete') expect(anyValid).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
