/**
 * The secretary's choices for one MT meeting's agenda (issue 14, point 3): before the card goes out, an action the
 * agenda would not list can be put on it ("Ook bespreken"), and an action it would list can be taken off it ("Niet
 * nodig", always with a reason). Each choice belongs to one meeting, by the reminder log's occurrence key
 * (`<mt.key>|<start ISO>`): a choice never carries over to the next meeting, and a cancelled meeting's choices apply
 * to nothing.
 *
 * Pure: `agendaKeuzesFor` is the selection rule `composeAgenda` applies; `agendaKeuzeProblem` the validation the tab
 * shows and the store repeats; `agendaKeuzeOpen` whether the choice can still change.
 */
import { fillTemplate } from './messages.js';
import type { Actie } from './model.js';
import { compareItemIds } from './compare.js';

/** The two choices, as stored in the Agendakeuzes list's Keuze column. */
export const AGENDA_KEUZES = ['Ook bespreken', 'Niet nodig'] as const;
export type AgendaKeuzeKind = (typeof AGENDA_KEUZES)[number];

/** The longest reason accepted (it goes on the card, escaped). */
export const AGENDA_KEUZE_REDEN_MAX = 500;

/** One choice for one action of one meeting. */
export type AgendaKeuze = {
  /** The meeting's occurrence key, `<mt.key>|<start ISO UTC>`. */
  vergadering: string;
  /** The action's SharePoint item id. */
  actieId: string;
  keuze: AgendaKeuzeKind;
  /** Required for "Niet nodig"; optional for "Ook bespreken". */
  reden?: string;
  /** Who chose it, by name (the site user's id travels separately, as a person column). */
  doorNaam?: string;
  /** When it was chosen, ISO. */
  op?: string;
};

/** A choice as read from the list: the item id orders two rows for the same action (the later one wins). */
export type AgendaKeuzeInput = { id: string; value: AgendaKeuze };

/** What the choices of one meeting do to its agenda. */
export type AgendaKeuzeEffect = {
  /** Actions to list under "Ook bespreken", by item id. Only existing, not retired actions. */
  ookBespreken: Set<string>;
  /** Actions to leave out of every section, with the reason. Only existing, not retired actions of the MT. */
  nietNodig: Map<string, string>;
  /** Choices that apply to nothing: the action is gone from the plan, or retired. */
  genegeerd: { actieId: string; waarom: 'onbekend' | 'vervallen' }[];
};

/**
 * The Dutch words of every problem with a choice; `{name}` is filled from the problem's values. Kept out of the
 * domain's messages (`validation.<key>` in the first view's catalogue) because only the Volgende vergadering view, in
 * its lazy chunk, says them: its catalogue has `fout.<key>` in Dutch (these) and English.
 */
export const agendaKeuzeTemplatesNl = {
  agendaKeuzeOnbekend: "Onbekende keuze '{keuze}': kies Ook bespreken of Niet nodig.",
  agendaKeuzeActieVerplicht: 'Kies een actie.',
  agendaKeuzeRedenVerplicht: 'Geef een reden waarom deze actie niet besproken hoeft te worden.',
  agendaKeuzeRedenTeLang: 'De reden is {lengte} tekens; het maximum is {max}.',
} as const;

/** A problem with a choice as a key with its values, never a sentence: each adapter says it in its own words. */
export type AgendaKeuzeMessage =
  | { key: 'agendaKeuzeOnbekend'; params: { keuze: string } }
  | { key: 'agendaKeuzeActieVerplicht' }
  | { key: 'agendaKeuzeRedenVerplicht' }
  | { key: 'agendaKeuzeRedenTeLang'; params: { lengte: number; max: number } };

/** A problem with a choice: the field it names (the tab shows it there) and the message. */
export type AgendaKeuzeProblem = { veld: 'keuze' | 'reden' | 'actie'; bericht: AgendaKeuzeMessage };

/** A problem with a choice in Dutch (the store's error, the CLI). */
export function agendaKeuzeMessageText(message: AgendaKeuzeMessage): string {
  return fillTemplate(agendaKeuzeTemplatesNl[message.key], 'params' in message ? message.params : {});
}

/**
 * Validates a choice before it is written: a known choice, an action, and for "Niet nodig" a reason that is not only
 * blanks; no reason longer than `AGENDA_KEUZE_REDEN_MAX`.
 */
export function agendaKeuzeProblem(k: {
  keuze: string;
  reden?: string | undefined;
  actieId: string;
}): AgendaKeuzeProblem | undefined {
  if (!AGENDA_KEUZES.some((s) => s === k.keuze))
    return { veld: 'keuze', bericht: { key: 'agendaKeuzeOnbekend', params: { keuze: k.keuze } } };
  if (k.actieId.trim() === '') return { veld: 'actie', bericht: { key: 'agendaKeuzeActieVerplicht' } };
  const reden = (k.reden ?? '').trim();
  if (k.keuze === 'Niet nodig' && reden === '') return { veld: 'reden', bericht: { key: 'agendaKeuzeRedenVerplicht' } };
  if (reden.length > AGENDA_KEUZE_REDEN_MAX)
    return {
      veld: 'reden',
      bericht: { key: 'agendaKeuzeRedenTeLang', params: { lengte: reden.length, max: AGENDA_KEUZE_REDEN_MAX } },
    };
  return undefined;
}

/**
 * The selection rule: of all stored choices, those of this meeting (`occurrenceKey`), one per action (the latest item
 * wins, should SharePoint hold two), applied to the plan's actions as given. A choice for an action that is no longer
 * in the plan, or is retired (Vervallen), is ignored and reported in `genegeerd`. "Niet nodig" applies only to the
 * MT's own actions (`isOfMT`): what is not on the agenda cannot be taken off it. A "Niet nodig" without a reason (typed
 * in SharePoint by hand) is ignored: the card never drops an action without saying why.
 */
export function agendaKeuzesFor(
  keuzes: readonly AgendaKeuzeInput[],
  occurrenceKey: string,
  acties: readonly { id: string; value: Actie }[],
  isOfMT: (actie: Actie) => boolean,
): AgendaKeuzeEffect {
  const latest = new Map<string, AgendaKeuzeInput>();
  for (const k of keuzes) {
    if (k.value.vergadering !== occurrenceKey) continue;
    const seen = latest.get(k.value.actieId);
    if (!seen || compareItemIds(k.id, seen.id) > 0) latest.set(k.value.actieId, k);
  }
  const byId = new Map(acties.map((a) => [a.id, a.value]));
  const effect: AgendaKeuzeEffect = { ookBespreken: new Set(), nietNodig: new Map(), genegeerd: [] };
  for (const [actieId, k] of [...latest].sort(([a], [b]) => compareItemIds(a, b))) {
    const actie = byId.get(actieId);
    if (!actie) {
      effect.genegeerd.push({ actieId, waarom: 'onbekend' });
      continue;
    }
    if (actie.vervallen === true) {
      effect.genegeerd.push({ actieId, waarom: 'vervallen' });
      continue;
    }
    if (k.value.keuze === 'Ook bespreken') effect.ookBespreken.add(actieId);
    else {
      const reden = (k.value.reden ?? '').trim();
      if (reden !== '' && isOfMT(actie)) effect.nietNodig.set(actieId, reden);
    }
  }
  return effect;
}

/**
 * Whether the choices of a meeting can still change: before its card goes out (`kaartOm`, the reminder time) and as
 * long as no card was sent for it. After that the card is what the MT has seen; a change would not reach it.
 */
export function agendaKeuzeOpen(now: Date, kaartOm: Date, kaartVerstuurd: boolean): boolean {
  return !kaartVerstuurd && now.getTime() < kaartOm.getTime();
}
