import { render } from 'preact';
import '../i18n/catalogues';
import { t, uiLanguage } from '../i18n/t';
import { popupStore } from '../popup/store';
import '../popup/popup.css';
import { OptionsPage } from './Options';

// The language override is applied before the first words render.
void popupStore
  .loadOptions()
  .catch(() => undefined)
  .finally(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('ppOptionsTitle');
    const root = document.getElementById('app');
    if (root) render(<OptionsPage store={popupStore} />, root);
  });
