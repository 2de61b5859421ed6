// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBrowserManifest, type SourceManifest } from '../../../src/platform/manifest';
import { ALLOWED_HOST_PERMISSIONS, ALLOWED_OPTIONAL_PERMISSIONS, ALLOWED_PERMISSIONS } from '../../../src/platform/permissions';
import { keysChromeRejects } from '../../release/chrome-manifest';
import {
  LANGUAGES,
  listingMarkdown,
  LONG_DESCRIPTION,
  PERMISSION_JUSTIFICATIONS,
  privacyText,
  SHORT_DESCRIPTION_MAX,
  shortDescription,
  SINGLE_PURPOSE,
} from '../../release/listing';
import { pngSize } from '../../release/store-pictures';

const ROOT = resolve(import.meta.dirname, '../../..');
const source = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as SourceManifest;

describe('the Chrome package has no key Chrome does not know', () => {
  it('the Chrome manifest is clean', () => {
    expect(keysChromeRejects(toBrowserManifest(source, 'chrome', '1.0.0') as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('the Firefox-only keys would be caught', () => {
    expect(keysChromeRejects(toBrowserManifest(source, 'firefox', '1.0.0') as unknown as Record<string, unknown>)).toEqual(
      expect.arrayContaining(['browser_specific_settings', 'sidebar_action', 'background.scripts']),
    );
  });
});

describe('the store listing', () => {
  it('justifies exactly the permissions of the allow-list, in both languages', () => {
    const expected = [...Object.keys(ALLOWED_PERMISSIONS), ...Object.keys(ALLOWED_OPTIONAL_PERMISSIONS), ...(ALLOWED_HOST_PERMISSIONS.length > 0 ? ['host'] : [])];
    expect(Object.keys(PERMISSION_JUSTIFICATIONS).sort()).toEqual(expected.sort());
    for (const [permission, text] of Object.entries(PERMISSION_JUSTIFICATIONS)) {
      for (const language of LANGUAGES) expect(text[language].length, `${permission} (${language})`).toBeGreaterThan(40);
    }
  });

  it.each(LANGUAGES)('has every part in %s, within the stores’ limits', (language) => {
    expect(shortDescription(language).length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX);
    expect(LONG_DESCRIPTION[language]).toContain('IESS');
    expect(SINGLE_PURPOSE[language].length).toBeLessThan(200);
    const markdown = listingMarkdown(language);
    for (const permission of Object.keys(PERMISSION_JUSTIFICATIONS)) expect(markdown).toContain(`\`${permission}\``);
    // The listing's privacy text is the page shipped in the package, without its markup.
    const privacy = privacyText(language);
    expect(privacy).not.toMatch(/<[a-z/]/i);
    expect(privacy).toContain('Olvidar todo');
    expect(markdown).toContain(privacy);
  });

  it('the two privacy texts differ (each section is read, not the first twice)', () => {
    expect(privacyText('es')).toContain('No se envía nada');
    expect(privacyText('en')).toContain('Nothing is sent');
  });
});

describe('pngSize', () => {
  it('reads width and height from the header of a real icon', () => {
    expect(pngSize(readFileSync(resolve(ROOT, 'src/public/icons/icon-128.png')))).toEqual({ width: 128, height: 128 });
  });
});
