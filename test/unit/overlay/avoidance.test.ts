import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldAvoider } from '../../../src/overlay/avoidance';
import { placeAt } from './helpers';

const wish = { side: 'right' as const, collapsed: false, userExpanded: false };
const setScroll = (y: number) => Object.defineProperty(window, 'scrollY', { value: y, configurable: true });

afterEach(() => {
  document.body.replaceChildren();
  setScroll(0);
  vi.restoreAllMocks();
});

function setUp() {
  const host = document.createElement('div');
  document.documentElement.append(host);
  placeAt(host, { left: 932, top: 8, width: 340, height: 600 });
  const field = document.body.appendChild(document.createElement('input'));
  // Under the panel's column, well below the window at first.
  placeAt(field, { left: 1000, top: 900, width: 200, height: 30 });
  let changes = 0;
  const avoider = new FieldAvoider(document, host, (n) => n === host, () => changes++);
  avoider.measure(false, { flip: false, collapse: false });
  return { avoider, host, field, changes: () => changes };
}

describe('FieldAvoider', () => {
  it('reads the page’s fields once, and a window scroll only shifts them', async () => {
    const { avoider, changes } = setUp();
    const query = vi.spyOn(document, 'querySelectorAll');
    expect(avoider.place(wish, null)).toEqual({ flip: false, collapse: false });
    expect(query).toHaveBeenCalledTimes(1);

    setScroll(500); // the field is now at top 400: under the panel
    document.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(changes()).toBe(1));
    expect(avoider.place(wish, null)).toEqual({ flip: true, collapse: false });
    expect(query).toHaveBeenCalledTimes(1);
    avoider.destroy();
  });

  it('reads the fields again after a resize, an inner panel’s scroll, or when told the page changed', async () => {
    const { avoider, changes } = setUp();
    const query = vi.spyOn(document, 'querySelectorAll');
    avoider.place(wish, null);
    window.dispatchEvent(new Event('resize'));
    await vi.waitFor(() => expect(changes()).toBe(1));
    avoider.place(wish, null);
    expect(query).toHaveBeenCalledTimes(2);

    const inner = document.body.appendChild(document.createElement('div'));
    inner.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(changes()).toBe(2));
    avoider.place(wish, null);
    expect(query).toHaveBeenCalledTimes(3);

    avoider.forgetFields();
    avoider.place(wish, null);
    expect(query).toHaveBeenCalledTimes(4);
    avoider.destroy();
  });
});
