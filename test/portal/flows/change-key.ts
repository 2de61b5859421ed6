/** "Cambio de clave": needs the current key, so people who forgot theirs cannot use it. */
import { submittedBy, type Reply } from '../jsf';
import { isValidNewKey } from '../pages/common';
import { CF, CHANGE_REGION, changeKeyDocument, changeKeyRegion, AFILIADO_APP, type ChangeKeyView } from '../pages/www';
import { field, renderStep, restoreView, type FlowRequest } from './common';
import { err, MSG } from './recover';

export interface ChangeKeyState {
  view: ChangeKeyView;
  cedula?: string;
}

const VIEW = 'afiliado:cambioClave';

export const CHANGE_MSG = {
  wrong: err('Cédula o clave actual incorrecta. Si olvidó su clave use la opción «Generar / Recuperar clave».'),
  agree: err('Debe aceptar el acuerdo de responsabilidad de uso de la clave.'),
};

function render(req: FlowRequest, view: ChangeKeyView): Reply {
  return renderStep(req, VIEW, CHANGE_REGION, (pc) => changeKeyDocument(pc, view), (pc) => changeKeyRegion(pc, view), true);
}

export function handleChangeKey(req: FlowRequest): Reply {
  if (req.method === 'GET') {
    req.session.changeKey = { view: { step: 'change-key' } };
    return render(req, req.session.changeKey.view);
  }
  const stale = restoreView(req, VIEW, AFILIADO_APP);
  if (stale) return stale;
  const state = (req.session.changeKey ??= { view: { step: 'change-key' } });
  if (state.view.step === 'change-key' && submittedBy(req.form, [CF.change])) {
    const cedula = field(req, CF.cedula);
    const record = req.world.person(cedula);
    if (!req.form.get(CF.agree)) state.view = { step: 'change-key', cedula, messages: [CHANGE_MSG.agree] };
    else if (!record?.currentKey || record.currentKey !== field(req, CF.current) || record.blocked)
      state.view = { step: 'change-key', cedula, messages: [CHANGE_MSG.wrong] };
    else {
      state.cedula = cedula;
      state.view = { step: 'change-new' };
    }
  } else if (state.view.step === 'change-new' && submittedBy(req.form, [CF.accept])) {
    const key = field(req, CF.key);
    const record = state.cedula ? req.world.person(state.cedula) : undefined;
    if (!isValidNewKey(key)) state.view = { step: 'change-new', messages: [MSG.keyRule] };
    else if (key !== field(req, CF.keyConfirm)) state.view = { step: 'change-new', messages: [MSG.keyMismatch] };
    else {
      if (record) record.currentKey = key;
      state.view = { step: 'done' };
    }
  }
  return render(req, state.view);
}
