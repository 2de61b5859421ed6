import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { ActivePerson, MismatchChecker, type FieldState } from '../../../src/content/mismatch';
import { KeyStrength, STRENGTH_DEBOUNCE_MS } from '../../../src/content/strength';
import type { StepId } from '../../../src/detect/vocabulary';
import { ESTIMATOR_KEY, registerEstimator } from '../../../src/estimator/contract';
import type { FieldWarning } from '../../../src/flow/warnings';
import type { Overlay } from '../../../src/overlay/services';
import { createStore } from '../../../src/storage/store';
import type { StrengthEstimator } from '../../../src/validate';
import { allAnswered, fakeContentBrowser, fakeBrowser, fakeControl } from '../fakes/browser';

const KEY = 'Secreto2025x';

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(ESTIMATOR_KEY)];
});

/** The background as it runs, plus every message the content side sent it. */
function background() {
  createBackground(fakeBrowser).start();
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((m: unknown) => void sent.push(m));
  return { sent, loads: () => sent.filter((m) => (m as { type: string }).type === 'estimator:load').length };
}

function checker() {
  const shown: (readonly FieldWarning[])[] = [];
  const overlay = { showWarnings: (list: readonly FieldWarning[]) => void shown.push(list) } as unknown as Overlay;
  const people = new ActivePerson(fakeContentBrowser);
  const mismatch = new MismatchChecker(document, fakeContentBrowser, createStore(fakeContentBrowser.storage), overlay, people);
  // As the content app does: the one person source follows the step with the checker.
  const instance = {
    setStep: (step: StepId) => {
      people.setStep(step);
      mismatch.setStep(step);
    },
    setFields: (fields: FieldState) => mismatch.setFields(fields),
    destroy: () => {
      mismatch.destroy();
      people.destroy();
    },
  };
  const codes = () => (shown.at(-1) ?? []).map((w) => w.code);
  return { instance, codes };
}

const keyFields = (key: string): FieldState => ({
  values: new Map([['new-key', key]]),
  left: new Set(),
  capsLock: false,
  elements: new Map([['new-key', document.createElement('input')]]),
});

describe('the strength estimator, content side', () => {
  it('is asked for when the new key is typed on the new-key step, and never on the other steps', async () => {
    const { loads } = background();
    const { instance } = checker();
    for (const step of ['start', 'identity', 'verification', 'profile', 'email-sent', 'code', 'terms', 'change-key', 'done', 'error'] satisfies StepId[]) {
      instance.setStep(step);
      instance.setFields(keyFields(KEY));
    }
    await allAnswered();
    expect(loads()).toBe(0);
    expect(fakeControl.injected).toEqual([]);
    // Detecting the step loads nothing: the page is not made to parse the estimator as it loads.
    instance.setStep('new-key');
    instance.setFields(keyFields(''));
    await allAnswered();
    expect(loads()).toBe(0);
    // The first character typed asks for it.
    instance.setFields(keyFields('S'));
    await vi.waitFor(() => expect(fakeControl.injected).toHaveLength(2));
    expect(loads()).toBe(1);
    instance.destroy();
  });

  it('asks once per visit, and not at all when this world already holds it', async () => {
    const { loads } = background();
    fakeControl.onFiles = () => registerEstimator(() => 'fair');
    const { instance } = checker();
    instance.setStep('new-key');
    instance.setFields(keyFields('S'));
    instance.setFields(keyFields('Se'));
    await vi.waitFor(() => expect(loads()).toBe(1));
    // An AJAX re-render away from the step and back: the estimator is already in this world.
    instance.setStep('terms');
    instance.setStep('new-key');
    instance.setFields(keyFields('Sec'));
    await allAnswered();
    expect(loads()).toBe(1);
    expect(fakeControl.injected.filter((i) => i.files)).toHaveLength(1);
    instance.destroy();
  });

  it('shows no level while it loads or when it cannot be loaded; the other checks work meanwhile', async () => {
    background();
    fakeControl.failInjection = true;
    const { instance, codes } = checker();
    instance.setStep('new-key');
    instance.setFields(keyFields('S'));
    await vi.waitFor(() => expect(fakeControl.injected).toHaveLength(1));
    await allAnswered();
    vi.useFakeTimers();
    instance.setFields(keyFields('abcdefghijklmnopq'));
    vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS * 3);
    expect(codes()).toEqual(['key-too-long']);
    instance.destroy();
  });

  it('estimates the key typed while it was loading, once it is there', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    // A background that answers later, as a slow injection would.
    fakeBrowser.runtime.onMessage.addListener((m: unknown) =>
      (m as { type: string }).type === 'estimator:load' ? new Promise((r) => (finish = r)) : undefined,
    );
    const levels: (string | null)[] = [];
    const strength = new KeyStrength(fakeBrowser, () => ({ key: KEY, userInputs: [] }), (level) => void levels.push(level));
    vi.useFakeTimers();
    strength.enter();
    strength.changed(KEY);
    vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS * 3);
    expect(levels).toEqual([]);
    registerEstimator(() => 'strong');
    finish(true);
    await vi.waitFor(() => expect(levels).toEqual(['strong']));
    strength.leave();
  });

  it('an estimator that throws or answers nonsense shows no level', async () => {
    const answers: StrengthEstimator[] = [
      () => {
        throw new Error('boom');
      },
      () => 'excellent' as never,
    ];
    for (const estimator of answers) {
      const world = {};
      registerEstimator(estimator, world);
      const levels: (string | null)[] = [];
      const strength = new KeyStrength(fakeBrowser, () => ({ key: KEY, userInputs: [] }), (level) => void levels.push(level), world);
      vi.useFakeTimers();
      strength.enter();
      strength.changed(KEY);
      vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS);
      expect(levels).toEqual([null]);
      vi.useRealTimers();
    }
  });

  it('forgets the key on leaving the step: a pending estimate never runs', () => {
    const world = {};
    const estimate = vi.fn<StrengthEstimator>(() => 'weak');
    registerEstimator(estimate, world);
    const strength = new KeyStrength(fakeBrowser, () => ({ key: KEY, userInputs: [] }), () => undefined, world);
    vi.useFakeTimers();
    strength.enter();
    strength.changed(KEY);
    strength.leave();
    vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS * 3);
    expect(estimate).not.toHaveBeenCalled();
    // Nor does a change after leaving.
    strength.changed(`${KEY}9`);
    vi.advanceTimersByTime(STRENGTH_DEBOUNCE_MS * 3);
    expect(estimate).not.toHaveBeenCalled();
  });

  it('sends no message that carries the key', async () => {
    const { sent } = background();
    fakeControl.onFiles = () => registerEstimator(() => 'fair');
    const { instance, codes } = checker();
    instance.setStep('new-key');
    await allAnswered();
    instance.setFields(keyFields(KEY));
    await vi.waitFor(() => expect(codes()).toContain('strength-fair'));
    instance.setStep('done');
    expect(JSON.stringify(sent)).not.toContain(KEY);
    expect(JSON.stringify(fakeControl.injected)).not.toContain(KEY);
    expect(JSON.stringify({ local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) })).not.toContain(KEY);
    instance.destroy();
  });
});
