/**
 * `estimator:load`: the content script on the new-key step asks for the strength estimator. It is injected
 * into that sender's own tab and frame, into the isolated world its content script runs in (never the page's),
 * and only once per document: a first, tiny injection asks that world whether the estimator is already there
 * (an AJAX re-render back to the step, a second request) and the file follows only when it is not. The
 * dispatcher has already checked that the sender is our content script in a top-level IESS page. Nothing of the
 * page, and never the key, crosses here: the message is empty and the answer is a boolean.
 */
import { ESTIMATOR_FILE, ESTIMATOR_KEY, estimatorPresent } from '../estimator/contract';
import type { MessageSender, PlatformApi } from '../platform/api';
import { isIessUrl } from '../platform/hosts';

/** True when the sender's world holds the estimator (it was there, or is now). */
export async function injectEstimator(api: PlatformApi, sender: MessageSender): Promise<boolean> {
  const scripting = api.scripting;
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  if (!scripting || tabId === undefined || typeof url !== 'string' || !isIessUrl(url)) return false;
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  try {
    const [probe] = await scripting.executeScript({ target, world: 'ISOLATED', func: estimatorPresent, args: [ESTIMATOR_KEY] });
    if (probe?.result === true) return true;
    await scripting.executeScript({ target, world: 'ISOLATED', files: [ESTIMATOR_FILE] });
    return true;
  } catch {
    // The tab navigated or closed meanwhile: nothing to do, the next new-key step asks again.
    return false;
  }
}
