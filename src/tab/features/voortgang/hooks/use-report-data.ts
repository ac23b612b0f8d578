import { useEffect, useState } from 'react';
import { readGemeente } from '../../../../data/inrichting-store.js';
import { loadReportData, type ReportData } from '../../../../data/report-data.js';
import { DEFAULT_GEMEENTE, fetchTabConfig } from '../../../app/config.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';

export type ReportDataState = {
  /** Everything the report reads, with the version history of every action; undefined while loading or after a failure. */
  data?: ReportData;
  error?: unknown;
  loading: boolean;
  /**
   * The municipality's name: the site's own set-up (Inrichting list) when it has one, else the tab configuration's
   * GEMEENTE (default "Gemeente Zoetermeer"), as `npm run rapportage` chooses it.
   */
  gemeente: string;
  reload(): void;
};

/**
 * Reads the report data once per visit (plan, version histories, portfolio, MTs, reminder and decision logs: a few
 * `$batch` requests) through the plan context's data session, and the municipality's name from the site's set-up or
 * /config.json. The
 * live plan stays the plan context's: this data is for past dates, the trend and the borging.
 */
export function useReportData(): ReportDataState {
  const { session, siteId } = usePlanContext();
  const [data, setData] = useState<ReportData | undefined>();
  const [error, setError] = useState<unknown>();
  const [gemeente, setGemeente] = useState(DEFAULT_GEMEENTE);
  const [siteGemeente, setSiteGemeente] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!siteId) return;
    let cancelled = false;
    setError(undefined);
    setData(undefined);
    void (async () => {
      const s = await session();
      // '' when the site has no set-up of its own; a broken one fails the report, as it fails the CLI's.
      return Promise.all([loadReportData(s.graph, siteId), readGemeente(s.graph, siteId, '')]);
    })().then(
      ([loaded, fromSite]) => {
        if (cancelled) return;
        setSiteGemeente(fromSite);
        setData(loaded);
      },
      (e: unknown) => {
        console.error('Report data not loaded', e);
        if (!cancelled) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session, siteId, attempt]);

  useEffect(() => {
    let cancelled = false;
    // The shell read /config.json at start; reading it again here keeps the name out of the first view's code path.
    fetchTabConfig().then(
      (config) => {
        if (!cancelled && config.gemeente?.trim()) setGemeente(config.gemeente.trim());
      },
      (e: unknown) => console.warn('config.json not read again; the report uses the default municipality', e),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return {
    ...(data ? { data } : {}),
    ...(error !== undefined ? { error } : {}),
    loading: !data && error === undefined,
    gemeente: siteGemeente || gemeente,
    reload: () => setAttempt((a) => a + 1),
  };
}
