/**
 * The state catalogue: every page state of every simulated flow, rendered offline by the same
 * functions the server uses, with the labels the step detector must produce (src/detect/vocabulary.ts).
 * "@ajax" entries are the document as it looks after the partial update was applied on the entry URL.
 */
import type { AlertId, FlowId, StepId } from '../../src/detect/vocabulary';
import { captchaAnchorPage, captchaMessage } from './captcha';
import { ManualClock } from './clock';
import { EMPLOYER_MSG } from './flows/employer';
import { CHANGE_MSG } from './flows/change-key';
import { MSG, profileErrors, verificationView } from './flows/recover';
import { UNLOCK_MSG } from './flows/unlock';
import type { SafeHtml } from './html';
import { renderInbox, type Mail } from './inbox';
import { CATALOGUE_VIEW_STATE } from './jsf';
import type { Message, PortalUrls } from './layout';
import type { PageContext } from './pages/common';
import { EMPLOYER_LOGIN, EMPLOYER_PAGE, employerDocument, type EmployerView } from './pages/employer';
import { challengeDocument, errorDocument, type ErrorKind } from './pages/errors';
import {
  emptyProfile,
  KEY_LINK_PATH,
  RECOVER_ACTION,
  RECOVER_ENTRY,
  recoverDocument,
  type ProfileValues,
  type RecoverForm,
  type RecoverView,
} from './pages/recover';
import { simIndexDocument } from './pages/sim-index';
import { UNLOCK_LINK_PATH, UNLOCK_PAGE, unlockDocument, unlockedDocument, type UnlockView } from './pages/unlock';
import { AFILIADO_LOGIN, CHANGE_KEY_PAGE, changeKeyDocument, homeDocument, loginDocument, welcomeDocument, type ChangeKeyView } from './pages/www';
import { EMPLOYERS, PERSONAS } from './personas';
import { DEFAULT_CONFIG, PortalWorld } from './world';

export interface PortalState {
  id: string;
  url: string;
  html: string;
  expected: { step: StepId; flow: FlowId; alerts: AlertId[] };
}

export interface CatalogueOptions {
  /** Origins used in links and URLs; default the real IESS host names over https. */
  urls?: PortalUrls;
}

export const CATALOGUE_URLS: PortalUrls = {
  app: 'https://app.iess.gob.ec',
  www: 'https://www.iess.gob.ec',
  sim: 'http://127.0.0.1:8080',
};

const FIXED_SESSION = '8F3C2A9D1E7B4C6A5D0E9F21.nodo1';
const FIXED_SUPPORT_ID = '1234567890123456789';

export function portalStates(options: CatalogueOptions = {}): PortalState[] {
  const urls = options.urls ?? CATALOGUE_URLS;
  const pc: PageContext = { urls, viewState: CATALOGUE_VIEW_STATE };
  const legacy: PageContext = { ...pc, jsessionid: FIXED_SESSION };
  const world = new PortalWorld(DEFAULT_CONFIG, new ManualClock());
  const states: PortalState[] = [];
  const add = (id: string, url: string, html: SafeHtml, step: StepId, flow: FlowId, alerts: AlertId[] = []) =>
    states.push({ id, url, html: String(html), expected: { step, flow, alerts } });

  const person = (id: string) => {
    const p = PERSONAS.find((x) => x.id === id);
    const record = p && world.person(p.cedula);
    if (!record) throw new Error(`no persona ${id}`);
    return record;
  };
  const ana = person('ana');
  const bruno = person('bruno');

  // ---- Generar / Recuperar clave (entry page, steps swapped by AJAX) ----
  const recoverEntry = `${urls.app}${RECOVER_ENTRY}`;
  const recoverPosted = `${urls.app}${RECOVER_ACTION}`;
  const recover = (id: string, view: RecoverView, step: StepId, alerts: AlertId[] = [], form: RecoverForm = 'frmRecuperar') => {
    const url = form === 'frmRecuperar' ? recoverPosted : `${urls.app}${KEY_LINK_PATH}`;
    add(`recover/${id}`, url, recoverDocument(form, pc, view), step, 'recover', alerts);
    // With JS the URL never changes: same DOM, still on the entry URL.
    if (form === 'frmRecuperar' && view.step !== 'identity')
      add(`recover/${id}@ajax`, recoverEntry, recoverDocument(form, pc, view), step, 'recover', alerts);
  };
  add('recover/identity', recoverEntry, recoverDocument('frmRecuperar', pc, { step: 'identity' }), 'identity', 'recover');
  const identityWith = (cedula: string, ...messages: Message[]): RecoverView => ({ step: 'identity', cedula, messages });
  recover('identity-captcha-missing', identityWith(ana.persona.cedula, captchaMessage('missing')), 'identity', ['captcha-error']);
  recover('identity-captcha-expired', identityWith(ana.persona.cedula, captchaMessage('expired')), 'identity', ['captcha-error']);
  recover('identity-captcha-reused', identityWith(ana.persona.cedula, captchaMessage('used')), 'identity', ['captcha-error']);
  recover('identity-required', identityWith('', MSG.required), 'identity');
  recover('identity-invalid-cedula', identityWith('1712345601', MSG.invalidCedula), 'identity', ['data-mismatch']);
  recover(
    'identity-invalid-cedula-and-captcha',
    identityWith('1712345601', MSG.invalidCedula, captchaMessage('missing')),
    'identity',
    ['data-mismatch', 'captcha-error'],
  );
  recover('identity-not-registered', identityWith('1711223345', MSG.notRegistered), 'identity', ['not-registered']);
  recover('identity-already-blocked', identityWith('3001456726', MSG.alreadyBlocked), 'identity', ['account-blocked']);
  recover('identity-blocked-after-attempts', identityWith(ana.persona.cedula, MSG.nowBlocked), 'identity', ['account-blocked']);
  recover('verification', verificationView(world, ana, 0), 'verification');
  recover('verification-first-time', verificationView(world, bruno, 0), 'verification');
  // The variant that asks the birth day and month with lists (config birthDateAs: 'lists').
  const listsWorld = new PortalWorld({ ...DEFAULT_CONFIG, birthDateAs: 'lists' }, new ManualClock());
  recover('verification-lists', verificationView(listsWorld, ana, 0), 'verification');
  // After a wrong answer the questions change (next round) and fewer attempts remain.
  const retry = (round: number, left: number): RecoverView => {
    const v = verificationView(world, ana, round, [MSG.mismatch(left)]);
    return v.step === 'verification' ? { ...v, remaining: left } : v;
  };
  recover('verification-mismatch', retry(1, 2), 'verification', ['data-mismatch']);
  recover('verification-last-attempt', retry(2, 1), 'verification', ['data-mismatch']);
  const filled: ProfileValues = {
    email: 'bruno.nuevo@example.com',
    emailConfirm: 'bruno.nuevo@example.com',
    mobile: '0991234567',
    landline: '042345678',
    image: 'barco',
    questions: ['', '', ''],
    answers: ['', '', ''],
  };
  recover('profile-contact', { step: 'profile', tab: 0, values: emptyProfile() }, 'profile');
  recover(
    'profile-contact-invalid',
    { step: 'profile', tab: 0, values: { ...emptyProfile(), email: 'bruno@gmial', mobile: '12' }, messages: profileErrors({ ...emptyProfile(), email: 'bruno@gmial', mobile: '12' }, 0) },
    'profile',
  );
  recover('profile-image', { step: 'profile', tab: 1, values: filled }, 'profile');
  recover('profile-questions', { step: 'profile', tab: 2, values: filled }, 'profile');
  recover('security-image', { step: 'security-image' }, 'security-image');
  recover('security-image-wrong', { step: 'security-image', messages: [MSG.wrongImage(2)] }, 'security-image', ['data-mismatch']);
  recover('email-sent', { step: 'email-sent', maskedEmail: 'a***@example.com', validityMs: DEFAULT_CONFIG.linkValidityMs }, 'email-sent');
  recover('no-email', { step: 'no-email', cedula: '1709876559' }, 'error', ['no-email']);
  const code = { step: 'code' as const, maskedEmail: 'd***@example.org', secondsLeft: 180 };
  recover('code', code, 'code');
  recover('code-wrong', { ...code, secondsLeft: 121, messages: [MSG.wrongCode(2)] }, 'code', ['data-mismatch']);
  recover('code-expired', { ...code, secondsLeft: 0, messages: [MSG.codeExpired] }, 'code', ['link-expired']);
  recover('code-paused', { ...code, secondsLeft: 161, messages: [MSG.codePaused] }, 'code', ['code-paused']);
  recover('code-resent', { ...code, messages: [MSG.codeResent('d***@example.org')] }, 'code');
  recover('otp-terms', { step: 'terms' }, 'terms');
  recover('otp-new-key', { step: 'new-key' }, 'new-key');
  recover('otp-done', { step: 'done' }, 'done');

  // ---- The page the mail link opens (frmClave) ----
  recover('link-terms', { step: 'terms' }, 'terms', [], 'frmClave');
  recover('link-terms-not-accepted', { step: 'terms', messages: [MSG.terms] }, 'terms', [], 'frmClave');
  recover('link-new-key', { step: 'new-key' }, 'new-key', [], 'frmClave');
  recover('link-new-key-rule', { step: 'new-key', messages: [MSG.keyRule] }, 'new-key', [], 'frmClave');
  recover('link-new-key-mismatch', { step: 'new-key', messages: [MSG.keyMismatch] }, 'new-key', [], 'frmClave');
  recover('link-done', { step: 'done' }, 'done', [], 'frmClave');

  // ---- Error pages, per app ----
  const errorPage = (id: string, flow: FlowId, url: string, kind: ErrorKind, home: string, alerts: AlertId[]) =>
    add(id, url, errorDocument(kind, home), 'error', flow, alerts);
  const linkUrl = `${urls.app}${KEY_LINK_PATH}?token=c2ltdWxhY2lvbi1lbmxhY2UtY2FkdWNhZG8`;
  errorPage('recover/link-expired', 'recover', linkUrl, 'link-expired', recoverEntry, ['link-expired']);
  errorPage('recover/link-used', 'recover', linkUrl, 'link-used', recoverEntry, ['link-expired']);
  errorPage('recover/link-invalid', 'recover', `${urls.app}${KEY_LINK_PATH}`, 'link-invalid', recoverEntry, ['link-expired']);
  const apps: Array<[FlowId, string, string]> = [
    ['recover', '/iess-gestion-desbloqueo-publico-web', recoverEntry],
    ['unlock', '/iess-gestion-desbloqueo-clave-web', `${urls.app}${UNLOCK_PAGE}`],
    ['employer', '/empleador-web', `${urls.www}${EMPLOYER_PAGE}`],
  ];
  for (const [flow, base, home] of apps) {
    const origin = flow === 'employer' ? urls.www : urls.app;
    errorPage(`${flow}/session-expired`, flow, `${origin}${base}/errorWeb/sesionExpirada.jsf`, 'session-expired', home, ['session-expired']);
    errorPage(`${flow}/view-expired`, flow, `${origin}${base}/errorWeb/viewExpired.jsf`, 'view-expired', home, ['session-expired']);
    errorPage(`${flow}/app-error`, flow, `${origin}${base}/errorWeb/errorAplicacion.jsf`, 'app-error', home, ['service-unavailable']);
    add(`${flow}/challenge`, `${home}?sobrecarga=1`, challengeDocument(FIXED_SUPPORT_ID), 'error', flow, ['service-unavailable']);
  }
  errorPage('recover/error-not-registered', 'recover', `${urls.app}/iess-gestion-desbloqueo-publico-web/public/validarAfiliado.jsf`, 'cedula-not-registered', recoverEntry, [
    'not-registered',
  ]);
  errorPage('recover/not-found', 'recover', `${urls.app}/iess-gestion-desbloqueo-publico-web/public/noExiste.jsf`, 'not-found', recoverEntry, []);

  // ---- Desbloqueo de clave ----
  const unlockUrl = `${urls.app}${UNLOCK_PAGE}`;
  const unlock = (id: string, view: UnlockView, step: StepId, alerts: AlertId[] = []) => {
    add(`unlock/${id}`, unlockUrl, unlockDocument(pc, view), step, 'unlock', alerts);
  };
  const unlockWith = (cedula: string, m: Message): UnlockView => ({ step: 'identity', cedula, messages: [m] });
  unlock('identity', { step: 'identity' }, 'identity');
  unlock('identity-invalid-cedula', unlockWith('2305678945', MSG.invalidCedula), 'identity', ['data-mismatch']);
  unlock('identity-not-registered', unlockWith('1711223345', MSG.notRegistered), 'identity', ['not-registered']);
  unlock('identity-not-blocked', unlockWith('1712345600', UNLOCK_MSG.notBlocked), 'identity');
  unlock('identity-no-fingerprint', unlockWith('3001456726', UNLOCK_MSG.noFingerprint), 'identity', ['no-fingerprint']);
  unlock('identity-blocked', unlockWith('3001456726', UNLOCK_MSG.blocked), 'identity', ['account-blocked']);
  unlock('identity-no-email', unlockWith('2305678944', UNLOCK_MSG.noEmail), 'identity', ['no-email']);
  unlock('email-sent', { step: 'email-sent', maskedEmail: 'e***@example.com', validityMs: DEFAULT_CONFIG.linkValidityMs }, 'email-sent');
  const unlockLink = `${urls.app}${UNLOCK_LINK_PATH}?token=c2ltdWxhY2lvbi1kZXNibG9xdWVv`;
  add('unlock/done', unlockLink, unlockedDocument({ urls }), 'done', 'unlock');
  errorPage('unlock/link-expired', 'unlock', unlockLink, 'link-expired', unlockUrl, ['link-expired']);
  errorPage('unlock/link-used', 'unlock', unlockLink, 'link-used', unlockUrl, ['link-expired']);

  // ---- Employer ----
  const employerUrl = `${urls.www}${EMPLOYER_PAGE};jsessionid=${FIXED_SESSION}`;
  const employer = (id: string, view: EmployerView, step: StepId, alerts: AlertId[] = []) =>
    add(`employer/${id}`, id === 'identity' ? `${urls.www}${EMPLOYER_PAGE}` : employerUrl, employerDocument(legacy, view), step, 'employer', alerts);
  const company = EMPLOYERS[0];
  const household = EMPLOYERS[1];
  add('employer/login', `${urls.www}${EMPLOYER_LOGIN}`, loginDocument({ urls }, { who: 'empleador' }), 'start', 'employer');
  employer('identity', { step: 'identity' }, 'identity');
  const filledEmployer = { ruc: company?.ruc ?? '', sucursal: '0001', representative: company?.representativeCedula ?? '' };
  employer('identity-household', { step: 'identity', ruc: household?.ruc ?? '', sucursal: '0001', representative: household?.representativeCedula ?? '' }, 'identity');
  employer('identity-captcha-missing', { step: 'identity', ...filledEmployer, messages: [captchaMessage('missing')] }, 'identity', ['captcha-error']);
  employer('identity-ruc-invalid', { step: 'identity', ...filledEmployer, ruc: '179000002', messages: [EMPLOYER_MSG.ruc] }, 'identity', ['data-mismatch']);
  employer('identity-representative-invalid', { step: 'identity', ...filledEmployer, representative: '0908765432', messages: [EMPLOYER_MSG.representative] }, 'identity', [
    'data-mismatch',
  ]);
  employer('identity-not-employer', { step: 'identity', ...filledEmployer, ruc: '1723456784001', messages: [EMPLOYER_MSG.notEmployer] }, 'identity', [
    'not-registered',
  ]);
  employer('identity-mismatch', { step: 'identity', ...filledEmployer, sucursal: '0002', messages: [EMPLOYER_MSG.mismatch] }, 'identity', ['data-mismatch']);
  employer('identity-blocked', { step: 'identity', messages: [EMPLOYER_MSG.blocked] }, 'identity', ['account-blocked']);
  const employerCode = { step: 'code' as const, maskedEmail: 'r***@example.com', secondsLeft: 180 };
  employer('code', employerCode, 'code');
  employer('code-wrong', { ...employerCode, messages: [MSG.wrongCode(2)] }, 'code', ['data-mismatch']);
  employer('code-expired', { ...employerCode, secondsLeft: 0, messages: [MSG.codeExpired] }, 'code', ['link-expired']);
  employer('new-key', { step: 'new-key' }, 'new-key');
  employer('new-key-mismatch', { step: 'new-key', messages: [MSG.keyMismatch] }, 'new-key');
  employer('done', { step: 'done' }, 'done');

  // ---- www: home, affiliate login, Cambio de clave ----
  add('www/home', `${urls.www}/`, homeDocument({ urls }), 'none', 'unknown');
  add('www/afiliado-login', `${urls.www}${AFILIADO_LOGIN}`, loginDocument({ urls }, { who: 'afiliado' }), 'start', 'unknown');
  add(
    'www/afiliado-login-error',
    `${urls.www}/afiliado-web/j_security_check`,
    loginDocument({ urls }, { who: 'afiliado', messages: [{ severity: 'error', summary: 'Error:', detail: 'Usuario o clave incorrectos. Si olvidó su clave use la opción «Generar / Recuperar clave».' }] }),
    'start',
    'unknown',
    ['data-mismatch'],
  );
  add('www/welcome', `${urls.www}/afiliado-web/j_security_check`, welcomeDocument(ana.persona.name), 'none', 'unknown');
  const changeUrl = `${urls.www}${CHANGE_KEY_PAGE}`;
  const change = (id: string, view: ChangeKeyView, step: StepId, alerts: AlertId[] = []) =>
    add(`change-key/${id}`, changeUrl, changeKeyDocument(legacy, view), step, 'unknown', alerts);
  change('form', { step: 'change-key' }, 'change-key');
  change('wrong-current-key', { step: 'change-key', cedula: '1712345600', messages: [CHANGE_MSG.wrong] }, 'change-key', ['data-mismatch']);
  change('agreement-missing', { step: 'change-key', cedula: '1712345600', messages: [CHANGE_MSG.agree] }, 'change-key');
  change('new-key', { step: 'change-new' }, 'change-key');
  change('done', { step: 'done' }, 'done');

  // ---- Practice tools (not IESS): inbox, start page, CAPTCHA frame ----
  const mail: Mail = {
    id: 'a1b2c3',
    to: 'ana.practica@example.com',
    owner: 'ana',
    subject: 'IESS - Generación de clave personal',
    paragraphs: [`Estimado(a) ${ana.persona.name}:`, 'Para continuar haga clic en el siguiente enlace.'],
    link: { href: `${urls.app}${KEY_LINK_PATH}?token=c2ltdWxhY2lvbg`, text: 'Clic para Continuar' },
    sentAt: Date.UTC(2025, 5, 2, 15, 0, 0),
    deliverAt: Date.UTC(2025, 5, 2, 15, 0, 0),
  };
  const owners = PERSONAS.filter((p) => p.email).map((p) => ({ id: p.id, email: p.email ?? '' }));
  add('sim/inbox', `${urls.sim}/correo/`, renderInbox({ owners, mails: [mail], pending: [] }), 'none', 'unknown');
  add('sim/inbox-empty', `${urls.sim}/correo/?buzon=ana`, renderInbox({ owner: 'ana', owners, mails: [], pending: [mail] }), 'none', 'unknown');
  add('sim/index', `${urls.sim}/`, simIndexDocument(urls), 'none', 'unknown');
  add('sim/captcha-anchor', `${urls.sim}/captcha/anchor?k=x`, captchaAnchorPage(urls.app), 'none', 'unknown');
  return states;
}
