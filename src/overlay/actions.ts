import type { DockSide, SettingsPatch, Ticks } from '../storage/schema';
import type { OverlayState } from './state';
import { withChoice } from './state';
import type { GuidedStep } from '../flow/guidance';
import { t } from '../i18n/t';
import type { CopyAnswer } from '../messages';

/** What the components may ask of the overlay controller; they hold no state that must outlive a render. */
export interface OverlayActions {
  tick(id: string, checked: boolean): void;
  collapse(): void;
  expand(): void;
  setDock(side: DockSide): void;
  hideOnThisSite(): void;
  pick(step: GuidedStep): void;
  repick(): void;
  /** Resolves true when the report reached the clipboard. */
  copyReport(): Promise<boolean>;
  /** "Guía al lado": opens the browser's side area, or says how where the page cannot. */
  openSide(): void;
  /** "Guardar copia anónima": the page's anonymous copy, built in this tab (null where it cannot be). */
  makeCopy?(): Promise<CopyAnswer | null>;
}

/** What the actions need from the controller: state changes, layout changes, focus, and the services. */
export interface ActionHost {
  /** Replaces the state; 'refresh' when what is shown (and spoken) may change, 'render' for a tick. */
  update(change: (state: OverlayState) => OverlayState, how: 'refresh' | 'render'): void;
  changeSettings(patch: SettingsPatch): void;
  focusInside(selector: string): void;
  giveBack(): void;
  saveTicks(ticks: Ticks): void;
  hideOnThisSite(): void;
  copyReport(): Promise<void>;
  openSide(): Promise<boolean>;
  say(text: string): void;
  makeCopy?(): Promise<CopyAnswer | null>;
}

const FOCUS_START = '[data-cg-focus-start]';

export function createActions(host: ActionHost): OverlayActions {
  return {
    tick: (id, checked) => {
      let ticks: Ticks = {};
      host.update((s) => {
        ticks = { ...s.ticks, [id]: checked };
        return { ...s, ticks };
      }, 'render');
      host.saveTicks(ticks);
    },
    collapse: () => {
      host.changeSettings({ collapsed: true });
      host.focusInside('[data-action="expand"]');
    },
    expand: () => {
      host.update((s) => ({ ...s, userExpanded: true }), 'render');
      host.changeSettings({ collapsed: false });
      host.focusInside(FOCUS_START);
    },
    setDock: (side) => host.changeSettings({ dock: side }),
    hideOnThisSite: () => {
      host.update((s) => ({ ...s, userVisible: false }), 'refresh');
      host.giveBack();
      host.hideOnThisSite();
    },
    pick: (step) => {
      host.update((s) => withChoice(s, step), 'refresh');
      host.focusInside(FOCUS_START);
    },
    repick: () => {
      host.update((s) => ({ ...s, picking: true }), 'refresh');
      host.focusInside(FOCUS_START);
    },
    openSide: () => {
      void host.openSide().then((opened) => {
        if (opened) return;
        host.update((s) => ({ ...s, sideHint: true }), 'render');
        host.say(t('ovSideHint'));
      });
    },
    copyReport: async () => {
      try {
        await host.copyReport();
        return true;
      } catch {
        return false;
      }
    },
    makeCopy: () => host.makeCopy?.() ?? Promise.resolve(null),
  };
}
