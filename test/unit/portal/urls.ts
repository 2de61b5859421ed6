/** Finds URLs in src/href/action attributes (and CSS url()) that point outside the simulation. */
const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', 'app.iess.gob.ec', 'www.iess.gob.ec', 'iess.gob.ec']);

export function externalUrls(page: string): string[] {
  const found: string[] = [];
  const candidates = [
    ...[...page.matchAll(/\b(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? ''),
    ...[...page.matchAll(/url\(\s*['"]?([^'")]+)/gi)].map((m) => m[1] ?? ''),
    ...[...page.matchAll(/@import\s+['"]([^'"]+)/gi)].map((m) => m[1] ?? ''),
  ];
  for (const raw of candidates) {
    const value = raw.replace(/&amp;/g, '&').trim();
    if (!/^(https?:)?\/\//i.test(value)) continue;
    const host = new URL(value.startsWith('//') ? `http:${value}` : value).hostname;
    // The IESS host names are served by the simulation itself (mapped to 127.0.0.1).
    if (!ALLOWED_HOSTS.has(host)) found.push(value);
  }
  if (/google\.com|gstatic|googleapis|cdn\./i.test(page)) found.push('google/cdn reference');
  return found;
}
