import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { TARGET_BROWSERS } from '../../../src/platform/target';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Builds what the E2E suite loads: the shipped builds when missing, and the open-shadow-root variants.
 * The variants differ from the shipped builds only in the shadow root's mode (see vite.config.ts).
 */
export default async function setup(): Promise<void> {
  for (const browser of TARGET_BROWSERS) {
    if (!existsSync(resolve(ROOT, 'dist', browser, 'manifest.json'))) {
      await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
    }
    process.env.CLAVEGUIA_OPEN_SHADOW = '1';
    process.env.CLAVEGUIA_OUT_SUFFIX = '-e2e';
    try {
      await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
    } finally {
      delete process.env.CLAVEGUIA_OPEN_SHADOW;
      delete process.env.CLAVEGUIA_OUT_SUFFIX;
    }
  }
}
