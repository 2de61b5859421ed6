import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { Icon } from '../ui/Icon';

/** "Ocultar en este sitio" asks once before acting, because the person may not know how to undo it. */
export function HideOnSite({ onConfirm }: { onConfirm: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useLayoutEffect(() => {
    // Keep focus where the person is working: on Cancel when asking, back on the button when cancelled.
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={openRef} type="button" class="cg-button cg-button-quiet" data-action="hide-site" onClick={() => setConfirming(true)}>
        <Icon name="hide" size={18} />
        <span>{t('ovHideSite')}</span>
      </button>
    );
  }
  return (
    <div class="cg-confirm" role="group" aria-labelledby="cg-hide-question">
      <p id="cg-hide-question">{t('ovHideConfirm')}</p>
      <div class="cg-row">
        <button type="button" class="cg-button" data-action="hide-site-yes" onClick={onConfirm}>
          {t('ovHideYes')}
        </button>
        <button ref={cancelRef} type="button" class="cg-button cg-button-secondary" data-action="hide-site-no" onClick={() => setConfirming(false)}>
          {t('ovHideNo')}
        </button>
      </div>
    </div>
  );
}
