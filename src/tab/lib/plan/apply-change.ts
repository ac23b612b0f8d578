import type { ActieChange } from '../../../data/acties-store.js';
import type { Loaded } from '../../../data/lists/field-reader.js';
import type { Actie } from '../../../domain/model.js';

/** The optimistic version of an item: the change applied locally, cleared fields removed. */
export function applyChange(item: Loaded<Actie>, change: ActieChange): Loaded<Actie> {
  const value: Actie = { ...item.value, ...change };
  for (const key of Object.keys(change) as (keyof ActieChange)[]) {
    if (change[key] === undefined) delete (value as Partial<Actie>)[key];
  }
  return { ...item, value };
}
