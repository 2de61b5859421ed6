/**
 * "Generar / Recuperar clave" (app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/). Every step is
 * rendered inside one region (frmX:pnlContenido) so the server can send it as an AJAX partial update
 * or as a full page; the same functions feed the offline state catalogue.
 */
import { captchaWidget } from '../captcha';
import { html, type SafeHtml } from '../html';
import { card, commandButton, input, jsfForm, messages, pageDocument, radioGroup, selectOne, type Message } from '../layout';
import { PERSONAL_QUESTION_BANK, type ChoiceQuestion } from '../personas';
import { durationText, fid, imageGrid, keypad, KEY_RULE_TEXT, type PageContext } from './common';

export const RECOVER_APP = '/iess-gestion-desbloqueo-publico-web';
export const RECOVER_ENTRY = `${RECOVER_APP}/`;
export const RECOVER_ACTION = `${RECOVER_APP}/index.jsf`;
export const KEY_LINK_PATH = `${RECOVER_APP}/public/generarClave.jsf`;
export const RECOVER_TITLE = 'Generar / Recuperar clave';

/** Forms: the entry page uses frmRecuperar, the page opened from the mail link uses frmClave. */
export type RecoverForm = 'frmRecuperar' | 'frmClave';
export const regionId = (form: RecoverForm): string => `${form}:pnlContenido`;

/** Stable names for the fields; some are auto-generated j_idtNN ids, as on the real stack. */
export const RF = {
  cedula: 'txtCedula',
  captcha: 'captcha',
  search: 'btnBuscar',
  names: 'txtNombres',
  idNumber: 'txtIdentificacion',
  day: 'txtDia',
  month: 'txtMes',
  labour: ['j_idt61', 'j_idt67'],
  personal: ['j_idt73', 'j_idt79'],
  verify: 'btnContinuar',
  cancel: 'btnCancelar',
  email: 'txtCorreo',
  emailConfirm: 'txtConfirmarCorreo',
  mobile: 'txtCelular',
  landline: 'txtConvencional',
  profileImage: 'rdImagen',
  questions: ['somPregunta1', 'somPregunta2', 'somPregunta3'],
  answers: ['txtRespuesta1', 'txtRespuesta2', 'txtRespuesta3'],
  back: 'btnAtras',
  next: 'btnSiguiente',
  saveProfile: 'btnAceptar',
  image: 'rdImagenSeguridad',
  imageContinue: 'j_idt88',
  code: 'txtCodigo',
  validateCode: 'btnValidar',
  resendCode: 'btnReenviar',
  accept: 'chkAcepto',
  acceptButton: 'btnAceptarTerminos',
  key: 'txtClave',
  keyConfirm: 'txtConfirmacion',
  keypad: 'tecladoVirtual',
  generate: 'btnGenerar',
} as const;

export interface ProfileValues {
  email: string;
  emailConfirm: string;
  mobile: string;
  landline: string;
  image: string;
  questions: [string, string, string];
  answers: [string, string, string];
}

export const emptyProfile = (): ProfileValues => ({
  email: '',
  emailConfirm: '',
  mobile: '',
  landline: '',
  image: '',
  questions: ['', '', ''],
  answers: ['', '', ''],
});

export interface VerificationRound {
  labour: ChoiceQuestion[];
  personal: string[];
}

export type RecoverView =
  | { step: 'identity'; cedula?: string; messages?: Message[] }
  | {
      step: 'verification';
      name: string;
      cedula: string;
      round: VerificationRound;
      remaining: number;
      day?: string;
      month?: string;
      /** The day and month chosen from lists (config `birthDateAs: 'lists'`); typed numbers when absent. */
      birthAs?: 'lists';
      messages?: Message[];
    }
  | { step: 'profile'; tab: 0 | 1 | 2; values: ProfileValues; messages?: Message[] }
  | { step: 'security-image'; messages?: Message[] }
  | { step: 'email-sent'; maskedEmail: string; validityMs: number }
  | { step: 'no-email'; cedula: string }
  | { step: 'code'; maskedEmail: string; secondsLeft: number; messages?: Message[] }
  | { step: 'terms'; messages?: Message[] }
  | { step: 'new-key'; messages?: Message[] }
  | { step: 'done' };

const f = fid;

function identityPanel(form: RecoverForm, pc: PageContext, v: Extract<RecoverView, { step: 'identity' }>): SafeHtml {
  return html`<h2>Paso 1: Identificación</h2>
<p>Ingrese su número de cédula o código de identificación y marque la casilla «No soy un robot».</p>
${input({ id: f(form, RF.cedula), label: 'Cédula o código', value: v.cedula ?? '', maxlength: 10, inputmode: 'numeric', md: true, requiredMessage: 'Ingrese su cédula o código.' })}
${captchaWidget(f(form, RF.captcha), pc.urls.sim, pc.urls.app)}
${commandButton({ id: f(form, RF.search), label: 'Buscar', update: regionId(form) })}`;
}

function birthNumbers(form: RecoverForm, v: Extract<RecoverView, { step: 'verification' }>): SafeHtml {
  return html`<p>Ingrese el DÍA y MES de su nacimiento en números.</p>
<div class="ui-g"><div class="ui-g-12 ui-md-6">${input({ id: f(form, RF.day), label: 'Día de nacimiento', value: v.day ?? '', maxlength: 2, inputmode: 'numeric', md: true })}</div>
<div class="ui-g-12 ui-md-6">${input({ id: f(form, RF.month), label: 'Mes de nacimiento', value: v.month ?? '', maxlength: 2, inputmode: 'numeric', md: true })}</div></div>`;
}

const MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];

/** The lists variant: "--" (value 0) then the days by number, the months by name (value = number). */
function birthLists(form: RecoverForm, v: Extract<RecoverView, { step: 'verification' }>): SafeHtml {
  const days = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), text: String(i + 1) }));
  const months = MONTHS.map((text, i) => ({ value: String(i + 1), text }));
  return html`<p>Seleccione el DÍA y el MES de su nacimiento.</p>
<div class="ui-g"><div class="ui-g-12 ui-md-6">${selectOne(f(form, RF.day), 'Día de nacimiento', days, v.day)}</div>
<div class="ui-g-12 ui-md-6">${selectOne(f(form, RF.month), 'Mes de nacimiento', months, v.month)}</div></div>`;
}

function verificationPanel(form: RecoverForm, v: Extract<RecoverView, { step: 'verification' }>): SafeHtml {
  return html`<h2>Paso 2: Validación de identidad</h2>
<div class="ui-g"><div class="ui-g-12 ui-md-6">${input({ id: f(form, RF.names), label: 'Nombres', value: v.name, readonly: true, md: true })}</div>
<div class="ui-g-12 ui-md-6">${input({ id: f(form, RF.idNumber), label: 'Cédula', value: v.cedula, readonly: true, md: true })}</div></div>
${v.birthAs === 'lists' ? birthLists(form, v) : birthNumbers(form, v)}
<p>Responda las siguientes preguntas sobre su historia laboral (información registrada en el IESS):</p>
${v.round.labour.map(
  (q, i) =>
    html`<fieldset class="pregunta pregunta-laboral"><legend>${q.text}</legend>${radioGroup(f(form, RF.labour[i] ?? `j_idt9${i}`), q.options)}</fieldset>`,
)}
${
  v.round.personal.length > 0
    ? html`<p>Responda sus preguntas personales de seguridad:</p>${v.round.personal.map(
        (q, i) =>
          html`<fieldset class="pregunta pregunta-personal"><legend>${q}</legend>${input({ id: f(form, RF.personal[i] ?? `j_idt8${i}`), label: 'Respuesta', md: true, autocomplete: 'off' })}</fieldset>`,
      )}`
    : ''
}
<p class="intentos">Intentos restantes: ${v.remaining}</p>
${commandButton({ id: f(form, RF.verify), label: 'Continuar', update: regionId(form) })}
${commandButton({ id: f(form, RF.cancel), label: 'Cancelar', update: regionId(form), secondary: true })}`;
}

const TAB_TITLES = ['Datos de contacto', 'Imagen de seguridad', 'Preguntas personales'] as const;

/** p:wizard style: all three tabs stay in the DOM; the inactive ones are hidden with display:none. */
function profilePanel(form: RecoverForm, v: Extract<RecoverView, { step: 'profile' }>): SafeHtml {
  const tab = (i: number, content: SafeHtml) =>
    html`<div id="${f(form, `tab${i}`)}" class="ui-wizard-content ui-tabs-panel"${i === v.tab ? '' : html` style="display:none" aria-hidden="true"`}>${content}</div>`;
  const values = v.values;
  return html`<h2>Paso 3: Banco de datos del afiliado</h2>
<div id="${f(form, 'wizDatos')}" class="ui-wizard ui-widget">
<ul class="wizard-nav ui-wizard-step-titles">${TAB_TITLES.map(
    (t, i) => html`<li class="ui-wizard-step-title ui-state-default${i === v.tab ? ' ui-state-highlight' : ''}">${t}</li>`,
  )}</ul>
${tab(
  0,
  html`<p>Registre sus datos de contacto. A este correo se enviará el enlace para generar su clave.</p>
${input({ id: f(form, RF.email), label: 'Correo electrónico', type: 'email', value: values.email, md: true, autocomplete: 'email' })}
${input({ id: f(form, RF.emailConfirm), label: 'Confirme su correo electrónico', type: 'email', value: values.emailConfirm, md: true })}
${input({ id: f(form, RF.mobile), label: 'Teléfono celular', type: 'tel', value: values.mobile, maxlength: 10, md: true })}
${input({ id: f(form, RF.landline), label: 'Teléfono convencional', type: 'tel', value: values.landline, maxlength: 9, md: true })}`,
)}
${tab(1, html`<p>Seleccione una imagen de seguridad. La reconocerá cuando ingrese al portal.</p>${imageGrid(f(form, RF.profileImage), values.image)}`)}
${tab(
  2,
  html`<p>Elija tres preguntas personales y escriba sus respuestas. Se las pediremos para validar su identidad.</p>
${[0, 1, 2].map(
  (i) => html`<div class="pregunta"><label for="${f(form, RF.questions[i] ?? '')}">Pregunta ${i + 1}</label>
<select id="${f(form, RF.questions[i] ?? '')}" name="${f(form, RF.questions[i] ?? '')}" class="ui-selectonemenu ui-widget ui-state-default ui-corner-all">
<option value="">Seleccione…</option>${PERSONAL_QUESTION_BANK.map(
    (q) => html`<option value="${q}"${values.questions[i] === q ? html` selected` : ''}>${q}</option>`,
  )}</select>
${input({ id: f(form, RF.answers[i] ?? ''), label: 'Respuesta', value: values.answers[i] ?? '', md: true, autocomplete: 'off' })}</div>`,
)}`,
)}
<div class="ui-wizard-navbar">
${v.tab > 0 ? commandButton({ id: f(form, RF.back), label: 'Atrás', update: regionId(form), secondary: true }) : ''}
${v.tab < 2 ? commandButton({ id: f(form, RF.next), label: 'Siguiente', update: regionId(form) }) : commandButton({ id: f(form, RF.saveProfile), label: 'Aceptar', update: regionId(form) })}
</div></div>`;
}

function securityImagePanel(form: RecoverForm): SafeHtml {
  return html`<h2>Paso 3: Imagen de seguridad</h2>
<p>Seleccione la imagen de seguridad que eligió cuando generó su clave.</p>
${imageGrid(f(form, RF.image))}
${commandButton({ id: f(form, RF.imageContinue), label: 'Continuar', update: regionId(form) })}`;
}

function emailSentPanel(v: Extract<RecoverView, { step: 'email-sent' }>): SafeHtml {
  return html`<h2>Correo enviado</h2>
<p>Revise su bandeja de entrada y la carpeta de correo no deseado. Haga clic en «Clic para Continuar» dentro del correo.</p>
<p class="vigencia">El enlace estará vigente durante ${durationText(v.validityMs)}. Si caduca, deberá iniciar el proceso nuevamente.</p>
<p class="enlaces"><a href="${RECOVER_ENTRY}">Volver al inicio</a></p>`;
}

function codePanel(form: RecoverForm, v: Extract<RecoverView, { step: 'code' }>): SafeHtml {
  const mm = String(Math.floor(v.secondsLeft / 60)).padStart(2, '0');
  const ss = String(v.secondsLeft % 60).padStart(2, '0');
  return html`<h2>Verificación código OTP</h2>
<p>Ingrese el código de 6 dígitos enviado a ${v.maskedEmail}.</p>
<p>El código vence en <span id="${f(form, 'contador')}" class="contador" data-countdown-seconds="${v.secondsLeft}">${mm}:${ss}</span></p>
${input({ id: f(form, RF.code), label: 'Código de verificación', maxlength: 6, inputmode: 'numeric', autocomplete: 'one-time-code', md: true })}
${commandButton({ id: f(form, RF.validateCode), label: 'Validar', update: regionId(form) })}
${commandButton({ id: f(form, RF.resendCode), label: 'Reenviar código', update: regionId(form), secondary: true })}`;
}

export const TERMS_PARAGRAPHS = [
  'La clave personal es de uso exclusivo e intransferible del afiliado, jubilado o pensionista.',
  'El titular es responsable de todas las transacciones realizadas con su clave y se compromete a no compartirla con terceros, tramitadores ni intermediarios.',
  'El IESS nunca solicitará su clave por teléfono, correo electrónico o redes sociales.',
  'La clave podrá ser bloqueada por seguridad después de varios intentos fallidos de ingreso.',
];

function termsPanel(form: RecoverForm): SafeHtml {
  return html`<h2>Términos y condiciones de uso</h2>
<div class="terminos" tabindex="0">${TERMS_PARAGRAPHS.map((p) => html`<p>${p}</p>`)}</div>
<div class="campo"><div class="ui-chkbox ui-widget"><input type="checkbox" id="${f(form, RF.accept)}" name="${f(form, RF.accept)}" value="on">
<label for="${f(form, RF.accept)}">Acepto los términos y condiciones de uso</label></div></div>
${commandButton({ id: f(form, RF.acceptButton), label: 'Aceptar', update: regionId(form) })}`;
}

function newKeyPanel(form: RecoverForm): SafeHtml {
  const key = f(form, RF.key);
  const confirm = f(form, RF.keyConfirm);
  return html`<h2>Generación de clave</h2>
<p>Use el teclado virtual para escribir su nueva clave. ${KEY_RULE_TEXT}</p>
${input({ id: key, label: 'Nueva clave', type: 'password', readonly: true, maxlength: 15, md: true, extra: html` data-keypad="true"` })}
${input({ id: confirm, label: 'Confirmar clave', type: 'password', readonly: true, maxlength: 15, md: true, extra: html` data-keypad="true"` })}
${keypad(f(form, RF.keypad), [key, confirm])}
${commandButton({ id: f(form, RF.generate), label: 'Generar la clave', update: regionId(form) })}`;
}

function donePanel(pc: PageContext): SafeHtml {
  return html`<h2>Clave generada</h2>
<p>Ya puede ingresar a los servicios en línea del IESS con su cédula y su nueva clave.</p>
<p class="enlaces"><a href="${pc.urls.www}/afiliado-web/pages/principal.jsf">Ingresar a Servicios en línea</a></p>`;
}

function noEmailPanel(): SafeHtml {
  return html`<h2>Correo electrónico no registrado</h2>
<p>Para continuar acérquese a un Centro de Atención Universal (CAU) del IESS con su cédula de identidad para registrar su correo electrónico.</p>
<p class="enlaces"><a href="${RECOVER_ENTRY}">Volver al inicio</a></p>`;
}

/** Messages a step shows by itself (e.g. the "email sent" notice), before any error. */
export function stepMessages(v: RecoverView): Message[] {
  switch (v.step) {
    case 'email-sent':
      return [
        {
          severity: 'info',
          summary: 'Correo enviado:',
          detail: `Se ha enviado un correo electrónico a ${v.maskedEmail} con un enlace para continuar con la generación de su clave.`,
        },
      ];
    case 'no-email':
      return [
        {
          severity: 'error',
          summary: 'Error:',
          detail: 'El afiliado no tiene un correo electrónico registrado en el IESS. No es posible enviar el enlace para generar la clave.',
        },
      ];
    case 'done':
      return [{ severity: 'info', summary: 'Información:', detail: 'Su clave ha sido generada exitosamente.' }];
    default:
      return v.messages ?? [];
  }
}

export function recoverRegion(form: RecoverForm, pc: PageContext, v: RecoverView): SafeHtml {
  let body: SafeHtml;
  switch (v.step) {
    case 'identity':
      body = identityPanel(form, pc, v);
      break;
    case 'verification':
      body = verificationPanel(form, v);
      break;
    case 'profile':
      body = profilePanel(form, v);
      break;
    case 'security-image':
      body = securityImagePanel(form);
      break;
    case 'email-sent':
      body = emailSentPanel(v);
      break;
    case 'no-email':
      body = noEmailPanel();
      break;
    case 'code':
      body = codePanel(form, v);
      break;
    case 'terms':
      body = termsPanel(form);
      break;
    case 'new-key':
      body = newKeyPanel(form);
      break;
    case 'done':
      body = donePanel(pc);
      break;
  }
  return html`<div id="${regionId(form)}" class="ui-outputpanel ui-widget" data-paso="${v.step}">${messages(`${form}:msgs`, stepMessages(v))}${body}</div>`;
}

export function recoverDocument(form: RecoverForm, pc: PageContext, v: RecoverView): SafeHtml {
  const action = form === 'frmRecuperar' ? RECOVER_ACTION : KEY_LINK_PATH;
  return pageDocument({
    title: `IESS - ${RECOVER_TITLE}`,
    body: card(RECOVER_TITLE, jsfForm(form, action, pc.viewState, recoverRegion(form, pc, v))),
  });
}
