import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { cedulaCheckDigit } from '../../../src/validate/cedula';
import {
  followsPrivateModulo11,
  followsPublicModulo11,
  validateRuc,
  validateSucursal,
  type RucReason,
  type RucResult,
} from '../../../src/validate/ruc';

// Property tests run thousands of cases; on a shared 2-core machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

const cedula = (firstNine: string) => firstNine + String(cedulaCheckDigit(firstNine));

describe('validateRuc', () => {
  it.each<[string, RucResult]>([
    // Synthetic values from research/iess-portal.md §5.
    ['1700000001001', { ok: true, kind: 'natural' }],
    ['1790000028001', { ok: true, kind: 'private' }],
    ['0990000107001', { ok: true, kind: 'private' }],
    ['1760001040001', { ok: true, kind: 'public' }],
    // A natural person's second establishment.
    ['0912345675002', { ok: true, kind: 'natural' }],
    // Natural person whose cédula has third digit 6 (python-stdnum#267).
    ['0962467429001', { ok: true, kind: 'natural' }],
    // Real active company RUCs that fail módulo 11 (python-stdnum#497, #290): valid structure, note only.
    ['1793213150001', { ok: true, kind: 'private', note: 'modulo-11-differs' }],
    ['0993370026001', { ok: true, kind: 'private', note: 'modulo-11-differs' }],
    ['1793189906001', { ok: true, kind: 'private', note: 'modulo-11-differs' }],
    ['0993366721001', { ok: true, kind: 'private', note: 'modulo-11-differs' }],
    ['0993381661001', { ok: true, kind: 'private', note: 'modulo-11-differs' }],
    // A public body number that follows no legacy rule is still well formed.
    ['1760001050001', { ok: true, kind: 'public', note: 'modulo-11-differs' }],
    // Known limit: a slipped digit in a 6-cédula RUC reads as a public body's RUC, which is not checkable.
    ['0962467428001', { ok: true, kind: 'public', note: 'modulo-11-differs' }],
    // Separators are dropped.
    ['1790000028-001', { ok: true, kind: 'private' }],
  ])('%s → %j', (ruc, expected) => {
    expect(validateRuc(ruc)).toEqual(expected);
  });

  it.each<[string, RucReason]>([
    ['', 'empty'],
    ['17900000280O1', 'not-digits'],
    ['179000002800', 'length'],
    ['17000000010010', 'length'],
    ['1700000001', 'length'],
    ['2590000028001', 'province'],
    ['0090000107001', 'province'],
    ['1770000001001', 'third-digit'],
    ['1780000001001', 'third-digit'],
    ['1700000002001', 'check-digit'],
  ])('rejects %j with %s', (ruc, reason) => {
    expect(validateRuc(ruc)).toEqual({ ok: false, reason });
  });

  it.each<[string, RucReason]>([
    // Natural person: establishment 000 does not exist (outside the household form).
    ['1700000001000', 'establishment'],
    // Private company: establishment 000.
    ['1790000028000', 'establishment'],
    // Public body: its establishment is the last four digits.
    ['1760001040000', 'establishment'],
  ])('rejects %s: %s', (ruc, reason) => {
    expect(validateRuc(ruc)).toEqual({ ok: false, reason });
  });

  describe('household employer form (cédula + 000)', () => {
    it('is accepted only when the caller says the page is doméstico', () => {
      expect(validateRuc('1700000001000', { household: true })).toEqual({ ok: true, kind: 'household' });
      expect(validateRuc('1700000001000')).toEqual({ ok: false, reason: 'establishment' });
      expect(validateRuc('0962467429000', { household: true })).toEqual({ ok: true, kind: 'household' });
    });

    it('still checks the cédula part', () => {
      expect(validateRuc('1700000002000', { household: true })).toEqual({ ok: false, reason: 'check-digit' });
    });

    it('leaves ordinary RUCs as they are', () => {
      expect(validateRuc('1700000001001', { household: true })).toEqual({ ok: true, kind: 'natural' });
      expect(validateRuc('1790000028000', { household: true })).toEqual({ ok: false, reason: 'establishment' });
    });
  });

  it('province 30 follows the cédula rule: any third digit for a natural person', () => {
    expect(validateRuc(`${cedula('307000000')}001`)).toEqual({ ok: true, kind: 'natural' });
  });

  it('never reports a check-digit error for a company or public body (third digit 9 or 6)', () => {
    fc.assert(
      fc.property(fc.constantFrom('17', '09', '01', '24', '30'), fc.constantFrom('6', '9'), fc.stringMatching(/^[0-9]{7}$/), fc.constantFrom('001', '002', '101'), (province, type, middle, establishment) => {
        const ruc = province + type + middle + establishment;
        const result = validateRuc(ruc);
        expect(result.ok).toBe(true);
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{10,14}$/)), fc.boolean(), (text, household) => {
        expect(() => validateRuc(text, { household })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('a natural RUC is valid exactly when its cédula is (with establishment 001)', () => {
    fc.assert(
      fc.property(fc.constantFrom('17', '09', '01', '24'), fc.integer({ min: 0, max: 5 }), fc.stringMatching(/^[0-9]{7}$/), (province, third, rest) => {
        const ten = province + String(third) + rest;
        const expectedOk = cedulaCheckDigit(ten) === Number(ten[9]);
        expect(validateRuc(`${ten}001`).ok).toBe(expectedOk);
      }),
    );
  });
});

describe('legacy módulo 11 (informative)', () => {
  it('private: digit 10 from weights 4,3,2,7,6,5,4,3,2', () => {
    expect(followsPrivateModulo11('1790000028001')).toBe(true);
    expect(followsPrivateModulo11('1790000029001')).toBe(false);
  });

  it('public: digit 9 from weights 3,2,7,6,5,4,3,2', () => {
    expect(followsPublicModulo11('1760001040001')).toBe(true);
    expect(followsPublicModulo11('1760001050001')).toBe(false);
  });

  it('remainder 1 has no valid check digit', () => {
    // Among 179000000…179000009, the nine-digit prefixes whose weighted sum leaves remainder 1.
    const prefixes = Array.from({ length: 10 }, (_, n) => `17900000${n}`).filter((p) => {
      const sum = [4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * Number(p[i]), 0);
      return sum % 11 === 1;
    });
    expect(prefixes.length).toBeGreaterThan(0);
    for (const prefix of prefixes) for (let d = 0; d <= 9; d++) expect(followsPrivateModulo11(`${prefix}${d}001`)).toBe(false);
  });
});

describe('validateSucursal', () => {
  it.each([['0001'], ['0002'], ['1234'], [' 0001 ']])('accepts %j', (sucursal) => {
    expect(validateSucursal(sucursal)).toEqual({ ok: true });
  });

  it.each([
    ['', 'empty'],
    ['00a1', 'not-digits'],
    ['001', 'length'],
    ['00001', 'length'],
  ])('rejects %j with %s', (sucursal, reason) => {
    expect(validateSucursal(sucursal)).toEqual({ ok: false, reason });
  });
});
