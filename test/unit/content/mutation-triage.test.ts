import { afterEach, describe, expect, it } from 'vitest';
import { triage } from '../../../src/content/mutation-triage';

/** Runs `change` and returns what the triage makes of the records it produced (observing `root`, the body by default). */
async function worthOf(change: () => void, root: Node = document.body): Promise<string> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  change();
  // Every record the change produced and the callback has not been handed yet: nothing to wait for.
  records.push(...observer.takeRecords());
  observer.disconnect();
  return triage(records);
}

function page(): { form: HTMLFormElement; banner: HTMLElement; clock: HTMLElement } {
  const form = document.body.appendChild(document.createElement('form'));
  form.append(document.createElement('input'));
  const banner = document.body.appendChild(document.createElement('div'));
  const clock = document.body.appendChild(document.createElement('span'));
  return { form, banner, clock };
}

afterEach(() => document.body.replaceChildren());

describe('mutation triage', () => {
  it('calls a ticking clock or a banner class outside any form weak', async () => {
    const { banner, clock } = page();
    expect(await worthOf(() => (clock.textContent = '10:01'))).toBe('weak');
    expect(await worthOf(() => banner.setAttribute('class', 'slide-2'))).toBe('weak');
  });

  it('calls changes to forms, messages, dialogs and headings strong', async () => {
    const { form, banner } = page();
    expect(await worthOf(() => form.append(Object.assign(document.createElement('span'), { textContent: 'Error' })))).toBe('strong');
    expect(await worthOf(() => banner.append(Object.assign(document.createElement('div'), { className: 'ui-growl' })))).toBe('strong');
    expect(await worthOf(() => form.setAttribute('hidden', ''))).toBe('strong');
    const dialog = document.body.appendChild(document.createElement('div'));
    dialog.setAttribute('role', 'dialog');
    expect(await worthOf(() => (dialog.textContent = 'Le enviamos un correo'))).toBe('strong');
  });

  it('reads a change to a shadow root’s own children as its host’s (a component rendering its next step)', async () => {
    const shadow = document.body.appendChild(document.createElement('iess-recuperar')).attachShadow({ mode: 'open' });
    shadow.append(document.createElement('p'));
    expect(await worthOf(() => shadow.replaceChildren(document.createElement('form')), shadow)).toBe('strong');
    expect(await worthOf(() => shadow.append(Object.assign(document.createElement('span'), { textContent: '10:01' })), shadow)).toBe('weak');
    expect(await worthOf(() => (shadow.firstChild!.nextSibling!.textContent = '10:02'), shadow)).toBe('weak');
  });

  it('ignores our own host, and calls a huge batch strong without reading it', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    host.setAttribute('data-claveguia-host', '');
    expect(await worthOf(() => host.append(document.createElement('form')))).toBe('none');
    expect(triage(Array.from({ length: 51 }, () => ({}) as MutationRecord))).toBe('strong');
  });
});
