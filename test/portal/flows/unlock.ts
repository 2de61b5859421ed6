/** Logic of "Desbloqueo de clave": cédula → link by mail (3 minutes) → unlocked. */
import { isValidCedula } from '../cedula';
import { htmlReply, redirectReply, submittedBy, type Reply } from '../jsf';
import type { Message } from '../layout';
import { challengeDocument, errorDocument } from '../pages/errors';
import { UF, UNLOCK_APP, UNLOCK_LINK_PATH, UNLOCK_PAGE, UNLOCK_REGION, unlockDocument, unlockedDocument, unlockRegion, type UnlockView } from '../pages/unlock';
import { maskEmail } from '../personas';
import { errorPath, field, renderStep, restoreView, type FlowRequest } from './common';
import { err, MSG } from './recover';

export interface UnlockState {
  view: UnlockView;
}

const VIEW = 'unlock:index';

export const UNLOCK_MSG = {
  notBlocked: { severity: 'warn', summary: 'Aviso:', detail: 'Su clave no se encuentra bloqueada. Si la olvidó, use la opción «Generar / Recuperar clave».' } as Message,
  noFingerprint: err(
    'Su clave está bloqueada y no registra huella dactilar en el IESS. Para desbloquearla en línea debe registrar su huella en un Centro de Atención Universal (CAU).',
  ),
  // Blocked, and the message does not say why (issue 18: not to be read as "no fingerprint").
  blocked: err('Su clave se encuentra bloqueada. No fue posible desbloquearla.'),
  noEmail: err('No tiene un correo electrónico registrado en el IESS. Acérquese a un Centro de Atención Universal (CAU).'),
};

function render(req: FlowRequest, view: UnlockView): Reply {
  return renderStep(req, VIEW, UNLOCK_REGION, (pc) => unlockDocument(pc, view), (pc) => unlockRegion(pc, view));
}

export function handleUnlock(req: FlowRequest): Reply {
  if (req.method === 'GET') {
    req.session.unlock = { view: { step: 'identity' } };
    return render(req, req.session.unlock.view);
  }
  const stale = restoreView(req, VIEW, UNLOCK_APP);
  if (stale) return stale;
  const state = (req.session.unlock ??= { view: { step: 'identity' } });
  if (state.view.step !== 'identity' || !submittedBy(req.form, [UF.unlock])) return render(req, state.view);
  const cedula = field(req, UF.cedula);
  const fail = (m: Message) => render(req, (state.view = { step: 'identity', cedula, messages: [m] }));
  if (!cedula) return fail(MSG.required);
  if (!isValidCedula(cedula)) return fail(MSG.invalidCedula);
  const record = req.world.person(cedula);
  if (record?.persona.flow === 'challenge') return htmlReply(challengeDocument());
  if (record?.persona.flow === 'app-error') return redirectReply(errorPath(UNLOCK_APP, 'errorAplicacion'), req.ajax);
  if (!record) return fail(MSG.notRegistered);
  if (!record.blocked) return fail(UNLOCK_MSG.notBlocked);
  if (!record.persona.fingerprint) return fail(UNLOCK_MSG.noFingerprint);
  if (!record.email) return fail(UNLOCK_MSG.noEmail);
  const token = req.world.issueLink('unlock', cedula);
  const minutes = Math.round(req.world.config.linkValidityMs / 60000);
  req.world.inbox.send({
    to: record.email,
    owner: record.persona.id,
    subject: 'IESS - Desbloqueo de clave',
    paragraphs: [
      `Estimado(a) ${record.persona.name}:`,
      `Para desbloquear su clave haga clic en el siguiente enlace, el mismo estará vigente durante ${minutes} minutos.`,
    ],
    link: { href: `${req.urls.app}${UNLOCK_LINK_PATH}?token=${token}`, text: 'Clic para Continuar' },
    delayMs: req.world.mailDelay(record.persona),
  });
  state.view = { step: 'email-sent', maskedEmail: maskEmail(record.email), validityMs: req.world.config.linkValidityMs };
  return render(req, state.view);
}

export function handleUnlockLink(req: FlowRequest): Reply {
  const home = `${req.urls.app}${UNLOCK_PAGE}`;
  const opened = req.world.openLink(req.query.get('token'), 'unlock', req.session.id);
  if (opened.check === 'expired') return htmlReply(errorDocument('link-expired', home));
  if (opened.check === 'used') return htmlReply(errorDocument('link-used', home));
  const record = opened.owner ? req.world.person(opened.owner) : undefined;
  if (opened.check !== 'ok' || !record) return htmlReply(errorDocument('link-invalid', home));
  record.blocked = false;
  record.failedAttempts = 0;
  req.world.useLink(req.query.get('token') ?? '');
  return htmlReply(unlockedDocument({ urls: req.urls }));
}
