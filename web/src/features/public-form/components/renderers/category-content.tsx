import type { Category, LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';

/** The elements of one category, dispatched like a vertical layout's. */
export function CategoryContent({ category, layout }: { category: Category; layout: LayoutProps }) {
  return (
    <div className="stack">
      {category.elements.map((child, i) => (
        <JsonFormsDispatch
          // biome-ignore lint/suspicious/noArrayIndexKey: UI schema elements are fixed for a form version
          key={i}
          uischema={child}
          schema={layout.schema}
          path={layout.path}
          enabled={layout.enabled}
          renderers={layout.renderers}
          cells={layout.cells}
        />
      ))}
    </div>
  );
}
