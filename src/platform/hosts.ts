/**
 * The IESS hosts ClaveGuía works on. The manifest's content-script match pattern and this check say the
 * same thing; a unit test keeps them in step.
 */
export const IESS_MATCH_PATTERN = '*://*.iess.gob.ec/*';
export const IESS_DOMAIN = 'iess.gob.ec';

/** True for http(s) URLs on iess.gob.ec or any of its subdomains. */
export function isIessUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return host === IESS_DOMAIN || host.endsWith(`.${IESS_DOMAIN}`);
}
