/** "Desbloqueo de clave" (app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf). */
import { html, type SafeHtml } from '../html';
import { card, commandButton, input, jsfForm, messages, pageDocument, type Message } from '../layout';
import { durationText, type PageContext } from './common';
import { RECOVER_ENTRY } from './recover';

export const UNLOCK_APP = '/iess-gestion-desbloqueo-clave-web';
export const UNLOCK_PAGE = `${UNLOCK_APP}/public/desbloquearClave.jsf`;
export const UNLOCK_LINK_PATH = `${UNLOCK_APP}/public/confirmarDesbloqueo.jsf`;
export const UNLOCK_TITLE = 'Desbloqueo de clave';
export const UNLOCK_FORM = 'frmDesbloqueo';
export const UNLOCK_REGION = `${UNLOCK_FORM}:pnlContenido`;
export const UF = { cedula: `${UNLOCK_FORM}:txtCedula`, unlock: `${UNLOCK_FORM}:btnDesbloquear` } as const;

export type UnlockView =
  | { step: 'identity'; cedula?: string; messages?: Message[] }
  | { step: 'email-sent'; maskedEmail: string; validityMs: number };

export function unlockRegion(_pc: PageContext, v: UnlockView): SafeHtml {
  if (v.step === 'email-sent') {
    const sent: Message = {
      severity: 'info',
      summary: 'Información:',
      detail: `Se envió un enlace a su correo electrónico ${v.maskedEmail}, el mismo estará vigente durante ${durationText(v.validityMs)}.`,
    };
    return html`<div id="${UNLOCK_REGION}" class="ui-outputpanel ui-widget" data-paso="email-sent">${messages(`${UNLOCK_FORM}:msgs`, [sent])}
<p>Revise su correo electrónico y haga clic en el enlace para desbloquear su clave. Se abrirá una nueva pestaña.</p>
<p class="enlaces"><a href="${UNLOCK_PAGE}">Volver</a></p></div>`;
  }
  return html`<div id="${UNLOCK_REGION}" class="ui-outputpanel ui-widget" data-paso="identity">${messages(`${UNLOCK_FORM}:msgs`, v.messages ?? [])}
<p>Ingrese el número de cédula y dé clic en desbloquear. Se enviará un enlace a su correo electrónico registrado.</p>
<p><small>Requisito: haber registrado su huella dactilar en un Centro de Atención Universal (CAU).</small></p>
${input({ id: UF.cedula, label: 'Número de cédula', value: v.cedula ?? '', maxlength: 10, inputmode: 'numeric', md: true })}
${commandButton({ id: UF.unlock, label: 'Desbloquear', update: UNLOCK_REGION })}</div>`;
}

export function unlockDocument(pc: PageContext, v: UnlockView): SafeHtml {
  return pageDocument({
    title: `IESS - ${UNLOCK_TITLE}`,
    body: card(UNLOCK_TITLE, jsfForm(UNLOCK_FORM, UNLOCK_PAGE, pc.viewState, unlockRegion(pc, v))),
  });
}

/** The new tab the mail link opens once the account is unlocked. */
export function unlockedDocument(pc: Pick<PageContext, 'urls'>): SafeHtml {
  const done: Message = {
    severity: 'info',
    summary: 'Desbloqueo exitoso:',
    detail: 'Estimado afiliado, su clave de acceso a los servicios del portal IESS ha sido desbloqueada.',
  };
  return pageDocument({
    title: `IESS - ${UNLOCK_TITLE}`,
    script: false,
    body: card(
      UNLOCK_TITLE,
      html`${messages('msgsDesbloqueo', [done])}<p>Para ingresar necesita una clave nueva: use la opción «Generar / Recuperar clave».</p>
<p class="enlaces"><a href="${pc.urls.app}${RECOVER_ENTRY}">Generar / Recuperar clave</a></p>`,
    ),
  });
}
