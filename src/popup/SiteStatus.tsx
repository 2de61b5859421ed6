/**
 * The active tab (activeTab): is it the official IESS portal, and what step and flow did the guide detect
 * there (structure only). The verdict is text first, with an icon shape as a second signal, never colour alone.
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import { t, type MessageKey } from '../i18n/t';
import type { TabStep } from '../storage/schema';
import type { ActiveTab } from '../ui/pages-store';

const FLOW_NAMES: Record<FlowId, MessageKey> = {
  recover: 'flowRecover',
  unlock: 'flowUnlock',
  employer: 'flowEmployer',
  unknown: 'flowUnknown',
};

const STEP_NAMES: Record<StepId, MessageKey> = {
  none: 'ppStepNone',
  start: 'stepStartTitle',
  identity: 'stepIdentityTitle',
  verification: 'stepVerificationTitle',
  'security-image': 'stepSecurityImageTitle',
  profile: 'stepProfileTitle',
  'email-sent': 'stepEmailSentTitle',
  code: 'stepCodeTitle',
  terms: 'stepTermsTitle',
  'new-key': 'stepNewKeyTitle',
  done: 'stepDoneTitle',
  'change-key': 'stepChangeKeyTitle',
  error: 'stepErrorTitle',
};

export function SiteStatus({ tab, step }: { tab: ActiveTab | null; step: TabStep | null }) {
  if (!tab) return <p class="site" data-verdict="loading">{t('ppTabReading')}</p>;
  const { site } = tab;
  const ok = site.verdict === 'official';
  const warn = site.verdict === 'lookalike' || site.verdict === 'insecure';
  return (
    <div class="site-status">
      <p class={`site ${ok ? 'ok' : warn ? 'warn' : 'neutral'}`} data-verdict={site.verdict} data-reason={site.reason}>
        <span class="site-mark" aria-hidden="true">
          {ok ? '✓' : warn ? '!' : '?'}
        </span>
        <span>
          <strong>{t(site.message, site.host)}</strong>
          {site.detail && <span class="site-detail">{` ${t(site.detail)}`}</span>}
        </span>
      </p>
      {step && STEP_NAMES[step.step] ? (
        <dl class="tab-step" data-step={step.step} data-flow={step.flow}>
          <dt>{t('ppStatusStep')}</dt>
          <dd>{t(STEP_NAMES[step.step])}</dd>
          <dt>{t('ppStatusFlow')}</dt>
          <dd>{t(FLOW_NAMES[step.flow] ?? 'flowUnknown')}</dd>
        </dl>
      ) : (
        tab.portalHost && <p class="hint">{t('ppStatusNone')}</p>
      )}
    </div>
  );
}
