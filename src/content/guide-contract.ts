/**
 * The one home of the guide's names, and what the resident script and the guide say to each other. The guide
 * (overlay, warnings, field watcher, countdown chip, Preact, its CSS and the guidance data) is built as its own
 * file, `GUIDE_FILE`, which no manifest key lists: it is not web-accessible and no page gets it by declaration.
 * When the resident script (the declared content script: page watcher, detector, host marker, step report)
 * detects a page the guide has something to say about, it asks the background (`guide:load`), which injects the
 * file into this same isolated world, once per document (background/estimator.ts). The file registers its
 * factory under `Symbol.for(GUIDE_KEY)`, where the resident picks it up and from then on hands it every
 * detection. The page's world never sees it.
 */
import type { Detection } from '../detect/vocabulary';
import type { CopyAnswer, ToContent } from '../messages';
import type { PlatformApi } from '../platform/api';
import type { Settings } from '../storage/schema';
import { findInWorld, registerInWorld } from '../platform/world.ts';

/** Where the build writes the bundle, relative to the extension root (what `scripting.executeScript` names). */
export const GUIDE_FILE = 'guide.js';
/** The bundle's entry, for the build. */
export const GUIDE_ENTRY = 'src/content/guide.ts';
/** `Symbol.for` key of the guide's factory on the isolated world's global. */
export const GUIDE_KEY = 'claveguia.guide';
/**
 * `Symbol.for` key of the anonymous-copy maker the same bundle registers (issue 21). The copy is asked for most
 * where the detector may be wrong, a page it called "not a recovery page" among them, so the resident can use
 * it without starting the guide: the bundle is loaded, nothing is shown.
 */
export const COPY_KEY = 'claveguia.copy';
/**
 * `Symbol.for` key of a small record on the isolated world's global: when (`performance.now()`) the resident
 * first asked for the guide on this document (`asked`), when the guide bundle had been parsed and run there
 * (`arrived`) and when the resident started it (`started`). `npm run bench` reads it there (and notes itself when
 * the overlay is on screen) to time detection → guide on screen and where that time goes. The page's world cannot
 * see it, it holds only times, and it never leaves the tab.
 */
export const GUIDE_TIMES_KEY = 'claveguia.guide.times';
export type GuidePhase = 'asked' | 'arrived' | 'started';

/** Notes the first time `phase` happens in this world (later calls keep the first). */
export function noteGuideTime(phase: GuidePhase, world: object = globalThis): void {
  const key = Symbol.for(GUIDE_TIMES_KEY);
  const holder = world as Record<symbol, Partial<Record<GuidePhase, number>> | undefined>;
  const times = (holder[key] ??= {});
  times[phase] ??= performance.now();
}

/**
 * `Symbol.for` key under which the resident notes, on its own world's global, what it last decided from the
 * settings for this document: 'hidden' (hidden on this site) or 'shown'. The E2E tests read it there to know the
 * decision was made instead of waiting a while; the page's world cannot see it.
 */
export const RESIDENT_DECISION_KEY = 'claveguia.resident.decision';

/**
 * Whether a detection needs the guide: a recovery step, an alert, or steps to choose from ("¿En qué paso
 * está?"). Every other IESS page keeps only the resident script.
 */
export function needsGuide(detection: Detection): boolean {
  return detection.step !== 'none' || detection.alerts.length > 0 || (detection.candidates?.length ?? 0) > 0;
}

/** What the resident script gives the guide. */
export interface GuideHooks {
  /** The person chose "hide on this site": the resident forgets a forced show; the background is told. */
  hideOnThisSite: () => void;
  /**
   * What the resident already read or started reading, so the guide's first view waits for no second read:
   * the settings it keeps current (it follows every change), and the options as stored (the guide parses them),
   * which it began reading as it asked for the guide, while the bundle was on its way.
   */
  preloaded?: { settings: Settings | null; options: Promise<unknown> | null };
  /** The open shadow roots the page watcher observes: fields inside them are read, warned about and kept clear too. */
  shadowRoots?: () => readonly ShadowRoot[];
}

/** What the resident hands the guide: every message but the copy request, which the resident answers itself. */
export type GuideMessage = Exclude<ToContent, { type: 'copy:make' }>;

/** The guide as the resident drives it. `destroy` removes every node, listener, port and timer it added. */
export interface Guide {
  update(detection: Detection): void;
  handle(message: GuideMessage): void;
  destroy(): void;
}

export type GuideFactory = (doc: Document, api: PlatformApi, hooks: GuideHooks) => Guide;

/** The guide's factory registered on this world's global, if the bundle ran here. */
export function findGuide(world: object = globalThis): GuideFactory | null {
  return findInWorld<GuideFactory>(GUIDE_KEY, world);
}

/** What the bundle does when it runs: registers once per world. */
export function registerGuide(factory: GuideFactory, world: object = globalThis): void {
  registerInWorld(GUIDE_KEY, factory, world);
}

export type CopyMaker = (doc: Document, api: PlatformApi) => Promise<CopyAnswer>;

/** The copy maker registered on this world's global, if the guide bundle ran here. */
export function findCopyMaker(world: object = globalThis): CopyMaker | null {
  return findInWorld<CopyMaker>(COPY_KEY, world);
}

/** Registers the copy maker once per world (the guide bundle does, beside the guide's factory). */
export function registerCopyMaker(maker: CopyMaker, world: object = globalThis): void {
  registerInWorld(COPY_KEY, maker, world);
}
