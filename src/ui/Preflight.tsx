/**
 * The pre-flight checklist for one flow and one person: each item with its one-line why, a tick, and what to
 * do when it cannot be met; a readiness summary ("3 de 8 listos"). Shared by the popup and the options page
 * (the page that stays open beside the portal). Words come from `_locales` via the item's keys.
 */
import { PREFLIGHT, readiness, type PreflightFlow } from '../flow/preflight';
import { t, type MessageKey } from '../i18n/t';

export const PREFLIGHT_FLOWS: readonly PreflightFlow[] = ['recover', 'unlock', 'employer'];
export const FLOW_NAME: Record<PreflightFlow, MessageKey> = {
  recover: 'flowRecover',
  unlock: 'flowUnlock',
  employer: 'flowEmployer',
};

export interface PreflightProps {
  /** Unique per page, so ids never collide when two checklists are on one page. */
  idPrefix: string;
  flow: PreflightFlow;
  onFlow(flow: PreflightFlow): void;
  ticks: Readonly<Record<string, boolean>>;
  onTick(id: string, ticked: boolean): void;
}

export function Preflight({ idPrefix, flow, onFlow, ticks, onTick }: PreflightProps) {
  const items = PREFLIGHT[flow] ?? PREFLIGHT.recover;
  const { ready, total } = readiness(flow, ticks);
  const summaryId = `${idPrefix}-summary`;
  return (
    <div class="preflight" data-flow={flow}>
      <fieldset class="choices">
        <legend>{t('ppFlowLegend')}</legend>
        {PREFLIGHT_FLOWS.map((f) => (
          <label key={f} class="choice">
            <input
              type="radio"
              name={`${idPrefix}-flow`}
              value={f}
              checked={f === flow}
              onChange={() => onFlow(f)}
            />
            <span>{t(FLOW_NAME[f])}</span>
          </label>
        ))}
      </fieldset>
      <p id={summaryId} class="readiness" role="status" data-ready={ready} data-total={total}>
        {t('preflightSummary', String(ready), String(total))}
      </p>
      <ul class="preflight-items" aria-describedby={summaryId}>
        {items.map((item) => {
          const id = `${idPrefix}-${item.id}`;
          const ticked = ticks[item.id] === true;
          return (
            <li key={item.id} data-item={item.id} data-ticked={String(ticked)}>
              <div class="check">
                <input
                  type="checkbox"
                  id={id}
                  checked={ticked}
                  aria-describedby={`${id}-why`}
                  onChange={(e) => onTick(item.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <label for={id}>{t(item.label)}</label>
              </div>
              <p id={`${id}-why`} class="why">
                {t(item.why)}
              </p>
              <details class="fallback">
                <summary>{t('ppCantMeet')}</summary>
                <p>{t(item.fallback)}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
