/**
 * Writing a checked import: all rows or none. Graph's `$batch` is not atomic (docs/decisions.md), so the
 * import writes in chunks of 20, stops at the first failed write, then deletes every item this import
 * created and puts back every item it updated, and says exactly that.
 */
import type { PortfolioItem } from '../domain/model.js';
import { odataString, type Graph } from './graph/client.js';
import { GraphRequestError, RetryExhaustedError, toGraphRequestError } from './graph/errors.js';
import { MAX_BATCH_SIZE, sendBatch, type BatchRequest, type BatchResponse } from './graph/batch.js';
import type { Loaded } from './lists/field-reader.js';
import type { ListItem } from './lists/list-definition.js';
import { PORTFOLIO_FIELDS, portfolioItemToFields } from './lists/portfolio.js';
import { GRAPH_MAX_BODY_BYTES, type DryRun, type DryRunRow } from './portfolio-import.js';
import { listPath } from './site.js';

/** The dry run still has problems: nothing was written. */
export class ImportNotValidError extends Error {
  override readonly name = 'ImportNotValidError';
  constructor(readonly invalidRows: number[]) {
    super(
      `De import bevat ${invalidRows.length} rij(en) met problemen (rij ${invalidRows.join(', ')}); er is niets opgeslagen.`,
    );
  }
}

export type ImportOutcome =
  | { ok: true; created: number; updated: number; unchanged: number }
  | {
      ok: false;
      /** The first write that failed. */
      failure: { rowNumber: number; status: number; message: string };
      /** What the import had written before it stopped, and what the rollback undid. */
      written: { created: number; updated: number };
      rolledBack: { deleted: number; restored: number };
      /** Writes the rollback could not undo (someone else changed the item meanwhile, or the site failed). */
      rollbackFailures: { rowNumber: number; message: string }[];
    };

type Write = { row: DryRunRow; request: BatchRequest };
type Done = { row: DryRunRow; kind: 'create' | 'update'; id: string; eTag?: string };

function errorMessage(response: BatchResponse): string {
  const body = response.body as { error?: { message?: string } } | undefined;
  if (response.status === 412) return 'Dit item is intussen door iemand anders gewijzigd.';
  if (response.status === 409) return 'Er bestaat al een item met dezelfde sleutel.';
  return body?.error?.message ?? `De site antwoordde ${response.status}.`;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Room for the `$batch` envelope around the requests' bodies. */
const BATCH_ENVELOPE_BYTES = 64 * 1024;

/**
 * The writes in `$batch` chunks of at most 20 requests whose JSON stays under Graph's 4 MB request body: a chunk closes
 * early when the next request would push it over. The dry run already refused a row too large on its own.
 */
export function batchChunks<W extends { request: BatchRequest }>(
  writes: readonly W[],
  maxBytes = GRAPH_MAX_BODY_BYTES - BATCH_ENVELOPE_BYTES,
): W[][] {
  const chunks: W[][] = [];
  let current: W[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const write of writes) {
    const size = encoder.encode(JSON.stringify(write.request)).length;
    if (current.length > 0 && (current.length === MAX_BATCH_SIZE || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(write);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Writes the creates and updates of a dry run that has no problems. Updates carry the eTag read
 * at the dry run, so an item someone changed since is a failure, never an overwrite. On any failure
 * the import is rolled back: created items are deleted (also a create whose answer was lost but that
 * landed, found by its ClientKey) and updated items get their previous fields back.
 */
export async function applyImport(
  graph: Graph,
  siteId: string,
  dryRun: DryRun,
  actieIdByNummer: ReadonlyMap<string, string>,
  options: { onProgress?: (written: number, total: number) => void } = {},
): Promise<ImportOutcome> {
  const invalid = dryRun.rows.filter((r) => r.action === 'invalid').map((r) => r.rowNumber);
  if (invalid.length > 0) throw new ImportNotValidError(invalid);
  const base = `${listPath(siteId, 'Portfolio')}/items`;
  const writes: Write[] = dryRun.rows.flatMap((row): Write[] => {
    const fields = portfolioItemToFields(row.item, actieIdByNummer);
    if (row.action === 'create')
      return [{ row, request: { id: `r${row.rowNumber}`, method: 'POST', url: base, body: { fields } } }];
    if (row.action === 'update' && row.existing) {
      return [
        {
          row,
          request: {
            id: `r${row.rowNumber}`,
            method: 'PATCH',
            url: `${base}/${row.existing.id}/fields`,
            headers: { 'If-Match': row.existing.eTag },
            body: fields,
          },
        },
      ];
    }
    return [];
  });

  const done: Done[] = [];
  const uncertainCreates: DryRunRow[] = [];
  let failure: { rowNumber: number; status: number; message: string } | undefined;
  let sent = 0;
  for (const chunk of batchChunks(writes)) {
    if (failure) break;
    let responses: BatchResponse[];
    try {
      responses = await sendBatch(
        graph,
        chunk.map((w) => w.request),
      );
    } catch (error) {
      // The whole batch failed in transit: any of its creates may have landed.
      uncertainCreates.push(...chunk.filter((w) => w.row.action === 'create').map((w) => w.row));
      // The status Graph gave, if it answered at all (0: no answer), so the UI can say why in its own language.
      const typed = toGraphRequestError(error);
      const status =
        typed instanceof GraphRequestError ? typed.status : typed instanceof RetryExhaustedError ? typed.lastStatus : 0;
      failure = { rowNumber: chunk[0]?.row.rowNumber ?? 0, status, message: typed.message };
      break;
    }
    chunk.forEach((write, index) => {
      const response = responses[index];
      if (!response) return;
      const kind = write.row.action === 'create' ? 'create' : 'update';
      if (isSuccess(response.status)) {
        const body = response.body as Partial<ListItem> & { '@odata.etag'?: string };
        const id = kind === 'create' ? String(body.id) : (write.row.existing?.id ?? '');
        const eTag = kind === 'create' ? body.eTag : body['@odata.etag'];
        done.push({ row: write.row, kind, id, ...(eTag ? { eTag } : {}) });
      } else {
        if (kind === 'create' && response.status >= 500) uncertainCreates.push(write.row);
        failure ??= { rowNumber: write.row.rowNumber, status: response.status, message: errorMessage(response) };
      }
    });
    sent += chunk.length;
    options.onProgress?.(Math.min(sent, writes.length), writes.length);
  }

  const count = (kind: 'create' | 'update') => done.filter((d) => d.kind === kind).length;
  if (!failure) return { ok: true, created: count('create'), updated: count('update'), unchanged: dryRun.unchanged };

  const rollback = await rollBack(graph, base, done, uncertainCreates, actieIdByNummer);
  return { ok: false, failure, written: { created: count('create'), updated: count('update') }, ...rollback };
}

async function rollBack(
  graph: Graph,
  base: string,
  done: Done[],
  uncertainCreates: DryRunRow[],
  actieIdByNummer: ReadonlyMap<string, string>,
): Promise<{
  rolledBack: { deleted: number; restored: number };
  rollbackFailures: { rowNumber: number; message: string }[];
}> {
  const rollbackFailures: { rowNumber: number; message: string }[] = [];
  // A create whose answer was lost may have landed: find it by its ClientKey.
  const lookups = await sendBatch(
    graph,
    uncertainCreates.map((row) => ({
      id: `k${row.rowNumber}`,
      method: 'GET' as const,
      url: `${base}?$select=id,eTag&$filter=${encodeURIComponent(`fields/${PORTFOLIO_FIELDS.clientKey} eq ${odataString(row.item.key)}`)}`,
    })),
  );
  const landed: Done[] = [];
  uncertainCreates.forEach((row, i) => {
    const response = lookups[i];
    const found = (response?.body as { value?: ListItem[] } | undefined)?.value?.[0];
    if (response?.status === 200 && found) landed.push({ row, kind: 'create', id: found.id });
    else if (response?.status !== 200)
      rollbackFailures.push({
        rowNumber: row.rowNumber,
        message: 'Kon niet nagaan of dit item toch is aangemaakt; controleer de lijst.',
      });
  });

  const undo: { done: Done; request: BatchRequest }[] = [...done, ...landed].map((d) => {
    if (d.kind === 'create')
      return { done: d, request: { id: `u${d.row.rowNumber}`, method: 'DELETE' as const, url: `${base}/${d.id}` } };
    const previous = d.row.existing as Loaded<PortfolioItem>;
    return {
      done: d,
      request: {
        id: `u${d.row.rowNumber}`,
        method: 'PATCH' as const,
        url: `${base}/${d.id}/fields`,
        // Put back only what we wrote over, and only if nobody changed it after us.
        ...(d.eTag ? { headers: { 'If-Match': d.eTag } } : {}),
        body: portfolioItemToFields(previous.value, actieIdByNummer),
      },
    };
  });
  const answers = await sendBatch(
    graph,
    undo.map((u) => u.request),
  );
  let deleted = 0;
  let restored = 0;
  undo.forEach((u, i) => {
    const status = answers[i]?.status ?? 0;
    if (isSuccess(status) || (u.done.kind === 'create' && status === 404)) {
      if (u.done.kind === 'create') deleted += 1;
      else restored += 1;
    } else {
      rollbackFailures.push({
        rowNumber: u.done.row.rowNumber,
        message:
          u.done.kind === 'create'
            ? `Verwijderen van het aangemaakte item mislukt (${status}).`
            : `Terugzetten van het bijgewerkte item mislukt (${status}).`,
      });
    }
  });
  return { rolledBack: { deleted, restored }, rollbackFailures };
}
