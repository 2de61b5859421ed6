// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { INVALID_CEDULA, UNREGISTERED_CEDULA } from '../../portal/personas';
import { captchaToken, JsfPage, startPortal, usePortal } from './helpers';
import { answers, openMailLink, openRecover, persona, RECOVER_PATH, search, verified } from './scenario';

const h = usePortal();

const errorClass = (html: string) => /class="ui-messages-error ui-corner-all"/.test(html);

describe('identity failures', () => {
  it('rejects a missing CAPTCHA, an expired one and a reused one', async () => {
    const page = await openRecover(h);
    const missing = await page.submit('frmRecuperar:btnBuscar', { 'frmRecuperar:txtCedula': persona('ana').cedula, 'g-recaptcha-response': '' });
    expect(missing.html).toContain('Debe validar el captcha');
    expect(errorClass(missing.html)).toBe(true);
    expect(missing.html).toContain('class="g-recaptcha"');

    const token = await captchaToken(h);
    h.clock.advance(h.portal.config.captchaTtlMs + 1000);
    const expired = await search(h, page, persona('ana').cedula, token);
    expect(expired.html).toContain('La verificación del captcha caducó');

    const fresh = await captchaToken(h);
    await search(h, page, UNREGISTERED_CEDULA, fresh);
    const reused = await search(h, page, persona('ana').cedula, fresh);
    expect(reused.html).toContain('La verificación del captcha no es válida');
  });

  it('rejects an invalid cédula and an unregistered one', async () => {
    const page = await openRecover(h);
    expect((await search(h, page, INVALID_CEDULA)).html).toContain('El número de cédula ingresado no es válido.');
    expect((await search(h, page, UNREGISTERED_CEDULA)).html).toContain('Cédula No se Encuentra Registrada en el IESS.');
  });

  it('tells an already-blocked person to use Desbloqueo de clave', async () => {
    const page = await openRecover(h);
    const r = await search(h, page, persona('gloria').cedula);
    expect(r.html).toContain('Su clave se encuentra bloqueada');
    expect(r.html).toContain('frmRecuperar:txtCedula');
  });

  it('answers the overloaded persona and ?sobrecarga=1 with the F5-like challenge (no form)', async () => {
    const page = await openRecover(h);
    const r = await search(h, page, persona('sofia').cedula);
    expect(String(r.res.headers['content-type'])).toContain('text/html');
    expect(r.html).toContain('window.f5_cspm');
    expect(r.html).not.toContain('<form');
    const flag = await h.client.get(`${h.urls.app}${RECOVER_PATH}?sobrecarga=1`);
    expect(flag.body).toContain('f5_cspm');
    expect(flag.body).toContain('SIMULACIÓN');
  });

  it('sends the app-error persona and ?error=1 to errorAplicacion.jsf', async () => {
    const page = await openRecover(h);
    const r = await search(h, page, persona('tomas').cedula);
    expect(r.redirect).toBe('/iess-gestion-desbloqueo-publico-web/errorWeb/errorAplicacion.jsf');
    const errorPage = await h.client.get(`${h.urls.app}${r.redirect}`);
    expect(errorPage.status).toBe(500);
    expect(errorPage.body).toContain('Ha ocurrido un error en la aplicación');
    const flag = await h.client.follow(await h.client.get(`${h.urls.app}${RECOVER_PATH}?error=1`));
    expect(flag.body).toContain('Error de aplicación');
  });
});

describe('verification failures', () => {
  it('changes the questions after a wrong answer, shows attempts left, then blocks', async () => {
    const ana = persona('ana');
    const page = await openRecover(h);
    const first = await search(h, page, ana.cedula);
    const questions = (html: string) => [...html.matchAll(/<legend>([^<]+)<\/legend>/g)].map((m) => m[1]).join('|');
    const wrong1 = await page.submit('frmRecuperar:btnContinuar', answers(h, ana, 0, true));
    expect(wrong1.html).toContain('Le quedan 2 intentos.');
    expect(questions(wrong1.html)).not.toBe(questions(first.html));
    const wrong2 = await page.submit('frmRecuperar:btnContinuar', answers(h, ana, 1, true));
    expect(wrong2.html).toContain('Le quedan 1 intento.');
    const blocked = await page.submit('frmRecuperar:btnContinuar', answers(h, ana, 2, true));
    expect(blocked.html).toContain('ha sido bloqueado');
    expect(h.portal.world.person(ana.cedula)?.blocked).toBe(true);
    const again = await search(h, page, ana.cedula);
    expect(again.html).toContain('Su clave se encuentra bloqueada');
  });

  it('accepts the right answers on a later round', async () => {
    const ana = persona('ana');
    const page = await openRecover(h);
    await search(h, page, ana.cedula);
    await page.submit('frmRecuperar:btnContinuar', answers(h, ana, 0, true));
    const ok = await page.submit('frmRecuperar:btnContinuar', answers(h, ana, 1));
    expect(ok.html).toContain('Correo enviado');
  });

  it('stops a person with no registered email, without a form to continue', async () => {
    const { html } = await verified(h, 'fernando');
    expect(html).toContain('no tiene un correo electrónico registrado');
    expect(html).not.toContain('<input');
  });

  it('counts a wrong security image as a failed attempt', async () => {
    const { page, html } = await verified(h, 'carmen');
    expect(html).toContain('Imagen de seguridad');
    const wrong = await page.submit('frmRecuperar:j_idt88', { 'frmRecuperar:rdImagenSeguridad': 'sol' });
    expect(wrong.html).toContain('La imagen seleccionada no corresponde');
    expect(wrong.html).toContain('Le quedan 2 intentos.');
    const ok = await page.submit('frmRecuperar:j_idt88', { 'frmRecuperar:rdImagenSeguridad': 'arbol' });
    expect(ok.html).toContain('c***@example.net');
  });
});

describe('links, sessions and view state', () => {
  it('expires the mail link after linkValidityMs', async () => {
    await verified(h, 'ana');
    h.clock.advance(h.portal.config.linkValidityMs + 1000);
    const page = await openMailLink(h, 'ana');
    expect(page.html).toContain('El enlace ha caducado');
    expect(page.html).not.toContain('<form');
  });

  it('refuses a link already used, and a link opened from another browser', async () => {
    await verified(h, 'ana');
    const page = await openMailLink(h, 'ana');
    expect(page.html).toContain('Acepto los términos');
    h.client.clearCookies(new URL(h.urls.app).hostname);
    const other = await openMailLink(h, 'ana');
    expect(other.html).toContain('El enlace ya fue utilizado');
  });

  it('refuses the link after the key was generated', async () => {
    await verified(h, 'ana');
    const page = await openMailLink(h, 'ana');
    await page.submit('frmClave:btnAceptarTerminos', { 'frmClave:chkAcepto': 'on' });
    const done = await page.submit('frmClave:btnGenerar', { 'frmClave:txtClave': 'abc123', 'frmClave:txtConfirmacion': 'abc123' });
    expect(done.html).toContain('Su clave ha sido generada exitosamente');
    const again = await openMailLink(h, 'ana');
    expect(again.html).toContain('El enlace ya fue utilizado');
  });

  it('validates terms and the new key rules', async () => {
    await verified(h, 'ana');
    const page = await openMailLink(h, 'ana');
    expect((await page.submit('frmClave:btnAceptarTerminos', {})).html).toContain('Debe aceptar los términos');
    await page.submit('frmClave:btnAceptarTerminos', { 'frmClave:chkAcepto': 'on' });
    const short = await page.submit('frmClave:btnGenerar', { 'frmClave:txtClave': 'ab1', 'frmClave:txtConfirmacion': 'ab1' });
    expect(short.html).toContain('entre 6 y 15 caracteres');
    const symbols = await page.submit('frmClave:btnGenerar', { 'frmClave:txtClave': 'abc-123', 'frmClave:txtConfirmacion': 'abc-123' });
    expect(symbols.html).toContain('entre 6 y 15 caracteres');
    const mismatch = await page.submit('frmClave:btnGenerar', { 'frmClave:txtClave': 'abc1234', 'frmClave:txtConfirmacion': 'abc1235' });
    expect(mismatch.html).toContain('no coinciden');
    expect(mismatch.html).toContain('data-keypad-for="frmClave:txtClave frmClave:txtConfirmacion"');
  });

  it('expires the session after 15 minutes of inactivity (AJAX redirect and full-page 302)', async () => {
    const page = await openRecover(h);
    h.clock.advance(h.portal.config.sessionTimeoutMs + 1000);
    const r = await search(h, page, persona('ana').cedula);
    expect(r.redirect).toBe('/iess-gestion-desbloqueo-publico-web/errorWeb/sesionExpirada.jsf');
    const expired = await h.client.get(`${h.urls.app}${r.redirect}`);
    expect(expired.body).toContain('Su sesión ha expirado');

    const page2 = await openRecover(h);
    h.clock.advance(h.portal.config.sessionTimeoutMs + 1000);
    const full = await page2.submit('frmRecuperar:btnBuscar', { 'frmRecuperar:txtCedula': '1712345600' }, false);
    expect(full.res.status).toBe(302);
    expect(String(full.res.headers.location)).toContain('sesionExpirada.jsf');
  });

  it('keeps the session alive while the user is active', async () => {
    const page = await openRecover(h);
    h.clock.advance(h.portal.config.sessionTimeoutMs - 1000);
    await search(h, page, UNREGISTERED_CEDULA);
    h.clock.advance(h.portal.config.sessionTimeoutMs - 1000);
    expect((await search(h, page, persona('ana').cedula)).html).toContain('Validación de identidad');
  });

  it('answers a stale view state with a ViewExpiredException page', async () => {
    const page = await openRecover(h);
    const stale = page.viewState;
    await openRecover(h); // a second tab issues a new view state
    page.viewState = stale;
    const r = await search(h, page, persona('ana').cedula);
    expect(r.redirect).toBe('/iess-gestion-desbloqueo-publico-web/errorWeb/viewExpired.jsf');
    const body = (await h.client.get(`${h.urls.app}${r.redirect}`)).body;
    expect(body).toContain('ViewExpiredException');
  });

  it('treats a POST without a session cookie as an expired view', async () => {
    const page = await openRecover(h);
    h.client.clearCookies();
    const r = await search(h, page, persona('ana').cedula);
    expect(r.redirect).toContain('viewExpired.jsf');
  });
});

describe('mail delivery', () => {
  it('holds a slow mail until its delay has passed (persona delay + deliveryDelayMs)', async () => {
    const slow = await startPortal({ deliveryDelayMs: 5000 });
    try {
      const { html } = await verified(slow, 'hector');
      expect(html).toContain('h***@example.net');
      expect(slow.portal.world.inbox.latest('hector')).toBeUndefined();
      const inbox = await slow.client.get(`${slow.urls.sim}/correo/?buzon=hector`);
      expect(inbox.body).toContain('1 correo(s) en camino');
      slow.clock.advance(94_000);
      expect(slow.portal.world.inbox.latest('hector')).toBeUndefined();
      slow.clock.advance(1_000);
      expect(slow.portal.world.inbox.latest('hector')?.link?.text).toBe('Clic para Continuar');
    } finally {
      await slow.portal.stop();
    }
  });

  it('honours a custom link validity', async () => {
    const quick = await startPortal({ linkValidityMs: 10_000 });
    try {
      const { html } = await verified(quick, 'ana');
      expect(html).toContain('vigente durante 10 segundos');
      quick.clock.advance(11_000);
      expect((await openMailLink(quick, 'ana')).html).toContain('El enlace ha caducado');
    } finally {
      await quick.portal.stop();
    }
  });
});

describe('JsfPage helper sanity', () => {
  it('parses forms', async () => {
    const page = new JsfPage(h.client, `${h.urls.app}${RECOVER_PATH}`);
    await page.open();
    expect(page.formId).toBe('frmRecuperar');
    expect(page.action).toBe(`${h.urls.app}/iess-gestion-desbloqueo-publico-web/index.jsf`);
  });
});
