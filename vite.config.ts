import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { toBrowserManifest, type SourceManifest } from './src/platform/manifest.ts';
import { isTargetBrowser, type TargetBrowser } from './src/platform/target.ts';
import { zipDirectory } from './test/tools/zip.ts';
import { preactWithoutHtmlSink } from './test/tools/no-html-sinks.ts';
import { injectedBundle } from './test/tools/injected-bundle.ts';
import { residentBudget } from './test/tools/resident-budget.ts';
import { ESTIMATOR_ENTRY, ESTIMATOR_FILE } from './src/estimator/contract.ts';
import { GUIDE_ENTRY, GUIDE_FILE } from './src/content/guide-contract.ts';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const sourceManifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as SourceManifest;

function contentScriptFiles(manifest: SourceManifest): string[] {
  const scripts = (manifest.content_scripts ?? []) as { js?: string[] }[];
  return scripts.flatMap((script) => script.js ?? []);
}

/** Writes dist/claveguia-<browser>-<version>.zip next to the unpacked build, ready for store upload. */
function zipAfterBuild(browser: TargetBrowser): Plugin {
  return {
    name: 'claveguia:zip',
    apply: 'build',
    closeBundle(error?: Error) {
      // A failed build leaves nothing worth zipping; let its own error be the one reported.
      if (error || !existsSync(resolve(root, 'dist', browser))) return;
      zipDirectory(resolve(root, 'dist', browser), resolve(root, 'dist', `claveguia-${browser}-${pkg.version}.zip`));
    },
  };
}

export default defineConfig(({ mode, command }): UserConfig => {
  const browser: TargetBrowser = isTargetBrowser(mode) ? mode : 'chrome';
  const shared: UserConfig = {
    publicDir: resolve(root, 'src/public'),
    define: {
      // Closed in every shipped build; only the E2E build opens the overlay's shadow root to its tests (and,
      // in Firefox, does not open the sidebar at install, so those tests see the in-page overlay).
      __SHADOW_MODE__: JSON.stringify(process.env.CLAVEGUIA_OPEN_SHADOW === '1' ? 'open' : 'closed'),
      // The browser this build is for (src/platform/build-target.ts); unit tests run as Chrome.
      __TARGET_BROWSER__: JSON.stringify(browser),
      // E2E build only (it has an out-dir suffix): a clock tests can move forward (src/platform/now.ts).
      __TEST_CLOCK__: JSON.stringify(process.env.CLAVEGUIA_TEST_CLOCK === '1' && Boolean(process.env.CLAVEGUIA_OUT_SUFFIX)),
    },
  };

  if (mode === 'test') {
    return {
      ...shared,
      plugins: [preact()],
      resolve: {
        alias: { 'webextension-polyfill': resolve(root, 'test/unit/fakes/browser.ts') },
      },
      test: {
        environment: 'happy-dom',
        include: ['test/unit/**/*.test.{ts,tsx}'],
        setupFiles: [resolve(root, 'test/unit/setup.ts')],
        // Property tests over whole corpora on a 2-core machine: time is the benchmark's business, not a test's.
        testTimeout: 30_000,
      },
    } as UserConfig;
  }

  const outSuffix = process.env.CLAVEGUIA_OUT_SUFFIX ?? '';
  const target = browser === 'firefox' ? 'firefox128' : 'chrome120';
  // Bench only (npm run bench -- --attribute): an unminified copy, so CPU profiles name our functions. It needs
  // an out-dir suffix, so dist/chrome and dist/firefox (what ships) are always minified.
  const unminified = outSuffix !== '' && process.env.CLAVEGUIA_BENCH_UNMINIFIED === '1';
  const alias = { alias: [preactWithoutHtmlSink(root)] };
  return {
    ...shared,
    resolve: alias,
    plugins: [
      preact(),
      crx({
        // Our manifest type is looser than crxjs's (it keeps unknown keys); the shape is tested in unit tests.
        manifest: toBrowserManifest(sourceManifest, browser, pkg.version, {
          sidebarAtInstall: process.env.CLAVEGUIA_OPEN_SHADOW !== '1',
        }) as unknown as ManifestV3Export,
        browser,
        // One self-contained file per content script: no loader, so no web_accessible_resources the page
        // could probe to detect the extension.
        contentScripts: { standaloneFiles: contentScriptFiles(sourceManifest) },
      }),
      // The strength estimator: its own file, injected as the new key is typed, never web-accessible.
      injectedBundle({ root, entry: ESTIMATOR_ENTRY, fileName: ESTIMATOR_FILE, target }),
      // The guide (overlay, warnings, Preact, CSS): its own file, injected where a recovery step is detected.
      // Built like the content script (crxjs's sub-build): the parent's resolve and define, no plugins.
      injectedBundle({ root, entry: GUIDE_ENTRY, fileName: GUIDE_FILE, target, resolve: alias, define: shared.define, minify: !unminified }),
      // The content script every IESS page runs: the build fails past its ceiling, with the breakdown.
      ...(unminified ? [] : [residentBudget({ file: resolve(root, 'dist', browser + outSuffix, contentScriptFiles(sourceManifest)[0]!.replace(/\.ts$/, '.js')) })]),
      ...(command === 'build' && !outSuffix ? [zipAfterBuild(browser)] : []),
    ],
    build: {
      outDir: resolve(root, 'dist', browser + outSuffix),
      emptyOutDir: true,
      // Reviewers read the code; no source maps in store packages (they can leak build paths).
      sourcemap: false,
      target,
      // crxjs builds the pages the manifest names in Chrome's keys; Firefox's sidebar page is named in
      // `sidebar_action`, which it does not read, so that page is added as an input of its own.
      ...(browser === 'firefox' ? { rollupOptions: { input: { side: resolve(root, 'src/side/index.html') } } } : {}),
      ...(unminified ? { minify: false } : {}),
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
