/**
 * The detector's knowledge, as data. Each step has a table of weighted evidence; a rule fires when all its
 * probes match. A new wording is one regex alternative or one line here. All patterns run on folded text
 * (no accents, lower case, single spaces), so write them that way: "cedula", not "Cédula".
 */
import type { AlertId, FlowId, StepId } from './vocabulary';
import type { FieldKind, Severity } from './features';

export interface FieldProbe {
  label?: RegExp;
  /** Rejects a field whose label matches (e.g. a "código" that is really "cédula o código"). */
  not?: RegExp;
  key?: RegExp;
  kinds?: readonly FieldKind[];
  maxLength?: readonly [number, number];
  /** Default true: read-only fields (the name shown back to the person) are not entry fields. */
  editable?: boolean;
  /** How many matching fields are needed (default 1). */
  min?: number;
  /** Option count of a select: 12 for months, 28–31 for days. */
  options?: readonly [number, number];
  numeric?: boolean;
  /** `autocomplete` tokens: chosen by the page's authors, never translated. */
  autocomplete?: RegExp;
  /** Class names of the control (PrimeFaces widgets). */
  widget?: RegExp;
}

export type Count = 'fields' | 'entries' | 'passwords' | 'radioGroups' | 'checkboxes' | 'imageChoices' | 'keypadKeys' | 'forms' | 'oneCharBoxes';

export type Probe =
  | { field: FieldProbe }
  | { button: RegExp }
  | { link: RegExp }
  /** `stated`: only what the heading states; a question heading ("¿Qué hago si…?") asks about a state. */
  | { heading: RegExp; stated?: boolean }
  | { message: RegExp; severity?: readonly Severity[] }
  | { text: RegExp }
  /** Visible text with its questions removed: what the page states, not what its FAQ asks. */
  | { statement: RegExp }
  | { path: RegExp }
  /** The page's path or a form's action: which web app this is. */
  | { app: RegExp }
  | { count: Count; min?: number; max?: number }
  | { flag: 'captcha' | 'antiBot' };

export interface Rule {
  w: number;
  all: readonly Probe[];
}

// ---- shared vocabulary (folded) -------------------------------------------------------------------------
// Spanish as the portal writes it, and English as a browser translator renders it (Chrome, Firefox).
export const W = {
  cedula: /\bcedula|\bc\.? ?i\.?\b|identificacion|documento de identidad|numero de documento|\bdni\b|codigo (de )?(afiliado|iess|unico)|\bid\b|identity (card|document|number)|identification|id (card|number)|citizen(ship)? (card|id|number)|affiliate code|iess code/,
  ruc: /\bruc\b|registro unico|single (taxpayer|registry)|taxpayer/,
  sucursal: /sucursal|establecimiento|\bbranch\b|establishment/,
  representative: /representante|rep\. legal|legal representative/,
  key: /\bclave|contrasena|password|\bpin\b|\bkey\b/,
  newKey: /nuev[ao]s? (clave|contrasena)|(clave|contrasena) nuev[ao]|(crear|generar|defina|definir|establecer|escriba|ingrese) (su |una |la )?(nueva )?(clave|contrasena)|new (password|key)|(create|set|choose|enter|generate|type) (a |your |the )?(new )?(password|key)/,
  confirmKey: /confirm|repet|repit|vuelva a (ingresar|escribir|digitar)|verificar (la |su )?(clave|contrasena)|reingrese|otra vez|repeat|re-?enter|retype|again/,
  currentKey: /(clave|contrasena) (actual|anterior|vigente)|actual (clave|contrasena)|(clave|contrasena) que (usa|tiene)|(current|old|present|existing) (password|key)/,
  birth: /nacimiento|\bdia\b|\bmes\b|\bano\b|fecha de nac|birth|\bday\b|\bmonth\b|\byear\b/,
  question: /pregunta|respuesta|historia laboral|empresa(s)? (en la que|donde|ha trabajado)|empleador (en|de)|afilio|question|answer|(employment|work|labou?r) history|employer (in|of)|worked/,
  email: /correo|e-?mail|electronico|\bmail\b/,
  /** Where a mail went: the words, or an address shown (often masked, "j****z@hotmail.com"). */
  mailbox: /correo|e-?mail|electronico|buzon|\bmail\b|inbox|mailbox|[a-z0-9*._-]@[a-z0-9*-]+\.[a-z]{2,}/,
  phone: /celular|telefono|movil|convencional|\bfono\b|\bcell|mobile|phone|landline/,
  image: /\bimagen(es)?\b|\bfigura\b|\bfoto\b|\bicono\b|\bimages?\b|\bpictures?\b|\bphoto\b|\bicon\b/,
  code: /\bcodigo\b|\botp\b|\btoken\b|\bpin\b|verificacion|\bcode\b|verification/,
  terms: /terminos|condiciones (de uso|generales)|acuerdo de (uso|responsabilidad|confidencialidad)|politica(s)? de (uso|privacidad)|responsabilidad (de|sobre) (su |el )?uso|\bterms\b|conditions of use|terms and conditions|privacy policy|user agreement/,
  accept: /\bacept|de acuerdo|\bconforme|he leido|\bconsiento|\baccept|\bagree|i have read|\bconsent/,
  recoveryLink:
    /(generar|recuper|olvid|restablec|reestablec|desbloque|reset|crear|obtener|solicitar)\w*.{0,30}(clave|contrasena|password)|(clave|contrasena)\W+.{0,25}(olvid|bloquead|desbloque)|^(generar|recuperar|desbloquear)$|(generate|recover|forgot|reset|unlock|restore|create|obtain|request|retrieve)\w*.{0,30}(password|\bkey\b)|(password|\bkey\b)\W+.{0,25}(forgot|blocked|locked|unlock|recover)/,
  sent: /(se (le )?(ha|han)? ?envi|hemos enviado|(hemos|le hemos|se (le )?ha) remitido|le remitimos|le enviamos|enviamos|fue enviad|ha sido enviad|se remiti|se envio|se ha remitido|revise su (correo|bandeja|email)|revisar su (correo|bandeja)|llegara (a su|un)|recibira (un|en su)|(has|have) been sent|(we|we've|we have) (have )?sent|was sent|(has|have) been (e-?mailed|forwarded)|check your (e-?mail|inbox|mail)|you will receive|will arrive)/,
  done: /(clave|contrasena)\W+(\w+ ){0,6}(generad|cread|registrad|actualizad|cambiad|restablecid|reestablecid|modificad|asignad)\w* (con )?(exito|exitosamente|correctamente|satisfactoriamente)|(clave|contrasena)\W+(\w+ ){0,3}se (genero|creo|registro|actualizo|cambio|restablecio|reestablecio|modifico|asigno) (con )?(exito|exitosamente|correctamente|satisfactoriamente)|(exitosamente|con exito|correctamente) (su )?(nueva )?(clave|contrasena)|(clave|contrasena|cuenta|usuario)\W+(\w+ ){0,8}(ha sido |fue |esta |se ha |ha quedado )?desbloquead|desbloqueo (exitoso|realizado|completado)|(proceso|operacion|tramite|solicitud) (finalizad[oa]|completad[oa]|concluid[oa]|realizad[oa]|procesad[oa]) (con exito|exitosamente|correctamente)|(ya )?puede (ingresar|acceder) (al|a los) (sistema|portal|servicios)|(password|\bkey\b)\W+(\w+ ){0,6}(successfully|correctly) (generated|created|registered|updated|changed|reset|restored|modified|assigned|set)|(password|\bkey\b)\W+(\w+ ){0,6}(generated|created|registered|updated|changed|reset|restored|modified|assigned|set)( \w+){0,2} (successfully|correctly)|successfully (generated|created|changed|reset|updated) (your |the )?(new )?(password|key)|(password|\bkey\b|account|user)\W+(\w+ ){0,8}(has been |was |is |is now )(successfully )?unlocked|(process|operation|procedure|request) (\w+ )?(successfully )?(completed|finished|processed)( successfully)?|(you )?can now (log ?in|access|enter|sign in)/,
} as const;

/** The affiliate's "data bank" (contact data, image, personal questions), whatever part of it is shown. */
const PROFILE_HEADING = /banco de (datos|preguntas)|registro de datos/;

/** Pages with no form of the flow; the same wordings raise alerts (see ALERT_RULES). */
export const E = {
  session:
    /sesion\W+(\w+ ){0,4}(expir|caduc|finaliz|termin|cerrad|venci)|viewexpired|view expired|(expir|caduc|finaliz)\w* (de )?(la |su )?sesion|vista (ha )?expirad|tiempo de (espera|inactividad)|por inactividad|session\W+(\w+ ){0,4}(expired|timed out|ended|closed|finished)|session (timeout|time-out)|(due to|for) inactivity/,
  link:
    /(enlace|link|vinculo|token|url|solicitud)\W+(\w+ ){0,6}(caducad|expirad|vencid|invalid|no es valid|no valid|no vigente|ya (fue|ha sido) (utilizad|usad)|ya no (tiene validez|es valid|esta vigente)|sin validez|(perdio|ha perdido) (su )?(validez|vigencia))|(codigo|clave temporal)\W+(\w+ ){0,6}(caducad|expirad|vencid|ya (fue|ha sido) (utilizad|usad))|(caducad|expirad|vencid)\w* (el |su |la )?(enlace|link|vinculo|codigo|solicitud)|tiempo de (vigencia|validez) (\w+ ){0,4}(expir|termin|venci|caduc|super)|(link|token|url|request|code)\W+(\w+ ){0,6}(expired|no longer valid|already (been )?used)|(expired|invalid) (link|token|code)/,
  unavailable:
    /no (se )?(encuentra |esta )?disponible|fuera de servicio|mantenimiento|error (interno|inesperado|general|del servidor|de (la )?aplicacion|en (la )?aplicacion|del sistema|en el sistema|de conexion|tecnico|al procesar)|internal server error|service unavailable|servicio (no|temporalmente)|problemas tecnicos|intente (nuevamente |de nuevo )?(mas tarde|en unos minutos|luego)|requested url was rejected|request rejected|support id|bad gateway|gateway time|\b50[0234]\b|pagina no (encontrada|existe)|not found|\b404\b|acceso (denegado|no autorizado)|forbidden|\b403\b|ha ocurrido un error|se produjo un error|ocurrio un (error|problema)|(temporarily |currently )?(not available|unavailable)|out of service|under maintenance|(internal|unexpected|system|application|technical) (server )?error|an error (has )?occurred|try again later|technical (problems|difficulties)|access denied/,
};
const ERROR_TEXT = new RegExp(`${E.session.source}|${E.link.source}|${E.unavailable.source}`);

const TEXTUAL: readonly FieldKind[] = ['text', 'number', 'tel', 'other', 'textarea'];
const ENTRY: readonly FieldKind[] = ['text', 'number', 'tel', 'other', 'password', 'email', 'date', 'select', 'textarea'];
const pw = { kinds: ['password'] as const };

// ---- structure that survives translation and rewording ---------------------------------------------------
/** The recovery and unlock apps, by path or form action. */
const RECOVERY_APP = /desbloqueo-publico|desbloqueo-clave|desbloquearclave|desbloqueoclave|recuper\w*clave|olvid\w*clave|generar-?clave|generacion-?clave|restablec|reestablec/;
/** Field names and ids (`frm:txtCedula`, `cedula_text`): written by the developers, never translated. */
const K = {
  id: /cedula|identific|^(txt|inp|in)?ruc\b|^ruc|documento|^(txt)?ci$|^nui$|numero_?id/,
  day: /^(txt|cmb|sel|inp)?_?dia|dianac|day$|^day/,
  month: /^(txt|cmb|sel|inp)?_?mes|mesnac|month/,
  birth: /nacimiento|fechanac|fecha_?nac|birth/,
  code: /otp|codigo(?!.*(afiliado|iess))|^(txt)?cod(ver|otp|igo)?$|token|verif|^code|pin$/,
  newKey: /nueva|nuevo|new|confirm|repet|repit|clave2|clave_?nueva/,
  email: /correo|e_?mail|mail/,
  phone: /celular|telefono|movil|phone|cell/,
};
/** The page where the new key is typed, by path or form action. */
const NEW_KEY_PAGE = /nueva-?clave|generar-?nueva|nueva-?contrasena|new-?(password|key)|restablecer-?clave/;
/** A page of the unlock app other than its entry page: where the mail's link leads. */
const UNLOCK_LINK_PAGE = /^\/iess-gestion-desbloqueo-clave-web\/public\/(?!desbloque(?:ar|o)clave)/;
/** One-digit boxes of a segmented code input, or PrimeFaces' inputOtp. */
const OTP_WIDGET = /ui-inputotp|otp-input|codigo-digito|code-digit|pin-input/;

// ---- recovery context -------------------------------------------------------------------------------------
/** Evidence that the page belongs to a key recovery/unlock flow at all (not a certificate or a login). */
export const CONTEXT_RULES: readonly Rule[] = [
  // News, press and document pages talk about recovery but are not a step of it.
  { w: -20, all: [{ path: /sala-de-prensa|noticia|boletin|\/blog|\/documents\/|\/es\/web\/|\.pdf$|preguntas-frecuentes|\/faq/ }] },
  { w: 3, all: [{ path: /desbloque|recuper|olvid|clave|restablec|reestablec|generacion|otp/ }] },
  // A form posting to a recovery app, on a page saved or served elsewhere.
  { w: 2, all: [{ app: RECOVERY_APP }] },
  // Other IESS web apps (certificates, appointments, queries) ask for a cédula and a CAPTCHA too, and their help
  // text or sidebar may name the recovery options: their app path says they are not a recovery step.
  { w: -8, all: [{ path: /^\/(?:iess-kiosko-web|iess-gestion-turnero|iess-gestion-agendamiento|gestion-calificacion-derecho|gestion-empleador-certificado|iess-gestion-cesantia|iess-fondo-reserva|iess-gestion-resolucion|prjpensiones)|certificado|consulta(?!.*clave)|turno|aportes/ }] },
  { w: -4, all: [{ heading: /^(consulta|certificado|turnos?|agendamiento|historia laboral|aportes)\b/ }] },
  { w: 3, all: [{ heading: W.recoveryLink }] },
  { w: 2, all: [{ heading: /desbloqueo|recuperacion|generacion de (la )?clave|clave (personal|de acceso|del afiliado|iess)|nueva clave|unlock|password (recovery|generation|reset)|key (recovery|generation)|personal key|access key|new (password|key)/ }] },
  { w: 2, all: [{ button: /desbloque|generar(?! (el |su )?(certificado|turno|planilla|comprobante|reporte))|recuperar|restablec|reestablec|nueva clave|\bunlock|\brecover|reset (password|key)|generate (key|password)|new (key|password)/ }] },
  { w: 2, all: [{ field: { label: W.newKey } }] },
  { w: 2, all: [{ field: { autocomplete: /new-password|one-time-code/ } }] },
  { w: 2, all: [{ text: W.recoveryLink }] },
  { w: 1, all: [{ text: /\bclave\b|contrasena|password/ }] },
  { w: 2, all: [{ statement: W.done }] },
];

// ---- steps ------------------------------------------------------------------------------------------------
export type ScoredStep = Exclude<StepId, 'none'>;

const CHANGE_HEADING = /cambi\w* (de )?(su |la )?(clave|contrasena)|change (of )?(your |the )?(password|key)|password change/;

export const STEP_RULES: Readonly<Record<ScoredStep, readonly Rule[]>> = {
  start: [
    { w: 6, all: [{ field: { ...pw } }, { link: W.recoveryLink }] },
    { w: 2, all: [{ field: { ...pw } }, { button: /ingres|iniciar|entrar|acceder|login|continuar|log ?in|sign in|enter|access/ }] },
    { w: 1, all: [{ field: { label: /usuario|cedula|\bruc\b|identificacion|user|\bid\b/, kinds: TEXTUAL } }, { link: W.recoveryLink }] },
    { w: 1, all: [{ field: { key: /^j_username$|usuario|login|user/ } }, { field: { ...pw } }] },
    { w: 1, all: [{ field: { ...pw, autocomplete: /current-password/ } }] },
    { w: -6, all: [{ field: { label: W.newKey } }] },
    { w: -6, all: [{ field: { ...pw, autocomplete: /new-password/ } }] },
    { w: -6, all: [{ field: { label: W.confirmKey, kinds: ['password'] } }] },
    { w: -4, all: [{ field: { label: W.currentKey } }] },
    { w: -4, all: [{ heading: CHANGE_HEADING }] },
  ],
  identity: [
    { w: 4, all: [{ field: { label: W.cedula, kinds: TEXTUAL } }] },
    { w: 3, all: [{ field: { key: K.id, kinds: TEXTUAL } }] },
    { w: 1, all: [{ field: { kinds: TEXTUAL, maxLength: [10, 10] } }] },
    // One 10- or 13-digit field beside a CAPTCHA: the entry form of every recovery app, in any language.
    { w: 3, all: [{ field: { kinds: TEXTUAL, maxLength: [10, 10] } }, { flag: 'captcha' }] },
    { w: 3, all: [{ field: { kinds: TEXTUAL, maxLength: [13, 13] } }, { flag: 'captcha' }] },
    { w: 4, all: [{ field: { label: W.ruc, kinds: TEXTUAL } }] },
    { w: 2, all: [{ field: { label: W.sucursal } }] },
    { w: 1, all: [{ field: { label: W.representative } }] },
    { w: 2, all: [{ flag: 'captcha' }] },
    { w: 1, all: [{ button: /buscar|enviar|consultar|validar|continuar|siguiente|desbloque|aceptar|verificar|solicitar|recuperar|generar|search|send|submit|consult|validate|continue|next|unlock|accept|verify|request|recover|generate/ }] },
    { w: 1, all: [{ button: /buscar|desbloque|validar|recuperar|search|unlock|validate|recover/ }] },
    { w: 1, all: [{ heading: /identifica|ingrese (su |el )?(numero de )?cedula|datos del (afiliado|empleador|usuario)|enter (your )?(id|identity|identification)/ }] },
    { w: -6, all: [{ field: { ...pw } }] },
    { w: -4, all: [{ field: { label: W.birth, kinds: ENTRY } }] },
    { w: -3, all: [{ count: 'radioGroups', min: 2 }] },
    { w: -3, all: [{ field: { label: W.email } }] },
    { w: -3, all: [{ field: { label: W.code, not: W.cedula, kinds: TEXTUAL } }] },
    { w: -6, all: [{ count: 'oneCharBoxes', min: 4 }] },
    { w: -2, all: [{ field: { label: W.question, kinds: TEXTUAL } }] },
    { w: -3, all: [{ field: { key: K.day } }, { field: { key: K.month } }] },
  ],
  verification: [
    { w: 4, all: [{ field: { label: /nacimiento|fecha de nac|birth/, kinds: ENTRY } }] },
    { w: 3, all: [{ field: { label: /\bdia\b|\bday\b/, kinds: ENTRY } }, { field: { label: /\bmes\b|\bmonth\b/, kinds: ENTRY } }] },
    // Day and month by structure: ids, a 31- and a 12-option select, or bday autocomplete tokens.
    { w: 3, all: [{ field: { key: K.day, kinds: ENTRY } }, { field: { key: K.month, kinds: ENTRY } }] },
    { w: 2, all: [{ field: { key: K.birth, kinds: ENTRY } }] },
    { w: 3, all: [{ field: { kinds: ['select'], options: [28, 32] } }, { field: { kinds: ['select'], options: [12, 13] } }] },
    { w: 3, all: [{ field: { autocomplete: /bday/ } }] },
    { w: 2, all: [{ field: { kinds: TEXTUAL, maxLength: [2, 2], min: 2 } }, { count: 'radioGroups', min: 2 }] },
    { w: 2, all: [{ count: 'radioGroups', min: 2 }] },
    { w: 2, all: [{ field: { label: W.question, kinds: ENTRY, not: W.email } }] },
    { w: 2, all: [{ text: /pregunta(s)? (de seguridad|personal|de validacion|de verificacion|sobre su)|historia laboral|preguntas|security questions?|(employment|work|labou?r) history|questions/ }] },
    { w: 1, all: [{ heading: /verifica|validaci|confirm\w* (su |your )?identity|confirm\w* (su )?identidad|preguntas|datos personales|questions|personal (data|information)|validat/ }] },
    { w: 1, all: [{ button: /continuar|validar|siguiente|verificar|aceptar|enviar|continue|validate|next|verify|accept|send|submit/ }] },
    { w: -4, all: [{ field: { label: W.email } }] },
    { w: -3, all: [{ field: { label: W.phone } }] },
    { w: -3, all: [{ field: { ...pw } }] },
    { w: -2, all: [{ count: 'imageChoices', min: 4 }] },
    { w: -4, all: [{ field: { label: /cedula|\bruc\b|identity card|\bid (card|number)\b/, not: /nacimiento|birth/, kinds: TEXTUAL } }] },
    { w: -5, all: [{ heading: PROFILE_HEADING }] },
    { w: -3, all: [{ field: { kinds: ['select'], label: /pregunta|question/ } }, { field: { label: /respuesta|answer/, kinds: TEXTUAL } }] },
    { w: -5, all: [{ count: 'oneCharBoxes', min: 4 }] },
  ],
  'security-image': [
    { w: 3, all: [{ count: 'imageChoices', min: 4 }] },
    { w: 3, all: [{ heading: W.image }] },
    { w: 2, all: [{ text: /(seleccione|escoja|elija|seleccionar|escoger|elegir|escriba|recuerde)\w* (\w+ ){0,4}imagen|(select|choose|pick|remember)\w* (\w+ ){0,4}(image|picture)/ }] },
    { w: 2, all: [{ field: { label: W.image } }] },
    { w: 1, all: [{ button: /continuar|aceptar|siguiente|guardar|confirmar|continue|accept|next|save|confirm/ }] },
    // Recalling the image chosen before ("la que eligió"), not choosing one for the data bank.
    { w: 2, all: [{ text: /imagen (\w+ ){0,4}(que )?(eligio|escogio|registro|selecciono|escogido|elegido|registrad)|(eligio|escogio|registro) (\w+ ){0,3}imagen|(image|picture) (\w+ ){0,4}(you )?(chose|selected|registered|picked)/ }] },
    { w: -5, all: [{ heading: PROFILE_HEADING }] },
    { w: -5, all: [{ field: { label: W.email } }] },
    { w: -3, all: [{ field: { label: W.phone } }] },
    { w: -3, all: [{ field: { label: W.cedula, kinds: TEXTUAL, not: W.image } }] },
    { w: -3, all: [{ field: { ...pw } }] },
    { w: -2, all: [{ field: { label: /nacimiento|\bdia\b|birth|\bday\b/ } }] },
  ],
  profile: [
    { w: 4, all: [{ field: { label: W.email } }] },
    { w: 1, all: [{ field: { kinds: ['email'] } }] },
    { w: 3, all: [{ field: { label: W.phone } }] },
    { w: 1, all: [{ field: { kinds: ['tel'] } }] },
    { w: 2, all: [{ field: { key: K.email, kinds: ['email', 'text'] } }, { field: { key: K.phone } }] },
    { w: 1, all: [{ field: { autocomplete: /\bemail\b/ } }, { field: { autocomplete: /\btel/ } }] },
    { w: 1, all: [{ field: { label: W.question, kinds: ENTRY } }] },
    { w: 1, all: [{ count: 'imageChoices', min: 3 }] },
    { w: 2, all: [{ heading: /datos (personales|de contacto)|actualiza|registro de (datos|informacion)|informacion (de contacto|personal)|perfil|contact (data|details|information)|personal (data|information)|profile|update/ }] },
    { w: 5, all: [{ heading: PROFILE_HEADING }] },
    // Choosing which personal questions to answer (a select per question) builds the data bank.
    { w: 3, all: [{ field: { kinds: ['select'], label: /pregunta|question/ } }, { field: { label: /respuesta|answer/, kinds: TEXTUAL } }] },
    { w: 2, all: [{ text: /(elija|escoja|seleccione|escriba) (\w+ ){0,2}(preguntas|una imagen)|la reconocera|se (las|le) (pediremos|solicitaran)|(choose|select|pick) (\w+ ){0,2}(questions|an image)/ }] },
    { w: 1, all: [{ count: 'entries', min: 4 }] },
    { w: -4, all: [{ field: { ...pw } }] },
    { w: -3, all: [{ field: { label: W.code, not: /cedula|postal|zip/, kinds: TEXTUAL, maxLength: [4, 8] } }] },
    { w: -2, all: [{ field: { label: /cedula|\bruc\b/, kinds: TEXTUAL } }, { flag: 'captcha' }] },
    { w: -5, all: [{ count: 'oneCharBoxes', min: 4 }] },
  ],
  'email-sent': [
    { w: 5, all: [{ message: W.sent }, { message: W.mailbox }] },
    { w: 5, all: [{ heading: W.sent, stated: true }] },
    { w: 4, all: [{ statement: W.sent }, { statement: W.mailbox }] },
    { w: 1, all: [{ text: /enlace|link|vinculo|bandeja|spam|correo no deseado|inbox|junk/ }] },
    { w: 1, all: [{ count: 'entries', max: 0 }] },
    // A masked address ("j***z@hotmail.com") and nothing to fill: where the link went, in any language.
    { w: 2, all: [{ text: /[a-z0-9][*•]{2,}[a-z0-9._-]*@[a-z0-9*-]+\.[a-z]{2,}/ }, { count: 'entries', max: 0 }] },
    // The page's notice names an address and nothing is left to fill: where something was sent.
    { w: 3, all: [{ message: /[a-z0-9*._-]@[a-z0-9*-]+\.[a-z]{2,}/, severity: ['info', 'unknown'] }, { count: 'entries', max: 0 }] },
    { w: -5, all: [{ field: { label: W.code, not: W.cedula, kinds: TEXTUAL } }] },
    { w: -5, all: [{ count: 'oneCharBoxes', min: 4 }] },
    { w: -5, all: [{ field: { ...pw } }] },
    { w: -4, all: [{ field: { label: W.cedula, kinds: TEXTUAL } }] },
    { w: -3, all: [{ field: { label: W.email } }] },
    // "Your key was generated; we sent you a confirmation by mail" is done: the mail confirms, it asks nothing.
    { w: -6, all: [{ statement: W.done }] },
    { w: -3, all: [{ statement: /(confirmacion|notificacion|comprobante|constancia|confirmation|notification|receipt)\W+(\w+ ){0,4}(a su |al |to your |by )?(correo|e-?mail|mail)|(correo|e-?mail|mail) (de |of )?(confirmacion|notificacion|confirmation|notification)/ }] },
    { w: -2, all: [{ count: 'entries', min: 1 }] },
    { w: -5, all: [{ message: /./, severity: ['error'] }] },
  ],
  code: [
    { w: 5, all: [{ field: { label: W.code, not: /cedula|identificacion|identity|\bid\b|postal|zip|captcha|imagen|image/, kinds: TEXTUAL } }] },
    { w: 1, all: [{ field: { kinds: TEXTUAL, maxLength: [4, 8] } }] },
    // Segmented input: one box per digit (maxlength 1 each), or the one-time-code token, in any language.
    { w: 6, all: [{ count: 'oneCharBoxes', min: 4 }] },
    { w: 5, all: [{ field: { autocomplete: /one-time-code/ } }] },
    { w: 5, all: [{ field: { widget: OTP_WIDGET } }] },
    { w: 3, all: [{ field: { key: K.code, kinds: [...TEXTUAL, 'password'] } }] },
    { w: 2, all: [{ text: /codigo (de (verificacion|seguridad|confirmacion|acceso)|otp|temporal|enviado)|\botp\b|codigo que (le )?(hemos |fue )?(envi|lleg|recib)|(verification|security|confirmation|access|one-time) code|code (we |that was )?(sent|received)/ }] },
    { w: 1, all: [{ button: /validar|verificar|confirmar|reenviar|generar (otro|nuevo)? ?(codigo|otp)|continuar|validate|verify|confirm|resend|continue/ }] },
    { w: 1, all: [{ text: /\b[0-5]?\d:[0-5]\d\b/ }] },
    { w: -5, all: [{ field: { label: W.cedula, not: /verificacion|otp|verification|code/, kinds: TEXTUAL } }] },
    { w: -4, all: [{ field: { ...pw, min: 2 } }] },
    { w: -3, all: [{ field: { label: W.email } }] },
    { w: -2, all: [{ count: 'imageChoices', min: 3 }] },
  ],
  terms: [
    { w: 4, all: [{ field: { kinds: ['checkbox'], label: W.accept } }] },
    { w: 3, all: [{ heading: W.terms }] },
    { w: 2, all: [{ text: W.terms }] },
    { w: 1, all: [{ button: /acept|continuar|de acuerdo|siguiente|accept|continue|agree|next/ }] },
    { w: 1, all: [{ field: { kinds: ['checkbox'] } }] },
    // One box to tick and nothing to type: an agreement, in any language.
    { w: 3, all: [{ count: 'checkboxes', min: 1, max: 1 }, { count: 'entries', max: 0 }] },
    { w: 2, all: [{ app: /termino|condicion|acuerdo|terms/ }] },
    { w: -5, all: [{ field: { ...pw } }] },
    { w: -3, all: [{ field: { label: W.cedula, kinds: TEXTUAL } }] },
    { w: -3, all: [{ field: { label: W.email } }] },
    { w: -2, all: [{ count: 'radioGroups', min: 2 }] },
  ],
  'new-key': [
    { w: 3, all: [{ field: { ...pw, min: 2 } }] },
    // Two key fields typed on an on-screen keypad: the new-key form, whatever its words.
    { w: 2, all: [{ field: { ...pw, min: 2 } }, { count: 'keypadKeys', min: 10 }] },
    { w: 4, all: [{ field: { label: W.newKey } }] },
    { w: 4, all: [{ field: { autocomplete: /new-password/ } }] },
    { w: 2, all: [{ field: { ...pw, key: K.newKey } }] },
    { w: 2, all: [{ field: { label: W.confirmKey, not: /correo|e-?mail/ } }] },
    { w: 1, all: [{ button: /generar|guardar|cambiar|aceptar|crear|establecer|registrar|confirmar|generate|save|change|accept|create|set|register|confirm/ }] },
    { w: 1, all: [{ count: 'keypadKeys', min: 10 }] },
    { w: 1, all: [{ text: /entre \d+ y \d+ caracteres|(letras|numeros) y\/?o? (letras|numeros)|teclado virtual|between \d+ and \d+ characters|virtual keyboard/ }] },
    { w: -7, all: [{ field: { label: W.currentKey } }] },
    { w: -5, all: [{ field: { autocomplete: /current-password/ } }] },
    { w: -3, all: [{ field: { label: W.cedula, kinds: TEXTUAL } }] },
    { w: -6, all: [{ heading: CHANGE_HEADING }] },
    { w: -3, all: [{ path: /cambio-?clave|cambiar-?clave|cambio-?contrasena/ }] },
    { w: -3, all: [{ field: { label: W.email } }] },
  ],
  done: [
    { w: 6, all: [{ message: W.done }] },
    { w: 6, all: [{ heading: W.done, stated: true }] },
    { w: 4, all: [{ statement: W.done }] },
    { w: 1, all: [{ count: 'entries', max: 0 }] },
    // The new-key page with its form gone and a notice in its place: the key was set, whatever the language.
    { w: 3, all: [{ app: NEW_KEY_PAGE }, { count: 'entries', max: 0 }, { message: /./, severity: ['info', 'unknown'] }] },
    // The unlock app's page that the mail's link opens (any but its entry page) with a notice and no form: unlocked.
    { w: 3, all: [{ path: UNLOCK_LINK_PAGE }, { count: 'entries', max: 0 }, { message: /./, severity: ['info', 'unknown'] }] },
    { w: -4, all: [{ field: { ...pw } }] },
    { w: -3, all: [{ field: { label: W.cedula, kinds: TEXTUAL } }] },
    { w: -2, all: [{ count: 'entries', min: 2 }] },
  ],
  'change-key': [
    { w: 6, all: [{ field: { label: W.currentKey } }] },
    { w: 3, all: [{ field: { autocomplete: /current-password/ } }, { field: { autocomplete: /new-password/ } }] },
    { w: 7, all: [{ heading: /cambi\w* (de )?(su |la )?(clave|contrasena)|modifica\w* (de )?(su |la )?(clave|contrasena)|change (of )?(your |the )?(password|key)|password change/ }] },
    { w: 3, all: [{ path: /cambio-?clave|cambiar-?clave|cambio-?contrasena/ }] },
    { w: 2, all: [{ button: /cambiar (la |su )?(clave|contrasena)|change (the |your )?(password|key)/ }] },
    { w: 2, all: [{ field: { label: W.cedula, kinds: TEXTUAL } }, { field: { ...pw, min: 2 } }] },
    { w: -4, all: [{ link: W.recoveryLink }, { field: { ...pw, min: 1 } }, { count: 'passwords', max: 1 }] },
    // After the change the page has no form left: that is `done`.
    { w: -8, all: [{ count: 'entries', max: 0 }] },
  ],
  error: [
    { w: 5, all: [{ path: /\/error|errorweb|\/50[0-4]\b|\/404\b|viewexpired|expired|caducad/ }] },
    { w: 6, all: [{ flag: 'antiBot' }] },
    { w: 4, all: [{ heading: ERROR_TEXT, stated: true }] },
    { w: 4, all: [{ message: ERROR_TEXT }, { count: 'entries', max: 0 }] },
    { w: 3, all: [{ statement: ERROR_TEXT }, { count: 'entries', max: 0 }] },
    { w: 1, all: [{ count: 'entries', max: 0 }] },
    // Any error shown on a page without a form of the flow: the flow cannot go on from here.
    { w: 4, all: [{ message: /./, severity: ['error'] }, { count: 'fields', max: 0 }] },
    { w: -6, all: [{ count: 'entries', min: 1 }] },
    { w: -4, all: [{ statement: W.done }] },
  ],
};

/** Steps that only make sense inside a recovery flow: without context their score is scaled down. */
export const NEEDS_CONTEXT: ReadonlySet<ScoredStep> = new Set([
  'identity',
  'verification',
  'security-image',
  'profile',
  'email-sent',
  'code',
  'terms',
  'new-key',
  'done',
]);

// ---- flows ------------------------------------------------------------------------------------------------
/**
 * Flows are tried in this order and the first that reaches FLOW_MIN wins; recover is the fallback, because
 * employer and unlock pages also mention "recuperar clave" while affiliate pages rarely say "empleador".
 */
export const FLOW_ORDER = ['employer', 'unlock', 'recover'] as const;
export const FLOW_MIN = 4;

export const FLOW_RULES: Readonly<Record<Exclude<FlowId, 'unknown'>, readonly Rule[]>> = {
  recover: [
    { w: 5, all: [{ path: /desbloqueo-publico|recuper|olvid|generar|generacion|restablec|reestablec/ }] },
    { w: 3, all: [{ app: /desbloqueo-publico|recuper\w*clave|olvid\w*clave|generar-?clave|generacion-?clave/ }] },
    { w: 3, all: [{ heading: /(generar|generacion|recuper|olvid|restablec|reestablec|crear|nueva)\w* .{0,20}(clave|contrasena)|(clave|contrasena) .{0,12}olvid|(generat|recover|forgot|reset|creat|new)\w* .{0,20}(password|\bkey\b)/ }] },
    { w: 2, all: [{ button: /generar|recuperar|restablec|reestablec|generate|recover|reset/ }] },
    { w: 2, all: [{ link: /(generar|recuper|olvid|restablec|reestablec)\w*.{0,30}(clave|contrasena)|(clave|contrasena)\W+.{0,25}olvid|(generate|recover|forgot|reset)\w*.{0,30}(password|\bkey\b)/ }] },
    { w: 1, all: [{ text: /(generar|generacion|recuper|olvid)\w* .{0,20}(clave|contrasena)|(generat|recover|forgot)\w* .{0,20}(password|\bkey\b)/ }] },
  ],
  unlock: [
    { w: 6, all: [{ path: /desbloqueo-clave|desbloquearclave|desbloqueoclave|desbloquear/ }] },
    { w: 3, all: [{ app: /desbloqueo-clave|desbloquearclave|desbloqueoclave/ }] },
    { w: 4, all: [{ heading: /desbloque|\bunlock/ }] },
    { w: 3, all: [{ button: /desbloque|\bunlock/ }] },
    { w: 4, all: [{ message: /desbloquead|\bunlocked/ }] },
    { w: 1, all: [{ link: /desbloque|\bunlock/ }] },
    { w: 2, all: [{ text: /(ha sido|fue|sera|se ha) desbloquead|para desbloquear|desbloqueo de (su |la )?clave|(has been|was|will be) unlocked|to unlock|unlock(ing)? (your |the )?(password|key)/ }] },
  ],
  employer: [
    { w: 4, all: [{ path: /empleador|patron/ }] },
    { w: 5, all: [{ field: { label: W.ruc } }] },
    { w: 3, all: [{ field: { key: /^(txt|inp|in)?ruc\b|^ruc/ } }] },
    { w: 2, all: [{ field: { label: W.sucursal } }] },
    { w: 2, all: [{ field: { label: W.representative } }] },
    // Not a question heading: "¿Cuál fue su empleador en 2015?" belongs to an affiliate's verification.
    { w: 4, all: [{ heading: /^(?!.*\?)(?!.*\bsu empleador\b)(?!.*\byour employer\b).*\b(empleador(es)?|patrono|patronal|employers?)\b/ }] },
    { w: 1, all: [{ text: /\bempleador(es)?\b|\bemployers?\b/ }] },
  ],
};

/** A service behind the form that does not answer (the civil registry, the database), on top of E.unavailable. */
const UNAVAILABLE_MESSAGE = new RegExp(
  `${E.unavailable.source}|(servicio|sistema|registro civil|base de datos|servidor)\\W+(\\w+ ){0,4}(no responde|no contesta|no esta respondiendo|caido)|sin respuesta (del|de la) (servicio|sistema|servidor|registro civil)|no (se )?(pudo|puede) (establecer )?(conectar|comunicar|conexion)|(service|system|server|registry)\\W+(\\w+ ){0,4}(is not responding|does not respond|not responding|is down)`,
);

// ---- alerts -----------------------------------------------------------------------------------------------
export interface AlertRule {
  alert: AlertId;
  match?: RegExp;
  not?: RegExp;
  flag?: 'antiBot';
  /** On an error page, its path names the error (`/errorWeb/sesionExpirada.jsf`), in any page language. */
  errorPath?: RegExp;
}

export const ALERT_RULES: readonly AlertRule[] = [
  {
    alert: 'captcha-error',
    match:
      /captcha|no soy un robot|\brobot\b|(codigo|caracteres|texto) de (la )?imagen|(characters|text|code) (of|in|from) the image|(los )?caracteres (\w+ ){0,3}(no coinciden|son incorrectos|no son (validos|correctos))|caracteres de (verificacion|seguridad)|codigo de seguridad (\w+ ){0,2}(incorrecto|no coincide)|characters (\w+ ){0,3}(do not|don'?t) match|security code (is )?(wrong|incorrect)/,
  },
  {
    alert: 'data-mismatch',
    match:
      /no coincide|no concuerda|no corresponde|incorrect|erronea|errado|invalid|no (es|son) (valid|correct)|no (ha )?(podido|pudo) (ser )?validar|no se (pudo|puede) validar|verifique (sus |los )?datos|datos (ingresados )?(no|erroneos)|no es posible validar|formato (no valido|incorrecto)|debe tener \d+ digitos|do(es)? not match|don'?t match|\bwrong\b|(could|can) ?not (be )?(validate|verif)|check (your|the) (data|information)|(is|are) not (valid|correct)|must (have|be) \d+ digits/,
    // Format checks on contact data and the two new keys differing are form hints, not rejected identity data.
    not: /captcha|robot|caracter|(codigo|caracteres|texto) de (la )?imagen|no pertenece a|no corresponde a (un|una|ningun)\w* (afiliado|usuario|empleador|persona|asegurado)|enlace|link|vinculo|token|sesion|session|expir|caduc|correo|e-?mail|telefono|celular|phone|confirmacion|confirmation|las claves|the (passwords|keys)|(characters|text|code) (of|in|from) the image|(not|is not|isn'?t) (a |an )?(registered|affiliate|member|employer|user)/,
  },
  {
    alert: 'not-registered',
    match:
      /no (se )?(encuentra|esta|existe|registra)\w* (\w+ )?(registrad|afiliad|en (la base|nuestros|el sistema|el iess))|no registrad|(usuario|afiliado|cedula|ruc|empleador|persona|cuenta|registro) (\w+ ){0,3}no existe|no tiene (una |un )?(clave|cuenta|correo|usuario|registro)|no se encontr(o|aron)|sin registro|no es (afiliado|empleador|usuario)|no esta afiliad|no consta|no corresponde a (un|una|ningun)\w* (afiliado|usuario|empleador|persona|asegurado)|no registra (un )?(correo|email|datos)|no posee|no (existe|hay|se encontro|se encuentra) (ninguna? )?(informacion|registros?|datos)( \w+){0,3} (del?|para el|sobre el) (afiliado|asegurado|usuario|empleador|ciudadano|identificacion|cedula)|no pertenece a (un|una|ningun)\w* (\w+ )?(afiliado|asegurado|usuario|empleador|persona)|sin (registros? de )?afiliacion|no information (found |exists )?(for|about) (the|this) (affiliate|insured|user|employer)|does not belong to (an?|any) (affiliate|insured|user|employer)|not (been )?registered|(is|are) not (a |an )?(registered|affiliate|member|employer|insured)|no record|does not exist|(was|were) not found|not found in|does not (have|appear)|is not affiliated/,
  },
  {
    alert: 'account-blocked',
    not: /\bno (se )?(encuentra|esta|ha sido) bloquead|\bnot (been )?(blocked|locked)/,
    match:
      /\bbloquead|\bbloqueo (de|por)|cuenta (esta |ha sido )?suspendid|usuario (esta )?inactiv|intentos fallidos|demasiados intentos|excedi\w* .{0,30}intentos|numero (maximo )?de intentos|intentos permitidos|\bblocked\b|\blocked\b|\bsuspended\b|too many (failed )?attempts|failed attempts|maximum (number of )?attempts|exceeded .{0,30}attempts|attempts allowed/,
  },
  { alert: 'link-expired', match: E.link, not: /sesion|vista|view|session/ },
  // Finer readings (issue 18): said only when the message names the cause; see SUPERSEDES in ./alerts.
  {
    alert: 'no-email',
    match:
      /(no tiene|no registra|no posee|no cuenta con|sin) (un |una |ningun )?(correo|e-?mail|direccion de correo)|no (existe|hay|se encontro|se encuentra) (registrad[ao] )?(una |un |ninguna? )?(direccion de )?(correo|e-?mail)|(correo|e-?mail)\w* (\w+ ){0,3}no (esta |se encuentra )?registrad|(does not|doesn'?t) have (a |an )?(registered )?e-?mail|no (registered )?e-?mail (address )?(on file|registered)/,
  },
  {
    alert: 'no-fingerprint',
    match:
      /(no registra|no tiene|sin|no ha registrado|no consta|falta)\W+(\w+ ){0,3}huella|huella\w* (\w+ ){0,3}no (esta |se encuentra )?(registrad|consta)|(no|without) (registered )?fingerprint|fingerprint (\w+ ){0,3}not (registered|on file)/,
  },
  {
    alert: 'code-paused',
    match:
      /generacion de (los )?codigos?\W+(\w+ ){0,4}bloquead|(codigos?|otp)\W+(\w+ ){0,4}bloquead\w* (\w+ ){0,6}intente (nuevamente|de nuevo) en|intente (nuevamente|de nuevo) en \d{1,2}:\d{2}|code (generation|requests?) (\w+ ){0,4}(paused|blocked|locked)|try again in \d{1,2}:\d{2}/,
  },
  { alert: 'session-expired', match: E.session },
  { alert: 'session-expired', errorPath: /sesion-?(expirad|caducad|finalizad)|session-?(expired|timeout)|viewexpired/ },
  { alert: 'link-expired', errorPath: /(enlace|link|vinculo|token)-?(caducad|expirad|vencid|invalid)/ },
  { alert: 'service-unavailable', match: UNAVAILABLE_MESSAGE, not: /intentos|bloquead|\b404\b|no encontrad|not found|no existe|attempts|blocked|locked/ },
  { alert: 'service-unavailable', flag: 'antiBot' },
];
