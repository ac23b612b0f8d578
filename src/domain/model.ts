/**
 * The plan's vocabulary as types. Pure data: no I/O, no clock.
 * Dutch domain words stay Dutch (advies, actie, plateau, domein); the code around them is English.
 */

/** A calendar date in Europe/Amsterdam, ISO `YYYY-MM-DD`. Never an instant. */
export type CalendarDate = string;

export const THEMA_CODES = ['A', 'B', 'C'] as const;
/** A theme's code: Zoetermeer's are A, B and C; another municipality's set-up (Inrichting) has its own. */
export type ThemaCode = string;
export type Thema = { code: ThemaCode; naam: string; adviezen: readonly number[] };

export const PLATEAUS = ['Randvoorwaardelijk', 'Fundament versterken', 'Verbeteren', 'Excelleren'] as const;
/** A plateau's name: Zoetermeer's are `PLATEAUS`; another municipality's set-up (Inrichting) has its own. */
export type Plateau = string;

/** Business domains plus Concern (the organisation as a whole, carried by the CMT). */
export const DOMEINEN = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein', 'Concern'] as const;
/**
 * A domain's name. Zoetermeer's are `DOMEINEN`; the site's set-up (Inrichting) holds the municipality's own, and says
 * which one is the organisation as a whole (`concernDomein`), so no code tests a domain by its name.
 */
export type Domein = string;

export const ACTIE_STATUSES = [
  'Niet gestart',
  'Loopt',
  'Geblokkeerd',
  'Afgerond',
  'Belegd in lopend traject',
  'Niet overgenomen',
] as const;
export type ActieStatus = (typeof ACTIE_STATUSES)[number];

/**
 * A person as the plan knows them. In the seed a person is a role ("Informatiemanager Sociaal Domein");
 * on a site it is a site user, whose lookup id is `id`.
 */
export type PersonRef = {
  id?: string;
  displayName: string;
  email?: string;
  /**
   * The site no longer knows this id (a person column read with a lookup id that is not a site user): `displayName`
   * is then the Dutch placeholder, and a UI in another language says it with its own words and the id.
   */
  onbekend?: true;
  /**
   * A site user without a name of its own (no Title in the site's user list): `displayName` is then the Dutch
   * placeholder "Gebruiker {id}", and a UI in another language says it with its own words and the id.
   */
  naamloos?: true;
};

/** A recommendation (advies) of the 213a report, with the college's response. */
export type Advies = {
  nummer: number;
  titel: string;
  thema: ThemaCode;
  /** Default plateau of its actions (the action's own plateau wins). */
  plateau: Plateau;
  /** What the report says the advies means (its own words, 001:744–851 for Zoetermeer). */
  omschrijving?: string;
  collegeReactie: string;
  collegePlanning: string;
  /**
   * The numbers of the adviezen the college takes up together with this one, as its response says (advies 1 "in
   * samenhang met aanbeveling 3 en 5", 000:74–75). Absent or empty: the response relates it to none.
   */
  samenhangMet?: number[];
};

/**
 * A finding (bevinding) of the report; its links to actions live on the action. `thema` is the theme under which the
 * report's appendix discusses it (each finding's appendix page closes with the theme's label, 001:1366 … 2137).
 */
export type Bevinding = { nummer: number; titel: string; toelichting: string; thema?: ThemaCode };

/** An action of the plan, e.g. "11.5 Digitalisering als vast thema MT-vergaderingen". */
export type Actie = {
  /** "11.5": recommendation number, dot, action number. */
  nummer: string;
  titel: string;
  /** What the action is, in the report's words where the report describes it (its appendix), else the MT's own. */
  omschrijving?: string;
  advies: number;
  plateau: Plateau;
  domeinen: Domein[];
  status: ActieStatus;
  /** Reason for Geblokkeerd, rationale for Niet overgenomen, reason for a reopening. */
  statusToelichting?: string;
  eigenaar?: PersonRef;
  deadline?: CalendarDate;
  /** Planned start when the plan has one ("Vanaf 2026"). */
  start?: CalendarDate;
  /** The college's planning text for this action. */
  planning?: string;
  /** The running track (lopend traject) the action is absorbed in. */
  lopendTraject?: string;
  /** Numbers of actions this one builds on. */
  afhankelijkVan: string[];
  /** Numbers of the findings this action answers. */
  bevindingen: number[];
  /**
   * Retired ("Vervallen"): the action left the plan, with `vervallenReden` saying why. It stays in the list, its
   * history and in reports for dates when it was still active, but leaves agendas, counts and the roadmap. The app
   * never deletes an action, so its number is never given out again.
   */
  vervallen?: boolean;
  vervallenReden?: string;
};

export const PORTFOLIO_FASEN = ['Idee', 'Voorbereiding', 'Uitvoering', 'Nazorg', 'Afgerond', 'Gestopt'] as const;
export type PortfolioFase = (typeof PORTFOLIO_FASEN)[number];
export const PORTFOLIO_STATUSES = ['Op koers', 'Aandacht', 'Kritiek'] as const;
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number];
export const KWARTAAL_KEUZES = ['wel', 'niet'] as const;
export type KwartaalKeuze = (typeof KWARTAAL_KEUZES)[number];
export const BEHAALD_VALUES = ['ja', 'deels', 'nee'] as const;
export type Behaald = (typeof BEHAALD_VALUES)[number];

/** An initiative of the ICT portfolio (I&A), prioritised by the IMO. */
export type PortfolioItem = {
  /** Stable client key, also used to deduplicate creates. */
  key: string;
  titel: string;
  omschrijving: string;
  domein: Domein;
  opdrachtgever?: PersonRef;
  informatiemanager?: PersonRef;
  /** The I&A contact person of the item. */
  iaContact?: PersonRef;
  fase: PortfolioFase;
  status: PortfolioStatus;
  statusToelichting?: string;
  /** IMO priority rank, 1 is highest. */
  prioriteit?: number;
  /** The IMO's decision: picked up this quarter or explicitly not (3.2). */
  ditKwartaal: KwartaalKeuze;
  start?: CalendarDate;
  einde?: CalendarDate;
  /** Numbers of the plan's actions this item serves. */
  acties: string[];
};

/** "2026-Q1" */
export type Kwartaal = string;

/** A quarter goal of a portfolio item and, afterwards, whether it was met (3.3). */
export type Kwartaaldoel = {
  portfolioKey: string;
  kwartaal: Kwartaal;
  doel: string;
  behaald?: Behaald;
  reden?: string;
};

/** A management team that gets the digitalisering agenda item. */
export type MT = {
  key: string;
  naam: string;
  domeinen: Domein[];
  /**
   * RFC 5545 RRULE in Europe/Amsterdam time, e.g. "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=30".
   * A schedule with INTERVAL > 1 (every other week) needs an anchor: then the text is a DTSTART line
   * plus an RRULE line, "DTSTART;TZID=Europe/Amsterdam:20260108T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH".
   * `parseMeetingSchedule` (schedule.ts) reads both forms.
   */
  schema?: string;
  /**
   * The Teams team and channel the agenda item is posted to: the team's thread id (`19:…@thread.tacv2`, teams-js
   * `team.internalId`) and the channel's id, written by a Beheerder (the channel tab's configuration page or
   * Instellingen).
   */
  teamId?: string;
  /** The team's Microsoft 365 group id (teams-js `team.groupId`), written with the team by the configuration page. */
  groepId?: string;
  channelId?: string;
  /** The bot's conversation id of that channel, for proactive messages. */
  conversationId?: string;
  /** How long before a meeting the agenda item is posted, in minutes. */
  voorlooptijdMinuten?: number;
  /** Whether reminders are sent for this MT; absent means active. */
  actief?: boolean;
};

/** The whole plan as seeded and as read back from a site. */
export type Plan = {
  themas: Thema[];
  adviezen: Advies[];
  bevindingen: Bevinding[];
  acties: Actie[];
};
