/** Build constants injected by vite.config.ts (`define`). */

/** Closed in shipped builds; open in the E2E build so its tests can look inside the overlay. */
declare const __SHADOW_MODE__: ShadowRootMode;

/** The browser a build is for ('chrome' in unit tests). Read through src/platform/build-target.ts. */
declare const __TARGET_BROWSER__: 'chrome' | 'firefox';
