/** Logic of the employer key recovery: RUC + sucursal + representative → code by mail → new key → done. */
import { captchaMessage, CAPTCHA_FIELD } from '../captcha';
import { householdCedula, isValidCedula, isWellFormedRuc } from '../cedula';
import { submittedBy, type Reply } from '../jsf';
import type { Message } from '../layout';
import { isValidNewKey } from '../pages/common';
import { EF, EMPLOYER_REGION, employerDocument, employerRegion, type EmployerView, EMPLOYER_APP } from '../pages/employer';
import { maskEmail, type Employer } from '../personas';
import { field, renderStep, restoreView, type FlowRequest } from './common';
import { err, MSG } from './recover';

export interface EmployerState {
  view: EmployerView;
  ruc?: string;
  failed: number;
}

const VIEW = 'employer:recuperarClave';

export const EMPLOYER_MSG = {
  ruc: err('El RUC debe tener 13 digitos.'),
  sucursal: err('La sucursal debe tener 4 digitos (por ejemplo 0001).'),
  representative: err('La cedula del representante legal no es valida.'),
  notEmployer: err('El RUC ingresado NO se encuentra registrado como empleador.'),
  mismatch: err('Los datos ingresados no coinciden con la informacion registrada en el IESS.'),
  blocked: err('Ha superado el numero de intentos permitidos. Su clave de empleador se encuentra bloqueada; acerquese a un Centro de Atencion Universal.'),
};

function render(req: FlowRequest, view: EmployerView): Reply {
  return renderStep(req, VIEW, EMPLOYER_REGION, (pc) => employerDocument(pc, view), (pc) => employerRegion(pc, view), true);
}

function sendCode(req: FlowRequest, employer: Employer): EmployerView {
  const code = req.world.issueCode(employer.ruc);
  req.world.inbox.send({
    to: employer.email,
    owner: employer.id,
    subject: 'IESS - Codigo de verificacion para recuperar clave de empleador',
    paragraphs: [`Estimado empleador ${employer.businessName}:`, 'Su codigo de verificacion es:'],
    code,
    delayMs: req.world.config.deliveryDelayMs,
  });
  return { step: 'code', maskedEmail: maskEmail(employer.email), secondsLeft: req.world.codeSecondsLeft(employer.ruc) };
}

export function handleEmployer(req: FlowRequest): Reply {
  if (req.method === 'GET') {
    req.session.employer = { view: { step: 'identity' }, failed: 0 };
    return render(req, req.session.employer.view);
  }
  const stale = restoreView(req, VIEW, EMPLOYER_APP);
  if (stale) return stale;
  const state = (req.session.employer ??= { view: { step: 'identity' }, failed: 0 });
  const view = state.view;
  const employer = state.ruc ? req.world.employer(state.ruc) : undefined;

  if (view.step === 'identity' || !employer) {
    if (!submittedBy(req.form, [EF.validate])) return render(req, view);
    const ruc = field(req, EF.ruc);
    const sucursal = field(req, EF.sucursal);
    const representative = field(req, EF.representative);
    const messages: Message[] = [];
    if (!isWellFormedRuc(ruc)) messages.push(EMPLOYER_MSG.ruc);
    if (!/^\d{4}$/.test(sucursal)) messages.push(EMPLOYER_MSG.sucursal);
    if (!isValidCedula(representative)) messages.push(EMPLOYER_MSG.representative);
    const captcha = req.world.captcha.consume(req.form.get(CAPTCHA_FIELD));
    if (captcha !== 'ok') messages.push(captchaMessage(captcha));
    const again = (list: Message[]) => render(req, (state.view = { step: 'identity', ruc, sucursal, representative, messages: list }));
    if (messages.length > 0) return again(messages);
    const found = req.world.employer(ruc);
    if (!found) return again([EMPLOYER_MSG.notEmployer]);
    // Household employers: the RUC is the cédula + 000, and the representative is that same person.
    const household = householdCedula(ruc);
    if (found.sucursal !== sucursal || found.representativeCedula !== representative || (household && household !== representative))
      return again([EMPLOYER_MSG.mismatch]);
    state.ruc = ruc;
    state.failed = 0;
    return render(req, (state.view = sendCode(req, found)));
  }

  if (view.step === 'code') {
    const source = submittedBy(req.form, [EF.validateCode, EF.resend]);
    if (source === EF.resend) {
      const next = sendCode(req, employer);
      return render(req, (state.view = { ...next, messages: [MSG.codeResent(maskEmail(employer.email))] } as EmployerView));
    }
    if (!source) return render(req, view);
    const check = req.world.checkCode(employer.ruc, field(req, EF.code));
    const base = { step: 'code' as const, maskedEmail: view.maskedEmail, secondsLeft: req.world.codeSecondsLeft(employer.ruc) };
    if (check === 'ok') state.view = { step: 'new-key' };
    else if (check === 'expired') state.view = { ...base, messages: [MSG.codeExpired] };
    else {
      state.failed += 1;
      const left = req.world.config.maxAttempts - state.failed;
      state.view = left <= 0 ? { step: 'identity', messages: [EMPLOYER_MSG.blocked] } : { ...base, messages: [MSG.wrongCode(left)] };
    }
    return render(req, state.view);
  }

  if (view.step === 'new-key' && submittedBy(req.form, [EF.save])) {
    const key = field(req, EF.key);
    if (!isValidNewKey(key)) state.view = { step: 'new-key', messages: [MSG.keyRule] };
    else if (key !== field(req, EF.keyConfirm)) state.view = { step: 'new-key', messages: [MSG.keyMismatch] };
    else state.view = { step: 'done' };
  }
  return render(req, state.view);
}
