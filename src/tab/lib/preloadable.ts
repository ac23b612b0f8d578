import {
  createElement,
  lazy,
  useEffect,
  useState,
  type ComponentType,
  type FunctionComponent,
  type ReactNode,
} from 'react';
import { noteFailedImport } from '../../shared/retrying-import.js';

/** A lazy view that can be loaded before React renders it (`preload`), see `preloadableView`. */
export type PreloadableView<P extends object> = FunctionComponent<P> & { preload: () => Promise<ComponentType<P>> };

/**
 * How long after the shell has mounted the code that is likely needed next loads (ms): late enough to stay out of the
 * start's own work (a `requestIdleCallback` right after the first commit made the cold and warm starts 2–7% slower in
 * an A/B, its first call and the chunks' download landing among the start's last tasks), early enough to come before
 * most first clicks and messages.
 */
export const PRELOAD_AFTER_START_MS = 1500;

/** Loads `loader`'s code PRELOAD_AFTER_START_MS from now, for an effect of the shell; returns the cancel. */
export function preloadAfterStart(loader: { preload: () => Promise<unknown> }): () => void {
  // A failed preload is forgotten (componentLoader): the component loads again when it is rendered.
  const timer = setTimeout(() => void loader.preload().catch(() => undefined), PRELOAD_AFTER_START_MS);
  return () => clearTimeout(timer);
}

/** A component's code, loaded once: `preload()` starts or joins the load, `loaded()` is the component once it is in. */
export type ComponentLoader<P extends object> = {
  preload: () => Promise<ComponentType<P>>;
  loaded: () => ComponentType<P> | undefined;
};

/**
 * Loads a component's code at most once at a time and keeps it. A failed load is forgotten, so a later `preload()`
 * tries again: a dropped connection is not for the whole visit. (`preloadableView`'s inner `lazy` still keeps a failure
 * of its own render; `lazyComponent` asks again.)
 */
export function componentLoader<P extends object>(load: () => Promise<ComponentType<P>>): ComponentLoader<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        // The build's import of that script then asks for it under another URL (src/shared/retrying-import.ts).
        noteFailedImport(error);
        throw error;
      },
    ));
  return { preload, loaded: () => loaded };
}

/**
 * `lazy`, except that a view whose code has already loaded (`preload()` ran before React's first render) renders at
 * once. A `lazy` component suspends on its first render even when its module is there, and React holds back the commit
 * that reveals a suspended boundary's content until 300 ms after its fallback showed (React's fallback throttle): on the
 * cold first view that was a spinner, then the roadmap about 300 ms later than its data and code allowed. An instance
 * keeps the way it started (direct or lazy), so a view never remounts when its code arrives. For a view that should
 * show as soon as its code is in, without suspending at all, see `lazyComponent`.
 */
export function preloadableView<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableView<P> {
  const { preload, loaded } = componentLoader(load);
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function View(props: P) {
    const [direct] = useState(loaded);
    return createElement((direct ?? Lazy) as ComponentType<P>, props);
  }
  return Object.assign(View, { preload });
}

type Loading<P> =
  { status: 'loading' } | { status: 'loaded'; component: ComponentType<P> } | { status: 'failed'; error: unknown };

/**
 * A component in a chunk of its own that shows as soon as its code is in: until then `fallback`, then the component,
 * through an ordinary state update. Not `lazy`: a `lazy` component suspends, and React reveals a suspended boundary's
 * content no sooner than 300 ms after its fallback showed (its fallback throttle), so a view or dialog opened for the
 * first time stood as a spinner (or as nothing) for 300 ms after its code had come. A component whose code is there
 * already (`preload()`, or an earlier render) renders at once; otherwise its first render asks for the code, as `lazy`
 * did. When the code cannot be loaded, the error goes to the nearest error boundary; a new instance (its "Opnieuw
 * proberen") asks again, where `lazy` kept the failure for good. (A browser may keep a failed module fetch for the
 * page's life, as Chromium 150 does: `componentLoader` notes the failure, and the build's import then asks for the
 * script under another URL, src/shared/retrying-import.ts.)
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): PreloadableView<P> {
  const loader = componentLoader(load);
  function LazyComponent(props: P) {
    const [state, setState] = useState<Loading<P>>(() => {
      const component = loader.loaded();
      if (component) return { status: 'loaded', component };
      // Asked for during the first render, not in an effect after the fallback's paint (the load is shared).
      void loader.preload().catch(() => undefined);
      return { status: 'loading' };
    });
    useEffect(() => {
      if (state.status !== 'loading') return;
      let live = true;
      loader.preload().then(
        (component) => live && setState({ status: 'loaded', component }),
        (error: unknown) => live && setState({ status: 'failed', error }),
      );
      return () => {
        live = false;
      };
    }, [state]);
    if (state.status === 'failed') throw state.error;
    return state.status === 'loaded' ? createElement(state.component, props) : fallback;
  }
  return Object.assign(LazyComponent, { preload: loader.preload });
}
