import { describe, expect, it } from 'vitest';
import { clip, fold } from '../../../src/text/fold';
import { cleanPath, iessUrl, isIessHost } from '../../../src/detect/host';
import { hiddenByMarkup, scanStyles } from '../../../src/detect/visibility';
import { parseHtml } from '../../qa/load';

describe('fold', () => {
  it('folds accents, case and spacing', () => {
    expect(fold('  RECUPERACIÓN\u00a0de   Cláve\tÑ ')).toBe('recuperacion de clave n');
    expect(fold(null)).toBe('');
    expect(fold('x'.repeat(5000)).length).toBe(2000);
    expect(clip('abcdef', 4)).toBe('abc…');
  });
});

describe('host', () => {
  it('accepts iess.gob.ec and its subdomains only', () => {
    expect(isIessHost('app.iess.gob.ec')).toBe(true);
    expect(isIessHost('IESS.GOB.EC.')).toBe(true);
    expect(isIessHost('iess.gob.ec.evil.com')).toBe(false);
    expect(isIessHost('notiess.gob.ec')).toBe(false);
    expect(iessUrl('ftp://www.iess.gob.ec/')).toBeNull();
    expect(iessUrl('::')).toBeNull();
  });
  it('strips jsessionid from paths', () => {
    const u = iessUrl('https://www.iess.gob.ec/empleador-web/pages/recuperarClave.jsf;jsessionid=8F3C.nodo1?x=1');
    expect(u && cleanPath(u)).toBe('/empleador-web/pages/recuperarclave.jsf');
  });
});

describe('visibility', () => {
  it('recognises markup that hides, and inline display winning over a hiding class', () => {
    const doc = parseHtml(
      '<style>.paso-oculto{display:none} #x1, div.otro { visibility: hidden }</style><body>' +
        '<p id="a" hidden></p><p id="b" aria-hidden="true"></p><p id="c" style="display: none"></p><p id="d" class="ui-helper-hidden"></p>' +
        '<p id="e" class="ui-helper-hidden" style="display: block;"></p><p id="f" class="paso-oculto"></p><p id="x1"></p><p id="g" class="otro"></p>' +
        '<p id="h" class="ui-helper-hidden-accessible"></p><p id="i" style="color:red"></p></body>',
    );
    const css = scanStyles(doc);
    const hidden = (id: string): boolean => hiddenByMarkup(doc.getElementById(id) as Element, css);
    expect(['a', 'b', 'c', 'd', 'f', 'x1', 'g'].filter(hidden)).toEqual(['a', 'b', 'c', 'd', 'f', 'x1', 'g']);
    expect(['e', 'h', 'i'].filter(hidden)).toEqual([]);
  });
});
