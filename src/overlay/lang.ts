import { uiLanguage } from '../i18n/t';

/** Languages we ship a catalogue for; Spanish is the default the browser falls back to. */
const SHIPPED = ['es', 'en'];

/**
 * The language the overlay's words are really in, for its `lang` attribute. The browser picks our catalogue
 * from its UI language and falls back to Spanish, so a French browser reads Spanish text: say so.
 */
export function overlayLanguage(ui: string = uiLanguage()): string {
  const primary = ui.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return SHIPPED.includes(primary) ? ui.replace('_', '-') : 'es';
}
