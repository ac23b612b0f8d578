/**
 * Unsaved edits of an action, kept in localStorage so typed text survives a failed save, a closed panel and a
 * reload. A draft remembers the version it was typed against (`base`, with its eTag): saving it later against a
 * changed item is then a conflict the user resolves, never a silent overwrite.
 */
import type { Actie } from '../../../../domain/model.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { readJson, removeKey, writeJson } from '../../../lib/storage.js';
import { parseForm, type ActieForm } from './actie-form.js';

export type ActieDraft = { itemId: string; base: Loaded<Actie>; form: ActieForm; savedAt: string };

const PREFIX = 'actieplan.concept.v1';

export function draftKey(userKey: string, itemId: string): string {
  return `${PREFIX}|${userKey.toLowerCase()}|${itemId}`;
}

/** A stored draft, when it is still one: its form's plateau and domains those of the set-up (`inrichting`). */
export function parseDraft(raw: unknown, inrichting: Inrichting = ZOETERMEER_INRICHTING): ActieDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Partial<ActieDraft>;
  const form = parseForm(r.form, inrichting);
  const base = r.base;
  if (!form || typeof r.itemId !== 'string' || typeof r.savedAt !== 'string') return undefined;
  if (
    !base ||
    typeof base !== 'object' ||
    typeof base.id !== 'string' ||
    typeof base.eTag !== 'string' ||
    typeof base.value !== 'object'
  )
    return undefined;
  return {
    itemId: r.itemId,
    base: { ...base, problems: Array.isArray(base.problems) ? base.problems : [] },
    form,
    savedAt: r.savedAt,
  };
}

/** The person's draft of the action, read against the site's set-up. */
export function loadDraft(
  userKey: string,
  itemId: string,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ActieDraft | undefined {
  return readJson(draftKey(userKey, itemId), (raw) => parseDraft(raw, inrichting));
}

/** Returns false when the browser refuses to store it (the UI then warns that a reload would lose the text). */
export function saveDraft(userKey: string, draft: ActieDraft): boolean {
  return writeJson(draftKey(userKey, draft.itemId), draft);
}

export function clearDraft(userKey: string, itemId: string): void {
  removeKey(draftKey(userKey, itemId));
}
