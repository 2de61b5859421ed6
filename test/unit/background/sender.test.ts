import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src/background/sender';

const ID = 'claveguia-test';
describe('isTrustedSender', () => {
  it('trusts our content script in a top-level IESS page', () => {
    expect(isTrustedSender({ id: ID, frameId: 0, url: 'https://app.iess.gob.ec/x', tab: { id: 3 } as never }, ID)).toBe(true);
  });
  it.each([
    ['another extension', { id: 'other', frameId: 0, url: 'https://app.iess.gob.ec/' }],
    ['a sub-frame', { id: ID, frameId: 4, url: 'https://app.iess.gob.ec/' }],
    ['a non-IESS page', { id: ID, frameId: 0, url: 'https://evil.example/' }],
    ['no URL', { id: ID, frameId: 0 }],
  ])('rejects %s', (_label, sender) => {
    expect(isTrustedSender(sender, ID)).toBe(false);
  });
});

describe('senderKind', () => {
  const ORIGIN = 'chrome-extension://claveguia-test/';
  it('tells our own pages from our content scripts, and trusts nobody else', async () => {
    const { senderKind } = await import('../../../src/background/sender');
    expect(senderKind({ id: ID, url: `${ORIGIN}src/popup/index.html` }, ID, ORIGIN)).toBe('extension');
    expect(senderKind({ id: ID, frameId: 0, url: 'https://app.iess.gob.ec/', tab: { id: 2 } }, ID, ORIGIN)).toBe('content');
    expect(senderKind({ id: ID, frameId: 0, url: 'https://app.iess.gob.ec/' }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ id: 'other', url: `${ORIGIN}x` }, ID, ORIGIN)).toBeNull();
    expect(senderKind({ id: ID, url: 'https://app.iess.gob.ec/' }, undefined, ORIGIN)).toBeNull();
  });
});
