/**
 * The choice columns that hold the municipality's own values (issue 12, point 8): Acties.Domeinen and .Plateau,
 * Adviezen.Thema and .Plateau, Bevindingen.Thema, and the Domein(en) of DomeinVoortgang, Portfolio, MTs and
 * Agenderingen. The schema marks them with `choicesFrom`; their choices are the set-up's (the Inrichting list), so a
 * municipality with other domains, themes or plateaus can store them.
 *
 * They stay choice columns (not text): SharePoint then refuses a value outside the set-up in every write, also one
 * typed in SharePoint itself, and people who open the list get a drop-down of exactly the municipality's values.
 * A choice column accepts only its choices unless it allows text entry (Graph's `allowTextEntry`, SharePoint's
 * FillInChoice), which these never do. See docs/inrichting.md.
 *
 * The choices are set exactly to the set-up's values, in its order. A value that leaves the set-up stays on the items
 * that hold it (SharePoint keeps a stored value when its choice is removed); a new write must use a set-up value.
 */
import { inrichtingValues } from '../domain/inrichting-basis.js';
import type { Inrichting } from '../domain/inrichting.js';
import type { Graph } from './graph/client.js';
import type { ColumnDefinition, ListDefinition, ListName } from './lists/list-definition.js';
import { listPath } from './site.js';

type Soort = NonNullable<ColumnDefinition['choicesFrom']>;
type GraphChoiceColumn = {
  id: string;
  name: string;
  choice?: { choices?: string[]; allowTextEntry?: boolean; displayAs?: string };
};

/**
 * The values a set-up gives a column of each kind: domain names, theme codes (as the adviezen hold them), plateaus.
 * The same rule the list mappers read those columns with (`inrichtingValues`).
 */
export function inrichtingChoices(inrichting: Inrichting, soort: Soort): string[] {
  return inrichtingValues(inrichting, soort);
}

/** The columns of `lists` whose choices follow the set-up, as `List.Column` with their kind. */
export function inrichtingChoiceColumns(
  lists: readonly ListDefinition[],
): { list: ListName; column: string; soort: Soort }[] {
  return lists.flatMap((l) =>
    l.columns.flatMap((c) =>
      c.choicesFrom && 'choice' in c ? [{ list: l.name, column: c.name, soort: c.choicesFrom }] : [],
    ),
  );
}

/** A column's choices as they were before a change, to put back (a rolled-back import). */
export type ChoicesBefore = { list: ListName; columnId: string; column: string; choices: string[] }[];

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Sets the choices of every set-up column of `lists` to the set-up's values, through Graph (PATCH of the column's
 * choice facet, keeping how it is shown and never allowing text entry). Idempotent: it reads each list's columns
 * first and writes only a column whose choices differ. One GET per list, one PATCH per changed column.
 * @returns `changed`: `List.Column` per column written; `before`: their earlier choices.
 */
export async function applyInrichtingChoices(
  graph: Graph,
  siteId: string,
  inrichting: Inrichting,
  lists: readonly ListDefinition[],
): Promise<{ changed: string[]; before: ChoicesBefore }> {
  const targets = inrichtingChoiceColumns(lists);
  const changed: string[] = [];
  const before: ChoicesBefore = [];
  for (const list of [...new Set(targets.map((t) => t.list))]) {
    const columns = await graph.getAll<GraphChoiceColumn>(`${listPath(siteId, list)}/columns`);
    for (const target of targets.filter((t) => t.list === list)) {
      const present = columns.find((c) => c.name === target.column);
      if (!present?.choice) continue; // not provisioned yet (an older schema): provisioning creates it first
      const wanted = inrichtingChoices(inrichting, target.soort);
      const current = present.choice.choices ?? [];
      if (same(current, wanted) && present.choice.allowTextEntry !== true) continue;
      await graph.patch(`${listPath(siteId, list)}/columns/${present.id}`, {
        choice: {
          choices: wanted,
          allowTextEntry: false,
          ...(present.choice.displayAs ? { displayAs: present.choice.displayAs } : {}),
        },
      });
      changed.push(`${list}.${target.column}`);
      before.push({ list, columnId: present.id, column: target.column, choices: current });
    }
  }
  return { changed, before };
}

/** Puts choices back as `applyInrichtingChoices` found them (a rolled-back import); returns what could not be. */
export async function restoreChoices(graph: Graph, siteId: string, before: ChoicesBefore): Promise<string[]> {
  const failed: string[] = [];
  for (const b of before) {
    try {
      await graph.patch(`${listPath(siteId, b.list)}/columns/${b.columnId}`, { choice: { choices: b.choices } });
    } catch (error) {
      failed.push(`${b.list}.${b.column}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed;
}
