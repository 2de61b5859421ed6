import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EMAIL_REASONS, KNOWN_REAL_DOMAINS, osaDistance, suggestDomain, SUGGESTED_DOMAINS, validateEmail, type EmailReason } from '../../../src/validate/email';
import { REAL_DOMAINS, TYPOS } from './email-domains';

// Property tests run thousands of cases; on a shared 2-core machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

describe('validateEmail: syntax', () => {
  it.each([
    'maria@gmail.com',
    'Maria.Perez@Hotmail.com',
    'juan_carlos-85@yahoo.es',
    'j+iess@outlook.com',
    'contacto@puce.edu.ec',
    'a@b.co',
    'muñoz@correo.ec',
    'x@sub.domain.com.ec',
    'ana@correo.xn--p1ai',
    '  maria@gmail.com  ',
  ])('accepts %j with no hint', (address) => {
    expect(validateEmail(address)).toEqual({ ok: true });
  });

  it.each<[string, EmailReason]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['maria @gmail.com', 'spaces'],
    ['maria@gmail .com', 'spaces'],
    ['mariagmail.com', 'missing-at'],
    ['maria@@gmail.com', 'several-at'],
    ['maria@gmail.com@hotmail.com', 'several-at'],
    ['@gmail.com', 'local-part'],
    ['.maria@gmail.com', 'local-part'],
    ['maria.@gmail.com', 'local-part'],
    ['ma..ria@gmail.com', 'local-part'],
    ['ma(ria@gmail.com', 'local-part'],
    ['maria@', 'domain'],
    ['maria@-gmail.com', 'domain'],
    ['maria@gmail..com', 'domain'],
    ['maria@gmail.c', 'domain'],
    ['maria@gmail.c0m', 'domain'],
    ['maria@localhost', 'missing-tld'],
    [`${'a'.repeat(65)}@gmail.com`, 'too-long'],
    [`a@${'b'.repeat(250)}.com`, 'too-long'],
  ])('rejects %j with %s', (address, reason) => {
    expect(validateEmail(address).ok).toBe(false);
    expect(validateEmail(address).reason).toBe(reason);
  });
});

describe('validateEmail: typo hints', () => {
  it.each([
    ['juan@gmial.com', 'juan@gmail.com'],
    ['Juan.Perez@Hotmial.com', 'Juan.Perez@hotmail.com'],
    ['ana@hotmail.con', 'ana@hotmail.com'],
    ['ana@gmail.com.ec', 'ana@gmail.com'],
    ['ana@andinanet.com', 'ana@andinanet.net'],
  ])('%s → suggests %s, still a valid address', (typed, suggestion) => {
    expect(validateEmail(typed)).toEqual({ ok: true, suggestion });
  });

  it.each([
    ['ana@gmail', 'missing-tld', 'ana@gmail.com'],
    ['ana@gmail,com', 'domain', 'ana@gmail.com'],
    ['ana@gmail..com', 'domain', 'ana@gmail.com'],
    ['ana@gmail.com.', 'domain', 'ana@gmail.com'],
    ['ana@hotmailcom', 'missing-tld', 'ana@hotmail.com'],
  ])('%s is invalid (%s) and suggests %s', (typed, reason, suggestion) => {
    expect(validateEmail(typed)).toEqual({ ok: false, reason, suggestion });
  });

  it('gives no hint when the address cannot be read (no @, several @)', () => {
    expect(validateEmail('anagmial.com').suggestion).toBeUndefined();
    expect(validateEmail('ana@x@gmial.com').suggestion).toBeUndefined();
  });

  it('leaves a multi-country brand under a real country domain alone, but not under co/cm/om', () => {
    for (const domain of ['hotmail.se', 'yahoo.com.mx', 'outlook.pt', 'yahoo.co.uk']) expect(suggestDomain(domain), domain).toBeUndefined();
    expect(suggestDomain('hotmail.cm')).toBe('hotmail.com');
    expect(suggestDomain('yahoo.om')).toBe('yahoo.com');
    expect(suggestDomain('outlook.co')).toBe('outlook.com');
  });

  it('never "corrects" institutional or local .ec domains', () => {
    for (const domain of ['puce.edu.ec', 'iess.gob.ec', 'espol.edu.ec', 'uce.edu.ec', 'netlife.ec', 'interactive.net.ec', 'cnt.gob.ec', 'miempresa.com.ec', 'hotmail.edu.ec']) {
      expect(suggestDomain(domain), domain).toBeUndefined();
    }
  });

  it('leaves every listed domain alone, in any case', () => {
    for (const domain of SUGGESTED_DOMAINS) {
      expect(suggestDomain(domain)).toBeUndefined();
      expect(suggestDomain(domain.toUpperCase())).toBeUndefined();
    }
  });

  it.each(TYPOS)('%s → %s', (typed, meant) => {
    expect(suggestDomain(typed)).toBe(meant);
  });

  it('false positives: 3 of the ~250 real domains get a hint, each a deliberate trade-off', () => {
    const hinted = REAL_DOMAINS.filter((domain) => suggestDomain(domain) !== undefined);
    expect(REAL_DOMAINS.length).toBeGreaterThanOrEqual(240);
    // Tiny providers one or two slips from gmail/hotmail: far more people mistype gmail as hmail than use hmail.
    expect(hinted).toEqual(['hmail.com', 'mailo.com', 'yopmail.com']);
  });

  it('the figure is not just the allow-list talking: the same holds on the domains the code does not list', () => {
    const unlisted = REAL_DOMAINS.filter((domain) => !KNOWN_REAL_DOMAINS.includes(domain) && !SUGGESTED_DOMAINS.includes(domain));
    expect(unlisted.length).toBeGreaterThanOrEqual(170);
    expect(unlisted.filter((domain) => suggestDomain(domain) !== undefined)).toEqual(['hmail.com', 'mailo.com', 'yopmail.com']);
  });

  it('the benchmark is hard: a plain "nearest listed domain within 2 edits" rule would hint on many of them', () => {
    const naive = REAL_DOMAINS.filter((domain) => !SUGGESTED_DOMAINS.includes(domain) && SUGGESTED_DOMAINS.some((listed) => osaDistance(domain, listed) <= 2));
    expect(naive.length).toBeGreaterThanOrEqual(15);
  });

  // A plain boolean: expect() inside thousands of runs costs more than the code under test.
  const neverThrowsNorEchoes = (address: string): boolean => {
    const result = validateEmail(address);
    const echoes = result.suggestion !== undefined && result.suggestion === address.trim();
    const knownReason = result.ok ? result.reason === undefined : EMAIL_REASONS.includes(result.reason!);
    return !echoes && knownReason;
  };

  it('never throws and never suggests the address it was given: random strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z.@,]{0,30}$/)), neverThrowsNorEchoes), { numRuns: 2000 });
  });

  it('accepts RFC-shaped addresses without throwing (generating them is slow, so fewer runs)', () => {
    fc.assert(fc.property(fc.emailAddress(), neverThrowsNorEchoes), { numRuns: 200 });
  });

  it('every suggestion is itself a valid address with no further hint (hints do not chain)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom(...TYPOS.map(([typed]) => typed)), (address, domain) => {
        const local = address.slice(0, address.lastIndexOf('@'));
        const { suggestion } = validateEmail(`${local}@${domain}`);
        expect(suggestion).toBeDefined();
        expect(validateEmail(suggestion!)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe('osaDistance', () => {
  it.each([
    ['gmail', 'gmail', 0],
    ['gmial', 'gmail', 1],
    ['gmai', 'gmail', 1],
    ['gmaill', 'gmail', 1],
    ['gnail', 'gmail', 1],
    ['hotmial', 'hotmail', 1],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
    ['abc', 'cba', 2],
  ])('%s ↔ %s = %i', (a, b, distance) => {
    expect(osaDistance(a, b)).toBe(distance);
    expect(osaDistance(b, a)).toBe(distance);
  });

  it('a swap costs one where plain Levenshtein would charge two', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.nat(), (text, at) => {
        const i = at % (text.length - 1);
        fc.pre(text[i] !== text[i + 1]);
        const swapped = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
        expect(osaDistance(text, swapped)).toBe(1);
      }),
    );
  });
});
