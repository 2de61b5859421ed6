/**
 * The check behind `npm run facts` and test/unit/flow/claims.test.ts: every claim has a source, every claim
 * without a confirmed source is hedged in Spanish and English, and every sentence the guide shows that states a
 * duration, a count, an attempt limit or a place to go belongs to a claim (issue 18).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FlowId } from '../../src/detect/vocabulary';
import { alertMessageKeys } from '../../src/flow/alerts';
import { CLAIMS, confidence, sourceLabel, type Claim } from '../../src/flow/claims';
import { PHASE_MESSAGES } from '../../src/flow/countdown';
import { LINK_VALIDITY_SOURCE } from '../../src/flow/durations';
import { EMAIL_WAIT_MESSAGE_KEYS } from '../../src/flow/email-wait';
import { alertScreenExamples, GUIDED_STEPS, guideFor, guideMessageKeys } from '../../src/flow/guidance';

type Catalogue = Record<string, { message: string }>;
const LOCALES = resolve(import.meta.dirname, '../../src/public/_locales');
const load = (lang: string): Catalogue => JSON.parse(readFileSync(resolve(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;

/** Words that state a fact the person will act on: a duration, a count, attempts, a place to go. */
const FACT_MARKER = /\d+\s*(minutos?|min\b|d[ií]gitos|horas?)|\b(dos|tres|quince) (minutos|preguntas)|una sola vez|intentos|oficina|centro de atenci[oó]n|\bCAU\b|huella/i;
/** How a claim that is not confirmed says so. */
export const HEDGE: Readonly<Record<'es' | 'en', RegExp>> = {
  es: /seg[uú]n|puede que|\bpuede(n)? |si la p[aá]gina|la p[aá]gina dice|el mensaje|probabl|suele|normalmente|\bunos |\bunas |m[aá]s o menos|aprox|a veces|quiz[aá]|sin cifra/i,
  en: /according to|\bmay\b|\bmight\b|if the page|the page says|the message|probabl|usually|normally|likely|\babout\b|approx|sometimes|\bcan\b|no published/i,
};

/** Every message key the guide can show on a step, an alert, the countdown or the email-wait advice. */
export function shownKeys(): Map<string, string> {
  const where = new Map<string, string>();
  const flows: FlowId[] = ['recover', 'unlock', 'employer'];
  for (const flow of flows)
    for (const step of GUIDED_STEPS) {
      const guide = guideFor(step, flow);
      if (guide) for (const key of guideMessageKeys(guide)) if (!where.has(key)) where.set(key, step);
    }
  for (const e of alertScreenExamples()) {
    const guide = guideFor(e.step, e.flow, [e.alert]);
    if (guide) for (const key of guideMessageKeys(guide)) if (!where.has(key)) where.set(key, e.step);
  }
  for (const key of alertMessageKeys()) if (!where.has(key)) where.set(key, 'alerts');
  for (const key of [...Object.values(PHASE_MESSAGES), ...Object.values(LINK_VALIDITY_SOURCE), ...EMAIL_WAIT_MESSAGE_KEYS, 'countdownBadgeExpired', 'countdownAnnounceExpired', 'cdPopupExplain'])
    if (!where.has(key)) where.set(key, 'countdown');
  return where;
}

export interface FactsReport {
  claims: Array<Claim & { confidence: string; source_: string }>;
  problems: string[];
}

export function checkFacts(claims: readonly Claim[] = CLAIMS): FactsReport {
  const catalogues = { es: load('es'), en: load('en') };
  const problems: string[] = [];
  const claimed = new Set<string>();
  const ids = new Set<string>();
  for (const claim of claims) {
    if (ids.has(claim.id)) problems.push(`${claim.id}: claim id used twice`);
    ids.add(claim.id);
    if (!claim.source) {
      problems.push(`${claim.id}: no source`);
      continue;
    }
    if (claim.keys.length + (claim.applied?.length ?? 0) === 0) problems.push(`${claim.id}: no sentence states or applies it`);
    for (const key of claim.applied ?? []) {
      claimed.add(key);
      for (const lang of ['es', 'en'] as const) if (catalogues[lang][key] === undefined) problems.push(`${claim.id}: ${key} missing in ${lang}`);
    }
    const sure = confidence(claim.source) === 'confirmed';
    for (const key of claim.keys) {
      claimed.add(key);
      for (const lang of ['es', 'en'] as const) {
        const text = catalogues[lang][key]?.message;
        if (text === undefined) problems.push(`${claim.id}: ${key} missing in ${lang}`);
        else if (!sure && !HEDGE[lang].test(text)) problems.push(`${claim.id} (${confidence(claim.source)}): ${key} [${lang}] states it as certain: «${text}»`);
      }
    }
  }
  for (const [key, where] of shownKeys()) {
    const text = catalogues.es[key]?.message ?? '';
    if (FACT_MARKER.test(text) && !claimed.has(key)) problems.push(`${where}: ${key} states a fact with no claim: «${text}»`);
  }
  const listed = claims.filter((c) => c.source);
  return { claims: listed.map((c) => ({ ...c, confidence: confidence(c.source), source_: sourceLabel(c.source) })), problems };
}
