import { describe, expect, it } from 'vitest';
import type { StepId } from '../../../src/detect/vocabulary';
import { computeWarnings, WARNING_CODES, WARNING_TEXT, type FieldWarning, type PreparedPerson, type WarningInput } from '../../../src/flow/warnings';
import type { ValueFieldRole } from '../../../src/page/fields';
import { DEFAULT_KEY_RULES } from '../../../src/validate';
import { catalogues, missingKeys } from './locales';

const MAMA: PreparedPerson = {
  label: 'Mamá',
  cedula: '1712345600',
  email: 'rosa.loor@gmail.com',
  birthDay: 14,
  birthMonth: 3,
  names: 'Rosa Elena Loor',
};

function warn(step: StepId, values: Partial<Record<ValueFieldRole, string>>, extra: Partial<WarningInput> = {}): FieldWarning[] {
  return computeWarnings({ step, values: new Map(Object.entries(values)) as WarningInput['values'], person: MAMA, keyRules: DEFAULT_KEY_RULES, ...extra });
}
const codes = (list: FieldWarning[]) => list.map((w) => `${w.anchor}:${w.code}`);

describe('computeWarnings: one row per case', () => {
  const rows: [string, FieldWarning[], string[]][] = [
    ['cédula with a wrong check digit', warn('identity', { 'id-number': '1712345601' }), ['id-number:cedula-check-digit']],
    ['cédula half typed: nothing yet', warn('identity', { 'id-number': '17123' }), []],
    ['cédula that cannot become valid (province 99)', warn('identity', { 'id-number': '99' }), ['id-number:cedula-province']],
    // Issue 18: the field takes "cédula o código"; a foreigner's code is no cédula and gets no cédula error.
    ['a foreigner’s IESS code with letters: a hint, not a cédula error', warn('identity', { 'id-number': 'EC12345X' }), ['id-number:id-not-cedula']],
    ['a longer number: a hint, not a cédula error', warn('identity', { 'id-number': '123456789012' }), ['id-number:id-not-cedula']],
    ['cédula valid and the prepared one', warn('identity', { 'id-number': '1712345600' }), []],
    ['cédula valid but not the prepared one', warn('identity', { 'id-number': '0902345610' }), ['id-number:cedula-differs']],
    ['cédula with no prepared person', warn('identity', { 'id-number': '0902345610' }, { person: null }), []],
    ['RUC with a bad check digit', warn('identity', { ruc: '1712345601001', sucursal: '0001', 'id-number': '0908765431' }), ['ruc:ruc-check-digit']],
    ['company RUC: structure only', warn('identity', { ruc: '1790000028001', sucursal: '0001', 'id-number': '0908765431' }), []],
    ['household RUC accepted where the page says doméstico', warn('identity', { ruc: '1717171712000', 'id-number': '1717171712' }, { household: true }), []],
    ['sucursal with a letter', warn('identity', { ruc: '1790000028001', sucursal: '00a1' }), ['sucursal:sucursal-not-digits']],
    ['employer form: the representative is not compared with the person', warn('identity', { ruc: '1790000028001', 'id-number': '0908765431' }), []],
    ['31 February', warn('verification', { 'birth-day': '31', 'birth-month': '2' }), ['birth-day:birth-impossible-date']],
    ['month 13', warn('verification', { 'birth-day': '1', 'birth-month': '13' }), ['birth-month:birth-month-range']],
    ['day and month as prepared', warn('verification', { 'birth-day': '14', 'birth-month': '03' }), []],
    ['day differs from the prepared one', warn('verification', { 'birth-day': '15', 'birth-month': '3' }), ['birth-day:birth-day-differs']],
    ['day and month swapped', warn('verification', { 'birth-day': '3', 'birth-month': '12' }), ['birth-day:birth-day-differs', 'birth-month:birth-month-differs']],
    ['email with a typo in the domain', warn('profile', { email: 'rosa@hotmial.com' }), ['email:email-suggestion']],
    ['email without @, after leaving it', warn('profile', { email: 'rosa.gmail.com' }, { left: new Set(['email']) }), ['email:email-missing-at']],
    ['email without @, still typing', warn('profile', { email: 'rosa.gmail.com' }), []],
    ['email confirmation differs', warn('profile', { email: 'rosa@gmail.com', 'email-confirmation': 'rosa@gmial.com' }), ['email-confirmation:email-confirmation-differs']],
    ['masked email that cannot be the prepared one', warn('email-sent', {}, { maskedEmail: 'a***@example.com' }), ['masked-email:masked-email-differs']],
    ['masked email that can be the prepared one', warn('email-sent', {}, { maskedEmail: 'r***@gmail.com' }), []],
    ['masked email with no prepared email', warn('code', {}, { maskedEmail: 'a***@example.com', person: { label: 'Yo' } }), []],
    ['new key too long', warn('new-key', { 'new-key': 'abcdefghijkmnopqr' }), ['new-key:key-too-long']],
    ['new key too short, after leaving it', warn('new-key', { 'new-key': 'ab1' }, { left: new Set(['new-key']) }), ['new-key:key-too-short']],
    ['new key too short while typing: nothing yet', warn('new-key', { 'new-key': 'ab1' }), []],
    ['new key with a symbol', warn('new-key', { 'new-key': 'clave#2025' }), ['new-key:key-not-alphanumeric']],
    ['new key with the cédula', warn('new-key', { 'new-key': 'x1712345600' }), ['new-key:key-has-cedula']],
    ['new key with the birth date and a name', warn('new-key', { 'new-key': 'Elena1403' }), ['new-key:key-has-birth-date', 'new-key:key-has-name']],
    ['new key with the email local part', warn('new-key', { 'new-key': 'loorRosa9x' }), ['new-key:key-has-name', 'new-key:key-has-email']],
    ['the key rule comes from the options', warn('new-key', { 'new-key': 'abcdefgh9' }, { keyRules: { minLength: 10, maxLength: 15 }, left: new Set(['new-key']) }), ['new-key:key-too-short']],
    ['confirmation differs once as long', warn('new-key', { 'new-key': 'Nueva2025', 'key-confirmation': 'Nueva2024' }), ['key-confirmation:key-confirmation-differs']],
    ['confirmation shorter: not yet', warn('new-key', { 'new-key': 'Nueva2025', 'key-confirmation': 'Nueva' }), []],
    ['confirmation shorter, left', warn('new-key', { 'new-key': 'Nueva2025', 'key-confirmation': 'Nueva' }, { left: new Set(['key-confirmation']) }), ['key-confirmation:key-confirmation-differs']],
    ['confirmation equal', warn('new-key', { 'new-key': 'Nueva2025', 'key-confirmation': 'Nueva2025' }), []],
    ['Caps Lock on', warn('new-key', { 'new-key': 'NUEVA' }, { capsLock: true }), ['new-key:key-caps-lock']],
    ['Caps Lock while confirming', warn('new-key', { 'new-key': 'Nueva2025', 'key-confirmation': 'N' }, { capsLock: true }), ['key-confirmation:key-caps-lock']],
    ['strength weak', warn('new-key', { 'new-key': 'Nueva2025' }, { strength: 'weak' }), ['new-key:strength-weak']],
    ['strength strong', warn('new-key', { 'new-key': 'Tq8rVm2Lz' }, { strength: 'strong' }), ['new-key:strength-strong']],
    ['change-key: cédula and key', warn('change-key', { 'id-number': '1712345601', 'new-key': 'Nueva2025', 'key-confirmation': 'Nueva2026' }), ['id-number:cedula-check-digit', 'key-confirmation:key-confirmation-differs']],
    ['change-key: the key contains the cédula typed on the same form', warn('change-key', { 'id-number': '0902345610', 'new-key': 'ab0902345610', 'key-confirmation': '' }, { person: null }), ['new-key:key-has-cedula']],
    ['a key value on another step is ignored', warn('identity', { 'new-key': 'x' }), []],
  ];
  it.each(rows)('%s', (_name, list, expected) => {
    expect(codes(list)).toEqual(expected);
  });

  it('never says a foreigner’s code is a wrong cédula: a hint only', () => {
    for (const id of ['EC12345X', 'P1234567', '123456789012']) expect(warn('identity', { 'id-number': id }).map((w) => w.tone)).toEqual(['info']);
  });

  it('names whose data was compared, by label', () => {
    expect(warn('identity', { 'id-number': '0902345610' })[0]!.personLabel).toBe('Mamá');
    expect(warn('new-key', { 'new-key': 'x1712345600' })[0]!.personLabel).toBe('Mamá');
  });

  it('never carries a stored value or the key; the only text is the person’s own email, corrected', () => {
    const key = 'Rosa1712345600#';
    const all = [
      ...warn('identity', { 'id-number': '0902345610' }),
      ...warn('verification', { 'birth-day': '15', 'birth-month': '4' }),
      ...warn('email-sent', {}, { maskedEmail: 'a***@example.com' }),
      ...warn('new-key', { 'new-key': key, 'key-confirmation': `${key}x` }, { capsLock: true, strength: 'weak' }),
    ];
    const text = JSON.stringify(all);
    for (const secret of [key, MAMA.cedula!, MAMA.email!, 'rosa.loor', '1403', 'Loor']) expect(text).not.toContain(secret);
    const hint = warn('profile', { email: 'pedro@hotmial.com' });
    expect(hint).toEqual([{ anchor: 'email', code: 'email-suggestion', tone: 'warning', suggestion: 'pedro@hotmail.com' }]);
  });

  it('every code has its words in both languages, with the same placeholders', () => {
    expect(missingKeys(Object.values(WARNING_TEXT))).toEqual([]);
    for (const code of WARNING_CODES) {
      const key = WARNING_TEXT[code];
      const holes = (lang: 'es' | 'en') => (catalogues[lang][key]!.message.match(/\$[A-Z_]+\$/g) ?? []).sort();
      expect(holes('en'), key).toEqual(holes('es'));
    }
    expect(missingKeys(['wgnDismiss', 'wgnAnnounce', 'wgnToneError', 'wgnToneWarning', 'wgnToneInfo', 'wgnLayerLabel', 'wgnComparedWith'])).toEqual([]);
  });
});
