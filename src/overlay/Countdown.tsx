/**
 * The link countdown where the person looks: a small chip on the pill and at the top of the panel, and the
 * email-wait advice in the panel. Each subscribes to the overlay's CountdownFeed and re-renders only itself
 * every second. The ticking clock is silent (`role="timer"`); the overlay's one live region speaks at the
 * thresholds. Phase is told by words, an icon shape and colour together; it can be minimised (WCAG 2.2.2).
 */
import { useEffect, useState } from 'preact/hooks';
import { PHASE_MESSAGES, type Phase } from '../flow/countdown';
import { t } from '../i18n/t';
import { Icon, type IconName } from '../ui/Icon';
import type { CountdownFeed, FeedReading } from './countdown-feed';

export const PHASE_ICONS: Readonly<Record<Phase, IconName>> = {
  plenty: 'clock',
  warning: 'warning',
  urgent: 'warning',
  expired: 'error',
};

/**
 * Re-renders the calling component only when `select` of the feed's reading changes (a string, compared by
 * value), and returns the latest reading.
 */
function useReading(feed: CountdownFeed, select: (reading: FeedReading) => string): FeedReading {
  const [, setKey] = useState(() => select(feed.current));
  useEffect(() => {
    setKey(select(feed.current));
    return feed.subscribe((reading) => setKey(select(reading)));
  }, [feed]);
  return feed.current;
}

const chipKey = ({ view, minimised }: FeedReading): string =>
  view ? `${view.showTimer}|${view.clock}|${view.phase}|${view.source}|${minimised}` : 'none';
const adviceKey = ({ view }: FeedReading): string => (view ? `${view.wait.level}|${view.wait.messages.join(',')}` : 'none');

/**
 * The clock itself. `compact` sits beside the pill: icon, time and "aprox." only. `hideable` false drops the
 * minimise button (the phone bar's short form, where its 44-px row would cost the room the form was made for;
 * the opened guide keeps it).
 */
export function CountdownChip({ feed, compact = false, hideable = true }: { feed: CountdownFeed; compact?: boolean; hideable?: boolean }) {
  const { view, minimised } = useReading(feed, chipKey);
  if (!view || !view.showTimer) return null;
  if (minimised) {
    return (
      <button
        type="button"
        class="cg-countdown-show cg-icon-button"
        data-action="countdown-show"
        data-phase={view.phase}
        aria-label={t('cdShow')}
        title={t('cdShow')}
        onClick={() => feed.setMinimised(false)}
      >
        <Icon name={PHASE_ICONS[view.phase]} size={18} />
      </button>
    );
  }
  return (
    <div class={`cg-countdown${compact ? ' cg-countdown-compact' : ''}`} data-phase={view.phase} data-cg-countdown="">
      <div class="cg-countdown-body" role="timer" aria-label={t('cdTimerName')}>
        <Icon name={PHASE_ICONS[view.phase]} size={compact ? 18 : 22} />
        <span class="cg-countdown-clock" data-cg-clock="">
          {view.clock}
        </span>
        <span class="cg-countdown-approx">{t('cdApprox')}</span>
        {!compact && <span class="cg-countdown-phase">{t(PHASE_MESSAGES[view.phase])}</span>}
        {!compact && view.source && (
          <span class="cg-countdown-source" data-cg-source="">
            {t(view.source)}
          </span>
        )}
      </div>
      {hideable && (
        <button
          type="button"
          class="cg-countdown-hide cg-button-quiet"
          data-action="countdown-hide"
          aria-label={t('cdMinimise')}
          title={t('cdMinimise')}
          onClick={() => feed.setMinimised(true)}
        >
          <Icon name="minimise" size={16} />
        </button>
      )}
    </div>
  );
}

/** The email-wait advice (5, 15, 30 min) and, after a late arrival, "the link has probably expired". */
export function EmailWaitAdvice({ feed }: { feed: CountdownFeed }) {
  const { view } = useReading(feed, adviceKey);
  if (!view || view.wait.messages.length === 0) return null;
  const [title, ...actions] = view.wait.messages;
  return (
    <section class="cg-email-wait" data-cg-email-wait={view.wait.level} aria-label={t('cdAdviceHeading')}>
      <p class="cg-email-wait-title">
        <Icon name={view.late ? 'error' : 'warning'} size={18} />
        <strong>{t(title!)}</strong>
      </p>
      {actions.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
    </section>
  );
}
