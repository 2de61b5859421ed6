import { render } from 'preact';
import '../i18n/catalogues';
import { Popup } from './Popup';
import { pagesStore } from '../ui/pages-store';
import { uiLanguage } from '../i18n/t';
// The guide's styles first (the step guide shown where there is no side column), the popup's own on top.
import '../overlay/overlay.css';
import '../ui/pages.css';

// The language override (options page) is applied before the first words render.
void pagesStore
  .loadOptions()
  .catch(() => undefined)
  .finally(() => {
    document.documentElement.lang = uiLanguage();
    const root = document.getElementById('app');
    if (root) render(<Popup store={pagesStore} />, root);
  });
