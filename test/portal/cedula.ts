/**
 * The practice portal's own identity checks. The check-digit rule has one home, ClaveGuía's validator
 * (src/validate/cedula.ts); the portal only adds what the real form does on top: digits exactly as typed
 * (it does not tidy spaces or dashes away, as our guide does for the person).
 */
import { isValidCedula as checksOut } from '../../src/validate/cedula';

export function isValidCedula(value: string): boolean {
  return /^\d{10}$/.test(value) && checksOut(value);
}

/** Structure only: company RUCs are not reliably checkable (iess-portal.md §5 correction). */
export function isWellFormedRuc(value: string): boolean {
  return /^\d{13}$/.test(value);
}

/** Household employers register with their cédula followed by 000. */
export function householdCedula(ruc: string): string | undefined {
  return /^\d{10}000$/.test(ruc) && isValidCedula(ruc.slice(0, 10)) ? ruc.slice(0, 10) : undefined;
}
