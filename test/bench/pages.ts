/**
 * Pages the bench generates around a practice-portal page (pure string work, tested in test/unit/bench):
 * the three mutation storms and the 50,000-element page with the recovery form at its end.
 */

export type StormKind = 'text' | 'attributes' | 'nodes';

/** Mutations per second each storm aims at; the page counts what it really did (window.__benchStorm.ticks). */
export const STORM_RATE = 1000;

/**
 * The storm's own markup: a banner outside the portal's form (a ticking clock, a carousel flag, a news
 * ticker), which is where such churn lives on real pages.
 */
const STORM_MARKUP =
  '<div id="bench-banner" class="bench-banner" style="font:12px sans-serif;padding:4px">' +
  '<span id="bench-clock">0</span><ul id="bench-ticker" style="display:inline;margin:0;padding:0"></ul></div>';

/**
 * The storm script, started by the bench with `window.__benchStorm.start()` so the window it measures starts
 * with the storm. Four interval timers of 4 ms (the browser's floor for repeating timers), a millisecond
 * apart, each doing one mutation: about 1,000 separate tasks a second, so an observer is called per mutation,
 * not once per batch.
 *  - text: the clock's text replaced (`textContent`), as a ticking clock does;
 *  - attributes: a class toggled on the banner, as a carousel or blinking badge does;
 *  - nodes: one `<li>` inserted into the ticker and the oldest removed (20 kept), as a news ticker does.
 */
function stormScript(kind: StormKind): string {
  const step =
    kind === 'text'
      ? "clock.textContent = 'Hora ' + n;"
      : kind === 'attributes'
        ? "banner.classList.toggle('bench-on');"
        : "var li = document.createElement('li'); li.textContent = 'Aviso ' + n; ticker.appendChild(li); if (ticker.childNodes.length > 20) ticker.removeChild(ticker.firstChild);";
  return `<script>(function () {
  var clock = document.getElementById('bench-clock'), banner = document.getElementById('bench-banner'), ticker = document.getElementById('bench-ticker');
  var n = 0, timers = [];
  function tick() { n++; ${step} }
  window.__benchStorm = {
    get ticks() { return n; },
    start: function () { for (var k = 0; k < 4; k++) (function (k) { timers.push(setTimeout(function () { timers.push(setInterval(tick, 4)); }, k)); })(k); },
    stop: function () { timers.forEach(function (t) { clearTimeout(t); clearInterval(t); }); timers = []; }
  };
})();</script>`;
}

/** Inserts markup right after the opening `<body…>` tag (or at the start when there is none). */
export function afterBodyOpen(html: string, markup: string): string {
  const m = /<body[^>]*>/i.exec(html);
  if (!m) return markup + html;
  const at = m.index + m[0].length;
  return html.slice(0, at) + markup + html.slice(at);
}

/** Inserts markup right before `</body>` (or at the end). */
export function beforeBodyClose(html: string, markup: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + markup : html.slice(0, at) + markup + html.slice(at);
}

/** A portal page with a storm banner at the top and its (not yet started) storm script at the end. */
export function stormPage(base: string, kind: StormKind): string {
  return beforeBodyClose(afterBodyOpen(base, STORM_MARKUP), stormScript(kind));
}

/**
 * `count` elements of filler before the page's own content: rows of a long listing, 5 elements each (a
 * row `div`, a `span`, an `a`, a `b` and an `i`), so the recovery form comes after all of them in document order.
 */
export function fillerElements(count: number): string {
  const rows = Math.ceil(count / 5);
  const parts: string[] = ['<div id="bench-filler">'];
  for (let i = 0; i < rows; i++) {
    parts.push(`<div class="fila"><span class="etiqueta">Registro ${i}</span><a href="#r${i}">Detalle</a><b>${i}</b><i>ok</i></div>`);
  }
  parts.push('</div>');
  return parts.join('');
}

/** The big page: `count` other elements, then the portal page's own body (its recovery form last). */
export function bigPage(base: string, count = 50_000): string {
  return afterBodyOpen(base, fillerElements(count));
}

/** Opening tags in a piece of markup: a cheap element count for tests. */
export function countOpeningTags(html: string): number {
  return (html.match(/<[a-z][a-z0-9-]*[\s>]/gi) ?? []).length;
}
