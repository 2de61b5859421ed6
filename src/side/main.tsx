import { render } from 'preact';
import '../i18n/catalogues';
import { uiLanguage } from '../i18n/t';
import { Side } from './Side';
import { sideStore } from './store';
import '../ui/pages.css';
import '../overlay/overlay.css';
import './side.css';

// The language override (options page) is applied before the first words render.
void sideStore
  .loadOptions()
  .catch(() => undefined)
  .finally(() => {
    document.documentElement.lang = uiLanguage();
    const root = document.getElementById('app');
    if (root) render(<Side store={sideStore} />, root);
  });
