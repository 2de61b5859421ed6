/**
 * The allow-list of what ClaveGuía may ask the browser for, with the reason for each. A test checks both
 * built manifests against it: adding a permission means adding it here, with its reason, first.
 */
import { IESS_MATCH_PATTERN } from './hosts';

export const ALLOWED_PERMISSIONS: Readonly<Record<string, string>> = {
  storage: 'Settings (dock side, hidden sites) in storage.local; checklist ticks per tab in storage.session.',
  scripting:
    'Chrome only: after an install or update, put the guide back on IESS tabs that were already open ' +
    '(Chrome does not inject content scripts there; Firefox does, so its build does not ask for it).',
  alarms:
    'The link countdown: wakes the background at 2:00, 1:00, 0:30 and at expiry to update the toolbar badge ' +
    '(and the optional notification) while no ClaveGuía view is open. No install warning.',
};

/**
 * Asked for only when the person turns the option on (the options page requests it); never at install.
 */
export const ALLOWED_OPTIONAL_PERMISSIONS: Readonly<Record<string, string>> = {
  notifications: 'Optional: a system notification at one minute left and at expiry of the link countdown.',
};

/**
 * Chrome only, and the same hosts as the content script (so no new install warning): `scripting` may inject
 * only where the extension has explicit host access, and `tabs.query({ url })` finds the open IESS tabs
 * without the broad "tabs" permission.
 */
export const ALLOWED_HOST_PERMISSIONS: readonly string[] = [IESS_MATCH_PATTERN];

/** Host access comes only from the content script's match pattern: no host_permissions, no <all_urls>. */
export const ALLOWED_CONTENT_SCRIPT_MATCHES: readonly string[] = [IESS_MATCH_PATTERN];
