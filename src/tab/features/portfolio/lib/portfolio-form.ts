/**
 * The edit form of a portfolio item as plain strings, the change it makes, and its draft in localStorage (kept
 * after a failed save, a conflict or a reload, with the version it was typed against).
 */
import type { PersonRef, PortfolioItem } from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { PortfolioChange } from '../../../../data/portfolio-store.js';
import { readJson, removeKey, writeJson } from '../../../lib/storage.js';

export const FORM_FIELDS = [
  'titel',
  'omschrijving',
  'fase',
  'status',
  'statusToelichting',
  'prioriteit',
  'ditKwartaal',
  'opdrachtgeverId',
  'informatiemanagerId',
  'iaContactId',
  'start',
  'einde',
  'acties',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type PortfolioForm = Record<FormField, string>;

export function toForm(item: PortfolioItem): PortfolioForm {
  return {
    titel: item.titel,
    omschrijving: item.omschrijving,
    fase: item.fase,
    status: item.status,
    statusToelichting: item.statusToelichting ?? '',
    prioriteit: item.prioriteit === undefined ? '' : String(item.prioriteit),
    ditKwartaal: item.ditKwartaal,
    opdrachtgeverId: item.opdrachtgever?.id ?? '',
    informatiemanagerId: item.informatiemanager?.id ?? '',
    iaContactId: item.iaContact?.id ?? '',
    start: item.start ?? '',
    einde: item.einde ?? '',
    acties: item.acties.join(', '),
  };
}

const splitActies = (text: string) => text.split(/[,;\s]+/).filter((a) => a !== '');

/**
 * The change a form makes to `base`: only fields that differ. Values are passed on as typed (a priority
 * that is no number stays text), so the store's validation names the problem in Dutch.
 */
export function formToChange(base: PortfolioItem, form: PortfolioForm, users: readonly PersonRef[]): PortfolioChange {
  const before = toForm(base);
  const change: Record<string, unknown> = {};
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  for (const field of FORM_FIELDS) {
    // A draft saved before a field existed lacks it: treat it as unchanged.
    const v = form[field] ?? before[field];
    // Spaces around a text are no change (the store trims them): nothing to write for them.
    if (v.trim() === before[field].trim()) continue;
    switch (field) {
      case 'prioriteit':
        change.prioriteit = opt(v) === undefined ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
        break;
      case 'opdrachtgeverId':
      case 'informatiemanagerId':
      case 'iaContactId': {
        const key =
          field === 'opdrachtgeverId'
            ? 'opdrachtgever'
            : field === 'informatiemanagerId'
              ? 'informatiemanager'
              : 'iaContact';
        change[key] = v === '' ? undefined : (users.find((u) => u.id === v) ?? { id: v, displayName: v });
        break;
      }
      case 'acties':
        if (splitActies(v).join(',') !== base.acties.join(',')) change.acties = splitActies(v);
        break;
      case 'statusToelichting':
      case 'start':
      case 'einde':
        change[field] = opt(v);
        break;
      default:
        change[field] = v;
    }
  }
  return change as PortfolioChange;
}

/** The form fields in which two versions of an item differ (to say what the other person changed). */
export function changedFormFields(a: PortfolioItem, b: PortfolioItem): FormField[] {
  const fa = toForm(a);
  const fb = toForm(b);
  return FORM_FIELDS.filter((f) => fa[f] !== fb[f]);
}

/** Which form field a validation issue's path belongs to. */
export function fieldOfPath(path: string): FormField | undefined {
  const head = path.split('.')[0] ?? '';
  if (head === 'opdrachtgever') return 'opdrachtgeverId';
  if (head === 'informatiemanager') return 'informatiemanagerId';
  if (head === 'iaContact') return 'iaContactId';
  return FORM_FIELDS.find((f) => f === head);
}

export type PortfolioDraft = { itemId: string; base: Loaded<PortfolioItem>; form: PortfolioForm; savedAt: string };

const PREFIX = 'portfolio.concept.v1';
export const draftKey = (userKey: string, itemId: string) => `${PREFIX}|${userKey.toLowerCase()}|${itemId}`;

function parseDraft(raw: unknown): PortfolioDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Partial<PortfolioDraft>;
  if (
    typeof r.itemId !== 'string' ||
    typeof r.savedAt !== 'string' ||
    !r.base ||
    typeof r.base.eTag !== 'string' ||
    typeof r.form !== 'object' ||
    r.form === null
  )
    return undefined;
  const form = r.form as Partial<PortfolioForm>;
  if (!FORM_FIELDS.every((f) => typeof form[f] === 'string')) return undefined;
  return { itemId: r.itemId, base: { ...r.base, problems: [] }, form: form as PortfolioForm, savedAt: r.savedAt };
}

export const loadDraft = (userKey: string, itemId: string) => readJson(draftKey(userKey, itemId), parseDraft);
export const saveDraft = (userKey: string, draft: PortfolioDraft) => writeJson(draftKey(userKey, draft.itemId), draft);
export const clearDraft = (userKey: string, itemId: string) => removeKey(draftKey(userKey, itemId));
