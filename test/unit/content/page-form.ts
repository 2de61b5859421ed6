/** Replaces the test document's body with `html`, parsed as a page would be (inert: no script runs). */
export function form(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}
