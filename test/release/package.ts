/**
 * `npm run package`: everything the two stores are given, in dist/.
 *
 * - dist/claveguia-chrome-<v>.zip and dist/claveguia-firefox-<v>.zip: the shipped builds (vite.config.ts
 *   zips each after building); the Chrome manifest is checked for keys Chrome does not know, the Firefox one
 *   with `web-ext lint` (warnings count as errors);
 * - dist/claveguia-source-<v>.zip: the AMO source archive (test/release/source-archive.ts);
 * - dist/store/: the listing in Spanish and English (test/release/listing.ts), the privacy policy as text,
 *   and the store pictures made by `npm run screenshots` (1280×800 screenshots, the 440×280 promo tile).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { TARGET_BROWSERS } from '../../src/platform/target';
import { keysChromeRejects } from './chrome-manifest';
import { LANGUAGES, listingMarkdown, privacyText } from './listing';
import { writeSourceArchive } from './source-archive';
import { pngSize, STORE_PICTURES } from './store-pictures';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'dist');
const STORE = resolve(DIST, 'store');
const version = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function fail(line: string): never {
  console.error(`npm run package: ${line}`);
  process.exit(1);
}

// 1. The shipped builds, never an E2E variant.
for (const name of ['CLAVEGUIA_OPEN_SHADOW', 'CLAVEGUIA_OUT_SUFFIX', 'CLAVEGUIA_TEST_CLOCK']) delete process.env[name];
// What AMO's reviewers get from `npm run build-for-amo` in a plain shell (NODE_ENV=test or development would not).
process.env.NODE_ENV = 'production';
for (const browser of TARGET_BROWSERS) {
  console.log(`Building ${browser}…`);
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
  if (!existsSync(resolve(DIST, `claveguia-${browser}-${version}.zip`))) fail(`no dist/claveguia-${browser}-${version}.zip after the build`);
}

// 2. What each store checks first.
const chromeManifest = JSON.parse(readFileSync(resolve(DIST, 'chrome/manifest.json'), 'utf8')) as Record<string, unknown>;
const rejected = keysChromeRejects(chromeManifest);
if (rejected.length > 0) fail(`the Chrome manifest has keys Chrome does not know: ${rejected.join(', ')}`);
console.log('Chrome manifest: only keys Chrome knows.');
const lint = spawnSync('npm', ['run', '--silent', 'lint:firefox'], { cwd: ROOT, stdio: 'inherit' });
if (lint.status !== 0) fail('web-ext lint found problems in dist/firefox');

// 3. The AMO source archive.
const sourceZip = resolve(DIST, `claveguia-source-${version}.zip`);
const files = writeSourceArchive(ROOT, sourceZip);
console.log(`AMO source archive: dist/claveguia-source-${version}.zip (${files.length} files; build steps in AMO-BUILD.md)`);

// 4. The listing material.
rmSync(STORE, { recursive: true, force: true });
mkdirSync(STORE, { recursive: true });
for (const language of LANGUAGES) {
  writeFileSync(resolve(STORE, `listing-${language}.md`), listingMarkdown(language));
  writeFileSync(resolve(STORE, `privacy-${language}.txt`), `${privacyText(language)}\n`);
}
const shots = resolve(ROOT, 'test/walkthrough/screenshots');
for (const picture of STORE_PICTURES) {
  const source = resolve(shots, picture.file);
  if (!existsSync(source)) fail(`${picture.file} is missing: run \`npm run screenshots\` first`);
  const size = pngSize(readFileSync(source));
  if (size.width !== picture.width || size.height !== picture.height) {
    fail(`${picture.file} is ${size.width}×${size.height}, the store wants ${picture.width}×${picture.height}: run \`npm run screenshots\``);
  }
  copyFileSync(source, resolve(STORE, picture.file));
}
console.log(`Listing material: dist/store/ (${readdirSync(STORE).join(', ')})`);
console.log(`\nReady: dist/claveguia-chrome-${version}.zip, dist/claveguia-firefox-${version}.zip, dist/claveguia-source-${version}.zip, dist/store/`);
