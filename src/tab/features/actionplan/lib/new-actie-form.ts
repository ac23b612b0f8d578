/**
 * The "Nieuwe actie" form as strings and what it becomes: the draft for the store and the issues per field, checked
 * with the domain's rules (validation, links, who may add). Pure, so the dialog and its tests share it. Plateaus and
 * domains are the municipality's (`Inrichting`, read with the plan; Zoetermeer's by default).
 */
import { messageText, type DomainMessage } from '../../../../domain/messages.js';
import { checkLinks, mayChangeActie, nextActienummer, type PlanActor } from '../../../../domain/plan-changes.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import { type Actie, type Advies, type Domein, type PersonRef, type Plateau } from '../../../../domain/model.js';
import { validateActie } from '../../../../domain/validation.js';
import type { NewActie } from '../../../../data/acties-store.js';
import { domeinenInOrde } from './actie-form.js';

export type NewActieForm = {
  advies: number;
  titel: string;
  /** The action's description (the report's own words, or the MT's); optional, at most TEXT_MAX.omschrijving. */
  omschrijving: string;
  plateau: Plateau;
  domeinen: Domein[];
  eigenaarId: string;
  deadline: string;
  afhankelijkVan: string;
  bevindingen: number[];
};

export type NewActieField = keyof NewActieForm;

/**
 * A fresh form for an advies: its plateau, and the tab's domain as the domain, or the set-up's domain of the whole
 * organisation (Zoetermeer's Concern) when the tab shows every domain.
 */
export function emptyForm(
  advies: Advies,
  scope: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): NewActieForm {
  return {
    advies: advies.nummer,
    titel: '',
    omschrijving: '',
    plateau: advies.plateau,
    domeinen: [scope ?? concernDomein(inrichting)],
    eigenaarId: '',
    deadline: '',
    afhankelijkVan: '',
    bevindingen: [],
  };
}

/** "9.1, 3.2" or "9.1 3.2" → ["9.1", "3.2"], without blanks and repeats. */
export function parseNummers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/** The draft the store adds: status Niet gestart, the owner resolved among the site users, domains in set-up order. */
export function toDraft(
  form: NewActieForm,
  users: readonly PersonRef[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): NewActie {
  const eigenaar = users.find((u) => u.id === form.eigenaarId);
  return {
    titel: form.titel.trim(),
    ...(form.omschrijving.trim() ? { omschrijving: form.omschrijving.trim() } : {}),
    advies: form.advies,
    plateau: form.plateau,
    domeinen: domeinenInOrde(form.domeinen, inrichting),
    status: 'Niet gestart',
    ...(eigenaar ? { eigenaar } : {}),
    ...(form.deadline.trim() ? { deadline: form.deadline.trim() } : {}),
    afhankelijkVan: parseNummers(form.afhankelijkVan),
    bevindingen: [...form.bevindingen].sort((a, b) => a - b),
  };
}

/** The number the action would get now, from every number in the list (retired actions included). */
export function previewNummer(form: NewActieForm, acties: readonly Pick<Actie, 'nummer'>[]): string {
  return nextActienummer(
    form.advies,
    acties.map((a) => a.nummer),
  );
}

/**
 * The first issue per field, said by `say` (Dutch by default), with the domain's rules; empty when the action may be
 * added. `plan.inrichting`: the set-up the plateau and domains are checked against and whose domain of the whole
 * organisation (the CMT's) may add any action; Zoetermeer's when absent.
 */
export function checkForm(
  form: NewActieForm,
  plan: { acties: readonly Actie[]; bevindingen: readonly { nummer: number }[]; inrichting?: Inrichting },
  users: readonly PersonRef[],
  actor: PlanActor,
  notAllowed: string,
  say: (message: DomainMessage) => string = messageText,
): Partial<Record<NewActieField, string>> {
  const inrichting = plan.inrichting ?? ZOETERMEER_INRICHTING;
  const draft = toDraft(form, users, inrichting);
  const actie: Actie = { ...draft, nummer: previewNummer(form, plan.acties) };
  const issues: Partial<Record<NewActieField, string>> = {};
  const add = (field: NewActieField, message: string) => {
    issues[field] ??= message;
  };
  const result = validateActie(actie, inrichting);
  if (!result.ok) {
    for (const issue of result.issues) {
      const head = issue.path.split('.')[0] ?? '';
      if (head === 'eigenaar') add('eigenaarId', say(issue.message));
      else if (head in form) add(head as NewActieField, say(issue.message));
    }
  }
  for (const issue of checkLinks(plan, actie)) add(issue.path, say(issue.message));
  if (!issues.domeinen && !mayChangeActie(actor, draft.domeinen, inrichting)) add('domeinen', notAllowed);
  return issues;
}

const sorted = <T extends string | number>(values: readonly T[]): T[] =>
  [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const sameList = <T extends string | number>(a: readonly T[], b: readonly T[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/**
 * Whether the action a create with a client key returned is not what the form asks to add now. With a key that was
 * used before (a draft restored, or an add whose answer was lost), the store returns the action that key already made
 * (acties-store.ts): if the person changed the form since, that action is not their form, and the dialog must say so
 * instead of "added" (their changes would be gone with the draft). Compared as the store writes them: texts trimmed
 * (and \r\n read as \n), lists in any order, the owner by id. The status is not compared: someone may have moved the earlier action on.
 */
export function differsFromDraft(added: Actie, draft: NewActie): boolean {
  // SharePoint may store a multi-line text with \r\n for \n (agenda.ts, normaliseAgenderingText).
  const text = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n').trim();
  return (
    added.advies !== draft.advies ||
    text(added.titel) !== text(draft.titel) ||
    text(added.omschrijving) !== text(draft.omschrijving) ||
    added.plateau !== draft.plateau ||
    !sameList(added.domeinen, draft.domeinen) ||
    (added.eigenaar?.id ?? '') !== (draft.eigenaar?.id ?? '') ||
    (added.deadline ?? '') !== (draft.deadline ?? '') ||
    !sameList(added.afhankelijkVan, draft.afhankelijkVan) ||
    !sameList(added.bevindingen, draft.bevindingen)
  );
}
