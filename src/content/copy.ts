/**
 * The anonymous copy of this tab's page (issue 21), built here where the page is: the active person's data
 * comes from the background for the comparison, in memory, and goes nowhere else. Asked by the QA panel and,
 * through `copy:make`, by the side area; the answer stays in the extension.
 */
import { anonymize, type CopyPerson } from '../anonymize';
import type { ActivePersonData, CopyAnswer } from '../messages';
import { ask } from '../messages/replies';
import { pageUrl } from '../page/location';
import type { PlatformApi } from '../platform/api';

function withoutLabel({ label: _label, ...data }: ActivePersonData): CopyPerson {
  return data;
}

export async function makeCopy(doc: Document, api: PlatformApi): Promise<CopyAnswer> {
  // Every prepared field (not only what one step compares): the copy removes each wherever the page shows it.
  const active = await ask(api.runtime, { type: 'person:copy' });
  const person: CopyPerson | null = active && withoutLabel(active);
  const copy = anonymize(doc, pageUrl(doc), { person });
  return { html: copy.html, preview: copy.preview, url: copy.url, removed: copy.removed };
}
