import { t } from '../i18n/t';
import { Icon } from '../ui/Icon';
import { VisuallyHidden } from '../ui/VisuallyHidden';

/**
 * The collapsed overlay: one small button that reopens the guide. Alerts still show as a warning shape, and
 * the current stage ("Validación") says where the person is without opening it. Its accessible name begins
 * with exactly those visible words.
 */
export function Pill({ onExpand, hasAlert, stage }: { onExpand: () => void; hasAlert: boolean; stage: string | null }) {
  return (
    <button
      type="button"
      class="cg-pill"
      data-action="expand"
      aria-expanded="false"
      onClick={onExpand}
    >
      <Icon name={hasAlert ? 'warning' : 'guide'} size={20} />
      <span>{t('ovPill')}</span>
      {stage && <span class="cg-pill-stage">{stage}</span>}
      {/* The name is the visible words plus the action: voice users say what they see (WCAG 2.5.3). */}
      <VisuallyHidden> {t('ovExpand')}</VisuallyHidden>
    </button>
  );
}
