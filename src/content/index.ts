/**
 * Content-script entry: the resident script (resident.ts), declared in the manifest for every IESS page. It
 * runs at document_idle (the portal's form is parsed, and nothing of ours competes with the page's own
 * start-up) and only in the top frame: the CAPTCHA iframe is never touched. The guide is not in this file: the
 * background injects it where a recovery step is detected (guide-contract.ts).
 */
import { isIessUrl } from '../platform/hosts';
import { platform } from '../platform/native';
import { Resident } from './resident';

/**
 * Once per script world. The background re-injects into open IESS tabs after an install or update; a tab
 * that loaded meanwhile already runs this script in the same world, and must not get a second copy. (An
 * update gives the new script a new world, so it still starts there.) The page cannot reach this world.
 */
const STARTED = Symbol.for('claveguia.content.started');
const world = globalThis as unknown as Record<symbol, boolean | undefined>;

if (window.top === window && isIessUrl(location.href) && !world[STARTED]) {
  world[STARTED] = true;
  new Resident(document, platform).start();
}
