import type { StepGuide } from '../flow/guidance';
import { t } from '../i18n/t';
import type { Ticks } from '../storage/schema';
import { Checklist } from './Checklist';
import { OfficialLinks } from './OfficialLinks';

/** The body of the panel for a known step: what it asks, what to have ready, ticks, mistakes, what follows. */
export function StepGuideView({
  guide,
  ticks,
  onTick,
  showWants = true,
  showChecklist = true,
}: {
  guide: StepGuide;
  ticks: Ticks;
  onTick: (id: string, checked: boolean) => void;
  /** The side area shows "what this screen asks" itself, right under the title. */
  showWants?: boolean;
  /** ...and the checklist right after it, before the rest of the guide. */
  showChecklist?: boolean;
}) {
  return (
    <div class="cg-guide">
      {showWants && (
        <p class="cg-wants" data-section="wants">
          {t(guide.wants)}
        </p>
      )}
      <OfficialLinks links={guide.links} />

      <section class="cg-section" data-section="ready">
        <h3 id="cg-ready">{t('ovReady')}</h3>
        <ul class="cg-list">
          {guide.ready.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      {showChecklist && (
        <section class="cg-section" data-section="checklist">
          <h3 id="cg-checklist">{t('ovChecklist')}</h3>
          <Checklist items={guide.checklist} ticks={ticks} onTick={onTick} headingId="cg-checklist" />
        </section>
      )}

      <section class="cg-section" data-section="mistakes">
        <h3>{t('ovMistakes')}</h3>
        <ul class="cg-mistakes">
          {guide.mistakes.map((mistake) => (
            <li key={mistake.problem}>
              <p class="cg-mistake">{t(mistake.problem)}</p>
              <p class="cg-fix">
                <strong>{t('ovInstead')}</strong> {t(mistake.fix)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section class="cg-section" data-section="next">
        <h3>{t('ovNext')}</h3>
        <p>{t(guide.next)}</p>
      </section>
    </div>
  );
}
