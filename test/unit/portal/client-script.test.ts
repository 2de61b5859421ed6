// The portal's inline script in a DOM (happy-dom): AJAX partial updates and the virtual keypad.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PORTAL_SCRIPT } from '../../portal/client-script';
import { CATALOGUE_VIEW_STATE, partialResponse, VIEW_STATE_ID } from '../../portal/jsf';
import { recoverDocument, recoverRegion, type RecoverView } from '../../portal/pages/recover';
import { CATALOGUE_URLS } from '../../portal/states';

const pc = { urls: CATALOGUE_URLS, viewState: CATALOGUE_VIEW_STATE };

function show(view: RecoverView, form: 'frmRecuperar' | 'frmClave' = 'frmRecuperar'): void {
  const parsed = new DOMParser().parseFromString(String(recoverDocument(form, pc, view)), 'text/html');
  document.documentElement.replaceChildren(document.importNode(parsed.head, true), document.importNode(parsed.body, true));
}

beforeAll(() => {
  // The page's own inline script, run once: its listeners are delegated from `document`.
  new Function(PORTAL_SCRIPT)();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('portal inline script', () => {
  it('posts the form as a JSF AJAX request and applies the partial response in place', async () => {
    show({ step: 'security-image' });
    const xml = partialResponse([
      { id: 'frmRecuperar:pnlContenido', content: String(recoverRegion('frmRecuperar', pc, { step: 'email-sent', maskedEmail: 'a***@example.com', validityMs: 180000 })) },
      { id: VIEW_STATE_ID, content: 'NUEVO-VIEWSTATE' },
    ]).body;
    const fetchMock = vi.fn(async () => new Response(xml, { headers: { 'Content-Type': 'text/xml; charset=UTF-8' } }));
    vi.stubGlobal('fetch', fetchMock);
    const radio = document.getElementById('frmRecuperar:rdImagenSeguridad:1') as HTMLInputElement;
    radio.checked = true;
    (document.getElementById('frmRecuperar:j_idt88') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('[data-paso="email-sent"]')).not.toBeNull());
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const body = new URLSearchParams(String(init.body));
    expect(body.get('javax.faces.partial.ajax')).toBe('true');
    expect(body.get('javax.faces.source')).toBe('frmRecuperar:j_idt88');
    expect(body.get('javax.faces.partial.render')).toBe('frmRecuperar:pnlContenido');
    expect(body.get('frmRecuperar:rdImagenSeguridad')).toBe('arbol');
    expect(body.get('javax.faces.ViewState')).toBe(CATALOGUE_VIEW_STATE);
    expect(document.body.textContent).toContain('a***@example.com');
    expect((document.querySelector('input[name="javax.faces.ViewState"]') as HTMLInputElement).value).toBe('NUEVO-VIEWSTATE');
    expect(document.getElementById('frmRecuperar')).not.toBeNull();
  });

  it('fills the readonly key fields from the keypad without keyboard, input or change events', () => {
    show({ step: 'new-key' }, 'frmClave');
    const key = document.getElementById('frmClave:txtClave') as HTMLInputElement;
    const confirm = document.getElementById('frmClave:txtConfirmacion') as HTMLInputElement;
    expect(key.readOnly).toBe(true);
    const events: string[] = [];
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'change']) key.addEventListener(type, () => events.push(type));
    const press = (k: string) => (document.querySelector(`button[data-key="${k}"]`) as HTMLButtonElement).click();
    const action = (a: string) => (document.querySelector(`button[data-key-action="${a}"]`) as HTMLButtonElement).click();
    key.click();
    press('a');
    press('b');
    action('shift');
    press('C');
    press('1');
    action('back');
    press('2');
    expect(key.value).toBe('abC2');
    confirm.click();
    press('9');
    expect(confirm.value).toBe('9');
    action('clear');
    expect(confirm.value).toBe('');
    expect(events).toEqual([]);
  });
});
