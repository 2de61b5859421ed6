/**
 * What the overlay's one polite live region says: a step change or a newly appeared alert, once each, and
 * only while the overlay is visible (what happened while hidden is told, once, when it shows again).
 * It owns the region's text and its timers; the controller re-renders when the text changes later.
 */
import { t } from '../i18n/t';
import type { ViewModel } from './view';

/** How long the (empty) live region exists before its first words. */
export const LIVE_SETTLE_MS = 400;
/** The same words again are cleared first for this long, so screen readers notice them. */
const REPEAT_GAP_MS = 150;

export class Announcer {
  private message = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private spokenTitle: string | null = null;
  private spokenAlerts = new Set<string>();
  private readonly mountedAt = Date.now();

  /** `onLateChange` is called when the text changes after a wait, so the owner renders it. */
  constructor(private readonly onLateChange: () => void) {}

  get text(): string {
    return this.message;
  }

  /** Decides what is new in `view` and sets the text (the caller renders). */
  announce(view: ViewModel): void {
    const parts: string[] = [];
    const title =
      view.mode === 'picker' ? t('ovAnnouncePicker') : view.guide ? t('ovAnnounceStep', t(view.guide.title)) : null;
    if (title && title !== this.spokenTitle) {
      parts.push(title);
      this.spokenTitle = title;
    }
    for (const alert of view.alerts) {
      if (!this.spokenAlerts.has(alert.id)) parts.push(t('ovAnnounceAlert', t(alert.title)));
    }
    this.spokenAlerts = new Set(view.alerts.map((a) => a.id));
    if (parts.length > 0) this.say(parts.join(' '));
  }

  /**
   * Two cases wait: right after mounting, so the empty region is known to assistive technology before it
   * speaks; and the same words again (an alert that came back), which are cleared first.
   */
  say(text: string): void {
    this.cancel();
    const settle = Math.max(0, this.mountedAt + LIVE_SETTLE_MS - Date.now());
    const repeat = text === this.message;
    if (settle === 0 && !repeat) {
      this.message = text;
      return;
    }
    if (repeat) this.message = '';
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.message = text;
        this.onLateChange();
      },
      Math.max(settle, repeat ? REPEAT_GAP_MS : 0),
    );
  }

  destroy(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
