import { createElement, lazy, useState, type ComponentType, type FunctionComponent } from 'react';

/** A lazy view that can be loaded before React renders it (`preload`), see `preloadableView`. */
export type PreloadableView<P extends object> = FunctionComponent<P> & { preload: () => Promise<ComponentType<P>> };

/**
 * `lazy`, except that a view whose code has already loaded (`preload()` ran before React's first render) renders at
 * once. A `lazy` component suspends on its first render even when its module is there, and React holds back the commit
 * that reveals a suspended boundary's content until 300 ms after its fallback showed (React's fallback throttle): on the
 * cold first view that was a spinner, then the roadmap about 300 ms later than its data and code allowed. An instance
 * keeps the way it started (direct or lazy), so a view never remounts when its code arrives.
 */
export function preloadableView<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  // A failed load is forgotten, so a later call (a render, another preload) tries again.
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function View(props: P) {
    const [direct] = useState(() => loaded);
    return createElement((direct ?? Lazy) as ComponentType<P>, props);
  }
  return Object.assign(View, { preload });
}
