/**
 * Employer "Recuperar clave" on the legacy www app (empleador-web): RichFaces-era look, plain labels
 * without accents, j_idNN ids and `;jsessionid=` in the form action.
 */
import { captchaWidget } from '../captcha';
import { html, type SafeHtml } from '../html';
import { commandButton, jsfForm, messages, pageDocument, type Message } from '../layout';
import { KEY_RULE_TEXT, type PageContext } from './common';

export const EMPLOYER_APP = '/empleador-web';
export const EMPLOYER_PAGE = `${EMPLOYER_APP}/pages/public/recuperarClave.jsf`;
export const EMPLOYER_LOGIN = `${EMPLOYER_APP}/pages/principal.jsf`;
export const EMPLOYER_FORM = 'frmRecuperarClave';
export const EMPLOYER_REGION = `${EMPLOYER_FORM}:pnlRecuperar`;
export const EF = {
  ruc: `${EMPLOYER_FORM}:txtRuc`,
  sucursal: `${EMPLOYER_FORM}:txtSucursal`,
  representative: `${EMPLOYER_FORM}:j_id21`,
  captcha: `${EMPLOYER_FORM}:captcha`,
  validate: `${EMPLOYER_FORM}:btnValidar`,
  code: `${EMPLOYER_FORM}:j_id34`,
  validateCode: `${EMPLOYER_FORM}:btnValidarCodigo`,
  resend: `${EMPLOYER_FORM}:btnReenviarCodigo`,
  key: `${EMPLOYER_FORM}:txtNuevaClave`,
  keyConfirm: `${EMPLOYER_FORM}:txtConfirmarClave`,
  save: `${EMPLOYER_FORM}:btnGuardar`,
} as const;

export type EmployerView =
  | { step: 'identity'; ruc?: string; sucursal?: string; representative?: string; messages?: Message[] }
  | { step: 'code'; maskedEmail: string; secondsLeft: number; messages?: Message[] }
  | { step: 'new-key'; messages?: Message[] }
  | { step: 'done' };

const INPUT_CLASS = 'ui-inputfield ui-inputtext ui-widget ui-state-default ui-corner-all';

function row(id: string, label: string, value: string, maxlength: number, type = 'text'): SafeHtml {
  return html`<tr><td><label for="${id}">${label}</label></td><td><input id="${id}" name="${id}" type="${type}" value="${value}" maxlength="${maxlength}" class="${INPUT_CLASS}"${
    type === 'text' ? html` inputmode="numeric"` : ''
  }></td></tr>`;
}

const panel = (title: string, body: SafeHtml): SafeHtml =>
  html`<div class="rich-panel"><div class="rich-panel-header">${title}</div><div class="rich-panel-body">${body}</div></div>`;

export function employerRegion(pc: PageContext, v: EmployerView): SafeHtml {
  let body: SafeHtml;
  let own: Message[] = [];
  switch (v.step) {
    case 'identity':
      body = panel(
        'Recuperar clave de empleador',
        html`<p>Ingrese el RUC, la sucursal y la cedula del representante legal. Empleador domestico: RUC = cedula + 000, sucursal 0001.</p>
<table class="formulario"><tbody>
${row(EF.ruc, 'Numero de RUC:', v.ruc ?? '', 13)}
${row(EF.sucursal, 'Sucursal:', v.sucursal ?? '0001', 4)}
${row(EF.representative, 'Cedula del Representante Legal:', v.representative ?? '', 10)}
</tbody></table>
${captchaWidget(EF.captcha, pc.urls.sim, pc.urls.www)}
${commandButton({ id: EF.validate, label: 'Validar', update: EMPLOYER_REGION })}`,
      );
      break;
    case 'code': {
      own = [{ severity: 'info', summary: 'Informacion:', detail: `Se envio un codigo de verificacion al correo ${v.maskedEmail}.` }];
      const mm = String(Math.floor(v.secondsLeft / 60)).padStart(2, '0');
      const ss = String(v.secondsLeft % 60).padStart(2, '0');
      body = panel(
        'Codigo de verificacion',
        html`<p>Ingrese el codigo de 6 digitos recibido en su correo. Tiempo restante: <span class="contador" data-countdown-seconds="${v.secondsLeft}">${mm}:${ss}</span></p>
<table class="formulario"><tbody>${row(EF.code, 'Codigo:', '', 6)}</tbody></table>
${commandButton({ id: EF.validateCode, label: 'Validar', update: EMPLOYER_REGION })}
${commandButton({ id: EF.resend, label: 'Reenviar codigo', update: EMPLOYER_REGION, secondary: true })}`,
      );
      break;
    }
    case 'new-key':
      body = panel(
        'Nueva clave',
        html`<p>${KEY_RULE_TEXT}</p><table class="formulario"><tbody>
${row(EF.key, 'Nueva clave:', '', 15, 'password')}
${row(EF.keyConfirm, 'Confirmar clave:', '', 15, 'password')}
</tbody></table>${commandButton({ id: EF.save, label: 'Guardar', update: EMPLOYER_REGION })}`,
      );
      break;
    case 'done':
      own = [{ severity: 'info', summary: 'Informacion:', detail: 'Su clave ha sido generada exitosamente.' }];
      body = panel(
        'Clave de empleador',
        html`<p>Ya puede ingresar al Sistema de Empleadores con su RUC y su nueva clave.</p><p class="enlaces"><a href="${EMPLOYER_LOGIN}">Ingresar al Sistema de Empleadores</a></p>`,
      );
      break;
  }
  const list = [...own, ...(v.step === 'done' ? [] : (v.messages ?? []))];
  return html`<div id="${EMPLOYER_REGION}" data-paso="${v.step}">${messages(`${EMPLOYER_FORM}:msgs`, list)}${body}</div>`;
}

export function employerDocument(pc: PageContext, v: EmployerView): SafeHtml {
  const action = `${EMPLOYER_PAGE}${pc.jsessionid ? `;jsessionid=${pc.jsessionid}` : ''}`;
  return pageDocument({
    title: 'IESS - Sistema de Empleadores - Recuperar Clave',
    legacy: true,
    body: html`<div class="card">${jsfForm(EMPLOYER_FORM, action, pc.viewState, employerRegion(pc, v))}</div>`,
  });
}
