import type { ReactNode } from 'react';

/**
 * A wide table on a phone scrolls inside this region instead of the page; keyboard users reach it
 * with Tab and scroll it with the arrow keys, which needs the tabIndex.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
