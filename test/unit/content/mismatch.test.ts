import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { ActivePerson, MismatchChecker, type FieldState } from '../../../src/content/mismatch';
import type { StepId } from '../../../src/detect/vocabulary';
import { STRENGTH_DEBOUNCE_MS } from '../../../src/content/strength';
import { ESTIMATOR_KEY, registerEstimator } from '../../../src/estimator/contract';
import type { FieldWarning } from '../../../src/flow/warnings';
import type { Overlay } from '../../../src/overlay/services';
import type { ValueFieldRole } from '../../../src/page/fields';
import { OPTIONS } from '../../../src/storage/options';
import { createStore } from '../../../src/storage/store';
import { allAnswered, fakeBrowser, fakeContentBrowser, fakeControl } from '../fakes/browser';

function fakeOverlay() {
  const shown: { list: readonly FieldWarning[]; anchors: string[] }[] = [];
  const overlay = {
    showWarnings: (list: readonly FieldWarning[], anchors: ReadonlyMap<string, Element>) => void shown.push({ list, anchors: [...anchors.keys()] }),
  } as unknown as Overlay;
  return { overlay, shown, last: () => shown.at(-1)!.list.map((w) => w.code) };
}

const fields = (values: Partial<Record<ValueFieldRole, string>>): FieldState => {
  const elements = new Map<ValueFieldRole, Element>();
  for (const role of Object.keys(values) as ValueFieldRole[]) elements.set(role, document.createElement('input'));
  return { values: new Map(Object.entries(values)) as FieldState['values'], left: new Set(), capsLock: false, elements };
};

/** The checker and the one person source, wired as the content app wires them, on the content script's API. */
function contentSide(overlay: Overlay) {
  const people = new ActivePerson(fakeContentBrowser);
  const mismatch = new MismatchChecker(document, fakeContentBrowser, createStore(fakeContentBrowser.storage), overlay, people);
  return {
    people,
    setStep(step: StepId) {
      people.setStep(step);
      mismatch.setStep(step);
    },
    setFields: (f: FieldState) => mismatch.setFields(f),
    destroy() {
      mismatch.destroy();
      people.destroy();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(ESTIMATOR_KEY)];
});

describe('MismatchChecker', () => {
  it('asks the background for the person on a step that compares, and names the person', async () => {
    fakeBrowser.runtime.onMessage.addListener((m: unknown) =>
      (m as { type: string }).type === 'person:active' ? Promise.resolve({ label: 'Mamá', cedula: '1712345600' }) : undefined,
    );
    const { overlay, last } = fakeOverlay();
    const checker = contentSide(overlay);
    checker.setStep('identity');
    checker.setFields(fields({ 'id-number': '0902345610' }));
    await vi.waitFor(() => expect(last()).toEqual(['cedula-differs']));
    checker.destroy();
  });

  it('reads the key rule from the options and estimates strength only after a quiet moment, with the loaded estimator', async () => {
    await fakeBrowser.storage.local.set({ [OPTIONS.key]: { keyMinLength: 8, keyMaxLength: 12 } });
    createBackground(fakeBrowser).start();
    const seen: { key: string; inputs: readonly string[] }[] = [];
    fakeControl.onFiles = () =>
      registerEstimator((key, inputs) => {
        seen.push({ key, inputs });
        return 'strong';
      });
    await fakeBrowser.storage.session.set({ people: { activeId: 'p1', list: [{ id: 'p1', label: 'Mamá', names: 'Rosa Loor' }] } });
    const { overlay, last } = fakeOverlay();
    const checker = contentSide(overlay);
    checker.setStep('new-key');
    // The estimator comes when the person starts typing the new key, not when the step is detected.
    await allAnswered();
    expect(checker.people.person?.names).toBe('Rosa Loor');
    expect(fakeControl.injected.some((i) => i.files)).toBe(false);
    checker.setFields(fields({ 'new-key': 'a', 'key-confirmation': '' }));
    await vi.waitFor(() => expect(fakeControl.injected.some((i) => i.files)).toBe(true));
    // Once it is there, the key typed while it loaded is estimated.
    await vi.waitFor(() => expect(seen).toEqual([{ key: 'a', inputs: ['rosa', 'loor'] }]), { timeout: 5000 });
    seen.length = 0;
    checker.setFields(fields({ 'new-key': '', 'key-confirmation': '' }));
    vi.useFakeTimers();
    checker.setFields(fields({ 'new-key': 'abcdefghijklm', 'key-confirmation': '' }));
    expect(last()).toEqual(['key-too-long']);
    vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS - 1);
    expect(last().some((c) => c.startsWith('strength-'))).toBe(false);
    vi.advanceTimersByTime(1);
    expect(last()).toEqual(['key-too-long', 'strength-strong']);
    // The key and the person's words went to the estimator, here, and nowhere else.
    expect(seen).toEqual([{ key: 'abcdefghijklm', inputs: ['rosa', 'loor'] }]);
    // Another step: the strength and the key are forgotten, and nothing is estimated there.
    checker.setStep('done');
    checker.setFields(fields({}));
    vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS * 2);
    expect(last()).toEqual([]);
    expect(seen).toHaveLength(1);
    checker.destroy();
  });

  it('finds the masked address on the email-sent page and anchors a note to it', async () => {
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Se ha enviado un correo a a***@example.com con un enlace.' }));
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ label: 'Mamá', email: 'mama@example.com' }));
    const { overlay, shown, last } = fakeOverlay();
    const checker = contentSide(overlay);
    checker.setStep('email-sent');
    await vi.waitFor(() => expect(last()).toEqual(['masked-email-differs']));
    expect(shown.at(-1)!.anchors).toEqual(['masked-email']);
    checker.destroy();
  });
});
