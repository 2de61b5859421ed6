/** Logic of "Generar / Recuperar clave": identity → verification → (profile | image) → mail → terms → key → done. */
import { captchaMessage, CAPTCHA_FIELD } from '../captcha';
import { isValidCedula } from '../cedula';
import { htmlReply, redirectReply, submittedBy, type Reply } from '../jsf';
import type { Message } from '../layout';
import { isValidNewKey, KEY_RULE_TEXT } from '../pages/common';
import { challengeDocument, errorDocument } from '../pages/errors';
import {
  emptyProfile,
  KEY_LINK_PATH,
  recoverDocument,
  recoverRegion,
  regionId,
  RECOVER_APP,
  RECOVER_ENTRY,
  RF,
  type ProfileValues,
  type RecoverForm,
  type RecoverView,
  type VerificationRound,
} from '../pages/recover';
import { labourQuestions, maskEmail, PERSONAL_QUESTION_BANK, sameAnswer } from '../personas';
import type { PersonRecord, PortalWorld } from '../world';
import { errorPath, field, renderStep, restoreView, type FlowRequest } from './common';

export interface RecoverState {
  view: RecoverView;
  cedula?: string;
  /** Question round: bumps on every wrong answer so the questions change. */
  round: number;
}

export interface KeyLinkState {
  token: string;
  cedula: string;
  view: RecoverView;
}

const INDEX_VIEW = 'recover:index';
const LINK_VIEW = 'recover:link';

export const err = (detail: string, summary = 'Error:'): Message => ({ severity: 'error', summary, detail });

export const MSG = {
  required: err('Ingrese su cédula o código.'),
  invalidCedula: err('El número de cédula ingresado no es válido.'),
  notRegistered: err('Cédula No se Encuentra Registrada en el IESS.'),
  alreadyBlocked: err(
    'Su clave se encuentra bloqueada. Para desbloquearla utilice la opción «Desbloqueo de clave» o acérquese a un Centro de Atención Universal.',
  ),
  nowBlocked: err(
    'Su usuario ha sido bloqueado por superar el número de intentos permitidos. Utilice la opción «Desbloqueo de clave».',
  ),
  mismatch: (left: number) =>
    err(`Los datos ingresados no coinciden con la información registrada en el IESS. Le quedan ${left} ${left === 1 ? 'intento' : 'intentos'}.`),
  wrongImage: (left: number) =>
    err(`La imagen seleccionada no corresponde a su imagen de seguridad. Le quedan ${left} ${left === 1 ? 'intento' : 'intentos'}.`),
  wrongCode: (left: number) =>
    err(`El código ingresado es incorrecto. Le quedan ${left} ${left === 1 ? 'intento' : 'intentos'}.`),
  // The IESS OTP template's lock text (research §3.4): a pause on code generation, with its wait time.
  codePaused: err('Generación de códigos OTP bloqueadas por intentos fallidos, intente nuevamente en 02:41'),
  codeExpired: err('El código ha caducado. Solicite uno nuevo con «Reenviar código».'),
  codeResent: (masked: string): Message => ({ severity: 'info', summary: 'Información:', detail: `Se envió un nuevo código a ${masked}.` }),
  terms: err('Debe aceptar los términos y condiciones de uso para continuar.'),
  keyRule: err(KEY_RULE_TEXT),
  keyMismatch: err('La clave y su confirmación no coinciden.'),
};

export function buildRound(record: PersonRecord, round: number): VerificationRound {
  const labour = labourQuestions(record.persona);
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  const personal = record.personal.map((q) => q.question);
  return {
    labour: [pick(labour, 2 * round), pick(labour, 2 * round + 1)],
    personal: personal.length > 0 ? [pick(personal, round), pick(personal, round + 1)] : [],
  };
}

export function verificationView(world: PortalWorld, record: PersonRecord, round: number, messages?: Message[]): RecoverView {
  return {
    step: 'verification',
    name: record.persona.name,
    cedula: record.persona.cedula,
    round: buildRound(record, round),
    remaining: world.remaining(record),
    ...(world.config.birthDateAs === 'lists' ? { birthAs: 'lists' as const } : {}),
    ...(messages ? { messages } : {}),
  };
}

function render(req: FlowRequest, form: RecoverForm, view: RecoverView): Reply {
  const viewId = form === 'frmRecuperar' ? INDEX_VIEW : LINK_VIEW;
  return renderStep(
    req,
    viewId,
    regionId(form),
    (pc) => recoverDocument(form, pc, view),
    (pc) => recoverRegion(form, pc, view),
  );
}

/** Where a verified person goes next; also sends the mail or code when that is the next step. */
function afterVerification(req: FlowRequest, record: PersonRecord, skipImage = false): RecoverView {
  if (!record.hasKey) return { step: 'profile', tab: 0, values: emptyProfile() };
  if (!record.email) return { step: 'no-email', cedula: record.persona.cedula };
  if (record.securityImage && !skipImage) return { step: 'security-image' };
  return sendNext(req, record);
}

function sendNext(req: FlowRequest, record: PersonRecord): RecoverView {
  const email = record.email ?? '';
  const { world, urls } = req;
  if (record.persona.otp) {
    const code = world.issueCode(record.persona.cedula);
    world.inbox.send({
      to: email,
      owner: record.persona.id,
      subject: 'IESS - Código de verificación',
      paragraphs: [
        `Estimado(a) ${record.persona.name}:`,
        'Su código de verificación para generar su clave personal es:',
        `El código estará vigente durante ${Math.round(world.config.codeValidityMs / 60000)} minutos. No lo comparta con nadie.`,
      ],
      code,
      delayMs: world.mailDelay(record.persona),
    });
    return { step: 'code', maskedEmail: maskEmail(email), secondsLeft: world.codeSecondsLeft(record.persona.cedula) };
  }
  const token = world.issueLink('recover', record.persona.cedula);
  world.inbox.send({
    to: email,
    owner: record.persona.id,
    subject: 'IESS - Generación de clave personal',
    paragraphs: [
      `Estimado(a) ${record.persona.name}:`,
      'Usted solicitó generar o recuperar su clave personal del IESS. Para continuar haga clic en el siguiente enlace.',
      `El enlace estará vigente durante ${Math.round(world.config.linkValidityMs / 1000)} segundos desde el envío de este correo. Si usted no realizó esta solicitud, ignore este mensaje.`,
    ],
    link: { href: `${urls.app}${KEY_LINK_PATH}?token=${token}`, text: 'Clic para Continuar' },
    delayMs: world.mailDelay(record.persona),
  });
  return { step: 'email-sent', maskedEmail: maskEmail(email), validityMs: world.config.linkValidityMs };
}

function readProfile(req: FlowRequest, form: RecoverForm): ProfileValues {
  const f = (name: string) => field(req, `${form}:${name}`);
  return {
    email: f(RF.email),
    emailConfirm: f(RF.emailConfirm),
    mobile: f(RF.mobile),
    landline: f(RF.landline),
    image: f(RF.profileImage),
    questions: [f(RF.questions[0]), f(RF.questions[1]), f(RF.questions[2])],
    answers: [f(RF.answers[0]), f(RF.answers[1]), f(RF.answers[2])],
  };
}

export function profileErrors(values: ProfileValues, tab: number): Message[] {
  const out: Message[] = [];
  if (tab === 0) {
    if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(values.email)) out.push(err('Ingrese un correo electrónico válido.'));
    else if (values.email.toLowerCase() !== values.emailConfirm.toLowerCase()) out.push(err('Los correos electrónicos no coinciden.'));
    if (!/^09\d{8}$/.test(values.mobile)) out.push(err('El teléfono celular debe tener 10 dígitos y empezar con 09.'));
    if (values.landline && !/^0[2-7]\d{7}$/.test(values.landline))
      out.push(err('El teléfono convencional debe tener 9 dígitos incluido el código de provincia.'));
  } else if (tab === 1) {
    if (!values.image) out.push(err('Seleccione una imagen de seguridad.'));
  } else {
    const chosen = values.questions.filter((q) => (PERSONAL_QUESTION_BANK as readonly string[]).includes(q));
    if (chosen.length < 3 || new Set(chosen).size < 3) out.push(err('Seleccione tres preguntas distintas.'));
    if (values.answers.some((a) => a.length < 2)) out.push(err('Escriba una respuesta para cada pregunta.'));
  }
  return out;
}

function keyErrors(req: FlowRequest, form: RecoverForm): { key: string; errors: Message[] } {
  const key = field(req, `${form}:${RF.key}`);
  const confirm = field(req, `${form}:${RF.keyConfirm}`);
  if (!isValidNewKey(key)) return { key, errors: [MSG.keyRule] };
  if (key !== confirm) return { key, errors: [MSG.keyMismatch] };
  return { key, errors: [] };
}

function blockedIdentity(cedula: string, message: Message): RecoverView {
  return { step: 'identity', cedula, messages: [message] };
}

/** Steps after the mail link (or after the OTP code): terms → new key → done. Returns the next view. */
function keySteps(req: FlowRequest, form: RecoverForm, view: RecoverView, record: PersonRecord, onDone: () => void): RecoverView {
  if (view.step === 'terms') {
    if (!submittedBy(req.form, [`${form}:${RF.acceptButton}`])) return view;
    return req.form.get(`${form}:${RF.accept}`) ? { step: 'new-key' } : { step: 'terms', messages: [MSG.terms] };
  }
  if (view.step === 'new-key') {
    if (!submittedBy(req.form, [`${form}:${RF.generate}`])) return view;
    const { key, errors } = keyErrors(req, form);
    if (errors.length > 0) return { step: 'new-key', messages: errors };
    record.hasKey = true;
    record.blocked = false;
    record.failedAttempts = 0;
    record.currentKey = key;
    onDone();
    return { step: 'done' };
  }
  return view;
}

/** GET/POST of the entry page (…/iess-gestion-desbloqueo-publico-web/ and …/index.jsf). */
export function handleRecover(req: FlowRequest): Reply {
  const form: RecoverForm = 'frmRecuperar';
  if (req.method === 'GET') {
    // A GET builds a new view: the flow starts over, as with JSF.
    req.session.recover = { view: { step: 'identity' }, round: 0 };
    return render(req, form, req.session.recover.view);
  }
  const blocked = restoreView(req, INDEX_VIEW, RECOVER_APP);
  if (blocked) return blocked;
  const state = (req.session.recover ??= { view: { step: 'identity' }, round: 0 });
  const id = (name: string) => `${form}:${name}`;
  const world = req.world;
  const view = state.view;
  const record = state.cedula ? world.person(state.cedula) : undefined;

  if (view.step === 'identity' || !record) {
    if (!submittedBy(req.form, [id(RF.search)])) return render(req, form, view);
    const cedula = field(req, id(RF.cedula));
    const messages: Message[] = [];
    if (!cedula) messages.push(MSG.required);
    else if (!isValidCedula(cedula)) messages.push(MSG.invalidCedula);
    const captcha = world.captcha.consume(req.form.get(CAPTCHA_FIELD));
    if (captcha !== 'ok') messages.push(captchaMessage(captcha));
    if (messages.length > 0) return render(req, form, (state.view = { step: 'identity', cedula, messages }));
    const found = world.person(cedula);
    if (found?.persona.flow === 'challenge') return htmlReply(challengeDocument());
    if (found?.persona.flow === 'app-error') return redirectReply(errorPath(RECOVER_APP, 'errorAplicacion'), req.ajax);
    if (!found) return render(req, form, (state.view = { step: 'identity', cedula, messages: [MSG.notRegistered] }));
    if (found.blocked) return render(req, form, (state.view = blockedIdentity(cedula, MSG.alreadyBlocked)));
    state.cedula = cedula;
    state.round = 0;
    return render(req, form, (state.view = verificationView(world, found, state.round)));
  }

  let next: RecoverView = view;
  switch (view.step) {
    case 'verification': {
      const source = submittedBy(req.form, [id(RF.verify), id(RF.cancel)]);
      if (source === id(RF.cancel)) {
        next = { step: 'identity' };
        break;
      }
      if (!source) break;
      const round = buildRound(record, state.round);
      const p = record.persona;
      const ok =
        Number(field(req, id(RF.day))) === p.birthDay &&
        Number(field(req, id(RF.month))) === p.birthMonth &&
        round.labour.every((q, i) => field(req, id(RF.labour[i] ?? '')) === q.answer) &&
        round.personal.every((q, i) =>
          sameAnswer(field(req, id(RF.personal[i] ?? '')), record.personal.find((a) => a.question === q)?.answer ?? ''),
        );
      if (ok) {
        record.failedAttempts = 0;
        next = afterVerification(req, record);
        break;
      }
      const left = world.fail(record);
      state.round += 1;
      next = left === 0 ? blockedIdentity(p.cedula, MSG.nowBlocked) : verificationView(world, record, state.round, [MSG.mismatch(left)]);
      break;
    }
    case 'security-image': {
      if (!submittedBy(req.form, [id(RF.imageContinue)])) break;
      if (field(req, id(RF.image)) === record.securityImage) {
        record.failedAttempts = 0;
        next = afterVerification(req, record, true);
        break;
      }
      const left = world.fail(record);
      next = left === 0 ? blockedIdentity(record.persona.cedula, MSG.nowBlocked) : { step: 'security-image', messages: [MSG.wrongImage(left)] };
      break;
    }
    case 'profile': {
      const source = submittedBy(req.form, [id(RF.back), id(RF.next), id(RF.saveProfile)]);
      const values = readProfile(req, form);
      if (source === id(RF.back)) {
        next = { step: 'profile', tab: view.tab === 2 ? 1 : 0, values };
        break;
      }
      if (!source) break;
      const errors = profileErrors(values, view.tab);
      if (errors.length > 0) {
        next = { step: 'profile', tab: view.tab, values, messages: errors };
        break;
      }
      if (source === id(RF.next) && view.tab < 2) {
        next = { step: 'profile', tab: view.tab === 0 ? 1 : 2, values };
        break;
      }
      if (source !== id(RF.saveProfile) || view.tab !== 2) break;
      record.email = values.email;
      record.securityImage = values.image;
      record.personal = values.questions.map((q, i) => ({ question: q, answer: values.answers[i] ?? '' }));
      next = sendNext(req, record);
      break;
    }
    case 'code': {
      const source = submittedBy(req.form, [id(RF.validateCode), id(RF.resendCode)]);
      if (source === id(RF.resendCode)) {
        next = sendNext(req, record);
        if (next.step === 'code') next.messages = [MSG.codeResent(next.maskedEmail)];
        break;
      }
      if (!source) break;
      const check = world.checkCode(record.persona.cedula, field(req, id(RF.code)));
      const base = { maskedEmail: view.maskedEmail, secondsLeft: world.codeSecondsLeft(record.persona.cedula) };
      if (check === 'ok') next = { step: 'terms' };
      else if (check === 'expired') next = { step: 'code', ...base, messages: [MSG.codeExpired] };
      else {
        const left = world.fail(record);
        next = left === 0 ? blockedIdentity(record.persona.cedula, MSG.nowBlocked) : { step: 'code', ...base, messages: [MSG.wrongCode(left)] };
      }
      break;
    }
    case 'terms':
    case 'new-key':
      next = keySteps(req, form, view, record, () => undefined);
      break;
    default:
      break;
  }
  state.view = next;
  return render(req, form, next);
}

/** The page the mail link opens (…/public/generarClave.jsf?token=…): terms → new key → done. */
export function handleKeyLink(req: FlowRequest): Reply {
  const form: RecoverForm = 'frmClave';
  const home = `${req.urls.app}${RECOVER_ENTRY}`;
  if (req.method === 'GET') {
    const token = req.query.get('token');
    const current = req.session.keyLink;
    if (!token) return current ? render(req, form, current.view) : htmlReply(errorDocument('link-invalid', home));
    const opened = req.world.openLink(token, 'recover', req.session.id);
    if (opened.check === 'expired') return htmlReply(errorDocument('link-expired', home));
    if (opened.check === 'used') return htmlReply(errorDocument('link-used', home));
    if (opened.check !== 'ok' || !opened.owner) return htmlReply(errorDocument('link-invalid', home));
    if (!current || current.token !== token) req.session.keyLink = { token, cedula: opened.owner, view: { step: 'terms' } };
    return render(req, form, req.session.keyLink?.view ?? { step: 'terms' });
  }
  const blocked = restoreView(req, LINK_VIEW, RECOVER_APP);
  if (blocked) return blocked;
  const state = req.session.keyLink;
  const record = state ? req.world.person(state.cedula) : undefined;
  if (!state || !record) return htmlReply(errorDocument('link-invalid', home));
  state.view = keySteps(req, form, state.view, record, () => req.world.useLink(state.token));
  return render(req, form, state.view);
}
