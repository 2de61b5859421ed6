/**
 * The only module that touches extension APIs. Everything else imports `platform` from here, so browser
 * differences (and the frozen webextension-polyfill) stay in one file, and unit tests swap in a fake.
 * The typed assignment is the compile-time check that the polyfill offers everything `PlatformApi` names.
 */
import browser from 'webextension-polyfill';
import type { PlatformApi } from './api';

export const platform: PlatformApi = browser;
export type { PlatformApi };
