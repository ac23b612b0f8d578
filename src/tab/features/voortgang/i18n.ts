import { defineCatalogue } from '../../i18n/feature-catalogue.js';

/** The progress dashboard's own texts (issue 8), in the lazy voortgang chunk. Dutch first; English has the same keys. */
export const voortgangCatalogue = defineCatalogue(
  {
    'peildatum.label': 'Peildatum',
    'peildatum.hint': 'Alle cijfers gelden voor het einde van deze dag (Amsterdamse tijd).',
    'peildatum.today': 'Vandaag',
    'peildatum.live': 'Stand van vandaag, inclusief wijzigingen die nog worden opgeslagen.',
    'peildatum.history': 'Stand op {datum} volgens de versiegeschiedenis in SharePoint.',
    'peildatum.noHistory':
      'Voor {datum} is er geen geschiedenis: de eerste versie in SharePoint is van {eerste}. Kies een latere datum.',
    'peildatum.noHistoryAtAll': 'Voor {datum} is er geen geschiedenis in SharePoint. Kies een latere datum.',
    'data.loading': 'Geschiedenis, vergaderingen en portfolio laden…',
    'data.errorTitle': 'De geschiedenis, vergaderingen en het portfolio konden niet worden geladen',
    'section.groups': 'Stand per advies, plateau, thema en domein',
    'planning.title': 'Tegen de planning van het college',
    'planning.intro':
      'Per advies de planning uit de collegereactie, de termijn die daaruit volgt en het oordeel op de peildatum.',
    'planning.caption': 'Oordeel over de planning per advies op {datum}',
    'planning.col.advies': 'Advies',
    'planning.col.planning': 'Planning college',
    'planning.col.termijn': 'Termijn',
    'planning.col.oordeel': 'Oordeel',
    'planning.col.afgerond': 'Afgerond',
    'planning.col.achterstallig': 'Achterstallig',
    'planning.geenTermijn': '—',
    'planning.ofTotal': '{afgerond} van {total}',
    'planning.summary':
      'Gehaald: {gehaald} · niet gehaald: {nietGehaald} · doorlopend: {doorlopend} · niet op tijd gestart: {nietGestart} · binnen termijn: {binnen} · geen termijn: {geen}',
    'planning.geenPlanning': 'Het college gaf geen planning',
    'planning.doorlopendVanaf': 'doorlopend vanaf {datum}',
    'planning.regel':
      'Een planning die eindigt op “en verder” is een doorlopende afspraak: op tijd als het werk op die datum is begonnen, daarna beoordeeld op het volhouden (voor 11.5 de borging per MT), nooit “niet gehaald” omdat de datum voorbij is. Achterstallig is zo’n actie alleen zolang ze na die datum nog niet is gestart.',
    'planning.samenhangNoemt':
      'In samenhang met {aantal, plural, one {advies} other {advies}} {nummers}: genoemd in de reactie van het college op dit advies',
    'planning.samenhangGenoemdDoor':
      'In samenhang met advies {nummer}: de reactie van het college op advies {nummer} noemt dit advies',
    'oordeel.gehaald': 'Gehaald',
    'oordeel.niet-gehaald': 'Niet gehaald',
    'oordeel.doorlopend': 'Doorlopend',
    'oordeel.niet-gestart': 'Niet op tijd gestart',
    'oordeel.binnen-termijn': 'Binnen termijn',
    'oordeel.geen-termijn': 'Geen termijn',
    'gate.title': 'Eerst het fundament',
    'gate.open':
      '{eerste} is gereed ({afgerond} van {opgepakt} opgepakte acties afgerond): de weg naar {laatste} is vrij.',
    'gate.vroeg':
      '{eerste} is voor {percent}% gereed ({afgerond} van {opgepakt} opgepakte acties afgerond), maar {laatste} is al in beweging ({beweging} van {excelleren} acties): eerder dan het plan bedoelt.',
    'gate.dicht':
      '{eerste} is voor {percent}% gereed ({afgerond} van {opgepakt} opgepakte acties afgerond); {laatste} wacht daarop, zoals het plan bedoelt.',
    'gate.traject':
      '{n} {laatste}-acties zijn door het college belegd in een lopend traject; die tellen niet als vroeg.',
    'gate.regel':
      'Belegd in lopend traject is geen afgeronde actie en geen afwijking: het college heeft deze acties zelf in een lopend traject belegd; ze tellen mee in het totaal, niet als afgerond, en niet als ‘eerder dan het plan bedoelt’.',
    'gate.plateaus': 'Afgerond per plateau, in volgorde',
    'gate.bar': '{plateau}: {afgerond} van {opgepakt} opgepakte acties afgerond ({percent}%)',
    'gate.barEmpty': '{plateau}: geen opgepakte acties',
    'trend.title': 'Trend per maand',
    'trend.start':
      'De geschiedenis begint in {maand}: de maand van de eerste versie in SharePoint. Elke maand telt de stand aan het einde van die maand; de laatste maand de stand op de peildatum.',
    'trend.empty': 'Er is nog geen geschiedenis tot {datum}.',
    'trend.chartCaption':
      'Aantal acties per status aan het einde van elke maand. De tabel eronder bevat dezelfde cijfers.',
    'trend.caption': 'Stand per maand, van {van} tot {tot}',
    'trend.col.maand': 'Maand',
    'trend.col.peildatum': 'Stand op',
    'borging.title': 'Borging advies 11.5: digitalisering in de MT-vergaderingen',
    'borging.intro':
      'Per MT: hoe vaak het agendapunt digitalisering is verstuurd en besproken, en welke besluiten zijn vastgelegd, tot en met de peildatum.',
    'borging.caption': 'Borging per MT tot en met {datum}',
    'borging.col.mt': 'MT',
    'borging.col.vergaderingen': 'Vergaderingen',
    'borging.col.verzonden': 'Agendapunt verstuurd',
    'borging.col.besproken': 'Besproken',
    'borging.col.besprokenPercent': '% besproken',
    'borging.col.besluiten': 'Besluiten',
    'borging.col.afgevinkt': 'Afgevinkt',
    'borging.col.mislukt': 'Mislukt',
    'borging.col.laatste': 'Laatste vergadering',
    'borging.geen': 'Nog geen',
    'borging.noMts': 'Er zijn nog geen MT’s geregistreerd.',
    'stilstand.title': 'Stilstaande acties',
    'stilstand.intro': 'Open acties die op {drempel} of meer opeenvolgende agenda’s ongewijzigd stonden.',
    'stilstand.none':
      'Geen stilstaande acties: geen open actie stond op {drempel} of meer opeenvolgende agenda’s ongewijzigd.',
    'stilstand.caption': 'Stilstaande acties per MT',
    'stilstand.col.mt': 'MT',
    'stilstand.col.actie': 'Actie',
    'stilstand.col.status': 'Status',
    'stilstand.col.sinds': 'Sinds vergadering',
    'stilstand.col.vergaderingen': 'Vergaderingen',
    'download.title': 'Rapportage',
    'download.pdf': 'Rapportage (PDF)',
    'download.docx': 'Rapportage (Word)',
    'download.busy': 'Rapportage maken…',
    'download.error':
      'De rapportage kon niet worden gemaakt. Probeer het opnieuw; lukt het dan nog niet, herlaad de pagina en probeer het nog eens. {detail}',
    'download.waiting': 'Beschikbaar zodra de gegevens geladen zijn.',
    'download.wholePlan': 'De rapportage gaat over het hele actieplan, niet alleen over dit domein.',
  },
  {
    'peildatum.label': 'Reference date',
    'peildatum.hint': 'All figures are for the end of this day (Amsterdam time).',
    'peildatum.today': 'Today',
    'peildatum.live': 'Today’s state, including changes still being saved.',
    'peildatum.history': 'State on {datum} according to the version history in SharePoint.',
    'peildatum.noHistory':
      'There is no history for {datum}: the first version in SharePoint is from {eerste}. Choose a later date.',
    'peildatum.noHistoryAtAll': 'There is no history in SharePoint for {datum}. Choose a later date.',
    'data.loading': 'Loading history, meetings and portfolio…',
    'data.errorTitle': 'The history, meetings and portfolio could not be loaded',
    'section.groups': 'Status per recommendation, plateau, theme and domain',
    'planning.title': 'Against the Municipal Executive’s planning',
    'planning.intro':
      'Per recommendation the planning from the response of the Municipal Executive (college van B&W), the term that follows from it, and the judgement on the reference date.',
    'planning.caption': 'Judgement of the planning per recommendation on {datum}',
    'planning.col.advies': 'Recommendation',
    'planning.col.planning': 'Executive’s planning',
    'planning.col.termijn': 'Term',
    'planning.col.oordeel': 'Judgement',
    'planning.col.afgerond': 'Done',
    'planning.col.achterstallig': 'Overdue',
    'planning.geenTermijn': '—',
    'planning.ofTotal': '{afgerond} of {total}',
    'planning.summary':
      'Met: {gehaald} · not met: {nietGehaald} · ongoing: {doorlopend} · not started on time: {nietGestart} · within term: {binnen} · no term: {geen}',
    'planning.geenPlanning': 'The Municipal Executive gave no planning',
    'planning.doorlopendVanaf': 'ongoing from {datum}',
    'planning.regel':
      'A planning that ends in “en verder” (and onwards) is a standing commitment: on time when the work has started by that date, afterwards judged on being kept up (for 11.5 the embedding per MT), never “not met” because the date has passed. Such an action is overdue only while it has not started after that date.',
    'planning.samenhangNoemt':
      'Taken up together with {aantal, plural, one {recommendation} other {recommendations}} {nummers}: named in the Municipal Executive’s response to this recommendation',
    'planning.samenhangGenoemdDoor':
      'Taken up together with recommendation {nummer}: the Municipal Executive’s response to recommendation {nummer} names this recommendation',
    'oordeel.gehaald': 'Met',
    'oordeel.niet-gehaald': 'Not met',
    'oordeel.doorlopend': 'Ongoing',
    'oordeel.niet-gestart': 'Not started on time',
    'oordeel.binnen-termijn': 'Within term',
    'oordeel.geen-termijn': 'No term',
    'gate.title': 'Foundation first',
    'gate.open': '{eerste} is complete ({afgerond} of {opgepakt} adopted actions done): the way to {laatste} is open.',
    'gate.vroeg':
      '{eerste} is {percent}% complete ({afgerond} of {opgepakt} adopted actions done), but {laatste} is already moving ({beweging} of {excelleren} actions): earlier than the plan intends.',
    'gate.dicht':
      '{eerste} is {percent}% complete ({afgerond} of {opgepakt} adopted actions done); {laatste} waits for it, as the plan intends.',
    'gate.traject':
      '{n} {laatste} actions were placed by the Municipal Executive in a running track; they do not count as early.',
    'gate.regel':
      'In a running track (Belegd in lopend traject) is neither a finished action nor a deviation: the Municipal Executive placed these actions in a running track itself; they count in the total, not as done, and not as ‘earlier than the plan intends’.',
    'gate.plateaus': 'Done per plateau, in order',
    'gate.bar': '{plateau}: {afgerond} of {opgepakt} adopted actions done ({percent}%)',
    'gate.barEmpty': '{plateau}: no adopted actions',
    'trend.title': 'Trend per month',
    'trend.start':
      'The history starts in {maand}: the month of the first version in SharePoint. Each month counts the state at the end of that month; the last month the state on the reference date.',
    'trend.empty': 'There is no history up to {datum} yet.',
    'trend.chartCaption':
      'Number of actions per status at the end of each month. The table below holds the same figures.',
    'trend.caption': 'State per month, from {van} to {tot}',
    'trend.col.maand': 'Month',
    'trend.col.peildatum': 'State on',
    'borging.title': 'Embedding recommendation 11.5: digitalisation in the MT meetings',
    'borging.intro':
      'Per MT: how often the digitalisation agenda item was sent and discussed, and which decisions were recorded, up to and including the reference date.',
    'borging.caption': 'Embedding per MT up to and including {datum}',
    'borging.col.mt': 'MT',
    'borging.col.vergaderingen': 'Meetings',
    'borging.col.verzonden': 'Agenda item sent',
    'borging.col.besproken': 'Discussed',
    'borging.col.besprokenPercent': '% discussed',
    'borging.col.besluiten': 'Decisions',
    'borging.col.afgevinkt': 'Ticked',
    'borging.col.mislukt': 'Failed',
    'borging.col.laatste': 'Last meeting',
    'borging.geen': 'None yet',
    'borging.noMts': 'No MTs have been registered yet.',
    'stilstand.title': 'Stalled actions',
    'stilstand.intro': 'Open actions that stood unchanged on {drempel} or more consecutive agendas.',
    'stilstand.none': 'No stalled actions: no open action stood unchanged on {drempel} or more consecutive agendas.',
    'stilstand.caption': 'Stalled actions per MT',
    'stilstand.col.mt': 'MT',
    'stilstand.col.actie': 'Action',
    'stilstand.col.status': 'Status',
    'stilstand.col.sinds': 'Since meeting',
    'stilstand.col.vergaderingen': 'Meetings',
    'download.title': 'Report',
    'download.pdf': 'Report (PDF)',
    'download.docx': 'Report (Word)',
    'download.busy': 'Creating report…',
    'download.error':
      'The report could not be created. Try again; if it still fails, reload the page and try once more. {detail}',
    'download.waiting': 'Available once the data has loaded.',
    'download.wholePlan': 'The report covers the whole action plan, not only this domain.',
  },
);

export type VoortgangKey = keyof typeof voortgangCatalogue.nl;
