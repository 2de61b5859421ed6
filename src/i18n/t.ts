import type catalogue from '../public/_locales/es/messages.json';
import { platform } from '../platform/browser';

/** Every string id that exists in `_locales`. A typo here is a type error. */
export type MessageKey = keyof typeof catalogue;

/**
 * The one way to read a user-visible string. Substitutions fill `$1`…`$9` placeholders in order.
 * Falls back to the key, so a missing string is visible in QA instead of an empty control.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return platform.i18n.getMessage(key, substitutions) || key;
}

/** The browser's UI language as a BCP 47 tag, for `lang` attributes. */
export function uiLanguage(): string {
  return platform.i18n.getUILanguage() || 'es';
}
