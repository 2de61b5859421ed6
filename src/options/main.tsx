import { render } from 'preact';
import '../i18n/catalogues';
import { t, uiLanguage } from '../i18n/t';
import { pagesStore } from '../ui/pages-store';
import '../ui/pages.css';
import { OptionsPage } from './Options';

// The language override is applied before the first words render.
void pagesStore
  .loadOptions()
  .catch(() => undefined)
  .finally(() => {
    document.documentElement.lang = uiLanguage();
    document.title = t('ppOptionsTitle');
    const root = document.getElementById('app');
    if (root) render(<OptionsPage store={pagesStore} />, root);
  });
