import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_OPTIONS, parseOptions } from '../../../src/storage/options';
import { activePerson, parsePeople } from '../../../src/storage/people';
import { parseTabStep } from '../../../src/storage/schema';

describe('parsePeople', () => {
  it('keeps valid people, drops duplicates and bad fields, and an active id that names nobody', () => {
    const { value, problems } = parsePeople({
      activeId: 'ghost',
      list: [
        { id: 'a', label: 'Mamá', cedula: '1712345600', email: 'm@x.ec', birthDay: 14, birthMonth: 3, names: 'Ana' },
        { id: 'a', label: 'again' },
        { id: 'b', label: 'Papá', cedula: '12-34', birthDay: 40, birthMonth: 2 },
        'nonsense',
      ],
    });
    expect(value.activeId).toBeNull();
    expect(value.list).toEqual([
      { id: 'a', label: 'Mamá', cedula: '1712345600', email: 'm@x.ec', birthDay: 14, birthMonth: 3, names: 'Ana' },
      { id: 'b', label: 'Papá' },
    ]);
    expect(problems).toEqual(['people.entry']);
    expect(activePerson({ ...value, activeId: 'b' })?.label).toBe('Papá');
  });

  it('never throws and always gives a list (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { value } = parsePeople(raw);
        expect(Array.isArray(value.list)).toBe(true);
      }),
    );
  });
});

describe('parseOptions', () => {
  it('gives the defaults for nothing, and clamps what it keeps', () => {
    expect(parseOptions(undefined).value).toEqual({ ...DEFAULT_OPTIONS, linkValidityMs: {} });
    const { value, problems } = parseOptions({ language: 'fr', linkValidityMs: { unlock: 10 }, keyMinLength: 12, keyMaxLength: 8 });
    expect(value.language).toBe('auto');
    expect(value.linkValidityMs.unlock).toBeGreaterThanOrEqual(60_000);
    expect([value.keyMinLength, value.keyMaxLength]).toEqual([6, 15]);
    expect(problems.sort()).toEqual(['options.keyLength', 'options.language']);
  });
});

describe('parseTabStep', () => {
  it('keeps only a known step and flow', () => {
    // Written before alerts were kept: read as none, not as a failure.
    expect(parseTabStep({ step: 'code', flow: 'employer', at: 5 }).value).toEqual({ step: 'code', flow: 'employer', alerts: [], at: 5 });
    expect(parseTabStep({ step: 'code', flow: 'x', at: 5 }).value).toBeNull();
  });

  it('keeps only known alert ids', () => {
    const read = parseTabStep({ step: 'verification', flow: 'recover', alerts: ['data-mismatch', '<b>x</b>', 7], at: 5 });
    expect(read.value?.alerts).toEqual(['data-mismatch']);
  });
});
