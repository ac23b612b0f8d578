/**
 * What someone typed into "Nieuwe actie" and did not add yet, kept in localStorage as the action's own form keeps its
 * draft (draft-store.ts): closing the dialog (Esc, Annuleren, a click beside it, Back) or a reload loses nothing, and
 * the dialog opens with it again. The draft carries the dialog's client key, so adding after a lost answer, even in a
 * dialog opened again, gives the same action, never a second one. One draft per person and site; added, it is gone.
 */
import { isValidCalendarDate } from '../../../../domain/dates.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import { TEXT_MAX } from '../../../../domain/text-limits.js';
import { readJson, removeKey, writeJson } from '../../../lib/storage.js';
import type { NewActieForm } from './new-actie-form.js';

export type NewActieDraft = { form: NewActieForm; clientKey: string; savedAt: string };

const PREFIX = 'actieplan.nieuwe-actie.v1';

export function newActieDraftKey(userKey: string, siteUrl: string): string {
  return `${PREFIX}|${userKey.toLowerCase()}|${siteUrl}`;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * A stored draft, when it still is one for this set-up: every field of the form, its plateau and domains the set-up's
 * (a draft from before a change of the set-up is dropped, as the action's own drafts are).
 */
export function parseNewActieDraft(
  raw: unknown,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): NewActieDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { form, clientKey, savedAt } = raw as Record<string, unknown>;
  if (typeof form !== 'object' || form === null) return undefined;
  if (!isText(clientKey, 200) || !clientKey.startsWith('nieuw:') || typeof savedAt !== 'string') return undefined;
  const f = form as Record<string, unknown>;
  const domeinen = inrichting.domeinen.map((d) => d.naam);
  if (
    !Number.isInteger(f.advies) ||
    (f.advies as number) < 1 ||
    !isText(f.titel, 400) ||
    !isText(f.omschrijving, TEXT_MAX.omschrijving) ||
    typeof f.plateau !== 'string' ||
    !inrichting.plateaus.includes(f.plateau) ||
    !Array.isArray(f.domeinen) ||
    !f.domeinen.every((d) => typeof d === 'string' && domeinen.includes(d)) ||
    !isText(f.eigenaarId, 100) ||
    !isText(f.deadline, 10) ||
    (f.deadline !== '' && !isValidCalendarDate(f.deadline)) ||
    !isText(f.afhankelijkVan, 400) ||
    !Array.isArray(f.bevindingen) ||
    !f.bevindingen.every((n) => Number.isInteger(n))
  )
    return undefined;
  return {
    form: {
      advies: f.advies as number,
      titel: f.titel,
      omschrijving: f.omschrijving,
      plateau: f.plateau,
      domeinen: [...new Set(f.domeinen as string[])],
      eigenaarId: f.eigenaarId,
      deadline: f.deadline,
      afhankelijkVan: f.afhankelijkVan,
      bevindingen: [...new Set(f.bevindingen as number[])],
    },
    clientKey,
    savedAt,
  };
}

export function loadNewActieDraft(
  userKey: string,
  siteUrl: string,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): NewActieDraft | undefined {
  return readJson(newActieDraftKey(userKey, siteUrl), (raw) => parseNewActieDraft(raw, inrichting));
}

/** Returns false when the browser refuses to store it. */
export function saveNewActieDraft(userKey: string, siteUrl: string, draft: NewActieDraft): boolean {
  return writeJson(newActieDraftKey(userKey, siteUrl), draft);
}

export function clearNewActieDraft(userKey: string, siteUrl: string): void {
  removeKey(newActieDraftKey(userKey, siteUrl));
}

/** Whether the form holds anything typed or chosen beyond what a fresh form for its advies starts with. */
export function isUntouched(form: NewActieForm, fresh: NewActieForm): boolean {
  return JSON.stringify(form) === JSON.stringify(fresh);
}
