import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const LOCALES = resolve(import.meta.dirname, '../../../src/public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(resolve(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, Entry>;
const languages = readdirSync(LOCALES);
const es = load('es');

/** The placeholders a message really uses, e.g. "$HOST$", plus the `$1` each one maps to. */
const usedPlaceholders = (entry: Entry) => ({
  inMessage: [...entry.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort(),
  declared: Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`).sort(),
});

describe('locales', () => {
  it('are Spanish (default) and English', () => {
    expect(languages.sort()).toEqual(['en', 'es']);
  });

  it.each(languages.filter((l) => l !== 'es'))('%s has exactly the keys of es', (lang) => {
    expect(Object.keys(load(lang)).sort()).toEqual(Object.keys(es).sort());
  });

  it.each(languages)('%s: every message is non-empty and its placeholders match es', (lang) => {
    for (const [key, entry] of Object.entries(load(lang))) {
      expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
      expect(usedPlaceholders(entry), `${lang}.${key}`).toEqual(usedPlaceholders(es[key]!));
      const { inMessage, declared } = usedPlaceholders(entry);
      expect(declared.map((d) => d.split('=')[0]), `${lang}.${key} declares what it uses`).toEqual(inMessage);
    }
  });

  it('keys are valid Chrome message names', () => {
    for (const key of Object.keys(es)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
