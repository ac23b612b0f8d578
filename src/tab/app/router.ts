import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseHash, type Route, type ViewName } from './route-hash.js';

export { formatHash, parseHash, PUBLIC_VIEWS, VIEWS, type Route, type ViewName } from './route-hash.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const getHash = () => window.location.hash;

/** `replace` keeps the history clean for state that changes per keystroke (search, filters). */
export type Navigate = (hash: string, options?: { replace?: boolean }) => void;

export function navigateTo(hash: string, options: { replace?: boolean } = {}): void {
  if (hash === window.location.hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
    // replaceState fires no event; tell the subscribers ourselves.
    window.dispatchEvent(new PopStateEvent('popstate'));
  } else {
    window.location.hash = hash;
  }
}

/** The current route and a way to change it. Every component reading the URL re-renders on a change. */
export function useRoute(defaultView: ViewName = 'roadmap'): [Route, Navigate] {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  const navigate = useCallback<Navigate>((next, options) => navigateTo(next, options), []);
  const route = useMemo(() => parseHash(hash, defaultView), [hash, defaultView]);
  return [route, navigate];
}
