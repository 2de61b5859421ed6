/** JSF plumbing: view states, partial responses, the AJAX/full-page reply and client ids. */
import { randomBytes } from 'node:crypto';
import type { SafeHtml } from './html';

export const VIEW_STATE_NAME = 'javax.faces.ViewState';
export const VIEW_STATE_ID = 'j_id1:javax.faces.ViewState:0';

/**
 * Client-side state saving (the IESS template) gives a long base64 blob that starts like a gzip
 * stream. Ours is random: the server remembers the last one it issued per view and session.
 */
export function newViewState(): string {
  return 'H4sIAAAAAAAAAK' + randomBytes(540).toString('base64');
}

/** A fixed, long view state for the offline catalogue. */
export const CATALOGUE_VIEW_STATE = 'H4sIAAAAAAAAAK' + 'U1NJTVVMQUNJT04tQ0xBVkVHVUlBLQ'.repeat(24);

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const htmlReply = (body: SafeHtml | string, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers },
  body: String(body),
});

/** CDATA cannot contain "]]>": split it across two sections. */
const cdata = (text: string): string => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function partialResponse(updates: ReadonlyArray<{ id: string; content: string }>): Reply {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<partial-response id="j_id1"><changes>` +
    updates.map((u) => `<update id="${u.id.replace(/"/g, '&quot;')}">${cdata(u.content)}</update>`).join('') +
    `</changes></partial-response>`;
  return { status: 200, headers: { 'Content-Type': 'text/xml; charset=UTF-8', 'Cache-Control': 'no-cache' }, body };
}

/** JSF's AJAX redirect: a partial response the client follows (used for expiry and error pages). */
export function redirectReply(url: string, ajax: boolean): Reply {
  if (ajax) {
    return {
      status: 200,
      headers: { 'Content-Type': 'text/xml; charset=UTF-8' },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<partial-response id="j_id1"><redirect url="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></redirect></partial-response>`,
    };
  }
  return { status: 302, headers: { Location: url, 'Content-Type': 'text/html; charset=UTF-8' }, body: '' };
}

export const isAjax = (form: URLSearchParams, headers: Record<string, string | string[] | undefined>): boolean =>
  form.get('javax.faces.partial.ajax') === 'true' || headers['faces-request'] === 'partial/ajax';

/** Which command component submitted: the AJAX source, or the button's own name=value in a full POST. */
export function submittedBy(form: URLSearchParams, candidates: readonly string[]): string | undefined {
  const source = form.get('javax.faces.source');
  if (source && candidates.includes(source)) return source;
  return candidates.find((c) => form.has(c));
}
