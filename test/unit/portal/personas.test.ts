// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdCedula, isValidCedula } from '../../portal/cedula';
import { cedulaCheckDigit } from '../../../src/validate/cedula';
import { html, trusted } from '../../portal/html';
import {
  EMPLOYERS,
  INVALID_CEDULA,
  labourQuestions,
  maskEmail,
  PERSONAS,
  sameAnswer,
  UNREGISTERED_CEDULA,
} from '../../portal/personas';

const readme = readFileSync(resolve(import.meta.dirname, '../../portal/README.md'), 'utf8');

describe('personas', () => {
  it('all cédulas pass the módulo-10 check digit, province and third-digit rules', () => {
    const all = [...PERSONAS.map((p) => p.cedula), ...EMPLOYERS.map((e) => e.representativeCedula), UNREGISTERED_CEDULA];
    for (const c of all) {
      expect(isValidCedula(c), c).toBe(true);
      const province = Number(c.slice(0, 2));
      expect((province >= 1 && province <= 24) || province === 30, c).toBe(true);
      expect(Number(c[2]), c).toBeLessThanOrEqual(5);
      expect(cedulaCheckDigit(c.slice(0, 9))).toBe(Number(c[9]));
    }
    expect(isValidCedula(INVALID_CEDULA)).toBe(false);
    expect(new Set(all).size).toBe(all.length);
  });

  it('computes the check digit as documented (iess-portal.md §5)', () => {
    expect(isValidCedula('1700000001')).toBe(true);
    expect(isValidCedula('0912345675')).toBe(true);
    expect(isValidCedula('1234567897')).toBe(true);
    expect(isValidCedula('1234567890')).toBe(false);
    expect(isValidCedula('2512345678')).toBe(false);
  });

  it('covers every flow and variant', () => {
    const flows = new Set(PERSONAS.map((p) => p.flow));
    for (const f of ['recover-link', 'recover-first-time', 'recover-image', 'recover-otp', 'recover-slow-email', 'recover-no-email', 'blocked', 'unlock', 'challenge', 'app-error'])
      expect(flows.has(f as never), f).toBe(true);
    expect(EMPLOYERS.map((e) => e.flow).sort()).toEqual(['employer', 'household-employer']);
    const household = EMPLOYERS.find((e) => e.flow === 'household-employer');
    expect(householdCedula(household?.ruc ?? '')).toBe(household?.representativeCedula);
  });

  it('documents every persona and employer in the README table', () => {
    for (const p of PERSONAS) expect(readme, p.id).toContain(p.cedula);
    for (const e of EMPLOYERS) expect(readme, e.id).toContain(e.ruc);
  });

  it('has one right answer per labour question, among four options', () => {
    for (const p of PERSONAS)
      for (const q of labourQuestions(p)) {
        expect(q.options).toHaveLength(4);
        expect(q.options.filter((o) => o === q.answer)).toHaveLength(1);
      }
  });

  it('masks emails and compares answers without accents or case', () => {
    expect(maskEmail('ana.practica@example.com')).toBe('a***@example.com');
    expect(sameAnswer(' BOLÓN ', 'bolon')).toBe(true);
    expect(sameAnswer('', '')).toBe(false);
  });
});

describe('html helper', () => {
  it('escapes interpolated values and keeps nested html', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(String(html`<p title="${'"x"'}">${'<script>'}${inner}${['a', '&']}${null}${false}${trusted('<br>')}</p>`)).toBe(
      '<p title="&quot;x&quot;">&lt;script&gt;<b>&lt;i&gt;</b>a&amp;<br></p>',
    );
  });
});
