/** Shared steps of the affiliate flow for the HTTP tests. */
import { expect } from 'vitest';
import { buildRound } from '../../portal/flows/recover';
import { personaById, type Persona } from '../../portal/personas';
import { captchaToken, JsfPage, type Harness } from './helpers';

export const RECOVER_PATH = '/iess-gestion-desbloqueo-publico-web/';

export function persona(id: string): Persona {
  const p = personaById(id);
  if (!p) throw new Error(id);
  return p;
}

/** Answers for the round the server is showing; `wrong` breaks the birth day. */
export function answers(h: Harness, p: Persona, round: number, wrong = false): Record<string, string> {
  const record = h.portal.world.person(p.cedula);
  if (!record) throw new Error(p.id);
  const r = buildRound(record, round);
  const out: Record<string, string> = {
    'frmRecuperar:txtDia': String(wrong ? (p.birthDay % 28) + 1 : p.birthDay),
    'frmRecuperar:txtMes': String(p.birthMonth),
  };
  r.labour.forEach((q, i) => (out[`frmRecuperar:${['j_idt61', 'j_idt67'][i]}`] = q.answer));
  r.personal.forEach((q, i) => (out[`frmRecuperar:${['j_idt73', 'j_idt79'][i]}`] = record.personal.find((a) => a.question === q)?.answer ?? ''));
  return out;
}

export async function openRecover(h: Harness): Promise<JsfPage> {
  const page = new JsfPage(h.client, `${h.urls.app}${RECOVER_PATH}`);
  await page.open();
  return page;
}

export async function search(h: Harness, page: JsfPage, cedula: string, token?: string) {
  return page.submit('frmRecuperar:btnBuscar', {
    'frmRecuperar:txtCedula': cedula,
    'g-recaptcha-response': token ?? (await captchaToken(h)),
  });
}

/** identity + verification for a persona; returns the page and the HTML after verification. */
export async function verified(h: Harness, id: string): Promise<{ page: JsfPage; html: string }> {
  const p = persona(id);
  const page = await openRecover(h);
  const found = await search(h, page, p.cedula);
  expect(found.html).toContain('Validación de identidad');
  const next = await page.submit('frmRecuperar:btnContinuar', answers(h, p, 0));
  return { page, html: next.html };
}

export async function openMailLink(h: Harness, owner: string): Promise<JsfPage> {
  const href = h.portal.world.inbox.latest(owner)?.link?.href;
  if (!href) throw new Error(`no mail link for ${owner}`);
  const page = new JsfPage(h.client, href);
  await page.open();
  return page;
}
