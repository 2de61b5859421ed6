/**
 * The official IESS pages ClaveGuía points people to. Only these addresses are ever linked from the overlay,
 * so a look-alike page cannot make us advertise its own address.
 */
import type { MessageKey } from '../i18n/t';

export const OFFICIAL_LINKS = {
  recover: {
    href: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/',
    label: 'ovLinkRecover',
  },
  unlock: {
    href: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf',
    label: 'ovLinkUnlock',
  },
  // The employer login page, which holds the employer's own «Recuperar clave» (its form has no published address).
  employer: {
    href: 'https://www.iess.gob.ec/empleador-web/pages/principal.jsf',
    label: 'ovLinkEmployer',
  },
} as const satisfies Record<string, OfficialLink>;

export interface OfficialLink {
  href: string;
  label: MessageKey;
}

export type OfficialLinkId = keyof typeof OFFICIAL_LINKS;
