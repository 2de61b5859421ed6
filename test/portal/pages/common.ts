/** Pieces shared by the flow pages: the render context, security images, keypad, durations. */
import { html, trusted, attrIf, type SafeHtml } from '../html';
import type { PortalUrls } from '../layout';
import { SECURITY_IMAGES } from '../personas';

export interface PageContext {
  urls: PortalUrls;
  viewState: string;
  /** Legacy www apps put the session id into form actions (`;jsessionid=`). */
  jsessionid?: string;
}

export const fid = (form: string, name: string): string => `${form}:${name}`;

/** "3 minutos", "90 segundos", "1 minuto y 30 segundos". */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const min = Math.floor(total / 60);
  const sec = total % 60;
  const m = min === 1 ? '1 minuto' : `${min} minutos`;
  const s = sec === 1 ? '1 segundo' : `${sec} segundos`;
  if (min === 0) return s;
  return sec === 0 ? m : `${m} y ${s}`;
}

const SHAPES: Record<string, string> = {
  sol: '<circle cx="32" cy="32" r="14" fill="#f9a825"/><g stroke="#f9a825" stroke-width="4"><line x1="32" y1="2" x2="32" y2="12"/><line x1="32" y1="52" x2="32" y2="62"/><line x1="2" y1="32" x2="12" y2="32"/><line x1="52" y1="32" x2="62" y2="32"/></g>',
  arbol: '<rect x="28" y="38" width="8" height="22" fill="#6d4c41"/><circle cx="32" cy="26" r="20" fill="#388e3c"/>',
  casa: '<polygon points="32,6 4,30 60,30" fill="#c62828"/><rect x="12" y="30" width="40" height="28" fill="#8d6e63"/><rect x="27" y="40" width="10" height="18" fill="#3e2723"/>',
  perro: '<ellipse cx="30" cy="40" rx="20" ry="12" fill="#8d6e63"/><circle cx="50" cy="26" r="10" fill="#8d6e63"/><rect x="14" y="48" width="5" height="12" fill="#5d4037"/><rect x="40" y="48" width="5" height="12" fill="#5d4037"/>',
  barco: '<polygon points="6,40 58,40 48,54 16,54" fill="#1565c0"/><polygon points="32,6 32,38 12,38" fill="#eceff1" stroke="#90a4ae"/>',
  guitarra: '<circle cx="24" cy="44" r="14" fill="#ef6c00"/><rect x="30" y="8" width="6" height="32" fill="#4e342e" transform="rotate(30 33 24)"/>',
  flor: '<circle cx="32" cy="20" r="8" fill="#ec407a"/><circle cx="22" cy="28" r="8" fill="#ec407a"/><circle cx="42" cy="28" r="8" fill="#ec407a"/><circle cx="32" cy="26" r="5" fill="#fdd835"/><rect x="30" y="34" width="4" height="26" fill="#43a047"/>',
  montana: '<polygon points="2,58 24,14 46,58" fill="#546e7a"/><polygon points="24,58 42,26 62,58" fill="#78909c"/><polygon points="24,14 19,24 29,24" fill="#fff"/>',
  llave: '<circle cx="18" cy="32" r="12" fill="none" stroke="#fbc02d" stroke-width="6"/><rect x="28" y="29" width="30" height="6" fill="#fbc02d"/><rect x="48" y="35" width="5" height="10" fill="#fbc02d"/>',
};

/** A grid of security images, each a labelled radio (works without JS). */
export function imageGrid(id: string, selected?: string): SafeHtml {
  return html`<div id="${id}" class="imagenes" role="radiogroup">${SECURITY_IMAGES.map(
    (img, i) =>
      html`<label class="imagen" for="${id}:${i}"><svg viewBox="0 0 64 64" aria-hidden="true">${trusted(SHAPES[img.id] ?? '')}</svg><input type="radio" id="${id}:${i}" name="${id}" value="${img.id}"${attrIf(
        img.id === selected,
        'checked',
      )}>${img.label}</label>`,
  )}</div>`;
}

const KEYS = '1234567890qwertyuiopasdfghjklñzxcvbnm'.replace('ñ', '').split('');

/** The on-screen keypad: keys set the value of the selected readonly field by script. */
export function keypad(id: string, fieldIds: readonly string[]): SafeHtml {
  return html`<div id="${id}" class="teclado-virtual" data-keypad-for="${fieldIds.join(' ')}" role="group" aria-label="Teclado virtual">${KEYS.map(
    (k) => html`<button type="button" class="tecla" data-key="${k}">${k}</button>`,
  )}<button type="button" class="tecla accion" data-key-action="shift">Mayús</button><button type="button" class="tecla accion" data-key-action="back">Borrar</button><button type="button" class="tecla accion" data-key-action="clear">Limpiar</button></div>`;
}

export const KEY_RULE_TEXT = 'La clave debe tener entre 6 y 15 caracteres, solo letras y/o números.';
export const isValidNewKey = (key: string): boolean => /^[A-Za-z0-9]{6,15}$/.test(key);
