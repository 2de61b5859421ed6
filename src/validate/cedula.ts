/**
 * Ecuadorian cédula (10 digits). Rules from research/iess-portal.md §5 as corrected by feature-anchors.md §3.2:
 * province 01–24 or 30, third digit 0–6 (cédulas with a 6 exist), módulo 10 check digit.
 * Pure: no DOM, no extension API. Results carry reason codes; the UI turns them into words.
 */

export const CEDULA_REASONS = ['empty', 'not-digits', 'length', 'province', 'third-digit', 'check-digit'] as const;
export type CedulaReason = (typeof CEDULA_REASONS)[number];

export type CedulaResult = { ok: true } | { ok: false; reason: CedulaReason };

export const CEDULA_LENGTH = 10;

/** Province 30 is for Ecuadorians registered abroad and foreign residents. */
const FOREIGN_REGISTRY_PROVINCE = 30;

/**
 * People copy cédulas as "171234567-8" or with spaces; those separators carry no meaning,
 * so only they are dropped. Any other character stays and is reported.
 */
export function normalizeIdNumber(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

export function isValidProvince(twoDigits: string): boolean {
  const province = Number(twoDigits);
  return (province >= 1 && province <= 24) || province === FOREIGN_REGISTRY_PROVINCE;
}

/**
 * Third digit 0–6 for natural persons (6 exists: feature-anchors.md §3.2). Province 30 is not held to it, as in the
 * reference rules (iess-portal.md §5 step 3) and the practice portal: a false warning costs more than a missed one.
 */
export function isValidThirdDigit(province: string, thirdDigit: string): boolean {
  return Number(province) === FOREIGN_REGISTRY_PROVINCE || Number(thirdDigit) <= 6;
}

/** Módulo 10 over the first nine digits: weights 2,1,2,1,…; a product of 10 or more loses 9. */
export function cedulaCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(firstNine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product >= 10 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export function validateCedula(input: string): CedulaResult {
  const digits = normalizeIdNumber(input);
  if (digits === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'not-digits' };
  if (digits.length !== CEDULA_LENGTH) return { ok: false, reason: 'length' };
  const province = digits.slice(0, 2);
  if (!isValidProvince(province)) return { ok: false, reason: 'province' };
  if (!isValidThirdDigit(province, digits[2]!)) return { ok: false, reason: 'third-digit' };
  if (cedulaCheckDigit(digits) !== Number(digits[9])) return { ok: false, reason: 'check-digit' };
  return { ok: true };
}

export function isValidCedula(input: string): boolean {
  return validateCedula(input).ok;
}

/**
 * While the person is still typing: `incomplete` means some completion of what is there could be valid,
 * so nothing should be said yet; `invalid` means no completion can be valid (or the field is too long).
 */
export type CedulaProgress =
  | { state: 'empty' }
  | { state: 'incomplete' }
  | { state: 'valid' }
  | { state: 'invalid'; reason: Exclude<CedulaReason, 'empty'> };

export function cedulaProgress(input: string): CedulaProgress {
  const digits = normalizeIdNumber(input);
  if (digits === '') return { state: 'empty' };
  if (!/^\d+$/.test(digits)) return { state: 'invalid', reason: 'not-digits' };
  if (digits.length >= CEDULA_LENGTH) {
    const result = validateCedula(digits);
    return result.ok ? { state: 'valid' } : { state: 'invalid', reason: result.reason as Exclude<CedulaReason, 'empty'> };
  }
  // Only the first digit is known: provinces 01–24 and 30 start with 0, 1, 2 or 3.
  if (digits.length === 1) return Number(digits) <= 3 ? { state: 'incomplete' } : { state: 'invalid', reason: 'province' };
  const province = digits.slice(0, 2);
  if (!isValidProvince(province)) return { state: 'invalid', reason: 'province' };
  if (digits.length >= 3 && !isValidThirdDigit(province, digits[2]!)) return { state: 'invalid', reason: 'third-digit' };
  // With nine digits or fewer the check digit is still free, so a valid completion always exists.
  return { state: 'incomplete' };
}
