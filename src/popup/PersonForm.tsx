/**
 * Adding or editing one person: a label and, all optional, cédula, registered email, day and month of birth
 * and names. Checked on entry with src/validate (the cédula's check digit, email syntax and typo hints,
 * impossible dates); messages are the `val*` keys. Nothing typed here ever reaches a page: only the label is
 * named in the overlay.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { Person } from '../storage/people';
import { reasonKey } from '../ui/validation';
import { cedulaProgress, normalizeIdNumber, validateBirthDayMonth, validateCedula, validateEmail } from '../validate';

export interface PersonDraft {
  label: string;
  cedula: string;
  email: string;
  birthDay: string;
  birthMonth: string;
  names: string;
}

export const draftOf = (p: Person | null): PersonDraft => ({
  label: p?.label ?? '',
  cedula: p?.cedula ?? '',
  email: p?.email ?? '',
  birthDay: p?.birthDay ? String(p.birthDay) : '',
  birthMonth: p?.birthMonth ? String(p.birthMonth) : '',
  names: p?.names ?? '',
});

interface Problems {
  label?: string;
  cedula?: string;
  email?: string;
  birth?: string;
}

/** What is wrong with the draft; `final` also flags what is merely incomplete (on save, not while typing). */
export function problemsOf(d: PersonDraft, final: boolean): Problems {
  const out: Problems = {};
  if (final && d.label.trim() === '') out.label = t('ppLabelRequired');
  if (d.cedula.trim() !== '') {
    const progress = cedulaProgress(d.cedula);
    if (progress.state === 'invalid') out.cedula = t(reasonKey('Cedula', progress.reason)!);
    else if (final) {
      const result = validateCedula(d.cedula);
      if (!result.ok) out.cedula = t(reasonKey('Cedula', result.reason) ?? 'valCedulaLength');
    }
  }
  if (d.email.trim() !== '' && (final || d.email.includes('@'))) {
    const result = validateEmail(d.email);
    const key = !result.ok && result.reason ? reasonKey('Email', result.reason) : null;
    if (key && (final || result.reason !== 'missing-tld')) out.email = t(key);
  }
  if (d.birthDay.trim() !== '' || d.birthMonth.trim() !== '') {
    const result = validateBirthDayMonth(d.birthDay, d.birthMonth);
    if (!result.ok) {
      if (result.reason === 'empty') {
        if (final) out.birth = t('ppBirthBoth');
      } else out.birth = t(reasonKey('BirthDate', result.reason)!);
    }
  }
  return out;
}

export function personFrom(d: PersonDraft, id: string, previous: Person | null): Person {
  const person: Person = { id, label: d.label.trim().slice(0, 40) };
  if (previous?.preflight) person.preflight = previous.preflight;
  if (d.cedula.trim()) person.cedula = normalizeIdNumber(d.cedula);
  if (d.email.trim()) person.email = d.email.trim();
  const birth = validateBirthDayMonth(d.birthDay, d.birthMonth);
  if (birth.ok) Object.assign(person, { birthDay: birth.day, birthMonth: birth.month });
  if (d.names.trim()) person.names = d.names.trim();
  return person;
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {children}
      <p id={`${id}-error`} class="error" data-error-for={id} hidden={!error}>
        {error ?? ''}
      </p>
    </div>
  );
}

export function PersonForm({
  person,
  onSave,
  onCancel,
}: {
  person: Person | null;
  onSave(draft: PersonDraft): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const [submitted, setSubmitted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Keyboard users land in the form's first field when it opens.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);
  const problems = problemsOf(draft, submitted);
  const suggestion = draft.email.includes('@') ? validateEmail(draft.email).suggestion : undefined;
  const set = (name: keyof PersonDraft) => (e: Event) =>
    setDraft((d) => ({ ...d, [name]: (e.currentTarget as HTMLInputElement).value }));
  const described = (id: string, hint = false) =>
    [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const p = 'person';

  return (
    <form
      ref={form}
      class="person-form"
      aria-label={t(person ? 'ppEditTitle' : 'ppAddTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        const final = problemsOf(draft, true);
        if (Object.keys(final).length > 0) {
          // Move to the first field that needs attention, after the messages render.
          queueMicrotask(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
          return;
        }
        onSave(draft);
      }}
    >
      <p class="hint">{t('ppFormPrivacy')}</p>
      <Field id={`${p}-label`} label={t('ppFieldLabel')} hint={t('ppFieldLabelHint')} error={problems.label}>
        <input
          id={`${p}-label`}
          type="text"
          maxLength={40}
          autoComplete="off"
          required
          value={draft.label}
          aria-invalid={problems.label ? 'true' : 'false'}
          aria-describedby={described(`${p}-label`, true)}
          onInput={set('label')}
        />
      </Field>
      <Field id={`${p}-cedula`} label={t('ppFieldCedula')} error={problems.cedula}>
        <input
          id={`${p}-cedula`}
          type="text"
          inputMode="numeric"
          maxLength={13}
          autoComplete="off"
          value={draft.cedula}
          aria-invalid={problems.cedula ? 'true' : 'false'}
          aria-describedby={described(`${p}-cedula`)}
          onInput={set('cedula')}
        />
      </Field>
      <Field id={`${p}-email`} label={t('ppFieldEmail')} error={problems.email}>
        <input
          id={`${p}-email`}
          type="email"
          maxLength={254}
          autoComplete="off"
          value={draft.email}
          aria-invalid={problems.email ? 'true' : 'false'}
          aria-describedby={described(`${p}-email`)}
          onInput={set('email')}
        />
      </Field>
      {suggestion && (
        <p class="suggestion">
          <span>{t('valEmailSuggestion', suggestion)}</span>{' '}
          <button type="button" onClick={() => setDraft((d) => ({ ...d, email: suggestion }))}>
            {t('ppUseSuggestion')}
          </button>
        </p>
      )}
      <fieldset class="birth">
        <legend>{t('ppFieldBirth')}</legend>
        <div class="pair">
          <div class="field">
            <label for={`${p}-day`}>{t('ppFieldDay')}</label>
            <input
              id={`${p}-day`}
              type="text"
              inputMode="numeric"
              maxLength={2}
              autoComplete="off"
              value={draft.birthDay}
              aria-invalid={problems.birth ? 'true' : 'false'}
              aria-describedby={`${p}-birth-error`}
              onInput={set('birthDay')}
            />
          </div>
          <div class="field">
            <label for={`${p}-month`}>{t('ppFieldMonth')}</label>
            <input
              id={`${p}-month`}
              type="text"
              inputMode="numeric"
              maxLength={2}
              autoComplete="off"
              value={draft.birthMonth}
              aria-invalid={problems.birth ? 'true' : 'false'}
              aria-describedby={`${p}-birth-error`}
              onInput={set('birthMonth')}
            />
          </div>
        </div>
        <p id={`${p}-birth-error`} class="error" data-error-for={`${p}-birth`} hidden={!problems.birth}>
          {problems.birth ?? ''}
        </p>
      </fieldset>
      <Field id={`${p}-names`} label={t('ppFieldNames')} hint={t('ppFieldNamesHint')}>
        <input
          id={`${p}-names`}
          type="text"
          maxLength={120}
          autoComplete="off"
          value={draft.names}
          aria-describedby={`${p}-names-hint`}
          onInput={set('names')}
        />
      </Field>
      <div class="actions">
        <button type="submit" class="primary">
          {t('ppSavePerson')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('ppCancel')}
        </button>
      </div>
    </form>
  );
}
