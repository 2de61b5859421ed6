/**
 * The phone bar (NowBar) under happy-dom: the title and what to do now, the running countdown in both forms,
 * and in the short form no 44-px minimise row (the short form exists to fit a small room; the opened guide
 * keeps the button).
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountdownFeed } from '../../../src/overlay/countdown-feed';
import { NowBar } from '../../../src/overlay/NowBar';
import type { OverlayActions } from '../../../src/overlay/actions';
import * as S from '../../../src/overlay/state';
import { detection, fakeSource, flush, text } from './helpers';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const MIN = 60_000;
const running = {
  current: 'recover:-',
  entries: {
    'recover:-': {
      flow: 'recover' as const,
      personId: null,
      requestedAt: T0,
      deadline: T0 + 3 * MIN,
      validityMs: 3 * MIN,
      source: 'detected' as const,
      startedOn: 'email-sent' as const,
      step: 'email-sent' as const,
      stepSeenAt: T0,
      notified: [],
    },
  },
};

let feed: CountdownFeed | null = null;
let container: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, container);
  feed?.destroy();
  feed = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

async function bar(compact: boolean) {
  feed = new CountdownFeed(fakeSource(running).source, () => undefined);
  feed.start();
  await vi.advanceTimersByTimeAsync(0);
  const state = S.withDetection(S.initialState(), detection({ step: 'email-sent', flow: 'recover' }), 'https://www.iess.gob.ec/x');
  render(h(NowBar, { view: S.viewOf(state), compact, actions: { expand: vi.fn() } as unknown as OverlayActions, countdown: feed }), container);
  await flush();
  return container;
}

describe('the phone bar', () => {
  it('shows the title, what to do now and the running countdown with its minimise button in its full form', async () => {
    const root = await bar(false);
    expect(text(root.querySelector('[data-cg-bar-title]'))).not.toBe('');
    expect(text(root.querySelector('[data-cg-bar-wants]'))).not.toBe('');
    expect(text(root.querySelector('[data-cg-clock]'))).toBe('3:00');
    expect(root.querySelector('[data-action="countdown-hide"]')).not.toBeNull();
  });

  it('keeps the countdown but drops its minimise row in the short form', async () => {
    const root = await bar(true);
    expect(root.querySelector('.cg-bar-compact')).not.toBeNull();
    expect(text(root.querySelector('[data-cg-clock]'))).toBe('3:00');
    expect(root.querySelector('[data-action="countdown-hide"]')).toBeNull();
    expect(root.querySelector('[data-action="expand"]')).not.toBeNull();
  });
});
