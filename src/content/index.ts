/**
 * Content-script entry. It runs at document_idle (the portal's form is parsed, and nothing of ours
 * competes with the page's own start-up) and only in the top frame: the CAPTCHA iframe is never touched.
 */
import { isIessUrl } from '../platform/hosts';
import { platform } from '../platform/browser';
import { ContentApp } from './app';

if (window.top === window && isIessUrl(location.href)) {
  new ContentApp(document, platform).start();
}
