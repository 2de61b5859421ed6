/**
 * The resident script: what every IESS page gets, and all most of them ever get. It watches the page, runs the
 * detector, reports the step (structure only) to the background, and keeps the host marker clean. Where a
 * detection needs the guide (a recovery step, an alert, steps to choose from: guide-contract.ts), it asks the
 * background to inject the guide into this same isolated world, once per document, and from then on hands it
 * every detection and every message. Constructing it does nothing; `start` is idempotent; `destroy` runs one
 * teardown registry that removes every observer, listener, timer and the guide with them. It destroys itself
 * the moment its extension goes away (reload, update), see context.ts.
 *
 * "Hidden on this site" lives here, in one place: on a host the person hid it on, nothing runs (no watcher,
 * no guide) until the popup shows it again, or until the person presses a ClaveGuía shortcut on the page,
 * which shows it for this page only.
 */
import { classify, classifySteps } from '../detect/classify';
import type { Detection } from '../detect/vocabulary';
import { parseToContent, type CopyAnswer } from '../messages';
import { ask } from '../messages/replies';
import { pageHost, pageUrl } from '../page/location';
import { removeStaleHosts } from '../page/marker';
import type { PlatformApi } from '../platform/api';
import { OPTIONS_KEY } from '../storage/options';
import { rawLocalItem, SETTINGS, type Settings } from '../storage/schema';
import { createReader, type StoreReader } from '../storage/store';
import { ExtensionContext } from './context';
import { findCopyMaker, findGuide, needsGuide, noteGuideTime, RESIDENT_DECISION_KEY, type Guide, type GuideHooks, type GuideMessage } from './guide-contract';
import { PageWatcher } from './page-watcher';
import { idleClock, runSliced } from './sliced-pass';
import { Teardown } from './teardown';

export interface ResidentOptions {
  /** Passed to the guide (tests: field values in memory). */
  guide?: Omit<GuideHooks, 'hideOnThisSite'>;
  /** The isolated world the guide registers in (tests pass their own global). */
  world?: object;
}

/** What exists only while the resident watches this page (not hidden here); torn down on hide. */
interface Watching {
  watcher: PageWatcher;
  teardown: Teardown;
  guide: Guide | null;
  /** The guide was asked for and has not arrived yet. */
  loading: boolean;
  latest: Detection | null;
}

export class Resident {
  private teardown: Teardown | null = null;
  private watching: Watching | null = null;
  private context: ExtensionContext | null = null;
  private readonly store: StoreReader;
  private settings: Settings | null = null;
  /** The person pressed a shortcut on a hidden site: show it on this page anyway. */
  private forced = false;
  /** Shortcuts pressed before the guide arrived on a forced show, applied once it is there. */
  private pending: GuideMessage[] = [];

  constructor(
    private readonly doc: Document,
    private readonly api: PlatformApi,
    private readonly options: ResidentOptions = {},
  ) {
    this.store = createReader(api.storage, () => undefined);
  }

  get running(): boolean {
    return this.teardown !== null && !this.teardown.done;
  }

  /** The guide, once injected and started on this page (tests and the bench read it). */
  get guide(): Guide | null {
    return this.watching?.guide ?? null;
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
    teardown.add(() => this.hide());
    void this.store.get(SETTINGS).then(this.onSettings, () => this.onSettings(null));
  }

  destroy(): void {
    this.teardown?.run();
  }

  private readonly onSettings = (settings: Settings | null): void => {
    if (!this.running) return;
    this.settings = settings;
    const hidden = this.hiddenHere();
    if (hidden) this.hide();
    else this.show();
    ((this.options.world ?? globalThis) as Record<symbol, unknown>)[Symbol.for(RESIDENT_DECISION_KEY)] = hidden ? 'hidden' : 'shown';
  };

  private hiddenHere(): boolean {
    return !this.forced && !!this.settings?.hiddenHosts.includes(pageHost(this.doc));
  }

  private show(): void {
    if (this.watching || !this.running) return;
    const teardown = new Teardown();
    const watcher = new PageWatcher({
      doc: this.doc,
      // Read every half second (history navigation fires no event): a moment to notice a lost extension too.
      getUrl: () => {
        if (!this.context?.check()) throw new Error('extension context lost');
        return pageUrl(this.doc);
      },
      classify: (doc, url, onShadowRoot) => {
        // Every pass is a moment to notice a lost extension (and to reconnect a port the worker dropped).
        if (!this.context?.check()) throw new Error('extension context lost');
        return classify(doc, url, onShadowRoot);
      },
      // A big page is read a slice at a time, never blocking it for more than a frame (issue 19).
      classifySliced: (doc, url, done, onShadowRoot) =>
        this.context?.check() ? runSliced(classifySteps(doc, url, onShadowRoot), done, idleClock(doc.defaultView)) : null,
      onChange: (detection) => this.onDetection(detection),
      onDocumentReplaced: () => {
        this.hide();
        if (this.doc.documentElement) this.onSettings(this.settings);
      },
    });
    teardown.add(() => watcher.destroy());
    const watching: Watching = { watcher, teardown, guide: null, loading: false, latest: null };
    teardown.add(() => watching.guide?.destroy());
    this.watching = watching;
    watcher.start();
  }

  private hide(): void {
    const watching = this.watching;
    this.watching = null;
    watching?.teardown.run();
  }

  private onDetection(detection: Detection): void {
    const watching = this.watching;
    if (!watching) return;
    // Structure only: the step and flow, never a value (the popup's status and the countdown follow it).
    const { step, flow, alerts, statedValidityMs } = detection;
    const stated = statedValidityMs === undefined ? {} : { validityMs: statedValidityMs };
    void ask(this.api.runtime, { type: 'page:step', step, flow, alerts, ...stated });
    watching.latest = detection;
    if (watching.guide) watching.guide.update(detection);
    else if (needsGuide(detection)) this.loadGuide(watching);
    else this.pending = [];
  }

  /** Asks the background for the guide unless this world already holds it, then starts it with the latest detection. */
  private loadGuide(watching: Watching): void {
    if (watching.loading) return;
    watching.loading = true;
    this.context?.hold();
    const world = this.options.world ?? globalThis;
    noteGuideTime('asked', world);
    // Read while the bundle is on its way, so the guide's first view does not wait for it afterwards.
    const options = this.store.get(rawLocalItem(OPTIONS_KEY));
    options.catch(() => undefined);
    const ready = findGuide(world)
      ? Promise.resolve(true)
      : ask(this.api.runtime, { type: 'guide:load' });
    void ready.then((loaded) => {
      watching.loading = false;
      const factory = loaded ? findGuide(world) : null;
      // Hidden, replaced or torn down meanwhile: this watch is over, and the next one asks again.
      if (!factory || this.watching !== watching || watching.guide || !watching.latest) return;
      noteGuideTime('started', world);
      const preloaded = { settings: this.settings, options };
      const shadowRoots = () => watching.watcher.shadowRootsWatched;
      const guide = factory(this.doc, this.api, { ...this.options.guide, hideOnThisSite: this.hideOnThisSite, preloaded, shadowRoots });
      watching.guide = guide;
      guide.update(watching.latest);
      for (const message of this.pending.splice(0)) guide.handle(message);
    });
  }

  private readonly hideOnThisSite = (): void => {
    this.forced = false;
    void ask(this.api.runtime, { type: 'site:hide' });
  };

  private readonly onMessage = (raw: unknown): Promise<CopyAnswer | null> | undefined => {
    const message = parseToContent(raw);
    // The side area's "Guardar copia anónima": the one message answered, with the copy built in this world.
    if (message?.type === 'copy:make') return this.makeCopy();
    if (message) this.handle(message);
    return undefined;
  };

  /** The copy maker comes with the guide bundle; on a page without a guide it is loaded alone (nothing is shown). */
  private async makeCopy(): Promise<CopyAnswer | null> {
    const world = this.options.world ?? globalThis;
    if (!findCopyMaker(world)) await ask(this.api.runtime, { type: 'guide:load' });
    const maker = findCopyMaker(world);
    return maker ? maker(this.doc, this.api) : null;
  }

  private handle(message: GuideMessage): void {
    if (!this.running) return;
    const guide = this.watching?.guide;
    if (guide) {
      guide.handle(message);
      return;
    }
    if (message.type !== 'overlay:toggle' && message.type !== 'overlay:focus') return;
    if (!this.watching) {
      // A shortcut on a site where the guide is hidden: the person asked for it, show it for this page. It
      // applies once the guide is there (or is dropped if this page has nothing to show).
      this.forced = true;
      this.pending.push(message);
      this.show();
    } else if (this.watching.loading) {
      this.pending.push(message);
    }
    // Otherwise the page has nothing to show: the shortcut arms no later surprise appearance.
  }
}
