/**
 * The living plan's rules (issue 12): numbering a new action, who may add or retire one, refusing a dependency cycle
 * and retiring ("Vervallen") instead of deleting. Pure: no I/O, no clock.
 */
import { compareActienummers, parseActienummer } from './actienummer.js';
import { validationMessages as M, type DomainMessage } from './messages.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import type { Actie, Domein } from './model.js';

// ---------- numbering ----------

/**
 * The number a new action of advies `advies` gets: one past the highest number the advies has ever had in the list
 * (9.1, 9.2 → 9.3; 9.1, 9.5 → 9.6). Gaps are never filled, because a gap may be a number that was used and then
 * removed by hand in SharePoint; the app itself deletes no action (a retired one stays in the list), so every number
 * it ever gave out is among `nummers` and none is given out twice. Texts that are not action numbers are ignored.
 * @throws RangeError when `advies` is not a positive whole number.
 */
export function nextActienummer(advies: number, nummers: Iterable<string>): string {
  if (!Number.isInteger(advies) || advies < 1)
    throw new RangeError(`nextActienummer: not an advies number: ${String(advies)}`);
  let highest = 0;
  for (const nummer of nummers) {
    const parsed = parseActienummer(nummer.trim());
    if (parsed && parsed.advies === advies && parsed.volgnummer > highest) highest = parsed.volgnummer;
  }
  return `${advies}.${highest + 1}`;
}

// ---------- who may change the plan ----------

/**
 * Who is acting, as far as the plan's rules care: a Beheerder (named in the Beheerders column of an MT registration),
 * and the domains of the MTs the person acts for (the MT whose channel tab or card they use). The CMT carries
 * Concern.
 */
export type PlanActor = { beheerder: boolean; mtDomeinen: readonly Domein[] };

/**
 * Whether `actor` may add (or retire) an action with these domains: a Beheerder and a CMT member always; a domain MT
 * only for actions of its own domains (every domain of the action is one of the MT's). SharePoint's own permissions
 * still decide whether the write is accepted; this rule decides what the app offers.
 */
export function mayChangeActie(
  actor: PlanActor,
  domeinen: readonly Domein[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): boolean {
  if (actor.beheerder || actor.mtDomeinen.includes(concernDomein(inrichting))) return true;
  return domeinen.length > 0 && domeinen.every((d) => actor.mtDomeinen.includes(d));
}

// ---------- dependencies ----------

/**
 * The dependency cycle that giving action `nummer` the dependencies `afhankelijkVan` would close, as the path from
 * `nummer` back to itself (["6.1", "6.2", "6.1"]), or undefined when there is none. The shortest such path is
 * returned; among equally short ones, the one through the lowest numbers. Dependencies on numbers that are not in
 * `acties` end there (they are reported as unknown elsewhere).
 */
export function dependencyCycle(
  acties: readonly Pick<Actie, 'nummer' | 'afhankelijkVan'>[],
  nummer: string,
  afhankelijkVan: readonly string[],
): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const a of acties) edges.set(a.nummer, [...new Set(a.afhankelijkVan)].sort(compareActienummers));
  edges.set(nummer, [...new Set(afhankelijkVan)].sort(compareActienummers));
  // Breadth first from the edited action: the first time we reach it again, the path is a shortest cycle.
  const previous = new Map<string, string>();
  let frontier = [nummer];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const to of edges.get(from) ?? []) {
        if (to === nummer) {
          const path = [nummer];
          for (let at: string | undefined = from; at !== undefined && at !== nummer; at = previous.get(at))
            path.splice(1, 0, at);
          return [...path, nummer];
        }
        if (previous.has(to) || !edges.has(to)) continue;
        previous.set(to, from);
        next.push(to);
      }
    }
    frontier = next;
  }
  return undefined;
}

export type LinkIssue = { path: 'afhankelijkVan' | 'bevindingen'; message: DomainMessage };

/**
 * Checks the links of one action against the plan: every dependency and finding must exist, and the dependencies must
 * not close a cycle (the message names it: "6.1 → 6.2 → 6.1"). `acties` is the whole plan, retired actions included.
 */
export function checkLinks(
  plan: { acties: readonly Pick<Actie, 'nummer' | 'afhankelijkVan'>[]; bevindingen: readonly { nummer: number }[] },
  actie: Pick<Actie, 'nummer' | 'afhankelijkVan' | 'bevindingen'>,
): LinkIssue[] {
  const issues: LinkIssue[] = [];
  const known = new Set(plan.acties.map((a) => a.nummer));
  for (const dep of actie.afhankelijkVan) {
    if (dep !== actie.nummer && !known.has(dep))
      issues.push({ path: 'afhankelijkVan', message: M.afhankelijkheidOnbekend(actie.nummer, dep) });
  }
  const bevindingen = new Set(plan.bevindingen.map((b) => b.nummer));
  for (const b of actie.bevindingen) {
    if (!bevindingen.has(b)) issues.push({ path: 'bevindingen', message: M.bevindingOnbekend(actie.nummer, b) });
  }
  if (!actie.afhankelijkVan.includes(actie.nummer)) {
    const cycle = dependencyCycle(plan.acties, actie.nummer, actie.afhankelijkVan);
    if (cycle) issues.push({ path: 'afhankelijkVan', message: M.afhankelijkheidsKring(cycle) });
  }
  return issues;
}

// ---------- retiring ----------

/** Whether an action is retired ("Vervallen"). Only an explicit yes counts: a missing or odd value is active. */
export function isVervallen(actie: Pick<Actie, 'vervallen'>): boolean {
  return actie.vervallen === true;
}

/** Whether an action still takes part in the plan: on agendas, in counts and on the roadmap. */
export function isActief(actie: Pick<Actie, 'vervallen'>): boolean {
  return !isVervallen(actie);
}

export type VervallenCheck = { ok: true; reden: string } | { ok: false; message: DomainMessage };

/** Checks a request to retire `actie`: it must not be retired already, and the reason is required (trimmed). */
export function checkVervallen(actie: Pick<Actie, 'nummer' | 'vervallen'>, reden: string | undefined): VervallenCheck {
  if (isVervallen(actie)) return { ok: false, message: M.alVervallen(actie.nummer) };
  const trimmed = reden?.trim() ?? '';
  if (trimmed === '') return { ok: false, message: M.vervallenRedenVerplicht };
  return { ok: true, reden: trimmed };
}
