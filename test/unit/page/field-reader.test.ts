import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractFeatures } from '../../../src/detect/features';
import { accessibleName, isShown, isUsable } from '../../../src/page/field-reader';
import { findValueFields } from '../../../src/page/fields';
import { parseHtml } from '../../qa/load';
import { form } from '../content/page-form';

afterEach(() => document.body.replaceChildren());

describe('one field reader for the detector and the guide', () => {
  it('the detector labels each field with the name the guide reads for it (corpus pages)', () => {
    for (const file of ['rec-verification-serenity.html', 'rec-verification-legacy.html', 'emp-identity.html', 'rec-new-key.html', 'rec-profile.html']) {
      const doc = parseHtml(readFileSync(resolve(import.meta.dirname, '../../corpus', file), 'utf8'));
      const labels = extractFeatures(doc, '/x').fields.filter((f) => f.kind !== 'radio').map((f) => f.label);
      const controls = [...doc.querySelectorAll('input, select, textarea')].filter((el) => {
        const type = (el.getAttribute('type') ?? '').toLowerCase();
        return !['hidden', 'radio', 'submit', 'button', 'image', 'reset', 'search'].includes(type);
      });
      const read = controls.map((el) => accessibleName(el));
      // Every name the detector gave is one the guide reads for a control of the page, in document order.
      expect(labels.length, file).toBeGreaterThan(0);
      let at = 0;
      for (const label of labels) {
        const found = read.indexOf(label, at);
        expect(found, `${file}: ${label}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  it('reads a label, aria-labelledby, aria-label, placeholder and title, folded', () => {
    form(`<span id="q">Día</span><label for="a">Fecha de NACIMIENTO</label><input id="a" aria-labelledby="q" aria-label="dd" placeholder="01" title="Día">`);
    expect(accessibleName(document.getElementById('a') as Element)).toBe('dia | dd | fecha de nacimiento | 01 | dia');
  });

  it('an unlabelled field is named by the words next to it, so the guide tells day from month in a table', () => {
    form(`<table><tr><td>Mes</td><td><input id="m" maxlength="2"></td><td>Día</td><td><input id="d" maxlength="2"></td></tr></table>`);
    expect(accessibleName(document.getElementById('m') as Element)).toBe('mes');
    const found = findValueFields(document);
    expect(found.get('birth-day')?.id).toBe('d');
    expect(found.get('birth-month')?.id).toBe('m');
  });

  it('usable and shown are layout-free: hidden, aria-hidden, inline display:none, disabled, a folded details', () => {
    form(
      `<input id="ok"><input id="off" disabled><input id="h" type="hidden"><div style="display: none"><input id="none"></div>` +
        `<div aria-hidden="true"><select id="aria"></select></div><details><summary id="s">Ayuda</summary><p id="in">a***@x.ec</p></details>`,
    );
    const el = (id: string) => document.getElementById(id) as Element;
    expect(['ok', 'off', 'h', 'none', 'aria'].map((id) => isUsable(el(id)))).toEqual([true, false, false, false, false]);
    expect([isShown(el('s')), isShown(el('in')), isShown(el('ok'))]).toEqual([true, false, true]);
  });
});
