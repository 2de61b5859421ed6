/**
 * Which browser this build is for, fixed at build time (vite.config.ts `define`), and what follows from it.
 * The two manifests now ask for the same permissions, so behaviour that differs must say so here, explicitly,
 * rather than be inferred from an API being absent.
 */
import type { TargetBrowser } from './target';

export const BUILD_TARGET: TargetBrowser = typeof __TARGET_BROWSER__ === 'string' ? __TARGET_BROWSER__ : 'chrome';

/**
 * Firefox injects declared content scripts into the tabs that were already open when the extension is installed
 * or updated; Chrome does not, so only there does the background put the guide back itself (reinject.ts).
 */
export const INJECTS_INTO_OPEN_TABS: Readonly<Record<TargetBrowser, boolean>> = { chrome: false, firefox: true };
