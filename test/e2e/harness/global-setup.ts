import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { TARGET_BROWSERS } from '../../../src/platform/target';
import { BROWSER_NAMES, ensureBrowsers } from '../../tools/ensure-browsers';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Everything a build is made from: a change to any of these makes `dist/` stale. */
const BUILD_INPUTS = ['src', 'manifest.json', 'vite.config.ts', 'package.json', 'package-lock.json', 'test/tools'];

function newestInput(): number {
  let newest = 0;
  for (const input of BUILD_INPUTS) {
    const path = resolve(ROOT, input);
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(resolve(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** A shipped build is stale when it is missing or older than any of its inputs. */
function isStale(browser: string, newest: number): boolean {
  const manifest = resolve(ROOT, 'dist', browser, 'manifest.json');
  return !existsSync(manifest) || statSync(manifest).mtimeMs < newest;
}

/**
 * Builds what the E2E suite loads, so `npm run test:e2e` alone never tests a stale `dist/`: the shipped
 * builds when missing or older than their sources, and always the open-shadow-root variants (they differ from
 * the shipped builds only in the shadow root's mode and the clock tests can advance, see vite.config.ts and
 * src/platform/now.ts).
 */
export default async function setup(): Promise<void> {
  // vitest sets NODE_ENV=test, which would make vite build a development bundle (Preact's debug hooks): the
  // suite must test what `npm run build` ships, byte for byte (test/e2e/amo-source.e2e.ts compares them).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildAll();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildAll(): Promise<void> {
  // `npm run test:e2e` alone on a fresh machine: install the browsers, or stop with one line (no stack trace).
  const browsers = ensureBrowsers(BROWSER_NAMES);
  if (!browsers.ok) {
    console.error(browsers.line);
    process.exit(1);
  }
  const newest = newestInput();
  for (const browser of TARGET_BROWSERS) {
    if (isStale(browser, newest)) {
      await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
    }
    process.env.CLAVEGUIA_OPEN_SHADOW = '1';
    process.env.CLAVEGUIA_OUT_SUFFIX = '-e2e';
    process.env.CLAVEGUIA_TEST_CLOCK = '1';
    try {
      await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
    } finally {
      delete process.env.CLAVEGUIA_OPEN_SHADOW;
      delete process.env.CLAVEGUIA_OUT_SUFFIX;
      delete process.env.CLAVEGUIA_TEST_CLOCK;
    }
  }
}
