/**
 * The background's countdown under the typed fake browser and a fake clock: starting, keeping and replacing
 * the deadline from page steps, alarms at the thresholds, the badge, notifications (opt-in and permission),
 * manual start/stop from the popup, "Olvidar todo", the ping-driven ticking, and a stopped worker (a new
 * background built from storage alone) carrying on.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { ALARM_PREFIX, BADGE_CLEAR_ALARM, createDeadlineKeeper, type Clock } from '../../../src/background/deadline';
import { viewDeadline } from '../../../src/flow/deadline-view';
import { COUNTDOWN_PORT_NAME } from '../../../src/messages';
import { currentDeadline, DEADLINES } from '../../../src/storage/deadlines';
import { createStore } from '../../../src/storage/store';
import { CONTENT_SENDER, POPUP_SENDER, fakeBrowser, fakeControl } from '../fakes/browser';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const MIN = 60_000;

function manualClock(start = T0) {
  let now = start;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextId = 1;
  const clock: Clock & { advance(ms: number): void; set(at: number): void; pending(): number[] } = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id as number);
    },
    advance(ms) {
      now += ms;
    },
    set(at) {
      now = at;
    },
    pending: () => [...timers.values()].map((t) => t.at - now),
  };
  return { clock, runDue: () => {
    for (const [id, t] of [...timers]) if (t.at <= now) { timers.delete(id); t.fn(); }
  } };
}

const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
// The unlock flow: its source gives 3 minutes (recovery's gives about 15), which keeps these windows short.
const step = (s: string, flow = 'unlock') => send({ type: 'page:step', step: s, flow });

function setup() {
  const { clock, runDue } = manualClock();
  const background = createBackground(fakeBrowser, createStore(fakeBrowser.storage, { report: () => undefined }), clock);
  background.start();
  return { clock, runDue, background, store: background.store };
}

const alarmTimes = () =>
  Object.fromEntries([...fakeControl.alarms.values()].map((a) => [a.name.replace(ALARM_PREFIX, ''), a.scheduledTime - T0]));

describe('background countdown: one deadline per flow and person', () => {
  it('starts on email-sent with the flow’s validity, shows 3:00 on the badge and schedules the thresholds', async () => {
    const { store } = setup();
    await step('verification');
    await step('email-sent');
    const deadlines = await store.get(DEADLINES);
    expect(deadlines.current).toBe('unlock:-');
    expect(currentDeadline(deadlines)).toMatchObject({ requestedAt: T0, deadline: T0 + 3 * MIN, validityMs: 3 * MIN, startedOn: 'email-sent', step: 'email-sent' });
    expect(fakeControl.badge).toMatchObject({ text: '3:00', background: '#0072B2', color: '#FFFFFF' });
    expect(fakeControl.badge.title).toContain('3:00');
    expect(alarmTimes()).toEqual({ 'left-2m': MIN, 'left-1m': 2 * MIN, 'left-30s': 150_000, expired: 3 * MIN, clear: 13 * MIN + 1000 });
  });

  it('keeps the window on a reload or a second tab, and restarts it when the form is sent again', async () => {
    const { clock, store } = setup();
    await step('verification');
    await step('email-sent');
    clock.advance(40_000);
    await step('email-sent'); // reload of the same tab
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 2 } };
    await step('email-sent'); // another IESS tab
    expect(currentDeadline(await store.get(DEADLINES))!.requestedAt).toBe(T0);
    fakeControl.sender = CONTENT_SENDER;
    await step('verification');
    clock.advance(5_000);
    await step('email-sent'); // a new request from the same tab
    expect(currentDeadline(await store.get(DEADLINES))!.requestedAt).toBe(T0 + 45_000);
  });

  it('keys the window by the active person, and takes the validity from the options', async () => {
    await fakeBrowser.storage.session.set({ people: { activeId: 'p1', list: [{ id: 'p1', label: 'Mamá' }] } });
    await fakeBrowser.storage.local.set({ options: { linkValidityMs: { unlock: 90_000 } } });
    const { store } = setup();
    await step('email-sent', 'unlock');
    const d = await store.get(DEADLINES);
    expect(d.current).toBe('unlock:p1');
    expect(currentDeadline(d)!.validityMs).toBe(90_000);
    expect(fakeControl.badge.text).toBe('1:30');
  });

  it('times the request with the figure the page states, says so, and lets a person’s own setting win over it', async () => {
    const { store } = setup();
    // Recovery's default is about 15 minutes; the page says 3.
    await send({ type: 'page:step', step: 'email-sent', flow: 'recover', validityMs: 3 * MIN });
    let entry = currentDeadline(await store.get(DEADLINES))!;
    expect(entry).toMatchObject({ validityMs: 3 * MIN, deadline: T0 + 3 * MIN, stated: true });
    expect(viewDeadline(entry, T0).source).toBe('cdSourcePage');
    expect(fakeControl.badge.text).toBe('3:00');

    // Nothing the page could not mean: 45 minutes is past what a person may set, so the default times it.
    await fakeBrowser.storage.session.set({ people: { activeId: 'p2', list: [{ id: 'p2', label: 'Papá' }] } });
    await send({ type: 'page:step', step: 'email-sent', flow: 'recover', validityMs: 45 * MIN });
    entry = currentDeadline(await store.get(DEADLINES))!;
    expect(entry.validityMs).toBe(15 * MIN);
    expect(entry.stated).toBeUndefined();
    expect(viewDeadline(entry, T0).source).toBe('cdSourceRecover');

    // The person's setting for the flow comes first: they read it in their own mail.
    await fakeBrowser.storage.local.set({ options: { linkValidityMs: { recover: 10 * MIN } } });
    await fakeBrowser.storage.session.set({ people: { activeId: 'p3', list: [{ id: 'p3', label: 'Tía' }] } });
    await send({ type: 'page:step', step: 'email-sent', flow: 'recover', validityMs: 3 * MIN });
    entry = currentDeadline(await store.get(DEADLINES))!;
    expect(entry.validityMs).toBe(10 * MIN);
    expect(entry.stated).toBeUndefined();
    expect(viewDeadline(entry, T0).source).toBeNull();
  });

  it('ends the wait at the page behind the link: in time it clears the badge, late it says the link probably expired', async () => {
    const { clock, store } = setup();
    await step('email-sent');
    clock.advance(MIN);
    await step('terms');
    let entry = currentDeadline(await store.get(DEADLINES))!;
    expect(viewDeadline(entry, clock.now())).toMatchObject({ linkUsed: true, late: false, showTimer: false });
    expect(fakeControl.badge.text).toBe('');
    expect([...fakeControl.alarms.keys()]).toEqual([]);

    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 3 } };
    await step('verification');
    clock.advance(1000);
    await step('email-sent');
    clock.advance(3 * MIN + 5_000);
    await step('new-key');
    entry = currentDeadline(await store.get(DEADLINES))!;
    expect(viewDeadline(entry, clock.now())).toMatchObject({ linkUsed: true, late: true, showTimer: true });
    expect(viewDeadline(entry, clock.now()).wait.messages).toEqual(['emailWaitExpiredTitle', 'emailWaitExpiredAction']);
    expect(fakeControl.badge.text).toBe('!');
  });
});

describe('background countdown: alarms, badge and notifications', () => {
  it('updates the badge at each alarm and clears the expired mark after its hold', async () => {
    const { clock } = setup();
    await step('email-sent');
    clock.set(T0 + 2 * MIN);
    fakeControl.fireDueAlarms(clock.now());
    await vi.waitFor(() => expect(fakeControl.badge).toMatchObject({ text: '1:00', background: '#E69F00', color: '#000000' }));
    clock.set(T0 + 3 * MIN);
    fakeControl.fireDueAlarms(clock.now());
    await vi.waitFor(() => expect(fakeControl.badge).toMatchObject({ text: '!', background: '#D55E00', color: '#000000' }));
    expect(fakeControl.badge.title).toBe(fakeBrowser.i18n.getMessage('countdownBadgeExpired'));
    expect([...fakeControl.alarms.keys()]).toEqual([BADGE_CLEAR_ALARM]);
    clock.set(T0 + 13 * MIN + 1000);
    fakeControl.fireDueAlarms(clock.now());
    await vi.waitFor(() => expect(fakeControl.badge.text).toBe(''));
  });

  it('notifies at 1:00 and at expiry only with the option on AND the permission granted, once each', async () => {
    const { clock, background } = setup();
    await step('email-sent');
    clock.set(T0 + 2 * MIN);
    await background.deadlines.sync();
    expect(fakeControl.notifications).toEqual([]); // option off
    await fakeBrowser.storage.local.set({ options: { notifications: true } });
    clock.set(T0 + 2 * MIN + 500);
    await background.deadlines.sync();
    expect(fakeControl.notifications).toEqual([]); // the 1:00 threshold was already handled; no permission either
    fakeControl.granted.add('notifications');
    clock.set(T0 + 3 * MIN);
    await background.deadlines.sync();
    await background.deadlines.sync();
    expect(fakeControl.notifications.map((n) => n.message)).toEqual([fakeBrowser.i18n.getMessage('countdownAnnounceExpired')]);
  });

  it('a stopped worker loses nothing: a new background built from storage alone restores badge and alarms', async () => {
    const { clock } = setup();
    await step('email-sent');
    clock.set(T0 + 100_000);
    // The worker stops: listeners, timers and memory go; the alarms may not survive either.
    fakeControl.alarms.clear();
    fakeControl.badge.text = '';
    const revived = createDeadlineKeeper(fakeBrowser, createStore(fakeBrowser.storage), clock);
    await revived.sync();
    expect(fakeControl.badge.text).toBe('1:20');
    // 1:00 is only 20 s away: clamped to 30 s ahead, as a packed build would.
    expect(alarmTimes()).toEqual({ 'left-1m': 130_000, 'left-30s': 150_000, expired: 3 * MIN, clear: 13 * MIN + 1000 });
    // An expired window reads as expired after a restart, never as a fresh one.
    clock.set(T0 + 4 * MIN);
    await createDeadlineKeeper(fakeBrowser, createStore(fakeBrowser.storage), clock).sync();
    expect(fakeControl.badge.text).toBe('!');
  });

  it('a clock moved back never lengthens the window: it restarts from now with at most its validity', async () => {
    const { clock, background, store } = setup();
    await step('email-sent');
    clock.set(T0 - 10 * MIN);
    await background.deadlines.sync();
    const entry = currentDeadline(await store.get(DEADLINES))!;
    expect(entry.requestedAt).toBe(T0 - 10 * MIN);
    expect(entry.deadline - entry.requestedAt).toBeLessThanOrEqual(3 * MIN);
    expect(fakeControl.badge.text).toBe('3:00');
    clock.advance(1000);
    await background.deadlines.sync();
    expect(fakeControl.badge.text).toBe('2:59');
  });

  it('schedules alarms clamped to 30 s ahead, as a packed build does', async () => {
    const { clock, background } = setup();
    await step('email-sent');
    clock.set(T0 + 2 * MIN + 45_000); // 0:15 left: expiry would be in 15 s
    await background.deadlines.sync();
    expect(alarmTimes().expired).toBe(2 * MIN + 45_000 + 30_000);
  });
});

describe('background countdown: the popup, the views and "Olvidar todo"', () => {
  it('starts, restarts and stops by hand for the popup only', async () => {
    const { clock, store } = setup();
    expect(await send({ type: 'countdown:start' })).toBeUndefined(); // a content script may not
    fakeControl.sender = POPUP_SENDER;
    expect(await send({ type: 'countdown:start', validityMs: 60_000 })).toBe(true);
    expect(currentDeadline(await store.get(DEADLINES))).toMatchObject({ source: 'manual', validityMs: 60_000, startedOn: 'manual' });
    expect(fakeControl.badge.text).toBe('1:00');
    clock.advance(20_000);
    await send({ type: 'countdown:start', validityMs: 60_000 });
    expect(currentDeadline(await store.get(DEADLINES))!.requestedAt).toBe(T0 + 20_000);
    expect(await send({ type: 'countdown:stop' })).toBe(true);
    expect(currentDeadline(await store.get(DEADLINES))).toBeNull();
    expect(fakeControl.badge.text).toBe('');
    expect(fakeControl.alarms.size).toBe(0);
  });

  it('"Olvidar todo" clears the deadline, its alarms and the badge', async () => {
    setup();
    await step('email-sent');
    expect(fakeControl.alarms.size).toBeGreaterThan(0);
    fakeControl.sender = POPUP_SENDER;
    await send({ type: 'data:erase' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(fakeControl.alarms.size).toBe(0);
    expect(fakeControl.badge.text).toBe('');
  });

  it('ticks the badge each second, aligned to the clock, while a view pings through its port', async () => {
    const { clock, runDue } = setup();
    await step('email-sent');
    clock.advance(300); // 2:59.7 left
    const port = fakeBrowser.runtime.connect({ name: COUNTDOWN_PORT_NAME });
    port.postMessage({ type: 'tick' });
    await vi.waitFor(() => expect(fakeControl.badge.text).toBe('3:00'));
    // The worker's own timer fires at the next change of the display (700 ms + a little).
    await vi.waitFor(() => expect(Math.min(...clock.pending())).toBe(705));
    clock.advance(705);
    runDue();
    await vi.waitFor(() => expect(fakeControl.badge.text).toBe('2:59'));
    port.disconnect();
    fakeControl.dropPorts();
  });
});
