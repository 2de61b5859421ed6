import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldWatcher, type FieldValues } from '../../../src/content/field-watcher';
import { Teardown } from '../../../src/content/teardown';
import { findValueFields } from '../../../src/page/fields';
import { form } from './page-form';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('findValueFields', () => {
  it('finds fields by what they are, not by the portal’s ids', () => {
    form(`<input id="j_idt4:ced" maxlength="10"><input type="password" id="a"><input type="password" id="b">`);
    const found = findValueFields(document);
    expect([...found.entries()].map(([role, el]) => `${role}:${el.id}`)).toEqual([
      'id-number:j_idt4:ced',
      'new-key:a',
      'key-confirmation:b',
    ]);
  });

  it('takes the last two password fields on the change-key page (current key first)', () => {
    form(`<input type="password" id="old"><input type="password" id="new"><input type="password" id="again">`);
    expect(findValueFields(document).get('new-key')?.id).toBe('new');
  });

  it('ignores disabled, hidden and hidden-wizard fields; a 13-digit field is a RUC', () => {
    form(`<div hidden><input type="password"></div><input type="password" disabled><input maxlength="13" id="ruc">`);
    expect([...findValueFields(document).keys()]).toEqual(['ruc']);
  });

  const roles = () => [...findValueFields(document).entries()].map(([role, el]) => `${role}:${el.id}`);

  it('the employer form: RUC, the sucursal after it, the representative’s cédula', () => {
    form(`<label for="r">Numero de RUC:</label><input id="r" maxlength="13"><label for="s">Sucursal:</label><input id="s" maxlength="4">
      <label for="c">Cedula del Representante Legal:</label><input id="c" maxlength="10">`);
    expect(roles()).toEqual(['ruc:r', 'sucursal:s', 'id-number:c']);
  });

  it('day and month by their names, whatever their order; by position when unnamed', () => {
    form(`<label for="m">Mes de nacimiento</label><input id="m" maxlength="2"><label for="d">Día de nacimiento</label><input id="d" maxlength="2">`);
    expect(roles()).toEqual(['birth-day:d', 'birth-month:m']);
    form(`<input id="a" maxlength="2" inputmode="numeric"><input id="b" maxlength="2" inputmode="numeric">`);
    expect(roles()).toEqual(['birth-day:a', 'birth-month:b']);
  });

  it('email and its confirmation; a 10-digit phone is not a cédula; hidden wizard tabs are skipped', () => {
    form(`<input id="e" type="email"><input id="e2" type="email"><label for="p">Teléfono celular</label><input id="p" maxlength="10">
      <input id="t" type="tel" maxlength="10"><div style="display:none"><input id="x" maxlength="10"></div>`);
    expect(roles()).toEqual(['email:e', 'email-confirmation:e2']);
  });

  it('finds the masked address in visible page text, not in a folded card', async () => {
    const { findMaskedEmail } = await import('../../../src/page/fields');
    form(`<details><summary>Tarjeta</summary><p>x***@card.com</p></details><p id="m">Se ha enviado un correo a a***@example.com con un enlace.</p>`);
    const found = findMaskedEmail(document);
    expect(found?.mask).toBe('a***@example.com');
    expect(found?.element.id).toBe('m');
    form(`<p>Escriba ana@example.com</p>`);
    expect(findMaskedEmail(document)).toBeNull();
  });
});

describe('FieldWatcher', () => {
  it('reads only the roles asked for, notes leaving a field and Caps Lock, never the key pressed', () => {
    vi.useFakeTimers();
    form(`<input id="c" maxlength="10" value="171"><input type="password" id="a"><input type="password" id="b">`);
    const seen: FieldValues[] = [];
    const watcher = new FieldWatcher({ doc: document, onChange: (v) => seen.push(v), pollMs: 100 });
    watcher.watch(['new-key', 'key-confirmation']);
    expect([...seen.at(-1)!.keys()]).toEqual(['new-key', 'key-confirmation']);
    const b = document.querySelector<HTMLInputElement>('#b')!;
    b.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(watcher.left.has('key-confirmation')).toBe(true);
    const key = new KeyboardEvent('keydown', { key: 'A', bubbles: true });
    Object.defineProperty(key, 'getModifierState', { value: (m: string) => m === 'CapsLock' });
    b.dispatchEvent(key);
    expect(watcher.capsLock).toBe(true);
    watcher.watch(false);
    expect(watcher.left.size).toBe(0);
    expect(watcher.capsLock).toBe(false);
  });

  it('reads the fields a component keeps in its open shadow root, and knows which one the person left', () => {
    vi.useFakeTimers();
    const shadow = document.body.appendChild(document.createElement('iess-recuperar')).attachShadow({ mode: 'open' });
    const input = Object.assign(document.createElement('input'), { id: 'ced', maxLength: 10, value: '1712345601' });
    shadow.append(input);
    const seen: FieldValues[] = [];
    // Without the shadow root among its scopes the watcher finds nothing (the document's query stops at the host).
    expect(findValueFields(document).size).toBe(0);
    const watcher = new FieldWatcher({ doc: document, scopes: () => [document, shadow], onChange: (v) => seen.push(v), pollMs: 100 });
    watcher.watch(['id-number']);
    expect(seen.at(-1)?.get('id-number')).toBe('1712345601');
    expect(watcher.elements.get('id-number')).toBe(input);
    // Leaving it: the document's listener sees the host as the target; the event's path names the field.
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    expect(watcher.left.has('id-number')).toBe(true);
    watcher.destroy();
  });

  it('reads values set without events (an on-screen keypad), and reports only changes', () => {
    vi.useFakeTimers();
    form(`<input type="password" id="a"><input type="password" id="b">`);
    const seen: FieldValues[] = [];
    const watcher = new FieldWatcher({ doc: document, onChange: (v) => seen.push(v), pollMs: 100 });
    watcher.watch(true);
    expect(seen).toHaveLength(1);
    document.querySelector<HTMLInputElement>('#a')!.value = '12';
    // Read at the next poll, not before; then nothing more while nothing changes.
    vi.advanceTimersByTime(99);
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.get('new-key')).toBe('12');
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(2);
    watcher.destroy();
  });

  it('follows a re-render that replaced the fields', () => {
    vi.useFakeTimers();
    form(`<input type="password" id="a">`);
    const seen: FieldValues[] = [];
    const watcher = new FieldWatcher({ doc: document, onChange: (v) => seen.push(v), pollMs: 100 });
    watcher.watch(true);
    form(`<input type="password" id="fresh" value="xyz">`);
    vi.advanceTimersByTime(100);
    expect(seen.at(-1)!.get('new-key')).toBe('xyz');
    watcher.destroy();
  });

  it('forgets the values and stops polling when watching stops', () => {
    vi.useFakeTimers();
    form(`<input type="password" id="a" value="secret">`);
    const seen: FieldValues[] = [];
    const watcher = new FieldWatcher({ doc: document, onChange: (v) => seen.push(v), pollMs: 100 });
    watcher.watch(true);
    watcher.watch(false);
    expect(seen.at(-1)!.size).toBe(0);
    const count = seen.length;
    document.querySelector<HTMLInputElement>('#a')!.value = 'other';
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(count);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Teardown', () => {
  it('undoes everything newest first, once, even when one undo fails', () => {
    const order: string[] = [];
    const teardown = new Teardown();
    teardown.add(() => order.push('first'));
    teardown.add(() => {
      throw new Error('already gone');
    });
    teardown.add(() => order.push('last'));
    teardown.run();
    teardown.run();
    expect(order).toEqual(['last', 'first']);
  });

  it('removes listeners and intervals it registered, and undoes late registrations at once', () => {
    vi.useFakeTimers();
    const teardown = new Teardown();
    const heard: string[] = [];
    teardown.listen(document, 'x', () => heard.push('x'));
    teardown.interval(() => heard.push('tick'), 10);
    teardown.run();
    document.dispatchEvent(new Event('x'));
    vi.advanceTimersByTime(100);
    expect(heard).toEqual([]);
    let late = false;
    teardown.add(() => (late = true));
    expect(late).toBe(true);
  });
});
