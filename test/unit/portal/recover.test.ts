// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildRound } from '../../portal/flows/recover';
import { personaById, type Persona } from '../../portal/personas';
import { captchaToken, JsfPage, usePortal, type Harness } from './helpers';

const h = usePortal();
/** The variant whose verification step asks the birth day and month with lists. */
const lists = usePortal({ birthDateAs: 'lists' });

const entry = () => `${h.urls.app}/iess-gestion-desbloqueo-publico-web/`;
const persona = (id: string): Persona => {
  const p = personaById(id);
  if (!p) throw new Error(id);
  return p;
};

/** Correct answers for the round the server is showing. */
function answers(p: Persona, round: number, portal: Harness = h): Record<string, string> {
  const record = portal.portal.world.person(p.cedula);
  if (!record) throw new Error(p.id);
  const r = buildRound(record, round);
  const out: Record<string, string> = { 'frmRecuperar:txtDia': String(p.birthDay).padStart(2, '0'), 'frmRecuperar:txtMes': String(p.birthMonth) };
  r.labour.forEach((q, i) => (out[`frmRecuperar:${['j_idt61', 'j_idt67'][i]}`] = q.answer));
  r.personal.forEach((q, i) => (out[`frmRecuperar:${['j_idt73', 'j_idt79'][i]}`] = record.personal.find((a) => a.question === q)?.answer.toUpperCase() ?? ''));
  return out;
}

async function identify(p: Persona, ajax = true, portal: Harness = h): Promise<{ page: JsfPage; html: string }> {
  const page = new JsfPage(portal.client, `${portal.urls.app}/iess-gestion-desbloqueo-publico-web/`);
  const first = await page.open();
  expect(first.status).toBe(200);
  const token = await captchaToken(portal);
  const { html } = await page.submit('frmRecuperar:btnBuscar', { 'frmRecuperar:txtCedula': p.cedula, 'g-recaptcha-response': token }, ajax);
  return { page, html };
}

async function followLink(owner: string): Promise<JsfPage> {
  const mail = h.portal.world.inbox.latest(owner);
  expect(mail?.link?.text).toBe('Clic para Continuar');
  const href = mail?.link?.href ?? '';
  expect(new URL(href).host).toBe(new URL(h.urls.app).host);
  const page = new JsfPage(h.client, href);
  const res = await page.open();
  expect(res.status).toBe(200);
  return page;
}

async function finishKey(page: JsfPage, form: string): Promise<string> {
  const accept = await page.submit(`${form}:btnAceptarTerminos`, { [`${form}:chkAcepto`]: 'on' });
  expect(accept.html).toContain('Nueva clave');
  expect(accept.html).toMatch(/readonly/);
  const done = await page.submit(`${form}:btnGenerar`, { [`${form}:txtClave`]: 'Nueva2025', [`${form}:txtConfirmacion`]: 'Nueva2025' });
  return done.html;
}

describe('Generar / Recuperar clave over HTTP', () => {
  it('serves the entry page with a session cookie, the CAPTCHA and a JSF form', async () => {
    const res = await h.client.get(entry());
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^JSESSIONID=/);
    expect(res.body).toContain('<form id="frmRecuperar"');
    expect(res.body).toContain('name="frmRecuperar:txtCedula"');
    expect(res.body).toContain('class="g-recaptcha" data-sitekey=');
    expect(res.body).toContain(`<iframe title="reCAPTCHA"`);
    expect(res.body).toContain(`src="${h.urls.sim}/captcha/anchor?`);
    expect(res.body).toContain('id="g-recaptcha-response" name="g-recaptcha-response"');
    expect(res.body).toMatch(/name="javax\.faces\.ViewState" id="j_id1:javax\.faces\.ViewState:0" value="H4sI[^"]{500,}"/);
  });

  it('recovers with a mail link: identity → verification → email sent → terms → new key → done (AJAX)', async () => {
    const ana = persona('ana');
    const { page, html } = await identify(ana);
    expect(html).toContain('id="frmRecuperar:pnlContenido"');
    expect(html).toContain(ana.name);
    expect(html).toContain('DÍA y MES');
    const sent = await page.submit('frmRecuperar:btnContinuar', answers(ana, 0));
    expect(sent.html).toContain('a***@example.com');
    expect(sent.html).toContain('vigente durante 3 minutos');
    const link = await followLink('ana');
    expect(link.html).toContain('Acepto los términos y condiciones de uso');
    expect(await finishKey(link, 'frmClave')).toContain('Su clave ha sido generada exitosamente');
  });

  it('keeps working without JavaScript: full-page POSTs return whole documents', async () => {
    const ana = persona('ana');
    const { page, html } = await identify(ana, false);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Validación de identidad');
    const sent = await page.submit('frmRecuperar:btnContinuar', answers(ana, 0), false);
    expect(sent.html).toMatch(/^<!DOCTYPE html>/);
    expect(sent.html).toContain('a***@example.com');
  });

  it('answers an AJAX POST with a partial-response that updates the region and the view state', async () => {
    const page = new JsfPage(h.client, entry());
    await page.open();
    const before = page.viewState;
    const r = await page.submit('frmRecuperar:btnBuscar', { 'frmRecuperar:txtCedula': persona('ana').cedula, 'g-recaptcha-response': await captchaToken(h) });
    expect(String(r.res.headers['content-type'])).toContain('text/xml');
    expect(r.res.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<partial-response id="j_id1"><changes><update id="frmRecuperar:pnlContenido"><!\[CDATA\[/);
    expect(r.res.body).toContain('<update id="j_id1:javax.faces.ViewState:0">');
    expect(page.viewState).not.toBe(before);
  });
});

describe('the variant that asks the birth date with lists', () => {
  it('shows a day list and a month list by name, and checks the chosen values as the typed ones', async () => {
    const ana = persona('ana');
    const { page, html } = await identify(ana, true, lists);
    expect(html).toContain('<select id="frmRecuperar:txtDia" name="frmRecuperar:txtDia"');
    expect(html).toContain('<option value="3">Marzo</option>');
    expect(html).not.toContain('<input id="frmRecuperar:txtDia"');
    // A list posts its option's value: the month's number, the day without a leading zero.
    const wrong = await page.submit('frmRecuperar:btnContinuar', { ...answers(ana, 0, lists), 'frmRecuperar:txtMes': '4' });
    expect(wrong.html).toContain('<select id="frmRecuperar:txtMes"');
    expect(wrong.html).not.toContain('a***@example.com');
    const sent = await page.submit('frmRecuperar:btnContinuar', { ...answers(ana, 1, lists), 'frmRecuperar:txtDia': String(ana.birthDay) });
    expect(sent.html).toContain('a***@example.com');
  });
});
