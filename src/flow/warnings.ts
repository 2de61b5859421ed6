/**
 * Mismatch warnings, pure: from the step, the values typed (in memory, in the content script), the active
 * person's prepared data and the key rule, the list of warnings to show beside each field. A warning names the
 * field, a reason code and, for comparisons, WHOSE data it compared (the person's label); it never carries a
 * stored value nor the new key. The one exception is the email typo hint: the person's own typing, corrected,
 * shown beside their own field (validateEmail's suggestion).
 */
import type { StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import type { ValueFieldRole } from '../page/fields';
import {
  cedulaProgress,
  checkKeyRules,
  confirmationState,
  findPersonalData,
  maskedEmailCompatibility,
  normalizeIdNumber,
  validateBirthDayMonth,
  validateEmail,
  validateRuc,
  validateSucursal,
  type KeyRules,
  type StrengthLevel,
} from '../validate';
import { ID_NUMBER_STEPS, MASKED_EMAIL_STEPS, NEW_KEY_STEPS } from './step-sets';

/** Where a warning sits: beside a value field, or beside the masked address the portal shows. */
export type WarningAnchor = ValueFieldRole | 'masked-email';

/** error: the portal will refuse it or count a failed attempt; warning: probably a mistake; info: a hint. */
export type WarningTone = 'error' | 'warning' | 'info';

/**
 * The person's prepared data, as the background answers `person:active`: what the checks compare. The stored
 * person (storage/people.ts `Person`) is this plus its id and pre-flight ticks.
 */
export interface PreparedPerson {
  /** What the person is called in ClaveGuía ("Mamá"): shown in the popup and the overlay, never a value. */
  label: string;
  cedula?: string;
  email?: string;
  birthDay?: number;
  birthMonth?: number;
  /** Given names and surnames, for the new key's personal-data check. */
  names?: string;
}

export interface WarningInput {
  step: StepId;
  values: ReadonlyMap<ValueFieldRole, string>;
  person: PreparedPerson | null;
  keyRules: KeyRules;
  /** Fields the person has left at least once on this step. */
  left?: ReadonlySet<ValueFieldRole>;
  /** Caps Lock was on at the last key press in a key field (never with the on-screen keypad). */
  capsLock?: boolean;
  /** The masked address the page shows on email-sent / code pages (page text). */
  maskedEmail?: string | null;
  /** The strength level, computed (debounced) by the caller on the new-key step only. */
  strength?: StrengthLevel | null;
  /** The page is the household-employer form (RUC = cédula + 000). */
  household?: boolean;
}

/** Every reason a warning can have, with its words in _locales. */
export const WARNING_TEXT = {
  'cedula-not-digits': 'valCedulaNotDigits',
  'cedula-length': 'valCedulaLength',
  'cedula-province': 'valCedulaProvince',
  'cedula-third-digit': 'valCedulaThirdDigit',
  'cedula-check-digit': 'valCedulaCheckDigit',
  'cedula-differs': 'wgnCedulaDiffers',
  'id-not-cedula': 'wgnIdNotCedula',
  'ruc-not-digits': 'valRucNotDigits',
  'ruc-length': 'valRucLength',
  'ruc-province': 'valRucProvince',
  'ruc-third-digit': 'valRucThirdDigit',
  'ruc-check-digit': 'valRucCheckDigit',
  'ruc-establishment': 'valRucEstablishment',
  'sucursal-not-digits': 'valSucursalNotDigits',
  'sucursal-length': 'valSucursalLength',
  'birth-not-number': 'valBirthDateNotNumber',
  'birth-day-range': 'valBirthDateDayRange',
  'birth-month-range': 'valBirthDateMonthRange',
  'birth-impossible-date': 'valBirthDateImpossibleDate',
  'birth-day-differs': 'wgnBirthDayDiffers',
  'birth-month-differs': 'wgnBirthMonthDiffers',
  'email-spaces': 'valEmailSpaces',
  'email-missing-at': 'valEmailMissingAt',
  'email-several-at': 'valEmailSeveralAt',
  'email-local-part': 'valEmailLocalPart',
  'email-domain': 'valEmailDomain',
  'email-missing-tld': 'valEmailMissingTld',
  'email-too-long': 'valEmailTooLong',
  'email-suggestion': 'valEmailSuggestion',
  'email-confirmation-differs': 'wgnEmailConfirmDiffers',
  'masked-email-differs': 'wgnMaskedEmailDiffers',
  'key-too-short': 'valKeyTooShort',
  'key-too-long': 'valKeyTooLong',
  'key-not-alphanumeric': 'valKeyNotAlphanumeric',
  'key-non-ascii-letter': 'valKeyNonAsciiLetter',
  'key-has-cedula': 'valKeyHasCedula',
  'key-has-birth-date': 'valKeyHasBirthDate',
  'key-has-name': 'valKeyHasName',
  'key-has-email': 'valKeyHasEmail',
  'key-caps-lock': 'wgnCapsLock',
  'key-confirmation-differs': 'valConfirmDiffers',
  'strength-weak': 'valStrengthWeak',
  'strength-fair': 'valStrengthFair',
  'strength-strong': 'valStrengthStrong',
} as const satisfies Record<string, MessageKey>;
export type WarningCode = keyof typeof WARNING_TEXT;
export const WARNING_CODES = Object.keys(WARNING_TEXT) as WarningCode[];

export interface FieldWarning {
  anchor: WarningAnchor;
  code: WarningCode;
  tone: WarningTone;
  /** Whose prepared data was compared ("Mamá"): a label, never a value. */
  personLabel?: string;
  /** Only for `email-suggestion`: the person's own typing with the domain corrected. */
  suggestion?: string;
  /** Only for key-too-short / key-too-long: the rule's bound. */
  bound?: number;
}

/** A stable id for "the same warning" (announced once, dismissed until it goes away). */
export const warningId = (w: FieldWarning): string => `${w.anchor}:${w.code}`;

const digitsOnly = (value: string) => normalizeIdNumber(value);

function cedulaWarnings(value: string, person: PreparedPerson | null, out: FieldWarning[]): void {
  const progress = cedulaProgress(value);
  // Only when it is complete (or can never become valid): half a cédula is not a mistake yet. The field takes a
  // "cédula o código": letters or another length may be a foreigner's IESS code, which no cédula rule checks, so
  // it gets a hint, never a cédula error (issue 18). Ten digits are a cédula and are checked as one.
  if (progress.state === 'invalid' && (progress.reason === 'not-digits' || progress.reason === 'length'))
    out.push({ anchor: 'id-number', code: 'id-not-cedula', tone: 'info' });
  else if (progress.state === 'invalid') out.push({ anchor: 'id-number', code: `cedula-${progress.reason}`, tone: 'error' });
  else if (progress.state === 'valid' && person?.cedula && person.cedula.length === 10 && digitsOnly(value) !== person.cedula) {
    out.push({ anchor: 'id-number', code: 'cedula-differs', tone: 'warning', personLabel: person.label });
  }
}

function rucWarnings(values: WarningInput['values'], household: boolean, out: FieldWarning[]): void {
  const ruc = values.get('ruc') ?? '';
  if (digitsOnly(ruc).length >= 13 || /[^\d\s-]/.test(ruc)) {
    const result = validateRuc(ruc, { household });
    if (!result.ok && result.reason !== 'empty') out.push({ anchor: 'ruc', code: `ruc-${result.reason}`, tone: 'error' });
  }
  const sucursal = values.get('sucursal') ?? '';
  if (sucursal !== '') {
    const result = validateSucursal(sucursal);
    // A short sucursal is still being typed unless it holds something other than digits.
    if (!result.ok && (result.reason === 'not-digits' || digitsOnly(sucursal).length > 4)) {
      out.push({ anchor: 'sucursal', code: `sucursal-${result.reason}` as WarningCode, tone: 'error' });
    }
  }
}

function birthWarnings(input: WarningInput, out: FieldWarning[]): void {
  const day = (input.values.get('birth-day') ?? '').trim();
  const month = (input.values.get('birth-month') ?? '').trim();
  if (day === '' || month === '') return;
  const result = validateBirthDayMonth(day, month);
  if (!result.ok) {
    const anchor = result.reason === 'month-range' ? 'birth-month' : 'birth-day';
    if (result.reason !== 'empty') out.push({ anchor, code: `birth-${result.reason}` as WarningCode, tone: 'error' });
    return;
  }
  const person = input.person;
  if (!person || person.birthDay === undefined || person.birthMonth === undefined) return;
  if (result.day !== person.birthDay) out.push({ anchor: 'birth-day', code: 'birth-day-differs', tone: 'warning', personLabel: person.label });
  if (result.month !== person.birthMonth) {
    out.push({ anchor: 'birth-month', code: 'birth-month-differs', tone: 'warning', personLabel: person.label });
  }
}

function emailWarnings(input: WarningInput, out: FieldWarning[]): void {
  const email = input.values.get('email') ?? '';
  const left = input.left ?? new Set();
  if (email.trim() !== '') {
    const result = validateEmail(email);
    // Syntax is said once the person leaves the field (an address is incomplete while typed); hints at once.
    if (!result.ok && result.reason && result.reason !== 'empty' && left.has('email')) {
      out.push({ anchor: 'email', code: `email-${result.reason}` as WarningCode, tone: 'error' });
    }
    if (result.suggestion !== undefined) out.push({ anchor: 'email', code: 'email-suggestion', tone: 'warning', suggestion: result.suggestion });
  }
  const again = input.values.get('email-confirmation') ?? '';
  if (again !== '' && email !== '' && again.trim().toLowerCase() !== email.trim().toLowerCase()) {
    if (again.length >= email.length || left.has('email-confirmation')) {
      out.push({ anchor: 'email-confirmation', code: 'email-confirmation-differs', tone: 'error' });
    }
  }
}

function keyWarnings(input: WarningInput, out: FieldWarning[]): void {
  const key = input.values.get('new-key') ?? '';
  const again = input.values.get('key-confirmation') ?? '';
  const left = input.left ?? new Set();
  if (key !== '') {
    for (const reason of checkKeyRules(key, input.keyRules)) {
      if (reason === 'empty') continue;
      // Too short is said once the person leaves the field or starts the confirmation.
      if (reason === 'too-short' && !left.has('new-key') && again === '') continue;
      const bound = reason === 'too-short' ? input.keyRules.minLength : reason === 'too-long' ? input.keyRules.maxLength : undefined;
      out.push({ anchor: 'new-key', code: `key-${reason}`, tone: reason === 'non-ascii-letter' ? 'warning' : 'error', ...(bound ? { bound } : {}) });
    }
    const person = input.person;
    const kinds = person
      ? findPersonalData(key, {
          cedula: person.cedula,
          birthDay: person.birthDay,
          birthMonth: person.birthMonth,
          names: person.names ? [person.names] : [],
          email: person.email,
        })
      : [];
    for (const kind of kinds) out.push({ anchor: 'new-key', code: `key-has-${kind}`, tone: 'warning', personLabel: person!.label });
    // The change-key page asks for the cédula on the same form: the key must not contain it either.
    const typedId = input.values.get('id-number') ?? '';
    if (!kinds.includes('cedula') && cedulaProgress(typedId).state === 'valid' && findPersonalData(key, { cedula: typedId }).length > 0) {
      out.push({ anchor: 'new-key', code: 'key-has-cedula', tone: 'warning' });
    }
    if (input.strength) out.push({ anchor: 'new-key', code: `strength-${input.strength}`, tone: input.strength === 'weak' ? 'warning' : 'info' });
  }
  if (input.capsLock && (key !== '' || again !== '')) out.push({ anchor: again !== '' ? 'key-confirmation' : 'new-key', code: 'key-caps-lock', tone: 'warning' });
  if (confirmationState(key, again, { left: left.has('key-confirmation') }) === 'differs') {
    out.push({ anchor: 'key-confirmation', code: 'key-confirmation-differs', tone: 'error' });
  }
}


export function computeWarnings(input: WarningInput): FieldWarning[] {
  const out: FieldWarning[] = [];
  const { step, values } = input;
  if (ID_NUMBER_STEPS.has(step)) {
    const id = values.get('id-number') ?? '';
    if (id !== '') cedulaWarnings(id, values.has('ruc') ? null : input.person, out);
    rucWarnings(values, input.household ?? false, out);
  }
  if (step === 'verification') birthWarnings(input, out);
  if (step === 'profile') emailWarnings(input, out);
  if (MASKED_EMAIL_STEPS.has(step) && input.maskedEmail && input.person?.email) {
    if (maskedEmailCompatibility(input.maskedEmail, input.person.email) === 'incompatible') {
      out.push({ anchor: 'masked-email', code: 'masked-email-differs', tone: 'warning', personLabel: input.person.label });
    }
  }
  if (NEW_KEY_STEPS.has(step)) keyWarnings(input, out);
  return out;
}

/** A field of the person's prepared data that a check compares. */
export type PersonField = Exclude<keyof PreparedPerson, 'label'>;

const KEY_COMPARES: readonly PersonField[] = ['cedula', 'birthDay', 'birthMonth', 'names', 'email'];

/**
 * The person's fields each step compares (issue 18): a page gets a person's data only on these steps, and only
 * these fields; every other page gets the label at most. The key steps look for all of it inside the new key.
 */
export const PERSON_FIELDS_BY_STEP: Partial<Record<StepId, readonly PersonField[]>> = {
  identity: ['cedula'],
  verification: ['birthDay', 'birthMonth'],
  'email-sent': ['email'],
  code: ['email'],
  'new-key': KEY_COMPARES,
  'change-key': KEY_COMPARES,
};

/** The person as a step may see it: the label, and only the fields the step compares. */
export function personForStep(person: PreparedPerson, step: StepId): PreparedPerson {
  const out: PreparedPerson = { label: person.label };
  for (const field of PERSON_FIELDS_BY_STEP[step] ?? []) if (person[field] !== undefined) Object.assign(out, { [field]: person[field] });
  return out;
}

/** The roles whose values each step needs (what the field watcher reads there). */
export const VALUE_ROLES_BY_STEP: Partial<Record<StepId, readonly ValueFieldRole[]>> = {
  identity: ['id-number', 'ruc', 'sucursal'],
  verification: ['birth-day', 'birth-month'],
  profile: ['email', 'email-confirmation'],
  'new-key': ['new-key', 'key-confirmation'],
  'change-key': ['id-number', 'new-key', 'key-confirmation'],
};
