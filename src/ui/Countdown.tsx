/**
 * The link countdown in the popup: the same clock as the overlay and the badge (all derive from the one
 * stored deadline), with start, restart and stop by hand. While it shows a running clock it pings the
 * background every second through a port, so the badge ticks with it. Self-contained: it reads the store and
 * asks the background itself, so Popup.tsx only places it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { PHASE_MESSAGES, type Phase } from '../flow/countdown';
import { msToNextSecond, viewDeadline } from '../flow/deadline-view';
import { t } from '../i18n/t';
import { COUNTDOWN_PORT_NAME } from '../messages';
import { ask } from '../messages/replies';
import type { PlatformApi, PortApi } from '../platform/api';
import { platform } from '../platform/browser';
import { now as systemNow } from '../platform/now';
import { currentDeadline, DEADLINES, type Deadlines } from '../storage/deadlines';
import { createStore } from '../storage/store';

const PHASE_SYMBOL: Readonly<Record<Phase, string>> = { plenty: '◷', warning: '▲', urgent: '▲', expired: '⬣' };

export function Countdown({ api = platform, now: clock = systemNow }: { api?: PlatformApi; now?: () => number }) {
  const store = useMemo(() => createStore(api.storage), [api]);
  const [deadlines, setDeadlines] = useState<Deadlines | null>(null);
  const [now, setNow] = useState(clock);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void store.get(DEADLINES).then(setDeadlines, () => undefined);
    return store.subscribe(DEADLINES, setDeadlines);
  }, [store]);

  const entry = deadlines ? currentDeadline(deadlines) : null;
  const view = entry ? viewDeadline(entry, now) : null;
  const running = !!view && view.showTimer && view.remainingMs > 0;

  // Its own timer, aligned to the display's seconds; a port pinged each tick keeps the badge in step.
  useEffect(() => {
    if (!entry) return;
    let port: PortApi | null = null;
    const ping = () => {
      try {
        if (!port) {
          port = api.runtime.connect({ name: COUNTDOWN_PORT_NAME });
          port.onDisconnect.addListener(() => (port = null));
        }
        port.postMessage({ type: 'tick' });
      } catch {
        port = null;
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const at = clock();
      setNow(at);
      const left = viewDeadline(entry, at);
      if (left.showTimer && left.remainingMs > 0) {
        ping();
        timer = setTimeout(tick, msToNextSecond(left.remainingMs) + 5);
      }
    };
    tick();
    return () => {
      clearTimeout(timer);
      try {
        (port as PortApi | null)?.disconnect();
      } catch {
        // Already gone.
      }
    };
  }, [entry?.requestedAt, entry?.deadline, entry?.step, api]);

  const send = (message: { type: 'countdown:start' } | { type: 'countdown:stop' }) => {
    setBusy(true);
    void ask(api.runtime, message).finally(() => setBusy(false));
  };

  return (
    <section class="countdown" aria-labelledby="countdown-heading" data-cg-popup-countdown="">
      <h2 id="countdown-heading">{t('cdPopupHeading')}</h2>
      {view && view.showTimer ? (
        <p class="countdown-clock" data-phase={view.phase} role="timer" aria-label={t('cdTimerName')}>
          <span aria-hidden="true" class="countdown-symbol">
            {PHASE_SYMBOL[view.phase]}
          </span>{' '}
          <strong data-cg-clock="">{view.clock}</strong> <span>{t('cdApprox')}</span>{' '}
          <span class="countdown-phase">{t(PHASE_MESSAGES[view.phase])}</span>
          {view.source && (
            <span class="countdown-source" data-cg-source="">
              {' '}
              {t(view.source)}
            </span>
          )}
        </p>
      ) : view && view.linkUsed ? (
        <p>{t('cdLinkOpened')}</p>
      ) : (
        <p>{t('cdPopupNone')}</p>
      )}
      <p class="hint">{t('cdPopupExplain')}</p>
      <p class="countdown-actions">
        <button type="button" data-action="countdown-start" disabled={busy} onClick={() => send({ type: 'countdown:start' })}>
          {t(running ? 'cdPopupRestart' : 'cdPopupStart')}
        </button>{' '}
        {entry && (
          <button type="button" data-action="countdown-stop" disabled={busy} onClick={() => send({ type: 'countdown:stop' })}>
            {t('cdPopupStop')}
          </button>
        )}
      </p>
    </section>
  );
}
