/**
 * The overlay's state and what follows from it, as plain data and pure functions: no DOM, no Preact, no
 * extension API. The controller keeps one `OverlayState`, replaces it through these functions, and builds
 * the view from it once per change.
 */
import type { Detection, StepId } from '../detect/vocabulary';
import type { SideStatus } from '../messages';
import type { GuidedStep } from '../flow/guidance';
import { DEFAULT_SETTINGS, type DockSide, type Settings, type SettingsPatch, type Ticks } from '../storage/schema';
import { NO_AVOIDANCE, opposite, type Avoidance, type PhoneLayout } from './placement';
import { buildView, keepChoice, type Choice, type ViewModel } from './view';

export interface OverlayState {
  detection: Detection | null;
  url: string;
  /** The person's answer to "¿En qué paso está?" for this page. */
  choice: Choice | null;
  picking: boolean;
  settings: Settings;
  /** Nothing shows until the settings are read: no flash at the wrong side or size. */
  settingsLoaded: boolean;
  ticks: Ticks;
  /** null = automatic; true/false = the person's keyboard command (or "hide on this site") for this page. */
  userVisible: boolean | null;
  /** How the overlay currently steps aside from the portal's fields. */
  avoid: Avoidance;
  /** The person opened the pill themselves: only the focused field is avoided until the step changes. */
  userExpanded: boolean;
  /** The guide is open in the browser's side area of this window: in the page, the pill is enough. */
  sideOpen: boolean;
  /** The step the side area shows, as it says (QA compares it with the page's). */
  sideShowing: StepId | null;
  /** Opening the side area from the page was refused (Firefox): say how to open it instead. */
  sideHint: boolean;
  /** The browser has a side column at all (not on Firefox for Android); false until the background says so. */
  sideAvailable: boolean;
  /** On a phone (a narrow layout): where the bar or the opened panel sits in what is on screen; else null. */
  phone: PhoneLayout | null;
}

export const initialState = (): OverlayState => ({
  detection: null,
  url: '',
  choice: null,
  picking: false,
  settings: { ...DEFAULT_SETTINGS, hiddenHosts: [] },
  settingsLoaded: false,
  ticks: {},
  userVisible: null,
  avoid: NO_AVOIDANCE,
  userExpanded: false,
  sideOpen: false,
  sideShowing: null,
  sideHint: false,
  sideAvailable: false,
  phone: null,
});

export function withDetection(state: OverlayState, detection: Detection, url: string): OverlayState {
  const stepChanged = detection.step !== state.detection?.step;
  return {
    ...state,
    detection,
    url,
    choice: keepChoice(state.choice, detection, url),
    picking: state.picking && url === state.url && detection.step === 'none',
    userExpanded: stepChanged ? false : state.userExpanded,
  };
}

export const withChoice = (state: OverlayState, step: GuidedStep): OverlayState => ({
  ...state,
  choice: { step, url: state.url },
  picking: false,
});

/** Settings as loaded, with the person's changes made before the load kept on top. */
export const withLoadedSettings = (state: OverlayState, loaded: Settings, pending: SettingsPatch): OverlayState => ({
  ...state,
  settings: { ...loaded, ...pending },
  settingsLoaded: true,
});

export const withSettingsPatch = (state: OverlayState, patch: SettingsPatch): OverlayState => ({
  ...state,
  settings: { ...state.settings, ...patch },
  // The person chose a layout: drop any temporary stepping aside.
  avoid: NO_AVOIDANCE,
});

/** What the person erased ("Olvidar todo"): ticks and their answer to the step question go. */
export const forgotten = (state: OverlayState): OverlayState => ({
  ...state,
  ticks: {},
  choice: null,
  picking: false,
  settings: { ...DEFAULT_SETTINGS, hiddenHosts: [] },
});

export const viewOf = (state: OverlayState): ViewModel => buildView(state.detection, state.choice, state.picking);

export function isVisible(state: OverlayState, view: ViewModel): boolean {
  if (!state.settingsLoaded || view.mode === 'hidden') return false;
  return state.userVisible ?? true;
}

export const dockOf = (state: OverlayState): DockSide =>
  state.avoid.flip ? opposite(state.settings.dock) : state.settings.dock;

export const isCollapsed = (state: OverlayState): boolean =>
  state.phone ? state.phone.bar : state.settings.collapsed || state.avoid.collapse || (state.sideOpen && !state.userExpanded);

export const withSide = (state: OverlayState, side: SideStatus): OverlayState => ({
  ...state,
  sideOpen: side.open,
  sideShowing: side.open ? side.showing : null,
  sideHint: false,
  sideAvailable: side.available,
  // The guide moved beside the page: the panel folds even if the person had opened it here.
  userExpanded: side.open && !state.sideOpen ? false : state.userExpanded,
});

/** The stage the person is at ("Validación"), for the pill. */
export const currentStageLabel = (view: ViewModel) => view.progress.find((s) => s.state === 'current')?.label ?? null;

/** The host's data attributes: what QA (and tests) read without opening the shadow root, even from the pill. */
export function hostAttributes(
  view: ViewModel,
  dock: DockSide,
  collapsed: boolean,
  visible: boolean,
  side: Pick<SideStatus, 'open' | 'showing'> = { open: false, showing: null },
  phone: PhoneLayout | null = null,
): Record<string, string> {
  return {
    ...(phone ? phoneAttributes(phone) : {}),
    'data-claveguia-step': view.step,
    'data-claveguia-flow': view.flow,
    ...(view.alerts.length > 0 ? { 'data-claveguia-alerts': view.alerts.map((a) => a.id).join(' ') } : {}),
    'data-claveguia-dock': dock,
    'data-claveguia-collapsed': String(collapsed),
    'data-claveguia-side': side.open ? 'open' : 'closed',
    ...(side.open && side.showing ? { 'data-claveguia-side-step': side.showing } : {}),
    ...(visible ? {} : { hidden: '' }),
  };
}

/**
 * On a phone the host sits where choosePhoneLayout put it, in the visual viewport: the numbers travel as
 * custom properties on the host (inline, important, so no page rule can move them) that overlay.css reads.
 */
function phoneAttributes(phone: PhoneLayout): Record<string, string> {
  const px = (value: number) => `${Math.round(value)}px !important`;
  return {
    'data-claveguia-phone': phone.bar ? (phone.compact ? 'bar-compact' : 'bar') : 'panel',
    style:
      `--cg-top: ${px(phone.top)}; --cg-left: ${px(phone.left)}; --cg-width: ${px(phone.width)}; ` +
      `--cg-max-height: ${px(phone.maxHeight)}; --cg-zoom: ${phone.zoom.toFixed(3)} !important`,
  };
}

/** Same place and form, to the pixel: no re-render for sub-pixel scroll noise. */
export const samePhoneLayout = (a: PhoneLayout | null, b: PhoneLayout | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.bar === b.bar &&
    a.compact === b.compact &&
    (['top', 'left', 'width', 'maxHeight'] as const).every((k) => Math.round(a[k]) === Math.round(b[k])) &&
    Math.abs(a.zoom - b.zoom) < 0.01);
