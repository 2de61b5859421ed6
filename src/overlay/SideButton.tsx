import { t } from '../i18n/t';
import { Icon } from '../ui/Icon';
import { VisuallyHidden } from '../ui/VisuallyHidden';

/** Where the side area stands for this page: open in the window, refused from a click (hint), or unavailable. */
export interface SideView {
  open: boolean;
  hint: boolean;
  available: boolean;
}

/** "Guía al lado": moves the guide into the browser's own column, so it can be read while typing. */
export function SideButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" class="cg-button cg-button-secondary cg-side-button" data-action="side" onClick={onOpen}>
      <Icon name="side" size={18} />
      <span>{t('ovSideOpen')}</span>
      {/* Visible words first, then what it does (WCAG 2.5.3). */}
      <VisuallyHidden>{`: ${t('ovSideOpenAction')}`}</VisuallyHidden>
    </button>
  );
}

/** Firefox opens its sidebar only from its own controls: the shortcut or the toolbar button. */
export function SideHint() {
  return (
    <p class="cg-side-hint" data-cg-side-hint="">
      {t('ovSideHint')}
    </p>
  );
}
