/**
 * "Guardar copia anónima de esta página" (issue 21): builds the copy on request, shows its text and what was
 * removed, and offers the file through a link the person clicks. Nothing is saved or sent by ClaveGuía; the
 * preview is the copy's own text, rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import { REMOVED_KINDS, type RemovedKind } from '../anonymize/counts';
import { t, type MessageKey } from '../i18n/t';
import type { CopyAnswer } from '../messages';

const KIND_KEYS: Record<RemovedKind, MessageKey> = {
  person: 'copyKindPerson',
  names: 'copyKindNames',
  options: 'copyKindOptions',
  values: 'copyKindValues',
  digits: 'copyKindDigits',
  emails: 'copyKindEmails',
  dates: 'copyKindDates',
  addresses: 'copyKindAddresses',
  tokens: 'copyKindTokens',
  images: 'copyKindImages',
  scripts: 'copyKindScripts',
  handlers: 'copyKindHandlers',
  comments: 'copyKindComments',
  other: 'copyKindOther',
};

export const COPY_FILE_NAME = 'claveguia-copia-anonima.html';

type State = { status: 'idle' | 'making' | 'failed' } | { status: 'ready'; copy: CopyAnswer; href: string };

export function AnonCopy({ make, idPrefix }: { make: () => Promise<CopyAnswer | null>; idPrefix: string }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const href = state.status === 'ready' ? state.href : null;
  // The file's address lives as long as it is offered.
  useEffect(() => () => void (href && URL.revokeObjectURL(href)), [href]);

  const build = async () => {
    setState({ status: 'making' });
    const copy = await make().catch(() => null);
    if (!copy) {
      setState({ status: 'failed' });
      return;
    }
    setState({ status: 'ready', copy, href: URL.createObjectURL(new Blob([copy.html], { type: 'text/html' })) });
  };

  return (
    <div class="cg-copy" data-copy={state.status}>
      <button type="button" class="cg-button cg-button-secondary" data-action="make-copy" disabled={state.status === 'making'} onClick={() => void build()}>
        {t('copyMake')}
      </button>
      <p class="cg-muted" role="status">
        {state.status === 'making' ? t('copyMaking') : state.status === 'failed' ? t('copyFailed') : state.status === 'ready' ? t('copyReady') : ''}
      </p>
      {state.status === 'ready' && (
        <>
          <h4 id={`${idPrefix}-removed`}>{t('copyRemovedHeading')}</h4>
          <ul aria-labelledby={`${idPrefix}-removed`} data-copy-removed="">
            {REMOVED_KINDS.filter((k) => state.copy.removed[k] > 0).map((k) => (
              <li key={k} data-kind={k}>
                {t(KIND_KEYS[k], String(state.copy.removed[k]))}
              </li>
            ))}
          </ul>
          <h4>{t('copyPreviewHeading')}</h4>
          <pre class="cg-copy-preview" tabIndex={0} aria-label={t('copyPreviewLabel')} data-copy-preview="">
            {state.copy.preview}
          </pre>
          <a class="cg-button cg-button-primary" href={state.href} download={COPY_FILE_NAME} data-action="save-copy">
            {t('copySave')}
          </a>
          <p class="cg-muted">{t('copyNote')}</p>
        </>
      )}
    </div>
  );
}
