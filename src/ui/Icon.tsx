/**
 * Small inline icons. They are always decorative (aria-hidden): every icon sits next to words that say the
 * same thing, so meaning never depends on a shape or a colour alone.
 */
import type { JSX } from 'preact';

export type IconName =
  | 'check'
  | 'current'
  | 'upcoming'
  | 'error'
  | 'warning'
  | 'guide'
  | 'external'
  | 'dock-left'
  | 'dock-right'
  | 'minimise'
  | 'hide'
  | 'report'
  | 'question'
  | 'clock'
  | 'side';

const stroke = { fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } as const;

const SHAPES: Record<IconName, JSX.Element> = {
  // Done: a filled disc with a tick. Current: a ring with a dot. Upcoming: an empty dashed ring.
  check: (
    <>
      <circle cx="12" cy="12" r="10" fill="currentColor" />
      <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="var(--cg-on-fill)" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
    </>
  ),
  current: (
    <>
      <circle cx="12" cy="12" r="9.5" {...stroke} stroke-width={3} />
      <circle cx="12" cy="12" r="4.5" fill="currentColor" />
    </>
  ),
  upcoming: <circle cx="12" cy="12" r="9" {...stroke} stroke-dasharray="3 3" />,
  // Error: an octagon with a cross. Warning: a triangle with an exclamation mark.
  error: (
    <>
      <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" fill="currentColor" />
      <path d="M9 9l6 6M15 9l-6 6" fill="none" stroke="var(--cg-on-fill)" stroke-width="2.5" stroke-linecap="round" />
    </>
  ),
  warning: (
    <>
      <path d="M12 2.5L23 21.5H1z" fill="currentColor" stroke="currentColor" stroke-linejoin="round" />
      <path d="M12 9v5.5" fill="none" stroke="var(--cg-on-fill)" stroke-width="2.5" stroke-linecap="round" />
      <circle cx="12" cy="18" r="1.4" fill="var(--cg-on-fill)" />
    </>
  ),
  guide: (
    <>
      <rect x="4" y="3" width="16" height="18" rx="2" {...stroke} />
      <path d="M8 8h8M8 12h8M8 16h5" {...stroke} />
    </>
  ),
  external: <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 01-1 1H5a1 1 0 01-1-1V7a1 1 0 011-1h5" {...stroke} />,
  'dock-left': (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" {...stroke} />
      <path d="M9 4v16" {...stroke} />
    </>
  ),
  'dock-right': (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" {...stroke} />
      <path d="M15 4v16" {...stroke} />
    </>
  ),
  // A window with its right-hand column drawn in: the guide in the browser's side area.
  side: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" {...stroke} />
      <path d="M14 4v16" {...stroke} />
      <path d="M16.5 8h2M16.5 11h2M16.5 14h2" {...stroke} />
    </>
  ),
  minimise: <path d="M5 12h14" {...stroke} stroke-width={3} />,
  hide: (
    <>
      <path d="M3 3l18 18M10.6 6.1A9.8 9.8 0 0112 6c5 0 9 6 9 6a17 17 0 01-2.6 3.2M6.6 6.6C4.3 8.2 3 12 3 12s4 6 9 6a9 9 0 004.4-1.2" {...stroke} />
    </>
  ),
  report: (
    <>
      <path d="M6 3h9l4 4v14H6z" {...stroke} />
      <path d="M9 12h7M9 16h7" {...stroke} />
    </>
  ),
  // The countdown while there is time: a clock face (warning and expired reuse the triangle and the octagon).
  clock: (
    <>
      <circle cx="12" cy="12" r="9.5" {...stroke} />
      <path d="M12 6.5V12l3.5 2.5" {...stroke} />
    </>
  ),
  question: (
    <>
      <circle cx="12" cy="12" r="10" {...stroke} />
      <path d="M9.5 9.5a2.5 2.5 0 114 2c-1 .7-1.5 1.2-1.5 2.5" {...stroke} />
      <circle cx="12" cy="17.5" r="1.2" fill="currentColor" />
    </>
  ),
};

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      class={`cg-icon cg-icon-${name}`}
      data-icon={name}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
