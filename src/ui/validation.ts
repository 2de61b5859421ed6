/**
 * Reason codes from src/validate/ turned into `_locales` keys by the house convention: `val` + group + code in
 * PascalCase (cedula 'check-digit' → valCedulaCheckDigit). 'empty' has no message: an empty field is not wrong.
 */
import type { MessageKey } from '../i18n/t';

const pascal = (code: string) => code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, ch: string) => ch.toUpperCase());

export function reasonKey(group: 'Cedula' | 'Email' | 'BirthDate', reason: string): MessageKey | null {
  if (reason === 'empty') return null;
  return `val${group}${pascal(reason)}` as MessageKey;
}
