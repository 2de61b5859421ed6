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
  const doc = parser.parseFromString(html, 'text/html') as unknown as Document;
  // Only pages that declare a root pay for the search (a selector engine overflows on hostile nesting).
  if (/shadowrootmode/i.test(html)) attachDeclarativeShadowRoots(doc);
  return doc;
}

/**
 * What a browser's HTML parser does with `<template shadowrootmode="open|closed">` (declarative shadow DOM, and
 * the serialisation of a root attached by script) and happy-dom's does not: the template's content becomes the
 * shadow root of its parent and the template disappears. Innermost first, so nested roots attach too.
 */
function attachDeclarativeShadowRoots(doc: Document): void {
  const pending: Array<ParentNode> = [doc];
  const templates: HTMLTemplateElement[] = [];
  while (pending.length > 0) {
    const scope = pending.pop() as ParentNode;
    for (const t of Array.from(scope.querySelectorAll('template[shadowrootmode]'))) {
      templates.push(t as HTMLTemplateElement);
      pending.push((t as HTMLTemplateElement).content);
    }
  }
  for (const t of templates.reverse()) {
    const host = t.parentElement;
    const mode = t.getAttribute('shadowrootmode');
    if (!host || host.shadowRoot || (mode !== 'open' && mode !== 'closed')) continue;
    const root = host.attachShadow({ mode });
    root.appendChild(t.content);
    t.remove();
  }
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
