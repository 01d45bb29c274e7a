// Renderers few forms use, in a chunk of their own that loads only for a form that needs one
// (see lazy-renderer.tsx): the public page's first load stays small.
export { default as AllOfControl } from './all-of-control.tsx';
export { default as CategoryTabs } from './category-tabs.tsx';
export { AnyOfControl, OneOfControl } from './combinator-control.tsx';
export { default as SliderControl } from './slider-control.tsx';
