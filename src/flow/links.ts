/**
 * The official IESS pages ClaveGuía sends people to: the ONE home for these addresses (overlay guidance, the
 * popup's buttons and the official-site check's tests all read them from here). Only these addresses are
 * ever linked, so a look-alike page cannot make us advertise its own address.
 */
import type { MessageKey } from '../i18n/t';

export type OfficialLinkId = 'recover' | 'unlock' | 'employer';

export interface OfficialLink {
  href: string;
  label: MessageKey;
  /** research/iess-portal.md §1 confidence: C1 official source, C2 public code against the live site, G a guess. */
  confidence: 'C1' | 'C2' | 'G';
}

export const OFFICIAL_LINKS: Readonly<Record<OfficialLinkId, OfficialLink>> = {
  // "Generar / Recuperar clave" for afiliados and pensionistas (IESS press release 2024-11-15).
  recover: {
    href: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/',
    label: 'ovLinkRecover',
    confidence: 'C1',
  },
  // "Desbloqueo de clave" (same press release).
  unlock: {
    href: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf',
    label: 'ovLinkUnlock',
    confidence: 'C1',
  },
  // No public URL for the employer's "Recuperar clave" was found; this is the employer system's login page
  // (C2), which holds the employer's own «Recuperar clave». Check against a real capture.
  employer: {
    href: 'https://www.iess.gob.ec/empleador-web/pages/principal.jsf',
    label: 'ovLinkEmployer',
    confidence: 'C2',
  },
};

export const OFFICIAL_LINK_IDS: readonly OfficialLinkId[] = ['recover', 'unlock', 'employer'];
