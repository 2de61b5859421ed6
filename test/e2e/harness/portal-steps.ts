/** Steps of the practice portal's recovery form that several E2E files take the same way. */
import { tickCaptcha } from '../../walkthrough/walks';
import type { PageDriver } from './driver';

export const RECOVER_CEDULA = '[id="frmRecuperar:txtCedula"]';
export const RECOVER_SEARCH = '[id="frmRecuperar:btnBuscar"]';

/** Types the cédula and ticks the CAPTCHA stand-in, as the walks do: the form is ready to submit. */
export async function fillIdentity(driver: PageDriver, cedula: string): Promise<void> {
  await driver.fill(RECOVER_CEDULA, cedula);
  await tickCaptcha(driver);
}
