import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMAND_TO_MESSAGE, TO_BACKGROUND, parseToBackground, parseToContent } from '../../../src/messages';
import { SIDE_COMMAND } from '../../../src/platform/manifest';

describe('messages', () => {
  it('accepts only known messages for the content script', () => {
    expect(parseToContent({ type: 'overlay:toggle' })).toEqual({ type: 'overlay:toggle' });
    expect(parseToContent({ type: 'overlay:focus', extra: 1 })).toEqual({ type: 'overlay:focus' });
    expect(parseToContent({ type: 'data:erased' })).toEqual({ type: 'data:erased' });
    expect(parseToContent({ type: 'person:changed', label: 'x' })).toEqual({ type: 'person:changed' });
    expect(parseToContent({ type: 'eval' })).toBeNull();
    expect(parseToContent('overlay:toggle')).toBeNull();
  });

  it('accepts only known messages for the background and cleans their payload', () => {
    expect(parseToBackground({ type: 'ticks:get' })).toEqual({ type: 'ticks:get' });
    expect(parseToBackground({ type: 'ticks:set', ticks: { a: true, b: 'x' } })).toEqual({ type: 'ticks:set', ticks: { a: true } });
    expect(parseToBackground({ type: 'settings:patch', patch: { dock: 'left', hiddenHosts: ['x'] } })).toEqual({
      type: 'settings:patch',
      patch: { dock: 'left' },
    });
    expect(parseToBackground({ type: 'settings:patch', patch: { dock: 'up' } })).toBeNull();
    // The host to hide comes from the sender, never from the message.
    expect(parseToBackground({ type: 'site:hide', host: 'evil.example' })).toEqual({ type: 'site:hide' });
    expect(parseToBackground({ type: 'page:step', step: 'identity', flow: 'recover', cedula: '1' })).toEqual({
      type: 'page:step',
      step: 'identity',
      flow: 'recover',
      alerts: [],
    });
    // Alert ids only, known ones, once each: the side area gives the advice for them.
    expect(
      parseToBackground({ type: 'page:step', step: 'verification', flow: 'recover', alerts: ['data-mismatch', 'x', '<img>', 'data-mismatch'] }),
    ).toEqual({ type: 'page:step', step: 'verification', flow: 'recover', alerts: ['data-mismatch'] });
    expect(parseToBackground({ type: 'page:step', step: 'owned', flow: 'recover' })).toBeNull();
    // The estimator request is empty: whatever else it carries is dropped.
    expect(parseToBackground({ type: 'estimator:load', key: 'secreto1', tabId: 7 })).toEqual({ type: 'estimator:load' });
    expect(parseToBackground({ type: 'storage:clear' })).toBeNull();
    expect(parseToBackground({ type: 'toString' })).toBeNull();
    expect(parseToBackground(undefined)).toBeNull();
  });

  it('says who may send each message: only our pages may erase', () => {
    expect(Object.entries(TO_BACKGROUND).map(([type, e]) => `${type}:${e.from}`)).toEqual([
      'ticks:get:content',
      'ticks:set:content',
      'settings:patch:content',
      'site:hide:content',
      'data:erase:extension',
      'page:step:content',
      'side:open:content',
      'side:get:content',
      'person:active:content',
      'person:copy:content',
      'i18n:catalogue:content',
      'estimator:load:content',
      'guide:load:content',
      'countdown:start:extension',
      'countdown:stop:extension',
    ]);
  });

  it('asks for a catalogue only by a language we ship', () => {
    expect(parseToBackground({ type: 'i18n:catalogue', language: 'en' })).toEqual({ type: 'i18n:catalogue', language: 'en' });
    expect(parseToBackground({ type: 'i18n:catalogue', language: 'fr' })).toBeNull();
    expect(parseToBackground({ type: 'i18n:catalogue', language: '__proto__' })).toBeNull();
  });

  it('maps every declared keyboard command, and only those', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));
    // The side area's command is the background's own (it opens the side panel); the rest go to the page.
    expect([...Object.keys(COMMAND_TO_MESSAGE), SIDE_COMMAND].sort()).toEqual(Object.keys(manifest.commands).sort());
  });
});
