/**
 * Zoetermeer's action plan for digital leadership, as data: the seed of a new site and the demo's content.
 *
 * Sources (../../../docs and the seeds):
 * - 000: the college's response to the 213a research, with its reaction and planning per recommendation;
 * - 001: the research report by Mobilee (9 findings, 11 recommendations, 33 actions, roadmap, appendices);
 * - 002: budget 2026 (Bedrijfsvoeringdashboard 2.0, RPA, informatiebeheer via SharePoint, nieuw zaaksysteem,
 *   herziening Archiefwet, HR-analytics), used for the sample ICT portfolio;
 * - 003: the governance notes (the CMT meets weekly).
 * docs/decisions.md fixes how the report is read: the plateau per action, the domains, the seed statuses, the deadlines
 * from the planning text and the findings → actions table. Every field here is data the users can change later.
 * People are roles (the sandbox's personas), never names.
 */
import type {
  Actie,
  Advies,
  Bevinding,
  Domein,
  Kwartaaldoel,
  MT,
  PersonRef,
  Plan,
  PortfolioItem,
  ThemaCode,
} from '../model.js';
import { hasDomeinVoortgang, type DomeinVoortgang } from '../domein-voortgang.js';
import { THEMAS } from '../themas.js';
import { createCitations, type Citation } from './citations.js';

/**
 * The roles that exist as personas (site users) in the sandbox; the plan's owners are always one of these. The
 * concerncontroller is the directeur Bedrijfsvoering (003:600), one person, so no persona of its own. An action gets an
 * owner only where a seed names one; elsewhere it stays without one ("Zonder eigenaar"), for the CMT to resolve.
 */
export const PERSONA_ROLES = [
  'Gemeentesecretaris',
  'Directeur Bedrijfsvoering',
  'Directeur Dienstverlening',
  'Directeur Fysiek Domein',
  'Directeur Sociaal Domein',
  'Informatiemanager Bedrijfsvoering',
  'Informatiemanager Dienstverlening',
  'Informatiemanager Fysiek Domein',
  'Informatiemanager Sociaal Domein',
  'Afdelingshoofd Dienstverlening',
  'Afdelingshoofd HR',
  'Portfoliomanager I&A',
  'Manager I&A',
  'Programmamanager Digitaal Samenwerken',
  'Programmamanager Datagedreven Werken',
  'Secretaris CMT',
] as const;
export type PersonaRole = (typeof PERSONA_ROLES)[number];

/** A person known only by role, as the seed knows them. */
function rol(naam: PersonaRole): PersonRef {
  return { displayName: naam };
}

const BUSINESS_DOMEINEN: Domein[] = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein'];
const CONCERN: Domein[] = ['Concern'];

/**
 * Every quoted text of this plan with the seed passage it comes from (document:lines). The unit test
 * `plan-citations.test.ts` reads each one back from the seed documents and fails when it is not there verbatim.
 */
const citaten = createCitations();
const uit = citaten.uit;
export const zoetermeerCitations: readonly Citation[] = citaten.lijst;

/**
 * The adviezen an advies is taken up together with, from the college's own words: records the passage and returns the
 * numbers, which must each be named in it ("in samenhang met aanbeveling 3 en 5" → [3, 5]).
 */
function samenhang(waar: string, ref: string, tekst: string, nummers: number[]): number[] {
  const genoemd = new Set((tekst.match(/\d+/g) ?? []).map(Number));
  const missing = nummers.filter((n) => !genoemd.has(n));
  if (missing.length > 0) throw new Error(`${waar}: ${missing.join(', ')} not named in "${tekst}"`);
  uit(`${waar}: samenhangMet`, ref, tekst);
  return nummers;
}

/**
 * The theme a finding is discussed under, from the label that closes its appendix page: records the passage and
 * returns the theme's code, so a label that is no theme's name fails at load.
 */
function themaVan(waar: string, ref: string, label: string): ThemaCode {
  const thema = THEMAS.find((t) => t.naam === label);
  if (!thema) throw new Error(`${waar}: "${label}" is not the name of a theme`);
  uit(`${waar}: thema`, ref, label);
  return thema.code;
}

/** The college's planning per recommendation, verbatim from 000 (recommendation 9 has none). */
const PLANNING = {
  1: uit('advies 1: collegePlanning', '000:76', 'Geheel 2025'),
  2: uit('advies 2: collegePlanning', '000:82', 'Loopt reeds'),
  3: uit('advies 3: collegePlanning', '000:88', '1e halfjaar 2025 en verder'),
  4: uit('advies 4: collegePlanning', '000:99', 'Vanaf 2026'),
  5: uit('advies 5: collegePlanning', '000:104', '1e halfjaar 2025 en verder'),
  6: uit('advies 6: collegePlanning', '000:108', 'Blijft onder de aandacht'),
  7: uit('advies 7: collegePlanning', '000:113', '1e halfjaar 2025'),
  8: uit('advies 8: collegePlanning', '000:118', '2025 en verder'),
  9: '',
  10: uit('advies 10: collegePlanning', '000:127', '1e halfjaar 2025 en verder'),
  11: uit('advies 11: collegePlanning', '000:133', 'Geheel 2025 en verder'),
} as const;

/** Running tracks (lopende trajecten) named in the college's response. */
const TRAJECT = {
  dataEnProcessen: 'Lopende trajecten data en processen',
  handsOn: 'Lopende trajecten (invulling hands-on ondersteuning)',
  proceseigenaren: 'Proceseigenaren kernprocessen en projectmatige aanpak bij concernbrede ontwikkelingen',
  leiderschap: 'Leiderschapstraject',
  digitaalSamenwerken: 'Digitaal Samenwerken',
  ondersteuningDigitaalSamenwerken: 'Alleen de ondersteuning: Digitaal Samenwerken',
} as const;

const ADVIEZEN: Advies[] = [
  {
    nummer: 1,
    titel: uit('advies 1: titel', '001:744', 'Gemeenschappelijke visie & roadmap digitalisering'),
    omschrijving: uit(
      'advies 1: omschrijving',
      '001:746-750',
      'Een gezamenlijke roadmap biedt leidinggevenden het overzicht en de grip die nodig zijn om keuzes te maken en digitalisering effectief te sturen.',
    ),
    thema: 'A',
    plateau: 'Randvoorwaardelijk',
    collegeReactie: uit(
      'advies 1: collegeReactie',
      '000:74-75',
      'Het college onderschrijft het belang van een heldere digitale roadmap-ICT per businessdomein en zal deze aanbeveling in samenhang met aanbeveling 3 en 5 oppakken.',
    ),
    collegePlanning: PLANNING[1],
    samenhangMet: samenhang('advies 1', '000:75', 'in samenhang met aanbeveling 3 en 5', [3, 5]),
  },
  {
    nummer: 2,
    titel: uit('advies 2: titel', '001:1064', 'Basis processen en data op orde brengen en houden'),
    omschrijving: uit(
      'advies 2: omschrijving',
      '001:754-758',
      'Het op orde brengen van de basis helpt de waan van de dag te verminderen en creëert ruimte voor innovatie, waardoor leidinggevenden beter kunnen focussen op strategische doelen.',
    ),
    thema: 'A',
    plateau: 'Randvoorwaardelijk',
    collegeReactie: uit(
      'advies 2: collegeReactie',
      '000:79-81',
      'Lopende trajecten richten zich reeds op verbeteringen in data en processen. Het college kiest ervoor op deze trajecten te sturen en signalering via reguliere lijnen te laten verlopen, zonder een nieuw traject met 0-metingen op te starten.',
    ),
    collegePlanning: PLANNING[2],
  },
  {
    nummer: 3,
    titel: uit('advies 3: titel', '001:760', 'Versterken positionering en zichtbaarheid IMO'),
    omschrijving: uit(
      'advies 3: omschrijving',
      '001:762-766',
      'Verduidelijk verwachtingen m.b.t. IMO, bevorder actieve communicatie naar MT’s, en maak prioritering en besluiten toegankelijker voor stakeholders.',
    ),
    thema: 'A',
    plateau: 'Randvoorwaardelijk',
    collegeReactie: uit(
      'advies 3: collegeReactie',
      '000:85-87',
      'De positie en communicatie van het Informatie Management Overleg (IMO) worden versterkt en geagendeerd binnen de managementlagen. De IMO-leden spelen een actieve rol bij de implementatie van de aanbevelingen van het onderzoeksbureau.',
    ),
    collegePlanning: PLANNING[3],
  },
  {
    nummer: 4,
    titel: uit('advies 4: titel', '001:768', 'Innovatie apart positioneren van dagelijkse operatie'),
    omschrijving: uit(
      'advies 4: omschrijving',
      '001:770-776',
      'Overweeg om innovatie apart te positioneren naast de dagelijkse operatie, waardoor het niet hoeft te concurreren met de waan van de dag. Dit scenario heeft voor- en nadelen, en er zijn verschillende scenario’s mogelijk.',
    ),
    thema: 'A',
    plateau: 'Excelleren',
    collegeReactie: uit(
      'advies 4: collegeReactie',
      '000:97-98',
      'Het college erkent de noodzaak van een duidelijke positionering van innovatie en zal deze aanbeveling opnemen in toekomstige innovatietrajecten.',
    ),
    collegePlanning: PLANNING[4],
  },
  {
    nummer: 5,
    titel: uit('advies 5: titel', '001:780', 'Versterken informatiemanagement'),
    omschrijving: uit(
      'advies 5: omschrijving',
      '001:781-787',
      'De informatiemanagers moeten voor het MT van het business domein vertrouwde adviseurs zijn mbt digitalisering. Zij kunnen het business domein vertegenwoordigen richting de I&A organisatie en voeren de regie over de ontwikkeling van een gemeenschappelijke visie en roadmap voor het business domein. De informatie-managers nemen regelmatig deel aan het business MT en zijn op de hoogte van belangrijke business doelen en ontwikkelingen',
    ),
    thema: 'B',
    plateau: 'Fundament versterken',
    collegeReactie: uit(
      'advies 5: collegeReactie',
      '000:102-103',
      'De informatiemanagers worden verder gepositioneerd als strategische adviseurs en aanspreekpunt binnen hun businessdomeinen.',
    ),
    collegePlanning: PLANNING[5],
  },
  {
    nummer: 6,
    titel: uit('advies 6: titel', '001:1074', 'Gezamenlijk voortraject'),
    omschrijving: uit(
      'advies 6: omschrijving',
      '001:790-792',
      'Investeer in een gedegen voortraject waarin business- en digitaliseringsprofessionals samen met I&A een gezamenlijk beeld ontwikkelen van het vraagstuk en de gewenste oplossingsrichting',
    ),
    thema: 'B',
    plateau: 'Fundament versterken',
    collegeReactie: uit(
      'advies 6: collegeReactie',
      '000:107',
      'Bestaande afspraken worden verder gecommuniceerd en de naleving ervan krijgt extra aandacht.',
    ),
    collegePlanning: PLANNING[6],
  },
  {
    nummer: 7,
    titel: uit('advies 7: titel', '001:794', 'Hands-on ondersteuning'),
    omschrijving: uit(
      'advies 7: omschrijving',
      '001:796-800',
      'Zet de praktische ervaring van de ondersteuners in bij de vertaling naar de praktijk en maak hierbij de wederzijdse verwachtingen tussen leidinggevenden en ondersteuners expliciet.',
    ),
    thema: 'B',
    plateau: 'Fundament versterken',
    collegeReactie: uit(
      'advies 7: collegeReactie',
      '000:111-112',
      'De nadere invulling van deze ondersteuning wordt meegenomen in lopende trajecten, waarbij verwachtingen tussen leidinggevenden en ondersteuners worden verduidelijkt.',
    ),
    collegePlanning: PLANNING[7],
  },
  {
    nummer: 8,
    titel: uit('advies 8: titel', '001:802', 'Organiseren kennisdeling en externe inspiratie'),
    omschrijving: uit(
      'advies 8: omschrijving',
      '001:804-810',
      "Richt een netwerk op voor kennisdeling tussen gemeenten en andere overheidsorganisaties, en ontwikkel een leeragenda met relevante digitaliseringsthema's gericht op zowel interne als externe kennisdeling en inspiratie.",
    ),
    thema: 'B',
    plateau: 'Verbeteren',
    collegeReactie: uit(
      'advies 8: collegeReactie',
      '000:116-117',
      'Kennisdeling wordt gestimuleerd via inspiratiesessies en samenwerking met bestaande netwerken en andere gemeenten.',
    ),
    collegePlanning: PLANNING[8],
  },
  {
    nummer: 9,
    titel: uit('advies 9: titel', '001:812', 'Organiseren afdelingsoverstijgende processen'),
    omschrijving: uit(
      'advies 9: omschrijving',
      '001:814-820',
      'Identificeer essentiële afdelingsoverstijgende processen voor samenwerking, voer een experiment uit met een multidisciplinair team, en ontwikkel een plan voor procesgericht organiseren op basis van deze ervaringen.',
    ),
    thema: 'B',
    plateau: 'Excelleren',
    // The college gave no planning for 9; the UI says so in its own words, never inside the quote.
    collegeReactie: uit(
      'advies 9: collegeReactie',
      '000:121-122',
      'Deze aanpak is reeds onderdeel van de organisatie, met proceseigenaren voor kernprocessen en een projectmatige aanpak bij concernbrede ontwikkelingen.',
    ),
    collegePlanning: PLANNING[9],
  },
  {
    nummer: 10,
    titel: uit('advies 10: titel', '001:1084', 'Versterken opdrachtgeverschap en eigenaarschap'),
    omschrijving: uit(
      'advies 10: omschrijving',
      '001:825-835',
      'Voor blijvend succes van verbeterinitiatieven is goed eigenaarschap en effectieve roluitvoering cruciaal, ondersteund door training en rolcoaching, duidelijke omschrijving van rollen en verantwoordelijkheden, en een vaste projectstructuur.',
    ),
    thema: 'C',
    plateau: 'Randvoorwaardelijk',
    collegeReactie: uit(
      'advies 10: collegeReactie',
      '000:125-126',
      'Dit wordt geïntegreerd in het lopende leiderschapstraject en gekoppeld aan de sturingsfilosofie van de organisatie.',
    ),
    collegePlanning: PLANNING[10],
  },
  {
    nummer: 11,
    titel: uit('advies 11: titel', '001:1086', 'Voortdurend aandacht voor digitalisering en digitaal leiderschap'),
    omschrijving: uit(
      'advies 11: omschrijving',
      '001:841-851',
      'Integreer digitale competenties in profielen van leidinggevenden en ondersteuners, bevorder bewustzijn en ontwikkeling van digitale vaardigheden, houd gesprekken over digitaal leiderschap gaande in lijn met de i-visie en maak digitalisering een vast thema in MT-vergaderingen',
    ),
    thema: 'C',
    plateau: 'Randvoorwaardelijk',
    collegeReactie: uit(
      'advies 11: collegeReactie',
      '000:130-132',
      'Het belang van digitalisering wordt expliciet op de agenda gezet, met aandacht voor digitale competenties binnen het management en ondersteuning via bestaande teams en lopende trajecten zoals Digitaal Samenwerken.',
    ),
    collegePlanning: PLANNING[11],
  },
];

/** The nine findings as the report's overview slide has them (001:649–735); 9's title as its appendix has it. */
const BEVINDINGEN: Bevinding[] = [
  {
    nummer: 1,
    titel: uit('bevinding 1: titel', '001:651', 'Praat je erover of ga je erover?'),
    toelichting: uit(
      'bevinding 1: toelichting',
      '001:653-659',
      'Veranderinitiatieven leiden vaak niet tot de gewenste resultaten door onduidelijkheid en inconsistentie in de rollen van eigenaar en opdrachtgever, ondanks dat succesverhalen juist worden gekoppeld aan goed opdrachtgeverschap, heldere doelen en strak projectmanagement.',
    ),
    thema: themaVan('bevinding 1', '001:1366', 'Structuur versterken'),
  },
  {
    nummer: 2,
    titel: uit('bevinding 2: titel', '001:661', 'Basis op orde houden of vernieuwen?'),
    toelichting: uit(
      'bevinding 2: toelichting',
      '001:663-669',
      'Het is complex om de balans te vinden tussen het op orde houden van de basis voor datagedreven werken en het investeren in innovatie binnen de gemeente Zoetermeer, wat leidt tot lange doorlooptijden en frustratie door onduidelijk data-eigenaarschap en gebrekkige datakwaliteit.',
    ),
    thema: themaVan('bevinding 2', '001:1474', 'Structuur versterken'),
  },
  {
    nummer: 3,
    titel: uit('bevinding 3: titel', '001:671', 'Fragmentatie door onvoldoende focus'),
    toelichting: uit(
      'bevinding 3: toelichting',
      '001:673-675',
      'Gebrek aan transparantie in prioriteiten en portfoliomanagement leidt tot hoge werkdruk, en lange doorloop tijden binnen de gemeente.',
    ),
    thema: themaVan('bevinding 3', '001:1536', 'Structuur versterken'),
  },
  {
    nummer: 4,
    titel: uit('bevinding 4: titel', '001:677', 'Urgentie wint altijd van belang'),
    toelichting: uit(
      'bevinding 4: toelichting',
      '001:679-683',
      'Leidinggevenden ervaren dat urgente operationele zaken innovatie en basis op orde brengen en houden belemmeren, waardoor er onvoldoende ruimte en aandacht is voor vernieuwende initiatieven en het op orde houden van de basis.',
    ),
    thema: themaVan('bevinding 4', '001:1631', 'Structuur versterken'),
  },
  {
    nummer: 5,
    titel: uit('bevinding 5: titel', '001:687', 'Wij van de business en ‘hun’ van I&A (en vice versa)'),
    toelichting: uit(
      'bevinding 5: toelichting',
      '001:689-695',
      'Er ontbreekt een duidelijke gezamenlijke werkwijze tussen business en I&A, wat leidt tot onduidelijkheid over prioriteiten, inefficiënte processen, en wederzijds onbegrip m.b.t. elkaars expertise.',
    ),
    thema: themaVan('bevinding 5', '001:1742-1743', 'Verbinding organiseren'),
  },
  {
    nummer: 6,
    titel: uit('bevinding 6: titel', '001:697', 'Ieder zijn eigen oplossing'),
    toelichting: uit(
      'bevinding 6: toelichting',
      '001:699-703',
      'Gebrek aan samenwerking tussen afdelingen leidt tot verkokering, suboptimale oplossingen en gemiste kansen voor kennisdeling binnen de gemeente Zoetermeer.',
    ),
    thema: themaVan('bevinding 6', '001:1876-1877', 'Verbinding organiseren'),
  },
  {
    nummer: 7,
    titel: uit('bevinding 7: titel', '001:705', 'Gat tussen beleid en uitvoering'),
    toelichting: uit(
      'bevinding 7: toelichting',
      '001:707-713',
      'Leidinggevenden ervaren een kloof tussen beleid en praktijk door gebrek aan tijd, aandacht en ondersteuning van digitaal ondersteuners, vooral bij zaakgericht- en datagedreven werken.',
    ),
    thema: themaVan('bevinding 7', '001:1981-1982', 'Verbinding organiseren'),
  },
  {
    nummer: 8,
    titel: uit('bevinding 8: titel', '001:715', 'Overkomt het je of stuur je?'),
    toelichting: uit(
      'bevinding 8: toelichting',
      '001:717-723',
      'Leidinggevenden vragen zich af wat de digitaliseringsinitiatieven hen opleveren, wat het risico vergroot dat zij langs de zijlijn blijven staan in plaats van actief mee te doen.',
    ),
    thema: themaVan('bevinding 8', '001:2066', 'Continu leren'),
  },
  {
    nummer: 9,
    titel: uit('bevinding 9: titel', '001:2067', 'Ben je digitaal competent?'),
    toelichting: uit(
      'bevinding 9: toelichting',
      '001:727-735',
      'Ondanks hoge scores in de enquête, ervaren leidinggevenden en medewerkers een laag niveau van digitale competenties, wat niet centraal staat in ontwikkelgesprekken of sollicitatieprocedures binnen de gemeente.',
    ),
    thema: themaVan('bevinding 9', '001:2137', 'Continu leren'),
  },
];

/** The college's sentence on why 2.1 (0-metingen) is not taken up (000, recommendation 2). */
const REDEN_NIET_OVERGENOMEN_2_1 = uit(
  'actie 2.1: statusToelichting',
  '000:79-81',
  'Lopende trajecten richten zich reeds op verbeteringen in data en processen. Het college kiest ervoor op deze trajecten te sturen en signalering via reguliere lijnen te laten verlopen, zonder een nieuw traject met 0-metingen op te starten.',
);

/** The report describes 2.1, 2.2 and 2.3 together, in one appendix passage (001:1459–1464); each of the three carries it. */
const OMSCHRIJVING_2 = uit(
  'acties 2.1–2.3: omschrijving',
  '001:1461-1464',
  'Uitvoeren van 0-metingen, ontwikkelen plan van aanpak met maatregelen, organiseren uitvoering, inrichten kwaliteitssystemen en borgen proces, sturing door eigenaren vanuit 0-meting, terugkoppeling in MTs',
);

const ACTIES: Actie[] = [
  // 1. Gemeenschappelijke visie & roadmap digitalisering: "Geheel 2025" → 31-12-2025
  {
    nummer: '1.1',
    titel: uit('actie 1.1: titel', '001:889', 'Ontwikkelen gemeenschappelijke visie en roadmap per business domein'),
    omschrijving: uit(
      'actie 1.1: omschrijving',
      '001:1540-1544',
      'Per business domein ‘vertalen’ van de business visie / doelen van dat domein naar digitaliseringsbehoeften en –projecten. Koppelen van het huidige ICT portfolio. Samenwerking business domein en I&A is essentieel, de IMer kan hierin een belangrijke rol spelen. De roadmap is de basis voor (gezamenlijke) prioritering.',
    ),
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Niet gestart',
    deadline: '2025-12-31',
    planning: PLANNING[1],
    afhankelijkVan: [],
    bevindingen: [3, 4, 5],
  },
  {
    nummer: '1.2',
    titel: uit('actie 1.2: titel', '001:1545', 'ICT portfolio overzicht delen'),
    omschrijving: uit(
      'actie 1.2: omschrijving',
      '001:1546-1549',
      'Het ICT portfolio overzicht is aanwezig, maar wordt nog te weinig verspreid. Het structureel en vaker delen van het overzicht is een effectieve manier om op korte termijn een beter gezamenlijk beeld te krijgen van de lopende en belangrijke initiatieven.',
    ),
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    // The portfolio management role has the regie over prioritisation, quarter planning and communication about it (001:1555-1557).
    eigenaar: rol('Portfoliomanager I&A'),
    deadline: '2025-12-31',
    planning: PLANNING[1],
    afhankelijkVan: [],
    bevindingen: [3],
  },

  // 2. Basis op orde: "Loopt reeds" → no deadline; 2.1 not taken up, 2.2 and 2.3 in running tracks
  {
    nummer: '2.1',
    titel: uit('actie 2.1: titel', '001:897', 'Uitvoeren van 0-metingen basis op orde'),
    omschrijving: OMSCHRIJVING_2,
    advies: 2,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Niet overgenomen',
    statusToelichting: REDEN_NIET_OVERGENOMEN_2_1,
    planning: PLANNING[2],
    afhankelijkVan: [],
    bevindingen: [2],
  },
  {
    nummer: '2.2',
    titel: uit(
      'actie 2.2: titel',
      '001:899-900',
      'Ontwikkelen plan van aanpak basis op orde met maatregelen, organiseren uitvoering, inrichten kwaliteitssystemen en borgen proces',
    ),
    omschrijving: OMSCHRIJVING_2,
    advies: 2,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    planning: PLANNING[2],
    lopendTraject: TRAJECT.dataEnProcessen,
    afhankelijkVan: ['2.1'],
    bevindingen: [2],
  },
  {
    nummer: '2.3',
    titel: uit('actie 2.3: titel', '001:902', 'Sturing door eigenaren vanuit 0-meting, terugkoppeling in MTs'),
    omschrijving: OMSCHRIJVING_2,
    advies: 2,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    planning: PLANNING[2],
    lopendTraject: TRAJECT.dataEnProcessen,
    afhankelijkVan: ['2.1'],
    bevindingen: [2],
  },

  // 3. Positionering en zichtbaarheid IMO: "1e halfjaar 2025 en verder" → 30-06-2025
  {
    nummer: '3.1',
    titel: uit('actie 3.1: titel', '001:909', 'Verduidelijken portfolio management proces'),
    omschrijving: uit(
      'actie 3.1: omschrijving',
      '001:1551-1557',
      'Verduidelijken van de verantwoordelijkheden en onderlinge afspraken tussen Strategieoverleg, IMO en I&A, vooral met betrekking tot wie de prioriteiten en de kwartaalplanning vaststelt. Vervolgens het mandaat voor prioritering neerleggen bij IMO of bij het MT, waarbij het IMO een gedragen voorstel inbrengt. En de portfolio management rol verder versterken om regie te zetten op het proces van prioritering, kwartaalplanning en communicatie en terugkoppeling daarover.',
    ),
    advies: 3,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    // The portfolio management role has the regie over prioritisation, quarter planning and communication about it (001:1555-1557).
    eigenaar: rol('Portfoliomanager I&A'),
    deadline: '2025-06-30',
    planning: PLANNING[3],
    afhankelijkVan: [],
    bevindingen: [3, 5, 6],
  },
  {
    nummer: '3.2',
    titel: uit('actie 3.2: titel', '001:911', 'Heldere en eenduidige prioritering'),
    omschrijving: uit(
      'actie 3.2: omschrijving',
      '001:1522-1527',
      'Vaststellen van een duidelijk prioriteringskader dat door Strategieoverleg en IMO wordt gebruikt om heldere keuzes te maken wat wel en vooral ook wat NIET wordt opgepakt de komende periode. Dit moet duidelijk worden gecommuniceerd. Als wordt gewerkt aan niet-prio’s dan wordt daarop aangesproken.',
    ),
    advies: 3,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    deadline: '2025-06-30',
    planning: PLANNING[3],
    afhankelijkVan: ['1.1'],
    bevindingen: [3],
  },
  {
    nummer: '3.3',
    titel: uit('actie 3.3: titel', '001:913', 'Verbeteren terugkoppeling van IMO naar management en/of organisatie'),
    omschrijving: uit(
      'actie 3.3: omschrijving',
      '001:1531-1534',
      'Maken van duidelijke afspraken zodat de IMO-leden hun achterban informeren over roadmap, prioritering en kwartaalplanning. Dit omvat ook de voortgang van de kwartaalplanning: zijn de doelstellingen behaald? En zo niet, waarom is dit niet gelukt?',
    ),
    advies: 3,
    plateau: 'Fundament versterken',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Niet gestart',
    deadline: '2025-06-30',
    planning: PLANNING[3],
    afhankelijkVan: [],
    bevindingen: [3],
  },

  // 4. Innovatie apart positioneren: "Vanaf 2026" → no deadline, start 01-01-2026
  {
    nummer: '4.1',
    titel: uit('actie 4.1: titel', '001:919', 'Overwegen om innovatie apart te positioneren van dagelijkse operatie'),
    omschrijving: uit(
      'actie 4.1: omschrijving',
      '001:1583-1588',
      'Door innovatie ‘uit de operatie’ te halen, hoeft het niet meer te concurreren met de dagelijkse praktijk. Bovendien vraagt innovatie vaak ook om een andere mindset: creatief, ondernemend, nieuwsgierig, minder risicomijdend, wat aantrekkelijk is voor bepaalde medewerkers. Innovatie apart positioneren heeft echter ook nadelen. Een zorgvuldige afweging is daarom belangrijk.',
    ),
    advies: 4,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    start: '2026-01-01',
    planning: PLANNING[4],
    afhankelijkVan: [],
    bevindingen: [4],
  },

  // 5. Versterken informatiemanagement: "1e halfjaar 2025 en verder" → 30-06-2025
  {
    nummer: '5.1',
    titel: uit('actie 5.1: titel', '001:925', 'Positioneren informatiemanagement dichtbij business'),
    omschrijving: uit(
      'actie 5.1: omschrijving',
      '001:1666-1670',
      'Informatiemanagers positioneren als ‘trusted advisor’ van de business en als deelnemer van het business MT. De IMer faciliteert en ondersteunt bij de ontwikkeling van een gemeenschapelijke visie en roadmap en is het aanspreekpunt voor het business domein voor IV-behoeften en problemen. De IMer adviseert de IMO vanuit het Strategieoverleg',
    ),
    advies: 5,
    plateau: 'Fundament versterken',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Niet gestart',
    deadline: '2025-06-30',
    planning: PLANNING[5],
    afhankelijkVan: [],
    bevindingen: [5, 6],
  },

  // 6. Gezamenlijk voortraject: "Blijft onder de aandacht" → no deadline
  {
    nummer: '6.1',
    titel: uit('actie 6.1: titel', '001:931', 'Meer aandacht voor een gezamenlijk voortraject'),
    omschrijving: uit(
      'actie 6.1: omschrijving',
      '001:1787-1791',
      'Vroegtijdige samenwerking met I&A en andere stakeholders, gezamenlijk beeld ontwikkelen van het vraagstuk en de gewenste oplossingsrichting, sturen vanuit architectuur en ander relevant beleid (bijv. Informatiebeveiliging en privacy) om suboptimale oplossingen te voorkomen.',
    ),
    advies: 6,
    plateau: 'Verbeteren',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Niet gestart',
    planning: PLANNING[6],
    afhankelijkVan: [],
    bevindingen: [5, 6],
  },
  {
    nummer: '6.2',
    titel: uit('actie 6.2: titel', '001:933', 'Informatiemanager vroegtijdig betrekken'),
    omschrijving: uit(
      'actie 6.2: omschrijving',
      '001:1748-1753',
      'Bij nieuwe veranderinitiatieven is het van belang dat de informatiemanager en I&A tijdig wordt betrokken om gezamenlijk (business en ondersteuning) tot weloverwogen beslissingen te komen en bijvoorbeeld een nieuw initiatief op de ICT projectportfolio van I&A te krijgen waar nodig. Hiermee wordt voorkomen dat de samenwerking stroef verloopt en de leidinggeveneden alleen maar weerstand ervaren.',
    ),
    advies: 6,
    plateau: 'Fundament versterken',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Niet gestart',
    planning: PLANNING[6],
    afhankelijkVan: [],
    bevindingen: [5, 6],
  },

  // 7. Hands-on ondersteuning: "1e halfjaar 2025" → 30-06-2025; in running tracks
  {
    nummer: '7.1',
    titel: uit('actie 7.1: titel', '001:939', 'Hands-on ondersteuning bij basis op orde'),
    omschrijving: uit(
      'actie 7.1: omschrijving',
      '001:1467-1472',
      'De leidinggevenden hebben behoefte aan hands-on ondersteuning bij digitalisering. De eerste reflex zal zijn dat er extra capaciteit nodig is, maar wij denken dat er al een eerste stap gezet kan (moet!) worden door de ondersteuners uit te dagen om een stap verder te gaan. Niet alleen langs de zijlijn adviseren of signaleren, maar voordoen en meedoen!',
    ),
    advies: 7,
    plateau: 'Fundament versterken',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[7],
    lopendTraject: TRAJECT.handsOn,
    afhankelijkVan: [],
    bevindingen: [2, 4, 7],
  },
  {
    nummer: '7.2',
    titel: uit('actie 7.2: titel', '001:941', 'Wederzijdse verwachtingen adresseren'),
    omschrijving: uit(
      'actie 7.2: omschrijving',
      '001:1961-1963',
      'expliciet maken en managen van wederzijdse verwachtingen leidinggevenden en ondersteuners',
    ),
    advies: 7,
    plateau: 'Fundament versterken',
    domeinen: [...BUSINESS_DOMEINEN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[7],
    lopendTraject: TRAJECT.handsOn,
    afhankelijkVan: [],
    bevindingen: [7, 8],
  },

  // 8. Kennisdeling en externe inspiratie: "2025 en verder" → 31-12-2025
  {
    nummer: '8.1',
    titel: uit(
      'actie 8.1: titel',
      '001:947',
      'Beleggen van de verantwoordelijkheid voor interne en externe kennisdeling',
    ),
    omschrijving: uit(
      'actie 8.1: omschrijving',
      '001:1755',
      'Beleggen van de verantwoordelijkheid voor interne en externe kennisdeling',
    ),
    advies: 8,
    plateau: 'Verbeteren',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    deadline: '2025-12-31',
    planning: PLANNING[8],
    afhankelijkVan: [],
    bevindingen: [6],
  },
  {
    nummer: '8.2',
    titel: uit(
      'actie 8.2: titel',
      '001:949',
      'Ontwikkelen van een netwerk van gemeentes en andere overheidsorganisaties',
    ),
    omschrijving: uit(
      'actie 8.2: omschrijving',
      '001:1756',
      'ontwikkelen netwerk van gemeentes en andere overheidsorganisaties',
    ),
    advies: 8,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    deadline: '2025-12-31',
    planning: PLANNING[8],
    afhankelijkVan: [],
    bevindingen: [6],
  },
  {
    nummer: '8.3',
    titel: uit('actie 8.3: titel', '001:951', 'Ontwikkelen ‘leeragenda’ met relevante onderwerpen voor kennisdeling'),
    omschrijving: uit(
      'actie 8.3: omschrijving',
      '001:1757',
      'ontwikkelen ‘leeragenda’ met relevante onderwerpen voor kennisdeling',
    ),
    advies: 8,
    plateau: 'Verbeteren',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    deadline: '2025-12-31',
    planning: PLANNING[8],
    afhankelijkVan: [],
    bevindingen: [6],
  },
  {
    nummer: '8.4',
    titel: uit(
      'actie 8.4: titel',
      '001:953-954',
      'Opzetten en organiseren van structurele kennisdelingssessies, op basis van de leeragenda',
    ),
    omschrijving: uit(
      'actie 8.4: omschrijving',
      '001:1758',
      'opzetten en organiseren structurele kennisdelingssessies, o.b.v. leeragenda',
    ),
    advies: 8,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    deadline: '2025-12-31',
    planning: PLANNING[8],
    afhankelijkVan: ['8.3'],
    bevindingen: [6],
  },
  {
    nummer: '8.5',
    titel: uit('actie 8.5: titel', '001:956', 'Gildes organiseren'),
    omschrijving: uit(
      'actie 8.5: omschrijving',
      '001:1966-1971',
      'In een gilde kan kennis en ervaring worden uitgewisseld en good practices worden ontwikkeld. Dat is vooral nuttig bij vraagstukken die bij verschillende business domeinen van belang zijn. Denk hierbij aan gildes voor (de eerder genoemde) proces- en dataeigenaren en datastewards, maar ook bijv. voor projectmanagement of andere relevante onderwerpen.',
    ),
    advies: 8,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Niet gestart',
    deadline: '2025-12-31',
    planning: PLANNING[8],
    afhankelijkVan: [],
    bevindingen: [2, 7],
  },

  // 9. Afdelingsoverstijgende processen: no planning → no deadline; already part of the organisation
  {
    nummer: '9.1',
    titel: uit('actie 9.1: titel', '001:1759', 'Organiseren van relevante procesketens'),
    omschrijving: uit(
      'actie 9.1: omschrijving',
      '001:1760-1764',
      'Bepalen van veelvoorkomende procesketens waar de samenwerking tussen verschillende afdelingen / domeinen essentieel is, geredeneerd vanuit het belang van de burger. Vervolgens uitvoeren van een experiment met een multidisciplinair team en ketenverantwoordelijkheid voor een bepaalde procesketen, kiezen van een geschikte procesketen hiervoor',
    ),
    advies: 9,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    lopendTraject: TRAJECT.proceseigenaren,
    afhankelijkVan: [],
    bevindingen: [6],
  },
  {
    nummer: '9.2',
    titel: uit('actie 9.2: titel', '001:970', 'Ontwikkelen plan procesgericht organiseren'),
    omschrijving: uit(
      'actie 9.2: omschrijving',
      '001:1766-1768',
      'Ontwikkelen van een plan voor procesgericht organiseren, inclusief benoemen van mogelijke procesketens en keteneigenaarschap, obv ervaringen experiment',
    ),
    advies: 9,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    lopendTraject: TRAJECT.proceseigenaren,
    afhankelijkVan: ['9.1'],
    bevindingen: [6],
  },

  // 10. Opdrachtgeverschap en eigenaarschap: "1e halfjaar 2025 en verder" → 30-06-2025; in the leadership track
  {
    nummer: '10.1',
    titel: uit('actie 10.1: titel', '001:976', 'Ontwikkelen project opstart met focus op rollen'),
    omschrijving: uit(
      'actie 10.1: omschrijving',
      '001:1266-1271',
      'Ter opstart van projecten kan er een vaste structuur ontwikkelt worden die het effectief uitvoeren van de rollen waarborgt. Hierbij is het belangrijk dat de rollen worden geduid die onderdeel zijn van een project. Hierdoor kunnen collega’s elkaar houden aan de afgesproken rollen.',
    ),
    advies: 10,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[10],
    lopendTraject: TRAJECT.leiderschap,
    afhankelijkVan: [],
    bevindingen: [1],
  },
  {
    nummer: '10.2',
    titel: uit('actie 10.2: titel', '001:978', 'Rol definiëring bij verbeterinitiatieven'),
    omschrijving: uit(
      'actie 10.2: omschrijving',
      '001:1274-1277',
      "Het omschrijven van rollen, verantwoordelijkheden en gremia. Als dit is omschreven en afgestemd kunnen collega's zich ergens aan houden en elkaar aanspreken bij afwijkend gedrag.",
    ),
    advies: 10,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[10],
    lopendTraject: TRAJECT.leiderschap,
    afhankelijkVan: [],
    bevindingen: [1],
  },
  {
    nummer: '10.3',
    titel: uit('actie 10.3: titel', '001:980', 'Training opdrachtgeverschap en rolcoaching'),
    omschrijving: uit(
      'actie 10.3: omschrijving',
      '001:1359-1364',
      'Het succes van digitaliseringsinitiatieven valt of staat met goed eigenaarschap en effectief uitvoeren van relevante (project)rollen. Een training of workshop effectief opdrachtgeverschap kan hierbij ondersteunend zijn. Rolcoaching helpt bij het continu verbeteren van de invulling van de projectrollen.',
    ),
    advies: 10,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[10],
    lopendTraject: TRAJECT.leiderschap,
    afhankelijkVan: [],
    bevindingen: [1, 8],
  },
  {
    nummer: '10.4',
    titel: uit('actie 10.4: titel', '001:982', 'Training / coaching (data- en proces) eigenaarschap'),
    omschrijving: uit(
      'actie 10.4: omschrijving',
      '001:1973-1975',
      'Een training of workshop (data- en proces) eigenaarschap of ‘data stewardship’ kan helpen om het eigenaarschap te versterken. Rolcoaching helpt bij het continu verbeteren van deze rollen.',
    ),
    advies: 10,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[10],
    lopendTraject: TRAJECT.leiderschap,
    afhankelijkVan: [],
    bevindingen: [2, 7, 8],
  },
  {
    nummer: '10.5',
    titel: uit('actie 10.5: titel', '001:984', 'Rol definiëring (data- en proces) eigenaarschap'),
    omschrijving: uit(
      'actie 10.5: omschrijving',
      '001:1978-1979',
      'Verduidelijken van rollen, verantwoordelijkheden en het duidelijk beleggen van deze rollen in de organisatie.',
    ),
    advies: 10,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[10],
    lopendTraject: TRAJECT.leiderschap,
    afhankelijkVan: [],
    bevindingen: [2, 7],
  },
  {
    nummer: '10.6',
    titel: uit('actie 10.6: titel', '001:986', 'Rol eigenaar meenemen in werving en selectie'),
    omschrijving: uit(
      'actie 10.6: omschrijving',
      '001:1455-1457',
      'Omdat de rol nog ondervertegenwoordigd is binnen de gemeente kan dit bijdragen aan het waarborgen van het op orde houden van de basis.',
    ),
    advies: 10,
    plateau: 'Verbeteren',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-06-30',
    planning: PLANNING[10],
    lopendTraject: TRAJECT.leiderschap,
    afhankelijkVan: [],
    bevindingen: [2],
  },

  // 11. Voortdurend aandacht voor digitalisering: "Geheel 2025 en verder" → 31-12-2025; in Digitaal Samenwerken
  {
    nummer: '11.1',
    titel: uit('actie 11.1: titel', '001:2060', 'Persoonlijk leiderschap doorlopend aandacht'),
    omschrijving: uit(
      'actie 11.1: omschrijving',
      '001:2061-2064',
      'Vergroten van persoonlijke effectiviteit, aanpakken van eigen niet-productief gedrag en gebruik maken van eigen kwaliteiten en talenten door bijvoorbeeld trainingen persoonlijk leiderschap aan te bieden.',
    ),
    advies: 11,
    plateau: 'Verbeteren',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-12-31',
    planning: PLANNING[11],
    lopendTraject: TRAJECT.digitaalSamenwerken,
    afhankelijkVan: [],
    bevindingen: [8],
  },
  {
    nummer: '11.2',
    titel: uit(
      'actie 11.2: titel',
      '001:995-996',
      'Digitale competenties meenemen in profielen leidinggevenden & medewerkers',
    ),
    omschrijving: uit(
      'actie 11.2: omschrijving',
      '001:2104-2108',
      'Hierbij kan gebruik gemaakt worden van bijv. het model voor 21e eeuwse vaardigheden*. Hiermee wordt een ambitie/verwachting gezet m.b.t. digitaal leiderschap, dat kan worden gebruikt in werving & selectie en talentontwikkeling.',
    ),
    advies: 11,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-12-31',
    planning: PLANNING[11],
    lopendTraject: TRAJECT.digitaalSamenwerken,
    afhankelijkVan: [],
    bevindingen: [9],
  },
  {
    nummer: '11.3',
    titel: uit('actie 11.3: titel', '001:998', 'Bewustzijnsactie – hoe digitaal competent ben jij?'),
    omschrijving: uit(
      'actie 11.3: omschrijving',
      '001:2111-2115',
      'De wil om te ontwikkelen wordt beïnvloed door het beeld van de leidinggevende en ondersteuners van hun eigen niveau. Daarom is het van belang dat iedereen zich bewust is van zijn of haar ontwikkelmogelijkheden m.b.t. digitaliseringsthema’s.',
    ),
    advies: 11,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-12-31',
    planning: PLANNING[11],
    lopendTraject: TRAJECT.digitaalSamenwerken,
    afhankelijkVan: [],
    bevindingen: [9],
  },
  {
    nummer: '11.4',
    titel: uit('actie 11.4: titel', '001:1000', 'Gesprek gaande houden over digitaal leiderschap'),
    omschrijving: uit(
      'actie 11.4: omschrijving',
      '001:2118-2123',
      'Met dit onderzoek is digitaal leiderschap een expliciet onderwerp van gesprek geweest. Leidinggevenden hebben met elkaar gesproken over wat het inhoudt en wat daarin van hen verwacht wordt. Het regelmatig bespreken en uitwisselen van ervaringen en inzichten draagt bij aan de verdere ontwikkeling van digitaal leiderschap.',
    ),
    advies: 11,
    plateau: 'Fundament versterken',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-12-31',
    planning: PLANNING[11],
    lopendTraject: TRAJECT.digitaalSamenwerken,
    afhankelijkVan: [],
    bevindingen: [9],
  },
  {
    nummer: '11.5',
    titel: uit('actie 11.5: titel', '001:1002', 'Digitalisering als vast thema MT vergaderingen'),
    omschrijving: uit(
      'actie 11.5: omschrijving',
      '001:2125-2128',
      'Om de continuïteit van digitalisering te waarborgen is het van belang om het een vast onderdeel te maken van de MT vergaderingen. Zo blijft er grip op de voortgang en kan er tijdig worden ingegrepen bij initiatieven die vastlopen.',
    ),
    advies: 11,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...BUSINESS_DOMEINEN, 'Concern'],
    // The agenda item itself (000:129-132): it runs, doorlopend, judged on its borging per MT; only the support goes
    // through Digitaal Samenwerken, so the track says that and no more.
    status: 'Loopt',
    statusToelichting: uit(
      'actie 11.5: statusToelichting',
      '000:130',
      'Het belang van digitalisering wordt expliciet op de agenda gezet',
    ),
    deadline: '2025-12-31',
    planning: PLANNING[11],
    lopendTraject: TRAJECT.ondersteuningDigitaalSamenwerken,
    afhankelijkVan: [],
    bevindingen: [9],
  },
  {
    nummer: '11.6',
    titel: uit('actie 11.6: titel', '001:1004', 'Leergang digitaal leiderschap aanbieden'),
    omschrijving: uit(
      'actie 11.6: omschrijving',
      '001:2130-2135',
      'Bied de leidinggevenden de optie om kennis en competenties mbt digitale transformatie te versterken en verbreden in een leergang. In deze leergang kan ook aandacht worden besteed aan persoonlijk leiderschap, opdrachtgever- en eigenaarschap. Bijvoorbeeld een leergang van VNG** of leergang van gemeente Almere.',
    ),
    advies: 11,
    plateau: 'Excelleren',
    domeinen: [...CONCERN],
    status: 'Belegd in lopend traject',
    deadline: '2025-12-31',
    planning: PLANNING[11],
    lopendTraject: TRAJECT.digitaalSamenwerken,
    afhankelijkVan: [],
    bevindingen: [9],
  },
];

/** The whole plan: 3 themes, 11 recommendations, 9 findings and 33 actions. */
export const zoetermeerPlan: Plan = {
  themas: THEMAS.map((t) => ({ ...t, adviezen: [...t.adviezen] })),
  adviezen: ADVIEZEN,
  bevindingen: BEVINDINGEN,
  acties: ACTIES,
};

/**
 * Progress per domain on the shared actions (issue 12, point 4): a row per domain for every action of several domains
 * (1.1, 3.3, 5.1, 6.1, 6.2, 7.1, 7.2 to the four business domains, 11.5 to those and Concern), starting where the action
 * starts, so the roll-up shows the seeded status. The owner of each domain's row of 1.1 is that domain's
 * informatiemanager: they "voeren de regie over de ontwikkeling van een gemeenschappelijke visie en roadmap voor het
 * business domein" (001:781–784), and in 1.1 "de IMer kan hierin een belangrijke rol spelen" (001:1650–1656). The
 * other rows get no owner: no seed names one per domain. Deadlines are left to the action's.
 */
export const zoetermeerDomeinVoortgang: DomeinVoortgang[] = ACTIES.filter(hasDomeinVoortgang).flatMap((actie) =>
  actie.domeinen.map((domein): DomeinVoortgang => {
    const rij: DomeinVoortgang = { actie: actie.nummer, domein, status: actie.status };
    if (actie.statusToelichting) rij.statusToelichting = actie.statusToelichting;
    if (actie.nummer === '1.1' && domein !== 'Concern')
      rij.eigenaar = rol(`Informatiemanager ${domein}` as PersonaRole);
    return rij;
  }),
);

/**
 * A sample ICT portfolio (I&A) built from the initiatives the seeds name. Statuses, phases, priorities and dates are
 * illustrative, chosen so that every domain, phase and status occurs; the quarter is 2026-Q4. No item has an
 * opdrachtgever: no seed names the owner of any of these initiatives, and the plan invents no owner (issue 13, point
 * 4), so the portfolio shows them without one until I&A records who it is. The informatiemanager is the item's
 * domain's, who represents the domain towards I&A (001:781–784).
 */
export const zoetermeerPortfolio: PortfolioItem[] = [
  {
    key: 'zaaksysteem',
    titel: 'Nieuw zaaksysteem (applicatie zaakgericht werken)',
    omschrijving:
      'Vervanging van het zaaksysteem en invoering van zaakgericht werken. Het project begon gezamenlijk, maar al snel ontstonden uitwerkingen per afdeling (bevinding 6).',
    domein: 'Dienstverlening',
    informatiemanager: rol('Informatiemanager Dienstverlening'),
    fase: 'Uitvoering',
    status: 'Aandacht',
    statusToelichting: 'Afdelingen willen eigen zaaktypen; gezamenlijke inrichting wordt in het IMO opnieuw afgestemd.',
    prioriteit: 1,
    ditKwartaal: 'wel',
    start: '2025-01-01',
    einde: '2026-12-31',
    acties: ['6.1', '6.2', '7.1'],
  },
  {
    key: 'datagedreven-werken',
    titel: 'Programma Datagedreven Werken',
    omschrijving:
      'Concernbreed programma voor dashboards en analyses op betrouwbare data. De focus lag te veel op de etalage; de ontwikkeling binnen de afdelingen krijgt nu voorrang.',
    domein: 'Concern',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Uitvoering',
    status: 'Aandacht',
    statusToelichting: 'Data-eigenaarschap is bij meerdere afdelingen nog niet belegd; dat vertraagt de dashboards.',
    prioriteit: 2,
    ditKwartaal: 'wel',
    start: '2024-01-01',
    einde: '2027-12-31',
    acties: ['2.2', '2.3', '8.5', '10.4', '10.5'],
  },
  {
    key: 'burgerportaal',
    titel: 'Burgerportaal',
    omschrijving:
      'Portaal waarin inwoners en ondernemers hun aanvragen indienen en volgen. Les uit de start: expertise vanaf het begin betrekken.',
    domein: 'Dienstverlening',
    informatiemanager: rol('Informatiemanager Dienstverlening'),
    fase: 'Uitvoering',
    status: 'Op koers',
    prioriteit: 3,
    ditKwartaal: 'wel',
    start: '2025-04-01',
    einde: '2026-12-31',
    acties: ['6.1', '6.2'],
  },
  {
    key: 'informatiebeheer-sharepoint',
    titel: 'Informatiebeheer via SharePoint',
    omschrijving:
      'Professionalisering van informatiebeheer: documenten en dossiers van netwerkschijven naar SharePoint, met bewaartermijnen en archivering.',
    domein: 'Concern',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Uitvoering',
    status: 'Kritiek',
    statusToelichting:
      'De migratie loopt een kwartaal achter: afdelingen hebben geen capaciteit om hun bestanden op te schonen. Besluit over extra hands-on ondersteuning gevraagd.',
    prioriteit: 4,
    ditKwartaal: 'wel',
    start: '2025-06-01',
    einde: '2026-12-31',
    acties: ['7.1', '7.2'],
  },
  {
    key: 'rpa',
    titel: 'Robotic Process Automation (RPA)',
    omschrijving: 'Automatiseren van repeterende bedrijfsvoeringstaken met software-robots.',
    domein: 'Bedrijfsvoering',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Uitvoering',
    status: 'Op koers',
    prioriteit: 5,
    ditKwartaal: 'wel',
    start: '2025-09-01',
    einde: '2026-12-31',
    acties: ['7.1'],
  },
  {
    key: 'bedrijfsvoeringdashboard',
    titel: 'Bedrijfsvoeringdashboard 2.0',
    omschrijving: 'Vernieuwd dashboard voor datagedreven sturing op financiën, personeel en inkoop.',
    domein: 'Bedrijfsvoering',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Voorbereiding',
    status: 'Op koers',
    prioriteit: 6,
    ditKwartaal: 'wel',
    start: '2026-09-01',
    einde: '2027-06-30',
    acties: ['1.2', '2.2'],
  },
  {
    key: 'archiefwet',
    titel: 'Voorbereiding herziening Archiefwet',
    omschrijving:
      'Voorbereiden op de herziene Archiefwet (kortere overbrengingstermijn, openbaarheid). Hoe gegevens veilig worden aangeleverd is nog niet helder en mist een eigenaar (bevinding 7).',
    domein: 'Concern',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Voorbereiding',
    status: 'Aandacht',
    statusToelichting: 'Eigenaarschap nog niet belegd; het IMO heeft besloten dit kwartaal niet te starten.',
    prioriteit: 7,
    ditKwartaal: 'niet',
    start: '2027-01-01',
    einde: '2027-12-31',
    acties: ['10.5'],
  },
  {
    key: 'digitaal-samenwerken',
    titel: 'Digitaal Samenwerken',
    omschrijving:
      'Concernbreed traject voor digitaal samenwerken en digitale vaardigheden, met de leeromgeving (Enzo); hierin zijn de acties van advies 11 belegd.',
    domein: 'Concern',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Uitvoering',
    status: 'Op koers',
    prioriteit: 8,
    ditKwartaal: 'wel',
    start: '2024-01-01',
    einde: '2026-12-31',
    acties: ['11.1', '11.2', '11.3', '11.4', '11.5', '11.6'],
  },
  {
    key: 'wmebv',
    titel: 'Implementatie Wet modernisering elektronisch bestuurlijk verkeer',
    omschrijving:
      'Inwoners en ondernemers kunnen elektronisch met de gemeente communiceren. Zoetermeer is voorloper; succesfactoren waren duidelijke besluitvorming en goed opdrachtgeverschap.',
    domein: 'Dienstverlening',
    informatiemanager: rol('Informatiemanager Dienstverlening'),
    fase: 'Nazorg',
    status: 'Op koers',
    prioriteit: 9,
    ditKwartaal: 'wel',
    start: '2024-01-01',
    einde: '2026-12-31',
    acties: ['10.1'],
  },
  {
    key: 'hr-analytics',
    titel: 'HR-analytics en strategische personeelsplanning',
    omschrijving: 'Datagedreven sturing op capaciteit, inzetbaarheid en effectiviteit (begroting 2026).',
    domein: 'Bedrijfsvoering',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Voorbereiding',
    status: 'Op koers',
    prioriteit: 10,
    ditKwartaal: 'wel',
    start: '2026-07-01',
    einde: '2027-12-31',
    acties: ['11.2'],
  },
  {
    key: 'grip-op-wmo',
    titel: 'Grip op Wmo',
    omschrijving:
      'Initiatief vanuit de organisatie: een groep medewerkers verbetert zelf de Wmo-processen, zonder er een officieel project van te maken. Voorstel om het op het portfolio te zetten.',
    domein: 'Sociaal Domein',
    informatiemanager: rol('Informatiemanager Sociaal Domein'),
    fase: 'Idee',
    status: 'Op koers',
    ditKwartaal: 'niet',
    acties: ['6.2', '9.1'],
  },
  {
    key: 'sensordata-openbare-ruimte',
    titel: 'Sensordata voor beheer openbare ruimte',
    omschrijving:
      'Idee voor een innovatie: analyse van sensordata voor nieuwe toepassingen in het beheer van de openbare ruimte. Wacht op de keuze over het apart positioneren van innovatie (4.1).',
    domein: 'Fysiek Domein',
    informatiemanager: rol('Informatiemanager Fysiek Domein'),
    fase: 'Idee',
    status: 'Op koers',
    ditKwartaal: 'niet',
    acties: ['4.1'],
  },
  {
    key: 'kaart-ondergrond',
    titel: 'Kaart voor de ondergrond',
    omschrijving:
      'Digitale kaart van kabels, leidingen en andere objecten in de ondergrond; voorbeeld van effectieve samenwerking.',
    domein: 'Fysiek Domein',
    informatiemanager: rol('Informatiemanager Fysiek Domein'),
    fase: 'Afgerond',
    status: 'Op koers',
    ditKwartaal: 'niet',
    start: '2024-01-01',
    einde: '2025-06-30',
    acties: ['6.1'],
  },
  {
    key: 'automatisering-facturatie',
    titel: 'Automatisering facturatieproces',
    omschrijving:
      'Toen een financieel medewerker vertrok, is het facturatieproces geautomatiseerd in plaats van de vacature te vervullen.',
    domein: 'Bedrijfsvoering',
    informatiemanager: rol('Informatiemanager Bedrijfsvoering'),
    fase: 'Afgerond',
    status: 'Op koers',
    ditKwartaal: 'niet',
    start: '2024-03-01',
    einde: '2024-12-31',
    acties: [],
  },
  {
    key: 'zaakgericht-werken-sociaal-eigen',
    titel: 'Eigen inrichting zaakgericht werken Sociaal Domein',
    omschrijving: 'Afdelingsspecifieke uitwerking van zaakgericht werken binnen het Sociaal Domein.',
    domein: 'Sociaal Domein',
    informatiemanager: rol('Informatiemanager Sociaal Domein'),
    fase: 'Gestopt',
    status: 'Aandacht',
    statusToelichting:
      'Gestopt om een eigen oplossing per afdeling te voorkomen; opgegaan in de gezamenlijke inrichting van het nieuwe zaaksysteem.',
    ditKwartaal: 'niet',
    start: '2025-02-01',
    einde: '2025-09-30',
    acties: ['6.1'],
  },
];

/** Quarter goals: 2026-Q3 with the IMO's verdict (3.3: met? if not, why not?), 2026-Q4 still open. */
export const zoetermeerKwartaaldoelen: Kwartaaldoel[] = [
  // 2026-Q3, judged
  {
    portfolioKey: 'zaaksysteem',
    kwartaal: '2026-Q3',
    doel: 'Zaaktypen van Burgerzaken en Meldingen openbare ruimte live in het nieuwe zaaksysteem',
    behaald: 'deels',
    reden:
      'Meldingen zijn live; Burgerzaken is uitgesteld omdat afdelingen eigen zaaktypen wilden. Eerst afstemming in het IMO.',
  },
  {
    portfolioKey: 'datagedreven-werken',
    kwartaal: '2026-Q3',
    doel: 'Drie afdelingsdashboards in gebruik op basis van beschreven en beheerde data',
    behaald: 'nee',
    reden:
      'Data-eigenaarschap is bij twee afdelingen niet belegd; de datakwaliteit is onvoldoende om de dashboards vrij te geven.',
  },
  {
    portfolioKey: 'burgerportaal',
    kwartaal: '2026-Q3',
    doel: 'Inwoners kunnen de status van hun aanvraag volgen in het Burgerportaal',
    behaald: 'ja',
  },
  {
    portfolioKey: 'informatiebeheer-sharepoint',
    kwartaal: '2026-Q3',
    doel: 'Netwerkschijven van het Fysiek Domein gemigreerd naar SharePoint',
    behaald: 'nee',
    reden:
      'Afdelingen hadden geen capaciteit om hun bestanden op te schonen; de migratie schuift door naar het vierde kwartaal.',
  },
  {
    portfolioKey: 'rpa',
    kwartaal: '2026-Q3',
    doel: 'Twee bedrijfsvoeringsprocessen geautomatiseerd met RPA',
    behaald: 'ja',
  },
  {
    portfolioKey: 'digitaal-samenwerken',
    kwartaal: '2026-Q3',
    doel: 'Module digitaal leiderschap voor alle leidinggevenden beschikbaar in de leeromgeving',
    behaald: 'ja',
  },
  {
    portfolioKey: 'wmebv',
    kwartaal: '2026-Q3',
    doel: 'Alle digitale formulieren voldoen aan de Wmebv',
    behaald: 'deels',
    reden: 'Twee formulieren van het Sociaal Domein wachten op een update van de leverancier.',
  },
  {
    portfolioKey: 'hr-analytics',
    kwartaal: '2026-Q3',
    doel: 'Behoeftepeiling HR-analytics bij de directies afgerond',
    behaald: 'ja',
  },

  // 2026-Q4, open
  {
    portfolioKey: 'zaaksysteem',
    kwartaal: '2026-Q4',
    doel: 'Zaaktypen van Burgerzaken live in het nieuwe zaaksysteem',
  },
  {
    portfolioKey: 'datagedreven-werken',
    kwartaal: '2026-Q4',
    doel: 'Data-eigenaren benoemd voor de drie prioritaire dashboards',
  },
  {
    portfolioKey: 'burgerportaal',
    kwartaal: '2026-Q4',
    doel: 'Koppeling van het Burgerportaal met het nieuwe zaaksysteem in productie',
  },
  {
    portfolioKey: 'informatiebeheer-sharepoint',
    kwartaal: '2026-Q4',
    doel: 'Netwerkschijven van het Fysiek Domein gemigreerd naar SharePoint',
  },
  {
    portfolioKey: 'rpa',
    kwartaal: '2026-Q4',
    doel: 'Derde proces (verwerking personeelsmutaties) geautomatiseerd met RPA',
  },
  {
    portfolioKey: 'bedrijfsvoeringdashboard',
    kwartaal: '2026-Q4',
    doel: 'Eisen en gegevensbronnen van het Bedrijfsvoeringdashboard 2.0 vastgesteld',
  },
  {
    portfolioKey: 'digitaal-samenwerken',
    kwartaal: '2026-Q4',
    doel: 'Eerste groep leidinggevenden heeft de leergang digitaal leiderschap afgerond',
  },
  {
    portfolioKey: 'wmebv',
    kwartaal: '2026-Q4',
    doel: 'Laatste formulieren van het Sociaal Domein voldoen aan de Wmebv',
  },
  {
    portfolioKey: 'hr-analytics',
    kwartaal: '2026-Q4',
    doel: 'Eerste overzicht strategische personeelsplanning voor het CMT',
  },
];

/**
 * The management teams that get the digitalisering agenda item (11.5): one per business domain and the CMT.
 * The CMT meets weekly (003); the domain MTs weekly or every other week. Times are Amsterdam wall-clock times;
 * the agenda item is posted a day ahead.
 */
export const zoetermeerMTs: MT[] = [
  {
    key: 'cmt',
    naam: 'CMT',
    domeinen: ['Concern'],
    schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
    voorlooptijdMinuten: 1440,
    actief: true,
  },
  {
    key: 'mt-bedrijfsvoering',
    naam: 'MT Bedrijfsvoering',
    domeinen: ['Bedrijfsvoering'],
    schema: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0',
    voorlooptijdMinuten: 1440,
    actief: true,
  },
  {
    key: 'mt-dienstverlening',
    naam: 'MT Dienstverlening',
    domeinen: ['Dienstverlening'],
    schema: 'DTSTART;TZID=Europe/Amsterdam:20260108T093000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=9;BYMINUTE=30',
    voorlooptijdMinuten: 1440,
    actief: true,
  },
  {
    key: 'mt-fysiek-domein',
    naam: 'MT Fysiek Domein',
    domeinen: ['Fysiek Domein'],
    schema:
      'DTSTART;TZID=Europe/Amsterdam:20260113T133000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=13;BYMINUTE=30',
    voorlooptijdMinuten: 1440,
    actief: true,
  },
  {
    key: 'mt-sociaal-domein',
    naam: 'MT Sociaal Domein',
    domeinen: ['Sociaal Domein'],
    schema: 'FREQ=WEEKLY;BYDAY=TH;BYHOUR=13;BYMINUTE=0',
    voorlooptijdMinuten: 1440,
    actief: true,
  },
];
