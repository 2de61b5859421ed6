/**
 * The content side's adapter: the browser's own extension object, without webextension-polyfill. Firefox's
 * `browser` and Chrome's MV3 `chrome` both answer with promises for every call the content side makes (storage
 * reads, `runtime.sendMessage`, ports), and the content side's message listeners return nothing, which is the
 * one place the polyfill would differ. Keeping it out saves every IESS page parsing it. The background and the
 * extension pages keep the polyfill (browser.ts).
 *
 * The namespace is chosen by the build, not by looking: in Chrome a page element with id="browser" would
 * appear as `window.browser` in the content script's world too (named properties), while `chrome` and
 * Firefox's `browser` are real properties a page cannot shadow.
 */
import type { PlatformApi } from './api';
import { BUILD_TARGET } from './build-target';

const scope = globalThis as unknown as { browser?: PlatformApi; chrome?: PlatformApi };

export const platform: PlatformApi = (BUILD_TARGET === 'firefox' ? scope.browser : scope.chrome) as PlatformApi;
