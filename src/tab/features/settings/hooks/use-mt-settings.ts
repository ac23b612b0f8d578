import { useCallback, useEffect, useRef, useState } from 'react';
import { loadMTSettings, type MTRegistration, type MTSettingsData } from '../../../../data/mts-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { eTagVersion, mergeSettings } from '../lib/settings-merge.js';

/** How far back the status view reads the reminder log. */
const LOG_DAYS = 90;

/**
 * How often the open view reads the MTs and their reminder log again (one `$batch`), so a card the job or
 * `--send-now` sent shows without a reload (issue 14, point 5); only while the page is visible, and at once when it
 * becomes visible again. A tick while a read is still under way (a slow or throttled site) waits for the next tick.
 */
export const SETTINGS_POLL_MS = 10_000;

export type MtSettingsState = {
  data?: MTSettingsData;
  error?: unknown;
  loading: boolean;
  reload(): void;
  /** Puts a saved (or the other person's) version of an MT in place, and reads everything again. */
  replace(mt: MTRegistration): void;
  /** Adds a newly registered MT, and reads everything again. */
  add(mt: MTRegistration): void;
};

/**
 * The MTs and their recent reminder log through the tab's Graph session (one `$batch`), read again while the view is
 * open. Newer data is never replaced by older: a read is used only if no later read started and the view made no
 * write of its own since it began (after a write the view reads again at once), and `mergeSettings` keeps an MT the
 * view holds in a later version than the read's. An open form keeps its own base and eTag either way.
 */
export function useMtSettings(): MtSettingsState {
  const { session, siteId, now } = usePlanContext();
  const [data, setData] = useState<MTSettingsData | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  // Plain counters, changed synchronously: a response can arrive between a save's setState and React's commit.
  const reads = useRef({ started: 0, writes: 0, busy: false, alive: false });

  // What a read needs, kept current by an effect: `now` ticks every minute, and reading again each minute is not wanted.
  const context = useRef({ session, siteId, now });
  useEffect(() => {
    context.current = { session, siteId, now };
  });

  const read = useCallback((force: boolean) => {
    const r = reads.current;
    const { session, siteId, now } = context.current;
    if (!siteId || !r.alive || (r.busy && !force)) return;
    const id = ++r.started;
    const writesAtStart = r.writes;
    r.busy = true;
    setLoading(true);
    const since = new Date(now.getTime() - LOG_DAYS * 86_400_000);
    session()
      .then((s) => loadMTSettings(s.graph, siteId, since))
      .then((loaded) => {
        // A later read is under way, or the view saved since this one began: this answer may be older than what
        // the view shows.
        if (!r.alive || id !== r.started || writesAtStart !== r.writes) return;
        setError(undefined);
        setData((d) => mergeSettings(d, loaded));
      })
      .catch((e: unknown) => {
        if (r.alive && id === r.started) setError(e);
      })
      .finally(() => {
        if (r.alive && id === r.started) {
          r.busy = false;
          setLoading(false);
        }
      });
  }, []);

  useEffect(() => {
    const r = reads.current;
    r.alive = true;
    r.busy = false;
    read(true);
    return () => {
      r.alive = false;
      // Whatever is under way belongs to the old session or site.
      r.started++;
    };
  }, [read, session, siteId]);

  const reload = useCallback(() => read(true), [read]);
  useEffect(() => {
    const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) read(false);
    }, SETTINGS_POLL_MS);
    const onVisible = () => {
      if (visible()) read(false);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [read]);
  const replace = useCallback(
    (mt: MTRegistration) => {
      reads.current.writes++;
      setData((d) => (d ? { ...d, mts: d.mts.map((m) => (m.id === mt.id && !isOlder(mt, m) ? mt : m)) } : d));
      read(true);
    },
    [read],
  );
  const add = useCallback(
    (mt: MTRegistration) => {
      reads.current.writes++;
      setData((d) =>
        d
          ? {
              ...d,
              mts: [...d.mts.filter((m) => m.id !== mt.id), mt].sort((a, b) =>
                a.value.naam.localeCompare(b.value.naam, 'nl'),
              ),
            }
          : d,
      );
      read(true);
    },
    [read],
  );
  return { ...(data ? { data } : {}), ...(error !== undefined ? { error } : {}), loading, reload, replace, add };
}

/** True when `a` is an earlier version of the same item than `b`, as far as their eTags tell. */
function isOlder(a: MTRegistration, b: MTRegistration): boolean {
  const va = eTagVersion(a.eTag);
  const vb = eTagVersion(b.eTag);
  return va !== undefined && vb !== undefined && va < vb;
}
