/**
 * Every validator on any input (issue 14, item 5): random text of every kind (lone surrogates, control and
 * bidi characters, long runs), numbers where strings are expected, and one very long input each. None may
 * throw, each answers within its declared vocabulary, and a long input ends (the test's own timeout is the
 * guard: a validator that looped would never return). The validators' own files test what each answer means.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BIRTH_DATE_REASONS,
  CEDULA_REASONS,
  CONFIRMATION_STATES,
  EMAIL_REASONS,
  KEY_RULE_REASONS,
  MASK_COMPATIBILITIES,
  PERSONAL_DATA_KINDS,
  RUC_REASONS,
  SUCURSAL_REASONS,
  cedulaProgress,
  checkKeyRules,
  confirmationState,
  strengthUserInputs,
  findPersonalData,
  maskedEmailCompatibility,
  normalizeEmail,
  normalizeIdNumber,
  parseMaskedEmail,
  suggestDomain,
  validateBirthDayMonth,
  validateCedula,
  validateEmail,
  validateRuc,
  validateSucursal,
} from '../../../src/validate';

const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.stringMatching(/^[0-9 .\-@*a-z]{0,30}$/),
  fc.constantFrom('\u202e1712345600', '１７１２３４５６００', 'a@b', '*@*.*', '@@@', '...', '\ud800', '\u0000', 'ñ@gmáil.com'),
);
const part = fc.oneof(anyText, fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined));
const LONG = ['7'.repeat(200_000), 'a@'.repeat(50_000), `${'x'.repeat(100_000)}@${'y'.repeat(100_000)}.com`, '*'.repeat(100_000), '\ud800'.repeat(50_000)];

const inVocabulary = (result: { ok: boolean; reason?: string }, reasons: readonly string[]) => result.ok || reasons.includes(result.reason ?? '');

function checkAll(text: string, other: string): void {
  expect(inVocabulary(validateCedula(text), CEDULA_REASONS)).toBe(true);
  const progress = cedulaProgress(text);
  expect(['empty', 'incomplete', 'valid', 'invalid']).toContain(progress.state);
  expect(typeof normalizeIdNumber(text)).toBe('string');
  expect(inVocabulary(validateRuc(text), RUC_REASONS)).toBe(true);
  expect(inVocabulary(validateRuc(text, { household: true }), RUC_REASONS)).toBe(true);
  expect(inVocabulary(validateSucursal(text), SUCURSAL_REASONS)).toBe(true);
  const email = validateEmail(text);
  expect(inVocabulary(email, EMAIL_REASONS)).toBe(true);
  if (email.suggestion !== undefined) expect(typeof email.suggestion).toBe('string');
  expect(typeof normalizeEmail(text)).toBe('string');
  const suggested = suggestDomain(text);
  expect(suggested === undefined || typeof suggested === 'string').toBe(true);
  const mask = parseMaskedEmail(text);
  expect(mask === undefined || (Array.isArray(mask.local) && Array.isArray(mask.domain))).toBe(true);
  expect(MASK_COMPATIBILITIES).toContain(maskedEmailCompatibility(text, other));
  expect(checkKeyRules(text).every((r) => KEY_RULE_REASONS.includes(r))).toBe(true);
  expect(findPersonalData(text, { cedula: other, names: [other], email: other, birthDay: other, birthMonth: other }).every((k) => PERSONAL_DATA_KINDS.includes(k))).toBe(true);
  expect(CONFIRMATION_STATES).toContain(confirmationState(text, other, { left: true }));
  // The strength estimate itself is zxcvbn-ts (injected, not a validator); its inputs come from any profile text.
  expect(strengthUserInputs({ cedula: other, names: text, email: other }).every((s) => typeof s === 'string')).toBe(true);
}

describe('every validator on any input (property)', () => {
  it('never throws and answers within its vocabulary', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, other) => checkAll(text, other)),
      { numRuns: 300 },
    );
  });

  it('birth day and month: any value of any type', () => {
    fc.assert(
      fc.property(part, part, (day, month) => {
        const result = validateBirthDayMonth(day as never, month as never);
        expect(inVocabulary(result, BIRTH_DATE_REASONS)).toBe(true);
        if (result.ok) {
          expect(result.day).toBeGreaterThanOrEqual(1);
          expect(result.month).toBeLessThanOrEqual(12);
        }
      }),
      { numRuns: 300 },
    );
  });

  // fast-check tries these on purpose; a table looked up as a plain object answers them from its prototype
  // ("¿Quiso decir ana@function Object()…?"). Every one, as a whole domain and as each label of one.
  it('prototype property names are text like any other', () => {
    const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
    for (const name of names) {
      for (const text of [name, `ana@${name}`, `ana@gmail.${name}`, `ana@${name}.com`, `${name}.ec`, `hotmail.${name}`]) {
        checkAll(text, name);
        for (const answer of [suggestDomain(text.split('@').pop()!), validateEmail(text).suggestion]) {
          if (answer === undefined) continue;
          expect(typeof answer).toBe('string');
          expect(answer).not.toMatch(/function|\[object|native code/);
        }
      }
    }
  });

  it('ends on very long input', () => {
    for (const text of LONG) checkAll(text, text.slice(0, 1000));
  });
});
