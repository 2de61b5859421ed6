import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../../src/content/page-watcher';
import type { Detection } from '../../../src/detect/vocabulary';

/** A stand-in detector: the step is whatever visible `[data-step]` element the body holds. */
function fakeClassify(doc: Document, url: string): Detection {
  const el = [...doc.querySelectorAll('[data-step]')].find((e) => !e.hasAttribute('hidden'));
  const step = (el?.getAttribute('data-step') ?? 'none') as Detection['step'];
  return { step, flow: url.includes('desbloqueo-clave') ? 'unlock' : 'recover', alerts: [], confidence: 1, signals: [] };
}

let url = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/';

function setup(overrides: Partial<ConstructorParameters<typeof PageWatcher>[0]> = {}) {
  const classify = vi.fn(fakeClassify);
  const onChange = vi.fn<(d: Detection) => void>();
  const watcher = new PageWatcher({ doc: document, getUrl: () => url, classify, onChange, ...overrides });
  return { watcher, classify, onChange };
}

beforeEach(() => {
  vi.useFakeTimers();
  url = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/';
  document.body.replaceChildren();
  const a = document.createElement('div');
  a.id = 'a';
  a.setAttribute('data-step', 'identity');
  a.append(Object.assign(document.createElement('h1'), { textContent: 'Identificación' }));
  const b = document.createElement('div');
  b.id = 'b';
  b.setAttribute('data-step', 'verification');
  b.append(Object.assign(document.createElement('h1'), { textContent: 'Validación' }));
  b.hidden = true;
  document.body.append(a, b);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Swaps the visible step the way a PrimeFaces partial update does. */
function ajaxSwap(): void {
  document.getElementById('a')?.setAttribute('hidden', '');
  document.getElementById('b')?.removeAttribute('hidden');
}

describe('PageWatcher', () => {
  it('does nothing when constructed', () => {
    const { classify, onChange } = setup();
    expect(classify).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('detects once on start, and start is idempotent', () => {
    const { watcher, classify, onChange } = setup();
    watcher.start();
    watcher.start();
    expect(classify).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0].step).toBe('identity');
    watcher.destroy();
  });

  it('picks up an AJAX step change within 300 ms', async () => {
    const { watcher, onChange } = setup();
    watcher.start();
    ajaxSwap();
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1]?.[0].step).toBe('verification');
    watcher.destroy();
  });

  it('reports only real changes', async () => {
    const { watcher, classify, onChange } = setup();
    watcher.start();
    document.getElementById('a')?.setAttribute('class', 'ui-state-focus');
    await vi.advanceTimersByTimeAsync(300);
    expect(classify).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(1);
    watcher.destroy();
  });

  it('looks less and less often at a page that keeps changing without changing the answer', async () => {
    const { watcher, classify } = setup();
    watcher.start();
    const ticker = document.createElement('span');
    document.body.append(ticker);
    for (let t = 0; t < 3000; t += 20) {
      ticker.textContent = String(t);
      ticker.setAttribute('style', `left:${t}px`);
      await vi.advanceTimersByTimeAsync(20);
    }
    // 3 s of a clock ticking outside any form: passes back off 100, 200, 400, 800, 1600 ms.
    expect(classify.mock.calls.length).toBeLessThanOrEqual(7);
    expect(classify.mock.calls.length).toBeGreaterThanOrEqual(3);
    watcher.destroy();
  });

  it('after backing off, still sees a real step change within 300 ms', async () => {
    const { watcher, onChange } = setup();
    watcher.start();
    const ticker = document.body.appendChild(document.createElement('span'));
    for (let t = 0; t < 2000; t += 20) {
      ticker.textContent = String(t);
      await vi.advanceTimersByTimeAsync(20);
    }
    ajaxSwap();
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1]?.[0].step).toBe('verification');
    watcher.destroy();
  });

  it('stops observing a page that storms, polls it slowly, and listens again once it calms', async () => {
    const { watcher, classify, onChange } = setup({ stormRestMs: 5000 });
    watcher.start();
    const ticker = document.body.appendChild(document.createElement('span'));
    for (let t = 0; t < 3000; t += 5) {
      ticker.setAttribute('style', `left:${t}px`);
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(watcher.storming).toBe(true);
    const during = classify.mock.calls.length;
    // A step change during the storm is still seen, at the slow poll.
    ajaxSwap();
    await vi.advanceTimersByTimeAsync(2200);
    expect(onChange.mock.calls.at(-1)?.[0].step).toBe('verification');
    expect(classify.mock.calls.length - during).toBeLessThanOrEqual(2);
    // Calm: after the rest the observer is back, and a change is seen at the usual speed.
    await vi.advanceTimersByTimeAsync(5000);
    expect(watcher.storming).toBe(false);
    document.getElementById('b')?.setAttribute('hidden', '');
    document.getElementById('a')?.removeAttribute('hidden');
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange.mock.calls.at(-1)?.[0].step).toBe('identity');
    watcher.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('finds a storm within half a second, and rests longer when it resumes as soon as it listens again', async () => {
    const { watcher, classify } = setup({ stormRestMs: 1000, stormPollMs: 60_000 });
    watcher.start();
    const ticker = document.body.appendChild(document.createElement('span'));
    /** Whether the watcher was storming, every 5 ms of a steady storm. */
    const seen: boolean[] = [];
    for (let t = 0; t < 4000; t += 5) {
      ticker.setAttribute('style', `left:${t}px`);
      await vi.advanceTimersByTimeAsync(5);
      seen.push(watcher.storming);
    }
    expect(seen.indexOf(true) * 5).toBeLessThanOrEqual(500);
    // Rests, as runs of storming time: the first one its length, the next one (the same storm) twice that.
    const runs = seen
      .map((s) => (s ? '1' : '0'))
      .join('')
      .split('0')
      .filter(Boolean)
      .map((r) => r.length * 5);
    expect(runs[0]).toBeGreaterThanOrEqual(950);
    expect(runs[0]).toBeLessThan(1100);
    expect(runs[1]).toBeGreaterThanOrEqual(1950);
    // 800 mutations in four seconds: a handful of passes (at start, and as the observer comes back), not one per burst.
    expect(classify.mock.calls.length).toBeLessThanOrEqual(8);
    watcher.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a storm of changes that do not matter costs no pass before it is found: the slow poll looks instead', async () => {
    const { watcher, classify } = setup({ stormPollMs: 60_000, stormRestMs: 60_000 });
    watcher.start();
    expect(classify).toHaveBeenCalledTimes(1);
    const ticker = document.body.appendChild(document.createElement('span'));
    for (let t = 0; t < 1000; t += 4) {
      ticker.setAttribute('style', `left:${t}px`);
      await vi.advanceTimersByTimeAsync(4);
    }
    expect(watcher.storming).toBe(true);
    expect(classify).toHaveBeenCalledTimes(1);
    watcher.destroy();
  });

  it('a change that matters at the start of a storm is still read at once', async () => {
    const { watcher, onChange } = setup({ stormPollMs: 60_000, stormRestMs: 60_000 });
    watcher.start();
    const ticker = document.body.appendChild(document.createElement('span'));
    ajaxSwap();
    for (let t = 0; t < 1000; t += 4) {
      ticker.setAttribute('style', `left:${t}px`);
      await vi.advanceTimersByTimeAsync(4);
    }
    expect(watcher.storming).toBe(true);
    expect(onChange.mock.calls.at(-1)?.[0].step).toBe('verification');
    watcher.destroy();
  });

  it('a lone change that does not matter is still read, a little later than one that does', async () => {
    const { watcher, classify } = setup();
    watcher.start();
    await vi.advanceTimersByTimeAsync(1000);
    document.body.appendChild(document.createElement('span')).setAttribute('style', 'left:1px');
    await vi.advanceTimersByTimeAsync(200);
    expect(classify).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(classify).toHaveBeenCalledTimes(2);
    watcher.destroy();
  });

  it('ignores mutations inside its own overlay host', async () => {
    const host = document.createElement('div');
    host.setAttribute('data-claveguia-host', '');
    document.body.append(host);
    const { watcher, classify } = setup();
    watcher.start();
    for (let i = 0; i < 5; i++) {
      host.append(document.createElement('p'));
      host.setAttribute('style', `opacity:${i / 5}`);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(classify).toHaveBeenCalledTimes(1);
    watcher.destroy();
  });

  it('observes the open shadow roots the detector walks into: a step swapped inside one is re-detected', async () => {
    // A page built of components: both steps live in the shadow tree of <iess-recuperar>.
    document.body.replaceChildren();
    const component = document.body.appendChild(document.createElement('iess-recuperar'));
    const shadow = component.attachShadow({ mode: 'open' });
    const [a, b] = ['identity', 'verification'].map((step) => Object.assign(document.createElement('div'), { hidden: step !== 'identity' }));
    a!.setAttribute('data-step', 'identity');
    b!.setAttribute('data-step', 'verification');
    shadow.append(a!, b!);
    // A detector that, like the real one (classify's onShadowRoot), names each open root it walks into.
    const classify = vi.fn((doc: Document, _url: string, onShadowRoot: (root: ShadowRoot) => void): Detection => {
      const root = doc.querySelector('iess-recuperar')?.shadowRoot;
      if (root) onShadowRoot(root);
      const shown = root && [...root.querySelectorAll('[data-step]')].find((e) => !e.hasAttribute('hidden'));
      return { step: (shown?.getAttribute('data-step') ?? 'none') as Detection['step'], flow: 'recover', alerts: [], confidence: 1, signals: [] };
    });
    const { watcher, onChange } = setup({ classify });
    watcher.start();
    expect(onChange.mock.calls.map((c) => c[0].step)).toEqual(['identity']);
    a!.hidden = true;
    b!.hidden = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange.mock.calls.map((c) => c[0].step)).toEqual(['identity', 'verification']);
    // Stopped, it forgets the roots; nothing inside them is observed any more.
    watcher.stop();
    const calls = classify.mock.calls.length;
    b!.hidden = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(classify.mock.calls.length).toBe(calls);
    watcher.destroy();
  });

  it('re-detects on input and change events (on-screen keypads fire no key events)', async () => {
    const { watcher, classify } = setup();
    watcher.start();
    const input = document.createElement('input');
    document.body.append(input);
    await vi.advanceTimersByTimeAsync(300);
    const before = classify.mock.calls.length;
    input.dispatchEvent(new Event('input', { bubbles: false }));
    await vi.advanceTimersByTimeAsync(300);
    expect(classify.mock.calls.length).toBe(before + 1);
    input.dispatchEvent(new Event('change'));
    await vi.advanceTimersByTimeAsync(300);
    expect(classify.mock.calls.length).toBe(before + 2);
    watcher.destroy();
  });

  it('re-detects when the URL changes without a DOM change (pushState polling and hashchange)', async () => {
    const { watcher, onChange } = setup();
    watcher.start();
    url = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf';
    await vi.advanceTimersByTimeAsync(800);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1]?.[0].flow).toBe('unlock');
    url = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/#paso2';
    window.dispatchEvent(new Event('hashchange'));
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange).toHaveBeenCalledTimes(3);
    watcher.destroy();
  });

  it('uses requestIdleCallback with a timeout when available', async () => {
    const ric = vi.fn((cb: () => void, opts?: { timeout: number }) => setTimeout(cb, opts?.timeout ?? 0) as unknown as number);
    const cancel = vi.fn((id: number) => clearTimeout(id));
    const view = window as unknown as Record<string, unknown>;
    const saved = [view.requestIdleCallback, view.cancelIdleCallback];
    view.requestIdleCallback = ric;
    view.cancelIdleCallback = cancel;
    try {
      const { watcher, onChange } = setup();
      watcher.start();
      ajaxSwap();
      await vi.advanceTimersByTimeAsync(299);
      expect(ric).toHaveBeenCalledWith(expect.any(Function), { timeout: 150 });
      expect(onChange).toHaveBeenCalledTimes(2);
      document.getElementById('b')?.setAttribute('hidden', '');
      await vi.advanceTimersByTimeAsync(101);
      watcher.stop();
      expect(cancel).toHaveBeenCalled();
    } finally {
      view.requestIdleCallback = saved[0];
      view.cancelIdleCallback = saved[1];
    }
  });

  it('stop is idempotent and a restart reports afresh', async () => {
    const { watcher, onChange } = setup();
    watcher.start();
    watcher.stop();
    watcher.stop();
    expect(watcher.running).toBe(false);
    ajaxSwap();
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).toHaveBeenCalledTimes(1);
    watcher.start();
    expect(onChange).toHaveBeenCalledTimes(2);
    watcher.destroy();
  });

  it('destroy removes every observer, listener and timer, for good', async () => {
    const { watcher, classify } = setup();
    watcher.start();
    ajaxSwap();
    watcher.destroy();
    expect(vi.getTimerCount()).toBe(0);
    document.body.append(document.createElement('div'));
    document.dispatchEvent(new Event('input'));
    window.dispatchEvent(new Event('popstate'));
    url = 'https://app.iess.gob.ec/otra';
    await vi.advanceTimersByTimeAsync(2000);
    expect(classify).toHaveBeenCalledTimes(1);
    watcher.start();
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('survives a detector that throws', async () => {
    let fail = true;
    const { watcher, onChange } = setup({
      classify: (doc, u) => {
        if (fail) throw new Error('boom');
        return fakeClassify(doc, u);
      },
    });
    expect(() => watcher.start()).not.toThrow();
    fail = false;
    ajaxSwap();
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange).toHaveBeenCalledTimes(1);
    watcher.destroy();
  });
});
