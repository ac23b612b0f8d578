/**
 * The detail form of an action as plain strings (what inputs hold), and the change it makes to the stored
 * action. Pure: the detail component, the draft store and the merge view share these. The plateaus and domains are
 * the municipality's (`Inrichting`, read with the plan; Zoetermeer's by default).
 */
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import { type Actie, type ActieStatus, type Domein, type PersonRef, type Plateau } from '../../../../domain/model.js';
import type { ActieChange } from '../../../../data/acties-store.js';

export type ActieForm = {
  titel: string;
  status: ActieStatus;
  statusToelichting: string;
  /** Site-user id of the owner; '' for none. */
  eigenaarId: string;
  deadline: string;
  start: string;
  planning: string;
  lopendTraject: string;
  plateau: Plateau;
  domeinen: Domein[];
};

export const FORM_FIELDS = [
  'titel',
  'status',
  'statusToelichting',
  'eigenaarId',
  'deadline',
  'start',
  'planning',
  'lopendTraject',
  'plateau',
  'domeinen',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export function toForm(a: Actie): ActieForm {
  return {
    titel: a.titel,
    status: a.status,
    statusToelichting: a.statusToelichting ?? '',
    eigenaarId: a.eigenaar?.id ?? '',
    deadline: a.deadline ?? '',
    start: a.start ?? '',
    planning: a.planning ?? '',
    lopendTraject: a.lopendTraject ?? '',
    plateau: a.plateau,
    domeinen: [...a.domeinen],
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The fields of the form that differ from the action (text compared trimmed, as it will be stored). */
export function changedFields(base: Actie, form: ActieForm): FormField[] {
  const b = toForm(base);
  return FORM_FIELDS.filter((f) => {
    if (f === 'domeinen') return !sameList(b.domeinen, form.domeinen);
    return String(b[f]).trim() !== String(form[f]).trim();
  });
}

/** The chosen domains in the set-up's order (a value it lacks is dropped: the form offers the set-up's only). */
export function domeinenInOrde(gekozen: readonly string[], inrichting: Inrichting): Domein[] {
  return inrichting.domeinen.map((d) => d.naam).filter((d) => gekozen.includes(d));
}

/**
 * The change to send: only what the form changed; an emptied optional field becomes `undefined` (cleared).
 * An owner id the site does not know is left out (the data layer would refuse it). Domains in the set-up's order.
 */
export function formToChange(
  base: Actie,
  form: ActieForm,
  users: readonly PersonRef[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ActieChange {
  const change: ActieChange = {};
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  for (const f of changedFields(base, form)) {
    switch (f) {
      case 'titel':
        change.titel = form.titel.trim();
        break;
      case 'status':
        change.status = form.status;
        break;
      case 'plateau':
        change.plateau = form.plateau;
        break;
      case 'domeinen':
        change.domeinen = domeinenInOrde(form.domeinen, inrichting);
        break;
      case 'eigenaarId': {
        const person = users.find((u) => u.id === form.eigenaarId);
        if (form.eigenaarId === '') change.eigenaar = undefined;
        else if (person) change.eigenaar = person;
        break;
      }
      case 'statusToelichting':
      case 'deadline':
      case 'start':
      case 'planning':
      case 'lopendTraject':
        change[f] = text(form[f]);
        break;
    }
  }
  return change;
}

/** The action as it would be after the change, for validation before saving. */
export function mergedActie(base: Actie, change: ActieChange): Actie {
  const merged: Actie = { ...base, ...change };
  for (const key of Object.keys(change) as (keyof ActieChange)[]) {
    if (change[key] === undefined) delete (merged as Partial<Actie>)[key];
  }
  return merged;
}

/** Maps a validation path (`statusToelichting`, `eigenaar.email`, `domeinen.0`) to the form field that shows it. */
export function fieldOfPath(path: string): FormField | undefined {
  const head = path.split('.')[0] ?? '';
  if (head === 'eigenaar') return 'eigenaarId';
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : undefined;
}

/**
 * Reads a stored form tolerantly (a draft from an older version of the app must not break the detail); its plateau
 * and domains must be the set-up's.
 */
export function parseForm(raw: unknown, inrichting: Inrichting = ZOETERMEER_INRICHTING): ActieForm | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  const status = str('status');
  const plateau = str('plateau');
  if (str('titel') === undefined || !status || !plateau || !inrichting.plateaus.includes(plateau)) return undefined;
  return {
    titel: str('titel') ?? '',
    status: status as ActieStatus,
    statusToelichting: str('statusToelichting') ?? '',
    eigenaarId: str('eigenaarId') ?? '',
    deadline: str('deadline') ?? '',
    start: str('start') ?? '',
    planning: str('planning') ?? '',
    lopendTraject: str('lopendTraject') ?? '',
    plateau: plateau as Plateau,
    domeinen: Array.isArray(r.domeinen)
      ? domeinenInOrde(
          r.domeinen.filter((d) => typeof d === 'string'),
          inrichting,
        )
      : [],
  };
}
