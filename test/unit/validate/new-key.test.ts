import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  checkKeyRules,
  confirmationState,
  findPersonalData,
  type ConfirmationState,
  type KeyRuleReason,
  type PersonalData,
  type PersonalDataKind,
} from '../../../src/validate/new-key';
import { fold } from '../../../src/text/fold';

// Property tests run thousands of cases; on a shared 2-core machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

describe('checkKeyRules (default 6–15 letters and/or digits)', () => {
  it.each<[string, KeyRuleReason[]]>([
    ['abc123', []],
    ['123456', []],
    ['abcdef', []],
    ['Abc123Xyz789Qwe', []],
    ['', ['empty']],
    ['abc12', ['too-short']],
    ['Abc123Xyz789Qwe1', ['too-long']],
    ['abc 123', ['not-alphanumeric']],
    ['abc-123', ['not-alphanumeric']],
    ['abc12!', ['not-alphanumeric']],
    ['muñeca12', ['non-ascii-letter']],
    ['camión12', ['non-ascii-letter']],
    ['cami\u006f\u0301n12', ['non-ascii-letter']],
    ['ñ!', ['too-short', 'not-alphanumeric', 'non-ascii-letter']],
    ['ab cd efgh ijkl mn', ['too-long', 'not-alphanumeric']],
  ])('%j → %j', (key, reasons) => {
    expect(checkKeyRules(key)).toEqual(reasons);
  });

  it('takes its limits from the options', () => {
    expect(checkKeyRules('abc123', { minLength: 8, maxLength: 12 })).toEqual(['too-short']);
    expect(checkKeyRules('abcd1234', { minLength: 8, maxLength: 12 })).toEqual([]);
    expect(checkKeyRules('abcd12345678x', { minLength: 8, maxLength: 12 })).toEqual(['too-long']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkKeyRules('abcde😀')).toEqual(['not-alphanumeric']);
  });
});

const person: PersonalData = {
  cedula: '1712345678',
  birthDay: 15,
  birthMonth: 8,
  birthYear: 1985,
  names: ['María José', 'Zambrano de los Ríos'],
  email: 'eme.zeta85@gmail.com',
};

describe('findPersonalData', () => {
  it.each<[string, PersonalDataKind[]]>([
    // Cédula: whole, or six or more digits in a row.
    ['1712345678', ['cedula']],
    ['ab171234', ['cedula']],
    ['x345678y', ['cedula']],
    ['k12345', []],
    ['17123x45678', []],
    // Birth date in its usual forms.
    ['clave1508', ['birth-date']],
    ['clave0815', ['birth-date']],
    ['x150885', ['birth-date']],
    ['x15081985', ['birth-date']],
    ['19850815x', ['birth-date']],
    ['15/08x', ['birth-date']],
    ['k1985k', []],
    ['x1580', []],
    // Names and surnames, folded and de-leeted.
    ['MARIA2020', ['name']],
    ['jose2020', ['name']],
    ['zambrano99', ['name']],
    ['rios2020', ['name']],
    ['r1os2020', ['name']],
    ['m4r14x99', ['name']],
    ['Zambr4n0', ['name']],
    ['ZAMBRANÓ', ['name']],
    // Particles of a compound surname are not names.
    ['losandes7', []],
    // The email's local part, whole or its words.
    ['emezeta85', ['email']],
    ['xzetax', ['email']],
    ['3m3z3t4', ['email']],
    ['mjosezl', ['name']],
    // Several kinds at once, in a fixed order.
    ['Zambrano1712345678', ['cedula', 'name']],
    ['zeta1508', ['birth-date', 'email']],
    // Nothing personal.
    ['k7q9w2xz', []],
    ['', []],
  ])('%j → %j', (key, kinds) => {
    expect(findPersonalData(key, person)).toEqual(kinds);
  });

  it('names shorter than three letters are ignored', () => {
    expect(findPersonalData('li2020xx', { names: ['Li Wu'] })).toEqual([]);
    expect(findPersonalData('ana2020', { names: ['Ana'] })).toEqual(['name']);
  });

  it('a short email local part is ignored', () => {
    expect(findPersonalData('jp123456', { email: 'jp@gmail.com' })).toEqual([]);
  });

  it('the date without a year still finds ddmm and mmdd; a date with leading zeros is padded', () => {
    const data: PersonalData = { birthDay: '5', birthMonth: '3' };
    expect(findPersonalData('casa0503', data)).toEqual(['birth-date']);
    expect(findPersonalData('casa0305', data)).toEqual(['birth-date']);
    expect(findPersonalData('casa53xx', data)).toEqual([]);
  });

  it('works with partial data and ignores unusable values', () => {
    expect(findPersonalData('abc123456', {})).toEqual([]);
    expect(findPersonalData('abc123456', { cedula: '12345' })).toEqual([]);
    expect(findPersonalData('abc3112', { birthDay: 'x', birthMonth: 12 })).toEqual([]);
    expect(findPersonalData('abc@', { email: 'sin-arroba' })).toEqual([]);
  });

  it('reports kinds only, never the value found', () => {
    const result = findPersonalData('Zambrano1712345678', person);
    expect(JSON.stringify(result)).not.toMatch(/zambrano|171234/i);
  });

  it('always finds any six-digit run of the cédula, wherever it sits in the key', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{10}$/),
        fc.nat(4),
        fc.stringMatching(/^[a-z]{0,4}$/),
        fc.stringMatching(/^[a-z]{0,4}$/),
        (cedula, start, before, after) => {
          const key = before + cedula.slice(start, start + 6) + after;
          expect(findPersonalData(key, { cedula })).toContain('cedula');
        },
      ),
    );
  });

  it('finds a name whatever its case and accents', () => {
    fc.assert(
      fc.property(fc.constantFrom('Muñoz', 'Ramírez', 'Chávez', 'Peña', 'Álvarez', 'Quishpe'), fc.boolean(), (name, upper) => {
        const key = `${upper ? name.toUpperCase() : fold(name)}2024`;
        expect(findPersonalData(key, { names: [name] })).toEqual(['name']);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.record({ cedula: fc.string(), names: fc.array(fc.string()), email: fc.string(), birthDay: fc.oneof(fc.string(), fc.integer()), birthMonth: fc.oneof(fc.string(), fc.integer()), birthYear: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }), (key, data) => {
        const kinds = findPersonalData(key, data);
        for (const kind of kinds) expect(['cedula', 'birth-date', 'name', 'email']).toContain(kind);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('confirmationState', () => {
  it.each<[string, string, boolean, ConfirmationState]>([
    ['abc123', '', false, 'pending'],
    ['abc123', '', true, 'pending'],
    ['abc123', 'abc', false, 'pending'],
    ['abc123', 'abx', false, 'pending'],
    ['abc123', 'abx', true, 'differs'],
    ['abc123', 'abc123', false, 'match'],
    ['abc123', 'abc124', false, 'differs'],
    ['abc123', 'ABC123', false, 'differs'],
    ['abc123', 'abc1234', false, 'differs'],
    ['', 'a', false, 'differs'],
    ['', '', true, 'pending'],
  ])('first %j, confirmation %j, left %s → %s', (first, second, left, state) => {
    expect(confirmationState(first, second, { left })).toBe(state);
  });

  it('never says "differs" while a correct confirmation is being typed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 15 }), (key) => {
        for (let n = 1; n < key.length; n++) expect(confirmationState(key, key.slice(0, n), { left: false })).toBe('pending');
        expect(confirmationState(key, key, { left: false })).toBe('match');
      }),
    );
  });
});
