import type { FlowId } from '../detect/vocabulary';
import { t, type MessageKey } from '../i18n/t';
import type { DockSide, Ticks } from '../storage/schema';
import { Icon } from '../ui/Icon';
import type { OverlayActions } from './actions';
import { AlertList } from '../ui/AlertList';
import { CountdownChip, EmailWaitAdvice } from './Countdown';
import type { CountdownFeed } from './countdown-feed';
import { HideOnSite } from './HideOnSite';
import { ProgressStrip } from '../ui/ProgressStrip';
import { QaPanel } from './QaPanel';
import type { QaReport } from './report';
import { StepGuideView } from '../ui/StepGuideView';
import { StepPicker } from './StepPicker';
import type { ViewModel } from './view';
import { SideHint, type SideView } from './SideButton';

const FLOW_NAMES: Record<FlowId, MessageKey> = {
  recover: 'flowRecover',
  unlock: 'flowUnlock',
  employer: 'flowEmployer',
  unknown: 'flowUnknown',
};

/** The expanded guide: a labelled landmark beside the portal, never on top of the field in use. */
export function Panel({
  view,
  dock,
  ticks,
  person = null,
  getReport,
  actions,
  countdown = null,
  side = { open: false, hint: false, available: false },
}: {
  view: ViewModel;
  dock: DockSide;
  ticks: Ticks;
  person?: string | null;
  getReport: () => QaReport;
  actions: OverlayActions;
  countdown?: CountdownFeed | null;
  side?: SideView;
}) {
  const picker = view.mode === 'picker';
  const title = picker ? t('ovPickerQuestion') : view.guide ? t(view.guide.title) : '';
  const otherSide: DockSide = dock === 'right' ? 'left' : 'right';

  return (
    <aside class="cg-panel" role="complementary" aria-label={t('ovLandmark')} data-mode={view.mode}>
      <header class="cg-header">
        <div class="cg-brand">
          <Icon name="guide" size={18} />
          <span>{t('ovBrand')}</span>
        </div>
        <div class="cg-toolbar">
          {side.available && !side.open && (
            <button
              type="button"
              class="cg-icon-button"
              data-action="side"
              aria-label={`${t('ovSideOpen')}: ${t('ovSideOpenAction')}`}
              title={t('ovSideOpen')}
              onClick={actions.openSide}
            >
              <Icon name="side" />
            </button>
          )}
          <button
            type="button"
            class="cg-icon-button"
            data-action="dock"
            aria-label={t(otherSide === 'left' ? 'ovDockLeft' : 'ovDockRight')}
            title={t(otherSide === 'left' ? 'ovDockLeft' : 'ovDockRight')}
            onClick={() => actions.setDock(otherSide)}
          >
            <Icon name={otherSide === 'left' ? 'dock-left' : 'dock-right'} />
          </button>
          <button
            type="button"
            class="cg-icon-button"
            data-action="collapse"
            aria-label={t('ovCollapse')}
            title={t('ovCollapse')}
            aria-expanded="true"
            onClick={actions.collapse}
          >
            <Icon name="minimise" />
          </button>
        </div>
      </header>

      <div class="cg-scroll">
        {side.hint && !side.open && <SideHint />}
        {countdown && <CountdownChip feed={countdown} />}
        {countdown && <EmailWaitAdvice feed={countdown} />}
        <AlertList alerts={view.alerts} />
        <p class="cg-flow">{t(FLOW_NAMES[view.flow])}</p>
        {person && (
          <p class="cg-person" data-cg-person="">
            {t('ppOverlayHelping', person)}
          </p>
        )}
        <h2 class="cg-title" tabIndex={-1} data-cg-focus-start="">
          {picker && <Icon name="question" size={22} />}
          <span>{title}</span>
        </h2>

        {picker ? (
          <StepPicker candidates={view.candidates} flow={view.flow} onPick={actions.pick} />
        ) : (
          <>
            {view.chosen && (
              <p class="cg-chosen cg-muted">
                {t('ovPickerChosen')}{' '}
                {view.candidates.length > 0 && (
                  <button type="button" class="cg-button-link" data-action="repick" onClick={actions.repick}>
                    {t('ovPickerChange')}
                  </button>
                )}
              </p>
            )}
            <ProgressStrip stages={view.progress} />
            {view.guide && <StepGuideView guide={view.guide} ticks={ticks} onTick={actions.tick} />}
          </>
        )}

        <footer class="cg-footer">
          <QaPanel getReport={getReport} onCopy={actions.copyReport} makeCopy={actions.makeCopy} />
          <HideOnSite onConfirm={actions.hideOnThisSite} />
        </footer>
      </div>
    </aside>
  );
}
