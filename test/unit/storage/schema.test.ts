import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isKnownKey, parseSettings, parseTicks, ticksItem } from '../../../src/storage/schema';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored, and reports garbage by name only', () => {
    expect(parseSettings(undefined)).toEqual({ value: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings('garbage')).toEqual({ value: DEFAULT_SETTINGS, problems: ['settings'] });
  });

  it('keeps valid values and drops invalid ones', () => {
    expect(parseSettings({ dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec', 7, '', 'app.iess.gob.ec'] })).toEqual({
      value: { dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] },
      problems: ['settings.hiddenHosts'],
    });
    expect(parseSettings({ dock: 'top', collapsed: 'yes' })).toEqual({
      value: DEFAULT_SETTINGS,
      problems: ['settings.dock', 'settings.collapsed'],
    });
  });
});

describe('parseTicks', () => {
  it('keeps only boolean ticks with short ids', () => {
    expect(parseTicks({ a: true, b: false, c: 'true', ['x'.repeat(81)]: true })).toEqual({
      value: { a: true, b: false },
      problems: ['ticks.entry'],
    });
    expect(parseTicks(null).value).toEqual({});
  });
  it('keys ticks by tab, in the session area', () => {
    expect(ticksItem(12)).toMatchObject({ key: 'ticks:12', area: 'session' });
  });
});

describe('isKnownKey', () => {
  it('knows every key the schema writes and nothing else', () => {
    expect(['settings', 'schemaVersion', 'ticks:4'].every(isKnownKey)).toBe(true);
    expect(['password', 'ticks:x', 'settings2'].some(isKnownKey)).toBe(false);
  });
});
