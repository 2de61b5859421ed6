/**
 * The right guidance per practice persona, failure paths first: each state page of the practice portal
 * (test/portal/states.ts) goes through the real detector, and what ClaveGuía would show there (the guide, the
 * alerts with their advice, the links, the progress strip) must hold the advice that belongs to the portal's
 * message, and not the advice of a neighbouring one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../../src/detect/classify';
import type { Detection } from '../../../src/detect/vocabulary';
import { alertGuides, type AlertGuide } from '../../../src/flow/alerts';
import { guideFor, guideMessageKeys, type StepGuide } from '../../../src/flow/guidance';
import type { OfficialLinkId } from '../../../src/flow/links';
import { progressFor, type StageId } from '../../../src/flow/progress';
import type { MessageKey } from '../../../src/i18n/t';
import { closeParser, parseHtml } from '../../qa/load';
import { portalStates } from '../../portal/states';
import { catalogues } from './locales';

const states = portalStates();
afterAll(closeParser);

interface Screen {
  detection: Detection;
  guide: StepGuide;
  alerts: AlertGuide[];
  /** Every message key on screen: the guide's and the alerts' titles and advice. */
  keys: Set<MessageKey>;
  /** Every official link on screen, alerts first, in the order shown. */
  links: OfficialLinkId[];
  stages: StageId[];
  current: StageId | null;
}

/** What ClaveGuía shows on a state page of the practice portal, from the detector's own reading of it. */
function screen(stateId: string): Screen {
  const state = states.find((s) => s.id === stateId);
  if (!state) throw new Error(`no state ${stateId}`);
  const detection = classify(parseHtml(state.html), state.url);
  const guide = guideFor(detection.step, detection.flow, detection.alerts);
  if (!guide) throw new Error(`${stateId}: no guide (${detection.step})`);
  const alerts = alertGuides(detection.alerts, detection.flow, detection.step);
  const progress = progressFor(detection.step, detection.flow, detection.alerts);
  return {
    detection,
    guide,
    alerts,
    keys: new Set([...guideMessageKeys(guide), ...alerts.flatMap((a) => [a.title, ...a.advice])]),
    links: [...alerts.flatMap((a) => a.links), ...guide.links],
    stages: progress.map((s) => s.id),
    current: progress.find((s) => s.state === 'current')?.id ?? null,
  };
}

const es = (key: MessageKey): string => catalogues.es[key]!.message;
const text = (s: Screen): string => [...s.keys].map(es).join(' ');

interface Case {
  persona: string;
  /** State ids of test/portal/states.ts where this persona's failure shows. */
  states: string[];
  title: MessageKey;
  /** Alert meanings listed, errors first. */
  meanings: string[];
  shows: MessageKey[];
  hides: MessageKey[];
  links: OfficialLinkId[];
  stage: StageId | null;
}

const FAILURES: Case[] = [
  {
    persona: 'Fernando (1709876559): found and verified, no registered email',
    states: ['recover/no-email', 'recover/no-email@ajax'],
    title: 'stepNoEmailTitle',
    meanings: ['no-email'],
    shows: ['alertNoEmailTitle', 'alertNoEmailOffice', 'alertNoEmailBring', 'stepNoEmailReadyId', 'stepNoEmailFixRetry'],
    // Not "the IESS cannot find that cédula", not "be patient", not "it is not your fault, wait".
    hides: ['alertNotRegisteredTitle', 'alertNotRegisteredDigits', 'stepUnavailableReady', 'stepUnavailableWants', 'stepUnavailableCheckWait', 'stepErrorTitle'],
    links: [],
    stage: 'email',
  },
  {
    persona: 'Gloria (3001456726): already blocked, on the recovery page',
    states: ['recover/identity-already-blocked'],
    title: 'stepBlockedTitle',
    meanings: ['account-blocked'],
    shows: ['alertBlockedOnline', 'alertBlockedInPerson', 'stepBlockedNext'],
    hides: ['stepIdentityTitle', 'stepIdentityNext', 'alertNotRegisteredTitle'],
    links: ['unlock'],
    stage: 'identify',
  },
  {
    persona: 'Gloria (3001456726): on the unlock page, the message says no fingerprint is registered',
    states: ['unlock/identity-no-fingerprint'],
    title: 'stepBlockedInPersonTitle',
    meanings: ['no-fingerprint'],
    shows: ['alertBlockedNoFingerprintTitle', 'alertBlockedNoFingerprintOffice', 'stepNoEmailReadyId'],
    // Already on «Desbloqueo de clave»: not "you can unlock it online with Desbloqueo de clave".
    hides: ['stepIdentityUnlockTitle', 'alertBlockedOnline', 'stepIdentityUnlockNext'],
    links: [],
    stage: 'identify',
  },
  // Issue 18, misreading 2: "bloqueada" on the unlock page without a word about the fingerprint is not "go to a
  // CAU, no fingerprint on file": the known requirement, hedged, and the page's own guide.
  {
    persona: 'the unlock page says the key is blocked, not why',
    states: ['unlock/identity-blocked'],
    title: 'stepIdentityUnlockTitle',
    meanings: ['account-blocked'],
    shows: ['alertBlockedUnlockTitle', 'alertBlockedUnlockRead', 'alertBlockedOnline'],
    hides: ['stepBlockedInPersonTitle', 'stepBlockedInPersonWants', 'alertBlockedNoFingerprintTitle', 'alertBlockedNoFingerprintOffice'],
    links: [],
    stage: 'identify',
  },
  // Issue 18, misreading 1: "Cédula No se Encuentra Registrada" on a page without the cédula form is what it says,
  // not "your cédula is registered, only the email is missing".
  {
    persona: 'an error page that says the cédula is not registered',
    states: ['recover/error-not-registered'],
    title: 'stepErrorTitle',
    meanings: ['not-registered'],
    shows: ['alertNotRegisteredTitle', 'alertNotRegisteredDigits', 'alertNotRegisteredOffice'],
    hides: ['alertNoEmailTitle', 'alertNoEmailNoWait', 'stepNoEmailTitle', 'stepNoEmailWants'],
    links: [],
    stage: 'identify',
  },
  // Issue 18, misreading 3: a pause on code generation with its wait time is not a blocked key.
  {
    persona: 'the code page pauses code generation for 02:41',
    states: ['recover/code-paused', 'recover/code-paused@ajax'],
    title: 'stepCodeTitle',
    meanings: ['code-paused'],
    shows: ['alertCodePausedTitle', 'alertCodePausedWait', 'alertCodePausedKey'],
    hides: ['alertBlockedTitle', 'alertBlockedOnline', 'alertBlockedInPerson', 'stepBlockedTitle'],
    links: [],
    stage: 'email',
  },
  {
    persona: 'Ana (1712345600): blocked after three wrong rounds',
    states: ['recover/identity-blocked-after-attempts'],
    title: 'stepBlockedTitle',
    meanings: ['account-blocked'],
    shows: ['alertBlockedOnline'],
    hides: ['stepIdentityTitle', 'alertMismatchTitle'],
    links: ['unlock'],
    stage: 'identify',
  },
  {
    persona: 'Ana (1712345600): wrong answers, attempts left',
    states: ['recover/verification-mismatch', 'recover/verification-last-attempt'],
    title: 'stepVerificationTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchTitle', 'alertMismatchExact', 'alertMismatchChange'],
    hides: ['alertMismatchNumberTitle', 'alertMismatchNumberDigits', 'alertMismatchCodeLatest'],
    links: [],
    stage: 'validate',
  },
  {
    persona: 'a cédula with a wrong check digit (1712345601)',
    states: ['recover/identity-invalid-cedula'],
    title: 'stepIdentityTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchNumberTitle', 'alertMismatchNumberDigits'],
    // A check-digit error is not "the data do not match the IESS records".
    hides: ['alertMismatchTitle', 'alertMismatchExact', 'alertMismatchChange', 'alertMismatchLimited'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'a valid cédula the IESS does not have (1711223345)',
    states: ['recover/identity-not-registered'],
    title: 'stepIdentityTitle',
    meanings: ['not-registered'],
    shows: ['alertNotRegisteredTitle', 'alertNotRegisteredDigits', 'alertNotRegisteredOffice'],
    hides: ['alertNoEmailTitle', 'alertNoEmailOffice', 'stepNoEmailTitle'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'Ana (1712345600): CAPTCHA not ticked, or expired before Buscar',
    states: ['recover/identity-captcha-missing', 'recover/identity-captcha-expired', 'recover/identity-captcha-reused'],
    title: 'stepIdentityTitle',
    meanings: ['captcha-error'],
    shows: ['alertCaptchaTitle', 'alertCaptchaRetick', 'alertCaptchaExpiry'],
    hides: ['alertMismatchTitle', 'alertNotRegisteredTitle'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'Ana (1712345600): opens the mail link after 3 minutes',
    states: ['recover/link-expired', 'recover/link-invalid'],
    title: 'stepLinkExpiredTitle',
    meanings: ['link-expired'],
    shows: ['alertLinkExpiredNew', 'alertLinkExpiredInbox', 'stepLinkExpiredReadyInbox', 'stepLinkExpiredNext'],
    hides: ['stepErrorTitle', 'stepErrorWants', 'stepUnavailableReady', 'stepUnavailableCheckWait'],
    links: ['recover'],
    stage: 'email',
  },
  {
    persona: 'Ana (1712345600): opens the same mail link again after creating her key',
    states: ['recover/link-used'],
    title: 'stepLinkExpiredTitle',
    meanings: ['link-expired'],
    shows: ['alertLinkExpiredAlreadyDone', 'alertLinkExpiredNew'],
    hides: ['stepErrorWants', 'stepUnavailableReady'],
    links: ['recover'],
    stage: 'email',
  },
  {
    persona: 'Ana (1712345600): leaves the questions 16 minutes, or the page went stale',
    states: ['recover/session-expired', 'recover/view-expired'],
    title: 'stepSessionExpiredTitle',
    meanings: ['session-expired'],
    shows: ['alertSessionIdle', 'alertSessionRestart', 'stepSessionExpiredFixPause'],
    hides: ['stepErrorTitle', 'stepErrorWants', 'stepUnavailableReady', 'stepUnavailableCheckWait'],
    links: ['recover'],
    stage: 'identify',
  },
  {
    persona: 'Sofía (1804234589) / Tomás (1205345695): anti-bot page, application error',
    states: ['recover/challenge', 'recover/app-error'],
    title: 'stepUnavailableTitle',
    meanings: ['service-unavailable'],
    shows: ['alertUnavailableLater', 'alertUnavailableNoLoop', 'stepUnavailableReady', 'stepUnavailableCheckWait'],
    hides: ['stepLinkExpiredTitle', 'stepSessionExpiredTitle', 'stepNoEmailTitle'],
    links: ['recover'],
    stage: null,
  },
  {
    persona: 'Elena (2305678944): opens the unlock link late, or twice',
    states: ['unlock/link-expired', 'unlock/link-used'],
    title: 'stepLinkExpiredTitle',
    meanings: ['link-expired'],
    shows: ['alertLinkExpiredNewUnlock', 'alertLinkExpiredInbox'],
    hides: ['alertLinkExpiredNew', 'stepErrorWants', 'stepErrorNext'],
    links: ['unlock'],
    stage: 'email',
  },
  {
    persona: 'the unlock page says "no registered email": the no-email guide, read from the words',
    states: ['unlock/identity-no-email'],
    title: 'stepNoEmailTitle',
    meanings: ['no-email'],
    shows: ['alertNoEmailTitle', 'alertNoEmailOffice'],
    hides: ['alertNotRegisteredTitle', 'alertNotRegisteredUnlockTitle', 'alertNotRegisteredDigits'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'the unlock page says the cédula is not registered',
    states: ['unlock/identity-not-registered'],
    title: 'stepIdentityUnlockTitle',
    meanings: ['not-registered'],
    shows: ['alertNotRegisteredUnlockTitle', 'alertNotRegisteredDigits', 'alertNotRegisteredOffice'],
    hides: ['alertNoEmailTitle', 'alertNotRegisteredTitle'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'Carmen (0103456729): picks the wrong security image',
    states: ['recover/security-image-wrong', 'recover/security-image-wrong@ajax'],
    title: 'stepSecurityImageTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchImageTitle', 'alertMismatchImageNoGuess', 'alertMismatchImageForgot'],
    hides: ['alertMismatchTitle', 'alertMismatchExact', 'alertMismatchLimited'],
    links: [],
    stage: 'validate',
  },
  {
    persona: 'Diego (1104567837): a wrong code',
    states: ['recover/code-wrong'],
    title: 'stepCodeTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchCodeTitle', 'alertMismatchCodeLatest', 'alertMismatchCodeLimited'],
    // Not "check your work history" on a code page.
    hides: ['alertMismatchTitle', 'alertMismatchLimited', 'alertMismatchExact'],
    links: [],
    stage: 'email',
  },
  {
    persona: 'Diego (1104567837) / Distribuidora: the code expired',
    states: ['recover/code-expired', 'employer/code-expired'],
    title: 'stepCodeTitle',
    meanings: ['link-expired'],
    shows: ['alertCodeExpiredTitle', 'alertCodeExpiredResend', 'alertCodeExpiredInbox'],
    hides: ['alertLinkExpiredTitle', 'alertLinkExpiredNew', 'alertLinkExpiredInbox'],
    links: [],
    stage: 'email',
  },
  {
    persona: 'Distribuidora: a RUC that is not an employer (1723456784001)',
    states: ['employer/identity-not-employer'],
    title: 'stepIdentityEmployerTitle',
    meanings: ['not-registered'],
    shows: ['alertNotRegisteredEmployerTitle', 'alertNotRegisteredEmployerDigits', 'alertNotRegisteredEmployerHousehold'],
    hides: ['alertNotRegisteredTitle', 'alertNotRegisteredDigits'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'Distribuidora: malformed RUC, invalid representative, or data that do not belong together',
    states: ['employer/identity-ruc-invalid', 'employer/identity-representative-invalid', 'employer/identity-mismatch'],
    title: 'stepIdentityEmployerTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchEmployerTitle', 'alertMismatchEmployerFields'],
    hides: ['alertMismatchNumberTitle', 'alertMismatchExact', 'alertMismatchLimited'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'Distribuidora: the employer key is blocked',
    states: ['employer/identity-blocked'],
    title: 'stepBlockedEmployerTitle',
    meanings: ['account-blocked'],
    shows: ['alertBlockedEmployerTitle', 'alertBlockedEmployerOffice', 'stepBlockedEmployerReady'],
    // «Desbloqueo de clave» is for affiliates.
    hides: ['alertBlockedOnline', 'stepIdentityEmployerTitle'],
    links: [],
    stage: 'identify',
  },
  {
    persona: 'employer: session expired',
    states: ['employer/session-expired', 'employer/view-expired'],
    title: 'stepSessionExpiredTitle',
    meanings: ['session-expired'],
    shows: ['alertSessionRestart'],
    hides: ['stepErrorNext'],
    links: ['employer'],
    stage: 'identify',
  },
  {
    persona: 'Ana (1712345600): a wrong current key in «Cambio de clave»',
    states: ['change-key/wrong-current-key'],
    title: 'stepChangeKeyTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchKeyTitle', 'alertMismatchKeyStop', 'alertMismatchKeyRecover'],
    hides: ['alertMismatchTitle', 'alertMismatchExact', 'alertMismatchLimited'],
    links: ['recover', 'unlock'],
    stage: 'change-key',
  },
  {
    persona: 'Ana (1712345600): a wrong key on the login form',
    states: ['www/afiliado-login-error'],
    title: 'stepStartTitle',
    meanings: ['data-mismatch'],
    shows: ['alertMismatchKeyTitle', 'alertMismatchKeyStop'],
    hides: ['alertMismatchTitle', 'alertMismatchExact', 'alertMismatchChange'],
    links: ['recover', 'unlock'],
    stage: 'identify',
  },
];

describe('guidance per failure persona, on the practice portal through the detector', () => {
  for (const c of FAILURES) {
    describe(c.persona, () => {
      it.each(c.states)('%s', (stateId) => {
        const s = screen(stateId);
        expect(s.guide.title, 'title').toBe(c.title);
        expect(s.alerts.map((a) => a.meaning), 'alerts').toEqual(c.meanings);
        for (const key of c.shows) expect(s.keys.has(key), `shows ${key}`).toBe(true);
        for (const key of c.hides) expect(s.keys.has(key), `does not show ${key}`).toBe(false);
        expect(s.links, 'links, each once').toEqual(c.links);
        expect(s.current, 'current stage').toBe(c.stage);
      });
    });
  }

  it('covers every failure state of the catalogue that carries an alert', () => {
    const covered = new Set(FAILURES.flatMap((c) => c.states.map((id) => id.replace(/@ajax$/, ''))));
    const withAlerts = states.filter((s) => s.expected.alerts.length > 0 && s.expected.step !== 'none').map((s) => s.id.replace(/@ajax$/, ''));
    const other = ['recover/identity-invalid-cedula-and-captcha', 'unlock/identity-invalid-cedula', 'employer/identity-captcha-missing', 'employer/code-wrong'];
    const uncovered = [...new Set(withAlerts)].filter((id) => !covered.has(id) && !other.includes(id) && !/\/(session-expired|view-expired|app-error|challenge)$/.test(id));
    expect(uncovered).toEqual([]);
  });
});

describe('guidance on the happy paths that had wrong words', () => {
  it('Bruno (0902345610): the data-bank title fits all three of its pages (contact, image, questions)', () => {
    for (const id of ['recover/profile-contact', 'recover/profile-image', 'recover/profile-questions']) {
      const s = screen(id);
      expect(s.guide.title, id).toBe('stepProfileTitle');
      expect(es(s.guide.title)).toMatch(/correo.*imagen.*preguntas/);
      expect(s.guide.checklist.map((i) => i.id), id).toContain('profile.image');
    }
  });

  it('an employer is told to sign in with the RUC, as the portal says, not with a cédula', () => {
    const s = screen('employer/done');
    expect(es(s.guide.wants)).toMatch(/RUC/);
    expect(text(s)).not.toMatch(/con su cédula/);
    expect(es(screen('employer/new-key').guide.next)).toMatch(/«Guardar»/);
  });

  it('«Cambio de clave» ticks no stage it never went through, and its pill has a stage to name', () => {
    for (const id of ['change-key/form', 'change-key/new-key', 'change-key/agreement-missing']) {
      const s = screen(id);
      expect(s.stages, id).toEqual(['change-key', 'done']);
      expect(s.current, id).toBe('change-key');
    }
    const done = screen('change-key/done');
    expect(done.stages).not.toContain('validate');
    expect(done.stages).not.toContain('email');
    expect(done.current).toBe('done');
  });

  it('Diego (1104567837): the terms screen after a code is not called "the page of the link"', () => {
    expect(es(screen('recover/otp-terms').guide.wants)).not.toMatch(/enlace/);
    expect(es(screen('recover/code').guide.next)).toMatch(/términos/);
  });

  it('Carmen (0103456729): after the image comes the mail, not the contact data', () => {
    expect(es(screen('recover/security-image').guide.next)).toMatch(/correo registrado/);
  });
});

describe('an error page read without its alerts (what the overlay shows until it passes them)', () => {
  it('assumes no cause: no patience, no typo, no office, and no link the alert also offers', () => {
    for (const flow of ['recover', 'unlock', 'employer', 'unknown'] as const) {
      const guide = guideFor('error', flow)!;
      const keys = guideMessageKeys(guide);
      for (const wrong of ['stepUnavailableReady', 'stepUnavailableWants', 'stepUnavailableCheckWait', 'stepNoEmailWants', 'stepLinkExpiredWants'] as const)
        expect(keys, `${flow}: ${wrong}`).not.toContain(wrong);
      expect(guide.links, flow).toEqual([]);
      expect(es(guide.wants)).not.toMatch(/culpa|paciencia|esper/i);
    }
  });
});

describe('every state page of the practice portal', () => {
  const guided = states.filter((s) => s.expected.step !== 'none');

  it.each(guided.map((s) => [s.id]))('%s: no official link twice, every word in both languages', (id) => {
    const s = screen(id);
    expect(new Set(s.links).size, `links ${s.links.join(', ')}`).toBe(s.links.length);
    for (const key of s.keys) {
      expect(catalogues.es[key]?.message, `es:${key}`).toBeTruthy();
      expect(catalogues.en[key]?.message, `en:${key}`).toBeTruthy();
    }
  });

  it('names a current stage on every guided page except an error page that says nothing more than "error"', () => {
    const without = guided.map((st) => [st.id, screen(st.id)] as const).filter(([, s]) => s.current === null);
    for (const [id, s] of without) {
      expect(s.detection.step, id).toBe('error');
      expect(s.alerts.every((a) => a.meaning === 'service-unavailable'), id).toBe(true);
    }
  });

  it('an employer is never sent to the affiliate pages', () => {
    for (const st of guided.filter((x) => x.expected.flow === 'employer')) {
      const s = screen(st.id);
      expect(s.links, st.id).not.toContain('recover');
      expect(s.links, st.id).not.toContain('unlock');
    }
  });
});
