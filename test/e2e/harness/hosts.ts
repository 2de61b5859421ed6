/**
 * Host names the E2E browsers resolve to 127.0.0.1, so the extension's real match patterns apply to pages
 * served locally. URLs keep the local server's port.
 */
export const IESS_HOSTS = ['www.iess.gob.ec', 'app.iess.gob.ec'] as const;
/** A host that is not the IESS's, where the content script must never run. */
export const OTHER_HOST = 'www.example.org';
export const MAPPED_HOSTS = [...IESS_HOSTS, OTHER_HOST];

export const urlOn = (host: string, port: number, path = '/'): string => `http://${host}:${port}${path}`;
