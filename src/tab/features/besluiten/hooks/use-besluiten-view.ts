/**
 * The decision log's state: the log as loaded, the query in the URL (search, MT, alleen besluiten, period) with the
 * MT the tab's domain defaults to, the rows it selects, and their export to Excel (what failed, if it did).
 */
import { useCallback, useMemo, useState } from 'react';
import { filterBesluiten } from '../../../../domain/besluitenlog.js';
import { amsterdamDate } from '../../../../domain/dates.js';
import type { Domein } from '../../../../domain/model.js';
import { download } from '../../../lib/download.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useBesluitenLog } from '../api/use-besluitenlog.js';
import {
  besluitenParams,
  besluitenQuery,
  defaultMtKey,
  effectiveMtKey,
  periodInvalid,
  toFilter,
  type BesluitenQuery,
} from '../lib/besluiten-query.js';
import { retryingImport } from '../../../../shared/retrying-import.js';

/** Loaded when first used; a failed load is tried again under another URL (`retryingImport`). */
const besluitenExport = retryingImport(() => import('../lib/besluiten-export.js'));

/** The decision log's state for the view's URL parameters (see the file's header). */
export function useBesluitenView(
  scope: Domein | undefined,
  params: URLSearchParams,
  onParamsChange: (params: URLSearchParams) => void,
) {
  const { now, plan } = usePlanContext();
  const log = useBesluitenLog();
  const [exportError, setExportError] = useState<string | undefined>();

  const query = useMemo(() => besluitenQuery(params), [params]);
  const setQuery = useCallback((next: BesluitenQuery) => onParamsChange(besluitenParams(next)), [onParamsChange]);
  const defaultKey = useMemo(
    () =>
      defaultMtKey(
        log.mts.map((m) => m.value),
        scope,
        plan?.inrichting,
      ),
    [log.mts, scope, plan?.inrichting],
  );
  const mtKey = effectiveMtKey(query, defaultKey);
  const invalidPeriod = periodInvalid(query);
  const rows = useMemo(
    () => (invalidPeriod ? [] : filterBesluiten(log.entries, toFilter(query, defaultKey))),
    [log.entries, query, defaultKey, invalidPeriod],
  );

  const exportRows = useCallback(async () => {
    setExportError(undefined);
    try {
      const m = await besluitenExport();
      download(await m.exportBesluitenXlsx(rows), m.besluitenFileName(amsterdamDate(now)), m.XLSX_MIME);
    } catch (error) {
      console.error('Exporting the decision log failed', error);
      setExportError(error instanceof Error ? error.message : String(error));
    }
  }, [rows, now]);

  return { log, query, setQuery, defaultKey, mtKey, invalidPeriod, rows, exportRows, exportError };
}
