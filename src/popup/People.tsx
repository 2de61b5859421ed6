/**
 * The people a volunteer helps: who is active (switchable in one action), each one's readiness for the chosen
 * flow, and adding, editing and deleting them. Only labels are listed; data stays inside the form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreflightFlow } from '../flow/preflight';
import { readiness } from '../flow/preflight';
import { t } from '../i18n/t';
import type { People as PeopleData, Person } from '../storage/people';
import { PersonForm, personFrom, type PersonDraft } from './PersonForm';

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function People({
  people,
  flow,
  update,
}: {
  people: PeopleData;
  flow: PreflightFlow;
  update(change: (current: PeopleData) => PeopleData): void;
}) {
  /** null: no form; 'new': adding; an id: editing that person. */
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  /** Where the focus goes back when the form closes: the edit button it came from, or "Agregar". */
  const returnTo = useRef<string | null>(null);
  const closedForm = useRef(false);
  useEffect(() => {
    if (editing !== null) {
      closedForm.current = true;
      return;
    }
    if (!closedForm.current) return;
    closedForm.current = false;
    const back = returnTo.current
      ? document.querySelector<HTMLButtonElement>(`[data-edit="${CSS.escape(returnTo.current)}"]`)
      : null;
    (back ?? addRef.current)?.focus();
  }, [editing]);
  // The delete question takes the focus; cancelling returns it to that person's "Quitar", deleting to "Agregar".
  const lastDeleting = useRef<string | null>(null);
  const [focusAdd, setFocusAdd] = useState(0);
  useEffect(() => {
    const root = addRef.current?.closest('.people');
    if (deleting) root?.querySelector<HTMLElement>('[data-confirm-question]')?.focus();
    else if (lastDeleting.current) root?.querySelector<HTMLElement>(`[data-delete="${CSS.escape(lastDeleting.current)}"]`)?.focus();
    lastDeleting.current = deleting;
  }, [deleting]);
  useEffect(() => {
    if (focusAdd > 0) addRef.current?.focus();
  }, [focusAdd]);
  const editedPerson = editing && editing !== 'new' ? (people.list.find((p) => p.id === editing) ?? null) : null;

  const save = (draft: PersonDraft) => {
    const id = editedPerson?.id ?? newId();
    update((current) => {
      const previous = current.list.find((p) => p.id === id) ?? null;
      const person = personFrom(draft, id, previous);
      const list = previous ? current.list.map((p) => (p.id === id ? person : p)) : [...current.list, person];
      // A new person becomes the one being helped: that is why they were added.
      return { activeId: previous ? current.activeId ?? id : id, list };
    });
    setEditing(null);
  };
  const remove = (person: Person) => {
    update((current) => {
      const list = current.list.filter((p) => p.id !== person.id);
      return { activeId: current.activeId === person.id ? (list[0]?.id ?? null) : current.activeId, list };
    });
    lastDeleting.current = null;
    setDeleting(null);
    setFocusAdd((n) => n + 1);
  };

  if (editing !== null) {
    return <PersonForm key={editing} person={editedPerson} onSave={save} onCancel={() => setEditing(null)} />;
  }

  return (
    <div class="people">
      {people.list.length === 0 ? (
        <p>{t('ppPeopleNone')}</p>
      ) : (
        <fieldset class="choices switcher">
          <legend>{t('ppActiveLegend')}</legend>
          <ul class="people-list">
            {people.list.map((person) => {
              const { ready, total } = readiness(flow, person.preflight ?? {});
              return (
                <li key={person.id} data-person={person.label}>
                  <label class="choice">
                    <input
                      type="radio"
                      name="active-person"
                      value={person.id}
                      checked={people.activeId === person.id}
                      onChange={() => update((current) => ({ ...current, activeId: person.id }))}
                    />
                    <span class="person-label">{person.label}</span>
                    <span class="person-ready">{t('preflightSummary', String(ready), String(total))}</span>
                  </label>
                  {deleting === person.id ? (
                    <div class="confirm" role="group" aria-label={t('ppDeleteConfirm', person.label)}>
                      <p tabIndex={-1} data-confirm-question="">
                        {t('ppDeleteConfirm', person.label)}
                      </p>
                      <button type="button" class="danger" onClick={() => remove(person)}>
                        {t('ppDeleteYes')}
                      </button>
                      <button type="button" onClick={() => setDeleting(null)}>
                        {t('ppCancel')}
                      </button>
                    </div>
                  ) : (
                    <div class="row-actions">
                      <button
                        type="button"
                        data-edit={person.id}
                        onClick={() => {
                          returnTo.current = person.id;
                          setEditing(person.id);
                        }}
                        aria-label={t('ppEditPerson', person.label)}
                      >
                        {t('ppEdit')}
                      </button>
                      <button
                        type="button"
                        data-delete={person.id}
                        onClick={() => setDeleting(person.id)}
                        aria-label={t('ppDeletePerson', person.label)}
                      >
                        {t('ppDelete')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      <button
        type="button"
        class="add"
        ref={addRef}
        onClick={() => {
          returnTo.current = null;
          setEditing('new');
        }}
      >
        {t('ppAddPerson')}
      </button>
    </div>
  );
}
