import { useCallback } from 'react';
import type { ActieChange, ActiesStore, BulkResult, NewActie } from '../../../data/acties-store.js';
import type { Actie } from '../../../domain/model.js';
import type { ValidationIssue } from '../../../domain/validation.js';
import type { Loaded } from '../../../data/lists/field-reader.js';
import { applyChange } from './apply-change.js';
import { usePlanContext } from './plan-context.js';

export type { ActieChange } from '../../../data/acties-store.js';

/** The outcome of a save, for the UI to show: never an exception it has to remember to catch. */
export type SaveOutcome =
  | { kind: 'saved'; item: Loaded<Actie> }
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'conflict'; mine: ActieChange; theirs: Loaded<Actie> | undefined; base: Loaded<Actie> }
  | { kind: 'failed'; error: unknown };

/**
 * Saves changes to actions the way the tab promises: the change shows at once (optimistic), the site
 * confirms it with If-Match on the item's eTag, and a failure rolls the view back. Validation, conflict
 * and other failures come back as a SaveOutcome so the form keeps the user's text.
 */
export function useActieWriter(): {
  /**
   * Adds an action: one write, then it is in the plan (roadmap, list, agenda) at once. Repeating it with the same
   * `clientKey` (after a lost answer) gives the same item, never a second one.
   */
  create(draft: NewActie, clientKey: string): Promise<SaveOutcome>;
  save(id: string, change: ActieChange): Promise<SaveOutcome>;
  saveOver(theirs: Loaded<Actie>, change: ActieChange): Promise<SaveOutcome>;
  bulk(changes: { id: string; change: ActieChange }[]): Promise<{ results: BulkResult[]; missing: string[] }>;
  store(): Promise<ActiesStore>;
} {
  const ctx = usePlanContext();
  const { session, siteId, storedActie, setOverride, clearOverride, replaceActie, reload } = ctx;

  const store = useCallback(async () => {
    const s = await session();
    const current = ctx.plan;
    if (!siteId || !current) throw new Error('The plan is not loaded yet.');
    return await s.acties(siteId, current);
  }, [session, siteId, ctx.plan]);

  const write = useCallback(
    async (current: Loaded<Actie>, change: ActieChange): Promise<SaveOutcome> => {
      setOverride(applyChange(current, change));
      try {
        const saved = await (await store()).update(current, change);
        replaceActie(saved);
        clearOverride(current.id);
        return { kind: 'saved', item: saved };
      } catch (error) {
        clearOverride(current.id); // rollback: the view shows the stored version again
        if (error instanceof Error && error.name === 'ActieValidationError') {
          return { kind: 'invalid', issues: (error as Error & { issues: ValidationIssue[] }).issues };
        }
        if (error instanceof Error && error.name === 'ActieConflictError') {
          const conflict = error as Error & { mine: ActieChange; theirs: Loaded<Actie> | undefined };
          // Their version becomes the stored one: the list shows the truth while the user merges.
          if (conflict.theirs) replaceActie(conflict.theirs);
          return { kind: 'conflict', mine: conflict.mine, theirs: conflict.theirs, base: current };
        }
        return { kind: 'failed', error };
      }
    },
    [store, setOverride, clearOverride, replaceActie],
  );

  const create = useCallback(
    async (draft: NewActie, clientKey: string): Promise<SaveOutcome> => {
      try {
        const item = await (await store()).create(draft, clientKey);
        replaceActie(item);
        return { kind: 'saved', item };
      } catch (error) {
        if (error instanceof Error && error.name === 'ActieValidationError') {
          return { kind: 'invalid', issues: (error as Error & { issues: ValidationIssue[] }).issues };
        }
        return { kind: 'failed', error };
      }
    },
    [store, replaceActie],
  );

  const save = useCallback(
    async (id: string, change: ActieChange) => {
      const current = storedActie(id);
      if (!current) return { kind: 'failed', error: new Error(`Item ${id} is not in the plan.`) } satisfies SaveOutcome;
      return write(current, change);
    },
    [storedActie, write],
  );

  const bulk = useCallback(
    async (changes: { id: string; change: ActieChange }[]) => {
      const entries = changes.flatMap(({ id, change }) => {
        const current = storedActie(id);
        return current ? [{ current, change }] : [];
      });
      const missing = changes.filter((c) => !entries.some((e) => e.current.id === c.id)).map((c) => c.id);
      for (const e of entries) setOverride(applyChange(e.current, e.change));
      try {
        const results = await (await store()).bulkUpdate(entries);
        let deleted = false;
        for (const r of results) {
          if (r.ok) replaceActie(r.item);
          else if (r.error.name === 'ActieConflictError') {
            const conflict = r.error as Error & { theirs?: Loaded<Actie>; deleted?: boolean };
            if (conflict.theirs) replaceActie(conflict.theirs);
            if (conflict.deleted) deleted = true;
          }
          clearOverride(r.id);
        }
        // An action deleted meanwhile leaves the list now, not at the next refresh: the delta brings the deletion.
        if (deleted) reload();
        return { results, missing };
      } catch (error) {
        for (const e of entries) clearOverride(e.current.id);
        throw error;
      }
    },
    [storedActie, store, setOverride, clearOverride, replaceActie, reload],
  );

  return { create, save, saveOver: write, bulk, store };
}
