/**
 * The options page (opens in a tab, so it can stay open beside the portal): language, how long the IESS link
 * lasts per flow, the portal's key-length rule, notifications, where people's data is kept, and the same
 * pre-flight checklist as the popup for the person being helped.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  LINK_VALIDITY_MS,
  MINUTE_MS,
  VALIDITY_OPTION_MAX_MS,
  VALIDITY_OPTION_MIN_MS,
  VALIDITY_OPTION_STEP_MS,
  clampValidity,
  type TimedFlow,
} from '../flow/durations';
import type { PreflightFlow } from '../flow/preflight';
import { t, uiLanguage } from '../i18n/t';
import type { PagesStore } from '../ui/pages-store';
import { DEFAULT_OPTIONS, type LanguageChoice, type Options as OptionsData } from '../storage/options';
import { activePerson, type People } from '../storage/people';
import { FLOW_NAME, PREFLIGHT_FLOWS, Preflight } from '../ui/Preflight';

const LANGUAGES: readonly { value: LanguageChoice; label: 'ppLangAuto' | 'ppLangEs' | 'ppLangEn' }[] = [
  { value: 'auto', label: 'ppLangAuto' },
  { value: 'es', label: 'ppLangEs' },
  { value: 'en', label: 'ppLangEn' },
];
const KEY_LENGTH_MIN = 4;
const KEY_LENGTH_MAX = 30;
const EMPTY_PEOPLE: People = { activeId: null, list: [] };
const minutes = (ms: number) => String(ms / MINUTE_MS);
const safely = <T,>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

function ValidityField({ flow, stored, onSave }: { flow: TimedFlow; stored: number | undefined; onSave(ms: number): void }) {
  const fallback = LINK_VALIDITY_MS[flow];
  const [draft, setDraft] = useState(minutes(stored ?? fallback));
  const [error, setError] = useState(false);
  useEffect(() => setDraft(minutes(stored ?? fallback)), [stored, fallback]);
  const id = `validity-${flow}`;
  return (
    <div class="field">
      <label for={id}>{t(FLOW_NAME[flow])}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={VALIDITY_OPTION_MIN_MS / MINUTE_MS}
        max={VALIDITY_OPTION_MAX_MS / MINUTE_MS}
        step={VALIDITY_OPTION_STEP_MS / MINUTE_MS}
        value={draft}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-error validity-hint`}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => {
          const value = Number((e.currentTarget as HTMLInputElement).value.replace(',', '.'));
          if (!Number.isFinite(value) || value <= 0) {
            setError(true);
            return;
          }
          setError(false);
          const ms = clampValidity(value * MINUTE_MS, fallback);
          setDraft(minutes(ms));
          onSave(ms);
        }}
      />
      <p id={`${id}-error`} class="error" hidden={!error}>
        {error ? t('ppValidityInvalid') : ''}
      </p>
    </div>
  );
}

export function OptionsPage({ store }: { store: PagesStore }) {
  const [options, setOptions] = useState<OptionsData>({ ...DEFAULT_OPTIONS, linkValidityMs: {} });
  const [people, setPeople] = useState<People>(EMPTY_PEOPLE);
  const [flow, setFlow] = useState<PreflightFlow>('recover');
  const [keyDraft, setKeyDraft] = useState({ min: '', max: '' });
  const [keyError, setKeyError] = useState(false);
  const [notice, setNotice] = useState('');
  /** False until the store has answered: tests (and assistive technology, aria-busy) know the choices shown are the stored ones. */
  const [read, setRead] = useState(false);

  const apply = (o: OptionsData) => {
    setOptions(o);
    setKeyDraft({ min: String(o.keyMinLength), max: String(o.keyMaxLength) });
    document.documentElement.lang = uiLanguage();
    document.title = t('ppOptionsTitle');
  };
  const reloadPeople = () => void safely(store.loadPeople(), EMPTY_PEOPLE).then(setPeople);

  useEffect(() => {
    void safely(store.loadOptions(), options).then((o) => {
      apply(o);
      setRead(true);
    });
    reloadPeople();
    const offs = [
      store.subscribeOptions((o) => {
        apply(o);
        reloadPeople();
      }),
      store.subscribePeople(reloadPeople),
    ];
    return () => offs.forEach((off) => off());
  }, [store]);

  /** Shown as chosen at once (a re-render before the store answers would put the old choice back), then as stored. */
  const save = (change: (o: OptionsData) => OptionsData) => {
    setOptions(change);
    void safely(store.saveOptions(change), options).then(apply);
  };
  const person = activePerson(people);

  const saveKeyLength = (draft: { min: string; max: string }) => {
    setKeyDraft(draft);
    const min = Number(draft.min);
    const max = Number(draft.max);
    const ok = [min, max].every((n) => Number.isInteger(n) && n >= KEY_LENGTH_MIN && n <= KEY_LENGTH_MAX) && min <= max;
    setKeyError(!ok);
    if (ok) save((o) => ({ ...o, keyMinLength: min, keyMaxLength: max }));
  };

  return (
    <main class="options" aria-labelledby="options-title" aria-busy={read ? 'false' : 'true'} data-options-read={String(read)}>
      <h1 id="options-title">{t('ppOptionsTitle')}</h1>
      <p class="tagline">{t('popupTagline')}</p>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('ppLangHeading')}</h2>
        <fieldset class="choices">
          <legend>{t('ppLangLegend')}</legend>
          {LANGUAGES.map(({ value, label }) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name="language"
                value={value}
                checked={options.language === value}
                onChange={() => save((o) => ({ ...o, language: value }))}
              />
              <span>{t(label)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="preflight-heading">
        <h2 id="preflight-heading">{person ? t('ppPreflightFor', person.label) : t('ppPreflightHeading')}</h2>
        <p class="hint">{t(person ? 'ppOptionsPreflightHint' : 'ppPreflightNoPerson')}</p>
        {people.list.length > 1 && (
          <fieldset class="choices">
            <legend>{t('ppActiveLegend')}</legend>
            {people.list.map((p) => (
              <label key={p.id} class="choice">
                <input
                  type="radio"
                  name="options-person"
                  checked={p.id === people.activeId}
                  onChange={() =>
                    void safely(store.updatePeople((c) => ({ ...c, activeId: p.id })), people).then(setPeople)
                  }
                />
                <span>{p.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        {person && (
          <Preflight
            idPrefix="opf"
            flow={flow}
            onFlow={setFlow}
            ticks={person.preflight ?? {}}
            onTick={(id, ticked) =>
              void safely(
                store.updatePeople((c) => ({
                  ...c,
                  list: c.list.map((p) => (p.id === person.id ? { ...p, preflight: { ...p.preflight, [id]: ticked } } : p)),
                })),
                people,
              ).then(setPeople)
            }
          />
        )}
      </section>

      <section aria-labelledby="validity-heading">
        <h2 id="validity-heading">{t('ppValidityHeading')}</h2>
        <p id="validity-hint" class="hint">
          {t('ppValidityHint', minutes(VALIDITY_OPTION_MIN_MS), minutes(VALIDITY_OPTION_MAX_MS))}
        </p>
        {PREFLIGHT_FLOWS.map((f) => (
          <ValidityField
            key={f}
            flow={f}
            stored={options.linkValidityMs[f]}
            onSave={(ms) => save((o) => ({ ...o, linkValidityMs: { ...o.linkValidityMs, [f]: ms } }))}
          />
        ))}
      </section>

      <section aria-labelledby="key-heading">
        <h2 id="key-heading">{t('ppKeyHeading')}</h2>
        <p id="key-hint" class="hint">
          {t('ppKeyHint')}
        </p>
        <div class="pair">
          {(['min', 'max'] as const).map((which) => (
            <div class="field" key={which}>
              <label for={`key-${which}`}>{t(which === 'min' ? 'ppKeyMin' : 'ppKeyMax')}</label>
              <input
                id={`key-${which}`}
                type="number"
                inputMode="numeric"
                min={KEY_LENGTH_MIN}
                max={KEY_LENGTH_MAX}
                step={1}
                value={keyDraft[which]}
                aria-invalid={keyError ? 'true' : 'false'}
                aria-describedby="key-hint key-error"
                onChange={(e) => saveKeyLength({ ...keyDraft, [which]: (e.currentTarget as HTMLInputElement).value })}
              />
            </div>
          ))}
        </div>
        <p id="key-error" class="error" hidden={!keyError}>
          {keyError ? t('ppKeyInvalid', String(KEY_LENGTH_MIN), String(KEY_LENGTH_MAX)) : ''}
        </p>
      </section>

      <section aria-labelledby="notify-heading">
        <h2 id="notify-heading">{t('ppNotifyHeading')}</h2>
        <div class="remember">
          <input
            type="checkbox"
            id="notifications"
            checked={options.notifications}
            aria-describedby="notify-hint"
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              if (!on) {
                setNotice('');
                save((o) => ({ ...o, notifications: false }));
                return;
              }
              // The permission is optional: asked for now, on this click, and only if the person wants it.
              void store.requestNotifications().then((granted) => {
                setNotice(granted ? '' : t('ppNotifyDenied'));
                save((o) => ({ ...o, notifications: granted }));
              });
            }}
          />
          <label for="notifications">{t('ppNotifyLabel')}</label>
          <p id="notify-hint" class="hint">
            {t('ppNotifyHint')}
          </p>
        </div>
      </section>

      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('ppRetentionHeading')}</h2>
        <fieldset class="choices">
          <legend>{t('ppRetentionLegend')}</legend>
          {([false, true] as const).map((remember) => (
            <label key={String(remember)} class="choice">
              <input
                type="radio"
                name="retention"
                value={remember ? 'local' : 'session'}
                checked={options.rememberPeople === remember}
                onChange={() => void safely(store.setRemember(remember), options).then((o) => {
                  apply(o);
                  reloadPeople();
                })}
              />
              <span>{t(remember ? 'ppRetentionLocal' : 'ppRetentionSession')}</span>
            </label>
          ))}
        </fieldset>
        <p class="hint">{t('ppRetentionHint')}</p>
      </section>

      <p role="status" class="status">
        {notice}
      </p>
    </main>
  );
}
