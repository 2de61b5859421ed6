import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../../src/platform/capabilities';

const open = async () => undefined;
const onCommand = { addListener: () => undefined, removeListener: () => undefined };

describe('capabilitiesOf: what the browser offers, detected from the API', () => {
  it('Chrome: side panel and shortcuts', () => {
    expect(capabilitiesOf({ sidePanel: { open }, commands: { onCommand } })).toEqual({ side: 'panel', shortcuts: true });
  });
  it('Firefox desktop: sidebar and shortcuts', () => {
    expect(capabilitiesOf({ sidebarAction: { open }, commands: { onCommand } })).toEqual({ side: 'sidebar', shortcuts: true });
  });
  it('Firefox for Android: neither a side column nor shortcuts', () => {
    expect(capabilitiesOf({})).toEqual({ side: null, shortcuts: false });
  });
});
