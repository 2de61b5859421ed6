import type { ChecklistItem } from '../flow/guidance';
import { t } from '../i18n/t';
import type { Ticks } from '../storage/schema';

/** Real checkboxes with their labels; the ticks belong to this tab and are saved by the controller. */
export function Checklist({
  items,
  ticks,
  onTick,
  headingId,
}: {
  items: ChecklistItem[];
  ticks: Ticks;
  onTick: (id: string, checked: boolean) => void;
  headingId: string;
}) {
  return (
    <ul class="cg-checklist" aria-labelledby={headingId}>
      {items.map((item) => (
        <li key={item.id}>
          <label class="cg-check">
            <input
              type="checkbox"
              data-item={item.id}
              checked={ticks[item.id] === true}
              onChange={(event) => onTick(item.id, event.currentTarget.checked)}
            />
            <span>{t(item.label)}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
