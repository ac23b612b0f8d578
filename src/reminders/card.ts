/**
 * The digitalisering agenda item as an Adaptive Card 1.5 (the highest version Teams renders): a pure function from a
 * composed `Agenda` to a typed card object.
 *
 * Typed object literals, not the `@microsoft/teams.cards` builder classes: the classes serialise defaults from
 * schema 1.6 and later (`isSortKey`, `showBorder`, `roundedCorners`, `conditionallyEnabled`, `requires: {}`) on every
 * element. The official 1.5 schema forbids those (`additionalProperties: false`), and at ~90 bytes per element they
 * would eat a third of the 28 KB budget. The package's interfaces (`ITextBlock`, `IExecuteAction`, ...) still type
 * every literal, so a misspelt property or value does not compile; the schema test catches properties that are valid
 * in 1.6 but not in 1.5.
 *
 * Colours are semantic only, and only those Teams renders at 4.5:1 or more in light and dark (`CARD_TEXT_COLORS`):
 * `Accent` (and the default) on text, container `emphasis`/`accent`/`good`. `Warning` (yellow) and `Good` (light green)
 * are not, so blocked, "zonder eigenaar" and "behaald" are said in words in the default colour. Every user-supplied
 * text goes through `escapeCardText`.
 *
 * Short by design: at most `SECTION_MAX_ROWS` rows per section, worst first (the domain orders them: longest overdue
 * first), then "En 14 meer in het actieplan" as a button to the tab's Lijst filtered to that section ("Geblokkeerd of
 * wachtend": the list's `vast=1`, both halves). Size: Teams (Workflows, webhooks) caps a card at 28 KB; rows are
 * added in urgency order (the viewer's own actions, then overdue, blocked, due, without owner, changed, portfolio,
 * quarter feedback) until the byte budget is reached.
 */
import type {
  ActionArray,
  CardElementArray,
  IActionSet,
  IAdaptiveCard,
  IChoiceSetInput,
  IContainer,
  IDateInput,
  IExecuteAction,
  IFactSet,
  IOpenUrlAction,
  IShowCardAction,
  ITextBlock,
  ITextInput,
  TextColor,
} from '@microsoft/teams.cards';
import type {
  ActieChange,
  ActieSnapshotField,
  Agenda,
  AgendaActie,
  BlockedActie,
  FieldChange,
  OverdueActie,
  PortfolioChange,
  PortfolioSnapshotField,
  QuarterFeedback,
} from '../domain/agenda.js';
import { isActienummer } from '../domain/actienummer.js';
import { isValidCalendarDate } from '../domain/dates.js';
import { ACTIE_STATUSES } from '../domain/model.js';
import { allowedTransitions, isOpen } from '../domain/status.js';
import { TEXT_MAX } from '../domain/text-limits.js';
import { countPhrase, lateBy, escapeCardText, formatDateNl, formatMoment, truncateText } from './card-text.js';
import { AGENDERING_CITATIONS, AGENDERING_MAX, type AgenderingItem } from '../domain/agendering.js';
import {
  AGENDEREN_INPUT_IDS,
  agenderingBesluitInputId,
  BESLUIT_INPUT_ID,
  BESLUIT_MAX_LENGTH,
  statusInputIds,
  type CardActionData,
  type CardVerb,
} from './verbs.js';

/** Under the summary when an action on the card has no "Status bijwerken" (the forms' share of the budget ran out). */
export const NO_FORM_NOTE =
  'Niet elke actie op deze kaart heeft de knop Status bijwerken: de andere werk je bij in het actieplan.';

/** The hard limit a card must stay under, in UTF-8 bytes of its JSON (Teams' 28 KB, counted in thousands). */
export const CARD_BYTE_LIMIT = 28_000;
/** What the builder aims for by default: the limit minus room for the activity envelope around the card. */
export const DEFAULT_CARD_BUDGET = 26_000;
/** Share of the byte budget that status-update forms may take; the rest lists more actions without a form. */
export const FORM_SHARE = 0.4;
/**
 * Rows a section lists at most. The card is read in the meeting, on a shared screen, in a few minutes: five of the
 * worst make the point and leave room for every other section; the full list is one click away in the tab.
 */
export const SECTION_MAX_ROWS = 5;
/**
 * The TextBlock colours the card may use, with why each is readable. Contrast is of Teams' own host config (the
 * Adaptive Cards designer's Teams light and dark containers), text on the card and on the `emphasis` background,
 * against WCAG's 4.5:1 for normal text. Left out on purpose: `Warning` (#f8d22a, 1.5:1 on light), `Good` (#92c353,
 * 2.1:1 on light) and `Attention` (#d74654, 3.2:1 on dark): their meaning is carried by words instead.
 */
export const CARD_TEXT_COLORS = {
  Default: 'Teams default text: #252424 on #ffffff 15.5:1 (light), #ffffff on #2d2c2c 13.9:1 (dark).',
  Accent: 'Teams accent: #6264a7 on #ffffff 5.4:1 and on #f9f8f7 5.1:1 (light), #a6a7dc on #2d2c2c 6.1:1 (dark).',
} as const satisfies Partial<Record<TextColor, string>>;
/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USER_IDS = 60;

/** The card object. `msteams` is Teams' own extension and not part of the 1.5 schema. */
export type AgendaCard = IAdaptiveCard;

export type AgendaCardOptions = {
  /** Teams deep link to the action-plan tab, filtered to this MT. https (http only for a loopback host). */
  deepLink: string;
  /** Set once the MT pressed "Besproken": the card then says by whom and when, for everyone. */
  besproken?: { door: string; op: Date };
  /** Users (Teams user ids) whose card refreshes automatically; at most 60 are used. */
  refreshUserIds?: readonly string[];
  /** The viewer's display name in a refreshed, per-user card: adds "Jouw acties" at the top. */
  viewerDisplayName?: string;
  /** The decisions recorded for THIS meeting so far (decision texts, in recorded order), shown above the input. */
  besluiten?: readonly string[];
  /**
   * What the last button did, by whom and when ("3.1 → Afgerond, door Secretaris CMT, 17:05", see `changedBy`),
   * on the card everyone sees after that write. Untrusted (the name): escaped here.
   */
  laatsteWijziging?: string;
  /** Byte budget for the serialised card; default `DEFAULT_CARD_BUDGET`. */
  maxBytes?: number;
};

/** UTF-8 bytes of the card as sent. */
export function cardByteSize(card: unknown): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

// ---------- small builders ----------

type Context = { mtKey: string; occurrenceKey: string };

function text(t: string, extra: Omit<ITextBlock, 'type' | 'text'> = {}): ITextBlock {
  return { type: 'TextBlock', text: t, wrap: true, ...extra };
}

function executeData(ctx: Context, verb: CardVerb, actie?: { id: string; eTag: string }): CardActionData {
  const data: CardActionData = { verb, mtKey: ctx.mtKey, occurrenceKey: ctx.occurrenceKey };
  if (actie) {
    data.actieId = actie.id;
    data.eTag = actie.eTag;
  }
  return data;
}

function execute(ctx: Context, verb: CardVerb, title: string, actie?: { id: string; eTag: string }): IExecuteAction {
  return { type: 'Action.Execute', verb, title, data: executeData(ctx, verb, actie) };
}

function safeNummer(nummer: string): string {
  return isActienummer(nummer) ? nummer : escapeCardText(nummer, 12);
}

function datum(d: string | undefined): string {
  if (d === undefined) return 'geen';
  return isValidCalendarDate(d) ? formatDateNl(d) : escapeCardText(d, 20);
}

function naam(p: AgendaActie['eigenaar']): string {
  return p ? escapeCardText(p.displayName, 80) : 'geen';
}

/** The owner as the card says it: the action's own, or (a shared action on the roll-up) its domains'. */
function eigenaarText(a: AgendaActie): string {
  const per = a.eigenaarPerDomein;
  if (a.eigenaar || !per) return naam(a.eigenaar);
  return per.belegd === per.totaal ? 'per domein' : `in ${per.belegd} van ${per.totaal} domeinen`;
}

/**
 * The form's save button. On a domain MT's card a shared action's button writes that domain's row: it carries the
 * row's id and eTag (If-Match) or, while the domain has no row yet, no row id (the bot then creates it, and refuses a
 * card built before someone else created it).
 */
function statusSave(ctx: Context, a: AgendaActie): IExecuteAction {
  const action = execute(ctx, 'status-bijwerken', 'Opslaan', a.rij?.eTag ? { id: a.id, eTag: a.rij.eTag } : a);
  if (a.rij?.id) (action.data as CardActionData).rijId = a.rij.id;
  return action;
}

/**
 * The status line of an action: on a domain MT's card a shared action's status is that domain's ("Loopt (Sociaal
 * Domein)").
 */
function statusText(a: AgendaActie): string {
  return a.rij ? `${a.status} (${escapeCardText(a.rij.domein, 40)})` : a.status;
}

/** The CMT's breakdown of a shared action ("1 van 4 domeinen afgerond"), the same words as the tab's detail. */
export function voortgangText(v: { afgerond: number; totaal: number }): string {
  return `Voortgang per domein: ${v.afgerond} van ${v.totaal} domeinen afgerond`;
}

/**
 * The status-update form of one action: the allowed next statuses (or the one it has, for a new date or reason only),
 * an optional reason and an optional new date.
 */
function statusForm(ctx: Context, a: AgendaActie): IActionSet {
  const ids = statusInputIds(a.id);
  const choices: IChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: ids.status,
    label: 'Status',
    style: 'compact',
    isRequired: true,
    errorMessage: 'Kies een status.',
    // The allowed moves, and last the status it has: to give it only a new deadline or reason.
    choices: [
      ...allowedTransitions(a.status).map((s) => ({ title: s, value: s })),
      { title: `${a.status} (blijft)`, value: a.status },
    ],
  };
  const reden: ITextInput = {
    type: 'Input.Text',
    id: ids.toelichting,
    label: 'Toelichting (verplicht bij blokkeren, niet overnemen, heropenen)',
    isMultiline: true,
    maxLength: TEXT_MAX.statusToelichting,
  };
  const deadline: IDateInput = { type: 'Input.Date', id: ids.deadline, label: 'Nieuwe deadline (optioneel)' };
  const show: IShowCardAction = {
    type: 'Action.ShowCard',
    title: 'Status bijwerken',
    // Plain text (not Markdown), so the number needs no escaping; a screen reader hears which action it is.
    tooltip: isActienummer(a.nummer) ? `Status van actie ${a.nummer} bijwerken` : 'Status bijwerken',
    card: { type: 'AdaptiveCard', body: [choices, reden, deadline], actions: [statusSave(ctx, a)] },
  };
  return { type: 'ActionSet', actions: [show] };
}

function actieRow(ctx: Context, a: AgendaActie, details: string[], withForm: boolean, color?: TextColor): IContainer {
  const items: CardElementArray = [
    text(`**${safeNummer(a.nummer)}** ${escapeCardText(a.titel, 200)}`, color ? { color } : {}),
    // A standing commitment's date is where it starts, not a deadline (the college's "… en verder").
    text(
      `${statusText(a)} · Eigenaar: ${eigenaarText(a)} · ${a.doorlopend ? 'Doorlopend vanaf' : 'Deadline'}: ${datum(a.deadline)}`,
      {
        isSubtle: true,
        spacing: 'None',
      },
    ),
    ...(a.voortgang ? [text(voortgangText(a.voortgang), { isSubtle: true, spacing: 'None' })] : []),
    ...details.map((d) => text(d, { spacing: 'None' })),
  ];
  // A shared action the MT sees as a roll-up has no status of its own to set: each domain updates its own row.
  if (withForm && !a.voortgang) items.push(statusForm(ctx, a));
  return { type: 'Container', separator: true, spacing: 'Small', items };
}

const ACTIE_VELD: Record<ActieSnapshotField, string> = {
  nummer: 'Nummer',
  status: 'Status',
  eigenaar: 'Eigenaar',
  deadline: 'Deadline',
  statusToelichting: 'Toelichting',
};
const PORTFOLIO_VELD: Record<PortfolioSnapshotField, string> = {
  status: 'Status',
  prioriteit: 'Prioriteit',
  ditKwartaal: 'Dit kwartaal',
  fase: 'Fase',
  kwartaaldoel: 'Kwartaaldoel',
};

function changeValue(field: string, v: string | undefined): string {
  if (v === undefined) return '—';
  return field === 'deadline' && isValidCalendarDate(v) ? formatDateNl(v) : escapeCardText(v, 80);
}

function changeLine<F extends string>(changes: FieldChange<F>[], labels: Record<F, string>): string {
  return changes
    .map((c) => `${labels[c.field]}: ${changeValue(c.field, c.from)} → ${changeValue(c.field, c.to)}`)
    .join(' · ');
}

// ---------- sections ----------

type Candidate = {
  /** The action this row lists, so its form is rendered once (input ids must be unique in a card). */
  actie?: AgendaActie;
  build: (withForm: boolean) => IContainer;
};

type Noun = { one: string; many: string; otherOne: string; otherMany: string };
const ACTIES: Noun = { one: 'actie', many: 'acties', otherOne: 'andere actie', otherMany: 'andere acties' };
const WIJZIGINGEN: Noun = {
  one: 'wijziging',
  many: 'wijzigingen',
  otherOne: 'andere wijziging',
  otherMany: 'andere wijzigingen',
};
const DOELEN: Noun = {
  one: 'kwartaaldoel',
  many: 'kwartaaldoelen',
  otherOne: 'ander kwartaaldoel',
  otherMany: 'andere kwartaaldoelen',
};
const BESLUITEN: Noun = { one: 'besluit', many: 'besluiten', otherOne: 'ander besluit', otherMany: 'andere besluiten' };

type Section = {
  title: string;
  total: number;
  color?: keyof typeof CARD_TEXT_COLORS;
  style?: IContainer['style'];
  /** Shown instead of rows when the section has nothing to list. */
  emptyText?: string;
  /** What a row is, for the summary lines: "3 acties", "en 2 andere acties". */
  noun: Noun;
  /** The tab list's URL parameters that show this section, for "En 14 meer in het actieplan"; none: the plain list. */
  filter?: Record<string, string>;
  candidates: Candidate[];
  /** All its rows go in before the other sections' first rows (the viewer's own actions, with their forms). */
  first?: boolean;
};

function overdueSection(ctx: Context, agenda: Agenda): Section {
  return {
    title: 'Achterstallig',
    total: agenda.overdue.length,
    noun: ACTIES,
    filter: { due: 'achterstallig', sort: 'deadline:asc' },
    candidates: agenda.overdue.map((a: OverdueActie) => ({
      actie: a,
      // A standing commitment is late for not having started; saying "over de deadline" would call it unfinished.
      build: (f) =>
        actieRow(
          ctx,
          a,
          [
            a.doorlopend
              ? `Doorlopend vanaf de deadline, nog niet gestart (${lateBy(a.dagenTeLaat)}).`
              : `${lateBy(a.dagenTeLaat)} te laat.`,
          ],
          f,
        ),
    })),
  };
}

function blockedDetails(a: BlockedActie): string[] {
  const lines: string[] = [];
  if (a.statusGeblokkeerd)
    lines.push(`Reden: ${a.reden === undefined ? 'niet ingevuld' : escapeCardText(a.reden, 300)}`);
  if (a.geblokkeerdDoor.length > 0) {
    const deps = a.geblokkeerdDoor.map((d) => `${safeNummer(d.nummer)} ${escapeCardText(d.titel, 80)} (${d.status})`);
    lines.push(`Wacht op: ${deps.join('; ')}`);
  }
  return lines;
}

function blockedSection(ctx: Context, agenda: Agenda): Section {
  return {
    // Says both halves (issue 19): the facts count Geblokkeerd and "wacht op" apart, and this section holds both.
    title: 'Geblokkeerd of wachtend',
    total: agenda.blocked.length,
    noun: ACTIES,
    // The list's own filter for both halves (`vast=1`): status=Geblokkeerd would leave out the waiting actions.
    filter: { vast: '1' },
    candidates: agenda.blocked.map((a) => ({ actie: a, build: (f) => actieRow(ctx, a, blockedDetails(a), f) })),
  };
}

function dueSection(ctx: Context, agenda: Agenda): Section {
  return {
    title: `Deadline tot en met ${formatDateNl(agenda.dueUntil)}`,
    total: agenda.dueBeforeNextMeeting.length,
    color: 'Accent',
    noun: ACTIES,
    // The list's own filter for this section: open, not overdue, a deadline up to and including that day.
    filter: { tot: agenda.dueUntil, sort: 'deadline:asc' },
    candidates: agenda.dueBeforeNextMeeting.map((a) => ({ actie: a, build: (f) => actieRow(ctx, a, [], f) })),
  };
}

function withoutOwnerSection(ctx: Context, agenda: Agenda): Section {
  return {
    title: 'Zonder eigenaar',
    total: agenda.withoutOwner.length,
    noun: ACTIES,
    // An empty eigenaar value is the list's "no owner" filter; the section counts open actions only, so the list does.
    filter: { eigenaar: '', status: ACTIE_STATUSES.filter(isOpen).join(',') },
    candidates: agenda.withoutOwner.map((a) => ({ actie: a, build: (f) => actieRow(ctx, a, [], f) })),
  };
}

/** "Ook bespreken": what the MT's secretary put on this meeting's agenda (issue 14.3). */
function ookBesprekenSection(ctx: Context, agenda: Agenda): Section {
  return {
    title: 'Ook bespreken',
    total: agenda.ookBespreken.length,
    color: 'Accent',
    noun: ACTIES,
    candidates: agenda.ookBespreken.map((a) => ({ actie: a, build: (f) => actieRow(ctx, a, [], f) })),
  };
}

/** "Niet nodig": what the secretary took off this meeting's agenda, each with the reason (typed text, escaped). */
function nietNodigSection(agenda: Agenda): Section {
  return {
    title: 'Niet nodig deze vergadering',
    total: agenda.nietNodig.length,
    noun: ACTIES,
    candidates: agenda.nietNodig.map((a) => ({
      build: () => ({
        type: 'Container',
        separator: true,
        spacing: 'Small',
        items: [
          text(`**${safeNummer(a.nummer)}** ${escapeCardText(a.titel, 200)}`),
          text(`Reden: ${escapeCardText(a.reden, 300)}`, { isSubtle: true, spacing: 'None' }),
        ],
      }),
    })),
  };
}

function changeCandidate(ctx: Context, c: ActieChange): Candidate {
  switch (c.kind) {
    case 'new':
      return { actie: c.actie, build: (f) => actieRow(ctx, c.actie, ['Nieuw op de agenda van dit MT.'], f) };
    case 'changed':
      return { actie: c.actie, build: (f) => actieRow(ctx, c.actie, [changeLine(c.changes, ACTIE_VELD)], f) };
    case 'removed':
      return {
        build: () => ({
          type: 'Container',
          separator: true,
          spacing: 'Small',
          items: [
            text(
              `**${safeNummer(c.nummer)}** Niet meer op de agenda van dit MT (verwijderd of naar een ander domein).`,
            ),
          ],
        }),
      };
  }
}

function changedSection(ctx: Context, agenda: Agenda): Section {
  const section: Section = {
    title: 'Gewijzigd sinds de vorige vergadering',
    total: agenda.changedSinceLastMeeting.length,
    noun: WIJZIGINGEN,
    candidates: agenda.changedSinceLastMeeting.map((c) => changeCandidate(ctx, c)),
  };
  if (!agenda.hasBaseline) {
    section.emptyText =
      'Dit is de eerste agenda voor dit MT. Vanaf de volgende vergadering staat hier wat er sindsdien veranderde.';
  }
  return section;
}

function portfolioRow(c: PortfolioChange): IContainer {
  const kop = `**${escapeCardText(c.item.titel, 120)}** (${escapeCardText(c.item.domein, 80)})`;
  const regel = c.kind === 'new' ? 'Nieuw in het portfolio.' : changeLine(c.changes, PORTFOLIO_VELD);
  return { type: 'Container', separator: true, spacing: 'Small', items: [text(kop), text(regel, { spacing: 'None' })] };
}

function portfolioSection(agenda: Agenda): Section {
  return {
    title: 'Portfolio: wijzigingen',
    total: agenda.portfolioChanges.length,
    noun: WIJZIGINGEN,
    candidates: agenda.portfolioChanges.map((c) => ({ build: () => portfolioRow(c) })),
  };
}

function quarterRow(q: QuarterFeedback): IContainer {
  const behaald = q.behaald === undefined ? 'nog niet beoordeeld' : q.behaald;
  const regel = `Behaald: ${behaald}${q.reden === undefined ? '' : ` · Reden: ${escapeCardText(q.reden, 300)}`}`;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      text(`**${escapeCardText(q.titel, 120)}**: ${escapeCardText(q.doel, 300)}`),
      text(regel, { spacing: 'None' }),
    ],
  };
}

function quarterSection(agenda: Agenda): Section {
  return {
    title: `Terugkoppeling IMO over ${agenda.quarterFeedback.kwartaal} (advies 3.3)`,
    total: agenda.quarterFeedback.items.length,
    noun: DOELEN,
    candidates: agenda.quarterFeedback.items.map((q) => ({ build: () => quarterRow(q) })),
  };
}

function sameName(a: string, b: string): boolean {
  const n = (s: string): string => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
  return n(a) !== '' && n(a) === n(b);
}

/** The viewer's own open actions, most urgent first: overdue (longest first), then by deadline, then by number. */
function ownActies(agenda: Agenda, userDisplayName: string): { actie: AgendaActie; dagenTeLaat?: number }[] {
  const late = new Map(agenda.overdue.map((a) => [a.id, a.dagenTeLaat] as const));
  return agenda.openActies
    .filter((a) => a.eigenaar !== undefined && sameName(a.eigenaar.displayName, userDisplayName))
    .map((a) => {
      const dagen = late.get(a.id);
      return dagen === undefined ? { actie: a } : { actie: a, dagenTeLaat: dagen };
    })
    .sort(
      (x, y) =>
        (y.dagenTeLaat ?? -1) - (x.dagenTeLaat ?? -1) ||
        (x.actie.deadline ?? '9999-12-31').localeCompare(y.actie.deadline ?? '9999-12-31') ||
        agenda.openActies.indexOf(x.actie) - agenda.openActies.indexOf(y.actie),
    );
}

function personalSection(ctx: Context, agenda: Agenda, userDisplayName: string): Section {
  const own = ownActies(agenda, userDisplayName);
  return {
    title: 'Jouw acties',
    first: true,
    total: own.length,
    style: 'accent',
    emptyText: 'Je hebt geen open acties op de agenda van dit MT.',
    noun: ACTIES,
    candidates: own.map(({ actie, dagenTeLaat }) => ({
      actie,
      build: (f) => actieRow(ctx, actie, dagenTeLaat === undefined ? [] : [`${lateBy(dagenTeLaat)} te laat.`], f),
    })),
  };
}

const AGENDERINGEN: Noun = {
  one: 'geagendeerd punt',
  many: 'geagendeerde punten',
  otherOne: 'ander geagendeerd punt',
  otherMany: 'andere geagendeerde punten',
};

/** The CMT's tick of one escalation: an optional decision and "Besproken" (If-Match with the escalation's eTag). */
function agenderingTick(ctx: Context, g: AgenderingItem): IActionSet {
  const besluit: ITextInput = {
    type: 'Input.Text',
    id: agenderingBesluitInputId(g.id),
    label: 'Besluit (optioneel)',
    maxLength: AGENDERING_MAX.besluit,
  };
  const data: CardActionData = {
    verb: 'agendering-besproken',
    mtKey: ctx.mtKey,
    occurrenceKey: ctx.occurrenceKey,
    agenderingId: g.id,
    eTag: g.eTag,
  };
  const show: IShowCardAction = {
    type: 'Action.ShowCard',
    title: 'Afvinken als besproken',
    tooltip: isActienummer(g.nummer)
      ? `Agendering van actie ${g.nummer} afvinken als besproken`
      : 'Afvinken als besproken',
    card: {
      type: 'AdaptiveCard',
      body: [besluit],
      actions: [{ type: 'Action.Execute', verb: 'agendering-besproken', title: 'Besproken', data }],
    },
  };
  return { type: 'ActionSet', actions: [show] };
}

/**
 * "Geagendeerd door de MT's" (the CMT's card only): per escalation the action, the domain, who, since when and why,
 * with the tick. Every text is someone's typing and is escaped.
 */
function geagendeerdSection(ctx: Context, agenda: Agenda): Section {
  return {
    title: "Geagendeerd door de MT's",
    total: agenda.geagendeerd.length,
    style: 'emphasis',
    noun: AGENDERINGEN,
    candidates: agenda.geagendeerd.map((g) => ({
      build: () => ({
        type: 'Container',
        separator: true,
        spacing: 'Small',
        items: [
          text(`**${safeNummer(g.nummer)}** ${escapeCardText(g.titel, 200)}`),
          text(
            `${escapeCardText(g.domein, 40)} · door ${g.door ? escapeCardText(g.door, 80) : 'onbekend'} · sinds ${formatMoment(new Date(g.sinds))}`,
            { isSubtle: true, spacing: 'None' },
          ),
          text(`Reden: ${escapeCardText(g.reden, 400)}`, { spacing: 'None' }),
          agenderingTick(ctx, g),
        ],
      }),
    })),
  };
}

/**
 * "Agenderen in CMT" for a domain MT's card: one form (which of the MT's open actions, and a required reason). Only on
 * the card of an MT that does not carry Concern and has open actions; the bot checks the rest.
 */
/** Choices the card's escalation form offers at most: the card stays short; every other action is one click away. */
export const AGENDEREN_MAX_CHOICES = 10;

/**
 * The MT's open actions to choose from, most urgent first (overdue, blocked, due, then by number), at most
 * `AGENDEREN_MAX_CHOICES`.
 */
function agenderenChoices(agenda: Agenda): AgendaActie[] {
  const seen = new Set<string>();
  const out: AgendaActie[] = [];
  for (const a of [...agenda.overdue, ...agenda.blocked, ...agenda.dueBeforeNextMeeting, ...agenda.openActies]) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a);
  }
  return out.slice(0, AGENDEREN_MAX_CHOICES);
}

function agenderenForm(ctx: Context, agenda: Agenda): IShowCardAction | undefined {
  if (agenda.mt.domeinen.includes(agenda.concernDomein) || agenda.openActies.length === 0) return undefined;
  const actie: IChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: AGENDEREN_INPUT_IDS.actie,
    label: 'Actie',
    style: 'compact',
    isRequired: true,
    errorMessage: 'Kies de actie die het CMT moet bespreken.',
    // Plain text (not Markdown): choice titles are not rendered as Markdown, so only cut (with "…"), not escaped.
    choices: agenderenChoices(agenda).map((a) => ({
      title: `${a.nummer} ${truncateText(a.titel.replace(/\s+/g, ' ').trim(), 50)}`,
      value: a.id,
    })),
  };
  const reden: ITextInput = {
    type: 'Input.Text',
    id: AGENDEREN_INPUT_IDS.reden,
    label: 'Reden (verplicht)',
    placeholder: 'Welk besluit of welke hulp is nodig van het CMT?',
    isMultiline: true,
    isRequired: true,
    errorMessage: 'Geef een reden.',
    maxLength: AGENDERING_MAX.reden,
  };
  const more = agenda.openActies.length - actie.choices.length;
  // The same words as the tab's dialog: the seeds' own, quoted, named by their document (the passages are recorded
  // with the quotes, AGENDERING_CITATIONS; a line number means nothing to a reader).
  const uitleg = text(
    `Het CMT “${AGENDERING_CITATIONS.voortgangsbewaking}” (organisatieafspraken van de gemeente). Agendeer een actie in het CMT als een besluit blijft hangen. Uit het rapport: “… ${AGENDERING_CITATIONS.escaleren}”.`,
    { isSubtle: true, size: 'Small' },
  );
  return {
    type: 'Action.ShowCard',
    title: 'Agenderen in CMT',
    card: {
      type: 'AdaptiveCard',
      body: [
        uitleg,
        actie,
        ...(more > 0
          ? [
              text(
                `Niet in deze lijst: ${countPhrase(more, 'andere open actie', 'andere open acties')}. Agendeer die vanuit het actieplan.`,
                { isSubtle: true, size: 'Small' },
              ),
            ]
          : []),
        reden,
      ],
      actions: [{ type: 'Action.Execute', verb: 'agenderen', title: 'Agenderen', data: executeData(ctx, 'agenderen') }],
    },
  };
}

function sectionHeading(s: Section): ITextBlock {
  const extra: Omit<ITextBlock, 'type' | 'text'> = { size: 'Medium', weight: 'Bolder' };
  if (s.color && s.total > 0) extra.color = s.color;
  return text(`${s.title} (${s.total})`, extra);
}

function restLine(n: number, noun: Noun, shown: number): ITextBlock {
  const t =
    shown === 0
      ? `${countPhrase(n, noun.one, noun.many)}, zie het actieplan.`
      : `En ${n} ${n === 1 ? noun.otherOne : noun.otherMany}, zie het actieplan.`;
  return text(t, { isSubtle: true });
}

/**
 * The tab's list filtered by `filter`, built from the card's deep link: the parameters go into the hash route
 * (`…/index.html?domein=X#/lijst?due=achterstallig`, or next to the domain filter of an MT of several domains,
 * `#/lijst?domein=A,B&due=achterstallig`); the search, with the domain view of an MT of one domain, stays. A link
 * without a hash route (a Teams entity link) has no list URL to filter, so it is returned as it is.
 */
export function sectionLink(deepLink: string, filter: Record<string, string> = {}): string {
  const url = new URL(deepLink);
  if (!url.hash.startsWith('#/')) return url.toString();
  const query = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  for (const [k, v] of Object.entries(filter)) params.set(k, v);
  const q = params.toString();
  url.hash = `/lijst${q ? `?${q}` : ''}`;
  return url.toString();
}

/** "En 14 meer in het actieplan" as a button to the section in the tab's list. */
function restLink(n: number, noun: Noun, shown: number, url: string): IActionSet {
  const title =
    shown === 0 ? `${countPhrase(n, noun.one, noun.many)} in het actieplan` : `En ${n} meer in het actieplan`;
  return { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title, url }] };
}

function sectionContainer(s: Section, rows: IContainer[], deepLink?: string): IContainer {
  const items: CardElementArray = [sectionHeading(s), ...rows];
  if (s.total === 0 && s.emptyText) items.push(text(s.emptyText, { isSubtle: true }));
  else if (rows.length < s.total) {
    const n = s.total - rows.length;
    items.push(
      deepLink === undefined
        ? restLine(n, s.noun, rows.length)
        : restLink(n, s.noun, rows.length, sectionLink(deepLink, s.filter)),
    );
  }
  const c: IContainer = { type: 'Container', spacing: 'Large', items };
  if (s.style) c.style = s.style;
  return c;
}

function isShown(s: Section): boolean {
  return s.total > 0 || s.emptyText !== undefined;
}

/**
 * "Jouw acties" for the refreshed, per-user view: the open actions of this MT's agenda whose eigenaar is the viewer
 * (matched on display name, case and spacing ignored), most urgent first, each with its status form, at most
 * `maxRows` of them. Use it in a card that lists these actions nowhere else with a form (input ids must be unique).
 */
export function buildPersonalSection(
  agenda: Agenda,
  userDisplayName: string,
  options: { maxRows?: number } = {},
): IContainer {
  const ctx: Context = { mtKey: agenda.mt.key, occurrenceKey: agenda.occurrence.key };
  const s = personalSection(ctx, agenda, userDisplayName);
  const rows = s.candidates.slice(0, options.maxRows ?? 10).map((c) => c.build(true));
  return sectionContainer(s, rows);
}

// ---------- the card ----------

function checkDeepLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch (e) {
    if (e instanceof TypeError) throw new RangeError(`buildAgendaCard: deepLink is geen URL: ${JSON.stringify(link)}`);
    throw e;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new RangeError(`buildAgendaCard: deepLink moet https zijn: ${JSON.stringify(link)}`);
  }
  return url.toString();
}

function header(agenda: Agenda): IContainer {
  // Domain names are the municipality's own (its Inrichting list): free text, so escaped as any other.
  const domeinen = agenda.mt.domeinen.map((d) => escapeCardText(d, 80)).join(', ');
  return {
    type: 'Container',
    style: 'emphasis',
    items: [
      text('Agendapunt digitalisering (advies 11.5)', { isSubtle: true, size: 'Small' }),
      text(escapeCardText(agenda.mt.naam, 120), { style: 'heading', size: 'Large', weight: 'Bolder', spacing: 'None' }),
      text(`Vergadering: ${formatMoment(new Date(agenda.occurrence.start))}`, { spacing: 'None' }),
      ...(domeinen === '' ? [] : [text(`Domein: ${domeinen}`, { isSubtle: true, spacing: 'None' })]),
    ],
  };
}

function summary(agenda: Agenda): IFactSet {
  const c = agenda.counts;
  return {
    type: 'FactSet',
    spacing: 'Medium',
    facts: [
      { title: 'Achterstallig', value: String(c.overdue) },
      { title: 'Geblokkeerd', value: String(c.geblokkeerd) },
      { title: 'Wacht op een andere actie', value: String(c.wachtOp) },
      { title: 'Deadline vóór volgende vergadering', value: String(c.dueBeforeNextMeeting) },
      { title: 'Zonder eigenaar', value: String(c.withoutOwner) },
      {
        title: 'Gewijzigd sinds vorige vergadering',
        value: agenda.hasBaseline ? String(c.changedSinceLastMeeting) : 'eerste agenda',
      },
      { title: 'Open acties', value: `${c.open} van ${c.acties}` },
    ],
  };
}

function reflection(agenda: Agenda): IContainer {
  const q = agenda.reflectionQuestion;
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Large',
    items: [
      text('Gespreksvraag digitaal leiderschap (advies 11.4)', { weight: 'Bolder' }),
      text(`**${q.aspect}**: “${q.vraag}”`, { spacing: 'Small' }),
      // The report's own words, marked as quotes and saying where they come from; with the sentence the question
      // follows, which says whom "zij" and "hen" are about.
      text(`Uit de conclusie van het onderzoeksrapport: “${q.aanleiding}”`, { isSubtle: true, spacing: 'None' }),
      text(`Enquêtevraag bij dit aspect: “${q.denkAan}”`, { isSubtle: true, spacing: 'Small' }),
    ],
  };
}

function decisions(agenda: Agenda): IContainer | undefined {
  if (agenda.previousDecisions.length === 0) return undefined;
  const shown = agenda.previousDecisions.slice(0, 5);
  const items: CardElementArray = [
    text(`Besluiten vorige vergadering (${agenda.previousDecisions.length})`, { size: 'Medium', weight: 'Bolder' }),
    ...shown.map((d) => text(`• ${escapeCardText(d, 200)}`, { spacing: 'Small' })),
  ];
  if (agenda.previousDecisions.length > shown.length)
    items.push(restLine(agenda.previousDecisions.length - shown.length, BESLUITEN, shown.length));
  return { type: 'Container', spacing: 'Large', items };
}

/** Decisions of this meeting shown on the card; the rest are in the tab's decision log. */
const MEETING_DECISIONS_SHOWN = 5;

/**
 * "Besluiten deze vergadering": what was recorded so far (the latest few), and the input to record another. The
 * input is not required (an empty one would block every other button of the card); the bot refuses an empty text.
 */
function meetingDecisions(ctx: Context, besluiten: readonly string[]): IContainer {
  const texts = besluiten.map((d) => d.trim()).filter((d) => d !== '');
  const shown = texts.slice(-MEETING_DECISIONS_SHOWN);
  const items: CardElementArray = [
    text(`Besluiten deze vergadering (${texts.length})`, { size: 'Medium', weight: 'Bolder' }),
  ];
  if (texts.length > shown.length)
    items.push(
      text(
        `En ${countPhrase(texts.length - shown.length, 'eerder besluit', 'eerdere besluiten')}, zie het actieplan.`,
        {
          isSubtle: true,
        },
      ),
    );
  items.push(...shown.map((d) => text(`• ${escapeCardText(d, 200)}`, { spacing: 'Small' })));
  const input: ITextInput = {
    type: 'Input.Text',
    id: BESLUIT_INPUT_ID,
    label: 'Besluit vastleggen',
    placeholder: 'Wat heeft het MT besloten?',
    isMultiline: true,
    maxLength: BESLUIT_MAX_LENGTH,
  };
  items.push(input, {
    type: 'ActionSet',
    actions: [
      { ...execute(ctx, 'besluit-vastleggen', 'Vastleggen'), tooltip: 'Besluit van deze vergadering vastleggen' },
    ],
  });
  return { type: 'Container', spacing: 'Large', items };
}

function laatsteWijzigingBanner(wat: string): IContainer {
  return { type: 'Container', style: 'accent', items: [text(`Laatste wijziging: ${escapeCardText(wat, 300)}.`)] };
}

function besprokenBanner(b: { door: string; op: Date }): IContainer {
  return {
    type: 'Container',
    style: 'good',
    items: [text(`Besproken door ${escapeCardText(b.door, 80)} op ${formatMoment(b.op)}.`)],
  };
}

/**
 * Builds the agenda card for `agenda`. Header (MT, meeting date and time in Amsterdam), "Besproken door X op Y" when
 * `options.besproken` is set, the viewer's own actions when `options.viewerDisplayName` is set, a summary of the
 * counts, the sections of the agenda with their counts, the previous meeting's decisions, this meeting's decisions
 * with an input to record one ("Besluit vastleggen"), the reflection question, and the buttons: per listed action
 * a "Status bijwerken" form (only at its first listing), "Besproken" (until it is) and "Open in actieplan".
 * `refresh` (verb `vernieuwen`) lets Teams fetch each person's own view for up to 60 `refreshUserIds`.
 * The serialised card stays within `options.maxBytes`; rows that do not fit are summarised per section.
 * @throws RangeError when `deepLink` is not an https URL, or the budget cannot hold even an empty agenda.
 */
export function buildAgendaCard(agenda: Agenda, options: AgendaCardOptions): AgendaCard {
  const deepLink = checkDeepLink(options.deepLink);
  const budget = Math.min(options.maxBytes ?? DEFAULT_CARD_BUDGET, CARD_BYTE_LIMIT);
  const ctx: Context = { mtKey: agenda.mt.key, occurrenceKey: agenda.occurrence.key };

  const sections: Section[] = [
    ...(options.viewerDisplayName !== undefined ? [personalSection(ctx, agenda, options.viewerDisplayName)] : []),
    geagendeerdSection(ctx, agenda),
    ookBesprekenSection(ctx, agenda),
    overdueSection(ctx, agenda),
    blockedSection(ctx, agenda),
    dueSection(ctx, agenda),
    withoutOwnerSection(ctx, agenda),
    changedSection(ctx, agenda),
    portfolioSection(agenda),
    quarterSection(agenda),
    nietNodigSection(agenda),
  ].filter(isShown);

  const openInPlan: IOpenUrlAction = { type: 'Action.OpenUrl', title: 'Open in actieplan', url: deepLink };
  const actions: ActionArray = [];
  if (!options.besproken) actions.push({ ...execute(ctx, 'besproken', 'Besproken'), style: 'positive' });
  const agenderen = agenderenForm(ctx, agenda);
  if (agenderen) actions.push(agenderen);
  actions.push(openInPlan);

  const userIds = [...new Set(options.refreshUserIds ?? [])]
    .filter((id) => id.trim() !== '')
    .slice(0, MAX_REFRESH_USER_IDS);
  const refresh: NonNullable<IAdaptiveCard['refresh']> = { action: execute(ctx, 'vernieuwen', 'Vernieuwen') };
  if (userIds.length > 0) refresh.userIds = userIds;

  const c = agenda.counts;
  const fallbackText = escapeCardText(
    `Agendapunt digitalisering ${agenda.mt.naam}, ${formatMoment(new Date(agenda.occurrence.start))}: ${c.overdue} achterstallig, ${c.geblokkeerd} geblokkeerd, ${c.wachtOp} wacht op een andere actie, ${c.dueBeforeNextMeeting} met een deadline vóór de volgende vergadering.`,
    400,
  );

  const assemble = (included: IContainer[][]): AgendaCard => {
    // Only rows the byte budget dropped: the ones past SECTION_MAX_ROWS are left out by design and linked per section.
    const omitted = sections.reduce(
      (n, s, i) => n + Math.max(0, Math.min(s.candidates.length, SECTION_MAX_ROWS) - (included[i]?.length ?? 0)),
      0,
    );
    const body: CardElementArray = [header(agenda)];
    if (options.besproken) body.push(besprokenBanner(options.besproken));
    if (options.laatsteWijziging) body.push(laatsteWijzigingBanner(options.laatsteWijziging));
    body.push(summary(agenda));
    // A row whose action has no form anywhere on the card (the forms' share of the budget ran out): say where it is
    // changed, once, so nobody looks for a button that is not there.
    if (someWithoutForm(included)) body.push(text(NO_FORM_NOTE, { isSubtle: true, spacing: 'Small' }));
    if (omitted > 0) {
      body.push(
        text(
          `Niet alles past op deze kaart: ${countPhrase(omitted, 'regel staat', 'regels staan')} alleen in het actieplan. De meest urgente staan bovenaan.`,
          {
            weight: 'Bolder',
            spacing: 'Medium',
          },
        ),
        { type: 'ActionSet', actions: [openInPlan] },
      );
    }
    sections.forEach((s, i) => body.push(sectionContainer(s, included[i] ?? [], deepLink)));
    const besluiten = decisions(agenda);
    if (besluiten) body.push(besluiten);
    body.push(meetingDecisions(ctx, options.besluiten ?? []));
    body.push(reflection(agenda));
    return {
      type: 'AdaptiveCard',
      version: '1.5',
      lang: 'nl-NL',
      fallbackText,
      msteams: { width: 'full' },
      refresh,
      body,
      actions,
    };
  };

  // Rows go in by urgency, at most `SECTION_MAX_ROWS` of each section (so a long overdue list cannot push every
  // blocked action off the card), and every section's first row before any section's second. Forms are the bulk of a
  // row (~1 KB), so at most `FORM_SHARE` of the budget goes to them; later rows are listed without a form rather than
  // not at all (their status can still be changed in the tab). The first row that does not fit ends the filling. Then
  // the real size is verified and rows are dropped from the end until it fits, so the estimate can never overshoot.
  const included: IContainer[][] = sections.map(() => []);
  const formed = new Set<string>();
  /** The action of each row: with its form (`true`) or without. */
  const rowActie = new Map<IContainer, { id: string; form: boolean }>();
  /** Whether an action of the included rows has no form in any of them (the card as it is assembled). */
  const someWithoutForm = (rows: IContainer[][]): boolean => {
    const acties = rows.flat().flatMap((row) => rowActie.get(row) ?? []);
    const withForm = new Set(acties.filter((a) => a.form).map((a) => a.id));
    return acties.some((a) => !withForm.has(a.id));
  };
  const reserve = sections.reduce(
    (n, s) => n + cardByteSize(restLink(999, s.noun, 0, sectionLink(deepLink, s.filter))) + 1,
    0,
  );
  let used = cardByteSize(assemble(sections.map(() => []))) + reserve;
  if (used > budget)
    throw new RangeError(`buildAgendaCard: ${budget} bytes is te weinig voor de kaart zonder regels (${used})`);
  const formBudget = budget * FORM_SHARE;
  let formBytes = 0;
  const tryAdd = (i: number, cand: Candidate): boolean => {
    const plain = cand.build(false);
    const plainSize = cardByteSize(plain) + 1;
    let row = plain;
    let size = plainSize;
    if (cand.actie !== undefined && !formed.has(cand.actie.id)) {
      const withForm = cand.build(true);
      const formSize = cardByteSize(withForm) + 1;
      if (formBytes + (formSize - plainSize) <= formBudget && used + formSize <= budget) {
        row = withForm;
        size = formSize;
        formBytes += formSize - plainSize;
        formed.add(cand.actie.id);
      }
    }
    if (used + size > budget) return false;
    used += size;
    included[i]?.push(row);
    if (cand.actie !== undefined && !cand.actie.voortgang)
      rowActie.set(row, { id: cand.actie.id, form: row !== plain });
    return true;
  };
  // First the viewer's own rows and the most urgent row of every other section, so that each section shows at least
  // its head whatever the length of the ones before it; then the rest, section by section, until the first row that
  // does not fit.
  const heads = (s: Section) => (s.first ? SECTION_MAX_ROWS : 1);
  for (const [i, s] of sections.entries()) {
    for (const cand of s.candidates.slice(0, heads(s))) if (!tryAdd(i, cand)) break;
  }
  fill: for (const [i, s] of sections.entries()) {
    for (const cand of s.candidates.slice(heads(s), SECTION_MAX_ROWS)) {
      if (!tryAdd(i, cand)) break fill;
    }
  }

  let card = assemble(included);
  while (cardByteSize(card) > budget) {
    const last = [...included.keys()].reverse().find((i) => (included[i]?.length ?? 0) > 0);
    if (last === undefined) break;
    included[last]?.pop();
    card = assemble(included);
  }
  return card;
}

/** A notice for the person who acted on the card (a conflict, a refused change, what was saved). */
export type CardNotice = {
  text: string;
  color: TextColor;
  /** What the person typed on the card that was not saved (a reason, a decision). */
  typed?: string | undefined;
};

/**
 * The notice's banner: its text, escaped like every other text on the card, and what the person typed shown whole
 * under it (up to the longest text the card's inputs take), since a new card's form starts empty.
 */
function noticeBanner(notice: CardNotice): IContainer {
  const kept = notice.typed?.trim();
  return {
    type: 'Container',
    style: notice.color === 'Good' ? 'good' : notice.color === 'Attention' ? 'attention' : 'warning',
    items: [
      text(escapeCardText(notice.text, 400), { weight: 'Bolder' }),
      ...(kept
        ? [
            text('Wat je typte (niet opgeslagen):', { spacing: 'Small' }),
            text(escapeCardText(kept, TEXT_MAX.statusToelichting), { spacing: 'None' }),
          ]
        : []),
    ],
  };
}

/** The card with the notice's banner under its header. */
export function withCardNotice(card: AgendaCard, notice: CardNotice): AgendaCard {
  const banner = noticeBanner(notice);
  const [header, ...rest] = card.body ?? [];
  return { ...card, body: header ? [header, banner, ...rest] : [banner] };
}

/**
 * The agenda's card with a notice, within the same byte budget as the card alone: the banner's bytes come off the
 * budget, so the card gives up rows for a long typed text rather than grow past what Teams takes.
 */
export function buildAgendaCardWithNotice(agenda: Agenda, options: AgendaCardOptions, notice: CardNotice): AgendaCard {
  const budget = Math.min(options.maxBytes ?? DEFAULT_CARD_BUDGET, CARD_BYTE_LIMIT);
  // The banner's bytes and the comma that joins it to the body.
  const card = buildAgendaCard(agenda, { ...options, maxBytes: budget - cardByteSize(noticeBanner(notice)) - 1 });
  return withCardNotice(card, notice);
}
