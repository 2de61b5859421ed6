import '../../../src/i18n/catalogues';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymize } from '../../../src/anonymize';
import { createBackground } from '../../../src/background/background';
import { parseCopyAnswer, parseToContent } from '../../../src/messages';
import { Side } from '../../../src/side/Side';
import { createSideStore } from '../../../src/side/store';
import { CONTENT_SENDER, fakeBrowser, fakeControl } from '../fakes/browser';
import type { OverlayServices } from '../../../src/overlay/services';
import { detection, flush, mount, text, type Mounted } from '../overlay/helpers';

let current: Mounted | null = null;
let container: HTMLElement | null = null;
afterEach(() => {
  current?.overlay.destroy();
  current = null;
  if (container) render(null, container);
  container = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const URL_NOW = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/validar.jsf?ced=1710034065';

function plantPage(): void {
  const header = document.createElement('div');
  header.textContent = 'Bienvenido, JUAN PÉREZ. Cédula 1710034065, correo juan.perez@gmail.com';
  const form = document.createElement('form');
  form.setAttribute('action', '/iess-gestion-desbloqueo-publico-web/public/validar.jsf?t=abc');
  const input = document.createElement('input');
  input.setAttribute('value', '1710034065');
  form.append(input);
  document.body.append(header, form);
}

const answerOf = (html: ReturnType<typeof anonymize>) => ({ html: html.html, preview: html.preview, url: html.url, removed: html.removed });

describe('"Guardar copia anónima" in the QA panel', () => {
  it('builds the copy of the page (not of the overlay), shows its text and what was removed, and offers the file', async () => {
    plantPage();
    current = await mount({}, detection({ step: 'verification', flow: 'recover' }));
    (current.services as OverlayServices).makeCopy = async () => answerOf(anonymize(document, URL_NOW));
    current.$('[data-action="qa"]')!.click();
    await flush();
    current.$('[data-action="make-copy"]')!.click();
    await vi.waitFor(async () => {
      await flush();
      expect(current!.$('[data-copy]')?.getAttribute('data-copy')).toBe('ready');
    });
    const preview = text(current.$('[data-copy-preview]'));
    expect(preview).toContain('Bienvenido, XXXXXX XXXXXX');
    expect(preview).not.toMatch(/1710034065|juan|pérez|perez/i);
    expect(preview).not.toContain('Informe técnico');
    const kinds = current.$$('[data-copy-removed] li').map((li) => li.getAttribute('data-kind'));
    expect(kinds).toEqual(expect.arrayContaining(['names', 'values', 'digits', 'emails', 'addresses']));
    const save = current.$<HTMLAnchorElement>('[data-action="save-copy"]')!;
    expect(save.getAttribute('download')).toBe('claveguia-copia-anonima.html');
    expect(save.getAttribute('href')).toMatch(/^blob:/);
  });

  it('says so when the copy cannot be made', async () => {
    current = await mount({}, detection({ step: 'code', flow: 'recover' }));
    (current.services as OverlayServices).makeCopy = async () => null;
    current.$('[data-action="qa"]')!.click();
    await flush();
    current.$('[data-action="make-copy"]')!.click();
    await vi.waitFor(async () => {
      await flush();
      expect(current!.$('[data-copy]')?.getAttribute('data-copy')).toBe('failed');
    });
    expect(current.$('[data-action="save-copy"]')).toBeNull();
  });
});

describe('"Guardar copia anónima" in the side area', () => {
  it('asks the tab’s content script with copy:make and offers what it answers', async () => {
    const background = createBackground(fakeBrowser);
    background.start();
    fakeControl.tabs = [{ id: 1, windowId: 7 }];
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 1, windowId: 7 } };
    await fakeBrowser.runtime.sendMessage({ type: 'page:step', step: 'verification', flow: 'recover', alerts: [] });
    plantPage();
    const answer = answerOf(anonymize(document, URL_NOW));
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(answer as never);
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Side store={createSideStore(fakeBrowser)} />, container!));
    await vi.waitFor(async () => {
      await flush();
      expect(container!.querySelector('[data-action="make-copy"]')).not.toBeNull();
    });
    (container.querySelector('[data-action="make-copy"]') as HTMLElement).click();
    await vi.waitFor(async () => {
      await flush();
      expect(container!.querySelector('[data-copy]')?.getAttribute('data-copy')).toBe('ready');
    });
    expect(send).toHaveBeenCalledWith(1, { type: 'copy:make' });
    expect(text(container.querySelector('[data-copy-preview]'))).toContain('Bienvenido, XXXXXX XXXXXX');
  });
});

describe('the copy:make message', () => {
  it('is a message to content scripts, and its answer is checked before use', () => {
    expect(parseToContent({ type: 'copy:make' })).toEqual({ type: 'copy:make' });
    expect(parseCopyAnswer({ html: '<p>x</p>', preview: 'x', url: '', removed: { digits: 2, bogus: 3, names: -1 } })?.removed).toMatchObject({ digits: 2, names: 0 });
    expect(parseCopyAnswer({ html: 3, preview: '', url: '', removed: {} })).toBeNull();
    expect(parseCopyAnswer(null)).toBeNull();
  });
});
