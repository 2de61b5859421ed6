/**
 * A form inside an open shadow root (issue 20's pages) travels in the copy as a declarative root: the detector
 * reads the copy as it read the page (corpus.test.ts covers every shadow page), and what is personal inside the
 * root is scrubbed like anything else. A closed root is not readable and is not copied.
 */
import { describe, expect, it } from 'vitest';
import { anonymize } from '../../../src/anonymize';
import { parseHtml } from '../../qa/load';

const URL = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/validar.jsf';

describe('anonymous copy of shadow roots', () => {
  it('copies an open root as a declarative one, scrubbed', () => {
    const doc = parseHtml('<!DOCTYPE html><html><body><h1>Generar / Recuperar clave</h1><div id="app"></div><div id="closed"></div></body></html>');
    const open = doc.getElementById('app')!.attachShadow({ mode: 'open' });
    const label = doc.createElement('label');
    label.textContent = 'Cédula 1710034065';
    const input = doc.createElement('input');
    input.setAttribute('id', 'cedula');
    input.setAttribute('value', '1710034065');
    open.append(label, input);
    doc.getElementById('closed')!.attachShadow({ mode: 'closed' }).append(doc.createTextNode('secreto 0991234567'));

    const copy = anonymize(doc, URL);
    expect(copy.html).toContain('<template shadowrootmode="open">');
    expect(copy.html).toContain('id="cedula"');
    expect(copy.html).toContain('Cédula');
    expect(copy.html).not.toMatch(/1710034065|0991234567|secreto/);

    const again = parseHtml(copy.html);
    const root = again.getElementById('app')?.shadowRoot;
    expect(root?.querySelector('#cedula')).not.toBeNull();
  });
});
