/** Pages with no form of the flow: expired/used links, expired session or view, application error, F5 challenge. */
import { randomInt } from 'node:crypto';
import { html, trusted, type SafeHtml } from '../html';
import { banner, card, messages, pageDocument, TITLE_PREFIX, type Message } from '../layout';

export type ErrorKind =
  | 'link-expired'
  | 'link-used'
  | 'link-invalid'
  | 'session-expired'
  | 'view-expired'
  | 'app-error'
  | 'not-found'
  /** Issue 18: a "not registered" message on a page without the cédula form (it used to read as "no email"). */
  | 'cedula-not-registered';

const ERRORS: Record<ErrorKind, { title: string; message: Message; extra?: string }> = {
  'link-expired': {
    title: 'Enlace caducado',
    message: {
      severity: 'error',
      summary: 'Error:',
      detail: 'El enlace ha caducado. Su tiempo de vigencia terminó; inicie nuevamente el proceso para recibir un nuevo enlace.',
    },
  },
  'link-used': {
    title: 'Enlace no válido',
    message: { severity: 'error', summary: 'Error:', detail: 'El enlace ya fue utilizado. Inicie nuevamente el proceso para recibir un nuevo enlace.' },
  },
  'link-invalid': {
    title: 'Enlace no válido',
    message: { severity: 'error', summary: 'Error:', detail: 'El enlace no es válido o ha caducado. Inicie nuevamente el proceso.' },
  },
  'session-expired': {
    title: 'Sesión expirada',
    message: { severity: 'warn', summary: 'Aviso:', detail: 'Su sesión ha expirado. Por favor, inicie el proceso nuevamente.' },
  },
  'view-expired': {
    title: 'La página ha expirado',
    message: {
      severity: 'error',
      summary: 'javax.faces.application.ViewExpiredException:',
      detail: 'viewId:/index.xhtml - View /index.xhtml could not be restored.',
    },
    extra: 'La página ha expirado por inactividad o porque se abrió en otra pestaña. Vuelva a ingresar desde el inicio.',
  },
  'app-error': {
    title: 'Error de aplicación',
    message: {
      severity: 'error',
      summary: 'Error:',
      detail: 'Ha ocurrido un error en la aplicación. El servicio no está disponible en este momento, por favor intente más tarde.',
    },
  },
  'cedula-not-registered': {
    title: 'Error',
    message: { severity: 'error', summary: 'Error:', detail: 'Cédula No se Encuentra Registrada en el IESS.' },
  },
  'not-found': {
    title: 'Página no encontrada',
    message: { severity: 'error', summary: 'Error 404:', detail: 'La página solicitada no existe.' },
  },
};

export function errorDocument(kind: ErrorKind, homeHref: string): SafeHtml {
  const e = ERRORS[kind];
  return pageDocument({
    title: `IESS - ${e.title}`,
    script: false,
    body: card(
      e.title,
      html`${messages('msgsError', [e.message])}${e.extra ? html`<p>${e.extra}</p>` : ''}<p class="enlaces"><a href="${homeHref}">Volver al inicio</a></p>`,
    ),
  });
}

/** F5 BIG-IP ASM-like JS challenge: no form, no IESS layout, an inline f5_cspm script. */
export function challengeDocument(supportId = String(randomInt(1e9, 9e9)) + String(randomInt(1e9, 9e9))): SafeHtml {
  const script = `window.f5_cspm={f5_p:'SIMULACION${supportId}',setCharAt:function(str,index,chr){if(index>str.length-1)return str;return str.substr(0,index)+chr+str.substr(index+1);},get_byte:function(str,i){var s=(i/16)|0;i=(i&15);s=s*32;return((str.charCodeAt(i+16+s)-65)<<4)|(str.charCodeAt(i+s)-65);},go:function(){/* simulación: el desafío nunca se resuelve */}};window.f5_cspm.go();`;
  return html`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${TITLE_PREFIX}Request Rejected</title>
<style>${trusted('body{margin:0;padding-top:70px;font-family:Arial,sans-serif}.sim-banner{position:fixed;top:0;left:0;right:0;z-index:2147483647;min-height:58px;display:flex;align-items:center;justify-content:center;background:repeating-linear-gradient(-45deg,#ffd400 0 18px,#111 18px 36px)}.sim-banner strong{background:#fff;color:#b00000;border:3px solid #d00000;padding:6px 14px}main{padding:20px}')}</style>
<script>${trusted(script)}</script></head>
<body>${banner()}<main><noscript>Please enable JavaScript to view the page content.</noscript>
<p>The requested URL was rejected. Please consult with your administrator.</p>
<p>Your support ID is: <span id="support-id">${supportId}</span></p>
<p><a href="javascript:history.back();">[Go Back]</a></p></main></body></html>`;
}
