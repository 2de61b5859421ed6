/**
 * Injection into a content script's own isolated world (its tab and frame, never the page's world), once per
 * document: a first, tiny injection asks that world whether what `key` names is already there (an AJAX
 * re-render back to the step, a second request) and the file follows only when it is not (the guide skips
 * that probe, see injectGuide). Two files take this
 * path: the strength estimator (`estimator:load`, when the person starts typing the new key) and the guide
 * (`guide:load`, when the resident script detects a recovery step). The dispatcher has already checked that the
 * sender is our content script in a top-level IESS page. Nothing of the page crosses here: the messages are
 * empty and the answer is a boolean.
 */
import { GUIDE_FILE, GUIDE_KEY } from '../content/guide-contract';
import { ESTIMATOR_FILE, ESTIMATOR_KEY } from '../estimator/contract';
import type { MessageSender, PlatformApi } from '../platform/api';
import { isIessUrl } from '../platform/hosts';
import { presentInWorld } from '../platform/world';

/**
 * True when the sender's world holds what `key` names (it was there, or is now). `probe: false` skips the
 * first injection for a sender that asks only after looking in its own world (the resident, for the guide):
 * one round trip less between a detected step and the guide on screen.
 */
export async function injectOnce(api: PlatformApi, sender: MessageSender, file: string, key: string, probe = true): Promise<boolean> {
  const scripting = api.scripting;
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  if (!scripting || tabId === undefined || typeof url !== 'string' || !isIessUrl(url)) return false;
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  try {
    if (probe) {
      const [there] = await scripting.executeScript({ target, world: 'ISOLATED', func: presentInWorld, args: [key] });
      if (there?.result === true) return true;
    }
    await scripting.executeScript({ target, world: 'ISOLATED', files: [file] });
    return true;
  } catch {
    // The tab navigated or closed meanwhile: nothing to do, the next detection asks again.
    return false;
  }
}

/** `estimator:load`: the strength estimator, for the new key being typed. */
export const injectEstimator = (api: PlatformApi, sender: MessageSender): Promise<boolean> =>
  injectOnce(api, sender, ESTIMATOR_FILE, ESTIMATOR_KEY);

/**
 * `guide:load`: the guide (overlay, warnings, field watcher), where a recovery step was detected. The resident
 * asks once per document and only when its world does not hold the guide (resident.ts), so no probe first.
 */
export const injectGuide = (api: PlatformApi, sender: MessageSender): Promise<boolean> => injectOnce(api, sender, GUIDE_FILE, GUIDE_KEY, false);
