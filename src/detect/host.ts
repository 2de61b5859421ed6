/** The IESS hosts: iess.gob.ec and its subdomains. Anything else is never classified. */
export function isIessHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'iess.gob.ec' || host.endsWith('.iess.gob.ec');
}

/** Parses a URL without throwing; only http(s) URLs on an IESS host are returned. */
export function iessUrl(url: string | URL): URL | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return isIessHost(parsed.hostname) ? parsed : null;
}

/** Lower-cased path with `;jsessionid=…` (legacy JSF URL rewriting) removed. */
export function cleanPath(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is kept as is.
  }
  return path.replace(/;jsessionid=[^/?#]*/gi, '').toLowerCase().slice(0, 300);
}

/**
 * The hosts that serve the affiliate and employer portals: the new apps (app.), the legacy ones (www. and the
 * bare domain). Staff webmail, single sign-on, the service desk, training or clinical systems live on other
 * iess.gob.ec hosts, and their password resets are not the affiliate recovery.
 */
const PORTAL_HOSTS: ReadonlySet<string> = new Set(['app.iess.gob.ec', 'www.iess.gob.ec', 'iess.gob.ec']);

export function isPortalHost(hostname: string): boolean {
  return PORTAL_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}

/**
 * A path of the recovery, unlock or employer-recovery apps (the cleaned, lower-cased path): the new apps by
 * their context root, the legacy ones by their recovery pages.
 */
const RECOVERY_APP_PATH =
  /^\/(?:iess-gestion-desbloqueo-publico-web|iess-gestion-desbloqueo-clave-web|iess-gestion-clave-empleador-web)(?:\/|$)|^\/(?:afiliado-web|empleador-web)\/.*(?:recuper\w*clave|generacionclave|generarclave|olvid\w*clave|desbloque)/;

export function isRecoveryAppPath(path: string): boolean {
  return RECOVERY_APP_PATH.test(path);
}
