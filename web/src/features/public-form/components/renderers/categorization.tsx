import {
  type Categorization,
  type Category,
  deriveLabelForUISchemaElement,
  type LayoutProps,
  type Translator,
} from '@jsonforms/core';
import { useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import type { Ajv } from 'ajv';
import { useMemo } from 'react';
import { visibleCategories } from '../../utils/categories.ts';
import { CategoryStepper } from './category-stepper.tsx';
import CategoryTabs from './category-tabs.tsx';

export interface CategoryProps {
  readonly categories: readonly Category[];
  readonly titles: readonly string[];
  readonly layout: LayoutProps;
}

/**
 * Categorization: a stepper by default (one step at a time, "Next" checks the step, which suits a
 * phone and long forms); `options.variant: "tabs"` shows the categories as tabs instead, free to
 * switch and checked together on submit. JSON Forms' Material set uses `variant: "stepper"` for
 * its stepper: that is our default anyway, so forms written for it render as their authors meant.
 */
function CategorizationRenderer(props: LayoutProps) {
  const { core, i18n } = useJsonForms();
  const categorization = props.uischema as Categorization;
  const ajv = core?.ajv as unknown as Ajv;
  const categories = useMemo(
    () => visibleCategories(categorization, core?.data, props.path, ajv),
    [categorization, core?.data, props.path, ajv],
  );
  const translate: Translator = i18n?.translate ?? ((_key, fallback) => fallback as string);
  const titles = categories.map(
    (category, index) => deriveLabelForUISchemaElement(category, translate) ?? `${index + 1}`,
  );
  if (!props.visible || categories.length === 0) return null;
  const shared = { categories, titles, layout: props };
  return categorization.options?.variant === 'tabs' ? (
    <CategoryTabs {...shared} />
  ) : (
    <CategoryStepper {...shared} />
  );
}

export default withJsonFormsLayoutProps(CategorizationRenderer);
