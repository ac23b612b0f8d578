import type { Actie, Advies, PersonRef, ThemaCode } from '../../../domain/model.js';
import { ownerCoverage, type DomeinVoortgang } from '../../../domain/domein-voortgang.js';
import { blockingDependencies, isOverdue } from '../../../domain/rules.js';
import type { Loaded } from '../../../data/lists/field-reader.js';
import type { LoadedPlan } from '../../../data/plan-store.js';

/** An action with what every view needs to know about it, computed once per plan and clock tick. */
export type ActieRow = {
  id: string;
  item: Loaded<Actie>;
  actie: Actie;
  advies?: Advies;
  thema?: ThemaCode;
  overdue: boolean;
  /** Dependencies that still hold this action up (the domain's rule). */
  blockedBy: Actie[];
  /** Numbers of the actions this one builds on, with the item when it exists. */
  dependsOn: { nummer: string; item?: Loaded<Actie> }[];
  /** Numbers of the actions that build on this one. */
  dependents: string[];
  /**
   * On the roll-up (no one domain's view), a shared action without an owner of its own whose domains have owners on
   * their rows: in how many (`ownerCoverage`). It shows "Eigenaar per domein" instead of "Geen eigenaar".
   */
  eigenaarPerDomein?: { belegd: number; totaal: number };
  /** Key of the owner for filtering: the site-user id, the e-mail, `PER_DOMEIN_OWNER`, or '' for none. */
  ownerKey: string;
  /**
   * On the roll-up, the owners of the action's domains' rows (for 1.1 the informatiemanagers), each once: the owner
   * filter finds the action under each of them too ("what does Sociaal Domein's IM carry?").
   */
  domeinEigenaren?: PersonRef[];
  /** Lower-cased text that free-text search looks in. */
  searchText: string;
};

export const NO_OWNER = '';
/**
 * The owner key of a shared action without an owner of its own that every one of its domains has given one (on the
 * roll-up): not "Geen eigenaar" in the list's filter, groups and sort. A site user's key is an id or an e-mail.
 */
export const PER_DOMEIN_OWNER = 'per-domein';

export function ownerKeyOf(actie: Actie): string {
  return actie.eigenaar ? personKey(actie.eigenaar) : NO_OWNER;
}

/** A person's key in the owner filter: the site-user id, else the e-mail, else the name. */
export function personKey(person: PersonRef): string {
  return person.id ?? person.email ?? person.displayName;
}

/** The distinct owners of domain rows, in the rows' order. */
function rowOwners(rijen: readonly DomeinVoortgang[]): PersonRef[] {
  const byKey = new Map<string, PersonRef>();
  for (const r of rijen)
    if (r.eigenaar && !byKey.has(personKey(r.eigenaar))) byKey.set(personKey(r.eigenaar), r.eigenaar);
  return [...byKey.values()];
}

/**
 * Derives the rows of a plan. Linear in the number of actions (dependencies are looked up in one map), so
 * 5,000 actions stay cheap; the domain's rules decide overdue and blocking.
 */
export function deriveRows(plan: LoadedPlan, now: Date): ActieRow[] {
  const byNummer = new Map(plan.acties.map((a) => [a.value.nummer, a] as const));
  const adviesByNummer = new Map(plan.adviezen.map((a) => [a.value.nummer, a.value] as const));
  // An action whose advies is missing takes its theme from the set-up's list of each theme's adviezen.
  const themaByAdvies = new Map<number, ThemaCode>(
    plan.inrichting.themas.flatMap((t) => t.adviezen.map((n) => [n, t.code] as const)),
  );
  // The domains' rows per shared action, for the owners the roll-up shows (not in one domain's projection).
  const rijenPerActie = new Map<string, DomeinVoortgang[]>();
  if (plan.projectedFor === undefined)
    for (const r of plan.domeinVoortgang)
      rijenPerActie.set(r.value.actie, [...(rijenPerActie.get(r.value.actie) ?? []), r.value]);
  const dependents = new Map<string, string[]>();
  for (const a of plan.acties) {
    for (const dep of a.value.afhankelijkVan) {
      const list = dependents.get(dep) ?? [];
      list.push(a.value.nummer);
      dependents.set(dep, list);
    }
  }
  return plan.acties.map((item) => {
    const actie = item.value;
    const advies = adviesByNummer.get(actie.advies);
    const dependsOn = actie.afhankelijkVan.map((nummer) => {
      const dep = byNummer.get(nummer);
      return dep ? { nummer, item: dep } : { nummer };
    });
    const depValues = dependsOn.flatMap((d) => (d.item ? [d.item.value] : []));
    const thema = advies?.thema ?? themaByAdvies.get(actie.advies);
    const rijen = rijenPerActie.get(actie.nummer);
    const stand = rijen ? ownerCoverage(actie, rijen) : undefined;
    const domeinEigenaren = rijen ? rowOwners(rijen) : [];
    return {
      id: item.id,
      item,
      actie,
      ...(advies ? { advies } : {}),
      ...(thema ? { thema } : {}),
      ...(stand?.kind === 'perDomein' ? { eigenaarPerDomein: { belegd: stand.belegd, totaal: stand.totaal } } : {}),
      overdue: isOverdue(actie, now),
      blockedBy: blockingDependencies(actie, depValues),
      dependsOn,
      dependents: dependents.get(actie.nummer) ?? [],
      ownerKey: stand?.kind === 'perDomein' && stand.belegd === stand.totaal ? PER_DOMEIN_OWNER : ownerKeyOf(actie),
      ...(domeinEigenaren.length > 0 ? { domeinEigenaren } : {}),
      searchText: [
        actie.nummer,
        actie.titel,
        actie.eigenaar?.displayName,
        actie.statusToelichting,
        actie.lopendTraject,
        actie.planning,
        advies?.titel,
      ]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
    };
  });
}

/**
 * The people the list's owner filter offers: the owners of `rows` (what the list can show; on the roll-up the owners
 * of their domains' rows too), and a chosen key that owns nothing now (a saved view's) when it is a site user, so a
 * choice never hides. Not every site user: SharePoint's User Information List holds everyone who ever opened the
 * site, and its own "SharePoint App" account.
 */
export function ownerChoices(
  rows: readonly Pick<ActieRow, 'actie' | 'domeinEigenaren'>[],
  users: readonly PersonRef[],
  chosen: readonly string[],
): PersonRef[] {
  const byKey = new Map<string, PersonRef>();
  for (const row of rows)
    for (const person of [...(row.actie.eigenaar ? [row.actie.eigenaar] : []), ...(row.domeinEigenaren ?? [])])
      if (!byKey.has(personKey(person))) byKey.set(personKey(person), person);
  for (const key of chosen) {
    if (byKey.has(key) || key === NO_OWNER || key === PER_DOMEIN_OWNER) continue;
    const user = users.find((u) => personKey(u) === key);
    if (user) byKey.set(key, user);
  }
  return [...byKey.values()];
}

/**
 * Whether the owner filter offers "Eigenaar per domein": only where a row has it (the roll-up; a domain's view shows
 * its own row's owner, so the option would match nothing there), or it is chosen already.
 */
export function offersPerDomein(rows: readonly Pick<ActieRow, 'ownerKey'>[], chosen: readonly string[]): boolean {
  return chosen.includes(PER_DOMEIN_OWNER) || rows.some((r) => r.ownerKey === PER_DOMEIN_OWNER);
}
