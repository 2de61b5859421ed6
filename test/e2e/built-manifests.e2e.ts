import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_CONTENT_SCRIPT_MATCHES,
  ALLOWED_HOST_PERMISSIONS,
  ALLOWED_OPTIONAL_PERMISSIONS,
  ALLOWED_PERMISSIONS,
} from '../../src/platform/permissions';
import { ESTIMATOR_FILE, ESTIMATOR_KEY } from '../../src/estimator/contract';
import { GUIDE_FILE, GUIDE_KEY } from '../../src/content/guide-contract';
import { OPEN_ROOT, SHIPPED, requireBuild } from './harness/extensions';
import { keysChromeRejects } from '../release/chrome-manifest';

const DIST = resolve(import.meta.dirname, '../../dist');
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'));

describe.each(Object.entries(SHIPPED))('the built %s extension', (browser, dir) => {
  const manifest = JSON.parse(readFileSync(resolve(requireBuild(dir), 'manifest.json'), 'utf8'));

  it('asks only for allow-listed permissions, and host access only to the IESS', () => {
    for (const permission of manifest.permissions ?? []) expect(Object.keys(ALLOWED_PERMISSIONS)).toContain(permission);
    expect(manifest.optional_permissions ?? []).toEqual(Object.keys(ALLOWED_OPTIONAL_PERMISSIONS));
    expect(manifest.permissions).not.toContain('notifications');
    // Both browsers: `scripting` on the IESS hosts injects the strength estimator (and, in Chrome, re-injects).
    expect(manifest.host_permissions ?? []).toEqual(ALLOWED_HOST_PERMISSIONS);
    expect(manifest.permissions).toContain('scripting');
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('exposes nothing a page could probe and injects only into top-level IESS pages', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    for (const script of manifest.content_scripts) {
      expect(script.matches.every((m: string) => ALLOWED_CONTENT_SCRIPT_MATCHES.includes(m))).toBe(true);
      expect(script.all_frames ?? false).toBe(false);
      expect(script.match_about_blank ?? false).toBe(false);
      expect(script.js).toHaveLength(1);
    }
  });

  it('ships a self-contained content script (no imports, no loader)', () => {
    const [file] = manifest.content_scripts[0].js;
    const code = readFileSync(resolve(dir, file), 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(|^import\s|chrome\.runtime\.getURL|browser\.runtime\.getURL/m);
  });

  it('ships the strength estimator as its own self-contained file, listed nowhere in the manifest', () => {
    const code = readFileSync(resolve(dir, ESTIMATOR_FILE), 'utf8');
    expect(code).toMatch(/^\(function\(\)\{/);
    expect(code).not.toMatch(/\bimport\s*\(|^import\s|^export\s|runtime\.getURL/m);
    expect(code).toContain(ESTIMATOR_KEY);
    // A Spanish surname from the dictionary: the estimator carries it, the content script does not.
    expect(code).toContain('quishpe');
    expect(JSON.stringify(manifest)).not.toContain(ESTIMATOR_FILE);
    // The guide asks for it (as the new key is typed); neither it nor the resident script carries it.
    const guide = readFileSync(resolve(dir, GUIDE_FILE), 'utf8');
    expect(guide).toContain(ESTIMATOR_KEY);
    const [file] = manifest.content_scripts[0].js;
    for (const content of [guide, readFileSync(resolve(dir, file), 'utf8')]) {
      expect(content).not.toContain('quishpe');
      expect(content).not.toMatch(/ZxcvbnFactory|l33tMaxSubstitutions/);
    }
  });

  it('declares only the resident script; the guide is its own self-contained file, listed nowhere in the manifest', () => {
    const guide = readFileSync(resolve(dir, GUIDE_FILE), 'utf8');
    expect(guide).toMatch(/^\(function\(\)\{/);
    expect(guide).not.toMatch(/\bimport\s*\(|^import\s|^export\s|runtime\.getURL/m);
    expect(guide).toContain(GUIDE_KEY);
    expect(guide).toContain(':host{');
    expect(guide).toContain('attachShadow');
    // Nor does the guide carry the polyfill: it reads strings and storage through the native object (platform/native.ts).
    expect(guide).not.toMatch(/should only be loaded in a browser extension/);
    expect(JSON.stringify(manifest)).not.toContain(GUIDE_FILE);
    // The resident asks for the guide, and holds nothing of it: no overlay, no stylesheet, no polyfill.
    const [file] = manifest.content_scripts[0].js;
    const resident = readFileSync(resolve(dir, file), 'utf8');
    expect(resident).toContain(GUIDE_KEY);
    expect(resident).not.toMatch(/:host\{|attachShadow|__html|should only be loaded in a browser extension/);
  });

  it('contains no development leftovers or remote code', () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html|json|css)$/.test(f));
    for (const file of files) {
      const text = readFileSync(resolve(dir, file), 'utf8');
      expect(text, file).not.toMatch(/localhost|127\.0\.0\.1|@vite\/client|sourceMappingURL/);
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/);
      // No HTML sink at all, not even Preact's unused one (see test/tools/no-html-sinks.ts).
      expect(text, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=[^=]|insertAdjacentHTML|document\.write\(/);
      // The clock tests can advance (src/platform/now.ts, TEST_CLOCK_KEY) exists only in the E2E build.
      expect(text, file).not.toContain('e2eClockOffsetMs');
    }
    const e2e = requireBuild(OPEN_ROOT[browser as keyof typeof OPEN_ROOT]);
    const e2eScripts = readdirSync(e2e, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(e2eScripts.some((f) => readFileSync(resolve(e2e, f), 'utf8').includes('e2eClockOffsetMs'))).toBe(true);
  });

  it(`is zipped for store upload as claveguia-${browser}-<version>.zip with the same files`, () => {
    const zip = unzipSync(new Uint8Array(readFileSync(resolve(DIST, `claveguia-${browser}-${pkg.version}.zip`))));
    const zipped = JSON.parse(strFromU8(zip['manifest.json']!));
    expect(zipped).toEqual(manifest);
    const unpacked = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(Object.keys(zip)).toHaveLength(unpacked);
  });

  it('carries the package version', () => {
    expect(manifest.version).toBe(pkg.version);
  });
});

describe('the built Chrome package', () => {
  it('has no manifest key Chrome does not know (what crxjs writes included)', () => {
    const manifest = JSON.parse(readFileSync(resolve(requireBuild(SHIPPED.chrome), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(keysChromeRejects(manifest)).toEqual([]);
  });
});
