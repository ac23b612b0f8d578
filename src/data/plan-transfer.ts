/**
 * The plan between a site and a workbook (issue 12, point 8): read a site's whole plan for the export, and write a
 * checked import into an EMPTY site, all or nothing.
 *
 * Writing: recommendations, findings, actions (with their recommendation and findings), then the actions'
 * dependencies, then the rows per domain, in `$batch` chunks. Every create carries a unique key (the recommendation's
 * and finding's Nummer, the action's ClientKey `plan:actie:<nummer>`, the domain row's Sleutel), so a create whose
 * answer was lost is found by that key instead of being sent twice; one that did not land is sent once more, and the
 * unique key turns a second landing into a 409 that is again resolved by the key. Any write that still fails rolls
 * the whole import back: every item with one of this import's keys is deleted, newest list first.
 *
 * A workbook with the municipality's own set-up (its Inrichting sheet) writes that first, into the Inrichting list
 * (unless the site already holds the same one; a different one is refused before any write), and gives the choice
 * columns of domains, themes and plateaus its values, so the plan's own values can be stored. A rollback deletes the
 * set-up it wrote and puts the choices back as they were.
 */
import type { DomeinVoortgang } from '../domain/domein-voortgang.js';
import { domeinVoortgangKey } from '../domain/domein-voortgang.js';
import type { Inrichting } from '../domain/inrichting.js';
import { odataQuery, type Graph } from './graph/client.js';
import { sendBatch, type BatchRequest, type BatchResponse } from './graph/batch.js';
import type { Plan } from '../domain/model.js';
import { ACTIE_FIELDS, actieFieldNames, actieToFields, dependencyFields } from './lists/acties.js';
import { ADVIES_FIELDS, adviesFieldNames, adviesToFields } from './lists/adviezen.js';
import { BEVINDING_FIELDS, bevindingFieldNames, bevindingToFields } from './lists/bevindingen.js';
import {
  DOMEIN_VOORTGANG_FIELDS,
  domeinVoortgangFieldNames,
  domeinVoortgangToFields,
} from './lists/domein-voortgang.js';
import { fieldsExpand, SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { siteUserFieldNames } from './lists/site-users.js';
import { applyInrichtingChoices, restoreChoices, type ChoicesBefore } from './inrichting-choices.js';
import { InrichtingError, readInrichting, writeInrichting } from './inrichting-store.js';
import { INRICHTING_FIELDS, inrichtingFieldNames, inrichtingToItems } from './lists/inrichting.js';
import { siteSchema } from './lists/schema.js';
import { mapPlan } from './plan-store.js';
import type { PlanDryRun, PlanRowRef } from './plan-import.js';
import type { PlanExport } from './plan-xlsx.js';
import { batchChunks } from './portfolio-import-apply.js';
import { listPath } from './site.js';

/** The lists a plan import fills, in the order it writes them (the rollback deletes in reverse). */
export const PLAN_LISTS = ['Adviezen', 'Bevindingen', 'Acties', 'DomeinVoortgang'] as const;
export type PlanList = (typeof PLAN_LISTS)[number];

/** The column of each list whose unique value identifies an item of the import. */
const KEY_FIELD: Record<PlanList, string> = {
  Adviezen: ADVIES_FIELDS.nummer,
  Bevindingen: BEVINDING_FIELDS.nummer,
  Acties: ACTIE_FIELDS.clientKey,
  DomeinVoortgang: DOMEIN_VOORTGANG_FIELDS.sleutel,
};

/** The ClientKey of an imported action: unique in the list, so a repeated create cannot land twice. */
export function planActieKey(nummer: string): string {
  return `plan:actie:${nummer}`;
}

/**
 * The site's whole plan for the export: recommendations, findings, actions with their OWN stored status (not the
 * roll-up of their rows per domain: the rows travel in their own sheet), and the rows per domain. Themes are the
 * app's (domain/themas.ts), with the recommendations this site has. One read per list, in parallel.
 */
export async function loadPlanExport(graph: Graph, siteId: string): Promise<PlanExport> {
  const read = (list: string, fields: readonly string[]) =>
    graph.getAll<ListItem>(`${listPath(siteId, list)}/items?$expand=${fieldsExpand(fields)}&$top=999`);
  const [adviezen, bevindingen, acties, users, rijen, inrichting, inrichtingItems] = await Promise.all([
    read('Adviezen', adviesFieldNames),
    read('Bevindingen', bevindingFieldNames),
    read('Acties', actieFieldNames),
    read(SITE_USERS_LIST, siteUserFieldNames),
    read('DomeinVoortgang', domeinVoortgangFieldNames),
    // The site's set-up (Zoetermeer's for a site without its own); a broken one stops the export, naming the fault.
    readInrichting(graph, siteId).then((r) => r.inrichting),
    read('Inrichting', inrichtingFieldNames),
  ]);
  // Mapped without the rows, each action keeps its own status; with them, the rows are read against the actions.
  // Read against the site's own set-up, so another municipality's domains and plateaus are values, not typos.
  const stored = mapPlan({ adviezen, bevindingen, acties, users, inrichting: inrichtingItems });
  const withRows = mapPlan({
    adviezen,
    bevindingen,
    acties,
    users,
    domeinVoortgang: rijen,
    inrichting: inrichtingItems,
  });
  return planExportOf(
    {
      adviezen: stored.adviezen.map((a) => a.value),
      bevindingen: stored.bevindingen.map((b) => b.value),
      acties: stored.acties.map((a) => a.value),
    },
    withRows.domeinVoortgang.map((r) => r.value),
    inrichting,
  );
}

/**
 * The export of a plan already in hand (the tab holds one). `acties` must carry their own stored status: an action's
 * status the tab shows is the roll-up of its rows, which the import would otherwise write as the action's own.
 */
export function planExportOf(
  plan: Pick<Plan, 'adviezen' | 'bevindingen' | 'acties'>,
  domeinVoortgang: readonly DomeinVoortgang[],
  inrichting: Inrichting,
): PlanExport {
  const themas = inrichting.themas
    .filter((t) => plan.adviezen.some((a) => a.thema === t.code))
    .map((t) => ({
      code: t.code as Plan['themas'][number]['code'],
      naam: t.naam,
      adviezen: plan.adviezen
        .filter((a) => a.thema === t.code)
        .map((a) => a.nummer)
        .sort((x, y) => x - y),
    }));
  return {
    inrichting,
    plan: { themas, adviezen: [...plan.adviezen], bevindingen: [...plan.bevindingen], acties: [...plan.acties] },
    domeinVoortgang: [...domeinVoortgang],
  };
}

/** How many items each of the plan's lists holds (at most 1 is read per list: enough to say empty or not). */
export async function planSiteContents(
  graph: Graph,
  siteId: string,
  lists: readonly PlanList[] = PLAN_LISTS,
): Promise<Record<PlanList, boolean>> {
  const answers = await sendBatch(
    graph,
    lists.map((list) => ({
      id: list,
      method: 'GET' as const,
      url: `${listPath(siteId, list)}/items${odataQuery({ $select: 'id', $top: 1 })}`,
    })),
  );
  const out = Object.fromEntries(PLAN_LISTS.map((list) => [list, false])) as Record<PlanList, boolean>;
  lists.forEach((list, i) => {
    const answer = answers[i];
    if (!answer || answer.status !== 200)
      throw new Error(`Could not read list ${list} (${answer?.status ?? 'no answer'}).`);
    out[list] = ((answer.body as { value?: unknown[] }).value ?? []).length > 0;
  });
  return out;
}

/** The site already holds a plan: an import lands only in an empty site (it never merges into a living plan). */
export class PlanSiteNotEmptyError extends Error {
  override readonly name = 'PlanSiteNotEmptyError';
  constructor(readonly lists: PlanList[]) {
    super(
      `Deze site heeft al een plan (items in ${lists.join(', ')}); een plan importeren kan alleen in een lege site. Er is niets opgeslagen.`,
    );
  }
}

/** The site has a set-up of its own that differs from the file's: the import does not replace it. */
export class PlanInrichtingMismatchError extends Error {
  override readonly name = 'PlanInrichtingMismatchError';
  constructor(readonly siteGemeente: string) {
    super(
      `Deze site heeft al een eigen inrichting (${siteGemeente}) die anders is dan die op het tabblad Inrichting; pas de lijst Inrichting of het bestand aan. Er is niets opgeslagen.`,
    );
  }
}

/**
 * Whether the file's set-up can land: the site has none of its own (it writes it), or exactly this one (nothing to
 * write). Throws PlanInrichtingMismatchError for another one and InrichtingError for a broken one; writes nothing.
 * @returns true when the set-up must be written.
 */
export async function assertPlanInrichtingFits(graph: Graph, siteId: string, inrichting: Inrichting): Promise<boolean> {
  let site;
  try {
    site = await readInrichting(graph, siteId);
  } catch (error) {
    // Half of a set-up, left by an import that stopped: writing finishes it if it is this one, else refuses.
    if (error instanceof InrichtingError) return true;
    throw error;
  }
  if (site.bron === 'standaard') return true;
  if (JSON.stringify(site.inrichting) !== JSON.stringify(inrichting))
    throw new PlanInrichtingMismatchError(site.inrichting.gemeente);
  return false;
}

/** The dry run still has problems: nothing was written. */
export class PlanNotValidError extends Error {
  override readonly name = 'PlanNotValidError';
  constructor(readonly problems: number) {
    super(`Het plan heeft ${problems} probleem/problemen; er is niets opgeslagen.`);
  }
}

/**
 * Throws PlanSiteNotEmptyError when any of the plan's lists has an item. `lists`: the plan's lists the site has (a
 * dry run on a site of an older schema, which provisioning has not brought up to date, lacks some; they are empty).
 */
export async function assertPlanSiteEmpty(
  graph: Graph,
  siteId: string,
  lists: readonly PlanList[] = PLAN_LISTS,
): Promise<void> {
  const contents = await planSiteContents(graph, siteId, lists);
  const filled = PLAN_LISTS.filter((l) => contents[l]);
  if (filled.length > 0) throw new PlanSiteNotEmptyError(filled);
}

export type PlanImportOutcome =
  | {
      ok: true;
      created: Record<PlanList, number>;
      dependencies: number;
      resolvedByKey: number;
      /** Items of the set-up written into the Inrichting list (0: the file had none, or the site had the same). */
      inrichting: number;
      /** Choice columns given the set-up's values, as `List.Column`. */
      choicesSet: string[];
    }
  | {
      ok: false;
      failure: Failure;
      rolledBack: { deleted: number };
      /** Items the rollback could not delete (the site failed): named by list and key, to remove by hand. */
      rollbackFailures: RollbackFailure[];
    };

type Create = { ref: PlanRowRef; key: string; fields: Record<string, unknown> };
/**
 * The write that failed: where, the site's HTTP status (0: no answer) and `message`, the site's own words or Dutch (the
 * CLI). `setUp`: writing the set-up or its choices failed. A UI says the failure by its status, in its own language.
 */
export type Failure = { sheet: string; rowNumber: number; status: number; message: string; setUp?: true };

/**
 * An item the rollback left behind: `step` is what failed (reading the list, deleting the item, restoring a column's
 * choices), `status` the site's HTTP status when there was one; `message` as for `Failure`.
 */
export type RollbackFailure = {
  list: PlanList | 'Inrichting';
  key: string;
  step: 'read' | 'delete' | 'choices';
  status?: number;
  message: string;
};

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
};

const isSuccess = (status: number) => status >= 200 && status < 300;
function message(response: BatchResponse | undefined): string {
  const body = response?.body as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? `De site antwoordde ${response?.status ?? 'niet'}.`;
}

/** Every item of a list by its key (the import's lists were empty before it began, so this is small). */
async function idsByKey(graph: Graph, siteId: string, list: PlanList): Promise<Map<string, string>> {
  const items = await graph.getAll<ListItem>(
    `${listPath(siteId, list)}/items?$expand=${fieldsExpand([KEY_FIELD[list]])}&$select=id&$top=999`,
  );
  return new Map(items.map((i) => [String(i.fields[KEY_FIELD[list]]), i.id]));
}

/**
 * Writes a checked plan into an empty site, all or nothing (see the module comment). Throws PlanNotValidError for a
 * dry run with problems and PlanSiteNotEmptyError for a site that already has a plan; both before any write.
 */
export async function applyPlanImport(
  graph: Graph,
  siteId: string,
  dryRun: PlanDryRun,
  options: { onProgress?: (list: PlanList) => void } = {},
): Promise<PlanImportOutcome> {
  if (!dryRun.ok) throw new PlanNotValidError(dryRun.problems.length);
  await assertPlanSiteEmpty(graph, siteId);
  const { plan, domeinVoortgang, inrichting } = dryRun.data;
  const writeSetUp = inrichting ? await assertPlanInrichtingFits(graph, siteId, inrichting) : false;
  const keys: Record<PlanList, Set<string>> = {
    Adviezen: new Set(),
    Bevindingen: new Set(),
    Acties: new Set(),
    DomeinVoortgang: new Set(),
  };
  const created: Record<PlanList, number> = { Adviezen: 0, Bevindingen: 0, Acties: 0, DomeinVoortgang: 0 };
  let resolvedByKey = 0;

  /** Creates every item of a list; returns the item id per key, or the first failure. */
  async function createAll(
    list: PlanList,
    creates: Create[],
  ): Promise<{ ids: Map<string, string> } | { failure: Failure }> {
    options.onProgress?.(list);
    for (const c of creates) keys[list].add(c.key);
    const base = `${listPath(siteId, list)}/items`;
    const ids = new Map<string, string>();
    let pending = creates;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const uncertain: Create[] = [];
      let failure: Failure | undefined;
      const writes = pending.map((c, i) => ({
        create: c,
        request: { id: `c${i}`, method: 'POST', url: base, body: { fields: c.fields } } satisfies BatchRequest,
      }));
      for (const chunk of batchChunks(writes)) {
        let answers: BatchResponse[];
        try {
          answers = await sendBatch(
            graph,
            chunk.map((w) => w.request),
          );
        } catch {
          // The whole batch was lost in transit: any of its creates may have landed.
          uncertain.push(...chunk.map((w) => w.create));
          continue;
        }
        chunk.forEach((w, i) => {
          const answer = answers[i];
          if (answer && isSuccess(answer.status)) ids.set(w.create.key, String((answer.body as ListItem).id));
          else if (!answer || answer.status >= 500 || answer.status === 409 || answer.status === 429)
            uncertain.push(w.create);
          else failure ??= { ...w.create.ref, status: answer.status, message: message(answer) };
        });
      }
      if (failure) return { failure };
      if (uncertain.length === 0) break;
      // A lost answer: find what landed by its unique key; send the rest once more.
      const present = await idsByKey(graph, siteId, list);
      const missing: Create[] = [];
      for (const c of uncertain) {
        const id = present.get(c.key);
        if (id !== undefined) {
          ids.set(c.key, id);
          resolvedByKey += 1;
        } else {
          missing.push(c);
        }
      }
      if (missing.length > 0 && attempt >= 2) {
        const first = missing[0] as Create;
        return { failure: { ...first.ref, status: 503, message: 'De site bleef fouten geven bij het aanmaken.' } };
      }
      pending = missing;
    }
    created[list] = ids.size;
    return { ids };
  }

  let inrichtingWritten = 0;
  let inrichtingSleutels: string[] = [];
  let choicesBefore: ChoicesBefore = [];

  async function rollBack(failure: Failure): Promise<PlanImportOutcome> {
    let deleted = 0;
    const rollbackFailures: RollbackFailure[] = [];
    for (const list of [...PLAN_LISTS].reverse()) {
      if (keys[list].size === 0) continue;
      let present: Map<string, string>;
      try {
        present = await idsByKey(graph, siteId, list);
      } catch (error) {
        for (const key of keys[list])
          rollbackFailures.push({
            list,
            key,
            step: 'read',
            ...(statusOf(error) !== undefined ? { status: statusOf(error) } : {}),
            message: `Kon de lijst niet lezen: ${error instanceof Error ? error.message : String(error)}`,
          });
        continue;
      }
      const mine = [...present].filter(([key]) => keys[list].has(key));
      const answers = await sendBatch(
        graph,
        mine.map(([, id], i) => ({
          id: `d${i}`,
          method: 'DELETE' as const,
          url: `${listPath(siteId, list)}/items/${id}`,
        })),
      );
      mine.forEach(([key], i) => {
        const status = answers[i]?.status ?? 0;
        if (isSuccess(status) || status === 404) deleted += 1;
        else rollbackFailures.push({ list, key, step: 'delete', status, message: `Verwijderen mislukt (${status}).` });
      });
    }
    // The set-up this import wrote, and the choices it set: as they were before.
    if (inrichtingSleutels.length > 0) {
      try {
        const present = await graph.getAll<ListItem>(
          `${listPath(siteId, 'Inrichting')}/items?$expand=${fieldsExpand([INRICHTING_FIELDS.sleutel])}&$select=id&$top=999`,
        );
        for (const item of present) {
          const sleutel = String(item.fields[INRICHTING_FIELDS.sleutel] ?? '');
          if (!inrichtingSleutels.includes(sleutel)) continue;
          try {
            await graph.delete(`${listPath(siteId, 'Inrichting')}/items/${item.id}`);
            deleted += 1;
          } catch (error) {
            rollbackFailures.push({
              list: 'Inrichting',
              key: sleutel,
              step: 'delete',
              ...(statusOf(error) !== undefined ? { status: statusOf(error) } : {}),
              message: String(error),
            });
          }
        }
      } catch (error) {
        rollbackFailures.push({
          list: 'Inrichting',
          key: '*',
          step: 'read',
          ...(statusOf(error) !== undefined ? { status: statusOf(error) } : {}),
          message: `Kon de lijst niet lezen: ${String(error)}`,
        });
      }
    }
    for (const f of await restoreChoices(graph, siteId, choicesBefore))
      rollbackFailures.push({ list: 'Inrichting', key: 'keuzes', step: 'choices', message: f });
    return { ok: false, failure, rolledBack: { deleted }, rollbackFailures };
  }

  // The set-up first, and its values as the columns' choices: the plan's rows hold them.
  let choicesSet: string[] = [];
  if (inrichting) {
    try {
      if (writeSetUp) {
        inrichtingSleutels = inrichtingToItems(inrichting).map((i) => i.sleutel);
        inrichtingWritten = await writeInrichting(graph, siteId, inrichting);
      }
      const choices = await applyInrichtingChoices(graph, siteId, inrichting, siteSchema);
      choicesBefore = choices.before;
      choicesSet = choices.changed;
    } catch (error) {
      return rollBack({
        sheet: 'Inrichting',
        rowNumber: 0,
        status: (error as { status?: number }).status ?? 0,
        message: error instanceof InrichtingError || error instanceof Error ? error.message : String(error),
        setUp: true,
      });
    }
  }

  const ref = (
    map: ReadonlyMap<string | number, PlanRowRef>,
    key: string | number,
    sheet: PlanRowRef['sheet'],
  ): PlanRowRef => map.get(key as never) ?? { sheet, rowNumber: 0 };

  const advies = await createAll(
    'Adviezen',
    plan.adviezen.map((a) => ({
      ref: ref(dryRun.rowOf.adviezen, a.nummer, 'Adviezen'),
      key: String(a.nummer),
      fields: adviesToFields(a),
    })),
  );
  if ('failure' in advies) return rollBack(advies.failure);
  const bevinding = await createAll(
    'Bevindingen',
    plan.bevindingen.map((b) => ({
      ref: ref(dryRun.rowOf.bevindingen, b.nummer, 'Bevindingen'),
      key: String(b.nummer),
      fields: bevindingToFields(b),
    })),
  );
  if ('failure' in bevinding) return rollBack(bevinding.failure);

  const adviesIdByNummer = new Map([...advies.ids].map(([k, id]) => [Number(k), id]));
  const bevindingIdByNummer = new Map([...bevinding.ids].map(([k, id]) => [Number(k), id]));
  // Dependencies are set once every action exists (an action may build on a later one).
  const actie = await createAll(
    'Acties',
    plan.acties.map((a) => {
      const { fields } = actieToFields(
        { ...a, afhankelijkVan: [] },
        { adviesIdByNummer, bevindingIdByNummer, actieIdByNummer: new Map() },
      );
      return {
        ref: ref(dryRun.rowOf.acties, a.nummer, 'Acties'),
        key: planActieKey(a.nummer),
        fields: { ...fields, [ACTIE_FIELDS.clientKey]: planActieKey(a.nummer) },
      };
    }),
  );
  if ('failure' in actie) return rollBack(actie.failure);
  const actieIdByNummer = new Map(plan.acties.map((a) => [a.nummer, actie.ids.get(planActieKey(a.nummer)) ?? '']));

  // Setting the dependencies is a PATCH of the same values: sending it again is harmless.
  const patches = plan.acties
    .filter((a) => a.afhankelijkVan.length > 0)
    .map((a, i) => ({
      actie: a,
      request: {
        id: `p${i}`,
        method: 'PATCH',
        url: `${listPath(siteId, 'Acties')}/items/${actieIdByNummer.get(a.nummer)}/fields`,
        body: dependencyFields(a.afhankelijkVan, actieIdByNummer),
      } satisfies BatchRequest,
    }));
  let open = patches;
  for (let attempt = 1; open.length > 0; attempt += 1) {
    const again: typeof patches = [];
    let failure: Failure | undefined;
    for (const chunk of batchChunks(open)) {
      let answers: BatchResponse[] | undefined;
      try {
        answers = await sendBatch(
          graph,
          chunk.map((p) => p.request),
        );
      } catch {
        again.push(...chunk);
        continue;
      }
      chunk.forEach((p, i) => {
        const answer = answers?.[i];
        if (answer && isSuccess(answer.status)) return;
        if (!answer || answer.status >= 500 || answer.status === 429) again.push(p);
        else
          failure ??= {
            ...ref(dryRun.rowOf.acties, p.actie.nummer, 'Acties'),
            status: answer.status,
            message: message(answer),
          };
      });
    }
    if (failure) return rollBack(failure);
    if (again.length > 0 && attempt >= 2) {
      const first = again[0] as (typeof patches)[number];
      return rollBack({
        ...ref(dryRun.rowOf.acties, first.actie.nummer, 'Acties'),
        status: 503,
        message: 'De site bleef fouten geven bij het vastleggen van de afhankelijkheden.',
      });
    }
    open = again;
  }

  const rijen = await createAll(
    'DomeinVoortgang',
    domeinVoortgang.map((r: DomeinVoortgang) => {
      const sleutel = domeinVoortgangKey(r.actie, r.domein);
      return {
        ref: ref(dryRun.rowOf.domeinVoortgang, sleutel, 'DomeinVoortgang'),
        key: sleutel,
        fields: domeinVoortgangToFields(r, actieIdByNummer.get(r.actie) ?? ''),
      };
    }),
  );
  if ('failure' in rijen) return rollBack(rijen.failure);
  return {
    ok: true,
    created,
    dependencies: patches.length,
    resolvedByKey,
    inrichting: inrichtingWritten,
    choicesSet,
  };
}
