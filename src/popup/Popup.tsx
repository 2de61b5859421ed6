import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreflightFlow } from '../flow/preflight';
import { OFFICIAL_LINKS, OFFICIAL_LINK_IDS } from '../flow/links';
import { t, uiLanguage } from '../i18n/t';
import { activePerson, type People as PeopleData } from '../storage/people';
import { DEFAULT_OPTIONS, type Options } from '../storage/options';
import type { Settings, TabStep, Ticks } from '../storage/schema';
import { Preflight } from '../ui/Preflight';
import { tickPreflight } from '../ui/preflight-ticks';
import { People } from './People';
import { SiteStatus } from './SiteStatus';
import type { ActiveTab, PagesStore } from '../ui/pages-store';
import { Countdown } from '../ui/Countdown';
import { StepGuide } from './StepGuide';

const EMPTY_PEOPLE: PeopleData = { activeId: null, list: [] };

/** Runs a load and falls back instead of breaking the view when storage misbehaves. */
const safely = <T,>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

export function Popup({ store }: { store: PagesStore }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [options, setOptions] = useState<Options>({ ...DEFAULT_OPTIONS, linkValidityMs: {} });
  const [people, setPeople] = useState<PeopleData>(EMPTY_PEOPLE);
  /** False until the store has answered: the list is not shown as empty while it is still being read. */
  const [peopleRead, setPeopleRead] = useState(false);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [step, setStep] = useState<TabStep | null>(null);
  const [stepTicks, setStepTicks] = useState<Ticks>({});
  const [flow, setFlow] = useState<PreflightFlow>('recover');
  /** Ticks while nobody is added yet: kept in memory only. */
  const [looseTicks, setLooseTicks] = useState<Record<string, boolean>>({});
  const [erase, setErase] = useState<'idle' | 'confirm' | 'done' | 'failed'>('idle');
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const eraseRef = useRef<HTMLButtonElement>(null);

  /**
   * Changes made here show at once (a ticked box stays ticked while the store writes it): a read of the store
   * that began before the last change was written, or answers while one is being written, is older than what
   * is shown and is dropped (the write's own answer, and the read its change event starts, follow).
   */
  const changes = useRef({ started: 0, settled: 0 });
  const reloadPeople = () => {
    const { started, settled } = changes.current;
    void safely(store.loadPeople(), EMPTY_PEOPLE).then((read) => {
      const now = changes.current;
      if (now.started !== started || now.settled !== settled || now.started !== now.settled) return;
      setPeople(read);
      setPeopleRead(true);
    });
  };

  useEffect(() => {
    void safely(store.loadSettings(), null).then(setSettings);
    void safely(store.loadOptions(), options).then((o) => {
      setOptions(o);
      document.documentElement.lang = uiLanguage();
    });
    reloadPeople();
    void safely(store.activeTab(), null).then(async (active) => {
      setTab(active);
      if (active?.id == null) return;
      const detected = await safely(store.tabStep(active.id), null);
      setStep(detected);
      setStepTicks(await safely(store.ticks(active.id), {}));
      if (detected && detected.flow !== 'unknown') setFlow(detected.flow);
    });
    const offs = [
      store.subscribe(setSettings),
      store.subscribeOptions((o) => {
        setOptions(o);
        document.documentElement.lang = uiLanguage();
        reloadPeople();
      }),
      store.subscribePeople(reloadPeople),
    ];
    return () => offs.forEach((off) => off());
  }, [store]);

  // The question takes the focus; leaving it (cancel or done) gives the focus back to "Olvidar todo".
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (erase === 'confirm') confirmRef.current?.focus();
    else if (wasConfirming.current) eraseRef.current?.focus();
    wasConfirming.current = erase === 'confirm';
  }, [erase]);

  const updatePeople = (change: (current: PeopleData) => PeopleData) => {
    const mine = ++changes.current.started;
    setPeople(change);
    void safely(store.updatePeople(change), people).then((stored) => {
      changes.current.settled++;
      if (mine === changes.current.started) setPeople(stored);
    });
  };
  const person = activePerson(people);
  const ticks = person ? (person.preflight ?? {}) : looseTicks;
  const tick = (id: string, ticked: boolean) => {
    if (!person) {
      setLooseTicks((current) => ({ ...current, [id]: ticked }));
      return;
    }
    updatePeople((current) => tickPreflight(current, person.id, id, ticked));
  };

  const tickStep = (id: string, checked: boolean) => {
    const tabId = tab?.id;
    if (tabId == null) return;
    setStepTicks((current) => ({ ...current, [id]: checked }));
    void safely(store.saveTicks(tabId, (current) => ({ ...current, [id]: checked })), stepTicks).then(setStepTicks);
  };
  // Detected from the API: no side column on Firefox for Android, so its guide comes into the popup instead.
  const { side: sideColumn, shortcuts } = store.capabilities();

  const host = tab?.portalHost ?? null;
  const hiddenHere = !!host && !!settings?.hiddenHosts.includes(host);

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header>
        <h1 id="popup-title">{t('popupTitle')}</h1>
        <p class="tagline">{t('popupTagline')}</p>
      </header>
      {sideColumn && (
        <button
          type="button"
          class="side-open"
          data-action="open-side"
          onClick={() => {
            // No await before this call: the click is the user action the browser requires.
            void store.openSide(tab?.windowId ?? null).then((opened) => opened && window.close());
          }}
        >
          {t('ppSideOpen')}
        </button>
      )}
      <Countdown />
      {!sideColumn && step && <StepGuide step={step} ticks={stepTicks} onTick={tickStep} />}
      <p class="privacy">{t('popupPrivacy')}</p>

      <section aria-labelledby="tab-heading" class="card">
        <h2 id="tab-heading">{t('ppTabHeading')}</h2>
        <SiteStatus tab={tab} step={step} />
        {host && (
          <div class="guide-here">
            <p>{t(hiddenHere ? 'ppGuideHiddenHere' : 'ppGuideShownHere', host)}</p>
            <button
              type="button"
              data-action="toggle-guide-here"
              onClick={() => void (hiddenHere ? store.showOnHost(host) : store.hideOnHost(host)).then(setSettings)}
            >
              {t(hiddenHere ? 'ppShowHere' : 'ppHideHere')}
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby="links-heading">
        <h2 id="links-heading">{t('ppLinksHeading')}</h2>
        <ul class="links">
          {OFFICIAL_LINK_IDS.map((id) => (
            <li key={id}>
              <a class="button-link" href={OFFICIAL_LINKS[id].href} target="_blank" rel="noopener noreferrer" data-link={id}>
                {t(OFFICIAL_LINKS[id].label)}
                <span class="visually-hidden">{` ${t('ovNewTab')}`}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="people-heading" aria-busy={peopleRead ? 'false' : 'true'} data-people-read={String(peopleRead)}>
        <h2 id="people-heading">{t('ppPeopleHeading')}</h2>
        {peopleRead && <People people={people} flow={flow} update={updatePeople} />}
        <div class="remember">
          <input
            type="checkbox"
            id="remember"
            checked={options.rememberPeople}
            aria-describedby="remember-hint"
            onChange={(e) => {
              const remember = (e.currentTarget as HTMLInputElement).checked;
              // Shown as clicked while the people move (their change events re-render the popup meanwhile).
              setOptions((current) => ({ ...current, rememberPeople: remember }));
              void safely(store.setRemember(remember), options).then((o) => {
                setOptions(o);
                reloadPeople();
              });
            }}
          />
          <label for="remember">{t('ppRemember')}</label>
          <p id="remember-hint" class="hint">
            {t(options.rememberPeople ? 'ppRememberOn' : 'ppRememberOff')}
          </p>
        </div>
      </section>

      <section aria-labelledby="preflight-heading">
        <h2 id="preflight-heading">
          {person ? t('ppPreflightFor', person.label) : t('ppPreflightHeading')}
        </h2>
        {!person && <p class="hint">{t('ppPreflightNoPerson')}</p>}
        <Preflight idPrefix="pf" flow={flow} onFlow={setFlow} ticks={ticks} onTick={tick} />
      </section>

      <section aria-labelledby="hidden-heading">
        <h2 id="hidden-heading">{t('popupHiddenHeading')}</h2>
        {settings && settings.hiddenHosts.length === 0 && <p>{t('popupHiddenNone')}</p>}
        {settings && settings.hiddenHosts.length > 0 && (
          <ul class="hidden-hosts">
            {settings.hiddenHosts.map((h) => (
              <li key={h}>
                <button type="button" onClick={() => void store.showOnHost(h).then(setSettings)}>
                  {t('popupShowAgain', h)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="erase-heading">
        <h2 id="erase-heading">{t('popupEraseHeading')}</h2>
        <p class="hint">{t('popupEraseHint')}</p>
        {erase === 'confirm' ? (
          <div class="confirm" role="group" aria-labelledby="erase-confirm">
            <p id="erase-confirm" tabIndex={-1} ref={confirmRef}>
              {t('ppEraseConfirm')}
            </p>
            <button
              type="button"
              class="danger"
              data-action="erase-yes"
              onClick={() =>
                void store.eraseAll().then(
                  async () => {
                    setSettings(await safely(store.loadSettings(), null));
                    setPeople(EMPTY_PEOPLE);
                    setLooseTicks({});
                    setOptions(await safely(store.loadOptions(), options));
                    setErase('done');
                  },
                  () => setErase('failed'),
                )
              }
            >
              {t('ppEraseYes')}
            </button>
            <button
              type="button"
              onClick={() => setErase('idle')}
            >
              {t('ppCancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="erase danger" ref={eraseRef} data-action="erase" onClick={() => setErase('confirm')}>
            {t('popupErase')}
          </button>
        )}
        {/* Exists before it speaks, so screen readers announce the confirmation. */}
        <p role="status" class="status">
          {erase === 'done' ? t('popupErased') : erase === 'failed' ? t('popupEraseFailed') : ''}
        </p>
      </section>

      <p>
        <a href={store.optionsPageUrl()} target="_blank" rel="noopener noreferrer" data-link="options">
          {t('ppOpenOptions')}
        </a>
      </p>
      {shortcuts && <p class="shortcuts">{t('popupShortcuts')}</p>}
    </main>
  );
}
