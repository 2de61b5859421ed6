/** Static-ish pages on www.iess.gob.ec: home, affiliate and employer logins, "Cambio de clave". */
import { html, type SafeHtml } from '../html';
import { card, commandButton, input, jsfForm, messages, pageDocument, type Message } from '../layout';
import { KEY_RULE_TEXT, type PageContext } from './common';
import { EMPLOYER_LOGIN, EMPLOYER_PAGE } from './employer';
import { RECOVER_ENTRY } from './recover';
import { UNLOCK_PAGE } from './unlock';

export const AFILIADO_APP = '/afiliado-web';
export const AFILIADO_LOGIN = `${AFILIADO_APP}/pages/principal.jsf`;
export const CHANGE_KEY_PAGE = `${AFILIADO_APP}/pages/public/cambioClave.jsf`;
export const CHANGE_FORM = 'frmCambioClave';
export const CHANGE_REGION = `${CHANGE_FORM}:pnlCambio`;
export const CF = {
  cedula: `${CHANGE_FORM}:txtCedula`,
  current: `${CHANGE_FORM}:txtClaveActual`,
  agree: `${CHANGE_FORM}:chkAcuerdo`,
  change: `${CHANGE_FORM}:btnCambiarClave`,
  key: `${CHANGE_FORM}:txtNuevaClave`,
  keyConfirm: `${CHANGE_FORM}:txtConfirmarClave`,
  accept: `${CHANGE_FORM}:btnAceptar`,
} as const;

export function homeDocument(pc: Pick<PageContext, 'urls'>): SafeHtml {
  return pageDocument({
    title: 'IESS - Instituto Ecuatoriano de Seguridad Social',
    script: false,
    body: card(
      'Trámites virtuales',
      html`<p>Seleccione su perfil para acceder a los servicios en línea.</p>
<ul class="enlaces menu-tramites">
<li><a href="${pc.urls.www}${AFILIADO_LOGIN}">Asegurados: Afiliados</a></li>
<li><a href="${pc.urls.www}${AFILIADO_LOGIN}">Asegurados: Pensionistas</a></li>
<li><a href="${pc.urls.www}${EMPLOYER_LOGIN}">Empleadores</a></li>
</ul>`,
    ),
  });
}

export interface LoginView {
  who: 'afiliado' | 'empleador';
  messages?: Message[];
}

/** A container-managed login (j_security_check) with the links into the recovery flows. */
export function loginDocument(pc: Pick<PageContext, 'urls'>, v: LoginView): SafeHtml {
  const afiliado = v.who === 'afiliado';
  const action = `${afiliado ? AFILIADO_APP : '/empleador-web'}/j_security_check`;
  const links = afiliado
    ? html`<a href="${pc.urls.app}${RECOVER_ENTRY}">Generar / Recuperar clave</a>
<a href="${pc.urls.app}${UNLOCK_PAGE}">Desbloquear clave</a>
<a href="${pc.urls.www}${CHANGE_KEY_PAGE}">Cambio de clave</a>`
    : html`<a href="${pc.urls.www}${EMPLOYER_PAGE}">Recuperar clave</a>`;
  return pageDocument({
    title: afiliado ? 'IESS - Servicios en línea para afiliados' : 'IESS - Sistema de Empleadores',
    legacy: true,
    script: false,
    body: card(
      afiliado ? 'Afiliado / Pensionista: Ingreso' : 'Empleador: Ingreso',
      html`${messages('msgsLogin', v.messages ?? [])}
<form id="frmLogin" name="frmLogin" method="post" action="${action}">
${input({ id: 'j_username', label: afiliado ? 'Cédula' : 'RUC / Usuario', maxlength: afiliado ? 10 : 13, inputmode: 'numeric' })}
${input({ id: 'j_password', label: 'Clave', type: 'password', maxlength: 15 })}
<button type="submit" id="frmLogin:btnIngresar" name="frmLogin:btnIngresar" class="ui-button ui-widget ui-state-default ui-corner-all ui-button-text-only"><span class="ui-button-text">Ingresar</span></button>
</form>
<p class="enlaces">${links}</p>`,
    ),
  });
}

export function welcomeDocument(name: string): SafeHtml {
  return pageDocument({
    title: 'IESS - Servicios en línea',
    script: false,
    body: card('Servicios en línea', html`<p>Bienvenido(a), ${name}. (Simulación: aquí terminaría el ingreso.)</p>`),
  });
}

export type ChangeKeyView =
  | { step: 'change-key'; cedula?: string; messages?: Message[] }
  | { step: 'change-new'; messages?: Message[] }
  | { step: 'done' };

export function changeKeyRegion(pc: PageContext, v: ChangeKeyView): SafeHtml {
  let body: SafeHtml;
  let list = v.step === 'done' ? [] : (v.messages ?? []);
  if (v.step === 'change-key') {
    body = html`<p>Para cambiar su clave ingrese su cédula y su clave actual.</p>
${input({ id: CF.cedula, label: 'Cédula', value: v.cedula ?? '', maxlength: 10, inputmode: 'numeric' })}
${input({ id: CF.current, label: 'Clave actual', type: 'password', maxlength: 15 })}
<div class="campo"><input type="checkbox" id="${CF.agree}" name="${CF.agree}" value="on"> <label for="${CF.agree}">Acepto el acuerdo de responsabilidad de uso de la clave</label></div>
${commandButton({ id: CF.change, label: 'Cambiar Clave', update: CHANGE_REGION })}
<p class="enlaces"><small>¿Olvidó su clave? Use <a href="${pc.urls.app}${RECOVER_ENTRY}">Generar / Recuperar clave</a>.</small></p>`;
  } else if (v.step === 'change-new') {
    body = html`<p>${KEY_RULE_TEXT}</p>
${input({ id: CF.key, label: 'Nueva clave', type: 'password', maxlength: 15 })}
${input({ id: CF.keyConfirm, label: 'Confirmar nueva clave', type: 'password', maxlength: 15 })}
${commandButton({ id: CF.accept, label: 'Aceptar', update: CHANGE_REGION })}`;
  } else {
    list = [{ severity: 'info', summary: 'Información:', detail: 'Su clave ha sido cambiada exitosamente.' }];
    body = html`<p class="enlaces"><a href="${pc.urls.www}${AFILIADO_LOGIN}">Ingresar a Servicios en línea</a></p>`;
  }
  return html`<div id="${CHANGE_REGION}" data-paso="${v.step}">${messages(`${CHANGE_FORM}:msgs`, list)}${body}</div>`;
}

export function changeKeyDocument(pc: PageContext, v: ChangeKeyView): SafeHtml {
  const action = `${CHANGE_KEY_PAGE}${pc.jsessionid ? `;jsessionid=${pc.jsessionid}` : ''}`;
  return pageDocument({
    title: 'IESS - Cambio de clave',
    legacy: true,
    body: card('Cambio de clave', jsfForm(CHANGE_FORM, action, pc.viewState, changeKeyRegion(pc, v))),
  });
}
