import { useCallback, useState } from 'react';
import { readJson, writeJson } from '../../../lib/storage.js';
import { addSavedView, parseSavedViews, removeSavedView, SAVED_VIEWS_KEY, type SavedView } from '../lib/saved-views.js';

/** The list's saved views, kept in this browser's localStorage. */
export function useSavedViews(): {
  views: SavedView[];
  save(name: string, params: string): boolean;
  remove(id: string): void;
} {
  const [views, setViews] = useState<SavedView[]>(() => readJson(SAVED_VIEWS_KEY, parseSavedViews) ?? []);
  const save = useCallback(
    (name: string, params: string) => {
      const next = addSavedView(views, name, params, `v${Date.now().toString(36)}`);
      setViews(next);
      return writeJson(SAVED_VIEWS_KEY, next);
    },
    [views],
  );
  const remove = useCallback(
    (id: string) => {
      const next = removeSavedView(views, id);
      setViews(next);
      writeJson(SAVED_VIEWS_KEY, next);
    },
    [views],
  );
  return { views, save, remove };
}
