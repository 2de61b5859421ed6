/**
 * Content-side glue for the mismatch warnings (issue 13): holds, in this content script's memory only, the
 * step, the active person's prepared data (asked of the background with `person:active`), the key rule
 * (options), the masked address the page shows and the debounced strength level; on every change it runs the
 * pure `computeWarnings` and hands the list and the fields to the overlay. It never writes storage and never
 * sends a value: `person:active` and, on the new-key step, `estimator:load` carry nothing (strength.ts).
 */
import type { StepId } from '../detect/vocabulary';
import { fold } from '../detect/fold';
import { computeWarnings, type PreparedPerson, type WarningAnchor } from '../flow/warnings';
import type { Overlay } from '../overlay/services';
import { findMaskedEmail, type ValueFieldRole } from '../page/fields';
import type { PlatformApi } from '../platform/api';
import { OPTIONS } from '../storage/options';
import type { Store } from '../storage/store';
import { ESTIMATOR_STEPS } from '../estimator/contract';
import { DEFAULT_KEY_RULES, strengthUserInputs, type KeyRules, type StrengthLevel } from '../validate';
import type { FieldValues } from './field-watcher';
import { KeyStrength } from './strength';

const PERSON_STEPS: ReadonlySet<StepId> = new Set(['identity', 'verification', 'email-sent', 'code', 'new-key', 'change-key']);
const MASK_STEPS: ReadonlySet<StepId> = new Set(['email-sent', 'code']);
const KEY_STEPS: ReadonlySet<StepId> = new Set(['new-key', 'change-key']);

/** The background's answer, checked: it crossed a context boundary. */
export function parsePerson(raw: unknown): PreparedPerson | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.label !== 'string' || r.label === '') return null;
  const person: PreparedPerson = { label: r.label };
  if (typeof r.cedula === 'string') person.cedula = r.cedula;
  if (typeof r.email === 'string') person.email = r.email;
  if (typeof r.birthDay === 'number' && typeof r.birthMonth === 'number') Object.assign(person, { birthDay: r.birthDay, birthMonth: r.birthMonth });
  if (typeof r.names === 'string') person.names = r.names;
  return person;
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
  private person: PreparedPerson | null = null;
  private rules: KeyRules = DEFAULT_KEY_RULES;
  private masked: { mask: string; element: Element } | null = null;
  private household = false;
  private fields: FieldState = NO_FIELDS;
  private strength: StrengthLevel | null = null;
  private readonly keyStrength: KeyStrength;
  private generation = 0;
  private destroyed = false;

  constructor(
    private readonly doc: Document,
    private readonly api: PlatformApi,
    private readonly store: Store,
    private readonly overlay: Overlay,
  ) {
    this.keyStrength = new KeyStrength(
      api,
      () => ({ key: this.fields.values.get('new-key') ?? '', userInputs: strengthUserInputs(this.person) }),
      (level) => {
        this.strength = level;
        this.refresh();
      },
    );
  }

  /** A detection pass: a new step asks again for the person and the options; the page text is read again. */
  setStep(step: StepId): void {
    if (this.destroyed) return;
    const changed = step !== this.step;
    this.step = step;
    if (changed) {
      this.forgetKey();
      const generation = ++this.generation;
      if (PERSON_STEPS.has(step)) {
        void this.api.runtime
          .sendMessage({ type: 'person:active' })
          .then((answer) =>
            this.whenCurrent(generation, () => {
              this.person = parsePerson(answer);
              this.keyStrength.again();
            }),
          )
          .catch(() => undefined);
      } else this.person = null;
      if (ESTIMATOR_STEPS.has(step)) this.keyStrength.enter();
      if (KEY_STEPS.has(step)) {
        void this.store
          .get(OPTIONS)
          .then((o) => this.whenCurrent(generation, () => (this.rules = { minLength: o.keyMinLength, maxLength: o.keyMaxLength })))
          .catch(() => undefined);
      }
    }
    this.masked = MASK_STEPS.has(step) ? findMaskedEmail(this.doc) : null;
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

  /** The person erased everything: compare with nobody until the next step asks again. */
  forgetPerson(): void {
    this.generation++;
    this.person = null;
    this.refresh();
  }

  destroy(): void {
    this.destroyed = true;
    this.forgetKey();
    this.fields = NO_FIELDS;
    this.person = null;
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
      person: this.person,
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
