/** Steps of the practice portal's recovery form that several E2E files take the same way. */
import { expect } from 'vitest';
import type { PageDriver } from './driver';

export const RECOVER_CEDULA = '[id="frmRecuperar:txtCedula"]';
export const RECOVER_SEARCH = '[id="frmRecuperar:btnBuscar"]';

/** Types the cédula, ticks the CAPTCHA stand-in and waits for its token: the form is ready to submit. */
export async function fillIdentity(driver: PageDriver, cedula: string, tickCaptcha: () => Promise<void>): Promise<void> {
  await driver.fill(RECOVER_CEDULA, cedula);
  await tickCaptcha();
  await expect
    .poll(() => driver.evaluate(() => (document.getElementById('g-recaptcha-response') as HTMLTextAreaElement).value.length, null))
    .toBeGreaterThan(0);
}
