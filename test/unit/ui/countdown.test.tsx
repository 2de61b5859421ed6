/**
 * The popup's countdown view over the fake browser and the real background: start by hand, the same clock as
 * the badge, restart and stop, and a port that pings while the clock runs.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { Countdown } from '../../../src/ui/Countdown';
import { fakeBrowser, fakeControl, POPUP_SENDER } from '../fakes/browser';

const msg = (key: string) => fakeBrowser.i18n.getMessage(key);

describe('popup: the link countdown', () => {
  let container: HTMLElement;
  afterEach(() => {
    act(() => render(null, container));
    container.remove();
  });

  it('starts by hand, shows the badge’s time, restarts and stops', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.sender = POPUP_SENDER;
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Countdown api={fakeBrowser} />, container));
    await vi.waitFor(() => expect(container.textContent).toContain(msg('cdPopupNone')));
    const start = () => container.querySelector<HTMLButtonElement>('[data-action="countdown-start"]')!;
    expect(start().textContent).toBe(msg('cdPopupStart'));
    act(() => start().click());
    await vi.waitFor(() => expect(container.querySelector('[data-cg-clock]')).not.toBeNull());
    await vi.waitFor(() => expect(fakeControl.openPorts).toBe(1));
    const clock = container.querySelector('[data-cg-clock]')?.textContent;
    // Started by hand with no flow seen: timed like recovery, the figure its source gives, and the source beside it.
    expect(clock).toBe('15:00');
    expect(fakeControl.badge.text).toBe('15m');
    expect(container.querySelector('[data-cg-source]')?.textContent?.trim()).toBe(msg('cdSourceRecover'));
    expect(container.querySelector('[role="timer"]')?.textContent).toContain(msg('cdApprox'));
    expect(fakeControl.openPorts).toBe(1); // pinging the background while the clock runs
    expect(start().textContent).toBe(msg('cdPopupRestart'));
    act(() => container.querySelector<HTMLButtonElement>('[data-action="countdown-stop"]')!.click());
    await vi.waitFor(() => expect(container.querySelector('[data-cg-clock]')).toBeNull());
    await vi.waitFor(() => expect(fakeControl.openPorts).toBe(0));
    expect(container.textContent).toContain(msg('cdPopupNone'));
    expect(fakeControl.badge.text).toBe('');
    expect(fakeControl.openPorts).toBe(0);
  });
});
