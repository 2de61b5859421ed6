import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BIRTH_DATE_REASONS,
  CEDULA_REASONS,
  EMAIL_REASONS,
  KEY_RULE_REASONS,
  PERSONAL_DATA_KINDS,
  RUC_NOTES,
  RUC_REASONS,
  STRENGTH_LEVELS,
  SUCURSAL_REASONS,
} from '../../../src/validate';

/**
 * The UI turns a code into words with the convention `val` + group + code in PascalCase
 * (cedula 'check-digit' → valCedulaCheckDigit). 'empty' has no message: an empty field gets no warning.
 */
const pascal = (code: string) => code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, ch: string) => ch.toUpperCase());
const GROUPS: [string, readonly string[]][] = [
  ['Cedula', CEDULA_REASONS],
  ['Ruc', RUC_REASONS],
  ['RucNote', RUC_NOTES],
  ['Sucursal', SUCURSAL_REASONS],
  ['BirthDate', BIRTH_DATE_REASONS],
  ['Email', [...EMAIL_REASONS, 'suggestion']],
  ['Key', KEY_RULE_REASONS],
  ['KeyHas', PERSONAL_DATA_KINDS],
  ['Confirm', ['differs']],
  ['Strength', STRENGTH_LEVELS],
];
const expectedKeys = GROUPS.flatMap(([group, codes]) => codes.filter((code) => code !== 'empty').map((code) => `val${group}${pascal(code)}`));

const load = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../src/public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, unknown>;

describe('validation messages in _locales', () => {
  it('the convention gives the expected names', () => {
    expect(pascal('check-digit')).toBe('CheckDigit');
    expect(pascal('modulo-11-differs')).toBe('Modulo11Differs');
    expect(expectedKeys).toContain('valCedulaCheckDigit');
  });

  it.each(['es', 'en'])('%s has a message for every reason code, and no stray val key', (lang) => {
    const keys = Object.keys(load(lang)).filter((key) => key.startsWith('val'));
    expect(keys.sort()).toEqual([...expectedKeys].sort());
  });
});
