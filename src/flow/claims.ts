/**
 * Every statement of fact the guide makes (a duration, a count, what a message means, what a page asks, where to
 * go), as data with its source: a seed article, a research reference with its confidence tag, the portal's own
 * message, or "inferred". Only what a confirmed source says (research C1/C2) or what the page itself says may be
 * worded as a certainty; everything else must carry its hedge ("según…", "puede que…") in both languages.
 * `npm run facts` prints this table by step; test/unit/flow/claims.test.ts runs the same check (issue 18).
 */
import type { MessageKey } from '../i18n/t';

/** The two seed articles in ../shared/seeds/. */
export type SeedFile = 'recuperar-clave-con-correo.txt' | 'recuperar-clave-sin-errores.txt';

export type ClaimSource =
  | { kind: 'seed'; file: SeedFile; quote: string }
  | { kind: 'research'; ref: string; tag: 'C1' | 'C2' | 'C3' | 'G' }
  | { kind: 'page' }
  | { kind: 'inferred'; why: string };

export type Confidence = 'confirmed' | 'reported' | 'inferred';

export interface Claim {
  id: string;
  /** Where the guide says it: a step, or a surface (countdown, alerts). */
  where: string;
  /** The claim in one English line, for the listing. */
  says: string;
  source: ClaimSource;
  /** The message keys whose words state it: hedged unless the source is confirmed. */
  keys: readonly MessageKey[];
  /** Sentences that act on it without stating it (a checklist tick, "type the 13 digits"): no hedge needed. */
  applied?: readonly MessageKey[];
}

const R = (ref: string, tag: 'C1' | 'C2' | 'C3' | 'G'): ClaimSource => ({ kind: 'research', ref: `research/iess-portal.md ${ref}`, tag });
const SEED_MAIL: SeedFile = 'recuperar-clave-con-correo.txt';
const SEED_ERR: SeedFile = 'recuperar-clave-sin-errores.txt';
const PAGE: ClaimSource = { kind: 'page' };
const guess = (why: string): ClaimSource => ({ kind: 'inferred', why });

export const CLAIMS: readonly Claim[] = [
  // ---- link and code times ----
  { id: 'link.unlock.3min', where: 'countdown', says: 'The unlock link lasts 3 minutes.', source: R('§3.2 (IESS press release 2024-11-15)', 'C1'),
    keys: ['cdSourceUnlock', 'stepIdentityUnlockReadyInbox', 'stepIdentityUnlockMistakeLate', 'stepEmailSentUnlockWants', 'preflightEmailWhy'] },
  { id: 'link.recover.15min', where: 'countdown', says: 'The Generar / Recuperar link lasts about 15 minutes (one guide).',
    source: { kind: 'seed', file: SEED_ERR, quote: 'one guide mentions an approximate timeframe of 15 minutes' }, keys: ['cdSourceRecover', 'stepEmailSentFixLate', 'stepLinkExpiredFixLate'] },
  { id: 'link.employer.none', where: 'countdown', says: 'No source gives the employer link time; it is timed like the codes.', source: guess('research §3.3 has no figure'), keys: ['cdSourceEmployer'] },
  { id: 'link.page-stated', where: 'countdown', says: 'The page itself states how long its link or code lasts (e.g. "vigente durante 3 minutos").', source: PAGE, keys: ['cdSourcePage'] },
  { id: 'code.3min', where: 'code', says: 'The IESS code page counts down 3:00.', source: R('§3.4 OTP template', 'C2'), keys: ['cdSourceCode'] },
  { id: 'link.zero.unknown', where: 'countdown', says: 'At zero the link may still open: the IESS decides, our clock only estimates.', source: guess('the server decides the expiry'),
    keys: ['countdownBadgeExpired', 'countdownAnnounceExpired', 'countdownPhaseExpired', 'emailWaitExpiredTitle', 'emailWaitExpiredAction', 'cdPopupExplain'] },
  { id: 'mail.delay', where: 'email-sent', says: 'The mail can take about 15 minutes to arrive.', source: R('§4 (informeecuador.com, a delivery delay)', 'C3'), keys: ['stepEmailSentFixSpam'] },
  { id: 'link.latest', where: 'email-sent', says: 'Earlier links and codes may stop working.', source: guess('usual for one-time links; no source'),
    keys: ['stepLinkExpiredFixOld', 'stepCodeFixOld', 'alertMismatchCodeLatest'] },
  { id: 'session.15min', where: 'terms', says: 'The session may close after about 15 idle minutes.', source: R('§2.1 (IESS template session-timeout)', 'G'),
    keys: ['alertSessionIdle', 'stepTermsFixIdle', 'stepSessionExpiredWants'] },
  { id: 'captcha.2min', where: 'identity', says: 'The «No soy un robot» tick lapses after about two minutes.', source: R('§2.3 (Google behaviour)', 'G'),
    keys: ['stepIdentityFixReload', 'alertCaptchaExpiry', 'preflightCaptchaWhy'] },
  // ---- counts and attempts ----
  { id: 'attempts.limited', where: 'verification', says: 'Attempts may be limited; N is not known.', source: R('§6 (N is not known)', 'G'),
    keys: ['alertMismatchLimited', 'alertMismatchCodeLimited', 'alertMismatchImageNoGuess', 'stepVerificationFixRetry'] },
  { id: 'attempts.block', where: 'start', says: 'Failed logins can block the key.', source: R('§6 (Desbloqueo exists; elyex.com)', 'C1'),
    keys: ['stepStartFixGuess', 'stepStartEmployerFixGuess', 'stepDoneFixTypos', 'alertMismatchKeyStop', 'stepChangeKeyFixGuess'] },
  { id: 'questions.change', where: 'verification', says: 'Questions may change after a wrong answer.', source: R('§3.1 (elyex.com)', 'C3'), keys: ['alertMismatchChange', 'stepVerificationFixRetry'] },
  { id: 'code.paused', where: 'code', says: 'After failed tries the code page may pause code generation and show the wait.', source: R('§3.4 OTP template lock text', 'C2'),
    keys: ['stepCodeFixTries'] },
  // ---- what pages ask ----
  { id: 'cedula.10', where: 'identity', says: 'A cédula has 10 digits; the last checks the others (one wrong digit shows; a swap may not).', source: R('§5 (tavo1987 validator)', 'C2'),
    keys: ['stepIdentityReadyId', 'stepIdentityCheckId', 'stepIdentityFixDigits', 'alertMismatchNumberDigits'] },
  { id: 'foreigner.code', where: 'identity', says: 'Foreigners type the IESS identification code.', source: R('§3.1 entry', 'C3'), keys: ['alertMismatchNumberForeign'] },
  { id: 'verification.asks', where: 'verification', says: 'Name and cédula shown; birth day and month in numbers; work-history and personal questions.', source: R('§3.1 step 2', 'C3'),
    applied: ['stepVerificationCheckDate'], keys: ['stepVerificationWants'] },
  { id: 'profile.asks', where: 'profile', says: 'Email, mobile and landline, a security image and personal questions (at least three).', source: R('§3.1 step 3', 'C3'), keys: ['stepProfileWants'] },
  { id: 'key.rules', where: 'new-key', says: 'The key has 6 to 15 letters and/or numbers.', source: R('§3.5 (informecuador.com)', 'C3'),
    applied: ['stepNewKeyCheckLength', 'stepChangeKeyCheckNew'], keys: ['stepNewKeyReady', 'valKeyNotAlphanumeric'] },
  { id: 'key.keyboard', where: 'new-key', says: 'The key may be typed with an on-screen keyboard.', source: R('§2.2 virtual keypads', 'C3'), keys: ['stepNewKeyWants'] },
  { id: 'employer.fields', where: 'identity', says: 'The employer page asks RUC (13 digits), branch and the legal representative’s cédula.',
    source: { kind: 'seed', file: SEED_MAIL, quote: 'requires the RUC number, branch identification, and the legal representative’s ID' },
    keys: ['stepIdentityEmployerWants'] },
  { id: 'ruc.13', where: 'identity', says: 'A RUC has 13 digits.', source: R('§5 (tavo1987 validator)', 'C2'),
    keys: ['alertMismatchEmployerFields'], applied: ['stepIdentityEmployerCheckRuc', 'alertNotRegisteredEmployerDigits'] },
  { id: 'employer.branch', where: 'identity', says: 'The branch is normally 0001.', source: R('§3.3', 'G'),
    keys: ['stepIdentityEmployerReadyRuc', 'stepIdentityEmployerCheckBranch', 'alertMismatchEmployerFields'] },
  { id: 'employer.household', where: 'identity', says: 'A household employer’s RUC is usually the cédula followed by 000.', source: R('§3.3', 'G'),
    keys: ['stepIdentityEmployerFixHousehold', 'alertNotRegisteredEmployerHousehold'] },
  { id: 'employer.entry', where: 'start', says: 'Employers find «Recuperar clave» under Trámites Virtuales, Empleadores.', source: R('§1 (no URL found)', 'G'),
    keys: ['stepStartEmployerWants'] },
  { id: 'change.asks', where: 'change-key', says: '«Cambio de clave» asks for the current key.', source: R('§3.3b (ecu11.com)', 'C3'), keys: ['stepChangeKeyWants'] },
  // ---- where to go, what comes next ----
  { id: 'unlock.fingerprint', where: 'identity', says: 'Online unlocking needs the fingerprint registered at a CAU; otherwise in person.', source: R('§3.2 precondition', 'C1'),
    applied: ['stepIdentityUnlockCheckFingerprint', 'stepIdentityUnlockMistakeFingerprint', 'stepBlockedCheckOnline', 'stepBlockedInPersonCheckFingerprint', 'alertBlockedNoFingerprintLater', 'stepBlockedCheckOffice'], keys: ['alertBlockedOnline', 'alertBlockedInPerson', 'stepBlockedReadyFingerprint', 'stepIdentityUnlockReadyFingerprint', 'stepIdentityUnlockFixFingerprint',
      'stepChangeKeyFixBlocked', 'alertBlockedNoFingerprintOffice', 'stepBlockedInPersonWants', 'stepBlockedInPersonFixRetry'] },
  { id: 'unlock.then-recover', where: 'done', says: 'After unlocking, the key is created in Generar / Recuperar clave.', source: R('§3.2 step 4', 'C1'),
    keys: ['stepBlockedWants', 'stepBlockedNext', 'stepDoneUnlockWants', 'stepDoneUnlockFixOld', 'stepIdentityUnlockNext', 'stepBlockedInPersonNext'] },
  { id: 'unlock.new-tab', where: 'email-sent', says: 'The unlock link opens a new tab confirming the unlock.', source: R('§3.2 step 3', 'C1'), keys: ['stepEmailSentUnlockNext'] },
  { id: 'email.office', where: 'email-sent', says: 'An outdated email is updated at an IESS office.',
    source: { kind: 'seed', file: SEED_MAIL, quote: 'requiring a visit to an IESS office to update your contact information' },
    applied: ['stepNoEmailCheckOffice'], keys: ['alertNoEmailOffice', 'stepNoEmailWants', 'stepEmailSentFixNever', 'emailWaitOutdatedAction', 'emailWaitOutdatedEmployerAction'] },
  { id: 'image.office', where: 'security-image', says: 'A forgotten security image is reset at an IESS office.',
    source: { kind: 'seed', file: SEED_MAIL, quote: 'you will likely need to visit a local IESS office to reset your security profile' },
    keys: ['stepSecurityImageFixForgot', 'alertMismatchImageForgot'] },
  { id: 'employer.blocked-office', where: 'identity', says: 'A blocked employer key is unlocked at a CAU.', source: R('§3.3', 'G'),
    applied: ['stepBlockedEmployerTitle'], keys: ['stepBlockedEmployerWants', 'alertBlockedEmployerOffice'] },
  { id: 'unavailable.wait', where: 'error', says: 'An unresponsive service sometimes recovers after a few minutes (load peaks).', source: R('§6 load peaks', 'C3'),
    applied: ['stepUnavailableFixReload', 'alertUnavailableNoLoop'], keys: ['stepUnavailableReady', 'alertUnavailableLater'] },
  { id: 'office.ask', where: 'alerts', says: 'When the data look right and the page still refuses them, an IESS office can check the record.',
    source: { kind: 'seed', file: SEED_MAIL, quote: 'If the issue persists, visit an IESS customer service center' }, keys: [],
    applied: ['alertNotRegisteredOffice', 'alertMismatchNumberOffice', 'alertMismatchEmployerOffice', 'alertNotRegisteredEmployerOffice'] },
  // ---- what a message means: only what its words say ----
  { id: 'msg.not-registered', where: 'alerts', says: 'The message says the cédula is not registered.', source: PAGE, keys: ['alertNotRegisteredTitle'] },
  { id: 'msg.no-email', where: 'alerts', says: 'The message says no email is on file.', source: PAGE, keys: ['alertNoEmailNoWait', 'alertNoEmailTitle'] },
  { id: 'msg.blocked', where: 'alerts', says: 'The message says the key is blocked (not why).', source: PAGE,
    keys: ['alertBlockedTitle', 'alertBlockedUnlockTitle', 'alertBlockedEmployerTitle'] },
  { id: 'msg.no-fingerprint', where: 'alerts', says: 'The message says no fingerprint is registered.', source: PAGE, keys: ['alertBlockedNoFingerprintTitle'] },
  { id: 'msg.code-paused', where: 'alerts', says: 'The message says code generation is paused and how long to wait.', source: PAGE,
    keys: ['alertCodePausedTitle', 'alertCodePausedWait', 'alertCodePausedKey'] },
  { id: 'msg.link-expired', where: 'error', says: 'The page says the link expired or was used.', source: PAGE, keys: ['stepLinkExpiredWants'] },
];

/** How sure a claim is: confirmed (research C1/C2, the page's own words), reported (seeds, C3), inferred (G, ours). */
export function confidence(source: ClaimSource): Confidence {
  if (source.kind === 'page') return 'confirmed';
  if (source.kind === 'research') return source.tag === 'C1' || source.tag === 'C2' ? 'confirmed' : source.tag === 'C3' ? 'reported' : 'inferred';
  return source.kind === 'seed' ? 'reported' : 'inferred';
}

/** One line naming the source, for the listing. */
export function sourceLabel(source: ClaimSource): string {
  switch (source.kind) {
    case 'seed':
      return `seeds/${source.file} («${source.quote}»)`;
    case 'research':
      return `${source.ref} [${source.tag}]`;
    case 'page':
      return "the portal message's own words";
    case 'inferred':
      return `inferred: ${source.why}`;
  }
}
