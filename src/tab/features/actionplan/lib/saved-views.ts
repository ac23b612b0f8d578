/**
 * Saved views of the list: a name and the URL parameters of a query, kept in localStorage per browser.
 * Pure functions; the hook stores the result.
 */
export type SavedView = { id: string; name: string; params: string };

export const SAVED_VIEWS_KEY = 'actieplan.lijst.weergaven.v1';
const MAX_NAME = 60;
const MAX_VIEWS = 30;

/** Reads what was stored, dropping anything that is not a well-formed view (storage is user-editable). */
export function parseSavedViews(raw: unknown): SavedView[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (v): v is SavedView =>
        typeof v === 'object' &&
        v !== null &&
        typeof v.id === 'string' &&
        typeof v.name === 'string' &&
        typeof v.params === 'string',
    )
    .map((v) => ({ id: v.id, name: v.name.slice(0, MAX_NAME), params: v.params }))
    .slice(0, MAX_VIEWS);
}

/** Adds a view; a view with the same name (ignoring case) is replaced, so saving twice updates it. */
export function addSavedView(views: readonly SavedView[], name: string, params: string, id: string): SavedView[] {
  const trimmed = name.trim().slice(0, MAX_NAME);
  if (!trimmed) return [...views];
  const others = views.filter((v) => v.name.toLowerCase() !== trimmed.toLowerCase());
  return [...others, { id, name: trimmed, params }]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .slice(0, MAX_VIEWS);
}

export function removeSavedView(views: readonly SavedView[], id: string): SavedView[] {
  return views.filter((v) => v.id !== id);
}
