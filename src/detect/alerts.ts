/** Alerts come from the page's message regions; on pages without a form, also from headings and text. */
import type { Features } from './features';
import { withoutQuestions } from './questions';
import { ALERT_RULES } from './rules';
import { clip } from '../text/fold';
import { ALERT_IDS, type AlertId } from './vocabulary';

/**
 * A finer reading replaces the coarser ones the same words also raise: "no tiene correo registrado" is not an
 * unknown cédula, "no registra huella" says why the key stays blocked, a pause on code generation with its wait
 * time is not a blocked key (issue 18). "No consta su huella…; el desbloqueo en línea no está disponible" is
 * neither an unknown cédula nor the service down (corpus round 5).
 */
const SUPERSEDES: ReadonlyMap<AlertId, readonly AlertId[]> = new Map<AlertId, readonly AlertId[]>([
  ['no-email', ['not-registered']],
  ['no-fingerprint', ['account-blocked', 'not-registered', 'service-unavailable']],
  ['code-paused', ['account-blocked']],
]);

export interface AlertResult {
  alerts: AlertId[];
  signals: string[];
}

/**
 * `formless`: the page shows no control at all, so its info messages and headings are the whole story;
 * `errorPage`: the page is an error page, whose body text is the message.
 */
export function readAlerts(f: Features, formless: boolean, errorPage: boolean): AlertResult {
  // Info messages on a form are usually instructions ("marque No soy un robot"), not problems.
  const sources = f.messages.filter((m) => formless || m.severity !== 'info').map((m) => m.text);
  if (formless || errorPage) sources.push(...f.headings);
  if (errorPage) sources.push(f.statements);
  // Prose that asks about a state ("¿Qué hago si mi clave está bloqueada?") is not the portal reporting it.
  for (let i = 0; i < sources.length; i++) sources[i] = withoutQuestions(sources[i] ?? '');
  const found = new Set<AlertId>();
  const signals: string[] = [];
  for (const rule of ALERT_RULES) {
    if (found.has(rule.alert)) continue;
    if (rule.flag === 'antiBot') {
      if (f.antiBot) {
        found.add(rule.alert);
        signals.push(`alert ${rule.alert}: anti-bot challenge`);
      }
      continue;
    }
    if (rule.errorPath) {
      if (errorPage && rule.errorPath.test(f.path)) {
        found.add(rule.alert);
        signals.push(`alert ${rule.alert}: path ${clip(f.path, 40)}`);
      }
      continue;
    }
    if (!rule.match) continue;
    for (const text of sources) {
      const m = rule.match.exec(text);
      if (m && !rule.not?.test(text)) {
        found.add(rule.alert);
        signals.push(`alert ${rule.alert}: "${clip(m[0], 30)}"`);
        break;
      }
    }
  }
  for (const [finer, coarser] of SUPERSEDES) if (found.has(finer)) for (const id of coarser) found.delete(id);
  return { alerts: ALERT_IDS.filter((a) => found.has(a)), signals };
}
