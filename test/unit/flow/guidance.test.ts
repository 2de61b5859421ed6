import { describe, expect, it } from 'vitest';
import { ALERT_IDS, FLOW_IDS, STEP_IDS } from '../../../src/detect/vocabulary';
import { alertGuide, alertGuides } from '../../../src/flow/alerts';
import { GUIDED_STEPS, guideFor, guideMessageKeys } from '../../../src/flow/guidance';
import { OFFICIAL_LINKS } from '../../../src/flow/links';
import { progressFor, STAGE_LABELS, stageOf } from '../../../src/flow/progress';
import { catalogues, missingKeys } from './locales';

const guided = STEP_IDS.filter((s) => s !== 'none');

describe('guidance', () => {
  it('covers every step of the vocabulary except none', () => {
    expect([...GUIDED_STEPS].sort()).toEqual([...guided].sort());
  });

  it.each(FLOW_IDS)('gives every step real content in the %s flow', (flow) => {
    for (const step of guided) {
      const guide = guideFor(step, flow);
      expect(guide, `${step}/${flow}`).not.toBeNull();
      expect(guide!.ready.length, `${step}/${flow} ready`).toBeGreaterThan(0);
      expect(guide!.checklist.length, `${step}/${flow} checklist`).toBeGreaterThan(0);
      expect(guide!.mistakes.length, `${step}/${flow} mistakes`).toBeGreaterThanOrEqual(1);
      expect(guide!.mistakes.length, `${step}/${flow} mistakes`).toBeLessThanOrEqual(3);
    }
  });

  it('never guides a page that is not part of a recovery', () => {
    for (const flow of FLOW_IDS) expect(guideFor('none', flow)).toBeNull();
  });

  it('every message key a guide uses exists in both locales', () => {
    const keys = FLOW_IDS.flatMap((flow) => guided.flatMap((step) => guideMessageKeys(guideFor(step, flow)!)));
    expect(missingKeys(keys)).toEqual([]);
  });

  it('checklist ids are unique across steps within a flow and carry the flow when overridden', () => {
    for (const flow of FLOW_IDS) {
      const ids = guided.flatMap((step) => guideFor(step, flow)!.checklist.map((item) => item.id));
      expect(new Set(ids).size, flow).toBe(ids.length);
    }
    expect(guideFor('start', 'unlock')!.checklist.every((i) => i.id.startsWith('unlock.'))).toBe(true);
  });

  it('flows differ where the portal differs, and unknown falls back to recovery', () => {
    expect(guideFor('start', 'unlock')!.title).toBe('stepStartUnlockTitle');
    expect(guideFor('start', 'employer')!.title).toBe('stepStartEmployerTitle');
    expect(guideFor('done', 'unlock')!.links).toEqual(['recover']);
    for (const step of guided) expect(guideFor(step, 'unknown')).toEqual(guideFor(step, 'recover'));
  });

  it('change-key points to Generar / Recuperar clave and the unlock page', () => {
    const guide = guideFor('change-key', 'recover')!;
    expect(guide.links).toEqual(['recover', 'unlock']);
    expect(OFFICIAL_LINKS.recover.href).toBe('https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/');
    expect(OFFICIAL_LINKS.unlock.href).toBe(
      'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf',
    );
    expect(catalogues.es[guide.wants]!.message).toMatch(/Generar \/ Recuperar clave/);
  });

  it('links only to official https pages on iess.gob.ec', () => {
    for (const link of Object.values(OFFICIAL_LINKS)) {
      const url = new URL(link.href);
      expect(url.protocol).toBe('https:');
      expect(url.hostname.endsWith('.iess.gob.ec')).toBe(true);
    }
    expect(missingKeys(Object.values(OFFICIAL_LINKS).map((l) => l.label))).toEqual([]);
  });
});

describe('progress', () => {
  it('recover runs Identificación → Validación → Correo → Nueva clave → Listo', () => {
    expect(progressFor('start', 'recover').map((s) => s.id)).toEqual(['identify', 'validate', 'email', 'new-key', 'done']);
    expect(progressFor('verification', 'recover').map((s) => s.state)).toEqual([
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(progressFor('done', 'recover').at(-1)!.state).toBe('current');
  });

  it('unlock runs Identificación → Correo → Listo', () => {
    expect(progressFor('email-sent', 'unlock').map((s) => [s.id, s.state])).toEqual([
      ['identify', 'done'],
      ['email', 'current'],
      ['done', 'upcoming'],
    ]);
  });

  it('every guided step has a stage in every flow, except the pages outside the strip', () => {
    for (const flow of FLOW_IDS) {
      for (const step of guided) {
        const outside = step === 'change-key' || step === 'error';
        expect(stageOf(step, flow) === null, `${step}/${flow}`).toBe(outside);
      }
      expect(progressFor('error', flow).some((s) => s.state === 'current')).toBe(false);
    }
  });

  it('stage labels exist in both locales', () => {
    expect(missingKeys(Object.values(STAGE_LABELS))).toEqual([]);
  });
});

describe('alerts', () => {
  it.each(ALERT_IDS)('%s has a title, advice and keys in both locales', (id) => {
    for (const flow of FLOW_IDS) {
      const guide = alertGuide(id, flow);
      expect(guide.advice.length).toBeGreaterThanOrEqual(2);
      expect(missingKeys([guide.title, ...guide.advice])).toEqual([]);
    }
  });

  it('a blocked account offers the unlock page; an expired unlock link offers the unlock page again', () => {
    expect(alertGuide('account-blocked', 'recover').links).toEqual(['unlock']);
    expect(alertGuide('link-expired', 'unlock').links).toEqual(['unlock']);
    expect(alertGuide('link-expired', 'recover').links).toEqual(['recover']);
  });

  it('lists errors before warnings and drops duplicates', () => {
    const ids = alertGuides(['captcha-error', 'data-mismatch', 'captcha-error'], 'recover').map((g) => g.id);
    expect(ids).toEqual(['data-mismatch', 'captcha-error']);
  });

  it('says what the research says about the CAPTCHA and blocked accounts', () => {
    expect(catalogues.es.alertCaptchaExpiry!.message).toMatch(/dos minutos/);
    expect(catalogues.es.alertCaptchaRetick!.message).toMatch(/sin recargar/);
    expect(catalogues.es.alertBlockedOnline!.message).toMatch(/huella.*Centro de Atención Universal/);
    expect(catalogues.es.alertSessionIdle!.message).toMatch(/15 minutos/);
  });
});
