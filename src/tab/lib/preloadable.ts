import {
  createElement,
  lazy,
  useEffect,
  useState,
  type ComponentType,
  type FunctionComponent,
  type ReactNode,
} from 'react';

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

/** The script a failed dynamic import names in its message (Chromium and Firefox do; Safari does not). */
export function failedScript(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /\bhttps?:\/\/[^\s'"]+?\.m?js(?:\?[^\s'"]*)?(?=$|[\s'"),.])/.exec(message)?.[0];
}

/** Whether `error` is a script that did not load (a dynamic import or one of the scripts it imports), not a bug. */
export function isModuleLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    failedScript(error) !== undefined ||
    /dynamically imported module|importing a module script failed|unable to preload/i.test(message)
  );
}

/** `url` with `retry=attempt` in its query: another module for the browser, the same file for the server. */
export function retryUrl(url: string, attempt: number): string {
  const next = new URL(url);
  next.searchParams.set('retry', String(attempt));
  return next.href;
}

/**
 * A dynamic import (`() => import('./x.js')`) that can be tried again after it failed. Chromium keeps a failed dynamic
 * import for the page's life (version 150 does: importing the same URL again fails at once, without a request; the
 * HTML standard leaves it open, whatwg/html#10327), so "Opnieuw proberen" after a dropped connection failed again.
 * After a failure whose message names the script, the next try imports that script under another URL (`retryUrl`;
 * the app server serves files by path and ignores the query). The modules it imports keep their URLs: those already
 * loaded are shared, and one whose own fetch failed stays failed until the page is reloaded. Where the message names no
 * script (Safari), the next try imports the same URL again. `pick` takes what is needed from the module; `importUrl`
 * is the import of a URL (the tests give their own).
 */
export function retryingImport<M, T = M>(
  importModule: () => Promise<M>,
  pick?: (module: M) => T,
  importUrl: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
): () => Promise<T> {
  let failed: string | undefined;
  let attempt = 0;
  const take = pick ?? ((module: M) => module as unknown as T);
  return async () => {
    const url = failed;
    try {
      const module = url ? ((await importUrl(retryUrl(url, (attempt += 1)))) as M) : await importModule();
      failed = undefined;
      return take(module);
    } catch (error) {
      const named = failedScript(error);
      // A retried URL names itself: the next try goes back to the script's own URL with a new attempt number.
      failed = named ? named.replace(/([?&])retry=\d+&?/, '$1').replace(/[?&]$/, '') : url;
      throw error;
    }
  };
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
 * page's life, as Chromium 150 does: give `load` a `retryingImport`, which asks under another URL.)
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
