/**
 * The detector on random DOM built through DOM APIs (issue 14, item 5), which can make trees no HTML parser
 * would: any tag name (custom, namespaced, SVG and MathML), any attribute name and value, inputs inside inputs,
 * text straight under tables, comments, deep chains. classify() must never throw, must return a valid detection,
 * must give the same answer twice, and must leave the document exactly as it found it. Complements
 * classify.property.test.ts (random HTML through the parser, hostile sizes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/detect/classify';
import { isAlertId, isFlowId, isStepId } from '../../../src/detect/vocabulary';

const URLS = ['https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/', 'https://www.iess.gob.ec/empleador-web/pages/principal.jsf', 'https://app.iess.gob.ec/errorWeb/500.jsf'];
const NS = { svg: 'http://www.w3.org/2000/svg', math: 'http://www.w3.org/1998/Math/MathML' };

type Spec = { tag: string; ns: 'html' | 'svg' | 'math'; attrs: [string, string][]; text: string; kids: Spec[] };

const tagName = fc.oneof(
  fc.constantFrom('div', 'form', 'input', 'label', 'button', 'select', 'option', 'textarea', 'table', 'td', 'dialog', 'h1', 'p', 'span', 'a', 'img', 'template', 'slot', 'font', 'legend', 'fieldset', 'output'),
  fc.stringMatching(/^[a-z][a-z0-9]{0,6}-[a-z0-9]{1,6}$/),
  fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
);
const attrName = fc.oneof(
  fc.constantFrom('id', 'class', 'style', 'hidden', 'type', 'maxlength', 'name', 'for', 'role', 'aria-hidden', 'aria-label', 'aria-modal', 'open', 'placeholder', 'title', 'value', 'autocomplete', 'inputmode', 'action', 'data-claveguia-host', 'popover', 'dir', 'lang', 'translate', '__proto__', 'constructor'),
  fc.stringMatching(/^[a-z][a-z0-9_.:-]{0,12}$/),
);
const attrValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', 'text', 'password', 'email', 'hidden', 'display:none', 'visibility:hidden', 'ui-dialog', 'ui-messages-error', 'true', '-1', '10', '13', '999999999999', 'new-password', 'one-time-code', 'bday-day', 'Cédula', 'clave', 'frmRecuperar:txtCedula', 'dialog', 'alert'),
);
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('Cédula', 'Nueva clave', 'correo enviado', 'código', 'Acepto los términos', 'bloqueada', 'captcha', '¿Olvidó su clave?', '\u202e', '\u0000'));

const fields = {
  tag: tagName,
  ns: fc.constantFrom('html', 'html', 'html', 'svg', 'math') as fc.Arbitrary<Spec['ns']>,
  attrs: fc.array(fc.tuple(attrName, attrValue), { maxLength: 4 }),
  text,
};
const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'dom' },
    fc.record({ ...fields, kids: fc.constant([] as Spec[]) }),
    fc.record({ ...fields, kids: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'dom' }) }),
  ),
})).node;

function build(doc: Document, s: Spec): Element {
  let el: Element;
  try {
    el = s.ns === 'html' ? doc.createElement(s.tag) : doc.createElementNS(NS[s.ns], s.tag);
  } catch {
    el = doc.createElement('div');
  }
  for (const [name, value] of s.attrs) {
    try {
      el.setAttribute(name, value);
    } catch {
      // Not a valid attribute name for the DOM: a page could not set it either.
    }
  }
  if (s.text) el.append(doc.createTextNode(s.text));
  el.append(doc.createComment(s.text));
  for (const kid of s.kids) el.append(build(doc, kid));
  return el;
}

/** Every node, attribute and text of the document, in order (happy-dom cannot serialise some foreign trees). */
function fingerprint(doc: Document): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 1) {
      const el = node as Element;
      out.push(`<${el.namespaceURI}:${el.localName} ${el.getAttributeNames().map((n) => `${n}=${el.getAttribute(n)}`).join(' ')}`);
    } else out.push(`${node.nodeType}:${node.nodeValue ?? ''}`);
    for (const kid of node.childNodes) walk(kid);
    out.push('>');
  };
  walk(doc.documentElement);
  return out.join('\n');
}

function freshDocument(): Document {
  const doc = document.implementation.createHTMLDocument('t');
  return doc;
}

describe('classify on random DOM built through DOM APIs (property)', () => {
  it('never throws, answers validly and the same twice, and never changes the document', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 6 }), fc.constantFrom(...URLS), fc.nat({ max: 300 }), (roots, url, chain) => {
        const doc = freshDocument();
        for (const root of roots) doc.body.append(build(doc, root));
        // A deep chain the parser would also build, ending in a field.
        let tip: Element = doc.body;
        for (let i = 0; i < chain; i++) tip = tip.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
        tip.append(Object.assign(doc.createElement('input'), { maxLength: 10 }));
        const before = fingerprint(doc);

        const first = classify(doc, url);
        const second = classify(doc, url);

        expect(isStepId(first.step)).toBe(true);
        expect(isFlowId(first.flow)).toBe(true);
        expect(first.alerts.every(isAlertId)).toBe(true);
        expect(first.confidence).toBeGreaterThanOrEqual(0);
        expect(first.confidence).toBeLessThanOrEqual(1);
        expect(first.signals.every((s) => typeof s === 'string' && s.length <= 200)).toBe(true);
        expect(second).toEqual(first);
        expect(fingerprint(doc)).toBe(before);
      }),
      { numRuns: 120 },
    );
  });
});
