import { afterAll, beforeAll, beforeEach } from 'vitest';
/** Test helpers: a started portal with a manual clock, and a JSF "page" driven over HTTP. */
import { ManualClock } from '../../portal/clock';
import { hiddenFields, parsePartial, PortalClient, type HttpResponse } from '../../portal/client';
import { createPortalServer, type PortalServer, type PortalServerOptions } from '../../portal/server';
import type { PortalUrls } from '../../portal/layout';

export interface Harness {
  portal: PortalServer;
  clock: ManualClock;
  urls: PortalUrls;
  port: number;
  client: PortalClient;
}

export async function startPortal(options: PortalServerOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const portal = createPortalServer({ clock, ...options });
  const { port, urls } = await portal.start();
  return { portal, clock, urls, port, client: new PortalClient(port) };
}

/**
 * One portal for the whole test file, a fresh world and cookie jar for every test. The returned object is
 * filled in before the first test runs.
 */
export function usePortal(options: PortalServerOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startPortal(options));
  });
  afterAll(async () => {
    await h.portal?.stop();
  });
  beforeEach(() => {
    h.portal.world.reset();
    h.client.clearCookies();
  });
  return h;
}

/** Ticks the CAPTCHA stand-in the way the iframe does: POST /captcha/verify on the loopback host. */
export async function captchaToken(h: Harness): Promise<string> {
  const res = await h.client.post(`${h.urls.sim}/captcha/verify`, { k: 'x' });
  return (JSON.parse(res.body) as { token: string }).token;
}

export interface SubmitResult {
  res: HttpResponse;
  /** HTML of the updated region (AJAX) or of the whole page (full POST). */
  html: string;
  redirect?: string;
}

/** One open JSF page: remembers its form, action and latest view state, like the browser would. */
export class JsfPage {
  html = '';
  viewState = '';
  formId = '';
  action = '';

  constructor(
    readonly client: PortalClient,
    readonly url: string,
  ) {}

  async open(url = this.url): Promise<HttpResponse> {
    const res = await this.client.get(url);
    this.load(res.body);
    return res;
  }

  load(page: string): void {
    this.html = page;
    const form = /<form id="([^"]+)" name="[^"]+" method="post" action="([^"]+)"/.exec(page);
    if (form) {
      this.formId = form[1] ?? '';
      this.action = new URL((form[2] ?? '').replace(/&amp;/g, '&'), this.url).toString();
    }
    this.viewState = hiddenFields(page)['javax.faces.ViewState'] ?? this.viewState;
  }

  /** Submits the form as the AJAX script does (default) or as a plain POST (ajax: false). */
  async submit(source: string, fields: Record<string, string> = {}, ajax = true): Promise<SubmitResult> {
    const body = new URLSearchParams({ [this.formId]: this.formId, ...fields, 'javax.faces.ViewState': this.viewState });
    if (ajax) {
      body.set(source, source);
      body.set('javax.faces.partial.ajax', 'true');
      body.set('javax.faces.source', source);
      body.set('javax.faces.partial.execute', '@all');
      body.set('javax.faces.partial.render', `${this.formId}:pnlContenido`);
    } else body.set(source, '');
    const res = await this.client.post(this.action, body, ajax ? { 'Faces-Request': 'partial/ajax' } : {});
    if (!ajax || !/xml/.test(String(res.headers['content-type']))) {
      if (res.status === 200) this.load(res.body);
      return { res, html: res.body };
    }
    const partial = parsePartial(res.body);
    const vs = partial.updates.find((u) => u.id.includes('javax.faces.ViewState'));
    if (vs) this.viewState = vs.content;
    const region = partial.updates.find((u) => !u.id.includes('javax.faces.ViewState'));
    return { res, html: region?.content ?? '', ...(partial.redirect ? { redirect: partial.redirect } : {}) };
  }
}
