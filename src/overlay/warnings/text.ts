/** The words of one warning, from _locales: a label, a bound or the person's own corrected typing, never a stored value. */
import { WARNING_TEXT, type FieldWarning } from '../../flow/warnings';
import { t } from '../../i18n/t';

export function warningText(warning: FieldWarning): string {
  const key = WARNING_TEXT[warning.code];
  if (warning.code === 'email-suggestion') return t(key, warning.suggestion ?? '');
  if (warning.bound !== undefined) return t(key, String(warning.bound));
  if (warning.personLabel && key.startsWith('wgn')) return t(key, warning.personLabel);
  return t(key);
}
