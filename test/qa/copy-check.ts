/**
 * Whether a file is an anonymous copy fit for the corpus: made by src/anonymize (its marker), and holding no
 * run of four digits, no e-mail address that is not a shape, no address with a query string or a fragment, no
 * field value, no script or event handler. A check on the file's text, so a hand-edited copy is checked too.
 */
import { COPY_MARKER } from '../../src/anonymize';

export function copyProblems(html: string): string[] {
  const problems: string[] = [];
  const head = html.slice(0, 4000);
  if (!new RegExp(`<meta name="${COPY_MARKER}"`).test(head)) problems.push(`not an anonymous copy (no <meta name="${COPY_MARKER}">): make one with npm run anonymize`);
  for (const run of new Set(html.match(/\d{4,}/g) ?? [])) problems.push(`a run of ${run.length} digits`);
  for (const address of new Set(html.match(/[A-Za-z0-9._%+*•-]+@[A-Za-z0-9*•-]+(?:\.[A-Za-z0-9*•-]+)*\.[A-Za-z]{2,}/g) ?? [])) {
    const [local = '', domain = ''] = address.split('@');
    const shape = /^[x*•._-]+$/.test(local) && /^[x*•.-]+\.[a-z]{2,6}$/.test(domain);
    if (!shape) problems.push(`an e-mail address (${address.length} characters)`);
  }
  if (/(?:href|action|src)="[^"]*[?][^"]*"/i.test(html) || /https?:\/\/[^\s"'<>]*\?/i.test(html)) problems.push('an address with a query string');
  if (/(?:href|action)="[^"#]*#[^"]+"/i.test(html)) problems.push('an address with a fragment');
  if (/;jsessionid=/i.test(html)) problems.push('a session id in an address');
  if (/<input(?![^>]*type="(?:submit|button|reset)")[^>]*\svalue="[^"]+"/i.test(html)) problems.push('a field value');
  if (/<textarea[^>]*>[^<\s]/i.test(html)) problems.push('a text area with content');
  if (/<script(?![^>]*type="text\/plain")/i.test(html)) problems.push('a script');
  if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) problems.push('an event handler');
  return problems;
}
