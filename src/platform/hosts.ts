/**
 * The IESS hosts ClaveGuía works on, as the manifest's content-script match pattern. Which URLs count as
 * IESS is decided in one place, the detector's `iessUrl`; a unit test keeps the pattern and it in step.
 */
import { iessUrl } from '../detect/host';

export const IESS_MATCH_PATTERN = '*://*.iess.gob.ec/*';

/** True for http(s) URLs on iess.gob.ec or any of its subdomains. */
export const isIessUrl = (url: string | URL): boolean => iessUrl(url) !== null;
