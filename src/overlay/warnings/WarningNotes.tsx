/**
 * The notes beside the portal's fields: one per field, listing its warnings. Words say the tone ("Error",
 * "Atención", "Nota") and an icon repeats it, so colour is never the only signal. Positions are set by the
 * layer after rendering (position.ts); Preact never writes a style here.
 */
import { t } from '../../i18n/t';
import { Icon } from '../../ui/Icon';
import type { FieldWarning, WarningAnchor, WarningTone } from '../../flow/warnings';
import { warningText } from './text';

export interface NoteGroup {
  anchor: WarningAnchor;
  tone: WarningTone;
  warnings: FieldWarning[];
}

const TONE_WORD = { error: 'wgnToneError', warning: 'wgnToneWarning', info: 'wgnToneInfo' } as const;
const TONE_ICON = { error: 'error', warning: 'warning', info: 'guide' } as const;

export function WarningNotes({ groups, onDismiss }: { groups: NoteGroup[]; onDismiss: (anchor: WarningAnchor) => void }) {
  return (
    <div class="cg-warnings" role="group" aria-label={t('wgnLayerLabel')}>
      {groups.map((group) => (
        <div class="cg-note" key={group.anchor} data-cg-note={group.anchor} data-tone={group.tone}>
          <Icon name={TONE_ICON[group.tone]} size={18} />
          <ul class="cg-note-list">
            {group.warnings.map((warning) => (
              <li key={warning.code} data-cg-warning={warning.code} data-tone={warning.tone}>
                <strong class="cg-note-tone">{t(TONE_WORD[warning.tone])}</strong> {warningText(warning)}
                {warning.personLabel && warning.code.startsWith('key-has-') && (
                  <span class="cg-note-whose"> {t('wgnComparedWith', warning.personLabel)}</span>
                )}
              </li>
            ))}
          </ul>
          <button type="button" class="cg-note-close" aria-label={t('wgnDismiss')} title={t('wgnDismiss')} onClick={() => onDismiss(group.anchor)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
