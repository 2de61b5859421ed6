/**
 * reCAPTCHA v2 stand-in. The page embeds div.g-recaptcha with a cross-origin iframe (served from the
 * non-IESS loopback host); ticking "No soy un robot" asks this server for a token and posts it to the
 * parent, whose script fills textarea#g-recaptcha-response. Tokens are single use and expire.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { html, scriptJson, trusted, type SafeHtml } from './html';
import type { Message } from './layout';

export const SITE_KEY = '6LcSIMULACION-no-es-de-google-0000000000';
export const CAPTCHA_FIELD = 'g-recaptcha-response';

export type CaptchaCheck = 'ok' | 'missing' | 'invalid' | 'expired' | 'used';

export class CaptchaTokens {
  private readonly tokens = new Map<string, { issuedAt: number; used: boolean }>();
  constructor(
    private readonly clock: Clock,
    readonly ttlMs: number,
  ) {}

  issue(): string {
    const token = '03AFcWeA' + randomBytes(300).toString('base64url');
    this.tokens.set(token, { issuedAt: this.clock.now(), used: false });
    return token;
  }

  /** Like siteverify: any check consumes the token, whatever the rest of the form says. */
  consume(token: string | null | undefined): CaptchaCheck {
    if (!token) return 'missing';
    const entry = this.tokens.get(token);
    if (!entry) return 'invalid';
    if (entry.used) return 'used';
    entry.used = true;
    if (this.clock.now() - entry.issuedAt > this.ttlMs) return 'expired';
    return 'ok';
  }
}

export function captchaMessage(check: Exclude<CaptchaCheck, 'ok'>): Message {
  if (check === 'missing')
    return { severity: 'error', summary: 'Captcha:', detail: 'Debe validar el captcha: marque la casilla «No soy un robot».' };
  if (check === 'expired')
    return {
      severity: 'error',
      summary: 'Captcha:',
      detail: 'La verificación del captcha caducó. Vuelva a marcar la casilla «No soy un robot».',
    };
  return {
    severity: 'error',
    summary: 'Captcha:',
    detail: 'La verificación del captcha no es válida. Vuelva a marcar la casilla «No soy un robot».',
  };
}

/** base64 of the parent origin, as reCAPTCHA passes it in `co`. */
const encodeOrigin = (origin: string): string => Buffer.from(origin).toString('base64url');
export const decodeOrigin = (co: string): string => Buffer.from(co, 'base64url').toString('utf8');

/** The widget as it sits in the IESS page (what api.js would have rendered). */
export function captchaWidget(id: string, simOrigin: string, parentOrigin: string): SafeHtml {
  const src = `${simOrigin}/captcha/anchor?ar=1&k=${encodeURIComponent(SITE_KEY)}&co=${encodeOrigin(parentOrigin)}&hl=es&v=simulacion&size=normal`;
  return html`<div id="${id}" class="g-recaptcha" data-sitekey="${SITE_KEY}"><div style="width: 304px; height: 78px;"><div><iframe title="reCAPTCHA" width="304" height="78" role="presentation" name="a-simulacion" frameborder="0" scrolling="no" src="${src}"></iframe></div><textarea id="g-recaptcha-response" name="${CAPTCHA_FIELD}" class="g-recaptcha-response" style="width: 250px; height: 40px; border: 1px solid rgb(193, 193, 193); margin: 10px 25px; padding: 0px; resize: none; display: none;"></textarea></div></div>`;
}

const ANCHOR_STYLE = `
body{margin:0;font-family:Roboto,Arial,sans-serif;background:transparent}
.caja{width:300px;height:74px;border:1px solid #d3d3d3;border-radius:3px;background:#f9f9f9;display:flex;align-items:center;
  box-shadow:0 0 4px 1px rgba(0,0,0,.08);position:relative}
label{display:flex;align-items:center;gap:12px;margin-left:12px;font-size:14px;cursor:pointer}
input{width:26px;height:26px;margin:0;cursor:pointer}
.marca{position:absolute;right:8px;top:8px;text-align:center;font-size:9px;color:#555;width:70px}
.marca b{display:block;font-size:10px;color:#1c3aa9}
.sim{position:absolute;left:12px;bottom:2px;font-size:9px;font-weight:700;color:#b00000}
.estado{position:absolute;left:12px;top:3px;font-size:10px;color:#d93025}
`;

const ANCHOR_SCRIPT = `
(function () {
  var config = JSON.parse(document.getElementById('config').textContent);
  var box = document.getElementById('recaptcha-anchor');
  var status = document.getElementById('estado');
  var timer = null;
  function tell(state, token) { window.parent.postMessage({ type: 'sim-recaptcha', state: state, token: token || '' }, config.parentOrigin); }
  box.addEventListener('change', function () {
    if (!box.checked) return;
    box.disabled = true;
    status.textContent = '';
    fetch('/captcha/verify', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'k=' + encodeURIComponent(config.siteKey) })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        box.setAttribute('aria-checked', 'true');
        tell('verified', res.token);
        clearTimeout(timer);
        timer = setTimeout(function () {
          box.checked = false; box.disabled = false; box.setAttribute('aria-checked', 'false');
          status.textContent = 'La verificación caducó. Vuelve a marcar la casilla.';
          tell('expired');
        }, res.ttlMs);
      })
      .catch(function () { box.checked = false; box.disabled = false; status.textContent = 'Error de conexión. Vuelve a intentarlo.'; });
  });
})();
`;

/** The iframe document (on the loopback host). Too small for the full banner: it carries a SIMULACIÓN tag. */
export function captchaAnchorPage(parentOrigin: string): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>[SIMULACIÓN] reCAPTCHA</title><style>${trusted(ANCHOR_STYLE)}</style></head>
<body><div class="caja"><span id="estado" class="estado" role="status"></span>
<label><input type="checkbox" id="recaptcha-anchor" role="checkbox" aria-checked="false">No soy un robot</label>
<div class="marca"><b>reCAPTCHA</b>simulado<br>Privacidad - Condiciones</div>
<span class="sim">SIMULACIÓN — no es Google</span></div>
<script type="application/json" id="config">${scriptJson({ parentOrigin, siteKey: SITE_KEY })}</script>
<script>${trusted(ANCHOR_SCRIPT)}</script>
</body></html>`;
}
