/** Background entry (Chrome service worker, Firefox event page): every listener is registered at start-up. */
import { platform } from '../platform/browser';
import { createBackground } from './background';

createBackground(platform).start();
