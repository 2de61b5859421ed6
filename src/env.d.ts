/** Build constants injected by vite.config.ts (`define`). */

/** Closed in shipped builds; open in the E2E build so its tests can look inside the overlay. */
declare const __SHADOW_MODE__: ShadowRootMode;

/** The browser a build is for ('chrome' in unit tests). Read through src/platform/build-target.ts. */
declare const __TARGET_BROWSER__: 'chrome' | 'firefox';

/** True only in the E2E build: src/platform/now.ts then adds a test-set offset to the clock. */
declare const __TEST_CLOCK__: boolean;
