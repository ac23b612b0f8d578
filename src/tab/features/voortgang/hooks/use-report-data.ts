import { readGemeente } from '../../../../data/inrichting-store.js';
import { loadReportData, type ReportData } from '../../../../data/report-data.js';
import { DEFAULT_GEMEENTE, fetchTabConfig } from '../../../app/config.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';

export type ReportDataState = {
  /** Everything the report reads, with the version history of every action; undefined until the first read. */
  data?: ReportData;
  /** The last read's failure, also while the data read before is still used. */
  error?: unknown;
  /** Nothing read yet and no failure. */
  loading: boolean;
  /** A read is under way (the first one or "Opnieuw proberen"). */
  fetching: boolean;
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
  const report = useTabQuery(['report-data'], async ({ session, siteId }) => {
    const s = await session();
    // '' when the site has no set-up of its own; a broken one fails the report, as it fails the CLI's.
    const [data, siteGemeente] = await Promise.all([
      loadReportData(s.graph, siteId),
      readGemeente(s.graph, siteId, ''),
    ]);
    return { data, siteGemeente };
  });
  // The shell read /config.json at start; reading it again here keeps the name out of the first view's code path.
  const configured = useTabQuery(['config-gemeente'], () =>
    fetchTabConfig().then(
      (config) => config.gemeente?.trim() ?? '',
      (e: unknown) => {
        console.warn('config.json not read again; the report uses the default municipality', e);
        return '';
      },
    ),
  );
  return {
    ...(report.data ? { data: report.data.data } : {}),
    ...(report.error !== undefined ? { error: report.error } : {}),
    loading: report.status === 'loading',
    fetching: report.fetching,
    gemeente: report.data?.siteGemeente || configured.data || DEFAULT_GEMEENTE,
    reload: report.reload,
  };
}
