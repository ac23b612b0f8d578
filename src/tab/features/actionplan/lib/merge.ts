/**
 * The merge view's model after a 412: per field, what it was when I started (base), what I typed (mine) and
 * what the other person saved (theirs). Pure.
 */
import type { Actie } from '../../../../domain/model.js';
import { changedFields, toForm, type ActieForm, type FormField } from './actie-form.js';

export type MergeRow = {
  field: FormField;
  base: string;
  mine: string;
  theirs: string;
  /** Both changed it, differently: the user must choose. */
  conflict: boolean;
  /** Only I changed it: mine is kept unless the user chooses otherwise. */
  onlyMine: boolean;
  /** Only they changed it: theirs stays. */
  onlyTheirs: boolean;
};

export type MergeChoice = 'mine' | 'theirs';

function text(form: ActieForm, field: FormField): string {
  const v = form[field];
  return Array.isArray(v) ? [...v].sort().join(', ') : String(v).trim();
}

/** Every field that I or they changed, in form order. */
export function mergeRows(base: Actie, mine: ActieForm, theirs: Actie): MergeRow[] {
  const b = toForm(base);
  const t = toForm(theirs);
  const mineChanged = new Set(changedFields(base, mine));
  const theirsChanged = new Set(changedFields(base, t));
  const fields = [...new Set([...mineChanged, ...theirsChanged])];
  const order = Object.keys(b) as FormField[];
  fields.sort((x, y) => order.indexOf(x) - order.indexOf(y));
  return fields.map((field) => {
    const mineValue = text(mine, field);
    const theirsValue = text(t, field);
    const bothChanged = mineChanged.has(field) && theirsChanged.has(field);
    return {
      field,
      base: text(b, field),
      mine: mineValue,
      theirs: theirsValue,
      conflict: bothChanged && mineValue !== theirsValue,
      onlyMine: mineChanged.has(field) && !theirsChanged.has(field),
      onlyTheirs: theirsChanged.has(field) && !mineChanged.has(field),
    };
  });
}

/** The default choice per row: my change where only I changed it, theirs otherwise (nothing is lost: mine stays visible). */
export function defaultChoices(rows: readonly MergeRow[]): Record<string, MergeChoice> {
  return Object.fromEntries(rows.map((r) => [r.field, r.onlyMine ? 'mine' : r.conflict ? 'mine' : 'theirs']));
}

/** The form to save on top of their version: their values, with my value wherever I chose mine. */
export function mergedForm(theirs: Actie, mine: ActieForm, choices: Record<string, MergeChoice>): ActieForm {
  const result = toForm(theirs);
  for (const [field, choice] of Object.entries(choices) as [FormField, MergeChoice][]) {
    if (choice === 'mine') (result as Record<FormField, unknown>)[field] = mine[field];
  }
  return result;
}
