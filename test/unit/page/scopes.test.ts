import { afterEach, describe, expect, it } from 'vitest';
import { deepActiveElement, queryScopes } from '../../../src/page/scopes';

afterEach(() => document.body.replaceChildren());

/** A page with one field in the document and two in a component's open shadow root. */
function page() {
  document.body.append(Object.assign(document.createElement('input'), { id: 'outside' }));
  const host = document.body.appendChild(document.createElement('iess-form'));
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(Object.assign(document.createElement('input'), { id: 'in1' }), Object.assign(document.createElement('input'), { id: 'in2' }));
  return { host, shadow };
}

describe('page scopes', () => {
  it('queries the document, then each shadow root given, up to a limit', () => {
    const { shadow } = page();
    expect(queryScopes(() => [document], 'input').map((e) => e.id)).toEqual(['outside']);
    expect(queryScopes(() => [document, shadow], 'input').map((e) => e.id)).toEqual(['outside', 'in1', 'in2']);
    expect(queryScopes(() => [document, shadow], 'input', 2).map((e) => e.id)).toEqual(['outside', 'in1']);
  });

  it('finds the focused field inside an open shadow root, but not inside a host it is told to stop at', () => {
    const { host, shadow } = page();
    (shadow.querySelector('#in2') as HTMLInputElement).focus();
    expect(document.activeElement).toBe(host);
    expect(deepActiveElement(document)?.id).toBe('in2');
    expect(deepActiveElement(document, (el) => el === host)).toBe(host);
  });
});
