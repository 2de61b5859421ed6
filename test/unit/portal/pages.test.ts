// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANNER_TEXT, TITLE_PREFIX } from '../../portal/layout';
import { startPortal, type Harness } from './helpers';
import { verified } from './scenario';
import { externalUrls } from './urls';

let h: Harness;
beforeAll(async () => {
  h = await startPortal();
  await verified(h, 'ana'); // so the inbox has a mail with a link
});
afterAll(async () => {
  await h.portal.stop();
});

const pages = (): string[] => {
  const app = h.urls.app;
  const www = h.urls.www;
  return [
    `${www}/`,
    `${www}/afiliado-web/pages/principal.jsf`,
    `${www}/afiliado-web/pages/public/cambioClave.jsf`,
    `${www}/empleador-web/pages/principal.jsf`,
    `${www}/empleador-web/pages/public/recuperarClave.jsf`,
    `${app}/iess-gestion-desbloqueo-publico-web/`,
    `${app}/iess-gestion-desbloqueo-publico-web/index.jsf`,
    `${app}/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf?token=nope`,
    `${app}/iess-gestion-desbloqueo-publico-web/errorWeb/sesionExpirada.jsf`,
    `${app}/iess-gestion-desbloqueo-publico-web/errorWeb/viewExpired.jsf`,
    `${app}/iess-gestion-desbloqueo-publico-web/errorWeb/errorAplicacion.jsf`,
    `${app}/iess-gestion-desbloqueo-publico-web/?sobrecarga=1`,
    `${app}/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf`,
    `${app}/iess-gestion-desbloqueo-clave-web/public/confirmarDesbloqueo.jsf?token=nope`,
    `${app}/no-existe`,
    `${h.urls.sim}/`,
    `${h.urls.sim}/correo/`,
    `${h.urls.sim}/correo/?buzon=ana`,
  ];
};

describe('every served page', () => {
  it('shows the SIMULACIÓN banner and title prefix', async () => {
    for (const url of pages()) {
      const res = await h.client.get(url);
      expect(res.body, url).toContain(BANNER_TEXT);
      expect(res.body, url).toContain(`<title>${TITLE_PREFIX}`);
      expect(res.headers['x-simulacion'], url).toBeDefined();
    }
  });

  it('references no external URL (only loopback and the simulated IESS hosts)', async () => {
    const entry = await h.client.get(`${h.urls.app}/iess-gestion-desbloqueo-publico-web/`);
    const frame = /<iframe title="reCAPTCHA"[^>]* src="([^"]+)"/.exec(entry.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    for (const url of [...pages(), frame]) {
      const res = await h.client.get(url);
      expect(externalUrls(res.body), url).toEqual([]);
    }
  });

  it('uses the JSF / PrimeFaces / Serenity markup', async () => {
    const { body } = await h.client.get(`${h.urls.app}/iess-gestion-desbloqueo-publico-web/`);
    expect(body).toContain('<body class="landing-body">');
    expect(body).toContain('<div class="landing-wrapper">');
    expect(body).toContain('<div class="ui-g ui-fluid"><div class="ui-g-12"><div class="card card-w-title"><h1>Generar / Recuperar clave</h1>');
    expect(body).toContain('<form id="frmRecuperar" name="frmRecuperar" method="post" action="/iess-gestion-desbloqueo-publico-web/index.jsf"');
    expect(body).toContain('<input type="hidden" name="frmRecuperar" value="frmRecuperar">');
    expect(body).toContain('<span class="md-inputfield"><input id="frmRecuperar:txtCedula" name="frmRecuperar:txtCedula" type="text" value="" class="ui-inputfield ui-inputtext ui-widget ui-state-default ui-corner-all"');
    expect(body).toContain('class="ui-button ui-widget ui-state-default ui-corner-all ui-button-text-only"');
    expect(body).toContain('<span class="ui-button-text ui-c">Buscar</span>');
    expect(body).toContain('<div id="frmRecuperar:msgs" class="ui-messages ui-widget" aria-live="polite">');
  });
});
