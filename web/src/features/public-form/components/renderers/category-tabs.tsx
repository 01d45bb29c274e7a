import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { CategoryProps } from './categorization.tsx';
import { CategoryContent } from './category-content.tsx';

/**
 * The WAI-ARIA tabs pattern: one tab stop, arrow keys (mirrored right to left by the browser's
 * reading order, so "next" follows the text direction), Home and End; the panel is labelled by
 * its tab.
 */
export default function CategoryTabs({ categories, titles, layout }: CategoryProps) {
  const [chosen, setChosen] = useState(0);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(chosen, categories.length - 1);
  const category = categories[current];

  const select = (index: number) => {
    const wrapped = (index + categories.length) % categories.length;
    setChosen(wrapped);
    tabs.current[wrapped]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (step !== undefined) select(current + step);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(categories.length - 1);
    else return;
    event.preventDefault();
  };

  if (!category) return null;
  return (
    <div className="tabs">
      <div role="tablist" className="tab-list" onKeyDown={onKeyDown}>
        {titles.map((title, index) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: categories are fixed for a form version
            key={index}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${index}`}
            aria-selected={index === current}
            aria-controls={`${base}-panel`}
            tabIndex={index === current ? 0 : -1}
            onClick={() => setChosen(index)}
          >
            {title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${current}`}>
        <CategoryContent key={current} category={category} layout={layout} />
      </div>
    </div>
  );
}
