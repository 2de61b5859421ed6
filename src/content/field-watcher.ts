/**
 * Reads the values of the few fields the mismatch checks need (id number, new key, confirmation), only while
 * a step that has them is shown. The portal's on-screen keypad sets `.value` without firing any event, so
 * values are also polled, cheaply: a handful of cached elements, only while the tab is visible.
 * Values stay in this object's memory: never stored, never sent, never logged, dropped when watching stops.
 */
import { findValueFields, type ValueFieldRole } from '../page/fields';

export type FieldValues = ReadonlyMap<ValueFieldRole, string>;

export interface FieldWatcherOptions {
  doc: Document;
  onChange: (values: FieldValues) => void;
  /** How often values are read while watching (ms). */
  pollMs?: number;
}

export class FieldWatcher {
  private fields = new Map<ValueFieldRole, HTMLInputElement>();
  private values = new Map<ValueFieldRole, string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly pollMs: number;

  constructor(private readonly options: FieldWatcherOptions) {
    this.pollMs = options.pollMs ?? 200;
  }

  get watching(): boolean {
    return this.timer !== null;
  }

  /** Starts or stops watching; idempotent. Stopping forgets every value. */
  watch(active: boolean): void {
    if (active === this.watching) return;
    if (!active) {
      this.stop();
      return;
    }
    this.options.doc.addEventListener('input', this.read, true);
    this.timer = setInterval(this.read, this.pollMs);
    this.refind();
    this.read();
  }

  /** The page re-rendered: the fields may be new elements. */
  refind(): void {
    if (this.watching) this.fields = findValueFields(this.options.doc);
  }

  destroy(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.options.doc.removeEventListener('input', this.read, true);
    this.fields.clear();
    const hadValues = [...this.values.values()].some((v) => v !== '');
    this.values = new Map();
    if (hadValues) this.options.onChange(this.values);
  }

  private readonly read = (): void => {
    if (this.options.doc.visibilityState === 'hidden') return;
    if ([...this.fields.values()].some((field) => !field.isConnected)) this.refind();
    let changed = this.fields.size !== this.values.size;
    const next = new Map<ValueFieldRole, string>();
    for (const [role, field] of this.fields) {
      const value = field.value;
      next.set(role, value);
      if (this.values.get(role) !== value) changed = true;
    }
    if (!changed) return;
    this.values = next;
    this.options.onChange(next);
  };
}
