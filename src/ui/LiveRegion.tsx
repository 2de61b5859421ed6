/**
 * A polite status region. It must be rendered from the first paint with an empty message: screen readers
 * often ignore live regions that are created together with the text they should announce.
 */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div class="cg-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-cg-live="">
      {message}
    </div>
  );
}
