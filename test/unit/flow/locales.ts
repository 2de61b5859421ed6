/** The two catalogues as plain data, for checking that every key the overlay uses exists in both. */
import en from '../../../src/public/_locales/en/messages.json';
import es from '../../../src/public/_locales/es/messages.json';

export const catalogues: Record<'es' | 'en', Record<string, { message: string }>> = { es, en };

export function missingKeys(keys: Iterable<string>): string[] {
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      if (!catalogue[key]?.message) missing.push(`${lang}:${key}`);
    }
  }
  return missing;
}
