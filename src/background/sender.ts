import type { Runtime } from 'webextension-polyfill';
import { isIessUrl } from '../platform/hosts';

/** Only our own content scripts, running in a top-level IESS page, may ask the background for anything. */
export function isTrustedSender(sender: Runtime.MessageSender, extensionId: string): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  // `sender.url` is the frame that sent it and needs no "tabs" permission, unlike `tab.url`.
  const url = sender.url ?? sender.tab?.url;
  return typeof url === 'string' && isIessUrl(url);
}
