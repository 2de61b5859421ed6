import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../src/overlay/controller';
import { HOST_ATTRIBUTE } from '../../../src/page/marker';
import { MAX_REATTACHMENTS } from '../../../src/overlay/host';
import { detection, fakeServices, flush, mount, type Mounted } from './helpers';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/storage/schema';

let current: Mounted | null = null;
afterEach(() => {
  current?.overlay.destroy();
  current = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('mounting', () => {
  it('createOverlay touches nothing until start()', () => {
    const before = document.documentElement.outerHTML;
    const add = vi.spyOn(document, 'addEventListener');
    const { services } = fakeServices();
    createOverlay(document, services, { shadowMode: 'open' });
    expect(document.documentElement.outerHTML).toBe(before);
    expect(add).not.toHaveBeenCalled();
    expect(services.loadSettings).not.toHaveBeenCalled();
  });

  it('start() mounts one plain div host with a shadow root and the inlined styles, once', async () => {
    current = await mount({}, detection());
    current.overlay.start();
    const hosts = document.querySelectorAll(`[${HOST_ATTRIBUTE}]`);
    expect(hosts).toHaveLength(1);
    expect(current.host.tagName).toBe('DIV');
    expect(current.host.parentElement).toBe(document.documentElement);
    expect(current.host.getAttribute('popover')).toBe('manual');
    expect(current.root.mode).toBe('open');
    expect(current.root.querySelector('style')).not.toBeNull();
    expect(current.$('[role="complementary"]')).not.toBeNull();
  });

  it('a closed root is not reachable from the page', async () => {
    const { services } = fakeServices();
    const overlay = createOverlay(document, services, { shadowMode: 'closed' });
    overlay.start();
    const host = document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}]`)!;
    expect(host.shadowRoot).toBeNull();
    overlay.destroy();
  });

  it('destroy() removes every node, listener and timer, and later calls do nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const before = document.documentElement.outerHTML;
      const add = vi.spyOn(document, 'addEventListener');
      const remove = vi.spyOn(document, 'removeEventListener');
      const { services } = fakeServices();
      const overlay = createOverlay(document, services, { shadowMode: 'open' });
      overlay.start();
      overlay.update(detection({ alerts: ['captcha-error'] }));
      await vi.advanceTimersByTimeAsync(0);
      overlay.update(detection({ step: 'identity' })); // schedules a delayed announcement
      expect(vi.getTimerCount()).toBeGreaterThan(0);

      overlay.destroy();
      expect(vi.getTimerCount()).toBe(0);
      expect(document.documentElement.outerHTML).toBe(before);
      for (const [type, listener] of add.mock.calls.map((c) => [c[0], c[1]] as const)) {
        expect(remove.mock.calls.some((c) => c[0] === type && c[1] === listener), type).toBe(true);
      }
      overlay.update(detection());
      overlay.toggleVisibility();
      overlay.toggleFocus();
      overlay.start();
      expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('host attributes and visibility', () => {
  it('reflect the step and flow of each update', async () => {
    current = await mount({}, detection({ step: 'identity', flow: 'recover' }));
    expect(current.host.getAttribute('data-claveguia-step')).toBe('identity');
    expect(current.host.getAttribute('data-claveguia-flow')).toBe('recover');
    expect(current.host.hidden).toBe(false);
    current.overlay.update(detection({ step: 'email-sent', flow: 'unlock' }));
    expect(current.host.getAttribute('data-claveguia-step')).toBe('email-sent');
    expect(current.host.getAttribute('data-claveguia-flow')).toBe('unlock');
  });

  it('reflect the alerts shown, errors first, and drop the attribute when there are none', async () => {
    current = await mount({}, detection({ step: 'identity', alerts: ['captcha-error', 'not-registered'] }));
    expect(current.host.getAttribute('data-claveguia-alerts')).toBe('not-registered captcha-error');
    current.overlay.update(detection({ step: 'identity', alerts: [] }));
    expect(current.host.hasAttribute('data-claveguia-alerts')).toBe(false);
  });

  it('shows nothing (host kept, hidden) on pages that are not part of a recovery', async () => {
    current = await mount({}, detection({ step: 'none', flow: 'unknown' }));
    expect(current.host.isConnected).toBe(true);
    expect(current.host.hidden).toBe(true);
    expect(current.host.getAttribute('data-claveguia-step')).toBe('none');
    expect(current.$('[role="complementary"]')).toBeNull();
    expect(current.$('[role="status"]')).not.toBeNull();
  });

  it('stays hidden until the settings are known (no flash at the wrong side or size)', async () => {
    let release: (s: Settings) => void = () => undefined;
    const { services } = fakeServices();
    services.loadSettings.mockImplementation(() => new Promise<Settings>((resolve) => (release = resolve)));
    const overlay = createOverlay(document, services, { shadowMode: 'open' });
    overlay.start();
    overlay.update(detection());
    const host = document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}]`)!;
    await flush();
    expect(host.hidden).toBe(true);
    release({ ...DEFAULT_SETTINGS, dock: 'left', hiddenHosts: [] });
    await flush();
    expect(host.hidden).toBe(false);
    expect(host.getAttribute('data-claveguia-dock')).toBe('left');
    overlay.destroy();
  });

  it('toggleVisibility hides and shows the whole overlay', async () => {
    current = await mount({}, detection());
    current.overlay.toggleVisibility();
    expect(current.host.hidden).toBe(true);
    current.overlay.toggleVisibility();
    expect(current.host.hidden).toBe(false);
  });

  it('uses the top layer when popovers exist', async () => {
    const show = vi.fn();
    const hide = vi.fn();
    Object.assign(HTMLElement.prototype, { showPopover: show, hidePopover: hide });
    try {
      current = await mount({}, detection());
      expect(show).toHaveBeenCalledTimes(1);
      current.overlay.update(detection({ step: 'none' }));
      expect(hide).toHaveBeenCalledTimes(1);
      current.overlay.update(detection({ step: 'code' }));
      expect(show).toHaveBeenCalledTimes(2);
    } finally {
      delete (HTMLElement.prototype as Partial<Record<'showPopover' | 'hidePopover', unknown>>).showPopover;
      delete (HTMLElement.prototype as Partial<Record<'showPopover' | 'hidePopover', unknown>>).hidePopover;
    }
  });

  it('never adds attributes, classes or styles to the page', async () => {
    const input = document.createElement('input');
    input.className = 'ui-inputfield';
    document.body.append(input);
    const before = document.body.outerHTML;
    current = await mount({}, detection({ alerts: ['data-mismatch'] }));
    input.focus();
    current.overlay.update(detection({ step: 'verification', alerts: ['data-mismatch'] }));
    expect(document.body.outerHTML).toBe(before);
    expect(document.documentElement.getAttribute('class')).toBeNull();
  });
});

describe('host guard', () => {
  it('undoes page edits to the host and keeps its own attributes truthful', async () => {
    current = await mount({}, detection({ step: 'identity' }));
    current.host.setAttribute('style', 'display:none');
    current.host.classList.add('page-class');
    current.host.setAttribute('data-claveguia-step', 'done');
    current.host.hidden = true;
    await flush();
    expect(current.host.hasAttribute('style')).toBe(false);
    expect(current.host.hasAttribute('class')).toBe(false);
    expect(current.host.getAttribute('data-claveguia-step')).toBe('identity');
    expect(current.host.hidden).toBe(false);
    expect(current.host.getAttribute('popover')).toBe('manual');
  });

  it('stops fighting a page that keeps editing it', async () => {
    current = await mount({}, detection());
    for (let i = 0; i < 80; i++) {
      current.host.setAttribute('style', `opacity:${i}`);
      await flush();
    }
    expect(current.host.getAttribute('style')).toBe('opacity:79');
  });
});

describe('host removed by the page', () => {
  it('is put back, content and all, when the page removes it', async () => {
    current = await mount({}, detection({ step: 'identity' }));
    const host = current.host;
    host.remove();
    await flush();
    expect(host.isConnected).toBe(true);
    expect(host.parentElement).toBe(document.documentElement);
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(host.getAttribute('data-claveguia-step')).toBe('identity');
    expect(current.$('[role="complementary"]')).not.toBeNull();
  });

  it('steps aside after a bounded number of re-attachments to a page that keeps removing it (no fight loop)', async () => {
    current = await mount({}, detection({ step: 'identity' }));
    const host = current.host;
    let inserted = 0;
    // The page's own observer: takes our host out every time it appears, and counts how often it came back.
    const page = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n === host) inserted++;
      if (host.isConnected) host.remove();
    });
    page.observe(document.documentElement, { childList: true });
    host.remove();
    for (let i = 0; i < 30; i++) await flush();
    page.disconnect();
    expect(inserted).toBe(MAX_REATTACHMENTS);
    expect(host.isConnected).toBe(false);
    // Later page changes to the root element wake nothing of ours.
    document.documentElement.append(document.createElement('span'));
    await flush();
    expect(host.isConnected).toBe(false);
  });

  it('is not put back once destroyed', async () => {
    current = await mount({}, detection({ step: 'identity' }));
    const host = current.host;
    current.overlay.destroy();
    await flush();
    expect(host.isConnected).toBe(false);
  });
});

describe('host guard, as a rate', () => {
  it('after resting through a page’s burst of edits, takes its attributes back once the window ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      current = await mount({}, detection({ step: 'identity' }));
      for (let i = 0; i < 40; i++) {
        current.host.setAttribute('data-claveguia-step', 'done');
        await flush();
      }
      // The budget is spent: the page's value stands for now.
      expect(current.host.getAttribute('data-claveguia-step')).toBe('done');
      vi.advanceTimersByTime(10_000);
      await flush();
      expect(current.host.getAttribute('data-claveguia-step')).toBe('identity');
    } finally {
      vi.useRealTimers();
    }
  });
});
