/**
 * Content-side glue for the mismatch warnings (issue 13): holds, in this content script's memory only, the
 * step, the active person (from the one `ActivePerson` source), the key rule (options), the masked address the
 * page shows and the debounced strength level; on every change it runs the pure `computeWarnings` and hands the
 * list and the fields to the overlay. It never writes storage and never sends a value: `person:active` carries
 * only the step and, on the new-key step, `estimator:load` carries nothing (strength.ts).
 */
import type { StepId } from '../detect/vocabulary';
import { fold } from '../text/fold';
import { computeWarnings, PERSON_FIELDS_BY_STEP, personForStep, type PreparedPerson, type WarningAnchor } from '../flow/warnings';
import type { Overlay } from '../overlay/services';
import { findMaskedEmail, type ValueFieldRole } from '../page/fields';
import type { PlatformApi } from '../platform/api';
import { OPTIONS } from '../storage/options';
import type { Store } from '../storage/store';
import { DEFAULT_KEY_RULES, strengthUserInputs, type KeyRules, type StrengthLevel } from '../validate';
import type { FieldValues } from './field-watcher';
import { KeyStrength } from './strength';
import { ask } from '../messages/replies';
import { ESTIMATOR_STEPS, MASKED_EMAIL_STEPS, NEW_KEY_STEPS } from '../flow/step-sets';


/** Longest label the guide shows ("Ayudando a: …"). */
const LABEL_MAX = 40;

/**
 * The one source of the active person in the content script (issue 18): it feeds both the label the overlay
 * shows and the data the checks compare, and asks again at once on a new step, a switch, an edit or an erase.
 * It asks with the step, and the background answers with the label and only the fields that step compares;
 * what arrives is cut to the same fields again here, so no other data stays in this page's memory.
 */
export class ActivePerson {
  private step: StepId = 'none';
  private current: PreparedPerson | null = null;
  private generation = 0;
  private asked = false;
  private destroyed = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: PlatformApi) {}

  /** The label to show, trimmed and cut; null when nobody is being helped. */
  get label(): string | null {
    const label = this.current?.label.trim() ?? '';
    return label === '' ? null : label.slice(0, LABEL_MAX);
  }

  /** The data this step compares (with the label), or null. */
  get person(): PreparedPerson | null {
    return this.current;
  }

  /** Called with no argument after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A detection: a step that compares other fields than the last one asks again. */
  setStep(step: StepId): void {
    const before = PERSON_FIELDS_BY_STEP[this.step] ?? [];
    const after = PERSON_FIELDS_BY_STEP[step] ?? [];
    this.step = step;
    if (this.asked && before.join() === after.join()) return;
    // Leaving a step that compares data forgets it at once, before the answer for the new step arrives.
    if (this.current && after.length === 0) this.current = { label: this.current.label };
    this.reload();
  }

  /** The background said the person changed (switch, edit, remember): ask again, now. */
  reload(): void {
    if (this.destroyed) return;
    this.asked = true;
    const generation = ++this.generation;
    const step = this.step;
    void ask(this.api.runtime, { type: 'person:active', step }).then((person) => {
      if (this.destroyed || generation !== this.generation) return;
      this.current = person && personForStep(person, step);
      this.emit();
    });
  }

  /** Everything was erased: nobody until the background says otherwise. */
  forget(): void {
    this.generation++;
    this.current = null;
    this.emit();
  }

  destroy(): void {
    this.destroyed = true;
    this.current = null;
    this.listeners.clear();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export interface FieldState {
  values: FieldValues;
  left: ReadonlySet<ValueFieldRole>;
  capsLock: boolean;
  elements: ReadonlyMap<ValueFieldRole, Element>;
}

const NO_FIELDS: FieldState = { values: new Map(), left: new Set(), capsLock: false, elements: new Map() };

export class MismatchChecker {
  private step: StepId = 'none';
  private rules: KeyRules = DEFAULT_KEY_RULES;
  private masked: { mask: string; element: Element } | null = null;
  private household = false;
  private fields: FieldState = NO_FIELDS;
  private strength: StrengthLevel | null = null;
  private readonly keyStrength: KeyStrength;
  private generation = 0;
  private destroyed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly doc: Document,
    api: PlatformApi,
    private readonly store: Store,
    private readonly overlay: Overlay,
    private readonly people: ActivePerson,
  ) {
    this.keyStrength = new KeyStrength(
      api,
      () => ({ key: this.fields.values.get('new-key') ?? '', userInputs: strengthUserInputs(this.people.person) }),
      (level) => {
        this.strength = level;
        this.refresh();
      },
    );
    // The same source as the label: a switch mid-step changes the warnings at once.
    this.unsubscribe = people.subscribe(() => {
      if (this.destroyed) return;
      this.keyStrength.again();
      this.refresh();
    });
  }

  /** A detection pass: a new step asks again for the options; the page text is read again. */
  setStep(step: StepId): void {
    if (this.destroyed) return;
    const changed = step !== this.step;
    this.step = step;
    if (changed) {
      this.forgetKey();
      const generation = ++this.generation;
      if (ESTIMATOR_STEPS.has(step)) this.keyStrength.enter();
      if (NEW_KEY_STEPS.has(step)) {
        void this.store
          .get(OPTIONS)
          .then((o) => this.whenCurrent(generation, () => (this.rules = { minLength: o.keyMinLength, maxLength: o.keyMaxLength })))
          .catch(() => undefined);
      }
    }
    this.masked = MASKED_EMAIL_STEPS.has(step) ? findMaskedEmail(this.doc) : null;
    this.household = step === 'identity' && /\bdomestic[oa]s?\b/.test(fold(this.doc.body?.textContent ?? '', 20_000));
    this.refresh();
  }

  /** New values (or fields, or left / Caps Lock) from the field watcher. */
  setFields(fields: FieldState): void {
    if (this.destroyed) return;
    this.fields = fields;
    this.keyStrength.changed(fields.values.get('new-key') ?? '');
    this.refresh();
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe();
    this.forgetKey();
    this.fields = NO_FIELDS;
  }

  private whenCurrent(generation: number, apply: () => void): void {
    if (this.destroyed || generation !== this.generation) return;
    apply();
    this.refresh();
  }

  private forgetKey(): void {
    this.keyStrength.leave();
    this.strength = null;
  }

  private refresh(): void {
    if (this.destroyed) return;
    const list = computeWarnings({
      step: this.step,
      values: this.fields.values,
      person: this.people.person,
      keyRules: this.rules,
      left: this.fields.left,
      capsLock: this.fields.capsLock,
      maskedEmail: this.masked?.mask ?? null,
      strength: this.strength,
      household: this.household,
    });
    const anchors = new Map<WarningAnchor, Element>(this.fields.elements);
    if (this.masked) anchors.set('masked-email', this.masked.element);
    this.overlay.showWarnings(list, anchors);
  }
}
