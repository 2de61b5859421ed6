import type { StageState, StageView } from '../flow/progress';
import { t, type MessageKey } from '../i18n/t';
import { Icon, type IconName } from './Icon';
import { VisuallyHidden } from './VisuallyHidden';

const ICONS: Record<StageState, IconName> = { done: 'check', current: 'current', upcoming: 'upcoming' };
const WORDS: Record<StageState, MessageKey> = { done: 'ovStageDone', current: 'ovStageCurrent', upcoming: 'ovStageUpcoming' };

/** Where the person is in the whole procedure: shape + text for each stage, `aria-current` on the current one. */
export function ProgressStrip({ stages }: { stages: StageView[] }) {
  if (stages.length === 0) return null;
  return (
    <ol class="cg-progress" aria-label={t('ovProgress')}>
      {stages.map((stage) => (
        <li
          key={stage.id}
          class={`cg-stage cg-stage-${stage.state}`}
          data-stage={stage.id}
          data-state={stage.state}
          aria-current={stage.state === 'current' ? 'step' : undefined}
        >
          <Icon name={ICONS[stage.state]} size={18} />
          <span class="cg-stage-label">{t(stage.label)}</span>{' '}
          <VisuallyHidden>({t(WORDS[stage.state])})</VisuallyHidden>
        </li>
      ))}
    </ol>
  );
}
