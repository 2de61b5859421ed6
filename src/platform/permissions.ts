/**
 * The allow-list of what ClaveGuía may ask the browser for, with the reason for each. A test checks both
 * built manifests against it: adding a permission means adding it here, with its reason, first.
 */
import { IESS_MATCH_PATTERN } from './hosts';

export const ALLOWED_PERMISSIONS: Readonly<Record<string, string>> = {
  storage: 'Settings (dock side, hidden sites) in storage.local; checklist ticks per tab in storage.session.',
};

/** Host access comes only from the content script's match pattern: no host_permissions, no <all_urls>. */
export const ALLOWED_CONTENT_SCRIPT_MATCHES: readonly string[] = [IESS_MATCH_PATTERN];
