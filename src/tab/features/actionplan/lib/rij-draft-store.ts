/**
 * Unsaved edits of a domain's row of a shared action (Voortgang per domein), kept in localStorage as the action's own
 * form keeps its draft (draft-store.ts): typed text survives a closed panel and a reload. A draft remembers the row
 * as it was stored when the typing began (`base`), so reopening it moves the draft onto the row as it is now
 * (`rebaseDraft`) instead of writing its stale copy over someone else's change.
 */
import { ACTIE_STATUSES, type ActieStatus } from '../../../../domain/model.js';
import { readJson, removeKey, writeJson } from '../../../lib/storage.js';

/** The fields of a domain's row the form edits; an empty string is an empty field. */
export type RijForm = {
  status: ActieStatus;
  toelichting: string;
  notitie: string;
  eigenaarId: string;
  deadline: string;
};

export type RijDraft = { base: RijForm; form: RijForm; savedAt: string };

const PREFIX = 'actieplan.domein-concept.v1';

export function rijDraftKey(userKey: string, itemId: string, domein: string): string {
  return `${PREFIX}|${userKey.toLowerCase()}|${itemId}|${domein}`;
}

function parseRijForm(raw: unknown): RijForm | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const texts = ['toelichting', 'notitie', 'eigenaarId', 'deadline'] as const;
  if (!ACTIE_STATUSES.includes(r.status as ActieStatus) || texts.some((k) => typeof r[k] !== 'string'))
    return undefined;
  return {
    status: r.status as ActieStatus,
    toelichting: r.toelichting as string,
    notitie: r.notitie as string,
    eigenaarId: r.eigenaarId as string,
    deadline: r.deadline as string,
  };
}

/** A stored draft, when it is one: both forms complete, with a known status. */
export function parseRijDraft(raw: unknown): RijDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const base = parseRijForm(r.base);
  const form = parseRijForm(r.form);
  if (!base || !form || typeof r.savedAt !== 'string') return undefined;
  return { base, form, savedAt: r.savedAt };
}

export function loadRijDraft(userKey: string, itemId: string, domein: string): RijDraft | undefined {
  return readJson(rijDraftKey(userKey, itemId, domein), parseRijDraft);
}

/** Returns false when the browser refuses to store it. */
export function saveRijDraft(userKey: string, itemId: string, domein: string, draft: RijDraft): boolean {
  return writeJson(rijDraftKey(userKey, itemId, domein), draft);
}

export function clearRijDraft(userKey: string, itemId: string, domein: string): void {
  removeKey(rijDraftKey(userKey, itemId, domein));
}
