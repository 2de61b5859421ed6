/**
 * What the overlay says on each screen: pure data keyed by step and flow. Words live in `_locales`; this file
 * holds only message keys and checklist ids, so translators never touch code and tests can check every key.
 *
 * The recovery flow ("Generar / Recuperar clave") is the base. Other flows override only what differs, and an
 * unknown flow falls back to the base, because recovering the key is what most people arrive for.
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import { alertGuides, alertMeanings, type AlertMeaning } from './alerts';
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
    ready: ['stepProfileReadyEmail', 'stepProfileReadyPhone', 'stepProfileReadyNote'],
    // The portal shows the data bank as several pages in a row (contact, image, questions): one guide for all.
    checklist: [
      { id: 'profile.email', label: 'stepProfileCheckEmail' },
      { id: 'profile.spelling', label: 'stepProfileCheckSpelling' },
      { id: 'profile.image', label: 'stepProfileCheckImage' },
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
    checklist: [
      { id: 'change-key.know', label: 'stepChangeKeyCheckKnow' },
      { id: 'change-key.new', label: 'stepChangeKeyCheckNew' },
    ],
    mistakes: [
      { problem: 'stepChangeKeyMistakeGuess', fix: 'stepChangeKeyFixGuess' },
      { problem: 'stepChangeKeyMistakeBlocked', fix: 'stepChangeKeyFixBlocked' },
    ],
    next: 'stepChangeKeyNext',
    links: ['recover', 'unlock'],
  },
  // An error page whose cause the guide does not know: nothing here may assume one (patience, a typo, an
  // office); the portal's message and the alert above say it. Alert screens below replace it when they can.
  error: {
    title: 'stepErrorTitle',
    wants: 'stepErrorWants',
    ready: ['stepErrorReady'],
    checklist: [
      { id: 'error.read', label: 'stepErrorCheckRead' },
      { id: 'error.restart', label: 'stepErrorCheckRestart' },
    ],
    mistakes: [
      { problem: 'stepErrorMistakeReload', fix: 'stepErrorFixReload' },
      { problem: 'stepErrorMistakeTabs', fix: 'stepErrorFixTabs' },
    ],
    next: 'stepErrorNext',
    // The restart link comes with the alert that says why (it knows the flow's own page).
    links: [],
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
        { problem: 'stepIdentityUnlockMistakeNotBlocked', fix: 'stepIdentityUnlockFixNotBlocked' },
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
    // Starting over means the unlock page, not the recovery page.
    error: { next: 'stepErrorUnlockNext' },
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
    code: { next: 'stepCodeEmployerNext' },
    'new-key': { next: 'stepNewKeyEmployerNext' },
    // The employer signs in with the RUC, in the «Sistema de Empleadores».
    done: {
      wants: 'stepDoneEmployerWants',
      checklist: [
        { id: 'employer.done.login', label: 'stepDoneEmployerCheckLogin' },
        { id: 'employer.done.store', label: 'stepDoneCheckStore' },
      ],
      mistakes: [
        { problem: 'stepDoneMistakeTypos', fix: 'stepDoneFixTypos' },
        { problem: 'stepDoneMistakeShare', fix: 'stepDoneEmployerFixShare' },
      ],
    },
    error: { next: 'stepErrorEmployerNext' },
  },
};

/**
 * Screens where what the portal says changes what the person must do, so the step's own guide would mislead:
 * an error page that is really an expired link, a cédula page that says the key is blocked. Keyed by the
 * alert's meaning on that screen (see `alertMeaning`), optionally by flow; the first match wins.
 */
interface AlertScreen {
  step: GuidedStep;
  alert: AlertMeaning;
  /** Omitted: every flow. */
  flows?: readonly FlowId[];
  guide: Override;
}

/** No email on file: waiting or retrying cannot help; the email is registered in person. */
const NO_EMAIL: Override = {
  title: 'stepNoEmailTitle',
  wants: 'stepNoEmailWants',
  ready: ['stepNoEmailReadyId', 'stepNoEmailReadyEmail', 'stepNoEmailReadyPhone'],
  checklist: [
    { id: 'no-email.office', label: 'stepNoEmailCheckOffice' },
    { id: 'no-email.bring', label: 'stepNoEmailCheckBring' },
  ],
  mistakes: [
    { problem: 'stepNoEmailMistakeRetry', fix: 'stepNoEmailFixRetry' },
    { problem: 'stepNoEmailMistakeOthers', fix: 'stepNoEmailFixOthers' },
  ],
  next: 'stepNoEmailNext',
  links: [],
};

const ALERT_SCREENS: AlertScreen[] = [
  // The service does not answer (application error, anti-bot page): here, and only here, waiting helps.
  {
    step: 'error',
    alert: 'service-unavailable',
    guide: {
      title: 'stepUnavailableTitle',
      wants: 'stepUnavailableWants',
      ready: ['stepUnavailableReady'],
      checklist: [
        { id: 'unavailable.wait', label: 'stepUnavailableCheckWait' },
        { id: 'unavailable.restart', label: 'stepErrorCheckRestart' },
      ],
      mistakes: [
        { problem: 'stepErrorMistakeReload', fix: 'stepUnavailableFixReload' },
        { problem: 'stepErrorMistakeTabs', fix: 'stepErrorFixTabs' },
      ],
      next: 'stepUnavailableNext',
      links: [],
    },
  },
  // The mail link (or unlock link) is spent: ask for a new one, with the inbox open first.
  {
    step: 'error',
    alert: 'link-expired',
    guide: {
      title: 'stepLinkExpiredTitle',
      wants: 'stepLinkExpiredWants',
      ready: ['stepLinkExpiredReadyInbox', 'stepLinkExpiredReadyData'],
      checklist: [
        { id: 'link-expired.inbox', label: 'stepLinkExpiredCheckInbox' },
        { id: 'link-expired.restart', label: 'stepLinkExpiredCheckRestart' },
        { id: 'link-expired.latest', label: 'stepLinkExpiredCheckLatest' },
      ],
      mistakes: [
        { problem: 'stepLinkExpiredMistakeOld', fix: 'stepLinkExpiredFixOld' },
        { problem: 'stepLinkExpiredMistakeLate', fix: 'stepLinkExpiredFixLate' },
      ],
      next: 'stepLinkExpiredNext',
      links: [],
    },
  },
  // The portal forgot the session (idle, Atrás, a second tab): start again, everything at hand, no pauses.
  {
    step: 'error',
    alert: 'session-expired',
    guide: {
      title: 'stepSessionExpiredTitle',
      wants: 'stepSessionExpiredWants',
      ready: ['stepSessionExpiredReady'],
      checklist: [
        { id: 'session-expired.ready', label: 'stepSessionExpiredCheckReady' },
        { id: 'session-expired.one-tab', label: 'stepSessionExpiredCheckOneTab' },
      ],
      mistakes: [
        { problem: 'stepSessionExpiredMistakePause', fix: 'stepSessionExpiredFixPause' },
        { problem: 'stepErrorMistakeTabs', fix: 'stepErrorFixTabs' },
      ],
      next: 'stepSessionExpiredNext',
      links: [],
    },
  },
  // The message says no email is on file: the sources send the person to an office. The recovery flow says it on a
  // page of its own (step error), the unlock page on its cédula form.
  { step: 'error', alert: 'no-email', guide: NO_EMAIL },
  { step: 'identity', alert: 'no-email', guide: NO_EMAIL },
  // Blocked: the employer's way out is an office.
  {
    step: 'identity',
    alert: 'account-blocked',
    flows: ['employer'],
    guide: {
      title: 'stepBlockedEmployerTitle',
      wants: 'stepBlockedEmployerWants',
      ready: ['stepBlockedEmployerReady'],
      checklist: [{ id: 'employer.blocked.office', label: 'stepBlockedCheckOffice' }],
      mistakes: [{ problem: 'stepBlockedMistakeRetry', fix: 'stepBlockedFixRetry' }],
      next: 'stepBlockedEmployerNext',
      links: [],
    },
  },
  // The unlock page's message itself says no fingerprint is on file: then the IESS says unlocking is in person.
  // A message that only says "bloqueada" keeps the unlock page's own guide and the hedged alert (issue 18).
  {
    step: 'identity',
    alert: 'no-fingerprint',
    flows: ['unlock'],
    guide: {
      title: 'stepBlockedInPersonTitle',
      wants: 'stepBlockedInPersonWants',
      ready: ['stepNoEmailReadyId'],
      checklist: [
        { id: 'unlock.blocked.office', label: 'stepBlockedCheckOffice' },
        { id: 'unlock.blocked.fingerprint', label: 'stepBlockedInPersonCheckFingerprint' },
      ],
      mistakes: [{ problem: 'stepBlockedMistakeRetry', fix: 'stepBlockedInPersonFixRetry' }],
      next: 'stepBlockedInPersonNext',
      links: [],
    },
  },
  // Blocked on the recovery page: the IESS sends the person to «Desbloqueo de clave» first (research §3.2).
  {
    step: 'identity',
    alert: 'account-blocked',
    flows: ['recover', 'unknown'],
    guide: {
      title: 'stepBlockedTitle',
      wants: 'stepBlockedWants',
      ready: ['stepBlockedReadyFingerprint', 'stepIdentityUnlockReadyInbox'],
      checklist: [
        { id: 'blocked.online', label: 'stepBlockedCheckOnline' },
        { id: 'blocked.office', label: 'stepBlockedCheckOffice' },
      ],
      mistakes: [{ problem: 'stepBlockedMistakeRetry', fix: 'stepBlockedFixRetry' }],
      next: 'stepBlockedNext',
      links: ['unlock'],
    },
  },
];

/** Every guided step, in the order the recovery flow meets them (used by tests and the QA tools). */
export const GUIDED_STEPS = Object.keys(BASE) as GuidedStep[];

/** The guide of a step in a flow, whatever the portal says on it. */
function stepGuide(step: GuidedStep, flow: FlowId): StepGuide {
  const base = BASE[step];
  // Looked up by string: a flow id this table does not know yet (a new detector flow) gets the recovery guide.
  const override = (OVERRIDES as Partial<Record<string, Partial<Record<GuidedStep, Override>>>>)[flow]?.[step];
  return override ? { ...base, ...override } : base;
}

/** The screen guide that the alerts on this screen call for, if any. */
function alertScreen(step: GuidedStep, flow: FlowId, alerts: readonly string[]): AlertScreen | undefined {
  const meanings = alertMeanings(alerts, flow, step);
  return ALERT_SCREENS.find((s) => s.step === step && meanings.includes(s.alert) && (!s.flows || s.flows.includes(flow)));
}

/**
 * The guide for a screen, or null for `none`: we never guide on pages that are not part of a recovery.
 * `alerts` are the detector's alert ids for the page: some change the whole guide (an expired link, a blocked key),
 * and a link the alerts already offer is not offered again in the guide.
 */
export function guideFor(step: StepId, flow: FlowId, alerts: readonly string[] = []): StepGuide | null {
  if (step === 'none') return null;
  const screen = alertScreen(step, flow, alerts);
  const guide = screen ? { ...stepGuide(step, flow), ...screen.guide } : stepGuide(step, flow);
  const offered = new Set(alertGuides(alerts, flow, step).flatMap((a) => a.links));
  return offered.size === 0 ? guide : { ...guide, links: guide.links.filter((id) => !offered.has(id)) };
}

/** Every screen guide that depends on an alert, with an example of what the detector reports there (for tests). */
export function alertScreenExamples(): Array<{ step: GuidedStep; flow: FlowId; alert: AlertMeaning }> {
  return ALERT_SCREENS.map((s) => ({ step: s.step, flow: s.flows?.[0] ?? 'recover', alert: s.alert }));
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
