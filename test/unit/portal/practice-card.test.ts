import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../../src/detect/classify';
import { EMPLOYERS, PERSONAS } from '../../portal/personas';
import { PRACTICE_CARD_ID } from '../../portal/pages/practice-card';
import { portalStates } from '../../portal/states';
import { closeParser, parseHtml } from '../../qa/load';

afterAll(closeParser);

/** Every simulated IESS page built on the portal's page shell (not the F5 page, the mailbox or the CAPTCHA frame). */
const pages = portalStates().filter((s) => !/\/challenge$|^sim\//.test(s.id));

describe('the practice card on the practice portal', () => {
  it.each(pages.map((s) => [s.id, s] as const))('%s: in the page footer, folded, with no control, ignored by the detector', (_id, state) => {
    const doc = parseHtml(state.html);
    const card = doc.getElementById(PRACTICE_CARD_ID);
    expect(card, 'card present').not.toBeNull();
    expect(card!.tagName).toBe('DETAILS');
    expect(card!.hasAttribute('open'), 'folded, so it never pushes or covers the form').toBe(false);
    expect(card!.parentElement?.tagName, 'inside the footer (site chrome to the detector)').toBe('FOOTER');
    expect(card!.querySelectorAll('input, select, textarea, button, form, a, [role], [class*="message"], [style]').length).toBe(0);

    // The same page without the card is detected exactly the same.
    const withCard = classify(doc, state.url);
    card!.remove();
    const without = classify(doc, state.url);
    expect({ step: withCard.step, flow: withCard.flow, alerts: withCard.alerts }).toEqual({ step: without.step, flow: without.flow, alerts: without.alerts });
  });

  it('tells whom to try: every persona with what happens and the answers to their questions, and the employers', () => {
    const login = pages.find((s) => s.id === 'www/afiliado-login')!;
    const text = parseHtml(login.html).getElementById(PRACTICE_CARD_ID)!.textContent ?? '';
    for (const p of PERSONAS) {
      for (const expected of [p.cedula, p.summary, `${p.birthDay}/${p.birthMonth}`, p.history.employers[0], String(p.history.firstYear), ...p.personal.map((a) => a.answer)]) {
        expect(text, `${p.id}: ${expected}`).toContain(expected);
      }
    }
    for (const e of EMPLOYERS) for (const expected of [e.ruc, e.representativeCedula, e.summary]) expect(text).toContain(expected);
    expect(text).toContain('Clave2024');
    expect(text).toContain('Árbol');
  });
});
