import { afterEach } from 'vitest';
import { resetFakeBrowser } from './fakes/browser';

afterEach(() => {
  resetFakeBrowser();
});
