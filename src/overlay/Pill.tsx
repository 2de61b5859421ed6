import { t } from '../i18n/t';
import { Icon } from '../ui/Icon';

/** The collapsed overlay: one small button that reopens the guide. Alerts still show as a warning shape. */
export function Pill({ onExpand, hasAlert }: { onExpand: () => void; hasAlert: boolean }) {
  return (
    <button
      type="button"
      class="cg-pill"
      data-action="expand"
      aria-label={t('ovExpand')}
      aria-expanded="false"
      onClick={onExpand}
    >
      <Icon name={hasAlert ? 'warning' : 'guide'} size={20} />
      <span>{t('ovPill')}</span>
    </button>
  );
}
