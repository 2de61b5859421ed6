import type { DockSide, Ticks } from '../storage/schema';
import { LiveRegion } from '../ui/LiveRegion';
import type { OverlayActions } from './actions';
import { CountdownChip } from './Countdown';
import type { CountdownFeed } from './countdown-feed';
import { Panel } from './Panel';
import { Pill } from './Pill';
import { t } from '../i18n/t';
import type { QaReport } from './report';
import type { ViewModel } from './view';
import { SideButton, SideHint, type SideView } from './SideButton';
import { NowBar } from './NowBar';
import type { PhoneLayout } from './placement';

/** The stage the person is at ("Validación"), shown on the pill. */
const currentStage = (view: ViewModel): string | null => {
  const stage = view.progress.find((s) => s.state === 'current');
  return stage ? t(stage.label) : null;
};

export interface AppProps {
  view: ViewModel;
  collapsed: boolean;
  dock: DockSide;
  ticks: Ticks;
  /** The active person's label, or null. */
  person?: string | null;
  /** Current live-region text; the region itself is always rendered. */
  live: string;
  lang: string;
  /** Built only while the QA panel is open. */
  getReport: () => QaReport;
  actions: OverlayActions;
  /** The link countdown (null in tests without one). */
  countdown?: CountdownFeed | null;
  side?: SideView;
  /** On a phone: the bar or the panel, placed in what is on screen; null on a wider screen. */
  phone?: PhoneLayout | null;
}

const NO_SIDE: SideView = { open: false, hint: false, available: false };

/** Root of the overlay inside the shadow root. */
export function App({ view, collapsed, dock, ticks, person = null, live, lang, getReport, actions, countdown = null, side = NO_SIDE, phone = null }: AppProps) {
  const offerSide = side.available && !side.open;
  if (phone?.bar && view.mode !== 'hidden') {
    return (
      <div class="cg-app" lang={lang} data-dock={dock}>
        <LiveRegion message={live} />
        <NowBar view={view} compact={phone.compact} actions={actions} countdown={countdown} />
      </div>
    );
  }
  return (
    <div class="cg-app" lang={lang} data-dock={dock}>
      <LiveRegion message={live} />
      {/* With the guide open beside the page, the page keeps only what must sit by its fields (warnings). */}
      {view.mode !== 'hidden' &&
        !(collapsed && side.open) &&
        (collapsed ? (
          <div class="cg-pill-area">
            <div class="cg-pill-row">
              <Pill onExpand={actions.expand} hasAlert={view.alerts.length > 0} stage={currentStage(view)} />
              {offerSide && <SideButton onOpen={actions.openSide} />}
              {countdown && <CountdownChip feed={countdown} compact />}
            </div>
            {offerSide && side.hint && <SideHint />}
          </div>
        ) : (
          <Panel
            view={view}
            dock={dock}
            ticks={ticks}
            person={person}
            getReport={getReport}
            actions={actions}
            countdown={countdown}
            side={side}
          />
        ))}
    </div>
  );
}
