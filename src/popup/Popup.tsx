import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { OFFICIAL_LINKS } from '../flow/links';
import type { Settings } from '../storage/schema';
import type { PopupStore } from './store';
import { Countdown } from './Countdown';


export function Popup({ store }: { store: PopupStore }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [erase, setErase] = useState<'idle' | 'done' | 'failed'>('idle');

  useEffect(() => {
    void store.loadSettings().then(setSettings);
    return store.subscribe(setSettings);
  }, [store]);

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header>
        <h1 id="popup-title">{t('popupTitle')}</h1>
        <p class="tagline">{t('popupTagline')}</p>
      </header>
      <Countdown />
      <p class="privacy">{t('popupPrivacy')}</p>
      <p>
        <a href={OFFICIAL_LINKS.recover.href} target="_blank" rel="noopener noreferrer">
          {t('popupOpenPortal')}
        </a>
      </p>
      <section aria-labelledby="hidden-heading">
        <h2 id="hidden-heading">{t('popupHiddenHeading')}</h2>
        {settings && settings.hiddenHosts.length === 0 && <p>{t('popupHiddenNone')}</p>}
        {settings && settings.hiddenHosts.length > 0 && (
          <ul class="hidden-hosts">
            {settings.hiddenHosts.map((host) => (
              <li key={host}>
                <button type="button" onClick={() => void store.showOnHost(host).then(setSettings)}>
                  {t('popupShowAgain', host)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="erase-heading">
        <h2 id="erase-heading">{t('popupEraseHeading')}</h2>
        <p class="hint">{t('popupEraseHint')}</p>
        <button
          type="button"
          class="erase"
          onClick={() =>
            void store.eraseAll().then(
              async () => {
                setSettings(await store.loadSettings());
                setErase('done');
              },
              () => setErase('failed'),
            )
          }
        >
          {t('popupErase')}
        </button>
        {/* Exists before it speaks, so screen readers announce the confirmation. */}
        <p role="status" class="status">
          {erase === 'done' ? t('popupErased') : erase === 'failed' ? t('popupEraseFailed') : ''}
        </p>
      </section>
      <p class="shortcuts">{t('popupShortcuts')}</p>
    </main>
  );
}
