import type { GroupLayout, LabelProps, Layout, LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsLabelProps, withJsonFormsLayoutProps } from '@jsonforms/react';
import { createContext, useContext, useId } from 'react';

function Children({ uischema, schema, path, enabled, renderers, cells }: LayoutProps) {
  return (
    <>
      {(uischema as Layout).elements.map((child, i) => (
        <JsonFormsDispatch
          // biome-ignore lint/suspicious/noArrayIndexKey: UI schema elements are fixed for a form version
          key={i}
          uischema={child}
          schema={schema}
          path={path}
          enabled={enabled}
          renderers={renderers}
          cells={cells}
        />
      ))}
    </>
  );
}

/**
 * Vertical layouts are one column; horizontal ones are columns side by side that wrap onto their
 * own lines on a phone (CSS), in the reading order of either direction.
 */
function StackLayout(props: LayoutProps) {
  if (!props.visible) return null;
  return (
    <div className={props.uischema.type === 'HorizontalLayout' ? 'stack stack--row' : 'stack'}>
      <Children {...props} />
    </div>
  );
}

/** Heading level for groups: h2 under the page's h1, one deeper per nested group. */
const HeadingLevel = createContext(2);

/** A group of fields as a section with a heading, so screen reader users can jump between them. */
function GroupLayoutRenderer(props: LayoutProps) {
  const level = useContext(HeadingLevel);
  const headingId = useId();
  if (!props.visible) return null;
  const Heading = `h${Math.min(level, 6)}` as 'h2';
  const label = props.label ?? (props.uischema as GroupLayout).label;
  return (
    <section className="group" aria-labelledby={label ? headingId : undefined}>
      {label && <Heading id={headingId}>{label}</Heading>}
      <HeadingLevel.Provider value={level + 1}>
        <Children {...props} />
      </HeadingLevel.Provider>
    </section>
  );
}

function LabelRenderer({ text, visible }: LabelProps) {
  return visible && text ? <p className="form-text">{text}</p> : null;
}

export const StackLayoutRenderer = withJsonFormsLayoutProps(StackLayout);
export const GroupRenderer = withJsonFormsLayoutProps(GroupLayoutRenderer);
export const TextRenderer = withJsonFormsLabelProps(LabelRenderer);
