/**
 * The guide: what ClaveGuía shows and checks on a page where the resident script (resident.ts) detected a
 * recovery step, an alert, or steps to choose from. It is built as its own bundle (guide.ts), injected by the
 * background into the resident's isolated world only there, and driven by the resident: every detection comes
 * in through `update`, every message from the background through `handle`. It shows the overlay, answers
 * shortcuts, and reads the few field values the checks need. Constructing it does nothing; `start` is
 * idempotent; `destroy` runs one teardown registry that removes every node, observer, listener and timer (the
 * resident calls it on hide-on-site, on a replaced document, and when its extension goes away).
 */
import type { Detection } from '../detect/vocabulary';
import { createOverlay } from '../overlay/controller';
import type { Overlay } from '../overlay/services';
import type { PlatformApi } from '../platform/api';
import { hasCatalogue, provideCatalogue, setLanguage } from '../i18n/t';
import { ask } from '../messages/replies';
import { OPTIONS, type Options } from '../storage/options';
import { createStore, type Store } from '../storage/store';
import { VALUE_ROLES_BY_STEP } from '../flow/warnings';
import { FieldWatcher } from './field-watcher';
import type { Guide, GuideHooks, GuideMessage } from './guide-contract';
import { ActivePerson, MismatchChecker } from './mismatch';
import { overlayServices } from './services';
import { Teardown } from './teardown';

export class ContentApp implements Guide {
  private teardown: Teardown | null = null;
  /** What exists once the guide is on screen; torn down with everything else. */
  private shown: { overlay: Overlay; fields: FieldWatcher; checker: MismatchChecker; people: ActivePerson } | null = null;
  private readonly store: Store;
  /** The latest detection and the messages that came before the overlay was on screen (language loading). */
  private latest: Detection | null = null;
  private pending: GuideMessage[] = [];

  constructor(
    private readonly doc: Document,
    private readonly api: PlatformApi,
    private readonly options: GuideHooks,
  ) {
    this.store = createStore(api.storage, { report: () => undefined });
  }

  /** Where the portal's fields are: the document, and the open shadow roots the resident's watcher observes. */
  private readonly scopes = (): readonly ParentNode[] => [this.doc, ...(this.options.shadowRoots?.() ?? [])];

  get running(): boolean {
    return this.teardown !== null && !this.teardown.done;
  }

  start(): void {
    if (this.teardown) return;
    const teardown = new Teardown();
    this.teardown = teardown;
    // The language override. Who is being helped lives in storage.session, which content scripts cannot read or
    // watch: the background says `person:changed` and the one ActivePerson source asks again.
    teardown.add(this.store.subscribe(OPTIONS, this.onOptions));
    const preloaded = this.options.preloaded?.options;
    void (preloaded ? preloaded.then((raw) => OPTIONS.parse(raw).value) : this.store.get(OPTIONS))
      .then((options) => this.useLanguage(options.language), () => undefined)
      .finally(() => this.show());
  }

  destroy(): void {
    this.teardown?.run();
  }

  private readonly onOptions = (options: Options): void => {
    void this.useLanguage(options.language).then(this.onPeople);
  };

  /** A forced language: its words come from the background once, then stay in memory. */
  private async useLanguage(language: Options['language']): Promise<void> {
    if (language !== 'auto' && !hasCatalogue(language)) {
      const messages = await ask(this.api.runtime, { type: 'i18n:catalogue', language });
      if (messages) provideCatalogue(language, messages);
    }
    setLanguage(language);
  }

  /** The label in the language just forced. */
  private readonly onPeople = (): void => {
    if (this.running) this.shown?.overlay.refreshPerson();
  };

  private show(): void {
    const teardown = this.teardown;
    if (this.shown || !teardown || teardown.done) return;
    // One source of the active person feeds both the label and the checks, and follows every change at once.
    const people = new ActivePerson(this.api);
    teardown.add(() => people.destroy());
    const services = overlayServices(this.api, this.store, this.doc, this.options.hideOnThisSite, people, this.options.preloaded?.settings ?? null);
    const overlay = createOverlay(this.doc, { ...services, pageScopes: this.scopes });
    teardown.add(() => overlay.destroy());
    teardown.add(people.subscribe(() => overlay.refreshPerson()));
    overlay.start();
    const checker = new MismatchChecker(this.doc, this.api, this.store, overlay, people);
    teardown.add(() => checker.destroy());
    people.reload();
    const fields: FieldWatcher = new FieldWatcher({
      doc: this.doc,
      scopes: this.scopes,
      onChange: (values) => checker.setFields({ values, left: fields.left, capsLock: fields.capsLock, elements: fields.elements }),
    });
    teardown.add(() => fields.destroy());
    this.shown = { overlay, fields, checker, people };
    teardown.add(() => (this.shown = null));
    if (this.latest) this.update(this.latest);
    for (const message of this.pending.splice(0)) this.handle(message);
  }

  update(detection: Detection): void {
    this.latest = detection;
    if (!this.shown) return;
    this.shown.overlay.update(detection);
    this.shown.people.setStep(detection.step);
    this.shown.checker.setStep(detection.step);
    // Only the roles this step needs; leaving the step forgets every value (and the new key with it).
    // (flow/warnings.ts lists the roles each step's checks read; a step it does not list reads none.)
    this.shown.fields.watch(VALUE_ROLES_BY_STEP[detection.step] ?? false);
  }

  handle(message: GuideMessage): void {
    if (!this.running) return;
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
      // The overlay is not on screen yet (its language is loading): the shortcut applies once it is.
      this.pending.push(message);
      return;
    }
    if (message.type === 'overlay:toggle') this.shown?.overlay.toggleVisibility();
    else this.shown?.overlay.toggleFocus();
  }
}
