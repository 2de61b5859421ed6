/**
 * Who may ask the background for what. Content scripts share a page with untrusted code, so only our own
 * script in a top-level IESS page counts as `content`; only our own extension pages count as `extension`.
 */
import type { MessageSender } from '../platform/api';
import { isIessUrl } from '../platform/hosts';
import type { SenderKind } from '../messages';

/** Only our own content scripts, running in a top-level IESS page, may ask the background for anything. */
export function isTrustedSender(sender: MessageSender, extensionId: string | undefined): boolean {
  if (!extensionId || sender.id !== extensionId) return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  // `sender.url` is the frame that sent it and needs no "tabs" permission, unlike `tab.url`.
  const url = sender.url ?? sender.tab?.url;
  return typeof url === 'string' && isIessUrl(url);
}

/** One of our own pages (popup, options): its URL is under the extension's own origin. */
export function isExtensionPage(sender: MessageSender, extensionId: string | undefined, extensionOrigin: string): boolean {
  if (!extensionId || sender.id !== extensionId) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export function senderKind(sender: MessageSender, extensionId: string | undefined, extensionOrigin: string): SenderKind | null {
  if (isExtensionPage(sender, extensionId, extensionOrigin)) return 'extension';
  if (isTrustedSender(sender, extensionId) && sender.tab?.id !== undefined) return 'content';
  return null;
}

/** The host a content script runs on, from the sender (never from the message body, which the page could shape). */
export function senderHost(sender: MessageSender): string | null {
  try {
    return new URL(sender.url ?? sender.tab?.url ?? '').hostname || null;
  } catch {
    return null;
  }
}
