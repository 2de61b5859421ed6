/**
 * Issue 20's general fixes, pinned outside the corpus: shadow roots attached by script (the corpus stores them
 * serialised), accessible names, other IESS services' hosts, and the recovery apps' paths never being dismissed.
 */
import { describe, expect, it } from 'vitest';
import { ASK_BELOW, classify } from '../../../src/detect/classify';
import { extractFeatures } from '../../../src/detect/features';
import { LIMITS } from '../../../src/detect/limits';
import { parseHtml } from '../../qa/load';

const REC = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/index.jsf';
const UNL = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf';

const IDENTITY =
  '<h1>Generar / Recuperar clave</h1><form action="/iess-gestion-desbloqueo-publico-web/public/index.jsf">' +
  '<label for="c">Cédula o código</label><input id="c" name="txtCedula" maxlength="10">' +
  '<div class="g-recaptcha"></div><button>Buscar</button></form>';

/** A document whose body holds `host`, with `html` put into a shadow root attached by script. */
function withShadow(hostTag: string, html: string, mode: 'open' | 'closed' = 'open', hostAttrs: Record<string, string> = {}): Document {
  const doc = parseHtml('<html><head><title>IESS</title></head><body><header>IESS</header></body></html>');
  const host = doc.createElement(hostTag);
  for (const [k, v] of Object.entries(hostAttrs)) host.setAttribute(k, v);
  const root = host.attachShadow({ mode });
  // Test markup of our own, parsed apart and imported node by node.
  const scratch = parseHtml(`<body>${html}</body>`);
  for (const n of Array.from(scratch.body.childNodes)) root.appendChild(doc.importNode(n, true));
  doc.body.appendChild(host);
  return doc;
}

describe('shadow roots', () => {
  it('reads a form inside a shadow root attached by script', () => {
    const d = classify(withShadow('iess-recuperar-clave', IDENTITY), REC);
    expect(d.step).toBe('identity');
    expect(d.flow).toBe('recover');
  });

  it('reads nested roots, and labels found by id inside the same root', () => {
    const doc = withShadow('iess-app', '<h1>Nueva clave</h1><iess-form></iess-form>');
    const inner = (doc.querySelector('iess-app') as Element).shadowRoot?.querySelector('iess-form') as Element;
    const root = inner.attachShadow({ mode: 'open' });
    const form = doc.createElement('form');
    for (const [id, words] of [['a', 'Ingrese su nueva clave'], ['b', 'Confirme su nueva clave']] as const) {
      const label = doc.createElement('span');
      label.id = `l${id}`;
      label.textContent = words;
      const input = doc.createElement('input');
      input.setAttribute('type', 'password');
      input.setAttribute('aria-labelledby', `l${id}`);
      form.append(label, input);
    }
    root.appendChild(form);
    const f = extractFeatures(doc, '/iess-gestion-desbloqueo-publico-web/public/nuevaclave.jsf');
    expect(f.fields.map((x) => x.label)).toEqual(['ingrese su nueva clave', 'confirme su nueva clave']);
    expect(classify(doc, 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/nuevaClave.jsf').step).toBe('new-key');
  });

  it('names each open root it walks into (the page watcher observes them), and not those of other extensions', () => {
    const doc = withShadow('iess-recuperar-clave', IDENTITY);
    const foreign = doc.createElement('grammarly-desktop-integration');
    foreign.attachShadow({ mode: 'open' }).appendChild(doc.createElement('p'));
    doc.body.appendChild(foreign);
    const entered: ShadowRoot[] = [];
    expect(classify(doc, REC, (root) => entered.push(root)).step).toBe('identity');
    expect(entered).toEqual([(doc.querySelector('iess-recuperar-clave') as Element).shadowRoot]);
  });

  it('cannot enter a closed root, and then asks instead of dismissing the recovery app', () => {
    const d = classify(withShadow('iess-recuperar-clave', IDENTITY, 'closed'), REC);
    expect(d.step).toBe('none');
    expect(d.candidates?.length).toBeGreaterThan(0);
    expect(d.confidence).toBeLessThan(ASK_BELOW);
  });

  it("does not read other extensions' shadow roots as the page", () => {
    const popup = '<div role="dialog"><h2>Iniciar sesión</h2><input type="email" placeholder="Correo electrónico"><input type="password"><button>Entrar</button></div>';
    for (const [tag, attrs] of [
      ['grammarly-extension', {}],
      ['div', { 'data-lastpass-root': '' }],
      ['div', { style: 'position:fixed;top:0;right:0;z-index:2147483647' }],
    ] as const) {
      const doc = withShadow(tag, popup, 'open', attrs);
      expect(extractFeatures(doc, '/x').fields, `${tag} ${JSON.stringify(attrs)}`).toHaveLength(0);
    }
  });

  it('counts shadow content against the element budget', () => {
    const many = '<div><span>x</span></div>'.repeat(Math.ceil(LIMITS.elements / 2) + 10);
    const f = extractFeatures(withShadow('iess-lista', many), '/x');
    expect(f.truncated).toBe(true);
    expect(f.examined).toBeLessThanOrEqual(LIMITS.elements + 1);
  });
});

describe('accessible names', () => {
  it('names icon-only controls by aria-label, title and alt', () => {
    const doc = parseHtml(
      '<body><form action="/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf"><input id="j_idt9" name="j_idt9" title="Cédula de identidad">' +
        '<div class="g-recaptcha"></div><button type="submit"><img src="candado.png" alt="Desbloquear"></button>' +
        '<a class="btn" href="#" aria-label="Ayuda"><i class="fa fa-question"></i></a></form></body>',
    );
    const f = extractFeatures(doc, '/iess-gestion-desbloqueo-clave-web/public/desbloquearclave.jsf');
    expect(f.fields[0]?.label).toBe('cedula de identidad');
    expect(f.buttons).toEqual(['desbloquear', 'ayuda']);
    const d = classify(doc, UNL);
    expect([d.step, d.flow]).toEqual(['identity', 'unlock']);
  });
});

describe('hosts and apps decide before words', () => {
  const reset =
    '<body><h1>Restablecer contraseña</h1><form action="/reset"><label for="c">Cédula</label><input id="c" maxlength="10">' +
    '<div class="g-recaptcha"></div><button>Recuperar clave</button></form></body>';

  it('answers "not a recovery page" on another IESS service, with the host as the reason', () => {
    for (const url of ['https://correo.iess.gob.ec/owa/auth/reset.aspx', 'https://mesadeservicios.iess.gob.ec/forgot', 'https://sso.iess.gob.ec/adfs/ls/']) {
      const d = classify(parseHtml(reset), url);
      expect([d.step, d.flow, d.confidence], url).toEqual(['none', 'unknown', 1]);
      expect(d.signals).toContain('another IESS service');
    }
  });

  it('still reads a recovery app served from another IESS host', () => {
    const d = classify(parseHtml(`<body>${IDENTITY}</body>`), 'https://servicios.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/index.jsf');
    expect(d.step).toBe('identity');
  });
});

describe('the recovery apps are never dismissed', () => {
  it('asks, with candidates and a confidence under the threshold, when the page shows nothing known', () => {
    for (const html of ['<body></body>', '<body><p>読み込み中</p></body>', '<body><div class="x"><span>Привет</span></div></body>']) {
      for (const url of [REC, UNL, 'https://app.iess.gob.ec/iess-gestion-clave-empleador-web/public/x.jsf', 'https://www.iess.gob.ec/empleador-web/pages/recuperarClave/x.jsf']) {
        const d = classify(parseHtml(html), url);
        expect(d.step, `${url} ${html}`).toBe('none');
        expect(d.candidates?.length, `${url} ${html}`).toBeGreaterThan(0);
        expect(d.confidence).toBeLessThan(ASK_BELOW);
      }
    }
  });

  it('keeps "not a recovery page" elsewhere on the portal, but not sure of it when the page showed nothing', () => {
    const empty = classify(parseHtml('<body></body>'), 'https://www.iess.gob.ec/afiliado-web/pages/principal.jsf');
    expect(empty.step).toBe('none');
    expect(empty.candidates).toBeUndefined();
    expect(empty.confidence).toBeLessThanOrEqual(ASK_BELOW);
    const home = classify(parseHtml('<body><h1>Bienvenido al IESS</h1><p>Servicios en línea para afiliados.</p></body>'), 'https://www.iess.gob.ec/');
    expect([home.step, home.confidence]).toEqual(['none', 1]);
  });
});

describe('messages in new words', () => {
  const page = (msg: string, cls = 'ui-messages-error'): Document => parseHtml(`<body>${IDENTITY.replace('<form', `<div class="${cls}">${msg}</div><form`)}</body>`);
  it.each([
    ['Los caracteres no coinciden con los de la imagen.', 'captcha-error'],
    ['No existe información del afiliado.', 'not-registered'],
    ['La cédula ingresada no pertenece a ningún afiliado del IESS.', 'not-registered'],
    ['El servicio del Registro Civil no responde en este momento.', 'service-unavailable'],
    ['El enlace que utilizó ya no tiene validez.', 'link-expired'],
    ['Las respuestas no concuerdan con la información registrada.', 'data-mismatch'],
  ])('"%s" → %s', (msg, alert) => {
    expect(classify(page(msg), REC).alerts).toEqual([alert]);
  });

  it.each(['invalid-feedback', 'text-danger', 'field-error', 'ui-message ui-message-error'])('reads an inline field message (.%s)', (cls) => {
    expect(classify(page('No existe información del afiliado.', cls), REC).alerts).toEqual(['not-registered']);
  });

  it.each([
    'Recuerde que su clave es personal e intransferible.',
    'Cédula o código: Error de validación: se necesita un valor.',
    'La atención es de lunes a viernes de 08:00 a 16:30.',
  ])('raises no alert for a message that fits none: "%s"', (msg) => {
    expect(classify(page(msg), REC).alerts).toEqual([]);
  });
});
