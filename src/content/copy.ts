/**
 * The anonymous copy of this tab's page (issue 21), built here where the page is: the active person's data
 * comes from the background for the comparison, in memory, and goes nowhere else. Asked by the QA panel and,
 * through `copy:make`, by the side area; the answer stays in the extension.
 */
import { anonymize, type CopyPerson } from '../anonymize';
import type { CopyAnswer } from '../messages';
import { pageUrl } from '../page/location';
import type { PlatformApi } from '../platform/api';

function copyPerson(answer: unknown): CopyPerson | null {
  if (!answer || typeof answer !== 'object') return null;
  const a = answer as Record<string, unknown>;
  const person: CopyPerson = {};
  if (typeof a.cedula === 'string') person.cedula = a.cedula;
  if (typeof a.names === 'string') person.names = a.names;
  if (typeof a.email === 'string') person.email = a.email;
  if (typeof a.birthDay === 'number' && typeof a.birthMonth === 'number') Object.assign(person, { birthDay: a.birthDay, birthMonth: a.birthMonth });
  return person;
}

export async function makeCopy(doc: Document, api: PlatformApi): Promise<CopyAnswer> {
  const person = copyPerson(await api.runtime.sendMessage({ type: 'person:active' }).catch(() => null));
  const copy = anonymize(doc, pageUrl(doc), { person });
  return { html: copy.html, preview: copy.preview, url: copy.url, removed: copy.removed };
}
