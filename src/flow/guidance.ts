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
  start: {
    title: 'stepStartTitle',
    wants: 'stepStartWants',
    ready: ['stepStartReadyId', 'stepStartReadyInbox'],
    checklist: [
      { id: 'start.id', label: 'stepStartCheckId' },
      { id: 'start.captcha', label: 'stepStartCheckCaptcha' },
      { id: 'start.inbox', label: 'stepStartCheckInbox' },
    ],
    mistakes: [
      { problem: 'stepStartMistakeReload', fix: 'stepStartFixReload' },
      { problem: 'stepStartMistakeDigits', fix: 'stepStartFixDigits' },
      { problem: 'stepStartMistakeOption', fix: 'stepStartFixOption' },
    ],
    next: 'stepStartNext',
    links: [],
  },
  identity: {
    title: 'stepIdentityTitle',
    wants: 'stepIdentityWants',
    ready: ['stepIdentityReadyId'],
    checklist: [
      { id: 'identity.name', label: 'stepIdentityCheckName' },
      { id: 'identity.date', label: 'stepIdentityCheckDate' },
    ],
    mistakes: [
      { problem: 'stepIdentityMistakeOrder', fix: 'stepIdentityFixOrder' },
      { problem: 'stepIdentityMistakeName', fix: 'stepIdentityFixName' },
    ],
    next: 'stepIdentityNext',
    links: [],
  },
  verification: {
    title: 'stepVerificationTitle',
    wants: 'stepVerificationWants',
    ready: ['stepVerificationReadyHistory', 'stepVerificationReadyAnswers'],
    checklist: [
      { id: 'verification.read', label: 'stepVerificationCheckRead' },
      { id: 'verification.exact', label: 'stepVerificationCheckExact' },
    ],
    mistakes: [
      { problem: 'stepVerificationMistakeMemory', fix: 'stepVerificationFixMemory' },
      { problem: 'stepVerificationMistakeRetry', fix: 'stepVerificationFixRetry' },
      { problem: 'stepVerificationMistakeHelpers', fix: 'stepVerificationFixHelpers' },
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
    start: {
      title: 'stepStartUnlockTitle',
      wants: 'stepStartUnlockWants',
      ready: ['stepStartReadyId', 'stepStartUnlockReadyInbox', 'stepStartUnlockReadyFingerprint'],
      checklist: [
        { id: 'unlock.start.id', label: 'stepStartCheckId' },
        { id: 'unlock.start.fingerprint', label: 'stepStartUnlockCheckFingerprint' },
        { id: 'unlock.start.inbox', label: 'stepStartCheckInbox' },
      ],
      mistakes: [
        { problem: 'stepStartUnlockMistakeFingerprint', fix: 'stepStartUnlockFixFingerprint' },
        { problem: 'stepStartUnlockMistakeLate', fix: 'stepStartUnlockFixLate' },
        { problem: 'stepStartUnlockMistakeGuess', fix: 'stepStartUnlockFixGuess' },
      ],
      next: 'stepStartUnlockNext',
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
    start: {
      title: 'stepStartEmployerTitle',
      wants: 'stepStartEmployerWants',
      ready: ['stepStartEmployerReadyRuc', 'stepStartEmployerReadyRep', 'stepStartEmployerReadyInbox'],
      checklist: [
        { id: 'employer.start.ruc', label: 'stepStartEmployerCheckRuc' },
        { id: 'employer.start.branch', label: 'stepStartEmployerCheckBranch' },
        { id: 'employer.start.rep', label: 'stepStartEmployerCheckRep' },
        { id: 'employer.start.captcha', label: 'stepStartCheckCaptcha' },
      ],
      mistakes: [
        { problem: 'stepStartEmployerMistakeHousehold', fix: 'stepStartEmployerFixHousehold' },
        { problem: 'stepStartEmployerMistakeRep', fix: 'stepStartEmployerFixRep' },
        { problem: 'stepStartMistakeReload', fix: 'stepStartFixReload' },
      ],
      next: 'stepStartEmployerNext',
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
