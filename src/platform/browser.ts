/**
 * The only module that touches extension APIs. Everything else imports `platform` from here, so browser
 * differences (and the frozen webextension-polyfill) stay in one file, and unit tests swap in a fake.
 */
import browser from 'webextension-polyfill';

export const platform = browser;
export type Platform = typeof browser;
