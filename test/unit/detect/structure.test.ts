import { describe, expect, it } from 'vitest';
import { ASK_BELOW, classify } from '../../../src/detect/classify';
import { extractFeatures } from '../../../src/detect/features';
import { withoutQuestions } from '../../../src/detect/questions';
import { computedStyleCheck, scanStyles } from '../../../src/detect/visibility';
import { parseHtml } from '../../qa/load';

const REC = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf';

const identityForm =
  '<form id="frm" action="/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf"><h2>Generar / Recuperar clave</h2>' +
  '<label for="frm:c">Cédula o código</label><input id="frm:c" name="frm:c" maxlength="10">' +
  '<div class="g-recaptcha" data-sitekey="x"></div><button class="ui-button">Buscar</button></form>';

/** About `n` elements of filler: a table of rows with a link and some text each. */
function filler(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n / 4; i++) rows.push(`<tr><td>Dato ${i}</td><td><a href="#r${i}">Detalle</a></td></tr>`);
  return `<table class="relleno"><tbody>${rows.join('')}</tbody></table>`;
}

// Parsing 50,000 elements takes happy-dom seconds on a busy machine; the detection itself is bounded by LIMITS.
describe('big pages', () => {
  it('finds a recovery form placed after 50,000 other elements', () => {
    const doc = parseHtml(`<html><head><title>IESS</title></head><body>${filler(50_000)}${identityForm}</body></html>`);
    const d = classify(doc, REC);
    expect(d.step).toBe('identity');
    expect(d.flow).toBe('recover');
    expect(d.signals).toContain('page truncated at caps');
  }, 60_000);

  it('never decides "no form here" on a truncated view', () => {
    // An error line, then more elements than the budget: "an error on a page without a form" must not fire,
    // because the part not seen may hold the form.
    const html = (n: number): string => `<body><div class="ui-messages-error">Ocurrió un error</div>${filler(n)}</body>`;
    expect(classify(parseHtml(html(100)), REC).step).toBe('error');
    const big = parseHtml(html(50_000));
    expect(extractFeatures(big, '/x').truncated).toBe(true);
    const d = classify(big, REC);
    expect(d.step).not.toBe('error');
    expect(d.signals.join()).not.toMatch(/entries=0|fields=0/);
  }, 60_000);

  it('walks a small page in document order, untruncated', () => {
    const f = extractFeatures(parseHtml(`<body>${identityForm}</body>`), '/x');
    expect(f.truncated).toBe(false);
    expect(f.fields).toHaveLength(1);
  });
});

describe('visibility as the browser computes it', () => {
  const html =
    '<style>.asistente > .paso:not(.actual) { display: none }</style><body><div class="asistente">' +
    '<div class="paso" id="a"><input id="ia"></div><div class="paso actual" id="b"><input id="ib"></div></div></body>';

  it('happy-dom computes display from the page stylesheet (the check relies on it)', () => {
    const doc = parseHtml(html);
    const view = doc.defaultView as Window;
    expect(view.getComputedStyle(doc.getElementById('a') as Element).display).toBe('none');
    expect(view.getComputedStyle(doc.getElementById('b') as Element).display).not.toBe('none');
  });

  it('hides containers by a rule the simple scan cannot resolve, and only then pays for getComputedStyle', () => {
    const doc = parseHtml(html);
    const css = scanStyles(doc);
    expect(css.complex).toBe(true);
    const hidden = computedStyleCheck(doc, css, false);
    expect(hidden?.(doc.getElementById('a') as Element)).toBe(true);
    expect(hidden?.(doc.getElementById('b') as Element)).toBe(false);
    const plain = parseHtml('<style>.oculto{display:none}</style><body><div class="x"><p>a</p></div></body>');
    expect(computedStyleCheck(plain, scanStyles(plain), false)).toBeNull();
    expect(extractFeatures(doc, '/x').fields).toHaveLength(1);
  });
});

describe('a class hidden by one rule and shown again by another', () => {
  it('is left to the computed style, so only the active wizard step is read', () => {
    const doc = parseHtml(
      '<style>.paso{display:none}.paso.activo{display:block}</style><body><form>' +
        '<div class="paso"><label for="c">Cédula</label><input id="c" maxlength="10"></div>' +
        '<div class="paso activo"><label for="a">Nueva clave</label><input id="a" type="password"><label for="b">Confirmar clave</label><input id="b" type="password"></div>' +
        '</form></body>',
    );
    const css = scanStyles(doc);
    expect(css.classes.has('paso')).toBe(false);
    expect(css.complex).toBe(true);
    expect(extractFeatures(doc, '/x').fields.map((f) => f.kind)).toEqual(['password', 'password']);
    expect(classify(doc, REC).step).toBe('new-key');
  });
});

describe('what is on top', () => {
  const dialog = (body: string, extra = ''): string =>
    `<div class="ui-dialog ui-widget ui-overlay-visible" role="dialog"${extra} style="display:block"><div class="ui-dialog-content">${body}</div></div>`;
  const mask = '<div class="ui-widget-overlay ui-dialog-mask"></div>';

  it('a modal dialog over the form describes the page', () => {
    const doc = parseHtml(`<body>${identityForm}${dialog('<p>Se ha enviado un enlace a su correo electrónico registrado.</p>')}${mask}</body>`);
    const d = classify(doc, REC);
    expect(d.step).toBe('email-sent');
    expect(d.signals[0]).toBe('on top: dialog');
  });

  it('aria-modal marks a dialog modal without a mask; a non-modal one does not replace the form', () => {
    const body = '<p>Se ha enviado un enlace a su correo electrónico registrado.</p>';
    expect(classify(parseHtml(`<body>${identityForm}${dialog(body, ' aria-modal="true"')}</body>`), REC).step).toBe('email-sent');
    expect(classify(parseHtml(`<body>${identityForm}${dialog(body)}</body>`), REC).step).toBe('identity');
  });

  it('an error dialog about the data keeps the form as the step, with the alert', () => {
    const doc = parseHtml(`<body>${identityForm}${dialog('<p>Los datos ingresados no coinciden.</p>')}${mask}</body>`);
    expect(classify(doc, REC)).toMatchObject({ step: 'identity', alerts: ['data-mismatch'] });
  });

  it('a growl can say the mail went out; a growl about the session leaves the form as the step', () => {
    const growl = (severity: string, t: string): string =>
      `<div class="ui-growl"><div class="ui-growl-item-container ui-growl-${severity}" style="display:block"><p>${t}</p></div></div>`;
    expect(classify(parseHtml(`<body>${identityForm}${growl('info', 'Hemos enviado un enlace a su correo.')}</body>`), REC).step).toBe('email-sent');
    expect(classify(parseHtml(`<body>${identityForm}${growl('warn', 'Su sesión ha expirado.')}</body>`), REC)).toMatchObject({ step: 'identity', alerts: ['session-expired'] });
  });
});

describe('words that cannot be read', () => {
  it('detects a recovery step by structure and URL alone, with lower confidence than with words', () => {
    const words = classify(parseHtml(`<body>${identityForm}</body>`), REC);
    const noWords = classify(
      parseHtml('<body><form id="f"><input id="f:j_idt9" maxlength="10"><div class="g-recaptcha"></div><button class="ui-button">ⴰⵣⵓⵍ</button></form></body>'),
      REC,
    );
    expect(noWords.step).toBe('identity');
    expect(noWords.confidence).toBeGreaterThanOrEqual(ASK_BELOW);
    expect(noWords.confidence).toBeLessThan(words.confidence);
  });

  it('reads one-digit boxes as a code step', () => {
    const boxes = Array.from({ length: 6 }, (_, i) => `<input id="d${i}" maxlength="1">`).join('');
    expect(classify(parseHtml(`<body><form>${boxes}<button>✓</button></form></body>`), REC).step).toBe('code');
  });
});

describe('questions are not statements', () => {
  it('drops ¿…? spans and sentences ending in ?', () => {
    expect(withoutQuestions('¿que hago si mi clave esta bloqueada? llame al 140')).toBe('  llame al 140');
    expect(withoutQuestions('what if my key is locked? call us. su clave esta bloqueada.')).toBe('  call us. su clave esta bloqueada.');
  });
});

describe('the threshold', () => {
  it('asks with candidates when two steps are nearly tied', () => {
    // A day/month form that also asks for an email: verification and profile evidence both present.
    const doc = parseHtml(
      '<body><h1>Generar clave</h1><form><label for="d">Día de nacimiento</label><input id="d" maxlength="2"><label for="e">Correo electrónico</label><input id="e" type="email"></form></body>',
    );
    const d = classify(doc, REC);
    if (d.step === 'none') expect(d.candidates?.length ?? 0).toBeGreaterThan(0);
    else expect(d.confidence).toBeGreaterThanOrEqual(ASK_BELOW);
  });
});
