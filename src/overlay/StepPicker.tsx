import type { FlowId } from '../detect/vocabulary';
import { guideFor, type GuidedStep } from '../flow/guidance';
import { t } from '../i18n/t';

/** Asked when the detector is unsure: the person names the screen, and the guide follows their answer. */
export function StepPicker({
  candidates,
  flow,
  onPick,
}: {
  candidates: GuidedStep[];
  flow: FlowId;
  onPick: (step: GuidedStep) => void;
}) {
  return (
    <div class="cg-picker">
      <p>{t('ovPickerHelp')}</p>
      <ul class="cg-picker-options">
        {candidates.map((step) => {
          const guide = guideFor(step, flow);
          return guide ? (
            <li key={step}>
              <button type="button" class="cg-button cg-button-secondary" data-pick={step} onClick={() => onPick(step)}>
                {t(guide.title)}
              </button>
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}
