/**
 * The practice mailbox: recovery mails "sent" by the simulated portal, visible once their delivery
 * time has passed. Served on the non-IESS host and styled so it cannot pass for a real webmail.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { html, trusted, type SafeHtml } from './html';
import { banner, TITLE_PREFIX } from './layout';

export const SENDER = 'Notificaciones seguridad IESS <notificaciones@iess.gob.ec>';

export interface Mail {
  id: string;
  to: string;
  /** Persona or employer id, for the per-person mailbox and for tests. */
  owner: string;
  subject: string;
  paragraphs: string[];
  link?: { href: string; text: string };
  code?: string;
  sentAt: number;
  deliverAt: number;
}

export type NewMail = Omit<Mail, 'id' | 'sentAt' | 'deliverAt'> & { delayMs: number };

export class Inbox {
  private readonly mails: Mail[] = [];
  constructor(private readonly clock: Clock) {}

  send(mail: NewMail): Mail {
    const now = this.clock.now();
    const { delayMs, ...rest } = mail;
    const stored: Mail = { ...rest, id: randomBytes(6).toString('hex'), sentAt: now, deliverAt: now + delayMs };
    this.mails.push(stored);
    return stored;
  }

  /** Delivered mails, newest first; optionally for one owner. */
  delivered(owner?: string): Mail[] {
    const now = this.clock.now();
    return this.mails
      .filter((m) => m.deliverAt <= now && (owner === undefined || m.owner === owner))
      .sort((a, b) => b.sentAt - a.sentAt);
  }

  pending(owner?: string): Mail[] {
    const now = this.clock.now();
    return this.mails.filter((m) => m.deliverAt > now && (owner === undefined || m.owner === owner));
  }

  latest(owner: string): Mail | undefined {
    return this.delivered(owner)[0];
  }

  clear(): void {
    this.mails.length = 0;
  }
}

const STYLE = `
body{margin:0;padding-top:58px;font-family:"Courier New",monospace;background:#fdf6e3;color:#222}
.sim-banner{position:fixed;top:0;left:0;right:0;z-index:2147483647;min-height:58px;display:flex;align-items:center;justify-content:center;
  padding:6px 12px;background:repeating-linear-gradient(-45deg,#ffd400 0 18px,#111 18px 36px);border-bottom:3px solid #d00000}
.sim-banner strong{background:#fff;color:#b00000;border:3px solid #d00000;padding:6px 14px;font-size:16px;text-align:center}
main{max-width:900px;margin:0 auto;padding:16px}
h1{font-size:22px;border-bottom:4px dashed #d00000;padding-bottom:6px}
.aviso{background:#fff;border:2px dashed #555;padding:8px 12px}
.buzones a{margin-right:12px}
article{background:#fff;border:2px solid #333;margin:14px 0;padding:10px 14px}
article header{font-size:12px;color:#555;border-bottom:1px solid #ccc;margin-bottom:8px}
article h2{font-size:16px;margin:4px 0}
.codigo{font-size:26px;letter-spacing:6px;font-weight:700}
.continuar{display:inline-block;background:#0b3c74;color:#fff;padding:8px 16px;text-decoration:none;margin:6px 0}
.pendiente{color:#8a5a00}
`;

const fmtTime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

export interface InboxView {
  owner?: string;
  owners: ReadonlyArray<{ id: string; email: string }>;
  mails: readonly Mail[];
  pending: readonly Mail[];
}

export function renderInbox(view: InboxView): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${TITLE_PREFIX}Buzón de práctica</title><style>${trusted(STYLE)}</style></head>
<body class="buzon-practica">
${banner()}
<main>
<h1>📮 Buzón de práctica (correo simulado)</h1>
<p class="aviso">Este buzón solo existe en el portal de práctica. Los correos son ficticios y nunca salen de este equipo.
Los enlaces llevan al IESS <em>simulado</em> (mismo puerto).</p>
<nav class="buzones">Buzones: <a href="/correo/">todos</a>${view.owners.map(
    (o) => html` <a href="/correo/?buzon=${encodeURIComponent(o.id)}">${o.email}</a>`,
  )}</nav>
<p class="pendiente">${view.pending.length > 0 ? `${view.pending.length} correo(s) en camino…` : ''} <a href="">Actualizar</a></p>
${view.mails.length === 0 ? html`<p>No hay correos${view.owner ? ' en este buzón' : ''}.</p>` : ''}
${view.mails.map(
    (m) => html`<article class="correo" data-owner="${m.owner}" data-mail-id="${m.id}">
<header>De: ${SENDER}<br>Para: ${m.to}<br>Enviado: ${fmtTime(m.sentAt)} · Recibido: ${fmtTime(m.deliverAt)}</header>
<h2>${m.subject}</h2>
${m.paragraphs.map((p) => html`<p>${p}</p>`)}
${m.code ? html`<p class="codigo" data-code="${m.code}">${m.code}</p>` : ''}
${m.link ? html`<p><a class="continuar" href="${m.link.href}" target="_blank" rel="noopener">${m.link.text}</a></p><p><small>${m.link.href}</small></p>` : ''}
</article>`,
  )}
</main></body></html>`;
}
