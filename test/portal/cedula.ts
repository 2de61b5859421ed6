/** Ecuadorian cédula and RUC structure checks (iess-portal.md §5), used by the portal's own validation. */

/** Módulo 10 check digit over the first nine digits (coefficients 2,1,2,1,...). */
export function cedulaCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let product = Number(firstNine[i]) * (i % 2 === 0 ? 2 : 1);
    if (product >= 10) product -= 9;
    sum += product;
  }
  const remainder = sum % 10;
  return remainder === 0 ? 0 : 10 - remainder;
}

export function isValidCedula(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const province = Number(value.slice(0, 2));
  if (!((province >= 1 && province <= 24) || province === 30)) return false;
  if (province !== 30 && Number(value[2]) > 6) return false;
  return cedulaCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** Structure only: company RUCs are not reliably checkable (iess-portal.md §5 correction). */
export function isWellFormedRuc(value: string): boolean {
  return /^\d{13}$/.test(value);
}

/** Household employers register with their cédula followed by 000. */
export function householdCedula(ruc: string): string | undefined {
  return /^\d{10}000$/.test(ruc) && isValidCedula(ruc.slice(0, 10)) ? ruc.slice(0, 10) : undefined;
}
