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
