/**
 * The link countdown, owned by the background: it starts, keeps or replaces the one deadline per flow and
 * person (flow/countdown/start.ts decides), schedules alarms at its thresholds, drives the toolbar badge and the
 * optional notifications. It keeps nothing that matters in memory: the deadline is in `storage.local`, so any
 * wake-up (an alarm, a message, a view connecting, the worker starting) recomputes everything from it.
 *
 * The badge ticks every second only while a view (overlay chip, popup) is open: each view pings through a
 * port every second, and the worker also re-applies the badge at each second boundary while a port is
 * connected. With no view open, alarms at 2:00, 1:00, 0:30 and expiry update it (clamped to ≥ 30 s ahead, as
 * a packed Chrome build would; see nextAlarmTimes).
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import { ANNOUNCE_AT_MS } from '../flow/durations';
import {
  deadlineKey,
  dueAnnouncements,
  nextAlarmTimes,
  rebase,
  startDeadline,
  type Announcement,
  type Badge,
} from '../flow/countdown';
import { msToNextSecond, viewDeadline } from '../flow/deadline-view';
import { BADGE_EXPIRED_HOLD_MS, clampValidity, detectedValidity, validityFor } from '../flow/durations';
import type { AlarmInfo, PlatformApi, PortApi } from '../platform/api';
import { now as systemNow } from '../platform/now';
import { currentDeadline, DEADLINES, type DeadlineEntry, type Deadlines } from '../storage/deadlines';
import { OPTIONS } from '../storage/options';
import { activePerson, PEOPLE_REMEMBERED, PEOPLE_SESSION } from '../storage/people';
import type { Store } from '../storage/store';
import { AFTER_LINK_STEPS, isRequestStep } from '../flow/step-sets';

export const ALARM_PREFIX = 'claveguia:countdown:';
/** Clears the expired mark from the badge once it has been held long enough. */
export const BADGE_CLEAR_ALARM = `${ALARM_PREFIX}clear`;
const NOTIFICATION_ID = 'claveguia-countdown';
/** A notification more than this late (the computer slept through it) is not worth showing any more. */
const NOTIFY_LATE_MS = 60_000;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => systemNow(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ManualStart {
  flow?: FlowId;
  validityMs?: number;
}

export interface DeadlineKeeper {
  /** A content script reported a step (previousStep: what the same tab showed before). */
  /** `statedMs`: how long the page says its link or code lasts, when it says so. */
  onStep(step: StepId, flow: FlowId, previousStep: StepId | null, statedMs?: number): Promise<void>;
  startManual(request?: ManualStart): Promise<DeadlineEntry>;
  stop(): Promise<void>;
  /** Badge, alarms and notifications from what is stored; what every wake-up runs. */
  sync(): Promise<Badge>;
  onAlarm(alarm: AlarmInfo): void;
  /** A view's port: it pings every second while it shows a running clock. */
  onViewPort(port: PortApi): void;
  /** "Olvidar todo": the store is already empty; clear alarms, the badge and any notification. */
  erase(): Promise<void>;
}

export function createDeadlineKeeper(api: PlatformApi, store: Store, clock: Clock = systemClock): DeadlineKeeper {
  const ports = new Set<PortApi>();
  let ticker: unknown = null;
  let shown: string | null = null;

  async function personId(): Promise<string | null> {
    const options = await store.get(OPTIONS);
    const people = await store.get(options.rememberPeople ? PEOPLE_REMEMBERED : PEOPLE_SESSION);
    return activePerson(people)?.id ?? null;
  }

  async function setBadge(badge: Badge, clockText: string): Promise<void> {
    const key = `${badge.text}|${badge.tone}`;
    if (key === shown) return;
    shown = key;
    const title = badge.title ? api.i18n.getMessage(badge.title, [clockText]) : api.i18n.getMessage('actionTitle');
    await Promise.all([
      api.action.setBadgeText({ text: badge.text }),
      badge.background ? api.action.setBadgeBackgroundColor({ color: badge.background }) : undefined,
      badge.color ? api.action.setBadgeTextColor?.({ color: badge.color }) : undefined,
      api.action.setTitle({ title }),
    ]).catch(() => undefined);
  }

  async function clearAlarms(): Promise<void> {
    const alarms = await api.alarms.getAll().catch(() => []);
    await Promise.all(alarms.filter((a) => a.name.startsWith(ALARM_PREFIX)).map((a) => api.alarms.clear(a.name)));
  }

  async function scheduleAlarms(entry: DeadlineEntry | null, now: number): Promise<void> {
    await clearAlarms();
    if (!entry) return;
    const view = viewDeadline(entry, now);
    if (!view.showTimer) return;
    if (!view.linkUsed) for (const alarm of nextAlarmTimes(entry, now)) await api.alarms.create(`${ALARM_PREFIX}${alarm.announce}`, { when: alarm.when });
    await api.alarms.create(BADGE_CLEAR_ALARM, { when: Math.max(entry.deadline + BADGE_EXPIRED_HOLD_MS + 1000, now + 30_000) });
  }

  async function notify(announce: Exclude<Announcement, 'start'>): Promise<void> {
    if (announce !== 'left-1m' && announce !== 'expired') return;
    const options = await store.get(OPTIONS);
    if (!options.notifications || !api.notifications) return;
    if (!(await api.permissions.contains({ permissions: ['notifications'] }).catch(() => false))) return;
    const message = api.i18n.getMessage(announce === 'expired' ? 'countdownAnnounceExpired' : 'countdownAnnounce1m');
    await api.notifications
      .create(NOTIFICATION_ID, {
        type: 'basic',
        iconUrl: api.runtime.getURL('icons/icon-128.png'),
        title: api.i18n.getMessage('extName') || 'ClaveGuía',
        message,
      })
      .catch(() => undefined);
  }

  /** Thresholds passed since the last wake-up: recorded once, and the latest notified if it is recent. */
  async function handleThresholds(key: string, entry: DeadlineEntry, now: number): Promise<void> {
    if (viewDeadline(entry, now).linkUsed) return;
    const due = dueAnnouncements(entry, now, entry.notified).filter((a): a is Exclude<Announcement, 'start'> => a !== 'start');
    if (due.length === 0) return;
    const latest = due[due.length - 1]!;
    const firedAt = entry.deadline - ANNOUNCE_AT_MS[latest];
    await store.update(DEADLINES, (d) => {
      const stored = d.entries[key];
      if (!stored || stored.requestedAt !== entry.requestedAt) return d;
      return { ...d, entries: { ...d.entries, [key]: { ...stored, notified: [...new Set([...stored.notified, ...due])] } } };
    });
    if (now - firedAt <= NOTIFY_LATE_MS) await notify(latest);
  }

  /** Re-applies the badge at each change of the clock while a view is connected (the worker lives meanwhile). */
  function scheduleTick(remainingMs: number): void {
    if (ticker !== null) clock.clearTimeout(ticker);
    ticker = null;
    if (ports.size === 0 || !(remainingMs > 0)) return;
    ticker = clock.setTimeout(() => {
      ticker = null;
      void refresh();
    }, msToNextSecond(remainingMs) + 5);
  }

  /** Badge (and thresholds) from the stored window; no alarm changes. */
  async function refresh(): Promise<Badge> {
    let deadlines = await store.get(DEADLINES);
    const now = clock.now();
    const stale = currentDeadline(deadlines);
    if (stale && now < stale.requestedAt) {
      // The computer's clock went back: restart the window from now with what was left (never longer).
      deadlines = await store.update(DEADLINES, (d) => {
        const e = d.current ? d.entries[d.current] : undefined;
        if (!e || !(now < e.requestedAt)) return d;
        return { ...d, entries: { ...d.entries, [d.current!]: { ...e, ...rebase(e, now) } } };
      });
    }
    const entry = currentDeadline(deadlines);
    if (!entry) {
      await setBadge(viewless, '');
      scheduleTick(0);
      return viewless;
    }
    const view = viewDeadline(entry, now);
    await setBadge(view.badge, view.clock);
    await handleThresholds(deadlines.current!, entry, now);
    scheduleTick(view.showTimer ? view.remainingMs : 0);
    return view.badge;
  }
  const viewless = { text: '', tone: 'none', background: '', color: '', title: null } as Badge;

  async function sync(): Promise<Badge> {
    const badge = await refresh();
    await scheduleAlarms(currentDeadline(await store.get(DEADLINES)), clock.now());
    return badge;
  }

  async function writeStep(key: string, step: StepId, now: number, start?: (existing: DeadlineEntry | null) => DeadlineEntry | null): Promise<Deadlines> {
    return store.update(DEADLINES, (d) => {
      const existing = d.entries[key] ?? null;
      const next = start ? start(existing) : existing && existing.step !== step ? { ...existing, step, stepSeenAt: now } : existing;
      if (!next) return d;
      return { current: key, entries: { ...d.entries, [key]: next } };
    });
  }

  return {
    async onStep(step, flow, previousStep, statedMs) {
      const now = clock.now();
      if (isRequestStep(step)) {
        const [options, pid] = await Promise.all([store.get(OPTIONS), personId()]);
        const key = deadlineKey(flow, pid);
        const { validityMs, stated } = detectedValidity(flow, step, options.linkValidityMs, statedMs);
        await writeStep(key, step, now, (existing) => {
          const result = startDeadline(existing, {
            flow,
            personId: pid,
            now,
            validityMs,
            stated,
            source: 'detected',
            previousStep,
            step,
          });
          if (result.started) return { ...result.deadline, startedOn: step, step, stepSeenAt: now, notified: [] };
          return existing!.step === step ? existing : { ...existing!, step, stepSeenAt: now };
        });
        await sync();
        return;
      }
      // `code` never gets here: as a request page it started (or kept) its window above.
      if (!AFTER_LINK_STEPS.has(step)) return;
      // The page behind the link: the window of this flow and person, else the one shown (the link's tab may
      // detect its flow differently), records it; the wait ends there.
      const pid = await personId();
      const deadlines = await store.get(DEADLINES);
      const own = deadlineKey(flow, pid);
      const key = own in deadlines.entries ? own : deadlines.current;
      if (!key) return;
      await writeStep(key, step, now);
      await sync();
    },

    async startManual(request = {}) {
      const now = clock.now();
      const [options, pid, deadlines] = await Promise.all([store.get(OPTIONS), personId(), store.get(DEADLINES)]);
      const flow = request.flow ?? currentDeadline(deadlines)?.flow ?? 'recover';
      const validityMs =
        request.validityMs !== undefined ? clampValidity(request.validityMs) : validityFor(flow, 'email-sent', options.linkValidityMs);
      const key = deadlineKey(flow, pid);
      const written = await writeStep(key, 'email-sent', now, (existing) => {
        const { deadline } = startDeadline(existing, { flow, personId: pid, now, validityMs, source: 'manual' });
        return { ...deadline, startedOn: 'manual', step: null, stepSeenAt: null, notified: [] };
      });
      await sync();
      return written.entries[key]!;
    },

    async stop() {
      await store.update(DEADLINES, (d) => {
        if (!d.current) return d;
        const { [d.current]: _gone, ...entries } = d.entries;
        return { current: null, entries };
      });
      await sync();
      await api.notifications?.clear(NOTIFICATION_ID).catch(() => false);
    },

    sync,

    onAlarm(alarm) {
      if (alarm.name.startsWith(ALARM_PREFIX)) void sync();
    },

    onViewPort(port) {
      ports.add(port);
      port.onMessage.addListener(() => void refresh());
      port.onDisconnect.addListener(() => {
        ports.delete(port);
        if (ports.size === 0 && ticker !== null) {
          clock.clearTimeout(ticker);
          ticker = null;
        }
      });
      void refresh();
    },

    async erase() {
      if (ticker !== null) clock.clearTimeout(ticker);
      ticker = null;
      shown = null;
      await clearAlarms();
      await setBadge(viewless, '');
      await api.notifications?.clear(NOTIFICATION_ID).catch(() => false);
    },
  };
}
