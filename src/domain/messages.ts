/**
 * Every message the domain can give about invalid input or a refused change, as a key with its parameters
 * (`DomainMessage`), never as a sentence: each adapter says it in its own words. The tab renders a message through its
 * nl/en catalogues (`validation.<key>`); the adapters that speak only Dutch (the stores' errors, the bot's card, the
 * CLI) through `messageText`, with the Dutch templates below, which are also the tab's Dutch. A message tells the
 * user what to do, not what went wrong inside the code.
 */
import type { ActieStatus, Domein } from './model.js';
import { TEXT_MAX } from './text-limits.js';

const SCHEMA_ONGELDIG =
  'Het vergaderschema moet een herhaalregel (RRULE) zijn, bijvoorbeeld FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=30.';

/** The Dutch words of every message; `{name}` is filled from the message's parameters (see `messageValues`). */
export const messageTemplatesNl = {
  // Shapes
  actieGeenObject: 'De actie ontbreekt of is geen geldig gegevensobject.',
  adviesGeenObject: 'Het advies ontbreekt of is geen geldig gegevensobject.',
  bevindingGeenObject: 'De bevinding ontbreekt of is geen geldig gegevensobject.',
  portfolioGeenObject: 'Het portfolio-item ontbreekt of is geen geldig gegevensobject.',
  kwartaaldoelGeenObject: 'Het kwartaaldoel ontbreekt of is geen geldig gegevensobject.',
  mtGeenObject: 'Het MT ontbreekt of is geen geldig gegevensobject.',
  planGeenObject: 'Het plan ontbreekt of is geen geldig gegevensobject.',
  tekstVerwacht: 'Vul hier tekst in.',

  // Shared fields
  titelVerplicht: 'Geef een titel.',
  initiatiefVerplicht: 'Geef de naam van het initiatief.',
  titelTeLang: 'De titel mag maximaal 255 tekens lang zijn.',
  sleutelVerplicht: 'Geef een sleutel (ClientKey), bijvoorbeeld "burgerportaal".',
  sleutelTeLang: 'De sleutel mag maximaal 255 tekens lang zijn.',
  plateauOngeldig: 'Kies een plateau uit de lijst.',
  domeinOngeldig: 'Kies een domein uit de lijst.',
  domeinenLeeg: 'Kies minstens één domein.',
  domeinDubbel: 'Kies elk domein maar één keer.',
  startOngeldig: 'De startdatum is geen geldige datum (jjjj-mm-dd).',
  persoonNaamVerplicht: 'Geef de naam van de persoon, bijvoorbeeld een rol als "Portfoliomanager I&A".',
  persoonNaamTeLang: 'De naam van de persoon mag maximaal 255 tekens lang zijn.',
  emailOngeldig: 'Het e-mailadres is ongeldig; gebruik de vorm naam@zoetermeer.nl.',

  // Actie
  actienummerVorm: 'Het actienummer moet de vorm advies.actie hebben, bijvoorbeeld 11.5.',
  actienummerHoortBijAdvies:
    'Het actienummer moet beginnen met het nummer van het advies, bijvoorbeeld 11.5 bij advies 11.',
  actieAdviesOngeldig: 'Kies het advies waar deze actie bij hoort (een positief geheel getal).',
  statusOngeldig: 'Kies een status uit de lijst.',
  toelichtingGeblokkeerd: 'Geef een toelichting: bij status Geblokkeerd is een reden verplicht.',
  toelichtingNietOvergenomen: 'Geef een toelichting: bij status Niet overgenomen is een onderbouwing verplicht.',
  toelichtingHeropenen: 'Geef een toelichting: bij het heropenen van een afgeronde actie is een reden verplicht.',
  toelichtingHeroverwegen:
    'Geef een toelichting: bij het heroverwegen van een niet overgenomen actie is een reden verplicht.',
  lopendTrajectVerplicht: 'Noem het lopende traject waarin deze actie is belegd.',
  lopendTrajectTeLang: 'De naam van het lopende traject mag maximaal 255 tekens lang zijn.',
  statusToelichtingTeLang: `De toelichting bij de status mag maximaal ${TEXT_MAX.statusToelichting} tekens lang zijn.`,
  planningTeLang: 'De planning mag maximaal 255 tekens lang zijn.',
  deadlineOngeldig: 'De deadline is geen geldige datum (jjjj-mm-dd).',
  deadlineVoorStart: 'De deadline mag niet voor de startdatum liggen.',
  afhankelijkhedenGeenLijst: 'De afhankelijkheden moeten een lijst van actienummers zijn.',
  afhankelijkheidVorm: 'Een afhankelijkheid moet een actienummer zijn, bijvoorbeeld 2.1.',
  afhankelijkVanZichzelf: 'Een actie kan niet van zichzelf afhankelijk zijn.',
  afhankelijkheidDubbel: 'Noem elke afhankelijkheid maar één keer.',
  bevindingenGeenLijst: 'De bevindingen moeten een lijst van nummers zijn.',
  bevindingVerwijzingOngeldig: 'Een gekoppelde bevinding moet een positief geheel getal zijn, bijvoorbeeld 3.',
  bevindingDubbel: 'Koppel elke bevinding maar één keer.',
  vervallenRedenVerplicht: 'Geef een reden: een actie laat je alleen met een reden vervallen.',
  vervallenGeenJaNee: 'Geef met ja of nee aan of de actie vervallen is.',

  // Advies
  adviesnummerOngeldig: 'Het nummer van het advies moet een positief geheel getal zijn.',
  themaOngeldig: 'Kies een thema uit de lijst.',
  collegePlanningTeLang: 'De planning van het college mag maximaal 255 tekens lang zijn.',
  samenhangGeenLijst: 'De samenhangende adviezen moeten een lijst van adviesnummers zijn.',
  samenhangVerwijzingOngeldig: 'Een samenhangend advies moet een positief geheel getal zijn, bijvoorbeeld 3.',
  samenhangDubbel: 'Noem elk samenhangend advies maar één keer.',
  samenhangMetZichzelf: 'Een advies kan niet in samenhang met zichzelf staan.',
  collegeReactieTeLang: `De reactie van het college mag maximaal ${TEXT_MAX.collegeReactie} tekens lang zijn.`,

  // Bevinding
  bevindingnummerOngeldig: 'Het nummer van de bevinding moet een positief geheel getal zijn.',
  bevindingToelichtingTeLang: `De toelichting bij de bevinding mag maximaal ${TEXT_MAX.bevindingToelichting} tekens lang zijn.`,

  // PortfolioItem
  faseOngeldig: 'Kies een fase uit de lijst.',
  portfolioStatusOngeldig: 'Kies een portfoliostatus uit de lijst (Op koers, Aandacht of Kritiek).',
  toelichtingKritiek: 'Geef een toelichting: bij portfoliostatus Kritiek is een reden verplicht.',
  omschrijvingTeLang: `De omschrijving mag maximaal ${TEXT_MAX.omschrijving} tekens lang zijn.`,
  prioriteitOngeldig: 'De prioriteit moet een positief geheel getal zijn (1 is de hoogste).',
  ditKwartaalOngeldig: 'Kies of het item dit kwartaal wel of niet wordt opgepakt.',
  eindeOngeldig: 'De einddatum is geen geldige datum (jjjj-mm-dd).',
  eindeVoorStart: 'De einddatum mag niet voor de startdatum liggen.',
  gekoppeldeActiesGeenLijst: 'De gekoppelde acties moeten een lijst van actienummers zijn.',
  gekoppeldeActieVorm: 'Een gekoppelde actie moet een actienummer zijn, bijvoorbeeld 1.2.',
  gekoppeldeActieDubbel: 'Koppel elke actie maar één keer.',

  // Kwartaaldoel
  kwartaaldoelPortfolioVerplicht: 'Koppel het kwartaaldoel aan een portfolio-item.',
  kwartaalVorm: 'Het kwartaal moet de vorm jjjj-Qn hebben, bijvoorbeeld 2026-Q1.',
  doelVerplicht: 'Beschrijf het doel voor dit kwartaal.',
  doelTeLang: `Het doel mag maximaal ${TEXT_MAX.kwartaaldoel} tekens lang zijn.`,
  redenTeLang: `De reden mag maximaal ${TEXT_MAX.reden} tekens lang zijn.`,
  behaaldOngeldig: 'Kies of het doel ja, deels of nee behaald is.',
  redenVerplicht: 'Geef een reden: waarom is het doel niet (volledig) behaald?',
  behaaldTeVroeg:
    'Een doel van een later kwartaal kan nog niet behaald zijn: leg de uitkomst vast als het kwartaal begonnen is.',

  // MT
  mtNaamVerplicht: 'Geef de naam van het MT.',
  mtNaamTeLang: 'De naam van het MT mag maximaal 255 tekens lang zijn.',
  schemaOngeldig: SCHEMA_ONGELDIG,
  schemaZonderStart:
    'Geef een startmoment op (DTSTART;TZID=Europe/Amsterdam:…) als het schema niet elke periode terugkomt (INTERVAL groter dan 1) of geen vergaderdag (BYDAY) noemt; anders is onduidelijk wanneer het MT vergadert.',
  schemaZonderTijd: 'Geef de aanvangstijd van het MT op (BYHOUR en BYMINUTE, of een DTSTART met tijd).',
  voorlooptijdOngeldig: 'De voorlooptijd moet een geheel aantal minuten zijn, 0 of meer.',
  actiefOngeldig: 'Geef met ja of nee aan of het MT actief is.',

  // Ids and schedules typed by hand (mts-store)
  adviesNietOpSite: 'Advies {advies} bestaat niet op de site. Kies een bestaand advies.',
  actieHoortNietBijDomein: 'Actie {actie} hoort niet bij {domein}.',
  actieBestaatNiet: 'Actie {actie} bestaat niet. Verwijder of corrigeer de koppeling.',
  portfolioItemBestaatNiet: 'Het portfolio-item "{sleutel}" bestaat niet.',
  mtSleutelBestaat: 'Er is al een MT met de sleutel "{sleutel}". Kies een andere naam.',
  mtNaamBestaat: 'Er is al een MT met de naam "{naam}". Kies een andere naam, of wijzig dat MT.',
  eigenaarOnbekend: 'Kies een persoon die op de SharePoint-site bekend is.',
  beheerdersOnbekend: 'Kies beheerders die op de SharePoint-site bekend zijn.',
  teamIdVorm:
    'Een Team-id ziet eruit als 19:…@thread.tacv2 (in Teams: ··· bij het team, Koppeling naar team ophalen; de waarde na /team/ in die koppeling, gedecodeerd).',
  kanaalIdVorm:
    'Een Kanaal-id ziet eruit als 19:…@thread.tacv2 (in Teams: ··· bij het kanaal, Koppeling naar kanaal ophalen; de waarde na /channel/ in die koppeling, gedecodeerd).',
  schemaVervallenOngeldig:
    'De vervallen datums "{regel}" kloppen niet: schrijf EXDATE;TZID=Europe/Amsterdam:JJJJMMDDTHHMMSS,… (Amsterdamse tijd).',
  schemaStartOngeldig:
    'Het startmoment "{regel}" klopt niet: schrijf DTSTART;TZID=Europe/Amsterdam:JJJJMMDDTHHMMSS (Amsterdamse tijd).',
  schemaEenRegel: `Het vergaderschema moet precies één herhaalregel bevatten. ${SCHEMA_ONGELDIG}`,
  schemaZonderFreq: `Het vergaderschema mist FREQ=DAILY, FREQ=WEEKLY of FREQ=MONTHLY. ${SCHEMA_ONGELDIG}`,
  schemaOnderdeelOngeldig: `Het onderdeel "{onderdeel}" van het vergaderschema is niet geldig. ${SCHEMA_ONGELDIG}`,

  // Status transitions (status.ts)
  zelfdeStatus: 'De actie heeft de status "{status}" al; kies een andere status.',
  overgangNietToegestaan: 'Een actie met status "{van}" kan niet naar "{naar}". Kies {toegestaan}.',

  // Consistency of a whole plan or portfolio (validatePlan, validatePortfolio)
  actienummerDubbel: 'Het actienummer {nummer} komt meer dan één keer voor; maak elk nummer uniek.',
  adviesnummerDubbel: 'Advies {nummer} komt meer dan één keer voor; maak elk nummer uniek.',
  bevindingnummerDubbel: 'Bevinding {nummer} komt meer dan één keer voor; maak elk nummer uniek.',
  adviesOnbekend: 'Actie {actie} hoort bij advies {advies}, maar dat advies bestaat niet. Kies een bestaand advies.',
  samenhangOnbekend:
    'Advies {advies} staat in samenhang met advies {ander}, maar dat advies bestaat niet. Verwijder of corrigeer de samenhang.',
  afhankelijkheidOnbekend:
    'Actie {actie} is afhankelijk van actie {nodig}, maar die actie bestaat niet. Verwijder of corrigeer de afhankelijkheid.',
  bevindingOnbekend:
    'Actie {actie} is gekoppeld aan bevinding {bevinding}, maar die bevinding bestaat niet. Verwijder of corrigeer de koppeling.',
  afhankelijkheidsKring:
    'De afhankelijkheden vormen een kring ({kring}); een actie kan niet via andere acties op zichzelf wachten. Haal één afhankelijkheid weg.',
  alVervallen: 'Actie {nummer} is al vervallen.',
  sleutelDubbel: 'De sleutel "{sleutel}" komt meer dan één keer voor; maak elke sleutel uniek.',
  gekoppeldeActieOnbekend:
    'Portfolio-item "{item}" is gekoppeld aan actie {actie}, maar die actie bestaat niet. Verwijder of corrigeer de koppeling.',
  kwartaaldoelPortfolioOnbekend:
    'Het kwartaaldoel hoort bij portfolio-item "{sleutel}", maar dat item bestaat niet. Koppel het aan een bestaand item.',

  // Escalation to the CMT (agendering.ts)
  agenderingRedenVerplicht: 'Geef een reden: waarom moet het CMT deze actie bespreken?',
  agenderingRedenTeLang: `De reden mag maximaal ${TEXT_MAX.statusToelichting} tekens lang zijn.`,
  agenderingBesluitTeLang: `Een besluit mag maximaal ${TEXT_MAX.besluit} tekens lang zijn.`,
  agenderingGeenDomeinVanActie:
    'Actie {actie} hoort niet bij {domein}; een MT agendeert alleen acties van het eigen domein.',
  agenderingConcern: 'Het CMT agendeert niet bij zichzelf: agenderen in het CMT doet het MT van een domein.',
  agenderingVervallen: 'Actie {actie} is vervallen en kan niet meer worden geagendeerd.',
  agenderingAlGeagendeerd: 'Actie {actie} staat al sinds {op} op de agenda van het CMT voor {domein}.',
  agenderingAlBesproken: 'Het CMT heeft actie {actie} al als besproken afgevinkt.',

  // The schedule picker (schedule-choice.ts)
  keuzeGeenVergaderdag: 'Kies minstens één vergaderdag.',
  keuzeTijdOngeldig: 'Vul de tijd in als uu:mm, bijvoorbeeld 09:00.',
  keuzeElkeWekenOngeldig: 'Kies elke 1 tot {max} weken.',
  keuzeEersteDatumOngeldig: 'Vul de datum van de eerste vergadering in (bijvoorbeeld 2027-01-05).',
  keuzeEersteDatumGeenVergaderdag: 'De eerste vergadering valt niet op een gekozen vergaderdag.',
  keuzeVervallenOngeldig: 'Deze vervallen datum klopt niet: {datums}. Schrijf JJJJ-MM-DD.',
  keuzeVervallenVoorEerste: 'Een vervallen datum ligt vóór de eerste vergadering.',

  // A field of an item as stored, read tolerantly (data/lists/field-reader.ts); {veld} is the column's name
  veldLeeg: 'Het veld {veld} is leeg.',
  veldOnverwacht: 'Het veld {veld} heeft een onverwachte waarde.',
  veldGeenGetal: 'Het veld {veld} is geen getal.',
  veldGeenJaNee: 'Het veld {veld} is geen ja of nee.',
  veldGeenNummerlijst: 'Het veld {veld} is geen lijst van nummers.',
  veldOnbekendeWaarde: "Onbekende waarde '{waarde}' in {veld}.",
  veldGeenDatum: 'Het veld {veld} is geen geldige datum.',
  veldPersoonOnbekend: 'De persoon in {veld} is niet (meer) bekend op de site.',
  veldKoppelingWeg: 'Het gekoppelde item {id} in {veld} bestaat niet meer.',
} as const;

/** The name of one domain message. */
export type DomainMessageKey = keyof typeof messageTemplatesNl;

/** The messages that take values, each with the values it names. */
const withParams = {
  schemaVervallenOngeldig: (regel: string) => ({ key: 'schemaVervallenOngeldig', params: { regel } }) as const,
  schemaStartOngeldig: (regel: string) => ({ key: 'schemaStartOngeldig', params: { regel } }) as const,
  schemaOnderdeelOngeldig: (onderdeel: string) => ({ key: 'schemaOnderdeelOngeldig', params: { onderdeel } }) as const,
  adviesNietOpSite: (advies: number) => ({ key: 'adviesNietOpSite', params: { advies } }) as const,
  actieHoortNietBijDomein: (actie: string, domein: string) =>
    ({ key: 'actieHoortNietBijDomein', params: { actie, domein } }) as const,
  actieBestaatNiet: (actie: string) => ({ key: 'actieBestaatNiet', params: { actie } }) as const,
  portfolioItemBestaatNiet: (sleutel: string) => ({ key: 'portfolioItemBestaatNiet', params: { sleutel } }) as const,
  mtSleutelBestaat: (sleutel: string) => ({ key: 'mtSleutelBestaat', params: { sleutel } }) as const,
  mtNaamBestaat: (naam: string) => ({ key: 'mtNaamBestaat', params: { naam } }) as const,
  zelfdeStatus: (status: ActieStatus) => ({ key: 'zelfdeStatus', params: { status } }) as const,
  overgangNietToegestaan: (van: ActieStatus, naar: ActieStatus, toegestaan: readonly ActieStatus[]) =>
    ({ key: 'overgangNietToegestaan', params: { van, naar, toegestaan } }) as const,
  actienummerDubbel: (nummer: string) => ({ key: 'actienummerDubbel', params: { nummer } }) as const,
  adviesnummerDubbel: (nummer: number) => ({ key: 'adviesnummerDubbel', params: { nummer } }) as const,
  bevindingnummerDubbel: (nummer: number) => ({ key: 'bevindingnummerDubbel', params: { nummer } }) as const,
  adviesOnbekend: (actie: string, advies: number) => ({ key: 'adviesOnbekend', params: { actie, advies } }) as const,
  samenhangOnbekend: (advies: number, ander: number) =>
    ({ key: 'samenhangOnbekend', params: { advies, ander } }) as const,
  afhankelijkheidOnbekend: (actie: string, nodig: string) =>
    ({ key: 'afhankelijkheidOnbekend', params: { actie, nodig } }) as const,
  bevindingOnbekend: (actie: string, bevinding: number) =>
    ({ key: 'bevindingOnbekend', params: { actie, bevinding } }) as const,
  afhankelijkheidsKring: (kring: readonly string[]) => ({ key: 'afhankelijkheidsKring', params: { kring } }) as const,
  alVervallen: (nummer: string) => ({ key: 'alVervallen', params: { nummer } }) as const,
  sleutelDubbel: (sleutel: string) => ({ key: 'sleutelDubbel', params: { sleutel } }) as const,
  gekoppeldeActieOnbekend: (item: string, actie: string) =>
    ({ key: 'gekoppeldeActieOnbekend', params: { item, actie } }) as const,
  kwartaaldoelPortfolioOnbekend: (sleutel: string) =>
    ({ key: 'kwartaaldoelPortfolioOnbekend', params: { sleutel } }) as const,

  agenderingGeenDomeinVanActie: (actie: string, domein: Domein) =>
    ({ key: 'agenderingGeenDomeinVanActie', params: { actie, domein } }) as const,
  agenderingVervallen: (actie: string) => ({ key: 'agenderingVervallen', params: { actie } }) as const,
  /** `op`: the date (jjjj-mm-dd) the open escalation was made. */
  agenderingAlGeagendeerd: (actie: string, domein: Domein, op: string) =>
    ({ key: 'agenderingAlGeagendeerd', params: { actie, domein, op } }) as const,
  agenderingAlBesproken: (actie: string) => ({ key: 'agenderingAlBesproken', params: { actie } }) as const,

  keuzeElkeWekenOngeldig: (max: number) => ({ key: 'keuzeElkeWekenOngeldig', params: { max } }) as const,
  keuzeVervallenOngeldig: (datums: readonly string[]) =>
    ({ key: 'keuzeVervallenOngeldig', params: { datums: datums.join(', ') } }) as const,

  veldLeeg: (veld: string) => ({ key: 'veldLeeg', params: { veld } }) as const,
  veldOnverwacht: (veld: string) => ({ key: 'veldOnverwacht', params: { veld } }) as const,
  veldGeenGetal: (veld: string) => ({ key: 'veldGeenGetal', params: { veld } }) as const,
  veldGeenJaNee: (veld: string) => ({ key: 'veldGeenJaNee', params: { veld } }) as const,
  veldGeenNummerlijst: (veld: string) => ({ key: 'veldGeenNummerlijst', params: { veld } }) as const,
  veldOnbekendeWaarde: (veld: string, waarde: string) =>
    ({ key: 'veldOnbekendeWaarde', params: { veld, waarde } }) as const,
  veldGeenDatum: (veld: string) => ({ key: 'veldGeenDatum', params: { veld } }) as const,
  veldPersoonOnbekend: (veld: string) => ({ key: 'veldPersoonOnbekend', params: { veld } }) as const,
  veldKoppelingWeg: (veld: string, id: string) => ({ key: 'veldKoppelingWeg', params: { veld, id } }) as const,
} satisfies { [K in DomainMessageKey]?: (...args: never[]) => { key: K; params: object } };

type ParamKey = keyof typeof withParams;
type FixedKey = Exclude<DomainMessageKey, ParamKey>;

/** The values each message with values takes. */
export type MessageParams = { [K in ParamKey]: ReturnType<(typeof withParams)[K]>['params'] };

/** One message of the domain: its key and, for the messages that take them, its values. */
export type DomainMessage = { [K in FixedKey]: { key: K } }[FixedKey] | ReturnType<(typeof withParams)[ParamKey]>;

const fixedMessages = Object.fromEntries(
  (Object.keys(messageTemplatesNl) as DomainMessageKey[])
    .filter((key) => !(key in withParams))
    .map((key) => [key, { key }]),
) as { [K in FixedKey]: { key: K } };

/**
 * Every message the domain gives, by name: a fixed message is its value (`validationMessages.titelVerplicht`), a
 * message with values a function that makes it (`validationMessages.zelfdeStatus('Loopt')`).
 */
export const validationMessages = { ...fixedMessages, ...withParams };

/**
 * How an adapter says the values of a message: its locale (lists) and its words for a status and for a domain (a
 * `domein` value; the values quoted from a file, such as `waarde`, stay as the file has them).
 */
export type MessageFormat = {
  locale: string;
  status: (status: ActieStatus) => string;
  domein?: (domein: Domein) => string;
};

const DUTCH: MessageFormat = { locale: 'nl', status: (s) => s };

/**
 * The values of a message as text for its template: a status in the adapter's words; the allowed statuses each
 * quoted, as "A", "B" or "C" in the locale's words; a dependency cycle as 6.1 → 6.2 → 6.1.
 */
export function messageValues(message: DomainMessage, format: MessageFormat = DUTCH): Record<string, string | number> {
  if (!('params' in message)) return {};
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params) as [string, unknown][]) {
    if (name === 'status' || name === 'van' || name === 'naar') values[name] = format.status(value as ActieStatus);
    else if (name === 'toegestaan')
      values[name] = new Intl.ListFormat(format.locale, { type: 'disjunction' }).format(
        (value as readonly ActieStatus[]).map((s) => `"${format.status(s)}"`),
      );
    else if (name === 'kring') values[name] = (value as readonly string[]).join(' → ');
    else if (name === 'domein' && format.domein) values[name] = format.domein(value as Domein);
    else values[name] = value as string | number;
  }
  return values;
}

/** Fills a template's `{name}` placeholders with the message's values. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A message in Dutch, for the adapters that speak only Dutch (store errors, the bot's card, the CLI). The tab uses its
 * catalogues instead, in the UI's language.
 */
export function messageText(message: DomainMessage): string {
  return fillTemplate(messageTemplatesNl[message.key], messageValues(message));
}
