/**
 * The allow-list of what ClaveGuía may ask the browser for, with the reason for each. A test checks both
 * built manifests against it: adding a permission means adding it here, with its reason, first.
 */
import { IESS_MATCH_PATTERN } from './hosts';

export const ALLOWED_PERMISSIONS: Readonly<Record<string, string>> = {
  storage: 'Settings (dock side, hidden sites) in storage.local; checklist ticks per tab in storage.session.',
  scripting:
    'Both browsers: where a recovery step is detected, inject the guide (guide.js, not web-accessible) into the ' +
    'asking resident script\'s own isolated world, in its tab and frame; on the new-key step only, once the key ' +
    'is being typed, the strength estimator (zxcvbn-ts, estimator.js) the same way. Chrome only: ' +
    'after an install or update, put the guide back on IESS tabs that were already open (Firefox does that itself).',
  activeTab:
    'Only after the person clicks the toolbar button: the popup reads that one tab\'s address (tabs.query for the ' +
    'active tab) to say whether it is the official IESS portal or a look-alike, and to show the guide\'s status ' +
    'there. No access to other tabs, no install warning, nothing kept.',
  sidePanel:
    'Chrome only: the guide in the browser\'s own side column ("Guía al lado"), so a person reads the step while ' +
    'typing and the portal reflows instead of being covered. Opened only by the person (popup button, keyboard ' +
    'command, the pill). No install warning. Firefox declares `sidebar_action` instead, which needs no permission.',
  alarms:
    'The link countdown: wakes the background at 2:00, 1:00, 0:30 and at expiry to update the toolbar badge ' +
    '(and the optional notification) while no ClaveGuía view is open. No install warning.',
};

/**
 * Asked for at run time, only when the person turns the option on (options page, on that click), and never
 * at install: the browser shows its own prompt.
 */
export const ALLOWED_OPTIONAL_PERMISSIONS: Readonly<Record<string, string>> = {
  notifications: 'Optional: a system notification at one minute left and at expiry of the link countdown, if the person turns it on in the options.',
};

/**
 * Both browsers, and the same hosts as the content script (so no new install warning): `scripting` may inject
 * (the guide, the estimator; in Chrome, the re-injection) only where the extension has explicit host access, and
 * `tabs.query({ url })` finds the open IESS tabs without the broad "tabs" permission.
 */
export const ALLOWED_HOST_PERMISSIONS: readonly string[] = [IESS_MATCH_PATTERN];

/** Host access comes only from the content script's match pattern: no host_permissions, no <all_urls>. */
export const ALLOWED_CONTENT_SCRIPT_MATCHES: readonly string[] = [IESS_MATCH_PATTERN];
