import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The shipped builds (`npm run build`), exactly what QA loads unpacked and the stores receive. */
export const SHIPPED = {
  chrome: resolve(ROOT, 'dist/chrome'),
  firefox: resolve(ROOT, 'dist/firefox'),
};

/**
 * The same builds with the overlay's shadow root open, so tests can read inside it (global-setup builds them).
 * Firefox's does not open its sidebar at install: with the guide beside the page the overlay keeps to a pill,
 * and these builds are for inspecting the in-page overlay.
 */
export const OPEN_ROOT = {
  chrome: resolve(ROOT, 'dist/chrome-e2e'),
  firefox: resolve(ROOT, 'dist/firefox-e2e'),
};

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build\` first (npm test does).`);
  }
  return dir;
}

/**
 * The popup's people section once the store has answered (before that it shows neither a list nor "nobody
 * yet"): wait for it before reading who is listed.
 */
export const POPUP_PEOPLE_READ = 'section[data-people-read="true"]';

/**
 * The options page once the store has answered (before that its choices are the defaults, not the stored ones):
 * wait for it before reading or changing a choice.
 */
export const OPTIONS_READ = 'main[data-options-read="true"]';
