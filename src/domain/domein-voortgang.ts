/**
 * Progress per domain on a shared action (issue 12, point 4). An action that several domains carry (1.1: a visie en
 * roadmap *per business domein*) has one row per domain: that domain's status, owner, deadline and note. The action's
 * own status is then a roll-up of those rows. Pure: no I/O, no clock.
 *
 * The rule (docs/domein-voortgang.md explains the why):
 * - Only the action's current domains count. A domain without a row of its own follows the action's stored status,
 *   so a site that has no rows yet (or a domain added later) shows exactly what it showed before.
 * - Every domain closed (Afgerond or Niet overgenomen): Afgerond when at least one domain finished it, otherwise
 *   Niet overgenomen (no domain took it up).
 * - Otherwise, one open domain Geblokkeerd makes the action Geblokkeerd: the CMT guards progress (003:726) and must
 *   see a domain that is stuck, not an average that hides it.
 * - Otherwise, every open domain Niet gestart: Niet gestart, unless a domain already finished its part (then the
 *   action as a whole Loopt).
 * - Otherwise, every open domain Belegd in lopend traject: Belegd in lopend traject.
 * - Otherwise (work under way somewhere, or a mix): Loopt.
 */
import { isValidCalendarDate } from './dates.js';
import { validationMessages as M, type DomainMessage } from './messages.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import type { Actie, ActieStatus, CalendarDate, Domein, PersonRef } from './model.js';
import { checkTransition, isOpen, statusRequiresToelichting } from './status.js';

/** One domain's progress on an action: a row of the DomeinVoortgang list, unique per action and domain. */
export type DomeinVoortgang = {
  /** The action's number ("1.1"). */
  actie: string;
  domein: Domein;
  status: ActieStatus;
  /** Reason for Geblokkeerd / Niet overgenomen / a reopening, as for an action. */
  statusToelichting?: string;
  /** That domain's person for this action (for 1.1 the domain's informatiemanager). */
  eigenaar?: PersonRef;
  deadline?: CalendarDate;
  /** Free note of the domain ("roadmap in concept, bespreking MT in maart"). */
  notitie?: string;
};

/**
 * Where one domain stands on an action: its own row when it has one, otherwise the action's stored values. A row
 * without a deadline keeps the action's deadline; a row without an owner has none (the action's owner is someone
 * else's person).
 */
export type DomeinState = {
  domein: Domein;
  status: ActieStatus;
  statusToelichting?: string;
  eigenaar?: PersonRef;
  deadline?: CalendarDate;
  notitie?: string;
  /** The domain's own row; absent when the domain follows the action. */
  rij?: DomeinVoortgang;
};

/** The roll-up of an action with the breakdown the CMT sees ("1 van 4 domeinen afgerond"). */
export type ActieVoortgang = {
  status: ActieStatus;
  perDomein: DomeinState[];
  afgerond: number;
  totaal: number;
};

/** The unique key of a domain row: action number and domain ("1.1|Sociaal Domein"). Numbers are never reused. */
export function domeinVoortgangKey(actie: string, domein: Domein): string {
  return `${actie}|${domein}`;
}

/** Whether an action is carried by several domains and so has (or can have) a row per domain. */
export function hasDomeinVoortgang(actie: Pick<Actie, 'domeinen'>): boolean {
  return new Set(actie.domeinen).size >= 2;
}

/**
 * The action's status from the statuses of its domains, by the rule at the top of this file. An empty list has no
 * domains to roll up and is refused: the caller passes the action's own status as the only element instead.
 */
export function rollUpStatus(statuses: readonly ActieStatus[]): ActieStatus {
  if (statuses.length === 0) throw new Error('rollUpStatus needs at least one status.');
  const open = statuses.filter(isOpen);
  if (open.length === 0) return statuses.includes('Afgerond') ? 'Afgerond' : 'Niet overgenomen';
  if (open.includes('Geblokkeerd')) return 'Geblokkeerd';
  if (open.every((s) => s === 'Niet gestart')) return statuses.includes('Afgerond') ? 'Loopt' : 'Niet gestart';
  if (open.every((s) => s === 'Belegd in lopend traject')) return 'Belegd in lopend traject';
  return 'Loopt';
}

/**
 * Where each of the action's domains stands, in the action's domain order. Rows of other actions and rows of domains
 * the action no longer has are ignored; a domain without a row follows the action's stored status, owner and deadline.
 */
export function domeinStates(actie: Actie, rijen: readonly DomeinVoortgang[]): DomeinState[] {
  const eigen = new Map(rijen.filter((r) => r.actie === actie.nummer).map((r) => [r.domein, r] as const));
  return [...new Set(actie.domeinen)].map((domein): DomeinState => {
    const rij = eigen.get(domein);
    const bron = rij ?? actie;
    const stand: DomeinState = { domein, status: bron.status };
    if (bron.statusToelichting !== undefined) stand.statusToelichting = bron.statusToelichting;
    if (bron.eigenaar !== undefined) stand.eigenaar = bron.eigenaar;
    // The plan's deadline holds for a domain until the domain sets its own; an owner is never borrowed.
    const deadline = rij?.deadline ?? actie.deadline;
    if (deadline !== undefined) stand.deadline = deadline;
    if (rij?.notitie !== undefined) stand.notitie = rij.notitie;
    if (rij) stand.rij = rij;
    return stand;
  });
}

/**
 * Who carries an action as the roll-up shows it (everyone but a domain's own view): its own owner; else, for a shared
 * action, its domains' owners ("Eigenaar per domein", or in how many of them); else no one. A shared action usually
 * has no owner of its own: each domain puts someone on its row (1.1 in Zoetermeer's plan).
 */
export type OwnerCoverage =
  { kind: 'own'; eigenaar: PersonRef } | { kind: 'perDomein'; belegd: number; totaal: number } | { kind: 'none' };

const named = (p: PersonRef | undefined): p is PersonRef => p !== undefined && p.displayName.trim() !== '';

export function ownerCoverage(actie: Actie, rijen: readonly DomeinVoortgang[]): OwnerCoverage {
  if (named(actie.eigenaar)) return { kind: 'own', eigenaar: actie.eigenaar };
  if (!hasDomeinVoortgang(actie)) return { kind: 'none' };
  const per = domeinStates(actie, rijen);
  const belegd = per.filter((d) => named(d.eigenaar)).length;
  return belegd === 0 ? { kind: 'none' } : { kind: 'perDomein', belegd, totaal: per.length };
}

/**
 * The roll-up of an action: its status from its domains and how many of them finished. An action of one domain (or
 * none) is its own roll-up: its stored status, 1 of 1 when Afgerond.
 */
export function actieVoortgang(actie: Actie, rijen: readonly DomeinVoortgang[]): ActieVoortgang {
  if (!hasDomeinVoortgang(actie)) {
    return {
      status: actie.status,
      perDomein: domeinStates(actie, []),
      afgerond: actie.status === 'Afgerond' ? 1 : 0,
      totaal: 1,
    };
  }
  const perDomein = domeinStates(actie, rijen);
  return {
    status: rollUpStatus(perDomein.map((d) => d.status)),
    perDomein,
    afgerond: perDomein.filter((d) => d.status === 'Afgerond').length,
    totaal: perDomein.length,
  };
}

/**
 * The action as the plan shows it to everyone: its status is the roll-up of its domains. When the roll-up is
 * Geblokkeerd and the action carries no reason itself, the blocked domains' own reasons (with their domain) are its
 * reason, so the "why" travels with the status into the agenda and the reports. Nothing else changes.
 */
export function actieWithRollUp(actie: Actie, rijen: readonly DomeinVoortgang[]): Actie {
  if (!hasDomeinVoortgang(actie)) return actie;
  const voortgang = actieVoortgang(actie, rijen);
  if (voortgang.status === actie.status) return actie;
  const rolled: Actie = { ...actie, status: voortgang.status };
  if (voortgang.status === 'Geblokkeerd' && !actie.statusToelichting) {
    const redenen = voortgang.perDomein
      .filter((d) => d.status === 'Geblokkeerd' && d.statusToelichting)
      .map((d) => `${d.domein}: ${d.statusToelichting}`);
    if (redenen.length > 0) rolled.statusToelichting = redenen.join(' ');
  }
  return rolled;
}

/**
 * The action as one domain sees it (its tab, its card, its people's Mijn acties): the domain's own status, reason,
 * owner and deadline. An action the domain does not carry, or of a single domain, is returned as it is.
 */
export function actieForDomein(actie: Actie, rijen: readonly DomeinVoortgang[], domein: Domein): Actie {
  if (!hasDomeinVoortgang(actie) || !actie.domeinen.includes(domein)) return actie;
  const stand = domeinStates(actie, rijen).find((d) => d.domein === domein);
  if (!stand?.rij) return actie;
  const { statusToelichting: _t, eigenaar: _e, deadline: _d, ...rest } = actie;
  const projected: Actie = { ...rest, status: stand.status };
  if (stand.statusToelichting !== undefined) projected.statusToelichting = stand.statusToelichting;
  if (stand.eigenaar !== undefined) projected.eigenaar = stand.eigenaar;
  if (stand.deadline !== undefined) projected.deadline = stand.deadline;
  return projected;
}

/**
 * The domain whose own row an MT sees and writes on a shared action (its card, its side panel): the one domain of
 * the MT that the action carries. The CMT (an MT carrying Concern) guards the whole and sees the roll-up; so does an
 * MT that carries several of the action's domains (no single row is "its own"). Undefined for an action of one domain.
 */
export function ownDomeinOfMT(
  mtDomeinen: readonly Domein[],
  actie: Pick<Actie, 'domeinen'>,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): Domein | undefined {
  if (!hasDomeinVoortgang(actie) || mtDomeinen.includes(concernDomein(inrichting))) return undefined;
  const eigen = [...new Set(mtDomeinen.filter((d) => actie.domeinen.includes(d)))];
  return eigen.length === 1 ? eigen[0] : undefined;
}

/** One entry of a person's "Mijn acties": the action as they carry it, and the domain when they carry its row. */
export type OwnActie = { actie: Actie; domein?: Domein };

/**
 * What a person carries (their "Mijn acties", issue 12.4): every action they own, as the plan shows it, and every
 * shared action of which they own a domain's row, as that domain stands (`actieForDomein`, with the domain). Owning
 * the action itself wins over owning one of its rows; of two rows of one action, the first domain of the action counts.
 * `isMine` says whether a person column is this person (by site-user id or e-mail; the caller knows which).
 */
export function ownDomeinActies(
  acties: readonly Actie[],
  rijen: readonly DomeinVoortgang[],
  isMine: (p: PersonRef | undefined) => boolean,
): OwnActie[] {
  const perActie = new Map<string, DomeinVoortgang[]>();
  for (const r of rijen) perActie.set(r.actie, [...(perActie.get(r.actie) ?? []), r]);
  const out: OwnActie[] = [];
  for (const actie of acties) {
    if (isMine(actie.eigenaar)) {
      out.push({ actie });
      continue;
    }
    if (!hasDomeinVoortgang(actie)) continue;
    const eigen = perActie.get(actie.nummer) ?? [];
    const domein = [...new Set(actie.domeinen)].find((d) => eigen.some((r) => r.domein === d && isMine(r.eigenaar)));
    if (domein !== undefined) out.push({ actie: actieForDomein(actie, eigen, domein), domein });
  }
  return out;
}

/** What a domain may change on its own row. */
export type DomeinVoortgangChange = Partial<
  Pick<DomeinVoortgang, 'status' | 'statusToelichting' | 'eigenaar' | 'deadline' | 'notitie'>
>;

/**
 * Checks a domain's change of its row by the action's own rules: a status change is an allowed transition from where
 * the domain stands (its row, or the action when it has none), with its reason; Geblokkeerd and Niet overgenomen keep
 * a reason; a deadline is a real date; an owner is a site user. Messages (keys) with the field they belong to.
 */
export function checkDomeinVoortgangChange(
  stand: DomeinState,
  change: DomeinVoortgangChange,
): { path: string; message: DomainMessage }[] {
  const issues: { path: string; message: DomainMessage }[] = [];
  const status = change.status ?? stand.status;
  const toelichting = 'statusToelichting' in change ? change.statusToelichting : stand.statusToelichting;
  if (change.status !== undefined && change.status !== stand.status) {
    const check = checkTransition(stand.status, change.status, toelichting);
    if (!check.ok) issues.push({ path: 'status', message: check.message });
  } else if (statusRequiresToelichting(status) && (toelichting === undefined || toelichting.trim() === '')) {
    issues.push({
      path: 'statusToelichting',
      message: status === 'Geblokkeerd' ? M.toelichtingGeblokkeerd : M.toelichtingNietOvergenomen,
    });
  }
  if (change.deadline !== undefined && !isValidCalendarDate(change.deadline))
    issues.push({ path: 'deadline', message: M.deadlineOngeldig });
  if (change.eigenaar && !change.eigenaar.id) issues.push({ path: 'eigenaar', message: M.eigenaarOnbekend });
  return issues;
}
