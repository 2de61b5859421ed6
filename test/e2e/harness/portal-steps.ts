/** Steps of the practice portal's recovery form that several E2E files take the same way. */
import { expect } from 'vitest';
import type { PageDriver } from './driver';

export const RECOVER_CEDULA = '[id="frmRecuperar:txtCedula"]';
export const RECOVER_SEARCH = '[id="frmRecuperar:btnBuscar"]';

/**
 * Types the cédula, ticks the CAPTCHA stand-in and waits for its token: the form is ready to submit. The
 * CAPTCHA frame is cross-origin and attaches after the page's load event, so the click waits for it (a frame
 * looked up once right after the load can still be missing on a slow machine).
 */
export async function fillIdentity(driver: PageDriver, cedula: string): Promise<void> {
  await driver.fill(RECOVER_CEDULA, cedula);
  await driver.clickInFrame('/captcha/anchor', '#recaptcha-anchor');
  await expect
    .poll(() => driver.evaluate(() => (document.getElementById('g-recaptcha-response') as HTMLTextAreaElement).value.length, null))
    .toBeGreaterThan(0);
}
