/**
 * Page shell and PrimeFaces/Serenity-like components shared by every simulated page. The SIMULACIÓN
 * banner and title prefix live here so no page can forget them.
 */
import { PORTAL_SCRIPT } from './client-script';
import { html, trusted, attrIf, type SafeHtml, type HtmlValue } from './html';
import { practiceCard } from './pages/practice-card';

export const BANNER_TEXT = 'SIMULACIÓN — este no es el portal del IESS. No ingrese datos reales.';
export const TITLE_PREFIX = '[SIMULACIÓN] ';

/** Origins of the simulated hosts. Links between hosts keep the server's port. */
export interface PortalUrls {
  app: string;
  www: string;
  /** Loopback origin for the inbox and the CAPTCHA stand-in (a non-IESS host). */
  sim: string;
}

export function urlsForPort(port: number, scheme = 'http'): PortalUrls {
  const suffix = port === 80 ? '' : `:${port}`;
  return {
    app: `${scheme}://app.iess.gob.ec${suffix}`,
    www: `${scheme}://www.iess.gob.ec${suffix}`,
    sim: `http://127.0.0.1${suffix}`,
  };
}

const STYLE = `
*{box-sizing:border-box}
html{font-size:14px}
body{margin:0;padding-top:58px;font-family:Roboto,"Helvetica Neue",Arial,sans-serif;color:#212121;background:#eef1f4}
.sim-banner{position:fixed;top:0;left:0;right:0;z-index:2147483647;min-height:58px;display:flex;align-items:center;justify-content:center;
  padding:6px 12px;background:repeating-linear-gradient(-45deg,#ffd400 0 18px,#111 18px 36px);border-bottom:3px solid #d00000}
.sim-banner strong{background:#fff;color:#b00000;border:3px solid #d00000;padding:6px 14px;font-size:16px;letter-spacing:.02em;text-align:center}
/* A short window (a laptop at 200 %): the banner scrolls away with the page instead of sitting over its buttons. */
@media (max-height:420px){.sim-banner{position:absolute}}
.landing-header{background:#0b3c74;color:#fff;display:flex;align-items:center;gap:16px;padding:12px 24px;border-bottom:4px solid #2e9b4f}
.logo-iess{font:900 30px/1 Arial,sans-serif;letter-spacing:2px;border:3px solid #fff;padding:4px 10px;border-radius:4px}
.logo-iess small{display:block;font-size:9px;letter-spacing:0;font-weight:400}
.landing-header .entidad{font-size:15px}
.landing-wrapper{max-width:980px;margin:0 auto;padding:20px}
.ui-g{display:flex;flex-wrap:wrap}.ui-g-12{width:100%;padding:6px}.ui-md-6{padding:6px}
.card{background:#fff;border-radius:2px;box-shadow:0 1px 3px rgba(0,0,0,.2);padding:18px 22px;margin-bottom:16px;width:100%}
.card h1{font-size:22px;margin:0 0 14px;color:#0b3c74;font-weight:500}
.card h2{font-size:17px;margin:14px 0 10px;color:#2e7d32;font-weight:500}
.md-inputfield{display:block;position:relative;margin:20px 0 10px}
.md-inputfield label{position:absolute;top:-16px;left:2px;font-size:12px;color:#616161}
.ui-inputfield{font-size:14px;padding:6px 4px;border:0;border-bottom:1px solid #bdbdbd;background:transparent;width:100%;max-width:420px}
.ui-inputfield[readonly]{color:#424242;background:#f5f5f5}
.ui-inputfield.ui-state-focus{border-bottom:2px solid #2e7d32}
.campo{margin:10px 0}.campo>label{display:block;font-size:13px;color:#424242;margin-bottom:4px}
.ui-button{display:inline-block;background:#2e7d32;color:#fff;border:0;border-radius:2px;padding:8px 18px;margin:10px 8px 0 0;font-size:14px;cursor:pointer;box-shadow:0 1px 2px rgba(0,0,0,.3)}
.ui-button.secundario{background:#607d8b}
.ui-button.ui-state-disabled{opacity:.5}
.ui-messages>div{padding:10px 14px;margin:0 0 12px;border-radius:2px;display:flex;gap:10px}
.ui-messages ul{list-style:none;margin:0;padding:0}
.ui-messages-error{background:#ffcdd2;color:#b71c1c;border-left:5px solid #b71c1c}
.ui-messages-warn{background:#fff3c4;color:#6d4c00;border-left:5px solid #f9a825}
.ui-messages-info{background:#c8e6c9;color:#1b5e20;border-left:5px solid #2e7d32}
.ui-messages-error-icon,.ui-messages-warn-icon,.ui-messages-info-icon{font-weight:700}
.ui-messages-error-icon::before{content:"✖"}.ui-messages-warn-icon::before{content:"!"}.ui-messages-info-icon::before{content:"ℹ"}
[class$="-summary"]{font-weight:700;margin-right:6px}
.ui-selectoneradio td{padding:3px 14px 3px 0}
.pregunta{border:1px solid #e0e0e0;padding:8px 12px;margin:10px 0;border-radius:2px}
.pregunta legend{font-weight:500}
.imagenes{display:grid;grid-template-columns:repeat(3,110px);gap:10px;margin:10px 0}
.imagen{border:2px solid #cfd8dc;border-radius:4px;text-align:center;padding:6px;cursor:pointer;display:block}
.imagen svg{width:64px;height:64px;display:block;margin:0 auto 4px}
.imagen input{margin-right:4px}
.teclado-virtual{display:grid;grid-template-columns:repeat(10,36px);gap:4px;margin:12px 0;padding:10px;background:#eceff1;width:max-content}
.teclado-virtual .tecla{width:36px;height:34px;border:1px solid #90a4ae;background:#fff;border-radius:3px;cursor:pointer;font-size:14px}
.teclado-virtual .accion{grid-column:span 2;width:auto}
.terminos{max-height:160px;overflow:auto;border:1px solid #e0e0e0;padding:8px 12px;background:#fafafa;font-size:13px}
.contador{font:700 18px monospace;color:#b71c1c}
.wizard-nav{display:flex;gap:8px;list-style:none;padding:0;margin:0 0 12px}
.wizard-nav li{padding:6px 10px;background:#eceff1;border-radius:2px;font-size:12px}
.wizard-nav li.ui-state-highlight{background:#2e7d32;color:#fff}
.enlaces a{display:inline-block;margin:6px 16px 6px 0;color:#0b3c74}
.legacy{font-family:Verdana,Arial,sans-serif;font-size:12px}
.legacy .rich-panel{border:1px solid #99bbe8;background:#fff;margin-bottom:14px}
.legacy .rich-panel-header{background:#cfe0f5;color:#15428b;font-weight:700;padding:6px 10px}
.legacy .rich-panel-body{padding:10px 14px}
.legacy table.formulario td{padding:4px 8px}
footer.pie{font-size:12px;color:#607d8b;text-align:center;padding:10px}
.tarjeta-practica{margin:14px 0 0;text-align:left;color:#212121;background:#fffbe6;border:3px solid #111;outline:3px dashed #ffd400;outline-offset:-6px;padding:8px 12px}
.tarjeta-practica summary{cursor:pointer;font-size:15px;font-weight:700;color:#111;padding:4px 0}
.tarjeta-tabla{border-collapse:collapse;margin:8px 0;width:100%}.tarjeta-tabla th,.tarjeta-tabla td{border:1px solid #bdbdbd;padding:3px 5px;font-size:12px;vertical-align:top}.tarjeta-tabla th{background:#fff3c4}
/*
 * Phones. PrimeFaces Grid CSS (the Serenity template's ui-g) applies ui-md-* only from 641 px (40.063em):
 * below that a "ui-g-12 ui-md-6" column takes the full width, so side-by-side fields stack. The landing
 * layout's padding shrinks with it. Widgets the sources say nothing about at phone widths (the image
 * question, the virtual keypad) are given the least surprising shape: three image columns, a keypad of
 * five keys a row, 44 px keys. A guess, marked as one.
 */
@media (min-width:641px){.ui-md-6{width:50%}}
@media (max-width:640px){
.landing-wrapper{padding:8px}
.landing-header{padding:8px 12px;gap:10px}
.logo-iess{font-size:22px}
.card{padding:12px 12px}
.card h1{font-size:19px}
.sim-banner{min-height:58px}
.sim-banner strong{font-size:12px;padding:4px 8px}
.imagenes{grid-template-columns:repeat(3,minmax(0,1fr))}
.teclado-virtual{grid-template-columns:repeat(5,44px);width:auto}
.teclado-virtual .tecla{width:44px;height:44px}
.ui-button{padding:12px 18px}
}
`;

export interface DocumentOptions {
  title: string;
  body: SafeHtml;
  /** RichFaces-era pages on www.iess.gob.ec get a plainer look. */
  legacy?: boolean;
  /** Pages without the AJAX/keypad/CAPTCHA script (static pages, error pages). */
  script?: boolean;
}

export function banner(): SafeHtml {
  return html`<div id="simulacion-banner" class="sim-banner" role="note"><strong>${BANNER_TEXT}</strong></div>`;
}

export function pageDocument(opts: DocumentOptions): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="es" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${TITLE_PREFIX}${opts.title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body class="${opts.legacy ? 'landing-body legacy' : 'landing-body'}">
${banner()}
<div class="landing-wrapper">
<div class="landing-header">
<div class="logo-iess" aria-label="IESS">IESS<small>Instituto Ecuatoriano de Seguridad Social</small></div>
<span class="entidad">${opts.legacy ? 'Servicios en linea' : 'Servicios en línea'}</span>
</div>
${opts.body}
<footer class="pie">Portal de práctica de ClaveGuía. Datos ficticios; nada se envía al IESS.
${practiceCard()}</footer>
</div>
${opts.script === false ? '' : html`<script>${trusted(PORTAL_SCRIPT)}</script>`}
</body>
</html>
`;
}

/** Serenity content: div.ui-g.ui-fluid > div.card.card-w-title > h1. */
export function card(title: string, content: HtmlValue): SafeHtml {
  return html`<div class="ui-g ui-fluid"><div class="ui-g-12"><div class="card card-w-title"><h1>${title}</h1>${content}</div></div></div>`;
}

export type Severity = 'info' | 'warn' | 'error';
export interface Message {
  severity: Severity;
  summary: string;
  detail: string;
}

/** p:messages markup (PrimeFaces 8): one block per severity, summary + detail spans. */
export function messages(id: string, list: readonly Message[] = []): SafeHtml {
  const bySeverity = (['error', 'warn', 'info'] as const).filter((s) => list.some((m) => m.severity === s));
  return html`<div id="${id}" class="ui-messages ui-widget" aria-live="polite">${bySeverity.map(
    (s) =>
      html`<div class="ui-messages-${s} ui-corner-all"><span class="ui-messages-${s}-icon"></span><ul>${list
        .filter((m) => m.severity === s)
        .map(
          (m) =>
            html`<li role="alert" aria-atomic="true"><span class="ui-messages-${s}-summary">${m.summary}</span><span class="ui-messages-${s}-detail">${m.detail}</span></li>`,
        )}</ul></div>`,
  )}</div>`;
}

export interface InputOptions {
  id: string;
  label: string;
  value?: string;
  type?: string;
  maxlength?: number;
  readonly?: boolean;
  inputmode?: string;
  autocomplete?: string;
  /** Serenity floating-label wrapper (span.md-inputfield) instead of a label above. */
  md?: boolean;
  /** PrimeFaces client-side validation message. */
  requiredMessage?: string;
  extra?: SafeHtml;
}

const INPUT_CLASS = 'ui-inputfield ui-inputtext ui-widget ui-state-default ui-corner-all';

export function input(o: InputOptions): SafeHtml {
  const field = html`<input id="${o.id}" name="${o.id}" type="${o.type ?? 'text'}" value="${o.value ?? ''}" class="${INPUT_CLASS}${o.readonly ? ' ui-state-disabled' : ''}"${
    o.maxlength ? html` maxlength="${o.maxlength}"` : ''
  }${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${
    o.requiredMessage ? html` aria-required="true" data-p-rmsg="${o.requiredMessage}"` : ''
  }${attrIf(o.readonly, 'readonly')}${o.extra ?? ''}>`;
  if (o.md) return html`<span class="md-inputfield">${field}<label for="${o.id}">${o.label}</label></span>`;
  return html`<div class="campo"><label for="${o.id}">${o.label}</label>${field}</div>`;
}

export interface ButtonOptions {
  id: string;
  label: string;
  /** Client id to re-render; absent for a plain (non-AJAX) submit. */
  update?: string;
  secondary?: boolean;
}

export function commandButton(o: ButtonOptions): SafeHtml {
  return html`<button id="${o.id}" name="${o.id}" type="submit" class="ui-button ui-widget ui-state-default ui-corner-all ui-button-text-only${
    o.secondary ? ' secundario' : ''
  }" role="button"${o.update ? html` data-ajax="true" data-update="${o.update}"` : ''}><span class="ui-button-text ui-c">${o.label}</span></button>`;
}

/** A JSF form: hidden `id=id` marker plus the view state; the action is the view's URL. */
export function jsfForm(id: string, action: string, viewState: string, content: HtmlValue): SafeHtml {
  return html`<form id="${id}" name="${id}" method="post" action="${action}" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="${id}" value="${id}">
${content}
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="${viewState}" autocomplete="off">
</form>`;
}

/** A native list with a "--" placeholder (value 0), its label above; usable without JS. */
export function selectOne(id: string, label: string, options: readonly { value: string; text: string }[], selected?: string): SafeHtml {
  return html`<div class="campo"><label for="${id}">${label}</label><select id="${id}" name="${id}" class="ui-selectonemenu ui-widget ui-state-default ui-corner-all"><option value="0">--</option>${options.map(
    (o) => html`<option value="${o.value}"${attrIf(o.value === selected, 'selected')}>${o.text}</option>`,
  )}</select></div>`;
}

/** A PrimeFaces selectOneRadio rendered as a table of native radios (usable without JS). */
export function radioGroup(id: string, options: readonly string[], selected?: string): SafeHtml {
  return html`<table id="${id}" class="ui-selectoneradio ui-widget" role="radiogroup"><tbody>${options.map(
    (opt, i) =>
      html`<tr><td><div class="ui-radiobutton ui-widget"><input id="${id}:${i}" name="${id}" type="radio" value="${opt}"${attrIf(
        opt === selected,
        'checked',
      )}></div></td><td><label for="${id}:${i}">${opt}</label></td></tr>`,
  )}</tbody></table>`;
}
