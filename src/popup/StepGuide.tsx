/**
 * The side area's guide for the tab, inside the popup, for browsers with no side column (Firefox for Android,
 * where the popup opens as a full-screen page): the step's title and what to do now, the portal's alerts, the
 * progress and the step's checklist, ticked for that tab as the overlay and the side area tick it. Structure
 * only (step, flow, alert ids): never a value from the page.
 */
import { alertGuides } from '../flow/alerts';
import { guideFor } from '../flow/guidance';
import { progressFor } from '../flow/progress';
import { t } from '../i18n/t';
import { AlertList } from '../ui/AlertList';
import { ProgressStrip } from '../ui/ProgressStrip';
import { StepGuideView } from '../ui/StepGuideView';
import type { TabStep, Ticks } from '../storage/schema';

export function StepGuide({ step, ticks, onTick }: { step: TabStep; ticks: Ticks; onTick: (id: string, checked: boolean) => void }) {
  const guide = guideFor(step.step, step.flow, step.alerts);
  if (!guide) return null;
  return (
    <section class="card step-guide" aria-labelledby="step-guide-title" data-popup-step={step.step}>
      <p class="cg-flow">{t('ppStepGuideHeading')}</p>
      <h2 id="step-guide-title" class="cg-title">
        {t(guide.title)}
      </h2>
      <p class="cg-wants">{t(guide.wants)}</p>
      <AlertList alerts={alertGuides(step.alerts, step.flow, step.step)} />
      <ProgressStrip stages={progressFor(step.step, step.flow, step.alerts)} />
      <StepGuideView guide={guide} ticks={ticks} onTick={onTick} showWants={false} />
    </section>
  );
}
