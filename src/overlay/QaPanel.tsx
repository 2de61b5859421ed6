import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/t';
import { Icon } from '../ui/Icon';
import type { QaReport } from './report';
import { AnonCopy } from '../ui/AnonCopy';
import type { CopyAnswer } from '../messages';

type CopyState = 'idle' | 'copied' | 'failed';

/** For testers: what the detector saw and the version, with "Copiar informe" (structure only, see report.ts). */
export function QaPanel({
  getReport,
  onCopy,
  makeCopy,
}: {
  getReport: () => QaReport;
  onCopy: () => Promise<boolean>;
  makeCopy?: (() => Promise<CopyAnswer | null>) | undefined;
}) {
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  return (
    <div class="cg-qa">
      <button
        type="button"
        class="cg-button cg-button-quiet"
        aria-expanded={open}
        aria-controls="cg-qa-body"
        data-action="qa"
        onClick={() => {
          setOpen(!open);
          setCopy('idle');
        }}
      >
        <Icon name="report" size={18} />
        <span>{t(open ? 'ovQaClose' : 'ovQaOpen')}</span>
      </button>
      {open && <QaBody report={getReport()} copy={copy} onCopy={async () => setCopy((await onCopy()) ? 'copied' : 'failed')} />}
      {open && makeCopy && <AnonCopy make={makeCopy} idPrefix="cg-qa-copy" />}
    </div>
  );
}

/** The open QA panel; its report is built only while it is shown. */
function QaBody({ report, copy, onCopy }: { report: QaReport; copy: CopyState; onCopy: () => void }) {
  const none = t('ovQaNone');
  const rows: [MessageKey, string][] = [
    ['ovQaStep', report.detected.step],
    ['ovQaChosen', report.shown.chosenByPerson ? report.shown.step : none],
    ['ovQaFlow', report.detected.flow],
    ['ovQaAlerts', report.detected.alerts.join(', ') || none],
    ['ovQaConfidence', report.detected.confidence.toFixed(2)],
    ['ovQaVersion', report.version],
  ];

  return (
    <div id="cg-qa-body" class="cg-qa-body" data-qa="">
      <h3>{t('ovQaHeading')}</h3>
      <p class="cg-muted">{t('ovQaNote')}</p>
      <dl class="cg-qa-rows">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('ovQaSignals')}</h4>
      {report.signals.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul class="cg-qa-signals">
          {report.signals.map((signal, i) => (
            <li key={i}>{signal}</li>
          ))}
        </ul>
      )}
      <button type="button" class="cg-button cg-button-secondary" data-action="copy-report" onClick={onCopy}>
        {t('ovQaCopy')}
      </button>
      {copy !== 'idle' && <p class="cg-muted">{t(copy === 'copied' ? 'ovQaCopied' : 'ovQaCopyFailed')}</p>}
    </div>
  );
}
