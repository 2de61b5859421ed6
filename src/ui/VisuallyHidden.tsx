import type { ComponentChildren } from 'preact';

/** Text for screen readers only, e.g. the state word after a progress stage whose icon shows it visually. */
export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="cg-visually-hidden">{children}</span>;
}
