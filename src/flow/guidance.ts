/**
 * What the overlay says on each screen: pure data keyed by step and flow. Words live in `_locales`; this file
 * holds only message keys and checklist ids, so translators never touch code and tests can check every key.
 *
 * The recovery flow ("Generar / Recuperar clave") is the base. Other flows override only what differs, and an
 * unknown flow falls back to the base, because recovering the key is what most people arrive for.
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import type { OfficialLinkId } from './links';

/** A step the overlay can guide; `none` means "not a recovery page" and gets no guide. */
export type GuidedStep = Exclude<StepId, 'none'>;

export interface ChecklistItem {
  /** Stable id used to remember the tick for the tab; never shown. */
  id: string;
  label: MessageKey;
}

export interface Mistake {
  problem: MessageKey;
  fix: MessageKey;
}

export interface StepGuide {
  title: MessageKey;
  /** One sentence: what this screen asks for. */
  wants: MessageKey;
  ready: MessageKey[];
  checklist: ChecklistItem[];
  mistakes: Mistake[];
  next: MessageKey;
  /** Official pages worth offering on this screen. */
  links: OfficialLinkId[];
}

type Override = Partial<StepGuide>;

const BASE: Record<GuidedStep, StepGuide> = {
  // The login page that leads into recovery: its one job is to send the person to the right option.
  start: {
    title: 'stepStartTitle',
    wants: 'stepStartWants',
    ready: ['stepStartReadyId', 'stepStartReadyInbox'],
    checklist: [
      { id: 'start.option', label: 'stepStartCheckOption' },
      { id: 'start.noguess', label: 'stepStartCheckNoGuess' },
      { id: 'start.inbox', label: 'stepStartCheckInbox' },
    ],
    mistakes: [
      { problem: 'stepStartMistakeGuess', fix: 'stepStartFixGuess' },
      { problem: 'stepStartMistakeChange', fix: 'stepStartFixChange' },
    ],
    next: 'stepStartNext',
    links: ['recover', 'unlock'],
  },
  // The first recovery page: cédula (or IESS code) and «No soy un robot».
  identity: {
    title: 'stepIdentityTitle',
    wants: 'stepIdentityWants',
    ready: ['stepIdentityReadyId', 'stepIdentityReadyInbox'],
    checklist: [
      { id: 'identity.id', label: 'stepIdentityCheckId' },
      { id: 'identity.captcha', label: 'stepIdentityCheckCaptcha' },
      { id: 'identity.inbox', label: 'stepIdentityCheckInbox' },
    ],
    mistakes: [
      { problem: 'stepIdentityMistakeReload', fix: 'stepIdentityFixReload' },
      { problem: 'stepIdentityMistakeDigits', fix: 'stepIdentityFixDigits' },
      { problem: 'stepIdentityMistakeOption', fix: 'stepIdentityFixOption' },
    ],
    next: 'stepIdentityNext',
    links: [],
  },
  // One screen: the person's name, birth day and month, and the labour-history and personal questions.
  verification: {
    title: 'stepVerificationTitle',
    wants: 'stepVerificationWants',
    ready: ['stepVerificationReadyId', 'stepVerificationReadyHistory', 'stepVerificationReadyAnswers'],
    checklist: [
      { id: 'verification.name', label: 'stepVerificationCheckName' },
      { id: 'verification.date', label: 'stepVerificationCheckDate' },
      { id: 'verification.read', label: 'stepVerificationCheckRead' },
      { id: 'verification.exact', label: 'stepVerificationCheckExact' },
    ],
    mistakes: [
      { problem: 'stepVerificationMistakeMemory', fix: 'stepVerificationFixMemory' },
      { problem: 'stepVerificationMistakeRetry', fix: 'stepVerificationFixRetry' },
      { problem: 'stepVerificationMistakeOrder', fix: 'stepVerificationFixOrder' },
    ],
    next: 'stepVerificationNext',
    links: [],
  },
  'security-image': {
    title: 'stepSecurityImageTitle',
    wants: 'stepSecurityImageWants',
    ready: ['stepSecurityImageReady'],
    checklist: [
      { id: 'security-image.pick', label: 'stepSecurityImageCheckPick' },
      { id: 'security-image.note', label: 'stepSecurityImageCheckNote' },
    ],
    mistakes: [
      { problem: 'stepSecurityImageMistakeRandom', fix: 'stepSecurityImageFixRandom' },
      { problem: 'stepSecurityImageMistakeForgot', fix: 'stepSecurityImageFixForgot' },
    ],
    next: 'stepSecurityImageNext',
    links: [],
  },
  profile: {
    title: 'stepProfileTitle',
    wants: 'stepProfileWants',
    ready: ['stepProfileReadyEmail', 'stepProfileReadyPhone'],
    checklist: [
      { id: 'profile.email', label: 'stepProfileCheckEmail' },
      { id: 'profile.spelling', label: 'stepProfileCheckSpelling' },
      { id: 'profile.answers', label: 'stepProfileCheckAnswers' },
    ],
    mistakes: [
      { problem: 'stepProfileMistakeOthers', fix: 'stepProfileFixOthers' },
      { problem: 'stepProfileMistakeTypo', fix: 'stepProfileFixTypo' },
      { problem: 'stepProfileMistakeAnswers', fix: 'stepProfileFixAnswers' },
    ],
    next: 'stepProfileNext',
    links: [],
  },
  'email-sent': {
    title: 'stepEmailSentTitle',
    wants: 'stepEmailSentWants',
    ready: ['stepEmailSentReadyInbox'],
    checklist: [
      { id: 'email-sent.inbox', label: 'stepEmailSentCheckInbox' },
      { id: 'email-sent.spam', label: 'stepEmailSentCheckSpam' },
      { id: 'email-sent.host', label: 'stepEmailSentCheckHost' },
    ],
    mistakes: [
      { problem: 'stepEmailSentMistakeLate', fix: 'stepEmailSentFixLate' },
      { problem: 'stepEmailSentMistakeSpam', fix: 'stepEmailSentFixSpam' },
      { problem: 'stepEmailSentMistakeNever', fix: 'stepEmailSentFixNever' },
    ],
    next: 'stepEmailSentNext',
    links: [],
  },
  code: {
    title: 'stepCodeTitle',
    wants: 'stepCodeWants',
    ready: ['stepEmailSentReadyInbox'],
    checklist: [
      { id: 'code.latest', label: 'stepCodeCheckLatest' },
      { id: 'code.digits', label: 'stepCodeCheckDigits' },
    ],
    mistakes: [
      { problem: 'stepCodeMistakeOld', fix: 'stepCodeFixOld' },
      { problem: 'stepCodeMistakeLate', fix: 'stepCodeFixLate' },
      { problem: 'stepCodeMistakeTries', fix: 'stepCodeFixTries' },
    ],
    next: 'stepCodeNext',
    links: [],
  },
  terms: {
    title: 'stepTermsTitle',
    wants: 'stepTermsWants',
    ready: ['stepTermsReady'],
    checklist: [
      { id: 'terms.read', label: 'stepTermsCheckRead' },
      { id: 'terms.accept', label: 'stepTermsCheckAccept' },
    ],
    mistakes: [
      { problem: 'stepTermsMistakeBox', fix: 'stepTermsFixBox' },
      { problem: 'stepTermsMistakeIdle', fix: 'stepTermsFixIdle' },
    ],
    next: 'stepTermsNext',
    links: [],
  },
  'new-key': {
    title: 'stepNewKeyTitle',
    wants: 'stepNewKeyWants',
    ready: ['stepNewKeyReady'],
    checklist: [
      { id: 'new-key.length', label: 'stepNewKeyCheckLength' },
      { id: 'new-key.personal', label: 'stepNewKeyCheckPersonal' },
      { id: 'new-key.same', label: 'stepNewKeyCheckSame' },
      { id: 'new-key.private', label: 'stepNewKeyCheckPrivate' },
    ],
    mistakes: [
      { problem: 'stepNewKeyMistakeMatch', fix: 'stepNewKeyFixMatch' },
      { problem: 'stepNewKeyMistakePersonal', fix: 'stepNewKeyFixPersonal' },
      { problem: 'stepNewKeyMistakeSymbols', fix: 'stepNewKeyFixSymbols' },
    ],
    next: 'stepNewKeyNext',
    links: [],
  },
  done: {
    title: 'stepDoneTitle',
    wants: 'stepDoneWants',
    ready: ['stepDoneReady'],
    checklist: [
      { id: 'done.login', label: 'stepDoneCheckLogin' },
      { id: 'done.store', label: 'stepDoneCheckStore' },
    ],
    mistakes: [
      { problem: 'stepDoneMistakeTypos', fix: 'stepDoneFixTypos' },
      { problem: 'stepDoneMistakeShare', fix: 'stepDoneFixShare' },
    ],
    next: 'stepDoneNext',
    links: [],
  },
  'change-key': {
    title: 'stepChangeKeyTitle',
    wants: 'stepChangeKeyWants',
    ready: ['stepChangeKeyReady'],
    checklist: [{ id: 'change-key.know', label: 'stepChangeKeyCheckKnow' }],
    mistakes: [
      { problem: 'stepChangeKeyMistakeGuess', fix: 'stepChangeKeyFixGuess' },
      { problem: 'stepChangeKeyMistakeBlocked', fix: 'stepChangeKeyFixBlocked' },
    ],
    next: 'stepChangeKeyNext',
    links: ['recover', 'unlock'],
  },
  error: {
    title: 'stepErrorTitle',
    wants: 'stepErrorWants',
    ready: ['stepErrorReady'],
    checklist: [
      { id: 'error.wait', label: 'stepErrorCheckWait' },
      { id: 'error.restart', label: 'stepErrorCheckRestart' },
    ],
    mistakes: [
      { problem: 'stepErrorMistakeReload', fix: 'stepErrorFixReload' },
      { problem: 'stepErrorMistakeTabs', fix: 'stepErrorFixTabs' },
    ],
    next: 'stepErrorNext',
    links: ['recover'],
  },
};

/** What differs from the recovery flow. Checklist ids carry the flow so ticks never leak between flows. */
const OVERRIDES: Record<Exclude<FlowId, 'recover' | 'unknown'>, Partial<Record<GuidedStep, Override>>> = {
  unlock: {
    identity: {
      title: 'stepIdentityUnlockTitle',
      wants: 'stepIdentityUnlockWants',
      ready: ['stepIdentityReadyId', 'stepIdentityUnlockReadyInbox', 'stepIdentityUnlockReadyFingerprint'],
      checklist: [
        { id: 'unlock.identity.id', label: 'stepIdentityCheckId' },
        { id: 'unlock.identity.fingerprint', label: 'stepIdentityUnlockCheckFingerprint' },
        { id: 'unlock.identity.inbox', label: 'stepIdentityCheckInbox' },
      ],
      mistakes: [
        { problem: 'stepIdentityUnlockMistakeFingerprint', fix: 'stepIdentityUnlockFixFingerprint' },
        { problem: 'stepIdentityUnlockMistakeLate', fix: 'stepIdentityUnlockFixLate' },
        { problem: 'stepIdentityUnlockMistakeGuess', fix: 'stepIdentityUnlockFixGuess' },
      ],
      next: 'stepIdentityUnlockNext',
    },
    verification: { next: 'stepVerificationUnlockNext' },
    'email-sent': { wants: 'stepEmailSentUnlockWants', next: 'stepEmailSentUnlockNext' },
    code: { next: 'stepCodeUnlockNext' },
    done: {
      title: 'stepDoneUnlockTitle',
      wants: 'stepDoneUnlockWants',
      ready: ['stepEmailSentReadyInbox'],
      checklist: [{ id: 'unlock.done.next', label: 'stepDoneUnlockCheckNext' }],
      mistakes: [{ problem: 'stepDoneUnlockMistakeOld', fix: 'stepDoneUnlockFixOld' }],
      next: 'stepDoneUnlockNext',
      links: ['recover'],
    },
  },
  employer: {
    // The employer login page: the employer's own «Recuperar clave», with RUC, sucursal and representative ready.
    start: {
      title: 'stepStartEmployerTitle',
      wants: 'stepStartEmployerWants',
      ready: ['stepStartEmployerReadyData', 'stepStartEmployerReadyInbox'],
      checklist: [
        { id: 'employer.start.option', label: 'stepStartEmployerCheckOption' },
        { id: 'employer.start.data', label: 'stepStartEmployerCheckData' },
        { id: 'employer.start.inbox', label: 'stepStartEmployerCheckInbox' },
      ],
      mistakes: [{ problem: 'stepStartEmployerMistakeGuess', fix: 'stepStartEmployerFixGuess' }],
      next: 'stepStartEmployerNext',
      // The affiliate pages are not the employer's: the login page itself holds the right link.
      links: [],
    },
    identity: {
      title: 'stepIdentityEmployerTitle',
      wants: 'stepIdentityEmployerWants',
      ready: ['stepIdentityEmployerReadyRuc', 'stepIdentityEmployerReadyRep', 'stepIdentityEmployerReadyInbox'],
      checklist: [
        { id: 'employer.identity.ruc', label: 'stepIdentityEmployerCheckRuc' },
        { id: 'employer.identity.branch', label: 'stepIdentityEmployerCheckBranch' },
        { id: 'employer.identity.rep', label: 'stepIdentityEmployerCheckRep' },
        { id: 'employer.identity.captcha', label: 'stepIdentityCheckCaptcha' },
      ],
      mistakes: [
        { problem: 'stepIdentityEmployerMistakeHousehold', fix: 'stepIdentityEmployerFixHousehold' },
        { problem: 'stepIdentityEmployerMistakeRep', fix: 'stepIdentityEmployerFixRep' },
        { problem: 'stepIdentityMistakeReload', fix: 'stepIdentityFixReload' },
      ],
      next: 'stepIdentityEmployerNext',
    },
  },
};

/** Every guided step, in the order the recovery flow meets them (used by tests and the QA tools). */
export const GUIDED_STEPS = Object.keys(BASE) as GuidedStep[];

/** The guide for a screen, or null for `none`: we never guide on pages that are not part of a recovery. */
export function guideFor(step: StepId, flow: FlowId): StepGuide | null {
  if (step === 'none') return null;
  const base = BASE[step];
  const override = flow === 'recover' || flow === 'unknown' ? undefined : OVERRIDES[flow][step];
  return override ? { ...base, ...override } : base;
}

/** Every message key a guide can show, for the locale tests. */
export function guideMessageKeys(guide: StepGuide): MessageKey[] {
  return [
    guide.title,
    guide.wants,
    ...guide.ready,
    ...guide.checklist.map((item) => item.label),
    ...guide.mistakes.flatMap((m) => [m.problem, m.fix]),
    guide.next,
  ];
}
