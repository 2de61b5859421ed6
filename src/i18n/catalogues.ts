/**
 * Both catalogues, registered for the language override (options page). Imported by the extension pages and
 * the background, never by the content script (it asks the background for the one it needs).
 */
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';
import { provideCatalogue, type Catalogue, type ForcedLanguage } from './t';

export const CATALOGUES: Readonly<Record<ForcedLanguage, Catalogue>> = { es: es as Catalogue, en: en as Catalogue };

export function registerCatalogues(): void {
  provideCatalogue('es', CATALOGUES.es);
  provideCatalogue('en', CATALOGUES.en);
}

registerCatalogues();
