/** The practice portal's own start page on the loopback host: where to go and whom to play. */
import { html, trusted, type SafeHtml } from '../html';
import { banner, TITLE_PREFIX, type PortalUrls } from '../layout';
import { EMPLOYERS, INVALID_CEDULA, PERSONAS, UNREGISTERED_CEDULA } from '../personas';
import { EMPLOYER_PAGE } from './employer';
import { RECOVER_ENTRY } from './recover';
import { UNLOCK_PAGE } from './unlock';
import { AFILIADO_LOGIN, CHANGE_KEY_PAGE } from './www';

export function simIndexDocument(urls: PortalUrls): SafeHtml {
  const links: Array<[string, string]> = [
    ['Portal IESS (inicio)', `${urls.www}/`],
    ['Afiliados: ingreso (enlaces a los trámites)', `${urls.www}${AFILIADO_LOGIN}`],
    ['Generar / Recuperar clave', `${urls.app}${RECOVER_ENTRY}`],
    ['Desbloqueo de clave', `${urls.app}${UNLOCK_PAGE}`],
    ['Empleador: recuperar clave', `${urls.www}${EMPLOYER_PAGE}`],
    ['Cambio de clave (no es recuperación)', `${urls.www}${CHANGE_KEY_PAGE}`],
    ['Página anti-bot (sobrecarga)', `${urls.app}${RECOVER_ENTRY}?sobrecarga=1`],
    ['Error de aplicación', `${urls.app}${RECOVER_ENTRY}?error=1`],
    ['Buzón de práctica', `${urls.sim}/correo/`],
  ];
  return html`<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>${TITLE_PREFIX}Portal de práctica ClaveGuía</title>
<style>${trusted('body{margin:0;padding-top:70px;font-family:Arial,sans-serif}.sim-banner{position:fixed;top:0;left:0;right:0;z-index:2147483647;min-height:58px;display:flex;align-items:center;justify-content:center;background:repeating-linear-gradient(-45deg,#ffd400 0 18px,#111 18px 36px)}.sim-banner strong{background:#fff;color:#b00000;border:3px solid #d00000;padding:6px 14px}main{max-width:1000px;margin:0 auto;padding:10px}td,th{border:1px solid #ccc;padding:4px 6px;font-size:13px}table{border-collapse:collapse}')}</style></head>
<body>${banner()}<main><h1>Portal de práctica (simulación del IESS)</h1>
<p>Los nombres app.iess.gob.ec y www.iess.gob.ec deben apuntar a 127.0.0.1 en el navegador de pruebas.</p>
<ul>${links.map(([label, href]) => html`<li><a href="${href}">${label}</a> <code>${href}</code></li>`)}</ul>
<h2>Personas de prueba</h2>
<table><thead><tr><th>Cédula</th><th>Nombre</th><th>Nacimiento</th><th>Qué pasa</th></tr></thead><tbody>
${PERSONAS.map((p) => html`<tr><td>${p.cedula}</td><td>${p.name}</td><td>${p.birthDay}/${p.birthMonth}</td><td>${p.summary}</td></tr>`)}
<tr><td>${UNREGISTERED_CEDULA}</td><td>—</td><td>—</td><td>Cédula válida pero no registrada.</td></tr>
<tr><td>${INVALID_CEDULA}</td><td>—</td><td>—</td><td>Falla el dígito verificador.</td></tr>
</tbody></table>
<h2>Empleadores</h2>
<table><thead><tr><th>RUC</th><th>Sucursal</th><th>Representante</th><th>Qué pasa</th></tr></thead><tbody>
${EMPLOYERS.map((e) => html`<tr><td>${e.ruc}</td><td>${e.sucursal}</td><td>${e.representativeCedula}</td><td>${e.summary}</td></tr>`)}
</tbody></table>
<p>Respuestas completas: test/portal/README.md</p></main></body></html>`;
}
