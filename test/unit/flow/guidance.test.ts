import { describe, expect, it } from 'vitest';
import { ALERT_IDS, FLOW_IDS, STEP_IDS } from '../../../src/detect/vocabulary';
import { alertGuide, alertGuides, alertMessageKeys } from '../../../src/flow/alerts';
import { alertScreenExamples, GUIDED_STEPS, guideFor, guideMessageKeys } from '../../../src/flow/guidance';
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
    expect(guideFor('identity', 'unlock')!.checklist.every((i) => i.id.startsWith('unlock.'))).toBe(true);
    expect(guideFor('identity', 'employer')!.checklist.every((i) => i.id.startsWith('employer.'))).toBe(true);
    expect(guideFor('start', 'employer')!.checklist.every((i) => i.id.startsWith('employer.'))).toBe(true);
  });

  it('flows differ where the portal differs, and unknown falls back to recovery', () => {
    expect(guideFor('identity', 'unlock')!.title).toBe('stepIdentityUnlockTitle');
    expect(guideFor('identity', 'employer')!.title).toBe('stepIdentityEmployerTitle');
    expect(guideFor('start', 'employer')!.title).toBe('stepStartEmployerTitle');
    // The unlock flow has no login page of its own: it gets the common "choose the right option" guide.
    expect(guideFor('start', 'unlock')).toEqual(guideFor('start', 'recover'));
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

  it('start is the login page: it sends the person to the right option and never asks for data', () => {
    const guide = guideFor('start', 'recover')!;
    expect(guide.title).toBe('stepStartTitle');
    expect(guide.links).toEqual(['recover', 'unlock']);
    expect(guide.checklist.map((i) => i.id)).toEqual(['start.option', 'start.noguess', 'start.inbox']);
    const es = catalogues.es;
    expect(es[guide.title]!.message).toBe('Elija la opción correcta');
    expect(es[guide.wants]!.message).toMatch(/«Generar \/ Recuperar clave».*«Desbloqueo de clave»/);
    expect(es[guide.next]!.message).toMatch(/cédula.*«No soy un robot»/);
    expect(guide.mistakes.map((m) => es[m.fix]!.message).join(' ')).toMatch(/bloquear la clave.*clave actual/);
    const employer = guideFor('start', 'employer')!;
    expect(es[employer.wants]!.message).toMatch(/«Recuperar clave»/);
    expect(guideMessageKeys(employer).map((k) => es[k]!.message).join(' ')).toMatch(/RUC.*sucursal.*representante legal/);
  });

  it('identity is the cédula + CAPTCHA page, and says the name, birth date and questions come next', () => {
    const guide = guideFor('identity', 'recover')!;
    expect(guide.checklist.map((i) => i.id)).toEqual(['identity.id', 'identity.captcha', 'identity.inbox']);
    const es = catalogues.es;
    expect(es[guide.title]!.message).toBe('Identifíquese con su cédula');
    expect(es[guide.wants]!.message).toMatch(/cédula.*«No soy un robot»/);
    expect(es[guide.next]!.message).toMatch(/nombre.*día y el mes.*preguntas de seguridad/);
    expect(guideFor('identity', 'unlock')!.checklist.map((i) => i.id)).toEqual([
      'unlock.identity.id',
      'unlock.identity.fingerprint',
      'unlock.identity.inbox',
    ]);
    expect(guideFor('identity', 'employer')!.checklist.map((i) => i.id)).toEqual([
      'employer.identity.ruc',
      'employer.identity.branch',
      'employer.identity.rep',
      'employer.identity.captcha',
    ]);
  });

  it('verification is one guide for the name, birth day and month, and the questions', () => {
    const guide = guideFor('verification', 'recover')!;
    expect(guide.checklist.map((i) => i.id)).toEqual([
      'verification.name',
      'verification.date',
      'verification.read',
      'verification.exact',
    ]);
    expect(guide.mistakes.map((m) => m.problem)).toEqual([
      'stepVerificationMistakeMemory',
      'stepVerificationMistakeRetry',
      'stepVerificationMistakeOrder',
    ]);
    const es = catalogues.es;
    expect(es[guide.title]!.message).toBe('Confirme sus datos y responda las preguntas');
    expect(es[guide.wants]!.message).toMatch(/nombre.*día y el mes.*trabajos.*personales/);
  });

  it('the catalogues hold no step or alert text that no guide shows', () => {
    const screens = alertScreenExamples().map(({ step, flow, alert }) => guideFor(step, flow, [alert])!);
    const used = new Set<string>([
      ...FLOW_IDS.flatMap((flow) => guided.flatMap((step) => guideMessageKeys(guideFor(step, flow)!))),
      ...screens.flatMap(guideMessageKeys),
      ...alertMessageKeys(),
    ]);
    for (const lang of ['es', 'en'] as const) {
      const unused = Object.keys(catalogues[lang]).filter((k) => /^(step|alert)[A-Z]/.test(k) && !used.has(k));
      expect(unused, lang).toEqual([]);
    }
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.es).sort());
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
    // The login page and the cédula page are Identificación; the name, birth date and questions are Validación.
    expect(stageOf('start', 'recover')).toBe('identify');
    expect(stageOf('identity', 'recover')).toBe('identify');
    expect(progressFor('identity', 'recover')[0]!.state).toBe('current');
    for (const step of ['verification', 'security-image', 'profile'] as const) {
      expect(stageOf(step, 'recover'), step).toBe('validate');
    }
    for (const flow of ['unlock', 'employer'] as const) {
      for (const step of ['start', 'identity', 'verification'] as const) {
        expect(stageOf(step, flow), `${step}/${flow}`).toBe('identify');
      }
    }
  });

  it('unlock runs Identificación → Correo → Listo', () => {
    expect(progressFor('email-sent', 'unlock').map((s) => [s.id, s.state])).toEqual([
      ['identify', 'done'],
      ['email', 'current'],
      ['done', 'upcoming'],
    ]);
  });

  it('every guided step has a stage in every flow, except an error page that says nothing more', () => {
    for (const flow of FLOW_IDS) {
      for (const step of guided) expect(stageOf(step, flow) === null, `${step}/${flow}`).toBe(step === 'error');
      expect(progressFor('error', flow).some((s) => s.state === 'current')).toBe(false);
      expect(progressFor('error', flow, ['service-unavailable']).some((s) => s.state === 'current')).toBe(false);
    }
  });

  it('«Cambio de clave» shows only its own stages, and names one on each of its screens', () => {
    for (const flow of FLOW_IDS) {
      expect(progressFor('change-key', flow).map((s) => [s.id, s.state]), flow).toEqual([
        ['change-key', 'current'],
        ['done', 'upcoming'],
      ]);
    }
    // Its confirmation is a done page of an unknown flow: no stage is claimed that may not have happened.
    expect(progressFor('done', 'unknown').map((s) => [s.id, s.state])).toEqual([['done', 'current']]);
    expect(progressFor('done', 'recover').filter((s) => s.state === 'done').map((s) => s.id)).toEqual(['identify', 'validate', 'email', 'new-key']);
  });

  it('places a spent link and "no registered email" at Correo, and an expired session back at Identificación', () => {
    const current = (flow: (typeof FLOW_IDS)[number], alerts: string[]) => progressFor('error', flow, alerts).find((s) => s.state === 'current')?.id;
    for (const flow of ['recover', 'unlock', 'employer'] as const) {
      expect(current(flow, ['link-expired']), flow).toBe('email');
      expect(current(flow, ['session-expired']), flow).toBe('identify');
    }
    expect(current('recover', ['no-email'])).toBe('email');
    // A cédula the IESS does not find stops at the cédula, not at the mail (issue 18).
    expect(current('recover', ['not-registered'])).toBe('identify');
  });

  it('stage labels exist in both locales', () => {
    expect(missingKeys(Object.values(STAGE_LABELS))).toEqual([]);
  });
});

describe('alerts', () => {
  it.each(ALERT_IDS)('%s has a title, advice and keys in both locales, on every step of every flow', (id) => {
    for (const flow of FLOW_IDS) {
      for (const step of STEP_IDS) {
        const guide = alertGuide(id, flow, step);
        expect(guide.advice.length, `${step}/${flow}`).toBeGreaterThanOrEqual(2);
        expect(missingKeys([guide.title, ...guide.advice])).toEqual([]);
      }
    }
    expect(missingKeys(alertMessageKeys())).toEqual([]);
  });

  it('reads a meaning from the message words only, never from the step or the flow (issue 18)', () => {
    // "Cédula No se Encuentra Registrada" on a page without the cédula form used to read as "registered, no email".
    for (const step of ['error', 'identity', 'verification'] as const)
      for (const flow of ['recover', 'unknown', 'unlock'] as const) {
        expect(alertGuide('not-registered', flow, step).meaning).toBe('not-registered');
        expect(alertGuide('not-registered', flow, step).title).not.toBe('alertNoEmailTitle');
      }
    expect(alertGuide('no-email', 'recover', 'error')).toMatchObject({ meaning: 'no-email', title: 'alertNoEmailTitle' });
    // A blocked key on the unlock page is not "no fingerprint on file" unless the message says so.
    expect(alertGuide('account-blocked', 'unlock', 'identity')).toMatchObject({ meaning: 'account-blocked', title: 'alertBlockedUnlockTitle' });
    expect(alertGuide('no-fingerprint', 'unlock', 'identity')).toMatchObject({ meaning: 'no-fingerprint', title: 'alertBlockedNoFingerprintTitle' });
    // A pause on code generation says to wait: no unlock page, no office.
    expect(alertGuide('code-paused', 'recover', 'code')).toMatchObject({ severity: 'warning', title: 'alertCodePausedTitle', links: [] });
    expect(alertGuides(['not-a-detector-id', 'captcha-error'], 'recover', 'error').map((g) => g.meaning)).toEqual(['captcha-error']);
  });

  it('a blocked account offers the unlock page, except to employers; a spent link offers the page that sends a new one', () => {
    expect(alertGuide('account-blocked', 'recover', 'identity').links).toEqual(['unlock']);
    expect(alertGuide('account-blocked', 'employer', 'identity').links).toEqual([]);
    expect(alertGuide('account-blocked', 'unlock', 'identity').links).toEqual([]);
    expect(alertGuide('link-expired', 'unlock', 'error').links).toEqual(['unlock']);
    expect(alertGuide('link-expired', 'recover', 'error').links).toEqual(['recover']);
    expect(alertGuide('link-expired', 'employer', 'error').links).toEqual(['employer']);
    // An expired code is replaced on the code page itself.
    expect(alertGuide('link-expired', 'employer', 'code').links).toEqual([]);
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

describe('data-mismatch advice follows the step', () => {
  it('speaks of the number on the identity page, of the code on the code page, of the answers elsewhere', () => {
    expect(alertGuide('data-mismatch', 'recover', 'identity').advice).toEqual(['alertMismatchNumberDigits', 'alertMismatchNumberForeign', 'alertMismatchNumberOffice']);
    expect(alertGuide('data-mismatch', 'recover', 'identity').title).toBe('alertMismatchNumberTitle');
    expect(alertGuide('data-mismatch', 'employer', 'identity').title).toBe('alertMismatchEmployerTitle');
    expect(alertGuide('data-mismatch', 'employer', 'code').advice[0]).toBe('alertMismatchCodeLatest');
    expect(alertGuide('data-mismatch', 'employer', 'code').advice).not.toContain('alertMismatchLimited');
    expect(alertGuide('data-mismatch', 'recover', 'verification').advice).toEqual([
      'alertMismatchExact',
      'alertMismatchChange',
      'alertMismatchLimited',
    ]);
    expect(missingKeys(['alertMismatchNumberDigits', 'alertMismatchNumberForeign', 'alertMismatchCodeLatest'])).toEqual([]);
  });
});
