import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/detect/classify';
import { ALERT_IDS, isAlertId, isFlowId, isStepId, type Detection } from '../../../src/detect/vocabulary';
import { parseHtml } from '../../qa/load';

const IESS = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/';
/** A safety bound, not a benchmark (see npm run bench:detect): generous for slow CI machines. */

function expectValid(d: Detection): void {
  expect(isStepId(d.step)).toBe(true);
  expect(isFlowId(d.flow)).toBe(true);
  expect(d.alerts.every(isAlertId)).toBe(true);
  expect(new Set(d.alerts).size).toBe(d.alerts.length);
  // Alerts come out in vocabulary order, so equal sets compare equal.
  expect([...d.alerts]).toEqual(ALERT_IDS.filter((a) => d.alerts.includes(a)));
  expect(d.confidence).toBeGreaterThanOrEqual(0);
  expect(d.confidence).toBeLessThanOrEqual(1);
  expect(Array.isArray(d.signals)).toBe(true);
  expect(d.signals.length).toBeLessThanOrEqual(12);
  for (const s of d.signals) {
    expect(typeof s).toBe('string');
    expect(s.length).toBeLessThanOrEqual(200);
  }
  if (d.candidates) {
    expect(d.step).toBe('none');
    for (const c of d.candidates) {
      expect(isStepId(c.step)).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  }
}

/**
 * Classifies a hostile or huge document. How long it takes belongs to the benchmark (npm run bench:detect),
 * not to a test a busy machine could fail; here the test's own timeout is the guard against a pass that
 * never ends, and the result must be valid.
 */
function classifyHostile(doc: Document, url: string): Detection {
  return classify(doc, url);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const words = fc.constantFrom(
  'Cédula', 'código', 'clave', 'CLAVE', 'nueva clave', 'confirmar', 'correo', 'enviado', 'bloqueado', 'captcha', 'términos',
  'Acepto', 'expirado', 'sesión', 'error', 'Buscar', 'Desbloquear', 'Generar / Recuperar clave', 'día', 'mes', 'pregunta',
  'imagen', 'RUC', 'sucursal', 'ha sido desbloqueada', 'exitosamente', '¿?', '\u0000', '\u202e', '👩‍👩‍👧', 'ﷺ', '\ud800',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), words);
const attr = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' hidden', ' aria-hidden="true"', ' style="display:none"', ' style="visibility:hidden"', ' class="ui-helper-hidden"',
    ' class="ui-messages-error"', ' class="ui-growl-item-container"', ' role="alert"', ' class="g-recaptcha"', ' data-claveguia-host',
    ' class="ui-wizard-step-titles"', ' style="color:red"', ' class="rf-msgs"'),
  text.map((t) => ` title="${esc(t)}"`),
);
const leaf = fc.oneof(
  text.map(esc),
  fc.tuple(fc.constantFrom('text', 'password', 'email', 'tel', 'checkbox', 'radio', 'hidden', 'submit', 'date', 'weird'), fc.integer({ min: -5, max: 20 }), text, attr)
    .map(([type, max, label, a]) => `<label for="x${max}">${esc(label)}</label><input id="x${max}" type="${type}" maxlength="${max}" placeholder="${esc(label)}"${a}>`),
  text.map((t) => `<button>${esc(t)}</button>`),
  text.map((t) => `<script>${t}</script><style>${t}{display:none}</style>`),
  fc.constantFrom('<select><option>1</option></select>', '<img src="x.png">', '<svg><circle/></svg>', '<iframe title="reCAPTCHA"></iframe>', '<textarea>', '</div></span>', '<<>>', '<!--', '<![CDATA[x]]>'),
);
const tag = fc.constantFrom('div', 'span', 'form', 'table', 'tr', 'td', 'h1', 'h3', 'label', 'a', 'li', 'ul', 'p', 'legend', 'fieldset', 'b');
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.tuple(tag, attr, fc.array(tie('node'), { maxLength: 5 })).map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`)),
})).node;
const url = fc.oneof(
  fc.constant(IESS),
  fc.constantFrom('https://www.iess.gob.ec/empleador-web/pages/x.jsf;jsessionid=AB.n1', 'https://iess.gob.ec/errorWeb/500.jsf', 'https://example.com/', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', 'https://iess.gob.ec.evil.com/'),
  fc.webUrl(),
);

describe('classify on random and hostile documents', () => {
  it('never throws, always returns a valid Detection, within the bound', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 8 }), url, (parts, u) => {
        const doc = parseHtml(`<!DOCTYPE html><html><head><title>t</title></head><body>${parts.join('')}</body></html>`);
        expectValid(classifyHostile(doc, u));
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a field value into its signals', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{6,12}$/), fc.constantFrom('text', 'password', 'email', 'tel'), (secret, type) => {
        const marker = `zq${secret}`;
        const doc = parseHtml(
          `<body><h1>Generar / Recuperar clave</h1><form><label for="a">Cédula ${''}</label><input id="a" type="${type}" maxlength="10" value="${marker}">` +
            `<textarea>${marker}</textarea><select><option selected>${marker}</option></select><button>Buscar</button></form></body>`,
        );
        const d = classify(doc, IESS);
        expect(JSON.stringify(d)).not.toContain(marker);
      }),
      { numRuns: 50 },
    );
  });

  it('does no work outside the IESS hosts: the document is never touched', () => {
    const trap = new Proxy({} as Document, {
      get() {
        throw new Error('DOM read on a foreign host');
      },
    });
    for (const u of ['https://srienlinea.sri.gob.ec/', 'https://mail.google.com/', 'https://iess.gob.ec.evil.com/', 'https://evil.com/iess.gob.ec', 'nonsense', '']) {
      expect(classify(trap, u)).toMatchObject({ step: 'none', flow: 'unknown', alerts: [] });
    }
    expect(classify(trap, new URL('https://example.org/'))).toMatchObject({ step: 'none', flow: 'unknown' });
  });

  it('stays bounded on deep nesting', () => {
    const depth = 5000;
    const doc = parseHtml(`<body>${'<div>'.repeat(depth)}<label for="c">Cédula</label><input id="c" maxlength="10">${'</div>'.repeat(depth)}</body>`);
    expectValid(classifyHostile(doc, IESS));
  });

  it('stays bounded on huge text and script content', () => {
    const big = 'clave '.repeat(400_000);
    const doc = parseHtml(`<body><h1>${big}</h1><p>${big}</p><script>${big}</script><style>${'.a{display:none}'.repeat(20_000)}</style></body>`);
    expectValid(classifyHostile(doc, IESS));
  });

  it('stays bounded with thousands of inputs, buttons and messages', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `<tr><td>Pregunta ${i}</td><td><input name="f:${i}" maxlength="${i % 20}"></td><td><button>Enviar ${i}</button></td><td class="ui-messages-error">Error ${i}</td></tr>`).join('');
    const doc = parseHtml(`<body><form><table>${many}</table></form></body>`);
    expectValid(classifyHostile(doc, IESS));
  });

  it('survives an empty document and a document without body', () => {
    expectValid(classify(parseHtml(''), IESS));
    const doc = parseHtml('<html></html>');
    doc.documentElement.replaceChildren();
    expectValid(classify(doc, IESS));
  });
});
