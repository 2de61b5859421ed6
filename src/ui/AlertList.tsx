import type { AlertGuide } from '../flow/alerts';
import { t } from '../i18n/t';
import { Icon } from './Icon';
import { OfficialLinks } from './OfficialLinks';

/**
 * The portal's problems, at the top of the panel. Each one has an icon shape, a severity word and a title, so
 * neither colour nor icon carries the meaning alone. Announcing is left to the single live region.
 */
export function AlertList({ alerts }: { alerts: AlertGuide[] }) {
  if (alerts.length === 0) return null;
  return (
    <section class="cg-alerts" aria-label={t('ovAlertsHeading')}>
      {alerts.map((alert) => (
        <div key={alert.id} class={`cg-alert cg-alert-${alert.severity}`} data-alert={alert.id}>
          <p class="cg-alert-title">
            <Icon name={alert.severity} size={22} />
            <span>
              <strong class="cg-alert-severity">
                {t(alert.severity === 'error' ? 'ovSeverityError' : 'ovSeverityWarning')}:
              </strong>{' '}
              {t(alert.title)}
            </span>
          </p>
          <ul class="cg-alert-advice">
            {alert.advice.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <OfficialLinks links={alert.links} />
        </div>
      ))}
    </section>
  );
}
