/**
 * Reads the values of the few fields the mismatch checks need (cédula, RUC, day and month, email, new key,
 * confirmation), typed or chosen from a list, only while a step that has them is shown, and only the roles that step needs. The portal's
 * on-screen keypad sets `.value` without firing any event, so values are also polled, cheaply: a handful of
 * cached elements, only while the tab is visible. It also notes, without any value, which fields the person
 * has left and whether Caps Lock was on at the last key press in a key field.
 * Values stay in this object's memory: never stored, never sent, never logged, dropped when watching stops.
 */
import { findValueFields, readFieldValue, VALUE_FIELD_ROLES, type ValueField, type ValueFieldRole } from '../page/fields';
import type { PageScopes } from '../page/scopes';

export type FieldValues = ReadonlyMap<ValueFieldRole, string>;

export interface FieldWatcherOptions {
  doc: Document;
  onChange: (values: FieldValues) => void;
  /** Where the fields are: the document and the open shadow roots the detector walked into (default: the document). */
  scopes?: PageScopes;
  /** How often values are read while watching (ms). */
  pollMs?: number;
}

const KEY_ROLES: ReadonlySet<ValueFieldRole> = new Set(['new-key', 'key-confirmation']);

export class FieldWatcher {
  private fields = new Map<ValueFieldRole, ValueField>();
  private values = new Map<ValueFieldRole, string>();
  private roles: ReadonlySet<ValueFieldRole> = new Set();
  private timer: ReturnType<typeof setInterval> | null = null;
  private fieldsChanged = false;
  private readonly leftRoles = new Set<ValueFieldRole>();
  private caps = false;
  private readonly pollMs: number;

  constructor(private readonly options: FieldWatcherOptions) {
    this.pollMs = options.pollMs ?? 200;
  }

  get watching(): boolean {
    return this.timer !== null;
  }

  /** The elements being read, for placing notes beside them (measured only). */
  get elements(): ReadonlyMap<ValueFieldRole, ValueField> {
    return this.fields;
  }

  /** Fields the person has left at least once while watching. */
  get left(): ReadonlySet<ValueFieldRole> {
    return this.leftRoles;
  }

  /** Caps Lock was on at the last key press in the new key or its confirmation. */
  get capsLock(): boolean {
    return this.caps;
  }

  /**
   * Starts or stops watching, and finds the fields again while watching; call it on every detected page
   * change. `true` watches every role, a list only those roles, `false` or an empty list stops. Stopping
   * forgets every value.
   */
  watch(active: boolean | readonly ValueFieldRole[]): void {
    const roles = new Set<ValueFieldRole>(active === true ? VALUE_FIELD_ROLES : active === false ? [] : active);
    if (roles.size === 0) {
      if (this.watching) this.stop();
      return;
    }
    const same = roles.size === this.roles.size && [...roles].every((r) => this.roles.has(r));
    this.roles = roles;
    if (this.watching) {
      // Called on every detected change: the page may have re-rendered its fields, so find them again (once).
      this.refind();
      if (!same) this.read();
      return;
    }
    const doc = this.options.doc;
    doc.addEventListener('input', this.read, true);
    // A list (<select>) says its choice with `change`; some pages' scripted lists fire only that.
    doc.addEventListener('change', this.read, true);
    doc.addEventListener('focusout', this.onFocusOut, true);
    doc.addEventListener('keydown', this.onKey, true);
    doc.addEventListener('keyup', this.onKey, true);
    this.timer = setInterval(this.read, this.pollMs);
    this.refind();
    this.read();
  }

  /** The page re-rendered: the fields may be new elements. */
  refind(): void {
    if (!this.watching) return;
    const next = new Map([...findValueFields(this.options.scopes?.() ?? this.options.doc)].filter(([role]) => this.roles.has(role)));
    if (next.size !== this.fields.size || [...next].some(([role, el]) => this.fields.get(role) !== el)) this.fieldsChanged = true;
    this.fields = next;
  }

  destroy(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const doc = this.options.doc;
    doc.removeEventListener('input', this.read, true);
    doc.removeEventListener('change', this.read, true);
    doc.removeEventListener('focusout', this.onFocusOut, true);
    doc.removeEventListener('keydown', this.onKey, true);
    doc.removeEventListener('keyup', this.onKey, true);
    this.fields.clear();
    this.roles = new Set();
    this.leftRoles.clear();
    this.caps = false;
    const hadValues = [...this.values.values()].some((v) => v !== '');
    this.values = new Map();
    if (hadValues) this.options.onChange(this.values);
  }

  /** The field an event came from: its first target, since the document sees a shadow root's field as its host. */
  private roleOf(event: Event): ValueFieldRole | undefined {
    const target = event.composedPath?.()[0] ?? event.target;
    for (const [role, field] of this.fields) if (field === target) return role;
    return undefined;
  }

  private readonly onFocusOut = (event: Event): void => {
    const role = this.roleOf(event);
    if (!role || this.leftRoles.has(role)) return;
    this.leftRoles.add(role);
    this.fieldsChanged = true;
    this.read();
  };

  /** Only the modifier state is kept; the key itself is never looked at. */
  private readonly onKey = (event: Event): void => {
    const role = this.roleOf(event);
    if (!role || !KEY_ROLES.has(role) || !(event as KeyboardEvent).getModifierState) return;
    const caps = (event as KeyboardEvent).getModifierState('CapsLock');
    if (caps === this.caps) return;
    this.caps = caps;
    this.fieldsChanged = true;
    this.read();
  };

  private readonly read = (): void => {
    if (this.options.doc.visibilityState === 'hidden') return;
    if ([...this.fields.values()].some((field) => !field.isConnected)) this.refind();
    let changed = this.fields.size !== this.values.size || this.fieldsChanged;
    this.fieldsChanged = false;
    const next = new Map<ValueFieldRole, string>();
    for (const [role, field] of this.fields) {
      const value = readFieldValue(field, role);
      next.set(role, value);
      if (this.values.get(role) !== value) changed = true;
    }
    if (!changed) return;
    this.values = next;
    this.options.onChange(next);
  };
}
