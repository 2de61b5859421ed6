/**
 * The overlay's contract with the rest of the extension: what it may ask for (services, implemented by the
 * content script over the platform adapter, faked in tests) and what it offers (the Overlay handle).
 */
import type { Detection } from '../detect/vocabulary';
import type { FieldWarning, WarningAnchor } from '../flow/warnings';
import type { PageScopes } from '../page/scopes';
import type { Settings, SettingsPatch, Ticks } from '../storage/schema';
import type { CountdownSource } from './countdown-feed';
import type { CopyAnswer, SideStatus } from '../messages';

export interface OverlayServices {
  /** Extension version, for the QA panel. */
  version: string;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: SettingsPatch): Promise<void>;
  /** Remembered; reversible from the popup. The content script decides what hiding means (see content/app.ts). */
  hideOnThisSite(): void;
  /** Checklist ticks for this tab. */
  loadTicks(): Promise<Ticks>;
  saveTicks(ticks: Ticks): Promise<void>;
  /** For "Copiar informe". */
  copyText(text: string): Promise<void>;
  /** The LABEL of the person being helped ("Mamá"), or null; never any other personal value. */
  activePersonLabel?(): Promise<string | null>;
  /** Asks the browser to open the side area; false where a click in the page cannot (Firefox). */
  openSide?(): Promise<boolean>;
  /** Whether the side area is open in this tab's window, at start (changes arrive through `setSideOpen`). */
  sideOpen?(): Promise<SideStatus>;
  /** "Guardar copia anónima de esta página" (QA panel): the anonymous copy of this page, built here. */
  makeCopy?(): Promise<CopyAnswer | null>;
  /** The link countdown's deadline (read from the store) and the ping that keeps the badge in step. */
  countdown?: CountdownSource;
  /** Where the portal's controls are, to keep off them: the document and the open shadow roots the detector walked into. */
  pageScopes?: PageScopes;
}

export interface Overlay {
  start(): void;
  update(detection: Detection): void;
  /** Shows or hides the whole overlay (keyboard command). */
  toggleVisibility(): void;
  /** Moves focus into the panel and, called again, back to the page element that had it. */
  toggleFocus(): void;
  /**
   * Mismatch warnings beside the portal's fields (issue 13): the list replaces the previous one; `anchors` are
   * the portal elements to sit beside, only ever measured.
   */
  showWarnings(list: readonly FieldWarning[], anchors: ReadonlyMap<WarningAnchor, Element>): void;
  /** The side area opened or closed in this tab's window, or shows another step. */
  setSide(side: SideStatus): void;
  /** The person erased everything: drop what is held in memory (ticks, the chosen step). */
  forget(): void;
  /** Asks again who is being helped (and re-renders, e.g. after a language change). */
  refreshPerson(): void;
  destroy(): void;
}

export interface OverlayOptions {
  shadowMode?: ShadowRootMode;
}
