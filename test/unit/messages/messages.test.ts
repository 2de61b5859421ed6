import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMAND_TO_MESSAGE, parseToBackground, parseToContent } from '../../../src/messages';

describe('messages', () => {
  it('accepts only known messages for the content script', () => {
    expect(parseToContent({ type: 'overlay:toggle' })).toEqual({ type: 'overlay:toggle' });
    expect(parseToContent({ type: 'overlay:focus', extra: 1 })).toEqual({ type: 'overlay:focus' });
    expect(parseToContent({ type: 'eval' })).toBeNull();
    expect(parseToContent('overlay:toggle')).toBeNull();
  });

  it('accepts only known messages for the background and cleans their payload', () => {
    expect(parseToBackground({ type: 'ticks:get' })).toEqual({ type: 'ticks:get' });
    expect(parseToBackground({ type: 'ticks:set', ticks: { a: true, b: 'x' } })).toEqual({ type: 'ticks:set', ticks: { a: true } });
    expect(parseToBackground({ type: 'storage:clear' })).toBeNull();
    expect(parseToBackground(undefined)).toBeNull();
  });

  it('maps every declared keyboard command, and only those', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));
    expect(Object.keys(COMMAND_TO_MESSAGE).sort()).toEqual(Object.keys(manifest.commands).sort());
  });
});
