import '../../../src/i18n/catalogues';
import { afterEach, describe, expect, it } from 'vitest';
import { forcedLanguage, setLanguage, t, uiLanguage } from '../../../src/i18n/t';

afterEach(() => setLanguage('auto'));

describe('language override', () => {
  it('follows the browser by default (the fake browser is Spanish)', () => {
    expect(forcedLanguage()).toBeNull();
    expect(t('flowUnlock')).toBe('Desbloqueo de clave');
    expect(uiLanguage()).toBe('es');
  });

  it('forces English with the same placeholders, and back', () => {
    setLanguage('en');
    expect(uiLanguage()).toBe('en');
    expect(t('preflightSummary', '3', '8')).toBe('3 of 8 ready');
    expect(t('ppOverlayHelping', 'Mum')).toBe('Helping: Mum');
    expect(t('valEmailSuggestion', 'a@b.c$1')).toContain('a@b.c$1');
    setLanguage('es');
    expect(t('ppOverlayHelping', 'Mamá')).toBe('Ayudando a: Mamá');
    setLanguage('klingon');
    expect(forcedLanguage()).toBeNull();
  });
});
