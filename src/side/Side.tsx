/**
 * The side area ("Guía al lado"): the guide for the tab the person is looking at, in the browser's own column
 * beside the portal, so it can be read while typing and the portal reflows instead of being covered.
 *
 * Narrow first (a 1280×720 laptop at 200 % gives it about 160 CSS px): the step's title and what to do now
 * come first, then the portal's alerts, the countdown, the checklist; the rest of the guide and the
 * pre-flight checklist follow. It shows structure only (step, flow, alert ids): never a value from the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlowId } from '../detect/vocabulary';
import { alertGuides } from '../flow/alerts';
import { guideFor } from '../flow/guidance';
import { OFFICIAL_LINK_IDS } from '../flow/links';
import type { PreflightFlow } from '../flow/preflight';
import { progressFor } from '../flow/progress';
import { t, uiLanguage, type MessageKey } from '../i18n/t';
import { AlertList } from '../ui/AlertList';
import { Checklist } from '../ui/Checklist';
import { OfficialLinks } from '../ui/OfficialLinks';
import { ProgressStrip } from '../ui/ProgressStrip';
import { StepGuideView } from '../ui/StepGuideView';
import { Countdown } from '../ui/Countdown';
import { activePerson, EMPTY_PEOPLE, type People } from '../storage/people';
import type { TabStep, Ticks } from '../storage/schema';
import { Preflight } from '../ui/Preflight';
import { tickPreflight } from '../ui/preflight-ticks';
import { AnonCopy } from '../ui/AnonCopy';
import type { SideAnnouncer, SideStore, SideTab } from './store';
import { LINK_RUNNING_STEPS } from '../flow/step-sets';

const FLOW_NAMES: Record<FlowId, MessageKey> = {
  recover: 'flowRecover',
  unlock: 'flowUnlock',
  employer: 'flowEmployer',
  unknown: 'flowUnknown',
};

/** Whom the data belongs to ("Ayudando a: Mamá"): the label only, never a personal value. */
function PersonLine({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <p class="cg-person side-person" data-cg-person="">
      {t('ppOverlayHelping', label)}
    </p>
  );
}

/** Steps where the mailed link (or code) is running: there the countdown comes right after the alerts. */

/** Runs a load and falls back instead of breaking the view when storage misbehaves. */
const safely = <T,>(promise: Promise<T>, fallback: T): Promise<T> => promise.catch(() => fallback);

export function Side({ store }: { store: SideStore }) {
  const [tab, setTab] = useState<SideTab | null>(null);
  const [step, setStep] = useState<TabStep | null>(null);
  const [ticks, setTicks] = useState<Ticks>({});
  const [people, setPeople] = useState<People>(EMPTY_PEOPLE);
  const [flow, setFlow] = useState<PreflightFlow>('recover');
  const [looseTicks, setLooseTicks] = useState<Record<string, boolean>>({});
  const [, setLanguage] = useState(uiLanguage());

  useEffect(() => {
    const reloadPeople = () => void safely(store.loadPeople(), EMPTY_PEOPLE).then(setPeople);
    const relabel = () => {
      document.documentElement.lang = uiLanguage();
      setLanguage(uiLanguage());
    };
    void safely(store.loadOptions(), null).then(relabel);
    reloadPeople();
    void safely(store.activeTab(), null).then(setTab);
    const offs = [
      store.onTabActivated(setTab),
      store.subscribePeople(reloadPeople),
      store.subscribeOptions(() => {
        relabel();
        reloadPeople();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [store]);

  // While this page lives, overlays in its window know the guide is beside them, and which step it shows.
  const windowId = tab?.windowId ?? null;
  const announcer = useRef<SideAnnouncer | null>(null);
  useEffect(() => {
    if (windowId === null) return undefined;
    const line = store.announceOpen(windowId);
    announcer.current = line;
    return () => {
      line.close();
      announcer.current = null;
    };
  }, [store, windowId]);

  const tabId = tab?.id ?? null;
  useEffect(() => {
    setStep(null);
    setTicks({});
    if (tabId === null) return undefined;
    void safely(store.tabStep(tabId), null).then(setStep);
    void safely(store.ticks(tabId), {}).then(setTicks);
    const offs = [store.subscribeTabStep(tabId, setStep), store.subscribeTicks(tabId, setTicks)];
    return () => offs.forEach((off) => off());
  }, [store, tabId]);

  useEffect(() => {
    if (step && step.flow !== 'unknown') setFlow(step.flow);
  }, [step?.flow]);

  const guided = step && step.step !== 'none' ? step : null;
  const shown = guided?.step ?? null;
  useEffect(() => announcer.current?.showing(shown), [shown, windowId]);
  const guide = guided ? guideFor(guided.step, guided.flow, guided.alerts) : null;
  const person = activePerson(people);
  const preflightTicks = person ? (person.preflight ?? {}) : looseTicks;

  const tickStep = (id: string, checked: boolean) => {
    if (tabId === null) return;
    setTicks((current) => ({ ...current, [id]: checked }));
    void safely(store.saveTicks(tabId, (current) => ({ ...current, [id]: checked })), ticks).then(setTicks);
  };
  const tickPreflightItem = (id: string, ticked: boolean) => {
    if (!person) {
      setLooseTicks((current) => ({ ...current, [id]: ticked }));
      return;
    }
    void safely(store.updatePeople((current) => tickPreflight(current, person.id, id, ticked)), people).then(setPeople);
  };

  return (
    <div class="side" data-side-step={guided?.step ?? 'none'}>
      {/* No brand header: the browser names the extension above its side area, and every line counts. */}
      <main class="side-main" aria-labelledby="side-title">
        {guided && guide ? (
          <>
            <p class="cg-flow">{t(FLOW_NAMES[guided.flow])}</p>
            <h1 id="side-title" class="cg-title" data-side="title">
              {t(guide.title)}
            </h1>
            <p class="cg-wants" data-side="action">
              {t(guide.wants)}
            </p>
            <PersonLine label={person?.label ?? null} />
            <AlertList alerts={alertGuides(guided.alerts, guided.flow, guided.step)} />
            {LINK_RUNNING_STEPS.has(guided.step) && <Countdown />}
            <ProgressStrip stages={progressFor(guided.step, guided.flow, guided.alerts)} />
            <section class="cg-section" data-section="side-checklist">
              <h2 id="side-checklist">{t('ovChecklist')}</h2>
              <Checklist items={guide.checklist} ticks={ticks} onTick={tickStep} headingId="side-checklist" />
            </section>
            <StepGuideView guide={guide} ticks={ticks} onTick={tickStep} showWants={false} showChecklist={false} />
          </>
        ) : (
          <>
            <h1 id="side-title" class="cg-title" data-side="title">
              {t('sideNoStepTitle')}
            </h1>
            <p class="cg-wants" data-side="action">
              {t('sideNoStepAction')}
            </p>
            <PersonLine label={person?.label ?? null} />
            <Countdown />
            <OfficialLinks links={OFFICIAL_LINK_IDS} />
          </>
        )}
        <details class="side-preflight" open={!guided}>
          <summary>{t('sidePreflight')}</summary>
          <Preflight idPrefix="side-preflight" flow={flow} onFlow={setFlow} ticks={preflightTicks} onTick={tickPreflightItem} />
        </details>
        {/* Only where the guide runs (a step was read there): the copy is built by that tab's content script. */}
        {step && tabId !== null && store.makeCopy && <AnonCopy key={tabId} make={() => store.makeCopy?.(tabId) ?? Promise.resolve(null)} idPrefix="side-copy" />}
      </main>
    </div>
  );
}
