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
