import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { maskedEmailCompatibility, parseMaskedEmail, type MaskCompatibility } from '../../../src/validate/masked-email';

// Property tests run thousands of cases; on a shared 2-core machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });

describe('maskedEmailCompatibility', () => {
  it.each<[string, string, MaskCompatibility]>([
    // The masks from issue 13.
    ['m*******a@h******.com', 'maria.jose.zambrana@hotmail.com', 'compatible'],
    ['m*******a@h******.com', 'maria@hotmail.com', 'compatible'],
    ['m*******a@h******.com', 'maria@gmail.com', 'incompatible'],
    ['m*******a@h******.com', 'mario@hotmail.com', 'incompatible'],
    ['m*******a@h******.com', 'maria@hotmail.es', 'incompatible'],
    ['ma****@gmail.com', 'mario85@gmail.com', 'compatible'],
    ['ma****@gmail.com', 'mo85@gmail.com', 'incompatible'],
    ['ma****@gmail.com', 'mario85@gmial.com', 'incompatible'],
    ['m***@***.com', 'juan@gmail.com', 'incompatible'],
    ['m***@***.com', 'maria@yahoo.com', 'compatible'],
    ['m***@***.com', 'maria@yahoo.es', 'incompatible'],
    ['***a@hotmail.com', 'ana@hotmail.com', 'compatible'],
    ['***a@hotmail.com', 'anita@hotmail.com', 'compatible'],
    ['***a@hotmail.com', 'juan@hotmail.com', 'incompatible'],
    // Case and spaces do not matter.
    ['  M*******A@H******.COM ', ' Maria@Hotmail.com', 'compatible'],
    // Dots and other punctuation stay literal.
    ['j.p***@y***.es', 'j.perez@yahoo.es', 'compatible'],
    ['j.p***@y***.es', 'jxperez@yahoo.es', 'incompatible'],
    ['a+b***@gmail.com', 'a+bcd@gmail.com', 'compatible'],
    // A star run hides at least one character: nothing hidden is not this mask.
    ['***a@hotmail.com', 'a@hotmail.com', 'incompatible'],
    ['ma****@gmail.com', 'ma@gmail.com', 'incompatible'],
    // Star runs do not count characters (no source says the portal keeps the length).
    ['m*a@gmail.com', 'maria@gmail.com', 'compatible'],
    ['m**********************a@gmail.com', 'maria@gmail.com', 'compatible'],
    // Other masking characters.
    ['m••••a@hotmail.com', 'maria@hotmail.com', 'compatible'],
    // An unmasked address is compared as it is.
    ['maria@hotmail.com', 'MARIA@hotmail.com', 'compatible'],
    ['maria@hotmail.com', 'maria@hotmail.es', 'incompatible'],
  ])('%j vs %j → %s', (mask, prepared, expected) => {
    expect(maskedEmailCompatibility(mask, prepared)).toBe(expected);
  });

  it.each([
    ['', 'maria@gmail.com'],
    ['m*******a', 'maria@gmail.com'],
    ['m***@h***@x.com', 'maria@gmail.com'],
    ['@gmail.com', 'maria@gmail.com'],
    ['m***@', 'maria@gmail.com'],
    ['m a***@gmail.com', 'maria@gmail.com'],
    ['Su correo: m***@gmail.com', 'maria@gmail.com'],
    ['m***(a)@gmail.com', 'maria@gmail.com'],
    ['m***@gmail.com', ''],
    ['m***@gmail.com', 'sin arroba'],
    // A prepared "address" with two @ is not an address to compare.
    ['m***@gmail.com', 'm@x@gmail.com'],
    ['m***@gmail.com', '@gmail.com'],
  ])('%j vs %j → unknown', (mask, prepared) => {
    expect(maskedEmailCompatibility(mask, prepared)).toBe('unknown');
  });

  it('a mask built to make a matcher backtrack is answered at once (the mask is page text)', () => {
    const started = performance.now();
    // As a regular expression (^(?:[^@]+a){12}[^@]+b@…) this takes longer than 10 s in V8.
    expect(maskedEmailCompatibility(`${'*a'.repeat(12)}*b@x.com`, `${'a'.repeat(60)}@x.com`)).toBe('incompatible');
    expect(maskedEmailCompatibility(`${'*a'.repeat(12)}*b@x.com`, `${'xa'.repeat(12)}xb@x.com`)).toBe('compatible');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a hidden run needs at least one character between visible pieces', () => {
    expect(maskedEmailCompatibility('ab*cd@x.com', 'abcd@x.com')).toBe('incompatible');
    expect(maskedEmailCompatibility('ab*cd@x.com', 'abzcd@x.com')).toBe('compatible');
    expect(maskedEmailCompatibility('a*b*c@x.com', 'abc@x.com')).toBe('incompatible');
    expect(maskedEmailCompatibility('a*b*c@x.com', 'axbxc@x.com')).toBe('compatible');
    // The last piece may overlap an earlier match only if there is room: "a*a" needs three characters.
    expect(maskedEmailCompatibility('a*a@x.com', 'aa@x.com')).toBe('incompatible');
    expect(maskedEmailCompatibility('a*a@x.com', 'aba@x.com')).toBe('compatible');
    expect(maskedEmailCompatibility('*@x.com', 'q@x.com')).toBe('compatible');
  });

  it('regular-expression characters in a mask are taken literally', () => {
    expect(maskedEmailCompatibility('a.b***@x.com', 'aXbcd@x.com')).toBe('incompatible');
    expect(parseMaskedEmail('a$b***@x.com')).toBeDefined();
    expect(maskedEmailCompatibility('a$b***@x.com', 'a$bc@x.com')).toBe('compatible');
    // Braces are legal in a local part: "a{2}" means those four characters, not "aa".
    expect(maskedEmailCompatibility('a{2}***@x.com', 'aa1@x.com')).toBe('incompatible');
    expect(maskedEmailCompatibility('a{2}***@x.com', 'a{2}1@x.com')).toBe('compatible');
  });

  /** Masks a real address the way portals commonly do, keeping `keep` characters at each end of each side. */
  const mask = (side: string, keepStart: number, keepEnd: number, stars: number) =>
    side.length <= keepStart + keepEnd ? side : side.slice(0, keepStart) + '*'.repeat(stars) + side.slice(side.length - keepEnd);

  const address = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._]{0,15}[a-z0-9]$/), fc.constantFrom('gmail.com', 'hotmail.com', 'yahoo.es', 'puce.edu.ec'));

  it('an address is always compatible with any usual masking of itself', () => {
    fc.assert(
      fc.property(address, fc.nat(2), fc.nat(2), fc.integer({ min: 1, max: 10 }), fc.nat(1), ([local, domain], keepStart, keepEnd, stars, maskDomain) => {
        const masked = `${mask(local, keepStart, keepEnd, stars)}@${maskDomain ? mask(domain, 1, 4, stars) : domain}`;
        expect(maskedEmailCompatibility(masked, `${local}@${domain}`)).toBe('compatible');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z*.@]{0,20}$/)), fc.string(), (m, prepared) => {
        expect(['compatible', 'incompatible', 'unknown']).toContain(maskedEmailCompatibility(m, prepared));
      }),
      { numRuns: 2000 },
    );
  });
});
