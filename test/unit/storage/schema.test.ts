import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, parseTicks, ticksKey } from '../../../src/storage/schema';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and drops invalid ones', () => {
    expect(parseSettings({ dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec', 7, '', 'app.iess.gob.ec'] })).toEqual({
      schemaVersion: 1,
      dock: 'left',
      collapsed: true,
      hiddenHosts: ['app.iess.gob.ec'],
    });
    expect(parseSettings({ dock: 'top', collapsed: 'yes' })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('parseTicks', () => {
  it('keeps only boolean ticks with short ids', () => {
    expect(parseTicks({ a: true, b: false, c: 'true', ['x'.repeat(81)]: true })).toEqual({ a: true, b: false });
    expect(parseTicks(null)).toEqual({});
  });
  it('keys ticks by tab', () => {
    expect(ticksKey(12)).toBe('ticks:12');
  });
});
