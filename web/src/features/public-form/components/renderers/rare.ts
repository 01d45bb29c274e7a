// Renderers few forms use, in a chunk of their own that loads only for a form that needs one
// (see lazy-renderer.tsx): the public page's first load stays small. Steps and tabs
// (Categorization) are here too: neither the registration nor the grant request uses them, and a
// form that does starts loading them with its definition (preloadRareRenderers).
export { default as AllOfControl } from './all-of-control.tsx';
export { default as CategorizationRenderer } from './categorization.tsx';
export { AnyOfControl, OneOfControl } from './combinator-control.tsx';
export { default as SliderControl } from './slider-control.tsx';
