import { t } from '../i18n/t';
import type { OverlayActions } from './actions';
import { CountdownChip } from './Countdown';
import type { CountdownFeed } from './countdown-feed';
import { Icon } from '../ui/Icon';
import type { ViewModel } from './view';

/**
 * The guide on a phone while the person types: a bar across what is on screen (above the keyboard) with the
 * step's title and what to do now, the link countdown where it runs, and the button that opens the whole
 * guide. Placed by placement.ts (choosePhoneLayout) off the field in use and, where there is room, off every
 * portal control. `compact` clamps the words when the room beside the field is short; the panel has them all.
 */
export function NowBar({
  view,
  compact,
  actions,
  countdown,
}: {
  view: ViewModel;
  compact: boolean;
  actions: OverlayActions;
  countdown: CountdownFeed | null;
}) {
  const picker = view.mode === 'picker';
  const title = picker ? t('ovPickerQuestion') : view.guide ? t(view.guide.title) : '';
  const wants = !picker && view.guide ? t(view.guide.wants) : '';
  return (
    <aside class={`cg-bar${compact ? ' cg-bar-compact' : ''}`} aria-label={t('ovLandmark')} data-cg-bar="">
      <button
        type="button"
        class="cg-icon-button cg-bar-open"
        data-action="expand"
        aria-expanded="false"
        aria-label={`${t('ovPill')} ${t('ovExpand')}`}
        title={t('ovPill')}
        onClick={actions.expand}
      >
        <Icon name={view.alerts.length > 0 ? 'warning' : 'guide'} size={22} />
      </button>
      <div class="cg-bar-words">
        <p class="cg-bar-title" data-cg-bar-title="">
          {title}
        </p>
        {wants && (
          <p class="cg-bar-wants" data-cg-bar-wants="">
            {wants}
          </p>
        )}
      </div>
      {countdown && (
        <div class="cg-bar-clock">
          <CountdownChip feed={countdown} compact hideable={!compact} />
        </div>
      )}
    </aside>
  );
}
