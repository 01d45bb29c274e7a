import { type ComponentType, lazy, Suspense } from 'react';

type Rare = typeof import('./rare.ts');

let rare: Promise<Rare> | undefined;
/** Starts loading the rare renderers (once), e.g. as soon as a form's definition shows it needs them. */
export const preloadRareRenderers = (): Promise<Rare> => {
  rare ??= import('./rare.ts');
  return rare;
};

/**
 * A renderer from the rare chunk, with its own Suspense boundary: while it loads, only its place
 * on the form is empty (not the whole page, whose boundary is further up).
 */
export function lazyRenderer<P extends object>(name: keyof Rare): ComponentType<P> {
  const Loaded = lazy(() =>
    preloadRareRenderers().then((module) => ({ default: module[name] as unknown as ComponentType<P> })),
  );
  return function LazyRenderer(props: P) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
