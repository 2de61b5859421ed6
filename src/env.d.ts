/** Build constants injected by vite.config.ts (`define`). */

/** Closed in shipped builds; open in the E2E build so its tests can look inside the overlay. */
declare const __SHADOW_MODE__: ShadowRootMode;
