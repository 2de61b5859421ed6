import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_LINKS } from '../../../src/flow/links';
import {
  checkSite,
  decodePunycode,
  SITE_MESSAGE_KEYS,
  skeleton,
  unicodeHost,
} from '../../../src/flow/official-site';
import { catalogues, missingKeys } from './locales';

type Row = [url: string, verdict: string, reason: string];

const OFFICIAL: Row[] = [
  ['https://www.iess.gob.ec/', 'official', 'official-host'],
  ['https://iess.gob.ec', 'official', 'official-host'],
  ['https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/', 'official', 'official-host'],
  ['https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf', 'official', 'official-host'],
  ['https://www.iess.gob.ec/empleador-web/pages/principal.jsf;jsessionid=8F3C.nodo1', 'official', 'official-host'],
  ['https://IESS.GOB.EC./x', 'official', 'official-host'],
  ['https://app.iess.gob.ec:443/', 'official', 'official-host'],
  // Full-width letters are mapped to ASCII by the URL parser (IDNA), so this is the real host.
  ['https://ｉｅｓｓ.gob.ec/', 'official', 'official-host'],
];

const INSECURE: Row[] = [
  ['http://www.iess.gob.ec/', 'insecure', 'http'],
  ['http://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/', 'insecure', 'http'],
  ['http://iess.gob.ec:8080/', 'insecure', 'http'],
];

const LOOKALIKES: Row[] = [
  // The real name inside a host that ends elsewhere.
  ['https://iess.gob.ec.example.com/', 'lookalike', 'embedded-name'],
  ['https://iess.gob.ec-login.net/', 'lookalike', 'embedded-name'],
  ['https://app.iess.gob.ec.secure-login.co/', 'lookalike', 'embedded-name'],
  ['https://fakeiess.gob.ec/', 'lookalike', 'similar-name'],
  ['http://iess.gob.ec.example.com/', 'lookalike', 'embedded-name'],
  // Re-spelled, or under another suffix.
  ['https://iess-gob-ec.com/', 'lookalike', 'similar-name'],
  ['https://iessgob.ec/', 'lookalike', 'similar-name'],
  ['https://iess.gov.ec/', 'lookalike', 'similar-name'],
  ['https://iess.gob.com/', 'lookalike', 'similar-name'],
  ['https://www.iess.ec/', 'lookalike', 'similar-name'],
  ['https://iess-ecuador.com/', 'lookalike', 'similar-name'],
  ['https://clave-iess.net/', 'lookalike', 'similar-name'],
  ['https://miiess.com/', 'lookalike', 'similar-name'],
  ['https://1ess.gob.ec/', 'lookalike', 'similar-name'],
  ['https://less.gob.ec/', 'lookalike', 'similar-name'],
  ['https://ies.gob.ec/', 'lookalike', 'similar-name'],
  ['https://iees.gob.ec/', 'lookalike', 'similar-name'],
  ['https://eiss.gob.ec/', 'lookalike', 'similar-name'],
  ['https://app-iess.gob.ec/', 'lookalike', 'similar-name'],
  // Letters from another alphabet (the parser turns them into xn-- labels).
  ['https://іеѕѕ.gob.ec/', 'lookalike', 'homoglyph'], // Cyrillic і е ѕ ѕ
  ['https://іess.gob.ec/', 'lookalike', 'homoglyph'], // Cyrillic і only
  ['https://iess.gоb.ec/', 'lookalike', 'homoglyph'], // Cyrillic о in gob
  ['https://app.іess.gob.ec/', 'lookalike', 'homoglyph'],
  ['https://ιess.gob.ec/', 'lookalike', 'homoglyph'], // Greek iota
  ['https://íess.gob.ec/', 'lookalike', 'homoglyph'], // an accent
  ['https://ıess.gob.ec/', 'lookalike', 'homoglyph'], // dotless i
  ['https://іеѕѕ-gob-ec.com/', 'lookalike', 'homoglyph'],
  ['https://xn--e1a8dab.gob.ec/', 'lookalike', 'homoglyph'], // already in punycode (іеѕѕ)
  // The name before an "@": the browser goes to what follows.
  ['https://www.iess.gob.ec@evil.com/', 'lookalike', 'credentials-trick'],
  ['https://iess.gob.ec:clave@phish.net/', 'lookalike', 'credentials-trick'],
];

const OTHERS: Row[] = [
  ['https://www.sri.gob.ec/', 'not-iess', 'other-host'],
  ['https://mies.gob.ec/', 'not-iess', 'other-host'],
  ['https://www.gob.ec/iess/tramites/actualizacion-datos-empresa-parte-empleador-web', 'not-iess', 'other-host'],
  ['https://mail.google.com/mail/u/0/#inbox', 'not-iess', 'other-host'],
  ['https://outlook.live.com/', 'not-iess', 'other-host'],
  ['https://evil.com/iess.gob.ec', 'not-iess', 'other-host'],
  ['https://www.eluniverso.com/noticias/iess-clave', 'not-iess', 'other-host'],
  ['https://192.168.0.1/iess', 'not-iess', 'other-host'],
  ['https://[::1]/', 'not-iess', 'other-host'],
  ['http://localhost:5173/', 'not-iess', 'other-host'],
  ['https://wireless.com/', 'not-iess', 'other-host'],
  ['https://business.ec/', 'not-iess', 'other-host'],
  ['https://jess.com/', 'not-iess', 'other-host'],
  ['https://españa.com/', 'not-iess', 'other-host'],
  ['chrome://newtab/', 'unknown', 'not-web'],
  ['about:blank', 'unknown', 'not-web'],
  ['file:///home/ana/iess.gob.ec.html', 'unknown', 'not-web'],
  ['ftp://www.iess.gob.ec/', 'unknown', 'not-web'],
  ['javascript:alert(1)', 'unknown', 'not-web'],
  ['data:text/html,iess', 'unknown', 'not-web'],
  ['not a url', 'unknown', 'invalid-url'],
  ['', 'unknown', 'invalid-url'],
];

describe('checkSite', () => {
  it.each([...OFFICIAL, ...INSECURE, ...LOOKALIKES, ...OTHERS])('%s → %s (%s)', (url, verdict, reason) => {
    const check = checkSite(url);
    expect([check.verdict, check.reason]).toEqual([verdict, reason]);
  });

  it('reports the host as the browser resolves it, so the warning shows the xn-- form', () => {
    expect(checkSite('https://іеѕѕ.gob.ec/').host).toMatch(/^xn--.*\.gob\.ec$/);
    expect(checkSite('https://WWW.IESS.GOB.EC./').host).toBe('www.iess.gob.ec');
    expect(checkSite('not a url').host).toBe('');
  });

  it('accepts URL objects', () => {
    expect(checkSite(new URL('https://app.iess.gob.ec/')).verdict).toBe('official');
  });

  it('gives a message for every verdict and a detail for every trick, in both locales', () => {
    expect(missingKeys(SITE_MESSAGE_KEYS)).toEqual([]);
    expect(checkSite('https://iess.gob.ec.example.com/')).toMatchObject({ message: 'siteLookalike', detail: 'siteDetailEmbedded' });
    expect(checkSite('https://www.iess.gob.ec/')).toMatchObject({ message: 'siteOfficial', detail: null });
    expect(checkSite('http://www.iess.gob.ec/')).toMatchObject({ message: 'siteInsecure', detail: 'siteDetailHttp' });
    expect(catalogues.es.siteLookalike!.message).toContain('$HOST$');
  });

  it('property: any https subdomain of iess.gob.ec is official, over http insecure', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const host = `${labels.join('.')}.iess.gob.ec`;
        return checkSite(`https://${host}/x`).verdict === 'official' && checkSite(`http://${host}/`).verdict === 'insecure';
      }),
    );
  });

  it('property: the real name followed by any other domain is a look-alike, never official', () => {
    fc.assert(
      fc.property(fc.domain(), fc.constantFrom('.', '-', ''), (domain, joint) => {
        const check = checkSite(`https://iess.gob.ec${joint}${domain}/`);
        return check.verdict === 'lookalike';
      }),
    );
  });

  it('property: never throws and is official only for https on iess.gob.ec', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (url) => {
        const check = checkSite(url);
        if (check.verdict === 'official') {
          const parsed = new URL(url);
          expect(parsed.protocol).toBe('https:');
          expect(check.host === 'iess.gob.ec' || check.host.endsWith('.iess.gob.ec')).toBe(true);
        }
      }),
    );
  });
});

describe('punycode and skeletons', () => {
  it.each([
    ['mnchen-3ya', 'münchen'],
    ['e1a8dab', 'іеѕѕ'],
    ['ess-kyc', 'ιess'],
    ['espaa-rta', 'españa'],
    ['', ''],
  ])('decodes %s', (input, expected) => {
    expect(decodePunycode(input)).toBe(expected);
  });

  it('round-trips with the URL parser', () => {
    for (const host of ['іеѕѕ.gob.ec', 'münchen.de', 'españa.com', 'ιess.gob.ec', '例え.jp']) {
      expect(unicodeHost(new URL(`https://${host}/`).hostname)).toBe(host);
    }
  });

  it('rejects broken punycode instead of throwing', () => {
    expect(decodePunycode('zz')).toBeNull(); // ends in the middle of a number
    expect(decodePunycode('abc-!!')).toBeNull();
    expect(unicodeHost('xn--zz.com')).toBe('xn--zz.com');
  });

  it('reads look-alike letters as Latin', () => {
    expect(skeleton('іеѕѕ.gоb.ес')).toBe('iess.gob.ec');
    expect(skeleton('ÍESS')).toBe('iess');
  });

  it('property: decoding what the URL parser encodes gives the original back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcіеѕоáéñü'), minLength: 1, maxLength: 12 }), (label) => {
        let host: string;
        try {
          host = new URL(`https://${label}.com/`).hostname;
        } catch {
          return true;
        }
        return unicodeHost(host) === `${label}.com`.normalize('NFC');
      }),
    );
  });
});

describe('OFFICIAL_LINKS', () => {
  it('holds the recovery, unlock and employer pages, all official', () => {
    expect(Object.keys(OFFICIAL_LINKS)).toEqual(['recover', 'unlock', 'employer']);
    for (const link of Object.values(OFFICIAL_LINKS)) expect(checkSite(link.href).verdict).toBe('official');
    expect(missingKeys(Object.values(OFFICIAL_LINKS).map((l) => l.label))).toEqual([]);
  });

  it('is the one definition: official-site.ts keeps no copy', async () => {
    const site = await import('../../../src/flow/official-site');
    expect('OFFICIAL_LINKS' in site).toBe(false);
  });
});
