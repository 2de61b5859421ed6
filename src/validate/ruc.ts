/**
 * Ecuadorian RUC (13 digits) and IESS sucursal (4 digits), for the employer flow.
 * Third digit picks the type (research/iess-portal.md §5). Company and public-body RUCs get structure checks only:
 * the SRI no longer generates them with an algorithm and real active ones fail módulo 11 (feature-anchors.md §3.2),
 * so módulo 11 only ever produces an informative note, never an error.
 */
import { cedulaCheckDigit, isValidProvince, normalizeIdNumber } from './cedula';

export const RUC_REASONS = ['empty', 'not-digits', 'length', 'province', 'third-digit', 'check-digit', 'establishment'] as const;
export type RucReason = (typeof RUC_REASONS)[number];

/** household: a household employer's cédula + 000 (accepted only when the caller says the page is doméstico). */
export type RucKind = 'natural' | 'household' | 'public' | 'private';

/** The number does not follow the old módulo 11 rule. Normal for newer company RUCs; informative only. */
export const RUC_NOTES = ['modulo-11-differs'] as const;
export type RucNote = (typeof RUC_NOTES)[number];

export type RucResult = { ok: true; kind: RucKind; note?: RucNote } | { ok: false; reason: RucReason };

export interface RucOptions {
  /** The page is the household-employer ("empleador doméstico") form, where RUC = cédula + 000. */
  household?: boolean;
}

export const RUC_LENGTH = 13;

/** Módulo 11: remainder 0 gives 0, otherwise 11 − remainder; remainder 1 has no valid digit (returns undefined). */
function modulo11CheckDigit(digits: string, weights: readonly number[]): number | undefined {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  return remainder === 1 ? undefined : 11 - remainder;
}

const PRIVATE_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const PUBLIC_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Legacy módulo 11 for a private company: digits 1–9, check digit 10. */
export function followsPrivateModulo11(ruc: string): boolean {
  const expected = modulo11CheckDigit(ruc, PRIVATE_WEIGHTS);
  return expected !== undefined && expected === Number(ruc[9]);
}

/** Legacy módulo 11 for a public body: digits 1–8, check digit 9. */
export function followsPublicModulo11(ruc: string): boolean {
  const expected = modulo11CheckDigit(ruc, PUBLIC_WEIGHTS);
  return expected !== undefined && expected === Number(ruc[8]);
}

const isAllZeros = (digits: string) => /^0+$/.test(digits);

export function validateRuc(input: string, options: RucOptions = {}): RucResult {
  const ruc = normalizeIdNumber(input);
  if (ruc === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(ruc)) return { ok: false, reason: 'not-digits' };
  if (ruc.length !== RUC_LENGTH) return { ok: false, reason: 'length' };
  if (!isValidProvince(ruc.slice(0, 2))) return { ok: false, reason: 'province' };

  const thirdDigit = Number(ruc[2]);
  // The cédula rules do not hold province 30 to a third digit (see isValidThirdDigit), so neither do we here.
  const naturalThirdDigit = thirdDigit <= 5 || ((thirdDigit === 7 || thirdDigit === 8) && ruc.startsWith('30'));
  const cedulaPartValid = cedulaCheckDigit(ruc) === Number(ruc[9]);
  const establishment = ruc.slice(10);

  // A household employer's cédula may have any natural third digit, 6 included.
  if (options.household && establishment === '000' && (naturalThirdDigit || thirdDigit === 6)) {
    return cedulaPartValid ? { ok: true, kind: 'household' } : { ok: false, reason: 'check-digit' };
  }

  if (naturalThirdDigit) {
    if (!cedulaPartValid) return { ok: false, reason: 'check-digit' };
    if (isAllZeros(establishment)) return { ok: false, reason: 'establishment' };
    return { ok: true, kind: 'natural' };
  }

  if (thirdDigit === 6) {
    // Public body (establishment = digits 10–13), or a natural person whose cédula has a 6 (cédula + 001…).
    // The two cannot be told apart for sure; a valid cédula part with an establishment reads as natural.
    if (isAllZeros(ruc.slice(9))) return { ok: false, reason: 'establishment' };
    if (cedulaPartValid && !isAllZeros(establishment) && !followsPublicModulo11(ruc)) return { ok: true, kind: 'natural' };
    return followsPublicModulo11(ruc) ? { ok: true, kind: 'public' } : { ok: true, kind: 'public', note: 'modulo-11-differs' };
  }

  if (thirdDigit === 9) {
    if (isAllZeros(establishment)) return { ok: false, reason: 'establishment' };
    return followsPrivateModulo11(ruc) ? { ok: true, kind: 'private' } : { ok: true, kind: 'private', note: 'modulo-11-differs' };
  }

  return { ok: false, reason: 'third-digit' };
}

export function isValidRuc(input: string, options: RucOptions = {}): boolean {
  return validateRuc(input, options).ok;
}

export const SUCURSAL_REASONS = ['empty', 'not-digits', 'length'] as const;
export type SucursalReason = (typeof SUCURSAL_REASONS)[number];
export type SucursalResult = { ok: true } | { ok: false; reason: SucursalReason };

export const SUCURSAL_LENGTH = 4;

/**
 * The IESS employer branch number, typically 0001 (iess-portal.md §3.3). Structure only: no source says
 * which numbers exist, so nothing else is judged.
 */
export function validateSucursal(input: string): SucursalResult {
  const digits = normalizeIdNumber(input);
  if (digits === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'not-digits' };
  if (digits.length !== SUCURSAL_LENGTH) return { ok: false, reason: 'length' };
  return { ok: true };
}
