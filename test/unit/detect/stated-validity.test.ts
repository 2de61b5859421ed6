import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../../src/detect/classify';
import { statedValidityMs } from '../../../src/detect/stated-validity';
import { fold } from '../../../src/text/fold';
import { portalStates } from '../../portal/states';
import { closeParser, parseHtml } from '../../qa/load';

afterAll(closeParser);

const MIN = 60_000;
const stated = (text: string) => statedValidityMs(fold(text));

describe('the validity a page states for its link or code', () => {
  it('reads the IESS wording and a translator’s', () => {
    expect(stated('Se envió un enlace a su correo electrónico e***@example.com, el mismo estará vigente durante 3 minutos.')).toBe(3 * MIN);
    expect(stated('El enlace estará vigente durante 15 minutos. Si caduca, deberá iniciar el proceso nuevamente.')).toBe(15 * MIN);
    expect(stated('El código es válido por 5 minutos.')).toBe(5 * MIN);
    expect(stated('The link will be valid for 3 minutes.')).toBe(3 * MIN);
    expect(stated('This code expires in 10 minutes.')).toBe(10 * MIN);
  });

  it('states nothing without a validity word, with a clock instead of minutes, or in a question', () => {
    expect(stated('Revise su correo dentro de los 15 minutos.')).toBeUndefined();
    expect(stated('El código vence en 03:00')).toBeUndefined();
    expect(stated('Espere 3 minutos.')).toBeUndefined();
    // The detector hands it statements: what a FAQ asks is gone before it reads.
    expect(stated('')).toBeUndefined();
  });

  it('ignores figures no link lasts, and two figures that disagree', () => {
    expect(stated('El enlace estará vigente durante 0 minutos.')).toBeUndefined();
    expect(stated('El enlace estará vigente durante 90 minutos.')).toBeUndefined();
    expect(stated('El enlace estará vigente durante 3 minutos. El código es válido por 5 minutos.')).toBeUndefined();
    expect(stated('El enlace estará vigente durante 3 minutos. Recuerde: vigente 3 minutos.')).toBe(3 * MIN);
  });

  it('is read from the pages of the practice portal that state it, and from no other', () => {
    const states = portalStates();
    const read = (id: string) => {
      const state = states.find((s) => s.id === id)!;
      return classify(parseHtml(state.html), state.url).statedValidityMs;
    };
    // The practice portal's links last 3 minutes and its email-sent pages say so.
    expect(read('recover/email-sent')).toBe(3 * MIN);
    expect(read('unlock/email-sent')).toBe(3 * MIN);
    expect(read('recover/identity')).toBeUndefined();
    expect(read('www/home')).toBeUndefined();
  });
});
