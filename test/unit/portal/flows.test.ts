// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPLOYERS, UNREGISTERED_RUC } from '../../portal/personas';
import { captchaToken, JsfPage, usePortal } from './helpers';
import { answers, openMailLink, openRecover, persona, search, verified } from './scenario';

const h = usePortal();

describe('first-time generation (data bank wizard)', () => {
  it('walks the wizard tabs, validates each, and sends the link to the new email', async () => {
    const { page, html } = await verified(h, 'bruno');
    expect(html).toContain('Banco de datos');
    expect(html).toMatch(/id="frmRecuperar:tab1"[^>]*style="display:none"/);
    const all = {
      'frmRecuperar:txtCorreo': 'bruno.nuevo@example.com',
      'frmRecuperar:txtConfirmarCorreo': 'bruno.nuevo@example.com',
      'frmRecuperar:txtCelular': '0991234567',
      'frmRecuperar:txtConvencional': '042345678',
    };
    const bad = await page.submit('frmRecuperar:btnSiguiente', { ...all, 'frmRecuperar:txtCelular': '12' });
    expect(bad.html).toContain('El teléfono celular debe tener 10 dígitos');
    const tab1 = await page.submit('frmRecuperar:btnSiguiente', all);
    expect(tab1.html).toMatch(/id="frmRecuperar:tab0"[^>]*style="display:none"/);
    expect(tab1.html).toContain('value="bruno.nuevo@example.com"');
    const noImage = await page.submit('frmRecuperar:btnSiguiente', all);
    expect(noImage.html).toContain('Seleccione una imagen de seguridad');
    const withImage = { ...all, 'frmRecuperar:rdImagen': 'barco' };
    const tab2 = await page.submit('frmRecuperar:btnSiguiente', withImage);
    expect(tab2.html).toContain('Preguntas personales');
    const back = await page.submit('frmRecuperar:btnAtras', withImage);
    expect(back.html).toMatch(/id="frmRecuperar:tab1" class="ui-wizard-content ui-tabs-panel">/);
    await page.submit('frmRecuperar:btnSiguiente', withImage);
    const questions = {
      'frmRecuperar:somPregunta1': '¿Cuál es su comida favorita?',
      'frmRecuperar:somPregunta2': '¿Cuál fue su primer trabajo?',
      'frmRecuperar:somPregunta3': '¿En qué ciudad nació su madre?',
      'frmRecuperar:txtRespuesta1': 'Guatita',
      'frmRecuperar:txtRespuesta2': 'Pescador',
      'frmRecuperar:txtRespuesta3': 'Manta',
    };
    const dup = await page.submit('frmRecuperar:btnAceptar', { ...withImage, ...questions, 'frmRecuperar:somPregunta3': '¿Cuál es su comida favorita?' });
    expect(dup.html).toContain('Seleccione tres preguntas distintas');
    const sent = await page.submit('frmRecuperar:btnAceptar', { ...withImage, ...questions });
    expect(sent.html).toContain('b***@example.com');
    const mail = h.portal.world.inbox.latest('bruno');
    expect(mail?.to).toBe('bruno.nuevo@example.com');
    const link = await openMailLink(h, 'bruno');
    await link.submit('frmClave:btnAceptarTerminos', { 'frmClave:chkAcepto': 'on' });
    const done = await link.submit('frmClave:btnGenerar', { 'frmClave:txtClave': 'Bruno2025', 'frmClave:txtConfirmacion': 'Bruno2025' });
    expect(done.html).toContain('Su clave ha sido generada exitosamente');
    // Next time he is asked his own personal questions.
    const record = h.portal.world.person(persona('bruno').cedula);
    expect(record?.personal.map((q) => q.answer)).toEqual(['Guatita', 'Pescador', 'Manta']);
  });
});

describe('OTP-code variant', () => {
  it('sends a 6-digit code, counts down, resends, rejects wrong and expired codes, then finishes', async () => {
    const { page, html } = await verified(h, 'diego');
    expect(html).toContain('d***@example.org');
    expect(html).toContain('maxlength="6"');
    expect(html).toMatch(/data-countdown-seconds="180">03:00</);
    expect(html).toContain('Reenviar código');
    const code1 = h.portal.world.inbox.latest('diego')?.code ?? '';
    expect(code1).toMatch(/^\d{6}$/);
    const wrongCode = code1 === '000000' ? '111111' : '000000';
    const wrong = await page.submit('frmRecuperar:btnValidar', { 'frmRecuperar:txtCodigo': wrongCode });
    expect(wrong.html).toContain('El código ingresado es incorrecto. Le quedan 2 intentos.');
    h.clock.advance(h.portal.config.codeValidityMs + 1000);
    const expired = await page.submit('frmRecuperar:btnValidar', { 'frmRecuperar:txtCodigo': code1 });
    expect(expired.html).toContain('El código ha caducado');
    const resent = await page.submit('frmRecuperar:btnReenviar');
    expect(resent.html).toContain('Se envió un nuevo código');
    h.clock.advance(30_000);
    const code2 = h.portal.world.inbox.latest('diego')?.code ?? '';
    const ok = await page.submit('frmRecuperar:btnValidar', { 'frmRecuperar:txtCodigo': code2 });
    expect(ok.html).toContain('Acepto los términos y condiciones de uso');
    await page.submit('frmRecuperar:btnAceptarTerminos', { 'frmRecuperar:chkAcepto': 'on' });
    const done = await page.submit('frmRecuperar:btnGenerar', { 'frmRecuperar:txtClave': 'Diego123', 'frmRecuperar:txtConfirmacion': 'Diego123' });
    expect(done.html).toContain('Su clave ha sido generada exitosamente');
  });
});

describe('Desbloqueo de clave', () => {
  const unlockUrl = () => `${h.urls.app}/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf`;
  const unlock = async (cedula: string) => {
    const page = new JsfPage(h.client, unlockUrl());
    await page.open();
    expect(page.html).toContain('desbloquear');
    return { page, r: await page.submit('frmDesbloqueo:btnDesbloquear', { 'frmDesbloqueo:txtCedula': cedula }) };
  };

  it('sends a 3-minute link that unlocks the account, then recovery works', async () => {
    const elena = persona('elena');
    const { r } = await unlock(elena.cedula);
    expect(r.html).toContain('e***@example.com');
    expect(r.html).toContain('vigente durante 3 minutos');
    const href = h.portal.world.inbox.latest('elena')?.link?.href ?? '';
    expect(href).toContain('/iess-gestion-desbloqueo-clave-web/public/confirmarDesbloqueo.jsf?token=');
    const done = await h.client.get(href);
    expect(done.body).toContain('su clave de acceso a los servicios del portal IESS ha sido desbloqueada');
    expect(done.body).toContain(`href="${h.urls.app}/iess-gestion-desbloqueo-publico-web/"`);
    expect(h.portal.world.person(elena.cedula)?.blocked).toBe(false);
    expect((await h.client.get(href)).body).toContain('El enlace ya fue utilizado');
    const page = await openRecover(h);
    expect((await search(h, page, elena.cedula)).html).toContain('Validación de identidad');
    expect((await page.submit('frmRecuperar:btnContinuar', answers(h, elena, 0))).html).toContain('Correo enviado');
  });

  it('expires the unlock link', async () => {
    await unlock(persona('elena').cedula);
    h.clock.advance(h.portal.config.linkValidityMs + 1);
    const href = h.portal.world.inbox.latest('elena')?.link?.href ?? '';
    expect((await h.client.get(href)).body).toContain('El enlace ha caducado');
    expect(h.portal.world.person(persona('elena').cedula)?.blocked).toBe(true);
  });

  it('explains the failure cases', async () => {
    expect((await unlock(persona('gloria').cedula)).r.html).toContain('no registra huella dactilar');
    expect((await unlock(persona('ana').cedula)).r.html).toContain('no se encuentra bloqueada');
    expect((await unlock('1711223345')).r.html).toContain('Cédula No se Encuentra Registrada en el IESS.');
    expect((await unlock('2305678945')).r.html).toContain('no es válido');
  });
});

describe('employer recovery', () => {
  const employerUrl = () => `${h.urls.www}/empleador-web/pages/public/recuperarClave.jsf`;
  const start = async () => {
    const page = new JsfPage(h.client, employerUrl());
    await page.open();
    return page;
  };
  const validate = async (page: JsfPage, ruc: string, sucursal: string, rep: string, token?: string) =>
    page.submit('frmRecuperarClave:btnValidar', {
      'frmRecuperarClave:txtRuc': ruc,
      'frmRecuperarClave:txtSucursal': sucursal,
      'frmRecuperarClave:j_id21': rep,
      'g-recaptcha-response': token ?? (await captchaToken(h)),
    });

  for (const employer of EMPLOYERS) {
    it(`recovers the ${employer.flow} key with a mailed code (${employer.ruc})`, async () => {
      const page = await start();
      expect(page.html).toMatch(/action="\/empleador-web\/pages\/public\/recuperarClave\.jsf;jsessionid=[A-F0-9]+\.nodo1"/);
      expect(page.html).toContain('value="0001"');
      const code = await validate(page, employer.ruc, employer.sucursal, employer.representativeCedula);
      expect(code.html).toContain('Se envio un codigo de verificacion');
      const mailed = h.portal.world.inbox.latest(employer.id)?.code ?? '';
      const key = await page.submit('frmRecuperarClave:btnValidarCodigo', { 'frmRecuperarClave:j_id34': mailed });
      expect(key.html).toContain('type="password"');
      const mismatch = await page.submit('frmRecuperarClave:btnGuardar', { 'frmRecuperarClave:txtNuevaClave': 'Emp12345', 'frmRecuperarClave:txtConfirmarClave': 'Emp12346' });
      expect(mismatch.html).toContain('no coinciden');
      const done = await page.submit('frmRecuperarClave:btnGuardar', { 'frmRecuperarClave:txtNuevaClave': 'Emp12345', 'frmRecuperarClave:txtConfirmarClave': 'Emp12345' });
      expect(done.html).toContain('Su clave ha sido generada exitosamente');
    });
  }

  it('rejects malformed, unknown and mismatching data, and a missing CAPTCHA', async () => {
    const company = EMPLOYERS[0];
    if (!company) throw new Error('no employer');
    const page = await start();
    const malformed = await validate(page, '17900000', '1', '0908765432');
    expect(malformed.html).toContain('El RUC debe tener 13 digitos.');
    expect(malformed.html).toContain('La sucursal debe tener 4 digitos');
    expect(malformed.html).toContain('La cedula del representante legal no es valida.');
    expect((await validate(page, UNREGISTERED_RUC, '0001', company.representativeCedula)).html).toContain('NO se encuentra registrado como empleador');
    expect((await validate(page, company.ruc, '0002', company.representativeCedula)).html).toContain('no coinciden');
    expect((await validate(page, company.ruc, '0001', company.representativeCedula, '')).html).toContain('Debe validar el captcha');
  });

  it('blocks after repeated wrong codes', async () => {
    const company = EMPLOYERS[0];
    if (!company) throw new Error('no employer');
    const page = await start();
    await validate(page, company.ruc, company.sucursal, company.representativeCedula);
    const real = h.portal.world.inbox.latest(company.id)?.code;
    const wrong = real === '000000' ? '111111' : '000000';
    await page.submit('frmRecuperarClave:btnValidarCodigo', { 'frmRecuperarClave:j_id34': wrong });
    await page.submit('frmRecuperarClave:btnValidarCodigo', { 'frmRecuperarClave:j_id34': wrong });
    const blocked = await page.submit('frmRecuperarClave:btnValidarCodigo', { 'frmRecuperarClave:j_id34': wrong });
    expect(blocked.html).toContain('se encuentra bloqueada');
  });
});

describe('Cambio de clave and the login pages', () => {
  it('needs the current key; people who forgot it are pointed to Generar / Recuperar clave', async () => {
    const page = new JsfPage(h.client, `${h.urls.www}/afiliado-web/pages/public/cambioClave.jsf`);
    await page.open();
    expect(page.html).toContain('Clave actual');
    expect(page.html).toContain(`${h.urls.app}/iess-gestion-desbloqueo-publico-web/`);
    const cedula = persona('ana').cedula;
    const noAgree = await page.submit('frmCambioClave:btnCambiarClave', { 'frmCambioClave:txtCedula': cedula, 'frmCambioClave:txtClaveActual': 'Clave2024' });
    expect(noAgree.html).toContain('Debe aceptar el acuerdo');
    const wrong = await page.submit('frmCambioClave:btnCambiarClave', { 'frmCambioClave:txtCedula': cedula, 'frmCambioClave:txtClaveActual': 'otra', 'frmCambioClave:chkAcuerdo': 'on' });
    expect(wrong.html).toContain('clave actual incorrecta');
    const next = await page.submit('frmCambioClave:btnCambiarClave', { 'frmCambioClave:txtCedula': cedula, 'frmCambioClave:txtClaveActual': 'Clave2024', 'frmCambioClave:chkAcuerdo': 'on' });
    expect(next.html).toContain('Confirmar nueva clave');
    const done = await page.submit('frmCambioClave:btnAceptar', { 'frmCambioClave:txtNuevaClave': 'Nueva999', 'frmCambioClave:txtConfirmarClave': 'Nueva999' });
    expect(done.html).toContain('Su clave ha sido cambiada exitosamente');
  });

  it('links the home page to the login, and the login page to the flows', async () => {
    const home = await h.client.get(`${h.urls.www}/`);
    expect(home.body).toContain(`href="${h.urls.www}/afiliado-web/pages/principal.jsf"`);
    const login = await h.client.get(`${h.urls.www}/afiliado-web/pages/principal.jsf`);
    expect(login.body).toContain('>Generar / Recuperar clave</a>');
    expect(login.body).toContain(`href="${h.urls.app}/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf"`);
    expect(login.body).toContain('>Cambio de clave</a>');
    const failed = await h.client.post(`${h.urls.www}/afiliado-web/j_security_check`, { j_username: persona('ana').cedula, j_password: 'mala' });
    expect(failed.body).toContain('Usuario o clave incorrectos');
    const ok = await h.client.post(`${h.urls.www}/afiliado-web/j_security_check`, { j_username: persona('ana').cedula, j_password: 'Clave2024' });
    expect(ok.body).toContain('Bienvenido(a)');
    const employerLogin = await h.client.get(`${h.urls.www}/empleador-web/pages/principal.jsf`);
    expect(employerLogin.body).toContain('/empleador-web/pages/public/recuperarClave.jsf');
  });
});

describe('practice tools on the non-IESS host', () => {
  it('routes by Host: loopback and localhost get the practice pages, IESS hosts the apps', async () => {
    const sim = await h.client.get(`${h.urls.sim}/`);
    expect(sim.body).toContain('Portal de práctica');
    const local = await h.client.get(`http://localhost:${h.port}/correo/`);
    expect(local.body).toContain('Buzón de práctica');
    expect(local.headers['set-cookie']).toBeUndefined();
    const notFound = await h.client.get(`${h.urls.app}/otra-app/`);
    expect(notFound.status).toBe(404);
    expect(notFound.body).toContain('SIMULACIÓN');
  });

  it('lists delivered mails with their link to the IESS app host, per mailbox and as JSON', async () => {
    await verified(h, 'ana');
    const inbox = await h.client.get(`${h.urls.sim}/correo/?buzon=ana`);
    expect(inbox.body).toContain('Clic para Continuar');
    expect(inbox.body).toContain(`href="${h.urls.app}/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf?token=`);
    expect(inbox.body).toContain('notificaciones@iess.gob.ec');
    const other = await h.client.get(`${h.urls.sim}/correo/?buzon=carmen`);
    expect(other.body).not.toContain('Clic para Continuar');
    const json = JSON.parse((await h.client.get(`${h.urls.sim}/correo/api/mensajes?buzon=ana`)).body) as Array<{ owner: string }>;
    expect(json.map((m) => m.owner)).toEqual(['ana']);
  });

  it('serves the CAPTCHA frame, which posts its token to the parent origin only', async () => {
    const entry = await h.client.get(`${h.urls.app}/iess-gestion-desbloqueo-publico-web/`);
    const src = /<iframe title="reCAPTCHA"[^>]* src="([^"]+)"/.exec(entry.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(new URL(src).origin).toBe(h.urls.sim);
    const frame = await h.client.get(src);
    expect(frame.body).toContain('No soy un robot');
    expect(frame.body).toContain('La verificación caducó. Vuelve a marcar la casilla.');
    expect(frame.body).toContain(`"parentOrigin":"${h.urls.app}"`);
    const verify = JSON.parse((await h.client.post(`${h.urls.sim}/captcha/verify`, { k: 'x' })).body) as { token: string; ttlMs: number };
    expect(verify.token.length).toBeGreaterThan(100);
    expect(verify.ttlMs).toBe(h.portal.config.captchaTtlMs);
  });
});
