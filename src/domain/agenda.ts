/**
 * The digitalisering agenda item of one MT meeting (recommendation 11.5): what is due, overdue, blocked, changed since
 * the last meeting or without an owner, the domain's portfolio changes, the IMO's quarter feedback (3.3) and a
 * reflection question (11.4). The reminder card, the meeting side panel and the reports all use this one function,
 * so they never disagree about what is "on the agenda".
 *
 * Pure and deterministic: time is a parameter, every list has a total order (ties broken by SharePoint item id), and
 * the output holds only JSON values (ISO strings, no Dates), so the same input gives a deep-equal agenda whatever the
 * order of the input arrays.
 *
 * "Changed since the last meeting" is exact because every sent agenda stores a compact snapshot (`snapshotOf`) in the
 * reminder log; the next agenda diffs against it field by field.
 */
import { z } from 'zod';
import { compareActienummers } from './actienummer.js';
import { planCounts } from './counts.js';
import { agenderingenForMT, type AgenderingInput, type AgenderingItem } from './agendering.js';
import { addDays, amsterdamDate, kwartaalPeriod, kwartaalOf } from './dates.js';
import type {
  Actie,
  ActieStatus,
  Behaald,
  CalendarDate,
  Domein,
  Kwartaal,
  Kwartaaldoel,
  KwartaalKeuze,
  MT,
  PersonRef,
  PortfolioFase,
  PortfolioItem,
  PortfolioStatus,
} from './model.js';
import { ACTIE_STATUSES, KWARTAAL_KEUZES, PORTFOLIO_FASEN, PORTFOLIO_STATUSES } from './model.js';
import { agendaKeuzesFor, type AgendaKeuzeInput } from './agenda-keuze.js';
import {
  actieVoortgang,
  actieForDomein,
  ownerCoverage,
  ownDomeinOfMT,
  type DomeinVoortgang,
} from './domein-voortgang.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import { deadlineKind } from './planning.js';
import { agendaRank, onAgendaOfMT } from './portfolio-selection.js';
import { reflectionQuestion, type ReflectionQuestion } from './reflection.js';
import { blockingDependencies, isDueBefore, isOverdue } from './rules.js';
import { isOpen } from './status.js';
import { compareItemIds, compareText } from './compare.js';

// ---------- input ----------

/** An action as read from the Acties list: the SharePoint item id and eTag travel with it (card buttons need both). */
export type AgendaActieInput = { id: string; eTag: string; value: Actie };
/** A domain's row of a shared action as read from the DomeinVoortgang list (the card writes it with If-Match). */
export type AgendaDomeinVoortgangInput = { id: string; eTag: string; value: DomeinVoortgang };
/** A portfolio item as read from the Portfolio list, with its SharePoint item id. */
export type AgendaPortfolioInput = { id: string; value: PortfolioItem };

/** Everything the agenda of one meeting is made of. */
export type AgendaInput = {
  mt: Pick<MT, 'key' | 'naam' | 'domeinen'>;
  /** Start of the meeting this agenda is for. */
  occurrenceStart: Date;
  /**
   * Start of the meeting after that one. "Due" means due before that meeting (inclusive of its day), so nothing falls
   * between two agendas. When the schedule has no later meeting, the window is `FALLBACK_DUE_WINDOW_DAYS` days.
   */
  nextOccurrenceStart?: Date;
  now: Date;
  /**
   * All actions of the plan, not only this MT's: a dependency in another domain still blocks. The agenda itself lists
   * only the actions whose domeinen include one of the MT's domains.
   */
  acties: readonly AgendaActieInput[];
  /** The snapshot stored with the previous agenda of this MT; absent for the first agenda. */
  previous?: AgendaSnapshot;
  portfolio?: readonly AgendaPortfolioInput[];
  /** Quarter goals; only those of the meeting's quarter and the one before are used. */
  kwartaaldoelen?: readonly Kwartaaldoel[];
  /** Decisions recorded at the previous meeting, in the order they were recorded. */
  previousDecisions?: readonly string[];
  /** Escalations to the CMT (the Agenderingen list); only the CMT's agenda lists them ("Geagendeerd door de MT's"). */
  agenderingen?: readonly AgenderingInput[];
  /**
   * The rows per domain of the shared actions (issue 12.4). `acties` carry the roll-up; with the rows a domain MT's
   * agenda shows its own row of a shared action (status, owner, deadline) and the CMT's shows the breakdown.
   */
  domeinVoortgang?: readonly AgendaDomeinVoortgangInput[];
  /**
   * The secretary's choices (the Agendakeuzes list, issue 14.3): only those of this meeting's occurrence key apply
   * (`agendaKeuzesFor`). "Ook bespreken" lists an action under its own heading; "Niet nodig" takes it out of every
   * section and lists it with the reason.
   */
  keuzes?: readonly AgendaKeuzeInput[];
  /**
   * The municipality's set-up (the Inrichting list, issue 12.8): which of its domains is the organisation as a whole
   * (the CMT's; Zoetermeer's Concern). Absent: Zoetermeer's, as for a site without a set-up of its own.
   */
  inrichting?: Inrichting;
};

/** How far ahead "due" looks when the schedule has no next meeting. */
export const FALLBACK_DUE_WINDOW_DAYS = 14;

// ---------- output ----------

/** An action as the agenda shows it: enough to list it and to act on it (id + eTag for the card's buttons). */
export type AgendaActie = {
  id: string;
  eTag: string;
  nummer: string;
  titel: string;
  status: ActieStatus;
  eigenaar?: PersonRef;
  deadline?: CalendarDate;
  /**
   * The deadline is "doorlopend vanaf" (a standing commitment, "… en verder"): its date is where the work starts, not a
   * deadline, and every section says so (set only then).
   */
  doorlopend?: boolean;
  statusToelichting?: string;
  /**
   * On a domain MT's agenda, a shared action shows that domain's own row, and its card writes that row: the domain,
   * and the row's id and eTag when it exists (absent: the domain follows the action and its first write creates it).
   */
  rij?: { domein: Domein; id?: string; eTag?: string };
  /** On the CMT's agenda (or another MT that sees the roll-up), a shared action's breakdown: "1 van 4 domeinen afgerond". */
  voortgang?: { afgerond: number; totaal: number };
  /**
   * On the roll-up, a shared action without an owner of its own whose domains put owners on their rows: in how many
   * of its domains (`ownerCoverage`). It is "zonder eigenaar" only while some domain has none.
   */
  eigenaarPerDomein?: { belegd: number; totaal: number };
};

export type OverdueActie = AgendaActie & {
  /** Whole days since the deadline, Amsterdam calendar (1 on the day after the deadline). */
  dagenTeLaat: number;
  /** The deadline is "doorlopend vanaf": the action is late because it has not started, not because it is unfinished. */
  doorlopend: boolean;
};

/** An action that is stuck: by its own status (Geblokkeerd, with its reason) and/or by open dependencies. */
export type BlockedActie = AgendaActie & {
  /** The action's own status is Geblokkeerd. */
  statusGeblokkeerd: boolean;
  /** The StatusToelichting when the status is Geblokkeerd. */
  reden?: string;
  /** The actions it depends on that still hold it up, by number. */
  geblokkeerdDoor: { id: string; nummer: string; titel: string; status: ActieStatus }[];
};

export const ACTIE_SNAPSHOT_FIELDS = ['nummer', 'status', 'eigenaar', 'deadline', 'statusToelichting'] as const;
export type ActieSnapshotField = (typeof ACTIE_SNAPSHOT_FIELDS)[number];
export const PORTFOLIO_SNAPSHOT_FIELDS = ['status', 'prioriteit', 'ditKwartaal', 'fase', 'kwartaaldoel'] as const;
export type PortfolioSnapshotField = (typeof PORTFOLIO_SNAPSHOT_FIELDS)[number];

/** One field that changed, from what to what (as display text; absent means "was empty" / "is empty"). */
export type FieldChange<F extends string> = { field: F; from?: string; to?: string };

export type ActieChange =
  | { kind: 'new'; actie: AgendaActie }
  | { kind: 'changed'; actie: AgendaActie; changes: FieldChange<ActieSnapshotField>[] }
  /** In the previous agenda, not any more: deleted, or no longer in this MT's domains. */
  | { kind: 'removed'; id: string; nummer: string };

export type AgendaPortfolioItem = {
  id: string;
  key: string;
  titel: string;
  domein: Domein;
  status: PortfolioStatus;
  prioriteit?: number;
  ditKwartaal: KwartaalKeuze;
  fase: PortfolioFase;
};

export type PortfolioChange =
  | { kind: 'new'; item: AgendaPortfolioItem }
  | { kind: 'changed'; item: AgendaPortfolioItem; changes: FieldChange<PortfolioSnapshotField>[] };

/** One quarter goal of last quarter and whether it was met (IMO feedback, 3.3). */
export type QuarterFeedback = {
  portfolioId?: string;
  portfolioKey: string;
  titel: string;
  kwartaal: Kwartaal;
  doel: string;
  /** Absent: the IMO has not judged it yet, which is itself worth raising. */
  behaald?: Behaald;
  reden?: string;
};

export type AgendaCounts = {
  /** Actions of the MT's domains, open or not. */
  acties: number;
  open: number;
  dueBeforeNextMeeting: number;
  overdue: number;
  /** The blocked section's length: Geblokkeerd plus waiting on another action (`geblokkeerd + wachtOp`). */
  blocked: number;
  /** `planCounts`' geblokkeerd: the action's own status is Geblokkeerd. */
  geblokkeerd: number;
  /** `planCounts`' wachtOp: open, not Geblokkeerd, held up by an action it depends on. */
  wachtOp: number;
  changedSinceLastMeeting: number;
  withoutOwner: number;
  portfolioChanges: number;
  quarterFeedback: number;
  /** Escalations by the domain MTs not yet ticked as discussed (the CMT's agenda only; 0 for a domain MT). */
  geagendeerd: number;
  ookBespreken: number;
  nietNodig: number;
};

/** The composed agenda item. JSON values only. */
export type Agenda = {
  mt: { key: string; naam: string; domeinen: Domein[] };
  /**
   * The domain of the organisation as a whole in this municipality's set-up (Zoetermeer's Concern): the MT that
   * carries it is the CMT, whose card lists the escalations and no "Agenderen in CMT".
   */
  concernDomein: Domein;
  occurrence: {
    /** `<mt.key>|<start ISO UTC>`, the reminder log's Sleutel. */
    key: string;
    start: string;
    /** Amsterdam calendar date of the meeting. */
    date: CalendarDate;
    nextStart?: string;
  };
  generatedAt: string;
  /** Deadlines up to and including this date count as due. */
  dueUntil: CalendarDate;
  /** Whether a previous snapshot was given; without one "changed since last meeting" cannot be judged. */
  hasBaseline: boolean;
  dueBeforeNextMeeting: AgendaActie[];
  overdue: OverdueActie[];
  blocked: BlockedActie[];
  changedSinceLastMeeting: ActieChange[];
  withoutOwner: AgendaActie[];
  portfolioChanges: PortfolioChange[];
  quarterFeedback: { kwartaal: Kwartaal; items: QuarterFeedback[] };
  reflectionQuestion: ReflectionQuestion;
  previousDecisions: string[];
  /** Every open action of the MT's domains, by number: the source of a person's "Jouw acties". */
  openActies: AgendaActie[];
  /**
   * "Geagendeerd door de MT's": what the domain MTs put on the CMT's agenda and the CMT has not yet ticked as
   * discussed, oldest first. Empty for every MT that does not carry Concern.
   */
  geagendeerd: AgenderingItem[];
  /** Actions the secretary put on this meeting's agenda ("Ook bespreken"), by number. */
  ookBespreken: AgendaActie[];
  /** Actions the secretary took off this meeting's agenda ("Niet nodig"), by number, with the reason. */
  nietNodig: (AgendaActie & { reden: string })[];
  counts: AgendaCounts;
};

// ---------- snapshot ----------

/**
 * A text as stored in a snapshot: in full when short, otherwise its start plus a fingerprint of the whole, so a long
 * StatusToelichting cannot blow up the note column while a change anywhere in it is still detected.
 */
export type SnapshotText = { text: string; hash?: string };

export type ActieSnapshot = {
  nummer: string;
  status: ActieStatus;
  eigenaar?: string;
  deadline?: CalendarDate;
  statusToelichting?: SnapshotText;
};

export type PortfolioSnapshot = {
  status: PortfolioStatus;
  prioriteit?: number;
  ditKwartaal: KwartaalKeuze;
  fase: PortfolioFase;
  /** The item's goal(s) for the meeting's quarter. */
  kwartaaldoel?: SnapshotText;
};

/** What is stored with a sent agenda (Herinneringen.Snapshot) to make the next "changed since" exact. */
export type AgendaSnapshot = {
  version: 1;
  mtKey: string;
  occurrenceStart: string;
  /** By SharePoint item id: the id survives a renumbering, the number does not. */
  acties: Record<string, ActieSnapshot>;
  portfolio: Record<string, PortfolioSnapshot>;
  /**
   * Set when `portfolio` includes the Concern items for a domain MT (since issue 12.7). A snapshot stored before
   * then lacks them, and a Concern item missing from it is not new, only untracked: it is not reported as new.
   */
  concernPortfolio?: true;
};

/** Texts longer than this are kept as their start plus a fingerprint. */
export const SNAPSHOT_TEXT_LIMIT = 60;
/** Owner names are kept up to this length (Entra display names can be 256 characters). */
export const SNAPSHOT_NAME_LIMIT = 64;
/** The stored form must fit the reminder log's note column comfortably; see `serializeSnapshot`. */
export const MAX_SNAPSHOT_BYTES = 60_000;

/*
 * The stored form uses one- and two-letter keys: with 200 actions the full names alone would cost ~12 KB.
 * a = acties, p = portfolio; per action n = nummer, s = status, e = eigenaar, d = deadline, t/th = toelichting text and
 * fingerprint; per item s = status, p = prioriteit, k = ditKwartaal, f = fase, g/gh = kwartaaldoel text and fingerprint.
 */
const storedSchema = z.object({
  v: z.literal(1),
  mt: z.string(),
  at: z.string(),
  a: z.record(
    z.string(),
    z.object({
      n: z.string(),
      s: z.enum(ACTIE_STATUSES),
      e: z.string().optional(),
      // Not checked as a date: a bad value typed in SharePoint must show up as a change, not void the baseline.
      d: z.string().optional(),
      t: z.string().optional(),
      th: z.string().optional(),
    }),
  ),
  p: z.record(
    z.string(),
    z.object({
      s: z.enum(PORTFOLIO_STATUSES),
      p: z.number().optional(),
      k: z.enum(KWARTAAL_KEUZES),
      f: z.enum(PORTFOLIO_FASEN),
      g: z.string().optional(),
      gh: z.string().optional(),
    }),
  ),
  c: z.literal(1).optional(),
});
type StoredSnapshot = z.infer<typeof storedSchema>;

function storedText(t: SnapshotText | undefined, keepText: boolean): { text?: string; hash?: string } {
  if (t === undefined) return {};
  // Without its text a short value still needs something to compare with; its fingerprint is that.
  if (!keepText) return { text: '', hash: t.hash ?? fingerprint(t.text) };
  return t.hash === undefined ? { text: t.text } : { text: t.text, hash: t.hash };
}

function toStored(s: AgendaSnapshot, keepTexts: boolean): StoredSnapshot {
  const a: StoredSnapshot['a'] = {};
  for (const [id, x] of Object.entries(s.acties)) {
    const t = storedText(x.statusToelichting, keepTexts);
    a[id] = {
      n: x.nummer,
      s: x.status,
      ...(x.eigenaar === undefined ? {} : { e: x.eigenaar }),
      ...(x.deadline === undefined ? {} : { d: x.deadline }),
      ...(t.text === undefined ? {} : { t: t.text }),
      ...(t.hash === undefined ? {} : { th: t.hash }),
    };
  }
  const p: StoredSnapshot['p'] = {};
  for (const [id, x] of Object.entries(s.portfolio)) {
    const g = storedText(x.kwartaaldoel, keepTexts);
    p[id] = {
      s: x.status,
      ...(x.prioriteit === undefined ? {} : { p: x.prioriteit }),
      k: x.ditKwartaal,
      f: x.fase,
      ...(g.text === undefined ? {} : { g: g.text }),
      ...(g.hash === undefined ? {} : { gh: g.hash }),
    };
  }
  return { v: 1, mt: s.mtKey, at: s.occurrenceStart, a, p, ...(s.concernPortfolio ? { c: 1 as const } : {}) };
}

function fromStoredText(text: string | undefined, hash: string | undefined): SnapshotText | undefined {
  if (text === undefined && hash === undefined) return undefined;
  return hash === undefined ? { text: text ?? '' } : { text: text ?? '', hash };
}

function fromStored(s: StoredSnapshot): AgendaSnapshot {
  const acties: Record<string, ActieSnapshot> = {};
  for (const [id, x] of Object.entries(s.a)) {
    const a: ActieSnapshot = { nummer: x.n, status: x.s };
    if (x.e !== undefined) a.eigenaar = x.e;
    if (x.d !== undefined) a.deadline = x.d;
    const t = fromStoredText(x.t, x.th);
    if (t !== undefined) a.statusToelichting = t;
    acties[id] = a;
  }
  const portfolio: Record<string, PortfolioSnapshot> = {};
  for (const [id, x] of Object.entries(s.p)) {
    const item: PortfolioSnapshot = { status: x.s, ditKwartaal: x.k, fase: x.f };
    if (x.p !== undefined) item.prioriteit = x.p;
    const g = fromStoredText(x.g, x.gh);
    if (g !== undefined) item.kwartaaldoel = g;
    portfolio[id] = item;
  }
  return {
    version: 1,
    mtKey: s.mt,
    occurrenceStart: s.at,
    acties,
    portfolio,
    ...(s.c === 1 ? { concernPortfolio: true as const } : {}),
  };
}

/**
 * The text to store in the reminder log's Snapshot column: compact JSON (short keys, texts cut to
 * `SNAPSHOT_TEXT_LIMIT` plus a fingerprint). Should that still exceed `MAX_SNAPSHOT_BYTES` (hundreds of actions),
 * the text starts are dropped and only fingerprints kept: changes are still detected, only the "from" text is lost.
 */
export function serializeSnapshot(snapshot: AgendaSnapshot): string {
  const full = JSON.stringify(toStored(snapshot, true));
  if (new TextEncoder().encode(full).length <= MAX_SNAPSHOT_BYTES) return full;
  return JSON.stringify(toStored(snapshot, false));
}

/**
 * Reads a snapshot back from the reminder log's note column (the output of `serializeSnapshot`). Returns undefined
 * for anything else (empty, hand-edited, truncated, another version), so the next agenda treats it as "no baseline"
 * instead of reporting phantom changes.
 */
export function parseSnapshot(json: string | undefined): AgendaSnapshot | undefined {
  if (json === undefined || json.trim() === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
  const parsed = storedSchema.safeParse(data);
  return parsed.success ? fromStored(parsed.data) : undefined;
}

/** 32-bit FNV-1a over UTF-16 code units, hex. Only detects change; collisions (1 in 4·10⁹) would hide one edit. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** SharePoint may turn \n into \r\n and keep trailing blanks; neither is a change a person made. */
function normaliseText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/\r\n?/g, '\n').trim();
  return t === '' ? undefined : t;
}

function snapshotText(s: string | undefined): SnapshotText | undefined {
  const t = normaliseText(s);
  if (t === undefined) return undefined;
  if (t.length <= SNAPSHOT_TEXT_LIMIT) return { text: t };
  return { text: `${t.slice(0, SNAPSHOT_TEXT_LIMIT - 1)}…`, hash: fingerprint(t) };
}

function sameText(previous: SnapshotText | undefined, current: string | undefined): boolean {
  const t = normaliseText(current);
  if (previous === undefined || t === undefined) return previous === undefined && t === undefined;
  if (previous.hash !== undefined) return fingerprint(t) === previous.hash;
  return previous.text === t;
}

/** The previous text for a "from → to" line; undefined when only its fingerprint was kept. */
function previousText(previous: SnapshotText | undefined): string | undefined {
  return previous === undefined || previous.text === '' ? undefined : previous.text;
}

/** An owner's name as a snapshot keeps it: cut to `SNAPSHOT_NAME_LIMIT`, so a rename beyond that is not seen. */
function snapshotName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : name.slice(0, SNAPSHOT_NAME_LIMIT);
}

function personName(p: PersonRef | undefined): string | undefined {
  const n = p?.displayName.trim();
  return n === undefined || n === '' ? undefined : n;
}

// ---------- the occurrence ----------

/** `2026-11-24T08:00:00Z`: second precision, like the other instants the app stores. */
export function isoInstant(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('isoInstant: invalid Date');
  return `${d.toISOString().slice(0, 19)}Z`;
}

/**
 * The reminder log's unique key of one meeting: `<mt.key>|<occurrence start, ISO UTC to the second>`.
 * Two timers or instances that plan the same meeting compute the same key, which is what makes sending exactly-once.
 */
export function occurrenceKey(mtKey: string, occurrenceStart: Date): string {
  return `${mtKey}|${isoInstant(occurrenceStart)}`;
}

// ---------- composition ----------

/**
 * Whether an action belongs on this MT's agenda: its domeinen include one of the MT's. The CMT has domeinen
 * ['Concern'] and so sees the Concern actions; a business MT does not see Concern-only actions.
 */
export function isActieOfMT(actie: Actie, mt: Pick<MT, 'domeinen'>): boolean {
  // A retired action (Vervallen) has left every agenda; the next agenda lists it once as removed.
  return actie.vervallen !== true && actie.domeinen.some((d) => mt.domeinen.includes(d));
}

function byNummer(a: { nummer: string; id: string }, b: { nummer: string; id: string }): number {
  return compareActienummers(a.nummer, b.nummer) || compareItemIds(a.id, b.id);
}

/** The set-up the agenda is composed with: the given one, or Zoetermeer's for a site without one of its own. */
function inrichtingVan(input: Pick<AgendaInput, 'inrichting'>): Inrichting {
  return input.inrichting ?? ZOETERMEER_INRICHTING;
}

/** An action of the MT's agenda as this MT sees it: a shared action with its own row, or with the breakdown. */
type MineActie = AgendaActieInput & Pick<AgendaActie, 'rij' | 'voortgang' | 'eigenaarPerDomein'>;

/**
 * The MT's own actions (not retired, carrying one of its domains), each as this MT sees it (issue 12.4): a domain MT
 * sees its own domain's row of a shared action (status, reason, owner, deadline; `actieForDomein`), the CMT sees the
 * roll-up with the breakdown. Without rows every action is as given.
 */
function actiesOfMT(input: AgendaInput): MineActie[] {
  const rijen = input.domeinVoortgang ?? [];
  const perActie = new Map<string, AgendaDomeinVoortgangInput[]>();
  for (const r of [...rijen].sort((a, b) => compareItemIds(a.id, b.id)))
    perActie.set(r.value.actie, [...(perActie.get(r.value.actie) ?? []), r]);
  return input.acties
    .filter((a) => isActieOfMT(a.value, input.mt))
    .map((a): MineActie => {
      const eigen = perActie.get(a.value.nummer) ?? [];
      const domein = ownDomeinOfMT(input.mt.domeinen, a.value, inrichtingVan(input));
      if (domein !== undefined) {
        const rij = eigen.find((r) => r.value.domein === domein);
        const value = actieForDomein(
          a.value,
          eigen.map((r) => r.value),
          domein,
        );
        return { ...a, value, rij: rij ? { domein, id: rij.id, eTag: rij.eTag } : { domein } };
      }
      if (eigen.length === 0 || new Set(a.value.domeinen).size < 2) return a;
      const v = actieVoortgang(
        a.value,
        eigen.map((r) => r.value),
      );
      const stand = ownerCoverage(
        a.value,
        eigen.map((r) => r.value),
      );
      return {
        ...a,
        voortgang: { afgerond: v.afgerond, totaal: v.totaal },
        ...(stand.kind === 'perDomein' ? { eigenaarPerDomein: { belegd: stand.belegd, totaal: stand.totaal } } : {}),
      };
    });
}

function toAgendaActie(a: MineActie): AgendaActie {
  const v = a.value;
  const out: AgendaActie = { id: a.id, eTag: a.eTag, nummer: v.nummer, titel: v.titel, status: v.status };
  if (personName(v.eigenaar) !== undefined && v.eigenaar) out.eigenaar = { ...v.eigenaar };
  if (v.deadline !== undefined) out.deadline = v.deadline;
  if (v.deadline !== undefined && deadlineKind(v) === 'doorlopend') out.doorlopend = true;
  const toelichting = normaliseText(v.statusToelichting);
  if (toelichting !== undefined) out.statusToelichting = toelichting;
  if (a.rij) out.rij = { ...a.rij };
  if (a.voortgang) out.voortgang = { ...a.voortgang };
  if (a.eigenaarPerDomein && !out.eigenaar) out.eigenaarPerDomein = { ...a.eigenaarPerDomein };
  return out;
}

function dayNumber(d: CalendarDate): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, day) / 86_400_000);
}

function previousKwartaal(k: Kwartaal): Kwartaal {
  return kwartaalOf(addDays(kwartaalPeriod(k).start, -1));
}

function goalsOf(doelen: readonly Kwartaaldoel[], portfolioKey: string, kwartaal: Kwartaal): string | undefined {
  const texts = doelen
    .filter((d) => d.portfolioKey === portfolioKey && d.kwartaal === kwartaal)
    .map((d) => d.doel.trim())
    .filter((t) => t !== '')
    .sort(compareText);
  return texts.length === 0 ? undefined : texts.join('\n');
}

function toAgendaPortfolioItem(p: AgendaPortfolioInput): AgendaPortfolioItem {
  const v = p.value;
  const out: AgendaPortfolioItem = {
    id: p.id,
    key: v.key,
    titel: v.titel,
    domein: v.domein,
    status: v.status,
    ditKwartaal: v.ditKwartaal,
    fase: v.fase,
  };
  if (v.prioriteit !== undefined) out.prioriteit = v.prioriteit;
  return out;
}

/** The portfolio on an MT's agenda: its own domains' items plus the concern-wide ones (issue 12.7). */
function portfolioOfMT(input: AgendaInput): AgendaPortfolioInput[] {
  const inrichting = inrichtingVan(input);
  return (input.portfolio ?? []).filter((p) => onAgendaOfMT(p.value.domein, input.mt.domeinen, inrichting));
}

function meetingKwartaal(input: AgendaInput): Kwartaal {
  return kwartaalOf(amsterdamDate(input.occurrenceStart));
}

/** Whether an action is still exactly as a stored snapshot shows it (the fields "changed since" compares). */
export function actieUnchangedSince(previous: ActieSnapshot, actie: Actie): boolean {
  return diffActie(previous, { id: '', eTag: '', value: actie }).length === 0;
}

function diffActie(previous: ActieSnapshot, current: AgendaActieInput): FieldChange<ActieSnapshotField>[] {
  const v = current.value;
  const changes: FieldChange<ActieSnapshotField>[] = [];
  const push = (field: ActieSnapshotField, from: string | undefined, to: string | undefined): void => {
    const change: FieldChange<ActieSnapshotField> = { field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    changes.push(change);
  };
  if (previous.nummer !== v.nummer) push('nummer', previous.nummer, v.nummer);
  if (previous.status !== v.status) push('status', previous.status, v.status);
  const eigenaar = personName(v.eigenaar);
  if (previous.eigenaar !== snapshotName(eigenaar)) push('eigenaar', previous.eigenaar, eigenaar);
  const deadline = v.deadline === '' ? undefined : v.deadline;
  if (previous.deadline !== deadline) push('deadline', previous.deadline, deadline);
  if (!sameText(previous.statusToelichting, v.statusToelichting)) {
    push('statusToelichting', previousText(previous.statusToelichting), normaliseText(v.statusToelichting));
  }
  return changes;
}

function diffPortfolio(
  previous: PortfolioSnapshot,
  current: AgendaPortfolioInput,
  currentGoal: string | undefined,
): FieldChange<PortfolioSnapshotField>[] {
  const v = current.value;
  const changes: FieldChange<PortfolioSnapshotField>[] = [];
  const push = (field: PortfolioSnapshotField, from: string | undefined, to: string | undefined): void => {
    const change: FieldChange<PortfolioSnapshotField> = { field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    changes.push(change);
  };
  if (previous.status !== v.status) push('status', previous.status, v.status);
  if (previous.prioriteit !== v.prioriteit)
    push('prioriteit', previous.prioriteit?.toString(), v.prioriteit?.toString());
  if (previous.ditKwartaal !== v.ditKwartaal) push('ditKwartaal', previous.ditKwartaal, v.ditKwartaal);
  if (previous.fase !== v.fase) push('fase', previous.fase, v.fase);
  if (!sameText(previous.kwartaaldoel, currentGoal))
    push('kwartaaldoel', previousText(previous.kwartaaldoel), normaliseText(currentGoal));
  return changes;
}

/**
 * Composes the agenda item of one MT meeting. Sections (each sorted by action number, ties by item id, unless said
 * otherwise):
 * - `dueBeforeNextMeeting`: open actions of the MT's domains with a deadline up to and including the day of the next
 *   meeting (or `FALLBACK_DUE_WINDOW_DAYS` after this one), that are not overdue yet at `now`; by deadline.
 * - `overdue`: open actions past their deadline at `now`, Amsterdam time (`isOverdue`); oldest deadline first.
 * - `blocked`: open actions that are Geblokkeerd (with their StatusToelichting) or held up by a dependency that is
 *   still Niet gestart, Loopt or Geblokkeerd (`blockingDependencies`), with which ones.
 * - `changedSinceLastMeeting`: field-exact diff against `previous` (nummer, status, eigenaar, deadline,
 *   StatusToelichting), new actions, and actions that left this MT's agenda. Empty without a previous snapshot.
 * - `withoutOwner`: open actions without an eigenaar (a shared action on the roll-up: unless every domain has one).
 * - `portfolioChanges`: the portfolio items of the MT's domains and of Concern (concern-wide changes concern every
 *   MT) whose status, prioriteit, ditKwartaal, fase or goal for the
 *   meeting's quarter changed since the snapshot, and new items; by prioriteit (unranked last), then title.
 * - `quarterFeedback`: last quarter's goals of the domain's items with behaald and reden; by prioriteit, title, goal.
 * - `reflectionQuestion`: rotates with the meeting's week (`reflectionQuestion`).
 * - `geagendeerd`: for the CMT only, the escalations of the domain MTs not yet ticked as discussed, oldest first
 *   (`agenderingenForMT`).
 * An action can be in several sections (overdue and blocked, say); each section answers its own question.
 * @throws RangeError when a Date in the input is invalid.
 */
export function composeAgenda(input: AgendaInput): Agenda {
  const { mt, now } = input;
  const meetingDate = amsterdamDate(input.occurrenceStart);
  const dueUntil =
    input.nextOccurrenceStart !== undefined
      ? amsterdamDate(input.nextOccurrenceStart)
      : addDays(meetingDate, FALLBACK_DUE_WINDOW_DAYS);
  const today = amsterdamDate(now);

  const allValues = input.acties.map((a) => a.value);
  const idByNummer = new Map<string, string>();
  for (const a of [...input.acties].sort((x, y) => compareItemIds(x.id, y.id))) {
    if (!idByNummer.has(a.value.nummer)) idByNummer.set(a.value.nummer, a.id);
  }
  const mine = actiesOfMT(input).sort((a, b) =>
    byNummer({ nummer: a.value.nummer, id: a.id }, { nummer: b.value.nummer, id: b.id }),
  );
  const open = mine.filter((a) => isOpen(a.value.status));
  const keuzes = agendaKeuzesFor(input.keuzes ?? [], occurrenceKey(mt.key, input.occurrenceStart), input.acties, (a) =>
    isActieOfMT(a, mt),
  );
  // "Niet nodig" takes an action out of every section of this meeting; the action itself is untouched.
  const onAgenda = (a: { id: string }): boolean => !keuzes.nietNodig.has(a.id);
  const listed = open.filter(onAgenda);
  const headline = planCounts(
    mine.filter(onAgenda).map((a) => a.value),
    now,
    allValues,
  );

  const overdue: OverdueActie[] = listed
    .filter((a) => isOverdue(a.value, now))
    .map((a) => ({
      ...toAgendaActie(a),
      dagenTeLaat: dayNumber(today) - dayNumber(a.value.deadline as CalendarDate),
      doorlopend: deadlineKind(a.value) === 'doorlopend',
    }))
    .sort((a, b) => b.dagenTeLaat - a.dagenTeLaat || byNummer(a, b));

  const dueBeforeNextMeeting = listed
    .filter((a) => !isOverdue(a.value, now) && isDueBefore(a.value, addDays(dueUntil, 1)))
    .map(toAgendaActie)
    .sort((a, b) => compareText(a.deadline ?? '', b.deadline ?? '') || byNummer(a, b));

  const blocked: BlockedActie[] = [];
  for (const a of listed) {
    const deps = blockingDependencies(a.value, allValues);
    const statusGeblokkeerd = a.value.status === 'Geblokkeerd';
    if (!statusGeblokkeerd && deps.length === 0) continue;
    const entry: BlockedActie = {
      ...toAgendaActie(a),
      statusGeblokkeerd,
      // By number, so the order in which someone ticked the dependencies does not change the agenda.
      geblokkeerdDoor: deps
        .map((d) => ({ id: idByNummer.get(d.nummer) ?? '', nummer: d.nummer, titel: d.titel, status: d.status }))
        .sort(byNummer),
    };
    const reden = normaliseText(a.value.statusToelichting);
    if (statusGeblokkeerd && reden !== undefined) entry.reden = reden;
    blocked.push(entry);
  }

  // A shared action whose every domain has an owner on its row is carried, though it has no owner of its own.
  const withoutOwner = listed
    .filter(
      (a) =>
        personName(a.value.eigenaar) === undefined &&
        (a.eigenaarPerDomein === undefined || a.eigenaarPerDomein.belegd < a.eigenaarPerDomein.totaal),
    )
    .map(toAgendaActie);

  const changedSinceLastMeeting: ActieChange[] = [];
  if (input.previous) {
    const prev = input.previous.acties;
    const seen = new Set<string>();
    for (const a of mine) {
      seen.add(a.id);
      if (!onAgenda(a)) continue;
      const p = prev[a.id];
      if (p === undefined) {
        changedSinceLastMeeting.push({ kind: 'new', actie: toAgendaActie(a) });
        continue;
      }
      const changes = diffActie(p, a);
      if (changes.length > 0) changedSinceLastMeeting.push({ kind: 'changed', actie: toAgendaActie(a), changes });
    }
    for (const [id, p] of Object.entries(prev)) {
      if (!seen.has(id)) changedSinceLastMeeting.push({ kind: 'removed', id, nummer: p.nummer });
    }
    changedSinceLastMeeting.sort((x, y) => {
      const kx = x.kind === 'removed' ? { nummer: x.nummer, id: x.id } : x.actie;
      const ky = y.kind === 'removed' ? { nummer: y.nummer, id: y.id } : y.actie;
      return byNummer(kx, ky);
    });
  }

  const kwartaal = meetingKwartaal(input);
  const vorigKwartaal = previousKwartaal(kwartaal);
  const doelen = input.kwartaaldoelen ?? [];
  const myPortfolio = portfolioOfMT(input);
  const byPriority = (
    a: { prioriteit?: number; titel: string; id?: string },
    b: { prioriteit?: number; titel: string; id?: string },
  ): number =>
    (a.prioriteit ?? Number.POSITIVE_INFINITY) - (b.prioriteit ?? Number.POSITIVE_INFINITY) ||
    compareText(a.titel, b.titel) ||
    compareItemIds(a.id ?? '', b.id ?? '');

  const portfolioChanges: PortfolioChange[] = [];
  if (input.previous) {
    for (const p of myPortfolio) {
      const prev = input.previous.portfolio[p.id];
      const item = toAgendaPortfolioItem(p);
      if (prev === undefined) {
        // A Concern item a domain MT's older snapshot did not track yet is not new to the portfolio.
        const untracked = !input.previous.concernPortfolio && agendaRank(p.value.domein, mt.domeinen) > 0;
        if (!untracked) portfolioChanges.push({ kind: 'new', item });
        continue;
      }
      const changes = diffPortfolio(prev, p, goalsOf(doelen, p.value.key, kwartaal));
      if (changes.length > 0) portfolioChanges.push({ kind: 'changed', item, changes });
    }
    portfolioChanges.sort(
      (a, b) =>
        agendaRank(a.item.domein, mt.domeinen) - agendaRank(b.item.domein, mt.domeinen) || byPriority(a.item, b.item),
    );
  }

  const itemByKey = new Map<string, AgendaPortfolioInput>();
  // Quarter feedback stays with the MT's own domains: the concern-wide items come in only as changes.
  for (const p of myPortfolio
    .filter((x) => agendaRank(x.value.domein, mt.domeinen) === 0)
    .sort((a, b) => compareItemIds(a.id, b.id))) {
    if (!itemByKey.has(p.value.key)) itemByKey.set(p.value.key, p);
  }
  const quarterItems: (QuarterFeedback & { prioriteit?: number })[] = [];
  for (const d of doelen) {
    if (d.kwartaal !== vorigKwartaal) continue;
    const item = itemByKey.get(d.portfolioKey);
    if (!item) continue;
    const entry: QuarterFeedback & { prioriteit?: number } = {
      portfolioId: item.id,
      portfolioKey: d.portfolioKey,
      titel: item.value.titel,
      kwartaal: d.kwartaal,
      doel: d.doel.trim(),
    };
    if (d.behaald !== undefined) entry.behaald = d.behaald;
    const reden = normaliseText(d.reden);
    if (reden !== undefined) entry.reden = reden;
    if (item.value.prioriteit !== undefined) entry.prioriteit = item.value.prioriteit;
    quarterItems.push(entry);
  }
  quarterItems.sort(
    (a, b) =>
      byPriority(
        { prioriteit: a.prioriteit, titel: a.titel, id: a.portfolioId },
        { prioriteit: b.prioriteit, titel: b.titel, id: b.portfolioId },
      ) ||
      compareText(a.doel, b.doel) ||
      compareText(a.behaald ?? '', b.behaald ?? '') ||
      compareText(a.reden ?? '', b.reden ?? ''),
  );
  const quarterFeedback = quarterItems.map(({ prioriteit: _p, ...rest }) => rest);

  const occurrence: Agenda['occurrence'] = {
    key: occurrenceKey(mt.key, input.occurrenceStart),
    start: isoInstant(input.occurrenceStart),
    date: meetingDate,
  };
  if (input.nextOccurrenceStart !== undefined) occurrence.nextStart = isoInstant(input.nextOccurrenceStart);

  const openActies = open.map(toAgendaActie);
  // As this MT sees them (its own row of a shared action); an action of another domain as it is.
  const mineById = new Map(mine.map((a) => [a.id, a]));
  const ookBespreken = input.acties
    .filter((a) => keuzes.ookBespreken.has(a.id))
    .map((a) => toAgendaActie(mineById.get(a.id) ?? a))
    .sort(byNummer);
  const nietNodig = mine
    .filter((a) => keuzes.nietNodig.has(a.id))
    .map((a) => ({ ...toAgendaActie(a), reden: keuzes.nietNodig.get(a.id) ?? '' }))
    .sort(byNummer);
  const geagendeerd = agenderingenForMT(mt, input.agenderingen ?? [], input.acties, inrichtingVan(input));
  return {
    mt: { key: mt.key, naam: mt.naam, domeinen: [...mt.domeinen] },
    concernDomein: concernDomein(inrichtingVan(input)),
    occurrence,
    generatedAt: isoInstant(now),
    dueUntil,
    hasBaseline: input.previous !== undefined,
    dueBeforeNextMeeting,
    overdue,
    blocked,
    changedSinceLastMeeting,
    withoutOwner,
    portfolioChanges,
    quarterFeedback: { kwartaal: vorigKwartaal, items: quarterFeedback },
    reflectionQuestion: reflectionQuestion(meetingDate),
    previousDecisions: (input.previousDecisions ?? []).map((d) => d.trim()).filter((d) => d !== ''),
    openActies,
    geagendeerd,
    ookBespreken,
    nietNodig,
    counts: {
      acties: mine.length,
      open: open.length,
      dueBeforeNextMeeting: dueBeforeNextMeeting.length,
      overdue: overdue.length,
      blocked: blocked.length,
      geblokkeerd: headline.geblokkeerd,
      wachtOp: headline.wachtOp,
      changedSinceLastMeeting: changedSinceLastMeeting.length,
      withoutOwner: withoutOwner.length,
      portfolioChanges: portfolioChanges.length,
      quarterFeedback: quarterFeedback.length,
      geagendeerd: geagendeerd.length,
      ookBespreken: ookBespreken.length,
      nietNodig: nietNodig.length,
    },
  };
}

/**
 * The snapshot to store with the agenda composed from `input`: per action of the MT's domains its number, status,
 * owner's name, deadline and StatusToelichting; per portfolio item of the domains and of Concern its status, priority, ditKwartaal,
 * phase and goal for the meeting's quarter. Long texts are cut to `SNAPSHOT_TEXT_LIMIT` characters plus a fingerprint.
 * Keys are inserted in id order, so the serialised form of two snapshots of the same data is byte-identical.
 * Store it with `serializeSnapshot` and read it back with `parseSnapshot`.
 */
export function snapshotOf(input: AgendaInput): AgendaSnapshot {
  const acties: Record<string, ActieSnapshot> = {};
  const mine = actiesOfMT(input).sort((a, b) => compareItemIds(a.id, b.id));
  for (const a of mine) {
    const v = a.value;
    const s: ActieSnapshot = { nummer: v.nummer, status: v.status };
    const eigenaar = snapshotName(personName(v.eigenaar));
    if (eigenaar !== undefined) s.eigenaar = eigenaar;
    if (v.deadline !== undefined && v.deadline !== '') s.deadline = v.deadline;
    const toelichting = snapshotText(v.statusToelichting);
    if (toelichting !== undefined) s.statusToelichting = toelichting;
    acties[a.id] = s;
  }
  const kwartaal = meetingKwartaal(input);
  const portfolio: Record<string, PortfolioSnapshot> = {};
  for (const p of portfolioOfMT(input).sort((a, b) => compareItemIds(a.id, b.id))) {
    const v = p.value;
    const s: PortfolioSnapshot = { status: v.status, ditKwartaal: v.ditKwartaal, fase: v.fase };
    if (v.prioriteit !== undefined) s.prioriteit = v.prioriteit;
    const goal = snapshotText(goalsOf(input.kwartaaldoelen ?? [], v.key, kwartaal));
    if (goal !== undefined) s.kwartaaldoel = goal;
    portfolio[p.id] = s;
  }
  return {
    version: 1,
    mtKey: input.mt.key,
    occurrenceStart: isoInstant(input.occurrenceStart),
    acties,
    portfolio,
    concernPortfolio: true,
  };
}
