import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IESS_MATCH_PATTERN, isIessUrl } from '../../../src/platform/hosts';

describe('isIessUrl', () => {
  it.each([
    'https://www.iess.gob.ec/',
    'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/',
    'http://iess.gob.ec/x',
    'https://APP.IESS.GOB.EC./path',
    'http://app.iess.gob.ec:8080/',
  ])('accepts %s', (url) => expect(isIessUrl(url)).toBe(true));

  it.each([
    'https://iess.gob.ec.evil.com/',
    'https://fakeiess.gob.ec/',
    'https://www.iess.gob.ec@evil.com/',
    'ftp://www.iess.gob.ec/',
    'file:///www.iess.gob.ec/',
    'not a url',
    'https://www.sri.gob.ec/',
  ])('rejects %s', (url) => expect(isIessUrl(url)).toBe(false));

  it('matches what the manifest injects into', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));
    expect(manifest.content_scripts.map((s: { matches: string[] }) => s.matches).flat()).toEqual([IESS_MATCH_PATTERN]);
  });
});
