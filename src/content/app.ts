/**
 * Everything the content script does on a page: watch the page, classify it, show the overlay, answer
 * shortcuts, and read the few field values the checks need. Constructing it does nothing; `start` is
 * idempotent; `destroy` runs one teardown registry that removes every node, observer, listener and timer.
 * It destroys itself the moment its extension goes away (reload, update), see context.ts.
 *
 * "Hidden on this site" lives here, in one place: on a host the person hid it on, nothing runs (no
 * watcher, no overlay) until the popup shows it again, or until the person presses a ClaveGuía shortcut on
 * the page, which shows it for this page only.
 */
import { classify } from '../detect/classify';
import type { Detection, StepId } from '../detect/vocabulary';
import { parseToContent, type ToContent } from '../messages';
import { createOverlay } from '../overlay/controller';
import type { Overlay } from '../overlay/services';
import { pageHost, pageUrl } from '../page/location';
import { removeStaleHosts } from '../page/marker';
import type { PlatformApi } from '../platform/api';
import { hasCatalogue, provideCatalogue, setLanguage, type Catalogue } from '../i18n/t';
import { OPTIONS, type Options } from '../storage/options';
import { SETTINGS, type Settings } from '../storage/schema';
import { createStore, type Store } from '../storage/store';
import { ExtensionContext } from './context';
import { makeCopy } from './copy';
import { VALUE_ROLES_BY_STEP } from '../flow/warnings';
import { FieldWatcher } from './field-watcher';
import { ActivePerson, MismatchChecker } from './mismatch';
import { PageWatcher } from './page-watcher';
import { overlayServices } from './services';
import { Teardown } from './teardown';

/** Steps whose field values the mismatch checks read, and which roles on each (flow/warnings.ts). */
const VALUE_STEPS: ReadonlySet<StepId> = new Set(Object.keys(VALUE_ROLES_BY_STEP) as StepId[]);

export class ContentApp {
  private teardown: Teardown | null = null;
  /** What exists only while the guide is shown; torn down on hide and with everything else. */
  private shown: {
    overlay: Overlay;
    watcher: PageWatcher;
    fields: FieldWatcher;
    checker: MismatchChecker;
    people: ActivePerson;
    teardown: Teardown;
  } | null = null;
  private context: ExtensionContext | null = null;
  private readonly store: Store;
  private settings: Settings | null = null;
  /** The person pressed a shortcut on a hidden site: show it on this page anyway. */
  private forced = false;

  constructor(
    private readonly doc: Document,
    private readonly api: PlatformApi,
  ) {
    this.store = createStore(api.storage, { report: () => undefined });
  }

  get running(): boolean {
    return this.teardown !== null && !this.teardown.done;
  }

  start(): void {
    if (this.teardown) return;
    const teardown = new Teardown();
    this.teardown = teardown;
    removeStaleHosts(this.doc);
    this.context = new ExtensionContext(this.api, this.doc, teardown, () => this.destroy());
    this.context.start();
    this.api.runtime.onMessage.addListener(this.onMessage);
    teardown.add(() => this.api.runtime.onMessage.removeListener(this.onMessage));
    teardown.add(this.store.subscribe(SETTINGS, this.onSettings));
    // The language override. Who is being helped lives in storage.session, which content scripts cannot read or
    // watch: the background says `person:changed` and the one ActivePerson source asks again.
    teardown.add(this.store.subscribe(OPTIONS, this.onOptions));
    teardown.add(() => this.hide());
    void this.store
      .get(OPTIONS)
      .then((options) => this.useLanguage(options.language), () => undefined)
      .finally(() => this.store.get(SETTINGS).then(this.onSettings, () => this.onSettings(null)));
  }

  destroy(): void {
    this.teardown?.run();
  }

  private readonly onSettings = (settings: Settings | null): void => {
    if (!this.running) return;
    this.settings = settings;
    if (this.hiddenHere()) this.hide();
    else this.show();
  };

  private readonly onOptions = (options: Options): void => {
    void this.useLanguage(options.language).then(this.onPeople);
  };

  /** A forced language: its words come from the background once, then stay in memory. */
  private async useLanguage(language: Options['language']): Promise<void> {
    if (language !== 'auto' && !hasCatalogue(language)) {
      const messages = await this.api.runtime.sendMessage({ type: 'i18n:catalogue', language }).catch(() => null);
      if (messages && typeof messages === 'object') provideCatalogue(language, messages as Catalogue);
    }
    setLanguage(language);
  }

  /** The label in the language just forced. */
  private readonly onPeople = (): void => {
    if (this.running) this.shown?.overlay.refreshPerson();
  };

  private hiddenHere(): boolean {
    return !this.forced && !!this.settings?.hiddenHosts.includes(pageHost(this.doc));
  }

  private show(): void {
    if (this.shown || !this.running) return;
    const teardown = new Teardown();
    const people = new ActivePerson(this.api);
    teardown.add(() => people.destroy());
    const services = overlayServices(
      this.api,
      this.store,
      this.doc,
      () => {
        this.forced = false;
        void this.api.runtime.sendMessage({ type: 'site:hide' }).catch(() => undefined);
      },
      people,
    );
    const overlay = createOverlay(this.doc, services);
    teardown.add(() => overlay.destroy());
    teardown.add(people.subscribe(() => overlay.refreshPerson()));
    overlay.start();
    const checker = new MismatchChecker(this.doc, this.api, this.store, overlay, people);
    teardown.add(() => checker.destroy());
    people.reload();
    const fields: FieldWatcher = new FieldWatcher({
      doc: this.doc,
      onChange: (values) => checker.setFields({ values, left: fields.left, capsLock: fields.capsLock, elements: fields.elements }),
    });
    teardown.add(() => fields.destroy());
    const watcher = new PageWatcher({
      doc: this.doc,
      getUrl: () => pageUrl(this.doc),
      classify: (doc, url) => {
        // Every pass is a moment to notice a lost extension (and to reconnect a port the worker dropped).
        if (!this.context?.check()) throw new Error('extension context lost');
        return classify(doc, url);
      },
      onChange: (detection) => this.onDetection(detection),
      onDocumentReplaced: () => {
        this.hide();
        if (this.doc.documentElement) this.onSettings(this.settings);
      },
    });
    teardown.add(() => watcher.destroy());
    this.shown = { overlay, watcher, fields, checker, people, teardown };
    watcher.start();
  }

  private hide(): void {
    const shown = this.shown;
    this.shown = null;
    shown?.teardown.run();
  }

  private onDetection(detection: Detection): void {
    if (!this.shown) return;
    // Structure only: the step and flow, never a value (the popup's status and the countdown follow it).
    void this.api.runtime
      .sendMessage({ type: 'page:step', step: detection.step, flow: detection.flow, alerts: detection.alerts })
      .catch(() => undefined);
    this.shown.overlay.update(detection);
    this.shown.people.setStep(detection.step);
    this.shown.checker.setStep(detection.step);
    // Only the roles this step needs; leaving the step forgets every value (and the new key with it).
    this.shown.fields.watch(VALUE_STEPS.has(detection.step) ? (VALUE_ROLES_BY_STEP[detection.step] ?? []) : false);
  }

  private readonly onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const message = parseToContent(raw);
    // The side area's "Guardar copia anónima": the one message answered, with the copy built here.
    if (message?.type === 'copy:make') return makeCopy(this.doc, this.api);
    if (message) this.handle(message);
    return undefined;
  };

  private handle(message: Exclude<ToContent, { type: 'copy:make' }>): void {
    if (message.type === 'data:erased') {
      this.shown?.overlay.forget();
      this.shown?.people.forget();
      return;
    }
    if (message.type === 'person:changed') {
      this.shown?.people.reload();
      return;
    }
    if (message.type === 'side:state') {
      this.shown?.overlay.setSide({ open: message.open, showing: message.showing, available: message.available });
      return;
    }
    if (!this.shown) {
      // A shortcut on a site where the guide is hidden: the person asked for it, show it for this page.
      this.forced = true;
      this.show();
    }
    if (message.type === 'overlay:toggle') this.shown?.overlay.toggleVisibility();
    else this.shown?.overlay.toggleFocus();
  }
}
