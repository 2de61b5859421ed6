import { OFFICIAL_LINKS, type OfficialLinkId } from '../flow/links';
import { t } from '../i18n/t';
import { Icon } from './Icon';
import { VisuallyHidden } from './VisuallyHidden';

/** Links to the official IESS pages; they open in a new tab so the person's current page stays as it is. */
export function OfficialLinks({ links }: { links: readonly OfficialLinkId[] }) {
  if (links.length === 0) return null;
  return (
    <ul class="cg-links">
      {links.map((id) => (
        <li key={id}>
          <a class="cg-link" href={OFFICIAL_LINKS[id].href} target="_blank" rel="noopener noreferrer" data-link={id}>
            {t(OFFICIAL_LINKS[id].label)} <VisuallyHidden>{t('ovNewTab')}</VisuallyHidden>
            <Icon name="external" size={16} />
          </a>
        </li>
      ))}
    </ul>
  );
}
