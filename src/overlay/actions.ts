import type { DockSide } from '../storage/schema';
import type { GuidedStep } from '../flow/guidance';

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
}
