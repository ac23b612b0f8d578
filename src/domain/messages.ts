/**
 * Every Dutch sentence the domain can say about invalid input or a refused status change, in one place,
 * so the UI shows the same words everywhere and a test can prove each one is reachable.
 * A message tells the user what to do, not what went wrong inside the code.
 */
import type { ActieStatus } from './model.js';
import { TEKST_MAX } from './text-limits.js';

function quoted(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} of ${q[q.length - 1] ?? ''}`;
}

export const validationMessages = {
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
  statusToelichtingTeLang: `De toelichting bij de status mag maximaal ${TEKST_MAX.statusToelichting} tekens lang zijn.`,
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
  themaOngeldig: 'Kies een thema uit de lijst (A, B of C).',
  collegePlanningTeLang: 'De planning van het college mag maximaal 255 tekens lang zijn.',
  samenhangGeenLijst: 'De samenhangende adviezen moeten een lijst van adviesnummers zijn.',
  samenhangVerwijzingOngeldig: 'Een samenhangend advies moet een positief geheel getal zijn, bijvoorbeeld 3.',
  samenhangDubbel: 'Noem elk samenhangend advies maar één keer.',
  samenhangMetZichzelf: 'Een advies kan niet in samenhang met zichzelf staan.',
  collegeReactieTeLang: `De reactie van het college mag maximaal ${TEKST_MAX.collegeReactie} tekens lang zijn.`,

  // Bevinding
  bevindingnummerOngeldig: 'Het nummer van de bevinding moet een positief geheel getal zijn.',
  bevindingToelichtingTeLang: `De toelichting bij de bevinding mag maximaal ${TEKST_MAX.bevindingToelichting} tekens lang zijn.`,

  // PortfolioItem
  faseOngeldig: 'Kies een fase uit de lijst.',
  portfolioStatusOngeldig: 'Kies een portfoliostatus uit de lijst (Op koers, Aandacht of Kritiek).',
  toelichtingKritiek: 'Geef een toelichting: bij portfoliostatus Kritiek is een reden verplicht.',
  omschrijvingTeLang: `De omschrijving mag maximaal ${TEKST_MAX.omschrijving} tekens lang zijn.`,
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
  doelTeLang: `Het doel mag maximaal ${TEKST_MAX.kwartaaldoel} tekens lang zijn.`,
  redenTeLang: `De reden mag maximaal ${TEKST_MAX.reden} tekens lang zijn.`,
  behaaldOngeldig: 'Kies of het doel ja, deels of nee behaald is.',
  redenVerplicht: 'Geef een reden: waarom is het doel niet (volledig) behaald?',

  // MT
  mtNaamVerplicht: 'Geef de naam van het MT.',
  mtNaamTeLang: 'De naam van het MT mag maximaal 255 tekens lang zijn.',
  schemaOngeldig:
    'Het vergaderschema moet een herhaalregel (RRULE) zijn, bijvoorbeeld FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=30.',
  schemaZonderStart:
    'Geef een startmoment op (DTSTART;TZID=Europe/Amsterdam:…) als het schema niet elke periode terugkomt (INTERVAL groter dan 1) of geen vergaderdag (BYDAY) noemt; anders is onduidelijk wanneer het MT vergadert.',
  schemaZonderTijd: 'Geef de aanvangstijd van het MT op (BYHOUR en BYMINUTE, of een DTSTART met tijd).',
  voorlooptijdOngeldig: 'De voorlooptijd moet een geheel aantal minuten zijn, 0 of meer.',
  actiefOngeldig: 'Geef met ja of nee aan of het MT actief is.',

  // Status transitions (status.ts)
  zelfdeStatus: (status: ActieStatus): string => `De actie heeft de status "${status}" al; kies een andere status.`,
  overgangNietToegestaan: (from: ActieStatus, to: ActieStatus, toegestaan: readonly ActieStatus[]): string =>
    `Een actie met status "${from}" kan niet naar "${to}". Kies ${quoted(toegestaan)}.`,

  // Consistency of a whole plan or portfolio (validatePlan, validatePortfolio)
  actienummerDubbel: (nummer: string): string =>
    `Het actienummer ${nummer} komt meer dan één keer voor; maak elk nummer uniek.`,
  adviesnummerDubbel: (nummer: number): string =>
    `Advies ${nummer} komt meer dan één keer voor; maak elk nummer uniek.`,
  bevindingnummerDubbel: (nummer: number): string =>
    `Bevinding ${nummer} komt meer dan één keer voor; maak elk nummer uniek.`,
  adviesOnbekend: (actie: string, advies: number): string =>
    `Actie ${actie} hoort bij advies ${advies}, maar dat advies bestaat niet. Kies een bestaand advies.`,
  samenhangOnbekend: (advies: number, ander: number): string =>
    `Advies ${advies} staat in samenhang met advies ${ander}, maar dat advies bestaat niet. Verwijder of corrigeer de samenhang.`,
  afhankelijkheidOnbekend: (actie: string, van: string): string =>
    `Actie ${actie} is afhankelijk van actie ${van}, maar die actie bestaat niet. Verwijder of corrigeer de afhankelijkheid.`,
  bevindingOnbekend: (actie: string, bevinding: number): string =>
    `Actie ${actie} is gekoppeld aan bevinding ${bevinding}, maar die bevinding bestaat niet. Verwijder of corrigeer de koppeling.`,
  afhankelijkheidsKring: (kring: readonly string[]): string =>
    `De afhankelijkheden vormen een kring (${kring.join(' → ')}); een actie kan niet via andere acties op zichzelf wachten. Haal één afhankelijkheid weg.`,
  alVervallen: (nummer: string): string => `Actie ${nummer} is al vervallen.`,
  sleutelDubbel: (sleutel: string): string =>
    `De sleutel "${sleutel}" komt meer dan één keer voor; maak elke sleutel uniek.`,
  gekoppeldeActieOnbekend: (item: string, actie: string): string =>
    `Portfolio-item "${item}" is gekoppeld aan actie ${actie}, maar die actie bestaat niet. Verwijder of corrigeer de koppeling.`,
  kwartaaldoelPortfolioOnbekend: (sleutel: string): string =>
    `Het kwartaaldoel hoort bij portfolio-item "${sleutel}", maar dat item bestaat niet. Koppel het aan een bestaand item.`,
} as const;

/** The name of one message in `validationMessages`. */
export type ValidationMessageKey = keyof typeof validationMessages;

const KEY_OF_MESSAGE: ReadonlyMap<string, ValidationMessageKey> = new Map(
  (Object.entries(validationMessages) as [ValidationMessageKey, unknown][]).flatMap(([key, value]) =>
    typeof value === 'string' ? [[value, key] as const] : [],
  ),
);

/**
 * The key of a fixed validation message (not of one that takes values), so that a UI in another language can show
 * its own words for it; `undefined` for any other text.
 */
export function validationMessageKey(message: string): ValidationMessageKey | undefined {
  return KEY_OF_MESSAGE.get(message);
}
