import type catalogue from '../public/_locales/es/messages.json';
// The browser's own i18n object (native.ts), not the polyfill: `getMessage` and `getUILanguage` are synchronous and
// the same in both browsers, and the guide bundle, which reads every string through here, stays without it.
import { platform } from '../platform/native';

/** Every string id that exists in `_locales`. A typo here is a type error. */
export type MessageKey = keyof typeof catalogue;

/** A language the person forced on the options page; null follows the browser (the default). */
export type ForcedLanguage = 'es' | 'en';

export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> } | undefined>;
/**
 * The catalogues a forced language reads from. Extension pages and the background register both at start
 * (i18n/catalogues.ts); the content script, which must stay small, gets the one it needs from the background
 * (`i18n:catalogue`). Until a catalogue is there, the browser's language is used.
 */
const CATALOGUES: Partial<Record<ForcedLanguage, Catalogue>> = {};

export function provideCatalogue(language: ForcedLanguage, messages: Catalogue): void {
  CATALOGUES[language] = messages;
}

export function hasCatalogue(language: ForcedLanguage): boolean {
  return CATALOGUES[language] !== undefined;
}

let forced: ForcedLanguage | null = null;

/**
 * Forces the words to Spanish or English whatever the browser's language ('auto' or anything else follows the
 * browser). Each context (popup, options page, content script) calls it after reading OPTIONS.
 */
export function setLanguage(choice: unknown): void {
  forced = choice === 'es' || choice === 'en' ? choice : null;
}

/** The language forced on the options page, or null when the browser decides. */
export function forcedLanguage(): ForcedLanguage | null {
  return forced;
}

/** The browser's own lookup, for a language we ship: the same placeholder rules as `i18n.getMessage`. */
function fromCatalogue(language: ForcedLanguage, key: string, substitutions: string[]): string {
  const entry = CATALOGUES[language]?.[key];
  if (!entry) return '';
  let text = entry.message;
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
    const content = placeholder.content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), () => content);
  }
  return text.replace(/\$\$/g, '$');
}

/** The browser's own strings already read, by key (those without substitutions). */
const fromBrowser = new Map<string, string>();

/**
 * The one way to read a user-visible string. Substitutions fill `$1`…`$9` placeholders in order.
 * Falls back to the key, so a missing string is visible in QA instead of an empty control.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  if (forced && CATALOGUES[forced]) return fromCatalogue(forced, key, substitutions) || key;
  if (substitutions.length > 0) return platform.i18n.getMessage(key, substitutions) || key;
  // Each call into the extension's i18n binding costs far more than a map lookup, and the overlay reads
  // dozens of strings per render; the browser's language does not change while a document lives.
  let text = fromBrowser.get(key);
  if (text === undefined) {
    text = platform.i18n.getMessage(key) || key;
    fromBrowser.set(key, text);
  }
  return text;
}

/** The UI language as a BCP 47 tag, for `lang` attributes: the forced one, else the browser's. */
export function uiLanguage(): string {
  return (forced && CATALOGUES[forced] ? forced : null) ?? (platform.i18n.getUILanguage() || 'es');
}
