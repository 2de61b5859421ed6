import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymize } from '../../../src/anonymize';
import { parseHtml } from '../../qa/load';
import { birthText, maskedEmail, plantedArb, plantedPage, type Planted } from './planted';

const URL = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/validar.jsf';
const bare = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every value planted, as the copy must not hold it (compared without case or accents). */
function plantedValues(p: Planted, withNames: boolean): string[] {
  const [local = ''] = p.email.split('@');
  return [
    p.cedula,
    `${p.cedula}001`,
    p.email,
    local,
    maskedEmail(p),
    birthText(p),
    p.phone,
    p.code,
    p.token,
    ...p.employers.flatMap((e) => e.split(' ').filter((w) => w.length > 3 && w !== 'S.A.')),
    ...(withNames ? p.names : []),
  ];
}

function leaks(html: string, p: Planted, withNames: boolean): string[] {
  const copy = bare(html);
  const found = plantedValues(p, withNames)
    .filter((v) => v && copy.includes(bare(v)))
    .map((v) => `${v} in …${copy.slice(Math.max(0, copy.indexOf(bare(v)) - 40), copy.indexOf(bare(v)) + v.length + 40)}…`);
  // No run of four digits at all, so none of a planted value's.
  const runs = html.match(/\d{4,}/g) ?? [];
  return [...found, ...runs.map((r) => `digit run ${r}`)];
}

const FIXED: Planted = {
  cedula: '1710034065',
  names: ['María', 'José', 'Pérez'],
  email: 'maria.perez@gmail.com',
  day: 5,
  month: 3,
  year: 1980,
  phone: '0991234567',
  code: '482913',
  token: 'a3f9c2e1b7d64f0e9a8b7c6d5e4f3a2b',
  employers: ['ACME ANDINA S.A.', 'FERRETERIA QUITO S.A.'],
};

/**
 * A value that is part of every copy whoever is planted (the template's words, the shapes "dd/mm/aaaa" or
 * "xxxx", a zero of a short run) cannot show a leak; such draws are skipped, and only those.
 */
const alwaysThere = bare(`${anonymize(parseHtml(plantedPage(FIXED, true)), URL).html} ${plantedPage(FIXED, true)}`);
const distinct = plantedArb.filter((p) => plantedValues(p, true).every((v) => !alwaysThere.includes(bare(v))));

describe('a copy keeps nothing of a planted person', () => {
  it('the check finds every planted value in the page itself', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const html = plantedPage(p, true);
        expect(leaks(html, p, true).length).toBeGreaterThanOrEqual(plantedValues(p, true).length);
      }),
      { numRuns: 20 },
    );
  });

  it('with the prepared person: nothing planted survives, wherever it was', () => {
    fc.assert(
      fc.property(distinct, (p) => {
        const doc = parseHtml(plantedPage(p, true));
        const copy = anonymize(doc, `${URL}?ced=${p.cedula}&t=${p.token}#${p.token}`, {
          person: { cedula: p.cedula, names: p.names.join(' '), email: p.email, birthDay: p.day, birthMonth: p.month, birthYear: p.year, phone: p.phone },
        });
        expect(leaks(copy.html, p, true)).toEqual([]);
        expect(leaks(copy.preview, p, true)).toEqual([]);
      }),
      { numRuns: Number(process.env.PLANT_RUNS ?? 60) },
    );
  });

  it('without a person: names where the portal shows them, and every other planted value, are gone', () => {
    fc.assert(
      fc.property(distinct, (p) => {
        const copy = anonymize(parseHtml(plantedPage(p, false)), `${URL}?ced=${p.cedula}#${p.token}`);
        expect(leaks(copy.html, p, true)).toEqual([]);
        expect(copy.removed.names).toBeGreaterThanOrEqual(2);
        expect(copy.removed.options).toBeGreaterThanOrEqual(p.employers.length);
      }),
      { numRuns: Number(process.env.PLANT_RUNS ?? 60) },
    );
  });

  it('keeps the page’s own wording and structure', () => {
    const p = FIXED;
    const copy = anonymize(parseHtml(plantedPage(p, false)), URL);
    const doc = parseHtml(copy.html);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(URL);
    expect(doc.querySelector('form')?.getAttribute('action')).toBe('/iess-gestion-desbloqueo-publico-web/public/validar.jsf');
    expect(doc.querySelector('input[name="javax.faces.ViewState"]')?.hasAttribute('value')).toBe(false);
    expect(doc.querySelector('#frm\\:ced')?.getAttribute('maxlength')).toBe('10');
    expect(doc.querySelector('p.oculto')?.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelectorAll('script:not([type="text/plain"]), style, noscript').length).toBe(0);
    expect(copy.preview).toContain('Le enviamos un código a x***x@x****.com');
    expect(copy.preview).toContain('¿Cuál de estas empresas fue su empleador?');
    expect(copy.preview).toContain('Ninguna de las anteriores');
    expect(copy.preview).toContain('Bienvenido, XXXXXX XXXXXX XXXXXX');
    expect(copy.preview).toContain('Fecha de nacimiento: dd/mm/aaaa');
    expect(copy.html).not.toMatch(/\son[a-z]+=/i);
    expect(copy.removed.values).toBeGreaterThanOrEqual(6);
  });
});
