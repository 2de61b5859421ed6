/** Parses saved pages with happy-dom for the QA tools: no script runs, nothing is fetched. */
import { Window } from 'happy-dom';

export const DEFAULT_URL = 'https://app.iess.gob.ec/';

let shared: Window | null = null;

function window(): Window {
  shared ??= new Window({
    url: 'https://claveguia.invalid/',
    settings: {
      disableJavaScriptFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  return shared;
}

export function parseHtml(html: string): Document {
  const parser = new (window().DOMParser)();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

/** The page's own `<link rel=canonical>`, which every corpus page carries, else the default. */
export function canonicalUrl(doc: Document, fallback = DEFAULT_URL): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return href && /^https?:\/\//i.test(href) ? href : fallback;
}

export async function closeParser(): Promise<void> {
  if (shared) await shared.happyDOM.close();
  shared = null;
}
