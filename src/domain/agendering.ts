/**
 * Escalation to the CMT (issue 12, point 6): a domain MT puts one of its actions on the CMT's agenda ("Agenderen in
 * CMT") with a reason. The item stays on the CMT's agenda, card and side panel ("Geagendeerd door de MT's") until the
 * CMT ticks it as discussed, optionally with a decision. Pure: no I/O, time is a parameter.
 *
 * Why the app has it: the report finds that decisions hang in the operation and reach the managers too late or not at
 * all (001:1324–1326), and the CMT is the body that guards progress (003:726). The texts the UI quotes for that are
 * recorded with their passage in `agenderingCitations`, and read back from the seeds by a test.
 */
import { createCitations } from './plan/citations.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import type { Actie, Domein, PersonRef } from './model.js';
import { validationMessages as M, type DomainMessage } from './messages.js';
import { TEXT_MAX } from './text-limits.js';
import { compareItemIds } from './compare.js';

/** One escalation: an item of the Agenderingen list. */
export type Agendering = {
  /** The action's number ("1.1"). */
  actie: string;
  /** The domain whose MT put it on the CMT's agenda. */
  domein: Domein;
  /** Who did (the site user); absent when the person is not a user of the site. */
  door?: PersonRef;
  /** Why the CMT must discuss it (required). */
  reden: string;
  /** When it was put on the agenda (ISO instant). */
  op: string;
  /** The CMT ticked it as discussed: it leaves the CMT's agenda. */
  besproken: boolean;
  besprokenDoor?: PersonRef;
  besprokenOp?: string;
  /** The CMT's decision, when it took one. */
  besluit?: string;
};

/** An escalation as read, with the SharePoint id and eTag the tick needs (If-Match). */
export type AgenderingInput = { id: string; eTag: string; value: Agendering };

/** The maximum length of a reason and of a decision (a reason is a note column; a decision is one line, as Besluiten). */
export const AGENDERING_MAX = { reden: TEXT_MAX.statusToelichting, besluit: TEXT_MAX.besluit } as const;

const citaten = createCitations();

/**
 * What the UI quotes to say why escalation exists, each recorded with its seed passage (document:lines), so that
 * `tests/unit/domain/plan-citations.test.ts` reads them back verbatim.
 */
export const AGENDERING_CITATIONS = {
  /** The report: decisions reach the managers too late or not at all. */
  escaleren: citaten.uit(
    'agenderen: escaleren',
    '001:1324-1326',
    'dat het niet of te laat wordt voorgelegd aan de leidinggevenden (escaleren)',
  ),
  /** The CMT's task: it guards progress. */
  voortgangsbewaking: citaten.uit('agenderen: het CMT', '003:726', 'zorgt voor voortgangsbewaking'),
} as const;

/** The recorded quotes of this module (for the read-back test). */
export const agenderingCitations = citaten.lijst;

/** A reason or decision as it is stored: white space at the ends trimmed, `\r\n` as `\n`. */
export function normaliseAgenderingText(t: string | undefined): string {
  return (t ?? '').replace(/\r\n?/g, '\n').trim();
}

/**
 * The domain an MT escalates for: the first of its domains that the action carries, never the domain of the whole
 * organisation (the set-up's concern domain, Zoetermeer's Concern; Zoetermeer's set-up when none is given).
 */
export function agenderingDomein(
  mtDomeinen: readonly Domein[],
  actie: Pick<Actie, 'domeinen'>,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): Domein | undefined {
  const concern = concernDomein(inrichting);
  return mtDomeinen.find((d) => d !== concern && actie.domeinen.includes(d));
}

/** Whether an MT with these domains may put the action on the CMT's agenda (it carries one of the action's business domains). */
export function mayAgenderen(
  mtDomeinen: readonly Domein[],
  actie: Pick<Actie, 'domeinen' | 'vervallen'>,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): boolean {
  return actie.vervallen !== true && agenderingDomein(mtDomeinen, actie, inrichting) !== undefined;
}

/** The open escalation of this action by this domain, if there is one (there is at most one that counts). */
export function openAgendering<T extends { value: Agendering }>(
  agenderingen: readonly T[],
  nummer: string,
  domein: Domein,
): T | undefined {
  return agenderingen.find((a) => !a.value.besproken && a.value.actie === nummer && a.value.domein === domein);
}

export type AgenderingCheck = { ok: true; reden: string } | { ok: false; message: DomainMessage };

/**
 * Checks a new escalation: the action is active, the domain is one of the action's business domains (not Concern),
 * a reason is given and fits, and the same domain has not already put this action on the CMT's agenda (the open item
 * says since when; the CMT discusses it once). A refusal is a message key with its values (`DomainMessage`), which
 * each adapter says in its own words. `formatOp` turns the open item's instant into the date the person reads.
 */
export function checkAgendering(
  input: { actie: Pick<Actie, 'nummer' | 'domeinen' | 'vervallen'>; domein: Domein; reden: string | undefined },
  bestaande: readonly { value: Agendering }[],
  formatOp: (iso: string) => string = (iso) => iso.slice(0, 10),
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): AgenderingCheck {
  const { actie, domein } = input;
  if (actie.vervallen === true) return { ok: false, message: M.agenderingVervallen(actie.nummer) };
  if (domein === concernDomein(inrichting)) return { ok: false, message: M.agenderingConcern };
  if (!actie.domeinen.includes(domein))
    return { ok: false, message: M.agenderingGeenDomeinVanActie(actie.nummer, domein) };
  const reden = normaliseAgenderingText(input.reden);
  if (reden === '') return { ok: false, message: M.agenderingRedenVerplicht };
  if (reden.length > AGENDERING_MAX.reden) return { ok: false, message: M.agenderingRedenTeLang };
  const open = openAgendering(bestaande, actie.nummer, domein);
  if (open) return { ok: false, message: M.agenderingAlGeagendeerd(actie.nummer, domein, formatOp(open.value.op)) };
  return { ok: true, reden };
}

export type AfhandelingCheck = { ok: true; besluit?: string } | { ok: false; message: DomainMessage };

/** Checks the CMT's tick: the item is still open, and the optional decision fits on one line. */
export function checkAfhandeling(agendering: Agendering, besluit: string | undefined): AfhandelingCheck {
  if (agendering.besproken) return { ok: false, message: M.agenderingAlBesproken(agendering.actie) };
  const b = normaliseAgenderingText(besluit).replace(/\s+/g, ' ');
  if (b.length > AGENDERING_MAX.besluit) return { ok: false, message: M.agenderingBesluitTeLang };
  return b === '' ? { ok: true } : { ok: true, besluit: b };
}

/** One row of "Geagendeerd door de MT's": what the CMT reads and what its tick needs. */
export type AgenderingItem = {
  /** SharePoint id and eTag of the escalation (the tick writes with If-Match). */
  id: string;
  eTag: string;
  /** The action's SharePoint id, when the action is in the plan. */
  actieId?: string;
  nummer: string;
  titel: string;
  domein: Domein;
  /** Who put it on the agenda; absent when not known on the site. */
  door?: string;
  reden: string;
  /** Since when (ISO instant). */
  sinds: string;
};

/**
 * "Geagendeerd door de MT's" for an MT's agenda: only the CMT (an MT that carries Concern) gets the section; it lists
 * every escalation not yet ticked as discussed, oldest first (the longest waiting is discussed first), ties by id.
 * An escalation of an action no longer in the plan still shows, under its number, so nothing silently disappears.
 */
export function agenderingenForMT(
  mt: { domeinen: readonly Domein[] },
  agenderingen: readonly AgenderingInput[],
  acties: readonly { id: string; value: Pick<Actie, 'nummer' | 'titel'> }[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): AgenderingItem[] {
  if (!mt.domeinen.includes(concernDomein(inrichting))) return [];
  const byNummer = new Map<string, { id: string; titel: string }>();
  for (const a of acties)
    if (!byNummer.has(a.value.nummer)) byNummer.set(a.value.nummer, { id: a.id, titel: a.value.titel });
  return agenderingen
    .filter((a) => !a.value.besproken)
    .map((a): AgenderingItem => {
      const actie = byNummer.get(a.value.actie);
      const item: AgenderingItem = {
        id: a.id,
        eTag: a.eTag,
        nummer: a.value.actie,
        titel: actie?.titel ?? '',
        domein: a.value.domein,
        reden: normaliseAgenderingText(a.value.reden),
        sinds: a.value.op,
      };
      if (actie) item.actieId = actie.id;
      const door = a.value.door?.displayName.trim();
      if (door) item.door = door;
      return item;
    })
    .sort((x, y) => (x.sinds < y.sinds ? -1 : x.sinds > y.sinds ? 1 : 0) || compareItemIds(x.id, y.id));
}
